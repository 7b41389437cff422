-- migstat benchmark, part 3 (included by bench/bench.sql): the cell key
-- method.  :cities x :units records (default 10,000,000) in 10,000 cells;
-- migstat.ckm_count against count(*) with the same grouping, serial, in the
-- same run.  Target: ckm_count <= 1.5x count(*).

\pset format unaligned
\pset tuples_only on
\echo
\echo 'bench: loading records with record keys ...'
CREATE UNLOGGED TABLE bench.records AS
SELECT (i % 10000)::int AS cell, migstat.record_key(i, 1) AS rk
FROM generate_series(1, :cities::bigint * :units) AS i;
VACUUM (FREEZE, ANALYZE) bench.records;
SELECT pg_prewarm('bench.records') IS NOT NULL;
CREATE TABLE bench.ptable AS SELECT i, j, p FROM migstat.ptable_build(4, 2.5, 2);
SELECT format('records       %s rows in %s cells, table %s',
			  to_char(count(*), 'FM999,999,999'), count(DISTINCT cell),
			  pg_size_pretty(pg_table_size('bench.records')))
FROM bench.records;

CREATE TABLE bench.ckm_cases (ord int PRIMARY KEY, label text, workers int, query text, ms float8[] DEFAULT '{}');
INSERT INTO bench.ckm_cases (ord, label, workers, query) VALUES
	(1, 'baseline count(*) GROUP BY cell', 0,
	 'SELECT count(s) FROM (SELECT cell, count(*) FROM bench.records GROUP BY cell) s'),
	(2, 'ckm_count(rk, ptable) GROUP BY cell', 0,
	 $$SELECT count(s) FROM (SELECT cell, migstat.ckm_count(rk, 'bench.ptable') FROM bench.records GROUP BY cell) s$$),
	(3, 'ckm_perturb(count(*), cell_key(rk), ptable) GROUP BY cell', 0,
	 $$SELECT count(s) FROM (SELECT cell, migstat.ckm_perturb(count(*), migstat.cell_key(rk), 'bench.ptable') FROM bench.records GROUP BY cell) s$$),
	(4, 'baseline (again)', 0,
	 'SELECT count(s) FROM (SELECT cell, count(*) FROM bench.records GROUP BY cell) s'),
	(5, 'parallel count(*) GROUP BY cell', 2,
	 'SELECT count(s) FROM (SELECT cell, count(*) FROM bench.records GROUP BY cell) s'),
	(6, 'parallel ckm_count GROUP BY cell', 2,
	 $$SELECT count(s) FROM (SELECT cell, migstat.ckm_count(rk, 'bench.ptable') FROM bench.records GROUP BY cell) s$$);

\o /dev/null
SELECT bench.time_cases('bench.ckm_cases', current_setting('bench.runs')::int);
\o

\pset format aligned
\pset tuples_only off
\echo '== Cell key method, 10,000 cells; ratio = best ms / best serial count(*) ms; target <= 1.5x'
WITH base AS (SELECT min(x) AS ms FROM bench.ckm_cases, unnest(ms) x WHERE label LIKE 'baseline%')
SELECT c.label AS query, c.workers, round(bench.best(c.ms)::numeric, 1) AS "best ms",
	   round((bench.best(c.ms) / base.ms)::numeric, 2) AS ratio,
	   CASE WHEN c.label LIKE 'baseline%' OR c.workers > 0 THEN ''
			WHEN bench.best(c.ms) / base.ms <= 1.5 THEN 'meets' ELSE 'misses' END AS result
FROM bench.ckm_cases c, base ORDER BY c.ord;
\o /dev/null
SELECT bench.summarise('disclosure', c.label, bench.best(c.ms), 'count(*) GROUP BY cell', base.ms,
					   CASE WHEN c.workers = 0 THEN '<= 1.5x' END)
FROM bench.ckm_cases c,
	 (SELECT min(x) AS ms FROM bench.ckm_cases, unnest(ms) x WHERE label LIKE 'baseline%') base
WHERE c.label NOT LIKE 'baseline%' ORDER BY c.ord;
\o
