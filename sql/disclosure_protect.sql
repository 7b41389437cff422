-- Primary suppression and rounding to a base (docs/disclosure.md).

-- Objects of this test live in their own schema (pg_regress runs every test
-- in one database).
CREATE SCHEMA disclosure_protect;
SET search_path = disclosure_protect, public;

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

------------------------------------------------------------------------------
-- Primary suppression: 1 .. min - 1 withheld; 0 (a true zero) and NULL
-- (missing) are told apart from suppressed cells.
SELECT n, (migstat.suppress(n)).*,
       CASE WHEN migstat.suppress(n) IS NULL THEN 'missing'
            WHEN (migstat.suppress(n)).suppressed THEN 'suppressed'
            WHEN (migstat.suppress(n)).value = 0 THEN 'zero'
            ELSE 'published' END AS kind
FROM (VALUES (NULL::bigint), (0), (1), (2), (3), (4), (1000000000000)) v(n);

-- The default minimum frequency is the setting migstat.min_cell_count.
SHOW migstat.min_cell_count;
SELECT (migstat.suppress(4)).suppressed AS four_at_default;
SET migstat.min_cell_count = 5;
SELECT (migstat.suppress(4)).* ;
RESET migstat.min_cell_count;
-- An explicit minimum wins over the setting.
SET migstat.min_cell_count = 10;
SELECT (migstat.suppress(4, 3)).*;
RESET migstat.min_cell_count;
SELECT (migstat.suppress(1, 1)).* AS nothing_suppressed_at_1;
-- The setting is reserved to superusers (and roles granted SET on it).
SELECT context, min_val, max_val, boot_val FROM pg_settings WHERE name = 'migstat.min_cell_count';
SELECT pg_temp.try($$SET migstat.min_cell_count = 0$$);
SELECT pg_temp.try($$SET migstat.min_cel_count = 5$$);

SELECT pg_temp.try($$SELECT migstat.suppress(-1)$$);
SELECT pg_temp.try($$SELECT migstat.suppress(5, 0)$$);
SELECT pg_temp.try($$SELECT migstat.suppress(5, NULL)$$);
SELECT pg_temp.try($$SELECT migstat.suppress(NULL, NULL)$$);

------------------------------------------------------------------------------
-- Deterministic rounding: to the nearest multiple, halves up.
SELECT n, migstat.round_to_base(n, 3) AS base_3, migstat.round_to_base(n, 5) AS base_5,
       migstat.round_to_base(n, 10) AS base_10, migstat.round_to_base(n, 1) AS base_1
FROM generate_series(0, 12) n;
SELECT migstat.round_to_base(NULL, 5) AS missing,
       migstat.round_to_base(9223372036854775807, 1) AS max_base_1,
       migstat.round_to_base(9223372036854775800, 10) AS max_multiple;
SELECT pg_temp.try($$SELECT migstat.round_to_base(9223372036854775807, 10)$$);
SELECT pg_temp.try($$SELECT migstat.round_to_base(-1, 5)$$);
SELECT pg_temp.try($$SELECT migstat.round_to_base(1, 0)$$);
SELECT pg_temp.try($$SELECT migstat.round_to_base(1, NULL)$$);

------------------------------------------------------------------------------
-- Random rounding: n = q b + r rounds up with probability r / b, keyed on
-- (seed, cell, n).  Multiples of the base never move.
SELECT n, migstat.random_round(n, 5, 1, 'cell A'::text) AS cell_a,
       migstat.random_round(n, 5, 1, 'cell B'::text) AS cell_b,
       migstat.random_round(n, 5, 2, 'cell A'::text) AS cell_a_seed_2
FROM generate_series(0, 10) n;

-- The same (seed, cell, n) always rounds the same way, in any query shape;
-- the cell may be any type (here a row of district and status).
CREATE TABLE cells AS
SELECT d AS district, s AS status, (d * 7 + s * 13) % 23 AS n
FROM generate_series(1, 40) d, generate_series(1, 5) s;
CREATE TABLE rounded AS
SELECT district, status, migstat.random_round(n, 3, 2024, (district, status)) AS r FROM cells;
SELECT count(*) AS mismatches
FROM (SELECT district, status, migstat.random_round(n, 3, 2024, (district, status)) AS r
      FROM cells ORDER BY n DESC, status) q JOIN rounded USING (district, status)
WHERE q.r <> rounded.r;
SELECT count(*) AS mismatches_one_cell_at_a_time
FROM rounded, LATERAL (SELECT migstat.random_round(n, 3, 2024, (c.district, c.status)) AS r
                       FROM cells c WHERE (c.district, c.status) = (rounded.district, rounded.status)) q
WHERE q.r <> rounded.r;
-- integer cells of any width are the same cell
SELECT migstat.random_round(7, 5, 3, 42) = migstat.random_round(7, 5, 3, 42::bigint) AS int_widths_agree;

-- Unbiased: over 20,000 cells of count 7 the mean rounded value is 7
-- (rounded to 5 or 10 with probabilities 0.6 and 0.4; standard error
-- 2.449 / sqrt(20000) = 0.017).
SELECT round(avg(migstat.random_round(7, 5, 11, c)), 2) AS mean_of_7,
       round(avg((migstat.random_round(7, 5, 11, c) = 10)::int), 2) AS share_up
FROM generate_series(1, 20000) c;

SELECT pg_temp.try($$SELECT migstat.random_round(1, 5, NULL, 'x'::text)$$);
SELECT pg_temp.try($$SELECT migstat.random_round(1, 5, 1, NULL::text)$$);
SELECT pg_temp.try($$SELECT migstat.random_round(1, -5, 1, 'x'::text)$$);
SELECT pg_temp.try($$SELECT migstat.random_round(-1, 5, 1, 'x'::text)$$);
SELECT migstat.random_round(NULL, 5, 1, 'x'::text) AS missing;
