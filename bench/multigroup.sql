-- migstat benchmark, part 2 (included by bench/bench.sql): the multigroup
-- aggregates on long-form rows, and the inference simulations.

\pset format unaligned
\pset tuples_only on
\echo
\echo 'bench: loading long-form data ...'
-- :lf_units units x 8 groups (default 1,250,000 x 8 = 10,000,000 rows).
CREATE UNLOGGED TABLE bench.lf AS
SELECT u AS unit, g AS grp, (floor(bench.u01(u * 8 + g, 7) * (50 + 100 * g)))::bigint AS n
FROM generate_series(1, :lf_units) AS u, generate_series(0, 7) AS g;
VACUUM (FREEZE, ANALYZE) bench.lf;
SELECT format('long form     %s rows, %s units x %s groups, table %s',
			  to_char(count(*), 'FM999,999,999'), to_char(count(DISTINCT unit), 'FM999,999,999'),
			  count(DISTINCT grp), pg_size_pretty(pg_table_size('bench.lf')))
FROM bench.lf;

CREATE TABLE bench.lf_cases (ord int PRIMARY KEY, label text, query text, ms float8[] DEFAULT '{}');
INSERT INTO bench.lf_cases (ord, label, query)
SELECT ord, label, format('SELECT count(s) FROM (SELECT %s FROM bench.lf) s', expr)
FROM (VALUES
	(2, 'dissimilarity(unit, grp, n)', 'migstat.dissimilarity(unit, grp, n)'),
	(3, 'gini(unit, grp, n)', 'migstat.gini(unit, grp, n)'),
	(4, 'theil(unit, grp, n)', 'migstat.theil(unit, grp, n)'),
	(5, 'mutual_information(unit, grp, n)', 'migstat.mutual_information(unit, grp, n)'),
	(6, 'normalized_exposure(unit, grp, n)', 'migstat.normalized_exposure(unit, grp, n)'),
	(7, 'relative_diversity(unit, grp, n)', 'migstat.relative_diversity(unit, grp, n)'),
	(8, 'squared_coefficient_of_variation(unit, grp, n)', 'migstat.squared_coefficient_of_variation(unit, grp, n)'),
	(9, 'diversity(unit, grp, n)', 'migstat.diversity(unit, grp, n)'),
	(10, 'simpson_interaction(unit, grp, n)', 'migstat.simpson_interaction(unit, grp, n)'),
	(11, 'dissimilarity(unit::text, grp::text, n)', 'migstat.dissimilarity(unit::text, grp::text, n)')
) AS c(ord, label, expr);
INSERT INTO bench.lf_cases (ord, label, query) VALUES
	(1, 'baseline GROUP BY unit, grp with sum(n)',
	 'SELECT count(s) FROM (SELECT unit, grp, sum(n) FROM bench.lf GROUP BY unit, grp) s'),
	(12, 'baseline (again)',
	 'SELECT count(s) FROM (SELECT unit, grp, sum(n) FROM bench.lf GROUP BY unit, grp) s');

\o /dev/null
SELECT bench.time_cases('bench.lf_cases', 3);
\o

\pset format aligned
\pset tuples_only off
\echo
\echo '== Long form, 10M rows ungrouped, serial; ratio = best ms / best baseline ms; target <= 2x'
WITH base AS (SELECT min(x) AS ms FROM bench.lf_cases, unnest(ms) x WHERE label LIKE 'baseline%')
SELECT c.label AS aggregate, round(bench.best(c.ms)::numeric, 1) AS "best ms",
	   round((bench.best(c.ms) / base.ms)::numeric, 2) AS ratio,
	   CASE WHEN c.label LIKE 'baseline%' THEN '' WHEN bench.best(c.ms) / base.ms <= 2 THEN 'meets' ELSE 'misses' END AS result
FROM bench.lf_cases c, base ORDER BY c.ord;
\o /dev/null
SELECT bench.summarise('long form', c.label, bench.best(c.ms), 'GROUP BY unit, grp + sum', base.ms, '<= 2x')
FROM bench.lf_cases c,
	 (SELECT min(x) AS ms FROM bench.lf_cases, unnest(ms) x WHERE label LIKE 'baseline%') base
WHERE c.label NOT LIKE 'baseline%' ORDER BY c.ord;
\o

\echo '== Inference: 10,000 units x 8 groups, 1,000 replicates (1,000 random-allocation and 1,000 bootstrap tables), one core'
CREATE TABLE bench.inf AS
SELECT i, ARRAY(SELECT floor(bench.u01(i * 8 + k, 11) * (50 + 100 * k))::bigint
				FROM generate_series(0, 7) AS k) AS c
FROM generate_series(1, 10000) AS i;
CREATE FUNCTION bench.time_inference(idx text[]) RETURNS TABLE (indices text, seconds numeric, per_1000_tables numeric)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
	r migstat.segregation_inference[];
BEGIN
	SELECT migstat.segregation_inference(c, idx, 1000, 1) INTO r FROM bench.inf;
	indices := array_to_string(idx, ' + ');
	seconds := round(extract(epoch FROM clock_timestamp() - t0)::numeric, 2);
	-- the same number of random-allocation and bootstrap tables is drawn
	per_1000_tables := round(seconds / 2, 2);
	PERFORM bench.summarise('inference', '10,000 units x 8 groups, 1,000 replicates: ' || indices,
							1000 * seconds::float8, NULL, NULL,
							CASE WHEN cardinality(idx) = 2 THEN '< 5 s' END);
	RETURN NEXT;
END $$;
SELECT * FROM bench.time_inference(ARRAY['dissimilarity'])
UNION ALL SELECT * FROM bench.time_inference(ARRAY['mutual_information'])
UNION ALL SELECT * FROM bench.time_inference(ARRAY['dissimilarity', 'mutual_information']);
\echo '   target: 1,000 bootstrap replicates of D and M under 5 s on one core; per_1000_tables is the time of'
\echo '   1,000 bootstrap tables with every listed index computed on each (the last row is the target case)'
