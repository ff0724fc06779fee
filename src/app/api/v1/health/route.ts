import { toNextHandler } from "@/server/rest/define-route";
import { healthRoute } from "@/server/rest/routes/system";

export const dynamic = "force-dynamic";

/** 200 when the server and its database answer; 503 naming the failing part otherwise. */
export const GET = toNextHandler(healthRoute);
