-- Inference for the segregation indices: expected values under random
-- allocation, bias correction, bootstrap and permutation tests
-- (docs/inference.md).

CREATE TYPE migstat.segregation_inference AS (
    index text,
    estimate double precision,
    expected double precision,
    bias_corrected double precision,
    modified double precision,
    std_error double precision,
    ci_lower double precision,
    ci_upper double precision,
    p_value double precision,
    replicates integer,
    seed bigint,
    level double precision
);
COMMENT ON TYPE migstat.segregation_inference IS
'result of migstat.segregation_inference: estimate, expected value under random allocation, bias-corrected and modified index, bootstrap standard error and percentile interval, permutation p-value';

CREATE FUNCTION migstat.mi_accum(internal, bigint[], text)
RETURNS internal AS 'MODULE_PATHNAME', 'mi_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mi_accum(internal, bigint[], text) IS
'aggregate support: transition function of migstat.segregation_inference';
CREATE FUNCTION migstat.mi_accum(internal, bigint[], text, integer, bigint)
RETURNS internal AS 'MODULE_PATHNAME', 'mi_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mi_accum(internal, bigint[], text, integer, bigint) IS
'aggregate support: transition function of migstat.segregation_inference';
CREATE FUNCTION migstat.mi_accum(internal, bigint[], text, integer, bigint, double precision)
RETURNS internal AS 'MODULE_PATHNAME', 'mi_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mi_accum(internal, bigint[], text, integer, bigint, double precision) IS
'aggregate support: transition function of migstat.segregation_inference';

CREATE FUNCTION migstat.mi_accum(internal, integer[], text)
RETURNS internal AS 'MODULE_PATHNAME', 'mi_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mi_accum(internal, integer[], text) IS
'aggregate support: transition function of migstat.segregation_inference';
CREATE FUNCTION migstat.mi_accum(internal, integer[], text, integer, bigint)
RETURNS internal AS 'MODULE_PATHNAME', 'mi_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mi_accum(internal, integer[], text, integer, bigint) IS
'aggregate support: transition function of migstat.segregation_inference';
CREATE FUNCTION migstat.mi_accum(internal, integer[], text, integer, bigint, double precision)
RETURNS internal AS 'MODULE_PATHNAME', 'mi_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mi_accum(internal, integer[], text, integer, bigint, double precision) IS
'aggregate support: transition function of migstat.segregation_inference';

