-- Two PL/pgSQL functions on every advance's path (see src/server/db/run-store/lease.ts, load.ts):
--
-- run_store_state(run_id): the run as RunStore.load returns it, as JSON text (the run row, the
-- latest attempt per step via DISTINCT ON over the (run_id, step_id, attempt) index, its
-- approvals, its child runs), or NULL for an unknown run.
--
-- run_store_claim(run_id, owner, token, now, until): the lease's compare-and-set and, when it
-- succeeds, the run's state, in one transaction and one round trip (an advance used to claim,
-- then load in a second transaction). Each statement of a VOLATILE function takes a fresh
-- snapshot, so the state is read AFTER the claim: a decision or a child that committed while
-- the claim waited for the row lock is in it (its poke mark, cleared by the claim, is therefore
-- not lost). One row:
--   claimed TRUE, state           the lease is ours (token p_token), poke mark cleared
--   claimed FALSE, held_until     someone else holds it until then: the run is marked poked
--   claimed FALSE, both NULL      no such run
-- A lease released between the claim and the mark is claimed again (at most 3 rounds, then
-- reported held until `now`, as before).
CREATE FUNCTION run_store_state(p_run_id text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT json_build_object(
      'run', row_to_json(r),
      'steps', (SELECT coalesce(json_agg(s), '[]'::json) FROM (
         SELECT DISTINCT ON (step_id) * FROM step_runs WHERE run_id = r.id ORDER BY step_id, attempt DESC) AS s),
      'approvals', (SELECT coalesce(json_agg(a ORDER BY a.created_at, a.id), '[]'::json)
         FROM approvals AS a WHERE a.run_id = r.id),
      'children', (SELECT coalesce(json_agg(json_build_object('id', c.id, 'status', c.status, 'output', c.output,
           'error', c.error, 'input_tokens', c.input_tokens, 'output_tokens', c.output_tokens, 'cost', c.cost)), '[]'::json)
         FROM runs AS c WHERE c.parent_run_id = r.id)
    )::text
    FROM runs AS r WHERE r.id = p_run_id);
END
$$;

CREATE FUNCTION run_store_claim(p_run_id text, p_owner text, p_token text, p_now timestamptz, p_until timestamptz)
RETURNS TABLE (claimed boolean, held_until timestamptz, state text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_held timestamptz;
BEGIN
  FOR round IN 1..3 LOOP
    UPDATE runs SET lease_owner = p_owner, lease_token = p_token, lease_expires_at = p_until,
      heartbeat_at = p_now, poked = FALSE
    WHERE id = p_run_id
      AND (lease_token IS NULL OR lease_expires_at IS NULL OR lease_expires_at <= p_now);
    IF FOUND THEN
      RETURN QUERY SELECT TRUE, NULL::timestamptz, run_store_state(p_run_id);
      RETURN;
    END IF;
    UPDATE runs SET poked = TRUE
    WHERE id = p_run_id AND lease_token IS NOT NULL AND lease_expires_at > p_now
    RETURNING lease_expires_at INTO v_held;
    IF FOUND THEN
      RETURN QUERY SELECT FALSE, v_held, NULL::text;
      RETURN;
    END IF;
    PERFORM 1 FROM runs WHERE id = p_run_id;
    IF NOT FOUND THEN
      RETURN QUERY SELECT FALSE, NULL::timestamptz, NULL::text;
      RETURN;
    END IF;
    -- Released between the two UPDATEs (the holder did not see the mark): claim again.
  END LOOP;
  RETURN QUERY SELECT FALSE, p_now, NULL::text;
END
$$;
