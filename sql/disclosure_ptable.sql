-- Perturbation tables of the cell key method: building them from (D, V, js),
-- checking every constraint numerically, agreement with the sdcTools ptable
-- package, and validation of user-supplied tables (docs/disclosure.md).

-- Objects of this test live in their own schema (pg_regress runs every test
-- in one database).
CREATE SCHEMA disclosure_ptable;
SET search_path = disclosure_ptable, public;

-- Every constraint of the method, recomputed here in SQL from the rows
-- migstat.ptable_build returns, for several parameter sets:
--   unbiased     sum p v = 0 in every row
--   variance     sum p v^2 = V in every row i >= 1
--   distribution p in (0, 1], sum p = 1 in every row
--   support      |v| <= D; j >= 0 (never negative); no j in 1..js
--   zeros        row 0 is exactly 0 -> 0 with p = 1
--   rows         0 .. D (js = 0) or 0 .. D + js + 1, the last one used for
--                every larger count
CREATE TABLE params (d int, v float8, js int, monotone bool);
INSERT INTO params VALUES (1, 0.5, 0, true), (2, 1, 0, false), (2, 1.05, 1, true),
    (3, 1.5, 0, true), (4, 2, 1, true), (5, 3, 2, true), (5, 4, 1, true),
    (6, 5, 3, false), (10, 4, 0, true), (30, 12, 4, true);
CREATE TABLE built AS
SELECT params.d AS dd, params.v AS vv, params.js AS jjs, params.monotone, t.*
FROM params, migstat.ptable_build(params.d, params.v, params.js, params.monotone) t;

SELECT dd AS d, vv AS v, jjs AS js, monotone,
       count(DISTINCT i) AS rows_,
       max(i) = CASE WHEN jjs = 0 THEN dd ELSE dd + jjs + 1 END AS last_row_ok,
       bool_and(p > 0 AND p <= 1) AS p_in_0_1,
       bool_and(abs(v) <= dd) AS within_d,
       bool_and(j >= 0) AS never_negative,
       bool_and(j = 0 OR j > jjs) AS nothing_in_1_js,
       bool_and(v = j - i) AS v_is_j_minus_i
FROM built GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3;

SELECT dd AS d, vv AS v, jjs AS js, monotone,
       max(abs(p_sum - 1)) < 1e-14 AS sums_to_1,
       max(abs(mean)) < 1e-12 AS unbiased,
       max(abs(variance - CASE WHEN i = 0 THEN 0 ELSE vv END)) < 1e-10 AS variance_is_v,
       bool_and(i > 0 OR (n = 1 AND stay = 1)) AS zero_stays_zero
FROM (SELECT dd, vv, jjs, monotone, i, sum(p) AS p_sum, sum(p * v) AS mean,
             sum(p * v * v) AS variance, count(*) AS n, sum(p) FILTER (WHERE v = 0) AS stay
      FROM built GROUP BY 1, 2, 3, 4, 5) r
GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3;

-- monotone: in every row that can keep its count (i = 0 or i > js), p does
-- not decrease from the smallest target up to j = i (the ptable package's
-- "mono" condition); rows 1..js cannot publish i and have no such condition.
SELECT dd AS d, vv AS v, jjs AS js,
       bool_and(p <= p_next) AS monotone_up_to_i
FROM (SELECT dd, vv, jjs, i, j, p,
             lead(p) OVER (PARTITION BY dd, vv, jjs, i ORDER BY j) AS p_next
      FROM built WHERE monotone AND (i = 0 OR i > jjs)) s
WHERE j < i
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

-- The interval columns: p_int_lb .. p_int_ub partition [0, 1) in j order.
SELECT bool_and(p_int_lb = coalesce(prev_ub, 0)) AS contiguous,
       bool_and(abs(p_int_ub - p_int_lb - p) < 1e-15) AS width_is_p,
       bool_and(last IS DISTINCT FROM true OR p_int_ub = 1) AS ends_at_1
FROM (SELECT p_int_lb, p_int_ub, p,
             lag(p_int_ub) OVER w AS prev_ub,
             row_number() OVER w = count(*) OVER (PARTITION BY dd, vv, jjs, monotone, i) AS last
      FROM built WINDOW w AS (PARTITION BY dd, vv, jjs, monotone, i ORDER BY j)) s;

-- D = 2, V = 1.05, js = 1 in full.
SELECT i, j, v, round(p::numeric, 8) AS p, round(p_int_ub::numeric, 8) AS p_int_ub
FROM migstat.ptable_build(2, 1.05, 1) ORDER BY i, j;

