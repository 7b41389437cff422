-- migstat benchmark, run by scripts/bench.sh inside a throwaway cluster.
--
-- psql variables (set by scripts/bench.sh): cities, units, runs, jit, cores,
-- shared_buffers.
--
-- Every query is timed inside the server: bench.run_round() EXECUTEs each
-- query once and records its elapsed wall-clock milliseconds
-- (clock_timestamp() differences); :runs rounds are run, round robin.  Each
-- query returns one count, so nothing is shipped to the client.  Ratios use
-- the best run of each query.

\set ON_ERROR_STOP 1
\pset footer off
\pset null ''
SET client_min_messages = warning;

CREATE EXTENSION migstat;
CREATE EXTENSION pg_prewarm;
CREATE SCHEMA bench;

-- Session settings for a 2-core, 24 GiB machine.  work_mem is large so that
-- 1,000 hash-aggregation groups whose states keep every unit (about 240 kB
-- each here) stay in memory.
SET work_mem = '1GB';
SET maintenance_work_mem = '1GB';
SET jit = :'jit';
SET max_parallel_workers_per_gather = 0;
SELECT set_config('bench.runs', :'runs', false) \gset

------------------------------------------------------------------------------
-- Helpers.

-- A deterministic uniform number in [0, 1) from a key and a seed.
CREATE FUNCTION bench.u01(k bigint, seed bigint) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (hashint8extended(k, seed) & 2147483647)::float8 / 2147483648.0;

-- The one summary table every part adds its figures to; printed at the end
-- so that releases can be compared line by line.  ratio = measured /
-- baseline (for speed-ups: serial / parallel); target is the issue's.
CREATE TABLE bench.summary (
	ord serial PRIMARY KEY,
	area text NOT NULL,
	figure text NOT NULL,
	measured text NOT NULL,			-- e.g. '812 ms'
	baseline text,					-- what the ratio divides by, and its time
	ratio numeric,
	target text,
	result text						-- 'meets', 'misses' or '' (informational)
);

-- Adds a row: ms measured against baseline_ms, with a ratio target
-- ("<= 1.5x"; ">= 1.6x" for speed-ups, where ratio = baseline / ms), or an
-- absolute time target ("< 5 s") without a baseline.
CREATE FUNCTION bench.summarise(area text, figure text, ms float8, baseline text, baseline_ms float8,
								 target text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	speedup boolean := target LIKE '>=%';
	ratio numeric := round((CASE WHEN speedup THEN baseline_ms / ms ELSE ms / baseline_ms END)::numeric, 2);
	limit_ numeric := substring(target FROM '([0-9.]+)')::numeric;
BEGIN
	INSERT INTO bench.summary (area, figure, measured, baseline, ratio, target, result)
	VALUES (area, figure, round(ms::numeric, 1) || ' ms',
			CASE WHEN baseline IS NOT NULL THEN baseline || ' (' || round(baseline_ms::numeric, 1) || ' ms)' END,
			CASE WHEN baseline_ms IS NOT NULL THEN ratio END, target,
			CASE WHEN target LIKE '< % s' THEN	-- an absolute time target
					 CASE WHEN ms < 1000 * limit_ THEN 'meets' ELSE 'misses' END
				 WHEN target IS NULL OR baseline_ms IS NULL THEN ''
				 WHEN (speedup AND ratio >= limit_) OR (NOT speedup AND ratio <= limit_) THEN 'meets'
				 ELSE 'misses' END);
END $$;

-- The aggregation nodes of a query's plan, top-down, e.g. "HashAggregate".
CREATE FUNCTION bench.plan_shape(q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	line text;
	m text;
	parts text[] := '{}';
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		m := substring(line FROM '(HashAggregate|GroupAggregate|MixedAggregate|Finalize Aggregate|Partial Aggregate|Sort|Gather)');
		IF m IS NOT NULL THEN
			parts := parts || m;
		END IF;
	END LOOP;
	-- The wrapper's own plain Aggregate is never listed; an ungrouped query
	-- whose only aggregation is that kind shows "Aggregate".
	RETURN coalesce(nullif(array_to_string(parts, ' > '), ''), 'Aggregate');
END $$;

-- "Workers Launched: N" of one EXPLAIN ANALYZE run (0 when serial).
CREATE FUNCTION bench.workers_launched(q text) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
	line text;
	n int := 0;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF, SUMMARY OFF) ' || q LOOP
		n := greatest(n, substring(line FROM 'Workers Launched: ([0-9]+)')::int);
	END LOOP;
	RETURN n;
END $$;

-- The benchmark cases, in run order.  ms collects the timed runs.
CREATE TABLE bench.cases (
	ord int PRIMARY KEY,
	section text NOT NULL,			-- 'grouped' or 'parallel'
	label text NOT NULL,
	kind text,						-- 'linear', 'sorting', 'baseline' or NULL
	workers int NOT NULL,			-- max_parallel_workers_per_gather
	query text NOT NULL,
	plan text,
	launched int,					-- workers launched in the check run
	ms float8[] NOT NULL DEFAULT '{}'
);

CREATE FUNCTION bench.best(ms float8[]) RETURNS float8
LANGUAGE sql IMMUTABLE RETURN (SELECT min(x) FROM unnest(ms) x);

CREATE FUNCTION bench.median(ms float8[]) RETURNS float8
LANGUAGE sql IMMUTABLE
RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(ms) x);

