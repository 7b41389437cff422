-- Spatial weights builders of migstat_postgis on a hand-computed 3 x 3 grid
-- of unit squares, on Sacramento's tracts (cross-checked against a
-- brute-force PostGIS query), and on bad input.
--
-- The grid: cell id = 3 * row + column, cell [c, c+1] x [r, r+1]:
--     6 7 8
--     3 4 5
--     0 1 2
-- Centroids are (c + 0.5, r + 0.5), so centroid distances are 1 (edge
-- neighbours), sqrt 2 (corner neighbours), 2, sqrt 5, sqrt 8.
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS migstat_postgis CASCADE;
BEGIN;
SELECT plan(59);

-- PostGIS's schema is looked up once (it may be any schema); the last block
-- runs every builder with a search_path that lacks it (and migstat).
SELECT migstat.postgis_schema() AS gis \gset
CREATE SCHEMA wtest;
CREATE TABLE wtest.grid AS
SELECT 3 * r + c AS id, :gis.ST_MakeEnvelope(c, r, c + 1, r + 1, 25832) AS geom
FROM generate_series(0, 2) r, generate_series(0, 2) c;
-- the layouts and bad geometries used below, built while PostGIS is on the path
CREATE TABLE wtest.abc AS
SELECT * FROM (VALUES ('A', :gis.ST_MakeEnvelope(0, 0, 3, 1, 25832)), ('B', :gis.ST_MakeEnvelope(0, 1, 1, 2, 25832)),
                      ('C', :gis.ST_MakeEnvelope(1, 1, 3, 2, 25832))) v(unit, geom);
CREATE TABLE wtest.mixed AS
SELECT id, geom FROM wtest.grid UNION ALL SELECT 99, :gis.ST_MakeEnvelope(0, 0, 1, 1, 4326);
CREATE TABLE wtest.bad AS
SELECT * FROM (VALUES ('bow', :gis.ST_GeomFromText('POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))', 25832)),
                      ('empty', :gis.ST_GeomFromText('POLYGON EMPTY', 25832))) v(unit, geom);
-- two squares 1e-9 apart (a border digitised twice)
CREATE TABLE wtest.gap AS
SELECT * FROM (VALUES ('A', :gis.ST_MakeEnvelope(0, 0, 1, 1, 25832)),
                      ('B', :gis.ST_MakeEnvelope(1.000000001, 0, 2, 1, 25832))) v(unit, geom);
CREATE TABLE wtest.grid_island AS
SELECT id, geom FROM wtest.grid UNION ALL SELECT 9, :gis.ST_MakeEnvelope(10, 10, 11, 11, 25832);
CREATE TABLE wtest.sac (fips text PRIMARY KEY, tot_pop int, white int, black int, asian int, hisp int, wkt text);
\copy wtest.sac FROM 'test/data/sacramento/sacramento_tracts.csv' WITH (FORMAT csv, HEADER)
ALTER TABLE wtest.sac ADD COLUMN geom :gis.geometry;
UPDATE wtest.sac SET geom = :gis.ST_GeomFromText(wkt, 4326);
-- brute force: every ordered pair of distinct tracts tested, no index
CREATE TEMP TABLE sac_brute AS
SELECT a.fips AS i, b.fips AS j FROM wtest.sac a CROSS JOIN wtest.sac b
WHERE a.fips <> b.fips AND :gis._ST_Intersects(a.geom, b.geom);

-- expected undirected pairs, written out by hand
CREATE TEMP TABLE rook_pairs (i text, j text);
INSERT INTO rook_pairs VALUES
	('0','1'), ('1','2'), ('3','4'), ('4','5'), ('6','7'), ('7','8'),	-- horizontal edges
	('0','3'), ('3','6'), ('1','4'), ('4','7'), ('2','5'), ('5','8');	-- vertical edges
CREATE TEMP TABLE corner_pairs (i text, j text);
INSERT INTO corner_pairs VALUES
	('0','4'), ('1','3'), ('1','5'), ('2','4'), ('3','7'), ('4','6'), ('4','8'), ('5','7');
CREATE TEMP VIEW rook_both AS SELECT i, j FROM rook_pairs UNION ALL SELECT j, i FROM rook_pairs;
CREATE TEMP VIEW queen_both AS
SELECT i, j FROM rook_both UNION ALL SELECT i, j FROM corner_pairs UNION ALL SELECT j, i FROM corner_pairs;

