-- Migration-background definitions: bad input with its SQLSTATE, NULLs,
-- the differences the definitions imply on one population, parallel
-- execution of a whole-register derivation with the same answers as serial.
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS migstat;
BEGIN;
SELECT plan(25);
SET LOCAL search_path = migstat, public;

-- 1. bad input
SELECT throws_ok($$SELECT background_features('QQ', NULL, NULL, NULL, NULL, NULL, NULL, NULL)$$,
                 '22023', 'unknown country code "QQ" in citizenship1', 'unknown citizenship code: 22023 with the code');
SELECT throws_ok($$SELECT background_features('DE', NULL, NULL, 'DE', NULL, 'ZZZ', NULL, NULL)$$,
                 '22023', 'unknown country code "ZZZ" in moved_in_from', 'unknown Zuzugsherkunft: 22023');
SELECT throws_ok($$SELECT background_features('DE', NULL, NULL, 'XXA', NULL, NULL, NULL, NULL)$$,
                 '22023', NULL, 'stateless is not a country of birth');
SELECT throws_ok($$SELECT background_features('DE', 'CS', NULL, NULL, NULL, NULL, NULL, NULL)$$,
                 '22023', 'ambiguous country code "CS" in citizenship2', 'ambiguous code: 22023');
SELECT throws_ok($$SELECT background_features('TR', NULL, NULL, 'TR', 1700, NULL, NULL, NULL)$$,
                 '22003', 'immigration_year 1700 is out of range', 'immigration year out of range: 22003');
SELECT throws_ok($$SELECT background_features('TR', NULL, NULL, 'TR', NULL, NULL, NULL, '-infinity')$$,
                 '22023', 'reference_date must be a finite date', 'infinite date: 22023');
SELECT throws_ok($$SELECT migrapro(12345, NULL, NULL)$$,
                 '22023', 'person is not a background_features value: 12345', 'a bigint that is not features: 22023');
SELECT throws_ok($$SELECT einwanderungsgeschichte(background_features('DE', NULL, NULL, 'DE', NULL, NULL, NULL, NULL), NULL, -1)$$,
                 '22023', 'father is not a background_features value: -1', 'a bad parent value: 22023');
SELECT throws_ok($$SELECT background_features('DE', NULL, 'kaputt', NULL, NULL, NULL, NULL, NULL)$$,
                 '22P02', NULL, 'an unknown acquisition is rejected by the enum type');

-- 2. NULLs
SELECT is(migrapro(NULL, NULL, NULL), NULL, 'NULL person: NULL');
SELECT is(destatis_background(NULL, NULL, NULL), NULL, 'NULL person: NULL (Destatis)');
SELECT is(migrapro(background_features(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), NULL, NULL),
          'nicht_bestimmbar'::migrapro_group, 'an empty record is not determinable, not "ohne"');
SELECT is(einwanderungsgeschichte(background_features(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), NULL, NULL),
          'nicht_bestimmbar'::einwanderungsgeschichte_group, 'an empty record: Einwanderungsgeschichte not determinable');
SELECT is(has_migration_background('nicht_bestimmbar'::destatis_group), NULL, 'not determinable -> NULL');
SELECT is(background_contradiction(background_features('TR', NULL, NULL, 'TR', NULL, NULL, NULL, NULL)), NULL,
          'no contradiction -> NULL');
SELECT is(background_features_text(NULL), NULL, 'strict: NULL in, NULL out');
SELECT is(background_features('DE', NULL, 'descent', NULL, NULL, NULL, NULL, NULL, born_abroad => NULL),
          background_features('DE', NULL, 'descent', NULL, NULL, NULL, NULL, NULL),
          'born_abroad NULL = not given');

-- 3. one population, all definitions (test/data/background/cases.sql)
\i test/data/background/cases.sql
CREATE TEMP VIEW d AS
WITH f AS (SELECT r.*, background_features(citizenship1, citizenship2, german_acquisition, birth_country,
                       immigration_year, moved_in_from, birth_date, reference_date) AS bf FROM bg_register r)
