// Every REST v1 route spec. The OpenAPI document (/api/v1/openapi.json) lists exactly these,
// and tests/rest checks that each one is served by a Next route file exporting its method.
// Adding a route: define its spec in routes/<area>.ts, list it here, and add
// `export const <METHOD> = toNextHandler(spec)` in src/app/api/v1/<path>/route.ts.
import type { AnyRouteSpec } from "../define-route";
import { decideApprovalRoute, listApprovalsRoute } from "./approvals";
import { catalogRoute } from "./catalog";
import { webhookRoute } from "./hooks";
import { runEventsRoute } from "./run-events";
import { cancelRunRoute, getRunRoute, listRunsRoute, pauseRunRoute, rerunRoute, resumeRunRoute, startRunRoute } from "./runs";
import { deleteSegmentRoute, getSegmentRoute, listSegmentsRoute, saveSegmentRoute } from "./segments";
import { healthRoute, openApiRoute } from "./system";

export const restRoutes: AnyRouteSpec[] = [
  // Segments
  saveSegmentRoute,
  listSegmentsRoute,
  getSegmentRoute,
  deleteSegmentRoute,
  // Runs
  startRunRoute,
  listRunsRoute,
  getRunRoute,
  runEventsRoute,
  cancelRunRoute,
  pauseRunRoute,
  resumeRunRoute,
  rerunRoute,
  // Approvals
  listApprovalsRoute,
  decideApprovalRoute,
  // Triggers
  webhookRoute,
  // Catalog
  catalogRoute,
  // System
  healthRoute,
  openApiRoute,
];
