// Unknown /api/v1 paths answer with the API's JSON 404, not the app's HTML page.
import { unknownRouteHandler } from "@/server/rest/unknown-route";

export const dynamic = "force-dynamic";

export const GET = unknownRouteHandler;
export const POST = unknownRouteHandler;
export const PUT = unknownRouteHandler;
export const PATCH = unknownRouteHandler;
export const DELETE = unknownRouteHandler;
