/**
 * What a failed write means for the user: someone else wrote first (conflict), the server
 * could not be reached or is briefly down (network: retry), or it refused the request
 * (rejected: retrying the same thing would fail again).
 */
export type SaveErrorKind = "conflict" | "network" | "rejected";

type ErrorData = { code?: unknown; httpStatus?: unknown; appCode?: unknown };

function dataOf(error: unknown): ErrorData | null {
  if (!error || typeof error !== "object" || !("data" in error)) return null;
  const data = (error as { data?: unknown }).data;
  return data && typeof data === "object" ? (data as ErrorData) : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : "Something went wrong.";
}

export function classifySaveError(error: unknown): { kind: SaveErrorKind; message: string } {
  const data = dataOf(error);
  if (data?.code === "CONFLICT" || data?.appCode === "conflict" || data?.httpStatus === 409) {
    return { kind: "conflict", message: messageOf(error) };
  }
  // No response at all (fetch failed, connection reset) or a gateway/server outage.
  const status = typeof data?.httpStatus === "number" ? data.httpStatus : null;
  if (data === null || status === null || status >= 500 || status === 408 || status === 429) {
    return { kind: "network", message: "The server could not be reached." };
  }
  return { kind: "rejected", message: messageOf(error) };
}

/** True for tRPC's "this procedure does not exist" (an older server) and other 404s. */
export function isNotFound(error: unknown): boolean {
  const data = dataOf(error);
  return data?.code === "NOT_FOUND" || data?.httpStatus === 404;
}
