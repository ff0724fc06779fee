import { toNextHandler } from "@/server/rest/define-route";
import { catalogRoute } from "@/server/rest/routes/catalog";

export const dynamic = "force-dynamic";

export const GET = toNextHandler(catalogRoute);
