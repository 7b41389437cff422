-- The status-data firewall: runs docs/firewall-setup.sql as documented,
-- fills the register, and proves as the analyst role that no single record
-- and no unprotected small count can be read — by direct SELECT, through
-- views, through functions, and by differencing protected counts — and as
-- the service role that row-level security shows its districts only.
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS migstat;
BEGIN;
-- the operators of residence_status live in schema migstat
SET LOCAL search_path = public, migstat;
SELECT plan(36);

\ir ../../docs/firewall-setup.sql

-- 6,000 people in 30 districts; rare statuses give cells of 1 and 2.
-- Record keys are seeded here so that the test is reproducible.
SET LOCAL ROLE register_owner;
INSERT INTO register.persons
SELECT id, 1 + id % 30,
       (CASE WHEN h < 700 THEN 'Niederlassungserlaubnis' WHEN h < 930 THEN 'Aufenthaltserlaubnis'
             WHEN h < 985 THEN 'Aufenthaltsgestattung' WHEN h < 996 THEN 'Duldung'
             ELSE 'ohne Aufenthaltsstatus' END)::migstat.residence_status,
       1930 + abs(hashint4(id + 7)) % 90, migstat.record_key(id, 1207)
FROM (SELECT id, abs(hashint4(id)) % 1000 AS h FROM generate_series(1, 6000) id) s;
INSERT INTO register.service_districts VALUES ('register_service', 3);
RESET ROLE;

-- The truth, for comparison (the test runs as superuser here).
CREATE TEMP TABLE truth AS
SELECT district, residence_status, count(*) AS n FROM register.persons GROUP BY 1, 2;

