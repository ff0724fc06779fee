// Calls a tRPC procedure the way the browser does (HTTP over the fetch adapter).
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "../../src/server/api/root";
import { createTrpcContext } from "../../src/server/api/trpc";

export type TrpcReply<T = unknown> = {
  status: number;
  body: { result?: { data: T }; error?: { message: string; data: Record<string, unknown> } };
};

export async function call<T = unknown>(path: string, input: unknown, method: "GET" | "POST" = "POST"): Promise<TrpcReply<T>> {
  const url = new URL(`http://test/api/trpc/${path}`);
  if (method === "GET") url.searchParams.set("input", JSON.stringify(input));
  const req = new Request(url, {
    method,
    ...(method === "POST" ? { body: JSON.stringify(input), headers: { "content-type": "application/json" } } : {}),
  });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createTrpcContext({ req, resHeaders }),
  });
  return { status: res.status, body: (await res.json()) as TrpcReply<T>["body"] };
}

/** The data of a successful call; fails the test with the server's message otherwise. */
export async function data<T = unknown>(path: string, input: unknown, method: "GET" | "POST" = "POST"): Promise<T> {
  const reply = await call<T>(path, input, method);
  if (!reply.body.result) throw new Error(`${path} failed (${reply.status}): ${reply.body.error?.message}`);
  return reply.body.result.data;
}
