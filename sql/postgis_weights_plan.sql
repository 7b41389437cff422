-- The weights builders find pairs through GiST index scans, never by
-- comparing all pairs: with migstat_postgis.explain = on they report the
-- plan of their pair query (as NOTICEs).  2,500 unit squares (50 x 50).
SET client_min_messages = warning;
-- leave the database as found (later tests create PostGIS themselves)
CREATE TEMP TABLE extensions_before AS SELECT extname FROM pg_extension;
CREATE EXTENSION IF NOT EXISTS migstat_postgis CASCADE;
SET client_min_messages = notice;
CREATE TABLE plan_grid AS
SELECT 50 * r + c AS id, ST_MakeEnvelope(c, r, c + 1, r + 1, 3035) AS geom
FROM generate_series(0, 49) r, generate_series(0, 49) c;
SET migstat_postgis.explain = on;
-- 2 * (2 * 49 * 50 edge pairs + 2 * 49 * 49 corner pairs) = 19,404 rows
SELECT count(*) FROM migstat.weights_queen('SELECT id AS unit, geom FROM plan_grid');
-- 2 * 2 * 49 * 50 = 9,800 rows
SELECT count(*) FROM migstat.weights_rook('SELECT id AS unit, geom FROM plan_grid');
SELECT count(*) FROM migstat.weights_distance_band('SELECT id AS unit, geom FROM plan_grid', 1.0);
SELECT count(*) FROM migstat.weights_knn('SELECT id AS unit, geom FROM plan_grid', 4);
SELECT count(*) FROM migstat.weights_distance_decay('SELECT id AS unit, geom FROM plan_grid', 1.5);
SELECT count(*) FROM migstat.weights_kernel('SELECT id AS unit, geom FROM plan_grid', 1.5);
RESET migstat_postgis.explain;
DROP TABLE plan_grid;
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM extensions_before WHERE extname = 'migstat_postgis') THEN
		DROP EXTENSION migstat_postgis;
	END IF;
	IF NOT EXISTS (SELECT FROM extensions_before WHERE extname = 'postgis') THEN
		DROP EXTENSION postgis;
	END IF;
END $$;
