import { toNextHandler } from "@/server/rest/define-route";
import { decideApprovalRoute } from "@/server/rest/routes/approvals";

export const dynamic = "force-dynamic";

export const POST = toNextHandler(decideApprovalRoute);
