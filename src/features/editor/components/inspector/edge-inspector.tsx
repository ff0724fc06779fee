"use client";
/** The selected connection: its ends and ports, its condition (a linted JSONata editor), delete. */
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { CodeEditor } from "@/components/ui/code-editor";
import { TrashIcon } from "@/components/ui/icons";
import { expressionCompletions } from "../../forms/expression-completions";
import { lintJsonata } from "../../forms/expression-lint";
import { fieldMessage } from "../../forms/field-errors";
import { FieldHelp, FieldLabel, FieldMessages } from "../../forms/theme/field-parts";
import { useValueDraft } from "../../forms/use-draft";
import { DEFAULT_SOURCE_HANDLE, DEFAULT_TARGET_HANDLE, type FlowEdge } from "../../lib/flow-convert";
import { stepAppearance } from "../../lib/step-appearance";
import { useEditorStore } from "../../store";
import { StepIcon } from "../step-icon";
import { useExpressionScope } from "./config-section";
import { InspectorHeader } from "./inspector-header";
import { LinkIcon } from "./inspector-icons";
import { InspectorSection } from "./inspector-parts";
import { edgeById, edgeProblems, stepById } from "./selectors";

const ConnectionGlyph = (
  <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-500" aria-hidden>
    <LinkIcon className="size-[17px]" />
  </span>
);

const OUTPUT_ROOT = [{ label: "output", type: "variable", detail: "the from-step's output" }] as const;

export function EdgeInspector({ edgeId, onSegmentSettings }: { edgeId: string; onSegmentSettings: () => void }) {
  const edge = useEditorStore((s) => edgeById(s, edgeId));
  const source = useEditorStore((s) => (edge ? stepById(s, edge.source) : undefined));
  const target = useEditorStore((s) => (edge ? stepById(s, edge.target) : undefined));
  const problems = useEditorStore((s) => edgeProblems(s, edgeId));
  const deleteElements = useEditorStore((s) => s.deleteElements);
  if (!edge) return null;
  const sourceName = source?.name ?? edge.source;
  const targetName = target?.name ?? edge.target;

  return (
    <div data-testid="edge-inspector">
      <InspectorHeader
        icon={ConnectionGlyph}
        title="Connection"
        onSegmentSettings={onSegmentSettings}
        subtitle={
          <span className="text-[13px] text-slate-600">
            {sourceName} <span className="text-slate-400">→</span> {targetName}
          </span>
        }
      />
      <InspectorSection title="Ends">
        <div className="space-y-1.5">
          <EndRow direction="From" stepId={edge.source} type={source?.type} name={sourceName} port={portOf(edge, "source")} />
          <EndRow direction="To" stepId={edge.target} type={target?.type} name={targetName} port={portOf(edge, "target")} />
        </div>
      </InspectorSection>
      <InspectorSection title="Condition" testId="edge-condition">
        <ConditionEditor key={edgeId} edge={edge} stepProblems={problems.map(fieldMessage)} />
      </InspectorSection>
      <div className="border-t border-slate-100 px-5 py-4">
        <Button variant="ghost" size="sm" className="-ml-2.5 text-red-600! hover:bg-red-50! hover:text-red-700!" icon={<TrashIcon className="size-3.5" />} onClick={() => deleteElements({ edgeIds: [edgeId] })}>
          Delete connection
        </Button>
      </div>
    </div>
  );
}

function portOf(edge: FlowEdge, side: "source" | "target"): string {
  const handle = side === "source" ? edge.sourceHandle : edge.targetHandle;
  return handle ?? (side === "source" ? DEFAULT_SOURCE_HANDLE : DEFAULT_TARGET_HANDLE);
}

function EndRow({ direction, stepId, type, name, port }: { direction: string; stepId: string; type: string | undefined; name: string; port: string }) {
  const selectStep = useEditorStore((s) => s.selectStep);
  return (
    <button
      type="button"
      onClick={() => selectStep(stepId)}
      className="flex w-full items-center gap-2.5 rounded-lg border border-slate-200 px-2.5 py-2 text-left hover:border-slate-300 hover:bg-slate-50"
      title={`Select ${name}`}
    >
      <span className="w-9 shrink-0 text-[11px] font-medium text-slate-400 uppercase">{direction}</span>
      {type !== undefined && <StepIcon appearance={stepAppearance(type)} size="sm" />}
      <span className="min-w-0 flex-1">
        <span className="block truncate text-[13px] font-medium text-slate-800">{name}</span>
        <span className="block truncate font-mono text-[11px] text-slate-500">{stepId}</span>
      </span>
      <span className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-600" title="Port">
        {port}
      </span>
    </button>
  );
}

function ConditionEditor({ edge, stepProblems }: { edge: FlowEdge; stepProblems: readonly string[] }) {
  const setEdgeCondition = useEditorStore((s) => s.setEdgeCondition);
  const condition = edge.data?.condition ?? "";
  const { draft, setDraft, flush } = useValueDraft(condition, (next) => setEdgeCondition(edge.id, next.trim() === "" ? null : next));
  const scope = useExpressionScope(undefined, OUTPUT_ROOT);
  const completions = useMemo(() => expressionCompletions(scope, "jsonata"), [scope]);
  const lint = (text: string) => lintJsonata(text, { allowEmpty: true });
  const local = lint(draft).map((d) => d.message);
  const id = `edge-condition-${edge.id}`;
  // While typing, the live check speaks for the condition; the store's problems may be stale.
  const errors = local.length > 0 ? local : draft === condition ? [...stepProblems] : [];

  return (
    <div>
      <FieldLabel
        htmlFor={id}
        aside={
          draft.trim() !== "" ? (
            <button
              type="button"
              className="font-medium text-slate-500 hover:text-red-600"
              onClick={() => {
                setDraft("");
                flush();
              }}
            >
              Remove condition
            </button>
          ) : (
            "optional"
          )
        }
      >
        Follow only when
      </FieldLabel>
      <CodeEditor
        id={id}
        value={draft}
        onChange={setDraft}
        onBlur={flush}
        language="jsonata"
        minLines={2}
        lint={lint}
        completions={completions}
        placeholder="Always followed. e.g. output.score > 0.8"
        invalid={errors.length > 0}
        aria-describedby={`${id}-help`}
      />
      <FieldMessages errors={errors} />
      <FieldHelp id={`${id}-help`}>
        The edge is followed only when this is true; <code className="font-mono text-slate-700">output</code> is the from-step’s output
        {" "}(also <code className="font-mono text-slate-700">input</code> and <code className="font-mono text-slate-700">steps.&lt;id&gt;</code>).
      </FieldHelp>
    </div>
  );
}
