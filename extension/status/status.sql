-- The residence_status type: German residence law as registers write it
-- (docs/status.md; the catalogue: docs/status-catalogue.md; the law behind
-- it: docs/status-law.md).

CREATE TYPE migstat.residence_status;

CREATE FUNCTION migstat.residence_status_in(cstring)
RETURNS migstat.residence_status AS 'MODULE_PATHNAME', 'residence_status_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.residence_status_in(cstring) IS
'type support: reads a residence status (names, abbreviations, legal citations)';

CREATE FUNCTION migstat.residence_status_out(migstat.residence_status)
RETURNS cstring AS 'MODULE_PATHNAME', 'residence_status_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.residence_status_out(migstat.residence_status) IS
'type support: writes the canonical citation of a residence status';

CREATE FUNCTION migstat.residence_status_recv(internal)
RETURNS migstat.residence_status AS 'MODULE_PATHNAME', 'residence_status_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.residence_status_recv(internal) IS
'type support: reads the binary form (the catalogue code, 4 bytes big-endian)';

CREATE FUNCTION migstat.residence_status_send(migstat.residence_status)
RETURNS bytea AS 'MODULE_PATHNAME', 'residence_status_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.residence_status_send(migstat.residence_status) IS
'type support: writes the binary form (the catalogue code, 4 bytes big-endian)';

CREATE TYPE migstat.residence_status (
    INPUT = migstat.residence_status_in,
    OUTPUT = migstat.residence_status_out,
    RECEIVE = migstat.residence_status_recv,
    SEND = migstat.residence_status_send,
    INTERNALLENGTH = 4,
    PASSEDBYVALUE,
    ALIGNMENT = int4,
    STORAGE = plain
);
COMMENT ON TYPE migstat.residence_status IS
'a residence status under German (or Austrian, UK, Swedish, French) law, stored as its catalogue code';

-- Comparison: the stored value is the catalogue code, an int4, so the int4
-- functions of PostgreSQL compare and hash it (fast, leakproof).
CREATE FUNCTION migstat.residence_status_eq(migstat.residence_status, migstat.residence_status)
RETURNS boolean AS 'int4eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION migstat.residence_status_eq(migstat.residence_status, migstat.residence_status) IS
'operator support: the same status';
CREATE FUNCTION migstat.residence_status_ne(migstat.residence_status, migstat.residence_status)
RETURNS boolean AS 'int4ne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION migstat.residence_status_ne(migstat.residence_status, migstat.residence_status) IS
'operator support: different statuses';
CREATE FUNCTION migstat.residence_status_lt(migstat.residence_status, migstat.residence_status)
RETURNS boolean AS 'int4lt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION migstat.residence_status_lt(migstat.residence_status, migstat.residence_status) IS
'operator support: sorts before (catalogue order)';
CREATE FUNCTION migstat.residence_status_le(migstat.residence_status, migstat.residence_status)
RETURNS boolean AS 'int4le' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION migstat.residence_status_le(migstat.residence_status, migstat.residence_status) IS
'operator support: sorts before or equal (catalogue order)';
CREATE FUNCTION migstat.residence_status_gt(migstat.residence_status, migstat.residence_status)
RETURNS boolean AS 'int4gt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION migstat.residence_status_gt(migstat.residence_status, migstat.residence_status) IS
'operator support: sorts after (catalogue order)';
CREATE FUNCTION migstat.residence_status_ge(migstat.residence_status, migstat.residence_status)
RETURNS boolean AS 'int4ge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION migstat.residence_status_ge(migstat.residence_status, migstat.residence_status) IS
'operator support: sorts after or equal (catalogue order)';
CREATE FUNCTION migstat.residence_status_cmp(migstat.residence_status, migstat.residence_status)
RETURNS integer AS 'btint4cmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION migstat.residence_status_cmp(migstat.residence_status, migstat.residence_status) IS
'btree support: compares two statuses by catalogue code';
CREATE FUNCTION migstat.residence_status_sortsupport(internal)
RETURNS void AS 'btint4sortsupport' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.residence_status_sortsupport(internal) IS
'btree support: fast sorting by catalogue code';
CREATE FUNCTION migstat.residence_status_hash(migstat.residence_status)
RETURNS integer AS 'hashint4' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION migstat.residence_status_hash(migstat.residence_status) IS
'hash support: hash of a status';
CREATE FUNCTION migstat.residence_status_hash_extended(migstat.residence_status, bigint)
RETURNS bigint AS 'hashint4extended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION migstat.residence_status_hash_extended(migstat.residence_status, bigint) IS
'hash support: seeded 64-bit hash of a status';

