-- The cell key method: record keys, cell keys, perturbation through a
-- perturbation table, the same noise for the same cell whatever the query,
-- and the Sacramento tracts and a generated register (docs/disclosure.md).

-- Objects of this test live in their own schema (pg_regress runs every test
-- in one database).
CREATE SCHEMA disclosure_ckm;
SET search_path = disclosure_ckm, public;

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
-- Record keys.

-- Seeded keys are pinned (the same value in test/unit/test_disclosure.c,
-- computed there from SipHash-2-4 of the id's key bytes 'i' 00..01 under
-- the key (42, "rkey")); integer ids of any width give the same key, text
-- ids differ, other seeds differ.
SELECT migstat.record_key(1, 42) = 0.166886635758979 AS pinned,
       migstat.record_key(1::smallint, 42) = migstat.record_key(1::bigint, 42) AS int_widths_agree,
       migstat.record_key('1'::text, 42) <> migstat.record_key(1, 42) AS text_differs,
       migstat.record_key(1, 43) <> migstat.record_key(1, 42) AS seed_matters;

-- Keys are multiples of 2^-53 in [0, 1), uniform: 100,000 seeded keys in 10
-- bins (chi-square with 9 degrees of freedom; 27.9 is its 0.999 quantile).
SELECT bool_and(k >= 0 AND k < 1 AND k * 2^53 = floor(k * 2^53)) AS in_range_and_exact,
       sum((n - 10000.0)^2 / 10000.0) < 27.9 AS uniform
FROM (SELECT floor(k * 10) AS bin, count(*) AS n, min(k) AS k
      FROM (SELECT migstat.record_key(g, 7) AS k FROM generate_series(1, 100000) g) s
      GROUP BY 1) b;
SELECT count(DISTINCT migstat.record_key(g, 7)) AS distinct_keys FROM generate_series(1, 100000) g;

-- Unseeded keys come from the operating system: all different, in range.
SELECT count(DISTINCT k) AS distinct_keys, bool_and(k >= 0 AND k < 1) AS in_range
FROM (SELECT migstat.record_key() AS k FROM generate_series(1, 1000)) s;

------------------------------------------------------------------------------
-- Cell keys and perturbations computed by hand.

-- Four districts with keys that are exact binary fractions.
CREATE TABLE hand (id int, district text, status text, rk float8);
INSERT INTO hand VALUES
    (1, 'A', 'x', 0.5), (2, 'A', 'x', 0.25), (3, 'A', 'y', 0.125),
    (4, 'B', 'x', 0.75), (5, 'B', 'y', 0.5),
    (6, 'C', 'y', 0.875),
    (7, 'D', 'x', 0.625), (8, 'D', 'x', 0.625), (9, 'D', 'y', 0.5), (10, 'D', 'y', 0.25);

-- A perturbation table typed in by hand: unbiased, never publishes 1.
--   row 0:   0 -> 0 (1)
--   row 1:   1 -> 0 (1/2), 2 (1/2)                   intervals [0, .5) [.5, 1)
--   row 2:   2 -> 0 (1/4), 2 (1/2), 4 (1/4)          [0, .25) [.25, .75) [.75, 1)
--   row 3+:  n -> n-1 (1/4), n (1/2), n+1 (1/4)      [0, .25) [.25, .75) [.75, 1)
CREATE TABLE pt_small (i int, j int, p float8);
INSERT INTO pt_small VALUES (0, 0, 1), (1, 0, 0.5), (1, 2, 0.5),
    (2, 0, 0.25), (2, 2, 0.5), (2, 4, 0.25), (3, 2, 0.25), (3, 3, 0.5), (3, 4, 0.25);

-- By hand:
--   A: n = 3, key .5 + .25 + .125 = .875       row 3: .875 in [.75, 1)  -> 3 + 1 = 4
--   B: n = 2, key .75 + .5 = 1.25 -> .25       row 2: .25 in [.25, .75) -> 2
--      (a key on a boundary belongs to the interval that starts there)
--   C: n = 1, key .875                          row 1: .875 in [.5, 1)   -> 2
--   D: n = 4, key .625 + .625 + .5 + .25 = 2 -> 0
--                                               row 3: 0 in [0, .25)     -> 4 - 1 = 3
--   total: n = 10, key .875 + .25 + .875 + 0 = 2 -> 0
--                                               row 3: 0 in [0, .25)     -> 10 - 1 = 9
SELECT district, count(*) AS n, migstat.cell_key(rk) AS cell_key,
       migstat.ckm_count(rk, 'pt_small') AS published,
       migstat.ckm_perturb(count(*), migstat.cell_key(rk), 'pt_small') AS via_perturb
