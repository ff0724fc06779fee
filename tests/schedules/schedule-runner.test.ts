// The cron scheduler on the real database (PGlite and PostgreSQL) with a controlled clock: a due
// schedule fires once and moves to its next fire; fires missed while down collapse into one run;
// two instances never fire one slot twice; a failed start is recorded, not thrown; disabled
// schedules stay quiet. Plus the schedule service's validation and upcoming fire times.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LOCAL_OWNER } from "../../src/server/auth/principal";
import { ScheduleRunner } from "../../src/server/runtime/schedule-runner";
import { AppError } from "../../src/server/services/errors";
import { createSchedule, listSchedules, updateSchedule } from "../../src/server/services/schedules/schedules";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../helpers/test-database";

describe.each(DB_KINDS)("schedules on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(kind);
    await t.db.repos.segments.create({ id: "nightly", name: "Nightly", description: null, draft: {}, by: "test" });
  });
  afterEach(async () => t?.cleanup());

  const ctx = () => ({ repos: t.db.repos, principal: LOCAL_OWNER });

  function runner(now: () => Date, started: { segmentId: string; input: unknown }[], fail?: Error) {
    return new ScheduleRunner({
      repos: t.db.repos,
      now,
      maxSleepMs: 60_000,
      startRun: async (segmentId, input) => {
        if (fail) throw fail;
        started.push({ segmentId, input });
        return { run_id: `run-${started.length}` };
      },
      onError: () => undefined,
    });
  }

  async function everyMinute(nextFireAt: Date, enabled = true) {
    return t.db.repos.schedules.create("nightly", { cron: "* * * * *", timezone: "UTC", input: { topic: "news" }, enabled, nextFireAt: enabled ? nextFireAt : null });
  }

  it("a due schedule fires once with its input and moves to the next fire after now", async () => {
    const now = new Date("2030-01-01T10:00:30Z");
    const schedule = await everyMinute(new Date("2030-01-01T10:00:00Z"));
    const started: { segmentId: string; input: unknown }[] = [];
    const r = runner(() => now, started);
    r.poke();
    await r.idle();
    r.poke();
    await r.idle();
    await r.stop();
    expect(started).toEqual([{ segmentId: "nightly", input: { topic: "news" } }]);
    const after = await t.db.repos.schedules.get(schedule.id);
    expect(after?.nextFireAt?.toISOString()).toBe("2030-01-01T10:01:00.000Z");
    expect(after?.lastFiredAt?.toISOString()).toBe(now.toISOString());
    expect(after?.lastRunId).toBe("run-1");
    expect(after?.lastError).toBeNull();
  });

  it("fires missed while the server was down run once on start, not once per missed fire", async () => {
    const now = new Date("2030-01-01T12:00:10Z");
    await everyMinute(new Date("2030-01-01T10:00:00Z")); // 120 fires missed
    const started: { segmentId: string; input: unknown }[] = [];
    const r = runner(() => now, started);
    r.start();
    await r.idle();
    await r.stop();
    expect(started).toHaveLength(1);
  });

  it("two instances ticking at once fire a slot once", async () => {
    const now = new Date("2030-01-01T10:00:30Z");
    await everyMinute(new Date("2030-01-01T10:00:00Z"));
    const started: { segmentId: string; input: unknown }[] = [];
    const [a, b] = [runner(() => now, started), runner(() => now, started)];
    a.poke();
    b.poke();
    await Promise.all([a.idle(), b.idle()]);
    await Promise.all([a.stop(), b.stop()]);
    expect(started).toHaveLength(1);
  });

  it("a start that is refused is recorded on the schedule and the schedule keeps its cadence", async () => {
    const now = new Date("2030-01-01T10:00:30Z");
    const schedule = await everyMinute(new Date("2030-01-01T10:00:00Z"));
    const r = runner(() => now, [], new AppError("invalid_data", "The run input does not match input_schema: /topic must be number"));
    r.start();
    await r.idle();
    await r.stop();
    const after = await t.db.repos.schedules.get(schedule.id);
    expect(after?.lastError).toMatch(/input_schema/);
    expect(after?.lastRunId).toBeNull();
    expect(after?.nextFireAt?.toISOString()).toBe("2030-01-01T10:01:00.000Z");
  });

  it("a disabled schedule does not fire", async () => {
    await everyMinute(new Date("2030-01-01T10:00:00Z"), false);
    const started: { segmentId: string; input: unknown }[] = [];
    const r = runner(() => new Date("2030-01-01T10:05:00Z"), started);
    r.start();
    await r.idle();
    await r.stop();
    expect(started).toEqual([]);
  });

  it("the service refuses bad patterns and zones, lists the next fires in the zone, and clears them when disabled", async () => {
    await expect(createSchedule(ctx(), { segment_id: "nightly", cron: "every day", timezone: "UTC" })).rejects.toMatchObject({ code: "invalid_input", message: expect.stringContaining("not a valid cron pattern") });
    await expect(createSchedule(ctx(), { segment_id: "nightly", cron: "0 9 * * *", timezone: "Mars/Base" })).rejects.toMatchObject({ code: "invalid_input", message: expect.stringContaining("not a time zone") });
    await expect(createSchedule(ctx(), { segment_id: "missing", cron: "0 9 * * *", timezone: "UTC" })).rejects.toMatchObject({ code: "not_found" });

    const created = await createSchedule(ctx(), { segment_id: "nightly", cron: "0 9 * * MON-FRI", timezone: "Europe/Berlin", input: { n: 1 } });
    expect(created.next_fires).toHaveLength(3);
    for (const fire of created.next_fires) {
      const local = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit", weekday: "short" }).format(new Date(fire));
      expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 09:00$/);
    }
    const disabled = await updateSchedule(ctx(), { schedule_id: created.schedule_id, cron: "0 9 * * MON-FRI", timezone: "Europe/Berlin", enabled: false });
    expect(disabled.next_fires).toEqual([]);
    expect((await t.db.repos.schedules.get(created.schedule_id))?.nextFireAt).toBeNull();
    expect((await listSchedules(ctx(), { segment_id: "nightly" })).map((s) => s.enabled)).toEqual([false]);
  });
});
