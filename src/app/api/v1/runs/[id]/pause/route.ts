import { toNextHandler } from "@/server/rest/define-route";
import { pauseRunRoute } from "@/server/rest/routes/runs";

export const dynamic = "force-dynamic";

export const POST = toNextHandler(pauseRunRoute);
