// An app context with LLMTEAM_AUTH=on over a real PGlite database, and callers that send
// headers (cookie, Authorization, Origin) the way a browser or a program does.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "../../src/server/api/root";
import { createTrpcContext } from "../../src/server/api/trpc";
import { setAppContext, type AppContext } from "../../src/server/app-context";
import { parseConfig } from "../../src/server/config/env";
import { createEngineRuntime } from "../../src/server/runtime/engine-runtime";
import { openTestDatabase, type DbKindUnderTest, type TestDatabase } from "../helpers/test-database";

export const ORIGIN = "http://llmteam.test";
export const BOOTSTRAP_KEY = "bootstrap-key-for-tests-0123456789";
export const OWNER = { email: "owner@example.com", password: "correct horse battery" };

export type AuthHarness = { app: AppContext; database: TestDatabase; stop(): Promise<void> };

export async function startAuthHarness(kind: DbKindUnderTest = "pglite", env: Record<string, string> = {}): Promise<AuthHarness> {
  const database = await openTestDatabase(kind);
  const app: AppContext = {
    config: parseConfig({
      LLMTEAM_DATA_DIR: database.dataDir,
      LLMTEAM_AUTH: "on",
      LLMTEAM_PUBLIC_URL: ORIGIN,
      LLMTEAM_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY,
      ...env,
    }),
    db: database.db,
    runtime: createEngineRuntime(database.db),
    startedAt: new Date(),
  };
  setAppContext(app);
  return {
    app,
    database,
    async stop() {
      await app.runtime.stop();
      setAppContext(undefined);
      await database.cleanup();
    },
  };
}

export type TrpcAnswer<T = unknown> = {
  status: number;
  data?: T;
  error?: { message: string; data: { code: string; httpStatus: number } };
  setCookie: string[];
};

/** A tRPC call over HTTP with the given headers (a browser sends Origin on every POST). */
export async function trpc<T = unknown>(
  path: string,
  input: unknown,
  options: { method?: "GET" | "POST"; headers?: Record<string, string> } = {},
): Promise<TrpcAnswer<T>> {
  const method = options.method ?? "POST";
  const url = new URL(`${ORIGIN}/api/trpc/${path}`);
  if (method === "GET" && input !== undefined) url.searchParams.set("input", JSON.stringify(input));
  const headers = new Headers({ host: "llmteam.test", ...options.headers });
  if (method === "POST") headers.set("content-type", "application/json");
  const req = new Request(url, { method, headers, ...(method === "POST" ? { body: JSON.stringify(input ?? null) } : {}) });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createTrpcContext({ req, resHeaders }),
  });
  const body = (await res.json()) as { result?: { data: T }; error?: TrpcAnswer["error"] };
  return { status: res.status, data: body.result?.data, error: body.error, setCookie: res.headers.getSetCookie() };
}

/** `llmteam_session=<token>` from a Set-Cookie list, as a Cookie header value. */
export function cookieFrom(setCookie: string[]): string {
  const line = setCookie.find((c) => c.startsWith("llmteam_session="));
  if (!line) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  return line.split(";")[0] ?? "";
}

export const sameOrigin = { origin: ORIGIN };

/** Creates the owner through the setup procedure and returns the session cookie. */
export async function setupOwner(): Promise<string> {
  const answer = await trpc("auth.setup", { ...OWNER, confirm: OWNER.password }, { headers: sameOrigin });
  if (answer.status !== 200) throw new Error(`setup failed: ${JSON.stringify(answer.error)}`);
  return cookieFrom(answer.setCookie);
}
