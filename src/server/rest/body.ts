// Reads a JSON request body under the size limit (LLMTEAM_MAX_BODY_MB): 413 when larger (checked
// on Content-Length and while streaming, so a lying header doesn't help), 400 when not JSON.
import { RestError } from "./errors";

/** undefined for an empty body: the route's schema decides whether that is allowed. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const reason = err instanceof SyntaxError ? err.message : "not JSON";
    throw new RestError(400, "malformed_json", `The request body is not valid JSON: ${reason}`);
  }
}

function tooLarge(maxBytes: number): RestError {
  const mb = maxBytes / 2 ** 20;
  const limit = mb >= 0.1 ? `${Math.round(mb * 100) / 100} MB` : `${Math.max(1, Math.round(maxBytes / 1024))} KB`;
  return new RestError(413, "body_too_large", `The request body is larger than ${limit} (LLMTEAM_MAX_BODY_MB)`);
}
