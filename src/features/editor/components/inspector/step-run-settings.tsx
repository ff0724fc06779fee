"use client";
/** How the engine runs a step: retries with backoff, a time limit per attempt, and what a failure does. */
import { Select } from "@/components/ui/select";
import type { RetryPolicy, Step } from "@/shared/segment";
import type { Problem } from "@/shared/validation";
import { fieldMessage, stepFieldMessages, stepFieldPath } from "../../forms/field-errors";
import { FieldHelp, FieldLabel, FieldMessages } from "../../forms/theme/field-parts";
import { useEditorStore } from "../../store";
import { DraftNumberField } from "./draft-inputs";
import { InspectorSection } from "./inspector-parts";

type Props = {
  stepId: string;
  retry: Step["retry"];
  timeoutSeconds: number | undefined;
  onError: Step["on_error"];
  problems: readonly Problem[];
};

type RetryKey = keyof RetryPolicy;

/** The policy with one field changed; nothing left set → no policy at all. */
function retryWith(retry: Step["retry"], key: RetryKey, value: number | undefined): Step["retry"] {
  const next: Record<string, number> = {};
  for (const [k, v] of Object.entries(retry ?? {})) if (typeof v === "number") next[k] = v;
  if (value === undefined) delete next[key];
  else next[key] = value;
  if (Object.keys(next).length === 0) return undefined;
  return { max_attempts: 1, ...next } as RetryPolicy;
}

function summary(retry: Step["retry"], timeout: number | undefined, onError: Step["on_error"]): string {
  const parts: string[] = [];
  parts.push(retry && retry.max_attempts > 1 ? `${retry.max_attempts} attempts` : "no retry");
  if (timeout !== undefined) parts.push(`${timeout} s limit`);
  if (onError === "continue") parts.push("continues on error");
  return parts.join(" · ");
}

export function StepRunSettings({ stepId, retry, timeoutSeconds, onError, problems }: Props) {
  const updateStep = useEditorStore((s) => s.updateStep);
  const retryMessages = (key: RetryKey) =>
    problems.filter((p) => stepFieldPath(p, "retry")?.[0] === key).map(fieldMessage);
  const setRetry = (key: RetryKey) => (value: number | undefined) => updateStep(stepId, { retry: retryWith(retry, key, value) });
  const retries = (retry?.max_attempts ?? 1) > 1;
  const customised = retry !== undefined || timeoutSeconds !== undefined || onError !== undefined;
  const policyErrors = problems.filter((p) => stepFieldPath(p, "retry")?.length === 0).map(fieldMessage);
  const id = (field: string) => `step-${stepId}-${field}`;

  return (
    <InspectorSection title="Retries & errors" collapsible defaultOpen={customised} summary={summary(retry, timeoutSeconds, onError)} testId="step-run-settings">
      <div className="space-y-4">
        <div className="grid grid-cols-2 items-start gap-3">
          <DraftNumberField
            id={id("max-attempts")}
            label="Attempts"
            integer
            value={retry?.max_attempts}
            placeholder="1"
            aside="≥ 1"
            errors={retryMessages("max_attempts")}
            onCommit={setRetry("max_attempts")}
          />
          <DraftNumberField
            id={id("timeout")}
            label="Timeout (s)"
            value={timeoutSeconds}
            placeholder="None"
            aside="> 0"
            errors={stepFieldMessages(problems, "timeout_seconds")}
            onCommit={(value) => updateStep(stepId, { timeout_seconds: value })}
          />
        </div>
        {retries && (
          <div className="grid grid-cols-3 items-start gap-3" data-testid="retry-backoff">
            <DraftNumberField id={id("initial")} label="First wait" value={retry?.initial_seconds} placeholder="0 s" errors={retryMessages("initial_seconds")} onCommit={setRetry("initial_seconds")} />
            <DraftNumberField id={id("multiplier")} label="Multiplier" value={retry?.multiplier} placeholder="×1" errors={retryMessages("multiplier")} onCommit={setRetry("multiplier")} />
            <DraftNumberField id={id("max-wait")} label="Max wait" value={retry?.max_seconds} placeholder="none" errors={retryMessages("max_seconds")} onCommit={setRetry("max_seconds")} />
          </div>
        )}
        <FieldMessages errors={policyErrors} />
        <div>
          <FieldLabel htmlFor={id("on-error")}>When the last attempt fails</FieldLabel>
          <Select
            id={id("on-error")}
            value={onError ?? "fail"}
            className="[&_select]:h-8 [&_select]:text-[13px]"
            onChange={(e) => updateStep(stepId, { on_error: e.target.value === "continue" ? "continue" : undefined })}
          >
            <option value="fail">Fail the run</option>
            <option value="continue">Continue, passing {"{ error }"} on as the output</option>
          </Select>
          <FieldMessages errors={stepFieldMessages(problems, "on_error")} />
          <FieldHelp>
            {retries
              ? "Waits grow by the multiplier after each failed attempt, up to the max wait."
              : "Set attempts above 1 to retry a failing step, with a growing wait between tries."}
          </FieldHelp>
        </div>
      </div>
    </InspectorSection>
  );
}