FROM hand GROUP BY ROLLUP (district) ORDER BY district;

-- Cells district x status, by hand:
--   A x: n 2, key .75   row 2: [.75, 1)   -> 4     A y: n 1, key .125  row 1: [0, .5)  -> 0
--   B x: n 1, key .75   row 1: [.5, 1)    -> 2     B y: n 1, key .5    row 1: [.5, 1)  -> 2
--   C y: n 1, key .875  row 1: [.5, 1)    -> 2
--   D x: n 2, key .25   row 2: [.25, .75) -> 2     D y: n 2, key .75   row 2: [.75, 1) -> 4
SELECT district, status, count(*) AS n, migstat.cell_key(rk) AS cell_key,
       migstat.ckm_count(rk, 'pt_small') AS published
FROM hand GROUP BY district, status ORDER BY district, status;

-- Zeros stay zero and have no key; NULL counts are missing data.
SELECT migstat.ckm_perturb(0, NULL, 'pt_small') AS zero,
       migstat.ckm_perturb(0, 0.9, 'pt_small') AS zero_with_key,
       migstat.ckm_perturb(NULL, 0.5, 'pt_small') AS missing;
SELECT migstat.ckm_count(rk, 'pt_small') AS empty_cell, migstat.cell_key(rk) AS no_key
FROM hand WHERE false;
-- Counts above the table's last row use its deviations.
SELECT migstat.ckm_perturb(1000000, 0.1, 'pt_small') AS down,
       migstat.ckm_perturb(1000000, 0.5, 'pt_small') AS stays,
       migstat.ckm_perturb(1000000, 0.9, 'pt_small') AS up,
       migstat.ckm_perturb(9223372036854775807, 0.5, 'pt_small') AS max_stays;

-- A frame of every cell with a LEFT JOIN: empty cells are true zeros.
SELECT d.district, s.status, count(h.id) AS n,
       migstat.ckm_perturb(count(h.id), migstat.cell_key(h.rk) FILTER (WHERE h.id IS NOT NULL), 'pt_small') AS published
FROM (VALUES ('A'), ('C')) d(district) CROSS JOIN (VALUES ('x'), ('y')) s(status)
LEFT JOIN hand h USING (district, status)
GROUP BY 1, 2 ORDER BY 1, 2;

------------------------------------------------------------------------------
-- A generated register: 20,000 people in 25 districts with five residence
-- statuses of very different frequency (deterministic: hashes of the id).
CREATE TABLE register AS
SELECT id, 1 + id % 25 AS district,
       CASE WHEN h < 700 THEN 'niederlassungserlaubnis'
            WHEN h < 930 THEN 'aufenthaltserlaubnis'
            WHEN h < 985 THEN 'aufenthaltsgestattung'
            WHEN h < 997 THEN 'duldung'
            ELSE 'ohne_status' END AS residence_status,
       migstat.record_key(id, 2024) AS rk
FROM (SELECT id, abs(hashint4(id)) % 1000 AS h FROM generate_series(1, 20000) id) s;
CREATE TABLE pt AS SELECT i, j, p FROM migstat.ptable_build(4, 2.5, 2);

CREATE TABLE base AS
SELECT district, residence_status, count(*) AS n, migstat.ckm_count(rk, 'pt') AS published
FROM register GROUP BY 1, 2;

SELECT residence_status, count(*) AS cells, sum(n) AS people,
       sum((n < 3)::int) AS small_cells, min(n) AS min_n, max(n) AS max_n
FROM base GROUP BY 1 ORDER BY 3 DESC;

-- The published counts meet the table's promises: deviation at most D = 4,
-- never 1 or 2 (js = 2), and the deviations average near 0.
SELECT max(abs(published - n)) <= 4 AS within_d,
       count(*) FILTER (WHERE published IN (1, 2)) AS published_1_or_2,
       count(*) FILTER (WHERE n IN (1, 2)) AS true_1_or_2,
       count(*) FILTER (WHERE published <> n) AS perturbed,
       count(*) AS cells,
       round(avg(published - n), 2) AS mean_deviation
