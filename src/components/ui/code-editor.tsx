"use client";
/**
 * A small code editor (CodeMirror 6) for expressions, templates and JSON in forms.
 *
 * Controlled like an input: `value` in, `onChange(text)` out. The view is created in an
 * effect, so server rendering only emits the framed placeholder box (no `document` access
 * on the server) and the editor appears on the client without a layout jump.
 *
 * Diagnostics come from a `lint(text)` callback (cheap, synchronous) and show as underlines
 * with a hover tooltip; the caller renders its own message line from the same function.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type CompletionSource } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import { bracketMatching, defaultHighlightStyle, StreamLanguage, syntaxHighlighting, type StringStream } from "@codemirror/language";
import { linter, type Diagnostic } from "@codemirror/lint";
import { Annotation, Compartment, EditorState, Prec, type Extension } from "@codemirror/state";
import {
  Decoration,
  EditorView,
  keymap,
  MatchDecorator,
  placeholder as placeholderExtension,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from "@codemirror/view";
import { useEffect, useLayoutEffect, useRef } from "react";
import { cx } from "./cx";

export type CodeLanguage = "json" | "jsonata" | "template" | "plain";

/** A problem in the text: offsets into the value, `from` ≤ `to`. */
export type CodeDiagnostic = { from: number; to: number; message: string; severity: "error" | "warning" };

export type CodeEditorProps = {
  value: string;
  onChange: (value: string) => void;
  /** `jsonata`: one expression; `template`: text with `{{ expression }}` parts. Fixed per mount. */
  language?: CodeLanguage;
  /** Single-line: Enter does nothing and pasted newlines become spaces. Fixed per mount. */
  multiline?: boolean;
  /** Height of an empty multi-line editor, in lines. */
  minLines?: number;
  /** Taller content scrolls, in lines. */
  maxLines?: number;
  lint?: (text: string) => readonly CodeDiagnostic[];
  /** Autocomplete; consulted on every keystroke (read fresh state inside). */
  completions?: CompletionSource;
  placeholder?: string;
  readOnly?: boolean;
  /** Red frame, like an invalid Input. */
  invalid?: boolean;
  id?: string;
  "aria-label"?: string;
  "aria-describedby"?: string;
  onBlur?: () => void;
  className?: string;
};

const LINE_HEIGHT = 20;
const PAD_Y = 7;

/** Marks changes that come from the `value` prop, so they are not echoed to onChange. */
const fromProp = Annotation.define<boolean>();

export function CodeEditor(props: CodeEditorProps) {
  const { language = "plain", multiline = true, minLines = 1, maxLines = 14, invalid = false, className } = props;
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const latest = useRef(props);
  const dynamic = useRef({ attrs: new Compartment(), editable: new Compartment(), placeholder: new Compartment() });

  useLayoutEffect(() => {
    latest.current = props;
  });

  // Create the view once per language/mode; everything else is reconfigured in place.
  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const initial = latest.current;
    const { attrs, editable, placeholder } = dynamic.current;
    const extensions: Extension[] = [
      history(),
      closeBrackets(),
      bracketMatching(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      languageExtension(language),
      theme(multiline, minLines, maxLines),
      multiline ? EditorView.lineWrapping : singleLine(),
      attrs.of(contentAttributes(initial)),
      editable.of(editableExtension(initial.readOnly ?? false)),
      placeholder.of(initial.placeholder ? placeholderExtension(initial.placeholder) : []),
      linter((view) => toDiagnostics(latest.current.lint?.(view.state.doc.toString()) ?? [], view.state.doc.length), {
        delay: 120,
      }),
      EditorView.updateListener.of((update: ViewUpdate) => {
        if (!update.docChanged) return;
        if (update.transactions.some((tr) => tr.annotation(fromProp))) return;
        latest.current.onChange(update.state.doc.toString());
      }),
      EditorView.domEventHandlers({
        blur: () => {
          latest.current.onBlur?.();
          return false;
        },
      }),
      keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
    ];
    if (initial.completions) {
      extensions.push(
        autocompletion({ override: [(context) => latest.current.completions?.(context) ?? null], icons: false }),
      );
    }
    const view = new EditorView({ parent, state: EditorState.create({ doc: initial.value, extensions }) });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, [language, multiline, minLines, maxLines]);

  // The value changed from outside (undo, another field): show it, keeping the cursor in range.
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const current = view.state.doc.toString();
    if (current === props.value) return;
    const head = Math.min(view.state.selection.main.head, props.value.length);
    view.dispatch({
      changes: { from: 0, to: current.length, insert: props.value },
      selection: { anchor: head },
      annotations: fromProp.of(true),
    });
  }, [props.value]);

  const { readOnly = false, placeholder, id } = props;
  const label = props["aria-label"];
  const describedBy = props["aria-describedby"];
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const { attrs, editable, placeholder: placeholderSlot } = dynamic.current;
    view.dispatch({
      effects: [
        attrs.reconfigure(
          contentAttributes({
            id,
            invalid,
            "aria-label": label,
            "aria-labelledby": label ? undefined : labelledByFor(id),
            "aria-describedby": describedBy,
          }),
        ),
        editable.reconfigure(editableExtension(readOnly)),
        placeholderSlot.reconfigure(placeholder ? placeholderExtension(placeholder) : []),
      ],
    });
  }, [readOnly, placeholder, id, invalid, label, describedBy]);

  const minHeight = (multiline ? Math.max(1, minLines) : 1) * LINE_HEIGHT + 2 * PAD_Y + 2;
  return (
    <div
      ref={host}
      data-language={language}
      className={cx(
        "llm-code-editor min-w-0 overflow-hidden rounded-md border bg-white shadow-xs transition-colors",
        "focus-within:ring-3",
        invalid
          ? "border-red-500 focus-within:border-red-500 focus-within:ring-red-500/20"
          : "border-slate-300 hover:border-slate-400 focus-within:border-indigo-500 focus-within:ring-indigo-500/20",
        props.readOnly && "bg-slate-50",
        className,
      )}
      style={{ minHeight }}
    />
  );
}

