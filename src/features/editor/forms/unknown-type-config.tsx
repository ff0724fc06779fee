"use client";
/** A step whose type the catalog does not know: its config as JSON, so nothing is hidden or lost. */
import { CodeEditor } from "@/components/ui/code-editor";
import type { Problem } from "@/shared/validation";
import { lintJson, parseJsonText } from "./expression-lint";
import { fieldMessage, stepFieldPath } from "./field-errors";
import { isRecord } from "./json-schema-node";
import { formatJson } from "./json-value";
import { SKIP, useDraft } from "./use-draft";
import { FieldHelp, FieldLabel, FieldMessages } from "./theme/field-parts";

type Props = {
  stepId: string;
  stepType: string;
  config: Record<string, unknown>;
  onCommit: (config: Record<string, unknown>) => void;
  problems: readonly Problem[];
};

function toConfig(text: string): Record<string, unknown> | typeof SKIP {
  if (text.trim() === "") return {};
  const parsed = parseJsonText(text);
  return parsed.ok && isRecord(parsed.value) ? parsed.value : SKIP;
}

export function UnknownTypeConfig({ stepId, stepType, config, onCommit, problems }: Props) {
  const { draft, setDraft, flush } = useDraft({ value: config, commit: onCommit, toDraft: formatJson, fromDraft: toConfig });
  const parsed = draft.trim() === "" ? undefined : parseJsonText(draft);
  const local = parsed?.ok === false ? [parsed.diagnostic.message] : parsed?.ok && !isRecord(parsed.value) ? ["The config must be a JSON object."] : [];
  const stored = problems.filter((p) => stepFieldPath(p, "config") !== undefined).map(fieldMessage);
  const id = `cfg-${stepId}-json`;
  return (
    <div data-testid="config-form" data-step-type={stepType}>
      <FieldLabel htmlFor={id}>Config (JSON)</FieldLabel>
      <CodeEditor id={id} value={draft} onChange={setDraft} onBlur={flush} language="json" minLines={6} maxLines={24} lint={lintJson} invalid={local.length > 0} />
      <FieldMessages errors={[...local, ...stored]} />
      <FieldHelp>
        The step catalog has no type “{stepType}”, so there is no form for it: edit its config as JSON.
      </FieldHelp>
    </div>
  );
}
