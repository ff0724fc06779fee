/**
 * Why a run did not start, for the run dialog: a headline and the server's list of details
 * (each input problem, each segment problem). Nothing was started in every case; when the
 * draft had been saved as a revision first, the dialog says that separately.
 */
export type RunFailure = {
  title: string;
  details: string[];
  /** The draft conflicts with someone else's: the conflict dialog resolves it. */
  conflict?: true;
};

type ErrorData = { code?: unknown; httpStatus?: unknown; appCode?: unknown; details?: unknown };

function dataOf(error: unknown): ErrorData | null {
  if (!error || typeof error !== "object" || !("data" in error)) return null;
  const data = (error as { data?: unknown }).data;
  return data && typeof data === "object" ? (data as ErrorData) : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : "Something went wrong.";
}

/** The `message` of each detail the server listed (`data.details`). */
function detailLines(data: ErrorData | null): string[] {
  if (!Array.isArray(data?.details)) return [];
  const lines = data.details.map((d: unknown) => (d && typeof d === "object" && "message" in d && typeof d.message === "string" ? d.message : null));
  return lines.filter((line): line is string => line !== null && line !== "");
}

/** `runs.start` failed. */
export function describeStartError(error: unknown): RunFailure {
  const data = dataOf(error);
  if (data === null) return { title: "The server could not be reached, so no run was started.", details: [] };
  const details = detailLines(data);
  switch (data.appCode) {
    case "invalid_data":
      return { title: "The server refused the input: it does not match the segment's input schema.", details };
    case "invalid_segment":
      return { title: "This revision cannot run.", details };
    default:
      return { title: messageOf(error), details };
  }
}

/** Saving the draft as a revision before the run failed (the run was not started). */
export function describeSaveError(failure: { kind: "conflict" | "network" | "rejected"; message: string }): RunFailure {
  switch (failure.kind) {
    case "conflict":
      return {
        title: "This segment's draft was changed somewhere else, so it was not saved and no run was started.",
        details: ["Resolve the conflict first, then run again."],
        conflict: true,
      };
    case "network":
      return { title: "The server could not be reached: the draft was not saved and no run was started.", details: [] };
    case "rejected":
      return { title: `The draft could not be saved, so no run was started: ${failure.message}`, details: [] };
  }
}

/** The server's validator refused the revision (its list can differ from the browser's). */
export function describeRefusedRevision(problems: ReadonlyArray<{ severity: string; message: string }>): RunFailure {
  const errors = problems.filter((p) => p.severity === "error");
  const count = errors.length === 1 ? "1 error" : `${errors.length} errors`;
  return {
    title: `The server found ${count} in the draft, so it was not saved and no run was started.`,
    details: errors.map((p) => p.message),
  };
}