-- Times the queries of a case table (ord, query, ms[, workers]) round robin,
-- `rounds` times, appending each run's milliseconds to ms.  Used by the
-- benchmark's later parts.
CREATE FUNCTION bench.time_cases(cases regclass, rounds int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	c record;
	t0 timestamptz;
	workers text := CASE WHEN EXISTS (SELECT FROM pg_attribute WHERE attrelid = cases
										  AND attname = 'workers' AND NOT attisdropped)
					 THEN 'workers' ELSE '0' END;
BEGIN
	FOR r IN 1..rounds LOOP
		FOR c IN EXECUTE format('SELECT ord, query, %s AS workers FROM %s ORDER BY ord', workers, cases) LOOP
			PERFORM set_config('max_parallel_workers_per_gather', c.workers::text, false);
			t0 := clock_timestamp();
			EXECUTE c.query;
			EXECUTE format('UPDATE %s SET ms = ms || $1 WHERE ord = $2', cases)
			USING (1000 * extract(epoch FROM clock_timestamp() - t0))::float8, c.ord;
		END LOOP;
	END LOOP;
	PERFORM set_config('max_parallel_workers_per_gather', '0', false);
END $$;

-- Records each case's plan and runs it once, untimed (EXPLAIN ANALYZE, which
-- also says how many parallel workers really started).
CREATE FUNCTION bench.prepare() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	c bench.cases;
	t0 timestamptz := clock_timestamp();
BEGIN
	FOR c IN SELECT * FROM bench.cases ORDER BY ord LOOP
		PERFORM set_config('max_parallel_workers_per_gather', c.workers::text, false);
		UPDATE bench.cases
		SET plan = bench.plan_shape(c.query), launched = bench.workers_launched(c.query)
		WHERE ord = c.ord;
	END LOOP;
	RETURN format('bench: untimed runs took %s s',
				  round(extract(epoch FROM clock_timestamp() - t0), 1));
END $$;

-- One timed run of every case, in order (round robin, so that a slow spell
-- of the machine hits all cases alike rather than one).  Returns a progress
-- line.
CREATE FUNCTION bench.run_round(round int) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	c bench.cases;
	t0 timestamptz;
	r0 timestamptz := clock_timestamp();
BEGIN
	FOR c IN SELECT * FROM bench.cases ORDER BY ord LOOP
		PERFORM set_config('max_parallel_workers_per_gather', c.workers::text, false);
		t0 := clock_timestamp();
		EXECUTE c.query;
		UPDATE bench.cases
		SET ms = ms || (1000 * extract(epoch FROM clock_timestamp() - t0))::float8
		WHERE ord = c.ord;
	END LOOP;
	RETURN format('bench: round %s of %s took %s s', round, current_setting('bench.runs'),
				  round(extract(epoch FROM clock_timestamp() - r0), 1));
END $$;

