-- Spatial segregation indices and local statistics of migstat_postgis
-- (docs/spatial-indices.md): a 3 x 3 grid of unit squares computed by hand,
-- the Sacramento tracts against PySAL's published value, bad input, the
-- search_path independence of the geometry forms, catalogue properties, and
-- a 100,000-unit synthetic case (run, not timed).
--
-- The grid (x = group, t = 10 in every cell, p = x/t):
--   a b c     10 10  0      1  1  0
--   d e f     10  5  0      1 .5  0
--   g h i      0  0  0      0  0  0
-- X = 35, Y = 55, T = 90, n = 9.  Rook: 12 edges, 24 ordered pairs; queen:
-- 20 edges, 40 ordered pairs.  The arithmetic behind each expected value is
-- written next to it (and, at more length, in test/unit/test_spatial.c).
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
BEGIN;
CREATE EXTENSION IF NOT EXISTS migstat_postgis CASCADE;
SELECT plan(69);

CREATE TEMP TABLE grid AS
SELECT u AS unit, x, 10 AS t,
       ST_MakeEnvelope(c, 2 - r, c + 1, 3 - r) AS geom
FROM (VALUES ('a', 0, 0, 10), ('b', 0, 1, 10), ('c', 0, 2, 0),
             ('d', 1, 0, 10), ('e', 1, 1, 5), ('f', 1, 2, 0),
             ('g', 2, 0, 0), ('h', 2, 1, 0), ('i', 2, 2, 0)) v(u, r, c, x);
-- weights from the geometries with plain PostGIS: rook = a shared edge,
-- queen = any shared point, boundary = shared edge length
CREATE TEMP TABLE rook AS
SELECT a.unit AS unit_i, b.unit AS unit_j, 1.0::float8 AS weight
FROM grid a JOIN grid b ON a.unit <> b.unit AND ST_Relate(a.geom, b.geom, 'F***1****');
CREATE TEMP TABLE queen AS
SELECT a.unit AS unit_i, b.unit AS unit_j, 1.0::float8 AS weight
FROM grid a JOIN grid b ON a.unit <> b.unit AND ST_Intersects(a.geom, b.geom);
CREATE TEMP TABLE boundary AS
SELECT a.unit AS unit_i, b.unit AS unit_j, ST_Length(ST_Intersection(a.geom, b.geom)) AS weight
FROM grid a JOIN grid b ON a.unit <> b.unit AND ST_Relate(a.geom, b.geom, 'F***1****');
CREATE TEMP TABLE rook_self AS
SELECT * FROM rook UNION ALL SELECT unit, unit, 1.0 FROM grid;

SELECT is((SELECT count(*) FROM rook), 24::bigint, 'grid: 24 ordered rook pairs');
SELECT is((SELECT count(*) FROM queen), 40::bigint, 'grid: 40 ordered queen pairs');

\set units '''SELECT unit, x, t FROM grid'''

-- D = 1/2 sum |x_i/35 - y_i/55| = 1/2 (3 * 2/7 + 4/77 + 5 * 2/11) = 10/11.
-- Rook: |p_i - p_j| over edges: b-c 1, d-g 1, d-e, e-f, b-e, e-h .5 = 4 of 12;
-- D(adj) = 10/11 - 4/12 = 19/33.
SELECT ok(abs(migstat.adjusted_dissimilarity(:units, 'SELECT * FROM rook') - 19.0 / 33) < 1e-12,
          'Morrill D(adj), rook = 10/11 - 1/3 = 19/33');
-- Queen adds a-e .5, b-f 1, c-e .5, d-h 1, e-g .5, e-i .5 (b-d, f-h 0): 8 of 20.
SELECT ok(abs(migstat.adjusted_dissimilarity(:units, 'SELECT * FROM queen') - 28.0 / 55) < 1e-12,
          'Morrill D(adj), queen = 10/11 - 8/20 = 28/55');
-- Shared boundary lengths are all 1: Wong's D(w) equals the rook D(adj).
SELECT ok(abs(migstat.adjusted_dissimilarity(:units, 'SELECT * FROM boundary') - 19.0 / 33) < 1e-12,
          'Wong D(w), boundary lengths 1 = 19/33');
