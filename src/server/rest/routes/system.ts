// /api/v1/health and /api/v1/openapi.json.
import { z } from "zod";
import { checkHealth } from "../../services/check-health";
import { defineRoute, type AnyRouteSpec } from "../define-route";
import { buildOpenApiDocument, type OpenApiDocument } from "../openapi";
import { healthSchema } from "../schemas/system";

export const healthRoute = defineRoute({
  method: "GET",
  path: "/api/v1/health",
  access: "public",
  operationId: "getHealth",
  summary: "Health",
  description: "**200** when the server and its database answer, **503** naming the failing part otherwise. For load balancers and container health checks.",
  tags: ["System"],
  responses: {
    200: {
      description: "Healthy",
      schema: healthSchema,
      example: { status: "ok", db: "pglite", queue: "inline", version: "0.1.0", uptime_seconds: 42 },
    },
    503: { description: "Unhealthy: the body is the Health object with `problems`", schema: healthSchema },
  },
  async handler({ ctx }) {
    const health = await checkHealth(ctx.app);
    return { status: health.status === "ok" ? 200 : 503, body: health };
  },
});

let cached: { routes: readonly AnyRouteSpec[]; version: string; document: OpenApiDocument } | undefined;

export const openApiRoute = defineRoute({
  method: "GET",
  path: "/api/v1/openapi.json",
  access: "public",
  operationId: "getOpenApiDocument",
  summary: "OpenAPI document",
  description: "This API described as OpenAPI 3.1, generated from the same schemas that validate requests. The in-app API reference (/api-docs) renders it.",
  tags: ["System"],
  responses: {
    200: { description: "The OpenAPI 3.1 document", schema: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }) },
  },
  async handler({ ctx }) {
    // Imported here, not at the top: the registry lists this route, so a static import would be circular.
    const { restRoutes } = await import("./index");
    const version = ctx.app.config.version;
    if (cached?.routes !== restRoutes || cached.version !== version) {
      cached = { routes: restRoutes, version, document: buildOpenApiDocument(restRoutes, { version }) };
    }
    return { status: 200, body: cached.document, headers: { "cache-control": "no-cache" } };
  },
});