-- queen: any shared point
CREATE TEMP TABLE q AS SELECT * FROM migstat.weights_queen('SELECT id AS unit, geom FROM wtest.grid');
SELECT set_eq('SELECT unit_i, unit_j FROM q', 'SELECT i, j FROM queen_both',
              'queen: exactly the 12 edge and 8 corner pairs, both directions');
SELECT is((SELECT count(*) FROM q), 40::bigint, 'queen: 40 rows');
SELECT results_eq($$SELECT unit_i, count(*) FROM q WHERE unit_i IN ('0', '1', '4') GROUP BY 1 ORDER BY 1$$,
                  $$VALUES ('0', 3::bigint), ('1', 5), ('4', 8)$$,
                  'queen: corner cell 3 neighbours, edge cell 5, centre 8');
SELECT ok((SELECT bool_and(weight = 1) FROM q), 'queen: binary weights 1');
SELECT is_empty('SELECT 1 FROM q WHERE unit_i = unit_j', 'queen: no diagonal');

-- rook: shared boundary of positive length
SELECT set_eq($$SELECT unit_i, unit_j FROM migstat.weights_rook('SELECT id AS unit, geom FROM wtest.grid')$$,
              'SELECT i, j FROM rook_both', 'rook: exactly the 12 edge pairs, both directions');
SELECT results_eq($$SELECT unit_i, count(*) FROM migstat.weights_rook('SELECT id AS unit, geom FROM wtest.grid')
                    WHERE unit_i IN ('0', '1', '4') GROUP BY 1 ORDER BY 1$$,
                  $$VALUES ('0', 2::bigint), ('1', 3), ('4', 4)$$, 'rook: corner 2, edge 3, centre 4');

-- shared boundary length: 1 for every edge pair of the grid; on a second
-- layout A = [0,3]x[0,1], B = [0,1]x[1,2], C = [1,3]x[1,2] the lengths are
-- A-B 1, A-C 2, B-C 1 (the segment x = 1, 1 <= y <= 2).
SELECT set_eq($$SELECT unit_i, unit_j, weight FROM migstat.weights_boundary_length('SELECT id AS unit, geom FROM wtest.grid')$$,
              'SELECT i, j, 1.0::float8 FROM rook_both', 'boundary length: 1 for the 24 edge rows');
SELECT set_eq($$SELECT * FROM migstat.weights_boundary_length('SELECT unit, geom FROM wtest.abc')$$,
              $$VALUES ('A', 'B', 1.0::float8), ('B', 'A', 1.0), ('A', 'C', 2.0), ('C', 'A', 2.0), ('B', 'C', 1.0), ('C', 'B', 1.0)$$,
              'boundary length: A-B 1, A-C 2, B-C 1');

-- kNN, k = 2, ties broken by the smaller key: every cell's 2 nearest are at
-- distance 1; where 3 or 4 cells tie, the two smallest keys win.
SELECT set_eq($$SELECT unit_i, unit_j FROM migstat.weights_knn('SELECT id AS unit, geom FROM wtest.grid', 2)$$,
              $$VALUES ('0','1'), ('0','3'), ('1','0'), ('1','2'), ('2','1'), ('2','5'), ('3','0'), ('3','4'),
                       ('4','1'), ('4','3'), ('5','2'), ('5','4'), ('6','3'), ('6','7'), ('7','4'), ('7','6'),
                       ('8','5'), ('8','7')$$,
              'knn k=2: the hand-listed 18 directed pairs (ties to the smaller key)');
SELECT is((SELECT count(*) FROM migstat.weights_knn('SELECT id AS unit, geom FROM wtest.grid', 2, symmetrise => true)),
          24::bigint, 'knn k=2 symmetrised: the 18 rows + the 6 missing reverses 1-4, 4-5, 3-6, 4-7, 5-8, 7-8');
SELECT is((SELECT count(*) FROM migstat.weights_knn('SELECT id AS unit, geom FROM wtest.grid', 20)), 72::bigint,
          'knn with k above n-1: every other unit (9 x 8 rows)');