-- D(s) with the true perimeters and areas: every PA = 4, factor 1.
SELECT ok(abs(migstat.shape_adjusted_dissimilarity(
          'SELECT unit, x, t, ST_Perimeter(geom) AS perimeter, ST_Area(geom) AS area FROM grid',
          'SELECT * FROM boundary') - 19.0 / 33) < 1e-12,
          'Wong D(s), equal squares = D(w)');
-- D(s) with e's area set to 2: PA_e = 2, max PA 4; e's 4 pairs (.5 each)
-- scaled by (4 + 2)/8 = 3/4: (2 * 3/4 + 2)/12 = 3.5/12; 10/11 - 7/24 = 163/264.
SELECT ok(abs(migstat.shape_adjusted_dissimilarity(
          'SELECT unit, x, t, 4 AS perimeter, CASE unit WHEN ''e'' THEN 2 ELSE 1 END AS area FROM grid',
          'SELECT * FROM boundary') - 163.0 / 264) < 1e-12,
          'Wong D(s), area of e doubled = 163/264');
-- SP: sum x_i x_j c_ij = 2 * (100 + 100 + 50 + 50) = 600, y: 2 * 500 = 1000,
-- t: 2 * 1200 = 2400; SP = (600/35 + 1000/55) / (2400/90) = 102/77.
SELECT ok(abs(migstat.spatial_proximity(:units, 'SELECT * FROM rook') - 102.0 / 77) < 1e-12,
          'spatial proximity, rook = 102/77');
-- ACL = (600/35 - 35/81 * 24) / (1000/35 - 35/81 * 24) = 3840 / 10320 = 16/43.
SELECT ok(abs(migstat.absolute_clustering(:units, 'SELECT * FROM rook') - 16.0 / 43) < 1e-12,
          'absolute clustering, rook = 16/43');
-- RCL = (600/35^2) / (1000/55^2) - 1 = 118/245.
SELECT ok(abs(migstat.relative_clustering(:units, 'SELECT * FROM rook') - 118.0 / 245) < 1e-12,
          'relative clustering, rook = 118/245');
-- Rook plus self weight 1, equal t: the mean p over the closed
-- neighbourhood: a 1, b .625, d .625, e .5; DPxx = (10 + 6.25 + 6.25 + 2.5)/35.
SELECT ok(abs(migstat.distance_decay_isolation(:units, 'SELECT * FROM rook_self') - 5.0 / 7) < 1e-12,
          'distance-decay isolation = 25/35 = 5/7');
SELECT ok(abs(migstat.distance_decay_interaction(:units, 'SELECT * FROM rook_self') - 2.0 / 7) < 1e-12,
          'distance-decay interaction = 1 - 5/7 = 2/7');
-- H~: local shares 1, 5/8, 1/3, 5/8, 1/2, 1/8, 1/3, 1/8, 0; sum of binary
-- entropies 4.0428423; e(35/90) = 0.6682485; 1 - 10 * 4.0428423 / (90 * 0.6682485).
SELECT ok(abs(migstat.spatial_information_theory(:units, 'SELECT * FROM rook_self') - 0.32778791603790225) < 1e-12,
          'spatial information theory index H~ = 0.3277879');
-- Centralization around the middle of e: steps {e}, {b,d,f,h}, {a,c,g,i};
-- X_i = 1/7, 5/7, 1; A_i = 1/9, 5/9, 1: ACE = 50/63 - 40/63 = 10/63;
-- Y_i = 1/11, 5/11, 1: RCE = 60/77 - 40/77 = 20/77.
SELECT ok(abs(migstat.absolute_centralization(
          'SELECT unit, x, t, ST_Area(geom) AS area, ST_Distance(ST_Centroid(geom), ST_MakePoint(1.5, 1.5)) AS distance FROM grid')
          - 10.0 / 63) < 1e-12, 'absolute centralization (area, distance columns) = 10/63');
SELECT ok(abs(migstat.relative_centralization(
          'SELECT unit, x, t, ST_Distance(ST_Centroid(geom), ST_MakePoint(1.5, 1.5)) AS distance FROM grid')
          - 20.0 / 77) < 1e-12, 'relative centralization (distance column) = 20/77');
