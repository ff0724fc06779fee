"use client";
/**
 * "Re-run from this step": a new run of the same revision where the steps upstream of the
 * chosen one are not executed again (their outputs are reused from this run) and the step and
 * everything after it run again, optionally with a changed run input. The new run opens here.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { CodeEditor } from "@/components/ui/code-editor";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { InlineAlert } from "@/components/ui/inline-alert";
import { lintJson, parseJsonText } from "@/features/editor/forms/expression-lint";
import { useTRPC } from "@/trpc/client";

type Props = {
  runId: string;
  step: { step_id: string; name: string } | null;
  /** The run's input, the starting point of an edit. */
  runInput: unknown;
  /** The step's input in this run, shown for reference. */
  stepInput: unknown;
  isEntrypoint: boolean;
  onClose: () => void;
};

const pretty = (value: unknown) => JSON.stringify(value ?? {}, null, 2) ?? "{}";

export function RerunFromStepDialog(props: Props) {
  return (
    <Dialog
      open={props.step !== null}
      onClose={props.onClose}
      title={props.step ? `Re-run from “${props.step.name}”` : "Re-run"}
      size="lg"
    >
      {props.step ? <RerunForm {...props} step={props.step} /> : null}
    </Dialog>
  );
}

function RerunForm({ runId, step, runInput, stepInput, isEntrypoint, onClose }: Props & { step: { step_id: string; name: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(() => pretty(runInput));
  const [error, setError] = useState<string | null>(null);
  const checkboxId = useId();
  const rerun = useMutation(
    trpc.runs.rerun.mutationOptions({
      onSuccess: (detail) => {
        queryClient.setQueryData(trpc.runs.get.queryKey({ run_id: detail.run_id }), detail);
        void queryClient.invalidateQueries({ queryKey: trpc.runs.list.pathKey() });
        onClose();
        router.push(`/runs/${encodeURIComponent(detail.run_id)}`);
      },
      onError: (e) => setError(e.message),
    }),
  );
  const parsed = editing ? parseJsonText(text.trim() === "" ? "{}" : text) : null;
  const syntaxError = parsed && !parsed.ok ? parsed.diagnostic.message : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rerun.isPending || syntaxError) return;
    setError(null);
    rerun.mutate({ run_id: runId, from_step: step.step_id, ...(parsed?.ok ? { input: parsed.value } : {}) });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="rerun-from-step-dialog">
      <DialogBody className="text-sm leading-relaxed text-slate-700">
        <p>
          A new run of the same revision starts.{" "}
          {isEntrypoint ? (
            <>Every step runs again, starting with this one.</>
          ) : (
            <>
              The steps before <strong className="font-semibold text-slate-900">{step.name}</strong> are not executed again: their
              outputs are reused from this run. <strong className="font-semibold text-slate-900">{step.name}</strong> and every step
              after it run again.
            </>
          )}
        </p>
        {!isEntrypoint && stepInput !== undefined ? (
          <details className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2">
            <summary className="cursor-pointer text-[13px] font-medium text-slate-700">What this step received in this run</summary>
            <pre className="mt-2 max-h-40 overflow-auto font-mono text-xs text-slate-600">{pretty(stepInput)}</pre>
          </details>
        ) : null}
        <label htmlFor={checkboxId} className="flex items-center gap-2 text-[13px] font-medium text-slate-800">
          <input
            id={checkboxId}
            type="checkbox"
            className="size-4 rounded border-slate-300 accent-indigo-600"
            checked={editing}
            onChange={(event) => setEditing(event.target.checked)}
          />
          Change the run input
        </label>
        {editing ? (
          <div className="space-y-1.5">
            <CodeEditor
              aria-label="Run input (JSON)"
              language="json"
              value={text}
              onChange={setText}
              lint={lintJson}
              minLines={6}
              maxLines={16}
              invalid={syntaxError !== null}
            />
            <p className={`text-xs ${syntaxError ? "text-red-600" : "text-slate-500"}`}>
              {syntaxError ??
                (isEntrypoint
                  ? "This step receives the run input."
                  : "Steps read the run input as `input`: the steps that run again see the new value; reused outputs stay as they were.")}
            </p>
          </div>
        ) : null}
        {error ? <InlineAlert>{error}</InlineAlert> : null}
      </DialogBody>
      <DialogFooter>
        <Button onClick={onClose} disabled={rerun.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={rerun.isPending} disabled={syntaxError !== null} data-autofocus>
          Re-run from here
        </Button>
      </DialogFooter>
    </form>
  );
}
