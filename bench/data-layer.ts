// Foundation figures: opening the embedded database, saving revisions and
// listing segments, on PGlite and on the local PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { LOCAL_OWNER } from "../src/server/auth/principal";
import { openDatabase, type Database } from "../src/server/db/open-database";
import { listSegments } from "../src/server/services/list-segments";
import { saveSegmentRevision } from "../src/server/services/save-segment-revision";
import { summarize, timed } from "./stats";

const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

function segmentDoc(i: number) {
  return {
    segment_id: `bench-${i}`,
    name: `Bench ${i}`,
    entrypoint: "s0",
    steps: Array.from({ length: 10 }, (_, k) => ({
      step_id: `s${k}`,
      type: "transform",
      config: { expression: "step_input" },
      ui: { x: k * 300, y: 0 },
    })),
    edges: Array.from({ length: 9 }, (_, k) => ({ from_step: `s${k}`, to_step: `s${k + 1}` })),
  };
}

async function measure(db: Database) {
  const ctx = { repos: db.repos, principal: LOCAL_OWNER };
  const saves: number[] = [];
  for (let i = 0; i < 200; i++) {
    const [, ms] = await timed(() => saveSegmentRevision(ctx, { document: segmentDoc(i) }));
    saves.push(ms);
  }
  const lists: number[] = [];
  for (let i = 0; i < 30; i++) {
    const [, ms] = await timed(() => listSegments(ctx));
    lists.push(ms);
  }
  return { save_revision_ms: summarize(saves), list_200_segments_ms: summarize(lists) };
}

export async function benchDataLayer() {
  const dir = mkdtempSync(path.join(tmpdir(), "llmteam-bench-"));
  const [cold, coldMs] = await timed(() => openDatabase({ dataDir: dir }));
  const pgliteFigures = await measure(cold);
  await cold.close();
  const [warm, warmMs] = await timed(() => openDatabase({ dataDir: dir }));
  await warm.close();
  rmSync(dir, { recursive: true, force: true });

  const schema = `bench_${process.pid}`;
  const url = new URL(PG_URL);
  url.searchParams.set("schema", schema);
  const [postgres, pgOpenMs] = await timed(() => openDatabase({ databaseUrl: url.toString(), dataDir: dir }));
  const postgresFigures = await measure(postgres);
  await postgres.close();
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();

  return {
    pglite: { create_and_migrate_ms: Math.round(coldMs), open_existing_ms: Math.round(warmMs), ...pgliteFigures },
    postgres: { open_and_migrate_ms: Math.round(pgOpenMs), ...postgresFigures },
  };
}
