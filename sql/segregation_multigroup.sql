-- Multigroup aggregates over count arrays and local per-unit values:
-- hand-computed cases, identities, the Sacramento reference values, errors.
\set VERBOSITY default
\set SHOW_CONTEXT never

-- Two units, three groups: u1 = (10, 0, 0), u2 = (0, 10, 10).
-- T_k = (10, 10, 10), T = 30, pi_k = 1/3, I = 3 (1/3)(2/3) = 2/3, E = ln 3.
CREATE TABLE two_units (unit int, counts bigint[]);
INSERT INTO two_units VALUES (1, '{10,0,0}'), (2, '{0,10,10}');

-- D: sum_ik |t_ik - t_i pi_k|: u1 20/3 + 10/3 + 10/3 = 40/3, u2 20/3 + 10/3 + 10/3
--    = 40/3; (80/3) / (2 T I = 40) = 2/3
-- Gini: ordered pairs 2 * 10 * 20 * (|1-0| + |0-1/2| + |0-1/2|) = 800;
--    / (2 T^2 I = 1200) = 2/3
-- M = E - sum (t_i/T) E_i = ln 3 - (1/3 * 0 + 2/3 * ln 2)
-- H = M / E = 1 - (2/3) ln 2 / ln 3
-- V_k = sum_i t_i (pi_ik - pi_k)^2: k1 10 (2/3)^2 + 20 (1/3)^2 = 20/3,
--    k2 = k3 = 10 (1/3)^2 + 20 (1/6)^2 = 5/3; sum 10
-- relative diversity = 10 / (T I = 20) = 1/2
-- normalised exposure = sum_k V_k / ((1 - pi_k) T = 20) = 1/2
-- squared coefficient of variation = sum_k V_k / (T (K-1) pi_k = 20) = 1/2
SELECT abs(migstat.dissimilarity(counts) - 2/3.0) < 1e-12 AS d_ok,
       abs(migstat.gini(counts) - 2/3.0) < 1e-12 AS gini_ok,
       abs(migstat.mutual_information(counts) - (ln(3) - 2/3.0 * ln(2))) < 1e-12 AS m_ok,
       abs(migstat.theil(counts) - (1 - 2/3.0 * ln(2) / ln(3))) < 1e-12 AS h_ok,
       abs(migstat.relative_diversity(counts) - 0.5) < 1e-12 AS rd_ok,
       abs(migstat.normalized_exposure(counts) - 0.5) < 1e-12 AS ne_ok,
       abs(migstat.squared_coefficient_of_variation(counts) - 0.5) < 1e-12 AS scv_ok,
       abs(migstat.diversity(counts) - ln(3)) < 1e-12 AS e_ok,
       abs(migstat.normalized_diversity(counts) - 1) < 1e-12 AS en_ok,
       abs(migstat.simpson_interaction(counts) - 2/3.0) < 1e-12 AS si_ok,
       abs(migstat.simpson_concentration(counts) - 1/3.0) < 1e-12 AS sc_ok,
       migstat.group_totals(counts) AS totals
FROM two_units;

-- Local values against the totals {10,10,10}:
-- location quotients u1 (1/(1/3), 0, 0) = {3,0,0}, u2 {0,1.5,1.5};
-- local segregation u1 ln 3, u2 2 (1/2) ln(3/2) = ln 1.5;
-- local entropy u1 0, u2 ln 2 / ln 3; local Simpson u1 0, u2 1/2.
SELECT unit,
       migstat.location_quotients(counts, totals) AS lq,
       round(migstat.local_segregation(counts, totals)::numeric, 12) AS ls,
       round(migstat.local_entropy(counts, totals)::numeric, 12) AS entropy,
       migstat.local_simpson(counts) AS simpson
FROM (SELECT unit, counts, migstat.group_totals(counts) OVER () AS totals FROM two_units) s
ORDER BY unit;
SELECT round(ln(3)::numeric, 12) AS ln_3,
       round(ln(1.5)::numeric, 12) AS ln_1_5, round((ln(2) / ln(3))::numeric, 12) AS ln2_ln3;

