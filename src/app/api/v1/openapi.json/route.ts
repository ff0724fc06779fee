import { toNextHandler } from "@/server/rest/define-route";
import { openApiRoute } from "@/server/rest/routes/system";

export const dynamic = "force-dynamic";

export const GET = toNextHandler(openApiRoute);
