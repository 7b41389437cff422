-- migstat demo, part 1: a synthetic city of about 600,000 persons in 60
-- districts (test/data/city/generate_city.sql on the register generator of
-- test/data/register/), seeded, so every run shows the same numbers.
-- psql variables (scripts/demo.sh): persons, map (the SVG file to write).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION migstat_postgis CASCADE;      -- and migstat, postgis
SET search_path = public, migstat;
\pset footer off

\echo
\echo '== A synthetic city: building the register, districts and addresses (seed 1) ...'
\i test/data/register/generate_register.sql
\i test/data/city/generate_city.sql
\pset tuples_only on
SELECT citysim.build_city(:persons, 60, seed => 1);
\pset tuples_only off

\echo '== The city (calibrated to Cologne, 31.12.2023: 20.9 % without German citizenship, 42.4 % with a'
\echo '   migration background in the city''s register statistics)'
SELECT count(*) AS persons, (SELECT count(*) FROM city.districts) AS districts,
       (SELECT round(sum(area_km2)) FROM city.districts) AS "km²",
       round(100.0 * count(*) FILTER (WHERE citizenship1 <> 'DE') / count(*), 1) AS "foreigners %",
       round(100.0 * count(*) FILTER (WHERE true_own_background OR true_family_background) / count(*), 1)
           AS "migration background % (generator's truth)",
       count(*) FILTER (WHERE extract(year FROM age(reference_date, birth_date)) < 18) AS minors,
       count(*) FILTER (WHERE extract(year FROM age(reference_date, birth_date)) < 18 AND mother_id IS NULL
                        AND father_id IS NULL) AS "minors without parent keys"
FROM city.persons;

\echo '== Foreigners by residence status (Ausländerstatistik groups; the register spellings read by residence_status)'
SELECT l.label_en AS "status group", count(*) AS persons,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS "%"
FROM city.persons p
JOIN status_group_labels l ON l.classification = 'auslaender' AND l.code = auslaenderstatistik_group(p.residence_status)
WHERE p.residence_status IS NOT NULL
GROUP BY l.label_en, l.sort_order ORDER BY l.sort_order;

\echo '== Protection seekers (Schutzsuchende) in the five districts with most of them, protected for publication:'
\echo '   counts below migstat.min_cell_count (3) suppressed; totals by the cell key method (never 1 or 2)'
CREATE TEMP TABLE ptable AS SELECT i, j, p FROM ptable_build(4, 2.5, 2);
ALTER TABLE city.persons ADD COLUMN record_key float8;
UPDATE city.persons SET record_key = record_key(person_id, 20241231);
WITH s AS (
    SELECT district, schutzsuchende_group(residence_status) AS g, record_key
    FROM city.persons WHERE residence_status IS NOT NULL
), top AS (
    SELECT district FROM s WHERE g <> 'none' GROUP BY district ORDER BY count(*) DESC, district LIMIT 5
)
SELECT d.name AS district,
       (suppress(count(*) FILTER (WHERE g = 'open'))).value AS "status open",
       (suppress(count(*) FILTER (WHERE g = 'recognised_fixed'))).value AS "recognised, fixed-term",
       (suppress(count(*) FILTER (WHERE g = 'recognised_permanent'))).value AS "recognised, permanent",
       (suppress(count(*) FILTER (WHERE g = 'rejected'))).value AS "rejected",
       ckm_count(record_key, 'ptable') FILTER (WHERE g <> 'none') AS "all (cell key method)"
FROM s JOIN top USING (district) JOIN city.districts d USING (district)
GROUP BY d.name ORDER BY d.name;

\echo '== Migration background under every definition, the same persons (parents: the register''s keys where'
\echo '   it has them, else household generation by migstat.link_parents)'
CREATE TEMP TABLE features AS
SELECT person_id, district,
       background_features(citizenship1, citizenship2, german_acquisition::german_acquisition, birth_country,
                           immigration_year, moved_in_from, birth_date, reference_date) AS bf
