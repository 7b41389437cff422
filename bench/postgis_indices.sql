-- migstat benchmark, part 5 (included by bench/bench.sql): spatial indices
-- of migstat_postgis on 100,000 polygons with queen contiguity weights.
--
-- Target (issue 6): Morrill's D(adj) and White's SP in under 5 s each.
-- Baseline: the same double sum over the weights written as a plain SQL
-- join (units x weights x units), timed in the same run.  Also timed, once:
-- Moran's I and local Moran with 999 permutations each.  Memory: the peak
-- resident set of a fresh backend (VmHWM in /proc/PID/status) before and
-- after one call, against the same for the baseline join.
--
-- The data are generated here: a 316 x 316 grid of unit squares (99,856
-- polygons), queen pairs computed arithmetically (8 per inner cell), a
-- group concentrated towards one corner plus noise.  To run on other
-- tables with the same columns -- units (unit, geom, x, t) and weights
-- (unit_i, unit_j, weight), e.g. the Voronoi polygons of the weights
-- builders -- set these before including this file:
--   \set pgi_units bench.voronoi_units
--   \set pgi_queen bench.voronoi_queen
--   \set pgi_generate 0
\if :{?pgi_units}
\else
\set pgi_units bench.pgi_units
\set pgi_queen bench.pgi_queen
\set pgi_generate 1
\endif

\pset format unaligned
\pset tuples_only on
\echo
\echo 'bench: spatial indices: loading 100,000 polygons and their queen weights ...'
CREATE EXTENSION IF NOT EXISTS migstat_postgis CASCADE;

\if :pgi_generate
CREATE UNLOGGED TABLE :pgi_units AS
SELECT k AS unit, ST_MakeEnvelope(c, r, c + 1, r + 1) AS geom, x, t
FROM generate_series(0, 316 * 316 - 1) AS k
CROSS JOIN LATERAL (SELECT k / 316 AS r, k % 316 AS c) AS rc
CROSS JOIN LATERAL (SELECT 20 + floor(bench.u01(k, 11) * 400)::int AS t) AS tt
CROSS JOIN LATERAL (
	SELECT least(1.0, greatest(0.0, 0.9 - (r + c) / 700.0 + 0.3 * (bench.u01(k, 12) - 0.5))) AS share
) AS s
CROSS JOIN LATERAL (SELECT round(t * share)::int AS x) AS xx;
CREATE UNLOGGED TABLE :pgi_queen AS
SELECT u.unit AS unit_i, (u.r + d.dr) * 316 + (u.c + d.dc) AS unit_j, 1.0::float8 AS weight
FROM (SELECT unit, unit / 316 AS r, unit % 316 AS c FROM :pgi_units) AS u,
	 (VALUES (-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)) AS d(dr, dc)
WHERE u.r + d.dr BETWEEN 0 AND 315 AND u.c + d.dc BETWEEN 0 AND 315;
\endif
ALTER TABLE :pgi_units ADD PRIMARY KEY (unit);
VACUUM (FREEZE, ANALYZE) :pgi_units;
VACUUM (FREEZE, ANALYZE) :pgi_queen;
SELECT pg_prewarm(:'pgi_units') IS NOT NULL, pg_prewarm(:'pgi_queen') IS NOT NULL;
SELECT format('spatial       %s polygons (%s), %s weights (%s); units query (unit, x, t), weights query (unit_i, unit_j, weight)',
			  to_char((SELECT count(*) FROM :pgi_units), 'FM999,999,999'), pg_size_pretty(pg_table_size(:'pgi_units')),
			  to_char((SELECT count(*) FROM :pgi_queen), 'FM999,999,999'), pg_size_pretty(pg_table_size(:'pgi_queen')));

SELECT format('SELECT unit, x, t FROM %s', :'pgi_units') AS pgi_uq,
	   format('SELECT unit, x::float8 / t AS value FROM %s', :'pgi_units') AS pgi_vq,
	   format('SELECT unit_i, unit_j, weight FROM %s', :'pgi_queen') AS pgi_wq \gset

CREATE TABLE bench.pgi_cases (ord int PRIMARY KEY, label text, query text, ms float8[] DEFAULT '{}');
INSERT INTO bench.pgi_cases (ord, label, query) VALUES
	(1, 'baseline: sum c_ij |p_i - p_j| / sum c_ij as a SQL join',
	 format($q$SELECT sum(w.weight * abs(a.x::float8 / a.t - b.x::float8 / b.t)) / sum(w.weight)
			   FROM %1$s w JOIN %2$s a ON a.unit::text = w.unit_i::text JOIN %2$s b ON b.unit::text = w.unit_j::text
			   WHERE a.t > 0 AND b.t > 0$q$, :'pgi_queen', :'pgi_units')),
	(2, 'adjusted_dissimilarity (Morrill D(adj))',
	 format('SELECT migstat.adjusted_dissimilarity(%L, %L)', :'pgi_uq', :'pgi_wq')),
	(3, 'baseline: sum c_ij x_i x_j, y_i y_j, t_i t_j as a SQL join',
	 format($q$SELECT sum(w.weight * a.x * b.x), sum(w.weight * (a.t - a.x) * (b.t - b.x)), sum(w.weight * a.t * b.t)
			   FROM %1$s w JOIN %2$s a ON a.unit::text = w.unit_i::text JOIN %2$s b ON b.unit::text = w.unit_j::text$q$,
			:'pgi_queen', :'pgi_units')),
	(4, 'spatial_proximity (White SP)',
	 format('SELECT migstat.spatial_proximity(%L, %L)', :'pgi_uq', :'pgi_wq'));
