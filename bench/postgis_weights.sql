-- migstat benchmark (included by bench/bench.sql): migstat_postgis weights and grid cells.
--
-- 1. Queen contiguity weights of 100,000 Voronoi polygons (random points in
--    a 100 km square in EPSG:3035, ST_VoronoiPolygons clipped to the square),
--    with migstat.weights_queen, against the bare GiST self-join that finds
--    the same pairs on a pre-indexed table (the builder adds loading into an
--    indexed temporary table, the input checks and both directions).
--    Target: < 60 s.  Memory: the size of the stored weights, the temporary
--    files written, and the backend's peak resident set (VmHWM from
--    /proc/self/status, read with pg_read_file; it includes the shared
--    buffers the backend touched, so it is an upper bound of its own memory).
--    The result stays as bench.voronoi_queen with the units
--    bench.voronoi_units(unit, geom, x, t) (x a spatially clustered group)
--    for the spatial indices' benchmark (bench/postgis_indices.sql can run on
--    them: include this file first and set pgi_units, pgi_queen, pgi_generate
--    as its header says; the units table has no primary key, which that file
--    adds).
-- 2. Aggregation of 10,000,000 points into 100 m grid cells, GROUP BY
--    migstat.grid_cell_id(geom) against GROUP BY a precomputed cell id.

\pset format unaligned
\pset tuples_only on
\echo
\echo 'bench: migstat_postgis: generating 100,000 Voronoi polygons ...'
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS migstat_postgis;
SELECT clock_timestamp() AS vor_start \gset
CREATE TABLE bench.voronoi_seeds AS
SELECT i AS unit,
	   ST_SetSRID(ST_MakePoint(4300000 + 100000 * bench.u01(i, 11), 2700000 + 100000 * bench.u01(i, 12)), 3035) AS p
FROM generate_series(1, 100000) i;
CREATE INDEX ON bench.voronoi_seeds USING gist (p);
ANALYZE bench.voronoi_seeds;
CREATE TABLE bench.voronoi_cells AS
SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(p), 0, ST_MakeEnvelope(4300000, 2700000, 4400000, 2800000, 3035)))).geom AS g
FROM bench.voronoi_seeds;
-- each cell gets its seed's key; clipped to the square
CREATE TABLE bench.voronoi_units AS
SELECT s.unit,
	   ST_Intersection(c.g, ST_MakeEnvelope(4300000, 2700000, 4400000, 2800000, 3035)) AS geom,
	   0::bigint AS x, 0::bigint AS t
FROM bench.voronoi_cells c
JOIN LATERAL (SELECT unit FROM bench.voronoi_seeds s WHERE ST_Intersects(c.g, s.p) ORDER BY unit LIMIT 1) s ON true;
-- a synthetic group: population t in 200..1199, share of x a smooth field
-- (0.05 .. 0.75 in waves of 20 km) plus noise, so x clusters in space
UPDATE bench.voronoi_units u
SET t = 200 + floor(1000 * bench.u01(unit, 13))::bigint,
	x = round((200 + floor(1000 * bench.u01(unit, 13))) *
			  least(1.0, greatest(0.0, 0.4 + 0.35 * sin(ST_X(ST_Centroid(geom)) / 3183.1) * cos(ST_Y(ST_Centroid(geom)) / 3183.1)
										+ 0.1 * (bench.u01(unit, 14) - 0.5))))::bigint;
CREATE INDEX ON bench.voronoi_units USING gist (geom);
VACUUM ANALYZE bench.voronoi_units;
DROP TABLE bench.voronoi_cells;
SELECT format('voronoi       %s polygons (%s vertices) in a 100 km square, EPSG:3035; generated in %s s',
			  to_char(count(*), 'FM999,999'), to_char(sum(ST_NPoints(geom)), 'FM999,999,999'),
			  round(extract(epoch FROM clock_timestamp() - :'vor_start'::timestamptz), 1))
FROM bench.voronoi_units;