-- the geometry forms: population-weighted centroid of equal t = (1.5, 1.5)
SELECT ok(abs(migstat.absolute_centralization('SELECT unit, x, t, geom FROM grid', NULL) - 10.0 / 63) < 1e-12,
          'absolute centralization, geometry form, population-weighted centre = 10/63');
SELECT ok(abs(migstat.relative_centralization('SELECT unit, x, t, geom FROM grid', ST_MakePoint(1.5, 1.5)) - 20.0 / 77) < 1e-12,
          'relative centralization, geometry form, given centre = 20/77');
-- centre at the corner (0, 3) outside a: steps a (.71), b and d (1.58), ...
-- the group lives near it: ACE is large and positive
SELECT cmp_ok(migstat.absolute_centralization('SELECT unit, x, t, geom FROM grid', ST_MakePoint(0, 3)), '>', 0.4::float8,
              'centre at the group''s corner: strongly centralized');

-- Moran's I of p, binary rook: z (18ths) a, b, d 11; e 2; others -7;
-- sum z^2 = 612/324; sum_ij w_ij z_i z_j = 600/324; I = 9/24 * 600/612 = 25/68.
\set vunits '''SELECT unit, x::float8 / t AS value FROM grid'''
SELECT ok(abs(i - 25.0 / 68) < 1e-12 AND expected = -0.125 AND units = 9 AND islands = 0,
          'Moran''s I = 25/68, E[I] = -1/8')
FROM migstat.morans_i(:vunits, 'SELECT * FROM rook', 0);
-- Exact permutation distribution: 12 of the 504 distinct arrangements give
-- I >= 25/68, p = 0.0238; 9999 permutations estimate it (SE 0.0015).
SELECT ok(abs(p_sim - 12.0 / 504) < 0.006, 'Moran''s I permutation p-value near the exact 12/504')
FROM migstat.morans_i(:vunits, 'SELECT * FROM rook', 9999, 42);
SELECT is((SELECT row(m.*)::text FROM migstat.morans_i(:vunits, 'SELECT * FROM rook', 999, 7) m),
          (SELECT row(m.*)::text FROM migstat.morans_i('SELECT * FROM (' || :vunits || ') s ORDER BY unit DESC',
                                                       'SELECT * FROM rook ORDER BY random()', 999, 7) m),
          'Moran''s I: same seed, same answer whatever order the queries return rows in');
SELECT isnt((SELECT p_sim FROM migstat.morans_i(:vunits, 'SELECT * FROM rook', 999, 7)),
            (SELECT p_sim FROM migstat.morans_i(:vunits, 'SELECT * FROM rook', 999, 8)),
            'Moran''s I: another seed, other draws');
SELECT ok(p_sim >= 1.0 / 1000 AND p_sim <= 1 AND z_sim > 0, 'Moran''s I: p-value within range')
FROM migstat.morans_i(:vunits, 'SELECT * FROM rook', 999, 1);

-- Local Moran: m2 = 17/81; I_i = (z_i lag_i in 324ths) / 68; lags (18ths)
-- a 22, b 6, c 4, d 6, e 8, f -12, g 4, h -12, i -14.
SELECT is((SELECT string_agg(format('%s %s %s', unit, round((local_i * 68)::numeric, 9), round((lag * 18)::numeric, 9)), ', ' ORDER BY unit)
           FROM migstat.local_morans_i(:vunits, 'SELECT * FROM rook', 0)),
          'a 242.000000000 22.000000000, b 66.000000000 6.000000000, c -28.000000000 4.000000000, '
          'd 66.000000000 6.000000000, e 16.000000000 8.000000000, f 84.000000000 -12.000000000, '
          'g -28.000000000 4.000000000, h 84.000000000 -12.000000000, i 98.000000000 -14.000000000',
          'local Moran I_i and lags by hand');
-- significance 0.99 labels every unit by its quadrant (z_i, lag_i signs)
SELECT is((SELECT string_agg(unit || ' ' || cluster, ', ' ORDER BY unit)
           FROM migstat.local_morans_i(:vunits, 'SELECT * FROM rook', 99, 1, 0.99)),
          'a high-high, b high-high, c low-high, d high-high, e high-high, f low-low, g low-high, h low-low, i low-low',
          'local Moran quadrants');
