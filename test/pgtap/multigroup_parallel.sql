-- Parallel aggregation of the multigroup aggregates (arrays, long form,
-- decomposition): partial aggregates in two workers whose states travel
-- through the serialize/deserialize functions, and results equal to the
-- serial run (1e-12 relative).
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS migstat;
BEGIN;
SELECT plan(9);

-- 100,000 units of 5 groups in 20 cities and 300 districts; long form with
-- text units and integer groups.
CREATE TABLE mg_units AS
SELECT i AS unit, i % 20 AS city, 'd' || (i % 300) AS district,
       ARRAY[abs(hashint4(i)) % 500, abs(hashint4(i + 1)) % 300, abs(hashint4(i + 2)) % 50,
             abs(hashint4(i + 3)) % 20, (abs(hashint4(i + 4)) % 7) * (i % 2)]::bigint[] AS c
FROM generate_series(1, 100000) AS i;
CREATE TABLE mg_long AS
SELECT 'u' || unit AS unit, city, k AS grp, c[k] AS n FROM mg_units, generate_series(1, 5) AS k;
ANALYZE mg_units;
ANALYZE mg_long;

CREATE FUNCTION pg_temp.queries() RETURNS TABLE (name text, q text) LANGUAGE sql AS $$
  VALUES
  ('arrays', 'SELECT city, migstat.dissimilarity(c) AS d, migstat.gini(c) AS g, migstat.theil(c) AS h,
       migstat.mutual_information(c) AS m, migstat.normalized_exposure(c) AS ne,
       migstat.relative_diversity(c) AS rd, migstat.squared_coefficient_of_variation(c) AS scv,
       migstat.normalized_diversity(c::float8[]) AS en, migstat.simpson_interaction(c) AS si
     FROM mg_units GROUP BY city'),
  ('long form', 'SELECT city, migstat.dissimilarity(unit, grp, n) AS d, migstat.gini(unit, grp, n) AS g,
       migstat.mutual_information(unit, grp, n::float8) AS m, migstat.squared_coefficient_of_variation(unit, grp, n) AS scv
     FROM mg_long GROUP BY city'),
  ('decomposition', 'SELECT 0 AS city, (p).total, (p).between, (p).within
     FROM (SELECT migstat.mutual_information_decomposition(c, district) AS p FROM mg_units) s')
$$;

CREATE FUNCTION pg_temp.run(q text, target text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE j jsonb;
BEGIN
  EXECUTE format('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, FORMAT JSON) CREATE TABLE %I AS %s', target, q) INTO j;
  RETURN j;
END $$;

CREATE FUNCTION pg_temp.max_rel_diff(t1 text, t2 text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE worst float8;
BEGIN
  EXECUTE format($q$
    SELECT max(abs(x.value::float8 - y.value::float8) / greatest(1, abs(y.value::float8)))
    FROM (SELECT r->>'city' AS city, key, value FROM (SELECT to_jsonb(t) r FROM %I t) s, jsonb_each_text(r)) x
    JOIN (SELECT r->>'city' AS city, key, value FROM (SELECT to_jsonb(t) r FROM %I t) s, jsonb_each_text(r)) y
      USING (city, key)$q$, t1, t2) INTO worst;
  RETURN worst;
END $$;

SET LOCAL max_parallel_workers_per_gather = 0;
SELECT count(pg_temp.run(q, 'serial ' || name)) FROM pg_temp.queries();

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL max_parallel_workers = 8;
CREATE TEMP TABLE plans AS
SELECT name, pg_temp.run(q, 'parallel ' || name) AS plan FROM pg_temp.queries();

SELECT ok(plan::text LIKE '%"Partial Mode": "Partial"%', name || ': partial aggregation')
FROM plans ORDER BY name;
SELECT is(jsonb_path_query_first(plan, 'strict $.**."Workers Launched"')::int, 2,
          name || ': two workers shipped serialized states')
FROM plans ORDER BY name;
SELECT cmp_ok(pg_temp.max_rel_diff('parallel ' || name, 'serial ' || name), '<', 1e-12::float8,
              name || ': parallel result equals the serial result')
FROM pg_temp.queries() ORDER BY name;

SELECT * FROM finish();
ROLLBACK;