-- distance band on centroids: <= 1 gives the rook pairs, <= 1.5 the queen pairs
SELECT set_eq($$SELECT unit_i, unit_j FROM migstat.weights_distance_band('SELECT id AS unit, geom FROM wtest.grid', 1.0)$$,
              'SELECT i, j FROM rook_both', 'distance band 1.0 (centroids): the rook pairs (distance exactly 1 included)');
SELECT set_eq($$SELECT unit_i, unit_j FROM migstat.weights_distance_band('SELECT id AS unit, geom FROM wtest.grid', 1.5)$$,
              'SELECT i, j FROM queen_both', 'distance band 1.5 (centroids): the queen pairs (sqrt 2 < 1.5 < 2)');
SELECT set_eq($$SELECT unit_i, unit_j FROM migstat.weights_distance_band('SELECT id AS unit, geom FROM wtest.grid', 0.5, 'geometry')$$,
              'SELECT i, j FROM queen_both', 'distance band 0.5 on geometries: touching squares (distance 0) only');

-- distance decay exp(-d_ij), d_ii = sqrt(0.6 a_i) = sqrt(0.6) for unit squares
CREATE TEMP TABLE dd AS SELECT * FROM migstat.weights_distance_decay('SELECT id AS unit, geom FROM wtest.grid');
SELECT is((SELECT count(*) FROM dd), 81::bigint, 'decay without cut-off: all 9 x 9 entries (72 pairs + 9 diagonal)');
SELECT is((SELECT weight FROM dd WHERE unit_i = '0' AND unit_j = '0'), exp(-sqrt(0.6::float8)), 'decay: c_00 = exp(-sqrt(0.6))');
SELECT cmp_ok(abs((SELECT weight FROM dd WHERE unit_i = '4' AND unit_j = '4') - 0.4608896344821013), '<', 1e-15::float8,
              'decay: c_44 = 0.4608896344821013 (exp(-0.7745966692414834))');
SELECT cmp_ok(abs((SELECT weight FROM dd WHERE unit_i = '0' AND unit_j = '1') - 0.36787944117144233), '<', 1e-15::float8,
              'decay: c_01 = exp(-1) = 0.36787944117144233');
SELECT is_empty($$SELECT 1 FROM dd
                  WHERE unit_i <> unit_j
                    AND abs(weight - exp(-sqrt(power(unit_i::int % 3 - unit_j::int % 3, 2)
                                            + power(unit_i::int / 3 - unit_j::int / 3, 2)))) > 1e-12$$,
                'decay: every off-diagonal weight is exp(-sqrt(dx^2 + dy^2)) from the cell positions');
SELECT is((SELECT count(*) FROM migstat.weights_distance_decay('SELECT id AS unit, geom FROM wtest.grid', 1.5, 2)),
          49::bigint, 'decay with max_distance 1.5: 40 queen rows + 9 diagonal');
SELECT cmp_ok(abs((SELECT weight FROM migstat.weights_distance_decay('SELECT id AS unit, geom FROM wtest.grid', 1.5, 2)
                   WHERE unit_i = '3' AND unit_j = '4') - exp(-0.5::float8)), '<', 1e-15::float8,
              'decay with scale 2: c_34 = exp(-1/2)');

-- kernels, z = d / bandwidth: biweight 15/16 (1 - z^2)^2 with bandwidth 1.5:
-- d = 1 -> 15/16 * (5/9)^2 = 0.28935185185185186; d = sqrt 2 -> 15/16 / 81
-- = 0.011574074074074073; K(0) = 0.9375 on the diagonal.
CREATE TEMP TABLE kb AS SELECT * FROM migstat.weights_kernel('SELECT id AS unit, geom FROM wtest.grid', 1.5);
SELECT is((SELECT count(*) FROM kb), 49::bigint, 'biweight 1.5: 40 queen rows + 9 diagonal');
SELECT ok((SELECT bool_and(abs(weight - 0.28935185185185186) < 1e-12) FROM kb k JOIN rook_both r ON (k.unit_i, k.unit_j) = (r.i, r.j)),
          'biweight: edge neighbours 15/16 (5/9)^2');
SELECT ok((SELECT bool_and(abs(weight - 0.9375 / 81) < 1e-12) FROM kb k
           JOIN (SELECT i, j FROM corner_pairs UNION ALL SELECT j, i FROM corner_pairs) c ON (k.unit_i, k.unit_j) = (c.i, c.j)),
          'biweight: corner neighbours 15/16 / 81');
