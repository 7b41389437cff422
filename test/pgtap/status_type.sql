-- The residence_status type as a key: round trip of every catalogue status,
-- ordering, btree and hash indexes cross-checked against sequential scans,
-- joins and grouping, and binary I/O through COPY (FORMAT binary).
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS migstat;
BEGIN;
SELECT plan(24);
SET LOCAL search_path = migstat, public;

-- 1. every status: canonical form in, the same status out, and back
SELECT is_empty($$SELECT canonical FROM residence_statuses()
                  WHERE canonical::residence_status <> status OR status::text <> canonical$$,
                'in(out(x)) = x and out(in(canonical)) = canonical for every catalogue status');
SELECT is((SELECT count(DISTINCT status) FROM residence_statuses()),
          (SELECT count(*) FROM residence_statuses()), 'statuses are distinct values');
SELECT is((SELECT array_agg(status ORDER BY status)::text FROM residence_statuses()),
          (SELECT array_agg(status ORDER BY code)::text FROM residence_statuses()),
          'the type sorts by catalogue code');
SELECT ok((SELECT bool_and((a.status < b.status) = (a.code < b.code)
                       AND (a.status <= b.status) = (a.code <= b.code)
                       AND (a.status > b.status) = (a.code > b.code)
                       AND (a.status >= b.status) = (a.code >= b.code)
                       AND (a.status = b.status) = (a.code = b.code)
                       AND (a.status <> b.status) = (a.code <> b.code)
                       AND sign(residence_status_cmp(a.status, b.status)) = sign(a.code - b.code))
           FROM residence_statuses() a, residence_statuses() b),
          'all six operators and the btree comparison agree with the codes on every pair');
SELECT is((SELECT min(status) FROM residence_statuses()),
          (SELECT status FROM residence_statuses() ORDER BY code LIMIT 1), 'min()');
SELECT is((SELECT max(status) FROM residence_statuses()),
          (SELECT status FROM residence_statuses() ORDER BY code DESC LIMIT 1), 'max()');

-- 2. a table of 100,000 statuses, indexed both ways
CREATE TEMP TABLE people AS
SELECT i AS id, (SELECT status FROM residence_statuses() ORDER BY code
                 OFFSET (hashint4(i) & 1048575) % (SELECT count(*) FROM residence_statuses()) LIMIT 1) AS status
FROM generate_series(1, 100000) i;
CREATE INDEX people_btree ON people USING btree (status);
CREATE INDEX people_hash ON people USING hash (status);
ANALYZE people;