/**
 * The id of the `<label for={id}>` of this editor, for aria-labelledby: `for` does not name
 * CodeMirror's contenteditable (it is not a labelable element), which would leave screen
 * readers with an unnamed textbox. The label gets an id if it has none.
 */
function labelledByFor(id: string | undefined): string | undefined {
  if (!id || typeof document === "undefined") return undefined;
  const label = document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(id)}"]`);
  if (!label) return undefined;
  if (!label.id) label.id = `${id}-label`;
  return label.id;
}

function contentAttributes(
  p: Pick<CodeEditorProps, "id" | "invalid" | "aria-label" | "aria-describedby"> & { "aria-labelledby"?: string | undefined },
): Extension {
  const attrs: Record<string, string> = {};
  if (p.id) attrs.id = p.id;
  if (p["aria-label"]) attrs["aria-label"] = p["aria-label"];
  if (p["aria-labelledby"]) attrs["aria-labelledby"] = p["aria-labelledby"];
  if (p["aria-describedby"]) attrs["aria-describedby"] = p["aria-describedby"];
  if (p.invalid) attrs["aria-invalid"] = "true";
  return EditorView.contentAttributes.of(attrs);
}

function editableExtension(readOnly: boolean): Extension {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
}

function toDiagnostics(found: readonly CodeDiagnostic[], length: number): Diagnostic[] {
  return found.map((d) => {
    const from = Math.max(0, Math.min(d.from, length));
    return { from, to: Math.max(from, Math.min(d.to, length)), message: d.message, severity: d.severity };
  });
}

/** One line only: Enter is swallowed and newlines typed or pasted become spaces. */
function singleLine(): Extension {
  return [
    Prec.high(keymap.of([{ key: "Enter", run: () => true }])),
    EditorState.transactionFilter.of((tr) => {
      if (!tr.docChanged || tr.newDoc.lines <= 1) return tr;
      const flat = tr.newDoc.toString().replace(/\r?\n/g, " ");
      return [tr, { changes: { from: 0, to: tr.newDoc.length, insert: flat }, sequential: true }];
    }),
  ];
}

function languageExtension(language: CodeLanguage): Extension {
  switch (language) {
    case "json":
      return json();
    case "jsonata":
      return jsonataLanguage;
    case "template":
      return [templateLanguage, templateMarks];
    case "plain":
      return [];
  }
}

// --- JSONata-ish highlighting (a stream tokenizer: good enough for colours, not a parser) ---

type JsonataState = { comment: boolean; depth: number; inExpression: boolean };