-- Sacramento: white, black, asian, hisp; PySAL's test values
-- (pysal/segregation, tests of the multigroup indices), to 1e-9, with
-- bigint[] and double precision[] input.
CREATE TABLE sacramento_mg (fips text PRIMARY KEY, tot_pop int, white int, black int,
                         asian int, hisp int, wkt text);
\copy sacramento_mg FROM 'test/data/sacramento/sacramento_tracts.csv' WITH (FORMAT csv, HEADER)
CREATE TABLE sac_arrays AS
SELECT fips, ARRAY[white, black, asian, hisp]::bigint[] AS c FROM sacramento_mg;

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
    SELECT shape, key AS name, value::float8 AS value
    FROM (SELECT 'bigint[]' AS shape,
                 migstat.dissimilarity(c) AS dissimilarity, migstat.gini(c) AS gini,
                 migstat.theil(c) AS theil, migstat.mutual_information(c) AS mutual_information,
                 migstat.normalized_exposure(c) AS normalized_exposure,
                 migstat.relative_diversity(c) AS relative_diversity,
                 migstat.squared_coefficient_of_variation(c) AS squared_coefficient_of_variation,
                 migstat.diversity(c) AS diversity, migstat.normalized_diversity(c) AS normalized_diversity,
                 migstat.simpson_concentration(c) AS simpson_concentration,
                 migstat.simpson_interaction(c) AS simpson_interaction
          FROM sac_arrays
          UNION ALL
          SELECT 'double precision[]',
                 migstat.dissimilarity(c::float8[]), migstat.gini(c::float8[]),
                 migstat.theil(c::float8[]), migstat.mutual_information(c::float8[]),
                 migstat.normalized_exposure(c::float8[]), migstat.relative_diversity(c::float8[]),
                 migstat.squared_coefficient_of_variation(c::float8[]),
                 migstat.diversity(c::float8[]), migstat.normalized_diversity(c::float8[]),
                 migstat.simpson_concentration(c::float8[]), migstat.simpson_interaction(c::float8[])
          FROM sac_arrays) r,
    LATERAL jsonb_each_text(to_jsonb(r) - 'shape')
)
SELECT r.name, round(r.pysal::numeric, 12) AS pysal,
       bool_and(abs(c.value - r.pysal) < 1e-9) AS agrees, count(*) AS shapes
FROM reference r JOIN computed c USING (name)
GROUP BY r.name, r.pysal ORDER BY r.name;

-- Identities on the Sacramento data.
WITH units AS (
    SELECT c, (c[1] + c[2] + c[3] + c[4])::float8 AS t,
           migstat.group_totals(c) OVER () AS totals,
           sum(c[1] + c[2] + c[3] + c[4]) OVER ()::float8 AS grand
    FROM sac_arrays
)
SELECT abs((SELECT migstat.theil(c) * migstat.diversity(c) - migstat.mutual_information(c) FROM sac_arrays)) < 1e-12 AS h_times_e_is_m,
       abs(sum(t / grand * migstat.local_segregation(c, totals))
           - (SELECT migstat.mutual_information(c) FROM sac_arrays)) < 1e-12 AS local_scores_sum_to_m,
       abs((SELECT migstat.simpson_interaction(c) + migstat.simpson_concentration(c) FROM sac_arrays) - 1) < 1e-12 AS simpson_sum_is_1
FROM units;

-- K = 2: multigroup D equals the two-group D, Gini too.
SELECT abs(migstat.dissimilarity(ARRAY[hisp, tot_pop - hisp]::bigint[])
           - migstat.dissimilarity(hisp, tot_pop - hisp)) < 1e-12 AS d_k2,
       abs(migstat.gini(ARRAY[hisp, tot_pop - hisp]::bigint[])
           - migstat.gini(hisp, tot_pop - hisp)) < 1e-12 AS gini_k2
FROM sacramento_mg;