-- The grouped query of an aggregate expression; count(s) uses every output
-- column, so the planner cannot drop the aggregate, and only one row reaches
-- the client.
CREATE FUNCTION bench.grouped(expr text) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN format('SELECT count(s) FROM (SELECT city, %s FROM bench.t GROUP BY city) s', expr);

CREATE FUNCTION bench.ungrouped(expr text) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN format('SELECT count(s) FROM (SELECT %s FROM bench.t) s', expr);

------------------------------------------------------------------------------
-- Data: :cities cities x :units units, deterministic (hashes of the keys).
-- Each city has its own share of group A; units scatter around it, some
-- all-A or all-B; unit populations are uniform in 0..5000; areas are skewed
-- (many small units, a few large ones).  Rows are stored city by city, as a
-- load of census tracts sorted by geography code would be.

\echo 'bench: loading data ...'
SELECT clock_timestamp() AS load_start \gset

CREATE UNLOGGED TABLE bench.t (
	city int NOT NULL,
	a bigint NOT NULL,
	b bigint NOT NULL,
	area float8 NOT NULL
);

INSERT INTO bench.t (city, a, b, area)
SELECT c, x, n - x, area
FROM generate_series(0, :cities::bigint * :units - 1) AS i
CROSS JOIN LATERAL (SELECT (i / :units)::int + 1 AS c, i AS k) AS ck
CROSS JOIN LATERAL (
	SELECT floor(bench.u01(k, 1) * 5001)::bigint AS n,
		   least(1.0, greatest(0.0, 0.05 + 0.45 * bench.u01(c, 0)
											+ 0.7 * (bench.u01(k, 2) - 0.5))) AS p,
		   0.05 + 25.0 * power(bench.u01(k, 3), 3) AS area
) AS v
CROSS JOIN LATERAL (SELECT round(v.n * v.p)::bigint AS x) AS xx;

VACUUM (FREEZE, ANALYZE) bench.t;
-- A fixed worker count for the parallel section, independent of table size.
ALTER TABLE bench.t SET (parallel_workers = 2);
SELECT pg_prewarm('bench.t') AS prewarmed_pages \gset

\echo
\echo '== migstat benchmark'
\pset format unaligned
\pset tuples_only on
SELECT format('PostgreSQL    %s', version());
SELECT format('migstat       %s', extversion) FROM pg_extension WHERE extname = 'migstat';
SELECT format('data          %s rows (%s cities x %s units), table %s (%s pages, all in shared_buffers), loaded in %s s',
			  to_char(count(*), 'FM999,999,999,999'), to_char(count(DISTINCT city), 'FM999,999,999'),
			  to_char(:units, 'FM999,999,999'),
			  pg_size_pretty(pg_table_size('bench.t')), :prewarmed_pages,
			  round(extract(epoch FROM clock_timestamp() - :'load_start'::timestamptz), 1))
FROM bench.t;
SELECT format('unit sizes    a+b in 0..%s (mean %s), share of a %s..%s, area %s..%s',
			  max(a + b), round(avg(a + b)), round(min(a::numeric / nullif(a + b, 0)), 2),
			  round(max(a::numeric / nullif(a + b, 0)), 2), round(min(area)::numeric, 2),
			  round(max(area)::numeric, 2))
FROM bench.t;
SELECT format('machine       %s cores; shared_buffers %s, work_mem %s, hash_mem_multiplier %s, jit %s, max_worker_processes %s, max_parallel_workers %s',
			  :cores, current_setting('shared_buffers'), current_setting('work_mem'),
			  current_setting('hash_mem_multiplier'), current_setting('jit'),
			  current_setting('max_worker_processes'), current_setting('max_parallel_workers'));
SELECT format('timing        best of %s runs per query, in the server (clock_timestamp); ratios use the best run',
			  current_setting('bench.runs'));