CREATE FUNCTION migstat.mi_combine(internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'mi_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mi_combine(internal, internal) IS
'aggregate support: combines two partial states of migstat.segregation_inference';

CREATE FUNCTION migstat.mi_serialize(internal)
RETURNS bytea AS 'MODULE_PATHNAME', 'mi_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mi_serialize(internal) IS
'aggregate support: writes a partial inference state in the portable format (version 1)';

CREATE FUNCTION migstat.mi_deserialize(bytea, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'mi_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mi_deserialize(bytea, internal) IS
'aggregate support: reads and validates a partial inference state';

CREATE FUNCTION migstat.mi_final(internal)
RETURNS migstat.segregation_inference AS 'MODULE_PATHNAME', 'mi_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mi_final(internal) IS
'aggregate support: final function of migstat.segregation_inference (runs the simulations)';

CREATE AGGREGATE migstat.segregation_inference(counts bigint[], index text) (
    SFUNC = migstat.mi_accum, STYPE = internal, FINALFUNC = migstat.mi_final,
    COMBINEFUNC = migstat.mi_combine,
    SERIALFUNC = migstat.mi_serialize, DESERIALFUNC = migstat.mi_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.segregation_inference(bigint[], text) IS
'inference for a segregation index (dissimilarity, gini, theil, mutual_information) with 1000 replicates, seed 1, 95% interval';

CREATE AGGREGATE migstat.segregation_inference(counts integer[], index text) (
    SFUNC = migstat.mi_accum, STYPE = internal, FINALFUNC = migstat.mi_final,
    COMBINEFUNC = migstat.mi_combine,
    SERIALFUNC = migstat.mi_serialize, DESERIALFUNC = migstat.mi_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.segregation_inference(integer[], text) IS
'inference for a segregation index (dissimilarity, gini, theil, mutual_information) with 1000 replicates, seed 1, 95% interval';

CREATE AGGREGATE migstat.segregation_inference(counts bigint[], index text, replicates integer, seed bigint) (
    SFUNC = migstat.mi_accum, STYPE = internal, FINALFUNC = migstat.mi_final,
    COMBINEFUNC = migstat.mi_combine,
    SERIALFUNC = migstat.mi_serialize, DESERIALFUNC = migstat.mi_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.segregation_inference(bigint[], text, integer, bigint) IS
'inference for a segregation index with the given number of replicates and seed, 95% interval';

CREATE AGGREGATE migstat.segregation_inference(counts integer[], index text, replicates integer, seed bigint) (
    SFUNC = migstat.mi_accum, STYPE = internal, FINALFUNC = migstat.mi_final,
    COMBINEFUNC = migstat.mi_combine,
    SERIALFUNC = migstat.mi_serialize, DESERIALFUNC = migstat.mi_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.segregation_inference(integer[], text, integer, bigint) IS
'inference for a segregation index with the given number of replicates and seed, 95% interval';

CREATE AGGREGATE migstat.segregation_inference(counts bigint[], index text, replicates integer, seed bigint, level double precision) (
    SFUNC = migstat.mi_accum, STYPE = internal, FINALFUNC = migstat.mi_final,
    COMBINEFUNC = migstat.mi_combine,
    SERIALFUNC = migstat.mi_serialize, DESERIALFUNC = migstat.mi_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.segregation_inference(bigint[], text, integer, bigint, double precision) IS
'inference for a segregation index with the given number of replicates, seed and confidence level';


CREATE AGGREGATE migstat.segregation_inference(counts integer[], index text, replicates integer, seed bigint, level double precision) (
    SFUNC = migstat.mi_accum, STYPE = internal, FINALFUNC = migstat.mi_final,
    COMBINEFUNC = migstat.mi_combine,
    SERIALFUNC = migstat.mi_serialize, DESERIALFUNC = migstat.mi_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.segregation_inference(integer[], text, integer, bigint, double precision) IS
'inference for a segregation index with the given number of replicates, seed and confidence level';

CREATE FUNCTION migstat.mi_accum(internal, bigint[], text[], integer, bigint)
RETURNS internal AS 'MODULE_PATHNAME', 'mi_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mi_accum(internal, bigint[], text[], integer, bigint) IS
'aggregate support: transition function of migstat.segregation_inference';
CREATE FUNCTION migstat.mi_accum(internal, bigint[], text[], integer, bigint, double precision)
RETURNS internal AS 'MODULE_PATHNAME', 'mi_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mi_accum(internal, bigint[], text[], integer, bigint, double precision) IS
'aggregate support: transition function of migstat.segregation_inference';

CREATE FUNCTION migstat.mi_accum(internal, integer[], text[], integer, bigint)
RETURNS internal AS 'MODULE_PATHNAME', 'mi_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mi_accum(internal, integer[], text[], integer, bigint) IS
'aggregate support: transition function of migstat.segregation_inference';
CREATE FUNCTION migstat.mi_accum(internal, integer[], text[], integer, bigint, double precision)
RETURNS internal AS 'MODULE_PATHNAME', 'mi_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mi_accum(internal, integer[], text[], integer, bigint, double precision) IS
'aggregate support: transition function of migstat.segregation_inference';

CREATE FUNCTION migstat.mi_final_array(internal)
RETURNS migstat.segregation_inference[] AS 'MODULE_PATHNAME', 'mi_final_array'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mi_final_array(internal) IS
'aggregate support: final function of migstat.segregation_inference over several indices';

CREATE AGGREGATE migstat.segregation_inference(counts bigint[], indices text[], replicates integer, seed bigint) (
    SFUNC = migstat.mi_accum, STYPE = internal, FINALFUNC = migstat.mi_final_array,
    COMBINEFUNC = migstat.mi_combine,
    SERIALFUNC = migstat.mi_serialize, DESERIALFUNC = migstat.mi_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.segregation_inference(bigint[], text[], integer, bigint) IS
'inference for up to four segregation indices computed on the same random tables, with a 95% interval';

CREATE AGGREGATE migstat.segregation_inference(counts bigint[], indices text[], replicates integer, seed bigint, level double precision) (
    SFUNC = migstat.mi_accum, STYPE = internal, FINALFUNC = migstat.mi_final_array,
    COMBINEFUNC = migstat.mi_combine,
    SERIALFUNC = migstat.mi_serialize, DESERIALFUNC = migstat.mi_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.segregation_inference(bigint[], text[], integer, bigint, double precision) IS
'inference for up to four segregation indices computed on the same random tables, and confidence level';

CREATE AGGREGATE migstat.segregation_inference(counts integer[], indices text[], replicates integer, seed bigint) (
    SFUNC = migstat.mi_accum, STYPE = internal, FINALFUNC = migstat.mi_final_array,
    COMBINEFUNC = migstat.mi_combine,
    SERIALFUNC = migstat.mi_serialize, DESERIALFUNC = migstat.mi_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.segregation_inference(integer[], text[], integer, bigint) IS
'inference for up to four segregation indices computed on the same random tables, with a 95% interval';

CREATE AGGREGATE migstat.segregation_inference(counts integer[], indices text[], replicates integer, seed bigint, level double precision) (
    SFUNC = migstat.mi_accum, STYPE = internal, FINALFUNC = migstat.mi_final_array,
    COMBINEFUNC = migstat.mi_combine,
    SERIALFUNC = migstat.mi_serialize, DESERIALFUNC = migstat.mi_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.segregation_inference(integer[], text[], integer, bigint, double precision) IS
'inference for up to four segregation indices computed on the same random tables, and confidence level';