FROM city.persons;
CREATE INDEX ON features (person_id);
CREATE TEMP TABLE links AS SELECT * FROM link_parents('city.persons');
CREATE TEMP TABLE backgrounds AS
SELECT r.person_id, r.district, r.citizenship1 <> 'DE' AS foreigner,
       mikrozensus2005_narrow(p.bf, m.bf, f.bf,
                              coalesce(r.mother_in_household, l.mother_id IS NOT NULL),
                              coalesce(r.father_in_household, l.father_id IS NOT NULL)) AS mz_narrow,
       mikrozensus2005_wide(p.bf, m.bf, f.bf) AS mz_wide,
       destatis_background(p.bf, m.bf, f.bf) AS destatis,
       einwanderungsgeschichte(p.bf, m.bf, f.bf) AS ewg,
       mighev_background(p.bf, m.bf, f.bf) AS mighev,
       zensus2011_background(p.bf, m.bf, f.bf) AS zensus2011,
       migrapro(p.bf, m.bf, f.bf) AS migrapro
FROM city.persons r
JOIN features p USING (person_id)
LEFT JOIN links l ON l.child_id = r.person_id
LEFT JOIN features m ON m.person_id = coalesce(r.mother_id, l.mother_id)
LEFT JOIN features f ON f.person_id = coalesce(r.father_id, l.father_id);
SELECT definition,
       round(100.0 * count(*) FILTER (WHERE has) / count(*), 1) AS "with %",
       round(100.0 * count(*) FILTER (WHERE NOT has) / count(*), 1) AS "without %",
       round(100.0 * count(*) FILTER (WHERE has IS NULL) / count(*), 1) AS "not determinable %"
FROM backgrounds b,
LATERAL (VALUES (1, 'Mikrozensus 2005, narrow sense', has_migration_background(b.mz_narrow)),
                (2, 'Mikrozensus 2005, wide sense', has_migration_background(b.mz_wide)),
                (3, 'Destatis, current wording', has_migration_background(b.destatis)),
                (4, 'Einwanderungsgeschichte (2023)', has_migration_background(b.ewg)),
                (5, 'MighEV 2010 (Federal Employment Agency)', has_migration_background(b.mighev)),
                (6, 'Zensus 2011', has_migration_background(b.zensus2011)),
                (7, 'MigraPro (municipal statistics)', has_migration_background(b.migrapro))) AS v(ord, definition, has)
GROUP BY v.ord, v.definition ORDER BY v.ord;
\echo '   The survey definitions need both parents'' features; a register has them for linked minors only, so'
\echo '   for most adults they are not determinable (never counted as "without"). MigraPro was made for registers.'
\echo '   MigraPro groups:'
SELECT migrapro AS "MigraPro group", count(*) AS persons, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS "%"
FROM backgrounds GROUP BY migrapro ORDER BY migrapro;

\echo '== Segregation across the 60 districts, with inference (200 replicates, seed 1)'
CREATE TEMP TABLE district_counts AS
SELECT district, count(*) AS total,
       count(*) FILTER (WHERE foreigner) AS foreigners,
       count(*) FILTER (WHERE NOT foreigner AND has_migration_background(migrapro)) AS germans_with_mh,
       count(*) FILTER (WHERE NOT has_migration_background(migrapro) OR has_migration_background(migrapro) IS NULL)
           AS without_mh
FROM backgrounds GROUP BY district;
SELECT index, round(estimate::numeric, 4) AS estimate, round(expected::numeric, 4) AS "under random allocation",
       round(bias_corrected::numeric, 4) AS "bias-corrected", round(ci_lower::numeric, 4) AS "95% lower",
       round(ci_upper::numeric, 4) AS "95% upper", round(p_value::numeric, 4) AS p
FROM (SELECT 'foreigners vs rest' AS what,
             (segregation_inference(ARRAY[foreigners, total - foreigners], 'dissimilarity', 200, 1)).*
      FROM district_counts
      UNION ALL
      SELECT 'three groups', (segregation_inference(ARRAY[foreigners, germans_with_mh, without_mh],
                                                    'mutual_information', 200, 1)).*
      FROM district_counts) r;
SELECT round(dissimilarity(foreigners, total - foreigners)::numeric, 4) AS "D foreigners",
       round(theil(foreigners, total - foreigners)::numeric, 4) AS "Theil H",
       round(isolation(foreigners, total - foreigners)::numeric, 4) AS "isolation xPx",
       round(dissimilarity(ARRAY[foreigners, germans_with_mh, without_mh])::numeric, 4) AS "multigroup D"
FROM district_counts;