SELECT ok((SELECT bool_and(weight = 0.9375) FROM kb WHERE unit_i = unit_j), 'biweight: diagonal K(0) = 15/16');
SELECT results_eq($$SELECT count(*), min(weight), max(weight) FROM migstat.weights_kernel('SELECT id AS unit, geom FROM wtest.grid', 1.0, 'uniform')$$,
                  $$VALUES (9::bigint, 0.5::float8, 0.5::float8)$$,
                  'uniform, bandwidth 1: distance 1 is not < 1, so only the diagonal K(0) = 1/2');
SELECT is((SELECT weight FROM migstat.weights_kernel('SELECT id AS unit, geom FROM wtest.grid', 2.0, 'triangular')
           WHERE unit_i = '0' AND unit_j = '1'), 0.5::float8, 'triangular, bandwidth 2: d = 1 -> 1 - 1/2');
SELECT cmp_ok(abs((SELECT weight FROM migstat.weights_kernel('SELECT id AS unit, geom FROM wtest.grid', 2.0, 'gaussian')
                   WHERE unit_i = '0' AND unit_j = '0') - 0.3989422804014327), '<', 1e-15::float8,
              'gaussian: K(0) = 1/sqrt(2 pi) = 0.3989422804014327');
SELECT is((SELECT count(*) FROM migstat.weights_kernel('SELECT id AS unit, geom FROM wtest.grid', 1.5, 'epanechnikov', false)),
          40::bigint, 'diagonal => false leaves the diagonal out');

-- row standardisation: queen rows sum to 1; corner weights 1/3, centre 1/8
CREATE TEMP TABLE rs AS SELECT * FROM migstat.weights_row_standardised(
	$$SELECT * FROM migstat.weights_queen('SELECT id AS unit, geom FROM wtest.grid')$$);
SELECT ok((SELECT bool_and(abs(s - 1) < 1e-15) FROM (SELECT sum(weight) s FROM rs GROUP BY unit_i) x)
          AND (SELECT count(DISTINCT unit_i) FROM rs) = 9, 'row standardised: every row sums to 1');
SELECT results_eq($$SELECT DISTINCT unit_i, weight FROM rs WHERE unit_i IN ('0', '4') ORDER BY 1$$,
                  $$VALUES ('0', 1.0::float8 / 3), ('4', 1.0::float8 / 8)$$, 'row standardised: corner 1/3, centre 1/8');

-- snapping: without it the squares 1e-9 apart are no neighbours; reduced
-- to a 1e-6 grid their borders coincide (queen and rook)
SELECT is((SELECT count(*) FROM migstat.weights_queen('SELECT unit, geom FROM wtest.gap')), 0::bigint,
          'snap 0 (default): squares 1e-9 apart are not neighbours');
SELECT set_eq($$SELECT unit_i, unit_j FROM migstat.weights_queen('SELECT unit, geom FROM wtest.gap', 1e-6)
                UNION ALL SELECT unit_i, unit_j FROM migstat.weights_rook('SELECT unit, geom FROM wtest.gap', 1e-6)$$,
              $$VALUES ('A', 'B'), ('B', 'A'), ('A', 'B'), ('B', 'A')$$,
              'snap 1e-6: queen and rook neighbours');
SELECT throws_ok($$SELECT * FROM migstat.weights_queen('SELECT unit, geom FROM wtest.gap', -1)$$,
                 '22023', 'weights_queen: snap must be a finite number >= 0, not -1', 'negative snap: 22023');

-- islands: a square far away has no neighbour and no row
SELECT is((SELECT count(*) FROM migstat.weights_queen('SELECT id AS unit, geom FROM wtest.grid_island') WHERE unit_i = '9'),
          0::bigint, 'an island has no rows');
SELECT results_eq($$SELECT unit FROM migstat.weights_islands('SELECT id AS unit FROM wtest.grid_island',
                      'SELECT * FROM migstat.weights_queen(''SELECT id AS unit, geom FROM wtest.grid_island'')')$$,
                  $$VALUES ('9')$$, 'weights_islands lists it');

