import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { StepStatus } from "@/shared/resources/run-detail";

export const STEP_STATUS_LABEL: Record<StepStatus, string> = {
  pending: "Pending",
  running: "Running",
  waiting: "Waiting",
  completed: "Completed",
  failed: "Failed",
  skipped: "Skipped",
  cancelled: "Cancelled",
};

const STYLE: Record<StepStatus, { tone: BadgeTone; dot: boolean | "pulse"; className?: string; hint: string }> = {
  pending: { tone: "gray", dot: true, hint: "Not started yet" },
  running: { tone: "blue", dot: "pulse", hint: "Executing now" },
  waiting: { tone: "amber", dot: "pulse", hint: "Waiting for a person to decide" },
  completed: { tone: "green", dot: true, hint: "Finished successfully" },
  failed: { tone: "red", dot: true, hint: "Stopped with an error" },
  skipped: { tone: "gray", dot: false, className: "text-gray-500", hint: "Not executed: its branch was not taken" },
  cancelled: { tone: "gray", dot: false, className: "text-gray-500 line-through decoration-gray-400", hint: "Cancelled with the run" },
};

/** A step's status in a run as a coloured pill (running and waiting pulse). */
export function StepStatusBadge({ status, detail }: { status: StepStatus; detail?: string | undefined }) {
  const style = STYLE[status];
  return (
    <Badge tone={style.tone} dot={style.dot} className={style.className} title={detail ? `${style.hint}: ${detail}` : style.hint}>
      {STEP_STATUS_LABEL[status]}
    </Badge>
  );
}
