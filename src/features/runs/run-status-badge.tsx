import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { RunStatus } from "@/shared/resources/run-resource";

export const RUN_STATUS_LABEL: Record<RunStatus, string> = {
  pending: "Pending",
  running: "Running",
  waiting: "Waiting",
  paused: "Paused",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};

const STYLE: Record<RunStatus, { tone: BadgeTone; dot: boolean | "pulse"; className?: string; hint: string }> = {
  pending: { tone: "gray", dot: true, hint: "Queued, not started yet" },
  running: { tone: "blue", dot: "pulse", hint: "Steps are executing" },
  waiting: { tone: "amber", dot: true, hint: "Waiting for a person (an approval) or an external event" },
  paused: { tone: "slate", dot: true, hint: "Paused; resume it to continue" },
  completed: { tone: "green", dot: true, hint: "Finished successfully" },
  failed: { tone: "red", dot: true, hint: "Stopped with an error" },
  cancelled: { tone: "gray", dot: false, className: "text-gray-500 line-through decoration-gray-400", hint: "Cancelled before it finished" },
};

/** A run's status as a colored pill; `detail` (e.g. the error) is added to the tooltip. */
export function RunStatusBadge({ status, detail }: { status: RunStatus; detail?: string | undefined }) {
  const style = STYLE[status];
  return (
    <Badge tone={style.tone} dot={style.dot} className={style.className} title={detail ? `${style.hint}: ${detail}` : style.hint}>
      {RUN_STATUS_LABEL[status]}
    </Badge>
  );
}