------------------------------------------------------------------------------
-- Serial runs of the grouped query for every aggregate, with sum() as the
-- baseline (timed first and last); then ungrouped queries without and with
-- two parallel workers.
INSERT INTO bench.cases (ord, section, label, kind, workers, query)
SELECT ord, 'grouped', label, kind, 0, bench.grouped(expr)
FROM (VALUES
	(1, 'baseline sum(a), sum(b)', 'baseline', 'sum(a), sum(b)'),
	(2, 'dissimilarity(a, b)', 'linear', 'migstat.dissimilarity(a, b)'),
	(3, 'dissimilarity(float8, float8)', 'linear', 'migstat.dissimilarity(a::float8, b::float8)'),
	(4, 'gorard(a, b)', 'linear', 'migstat.gorard(a, b)'),
	(5, 'theil(a, b)', 'linear', 'migstat.theil(a, b)'),
	(6, 'theil(float8, float8)', 'linear', 'migstat.theil(a::float8, b::float8)'),
	(7, 'atkinson(a, b)', 'linear', 'migstat.atkinson(a, b)'),
	(8, 'atkinson(a, b, 0.3)', 'linear', 'migstat.atkinson(a, b, 0.3)'),
	(9, 'isolation(a, b)', 'linear', 'migstat.isolation(a, b)'),
	(10, 'interaction(a, b)', 'linear', 'migstat.interaction(a, b)'),
	(11, 'correlation_ratio(a, b)', 'linear', 'migstat.correlation_ratio(a, b)'),
	(12, 'delta(a, area)', 'linear', 'migstat.delta(a, area)'),
	(13, 'gini(a, b)', 'sorting', 'migstat.gini(a, b)'),
	(14, 'absolute_concentration(a, b, area)', 'sorting', 'migstat.absolute_concentration(a, b, area)'),
	(15, 'relative_concentration(a, b, area)', 'sorting', 'migstat.relative_concentration(a, b, area)'),
	(16, 'sum(a::float8), sum(b::float8)', NULL, 'sum(a::float8), sum(b::float8)'),
	(17, 'baseline sum(a), sum(b) (again)', 'baseline', 'sum(a), sum(b)')
) AS c(ord, label, kind, expr);

INSERT INTO bench.cases (ord, section, label, kind, workers, query)
SELECT 100 + 10 * ord + w, 'parallel', label, NULL, w, bench.ungrouped(expr)
FROM (VALUES
	(1, 'sum(a), sum(b)', 'sum(a), sum(b)'),
	(2, 'dissimilarity(a, b)', 'migstat.dissimilarity(a, b)'),
	(3, 'theil(a, b)', 'migstat.theil(a, b)'),
	(4, 'gini(a, b)', 'migstat.gini(a, b)')
) AS c(ord, label, expr),
	(VALUES (0), (2)) AS ws(w);

-- Parallel plans whenever workers are allowed (the serial cases set
-- max_parallel_workers_per_gather = 0).
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET min_parallel_index_scan_size = 0;

\echo
SELECT format('bench: %s queries x %s timed runs, round robin, after one untimed run each',
			  count(*), current_setting('bench.runs'))
FROM bench.cases;
SELECT bench.prepare();
SELECT format('SELECT bench.run_round(%s)', r)
FROM generate_series(1, current_setting('bench.runs')::int) r ORDER BY r \gexec
RESET max_parallel_workers_per_gather;

------------------------------------------------------------------------------
\pset format aligned
\pset tuples_only off

\echo
\echo '== Grouped by city (1 query = all cities), serial; ratio = best ms / best baseline ms'
\echo '   targets: <= 1.5x for the linear indices, <= 3x for the sorting ones (gini, concentration)'
WITH base AS (
	SELECT min(x) AS ms
	FROM bench.cases, unnest(ms) x
	WHERE section = 'grouped' AND kind = 'baseline'
)
SELECT r.label AS aggregate,
	   round(bench.best(r.ms)::numeric, 1) AS "best ms",
	   round(bench.median(r.ms)::numeric, 1) AS "median ms",
	   round((bench.best(r.ms) / base.ms)::numeric, 2) AS ratio,
	   CASE r.kind WHEN 'linear' THEN '<= 1.5x' WHEN 'sorting' THEN '<= 3x' END AS target,
	   CASE
		   WHEN r.kind = 'linear' THEN
			   CASE WHEN bench.best(r.ms) / base.ms <= 1.5 THEN 'meets' ELSE 'misses' END
		   WHEN r.kind = 'sorting' THEN
			   CASE WHEN bench.best(r.ms) / base.ms <= 3.0 THEN 'meets' ELSE 'misses' END
		   ELSE ''
	   END AS result,
	   r.plan
