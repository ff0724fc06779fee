-- run_store_commit in PL/pgSQL, so that PostgreSQL before 18 caches its plan. As a SQL-language
-- function (20261122014600_run_store_functions) PostgreSQL 15-17 parse and plan the whole
-- six-part CTE on every call: ~3 ms per commit and most of the database's CPU per run (found by
-- the scale benchmark: 3 of ~10 transactions per 2-step run, 72% of statement time). PL/pgSQL
-- keeps the statement's plan per connection on every version (and on PGlite).
--
-- Same statement and arguments as 20261207050000_run_store_commit_no_scan, plus one patch key
-- and one result column (hence DROP + CREATE: the result type changes):
--   p_patch key `release`: the advance's last commit also frees the lease (as
--     RunStore.release does), one transaction less per advance;
--   run_poked: the run's poke mark after the commit (what release reports).
-- `#variable_conflict use_column`: the output columns (first_seq, run_control, run_poked) are
-- also PL/pgSQL variables, and inside the statement a name means the column.
--
-- Semicolons inside the body are fine from this migration on: PostgreSQL migration scripts are
-- sent whole (src/server/db/pg-adapter.ts), no longer split on that character.
DROP FUNCTION run_store_commit(text, text, jsonb, jsonb, jsonb, jsonb, jsonb, jsonb);

CREATE FUNCTION run_store_commit(p_run_id text, p_token text, p_patch jsonb, p_steps jsonb,
  p_events jsonb, p_approvals jsonb, p_new_runs jsonb, p_pokes jsonb)
