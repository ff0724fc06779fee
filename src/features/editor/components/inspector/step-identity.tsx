"use client";
/** Name, step id (rename, with the store's refusal shown inline) and the start-step switch. */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Problem } from "@/shared/validation";
import { stepFieldMessages } from "../../forms/field-errors";
import { FieldHelp, FieldLabel, FieldMessages } from "../../forms/theme/field-parts";
import { useEditorStore } from "../../store";
import { DraftTextField } from "./draft-inputs";
import { FlagIcon } from "./inspector-icons";

type Props = { stepId: string; name: string | undefined; isEntry: boolean; problems: readonly Problem[] };

export function StepIdentity({ stepId, name, isEntry, problems }: Props) {
  const updateStep = useEditorStore((s) => s.updateStep);
  const setEntrypoint = useEditorStore((s) => s.setEntrypoint);
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 items-start gap-3">
        <DraftTextField
          id={`step-${stepId}-name`}
          label="Name"
          value={name ?? ""}
          placeholder={stepId}
          errors={stepFieldMessages(problems, "name")}
          onCommit={(next) => updateStep(stepId, { name: next.trim() === "" ? undefined : next })}
        />
        <StepIdField stepId={stepId} problems={problems} />
      </div>
      <div className="flex items-center justify-between gap-3 rounded-lg bg-slate-50 px-3 py-2.5 ring-1 ring-slate-200/70 ring-inset">
        <div className="min-w-0">
          <div className="flex items-center gap-1.5 text-[13px] font-medium text-slate-800">
            {isEntry && <FlagIcon className="size-3.5 text-emerald-600" />}
            {isEntry ? "This is the start step" : "Start step"}
          </div>
          <p className="text-[12px] leading-snug text-slate-500">
            {isEntry ? "Runs begin here, with the run input." : "Runs begin at another step."}
          </p>
        </div>
        {!isEntry && (
          <Button size="sm" icon={<FlagIcon className="size-3.5" />} onClick={() => setEntrypoint(stepId)}>
            Make start step
          </Button>
        )}
      </div>
    </div>
  );
}

/** The step id: renamed on Enter or blur; a refused name stays in the box with the reason. */
function StepIdField({ stepId, problems }: { stepId: string; problems: readonly Problem[] }) {
  const renameStep = useEditorStore((s) => s.renameStep);
  const [text, setText] = useState(stepId);
  const [refusal, setRefusal] = useState<string | null>(null);
  const id = `step-${stepId}-id`;

  const commit = () => {
    const next = text.trim();
    if (next === stepId) {
      setText(stepId);
      setRefusal(null);
      return;
    }
    const result = renameStep(stepId, next);
    setRefusal(result.ok ? null : result.reason);
  };

  const errors = [...(refusal ? [refusal] : []), ...stepFieldMessages(problems, "step_id")];
  return (
    <div className="min-w-0">
      <FieldLabel htmlFor={id}>Step ID</FieldLabel>
      <Input
        id={id}
        value={text}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={`${id}-help`}
        className="h-8! font-mono text-[12.5px]!"
        onChange={(e) => {
          setText(e.target.value);
          setRefusal(null);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") {
            setText(stepId);
            setRefusal(null);
          }
        }}
      />
      <FieldMessages errors={errors} />
      {errors.length === 0 && <FieldHelp id={`${id}-help`}>Expressions use it: steps.{text.trim() || stepId}</FieldHelp>}
    </div>
  );
}
