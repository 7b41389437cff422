-- migstat: the status-data firewall (docs/disclosure.md, "The firewall").
--
-- Residence-status microdata live in schema register, which only the role
-- register_owner can read.  Analysts (register_analyst) reach them only
-- through functions and security-barrier views in schema register_stats
-- that return protected counts.  A service that must see single records
-- (register_service) sees, through row-level security and column
-- privileges, only the records of its own districts and never the record
-- keys.
--
-- Run once per database as a superuser, in one transaction:
--     psql -1 -v ON_ERROR_STOP=1 -f docs/firewall-setup.sql
-- Rename the roles and schemas to your conventions; the tests
-- (test/pgtap/firewall.sql) run this file as it is.
SET LOCAL client_min_messages = warning;

-- 1. Roles.  Nobody logs in as them: grant them to login roles
--    (GRANT register_analyst TO alice).
CREATE ROLE register_owner NOLOGIN;
CREATE ROLE register_analyst NOLOGIN;
CREATE ROLE register_service NOLOGIN;
-- migstat's functions, types and operators are harmless on their own
-- (they run with the caller's rights and read nothing by themselves); the
-- analyst and the service need them to compare and group residence
-- statuses (WHERE residence_status = 'Duldung').
GRANT USAGE ON SCHEMA migstat TO register_owner, register_analyst, register_service;

-- 2. The microdata, readable by their owner only.  The record key is drawn
--    once, when a record is inserted, and stays with it; it is as secret as
--    the records (whoever knows keys can undo the cell key method's noise).
--    The status has its own type, migstat.residence_status, so the data
--    audit migstat.status_columns() finds this column.
CREATE SCHEMA register AUTHORIZATION register_owner;
CREATE SCHEMA register_stats AUTHORIZATION register_owner;
REVOKE ALL ON SCHEMA register, register_stats FROM PUBLIC;
SET LOCAL ROLE register_owner;

CREATE TABLE register.persons (
    person_id bigint PRIMARY KEY,
    district integer NOT NULL,
    residence_status migstat.residence_status NOT NULL,
    birth_year integer,
    record_key double precision NOT NULL DEFAULT migstat.record_key()
        CHECK (record_key >= 0 AND record_key < 1)
);
REVOKE ALL ON register.persons FROM PUBLIC;

-- The perturbation table: maximum deviation 4, variance 2.5, counts 1 and
-- 2 never published.
CREATE TABLE register.perturbation_table AS
SELECT i, j, p FROM migstat.ptable_build(4, 2.5, 2);

-- Which districts each service may see.
CREATE TABLE register.service_districts (
    role_name name NOT NULL,
    district integer NOT NULL,
    PRIMARY KEY (role_name, district)
);

-- 3. The protected interface.  Functions run as their owner (SECURITY
--    DEFINER) with a fixed search_path (migstat for the operators of
--    residence_status); they return nothing but protected counts.
-- Every cell district x status with its margins (status NULL: all
-- statuses; both NULL: the total), by the cell key method.
CREATE FUNCTION register_stats.persons_by_district_status()
RETURNS TABLE (district register.persons.district%TYPE,
               residence_status register.persons.residence_status%TYPE,
               persons bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, migstat, pg_temp
AS $$
    SELECT district, residence_status,
           migstat.ckm_count(record_key, 'register.perturbation_table')
    FROM register.persons
    GROUP BY ROLLUP (district, residence_status)
$$;

-- Any cell an analyst defines by filters (NULL: no filter).  Filters let
-- analysts difference overlapping cells; the cell key method gives every
-- cell fixed noise, so differences stay noisy.
CREATE FUNCTION register_stats.persons(
    district register.persons.district%TYPE DEFAULT NULL,
    residence_status register.persons.residence_status%TYPE DEFAULT NULL,
    born_from integer DEFAULT NULL,
    born_to integer DEFAULT NULL)
RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, migstat, pg_temp
AS $$
    SELECT migstat.ckm_count(p.record_key, 'register.perturbation_table')
    FROM register.persons p
    WHERE ($1 IS NULL OR p.district = $1)
      AND ($2 IS NULL OR p.residence_status = $2)
      AND ($3 IS NULL OR p.birth_year >= $3)
      AND ($4 IS NULL OR p.birth_year <= $4)
$$;

-- A view with primary suppression (minimum frequency 3, fixed here so that
-- no setting can lower it).  security_barrier keeps an analyst's own
-- functions in WHERE from running on single records before aggregation.
CREATE VIEW register_stats.status_by_district WITH (security_barrier) AS
SELECT district, residence_status, (c).value AS persons, (c).suppressed
FROM (SELECT district, residence_status, migstat.suppress(count(*), 3) AS c
      FROM register.persons GROUP BY district, residence_status) s;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA register_stats FROM PUBLIC;
GRANT USAGE ON SCHEMA register_stats TO register_analyst;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA register_stats TO register_analyst;
GRANT SELECT ON register_stats.status_by_district TO register_analyst;

-- 4. Row-level security for the service: its districts' records, the
--    columns it needs, never the record key.  The owner is not subject to
--    the policy (it is the table's owner), so the protected functions see
--    every record.
ALTER TABLE register.persons ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_districts ON register.persons FOR SELECT TO register_service
    USING (district IN (SELECT s.district FROM register.service_districts s
                        WHERE s.role_name = current_user));
GRANT USAGE ON SCHEMA register TO register_service;
GRANT SELECT (person_id, district, residence_status, birth_year) ON register.persons
    TO register_service;
GRANT SELECT ON register.service_districts TO register_service;

RESET ROLE;
