// Every REST v1 route spec. The OpenAPI document (/api/v1/openapi.json) lists exactly these,
// and tests/rest checks that each one is served by a Next route file exporting its method.
// Adding a route: define its spec in routes/<area>.ts, list it here, and add
// `export const <METHOD> = toNextHandler(spec)` in src/app/api/v1/<path>/route.ts.
import type { AnyRouteSpec } from "../define-route";
import { catalogRoute } from "./catalog";
import { deleteSegmentRoute, getSegmentRoute, listSegmentsRoute, saveSegmentRoute } from "./segments";
import { healthRoute, openApiRoute } from "./system";

export const restRoutes: AnyRouteSpec[] = [
  // Segments
  saveSegmentRoute,
  listSegmentsRoute,
  getSegmentRoute,
  deleteSegmentRoute,
  // Catalog
  catalogRoute,
  // System
  healthRoute,
  openApiRoute,
];
