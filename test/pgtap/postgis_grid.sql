-- Zensus / INSPIRE grid cells of migstat_postgis: identifiers of known
-- points, the strict parser, the round trip id -> polygon -> id, points in
-- other SRIDs, and aggregation into cells.
--
-- Hand computation: the EPSG:3035 point (4337051.7, 2689199.9) lies in the
-- 100 m cell with lower-left corner E 4337000 N 2689100 (floor to a multiple
-- of 100), the 1 km cell E 4337000 N 2689000, the 10 km cell E 4330000
-- N 2680000.  Notation: Zensus 2022 grid files / INSPIRE D2.8.I.2 Annex B,
-- CRS3035RES<size in m>mN<northing>E<easting>.
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS migstat_postgis CASCADE;
BEGIN;
SELECT plan(28);
SELECT migstat.postgis_schema() AS gis \gset

SELECT is(migstat.grid_cell_id(:gis.ST_SetSRID(:gis.ST_MakePoint(4337051.7, 2689199.9), 3035)),
          'CRS3035RES100mN2689100E4337000', '100 m cell of a known EPSG:3035 point');
SELECT is(migstat.grid_cell_id(:gis.ST_SetSRID(:gis.ST_MakePoint(4337051.7, 2689199.9), 3035), 1000),
          'CRS3035RES1000mN2689000E4337000', '1 km cell (size written in metres)');
SELECT is(migstat.grid_cell_id(:gis.ST_SetSRID(:gis.ST_MakePoint(4337051.7, 2689199.9), 3035), 10000),
          'CRS3035RES10000mN2680000E4330000', '10 km cell');
SELECT is(migstat.grid_cell_id(4337000, 2689100), 'CRS3035RES100mN2689100E4337000',
          'a point on the south-west corner belongs to that cell');
SELECT is(migstat.grid_cell_id(4336999.99, 2689099.99), 'CRS3035RES100mN2689000E4336900',
          'just south-west of it: the neighbouring cell');
-- Berlin, Alexanderplatz area, in WGS84: transformed to EPSG:3035 first.
-- Cross-check: an independent pyproj-based implementation (public code,
-- found with the code search) asserts the same cell for this point.
SELECT is(migstat.grid_cell_id(:gis.ST_SetSRID(:gis.ST_MakePoint(13.4095, 52.5208), 4326)),
          'CRS3035RES100mN3273300E4552300', 'a WGS84 point is transformed to EPSG:3035');
SELECT is(migstat.grid_cell_id(:gis.ST_Transform(:gis.ST_SetSRID(:gis.ST_MakePoint(4337051.7, 2689199.9), 3035), 25832)),
          'CRS3035RES100mN2689100E4337000', 'a point in EPSG:25832 gets the cell of its EPSG:3035 position');
SELECT is(migstat.grid_cell_id(NULL::float8, 1, 100), NULL, 'NULL coordinate: NULL');
SELECT is(migstat.grid_cell_id(NULL::geometry), NULL, 'NULL geometry: NULL');

-- polygons and the round trip
SELECT is(:gis.ST_AsText(migstat.grid_cell_polygon('CRS3035RES100mN2689100E4337000')),
          'POLYGON((4337000 2689100,4337000 2689200,4337100 2689200,4337100 2689100,4337000 2689100))',
          'polygon of a 100 m cell: its square from the lower-left corner');
SELECT is(:gis.ST_SRID(migstat.grid_cell_polygon('CRS3035RES1000mN2689000E4337000')), 3035, 'polygons are EPSG:3035');
SELECT is(:gis.ST_Area(migstat.grid_cell_polygon('CRS3035RES10000mN2680000E4330000')), 1e8::float8, '10 km cell: 100 km^2');
SELECT results_eq($$SELECT * FROM migstat.grid_cell_parse('CRS3035RES1000mN2689000E4337000')$$,
                  $$VALUES (1000, 4337000::bigint, 2689000::bigint)$$, 'grid_cell_parse: size, east, north');
CREATE TEMP TABLE pts AS
SELECT i, r, :gis.ST_SetSRID(:gis.ST_MakePoint(4000000 + 1e6 * random(), 2500000 + 1e6 * random()), 3035) AS p
FROM generate_series(1, 600) i, LATERAL (SELECT (ARRAY[100, 1000, 10000])[1 + i % 3] AS r) rr;
SELECT is((SELECT count(*) FROM pts
           WHERE migstat.grid_cell_id(:gis.ST_Centroid(migstat.grid_cell_polygon(migstat.grid_cell_id(p, r))), r)
                 = migstat.grid_cell_id(p, r)), 600::bigint,
          'round trip id -> polygon -> centroid -> id on 600 random points at all three sizes');
SELECT is((SELECT count(*) FROM pts WHERE :gis.ST_Intersects(migstat.grid_cell_polygon(migstat.grid_cell_id(p, r)), p)),
          600::bigint, 'every point lies in the polygon of its cell');