\echo '== In space: queen contiguity of the district polygons, Morrill''s D(adj), Moran''s I of the foreigner share'
CREATE TEMP TABLE district_queen AS
SELECT * FROM weights_queen('SELECT district AS unit, geom FROM city.districts');
SELECT count(*) AS "neighbour pairs", round(count(*)::numeric / 60, 2) AS "mean neighbours",
       round(adjusted_dissimilarity('SELECT district AS unit, foreigners AS x, total AS t FROM district_counts',
                                    'SELECT * FROM district_queen')::numeric, 4) AS "Morrill D(adj)",
       round(spatial_proximity('SELECT district AS unit, foreigners AS x, total AS t FROM district_counts',
                               'SELECT * FROM district_queen')::numeric, 4) AS "White SP"
FROM district_queen;
SELECT round(i::numeric, 4) AS "Moran's I", round(expected::numeric, 4) AS "E[I]", round(z_sim::numeric, 2) AS z,
       round(p_sim::numeric, 4) AS "p (999 permutations, seed 1)"
FROM morans_i('SELECT district AS unit, foreigners::float8 / total AS value FROM district_counts',
              'SELECT * FROM district_queen', 999, 1);

\echo '== Local statistics by district: LISA clusters (Anselin 1995, p < 0.05) and Getis-Ord Gi*'
CREATE TEMP TABLE district_local AS
SELECT l.unit::int AS district, l.value AS foreigner_share, l.local_i, l.p_sim, l.cluster, g.gi_star
FROM local_morans_i('SELECT district AS unit, foreigners::float8 / total AS value FROM district_counts',
                    'SELECT * FROM district_queen', 999, 1) l
JOIN getis_ord_gi_star('SELECT district AS unit, foreigners::float8 / total AS value FROM district_counts',
                       'SELECT * FROM district_queen') g USING (unit);
SELECT cluster, count(*) AS districts, round(100 * avg(foreigner_share)::numeric, 1) AS "mean foreigners %",
       round(min(gi_star)::numeric, 2) AS "Gi* min", round(max(gi_star)::numeric, 2) AS "Gi* max"
FROM district_local GROUP BY cluster ORDER BY cluster;

\echo '== A map: districts coloured by LISA cluster, written to the file below (open it in a browser)'
\pset tuples_only on
\pset format unaligned
SELECT :'map' AS "map file";
\o :map
WITH ext AS (SELECT ST_Extent(geom) AS b FROM city.districts),
colours(cluster, colour, label) AS (VALUES
    ('high-high', '#d7191c', 'high-high: high share, high-share neighbours'),
    ('low-low', '#2c7bb6', 'low-low: low share, low-share neighbours'),
    ('high-low', '#fdae61', 'high-low: high share among low'),
    ('low-high', '#abd9e9', 'low-high: low share among high'),
    ('not significant', '#eeeeee', 'not significant (p >= 0.05)'))
SELECT format('<svg xmlns="http://www.w3.org/2000/svg" viewBox="%s %s %s %s" font-family="sans-serif">',
              ST_XMin(b) - 500, -ST_YMax(b) - 500, ST_XMax(b) - ST_XMin(b) + 14000, ST_YMax(b) - ST_YMin(b) + 1000)
    || E'\n<title>Synthetic city: LISA clusters of the foreigner share by district (migstat demo)</title>\n'
    || (SELECT string_agg(format('<path d="%s" fill="%s" stroke="#ffffff" stroke-width="40"><title>%s: %s %%, %s</title></path>',
                                 ST_AsSVG(d.geom, 0, 0), c.colour, d.name,
                                 round(100 * l.foreigner_share::numeric, 1), l.cluster), E'\n' ORDER BY d.district)
        FROM city.districts d JOIN district_local l USING (district) JOIN colours c USING (cluster))
    || E'\n'
    || (SELECT string_agg(format('<rect x="%s" y="%s" width="600" height="600" fill="%s" stroke="#999999" stroke-width="20"/>'
                                 || '<text x="%s" y="%s" font-size="500">%s</text>',
                                 ST_XMax(b) + 500, -ST_YMax(b) + 900 * n, colour,
                                 ST_XMax(b) + 1300, -ST_YMax(b) + 900 * n + 500, label), E'\n' ORDER BY n)
        FROM (SELECT *, row_number() OVER () AS n FROM colours) c)
    || E'\n</svg>'
FROM ext;
\o
\pset format aligned
\pset tuples_only off
