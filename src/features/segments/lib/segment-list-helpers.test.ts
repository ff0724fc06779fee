import { describe, expect, it } from "vitest";
import type { SegmentSummary } from "@/shared/resources/segment-resource";
import { filterSegments } from "./filter-segments";
import { predictSegmentId } from "./predict-segment-id";
import { readServerError } from "./server-error";

const segment = (segment_id: string, name: string): SegmentSummary => ({
  segment_id,
  name,
  description: null,
  latest_revision: 1,
  step_count: 0,
  run_count: 0,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
});

describe("filterSegments", () => {
  const list = [segment("article-writer", "Article writer"), segment("support-triage", "Support ticket triage"), segment("cafe", "Café Flow")];

  it("matches name or id, case- and accent-insensitively, every word", () => {
    expect(filterSegments(list, "ARTICLE").map((s) => s.segment_id)).toEqual(["article-writer"]);
    expect(filterSegments(list, "support-tri").map((s) => s.segment_id)).toEqual(["support-triage"]);
    expect(filterSegments(list, "cafe flow").map((s) => s.segment_id)).toEqual(["cafe"]);
    expect(filterSegments(list, "ticket writer")).toEqual([]);
  });
  it("returns everything for a blank query", () => {
    expect(filterSegments(list, "  ")).toHaveLength(3);
  });
});

describe("predictSegmentId", () => {
  it("uses the slug when it is free and appends -2, -3 when taken", () => {
    expect(predictSegmentId("My Flow", new Set())).toEqual({ id: "my-flow", base: "my-flow", taken: false });
    expect(predictSegmentId("My Flow", new Set(["my-flow"]))).toMatchObject({ id: "my-flow-2", taken: true });
    expect(predictSegmentId("My Flow", new Set(["my-flow", "my-flow-2"])).id).toBe("my-flow-3");
  });
  it("keeps the suffixed id within 64 characters", () => {
    const long = "x".repeat(80);
    const { id } = predictSegmentId(long, new Set(["x".repeat(64)]));
    expect(id).toHaveLength(64);
    expect(id.endsWith("-2")).toBe(true);
  });
});

describe("readServerError", () => {
  it("maps detail paths to field messages", () => {
    const error = Object.assign(new Error("Name is required"), {
      data: { code: "BAD_REQUEST", details: [{ path: "name", message: "name is required" }] },
    });
    expect(readServerError(error)).toEqual({ message: "Name is required", fields: { name: "Name is required" } });
  });
  it("explains a network failure instead of echoing it", () => {
    expect(readServerError(new TypeError("Failed to fetch")).message).toMatch(/Could not reach the server/);
  });
  it("has a fallback for unknown values", () => {
    expect(readServerError(undefined).message).toMatch(/Something went wrong/);
  });
});
