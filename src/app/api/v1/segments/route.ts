import { toNextHandler } from "@/server/rest/define-route";
import { listSegmentsRoute, saveSegmentRoute } from "@/server/rest/routes/segments";

export const dynamic = "force-dynamic";

export const GET = toNextHandler(listSegmentsRoute);
export const POST = toNextHandler(saveSegmentRoute);
