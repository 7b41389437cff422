-- Parallel aggregation of the cell key method: under forced parallel
-- settings migstat.cell_key and migstat.ckm_count run as partial
-- aggregates in two workers (ckm_count's states pass through
-- ckm_serialize/ckm_deserialize), and every cell gets exactly the serial
-- result: key sums are exact, so the same cell gets the same noise in any
-- plan.
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS migstat;
BEGIN;
SELECT plan(10);

-- 200,000 records in 2,000 cells, enough pages for two workers.
CREATE TABLE par_people AS
SELECT i AS id, i % 2000 AS cell, migstat.record_key(i, 31) AS rk
FROM generate_series(1, 200000) AS i;
ANALYZE par_people;
CREATE SCHEMA "par schema";
CREATE TABLE "par schema"."P table" AS SELECT i, j, p FROM migstat.ptable_build(5, 3, 2);

CREATE FUNCTION pg_temp.plan_of(q text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE j jsonb;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, FORMAT JSON) ' || q INTO j;
  RETURN j;
END $$;

CREATE FUNCTION pg_temp.cells_sql(target text, grouped boolean) RETURNS text LANGUAGE sql AS $$
  SELECT format($q$SELECT %s count(*) AS n, migstat.cell_key(rk) AS ck,
                         migstat.ckm_count(rk, '"par schema"."P table"') AS published
                  FROM par_people %s$q$,
                CASE WHEN grouped THEN 'cell,' ELSE '' END,
                CASE WHEN grouped THEN 'GROUP BY cell' ELSE '' END)
$$;

SET LOCAL max_parallel_workers_per_gather = 0;
SELECT format('CREATE TABLE serial_total AS %s', pg_temp.cells_sql('', false)) \gexec
SELECT format('CREATE TABLE serial_cells AS %s', pg_temp.cells_sql('', true)) \gexec

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL max_parallel_workers = 8;

CREATE TEMP TABLE plans AS
SELECT grouped, pg_temp.plan_of(format('CREATE TABLE %s AS %s',
           CASE WHEN grouped THEN 'parallel_cells' ELSE 'parallel_total' END,
           pg_temp.cells_sql('', grouped))) AS plan
FROM (VALUES (false), (true)) AS v(grouped);

SELECT ok(plan::text LIKE '%"Partial Mode": "Partial"%', 'ungrouped: the plan has a Partial Aggregate')
FROM plans WHERE NOT grouped;
SELECT ok(plan::text LIKE '%"Partial Mode": "Partial"%', 'grouped: the plan has a partial aggregate')
FROM plans WHERE grouped;
SELECT is(jsonb_path_query_first(plan, 'strict $.**."Workers Launched"')::int, 2,
          'ungrouped: two workers ran and shipped serialized states')
FROM plans WHERE NOT grouped;
SELECT is(jsonb_path_query_first(plan, 'strict $.**."Workers Launched"')::int, 2,
          'grouped: two workers ran and shipped serialized states')
FROM plans WHERE grouped;

SELECT results_eq('TABLE parallel_total', 'TABLE serial_total',
                  'ungrouped: count, cell key and published count equal the serial run exactly');
SELECT results_eq('SELECT * FROM parallel_cells ORDER BY cell', 'SELECT * FROM serial_cells ORDER BY cell',
                  'grouped: every cell''s key and published count equal the serial run exactly');
SELECT is((SELECT count(*) FROM parallel_cells), 2000::bigint, 'grouped: one row per cell');
SELECT ok((SELECT count(*) FROM serial_cells WHERE published <> n) > 1000,
          'the comparison covers perturbed cells');

-- A parallel plan in which the leader's partial state meets the workers'
-- (parallel_leader_participation on) and one without the leader.
SET LOCAL parallel_leader_participation = off;
CREATE TABLE parallel_no_leader AS
SELECT cell, migstat.ckm_count(rk, '"par schema"."P table"') AS published FROM par_people GROUP BY cell;
SELECT is((SELECT count(*) FROM parallel_no_leader p JOIN serial_cells s USING (cell)
           WHERE p.published <> s.published), 0::bigint,
          'without the leader: every cell equals the serial run');

-- The deserialize function cannot be called from SQL (its decoder is
-- unit-tested and fuzzed in test/fuzz).
SELECT throws_ok($$SELECT migstat.ckm_deserialize('\x00'::bytea, NULL::internal)$$,
                 '42846', NULL, 'deserialize cannot be called from SQL');

SELECT * FROM finish();
ROLLBACK;
