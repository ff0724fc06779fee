import { toNextHandler } from "@/server/rest/define-route";
import { webhookRoute } from "@/server/rest/routes/hooks";

export const dynamic = "force-dynamic";

export const POST = toNextHandler(webhookRoute);