CREATE FUNCTION bench.vm_kb(field text) RETURNS bigint
LANGUAGE sql RETURN substring(pg_read_file('/proc/self/status') FROM field || ':\s+([0-9]+) kB')::bigint;
CREATE FUNCTION bench.temp_bytes() RETURNS bigint
LANGUAGE sql RETURN (SELECT temp_bytes FROM pg_stat_database WHERE datname = current_database());

-- a new backend, so that its peak resident set is that of the builder
SELECT current_setting('bench.runs') AS bench_runs, current_setting('work_mem') AS bench_work_mem \gset
\c
SET client_min_messages = warning;
SET jit = off;
SELECT set_config('bench.runs', :'bench_runs', false), set_config('work_mem', :'bench_work_mem', false),
	   set_config('max_parallel_workers_per_gather', '0', false), set_config('parallel_setup_cost', '0', false),
	   set_config('parallel_tuple_cost', '0', false), set_config('min_parallel_table_scan_size', '0', false) \gset
SELECT bench.vm_kb('VmHWM') AS hwm0, bench.temp_bytes() AS tmp0 \gset
SELECT pg_stat_clear_snapshot();
SELECT clock_timestamp() AS q0 \gset
CREATE TABLE bench.voronoi_queen AS
SELECT * FROM migstat.weights_queen('SELECT unit, geom FROM bench.voronoi_units');
SELECT extract(epoch FROM clock_timestamp() - :'q0'::timestamptz) * 1000 AS queen_ms \gset
SELECT pg_stat_clear_snapshot();
SELECT bench.vm_kb('VmHWM') AS hwm1, bench.temp_bytes() AS tmp1 \gset
CREATE INDEX ON bench.voronoi_queen (unit_i);
ANALYZE bench.voronoi_queen;

-- the baseline: the same pairs by a bare GiST self-join on the indexed table
SELECT clock_timestamp() AS b0 \gset
SELECT count(*) AS bare_pairs FROM bench.voronoi_units a JOIN bench.voronoi_units b
ON a.unit < b.unit AND ST_Intersects(a.geom, b.geom) \gset
SELECT extract(epoch FROM clock_timestamp() - :'b0'::timestamptz) * 1000 AS bare_ms \gset

SELECT format('queen         %s rows (%s pairs, mean %s neighbours), %s islands; bare join found %s pairs',
			  to_char(count(*), 'FM999,999,999'), to_char(count(*) / 2, 'FM999,999,999'),
			  round(count(*)::numeric / (SELECT count(*) FROM bench.voronoi_units), 2),
			  (SELECT count(*) FROM bench.voronoi_units u WHERE NOT EXISTS
				  (SELECT 1 FROM bench.voronoi_queen q WHERE q.unit_i = u.unit::text)),
			  to_char(:bare_pairs, 'FM999,999,999'))
FROM bench.voronoi_queen;
SELECT format('queen memory  stored weights %s (heap %s); temporary files written %s; peak RSS (VmHWM) of the backend: %s MB at its start, %s MB after the builder (includes the shared buffers it touched)',
			  pg_size_pretty(pg_total_relation_size('bench.voronoi_queen')),
			  pg_size_pretty(pg_relation_size('bench.voronoi_queen')),
			  pg_size_pretty(:tmp1::bigint - :tmp0::bigint),
			  round(:hwm0 / 1024.0), round(:hwm1 / 1024.0));

\pset format aligned
\pset tuples_only off
\echo '== migstat_postgis: queen weights of 100,000 Voronoi polygons; ratio = builder / bare GiST self-join; target < 60 s'
SELECT 'weights_queen (100,000 polygons)' AS query,
	   round(:queen_ms::numeric / 1000, 1) AS "s",
	   round(:bare_ms::numeric / 1000, 1) AS "baseline s (bare join)",
	   round((:queen_ms / :bare_ms)::numeric, 2) AS ratio,
	   '< 60 s' AS target,
	   CASE WHEN :queen_ms < 60000 THEN 'meets' ELSE 'misses' END AS result;
\o /dev/null
SELECT bench.summarise('spatial weights', 'weights_queen, 100,000 Voronoi polygons (one run)', :queen_ms,
					   'bare GiST self-join', :bare_ms, '< 60 s');