-- a's two neighbours drawn from the other 8 values are both 1 in 1/28 of the
-- draws: p_a near (999/28 + 1)/1000 = 0.0367; with 0.05 it is labelled.
SELECT ok(abs(p_sim - 0.0367) < 0.02 AND cluster = 'high-high', 'local Moran p_a near 1/28, high-high')
FROM migstat.local_morans_i(:vunits, 'SELECT * FROM rook', 999, 3) WHERE unit = 'a';
SELECT is((SELECT array_agg(p_sim ORDER BY unit) FROM migstat.local_morans_i(:vunits, 'SELECT * FROM rook', 999, 5)),
          (SELECT array_agg(p_sim ORDER BY unit) FROM migstat.local_morans_i('SELECT * FROM (' || :vunits || ') s ORDER BY random()',
                                                                             'SELECT * FROM rook ORDER BY unit_j DESC', 999, 5)),
          'local Moran: same seed, same p-values in any row order');
SELECT ok(bool_and(p_sim BETWEEN 0.001 AND 1) AND bool_and(cluster IN ('high-high', 'low-low', 'high-low', 'low-high', 'not significant')),
          'local Moran: p-values within range, labels from the list')
FROM migstat.local_morans_i(:vunits, 'SELECT * FROM rook', 999, 9);

-- Gi*, self weight 1: vbar = 7/18, s = sqrt(68)/18; a: (3 - 21/18) / (1.5 s)
-- = 22/sqrt 68; e: (2.5 - 35/18) / (s sqrt(20/8)) = 10/sqrt 170; i: -14/sqrt 68.
SELECT ok(abs(gi_star - 22 / sqrt(68)) < 1e-12 AND abs(p_norm - 0.0076328817877923) < 1e-12,
          'Gi* of a = 22/sqrt(68) = 2.6679, two-sided p = erfc(z/sqrt 2) = 0.0076329')
FROM migstat.getis_ord_gi_star(:vunits, 'SELECT * FROM rook') WHERE unit = 'a';
SELECT ok(abs(gi_star - 10 / sqrt(170)) < 1e-12, 'Gi* of e = 10/sqrt(170)')
FROM migstat.getis_ord_gi_star(:vunits, 'SELECT * FROM rook') WHERE unit = 'e';
SELECT ok(abs(gi_star + 14 / sqrt(68)) < 1e-12, 'Gi* of i = -14/sqrt(68)')
FROM migstat.getis_ord_gi_star(:vunits, 'SELECT * FROM rook') WHERE unit = 'i';
SELECT is((SELECT array_agg(round(gi_star::numeric, 12) ORDER BY unit) FROM migstat.getis_ord_gi_star(:vunits, 'SELECT * FROM rook_self', NULL)),
          (SELECT array_agg(round(gi_star::numeric, 12) ORDER BY unit) FROM migstat.getis_ord_gi_star(:vunits, 'SELECT * FROM rook')),
          'Gi*: self_weight NULL uses the (i, i) weights given');

-- Units and weights of different types are matched by text form.
SELECT ok(abs(migstat.adjusted_dissimilarity(
          'SELECT ascii(unit) AS unit, x, t FROM grid',
          'SELECT ascii(unit_i)::text AS unit_i, ascii(unit_j)::numeric AS unit_j, weight FROM rook') - 19.0 / 33) < 1e-12,
          'integer units, text and numeric weights keys');
