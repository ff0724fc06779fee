import { toNextHandler } from "@/server/rest/define-route";
import { listApprovalsRoute } from "@/server/rest/routes/approvals";

export const dynamic = "force-dynamic";

export const GET = toNextHandler(listApprovalsRoute);