\o

------------------------------------------------------------------------------
\pset format unaligned
\pset tuples_only on
\echo 'bench: loading 10,000,000 points for the grid aggregation ...'
-- points in a 50 km x 50 km square (250,000 cells of 100 m), with the cell
-- id precomputed for the baseline
CREATE UNLOGGED TABLE bench.grid_points AS
SELECT ST_SetSRID(ST_MakePoint(x, y), 3035) AS geom, migstat.grid_cell_id(x, y, 100) AS cell
FROM (SELECT 4300000 + 50000 * bench.u01(i, 21) AS x, 2700000 + 50000 * bench.u01(i, 22) AS y
	  FROM generate_series(1, 10000000::bigint) i) p;
VACUUM (FREEZE, ANALYZE) bench.grid_points;
SELECT pg_prewarm('bench.grid_points') AS grid_pages \gset
SELECT format('grid          %s points, %s cells of 100 m, table %s',
			  to_char(count(*), 'FM999,999,999'), to_char(count(DISTINCT cell), 'FM999,999,999'),
			  pg_size_pretty(pg_table_size('bench.grid_points')))
FROM bench.grid_points;

CREATE TABLE bench.grid_cases (ord int PRIMARY KEY, label text, workers int, query text, ms float8[] DEFAULT '{}');
INSERT INTO bench.grid_cases (ord, label, workers, query) VALUES
	(1, 'baseline GROUP BY precomputed cell', 0,
	 'SELECT count(s) FROM (SELECT cell, count(*) FROM bench.grid_points GROUP BY cell) s'),
	(2, 'GROUP BY grid_cell_id(geom)', 0,
	 'SELECT count(s) FROM (SELECT migstat.grid_cell_id(geom), count(*) FROM bench.grid_points GROUP BY 1) s'),
	(3, 'baseline (again)', 0,
	 'SELECT count(s) FROM (SELECT cell, count(*) FROM bench.grid_points GROUP BY cell) s'),
	(4, 'parallel baseline', 2,
	 'SELECT count(s) FROM (SELECT cell, count(*) FROM bench.grid_points GROUP BY cell) s'),
	(5, 'parallel GROUP BY grid_cell_id(geom)', 2,
	 'SELECT count(s) FROM (SELECT migstat.grid_cell_id(geom), count(*) FROM bench.grid_points GROUP BY 1) s');

\o /dev/null
SELECT bench.time_cases('bench.grid_cases', current_setting('bench.runs')::int);
\o

\pset format aligned
\pset tuples_only off
\echo '== Grid cells, 10,000,000 points into 100 m cells; ratio = best ms / best ms of the baseline with the same workers; target <= 2x'
WITH base AS (SELECT workers, min(x) AS ms FROM bench.grid_cases, unnest(ms) x WHERE label LIKE '%baseline%' GROUP BY workers)
SELECT c.label AS query, c.workers, round(bench.best(c.ms)::numeric, 1) AS "best ms",
	   round(base.ms::numeric, 1) AS "baseline ms",
	   round((bench.best(c.ms) / base.ms)::numeric, 2) AS ratio,
	   CASE WHEN c.label LIKE '%baseline%' THEN '' ELSE '<= 2x' END AS target,
	   CASE WHEN c.label LIKE '%baseline%' THEN ''
			WHEN bench.best(c.ms) / base.ms <= 2 THEN 'meets' ELSE 'misses' END AS result
FROM bench.grid_cases c JOIN base USING (workers) ORDER BY c.ord;
\o /dev/null
WITH base AS (SELECT workers, min(x) AS ms FROM bench.grid_cases, unnest(ms) x WHERE label LIKE '%baseline%' GROUP BY workers)
SELECT bench.summarise('grid cells', c.label || ' (10,000,000 points, 100 m)', bench.best(c.ms),
					   'GROUP BY precomputed cell', base.ms, '<= 2x')
FROM bench.grid_cases c JOIN base USING (workers) WHERE c.label NOT LIKE '%baseline%' ORDER BY c.ord;
\o
