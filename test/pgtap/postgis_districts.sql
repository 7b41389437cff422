-- Assignment of geocoded points to districts (migstat.assign_points) with
-- its border rule and the unassigned records, and the QGIS view pattern of
-- docs/grid-cells.md registered in geometry_columns.
--
-- Districts (EPSG:25832):  north   = [0,2] x [1,2]
--                          south-a = [0,1] x [0,1]     south-b = [1,2] x [0,1]
-- Points: 1 (0.5,0.5) inside south-a; 2 (1,0.5) on the south-a/south-b
-- border -> south-a (smaller key); 3 (1,1) the corner of all three -> north
-- ('north' < 'south-a' in byte order); 4 (5,5) outside; 5 no geometry;
-- 6 (1.5,1.5) inside north; 7 (2,0.5) on south-b's outer edge only.
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS migstat_postgis CASCADE;
BEGIN;
SELECT plan(11);
SELECT migstat.postgis_schema() AS gis \gset
CREATE SCHEMA dtest;
CREATE TABLE dtest.districts (district text PRIMARY KEY, geom :gis.geometry(MultiPolygon, 25832));
INSERT INTO dtest.districts VALUES
	('north', :gis.ST_Multi(:gis.ST_MakeEnvelope(0, 1, 2, 2, 25832))),
	('south-a', :gis.ST_Multi(:gis.ST_MakeEnvelope(0, 0, 1, 1, 25832))),
	('south-b', :gis.ST_Multi(:gis.ST_MakeEnvelope(1, 0, 2, 1, 25832)));
CREATE TABLE dtest.residents (id int PRIMARY KEY, grp text, geom :gis.geometry(Point, 25832));
INSERT INTO dtest.residents
SELECT id, grp, CASE WHEN x IS NOT NULL THEN :gis.ST_SetSRID(:gis.ST_MakePoint(x, y), 25832) END
FROM (VALUES (1, 'f', 0.5, 0.5), (2, 'f', 1.0, 0.5), (3, 'g', 1.0, 1.0), (4, 'f', 5.0, 5.0),
             (5, 'g', NULL, NULL), (6, 'g', 1.5, 1.5), (7, 'f', 2.0, 0.5)) v(id, grp, x, y);
CREATE TABLE dtest.points_4326 AS SELECT 1 AS id, :gis.ST_SetSRID(:gis.ST_MakePoint(7, 50), 4326) AS geom;
CREATE TABLE dtest.lines AS SELECT 1 AS id, :gis.ST_GeomFromText('LINESTRING(0 0, 1 1)', 25832) AS geom;

-- assigned with a search_path that lacks PostGIS's schema
SET LOCAL search_path = pg_catalog;
CREATE TABLE dtest.resident_district AS
SELECT * FROM migstat.assign_points('SELECT id, geom FROM dtest.residents',
                                    'SELECT district AS unit, geom FROM dtest.districts');
SET LOCAL search_path TO DEFAULT;
SELECT results_eq('SELECT id::int, district, status, candidates FROM dtest.resident_district ORDER BY id::int',
                  $$VALUES (1, 'south-a', 'interior', 1), (2, 'south-a', 'boundary', 2), (3, 'north', 'boundary', 3),
                           (4, NULL, 'outside', 0), (5, NULL, 'no geometry', 0), (6, 'north', 'interior', 1),
                           (7, 'south-b', 'boundary', 1)$$,
                  'assign_points: interior, shared borders to the smallest key, outside, no geometry');
SELECT results_eq($$SELECT id, status FROM migstat.unassigned_points('SELECT id, geom FROM dtest.residents',
                                                                     'SELECT district AS unit, geom FROM dtest.districts')$$,
                  $$VALUES ('4', 'outside'), ('5', 'no geometry')$$, 'unassigned_points: the records outside every district');
SELECT throws_ok($$SELECT * FROM migstat.assign_points('SELECT NULL::int AS id, geom FROM dtest.residents',
                                                      'SELECT district AS unit, geom FROM dtest.districts')$$,
                 '22004', 'assign_points: a point id is NULL', 'NULL point id: 22004');
SELECT throws_ok($$SELECT * FROM migstat.assign_points('SELECT id, geom FROM dtest.points_4326',
                                                      'SELECT district AS unit, geom FROM dtest.districts')$$,
                 '22023', 'assign_points: point 1 has SRID 4326, the districts 25832', 'SRID mismatch: 22023');
SELECT throws_ok($$SELECT * FROM migstat.assign_points('SELECT id, geom FROM dtest.lines',
                                                      'SELECT district AS unit, geom FROM dtest.districts')$$,
                 '22023', 'assign_points: geometry of 1 is not a point', 'a line instead of a point: 22023');
SELECT throws_ok($$SELECT * FROM migstat.assign_points('SELECT id, geom FROM dtest.residents',
                                                      'SELECT ''x'' AS unit, geom FROM dtest.districts')$$,
                 '23505', NULL, 'duplicate district keys: 23505');
SELECT throws_ok($$SELECT * FROM migstat.assign_points('SELECT id AS key, geom FROM dtest.residents',
                                                      'SELECT district AS unit, geom FROM dtest.districts')$$,
                 '42703', 'assign_points: points_sql must return the columns id and geom', 'missing id column: 42703');

-- The QGIS view of docs/grid-cells.md: per district the residents, those of
-- group f, the share of f and the location quotient (share / overall share).
-- Hand computation: south-a 2 residents (1, 2), both f; north 2 (3, 6), no
-- f; south-b 1 (7), f.  Overall 3 f of 5 assigned: 0.6.  Location quotients
-- 1/0.6 = 5/3, 0, 5/3.
CREATE VIEW dtest.district_indicators AS
SELECT district, geom, residents, group_f,
	   group_f::float8 / nullif(residents, 0) AS share_f,
	   (group_f::float8 / nullif(residents, 0))
		   / (sum(group_f) OVER ()::float8 / nullif(sum(residents) OVER (), 0)) AS lq_f
FROM (SELECT d.district, d.geom, count(r.id) AS residents, count(r.id) FILTER (WHERE r.grp = 'f') AS group_f
	  FROM dtest.districts d
	  LEFT JOIN dtest.resident_district a ON a.district = d.district
	  LEFT JOIN dtest.residents r ON r.id::text = a.id
	  GROUP BY d.district) s;
SELECT results_eq($$SELECT district, residents, group_f, round(share_f::numeric, 4), round(lq_f::numeric, 4)
                    FROM dtest.district_indicators ORDER BY district$$,
                  $$VALUES ('north', 2::bigint, 0::bigint, 0.0000, 0.0000), ('south-a', 2, 2, 1.0000, 1.6667),
                           ('south-b', 1, 1, 1.0000, 1.6667)$$,
                  'district view: counts, shares and location quotients as computed by hand');
SELECT results_eq($$SELECT f_geometry_column::text COLLATE "default", srid, type::text COLLATE "default", coord_dimension
                    FROM geometry_columns
                    WHERE f_table_schema = 'dtest' AND f_table_name = 'district_indicators'$$,
                  $$VALUES ('geom', 25832, 'MULTIPOLYGON', 2)$$,
                  'geometry_columns: column geom, SRID 25832, MULTIPOLYGON, 2D');
SELECT is((SELECT relkind::text FROM pg_class WHERE oid = 'dtest.district_indicators'::regclass), 'v', 'it is a plain view');
SELECT is((SELECT sum(residents) FROM dtest.district_indicators), 5::numeric,
          'every assigned resident is counted once (the border points once)');

SELECT * FROM finish();
ROLLBACK;