-- Allows only one scan method: seq, index (and index-only) or bitmap.
CREATE FUNCTION pg_temp.scan_mode(mode text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('enable_seqscan', (mode = 'seq')::text, true);
  PERFORM set_config('enable_indexscan', (mode = 'index')::text, true);
  PERFORM set_config('enable_bitmapscan', (mode = 'bitmap')::text, true);
  PERFORM set_config('enable_indexonlyscan', (mode = 'index')::text, true);
END $$;
CREATE FUNCTION pg_temp.count_with(q text, mode text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  PERFORM pg_temp.scan_mode(mode);
  EXECUTE q INTO n;
  RESET enable_seqscan; RESET enable_indexscan; RESET enable_bitmapscan; RESET enable_indexonlyscan;
  RETURN n;
END $$;
CREATE FUNCTION pg_temp.plan_of(q text, mode text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE p text := ''; line text;
BEGIN
  PERFORM pg_temp.scan_mode(mode);
  FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP p := p || line || E'\n'; END LOOP;
  RESET enable_seqscan; RESET enable_indexscan; RESET enable_bitmapscan; RESET enable_indexonlyscan;
  RETURN p;
END $$;

CREATE TEMP TABLE probes (q text);
INSERT INTO probes
SELECT format('SELECT count(*) FROM people WHERE status %s %L::migstat.residence_status', op, s.canonical)
FROM unnest(ARRAY['=', '<', '<=', '>', '>=']) op,
     (SELECT canonical FROM residence_statuses() ORDER BY code OFFSET 3 LIMIT 3) s;
INSERT INTO probes
SELECT format('SELECT count(*) FROM people WHERE status BETWEEN %L AND %L', a.canonical, b.canonical)
FROM (SELECT canonical FROM residence_statuses() ORDER BY code OFFSET 2 LIMIT 1) a,
     (SELECT canonical FROM residence_statuses() ORDER BY code DESC OFFSET 5 LIMIT 1) b;

SELECT is_empty($$SELECT q FROM probes WHERE pg_temp.count_with(q, 'seq') <> pg_temp.count_with(q, 'index')$$,
                'btree index scans count what sequential scans count (=, <, <=, >, >=, BETWEEN)');
SELECT is_empty($$SELECT q FROM probes WHERE pg_temp.count_with(q, 'seq') <> pg_temp.count_with(q, 'bitmap')$$,
                'bitmap index scans count what sequential scans count');
SELECT ok(pg_temp.plan_of((SELECT q FROM probes WHERE q LIKE '%<=%' LIMIT 1), 'index') LIKE '%Index Only Scan using people_btree%',
          'the btree index serves a range condition');
SELECT ok(pg_temp.plan_of((SELECT q FROM probes WHERE q LIKE '% = %' LIMIT 1), 'bitmap') LIKE '%people_hash%'
          OR pg_temp.plan_of((SELECT q FROM probes WHERE q LIKE '% = %' LIMIT 1), 'bitmap') LIKE '%people_btree%',
          'an equality condition uses an index');
DROP INDEX people_btree;
SELECT ok(pg_temp.plan_of((SELECT q FROM probes WHERE q LIKE '% = %' LIMIT 1), 'bitmap') LIKE '%people_hash%',
          'the hash index serves equality');
SELECT is_empty($$SELECT q FROM probes WHERE q LIKE '% = %' AND pg_temp.count_with(q, 'seq') <> pg_temp.count_with(q, 'bitmap')$$,
                'hash index scans count what sequential scans count');

-- 3. grouping and joins: hash and sort strategies agree
CREATE TEMP TABLE g_hash AS SELECT status, count(*) AS n FROM people GROUP BY status;
SET LOCAL enable_hashagg = off;
CREATE TEMP TABLE g_sort AS SELECT status, count(*) AS n FROM people GROUP BY status;
RESET enable_hashagg;
SELECT is((SELECT count(*) FROM g_hash), (SELECT count(DISTINCT code) FROM people JOIN residence_statuses() USING (status)),
          'GROUP BY gives one group per distinct status');
SELECT is_empty($$(SELECT * FROM g_hash EXCEPT SELECT * FROM g_sort) UNION ALL (SELECT * FROM g_sort EXCEPT SELECT * FROM g_hash)$$,
                'hash and sort aggregation give the same groups and counts');
SET LOCAL enable_mergejoin = off; SET LOCAL enable_nestloop = off;
CREATE TEMP TABLE j_hash AS SELECT c.key, count(*) AS n FROM people p JOIN residence_statuses() c ON c.status = p.status GROUP BY c.key;
RESET enable_mergejoin; SET LOCAL enable_hashjoin = off;
CREATE TEMP TABLE j_merge AS SELECT c.key, count(*) AS n FROM people p JOIN residence_statuses() c ON c.status = p.status GROUP BY c.key;
RESET enable_hashjoin; RESET enable_nestloop;
SELECT is((SELECT sum(n) FROM j_hash), 100000::numeric, 'every person joins to the catalogue');
SELECT is_empty($$(SELECT * FROM j_hash EXCEPT SELECT * FROM j_merge) UNION ALL (SELECT * FROM j_merge EXCEPT SELECT * FROM j_hash)$$,
                'hash join and merge join agree');

-- 4. binary I/O through COPY
COPY (SELECT status FROM residence_statuses() ORDER BY code) TO '/tmp/migstat_status.bin' (FORMAT binary);
CREATE TEMP TABLE copied (status residence_status);
COPY copied FROM '/tmp/migstat_status.bin' (FORMAT binary);
SELECT is((SELECT array_agg(status ORDER BY status)::text FROM copied),
          (SELECT array_agg(status ORDER BY code)::text FROM residence_statuses()),
          'COPY BINARY round trip of every status');
SELECT is((SELECT array_agg(migstat.status_code(status) ORDER BY status) FROM copied),
          (SELECT array_agg(code ORDER BY code) FROM residence_statuses()),
          'the binary form is the catalogue code');
-- an int4 has the same wire size: an unknown code must be refused
COPY (SELECT 123456789) TO '/tmp/migstat_status_badcode.bin' (FORMAT binary);
SELECT throws_ok($$COPY copied FROM '/tmp/migstat_status_badcode.bin' (FORMAT binary)$$, '22P03',
                 'invalid binary residence_status: code 123456789 is not in the catalogue',
                 'binary input of an unknown code is refused');
COPY (SELECT 1::bigint) TO '/tmp/migstat_status_badlen.bin' (FORMAT binary);
SELECT throws_ok($$COPY copied FROM '/tmp/migstat_status_badlen.bin' (FORMAT binary)$$, '22P03',
                 'invalid binary residence_status: 8 bytes, expected 4',
                 'binary input of the wrong length is refused');
COPY (SELECT 'x'::text) TO '/tmp/migstat_status_short.bin' (FORMAT binary);
SELECT throws_ok($$COPY copied FROM '/tmp/migstat_status_short.bin' (FORMAT binary)$$, '22P03',
                 'invalid binary residence_status: 1 bytes, expected 4',
                 'binary input too short is refused');

-- 5. the aggregates in parallel: partial aggregation, same result
CREATE TABLE public.status_history_par AS
SELECT i % 5000 AS person, status, date '2005-01-01' + (hashint4(i * 7) & 4095) AS since
FROM (SELECT id AS i, status FROM people) p;
ANALYZE public.status_history_par;
CREATE TEMP TABLE serial_result AS
SELECT person, status_on(status, since, '2012-06-30') AS s, min(status) AS lo, max(status) AS hi
FROM public.status_history_par GROUP BY person;
SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0; SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL enable_hashagg = off;
SELECT ok(pg_temp.plan_of($$SELECT person, status_on(status, since, '2012-06-30'), min(status), max(status)
                           FROM public.status_history_par GROUP BY person$$, 'seq') LIKE '%Partial GroupAggregate%',
          'status_on, min and max aggregate partially in parallel plans');
CREATE TEMP TABLE parallel_result AS
SELECT person, status_on(status, since, '2012-06-30') AS s, min(status) AS lo, max(status) AS hi
FROM public.status_history_par GROUP BY person;
SELECT is((SELECT count(*) FROM parallel_result), 5000::bigint, 'one row per person in parallel');
SELECT is_empty($$(SELECT * FROM serial_result EXCEPT SELECT * FROM parallel_result)
                  UNION ALL (SELECT * FROM parallel_result EXCEPT SELECT * FROM serial_result)$$,
                'parallel and serial give the same statuses');

SELECT * FROM finish();
ROLLBACK;
