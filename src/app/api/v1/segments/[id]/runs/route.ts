import { toNextHandler } from "@/server/rest/define-route";
import { startRunRoute } from "@/server/rest/routes/runs";

export const dynamic = "force-dynamic";

export const POST = toNextHandler(startRunRoute);