-- Sacramento (403 tracts, EPSG:4326): queen weights equal the brute-force
-- all-pairs ST_Intersects join.
CREATE TEMP TABLE sac_queen AS SELECT * FROM migstat.weights_queen('SELECT fips AS unit, geom FROM wtest.sac');
SELECT is((SELECT count(*) FROM sac_queen), (SELECT count(*) FROM sac_brute), 'Sacramento queen: as many rows as the brute-force join');
-- 2522 is also the number of links of R spdep's poly2nb(queen = TRUE) on
-- the same tracts (spdep 1.2, sf_use_s2(FALSE), run by hand).
SELECT is((SELECT count(*) FROM sac_queen), 2522::bigint,
          'Sacramento queen: 2522 rows (1261 pairs), as the brute-force join and spdep poly2nb');
-- Rook: 2128 rows.  spdep's poly2nb(queen = FALSE) counts 2138: it takes two
-- shared boundary points as rook neighbours, and 5 pairs of these tracts
-- meet only in one or two isolated points (e.g. 06067004802 / 06067005002
-- in MULTIPOINT((-121.42917 38.496191), (-121.429053 38.496101))), which
-- share no border line.
SELECT is((SELECT count(*) FROM migstat.weights_rook('SELECT fips AS unit, geom FROM wtest.sac')), 2128::bigint,
          'Sacramento rook: 2128 rows (spdep: 2138 with 5 point-only pairs, see comment)');
SELECT is_empty($$SELECT 1 FROM migstat.weights_rook('SELECT fips AS unit, geom FROM wtest.sac')
                  WHERE (unit_i, unit_j) IN (('06067004802', '06067005002'), ('06061020902', '06067008127'),
                                             ('06067005701', '06067005902'), ('06067005801', '06067007701'),
                                             ('06113011103', '06113011206'))$$,
                'Sacramento rook: the 5 point-only pairs are not rook neighbours');
SELECT set_eq('SELECT unit_i, unit_j FROM sac_queen', 'SELECT i, j FROM sac_brute', 'Sacramento queen: the same pairs');
SELECT is_empty('SELECT unit FROM migstat.weights_islands(''SELECT fips AS unit FROM wtest.sac'', ''SELECT * FROM sac_queen'')',
                'Sacramento queen: no islands');
-- End to end with the spatial indices: Morrill's D(adj) of hisp against the
-- rest on these queen weights is PySAL's value 0.2611974332919437
-- (pysal/segregation tests, as in docs/spatial-indices.md).
SELECT cmp_ok(abs(migstat.adjusted_dissimilarity('SELECT fips AS unit, hisp AS x, tot_pop AS t FROM wtest.sac',
                                                 'SELECT * FROM sac_queen') - 0.2611974332919437), '<', 1e-12::float8,
              'Sacramento: Morrill D(adj) on weights_queen = 0.2611974332919437 (PySAL)');

-- bad input
SELECT throws_ok($$SELECT * FROM migstat.weights_queen('SELECT id AS unit, geom FROM wtest.mixed')$$,
                 '22023', 'weights_queen: the geometries have mixed SRIDs 4326, 25832', 'mixed SRIDs: 22023');
SELECT throws_ok($$SELECT * FROM migstat.weights_queen('SELECT unit, geom FROM wtest.bad WHERE unit = ''bow''')$$,
                 '22023', 'weights_queen: unit bow has an invalid geometry', 'invalid (self-intersecting) geometry: 22023 naming the unit');
SELECT throws_ok($$SELECT * FROM migstat.weights_rook('SELECT unit, geom FROM wtest.bad WHERE unit = ''empty''')$$,
                 '22023', 'weights_rook: unit empty has an invalid geometry', 'empty geometry: 22023 naming the unit');
SELECT throws_ok($$SELECT * FROM migstat.weights_queen('SELECT NULL::int AS unit, geom FROM wtest.grid')$$,
                 '22004', NULL, 'NULL unit keys: 22004');
SELECT throws_ok($$SELECT * FROM migstat.weights_queen('SELECT id AS unit, CASE WHEN id <> 4 THEN geom END AS geom FROM wtest.grid')$$,
                 '22004', 'weights_queen: unit 4 has a NULL geometry', 'NULL geometry: 22004 naming the unit');
SELECT throws_ok($$SELECT * FROM migstat.weights_queen('SELECT id % 8 AS unit, geom FROM wtest.grid')$$,
                 '23505', 'weights_queen: unit key 0 occurs more than once', 'duplicate keys: 23505 naming the key');
