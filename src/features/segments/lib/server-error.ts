// Turns a failed tRPC call into what a form shows: a message, plus messages
// per field when the server named the input path (`data.details[].path`).

export type ServerFormError = {
  message: string;
  /** Messages by input path ("name", "description", …). */
  fields: Record<string, string>;
};

const OFFLINE = "Could not reach the server. Check that it is running and try again.";
const UNKNOWN = "Something went wrong. Please try again.";

type ErrorData = { details?: unknown; httpStatus?: unknown } | null | undefined;

export function readServerError(error: unknown): ServerFormError {
  const data = (error as { data?: ErrorData } | null)?.data;
  const raw = error instanceof Error ? error.message.trim() : "";
  const offline = !data && /failed to fetch|networkerror|network error|load failed|fetch failed/i.test(raw);
  const message = offline ? OFFLINE : raw || UNKNOWN;
  const fields: Record<string, string> = {};
  if (Array.isArray(data?.details)) {
    for (const detail of data.details as unknown[]) {
      const { path, message: text } = (detail ?? {}) as { path?: unknown; message?: unknown };
      if (typeof path === "string" && path && typeof text === "string" && !(path in fields)) {
        fields[path] = text.charAt(0).toUpperCase() + text.slice(1);
      }
    }
  }
  return { message, fields };
}
