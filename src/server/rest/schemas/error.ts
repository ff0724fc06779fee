// The one error shape of the REST API (issue 6): `{error: {code, message, details?}}`.
import { z } from "zod";
import { named } from "./registry";

/** One problem: where (`in` + `path`), what (`message`), and a stable `code` when there is one. */
export const restErrorDetailSchema = named(
  "ErrorDetail",
  z.looseObject({
    in: z.enum(["path", "query", "body", "header"]).optional().describe("Which part of the request the problem is in"),
    path: z.string().optional().describe('Dotted path inside that part, e.g. "steps.2.config.expression"'),
    message: z.string(),
    code: z.string().optional(),
    step_id: z.string().optional().describe("The step the problem is about (segment validation)"),
  }),
  "One problem found in the request; more fields may be present depending on the error code.",
);
export type RestErrorDetail = z.infer<typeof restErrorDetailSchema>;

export const restErrorBodySchema = named(
  "Error",
  z.object({
    error: z.object({
      code: z
        .string()
        .describe(
          "Stable, machine-readable: malformed_json, body_too_large, invalid_input, invalid_segment, invalid_data, not_found, conflict, unauthorized, forbidden, unavailable, internal",
        ),
      message: z.string().describe("One sentence for a person: what is wrong and, when possible, how to fix it"),
      details: z.array(restErrorDetailSchema).optional().describe("Every problem found, when there is more than the message says"),
    }),
  }),
  "Every error answer of the API has this shape.",
);
export type RestErrorBody = z.infer<typeof restErrorBodySchema>;