SELECT throws_ok($$SELECT * FROM migstat.weights_queen('SELECT id, geom FROM wtest.grid')$$,
                 '42703', 'weights_queen: units_sql must return the columns unit and geom', 'missing column unit: 42703');
SELECT throws_like($$SELECT * FROM migstat.weights_distance_band('SELECT fips AS unit, geom FROM wtest.sac', 0.01)$$,
                   '%SRID 4326 is geographic%', 'distance on EPSG:4326: 22023 steering to a projected SRID');
SELECT throws_ok($$SELECT * FROM migstat.weights_distance_band('SELECT id AS unit, geom FROM wtest.grid', -1)$$,
                 '22023', NULL, 'negative threshold: 22023');
SELECT throws_ok($$SELECT * FROM migstat.weights_knn('SELECT id AS unit, geom FROM wtest.grid', 0)$$,
                 '22023', 'weights_knn: k must be at least 1, not 0', 'k = 0: 22023');
SELECT throws_ok($$SELECT * FROM migstat.weights_kernel('SELECT id AS unit, geom FROM wtest.grid', 1, 'box')$$,
                 '22023', 'weights_kernel: unknown kernel ''box''', 'unknown kernel: 22023');
SELECT throws_ok($$SELECT * FROM migstat.weights_distance_decay('SELECT id AS unit, geom FROM wtest.grid', NULL, 'NaN')$$,
                 '22023', NULL, 'NaN scale: 22023');
SELECT throws_ok($$SELECT * FROM migstat.weights_row_standardised('SELECT ''a'' AS unit_i, ''b'' AS unit_j, -1 AS weight')$$,
                 '22023', 'weights_row_standardised: weight of a -> b is negative or not finite', 'negative weight: 22023');

-- search_path without PostGIS's schema (pgTAP lives in the same schema as
-- PostGIS here, so the builders run first and the checks after)
CREATE TEMP TABLE normal AS
SELECT 'queen' AS b, * FROM migstat.weights_queen('SELECT id AS unit, geom FROM wtest.grid')
UNION ALL SELECT 'rook', * FROM migstat.weights_rook('SELECT id AS unit, geom FROM wtest.grid')
UNION ALL SELECT 'length', * FROM migstat.weights_boundary_length('SELECT id AS unit, geom FROM wtest.grid')
UNION ALL SELECT 'band', * FROM migstat.weights_distance_band('SELECT id AS unit, geom FROM wtest.grid', 1.5)
UNION ALL SELECT 'knn', * FROM migstat.weights_knn('SELECT id AS unit, geom FROM wtest.grid', 3)
UNION ALL SELECT 'decay', * FROM migstat.weights_distance_decay('SELECT id AS unit, geom FROM wtest.grid', 2)
UNION ALL SELECT 'kernel', * FROM migstat.weights_kernel('SELECT id AS unit, geom FROM wtest.grid', 2, 'gaussian');
SET LOCAL search_path = pg_catalog;
CREATE TEMP TABLE restricted AS
SELECT 'queen' AS b, * FROM migstat.weights_queen('SELECT id AS unit, geom FROM wtest.grid')
UNION ALL SELECT 'rook', * FROM migstat.weights_rook('SELECT id AS unit, geom FROM wtest.grid')
UNION ALL SELECT 'length', * FROM migstat.weights_boundary_length('SELECT id AS unit, geom FROM wtest.grid')
UNION ALL SELECT 'band', * FROM migstat.weights_distance_band('SELECT id AS unit, geom FROM wtest.grid', 1.5)
UNION ALL SELECT 'knn', * FROM migstat.weights_knn('SELECT id AS unit, geom FROM wtest.grid', 3)
UNION ALL SELECT 'decay', * FROM migstat.weights_distance_decay('SELECT id AS unit, geom FROM wtest.grid', 2)
UNION ALL SELECT 'kernel', * FROM migstat.weights_kernel('SELECT id AS unit, geom FROM wtest.grid', 2, 'gaussian');
SET LOCAL search_path TO DEFAULT;
SELECT set_eq('SELECT * FROM restricted', 'SELECT * FROM normal',
              'with search_path = pg_catalog every builder returns the same weights');
SELECT is((SELECT count(DISTINCT b) FROM restricted), 7::bigint, '... for all seven builders');

SELECT * FROM finish();
ROLLBACK;
