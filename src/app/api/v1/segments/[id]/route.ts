import { toNextHandler } from "@/server/rest/define-route";
import { deleteSegmentRoute, getSegmentRoute } from "@/server/rest/routes/segments";

export const dynamic = "force-dynamic";

export const GET = toNextHandler(getSegmentRoute);
export const DELETE = toNextHandler(deleteSegmentRoute);
