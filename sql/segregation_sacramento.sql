-- Reference values on the Sacramento tracts (403 census tracts, 2000 census,
-- CC0; test/data/sacramento).  Expected values are those PySAL's test suite
-- asserts (pysal/segregation, tests of the singlegroup indices; listed in
-- docs/segregation.md): hisp against the rest of tot_pop.  Agreement to 1e-9.
-- Delta, ACO and RCO use the planar areas of the EPSG:4326 polygons (square
-- degrees), as PySAL's test does; they are computed here with PostGIS.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE TABLE sacramento (fips text PRIMARY KEY, tot_pop int, white int, black int,
                         asian int, hisp int, wkt text);
\copy sacramento FROM 'test/data/sacramento/sacramento_tracts.csv' WITH (FORMAT csv, HEADER)
ALTER TABLE sacramento ADD COLUMN area_deg2 float8;
UPDATE sacramento SET area_deg2 = ST_Area(ST_GeomFromText(wkt, 4326));

SELECT count(*) AS tracts, sum(tot_pop) AS population, sum(hisp) AS hispanic FROM sacramento;

WITH computed AS (
    SELECT migstat.dissimilarity(hisp, tot_pop - hisp) AS dissimilarity,
           migstat.gini(hisp, tot_pop - hisp) AS gini,
           migstat.theil(hisp, tot_pop - hisp) AS theil,
           migstat.atkinson(hisp, tot_pop - hisp) AS atkinson,
           migstat.atkinson(hisp, tot_pop - hisp, 0.5) AS atkinson_05,
           migstat.isolation(hisp, tot_pop - hisp) AS isolation,
           migstat.interaction(hisp, tot_pop - hisp) AS interaction,
           migstat.correlation_ratio(hisp, tot_pop - hisp) AS correlation_ratio,
           migstat.delta(hisp, area_deg2) AS delta,
           migstat.absolute_concentration(hisp, tot_pop - hisp, area_deg2) AS absolute_concentration,
           migstat.relative_concentration(hisp, tot_pop - hisp, area_deg2) AS relative_concentration
    FROM sacramento
), reference(name, pysal) AS (VALUES
    ('dissimilarity', 0.32184656076566864),
    ('gini', 0.43506510676886234),
    ('theil', 0.09626774479970557),
    ('atkinson', 0.15079259382667654),
    ('atkinson_05', 0.15079259382667654),
    ('isolation', 0.2319615486459151),
    ('interaction', 0.7680384513540848),
    ('correlation_ratio', 0.09164042012926693),
    ('delta', 0.8044969214141899),
    ('absolute_concentration', 0.8512824549657465),
    ('relative_concentration', 0.12733820870675222)
)
SELECT r.name, round(r.pysal::numeric, 12) AS pysal,
       round(v.value::numeric, 12) AS migstat,
       abs(v.value - r.pysal) < 1e-9 AS agrees
FROM reference r
JOIN (SELECT key AS name, value::float8 AS value
      FROM computed c, jsonb_each_text(to_jsonb(c))) AS v USING (name)
ORDER BY r.name;

-- The bigint and float8 overloads agree on the reference data.
SELECT abs(migstat.dissimilarity(hisp::float8, (tot_pop - hisp)::float8)
           - migstat.dissimilarity(hisp::bigint, (tot_pop - hisp)::bigint)) < 1e-15 AS overloads_agree
FROM sacramento;
