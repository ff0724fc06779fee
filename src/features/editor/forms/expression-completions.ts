/**
 * Autocomplete inside expressions and `{{ }}` templates: the roots an expression can read
 * (`input`, `steps`, `step_input`, and `output` on edge conditions), the segment's step ids
 * after `steps.`, the run input's fields after `input.`, and common JSONata functions.
 * Scope getters are called when the list opens, so nothing here subscribes to the store.
 */
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from "@codemirror/autocomplete";

export type ExpressionScope = {
  stepIds: () => readonly string[];
  inputFields: () => readonly string[];
  /** Extra roots for this editor, e.g. `output` in an edge condition. */
  roots?: readonly Completion[];
};

const ROOTS: readonly Completion[] = [
  { label: "input", type: "variable", detail: "run input" },
  { label: "steps", type: "variable", detail: "outputs by step id" },
  { label: "step_input", type: "variable", detail: "this step's input" },
];

const FUNCTIONS: readonly Completion[] = [
  ["$string", "to text"],
  ["$number", "to number"],
  ["$boolean", "to boolean"],
  ["$exists", "is defined"],
  ["$count", "array length"],
  ["$sum", "add up"],
  ["$length", "text length"],
  ["$lowercase", ""],
  ["$uppercase", ""],
  ["$trim", ""],
  ["$contains", "text contains"],
  ["$substring", ""],
  ["$split", ""],
  ["$join", ""],
  ["$keys", "object keys"],
  ["$map", ""],
  ["$filter", ""],
  ["$round", ""],
  ["$now", "ISO timestamp"],
  ["$not", ""],
  ["$eval", "parse JSON text"],
].map(([label, detail]) => ({ label: label!, type: "function", detail: detail || undefined, apply: `${label}(` }));

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A path step as JSONata needs it: names with `-` or spaces go in backticks. */
const pathName = (name: string): string => (IDENTIFIER.test(name) ? name : `\`${name}\``);

/** Is the cursor (end of `before`) inside an open `{{ … }}`? */
export function insideTemplateExpression(before: string): boolean {
  return before.lastIndexOf("{{") > before.lastIndexOf("}}");
}

/** The completions for the text before the cursor (pure, for tests): what is typed and what fits. */
export function completeAt(before: string, scope: ExpressionScope): { typed: string; options: Completion[] } | null {
  const match = /[$A-Za-z_][\w$]*(?:\.[\w$`-]*)*$|\$$/.exec(before);
  const typed = match?.[0] ?? "";
  const dot = typed.lastIndexOf(".");
  if (dot >= 0) {
    const head = typed.slice(0, dot);
    const names = head === "steps" ? scope.stepIds() : head === "input" ? scope.inputFields() : [];
    if (names.length === 0) return null;
    const detail = head === "steps" ? "step" : "input field";
    return { typed: typed.slice(dot + 1), options: names.map((name) => ({ label: name, apply: pathName(name), type: "property", detail })) };
  }
  if (typed.startsWith("$")) return { typed, options: [...FUNCTIONS] };
  return { typed, options: [...(scope.roots ?? []), ...ROOTS, ...FUNCTIONS] };
}

export function expressionCompletions(scope: ExpressionScope, mode: "jsonata" | "template"): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const before = context.state.sliceDoc(Math.max(0, context.pos - 400), context.pos);
    if (mode === "template" && !insideTemplateExpression(before)) return null;
    const found = completeAt(before, scope);
    if (!found) return null;
    if (found.typed === "" && !context.explicit && !before.endsWith(".")) return null;
    return { from: context.pos - found.typed.length, options: found.options, validFor: /^[\w$]*$/ };
  };
}