FROM base;

-- The same cell gets the same noise however the query is written.  Each
-- query below counts the cells whose published value differs from base.
SELECT count(*) AS mismatches_reordered_group_by
FROM (SELECT residence_status, district, migstat.ckm_count(rk, 'pt') AS published
      FROM register GROUP BY residence_status, district) q JOIN base USING (district, residence_status)
WHERE q.published <> base.published;

SELECT count(*) AS mismatches_one_query_per_cell
FROM base, LATERAL (SELECT migstat.ckm_count(rk, 'pt') AS published FROM register r
                    WHERE r.district = base.district AND r.residence_status = base.residence_status) q
WHERE q.published <> base.published;

SELECT count(*) AS mismatches_ordered_input
FROM (SELECT district, residence_status,
             migstat.ckm_count(rk, 'pt' ORDER BY md5(id::text) DESC) AS published
      FROM register GROUP BY 1, 2) q JOIN base USING (district, residence_status)
WHERE q.published <> base.published;

SELECT count(*) AS mismatches_grouping_sets
FROM (SELECT district, residence_status, migstat.ckm_count(rk, 'pt') AS published
      FROM register GROUP BY GROUPING SETS ((district, residence_status), (district), ())) q
JOIN base USING (district, residence_status)
WHERE q.published <> base.published;

WITH m AS MATERIALIZED (SELECT * FROM register ORDER BY id DESC)
SELECT count(*) AS mismatches_cte_and_filter
FROM (SELECT district, s.residence_status,
             migstat.ckm_count(rk, 'pt') FILTER (WHERE m.residence_status = s.residence_status) AS published
      FROM m, (SELECT DISTINCT residence_status FROM register) s
      GROUP BY 1, 2) q JOIN base USING (district, residence_status)
WHERE q.published <> base.published;

SELECT count(*) AS mismatches_via_cell_key
FROM (SELECT district, residence_status,
             migstat.ckm_perturb(count(*), migstat.cell_key(rk), 'pt') AS published
      FROM register GROUP BY 1, 2) q JOIN base USING (district, residence_status)
WHERE q.published <> base.published;

SET enable_hashagg = off;
SELECT count(*) AS mismatches_sorted_aggregation
FROM (SELECT district, residence_status, migstat.ckm_count(rk, 'pt') AS published
      FROM register GROUP BY 1, 2) q JOIN base USING (district, residence_status)
WHERE q.published <> base.published;
RESET enable_hashagg;

-- The margins are cells too: a district's total is perturbed by the sum of
-- all its records' keys, the same in a ROLLUP and in a query of its own.
SELECT count(*) AS mismatches_margins
FROM (SELECT district, migstat.ckm_count(rk, 'pt') AS published
      FROM register GROUP BY ROLLUP (district, residence_status)
      HAVING GROUPING(residence_status) = 1 AND GROUPING(district) = 0) r
JOIN (SELECT district, migstat.ckm_count(rk, 'pt') AS published FROM register GROUP BY 1) d USING (district)
WHERE r.published <> d.published;

-- Suppression and rounding of the same cells.
SELECT count(*) FILTER (WHERE (migstat.suppress(n)).suppressed) AS suppressed,
       count(*) FILTER (WHERE n < 3) AS below_3,
       count(*) FILTER (WHERE (migstat.suppress(n, 10)).suppressed) AS suppressed_at_10,
       bool_and(migstat.round_to_base(n, 5) % 5 = 0) AS multiples_of_5,
       max(abs(migstat.round_to_base(n, 5) - n)) AS max_round_change,
       max(abs(migstat.random_round(n, 5, 99, district::text || '/' || residence_status) - n)) AS max_random_change
FROM base;

------------------------------------------------------------------------------
-- The Sacramento tracts: one record per Black resident (122,022 records,
-- record keys seeded by tract and person number), CKM by tract.
CREATE TABLE sac_tracts (fips text PRIMARY KEY, tot_pop int, white int, black int,
                         asian int, hisp int, wkt text);
