-- Between/within decomposition of the mutual information index M for units
-- nested in areas (docs/multigroup.md).

CREATE TYPE migstat.mutual_information_parts AS (
    total double precision,
    between double precision,
    within double precision
);
COMMENT ON TYPE migstat.mutual_information_parts IS
'M of the units = M between areas + M within areas (Theil & Finizza 1971; Mora & Ruiz-Castillo 2011)';

CREATE FUNCTION migstat.md_accum(internal, bigint[], anyelement)
RETURNS internal AS 'MODULE_PATHNAME', 'md_accum_sql'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.md_accum(internal, bigint[], anyelement) IS
'aggregate support: transition function of migstat.mutual_information_decomposition';

CREATE FUNCTION migstat.md_accum(internal, integer[], anyelement)
RETURNS internal AS 'MODULE_PATHNAME', 'md_accum_sql'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.md_accum(internal, integer[], anyelement) IS
'aggregate support: transition function of migstat.mutual_information_decomposition';

CREATE FUNCTION migstat.md_accum(internal, double precision[], anyelement)
RETURNS internal AS 'MODULE_PATHNAME', 'md_accum_sql'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.md_accum(internal, double precision[], anyelement) IS
'aggregate support: transition function of migstat.mutual_information_decomposition';

CREATE FUNCTION migstat.md_combine(internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'md_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.md_combine(internal, internal) IS
'aggregate support: combines two partial states of migstat.mutual_information_decomposition';

CREATE FUNCTION migstat.md_serialize(internal)
RETURNS bytea AS 'MODULE_PATHNAME', 'md_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.md_serialize(internal) IS
'aggregate support: writes a partial decomposition state in the portable format (version 1)';

CREATE FUNCTION migstat.md_deserialize(bytea, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'md_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.md_deserialize(bytea, internal) IS
'aggregate support: reads and validates a partial decomposition state';

CREATE FUNCTION migstat.md_final(internal)
RETURNS migstat.mutual_information_parts AS 'MODULE_PATHNAME', 'md_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.md_final(internal) IS
'aggregate support: final function of migstat.mutual_information_decomposition';

CREATE AGGREGATE migstat.mutual_information_decomposition(counts bigint[], area anyelement) (
    SFUNC = migstat.md_accum, STYPE = internal,
    FINALFUNC = migstat.md_final,
    COMBINEFUNC = migstat.md_combine,
    SERIALFUNC = migstat.md_serialize, DESERIALFUNC = migstat.md_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.mutual_information_decomposition(bigint[], anyelement) IS
'mutual information index M of the units split into between-area and within-area terms';

CREATE AGGREGATE migstat.mutual_information_decomposition(counts integer[], area anyelement) (
    SFUNC = migstat.md_accum, STYPE = internal,
    FINALFUNC = migstat.md_final,
    COMBINEFUNC = migstat.md_combine,
    SERIALFUNC = migstat.md_serialize, DESERIALFUNC = migstat.md_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.mutual_information_decomposition(integer[], anyelement) IS
'mutual information index M of the units split into between-area and within-area terms';

CREATE AGGREGATE migstat.mutual_information_decomposition(counts double precision[], area anyelement) (
    SFUNC = migstat.md_accum, STYPE = internal,
    FINALFUNC = migstat.md_final,
    COMBINEFUNC = migstat.md_combine,
    SERIALFUNC = migstat.md_serialize, DESERIALFUNC = migstat.md_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.mutual_information_decomposition(double precision[], anyelement) IS
'mutual information index M of the units split into between-area and within-area terms';