RETURNS TABLE (first_seq integer, run_control text, run_poked boolean)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
BEGIN
RETURN QUERY
WITH locked AS (
  SELECT id FROM runs
  WHERE p_pokes IS NOT NULL
    AND id = ANY (array_append(ARRAY(SELECT n->>'run_id' FROM jsonb_array_elements(p_pokes) AS n), p_run_id))
  ORDER BY id FOR NO KEY UPDATE
),
lease AS (
  UPDATE runs AS r SET
    next_seq = r.next_seq + coalesce(jsonb_array_length(p_events), 0),
    status = CASE WHEN p_patch ? 'status' THEN p_patch->>'status' ELSE r.status END,
    output = CASE WHEN p_patch ? 'output' THEN nullif(p_patch->'output', 'null'::jsonb) ELSE r.output END,
    error = CASE WHEN p_patch ? 'error' THEN nullif(p_patch->'error', 'null'::jsonb) ELSE r.error END,
    input_tokens = CASE WHEN p_patch ? 'input_tokens' THEN (p_patch->>'input_tokens')::integer ELSE r.input_tokens END,
    output_tokens = CASE WHEN p_patch ? 'output_tokens' THEN (p_patch->>'output_tokens')::integer ELSE r.output_tokens END,
    cost = CASE WHEN p_patch ? 'cost' THEN (p_patch->>'cost')::numeric ELSE r.cost END,
    wake_at = CASE WHEN p_patch ? 'wake_at' THEN (p_patch->>'wake_at')::timestamptz ELSE r.wake_at END,
    started_at = CASE WHEN p_patch ? 'started_at' THEN (p_patch->>'started_at')::timestamptz ELSE r.started_at END,
    finished_at = CASE WHEN p_patch ? 'finished_at' THEN (p_patch->>'finished_at')::timestamptz ELSE r.finished_at END,
    -- the request after the patch, cleared if acknowledged (and not replaced meanwhile), cleared
    -- when the run finishes, replaced by a self-nudge's request unless a cancel is pending
    control = CASE
      WHEN coalesce(p_patch->>'status', r.status) IN ('completed', 'failed', 'cancelled') THEN NULL
      WHEN p_patch->>'poke' IS NOT NULL
        AND (CASE WHEN (CASE WHEN p_patch ? 'control' THEN p_patch->>'control' ELSE r.control END) = p_patch->>'ack_control'
             THEN NULL ELSE (CASE WHEN p_patch ? 'control' THEN p_patch->>'control' ELSE r.control END) END)
            IS DISTINCT FROM 'cancel'
        THEN p_patch->>'poke'
      WHEN (CASE WHEN p_patch ? 'control' THEN p_patch->>'control' ELSE r.control END) = p_patch->>'ack_control' THEN NULL
      ELSE (CASE WHEN p_patch ? 'control' THEN p_patch->>'control' ELSE r.control END) END,
    poked = CASE
      WHEN p_patch ? 'poke' AND coalesce(p_patch->>'status', r.status) NOT IN ('completed', 'failed', 'cancelled') THEN TRUE
      ELSE r.poked END,
    lease_owner = CASE WHEN p_patch ? 'release' THEN NULL ELSE r.lease_owner END,
    lease_token = CASE WHEN p_patch ? 'release' THEN NULL ELSE r.lease_token END,
    lease_expires_at = CASE WHEN p_patch ? 'release' THEN NULL ELSE r.lease_expires_at END,
    updated_at = now()
  WHERE r.id = p_run_id AND r.lease_token = p_token
    AND (SELECT count(*) FROM locked) >= 0
  RETURNING r.next_seq - coalesce(jsonb_array_length(p_events), 0) AS first_seq, r.control, r.poked
),
steps AS (
  INSERT INTO step_runs (id, run_id, step_id, attempt, status, input, output, error, started_at,
    finished_at, reused, wake_at, suspended, state, children, approval_id, routes, input_tokens,
    output_tokens, cost)
  SELECT gen_random_uuid()::text, p_run_id, v.step_id, v.attempt, v.status, v.input, v.output, v.error,
    v.started_at, v.finished_at, coalesce(v.reused, FALSE), v.wake_at, coalesce(v.suspended, FALSE),
    v.state, coalesce(v.children, '[]'::jsonb), v.approval_id, v.routes, coalesce(v.input_tokens, 0),
    coalesce(v.output_tokens, 0), coalesce(v.cost, 0)
  FROM jsonb_to_recordset(p_steps) AS v (
    step_id text, attempt integer, status text, input jsonb, output jsonb, error jsonb,
    started_at timestamptz, finished_at timestamptz, reused boolean, wake_at timestamptz,
    suspended boolean, state jsonb, children jsonb, approval_id text, routes jsonb,
    input_tokens integer, output_tokens integer, cost numeric)
  WHERE EXISTS (SELECT 1 FROM lease)
  ON CONFLICT (run_id, step_id, attempt) DO UPDATE SET
    status = EXCLUDED.status, input = EXCLUDED.input, output = EXCLUDED.output, error = EXCLUDED.error,
    started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at, reused = EXCLUDED.reused,
    wake_at = EXCLUDED.wake_at, suspended = EXCLUDED.suspended, state = EXCLUDED.state,
    children = EXCLUDED.children, approval_id = EXCLUDED.approval_id, routes = EXCLUDED.routes,
    input_tokens = EXCLUDED.input_tokens, output_tokens = EXCLUDED.output_tokens, cost = EXCLUDED.cost
),
events AS (
  INSERT INTO run_events (id, run_id, seq, type, step_id, ts, correlation_id, payload)
  SELECT v.event_id, p_run_id, l.first_seq + v.ord::integer - 1, v.type, v.step_id, v.ts,
    v.correlation_id, coalesce(v.payload, '{}'::jsonb)
  FROM lease AS l,
    ROWS FROM (jsonb_to_recordset(p_events) AS (
      event_id text, type text, step_id text, ts timestamptz, correlation_id text, payload jsonb))
    WITH ORDINALITY AS v (event_id, type, step_id, ts, correlation_id, payload, ord)
),
approvals AS (
  INSERT INTO approvals AS a (id, run_id, root_run_id, segment_id, step_id, attempt, status, title,
    instructions, data, form, decision, edited, result, comment, decided_by, decided_at, expires_at,
    created_at)
  SELECT v.approval_id, v.run_id, v.root_run_id, v.segment_id, v.step_id, v.attempt, v.status, v.title,
    v.instructions, v.data, v.form, v.decision, coalesce(v.edited, FALSE), v.result, v.comment,
    v.decided_by, v.decided_at, v.expires_at, coalesce(v.created_at, now())
  FROM jsonb_to_recordset(p_approvals) AS v (
    approval_id text, run_id text, root_run_id text, segment_id text, step_id text, attempt integer,
    status text, title text, instructions text, data jsonb, form jsonb, decision text, edited boolean,
    result jsonb, comment text, decided_by text, decided_at timestamptz, expires_at timestamptz,
    created_at timestamptz)
  WHERE EXISTS (SELECT 1 FROM lease)
  ON CONFLICT (id) DO UPDATE SET
    status = EXCLUDED.status, title = EXCLUDED.title, instructions = EXCLUDED.instructions,
    data = EXCLUDED.data, form = EXCLUDED.form, decision = EXCLUDED.decision, edited = EXCLUDED.edited,
    result = EXCLUDED.result, comment = EXCLUDED.comment, decided_by = EXCLUDED.decided_by,
    decided_at = EXCLUDED.decided_at, expires_at = EXCLUDED.expires_at
  WHERE a.status = 'pending'
),
new_runs AS (
  INSERT INTO runs (id, root_run_id, parent_run_id, parent_step_id, segment_id, revision, status,
    input, output, error, correlation_id, created_by, input_tokens, output_tokens, cost, control,
    wake_at, poked, created_at, started_at, finished_at, updated_at)
  SELECT v.run_id, v.root_run_id, v.parent_run_id, v.parent_step_id, v.segment_id, v.revision,
    coalesce(v.status, 'pending'), v.input, v.output, v.error, v.correlation_id, v.created_by,
    coalesce(v.input_tokens, 0), coalesce(v.output_tokens, 0), coalesce(v.cost, 0), v.control, v.wake_at,
    TRUE, coalesce(v.created_at, now()), v.started_at, v.finished_at, now()
  FROM jsonb_to_recordset(p_new_runs) AS v (
    run_id text, root_run_id text, parent_run_id text, parent_step_id text, segment_id text,
    revision integer, status text, input jsonb, output jsonb, error jsonb, correlation_id text,
    created_by text, input_tokens integer, output_tokens integer, cost numeric, control text,
    wake_at timestamptz, created_at timestamptz, started_at timestamptz, finished_at timestamptz)
  WHERE EXISTS (SELECT 1 FROM lease)
),
nudged AS (
  UPDATE runs AS r SET
    poked = TRUE,
    control = CASE WHEN n.control IS NOT NULL AND r.control IS DISTINCT FROM 'cancel' THEN n.control ELSE r.control END,
    updated_at = now()
  FROM jsonb_to_recordset(p_pokes) AS n (run_id text, control text)
  WHERE p_pokes IS NOT NULL
    AND r.id = n.run_id AND r.id <> p_run_id AND r.status NOT IN ('completed', 'failed', 'cancelled')
    AND EXISTS (SELECT 1 FROM lease)
)
SELECT l.first_seq, l.control, l.poked FROM lease AS l;
END
$$;
