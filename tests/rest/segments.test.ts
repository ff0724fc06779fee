// REST /api/v1/segments through the Next route handlers, on the embedded database: create vs
// new revision, every bad-input class (400, 404, 413, 422), pagination, ?revision=N.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SegmentInput } from "../../src/shared/segment";
import { createSegment } from "../../src/server/services/create-segment";
import { sampleSegment } from "../helpers/segments";
import { expectError, startRestHarness, type RestHarness } from "./support";

type Saved = { segment_id: string; revision: number };
type SegmentResource = {
  segment: Record<string, unknown>;
  revision: number;
  latest_revision: number;
  created_at: string;
  updated_at: string;
  revision_created_at: string;
};
type SegmentPage = { items: { segment_id: string; name: string; revision: number | null }[]; next_cursor: string | null };

let api: RestHarness;
beforeAll(async () => {
  api = await startRestHarness();
});
afterAll(async () => api?.stop());

const post = (body: unknown) => api.call<Saved>("POST", "/api/v1/segments", { body });

describe("POST /api/v1/segments", () => {
  it("a new segment_id is 201 at revision 1; the same id again is 200 with the next revision", async () => {
    const doc = sampleSegment({ segment_id: "rest-create", name: "REST create" });
    const first = await post(doc);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ segment_id: "rest-create", revision: 1 });

    const second = await post({ ...doc, name: "REST create v2" });
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ segment_id: "rest-create", revision: 2 });
  });

  it("an invalid segment is 422 invalid_segment listing every problem, and nothing is saved", async () => {
    const doc: SegmentInput = {
      segment_id: "rest-invalid",
      name: "Invalid",
      entrypoint: "missing",
      steps: [{ step_id: "a", type: "trnsform", config: {} }],
      edges: [],
    };
    const reply = await post(doc);
    const error = expectError(reply, 422, "invalid_segment");
    const codes = (error.details ?? []).map((d) => d.code);
    expect(codes).toContain("unknown_step_type");
    expect(codes.length).toBeGreaterThanOrEqual(2);
    expect(error.details?.find((d) => d.code === "unknown_step_type")).toMatchObject({ step_id: "a", path: "steps[0].type" });
    expectError(await api.call("GET", "/api/v1/segments/rest-invalid"), 404, "not_found");
  });

  it("malformed JSON is 400 malformed_json, and nothing is saved", async () => {
    const reply = await api.call("POST", "/api/v1/segments", {
      rawBody: '{"segment_id": "rest-malformed", "name": ',
      headers: { "content-type": "application/json" },
    });
    expect(expectError(reply, 400, "malformed_json").message).toMatch(/not valid JSON/);
    expectError(await api.call("GET", "/api/v1/segments/rest-malformed"), 404, "not_found");
  });

  it("an empty body or a JSON value that is not an object is 422 invalid_segment", async () => {
    expect(expectError(await api.call("POST", "/api/v1/segments"), 422, "invalid_segment").details?.[0]?.message).toMatch(/required/);
    expect(expectError(await post([1, 2]), 422, "invalid_segment").details?.[0]?.message).toMatch(/must be an object/);
  });

  it("a body over LLMTEAM_MAX_BODY_MB is 413, whether announced by Content-Length or streamed", async () => {
    const big = JSON.stringify(sampleSegment({ segment_id: "rest-big", description: "x".repeat(64 * 1024) }));
    await api.withConfig({ maxBodyMb: 0.05 }, async () => {
      const announced = await api.call("POST", "/api/v1/segments", {
        rawBody: big,
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(big)) },
      });
      expect(expectError(announced, 413, "body_too_large").message).toMatch(/larger than 51 KB \(LLMTEAM_MAX_BODY_MB\)/);
      const streamed = await api.call("POST", "/api/v1/segments", { rawBody: streamOf(big), headers: { "content-type": "application/json" } });
      expectError(streamed, 413, "body_too_large");
    });
    expectError(await api.call("GET", "/api/v1/segments/rest-big"), 404, "not_found");
  });

  it("the default limit is 10 MB: 11 MB is refused, a 64 KB segment is saved", async () => {
    const huge = `{"segment_id":"rest-huge","name":"${"x".repeat(11 * 2 ** 20)}"}`;
    expectError(await api.call("POST", "/api/v1/segments", { rawBody: streamOf(huge) }), 413, "body_too_large");
    const fine = await post(sampleSegment({ segment_id: "rest-64k", description: "x".repeat(64 * 1024) }));
    expect(fine.status).toBe(201);
  });
});

