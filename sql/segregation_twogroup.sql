-- Two-group segregation aggregates: hand-computed cases, edge cases, errors.
-- Each expected value is derived in the comment next to it; the query checks
-- the aggregate against that arithmetic to 1e-12.
\set VERBOSITY default
\set SHOW_CONTEXT never
SET extra_float_digits = 0;

-- Three units of 10 people: (a, b) = (10, 0), (0, 10), (5, 5).
-- X = 15, Y = 15, T = 30, P = 1/2; shares p = 1, 0, 1/2.
CREATE TABLE three (unit int, a bigint, b bigint, area float8);
INSERT INTO three VALUES (1, 10, 0, 1), (2, 0, 10, 2), (3, 5, 5, 1);

-- D = 1/2 (|10/15 - 0/15| + |0/15 - 10/15| + |5/15 - 5/15|) = 1/2 (2/3 + 2/3) = 2/3
-- Gorard = 1/2 (|10/15 - 10/30| + |0 - 10/30| + |5/15 - 10/30|) = 1/2 (1/3 + 1/3) = 1/3
-- Gini: sum_ij t_i t_j |p_i - p_j| = 100 * 2 * (|1-0| + |1-1/2| + |0-1/2|) = 400;
--       / (2 T^2 P (1-P)) = 400 / (2 * 900 * 1/4) = 8/9
-- Theil: e(P) = ln 2, e(p) = 0, 0, ln 2:
--       H = (10 ln2 + 10 ln2 + 0) / (30 ln2) = 2/3
-- isolation xPx = (10/15)(10/10) + 0 + (5/15)(5/10) = 2/3 + 1/6 = 5/6
-- interaction xPy = (10/15)(0) + 0 + (5/15)(5/10) = 1/6
-- correlation ratio = (5/6 - 1/2) / (1 - 1/2) = 2/3
-- Atkinson b = 1/2: sum (1-p)^(1/2) p^(1/2) t = 0 + 0 + (1/2)(10) = 5;
--       5 / (P T) = 1/3; A = 1 - (P/(1-P)) (1/3)^2 = 8/9
-- Atkinson b = 1/4: the same sum 5 (0.5^0.75 * 0.5^0.25 = 0.5), so
--       A = 1 - (1/3)^(1/(1-1/4)) = 1 - (1/3)^(4/3)
SELECT round(migstat.dissimilarity(a, b)::numeric, 12) AS d,
       abs(migstat.dissimilarity(a, b) - 2/3.0) < 1e-12 AS d_ok,
       abs(migstat.gorard(a, b) - 1/3.0) < 1e-12 AS gorard_ok,
       abs(migstat.gini(a, b) - 8/9.0) < 1e-12 AS gini_ok,
       abs(migstat.theil(a, b) - 2/3.0) < 1e-12 AS theil_ok,
       abs(migstat.isolation(a, b) - 5/6.0) < 1e-12 AS isolation_ok,
       abs(migstat.interaction(a, b) - 1/6.0) < 1e-12 AS interaction_ok,
       abs(migstat.correlation_ratio(a, b) - 2/3.0) < 1e-12 AS eta2_ok,
       abs(migstat.atkinson(a, b) - 8/9.0) < 1e-12 AS atkinson_ok,
       abs(migstat.atkinson(a, b, 0.25) - (1 - power(1/3.0, 4/3.0))) < 1e-12 AS atkinson_b_ok
FROM three;

-- The float8 overloads give the same values on the same counts.
SELECT migstat.dissimilarity(a::float8, b::float8) = migstat.dissimilarity(a, b) AS d_same,
       migstat.gini(a::float8, b::float8) = migstat.gini(a, b) AS gini_same,
       migstat.theil(a::float8, b::float8) = migstat.theil(a, b) AS theil_same,
       migstat.atkinson(a::float8, b::float8, 0.25) = migstat.atkinson(a, b, 0.25) AS atkinson_same
FROM three;

-- Delta with areas 1, 2, 1 (A = 4):
--   1/2 (|10/15 - 1/4| + |0 - 2/4| + |5/15 - 1/4|) = 1/2 (5/12 + 6/12 + 1/12) = 1/2
SELECT migstat.delta(a, area) AS delta FROM three;

-- Concentration: three units of 10 people, areas 1, 2, 3; group a lives in
-- the smallest.  X = 10; the smallest units holding >= 10 people: unit 1,
-- mean area 1; the largest: unit 3, mean area 3.
--   ACO = 1 - (sum x a / X - 1) / (3 - 1) = 1 - (1 - 1)/2 = 1
--   RCO = ((sum x a / X) / (sum y a / Y) - 1) / (1/3 - 1)
--       = (1 / ((10*2 + 10*3)/20) - 1) / (-2/3) = (0.4 - 1) / (-2/3) = 0.9
CREATE TABLE conc (a bigint, b bigint, area float8);
INSERT INTO conc VALUES (10, 0, 1), (0, 10, 2), (0, 10, 3);
SELECT migstat.absolute_concentration(a, b, area) AS aco,
       abs(migstat.relative_concentration(a, b, area) - 0.9) < 1e-12 AS rco_ok
