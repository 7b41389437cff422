-- Long-form multigroup aggregates (unit, group, count) and the between/within
-- decomposition of M.
\set VERBOSITY default
\set SHOW_CONTEXT never

CREATE TABLE sacramento_lf (fips text PRIMARY KEY, tot_pop int, white int, black int,
                            asian int, hisp int, wkt text);
\copy sacramento_lf FROM 'test/data/sacramento/sacramento_tracts.csv' WITH (FORMAT csv, HEADER)
-- One row per tract and group, as statistics tables are stored.
CREATE TABLE tract_group AS
SELECT fips, grp, n
FROM sacramento_lf, LATERAL (VALUES ('white', white), ('black', black),
                                    ('asian', asian), ('hisp', hisp)) AS v(grp, n);

-- PySAL's multigroup reference values, to 1e-9, from long-form rows.
WITH reference(name, pysal) AS (VALUES
    ('dissimilarity', 0.41340872573177806),
    ('gini', 0.5456349992598081),
    ('theil', 0.1710160297858887),
    ('mutual_information', 0.16645182134289443),
    ('normalized_exposure', 0.18821879029994157),
    ('relative_diversity', 0.15820019878220337),
    ('squared_coefficient_of_variation', 0.11875484641127525),
    ('diversity', 0.9733112243997906),
    ('normalized_diversity', 0.7020956383415715),
    ('simpson_concentration', 0.49182413151957904),
    ('simpson_interaction', 0.508175868480421)
), computed AS (
    SELECT key AS name, value::float8 AS value
    FROM (SELECT migstat.dissimilarity(fips, grp, n) AS dissimilarity,
                 migstat.gini(fips, grp, n) AS gini,
                 migstat.theil(fips, grp, n) AS theil,
                 migstat.mutual_information(fips, grp, n) AS mutual_information,
                 migstat.normalized_exposure(fips, grp, n) AS normalized_exposure,
                 migstat.relative_diversity(fips, grp, n) AS relative_diversity,
                 migstat.squared_coefficient_of_variation(fips, grp, n) AS squared_coefficient_of_variation,
                 migstat.diversity(fips, grp, n) AS diversity,
                 migstat.normalized_diversity(fips, grp, n) AS normalized_diversity,
                 migstat.simpson_concentration(fips, grp, n) AS simpson_concentration,
                 migstat.simpson_interaction(fips, grp, n) AS simpson_interaction
          FROM tract_group) r,
    LATERAL jsonb_each_text(to_jsonb(r))
)
SELECT r.name, round(r.pysal::numeric, 12) AS pysal, abs(c.value - r.pysal) < 1e-9 AS agrees
FROM reference r JOIN computed c USING (name) ORDER BY r.name;

-- Long form equals array form; keys of other types (integer units, integer
-- groups) give the same; float8 counts too.
SELECT abs(migstat.dissimilarity(fips, grp, n)
           - (SELECT migstat.dissimilarity(ARRAY[white, black, asian, hisp]::bigint[]) FROM sacramento_lf)) < 1e-12 AS d_same_as_array,
       abs(migstat.gini(fips::bigint, grp, n) - migstat.gini(fips, grp, n)) < 1e-15 AS bigint_units,
       abs(migstat.theil(fips::numeric, (CASE grp WHEN 'white' THEN 1 WHEN 'black' THEN 2 WHEN 'asian' THEN 3 ELSE 4 END), n::float8)
           - migstat.theil(fips, grp, n)) < 1e-12 AS numeric_units_int_groups
FROM tract_group;

-- Invariant to row order and to splitting a unit's count over several rows;
-- a group that appears in only some units counts as zero elsewhere.
SELECT abs(migstat.gini(fips, grp, n) - (SELECT migstat.gini(fips, grp, n ORDER BY n DESC, fips) FROM tract_group)) < 1e-12 AS order_invariant,
       abs((SELECT migstat.dissimilarity(fips, grp, part)
            FROM tract_group, LATERAL (VALUES (n / 3), (n - n / 3)) AS s(part))
           - migstat.dissimilarity(fips, grp, n)) < 1e-15 AS split_rows,
       abs((SELECT migstat.mutual_information(fips, grp, n) FROM tract_group WHERE n > 0)
           - migstat.mutual_information(fips, grp, n)) < 1e-15 AS missing_is_zero