SELECT p.person_id,
       has_migration_background(mikrozensus2005_wide(p.bf, m.bf, v.bf)) AS mz,
       has_migration_background(destatis_background(p.bf, m.bf, v.bf)) AS ds,
       has_migration_background(einwanderungsgeschichte(p.bf, m.bf, v.bf)) AS eg,
       einwanderungsgeschichte(p.bf, m.bf, v.bf) AS eg_group,
       has_migration_background(mighev_background(p.bf, m.bf, v.bf)) AS mi,
       has_migration_background(zensus2011_background(p.bf, m.bf, v.bf)) AS z11,
       has_migration_background(migrapro(p.bf, m.bf, v.bf)) AS mp
FROM f p LEFT JOIN f m ON m.person_id = p.mother_id LEFT JOIN f v ON v.person_id = p.father_id;

SELECT ok((SELECT mz AND ds AND mi AND z11 AND mp AND NOT eg AND eg_group = 'einseitig' FROM d WHERE person_id = 8),
          'one immigrant parent: counted by MZ, Destatis, MighEV, Zensus 2011, MigraPro; einseitig, not counted, by EG');
SELECT ok((SELECT mz AND NOT ds AND eg AND mp FROM d WHERE person_id = 7),
          'German born abroad to German parents: MZ 2005, EG and MigraPro count, Destatis does not');
SELECT ok((SELECT NOT mz AND NOT ds AND NOT eg AND NOT mi AND NOT z11 AND NOT mp FROM d WHERE person_id = 10),
          'the expellee''s son: no background under any definition');
SELECT ok((SELECT bool_and(mz IS NULL AND ds IS NULL AND eg IS NULL AND mi IS NULL AND z11 IS NULL AND mp IS NULL)
           FROM d WHERE person_id IN (12, 18)),
          'nothing known / contradictory: NULL under every definition');
SELECT ok((SELECT count(*) FILTER (WHERE eg) < count(*) FILTER (WHERE mz) FROM d WHERE person_id < 100),
          'Einwanderungsgeschichte is narrower than the Mikrozensus 2005 concept on this population');
SELECT is_empty($$SELECT person_id FROM d WHERE person_id < 100 AND eg AND mz IS FALSE$$,
                'nobody with an Einwanderungsgeschichte lacks a migration background (MZ 2005, wide)');

-- 4. a whole register derived in parallel gives the serial answers
CREATE TABLE public.bg_big AS
SELECT i AS person_id, r.citizenship1, r.citizenship2, r.german_acquisition, r.birth_country,
       r.immigration_year, r.moved_in_from, r.birth_date, r.reference_date
FROM generate_series(1, 20000) i
JOIN bg_register r ON r.person_id = (ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,101,102,103])[1 + i % 20];
ANALYZE public.bg_big;
CREATE TEMP TABLE serial AS
SELECT migrapro(f, NULL, NULL) AS g, count(*) AS n
FROM (SELECT background_features(citizenship1, citizenship2, german_acquisition, birth_country,
             immigration_year, moved_in_from, birth_date, reference_date) AS f FROM public.bg_big) s GROUP BY 1;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_leader_participation = off;
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE l text; r text := '';
BEGIN
	FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP r := r || l || E'\n'; END LOOP;
	RETURN r;
END $f$;
SELECT matches(pg_temp.plan_of($$SELECT migrapro(f, NULL, NULL) AS g, count(*) AS n
      FROM (SELECT background_features(citizenship1, citizenship2, german_acquisition, birth_country,
                   immigration_year, moved_in_from, birth_date, reference_date) AS f FROM public.bg_big) s GROUP BY 1$$),
               'Gather', 'the derivation is planned in parallel workers');
SELECT results_eq(
    $$SELECT g::text, n FROM (SELECT migrapro(f, NULL, NULL) AS g, count(*) AS n
      FROM (SELECT background_features(citizenship1, citizenship2, german_acquisition, birth_country,
                   immigration_year, moved_in_from, birth_date, reference_date) AS f FROM public.bg_big) s GROUP BY 1) p ORDER BY 1$$,
    $$SELECT g::text, n FROM serial ORDER BY 1$$,
    'parallel derivation = serial derivation');

SELECT * FROM finish();
ROLLBACK;