FROM conc;
-- The same group living in the largest unit: ACO = 1 - (3 - 1)/(3 - 1) = 0.
SELECT migstat.absolute_concentration(a, b, area) AS aco
FROM (VALUES (0, 10, 1.0), (0, 10, 2.0), (10, 0, 3.0)) AS v(a, b, area);
-- All areas equal: both reference means are equal, ACO is 0/0: NULL.
SELECT migstat.absolute_concentration(a, b, 1.0) IS NULL AS aco_undefined,
       migstat.relative_concentration(a, b, 1.0) IS NULL AS rco_undefined
FROM conc;

-- Group vs rest and group A vs group B are both expressible:
-- group vs rest passes total - group as b.
SELECT round(migstat.dissimilarity(a, (a + b) - a)::numeric, 12) AS d_vs_rest FROM three;

-- Complete segregation and none.
SELECT migstat.dissimilarity(a, b) AS d, migstat.gini(a, b) AS gini,
       migstat.theil(a, b) AS h, migstat.isolation(a, b) AS xpx
FROM (VALUES (5, 0), (0, 7), (3, 0)) AS v(a, b);
SELECT migstat.dissimilarity(a, b) AS d, migstat.gini(a, b) AS gini,
       abs(migstat.theil(a, b)) < 1e-15 AS h_zero, migstat.correlation_ratio(a, b) AS eta2
FROM (VALUES (1, 3), (2, 6), (10, 30)) AS v(a, b);

-- Edge cases ------------------------------------------------------------

-- Empty input: NULL from every aggregate.
SELECT migstat.dissimilarity(a, b) IS NULL AS d, migstat.gini(a, b) IS NULL AS g,
       migstat.theil(a, b) IS NULL AS h, migstat.atkinson(a, b) IS NULL AS atk,
       migstat.isolation(a, b) IS NULL AS iso, migstat.delta(a, area) IS NULL AS del,
       migstat.absolute_concentration(a, b, area) IS NULL AS aco
FROM three WHERE false;

-- Rows with a NULL count or area are skipped: the result equals the one
-- without them.
SELECT migstat.dissimilarity(a, b) = (SELECT migstat.dissimilarity(a, b) FROM three) AS d_skips,
       migstat.gini(a, b) = (SELECT migstat.gini(a, b) FROM three) AS gini_skips,
       migstat.theil(a, b) = (SELECT migstat.theil(a, b) FROM three) AS theil_skips,
       migstat.delta(a, area) = (SELECT migstat.delta(a, area) FROM three) AS delta_skips
FROM (SELECT a, b, area FROM three
      UNION ALL VALUES (NULL::bigint, 4::bigint, NULL::float8), (4, NULL, NULL)) AS s;

-- Only NULL rows: NULL.
SELECT migstat.dissimilarity(a, b) IS NULL AS d_null
FROM (VALUES (NULL::bigint, NULL::bigint), (NULL, 3)) AS v(a, b);

-- Units with zero population contribute nothing (PySAL divides by zero on them).
SELECT migstat.dissimilarity(a, b) = (SELECT migstat.dissimilarity(a, b) FROM three) AS d_same,
       migstat.gini(a, b) = (SELECT migstat.gini(a, b) FROM three) AS gini_same,
       migstat.isolation(a, b) = (SELECT migstat.isolation(a, b) FROM three) AS iso_same,
       migstat.theil(a, b) = (SELECT migstat.theil(a, b) FROM three) AS theil_same,
       migstat.atkinson(a, b) = (SELECT migstat.atkinson(a, b) FROM three) AS atk_same
FROM (SELECT a, b FROM three UNION ALL VALUES (0::bigint, 0::bigint), (0, 0)) AS s;

-- A group with zero total: the index is undefined, NULL.
SELECT migstat.dissimilarity(a, b) IS NULL AS d, migstat.gini(a, b) IS NULL AS g,
       migstat.theil(a, b) IS NULL AS h, migstat.isolation(a, b) IS NULL AS iso,
       migstat.correlation_ratio(a, b) IS NULL AS eta2, migstat.atkinson(a, b) IS NULL AS atk
FROM (VALUES (0, 5), (0, 3)) AS v(a, b);
SELECT migstat.dissimilarity(a, b) IS NULL AS d, migstat.interaction(a, b) IS NULL AS xpy,
       migstat.gorard(a, b) IS NULL AS gorard
FROM (VALUES (5, 0), (3, 0)) AS v(a, b);
SELECT migstat.delta(a, area) IS NULL AS no_group, migstat.delta(1, 0.0) IS NULL AS no_area
FROM (VALUES (0, 1.0)) AS v(a, area);

-- Huge counts: bigint extremes are accepted and totals do not overflow.
-- Units (M, 0), (0, M), (M, M): D = 1/2 (1/2 + 1/2 + 0) = 1/2;
-- Gini: shares 1, 0, 1/2, totals M, M, 2M, T = 4M:
--   sum_ij t_i t_j |p_i - p_j| = 2 (M*M*1 + M*2M*1/2 + M*2M*1/2) = 6 M^2,
--   / (2 T^2 P (1-P)) = 6 M^2 / (2 * 16 M^2 / 4) = 3/4.
SELECT round(migstat.dissimilarity(a, b)::numeric, 12) AS d,
       round(migstat.gini(a, b)::numeric, 12) AS gini
