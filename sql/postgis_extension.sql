-- The two extensions are independent in one direction: migstat installs in a
-- database without PostGIS, migstat_postgis needs both, and dropping
-- migstat_postgis leaves migstat intact.  Runs in a fresh database.
SELECT current_database() AS regress_db \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS migstat_no_postgis;
CREATE DATABASE migstat_no_postgis;
\c migstat_no_postgis
SET client_min_messages = warning;
CREATE EXTENSION migstat;
SELECT extname FROM pg_extension WHERE extname IN ('migstat', 'postgis', 'migstat_postgis') ORDER BY 1;
SELECT round(migstat.dissimilarity(a, b)::numeric, 4) AS d FROM (VALUES (10, 0), (0, 10)) v(a, b);
-- without CASCADE the missing PostGIS is named
CREATE EXTENSION migstat_postgis;
CREATE EXTENSION migstat_postgis CASCADE;
SELECT extname FROM pg_extension WHERE extname IN ('migstat', 'postgis', 'migstat_postgis') ORDER BY 1;
SELECT migstat.grid_cell_id(4337051.7, 2689199.9);
DROP EXTENSION migstat_postgis;
SELECT extname FROM pg_extension WHERE extname IN ('migstat', 'postgis', 'migstat_postgis') ORDER BY 1;
-- migstat still works, and nothing of the bridge is left in its schema
SELECT round(migstat.dissimilarity(a, b)::numeric, 4) AS d FROM (VALUES (10, 0), (0, 10)) v(a, b);
SELECT count(*) AS bridge_functions_left FROM pg_proc
WHERE pronamespace = 'migstat'::regnamespace AND (proname LIKE 'weights%' OR proname LIKE 'grid%');
\c :regress_db
DROP DATABASE migstat_no_postgis;
