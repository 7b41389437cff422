-- Household generation (migstat.link_parents) on hand-made households: each
-- rule on and off, the tie rule, unknown sexes, the 18th birthday, bad
-- arguments.  Every household says next to it what is expected and why.
-- The reference date is 31.12.2024 throughout; ages at a child's birth are
-- in completed years (the default limits: mother 15-50, father 15-65).
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS migstat;
BEGIN;
SELECT plan(62);

CREATE TEMP TABLE hh (
    person_id bigint PRIMARY KEY, address_id bigint, birth_date date, sex text,
    surname text, previous_address_id bigint, move_in_date date,
    reference_date date DEFAULT date '2024-12-31');
INSERT INTO hh (person_id, address_id, birth_date, sex, surname, previous_address_id, move_in_date) VALUES
-- Address 1, a family that moved in together: Anna (25 at Clara's birth)
-- and Bernd (26) are Clara's parents under every rule.
    (101, 1, '1990-01-01', 'f', 'Schmidt', 10, '2016-01-01'),
    (102, 1, '1988-05-05', 'm', 'Schmidt', 10, '2016-01-01'),
    (103, 1, '2015-03-03', 'f', 'Schmidt', 10, '2016-01-01'),
    -- a record without a birth date is neither child nor candidate
    (104, 1, NULL, 'f', 'Schmidt', 10, '2016-01-01'),
-- Address 2, age gap: Dora was 52 at Emil's birth (over 50), Frieda 18.
-- With the rule Frieda is the one mother candidate; without it both are.
    (201, 2, '1960-01-01', 'f', 'Weber', NULL, NULL),
    (202, 2, '1994-01-01', 'f', 'Weber', NULL, NULL),
    (203, 2, '2012-06-01', 'm', 'Weber', NULL, NULL),
-- Addresses 12-14, the limits are inclusive in completed years: Hilde is
-- 50 on Jan's birthday (51 the next day) and fits; Ilse turned 51 that day
-- and does not; Lutz was exactly 15 and fits the father's minimum.
    (1201, 12, '1961-06-02', 'f', 'Sommer', NULL, NULL),
    (1202, 12, '2012-06-01', 'm', 'Sommer', NULL, NULL),
    (1301, 13, '1961-06-01', 'f', 'Winter', NULL, NULL),
    (1302, 13, '2012-06-01', 'm', 'Winter', NULL, NULL),
    (1401, 14, '1997-06-01', 'm', 'Pohl', NULL, NULL),
    (1402, 14, '2012-06-01', 'f', 'Pohl', NULL, NULL),
-- Address 3, two families in one building: the Kochs (Greta, Kurt, Hans) and
-- Ida Yilmaz with Jale.  The surname rule separates them; without it each
-- child has two mother candidates (not linked) and Kurt becomes Jale's
-- father, the false link the rule exists to prevent.
    (301, 3, '1985-02-02', 'f', 'Koch', NULL, NULL),
    (302, 3, '1983-03-03', 'm', 'Koch', NULL, NULL),
    (303, 3, '2014-04-04', 'm', 'Koch', NULL, NULL),
    (304, 3, '1987-05-05', 'f', 'Yilmaz', NULL, NULL),
    (305, 3, '2016-06-06', 'f', 'Yilmaz', NULL, NULL),
-- Address 4, a double name, case and blanks: Lena "Berger-Lang" shares the
-- part "lang" with Max " LANG"; her flatmate Mia "Berger" shares none.
    (401, 4, '1980-07-07', 'f', 'Berger-Lang', NULL, NULL),
    (402, 4, '1982-08-08', 'f', 'Berger', NULL, NULL),
    (403, 4, '2010-09-09', 'm', ' LANG', NULL, NULL),
-- Address 5, a step-father: Nora and Paul came from address 100 in 2018,
-- Rolf (same name, fitting age) from address 200 in 2020.  Age gap and
-- surname make Rolf Paul's father; the previous-address rule excludes him.
    (501, 5, '1984-01-01', 'f', 'Braun', 100, '2018-01-01'),
    (502, 5, '2012-02-02', 'm', 'Braun', 100, '2018-01-01'),
    (503, 5, '1980-03-03', 'm', 'Braun', 200, '2020-05-05'),
-- Address 6, an unknown previous address never excludes: Quinn's is
-- missing, Rita's is 300; Quinn stays Rita's mother under the rule.
    (601, 6, '1989-04-04', 'f', 'Roth', NULL, '2020-01-01'),
    (602, 6, '2019-05-05', 'f', 'Roth', 300, '2020-01-01'),
-- Address 7, move-in dates: Sven, Tina and Vera moved in on 01.01.2010, Udo
-- was born here in 2013 (move-in = birth), Walter (same name, fitting age)
-- moved in in 2021.  Without the move-in rule both children have two father
-- candidates; with it Walter is excluded for Udo (he came after the birth)
-- and for Vera (another date).  The previous-address rule excludes Walter
-- for Vera (500 vs 400) but not for Udo (born here: no previous address).
    (701, 7, '1979-01-01', 'm', 'Vogel', 400, '2010-01-01'),
    (702, 7, '1982-02-02', 'f', 'Vogel', 400, '2010-01-01'),
    (703, 7, '2013-04-04', 'm', 'Vogel', NULL, '2013-04-04'),
    (704, 7, '2008-02-02', 'f', 'Vogel', 400, '2010-01-01'),
    (705, 7, '1975-03-03', 'm', 'Vogel', 500, '2021-07-01'),
-- Address 8, the 18th birthday: Yara (born 01.01.2007) is 17 on 31.12.2024
-- and a minor; Zeno (born 31.12.2006) turns 18 that day and is an adult.
-- Without the age gap Zeno, her brother, is Yara's one father candidate.
    (801, 8, '1980-01-01', 'f', 'Ernst', NULL, NULL),
    (802, 8, '2007-01-01', 'f', 'Ernst', NULL, NULL),
    (803, 8, '2006-12-31', 'm', 'Ernst', NULL, NULL),
-- Address 9, adults without children: no rows.
    (901, 9, '1970-01-01', 'f', 'Kraus', NULL, NULL),
    (902, 9, '1972-01-01', 'm', 'Kraus', NULL, NULL),
-- Address 10, an adult of unknown sex counts as a candidate for both roles
-- and is never linked: two mother candidates, one father candidate, no link.
    (1001, 10, '1986-01-01', 'f', 'Lorenz', NULL, NULL),
    (1002, 10, '1985-01-01', NULL, 'Lorenz', NULL, NULL),
    (1003, 10, '2015-01-01', 'f', 'Lorenz', NULL, NULL),
-- Address 15, the same with sex 'd' (divers): one mother candidate who is
-- not a woman (no link), two father candidates (no link).
    (1501, 15, '1985-01-01', 'd', 'Jung', NULL, NULL),
    (1502, 15, '1984-01-01', 'm', 'Jung', NULL, NULL),
    (1503, 15, '2016-01-01', 'm', 'Jung', NULL, NULL),
-- Address 11, sisters: two fitting women, no guess.
    (1101, 11, '1985-01-01', 'f', 'Hahn', NULL, NULL),
    (1102, 11, '1987-01-01', 'f', 'Hahn', NULL, NULL),
    (1103, 11, '2016-01-01', 'm', 'Hahn', NULL, NULL),
-- Address 17, blanks around the hyphen: "Seidel - Roth" shares "roth" with
-- Tim "Roth".  Address 18, an empty surname is unknown and excludes nobody.
    (1701, 17, '1986-03-03', 'f', 'Seidel - Roth', NULL, NULL),
    (1702, 17, '2017-03-03', 'm', 'Roth', NULL, NULL),
    (1801, 18, '1986-04-04', 'f', '', NULL, NULL),
    (1802, 18, '2017-04-04', 'f', 'Beck', NULL, NULL),
-- No address: a row without candidates.
    (1601, NULL, '2015-01-01', 'm', 'Otto', NULL, NULL);

CREATE TEMP TABLE r_default AS SELECT * FROM migstat.link_parents('hh');
CREATE TEMP TABLE r_no_gap AS SELECT * FROM migstat.link_parents('hh', age_gap => false);
CREATE TEMP TABLE r_no_surname AS SELECT * FROM migstat.link_parents('hh', same_surname => false);
CREATE TEMP TABLE r_previous AS SELECT * FROM migstat.link_parents('hh', same_previous_address => true);
CREATE TEMP TABLE r_move_in AS SELECT * FROM migstat.link_parents('hh', same_move_in => true);
CREATE TEMP TABLE r_all AS SELECT * FROM migstat.link_parents('hh', true, true, true, true);

-- "mother/father/mother candidates/father candidates", '-' for no link.
CREATE FUNCTION pg_temp.got(result regclass, child bigint) RETURNS text LANGUAGE plpgsql AS $$
DECLARE t text;
BEGIN
    EXECUTE format('SELECT coalesce(mother_id::text, ''-'') || ''/'' || coalesce(father_id::text, ''-'')
                           || ''/'' || mother_candidates || ''/'' || father_candidates
                    FROM %s WHERE child_id = $1', result) INTO t USING child;
    RETURN t;
END $$;

-- Which rows.
SELECT is((SELECT array_agg(child_id ORDER BY child_id) FROM r_default),
          '{103,203,303,305,403,502,602,703,704,802,1003,1103,1202,1302,1402,1503,1601,1702,1802}'::bigint[],
          'one row per minor, also without address; none for adults (803, address 9) or without birth date (104)');
SELECT is((SELECT array_agg(DISTINCT rules) FROM r_default), '{"address, age_gap, surname"}',
          'the default rules: address, age gap, surname');
SELECT is((SELECT array_agg(DISTINCT rules) FROM r_all), '{"address, age_gap, surname, previous_address, move_in"}',
          'all rules named');
SELECT is((SELECT array_agg(DISTINCT rules) FROM r_no_gap), '{"address, surname"}', 'age gap off');

-- Address 1.
SELECT is(pg_temp.got('r_default', 103), '101/102/1/1', 'family: both parents (defaults)');
SELECT is(pg_temp.got('r_all', 103), '101/102/1/1', 'family: both parents (all rules)');
SELECT is(pg_temp.got('r_no_gap', 103), '101/102/1/1', 'family: both parents (no age gap)');
-- Address 2.
SELECT is(pg_temp.got('r_default', 203), '202/-/1/0', 'age gap: the grandmother (52 at birth) is no candidate');
SELECT is(pg_temp.got('r_no_gap', 203), '-/-/2/0', 'no age gap: two mother candidates, not linked');
-- Addresses 12-14.
SELECT is(pg_temp.got('r_default', 1202), '1201/-/1/0', 'age gap: 50 at the birth fits');
SELECT is(pg_temp.got('r_default', 1302), '-/-/0/0', 'age gap: 51 at the birth does not');
SELECT is(pg_temp.got('r_no_gap', 1302), '1301/-/1/0', 'no age gap: the 51-year-old is linked');
SELECT is(pg_temp.got('r_default', 1402), '-/1401/0/1', 'age gap: a father of exactly 15 fits');
SELECT is((SELECT mother_id FROM migstat.link_parents('hh', mother_age_max => 51) WHERE child_id = 1302),
          1301::bigint, 'mother_age_max => 51 admits her');
SELECT is((SELECT father_id FROM migstat.link_parents('hh', father_age_min => 16) WHERE child_id = 1402),
          NULL::bigint, 'father_age_min => 16 excludes the 15-year-old');
-- Address 3.
SELECT is(pg_temp.got('r_default', 303), '301/302/1/1', 'surname: the Kochs');
SELECT is(pg_temp.got('r_default', 305), '304/-/1/0', 'surname: Kurt Koch is no candidate for Jale Yilmaz');
SELECT is(pg_temp.got('r_no_surname', 303), '-/302/2/1', 'no surname rule: two mother candidates for Hans');
SELECT is(pg_temp.got('r_no_surname', 305), '-/302/2/1', 'no surname rule: Kurt linked to Jale (false link)');
-- Address 4.
SELECT is(pg_temp.got('r_default', 403), '401/-/1/0', 'double name, case and blanks: Berger-Lang ~ " LANG"');
SELECT is(pg_temp.got('r_no_surname', 403), '-/-/2/0', 'no surname rule: two mother candidates');
-- Addresses 17, 18.
SELECT is(pg_temp.got('r_default', 1702), '1701/-/1/0', 'double name with blanks around the hyphen');
SELECT is(pg_temp.got('r_default', 1802), '1801/-/1/0', 'an empty surname is unknown: not excluded');
-- Address 5.
SELECT is(pg_temp.got('r_default', 502), '501/503/1/1', 'defaults link the step-father');
SELECT is(pg_temp.got('r_previous', 502), '501/-/1/0', 'previous address: the step-father is excluded');
SELECT is(pg_temp.got('r_move_in', 502), '501/-/1/0', 'move-in date: the step-father came later, excluded');
-- Address 6.
SELECT is(pg_temp.got('r_previous', 602), '601/-/1/0', 'previous address unknown on one side: not excluded');
-- Address 7.
SELECT is(pg_temp.got('r_default', 703), '702/-/1/2', 'born here: two father candidates without the move-in rule');
SELECT is(pg_temp.got('r_default', 704), '702/-/1/2', 'moved in: two father candidates without the move-in rule');
SELECT is(pg_temp.got('r_move_in', 703), '702/701/1/1', 'move-in: the child born here after the parents moved in');
SELECT is(pg_temp.got('r_move_in', 704), '702/701/1/1', 'move-in: the child who moved in with the parents');
SELECT is(pg_temp.got('r_previous', 703), '702/-/1/2', 'previous address: no help for a child born here');
SELECT is(pg_temp.got('r_previous', 704), '702/701/1/1', 'previous address: Walter came from elsewhere');
SELECT is(pg_temp.got('r_all', 703), '702/701/1/1', 'all rules: child born here');
SELECT is(pg_temp.got('r_all', 704), '702/701/1/1', 'all rules: child moved in');
-- Address 8.
SELECT is(pg_temp.got('r_default', 802), '801/-/1/0', '17 years old: a minor, linked to her mother');
SELECT is(pg_temp.got('r_default', 803), NULL, '18 on the reference date: an adult, no row');
SELECT is(pg_temp.got('r_no_gap', 802), '801/803/1/1', 'no age gap: the 18-year-old brother becomes the father');
SELECT is((SELECT count(*) FROM r_default WHERE child_id = 803 OR mother_id = 803 OR father_id = 803),
          0::bigint, 'with the age gap the brother is nobody''s parent');
-- Address 9.
SELECT is((SELECT count(*) FROM r_no_gap WHERE child_id IN (901, 902) OR mother_id IN (901, 902)
                                              OR father_id IN (901, 902)), 0::bigint,
          'adults without children: no rows, no links');
-- Addresses 10, 15, 11.
SELECT is(pg_temp.got('r_default', 1003), '-/-/2/1', 'unknown sex: a candidate for both roles, never linked');
SELECT is(pg_temp.got('r_default', 1503), '-/-/1/2', 'sex d: a candidate for both roles, never linked');
SELECT is(pg_temp.got('r_default', 1103), '-/-/2/0', 'two sisters: ambiguous, not linked');
SELECT is(pg_temp.got('r_all', 1103), '-/-/2/0', 'two sisters, all rules: still ambiguous');
-- Address NULL.
SELECT is(pg_temp.got('r_default', 1601), '-/-/0/0', 'no address: no candidates');

-- A view renames another register's columns; the result is the same.
CREATE TEMP TABLE other_names AS
SELECT person_id AS pid, address_id AS anschrift, birth_date AS geburtsdatum, sex AS geschlecht,
       surname AS familienname, previous_address_id, move_in_date, reference_date FROM hh;
CREATE TEMP VIEW other_names_v AS
SELECT pid AS person_id, anschrift AS address_id, geburtsdatum AS birth_date, geschlecht AS sex,
       familienname AS surname, previous_address_id, move_in_date, reference_date FROM other_names;
SELECT results_eq($$SELECT * FROM migstat.link_parents('other_names_v', true, true, true, true) ORDER BY child_id$$,
                  $$SELECT * FROM r_all ORDER BY child_id$$, 'a view over other column names gives the same links');
-- A text address key works as well as a number.
CREATE TEMP TABLE text_keys AS
SELECT person_id, 'Hauptstr. ' || address_id AS address_id, birth_date, sex, surname,
       'Alte Str. ' || previous_address_id AS previous_address_id, move_in_date, reference_date FROM hh;
SELECT results_eq($$SELECT * FROM migstat.link_parents('text_keys', true, true, true, true) ORDER BY child_id$$,
                  $$SELECT * FROM r_all ORDER BY child_id$$, 'text address keys');
-- Only the columns of the rules switched on are needed.
CREATE TEMP TABLE minimal AS SELECT person_id, address_id, birth_date, sex, reference_date FROM hh;
SELECT results_eq($$SELECT child_id, mother_id, father_id FROM migstat.link_parents('minimal', same_surname => false) ORDER BY child_id$$,
                  $$SELECT child_id, mother_id, father_id FROM r_no_surname ORDER BY child_id$$,
                  'without surname, previous address and move-in columns when those rules are off');
-- The reference date is the record's: a year earlier everybody is a year younger.
CREATE TEMP TABLE earlier AS SELECT person_id, address_id, birth_date, sex, surname,
       date '2012-12-31' AS reference_date FROM hh;
SELECT ok((SELECT bool_or(child_id = 803) AND bool_or(child_id = 203) AND NOT bool_or(child_id = 303)
           FROM migstat.link_parents('earlier')),
          'reference date 31.12.2012: Zeno is 6, Emil is a baby, Hans not yet born (no row)');
-- An empty register.
CREATE TEMP TABLE empty_register (LIKE hh);
SELECT is_empty($$SELECT * FROM migstat.link_parents('empty_register')$$, 'an empty register: no rows');

-- Errors.
SELECT throws_ok($$SELECT * FROM migstat.link_parents(NULL)$$, '22004',
                 'link_parents: register must not be NULL', 'NULL register');
SELECT throws_ok($$SELECT * FROM migstat.link_parents('hh', same_surname => NULL)$$, '22004', NULL,
                 'a NULL rule switch is an error, not a silent off');
SELECT throws_ok($$SELECT * FROM migstat.link_parents('hh', mother_age_max => NULL)$$, '22004', NULL,
                 'a NULL age limit');
SELECT throws_ok($$SELECT * FROM migstat.link_parents('hh', mother_age_min => 51)$$, '22023',
                 'link_parents: invalid age limits: mother 51 to 50, father 15 to 65 years', 'min above max');
SELECT throws_ok($$SELECT * FROM migstat.link_parents('hh', father_age_min => -1)$$, '22023', NULL,
                 'negative age limit');
SELECT throws_ok($$SELECT * FROM migstat.link_parents('hh', father_age_max => 121)$$, '22023', NULL,
                 'age limit above 120');
SELECT throws_ok($$SELECT * FROM migstat.link_parents('minimal')$$, '42703',
                 'link_parents: minimal has no column "surname"', 'a rule''s column missing');
SELECT throws_ok($$SELECT * FROM migstat.link_parents('minimal', same_surname => false, same_move_in => true)$$,
                 '42703', 'link_parents: minimal has no column "move_in_date"', 'the move-in column missing');
SELECT throws_ok($$SELECT * FROM migstat.link_parents('no_such_table')$$, '42P01', NULL, 'no such table');
CREATE TEMP TABLE twice AS SELECT * FROM hh UNION ALL SELECT * FROM hh WHERE person_id = 103;
SELECT throws_ok($$SELECT * FROM migstat.link_parents('twice')$$, '23505',
                 'link_parents: person_id 103 occurs more than once in twice', 'a duplicate person_id');
SELECT lives_ok($$SELECT * FROM migstat.link_parents('hh')$$, 'a primary key spares the duplicate check');

-- The catalogue entry.
SELECT is((SELECT provolatile::text || proparallel::text || proisstrict::text
           FROM pg_proc WHERE oid = 'migstat.link_parents(regclass,boolean,boolean,boolean,boolean,integer,integer,integer,integer)'::regprocedure),
          'ssfalse', 'STABLE (reads the register), PARALLEL SAFE, not STRICT (a NULL argument is an error)');

SELECT * FROM finish();
ROLLBACK;
