import { toNextHandler } from "@/server/rest/define-route";
import { listRunsRoute } from "@/server/rest/routes/runs";

export const dynamic = "force-dynamic";

export const GET = toNextHandler(listRunsRoute);