describe("GET /api/v1/segments/{id}", () => {
  beforeAll(async () => {
    const doc = sampleSegment({ segment_id: "rest-history", name: "History v1" });
    await post(doc);
    await post({ ...doc, name: "History v2" });
  });

  it("answers the latest revision as contract JSON with its timestamps", async () => {
    const reply = await api.call<SegmentResource>("GET", "/api/v1/segments/rest-history");
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ revision: 2, latest_revision: 2, segment: { segment_id: "rest-history", name: "History v2", version: "1.0" } });
    expect(Date.parse(reply.body.created_at)).not.toBeNaN();
    expect(Date.parse(reply.body.updated_at)).not.toBeNaN();
    expect(Date.parse(reply.body.revision_created_at)).not.toBeNaN();
  });

  it("?revision=N answers that older revision", async () => {
    const reply = await api.call<SegmentResource>("GET", "/api/v1/segments/rest-history?revision=1");
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ revision: 1, latest_revision: 2, segment: { name: "History v1" } });
  });

  it("a revision that does not exist is 404 saying which ones do", async () => {
    const error = expectError(await api.call("GET", "/api/v1/segments/rest-history?revision=9"), 404, "not_found");
    expect(error.message).toBe('Segment "rest-history" has no revision 9: its revisions are 1 to 2');
  });

  it("a revision that is not a positive whole number is 422 naming the query parameter", async () => {
    for (const bad of ["abc", "0", "1.5"]) {
      const error = expectError(await api.call("GET", `/api/v1/segments/rest-history?revision=${bad}`), 422, "invalid_input");
      expect(error.message).toMatch(/^The query string is invalid: revision: /);
      expect(error.details?.[0]).toMatchObject({ in: "query", path: "revision" });
    }
  });

  it("an unknown id is 404", async () => {
    expect(expectError(await api.call("GET", "/api/v1/segments/no-such-segment"), 404, "not_found").message).toBe(
      'Segment "no-such-segment" was not found',
    );
  });

  it("a segment that is only a draft (never saved) is 404 saying to save it", async () => {
    await createSegment(api.services, { name: "Draft only", segment_id: "rest-draft-only" });
    const error = expectError(await api.call("GET", "/api/v1/segments/rest-draft-only"), 404, "not_found");
    expect(error.message).toMatch(/no saved revision yet/);
  });

  it("an id with URL-encoded characters reaches the handler decoded", async () => {
    const error = expectError(await api.call("GET", "/api/v1/segments/a%20b"), 404, "not_found");
    expect(error.message).toBe('Segment "a b" was not found');
  });
});

describe("GET /api/v1/segments", () => {
  const ids = ["page-a", "page-b", "page-c", "page-d", "page-e"];
  beforeAll(async () => {
    // Saved out of order: the list is ordered by id, not by when they were saved.
    for (const id of [...ids].reverse()) await post(sampleSegment({ segment_id: id, name: id.toUpperCase() }));
  });

  async function allPages(limit: number): Promise<{ pages: SegmentPage[]; items: SegmentPage["items"] }> {
    const pages: SegmentPage[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const reply = await api.call<SegmentPage>("GET", `/api/v1/segments${query}`);
      expect(reply.status).toBe(200);
      pages.push(reply.body);
      cursor = reply.body.next_cursor;
    } while (cursor);
    return { pages, items: pages.flatMap((p) => p.items) };
  }

  it("pages through every segment once, ordered by id, with the cursor of the previous page", async () => {
    const { pages, items } = await allPages(2);
    const listed = items.map((i) => i.segment_id);
    expect(listed).toEqual([...listed].sort());
    expect(new Set(listed).size).toBe(listed.length);
    for (const id of ids) expect(listed).toContain(id);
    expect(pages.slice(0, -1).every((p) => p.items.length === 2)).toBe(true);
    expect(pages.at(-1)?.next_cursor).toBeNull();
    expect(items.find((i) => i.segment_id === "page-c")).toMatchObject({ name: "PAGE-C", revision: 1 });
  });

  it("a draft-only segment is listed with revision null", async () => {
    await createSegment(api.services, { name: "Listed draft", segment_id: "page-draft" });
    const { items } = await allPages(200);
    expect(items.find((i) => i.segment_id === "page-draft")).toMatchObject({ revision: null });
  });

  it("items carry exactly segment_id, name, revision, created_at and updated_at", async () => {
    const reply = await api.call<SegmentPage>("GET", "/api/v1/segments?limit=1");
    expect(Object.keys(reply.body.items[0] ?? {}).sort()).toEqual(["created_at", "name", "revision", "segment_id", "updated_at"]);
    expect(reply.body.next_cursor).toEqual(expect.any(String));
  });

  it("a limit out of range or not a number is 422", async () => {
    for (const bad of ["0", "201", "ten"]) {
      const error = expectError(await api.call("GET", `/api/v1/segments?limit=${bad}`), 422, "invalid_input");
      expect(error.details?.[0]).toMatchObject({ in: "query", path: "limit" });
    }
  });
});

function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const chunk = 256 * 1024;
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
}
