-- Inference for segregation indices: reproducible by seed, in any plan;
-- hand-checkable expected values; errors; cancellation.
\set VERBOSITY default
\set SHOW_CONTEXT never

CREATE TABLE sacramento_inf (fips text PRIMARY KEY, tot_pop int, white int, black int,
                             asian int, hisp int, wkt text);
\copy sacramento_inf FROM 'test/data/sacramento/sacramento_tracts.csv' WITH (FORMAT csv, HEADER)

-- Hispanic against the rest, D: the estimate is PySAL's value; under random
-- allocation D would be small; no random draw comes near the observed D, so
-- p = 1 / (R + 1); the interval holds the bias-corrected estimate.
SELECT index, round(estimate::numeric, 9) AS estimate,
       round(expected::numeric, 4) AS expected,
       round(bias_corrected::numeric, 4) AS bias_corrected,
       round(modified::numeric, 4) AS modified,
       round(std_error::numeric, 5) AS std_error,
       ci_lower <= bias_corrected AND bias_corrected <= ci_upper AS ci_holds_estimate,
       ci_lower <= estimate AND estimate <= ci_upper AS ci_holds_raw_estimate,
       bias_corrected < estimate AS corrected_down,
       p_value = 1 / 201.0 AS p_is_minimal, replicates, seed, level
FROM (SELECT (migstat.segregation_inference(ARRAY[hisp, tot_pop - hisp]::bigint[],
                                            'dissimilarity', 200, 7)).*
      FROM sacramento_inf) r;

-- Carrington & Troske: modified = (D - D*) / (1 - D*) when D >= D*.
SELECT abs(modified - (estimate - expected) / (1 - expected)) < 1e-12 AS modified_formula,
       abs(bias_corrected - estimate) < 0.01 AS small_bias
FROM (SELECT (migstat.segregation_inference(ARRAY[white, black, asian, hisp]::bigint[],
                                            'mutual_information', 100, 3)).*
      FROM sacramento_inf) r;

-- The same seed gives the same result, whatever the order of the rows;
-- another seed another.
SELECT a = b AS same_seed_same_result, a <> c AS other_seed_other_result
FROM (SELECT migstat.segregation_inference(ARRAY[hisp, tot_pop - hisp]::bigint[], 'gini', 50, 11 ORDER BY fips) AS a,
             migstat.segregation_inference(ARRAY[hisp, tot_pop - hisp]::bigint[], 'gini', 50, 11 ORDER BY fips DESC) AS b,
             migstat.segregation_inference(ARRAY[hisp, tot_pop - hisp]::bigint[], 'gini', 50, 12) AS c
      FROM sacramento_inf) s;

-- ... and in a parallel plan with two workers.
CREATE TABLE inf_units AS
SELECT i, ARRAY[abs(hashint4(i)) % 30, abs(hashint4(i + 7)) % 20, abs(hashint4(i + 9)) % 10]::bigint[] AS c
FROM generate_series(1, 30000) AS i;
ANALYZE inf_units;
CREATE TABLE inf_serial AS
SELECT migstat.segregation_inference(c, 'theil', 20, 5) AS r FROM inf_units;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT migstat.segregation_inference(c, 'theil', 20, 5) FROM inf_units;
SELECT (SELECT r FROM inf_serial) = migstat.segregation_inference(c, 'theil', 20, 5) AS parallel_equals_serial
FROM inf_units;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- By hand: units of one person each are completely segregated in every
-- draw, so the expected D is 1 and every draw reaches the estimate (p = 1).
SELECT estimate, expected, p_value, modified IS NULL AS modified_undefined
FROM (SELECT (migstat.segregation_inference(c, 'dissimilarity', 100, 1)).*
      FROM (VALUES ('{1,0}'::bigint[]), ('{0,1}'), ('{1,0}'), ('{0,1}'), ('{0,1}')) AS v(c)) r;
-- Units of two people with equal groups: D = 0 but D* is about 1/2
-- (a unit is (2,0) or (0,2) half the time); modified = (D - D*)/D* = -1.
SELECT estimate, abs(expected - 0.5) < 0.02 AS expected_near_half, modified
FROM (SELECT (migstat.segregation_inference('{1,1}'::bigint[], 'dissimilarity', 300, 1)).*
      FROM generate_series(1, 2000)) r;

-- No rows, only NULL arrays: NULL.
SELECT migstat.segregation_inference(c, 'gini') IS NULL AS no_rows FROM inf_units WHERE false;
SELECT (migstat.segregation_inference(c, 'gini')).estimate IS NULL AS null_arrays
FROM (VALUES (NULL::bigint[])) AS v(c);

-- Bad parameters.
SELECT migstat.segregation_inference(c, 'atkinson') FROM inf_units;
SELECT migstat.segregation_inference(c, 'gini', 0, 1) FROM inf_units;
SELECT migstat.segregation_inference(c, 'gini', 100001, 1) FROM inf_units;
SELECT migstat.segregation_inference(c, 'gini', 10, 1, 1.0) FROM inf_units;
SELECT migstat.segregation_inference(c, 'gini', NULL, 1) FROM inf_units;
SELECT migstat.segregation_inference(c, 'gini', i % 2 + 10, 1) FROM inf_units;
SELECT migstat.segregation_inference(c, 'gini') FROM (VALUES ('{1,-1}'::bigint[])) AS v(c);

-- A long simulation can be cancelled (CHECK_FOR_INTERRUPTS between replicates).
SET statement_timeout = '200ms';
SELECT migstat.segregation_inference(c, 'gini', 100000, 1) FROM inf_units;
RESET statement_timeout;