-- An empty category changes nothing; nor does the order of rows, nor
-- units without people.
SELECT abs(migstat.dissimilarity(c || 0::bigint) - migstat.dissimilarity(c)) < 1e-15 AS d_empty_group,
       abs(migstat.squared_coefficient_of_variation(c || 0::bigint)
           - migstat.squared_coefficient_of_variation(c)) < 1e-15 AS scv_empty_group,
       abs(migstat.normalized_diversity(c || 0::bigint) - migstat.normalized_diversity(c)) < 1e-15 AS en_empty_group
FROM sac_arrays;
SELECT abs((SELECT migstat.gini(c ORDER BY fips DESC) FROM sac_arrays)
           - (SELECT migstat.gini(c ORDER BY fips) FROM sac_arrays)) < 1e-12 AS gini_order,
       abs((SELECT migstat.dissimilarity(c) FROM (SELECT c FROM sac_arrays UNION ALL VALUES ('{0,0,0,0}'::bigint[])) s)
           - (SELECT migstat.dissimilarity(c) FROM sac_arrays)) < 1e-15 AS d_empty_unit;

-- Edge cases ------------------------------------------------------------

-- NULL arrays are skipped; no rows, or only empty units: NULL.
SELECT migstat.dissimilarity(c) IS NULL AS no_rows FROM sac_arrays WHERE false;
SELECT migstat.theil(c) IS NULL AS only_empty_units
FROM (VALUES ('{0,0}'::bigint[]), ('{0,0}'), (NULL)) AS v(c);
SELECT migstat.mutual_information(c) = (SELECT migstat.mutual_information(counts) FROM two_units) AS null_skipped
FROM (SELECT counts FROM two_units UNION ALL VALUES (NULL::bigint[])) AS v(c);
-- Only one group with members: segregation undefined, NULL; diversity is 0.
SELECT migstat.dissimilarity(c) IS NULL AS d, migstat.theil(c) IS NULL AS h,
       migstat.normalized_diversity(c) IS NULL AS en, migstat.diversity(c) AS e
FROM (VALUES ('{5,0}'::bigint[]), ('{3,0}')) AS v(c);

-- Bad input.
SELECT migstat.dissimilarity(c) FROM (VALUES ('{1,2,3}'::bigint[]), ('{1,2}')) AS v(c);
SELECT migstat.gini(c) FROM (VALUES ('{1,-2,3}'::bigint[])) AS v(c);
SELECT migstat.theil(c) FROM (VALUES ('{1,NaN}'::float8[])) AS v(c);
SELECT migstat.theil(c) FROM (VALUES ('{1,NULL,3}'::bigint[])) AS v(c);
SELECT migstat.mutual_information(c) FROM (VALUES ('{5}'::bigint[])) AS v(c);
SELECT migstat.mutual_information(c) FROM (VALUES ('{}'::bigint[])) AS v(c);
SELECT migstat.diversity(c) FROM (VALUES ('{{1,2},{3,4}}'::bigint[])) AS v(c);
SELECT migstat.local_segregation('{1,2}', '{1,2,3}');
SELECT migstat.local_entropy('{1,2}', '{-1,2}');
SELECT migstat.location_quotients('{1,2}', '{0,2}') AS lq_undefined_for_empty_group;
SELECT migstat.local_segregation('{0,0}', '{1,2}') IS NULL AS empty_unit;

-- integer[] arrays (ARRAY[] of integer columns) have their own overloads:
-- no ambiguity between bigint[] and double precision[].
SELECT migstat.dissimilarity(ARRAY[white, black, asian, hisp]) = migstat.dissimilarity(ARRAY[white, black, asian, hisp]::bigint[]) AS int_array_same,
       migstat.group_totals(ARRAY[white, black, asian, hisp]) AS totals
FROM sacramento_mg;
SELECT (migstat.mutual_information_decomposition(ARRAY[white, black, asian, hisp], left(fips, 5))).total
       = migstat.mutual_information(ARRAY[white, black, asian, hisp]) AS int_array_decomposition
FROM sacramento_mg;
SELECT migstat.gini(c) FROM (VALUES ('{1,-2}'::int[])) AS v(c);
-- As a window aggregate, errors name "migstat aggregate" (the executor does
-- not say which aggregate runs).
SELECT migstat.theil(c) OVER () FROM (VALUES ('{1,-2}'::int[])) AS v(c);
