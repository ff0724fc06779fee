import { getAppContext } from "@/server/app-context";
import { checkHealth } from "@/server/services/check-health";

export const dynamic = "force-dynamic";

/** 200 when the server and its database answer; 503 naming the failing part otherwise. */
export async function GET() {
  const health = await checkHealth(getAppContext());
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
