-- migstat demo, part 2: segregation indices for the Sacramento region (403
-- census tracts, 2000 census; CC0, test/data/sacramento), checked against PySAL.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS migstat;
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE tracts (fips text PRIMARY KEY, tot_pop int, white int, black int,
                     asian int, hisp int, wkt text);
\copy tracts FROM 'test/data/sacramento/sacramento_tracts.csv' WITH (FORMAT csv, HEADER)
ALTER TABLE tracts ADD COLUMN geom geometry(MultiPolygon, 4326);
UPDATE tracts SET geom = ST_Multi(ST_GeomFromText(wkt, 4326));
-- Areas on the spheroid, in km²: the concentration indices need real areas.
ALTER TABLE tracts ADD COLUMN area_km2 float8;
UPDATE tracts SET area_km2 = ST_Area(geom::geography) / 1e6;
-- County = first five digits of the FIPS code.
CREATE VIEW counties(code, name) AS VALUES
  ('06017', 'El Dorado'), ('06061', 'Placer'), ('06067', 'Sacramento'), ('06113', 'Yolo');

\pset footer off
\echo
\echo '== The data'
SELECT c.name AS county, count(*) AS tracts, sum(tot_pop) AS population,
       round(100.0 * sum(hisp) / sum(tot_pop), 1) AS "hispanic %",
       round(100.0 * sum(black) / sum(tot_pop), 1) AS "black %",
       round(100.0 * sum(asian) / sum(tot_pop), 1) AS "asian %"
FROM tracts t JOIN counties c ON c.code = left(t.fips, 5)
GROUP BY ROLLUP (c.name) ORDER BY c.name NULLS LAST;

\echo '== Each group against the rest of the population, whole region'
SELECT g.grp AS "group",
       round(migstat.dissimilarity(g.n, tot_pop - g.n)::numeric, 3) AS "D",
       round(migstat.gini(g.n, tot_pop - g.n)::numeric, 3) AS gini,
       round(migstat.theil(g.n, tot_pop - g.n)::numeric, 3) AS "H",
       round(migstat.atkinson(g.n, tot_pop - g.n)::numeric, 3) AS "A(0.5)",
       round(migstat.gorard(g.n, tot_pop - g.n)::numeric, 3) AS gorard,
       round(migstat.isolation(g.n, tot_pop - g.n)::numeric, 3) AS "xPx",
       round(migstat.interaction(g.n, tot_pop - g.n)::numeric, 3) AS "xPy",
       round(migstat.correlation_ratio(g.n, tot_pop - g.n)::numeric, 3) AS "eta2"
FROM tracts t
CROSS JOIN LATERAL (VALUES ('hispanic', t.hisp), ('black', t.black),
                           ('asian', t.asian), ('white', t.white)) AS g(grp, n)
GROUP BY g.grp ORDER BY "D" DESC;

\echo '== Hispanic residents against the rest, by county'
SELECT c.name AS county,
       round(migstat.dissimilarity(hisp, tot_pop - hisp)::numeric, 3) AS "D",
       round(migstat.gini(hisp, tot_pop - hisp)::numeric, 3) AS gini,
       round(migstat.theil(hisp, tot_pop - hisp)::numeric, 3) AS "H",
       round(migstat.isolation(hisp, tot_pop - hisp)::numeric, 3) AS "xPx",
       round(migstat.delta(hisp, area_km2)::numeric, 3) AS delta,
       round(migstat.absolute_concentration(hisp, tot_pop - hisp, area_km2)::numeric, 3) AS "ACO",
       round(migstat.relative_concentration(hisp, tot_pop - hisp, area_km2)::numeric, 3) AS "RCO"
FROM tracts t JOIN counties c ON c.code = left(t.fips, 5)
GROUP BY c.name ORDER BY c.name;

\echo '== Two groups against each other, whole region'
SELECT round(migstat.dissimilarity(hisp, white)::numeric, 3) AS "D hispanic-white",
       round(migstat.dissimilarity(black, white)::numeric, 3) AS "D black-white",
       round(migstat.dissimilarity(asian, white)::numeric, 3) AS "D asian-white",
       round(migstat.interaction(black, white)::numeric, 3) AS "xPy black-white"
