/** Numbers of the run view's header and panels. */

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/** "842", "12.4K", "1.2M". */
export function formatTokens(count: number): string {
  return count < 10_000 ? count.toLocaleString("en") : compact.format(count);
}

/** "$0" for free (mock) models, four decimals for cents' fractions, two above. */
export function formatCost(cost: number): string {
  if (cost === 0) return "$0";
  if (cost < 0.01) return `$${cost.toFixed(4)}`;
  return `$${cost.toFixed(2)}`;
}

/** A step's display name: its name, else its id. */
export function stepLabel(step: { step_id: string; name?: string | undefined }): string {
  return step.name?.trim() ? step.name : step.step_id;
}
