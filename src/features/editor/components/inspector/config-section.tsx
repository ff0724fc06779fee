"use client";
/** The selected step's config form, bound to the store, with autocomplete over this segment. */
import { useMemo } from "react";
import type { Problem } from "@/shared/validation";
import { ConfigForm } from "../../forms/config-form";
import { expressionCompletions, type ExpressionScope } from "../../forms/expression-completions";
import type { ConfigFormContext } from "../../forms/theme";
import { useEditorStore, useEditorStoreApi } from "../../store";
import { inputFieldNames, stepIdsOf } from "./selectors";

type Props = { stepId: string; stepType: string; config: Record<string, unknown>; problems: readonly Problem[] };

export function ConfigSection({ stepId, stepType, config, problems }: Props) {
  const updateStepConfig = useEditorStore((s) => s.updateStepConfig);
  const context = useExpressionContext(stepId);
  return (
    <ConfigForm
      key={`${stepId}/${stepType}`}
      stepId={stepId}
      stepType={stepType}
      config={config}
      problems={problems}
      context={context}
      onCommit={(next) => updateStepConfig(stepId, next)}
    />
  );
}

/** Completions read the store when the list opens: no subscription to the steps. */
export function useExpressionScope(exceptStepId?: string, roots?: ExpressionScope["roots"]): ExpressionScope {
  const store = useEditorStoreApi();
  return useMemo(
    () => ({
      stepIds: () => stepIdsOf(store.getState()).filter((id) => id !== exceptStepId),
      inputFields: () => inputFieldNames(store.getState()),
      ...(roots ? { roots } : {}),
    }),
    [store, exceptStepId, roots],
  );
}

function useExpressionContext(stepId: string): ConfigFormContext {
  const scope = useExpressionScope(stepId);
  return useMemo(
    () => ({ completions: { jsonata: expressionCompletions(scope, "jsonata"), template: expressionCompletions(scope, "template") } }),
    [scope],
  );
}
