-- SQLSTATEs of the two-group segregation aggregates (messages are checked in
-- sql/segregation_twogroup.sql), and the support functions refusing to run
-- outside an aggregate.
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS migstat;
BEGIN;
SELECT plan(16);

SELECT throws_ok($$SELECT migstat.dissimilarity(a, b) FROM (VALUES (-1::bigint, 2::bigint)) v(a, b)$$,
                 '22023', NULL, 'negative bigint count: 22023');
SELECT throws_ok($$SELECT migstat.gini(a, b) FROM (VALUES (1::float8, -1e-300::float8)) v(a, b)$$,
                 '22023', NULL, 'negative float8 count: 22023');
SELECT throws_ok($$SELECT migstat.theil(a, b) FROM (VALUES ('NaN'::float8, 1::float8)) v(a, b)$$,
                 '22023', NULL, 'NaN count: 22023');
SELECT throws_ok($$SELECT migstat.atkinson(a, b) FROM (VALUES (1::float8, '-Infinity'::float8)) v(a, b)$$,
                 '22023', NULL, '-Infinity count: 22023');
SELECT throws_ok($$SELECT migstat.isolation(a, b) FROM (VALUES ('Infinity'::float8, 1::float8)) v(a, b)$$,
                 '22023', NULL, 'Infinity count: 22023');
SELECT throws_ok($$SELECT migstat.delta(a, area) FROM (VALUES (1::bigint, '-Infinity'::float8)) v(a, area)$$,
                 '22023', NULL, 'non-finite area: 22023');
SELECT throws_ok($$SELECT migstat.relative_concentration(a, b, area) FROM (VALUES (1::bigint, 1::bigint, -2::float8)) v(a, b, area)$$,
                 '22023', NULL, 'negative area: 22023');
SELECT throws_ok($$SELECT migstat.atkinson(1, 2, 1.5)$$, '22023', NULL, 'shape above 1: 22023');
SELECT throws_ok($$SELECT migstat.atkinson(1, 2, NULL)$$, '22004', NULL, 'NULL shape: 22004');
SELECT throws_ok($$SELECT migstat.atkinson(a, b, s) FROM (VALUES (1, 2, 0.1), (2, 1, 0.2)) v(a, b, s)$$,
                 '22023', NULL, 'varying shape: 22023');
SELECT throws_ok($$SELECT migstat.gorard(a, b) FROM (VALUES (1e308::float8, 1e308::float8), (1e308, 1e308)) v(a, b)$$,
                 '22003', NULL, 'sums beyond double range: 22003');
SELECT throws_ok($$SELECT migstat.isolation(a, b) FROM (VALUES (1e308::float8, 1e308::float8), (1e308, 1e308)) v(a, b)$$,
                 '22003', NULL, 'sums beyond double range (sums kind): 22003');

-- Support functions take "internal" and so cannot be called from SQL at all:
-- no forged state can reach the C code.
SELECT throws_ok($$SELECT migstat.seg_units_accum(NULL::internal, 1::bigint, 2::bigint)$$,
                 '42846', NULL, 'transition function cannot be called from SQL');
SELECT throws_ok($$SELECT migstat.seg_combine(NULL::internal, NULL::internal)$$,
                 '42846', NULL, 'combine function cannot be called from SQL');
SELECT throws_ok($$SELECT migstat.seg_gini_final(NULL::internal)$$,
                 '42846', NULL, 'final function cannot be called from SQL');
SELECT throws_ok($$SELECT migstat.seg_deserialize('\x00'::bytea, NULL::internal)$$,
                 '42846', NULL, 'deserialize cannot be called from SQL (its decoder is fuzzed in test/fuzz)');

SELECT * FROM finish();
ROLLBACK;
