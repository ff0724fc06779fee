import { z } from "zod";
import type { StepTypeMetadata } from "../types";
import { inputPort, outputPort, positiveSeconds, TEMPLATE_HINT } from "./common";

/** A url without `{{ }}` must already be an absolute http(s) URL. */
function isHttpUrlOrTemplate(url: string): boolean {
  if (url.includes("{{")) return true;
  try {
    const protocol = new URL(url).protocol;
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

export const httpRequestConfigSchema = z
  .strictObject({
    method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]).default("GET").describe("HTTP method."),
    url: z
      .string()
      .min(1, { error: "url must not be empty" })
      .refine(isHttpUrlOrTemplate, {
        error: "url must be an absolute http:// or https:// URL, or a template such as \"{{ input.url }}\"",
      })
      .describe(`Absolute http(s) URL. ${TEMPLATE_HINT}`),
    headers: z
      .record(z.string(), z.string())
      .optional()
      .describe("Request headers: name → value; each value is a template."),
    body: z
      .unknown()
      .optional()
      .describe("Request body: a template string, or JSON sent as application/json (strings inside it are templates)."),
    timeout_seconds: positiveSeconds().default(30).describe("Time limit of the request, in seconds."),
  })
  .describe("Configuration of an http_request step.");

export type HttpRequestConfig = z.output<typeof httpRequestConfigSchema>;

export const httpRequestMetadata: StepTypeMetadata<typeof httpRequestConfigSchema> = {
  type_id: "http_request",
  display_name: "HTTP request",
  category: "integration",
  description: "Calls an HTTP endpoint and outputs the response; a non-2xx status fails the step.",
  icon: "globe",
  config_schema: httpRequestConfigSchema,
  ports: {
    inputs: [inputPort("workflow", "any", "Data the url, headers and body templates can use.")],
    outputs: [outputPort("workflow", "json", "The response: { status, headers, body } (JSON bodies parsed).")],
  },
  expression_fields: { jsonata: [], templates: ["url", "headers", "body"] },
};
