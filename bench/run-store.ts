// The Prisma RunStore's cost: `npx tsx bench/run-store.ts`. Not part of `npm test`.
// 1. commit of one step row + two events + a run patch (the engine's per-step write), p50/p95,
//    on the in-memory store (reference), embedded PGlite (a data dir, as in production) and
//    the local PostgreSQL (TEST_DATABASE_URL); plus load() of a run with 1,000 step rows.
// 2. the engine on the Prisma store: a 1,000-step no-op chain and a 100-way fan-out/fan-in,
//    ms per step (compare `npx tsx bench/engine.ts`, the same on the in-memory store).
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createEngine, InProcessScheduler, systemClock, type NewRunEvent, type RunRecord, type RunStore, type SegmentSource } from "../src/engine";
import { createBuiltinRegistry } from "../src/engine/steps/builtins";
import { complete } from "../src/engine/steps/types";
import { InMemoryRunStore, nullSink } from "../src/engine/testing";
import { openDatabase, type Database } from "../src/server/db/open-database";
import { parseSegment, type SegmentInput } from "../src/shared/segment";
import { summarize, timed } from "./stats";
import { chainDoc, fanDoc } from "./workloads";

const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const COMMITS = 2000;
const WARMUP = 300;

function runRecord(segmentId: string): RunRecord {
  const id = randomUUID();
  const now = new Date().toISOString();
  return {
    run_id: id, root_run_id: id, parent_run_id: null, parent_step_id: null, segment_id: segmentId, revision: 1,
    status: "pending", input: { topic: "bench" }, output: null, error: null, correlation_id: id, created_by: "bench",
    input_tokens: 0, output_tokens: 0, cost: 0, control: null, wake_at: null, created_at: now, started_at: null, finished_at: null,
  };
}

function event(run: RunRecord, stepId: string, type: "step.started" | "step.completed"): NewRunEvent {
  const base = { event_id: randomUUID(), run_id: run.run_id, root_run_id: run.root_run_id, segment_id: run.segment_id, step_id: stepId, ts: new Date().toISOString(), correlation_id: run.correlation_id };
  return type === "step.started"
    ? { ...base, type, payload: { step_type: "noop", attempt: 1, input: { i: stepId } } }
    : { ...base, type, payload: { attempt: 1, output: { i: stepId }, duration_ms: 0, reused: false, tokens: { input: 0, output: 0 }, cost: 0 } };
}

/** Commits of (1 step row + 2 events + run patch), each for a new step of one run. */
async function benchCommits(store: RunStore, segmentId: string) {
  const run = runRecord(segmentId);
  await store.createRun(run);
  const claim = await store.claim(run.run_id, "bench", new Date().toISOString(), new Date(Date.now() + 3_600_000).toISOString());
  if (!claim.ok) throw new Error("claim refused");
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + COMMITS; i++) {
    const now = new Date().toISOString();
    const stepId = `s${i}`;
    const [, ms] = await timed(() =>
      store.commit(claim.lease, {
        run: { input_tokens: i, status: "running" },
        steps: [{
          step_id: stepId, attempt: 1, status: "completed", input: { i }, output: { i }, error: null, started_at: now, finished_at: now,
          reused: false, wake_at: null, suspended: false, state: null, children: [], approval_id: null, routes: [i], input_tokens: 0, output_tokens: 0, cost: 0,
        }],
        events: [event(run, stepId, "step.started"), event(run, stepId, "step.completed")],
      }),
    );
    if (i >= WARMUP) samples.push(ms);
  }
  const loads: number[] = [];
  for (let i = 0; i < 20; i++) loads.push((await timed(() => store.load(run.run_id)))[1]);
  const claims: number[] = [];
  await store.release(claim.lease);
  for (let i = 0; i < 200; i++) {
    const [lease, ms] = await timed(() => store.claim(run.run_id, "bench", new Date().toISOString(), new Date(Date.now() + 30_000).toISOString()));
    if (!lease.ok) throw new Error("claim refused");
    claims.push(ms + (await timed(() => store.release(lease.lease)))[1]);
  }
  return { run_id: run.run_id, commit_ms: summarize(samples), load_2300_steps_ms: summarize(loads), claim_release_ms: summarize(claims) };
}

/** What one row costs on this machine, for scale: a Prisma `create` and a raw single-row INSERT. */
async function benchReference(db: Database, runId: string) {
  const creates: number[] = [];
  const raws: number[] = [];
  for (let i = 0; i < WARMUP + 1000; i++) {
    const seq = 1_000_000 + 2 * i;
    const [, create] = await timed(() => db.prisma.runEvent.create({ data: { runId, seq, type: "bench", payload: { i } } }));
    const [, raw] = await timed(
      () => db.prisma.$executeRaw`INSERT INTO run_events (id, run_id, seq, type, ts, payload) VALUES (${randomUUID()}, ${runId}, ${seq + 1}, 'bench', now(), ${JSON.stringify({ i })}::jsonb)`,
    );
    if (i >= WARMUP) {
      creates.push(create);
      raws.push(raw);
    }
  }
  return { prisma_create_ms: summarize(creates), raw_insert_ms: summarize(raws) };
}