FROM (VALUES (9223372036854775807, 0::bigint), (0, 9223372036854775807),
             (9223372036854775807, 9223372036854775807)) AS v(a, b);
-- float8 sums beyond the double range are an error, not infinity.
SELECT migstat.dissimilarity(a, b) FROM (VALUES (1e308::float8, 1e308::float8), (1e308, 1e308)) AS v(a, b);
SELECT migstat.theil(a, b) FROM (VALUES (1e308::float8, 1e308::float8), (1e308, 1e308)) AS v(a, b);

-- Bad values: 22023 naming the aggregate, argument and value.
SELECT migstat.dissimilarity(a, b) FROM (VALUES (3::bigint, 4::bigint), (-2, 5)) AS v(a, b);
SELECT migstat.gini(a, b) FROM (VALUES (3::float8, -0.5::float8)) AS v(a, b);
SELECT migstat.theil(a, b) FROM (VALUES ('NaN'::float8, 1::float8)) AS v(a, b);
SELECT migstat.isolation(a, b) FROM (VALUES ('Infinity'::float8, 1::float8)) AS v(a, b);
SELECT migstat.delta(a, area) FROM (VALUES (3::bigint, -1::float8)) AS v(a, area);
SELECT migstat.absolute_concentration(a, b, area) FROM (VALUES (3, 4, 'NaN'::float8)) AS v(a, b, area);
-- A bad value is an error even in a row another NULL would skip.
SELECT migstat.dissimilarity(a, b) FROM (VALUES (-1::bigint, NULL::bigint)) AS v(a, b);

-- Atkinson's shape: strictly between 0 and 1, not NULL, the same in every row.
SELECT migstat.atkinson(a, b, 1.0) FROM three;
SELECT migstat.atkinson(a, b, 0.0) FROM three;
SELECT migstat.atkinson(a, b, 'NaN') FROM three;
SELECT migstat.atkinson(a, b, NULL) FROM three;
SELECT migstat.atkinson(a, b, unit / 10.0) FROM three;

-- Integer and numeric columns work through the float8 overload.
SELECT round(migstat.dissimilarity(a::int, b::int)::numeric, 12) AS d_int,
       round(migstat.dissimilarity(a::numeric, b::numeric)::numeric, 12) AS d_numeric
FROM three;

-- GROUP BY: each group gets its own value.  Group g (0..1000) has units
-- (g, 1000-g) and (1000-g, g): X = Y = 1000 and
--   D = 1/2 * 2 * |g - (1000-g)| / 1000 = |2g - 1000| / 1000.
CREATE TABLE many AS
SELECT g, u, CASE u WHEN 1 THEN g ELSE 1000 - g END::bigint AS a,
             CASE u WHEN 1 THEN 1000 - g ELSE g END::bigint AS b,
             (u + g % 7)::float8 AS area
FROM generate_series(0, 1000) AS g, generate_series(1, 2) AS u;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE NOT abs(d - abs(2 * g - 1000) / 1000.0) < 1e-12) AS wrong_d
FROM (SELECT g, migstat.dissimilarity(a, b) AS d FROM many GROUP BY g) AS s;
-- ...and every aggregate's grouped value equals its value on the group alone.
SELECT count(*) AS groups,
       count(*) FILTER (WHERE gini IS DISTINCT FROM (SELECT migstat.gini(a, b) FROM many m WHERE m.g = s.g)) AS wrong_gini,
       count(*) FILTER (WHERE h IS DISTINCT FROM (SELECT migstat.theil(a, b) FROM many m WHERE m.g = s.g)) AS wrong_theil,
       count(*) FILTER (WHERE atk IS DISTINCT FROM (SELECT migstat.atkinson(a, b, 0.3) FROM many m WHERE m.g = s.g)) AS wrong_atkinson,
       count(*) FILTER (WHERE aco IS DISTINCT FROM (SELECT migstat.absolute_concentration(a, b, area) FROM many m WHERE m.g = s.g)) AS wrong_aco,
       count(*) FILTER (WHERE del IS DISTINCT FROM (SELECT migstat.delta(a, area) FROM many m WHERE m.g = s.g)) AS wrong_delta
FROM (SELECT g, migstat.gini(a, b) AS gini, migstat.theil(a, b) AS h,
             migstat.atkinson(a, b, 0.3) AS atk,
             migstat.absolute_concentration(a, b, area) AS aco,
             migstat.delta(a, area) AS del
      FROM many GROUP BY g) AS s;

-- As a window aggregate (the final functions leave the state usable).
SELECT unit, round(migstat.dissimilarity(a, b) OVER (ORDER BY unit)::numeric, 12) AS running_d,
       round(migstat.absolute_concentration(a, b, area) OVER (ORDER BY unit)::numeric, 12) AS running_aco
FROM three ORDER BY unit;
