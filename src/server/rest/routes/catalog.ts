// /api/v1/catalog: the step types a segment can use (the same metadata as the editor's palette).
import { builtinCatalog } from "../../../shared/catalog";
import { defineRoute } from "../define-route";
import { catalogSchema } from "../schemas/system";

export const catalogRoute = defineRoute({
  method: "GET",
  path: "/api/v1/catalog",
  operationId: "getCatalog",
  summary: "List step types",
  description:
    "Every step type with its ports (on the `workflow`, `agent` and `human` levels) and the JSON Schema of its `config`, " +
    "in palette order. A step's `type` in a segment is one of these `type_id`s.",
  tags: ["Catalog"],
  responses: { 200: { description: "The step types", schema: catalogSchema } },
  async handler() {
    return { status: 200, body: builtinCatalog.describe() };
  },
});