function dbSegments(db: Database): SegmentSource {
  return {
    async get(segmentId, revision) {
      const number = revision ?? (await db.repos.segments.get(segmentId))?.latest_revision;
      const document = number ? await db.repos.segments.getRevision(segmentId, number) : null;
      const parsed = document ? parseSegment(document) : null;
      return parsed?.ok && number ? { segment: parsed.segment, revision: number } : null;
    },
  };
}

async function saveSegment(db: Database, doc: { segment_id: string; name: string }) {
  await db.repos.segments.saveRevision({ id: doc.segment_id, name: doc.name, description: null, document: { ...doc }, by: "bench" });
}

/** Runs a segment `rounds` times through the engine on the database; ms per run. */
async function benchEngine(db: Database, doc: SegmentInput, rounds: number) {
  const steps = createBuiltinRegistry().register({ type: "noop", parseConfig: (c) => c, start: async (ctx) => complete(ctx.input) });
  const scheduler = new InProcessScheduler(systemClock);
  const store = db.runStore;
  const engine = createEngine({ store, scheduler, sink: nullSink, segments: dbSegments(db), clock: systemClock, steps });
  scheduler.attach((runId) => engine.advance(runId));
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const run = await engine.start({ segment_id: doc.segment_id, input: { i } });
    await scheduler.idle();
    samples.push(performance.now() - t0);
    const status = (await store.getRun(run.run_id))?.status;
    if (status !== "completed") throw new Error(`run ended ${status}`);
  }
  return samples;
}

async function benchDatabase(db: Database) {
  await saveSegment(db, { segment_id: "bench", name: "bench" });
  const { run_id, ...commits } = await benchCommits(db.runStore, "bench");
  const reference = await benchReference(db, run_id);
  const chain = chainDoc(1000);
  const fan = fanDoc(100);
  await saveSegment(db, chain);
  await saveSegment(db, fan);
  await benchEngine(db, fan, 2); // warm-up
  const chainMs = await benchEngine(db, chain, 3);
  const fanMs = await benchEngine(db, fan, 10);
  const perStep = (ms: number[], n: number) => summarize(ms.map((x) => x / n));
  return {
    ...commits,
    ...reference,
    engine_chain_1000: { run_ms: summarize(chainMs), ms_per_step: perStep(chainMs, 1000) },
    engine_fan_out_in_100: { run_ms: summarize(fanMs), ms_per_step: perStep(fanMs, 102) },
  };
}

export async function benchRunStore() {
  const memory = await benchCommits(new InMemoryRunStore(), "bench");

  const dir = mkdtempSync(path.join(tmpdir(), "llmteam-bench-store-"));
  const lite = await openDatabase({ dataDir: dir });
  const pglite = await benchDatabase(lite);
  await lite.close();
  rmSync(dir, { recursive: true, force: true });

  const schema = `bench_store_${process.pid}`;
  const url = new URL(PG_URL);
  url.searchParams.set("schema", schema);
  const server = await openDatabase({ databaseUrl: url.toString(), dataDir: dir });
  const postgres = await benchDatabase(server);
  await server.close();
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();

  return { memory: { commit_ms: memory.commit_ms, load_2300_steps_ms: memory.load_2300_steps_ms }, pglite, postgres };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchRunStore();
  const line = (name: string, r: Awaited<ReturnType<typeof benchDatabase>>) =>
    console.log(
      `${name.padEnd(9)} commit p50 ${r.commit_ms.p50} / p95 ${r.commit_ms.p95} ms (for scale: Prisma create ${r.prisma_create_ms.p50}, ` +
        `raw INSERT ${r.raw_insert_ms.p50}) · claim+release p50 ${r.claim_release_ms.p50} ms · load(2,300 steps) p50 ${r.load_2300_steps_ms.p50} ms · ` +
        `engine: chain ${r.engine_chain_1000.ms_per_step.p50} ms/step, fan ${r.engine_fan_out_in_100.ms_per_step.p50} ms/step`,
    );
  console.log(`run store (Node ${process.version}); commit = 1 step row + 2 events + run patch`);
  console.log(`memory    commit p50 ${result.memory.commit_ms.p50} / p95 ${result.memory.commit_ms.p95} ms`);
  line("pglite", result.pglite);
  line("postgres", result.postgres);
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}
