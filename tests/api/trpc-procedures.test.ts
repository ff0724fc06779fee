// The tRPC procedures as the browser calls them, over the fetch adapter, with
// the app context of a real embedded database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAppContext } from "../../src/server/app-context";
import { testAppContext } from "../helpers/app-context";
import { call } from "../helpers/trpc-call";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase("pglite");
  setAppContext(testAppContext(t));
});
afterAll(async () => {
  setAppContext(undefined);
  await t?.cleanup();
});

describe("segments procedures", () => {
  it("create then list and get", async () => {
    const created = await call("segments.create", { name: "Via tRPC" });
    expect(created.status).toBe(200);
    expect(created.body.result?.data).toMatchObject({ segment_id: "via-trpc", latest_revision: 0 });
    const list = await call("segments.list", undefined, "GET");
    expect(list.body.result?.data).toEqual(expect.arrayContaining([expect.objectContaining({ segment_id: "via-trpc" })]));
    const got = await call("segments.get", { segment_id: "via-trpc" }, "GET");
    expect(got.body.result?.data).toMatchObject({ name: "Via tRPC", draft: { version: 1 } });
  });

  it("an empty name is a 400 with the field named", async () => {
    const res = await call("segments.create", { name: "" });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toBe("Name is required");
    expect(res.body.error?.data).toMatchObject({ code: "BAD_REQUEST", appCode: "invalid_input", details: [{ path: "name" }] });
  });

  it("an unknown segment is a 404 with a readable message", async () => {
    const res = await call("segments.get", { segment_id: "missing" }, "GET");
    expect(res.status).toBe(404);
    expect(res.body.error?.message).toBe('Segment "missing" was not found');
    expect(res.body.error?.data).toMatchObject({ appCode: "not_found" });
  });

  it("a taken explicit id is a 409", async () => {
    await call("segments.create", { name: "Dup", segment_id: "dup" });
    const res = await call("segments.create", { name: "Dup again", segment_id: "dup" });
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toBe('A segment with id "dup" already exists');
  });

  it("rename and delete round trip; a second delete is a 404", async () => {
    await call("segments.create", { name: "Short lived" });
    expect((await call("segments.rename", { segment_id: "short-lived", name: "Renamed" })).body.result?.data).toMatchObject({
      name: "Renamed",
    });
    expect((await call("segments.delete", { segment_id: "short-lived" })).status).toBe(200);
    expect((await call("segments.delete", { segment_id: "short-lived" })).status).toBe(404);
  });

  it("errors never carry a stack trace", async () => {
    const res = await call("segments.get", { segment_id: "missing" }, "GET");
    expect(JSON.stringify(res.body)).not.toMatch(/stack|\.ts:\d+/);
  });
});

describe("runs and system procedures", () => {
  it("runs.list is empty and validates its filter", async () => {
    expect((await call("runs.list", {}, "GET")).body.result?.data).toEqual({ items: [], next_cursor: null });
    expect((await call("runs.list", { status: "exploded" }, "GET")).status).toBe(400);
  });

  it("system.info names the database and the principal, and nothing secret", async () => {
    const res = await call("system.info", undefined, "GET");
    expect(res.body.result?.data).toEqual({
      version: expect.any(String),
      db: "pglite",
      auth: "off",
      principal: { id: "local-owner", display_name: "Local owner" },
    });
  });
});
