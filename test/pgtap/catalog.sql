-- Catalogue properties every migstat object must have: aggregates are
-- parallel safe with a combine function and, for internal states, serialize
-- and deserialize; every function is parallel safe and documented.
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS migstat;
BEGIN;
SELECT plan(10);

SELECT is((SELECT extrelocatable FROM pg_extension WHERE extname = 'migstat'), false,
          'migstat is not relocatable');
SELECT is((SELECT nspname::text FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
           WHERE extname = 'migstat'), 'migstat', 'migstat lives in schema migstat');
SELECT is((SELECT extversion FROM pg_extension WHERE extname = 'migstat'), '0.2.0', 'version 0.2.0');

CREATE TEMP VIEW migstat_functions AS
SELECT p.oid, p.oid::regprocedure::text AS sig, p.prokind, p.proparallel
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'migstat';

SELECT cmp_ok((SELECT count(*) FROM migstat_functions WHERE prokind = 'a'), '>=', 24::bigint,
              'the two-group aggregates exist (12 names, bigint and float8 overloads)');
SELECT is_empty($$SELECT sig FROM migstat_functions f JOIN pg_aggregate a ON a.aggfnoid = f.oid
                  WHERE a.aggcombinefn = 0$$, 'every aggregate has a combine function');
SELECT is_empty($$SELECT sig FROM migstat_functions f JOIN pg_aggregate a ON a.aggfnoid = f.oid
                  WHERE a.aggtranstype = 'internal'::regtype
                    AND (a.aggserialfn = 0 OR a.aggdeserialfn = 0)$$,
                'every aggregate with an internal state has serialize and deserialize functions');
SELECT is_empty($$SELECT sig FROM migstat_functions WHERE proparallel <> 's'$$,
                'every function and aggregate is PARALLEL SAFE');
SELECT is_empty($$SELECT sig FROM migstat_functions WHERE obj_description(oid, 'pg_proc') IS NULL$$,
                'every function and aggregate has a COMMENT');
-- Exceptions, each for a reason: suppress(bigint) reads the setting
-- migstat.min_cell_count; the cell key method's lookups read a stored
-- perturbation table, and its partial states name it (catalog lookups);
-- record_key() draws from the operating system's random source;
-- status_columns() reads the system catalogues.
SELECT is_empty($$SELECT sig FROM migstat_functions f
                  WHERE prokind = 'f' AND (SELECT provolatile FROM pg_proc WHERE oid = f.oid) <> 'i'
                    AND sig NOT IN ('migstat.suppress(bigint)', 'migstat.ptable_check(regclass)',
                                    'migstat.ckm_perturb(bigint,double precision,regclass)',
                                    'migstat.ckm_final(internal)', 'migstat.ckm_serialize(internal)',
                                    'migstat.ckm_deserialize(bytea,internal)', 'migstat.record_key()',
                                    'migstat.status_columns()')$$,
                'every other function is IMMUTABLE (results depend only on the arguments)');
SELECT is((SELECT string_agg(sig || ' ' || provolatile::text, ', ' ORDER BY sig) FROM migstat_functions f
           JOIN pg_proc p USING (oid) WHERE provolatile <> 'i'),
          'migstat.ckm_deserialize(bytea,internal) s, migstat.ckm_final(internal) s, '
          'migstat.ckm_perturb(bigint,double precision,regclass) s, migstat.ckm_serialize(internal) s, '
          'migstat.ptable_check(regclass) s, migstat.record_key() v, migstat.status_columns() s, '
          'migstat.suppress(bigint) s',
          'the exceptions are STABLE, and record_key() VOLATILE');

SELECT * FROM finish();
ROLLBACK;
