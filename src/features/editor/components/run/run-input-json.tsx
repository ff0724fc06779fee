"use client";
/** The run input as JSON text, with the syntax error or the schema's problems under it. */
import { CodeEditor } from "@/components/ui/code-editor";
import { lintJson } from "../../forms/expression-lint";
import { FieldHelp, FieldMessages } from "../../forms/theme/field-parts";

type Props = {
  text: string;
  syntaxError: string | null;
  /** The input's problems against the schema (shown once the user tried to start). */
  problems: readonly string[];
  hasSchema: boolean;
  onChange: (text: string) => void;
};

export function RunInputJson({ text, syntaxError, problems, hasSchema, onChange }: Props) {
  const errors = syntaxError !== null ? [syntaxError] : problems;
  return (
    <div data-testid="run-input-json">
      <CodeEditor
        id="run-input-json"
        aria-label="Run input (JSON)"
        language="json"
        value={text}
        onChange={onChange}
        lint={lintJson}
        minLines={8}
        maxLines={18}
        placeholder='{ "topic": "…" }'
        invalid={errors.length > 0}
        aria-describedby="run-input-json-help"
      />
      <FieldMessages errors={errors} />
      <div id="run-input-json-help">
        <FieldHelp>
          {hasSchema
            ? "The run's input as JSON; the form shows the same value."
            : "This segment has no input schema, so the run takes any JSON (empty: {}). Fields added under Segment settings › Run input appear here as a form."}
        </FieldHelp>
      </div>
    </div>
  );
}
