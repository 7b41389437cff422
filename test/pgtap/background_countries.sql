-- The country catalogue: every code of countries() reads back as itself, the
-- membership functions agree with the periods countries() lists on every
-- boundary day, groups agree in both directions, parallel plans give the
-- same counts, and bad input raises 22023.
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS migstat;
BEGIN;
SELECT plan(21);
SET LOCAL search_path = migstat, public;

-- 1. codes: canonical, alpha-3, alpha-4 and numeric codes read back
SELECT is_empty($$SELECT code FROM countries() WHERE country_code(code) <> code
                  OR country_code(lower(code)) <> code OR country_code(' ' || code || ' ') <> code$$,
                'every canonical code reads back as itself, in lower case and with blanks');
SELECT is_empty($$SELECT code, alpha3 FROM countries() WHERE country_code(alpha3) <> code
                  AND NOT (kind = 'former' AND alpha3 IN (SELECT alpha3 FROM countries() WHERE kind = 'iso'))$$,
                'every alpha-3 code reads as its country (unless ISO gave it to a current country)');
SELECT is_empty($$SELECT code FROM countries() WHERE alpha4 IS NOT NULL AND country_code(alpha4) <> code$$,
                'every ISO 3166-3 alpha-4 code reads as its former country');
SELECT is_empty($$SELECT code FROM countries() c WHERE kind <> 'former' AND numeric_code IS NOT NULL
                  AND (country_code(numeric_code) <> code OR country_code(numeric_code::int::text) <> code)$$,
                'every current numeric code reads as its country, with and without leading zeros');
SELECT is((SELECT count(DISTINCT code) FROM countries()), (SELECT count(*) FROM countries()),
          'canonical codes are unique');
SELECT is((SELECT count(*) FROM countries() WHERE kind = 'iso'), 249::bigint,
          'ISO 3166-1 has 249 entries (iso-codes 4.15.0)');
SELECT is_empty($$SELECT code FROM countries() WHERE country_name(code) <> name_de
                  OR country_name(code, 'en') <> name_en OR country_name(code, 'EN') <> name_en$$,
                'country_name() gives the names countries() lists');

-- 2. memberships: on the first and last day of every period true, the day
--    before and after false (periods do not touch: gen_countries.py merges)
SELECT is_empty($$SELECT m.code, m.relation FROM country_memberships() m,
                  LATERAL (SELECT CASE m.relation WHEN 'eu' THEN is_eu_member(m.code, d)
                                                  WHEN 'eea' THEN is_eea_member(m.code, d)
                                                  WHEN 'free_movement' THEN has_free_movement(m.code, d)
                                                  ELSE free_movement_of_workers_restricted(m.code, d) END AS v, d, inside
                           FROM (VALUES (m.valid_from, true), (m.valid_from - 1, false),
                                        (m.valid_to, true), (m.valid_to + 1, false)) x(d, inside)
                           WHERE d IS NOT NULL) t
                  WHERE t.v <> t.inside$$,
                'every relation function is true on the first and last day of each period and false just outside');
SELECT is_empty($$SELECT c.code FROM countries() c JOIN country_memberships() m USING (code)
                  WHERE (m.relation = 'eu' AND (c.eu_from, c.eu_to) IS DISTINCT FROM (m.valid_from, m.valid_to))
                     OR (m.relation = 'eea' AND (c.eea_from, c.eea_to) IS DISTINCT FROM (m.valid_from, m.valid_to))$$,
                'countries() and country_memberships() list the same periods');
SELECT is((SELECT count(*) FROM countries() WHERE is_eu_member(code, '2020-01-31')), 28::bigint, 'EU-28 on 2020-01-31');
SELECT is((SELECT count(*) FROM countries() WHERE is_eu_member(code, '2020-02-01')), 27::bigint, 'EU-27 on 2020-02-01');
SELECT is((SELECT count(*) FROM countries() WHERE is_eu_member(code, '1995-01-01')), 15::bigint, 'EU-15 on 1995-01-01');
SELECT is((SELECT count(*) FROM countries() WHERE is_eea_member(code, '2024-01-01')), 30::bigint,
          'EEA: 27 EU states and IS, LI, NO in 2024');
SELECT is((SELECT count(*) FROM countries() WHERE has_free_movement(code, '2024-01-01')), 30::bigint,
          'free movement in Germany 2024: 26 other EU states, IS, LI, NO, CH');

-- 3. groups: country_groups(text) and country_groups() agree both ways
SELECT is_empty($$SELECT g.country_group, m FROM country_groups() g, unnest(g.members) m
                  WHERE NOT in_country_group(m, g.country_group) OR NOT g.country_group = ANY (country_groups(m))$$,
                'every listed member is in its group');
SELECT is((SELECT count(*) FROM countries(), country_groups() g WHERE in_country_group(code, g.country_group)),
          (SELECT sum(cardinality(members)) FROM country_groups()),
          'no country is in a group without being listed');

-- 4. parallel plans: the same answers as a serial scan
CREATE TABLE country_people AS
SELECT (ARRAY['DE', 'TR', 'pol', '642', 'SY', 'XXX', 'GB', 'HR', 'XK', 'SU'])[1 + i % 10] AS c,
       DATE '2000-01-01' + (i % 9000) AS d
FROM generate_series(1, 200000) i;
ANALYZE country_people;
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE j jsonb;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, FORMAT JSON) ' || q INTO j;
  RETURN j;
END $$;
CREATE TEMP VIEW country_answer_sql AS SELECT
  $q$SELECT count(*) FILTER (WHERE migstat.is_eu_member(c, d)) AS eu,
            count(*) FILTER (WHERE migstat.has_free_movement(c, d)) AS fm,
            count(*) FILTER (WHERE migstat.free_movement_of_workers_restricted(c, d)) AS wr,
            count(*) FILTER (WHERE migstat.in_country_group(c, 'eu8')) AS eu8,
            count(*) FILTER (WHERE migstat.country_code(c) = 'PL') AS pl
     FROM country_people$q$ AS q;
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT format('CREATE TABLE serial_answer AS %s', q) FROM country_answer_sql \gexec
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok(pg_temp.plan_of(format('CREATE TABLE parallel_answer AS %s', q))::text LIKE '%"Partial Mode": "Partial"%',
          'the functions run in parallel workers (Partial Aggregate)')
FROM country_answer_sql;
SELECT results_eq('SELECT * FROM parallel_answer', 'SELECT * FROM serial_answer',
                  'parallel scan: the same counts as the serial scan');
SELECT is((SELECT pl FROM serial_answer), 20000::bigint, 'POL reads as PL in every tenth row');

-- 5. errors
SELECT throws_ok($$SELECT country_code('CS')$$, '22023', 'country code "CS" is ambiguous', 'CS is ambiguous: 22023');
SELECT throws_ok($$SELECT is_eu_member('QQ', '2020-01-01')$$, '22023', 'unknown country code "QQ"', 'unknown code: 22023');
SELECT * FROM finish();
ROLLBACK;
