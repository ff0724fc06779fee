import { toNextHandler } from "@/server/rest/define-route";
import { getRunRoute } from "@/server/rest/routes/runs";

export const dynamic = "force-dynamic";

export const GET = toNextHandler(getRunRoute);