\copy sac_tracts FROM 'test/data/sacramento/sacramento_tracts.csv' WITH (FORMAT csv, HEADER)
CREATE TABLE sac_people AS
SELECT fips, k, migstat.record_key(fips || '/' || k, 916) AS rk
FROM sac_tracts, generate_series(1, black) k;
CREATE TABLE pt_sac AS SELECT * FROM migstat.ptable_build(5, 3, 2);

CREATE TABLE sac AS
SELECT t.fips, t.black AS n, migstat.ckm_count(p.rk, 'pt_sac') FILTER (WHERE p.rk IS NOT NULL) AS ckm,
       migstat.suppress(t.black) AS suppressed, migstat.round_to_base(t.black, 5) AS rounded,
       migstat.random_round(t.black, 5, 916, t.fips) AS random_rounded
FROM sac_tracts t LEFT JOIN sac_people p USING (fips)
GROUP BY t.fips, t.black;

SELECT count(*) AS tracts, sum(n) AS black, count(*) FILTER (WHERE n = 0) AS zero_tracts,
       bool_and(ckm = 0) FILTER (WHERE n = 0) AS zeros_stay_zero,
       max(abs(ckm - n)) AS max_deviation, count(*) FILTER (WHERE ckm IN (1, 2)) AS published_1_or_2,
       round(avg(ckm - n), 3) AS mean_deviation, round(var_pop(ckm - n) FILTER (WHERE n > 0), 2) AS variance,
       count(*) FILTER (WHERE (suppressed).suppressed) AS suppressed,
       sum(rounded) AS rounded_total, sum(random_rounded) AS random_rounded_total
FROM sac;

SELECT fips, n, ckm, suppressed, rounded, random_rounded
FROM sac ORDER BY fips LIMIT 8;

-- Asian residents: the tracts below the minimum frequency of 10.
SELECT fips, asian, (migstat.suppress(asian, 10)).*
FROM sac_tracts WHERE asian < 10 ORDER BY asian, fips;

------------------------------------------------------------------------------
-- Bad input.
SELECT pg_temp.try($$SELECT migstat.ckm_count(rk, 'pt') FROM (VALUES (0.5), (NULL)) v(rk)$$);
SELECT pg_temp.try($$SELECT migstat.ckm_count(rk, 'pt') FROM (VALUES (0.5), (1.0)) v(rk)$$);
SELECT pg_temp.try($$SELECT migstat.ckm_count(rk, 'pt') FROM (VALUES (-0.25)) v(rk)$$);
SELECT pg_temp.try($$SELECT migstat.ckm_count(rk, 'pt') FROM (VALUES ('NaN'::float8)) v(rk)$$);
SELECT pg_temp.try($$SELECT migstat.ckm_count(rk, NULL) FROM (VALUES (0.5)) v(rk)$$);
SELECT pg_temp.try($$SELECT migstat.ckm_count(rk, t::regclass) FROM (VALUES (0.5, 'pt'), (0.25, 'pt_small')) v(rk, t)$$);
SELECT pg_temp.try($$SELECT migstat.cell_key(rk) FROM (VALUES (0.5), (NULL)) v(rk)$$);
SELECT pg_temp.try($$SELECT migstat.cell_key(rk) FROM (VALUES (1e300)) v(rk)$$);
SELECT pg_temp.try($$SELECT migstat.ckm_perturb(-1, 0.5, 'pt')$$);
SELECT pg_temp.try($$SELECT migstat.ckm_perturb(1, NULL, 'pt')$$);
SELECT pg_temp.try($$SELECT migstat.ckm_perturb(1, 1, 'pt')$$);
SELECT pg_temp.try($$SELECT migstat.ckm_perturb(1, 0.5, NULL)$$);
SELECT pg_temp.try($$SELECT migstat.ckm_perturb(9223372036854775807, 0.9, 'pt_small')$$);
SELECT pg_temp.try($$SELECT migstat.record_key(NULL::int, 1)$$);
SELECT pg_temp.try($$SELECT migstat.record_key(1, NULL)$$);
-- a perturbation table that breaks after it was used is caught at the next use
UPDATE pt_small SET p = 0.6 WHERE i = 1 AND j = 0;
SELECT pg_temp.try($$SELECT migstat.ckm_count(rk, 'pt_small') FROM hand$$);