CREATE TABLE bench.pgi_once (ord int PRIMARY KEY, label text, query text, ms float8[] DEFAULT '{}');
INSERT INTO bench.pgi_once (ord, label, query) VALUES
	(1, 'morans_i, 999 permutations',
	 format('SELECT migstat.morans_i(%L, %L, 999, 1)', :'pgi_vq', :'pgi_wq')),
	(2, 'local_morans_i, 999 permutations',
	 format('SELECT count(*) FROM migstat.local_morans_i(%L, %L, 999, 1)', :'pgi_vq', :'pgi_wq')),
	(3, 'getis_ord_gi_star',
	 format('SELECT count(*) FROM migstat.getis_ord_gi_star(%L, %L)', :'pgi_vq', :'pgi_wq'));

\o /dev/null
SELECT bench.time_cases('bench.pgi_cases', current_setting('bench.runs')::int);
SELECT bench.time_cases('bench.pgi_once', 1);
\o

\pset format aligned
\pset tuples_only off
\echo '== spatial indices, 100,000 polygons, queen weights, serial; ratio = best ms / best ms of the baseline above it'
\echo '   target: D(adj) and SP under 5 s each (the ratio shows the cost against the same sum as a SQL join)'
SELECT c.label AS query, round(bench.best(c.ms)::numeric, 1) AS "best ms",
	   round(bench.median(c.ms)::numeric, 1) AS "median ms",
	   CASE WHEN c.ord IN (2, 4) THEN round((bench.best(c.ms) / b.ms)::numeric, 2) END AS ratio,
	   CASE WHEN c.ord IN (2, 4) THEN '< 5000 ms' ELSE '' END AS target,
	   CASE WHEN c.ord NOT IN (2, 4) THEN ''
			WHEN bench.best(c.ms) < 5000 THEN 'meets' ELSE 'misses' END AS result
FROM bench.pgi_cases c
LEFT JOIN LATERAL (SELECT bench.best(ms) AS ms FROM bench.pgi_cases WHERE ord = c.ord - 1) b ON true
ORDER BY c.ord;
\o /dev/null
SELECT bench.summarise('spatial', c.label || ' (100,000 polygons, queen)', bench.best(c.ms), 'the same sum as a SQL join',
					   b.ms, '< 5 s')
FROM bench.pgi_cases c
JOIN LATERAL (SELECT bench.best(ms) AS ms FROM bench.pgi_cases WHERE ord = c.ord - 1) b ON true
WHERE c.ord IN (2, 4) ORDER BY c.ord;
SELECT bench.summarise('spatial', label || ' (100,000 polygons, one run)', bench.best(ms), NULL, NULL, NULL)
FROM bench.pgi_once ORDER BY ord;
\o
\echo '== local statistics, 100,000 polygons, queen weights (one run each; no target)'
SELECT label AS query, round(bench.best(ms)::numeric, 1) AS ms FROM bench.pgi_once ORDER BY ord;

-- Memory: the growth of a fresh backend's peak resident set (VmHWM) during
-- one call.  It includes the shared buffers the queries touch (the same for
-- the baseline join, shown for comparison) and memory palloc'd and freed.
CREATE FUNCTION bench.backend_status_kb(field text) RETURNS bigint
LANGUAGE sql
RETURN substring(pg_read_file('/proc/' || pg_backend_pid() || '/status')
				 FROM field || ':\s+([0-9]+) kB')::bigint;
CREATE TABLE bench.pgi_memory (label text, before_kb bigint, after_kb bigint);
\pset format unaligned
\pset tuples_only on
\o /dev/null
SELECT format('%s', query) AS pgi_q FROM bench.pgi_cases WHERE ord = 1 \gset
\c
SELECT bench.backend_status_kb('VmHWM') AS hwm0 \gset
:pgi_q;
INSERT INTO bench.pgi_memory VALUES ('baseline SQL join', :hwm0, bench.backend_status_kb('VmHWM'));
SELECT format('%s', query) AS pgi_q FROM bench.pgi_cases WHERE ord = 2 \gset
\c
SELECT bench.backend_status_kb('VmHWM') AS hwm0 \gset
:pgi_q;
INSERT INTO bench.pgi_memory VALUES ('adjusted_dissimilarity', :hwm0, bench.backend_status_kb('VmHWM'));
SELECT format('%s', query) AS pgi_q FROM bench.pgi_once WHERE ord = 2 \gset
\c
SELECT bench.backend_status_kb('VmHWM') AS hwm0 \gset
:pgi_q;
INSERT INTO bench.pgi_memory VALUES ('local_morans_i, 999 permutations', :hwm0, bench.backend_status_kb('VmHWM'));
\o
\pset format aligned
\pset tuples_only off
\echo '== memory: peak resident set of a fresh backend (VmHWM) before and after one call'
SELECT label AS query, pg_size_pretty(before_kb * 1024) AS before, pg_size_pretty(after_kb * 1024) AS after,
	   pg_size_pretty((after_kb - before_kb) * 1024) AS growth
FROM bench.pgi_memory;
-- the session settings of bench/bench.sql, lost with \c
SET client_min_messages = warning;
SET work_mem = '1GB';
SET jit = :'jit';
SET max_parallel_workers_per_gather = 0;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET min_parallel_index_scan_size = 0;
SELECT set_config('bench.runs', :'runs', false) \gset
DROP TABLE bench.pgi_cases, bench.pgi_once, bench.pgi_memory;