FROM bench.cases r, base
WHERE r.section = 'grouped'
ORDER BY r.ord;

\echo '== Parallel speed-up, ungrouped over all rows: workers 0 vs 2 (+ leader); target >= 1.6x'
SELECT s.label AS aggregate,
	   round(bench.best(s.ms)::numeric, 1) AS "serial ms",
	   round(bench.best(p.ms)::numeric, 1) AS "parallel ms",
	   round((bench.best(s.ms) / bench.best(p.ms))::numeric, 2) AS "speed-up",
	   '>= 1.6x' AS target,
	   CASE WHEN s.label LIKE 'sum(%' THEN '(reference)'
			WHEN bench.best(s.ms) / bench.best(p.ms) >= 1.6 THEN 'meets'
			ELSE 'misses' END AS result,
	   p.launched AS "workers launched",
	   p.plan AS "parallel plan"
FROM bench.cases s
JOIN bench.cases p ON p.section = 'parallel' AND p.label = s.label AND p.workers > 0
WHERE s.section = 'parallel' AND s.workers = 0
ORDER BY s.ord;

\pset format unaligned
\pset tuples_only on
SELECT format('bench: %s of %s targets met; %s missed%s',
			  count(*) FILTER (WHERE ok), count(*), count(*) FILTER (WHERE NOT ok),
			  coalesce(': ' || string_agg(label, ', ' ORDER BY ord) FILTER (WHERE NOT ok), ''))
FROM (
	SELECT r.ord, r.label,
		   bench.best(r.ms) / base.ms <= CASE r.kind WHEN 'linear' THEN 1.5 ELSE 3.0 END AS ok
	FROM bench.cases r,
		 (SELECT min(x) AS ms FROM bench.cases, unnest(ms) x
		  WHERE section = 'grouped' AND kind = 'baseline') base
	WHERE r.section = 'grouped' AND r.kind IN ('linear', 'sorting')
	UNION ALL
	SELECT 1000 + s.ord, 'parallel ' || s.label,
		   bench.best(s.ms) / bench.best(p.ms) >= 1.6
	FROM bench.cases s
	JOIN bench.cases p ON p.section = 'parallel' AND p.label = s.label AND p.workers > 0
	WHERE s.section = 'parallel' AND s.workers = 0 AND s.label NOT LIKE 'sum(%'
) t;

SELECT bench.summarise('two-group', r.label || ' GROUP BY city', bench.best(r.ms), 'sum(a), sum(b)', base.ms,
						CASE r.kind WHEN 'linear' THEN '<= 1.5x' ELSE '<= 3x' END)
FROM bench.cases r,
	 (SELECT min(x) AS ms FROM bench.cases, unnest(ms) x WHERE section = 'grouped' AND kind = 'baseline') base
WHERE r.section = 'grouped' AND r.kind IN ('linear', 'sorting')
ORDER BY r.ord;
SELECT bench.summarise('two-group', 'parallel speed-up of ' || s.label, bench.best(p.ms), 'serial',
					   bench.best(s.ms), CASE WHEN s.label LIKE 'sum(%' THEN NULL ELSE '>= 1.6x' END)
FROM bench.cases s
JOIN bench.cases p ON p.section = 'parallel' AND p.label = s.label AND p.workers > 0
WHERE s.section = 'parallel' AND s.workers = 0
ORDER BY s.ord;

\ir multigroup.sql
\ir disclosure.sql
\ir status.sql
\ir countries.sql
\ir background.sql

\pset format aligned
\pset tuples_only off
\echo
\echo '== Summary: every figure of this run (ratio = measured / baseline; for speed-ups serial / parallel)'
SELECT area, figure, measured, baseline, ratio, target, result FROM bench.summary ORDER BY ord;
\pset format unaligned
\pset tuples_only on
SELECT format('bench: %s figures with a target, %s met, %s missed%s', count(*) FILTER (WHERE result <> ''),
			  count(*) FILTER (WHERE result = 'meets'), count(*) FILTER (WHERE result = 'misses'),
			  coalesce(': ' || string_agg(area || ' ' || figure, '; ' ORDER BY ord) FILTER (WHERE result = 'misses'), ''))
FROM bench.summary;