FROM tracts;

\echo '== Checked against PySAL''s published values (hispanic vs rest, areas in square degrees)'
SELECT name, pysal, round(value::numeric, 12) AS migstat, abs(value - pysal) < 1e-9 AS agrees
FROM (SELECT migstat.dissimilarity(hisp, tot_pop - hisp) AS d,
             migstat.gini(hisp, tot_pop - hisp) AS gini,
             migstat.delta(hisp, ST_Area(geom)) AS delta,
             migstat.absolute_concentration(hisp, tot_pop - hisp, ST_Area(geom)) AS aco
      FROM tracts) r,
LATERAL (VALUES ('D', 0.32184656076566864::float8, r.d),
                ('Gini', 0.43506510676886234, r.gini),
                ('Delta', 0.8044969214141899, r.delta),
                ('ACO', 0.8512824549657465, r.aco)) AS v(name, pysal, value);

\echo '== Four groups at once (white, black, asian, hispanic), by county'
SELECT c.name AS county,
       round(migstat.dissimilarity(ARRAY[white, black, asian, hisp]::bigint[])::numeric, 3) AS "D",
       round(migstat.theil(ARRAY[white, black, asian, hisp]::bigint[])::numeric, 3) AS "H",
       round(migstat.mutual_information(ARRAY[white, black, asian, hisp]::bigint[])::numeric, 3) AS "M",
       round(migstat.normalized_diversity(ARRAY[white, black, asian, hisp]::bigint[])::numeric, 3) AS "diversity E/lnK"
FROM tracts t JOIN counties c ON c.code = left(t.fips, 5)
GROUP BY ROLLUP (c.name) ORDER BY c.name NULLS LAST;

\echo '== How much of the segregation lies between the counties, how much within them (M = between + within)'
SELECT round(total::numeric, 4) AS "M", round(between::numeric, 4) AS between,
       round(within::numeric, 4) AS within, round((100 * between / total)::numeric, 1) AS "between %"
FROM (SELECT (migstat.mutual_information_decomposition(ARRAY[white, black, asian, hisp]::bigint[], left(fips, 5))).*
      FROM tracts) d;

\echo '== Is it more than chance? Hispanic vs rest, 200 replicates, seed 1'
SELECT index, round(estimate::numeric, 4) AS estimate, round(expected::numeric, 4) AS "under random allocation",
       round(bias_corrected::numeric, 4) AS "bias-corrected", round(ci_lower::numeric, 4) AS "95% lower",
       round(ci_upper::numeric, 4) AS "95% upper", round(p_value::numeric, 4) AS p
FROM (SELECT (migstat.segregation_inference(ARRAY[hisp, tot_pop - hisp]::bigint[], 'dissimilarity', 200, 1)).* FROM tracts
      UNION ALL
      SELECT (migstat.segregation_inference(ARRAY[white, black, asian, hisp]::bigint[], 'mutual_information', 200, 1)).* FROM tracts) r;

\echo '== Residence statuses as a register writes them: read, classified, benefit regime today'
SET search_path = public, migstat;
CREATE TEMP TABLE register_extract (written text);
INSERT INTO register_extract VALUES ('AE §25(2)'), ('25 II 1 2. Alt. AufenthG'), ('Duldung nach § 60a AufenthG'),
  ('Gestattung'), ('NE § 26 Abs. 3'), ('Daueraufenthalt-EU'), ('§ 24 AufenthG (Ukraine)'), ('Blaue Karte EU'),
  ('§2 Abs 2 Nr 1a FreizuegG/EU'), ('§ 19a AufenthG a.F.');
SELECT written AS "as written", s AS "canonical", auslaenderstatistik_group(s) AS "Ausländerstatistik",
       schutzsuchende_group(s) AS "Schutzsuchende", coalesce(precarity_reason(s), '') AS precarious,
       benefit_regime(s, current_date) AS "benefit regime today"
FROM (SELECT written, written::residence_status AS s FROM register_extract) r;
\echo '   (§ 19a AufenthG without a date reads as its only meaning, the Blaue Karte EU until 29.02.2020;'
\echo '    residence_status(text, as_of) reads a citation in the law of a date.)'