CREATE OPERATOR migstat.= (
    LEFTARG = migstat.residence_status, RIGHTARG = migstat.residence_status,
    FUNCTION = migstat.residence_status_eq, COMMUTATOR = OPERATOR(migstat.=),
    NEGATOR = OPERATOR(migstat.<>), RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR migstat.<> (
    LEFTARG = migstat.residence_status, RIGHTARG = migstat.residence_status,
    FUNCTION = migstat.residence_status_ne, COMMUTATOR = OPERATOR(migstat.<>),
    NEGATOR = OPERATOR(migstat.=), RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR migstat.< (
    LEFTARG = migstat.residence_status, RIGHTARG = migstat.residence_status,
    FUNCTION = migstat.residence_status_lt, COMMUTATOR = OPERATOR(migstat.>),
    NEGATOR = OPERATOR(migstat.>=), RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR migstat.<= (
    LEFTARG = migstat.residence_status, RIGHTARG = migstat.residence_status,
    FUNCTION = migstat.residence_status_le, COMMUTATOR = OPERATOR(migstat.>=),
    NEGATOR = OPERATOR(migstat.>), RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR migstat.> (
    LEFTARG = migstat.residence_status, RIGHTARG = migstat.residence_status,
    FUNCTION = migstat.residence_status_gt, COMMUTATOR = OPERATOR(migstat.<),
    NEGATOR = OPERATOR(migstat.<=), RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR migstat.>= (
    LEFTARG = migstat.residence_status, RIGHTARG = migstat.residence_status,
    FUNCTION = migstat.residence_status_ge, COMMUTATOR = OPERATOR(migstat.<=),
    NEGATOR = OPERATOR(migstat.<), RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS migstat.residence_status_ops
DEFAULT FOR TYPE migstat.residence_status USING btree AS
    OPERATOR 1 migstat.<,
    OPERATOR 2 migstat.<=,
    OPERATOR 3 migstat.=,
    OPERATOR 4 migstat.>=,
    OPERATOR 5 migstat.>,
    FUNCTION 1 migstat.residence_status_cmp(migstat.residence_status, migstat.residence_status),
    FUNCTION 2 migstat.residence_status_sortsupport(internal);

CREATE OPERATOR CLASS migstat.residence_status_hash_ops
DEFAULT FOR TYPE migstat.residence_status USING hash AS
    OPERATOR 1 migstat.=,
    FUNCTION 1 migstat.residence_status_hash(migstat.residence_status),
    FUNCTION 2 migstat.residence_status_hash_extended(migstat.residence_status, bigint);

CREATE FUNCTION migstat.residence_status_smaller(migstat.residence_status, migstat.residence_status)
RETURNS migstat.residence_status AS 'int4smaller' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.residence_status_smaller(migstat.residence_status, migstat.residence_status) IS
'aggregate support: the status sorting first (min)';
CREATE FUNCTION migstat.residence_status_larger(migstat.residence_status, migstat.residence_status)
RETURNS migstat.residence_status AS 'int4larger' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.residence_status_larger(migstat.residence_status, migstat.residence_status) IS
'aggregate support: the status sorting last (max)';

CREATE AGGREGATE migstat.min(migstat.residence_status) (
    SFUNC = migstat.residence_status_smaller, STYPE = migstat.residence_status,
    COMBINEFUNC = migstat.residence_status_smaller, SORTOP = OPERATOR(migstat.<), PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.min(migstat.residence_status) IS 'the status first in catalogue order';
CREATE AGGREGATE migstat.max(migstat.residence_status) (
    SFUNC = migstat.residence_status_larger, STYPE = migstat.residence_status,
    COMBINEFUNC = migstat.residence_status_larger, SORTOP = OPERATOR(migstat.>), PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.max(migstat.residence_status) IS 'the status last in catalogue order';

-- Reading a citation in the law of a date.
CREATE FUNCTION migstat.residence_status(status text, as_of date)
RETURNS migstat.residence_status AS 'MODULE_PATHNAME', 'residence_status_as_of'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.residence_status(text, date) IS
'reads a residence status, citations in the version of the law in force on as_of (e.g. § 19a AufenthG before 1 March 2020 = Blaue Karte EU)';

-- What the catalogue says about a status.
CREATE FUNCTION migstat.status_code(status migstat.residence_status) RETURNS integer
AS 'MODULE_PATHNAME', 'rs_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.status_code(migstat.residence_status) IS
'the catalogue code of a status (stable across releases; the sort order)';

CREATE FUNCTION migstat.status_key(status migstat.residence_status) RETURNS text
AS 'MODULE_PATHNAME', 'rs_key' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.status_key(migstat.residence_status) IS
'the stable key of a status in the catalogue, e.g. de.blue_card';

CREATE FUNCTION migstat.jurisdiction(status migstat.residence_status) RETURNS text
AS 'MODULE_PATHNAME', 'rs_jurisdiction' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.jurisdiction(migstat.residence_status) IS
'the country whose law the status belongs to (ISO 3166-1 alpha-2: DE, AT, GB, SE, FR)';

CREATE FUNCTION migstat.label(status migstat.residence_status, lang text DEFAULT 'de') RETURNS text
AS 'MODULE_PATHNAME', 'rs_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.label(migstat.residence_status, text) IS
'the label of a status for reports, in German (de) or English (en)';

CREATE FUNCTION migstat.auslaenderstatistik_group(status migstat.residence_status) RETURNS text
AS 'MODULE_PATHNAME', 'rs_auslaender_group' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.auslaenderstatistik_group(migstat.residence_status) IS
'the group of the Ausländerstatistik (Destatis 12521) the status is counted in';

CREATE FUNCTION migstat.schutzsuchende_group(status migstat.residence_status) RETURNS text
AS 'MODULE_PATHNAME', 'rs_schutz_group' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.schutzsuchende_group(migstat.residence_status) IS
'the Schutzsuchende group (Destatis 12531): open, recognised_fixed, recognised_permanent, rejected or none';

CREATE FUNCTION migstat.cross_national_category(status migstat.residence_status) RETURNS text
AS 'MODULE_PATHNAME', 'rs_cross_category' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.cross_national_category(migstat.residence_status) IS
'the category for comparisons across countries: permanent, fixed_term, protection, asylum_pending, tolerated, free_movement, irregular';

CREATE FUNCTION migstat.document_kind(status migstat.residence_status) RETURNS text
AS 'MODULE_PATHNAME', 'rs_document' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.document_kind(migstat.residence_status) IS
'the kind of document or right: visa, residence_permit, settlement_permit, toleration, ...';

CREATE FUNCTION migstat.residence_purpose(status migstat.residence_status) RETURNS integer
AS 'MODULE_PATHNAME', 'rs_abschnitt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.residence_purpose(migstat.residence_status) IS
'the Abschnitt of Kapitel 2 AufenthG of the residence purpose (3 education ... 7 special rights), NULL if none';

CREATE FUNCTION migstat.is_residence_title(status migstat.residence_status) RETURNS boolean
AS 'MODULE_PATHNAME', 'rs_is_title' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.is_residence_title(migstat.residence_status) IS
'whether the status is a residence title in the sense of § 4 AufenthG';

CREATE FUNCTION migstat.is_permanent(status migstat.residence_status) RETURNS boolean
AS 'MODULE_PATHNAME', 'rs_is_permanent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.is_permanent(migstat.residence_status) IS
'whether the status is permanent (not limited in time)';

CREATE FUNCTION migstat.is_precarious(status migstat.residence_status) RETURNS boolean
AS 'MODULE_PATHNAME', 'rs_is_precarious' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.is_precarious(migstat.residence_status) IS
'whether the status is precarious (no regular status, or one at risk of being lost)';

CREATE FUNCTION migstat.precarity_reason(status migstat.residence_status) RETURNS text
AS 'MODULE_PATHNAME', 'rs_precarity_reason' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.precarity_reason(migstat.residence_status) IS
'why the status is precarious (irregular, tolerated, procedure_pending, short_or_conditional, free_movement_conditional); NULL if it is not';

CREATE FUNCTION migstat.work_rule(status migstat.residence_status) RETURNS text
AS 'MODULE_PATHNAME', 'rs_work_rule' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.work_rule(migstat.residence_status) IS
'work as a rule: yes, no, or permission (only with a permission)';

CREATE FUNCTION migstat.permits_work(status migstat.residence_status) RETURNS boolean
AS 'MODULE_PATHNAME', 'rs_permits_work' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.permits_work(migstat.residence_status) IS
'whether the status permits work as a rule, without a further permission';

CREATE FUNCTION migstat.max_validity(status migstat.residence_status) RETURNS interval
AS 'MODULE_PATHNAME', 'rs_max_validity' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.max_validity(migstat.residence_status) IS
'the maximum validity the law fixes for the status, NULL where it fixes none';

CREATE FUNCTION migstat.benefit_rule(status migstat.residence_status) RETURNS text
AS 'MODULE_PATHNAME', 'rs_benefit_rule' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.benefit_rule(migstat.residence_status) IS
'the catalogue''s benefit rule: sgb, asylblg, none, depends, rule_24 or rule_25_5 (see benefit_regime)';

CREATE FUNCTION migstat.in_force(status migstat.residence_status, on_date date) RETURNS boolean
AS 'MODULE_PATHNAME', 'rs_in_force' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.in_force(migstat.residence_status, date) IS
'whether the status existed in law on the date';

CREATE FUNCTION migstat.benefit_regime(status migstat.residence_status, on_date date,
                                       suspension_since date DEFAULT NULL)
RETURNS text AS 'MODULE_PATHNAME', 'rs_benefit_regime'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.benefit_regime(migstat.residence_status, date, date) IS
'the benefit regime on a date: AsylbLG, SGB II/XII, none or depends (§ 1 AsylbLG over time; suspension_since for § 25 Abs. 5)';

CREATE FUNCTION migstat.needs_renewal(status migstat.residence_status) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN NOT migstat.is_permanent(status)
       AND migstat.cross_national_category(status) NOT IN ('free_movement', 'irregular');
COMMENT ON FUNCTION migstat.needs_renewal(migstat.residence_status) IS
'whether the status is issued for a limited time and must be renewed (or replaced) when it ends';

CREATE FUNCTION migstat.renewal_due(status migstat.residence_status, valid_until date,
                                    on_date date, horizon interval DEFAULT interval '3 months')
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN NOT migstat.needs_renewal(status) THEN false
            ELSE valid_until <= on_date + horizon END;
COMMENT ON FUNCTION migstat.renewal_due(migstat.residence_status, date, date, interval) IS
'whether a limited status ends within the horizon after on_date (or has ended): the invitation list of an Ausländerbehörde';

-- The catalogue, for joins.
CREATE FUNCTION migstat.residence_statuses()
RETURNS TABLE (
    status migstat.residence_status, code integer, key text, jurisdiction text,
    canonical text, label_de text, label_en text, document_kind text,
    residence_purpose integer, auslaenderstatistik_group text,
    schutzsuchende_group text, cross_national_category text,
    is_residence_title boolean, is_permanent boolean, is_precarious boolean,
    precarity_reason text, precarity_detail text, work_rule text,
    max_validity_months integer, benefit_rule text, valid_from date, valid_to date,
    sources text)
AS 'MODULE_PATHNAME', 'rs_catalogue'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;
COMMENT ON FUNCTION migstat.residence_statuses() IS
'the residence-status catalogue, one row per status, with labels, classifications and sources';

CREATE FUNCTION migstat.residence_status_groups()
RETURNS TABLE (classification text, code text, label_de text, label_en text,
               source text, sort_order integer)
AS 'MODULE_PATHNAME', 'rs_group_labels'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 60;
COMMENT ON FUNCTION migstat.residence_status_groups() IS
'labels (German, English) of the codes the status functions return, by classification';

-- Histories.
CREATE FUNCTION migstat.status_on_step(bigint, migstat.residence_status, date, date)
RETURNS bigint AS 'MODULE_PATHNAME', 'status_on_step'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.status_on_step(bigint, migstat.residence_status, date, date) IS
'aggregate support: transition function of migstat.status_on';

CREATE FUNCTION migstat.status_on_final(bigint)
RETURNS migstat.residence_status AS 'MODULE_PATHNAME', 'status_on_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.status_on_final(bigint) IS
'aggregate support: final function of migstat.status_on';

CREATE AGGREGATE migstat.status_on(status migstat.residence_status, since date, on_date date) (
    SFUNC = migstat.status_on_step,
    STYPE = bigint,
    FINALFUNC = migstat.status_on_final,
    COMBINEFUNC = int8larger,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.status_on(migstat.residence_status, date, date) IS
'the status of a history in force on on_date: the one with the latest start (since) on or before it';

-- The data audit: where does this database hold residence statuses?
CREATE FUNCTION migstat.status_columns()
RETURNS TABLE (table_schema name, table_name name, column_name name,
               table_kind text, column_type text)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
WITH RECURSIVE status_types(oid) AS (
    SELECT 'migstat.residence_status'::regtype::oid
    UNION
    -- domains over, arrays of, and row types containing a status type
    SELECT ty.oid
    FROM pg_type ty
    LEFT JOIN pg_attribute a
           ON ty.typtype = 'c' AND a.attrelid = ty.typrelid AND a.attnum > 0 AND NOT a.attisdropped
    JOIN status_types st
      ON st.oid IN (ty.typbasetype,
                    CASE WHEN ty.typcategory = 'A' THEN ty.typelem END,
                    a.atttypid)
)
SELECT n.nspname, c.relname, a.attname,
       CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table'
                      WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                      WHEN 'f' THEN 'foreign table' END,
       format_type(a.atttypid, a.atttypmod)
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE a.atttypid IN (SELECT oid FROM status_types)
  AND a.attnum > 0 AND NOT a.attisdropped
  AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY 1, 2, a.attnum
$$;
COMMENT ON FUNCTION migstat.status_columns() IS
'every column of tables, views and foreign tables holding residence statuses (directly, in arrays, domains or row types): the data audit';
