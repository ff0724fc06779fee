/**
 * What a tried step would do next when it cannot go on alone: it waits for a person, waits
 * for a time, or starts child runs. Said in one sentence for the editor's Try panel, with
 * the data it stopped with as the output.
 */
import type { Step } from "../../shared/segment";
import type { StepOutcome } from "../steps/types";

export interface StepStop {
  message: string;
  output: unknown;
}

const label = (step: Step) => step.type.replace(/_/g, " ");
const article = (word: string) => (/^[aeiou]/i.test(word) ? "An" : "A");
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 120) return plural(seconds, "second");
  if (seconds < 7200) return plural(Math.round(seconds / 60), "minute");
  if (seconds < 172_800) return plural(Math.round(seconds / 3600), "hour");
  return plural(Math.round(seconds / 86_400), "day");
}

export function describeStop(step: Step, outcome: Exclude<StepOutcome, { kind: "complete" }>, input: unknown, now: Date): StepStop {
  const name = label(step);
  const a = `${article(name)} ${name} step`;
  if (outcome.kind === "wait") {
    const { title, instructions, form, data } = outcome.approval;
    return {
      message: `${a} waits for a person; in a run it would show: ${title}`,
      output: { title, instructions: instructions ?? null, form: form ?? null, data },
    };
  }
  if (outcome.kind !== "suspend") return { message: `${a} cannot run alone: it needs a run to go on`, output: input };
  const [first] = outcome.children ?? [];
  if (first) {
    const revision = first.revision === undefined ? "its latest revision" : `revision ${first.revision}`;
    // map keeps every item in its state (only the first batch is in `children`).
    const items = (outcome.state as { items?: unknown } | undefined)?.items;
    if (Array.isArray(items)) {
      return {
        message: `${a} would run segment "${first.segment_id}" (${revision}) once per item, as child runs: ${plural(items.length, "item")} here`,
        output: items,
      };
    }
    return {
      message: `${a} would run segment "${first.segment_id}" (${revision}) as a child run with this input, and output what it returns`,
      output: first.input,
    };
  }
  if (outcome.wake_at) {
    const wait = outcome.wake_at.getTime() - now.getTime();
    const when = wait > 172_800_000 ? `until ${outcome.wake_at.toISOString()}` : duration(wait);
    const then = step.type === "delay" ? "then pass its input on" : "then go on";
    return { message: `${a} would wait ${when}, ${then}`, output: input };
  }
  return { message: `${a} cannot run alone: it needs a run to go on`, output: input };
}
