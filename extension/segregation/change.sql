-- Decomposition of the change in M between two periods (docs/inference.md).

CREATE TYPE migstat.mutual_information_change AS (
    m1 double precision,
    m2 double precision,
    difference double precision,
    additions double precision,
    removals double precision,
    group_marginal double precision,
    unit_marginal double precision,
    structural double precision
);
COMMENT ON TYPE migstat.mutual_information_change IS
'M2 - M1 = additions + removals + group_marginal + unit_marginal + structural (Elbers 2021)';

CREATE FUNCTION migstat.mc_accum(internal, anyelement, anycompatible, bigint, integer)
RETURNS internal AS 'MODULE_PATHNAME', 'mc_accum_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mc_accum(internal, anyelement, anycompatible, bigint, integer) IS
'aggregate support: transition function of migstat.mutual_information_change';
CREATE FUNCTION migstat.mc_accum(internal, anyelement, anycompatible, double precision, integer)
RETURNS internal AS 'MODULE_PATHNAME', 'mc_accum_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mc_accum(internal, anyelement, anycompatible, double precision, integer) IS
'aggregate support: transition function of migstat.mutual_information_change';

CREATE FUNCTION migstat.mc_combine(internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'mc_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mc_combine(internal, internal) IS
'aggregate support: combines two partial states of migstat.mutual_information_change';

CREATE FUNCTION migstat.mc_serialize(internal)
RETURNS bytea AS 'MODULE_PATHNAME', 'mc_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mc_serialize(internal) IS
'aggregate support: writes a partial change state in the portable format (version 1)';

CREATE FUNCTION migstat.mc_deserialize(bytea, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'mc_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mc_deserialize(bytea, internal) IS
'aggregate support: reads and validates a partial change state';

CREATE FUNCTION migstat.mc_final(internal)
RETURNS migstat.mutual_information_change AS 'MODULE_PATHNAME', 'mc_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mc_final(internal) IS
'aggregate support: final function of migstat.mutual_information_change';

CREATE AGGREGATE migstat.mutual_information_change(unit anyelement, grp anycompatible, count bigint, period integer) (
    SFUNC = migstat.mc_accum, STYPE = internal, FINALFUNC = migstat.mc_final,
    COMBINEFUNC = migstat.mc_combine,
    SERIALFUNC = migstat.mc_serialize, DESERIALFUNC = migstat.mc_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.mutual_information_change(anyelement, anycompatible, bigint, integer) IS
'decomposition of M(period 2) - M(period 1) into additions, removals, group and unit marginal and structural change (Elbers 2021)';

CREATE AGGREGATE migstat.mutual_information_change(unit anyelement, grp anycompatible, count double precision, period integer) (
    SFUNC = migstat.mc_accum, STYPE = internal, FINALFUNC = migstat.mc_final,
    COMBINEFUNC = migstat.mc_combine,
    SERIALFUNC = migstat.mc_serialize, DESERIALFUNC = migstat.mc_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.mutual_information_change(anyelement, anycompatible, double precision, integer) IS
'decomposition of M(period 2) - M(period 1) into additions, removals, group and unit marginal and structural change (Elbers 2021)';