-- A zero-population unit leaves its pairs out (making i empty: D = 8/9,
-- queen pairs without i's 3 edges: 7.5/17; 8/9 - 15/34 = 137/306).
SELECT ok(abs(migstat.adjusted_dissimilarity(
          'SELECT unit, x, CASE unit WHEN ''i'' THEN 0 ELSE t END AS t FROM grid', 'SELECT * FROM queen') - 137.0 / 306) < 1e-12,
          'empty unit: pairs left out, 137/306');

-- Undefined cases are NULL.
SELECT is(migstat.adjusted_dissimilarity('SELECT unit, 0 AS x, t FROM grid', 'SELECT * FROM rook'), NULL,
          'no group members (X = 0): NULL');
SELECT is(migstat.spatial_proximity('SELECT unit, t AS x, t FROM grid', 'SELECT * FROM rook'), NULL,
          'no one else (Y = 0): NULL');
SELECT is(migstat.adjusted_dissimilarity('SELECT unit, x, t FROM grid WHERE false', 'SELECT * FROM rook WHERE false'), NULL,
          'no units: NULL');
SELECT is((SELECT i FROM migstat.morans_i('SELECT unit, 1.0 AS value FROM grid', 'SELECT * FROM rook')), NULL,
          'Moran''s I of a constant: NULL');

-- Bad input.
SELECT throws_like($$SELECT migstat.adjusted_dissimilarity('SELECT unit, x, t FROM grid',
                     'SELECT unit_i, ''zz'' AS unit_j, weight FROM rook')$$,
                   '%names unit "zz"%', 'weights naming an unknown unit: the key is named');
SELECT throws_ok($$SELECT migstat.adjusted_dissimilarity('SELECT unit, x, t FROM grid',
                   'SELECT unit_i, ''zz'' AS unit_j, weight FROM rook')$$, '22023', NULL, 'unknown unit: 22023');
SELECT throws_like($$SELECT migstat.spatial_proximity('SELECT unit, x, t FROM grid UNION ALL SELECT ''e'', 1, 1',
                     'SELECT * FROM rook')$$, '%unit "e" twice%', 'duplicate unit key named');
SELECT throws_ok($$SELECT migstat.spatial_proximity('SELECT unit, x, t FROM grid UNION ALL SELECT ''e'', 1, 1',
                   'SELECT * FROM rook')$$, '22023', NULL, 'duplicate unit key: 22023');
SELECT throws_ok($$SELECT migstat.spatial_proximity('SELECT unit, x, t FROM grid',
                   'SELECT * FROM rook UNION ALL SELECT ''a'', ''b'', 1')$$, '22023', NULL, 'pair given twice: 22023');
SELECT throws_ok($$SELECT migstat.spatial_proximity('SELECT unit, x, t FROM grid',
                   'SELECT unit_i, unit_j, -weight AS weight FROM rook')$$, '22023', NULL, 'negative weight: 22023');
SELECT throws_ok($$SELECT migstat.spatial_proximity('SELECT unit, x, t FROM grid',
                   'SELECT unit_i, unit_j, ''NaN''::float8 AS weight FROM rook')$$, '22023', NULL, 'NaN weight: 22023');
SELECT throws_ok($$SELECT migstat.spatial_proximity('SELECT unit, x, t FROM grid',
                   'SELECT unit_i, unit_j, NULL::float8 AS weight FROM rook')$$, '22004', NULL, 'NULL weight: 22004');
SELECT throws_ok($$SELECT migstat.spatial_proximity('SELECT unit, -x AS x, t FROM grid', 'SELECT * FROM rook')$$,
                 '22023', NULL, 'negative count: 22023');
SELECT throws_ok($$SELECT migstat.spatial_proximity('SELECT unit, x + 1 AS x, t FROM grid', 'SELECT * FROM rook')$$,
                 '22023', NULL, 'x > t: 22023');
SELECT throws_ok($$SELECT migstat.spatial_proximity('SELECT unit, ''Infinity''::float8 AS x, t FROM grid', 'SELECT * FROM rook')$$,
                 '22023', NULL, 'infinite count: 22023');
SELECT throws_ok($$SELECT migstat.spatial_proximity('SELECT unit, NULLIF(x, 5) AS x, t FROM grid', 'SELECT * FROM rook')$$,
                 '22004', NULL, 'NULL count: 22004');
SELECT throws_ok($$SELECT migstat.spatial_proximity('SELECT NULLIF(unit, ''e'') AS unit, x, t FROM grid', 'SELECT * FROM rook')$$,
                 '22004', NULL, 'NULL unit: 22004');
SELECT throws_ok($$SELECT migstat.spatial_proximity('SELECT unit, x FROM grid', 'SELECT * FROM rook')$$,
                 '42703', NULL, 'missing column t: 42703');
SELECT throws_ok($$SELECT migstat.spatial_proximity(' ; ', 'SELECT * FROM rook')$$, '22023', NULL, 'empty query: 22023');
SELECT throws_ok($$SELECT migstat.distance_decay_isolation('SELECT unit, x, t FROM grid', 'SELECT * FROM rook WHERE unit_i <> ''a''')$$,
                 '22023', NULL, 'decay isolation: a unit with group members and an empty neighbourhood: 22023');
SELECT throws_ok($$SELECT migstat.shape_adjusted_dissimilarity('SELECT unit, x, t, 4 AS perimeter, 0 AS area FROM grid', 'SELECT * FROM rook')$$,
                 '22023', NULL, 'D(s) with area 0: 22023');
SELECT throws_ok($$SELECT * FROM migstat.morans_i('SELECT unit, x::float8 / t AS value FROM grid', 'SELECT * FROM rook WHERE ''i'' NOT IN (unit_i, unit_j)')$$,
                 '22023', NULL, 'Moran''s I with an island: 22023 unless allowed');
SELECT ok(abs(i - (9.0 / 20) * ((600 - 2 * 2 * 49) / 324.0) / (612 / 324.0)) < 1e-12 AND islands = 1,
          'Moran''s I, island allowed: n = 9, S0 = 20, i''s 2 edges (49 each) out of the cross sum')
FROM migstat.morans_i('SELECT unit, x::float8 / t AS value FROM grid', 'SELECT * FROM rook WHERE ''i'' NOT IN (unit_i, unit_j)', 0, 0, true);
SELECT is((SELECT cluster || ' ' || local_i || ' ' || coalesce(p_sim::text, 'null') FROM migstat.local_morans_i(:vunits,
           'SELECT * FROM rook WHERE ''i'' NOT IN (unit_i, unit_j)', 99, 0, 0.05, true) WHERE unit = 'i'),
          'island 0 null', 'local Moran, island allowed: label island, I_i = 0, no p-value');
SELECT throws_ok($$SELECT * FROM migstat.morans_i('SELECT unit, 1 AS value FROM grid', 'SELECT * FROM rook', -1)$$,
                 '22023', NULL, 'negative permutations: 22023');
SELECT throws_ok($$SELECT * FROM migstat.local_morans_i('SELECT unit, 1 AS value FROM grid', 'SELECT * FROM rook', 9, 0, 1.5)$$,
                 '22023', NULL, 'significance outside (0, 1): 22023');
SELECT throws_ok($$SELECT * FROM migstat.getis_ord_gi_star('SELECT unit, 1 AS value FROM grid', 'SELECT * FROM rook', -1)$$,
                 '22023', NULL, 'negative self weight: 22023');

-- The geometry forms work with a search_path that does not hold PostGIS.
SET LOCAL search_path = pg_catalog, pg_temp;
SELECT migstat.absolute_centralization('SELECT unit, x, t, geom FROM grid', NULL) AS ace_no_path \gset
RESET search_path;
SELECT ok(abs(:ace_no_path - 10.0 / 63) < 1e-12, 'geometry form without PostGIS on the search_path');

-- Sacramento: PySAL's test suite asserts Morrill's D(adj) with libpysal's
-- Queen weights = 0.2611974332919437 (hisp against the rest).  Queen pairs
-- from plain PostGIS: distinct tracts whose polygons intersect (2,522
-- ordered pairs; ST_Touches gives the same pairs on this data).
CREATE TEMP TABLE sac (fips text PRIMARY KEY, tot_pop int, white int, black int,
                       asian int, hisp int, wkt text);
\copy sac FROM 'test/data/sacramento/sacramento_tracts.csv' WITH (FORMAT csv, HEADER)
ALTER TABLE sac ADD COLUMN geom geometry;
UPDATE sac SET geom = ST_GeomFromText(wkt, 4326);
CREATE TEMP TABLE sac_queen AS
SELECT a.fips AS unit_i, b.fips AS unit_j, 1 AS weight
FROM sac a JOIN sac b ON a.fips <> b.fips AND ST_Intersects(a.geom, b.geom);
SELECT ok(abs(migstat.adjusted_dissimilarity('SELECT fips AS unit, hisp AS x, tot_pop AS t FROM sac',
                                             'SELECT * FROM sac_queen') - 0.2611974332919437) < 1e-9,
          'Sacramento: Morrill D(adj), queen = 0.2611974332919437 (PySAL)');

-- Moran's I and local Moran of the Hispanic share with row-standardised
-- queen weights, against R's spdep 1.2.7 (moran.test and localmoran on poly2nb
-- queen neighbours, style "W"; test/crosscheck/spdep_sacramento.R):
-- I = 0.6254205819627212, E[I] = -1/402, I_i of tract 06017030101 =
-- 4.2158773778419745 (spdep's localmoran divides by m2 = sum z^2 / n, as
-- Anselin 1995).
\set sac_units '''SELECT fips AS unit, hisp::float8 / tot_pop AS value FROM sac'''
\set sac_w '''SELECT unit_i, unit_j, 1.0 / count(*) OVER (PARTITION BY unit_i) AS weight FROM sac_queen'''
SELECT ok(abs(i - 0.6254205819627212) < 1e-9 AND abs(expected + 1.0 / 402) < 1e-15,
          'Sacramento: Moran''s I = 0.6254205819627212 (spdep)')