-- errors
SELECT throws_ok($$SELECT migstat.grid_cell_polygon('CRS3035RES100mN2689150E4337000')$$, '22P02',
                 'invalid grid cell identifier "CRS3035RES100mN2689150E4337000" at character 16',
                 'malformed id (northing not a multiple of 100): 22P02 with the position');
SELECT throws_ok($$SELECT migstat.grid_cell_polygon('CRS3035RES1kmN2689000E4337000')$$, '22P02',
                 'invalid grid cell identifier "CRS3035RES1kmN2689000E4337000" at character 11',
                 'legacy size 1km: 22P02 at the size');
SELECT throws_ok($$SELECT migstat.grid_cell_parse('CRS3035RES100mN2689100E4337000x')$$, '22P02',
                 'invalid grid cell identifier "CRS3035RES100mN2689100E4337000x" at character 31',
                 'trailing characters: 22P02');
SELECT throws_ok($$SELECT migstat.grid_cell_parse('100mN26891E43370')$$, '22P02', NULL, 'legacy short notation: 22P02');
SELECT throws_ok($$SELECT migstat.grid_cell_id(4337000, 2689100, 250)$$, '22023',
                 'grid resolution 250 is not supported', 'resolution 250: 22023');
SELECT throws_ok($$SELECT migstat.grid_cell_id(-5::float8, 2689100)$$, '22003', NULL, 'negative coordinate: 22003');
SELECT throws_ok($$SELECT migstat.grid_cell_id('NaN'::float8, 2689100)$$, '22023', NULL, 'NaN coordinate: 22023');
SELECT throws_ok(format($$SELECT migstat.grid_cell_id(%s.ST_MakePoint(4337000, 2689100))$$, :'gis'), '22023',
                 'grid cell of a geometry without a spatial reference system (SRID 0)', 'SRID 0: 22023');
SELECT throws_ok(format($$SELECT migstat.grid_cell_id(%s.ST_GeomFromText('LINESTRING(4337000 2689100, 4337010 2689110)', 3035))$$, :'gis'),
                 '22023', 'grid cell of a LINESTRING: a point is needed', 'a line: 22023');
SELECT throws_ok(format($$SELECT migstat.grid_cell_id(%s.ST_GeomFromText('POINT EMPTY', 3035))$$, :'gis'), '22023',
                 'grid cell of an empty geometry', 'empty point: 22023');

-- aggregation: 3 points in one 100 m cell (2 of group a), 1 in the next
CREATE TEMP TABLE rec AS
SELECT grp, :gis.ST_SetSRID(:gis.ST_MakePoint(x, y), 3035) AS geom
FROM (VALUES ('a', 4337010.0, 2689110.0), ('a', 4337090.0, 2689190.0), ('b', 4337050.0, 2689150.0),
             ('b', 4337150.0, 2689150.0), ('a', NULL, NULL)) v(grp, x, y);
SELECT results_eq($$SELECT cell, grp, n FROM migstat.grid_counts('SELECT grp, geom FROM rec') ORDER BY 1, 2$$,
                  $$VALUES ('CRS3035RES100mN2689100E4337000', 'a', 2::bigint), ('CRS3035RES100mN2689100E4337000', 'b', 1::bigint),
                           ('CRS3035RES100mN2689100E4337100', 'b', 1::bigint)$$,
                  'grid_counts with groups: counts per cell and group; the record without a geometry is not counted');
SELECT results_eq($$SELECT cell, grp, n FROM migstat.grid_counts('SELECT geom FROM rec', 1000)$$,
                  $$VALUES ('CRS3035RES1000mN2689000E4337000', NULL::text, 4::bigint)$$,
                  'grid_counts without groups at 1 km: one cell, 4 points');

-- the SQL functions are bound to PostGIS when the extension is created:
-- they work with a search_path that lacks PostGIS's schema
CREATE TEMP TABLE pt AS SELECT :gis.ST_SetSRID(:gis.ST_MakePoint(13.4095, 52.5208), 4326) AS p;
SET LOCAL search_path = pg_catalog;
CREATE TEMP TABLE restricted AS
SELECT migstat.grid_cell_id(p) AS id, migstat.grid_cell_polygon(migstat.grid_cell_id(p)) AS poly,
       (SELECT count(*) FROM migstat.grid_counts('SELECT p AS geom FROM pt')) AS n FROM pt;
SET LOCAL search_path TO DEFAULT;
SELECT results_eq(format($$SELECT id, %s.ST_AsText(poly), n FROM restricted$$, :'gis'),
                  $$VALUES ('CRS3035RES100mN3273300E4552300',
                            'POLYGON((4552300 3273300,4552300 3273400,4552400 3273400,4552400 3273300,4552300 3273300))', 1::bigint)$$,
                  'grid functions work with search_path = pg_catalog');

SELECT * FROM finish();
ROLLBACK;
