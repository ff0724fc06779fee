"use client";
/**
 * Try the selected step alone with sample input (Dify's single-node run): the step as it is
 * on the canvas, unsaved edits included; nothing is saved. The input starts from the last
 * run of this segment in which the step finished, or `{}`.
 */
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ChevronDownIcon } from "@/components/ui/icons";
import { InlineAlert } from "@/components/ui/inline-alert";
import { RelativeTime } from "@/components/ui/relative-time";
import { Spinner } from "@/components/ui/spinner";
import { useTRPC } from "@/trpc/client";
import { useLastRunInput, type LastRunSample } from "../../hooks/use-last-run-input";
import { useEditorStore, useEditorStoreApi } from "../../store";
import { PlayIcon } from "../save-state/session-icons";
import { JsonField, parseJsonField } from "./json-field";
import { readTryDraft, writeTryDraft, EMPTY_TRY_DRAFT, type TryDraft } from "./try-drafts";
import { TryResult } from "./try-result";

export function TryStepPanel({ stepId }: { stepId: string }) {
  const segmentId = useEditorStore((s) => s.base.segment_id);
  // Keyed: another step starts from its own remembered draft.
  return <TryForm key={`${segmentId}/${stepId}`} segmentId={segmentId} stepId={stepId} />;
}

const RUN_SHORTCUT = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘↵" : "Ctrl+↵";

const pretty = (value: unknown) => (value === undefined ? "" : JSON.stringify(value, null, 2));

function TryForm({ segmentId, stepId }: { segmentId: string; stepId: string }) {
  const editor = useEditorStoreApi();
  const trpc = useTRPC();
  const sample = useLastRunInput(segmentId, stepId);
  const [stored, setStored] = useState<TryDraft>(() => readTryDraft(segmentId, stepId));
  // Until the user types, the fields show the last run's data (once it has arrived).
  const found = sample.data ?? null;
  const draft = found && isUntouched(stored) ? { ...stored, ...fromSample(found) } : stored;
  const setDraft = (patch: Partial<TryDraft>) => {
    const next = { ...draft, ...patch };
    writeTryDraft(segmentId, stepId, next);
    setStored(next);
  };
  const tryStep = useMutation(trpc.steps.try.mutationOptions());
  const resultRef = useRef<HTMLDivElement>(null);

  const input = parseJsonField(draft.input);
  const runInput = parseJsonField(draft.runInput);
  const steps = parseJsonField(draft.steps);
  const stepsNotObject = steps.ok && steps.value !== undefined && (typeof steps.value !== "object" || steps.value === null || Array.isArray(steps.value));
  const ready = input.ok && runInput.ok && steps.ok && !stepsNotObject;

  const run = () => {
    if (!ready || tryStep.isPending) return;
    const node = editor.getState().nodes.find((n) => n.id === stepId && n.type === "step");
    if (!node || node.type !== "step") return;
    tryStep.mutate(
      {
        step: node.data.step,
        input: input.value ?? null,
        ...(runInput.value === undefined ? {} : { run_input: runInput.value }),
        ...(steps.value === undefined ? {} : { steps: steps.value as Record<string, unknown> }),
      },
      {
        onSuccess: (result) => {
          setDraft({ result });
          // The result is under the fields: bring it into view once it is drawn.
          requestAnimationFrame(() => resultRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" }));
        },
      },
    );
  };

  return (
    <div
      className="space-y-4"
      data-testid="try-step-panel"
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          run();
        }
      }}
    >
      <p className="text-[13px] leading-relaxed text-slate-500">
        Runs this step alone, as it is on the canvas (unsaved edits included). Nothing is saved.
      </p>

      <JsonField
        id={`try-input-${stepId}`}
        label="Step input"
        value={draft.input}
        onChange={(input) => setDraft({ input, fromRun: null })}
        minLines={6}
        placeholder="{}"
        aside={<SampleSource sample={found ?? null} loading={sample.isPending} fromRun={draft.fromRun} onUse={() => found && setDraft(fromSample(found))} />}
        hint="step_input in expressions; empty: null."
      />

      <details className="group rounded-lg border border-slate-200" open={draft.runInput !== "" || draft.steps !== "" ? true : undefined}>
        <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-3 py-2 text-[13px] font-medium text-slate-700 select-none hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
          <ChevronDownIcon className="size-4 -rotate-90 text-slate-400 transition-transform group-open:rotate-0" />
          Run input and other steps
          <span className="ml-auto text-xs font-normal text-slate-400">optional</span>
        </summary>
        <div className="space-y-3.5 border-t border-slate-100 px-3 pt-3 pb-3.5">
          <JsonField
            id={`try-run-input-${stepId}`}
            label="Run input"
            value={draft.runInput}
            onChange={(runInput) => setDraft({ runInput })}
            hint="input in expressions; empty: the step input."
          />
          <JsonField
            id={`try-steps-${stepId}`}
            label="Outputs of other steps"
            value={draft.steps}
            onChange={(steps) => setDraft({ steps })}
            placeholder={'{ "step_id": { … } }'}
            hint={stepsNotObject ? undefined : "steps.<id> in expressions: an object keyed by step id."}
          />
          {stepsNotObject ? <p className="text-[12px] font-medium text-red-600">Outputs of other steps must be an object keyed by step id.</p> : null}
        </div>
      </details>

      <Button variant="primary" className="w-full" icon={<PlayIcon className="size-3.5" />} loading={tryStep.isPending} disabled={!ready} onClick={run}>
        {tryStep.isPending ? "Running…" : "Run step"}
        {!tryStep.isPending ? <kbd className="ml-1 rounded bg-white/15 px-1 font-sans text-[11px] text-indigo-50">{RUN_SHORTCUT}</kbd> : null}
      </Button>

      {tryStep.isError ? <InlineAlert>{tryStep.error.message}</InlineAlert> : null}
      <div ref={resultRef} className="scroll-mb-4">
        {draft.result && !tryStep.isPending ? <TryResult result={draft.result} /> : null}
      </div>
    </div>
  );
}

function isUntouched(draft: TryDraft): boolean {
  return draft.fromRun === null && draft.input === EMPTY_TRY_DRAFT.input && draft.runInput === "" && draft.steps === "";
}

function fromSample(sample: LastRunSample): Partial<TryDraft> {
  return {
    input: pretty(sample.input) || "null",
    runInput: pretty(sample.run_input),
    steps: Object.keys(sample.steps).length > 0 ? pretty(sample.steps) : "",
    fromRun: sample.run_id,
  };
}

function SampleSource({ sample, loading, fromRun, onUse }: { sample: LastRunSample | null; loading: boolean; fromRun: string | null; onUse: () => void }) {
  if (loading) {
    return (
      <span className="flex items-center gap-1.5 text-xs text-slate-400">
        <Spinner className="[&_svg]:size-3" /> Looking for a recent run…
      </span>
    );
  }
  if (!sample) return <span className="text-xs text-slate-400">No recent run of this step</span>;
  const short = sample.run_id.slice(0, 8);
  if (fromRun === sample.run_id) {
    return (
      <span className="text-xs text-slate-500" title={`Input of this step in run ${sample.run_id}`}>
        from run <code className="font-mono">{short}</code> · <RelativeTime value={sample.created_at} />
      </span>
    );
  }
  return (
    <button type="button" onClick={onUse} className="text-xs font-medium text-indigo-600 hover:text-indigo-500" title={`Input of this step in run ${sample.run_id}`}>
      Use run {short}
    </button>
  );
}