FROM migstat.morans_i(:sac_units, :sac_w, 99);
SELECT ok(abs(local_i - 4.2158773778419745) < 1e-9, 'Sacramento: local Moran of 06017030101 = 4.2158773778419745 (spdep)')
FROM migstat.local_morans_i(:sac_units, :sac_w, 99) WHERE unit = '06017030101';

-- 100,000 units: a 250 x 400 grid with queen pairs computed arithmetically
-- and a group concentrated in one corner.  Runs (not timed).
CREATE TEMP TABLE big AS
SELECT k AS unit, (k / 400) AS r, (k % 400) AS c, 100 AS t,
       (100 * (1 - ((k / 400) + (k % 400)) / 650.0))::int AS x
FROM generate_series(0, 99999) k;
CREATE TEMP TABLE big_queen AS
SELECT a.unit AS unit_i, (a.r + dr) * 400 + (a.c + dc) AS unit_j, 1 AS weight
FROM big a, (VALUES (-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)) d(dr, dc)
WHERE a.r + dr BETWEEN 0 AND 249 AND a.c + dc BETWEEN 0 AND 399;
SELECT ok(v > 0 AND v < 1, '100,000 units: Morrill D(adj) runs') FROM
       migstat.adjusted_dissimilarity('SELECT unit, x, t FROM big', 'SELECT * FROM big_queen') v;
