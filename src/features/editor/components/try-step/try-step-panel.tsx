"use client";
/** Try the selected step alone with sample input (placeholder until the Try panel lands). */
export function TryStepPanel({ stepId }: { stepId: string }) {
  return <div data-step-id={stepId} />;
}