FROM tract_group;

-- A small case by hand: unit A has 10 of group x; unit B has 10 of y and 10
-- of z; z never appears in A.  Same as the array case {10,0,0}, {0,10,10}:
-- D = 2/3, M = ln 3 - (2/3) ln 2.
SELECT abs(migstat.dissimilarity(u, g, n) - 2/3.0) < 1e-12 AS d_ok,
       abs(migstat.mutual_information(u, g, n) - (ln(3) - 2/3.0 * ln(2))) < 1e-12 AS m_ok
FROM (VALUES ('A', 'x', 10), ('B', 'y', 4), ('B', 'z', 10), ('B', 'y', 6)) AS v(u, g, n);

-- Rows with a NULL unit, group or count are skipped; one group only: NULL;
-- no rows: NULL.
SELECT migstat.dissimilarity(u, g, n) AS d
FROM (VALUES ('A', 'x', 10), ('B', 'y', 10), (NULL, 'x', 5), ('A', NULL, 5), ('B', 'x', NULL)) AS v(u, g, n);
SELECT migstat.dissimilarity(u, g, n) IS NULL AS one_group
FROM (VALUES ('A', 'x', 10), ('B', 'x', 3)) AS v(u, g, n);
SELECT migstat.theil(fips, grp, n) IS NULL AS no_rows FROM tract_group WHERE false;
SELECT migstat.gini(u, g, n) FROM (VALUES ('A', 'x', -1)) AS v(u, g, n);

-- Between/within decomposition of M: tracts (units) in counties (areas).
-- total = M of the tracts; between = M of the counties' totals;
-- within = sum over counties of (T_d / T) M(tracts in d).
SELECT round(total::numeric, 12) AS total, round(between::numeric, 12) AS between,
       round(within::numeric, 12) AS within
FROM (SELECT (migstat.mutual_information_decomposition(ARRAY[white, black, asian, hisp]::bigint[], left(fips, 5))).*
      FROM sacramento_lf) d;
WITH parts AS (
    SELECT (migstat.mutual_information_decomposition(ARRAY[white, black, asian, hisp]::bigint[], left(fips, 5))).*
    FROM sacramento_lf
), counties AS (
    SELECT left(fips, 5) AS county, sum(white + black + asian + hisp)::float8 AS t,
           ARRAY[sum(white), sum(black), sum(asian), sum(hisp)]::bigint[] AS c,
           migstat.mutual_information(ARRAY[white, black, asian, hisp]::bigint[]) AS m
    FROM sacramento_lf GROUP BY 1
)
SELECT abs(p.total - (SELECT migstat.mutual_information(ARRAY[white, black, asian, hisp]::bigint[]) FROM sacramento_lf)) < 1e-12 AS total_is_m,
       abs(p.between - (SELECT migstat.mutual_information(c) FROM counties)) < 1e-12 AS between_is_m_of_counties,
       abs(p.within - (SELECT sum(t * m) / sum(t) FROM counties)) < 1e-12 AS within_is_weighted_m,
       abs(p.between + p.within - p.total) < 1e-15 AS parts_add_up
FROM parts p;
-- One area: between is 0 and within is everything.
SELECT between = 0 AS no_between, abs(within - total) < 1e-15 AS all_within
FROM (SELECT (migstat.mutual_information_decomposition(ARRAY[white, black, asian, hisp]::bigint[], 1)).*
      FROM sacramento_lf) d;
-- Rows without an area are skipped; mixed array lengths are an error.
SELECT (migstat.mutual_information_decomposition(c, a)).total IS NULL AS all_skipped
FROM (VALUES ('{1,2}'::bigint[], NULL::text)) AS v(c, a);
SELECT migstat.mutual_information_decomposition(c, a)
FROM (VALUES ('{1,2}'::bigint[], 'x'), ('{1,2,3}', 'y')) AS v(c, a);

-- Keys of other types compare by their binary form, independent of settings:
-- float keys stay distinct even when printed with fewer digits.
SET extra_float_digits = -15;
SELECT migstat.diversity(u, g, n) IS NOT NULL AS two_units_kept,
       migstat.dissimilarity(u, g, n) AS d
FROM (VALUES (0.1::float8, 'x', 10), (0.1000000000000001::float8, 'y', 10)) AS v(u, g, n);
RESET extra_float_digits;