-- Decomposition of a change in M between two periods (Elbers 2021).
CREATE TABLE tract_group_inf AS
SELECT fips, grp, n FROM sacramento_inf,
  LATERAL (VALUES ('white', white), ('black', black), ('asian', asian), ('hisp', hisp)) AS v(grp, n);
-- The same data in both periods: every component is zero.
SELECT m1 = m2 AS same_m, difference, additions, removals, group_marginal, unit_marginal, structural
FROM (SELECT (migstat.mutual_information_change(fips, grp, n, p)).*
      FROM tract_group_inf, (VALUES (1), (2)) AS v(p)) c;
-- Period 2 doubles one group in every tract: the association (odds ratios)
-- is unchanged, so the structural component is zero and the change is all
-- marginal; the parts add up to the difference.
SELECT abs(structural) < 1e-9 AS no_structural_change,
       abs(group_marginal + unit_marginal - difference) < 1e-12 AS marginal_is_all,
       abs(additions + removals + group_marginal + unit_marginal + structural - difference) < 1e-12 AS parts_add_up,
       round(m1::numeric, 9) AS m1, round(m2::numeric, 9) AS m2
FROM (SELECT (migstat.mutual_information_change(fips, grp, CASE WHEN p = 2 AND grp = 'hisp' THEN 2 * n ELSE n END, p)).*
      FROM tract_group_inf, (VALUES (1), (2)) AS v(p)) c;
-- The same margins, the association dissolved: M falls from ln 2 to 0 and
-- the change is structural (the marginal terms are zero up to the 1e-10
-- placeholder IPF needs for empty cells).
SELECT round(m1::numeric, 12) AS m1, m2, abs(group_marginal) < 1e-9 AS no_group_change,
       abs(unit_marginal) < 1e-9 AS no_unit_change, abs(structural + ln(2)) < 1e-9 AS structural_is_all
FROM (SELECT (migstat.mutual_information_change(u, g, n, p)).*
      FROM (VALUES ('A', 'x', 10, 1), ('B', 'y', 10, 1),
                   ('A', 'x', 5, 2), ('A', 'y', 5, 2), ('B', 'x', 5, 2), ('B', 'y', 5, 2)) AS v(u, g, n, p)) c;
-- A unit that appears in period 2 only is an addition:
-- M2 = M of {A: (10,0), B: (0,10), C: (3,7)}; the common part is unchanged.
SELECT abs(additions - difference) < 1e-12 AS all_additions, removals, structural,
       abs(m2 - (SELECT migstat.mutual_information(c) FROM (VALUES ('{10,0}'::bigint[]), ('{0,10}'), ('{3,7}')) AS t(c))) < 1e-12 AS m2_ok
FROM (SELECT (migstat.mutual_information_change(u, g, n, p)).*
      FROM (VALUES ('A', 'x', 10, 1), ('B', 'y', 10, 1), ('A', 'x', 10, 2), ('B', 'y', 10, 2),
                   ('C', 'x', 3, 2), ('C', 'y', 7, 2)) AS v(u, g, n, p)) c;
-- Parallel plan equals serial (rows of both periods split over workers).
CREATE TABLE change_rows AS
SELECT 'u' || (i % 5000) AS unit, (i / 5000) % 4 AS grp, 1 + i / 20000 AS period,
       (abs(hashint4(i)) % 50)::bigint AS n
FROM generate_series(0, 39999) AS i;
ANALYZE change_rows;
CREATE TABLE change_serial AS SELECT migstat.mutual_information_change(unit, grp, n, period) AS r FROM change_rows;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT abs((r).difference - (s).difference) < 1e-12 AND abs((r).structural - (s).structural) < 1e-9 AS parallel_equals_serial
FROM (SELECT migstat.mutual_information_change(unit, grp, n, period) AS r FROM change_rows) p,
     (SELECT r AS s FROM change_serial) q;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
-- Bad period; only one period or one group: NULL components or NULL.
SELECT migstat.mutual_information_change(u, g, n, 3) FROM (VALUES ('A', 'x', 1)) AS v(u, g, n);
SELECT (migstat.mutual_information_change(u, g, n, 1)).m2 IS NULL AS one_period
FROM (VALUES ('A', 'x', 1), ('B', 'y', 2)) AS v(u, g, n);

-- Several indices on the same random tables: each equals the one-index
-- result with the same seed (the draws do not depend on the index).
SELECT (r[1]).index AS first, (r[2]).index AS second,
       r[1] = (SELECT migstat.segregation_inference(ARRAY[white, black, asian, hisp]::bigint[], 'dissimilarity', 50, 3) FROM sacramento_inf) AS d_same,
       r[2] = (SELECT migstat.segregation_inference(ARRAY[white, black, asian, hisp]::bigint[], 'mutual_information', 50, 3) FROM sacramento_inf) AS m_same
FROM (SELECT migstat.segregation_inference(ARRAY[white, black, asian, hisp]::bigint[],
                                           ARRAY['dissimilarity', 'mutual_information'], 50, 3) AS r
      FROM sacramento_inf) s;
SELECT migstat.segregation_inference(ARRAY[white, black], ARRAY['gini', 'gini'], 20, 1) FROM sacramento_inf;
SELECT migstat.segregation_inference(ARRAY[white, black], '{}'::text[], 20, 1) FROM sacramento_inf;
SELECT migstat.segregation_inference(ARRAY[white, black], ARRAY['gini', NULL], 20, 1) FROM sacramento_inf;
