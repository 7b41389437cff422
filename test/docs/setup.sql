-- Tables the docs examples use; loaded before each docs page runs.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS migstat;
CREATE EXTENSION IF NOT EXISTS postgis;
DROP TABLE IF EXISTS sacramento;
CREATE TABLE sacramento (fips text PRIMARY KEY, tot_pop int, white int, black int,
                         asian int, hisp int, wkt text);
\copy sacramento FROM 'test/data/sacramento/sacramento_tracts.csv' WITH (FORMAT csv, HEADER)
ALTER TABLE sacramento ADD COLUMN geom geometry(MultiPolygon, 4326);
UPDATE sacramento SET geom = ST_Multi(ST_GeomFromText(wkt, 4326));
ALTER TABLE sacramento DROP COLUMN wkt;
RESET client_min_messages;
