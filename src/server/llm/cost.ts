// What a call cost, from the ref's price (USD per 1M tokens); null when the ref has no price.
import type { LlmUsage } from "../../engine/ports";
import type { LlmPrice } from "../config/llms";

export function costOf(usage: LlmUsage, price: LlmPrice | undefined): number | null {
  if (!price) return null;
  return (usage.input_tokens * price.input_per_million + usage.output_tokens * price.output_per_million) / 1_000_000;
}
