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
