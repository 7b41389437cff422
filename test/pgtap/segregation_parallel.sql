-- Parallel aggregation of the two-group segregation aggregates: under forced
-- parallel settings the plans use partial aggregation with workers that ship
-- their states through seg_serialize/seg_deserialize, and the results equal
-- the serial run (to 1e-12 relative: partial sums are added in another order).
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS migstat;
BEGIN;
SELECT plan(8);

-- 200,000 units in 50 groups: about 1,100 pages, enough for two workers.
CREATE TABLE par_units AS
SELECT i % 50 AS g,
       (abs(hashint4(i)) % 1000)::bigint AS a,
       (abs(hashint4(i + 1000003)) % 3000)::bigint AS b,
       1 + (abs(hashint4(i + 2000003)) % 1000000) / 1000.0 AS area
FROM generate_series(1, 200000) AS i;
ANALYZE par_units;

CREATE FUNCTION pg_temp.all_indices_sql(grouped boolean) RETURNS text LANGUAGE sql AS $$
  SELECT format('SELECT %s migstat.dissimilarity(a, b) AS d, migstat.gini(a, b) AS gini,
      migstat.gorard(a, b) AS gorard, migstat.theil(a, b) AS theil,
      migstat.atkinson(a, b) AS atk, migstat.atkinson(a::float8, b::float8, 0.2) AS atk02,
      migstat.isolation(a, b) AS iso, migstat.interaction(a, b) AS inter,
      migstat.correlation_ratio(a, b) AS eta2, migstat.delta(a, area) AS delta,
      migstat.absolute_concentration(a, b, area) AS aco,
      migstat.relative_concentration(a, b, area) AS rco
    FROM par_units %s', CASE WHEN grouped THEN 'g,' ELSE '' END,
    CASE WHEN grouped THEN 'GROUP BY g' ELSE '' END)
$$;

-- Largest relative difference between two result tables, column by column.
CREATE FUNCTION pg_temp.max_rel_diff(t1 regclass, t2 regclass) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE worst float8;
BEGIN
  EXECUTE format($q$
    SELECT max(abs(x.value::float8 - y.value::float8) / greatest(1, abs(y.value::float8)))
    FROM (SELECT coalesce(r->>'g', '') AS g, key, value FROM (SELECT to_jsonb(t) r FROM %s t) s, jsonb_each_text(r)) x
    JOIN (SELECT coalesce(r->>'g', '') AS g, key, value FROM (SELECT to_jsonb(t) r FROM %s t) s, jsonb_each_text(r)) y
      USING (g, key)$q$, t1, t2) INTO worst;
  RETURN worst;
END $$;

CREATE FUNCTION pg_temp.plan_of(q text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE j jsonb;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, FORMAT JSON) ' || q INTO j;
  RETURN j;
END $$;

SET LOCAL max_parallel_workers_per_gather = 0;
SELECT format('CREATE TABLE serial_total AS %s', pg_temp.all_indices_sql(false)) \gexec
SELECT format('CREATE TABLE serial_grouped AS %s', pg_temp.all_indices_sql(true)) \gexec

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL max_parallel_workers = 8;

-- EXPLAIN ANALYZE of CREATE TABLE AS both runs the parallel query that fills
-- the result table and returns the plan it ran with.
CREATE TEMP TABLE plans AS
SELECT grouped, pg_temp.plan_of(format('CREATE TABLE %s AS %s',
           CASE WHEN grouped THEN 'parallel_grouped' ELSE 'parallel_total' END,
           pg_temp.all_indices_sql(grouped))) AS plan
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


SELECT cmp_ok(pg_temp.max_rel_diff('parallel_total', 'serial_total'), '<', 1e-12::float8,
              'ungrouped: every index equals the serial result');
SELECT cmp_ok(pg_temp.max_rel_diff('parallel_grouped', 'serial_grouped'), '<', 1e-12::float8,
              'grouped: every index of every group equals the serial result');
SELECT is((SELECT count(*) FROM parallel_grouped), 50::bigint, 'grouped: one row per group');
SELECT is((SELECT count(*) FROM (SELECT key FROM serial_total t, jsonb_each(to_jsonb(t)) WHERE value = 'null') s),
          0::bigint, 'no index is NULL on this data (the comparison covers every column)');

SELECT * FROM finish();
ROLLBACK;
