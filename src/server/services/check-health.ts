import type { AppContext } from "../app-context";

export type Health = {
  status: "ok" | "error";
  db: "pglite" | "postgres";
  queue: "inline" | "redis";
  version: string;
  uptime_seconds: number;
  problems?: { component: "db" | "redis"; message: string }[];
};

/**
 * Health of the process: the database must answer a round trip within the deadline and, in
 * queue mode, Redis must be connected (without it no run can start or move on).
 */
export async function checkHealth(app: AppContext, timeoutMs = 2000): Promise<Health> {
  const base = {
    db: app.db.kind,
    queue: app.queue ? ("redis" as const) : ("inline" as const),
    version: app.config.version,
    uptime_seconds: Math.round((Date.now() - app.startedAt.getTime()) / 1000),
  };
  const problems: NonNullable<Health["problems"]> = [];
  try {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([app.db.ping(), deadline]).finally(() => clearTimeout(timer));
  } catch (err) {
    problems.push({ component: "db", message: `database unreachable: ${(err as Error).message}` });
  }
  if (app.queue && !app.queue.ready()) {
    problems.push({ component: "redis", message: "Redis unreachable (REDIS_URL): runs cannot start; those started continue once it is back" });
  }
  return problems.length === 0 ? { status: "ok", ...base } : { status: "error", ...base, problems };
}