const OPERATOR = /^(?::=|!=|<=|>=|~>|\?:|\?\?|\.\.|[-+*/%&=<>!?:.,;^|#@~])/;

function jsonataToken(stream: StringStream, state: JsonataState): string | null {
  if (state.comment) {
    if (stream.skipTo("*/")) {
      stream.pos += 2;
      state.comment = false;
    } else stream.skipToEnd();
    return "comment";
  }
  if (stream.eatSpace()) return null;
  if (stream.match("/*")) {
    state.comment = true;
    return "comment";
  }
  const ch = stream.peek();
  if (ch === '"' || ch === "'" || ch === "`") {
    stream.next();
    let escaped = false;
    while (!stream.eol()) {
      const c = stream.next();
      if (c === ch && !escaped) break;
      escaped = !escaped && c === "\\" && ch !== "`";
    }
    return ch === "`" ? "propertyName" : "string";
  }
  if (stream.match(/^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/)) return "number";
  if (stream.match(/^\$\w*/)) return "variableName.special";
  if (stream.match(/^(?:and|or|in|function)\b/)) return "keyword";
  if (stream.match(/^(?:true|false|null)\b/)) return "atom";
  if (stream.match(/^[A-Za-z_]\w*/)) return "variableName";
  if (stream.match(/^[()[\]]/)) return "bracket";
  if (stream.eat("{")) {
    state.depth++;
    return "bracket";
  }
  if (stream.eat("}")) {
    state.depth = Math.max(0, state.depth - 1);
    return "bracket";
  }
  if (stream.match(OPERATOR)) return "operator";
  stream.next();
  return null;
}

const jsonataLanguage = StreamLanguage.define<JsonataState>({
  name: "jsonata",
  startState: () => ({ comment: false, depth: 0, inExpression: true }),
  token: jsonataToken,
});

/** Plain text with `{{ … }}` parts coloured as JSONata. */
const templateLanguage = StreamLanguage.define<JsonataState>({
  name: "template",
  startState: () => ({ comment: false, depth: 0, inExpression: false }),
  token(stream, state) {
    if (!state.inExpression) {
      if (stream.match("{{")) {
        state.inExpression = true;
        state.depth = 0;
        return "meta";
      }
      if (!stream.skipTo("{{")) stream.skipToEnd();
      return null;
    }
    if (!state.comment && state.depth === 0 && stream.match("}}")) {
      state.inExpression = false;
      return "meta";
    }
    return jsonataToken(stream, state);
  },
});

/** A pale background behind each `{{ … }}` so expressions stand out from the prose. */
const templateMarker = new MatchDecorator({
  regexp: /\{\{[^\n]*?\}\}/g,
  decoration: Decoration.mark({ class: "cm-template-expression" }),
});
const templateMarks = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = templateMarker.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = templateMarker.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

function theme(multiline: boolean, minLines: number, maxLines: number): Extension {
  const rows = (n: number) => `${n * LINE_HEIGHT + 2 * PAD_Y}px`;
  return EditorView.theme({
    "&": { fontSize: "12.5px", backgroundColor: "transparent", color: "#0f172a" },
    "&.cm-focused": { outline: "none" },
    ".cm-scroller": {
      fontFamily: "var(--font-mono, ui-monospace), SFMono-Regular, Menlo, Consolas, monospace",
      lineHeight: `${LINE_HEIGHT}px`,
      ...(multiline ? { minHeight: rows(Math.max(1, minLines)), maxHeight: rows(maxLines) } : {}),
      overflow: multiline ? "auto" : "hidden",
    },
    ".cm-content": { padding: `${PAD_Y}px 0`, caretColor: "#4f46e5" },
    ".cm-line": { padding: "0 10px" },
    ".cm-placeholder": { color: "#94a3b8", fontStyle: "normal" },
    ".cm-template-expression": { backgroundColor: "#eef2ff", borderRadius: "3px" },
    ".cm-lintRange-warning": { backgroundColor: "rgba(245, 158, 11, 0.12)" },
    ".cm-matchingBracket": { backgroundColor: "#e0e7ff", outline: "none" },
    "&:not(.cm-focused) .cm-matchingBracket, &:not(.cm-focused) .cm-nonmatchingBracket": { backgroundColor: "transparent" },
    ".cm-tooltip": {
      border: "1px solid #e2e8f0",
      borderRadius: "8px",
      boxShadow: "0 8px 24px -6px rgba(15, 23, 42, 0.18)",
      backgroundColor: "#fff",
      overflow: "hidden",
    },
    ".cm-tooltip-lint": { fontSize: "12px", padding: "0" },
    ".cm-diagnostic": { padding: "6px 10px", borderLeftWidth: "3px" },
    ".cm-tooltip.cm-tooltip-autocomplete > ul": {
      fontFamily: "var(--font-mono, ui-monospace), monospace",
      fontSize: "12px",
      maxHeight: "14em",
    },
    ".cm-tooltip.cm-tooltip-autocomplete > ul > li": { padding: "3px 10px" },
    ".cm-tooltip-autocomplete ul li[aria-selected]": { backgroundColor: "#4f46e5", color: "#fff" },
    ".cm-completionDetail": { marginLeft: "10px", color: "#94a3b8", fontStyle: "normal" },
    ".cm-tooltip-autocomplete ul li[aria-selected] .cm-completionDetail": { color: "#c7d2fe" },
  });
}
