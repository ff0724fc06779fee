-- run_store_decide: a person's decision (RunStore.decideApproval) as one PL/pgSQL call, so that
-- its plan is cached per connection. Sent as a plain statement, the six-part CTE below was parsed
-- and planned on every decision: on PGlite (which keeps no prepared statements) 2.3 ms of a
-- 3 ms call, on the path between the click on Approve and the next step starting (issue 5).
-- Same statement as before (src/server/db/run-store/approvals.ts until this migration):
-- the run row is locked first (as a commit locks it before upserting its approvals, so a decision
-- racing a commit cannot deadlock), the approval is updated only while pending (of two
-- concurrent decisions exactly one wins), the human.decided event is numbered from the run's
-- next_seq and appended, and the run is poked. No row comes back when the approval is unknown or
-- no longer pending.
-- `#variable_conflict use_column`: inside the statement `seq` (also an output column) means the
-- run_events column.
CREATE FUNCTION run_store_decide(p_approval_id text, p_status text, p_decision text, p_edited boolean,
  p_result jsonb, p_comment text, p_decided_by text, p_decided_at timestamptz, p_event_id text,
  p_type text, p_step_id text, p_ts timestamptz, p_correlation_id text, p_payload jsonb)
RETURNS TABLE (approval text, seq integer)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
BEGIN
RETURN QUERY
WITH target AS (SELECT t.run_id FROM approvals AS t WHERE t.id = p_approval_id),
locked AS (SELECT r.id FROM runs AS r WHERE r.id IN (SELECT run_id FROM target) FOR NO KEY UPDATE),
decided AS (
  UPDATE approvals AS a SET status = p_status, decision = p_decision, edited = p_edited,
    result = p_result, comment = p_comment, decided_by = p_decided_by, decided_at = p_decided_at
  WHERE a.id = p_approval_id AND a.status = 'pending' AND EXISTS (SELECT 1 FROM locked)
  RETURNING a.*),
bumped AS (
  UPDATE runs AS r SET next_seq = r.next_seq + 1, poked = TRUE, updated_at = now()
  FROM decided AS d WHERE r.id = d.run_id
  RETURNING r.next_seq - 1 AS event_seq),
logged AS (
  INSERT INTO run_events (id, run_id, seq, type, step_id, ts, correlation_id, payload)
  SELECT p_event_id, d.run_id, b.event_seq, p_type, p_step_id, p_ts, p_correlation_id, coalesce(p_payload, '{}'::jsonb)
  FROM decided AS d, bumped AS b)
SELECT (SELECT row_to_json(d)::text FROM decided AS d), (SELECT b.event_seq::integer FROM bumped AS b)
WHERE EXISTS (SELECT 1 FROM decided);
END
$$;