-- Runs q as role r and returns its first column of its first row as text,
-- or "SQLSTATE: message" if it fails.
CREATE FUNCTION pg_temp.run_as(r name, q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE out text;
BEGIN
  EXECUTE format('SET ROLE %I', r);
  BEGIN
    IF q ~* '^\s*(SELECT|WITH)' THEN
      EXECUTE q INTO out;
    ELSE
      EXECUTE q;
    END IF;
  EXCEPTION WHEN OTHERS THEN
    out := SQLSTATE || ': ' || SQLERRM;
  END;
  RESET ROLE;
  RETURN out;
END $$;

SELECT ok((SELECT count(*) FROM truth WHERE n <= 2) >= 10,
          'the register has at least 10 cells of one or two people');

-- 1. Direct access to the microdata.
SELECT matches(pg_temp.run_as('register_analyst', 'SELECT count(*) FROM register.persons'),
               '^42501: permission denied', 'analyst: no SELECT on the microdata');
SELECT matches(pg_temp.run_as('register_analyst', 'SELECT person_id FROM register.persons LIMIT 1'),
               '^42501', 'analyst: no single record');
SELECT matches(pg_temp.run_as('register_analyst',
                              $$SELECT migstat.ckm_count(record_key, 'register.perturbation_table') FROM register.persons$$),
               '^42501', 'analyst: no migstat aggregate over the microdata either');
SELECT matches(pg_temp.run_as('register_analyst', 'SELECT count(*) FROM register.perturbation_table'),
               '^42501', 'analyst: no access to the register schema at all');
SELECT matches(pg_temp.run_as('register_analyst', 'CREATE VIEW register_stats.mine AS SELECT 1'),
               '^42501', 'analyst: cannot create objects next to the protected interface');
SELECT matches(pg_temp.run_as('register_analyst', 'SET migstat.min_cell_count = 1'),
               '^42501', 'analyst: cannot lower the minimum frequency');
SELECT matches(pg_temp.run_as('register_service', 'SELECT count(*) FROM register_stats.status_by_district'),
               '^42501', 'service: no access to the statistics interface');

-- 2. Functions: the cell key method.
CREATE TEMP TABLE analyst_cells (district int, residence_status migstat.residence_status, persons bigint);
GRANT INSERT ON analyst_cells TO register_analyst;
SELECT is(pg_temp.run_as('register_analyst',
                         'WITH c AS (INSERT INTO analyst_cells SELECT * FROM register_stats.persons_by_district_status() RETURNING 1) SELECT count(*) FROM c'),
          (SELECT (count(*) + count(DISTINCT district) + 1)::text FROM truth),
          'analyst: the function returns every cell and margin');
SELECT is((SELECT count(*) FROM analyst_cells WHERE persons IN (1, 2)), 0::bigint,
          'analyst: no published count is 1 or 2');
SELECT is((SELECT count(*) FROM analyst_cells a JOIN truth t USING (district, residence_status)
           WHERE t.n <= 2 AND a.persons = t.n), 0::bigint,
          'analyst: no cell of one or two people is published with its true count');
SELECT ok((SELECT max(abs(a.persons - t.n)) FROM analyst_cells a JOIN truth t USING (district, residence_status)) <= 4,
          'analyst: published counts deviate by at most D = 4');
SELECT ok((SELECT count(*) FROM analyst_cells a JOIN truth t USING (district, residence_status) WHERE a.persons <> t.n)
          > (SELECT count(*) FROM truth) / 3, 'analyst: many cells are perturbed');

-- The same cell through another query shape gives the same value: noise
-- cannot be averaged away by asking again.
SELECT is((SELECT count(*) FROM analyst_cells a
           WHERE a.district IS NOT NULL AND a.residence_status IS NOT NULL
             AND a.persons IS DISTINCT FROM pg_temp.run_as('register_analyst',
                   format('SELECT register_stats.persons(%s, %L)', a.district, a.residence_status))::bigint),
          0::bigint, 'analyst: a cell asked for by filters equals the same cell from the table');
SELECT is((SELECT count(*) FROM analyst_cells a
           WHERE a.district IS NOT NULL AND a.residence_status IS NULL
             AND a.persons IS DISTINCT FROM pg_temp.run_as('register_analyst',
                   format('SELECT register_stats.persons(%s)', a.district))::bigint),
          0::bigint, 'analyst: district margins equal the districts asked for by filters');

-- Differencing two protected counts: a district's total minus its other
-- statuses estimates a small cell.  The estimate is off by the noise of
-- five cells; it hits the true count rarely, and the analyst cannot tell
-- when.
CREATE TEMP TABLE differencing AS
SELECT t.district, t.residence_status, t.n,
       m.persons - (SELECT sum(o.persons) FROM analyst_cells o
                    WHERE o.district = t.district AND o.residence_status IS NOT NULL
                      AND o.residence_status <> t.residence_status) AS estimate
FROM truth t JOIN analyst_cells m ON m.district = t.district AND m.residence_status IS NULL
WHERE t.n <= 2;
SELECT ok((SELECT count(*) FILTER (WHERE estimate = n) FROM differencing)
          < (SELECT count(*) FROM differencing) / 2,
          'analyst: differencing margins recovers fewer than half of the small cells');
SELECT ok((SELECT count(DISTINCT estimate) FROM differencing) > 3,
          'analyst: the differencing estimates of cells of one or two scatter widely');
-- Differencing by birth years: everyone of a district and status, minus
-- those born before and after a year, estimates those born in that year.
CREATE TEMP TABLE by_year AS
SELECT t.district, t.residence_status, t.birth_year, t.n,
       pg_temp.run_as('register_analyst', format('SELECT register_stats.persons(%s, %L)', t.district, t.residence_status))::bigint
     - pg_temp.run_as('register_analyst', format('SELECT register_stats.persons(%s, %L, NULL, %s)', t.district, t.residence_status, t.birth_year - 1))::bigint
     - pg_temp.run_as('register_analyst', format('SELECT register_stats.persons(%s, %L, %s)', t.district, t.residence_status, t.birth_year + 1))::bigint AS estimate
FROM (SELECT district, residence_status, min(birth_year) AS birth_year, count(*) AS n
      FROM register.persons WHERE residence_status IN ('Duldung', 'ohne Aufenthaltsstatus')
      GROUP BY 1, 2 HAVING count(*) <= 2) t;
SELECT ok((SELECT count(*) FILTER (WHERE estimate = n) FROM by_year) < (SELECT count(*) FROM by_year) / 2,
          'analyst: differencing by birth year recovers fewer than half of the small cells');
SELECT is(pg_temp.run_as('register_analyst',
                         $$SELECT count(*) FROM (SELECT register_stats.persons(d, 'duldung', y, y) AS c
                                                 FROM generate_series(1, 30) d, generate_series(1930, 2019) y) s
                           WHERE c IN (1, 2)$$), '0',
          'analyst: no single birth year of a rare status is published as 1 or 2');

-- 3. The security-barrier view: primary suppression.
SELECT is(pg_temp.run_as('register_analyst', 'SELECT count(*) FROM register_stats.status_by_district WHERE persons IN (1, 2)'),
          '0', 'analyst: the view publishes no count of 1 or 2');
SELECT is(pg_temp.run_as('register_analyst', 'SELECT count(*) FROM register_stats.status_by_district WHERE suppressed'),
          (SELECT count(*)::text FROM truth WHERE n <= 2), 'analyst: the view marks every small cell suppressed');
SELECT is(pg_temp.run_as('register_analyst', 'SELECT count(*) FROM register_stats.status_by_district WHERE suppressed AND persons IS NOT NULL'),
          '0', 'analyst: suppressed cells carry no value');

-- A function of the analyst's own in WHERE would, without the security
-- barrier, run on every record before aggregation (and could count or
-- report them).  It counts its calls in a setting.
SELECT is(pg_temp.run_as('register_analyst', $q$
    CREATE FUNCTION pg_temp.peek(d int, s migstat.residence_status) RETURNS boolean LANGUAGE plpgsql STABLE AS $f$
    BEGIN
      PERFORM set_config('firewall.peeks',
                         (coalesce(nullif(current_setting('firewall.peeks', true), ''), '0')::int + 1)::text, false);
      RETURN true;
    END $f$ $q$), NULL, 'analyst: may create temporary functions');
SELECT is(pg_temp.run_as('register_analyst', $$SELECT set_config('firewall.peeks', '0', false)$$), '0',
          'analyst: resets the counter');
SELECT is(pg_temp.run_as('register_analyst', $$
    SELECT count(*) FROM register_stats.status_by_district WHERE pg_temp.peek(district, residence_status)$$),
          (SELECT count(*)::text FROM truth), 'analyst: the view answers the query');
SELECT is(current_setting('firewall.peeks'), (SELECT count(*)::text FROM truth),
          'security barrier: the analyst''s function saw only published rows, never a record');
-- The same view without the barrier leaks: the function runs per record.
SET LOCAL ROLE register_owner;
ALTER VIEW register_stats.status_by_district SET (security_barrier = false);
RESET ROLE;
SELECT is(pg_temp.run_as('register_analyst', $$SELECT set_config('firewall.peeks', '0', false)$$), '0',
          'control: the counter is reset');
SELECT is(pg_temp.run_as('register_analyst', $$
    SELECT count(*) FROM register_stats.status_by_district WHERE pg_temp.peek(district, residence_status)$$),
          (SELECT count(*)::text FROM truth), 'control: the view without barrier answers the same');
SELECT is(current_setting('firewall.peeks'), '6000',
          'control: without security_barrier the function would see all 6,000 records');
SET LOCAL ROLE register_owner;
ALTER VIEW register_stats.status_by_district SET (security_barrier = true);
RESET ROLE;

-- 4. The service: row-level security and column privileges.
SELECT is(pg_temp.run_as('register_service', 'SELECT count(*) FROM register.persons'),
          (SELECT n::text FROM (SELECT count(*) AS n FROM register.persons WHERE district = 3) s),
          'service: sees the records of its district');
SELECT is(pg_temp.run_as('register_service', 'SELECT count(*) FROM register.persons WHERE district <> 3'),
          '0', 'service: sees no record of other districts');
SELECT matches(pg_temp.run_as('register_service', 'SELECT record_key FROM register.persons LIMIT 1'),
               '^42501', 'service: never sees record keys');
SELECT matches(pg_temp.run_as('register_service', 'SELECT * FROM register.persons LIMIT 1'),
               '^42501', 'service: SELECT * fails for lack of the key column');
SELECT matches(pg_temp.run_as('register_service', 'SELECT register_stats.persons(3)'),
               '^42501', 'service: cannot call the statistics functions');
SELECT matches(pg_temp.run_as('register_service', $$UPDATE register.persons SET residence_status = 'Duldung'$$),
               '^42501', 'service: cannot change records');

SELECT is((SELECT string_agg(format('%s.%s.%s %s', table_schema, table_name, column_name, column_type), ', ')
           FROM migstat.status_columns() WHERE table_schema LIKE 'register%'),
          'register.persons.residence_status residence_status, register_stats.status_by_district.residence_status residence_status',
          'the data audit finds the status column of the microdata and the view built on it');
SELECT * FROM finish();
ROLLBACK;
