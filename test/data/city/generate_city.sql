-- A synthetic city for the demo (make demo) and for trying migstat on
-- something the size of a large German city: about 600,000 persons in 60
-- statistical districts with polygons, built on the register generator
-- (test/data/register/generate_register.sql, which must be loaded first) and
-- deterministic for a seed.  Demo tooling: not installed by the extension.
--
--   \i test/data/register/generate_register.sql
--   \i test/data/city/generate_city.sql
--   SELECT citysim.build_city(600000, 60, seed => 1);
--
-- Tables (schema city):
--   city.districts (district, name, geom Polygon EPSG:25832, area_km2)
--   city.addresses (address_id, district, geom Point EPSG:25832)
--   city.persons   the register generator's columns plus residence_status
--
-- The shape: an ellipse of 22 x 16 km around a centre in UTM zone 32N
-- (EPSG:25832; the centre lies where Cologne's is, E 356,000 N 5,645,000),
-- cut into 60 districts by the Voronoi tessellation of 60 seed points.
-- Segregation in space: the generator gives every district a factor that
-- scales its share of immigrant households (0.4-1.6); the districts are laid
-- onto the cells so that the factor falls with the distance from a point
-- north-east of the centre, with noise, so neighbouring districts are alike
-- (positive spatial autocorrelation), as the high-immigration districts of a
-- city cluster along its industrial belt.
--
-- Residence statuses of foreigners: plausible proportions by citizenship,
-- chosen by the authors for a demonstration (EU citizens under the
-- FreizügG/EU; Ukrainians mostly § 24; nationals of the main asylum countries
-- recognised, in procedure or tolerated; other third-country nationals
-- mostly settled or in family reunification; children by §§ 32-35).  They
-- are not calibrated to a published distribution.

CREATE SCHEMA IF NOT EXISTS citysim;

-- A residence status for a foreigner: the canonical citation drawn from a
-- uniform number x by citizenship and age.  EU/EEA/Swiss citizens (and the
-- British under the withdrawal agreement) hold free-movement rights.
CREATE OR REPLACE FUNCTION citysim.draw_status(citizenship text, free_movement boolean, age integer, x float8)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
    WHEN citizenship = 'GB' THEN '§ 16 FreizügG/EU'
    WHEN free_movement AND age < 18 THEN '§ 2 Abs. 2 Nr. 6 FreizügG/EU'
    WHEN free_movement THEN
        CASE WHEN x < 0.50 THEN '§ 2 Abs. 2 Nr. 1 FreizügG/EU'
             WHEN x < 0.60 THEN '§ 2 Abs. 2 Nr. 6 FreizügG/EU'
             WHEN x < 0.68 THEN '§ 2 Abs. 2 Nr. 5 FreizügG/EU'
             WHEN x < 0.73 THEN '§ 2 Abs. 2 Nr. 2 FreizügG/EU'
             WHEN x < 0.76 THEN '§ 2 Abs. 2 Nr. 1a FreizügG/EU'
             ELSE '§ 2 Abs. 2 Nr. 7 FreizügG/EU' END
    WHEN citizenship = 'UA' THEN
        CASE WHEN x < 0.85 THEN '§ 24 AufenthG' WHEN x < 0.90 THEN '§ 9 AufenthG'
             WHEN x < 0.95 THEN '§ 18b AufenthG' ELSE '§ 28 Abs. 1 S. 1 Nr. 1 AufenthG' END
    WHEN citizenship IN ('SY', 'AF', 'IQ', 'ER', 'SO', 'IR', 'NG', 'PK') THEN
        CASE WHEN x < 0.28 THEN '§ 25 Abs. 2 S. 1 Alt. 1 AufenthG'
             WHEN x < 0.46 THEN '§ 25 Abs. 2 S. 1 Alt. 2 AufenthG'
             WHEN x < 0.49 THEN '§ 25 Abs. 1 AufenthG'
             WHEN x < 0.54 THEN '§ 25 Abs. 3 AufenthG'
             WHEN x < 0.64 THEN '§ 26 Abs. 3 AufenthG'
             WHEN x < 0.75 THEN '§ 55 AsylG'
             WHEN x < 0.83 THEN '§ 60a Abs. 2 S. 1 AufenthG'
             WHEN x < 0.85 THEN '§ 60b AufenthG'
             WHEN x < 0.88 THEN '§ 104c AufenthG'
             WHEN x < 0.90 THEN '§ 25b AufenthG'
             WHEN age < 18 THEN '§ 32 AufenthG'
             ELSE '§ 36a AufenthG' END
    WHEN citizenship IN ('XXA', 'XXX') THEN
        CASE WHEN x < 0.3 THEN '§ 25 Abs. 5 AufenthG' WHEN x < 0.6 THEN '§ 60a Abs. 2 S. 1 AufenthG'
             ELSE '§ 9 AufenthG' END
    WHEN age < 18 THEN
        CASE WHEN x < 0.50 THEN '§ 32 AufenthG' WHEN x < 0.75 THEN '§ 33 AufenthG'
             WHEN x < 0.90 THEN '§ 35 AufenthG' ELSE '§ 28 Abs. 1 S. 1 Nr. 2 AufenthG' END
    WHEN citizenship IN ('US', 'IN', 'CN', 'VN', 'BR', 'JP', 'KR', 'CA', 'AU') THEN
        CASE WHEN x < 0.20 THEN '§ 18g AufenthG' WHEN x < 0.35 THEN '§ 18b AufenthG'
             WHEN x < 0.55 THEN '§ 16b AufenthG' WHEN x < 0.65 THEN '§ 18c Abs. 2 AufenthG'
             WHEN x < 0.75 THEN '§ 9 AufenthG' WHEN x < 0.90 THEN '§ 30 AufenthG'
             ELSE '§ 21 AufenthG' END
    ELSE
        CASE WHEN x < 0.35 THEN '§ 9 AufenthG' WHEN x < 0.42 THEN '§ 9a AufenthG'
             WHEN x < 0.52 THEN '§ 28 Abs. 1 S. 1 Nr. 1 AufenthG' WHEN x < 0.67 THEN '§ 30 AufenthG'
             WHEN x < 0.72 THEN '§ 18a AufenthG' WHEN x < 0.80 THEN '§ 18b AufenthG'
             WHEN x < 0.85 THEN '§ 19c AufenthG' WHEN x < 0.91 THEN '§ 16b AufenthG'
             WHEN x < 0.95 THEN '§ 31 Abs. 1 AufenthG' ELSE '§ 60a Abs. 2 S. 1 AufenthG' END
END;

CREATE OR REPLACE FUNCTION citysim.build_city(persons integer DEFAULT 600000, districts integer DEFAULT 60,
                                              seed bigint DEFAULT 1)
RETURNS text LANGUAGE plpgsql AS $build$
DECLARE
    t0 timestamptz := clock_timestamp();
BEGIN
    DROP SCHEMA IF EXISTS city CASCADE;
    CREATE SCHEMA city;

    -- The register.
    CREATE TABLE city.persons AS
    SELECT * FROM regsim.generate_register(persons, seed => seed, districts => districts);
    ALTER TABLE city.persons ADD PRIMARY KEY (person_id);

    -- District cells: seed points in the ellipse (a point in the unit disc by
    -- sqrt-radius, stretched), Voronoi cells clipped to the ellipse.
    CREATE TABLE city.cells AS
    WITH shape AS (
        SELECT ST_Translate(ST_Scale(ST_Buffer(ST_MakePoint(0, 0), 1, 32), 11000, 8000),
                            356000, 5645000) AS geom
    ), pts AS (
        SELECT i, ST_SetSRID(ST_MakePoint(356000 + 11000 * sqrt(regsim.u(seed, -1000 - i, 1)) * cos(2 * pi() * regsim.u(seed, -1000 - i, 2)),
                                          5645000 + 8000 * sqrt(regsim.u(seed, -1000 - i, 1)) * sin(2 * pi() * regsim.u(seed, -1000 - i, 2))),
                          25832) AS pt
        FROM generate_series(1, districts) i
    ), vor AS (
        SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(pt), 0, ST_Expand((SELECT geom FROM shape), 1000)))).geom AS cell
        FROM pts
    )
    SELECT p.i, p.pt,
           ST_SetSRID(ST_Intersection(v.cell, (SELECT geom FROM shape)), 25832) AS geom,
           -- the segregation score: near a point 4 km north-east of the
           -- centre is high, with noise of about 2.5 km
           - ST_Distance(p.pt, ST_SetSRID(ST_MakePoint(359000, 5648000), 25832))
           + 2500 * (regsim.u(seed, -1000 - p.i, 3) - 0.5) AS score
    FROM pts p JOIN vor v ON ST_Contains(ST_SetSRID(v.cell, 25832), p.pt);

    -- Districts by the generator's immigrant factor (its stream 4 of the
    -- district key) onto cells by score: high factor, high score.
    CREATE TABLE city.districts AS
    WITH d AS (
        SELECT g AS district, row_number() OVER (ORDER BY 0.4 + 1.2 * regsim.u(seed, -g, 4) DESC) AS r
        FROM generate_series(1, districts) g
    ), c AS (
        SELECT geom, row_number() OVER (ORDER BY score DESC) AS r FROM city.cells
    )
    SELECT d.district, format('District %s', lpad(d.district::text, 2, '0')) AS name,
           c.geom::geometry(Polygon, 25832) AS geom,
           round((ST_Area(c.geom) / 1e6)::numeric, 2) AS area_km2
    FROM d JOIN c USING (r);
    ALTER TABLE city.districts ADD PRIMARY KEY (district);
    CREATE INDEX ON city.districts USING gist (geom);
    DROP TABLE city.cells;

    -- One geocoded point per address, inside its district.
    CREATE TABLE city.addresses AS
    WITH a AS (
        SELECT district, address_id, row_number() OVER (PARTITION BY district ORDER BY address_id) AS k,
               count(*) OVER (PARTITION BY district) AS n
        FROM (SELECT DISTINCT district, address_id FROM city.persons) s
    ), p AS (
        SELECT d.district, (g.dump).path[1] AS k, (g.dump).geom AS geom
        FROM city.districts d
        JOIN (SELECT DISTINCT district, n FROM a) an USING (district)
        CROSS JOIN LATERAL (SELECT ST_Dump(ST_GeneratePoints(d.geom, an.n::int, (seed * 1000 + d.district)::int)) AS dump) g
    )
    SELECT a.address_id, a.district, p.geom::geometry(Point, 25832) AS geom
    FROM a JOIN p ON p.district = a.district AND p.k = a.k;
    ALTER TABLE city.addresses ADD PRIMARY KEY (address_id);
    CREATE INDEX ON city.addresses USING gist (geom);

    -- Residence statuses of foreigners (first citizenship not German).
    ALTER TABLE city.persons ADD COLUMN residence_status migstat.residence_status;
    UPDATE city.persons p
    SET residence_status = citysim.draw_status(
            p.citizenship1,
            migstat.has_free_movement(p.citizenship1, p.reference_date),
            extract(year FROM age(p.reference_date, p.birth_date))::int,
            regsim.u(seed, p.person_id, 200))::migstat.residence_status
    WHERE p.citizenship1 IS DISTINCT FROM 'DE';
    ANALYZE city.persons;
    ANALYZE city.districts;
    ANALYZE city.addresses;

    RETURN format('city: %s persons, %s districts, %s addresses in %s s',
                  (SELECT count(*) FROM city.persons), (SELECT count(*) FROM city.districts),
                  (SELECT count(*) FROM city.addresses),
                  round(extract(epoch FROM clock_timestamp() - t0)::numeric, 1));
END
$build$;
