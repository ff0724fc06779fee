import type { AppContext } from "../app-context";

export type Health = {
  status: "ok" | "error";
  db: "pglite" | "postgres";
  queue: "inline" | "redis";
  version: string;
  uptime_seconds: number;
  problems?: { component: "db"; message: string }[];
};

/** Health of the process: the database must answer a round trip within the deadline. */
export async function checkHealth(app: AppContext, timeoutMs = 2000): Promise<Health> {
  const base = {
    db: app.db.kind,
    // Queue mode (BullMQ on Redis) is not implemented yet: runs are scheduled in-process.
    queue: "inline" as const,
    version: app.config.version,
    uptime_seconds: Math.round((Date.now() - app.startedAt.getTime()) / 1000),
  };
  try {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([app.db.ping(), deadline]).finally(() => clearTimeout(timer));
    return { status: "ok", ...base };
  } catch (err) {
    return {
      status: "error",
      ...base,
      problems: [{ component: "db", message: `database unreachable: ${(err as Error).message}` }],
    };
  }
}