-- Agreement with the sdcTools ptable package (test/data/ptable/README.md:
-- ptable 0.3.3, R 4.2.2, nloptr 2.0.3; probabilities rounded to 8
-- decimals).  Every row in which ptable reaches the requested variance
-- agrees to 5e-8.  In row 3 of D = 2, V = 1.05, js = 1, ptable stops at
-- variance 0.932 (it treats V as an upper bound of its optimisation);
-- migstat meets V there exactly, so that row differs by design.
CREATE TABLE sdctools (d int, v float8, js int, i int, j int, p float8);
CREATE TEMP TABLE sdc_load (i int, j int, p float8);
\copy sdc_load FROM 'test/data/ptable/sdctools_D2_V1.05_js1.txt' WITH (FORMAT text, DELIMITER ' ')
INSERT INTO sdctools SELECT 2, 1.05, 1, * FROM sdc_load;
TRUNCATE sdc_load;
\copy sdc_load FROM 'test/data/ptable/sdctools_D5_V3_js2.txt' WITH (FORMAT text, DELIMITER ' ')
INSERT INTO sdctools SELECT 5, 3, 2, * FROM sdc_load;

SELECT s.d, s.v, s.js, s.i,
       round(sum(s.p * (s.j - s.i)^2)::numeric, 4) AS sdctools_variance,
       count(*) AS entries, count(b.p) AS matched,
       max(abs(s.p - b.p)) < 5e-8 AS agrees_to_5e_8
FROM sdctools s
LEFT JOIN built b ON (b.dd, b.vv, b.jjs, b.monotone, b.i, b.j) = (s.d, s.v, s.js, true, s.i, s.j)
GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;

-- ptable_check validates a stored table and reports its rows.
CREATE TABLE pt_d5 AS SELECT * FROM migstat.ptable_build(5, 3, 2);
SELECT i, entries, round(p_sum::numeric, 12) AS p_sum, round(mean::numeric, 12) AS mean,
       round(variance::numeric, 10) AS variance, round(p_stay::numeric, 6) AS p_stay,
       min_positive_target, max_deviation
FROM migstat.ptable_check('pt_d5');

-- A table typed in by hand (columns may be smallint/integer/bigint and
-- real/double precision/numeric, in any order, with extra columns).
CREATE TABLE pt_hand (label text, p numeric, j smallint, i bigint);
INSERT INTO pt_hand VALUES ('zero', 1, 0, 0),
    ('one', 0.5, 0, 1), ('one', 0.5, 3, 1),
    ('two', 0.5, 0, 2), ('two', 0.5, 4, 2),
    ('3+', 0.25, 2, 3), ('3+', 0.5, 3, 3), ('3+', 0.25, 4, 3);
SELECT * FROM migstat.ptable_check('pt_hand');

-- Errors are shown as SQLSTATE: message (detail).
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE msg text; det text;
BEGIN
  EXECUTE q;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
  RETURN SQLSTATE || ': ' || msg || coalesce(' (' || nullif(det, '') || ')', '');
END $$;

-- Parameters that cannot give a table: clear errors, SQLSTATE 22023.
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_build(0, 1)$$);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_build(101, 1)$$);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_build(3, 1, 3)$$);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_build(3, 0)$$);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_build(3, 'NaN')$$);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_build(3, 4.5)$$);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_build(3, 3)$$);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_build(5, 2, 2)$$);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_build(3, 1.9)$$);
SELECT count(*) FROM migstat.ptable_build(3, 1.9, 0, false);
-- NULL parameters: 22004
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_build(NULL, 1)$$);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_build(2, NULL)$$);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_build(2, 1, NULL)$$);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_build(2, 1, 0, NULL)$$);

-- User tables that are not perturbation tables.
CREATE TABLE bad (i int, j int, p float8);
INSERT INTO bad VALUES (0, 0, 1), (1, 0, 0.5), (1, 2, 0.4);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_check('bad')$$);
TRUNCATE bad;
INSERT INTO bad VALUES (0, 0, 1), (1, 0, 0.5), (1, 2, 0.5), (3, 3, 1);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_check('bad')$$);
TRUNCATE bad;
INSERT INTO bad VALUES (0, 0, 0.9), (0, 1, 0.1), (1, 1, 1);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_check('bad')$$);
TRUNCATE bad;
INSERT INTO bad VALUES (1, 1, 1);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_check('bad')$$);
TRUNCATE bad;
INSERT INTO bad VALUES (0, 0, 1), (1, -1, 0.5), (1, 2, 0.5);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_check('bad')$$);
TRUNCATE bad;
INSERT INTO bad VALUES (0, 0, 1), (1, 0, 1.5), (1, 2, -0.5);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_check('bad')$$);
TRUNCATE bad;
INSERT INTO bad VALUES (0, 0, 1), (1, 1, 0.5), (1, 1, 0.5);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_check('bad')$$);
TRUNCATE bad;
INSERT INTO bad VALUES (0, 0, 1), (1, 1, 'NaN');
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_check('bad')$$);
TRUNCATE bad;
INSERT INTO bad VALUES (0, 0, 1), (1, NULL, 1);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_check('bad')$$);
TRUNCATE bad;
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_check('bad')$$);
CREATE TABLE bad_columns (i int, target int, p float8);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_check('bad_columns')$$);
CREATE TABLE bad_types (i int, j numeric, p float8);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_check('bad_types')$$);
CREATE TABLE bad_types2 (i int, j int, p text);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_check('bad_types2')$$);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_check('no_such_table')$$);
SELECT pg_temp.try($$SELECT * FROM migstat.ptable_check(NULL)$$);
