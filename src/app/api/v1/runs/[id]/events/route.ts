import { toNextHandler } from "@/server/rest/define-route";
import { runEventsRoute } from "@/server/rest/routes/run-events";

export const dynamic = "force-dynamic";

export const GET = toNextHandler(runEventsRoute);