SELECT ok(i > 0.9 AND p_sim = 1.0 / 10, '100,000 units: Moran''s I of a gradient is near 1, p = 1/10 with 9 permutations')
FROM migstat.morans_i('SELECT unit, x::float8 / t AS value FROM big', 'SELECT * FROM big_queen', 9);
SELECT is(count(*), 100000::bigint, '100,000 units: local Moran returns every unit')
FROM migstat.local_morans_i('SELECT unit, x::float8 / t AS value FROM big', 'SELECT * FROM big_queen', 9);

-- Catalogue: every index and local-statistics function of migstat_postgis
-- is documented and PARALLEL SAFE; the ones that run queries are STABLE
-- (they read tables through the query texts in the caller's snapshot; see
-- extension/postgis/spatial_indices.sql).  The weights builders, grid and
-- district functions (weights_*, grid_*, assign_points, ...) have their own
-- properties, checked in test/pgtap/postgis_catalog.sql, and are left out.
SELECT is_empty($$SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid
                  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'migstat_postgis'
                  WHERE d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
                    AND p.proname !~ '^(weights_|grid_|assign_points$|unassigned_points$|postgis_schema$|srid_is_geographic$|postgis_input_error$)'
                    AND (p.proparallel <> 's' OR obj_description(p.oid, 'pg_proc') IS NULL OR p.provolatile <> 's')$$,
                'every index function of migstat_postgis has a comment, is PARALLEL SAFE and STABLE');

SELECT * FROM finish();
ROLLBACK;
