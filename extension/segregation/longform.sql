-- Long-form multigroup aggregates: rows (unit, group, count) with keys of any
-- type, grouped inside the aggregate (docs/multigroup.md).

CREATE FUNCTION migstat.lf_accum(internal, anyelement, anycompatible, bigint)
RETURNS internal AS 'MODULE_PATHNAME', 'lf_accum_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_accum(internal, anyelement, anycompatible, bigint) IS
'aggregate support: transition function of the long-form multigroup aggregates';

CREATE FUNCTION migstat.lf_accum(internal, anyelement, anycompatible, double precision)
RETURNS internal AS 'MODULE_PATHNAME', 'lf_accum_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_accum(internal, anyelement, anycompatible, double precision) IS
'aggregate support: transition function of the long-form multigroup aggregates';

CREATE FUNCTION migstat.lf_combine(internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'lf_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_combine(internal, internal) IS
'aggregate support: combines two partial states of a long-form aggregate';

CREATE FUNCTION migstat.lf_serialize(internal)
RETURNS bytea AS 'MODULE_PATHNAME', 'lf_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_serialize(internal) IS
'aggregate support: writes a partial long-form state in the portable format (version 1)';

CREATE FUNCTION migstat.lf_deserialize(bytea, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'lf_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_deserialize(bytea, internal) IS
'aggregate support: reads and validates a partial long-form state';

CREATE FUNCTION migstat.lf_dissimilarity_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'lf_dissimilarity_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_dissimilarity_final(internal) IS
'aggregate support: final function of migstat.dissimilarity(unit, grp, count)';

CREATE AGGREGATE migstat.dissimilarity(unit anyelement, grp anycompatible, count bigint) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_dissimilarity_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.dissimilarity(anyelement, anycompatible, bigint) IS
'dissimilarity from long-form rows (unit, group, count); see migstat.dissimilarity(counts)';

CREATE AGGREGATE migstat.dissimilarity(unit anyelement, grp anycompatible, count double precision) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_dissimilarity_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.dissimilarity(anyelement, anycompatible, double precision) IS
'dissimilarity from long-form rows (unit, group, count); see migstat.dissimilarity(counts)';

CREATE FUNCTION migstat.lf_gini_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'lf_gini_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_gini_final(internal) IS
'aggregate support: final function of migstat.gini(unit, grp, count)';

CREATE AGGREGATE migstat.gini(unit anyelement, grp anycompatible, count bigint) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_gini_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.gini(anyelement, anycompatible, bigint) IS
'gini from long-form rows (unit, group, count); see migstat.gini(counts)';

CREATE AGGREGATE migstat.gini(unit anyelement, grp anycompatible, count double precision) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_gini_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.gini(anyelement, anycompatible, double precision) IS
'gini from long-form rows (unit, group, count); see migstat.gini(counts)';

CREATE FUNCTION migstat.lf_theil_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'lf_theil_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_theil_final(internal) IS
'aggregate support: final function of migstat.theil(unit, grp, count)';

CREATE AGGREGATE migstat.theil(unit anyelement, grp anycompatible, count bigint) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_theil_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.theil(anyelement, anycompatible, bigint) IS
'theil from long-form rows (unit, group, count); see migstat.theil(counts)';

CREATE AGGREGATE migstat.theil(unit anyelement, grp anycompatible, count double precision) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_theil_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.theil(anyelement, anycompatible, double precision) IS
'theil from long-form rows (unit, group, count); see migstat.theil(counts)';

CREATE FUNCTION migstat.lf_mutual_information_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'lf_mutual_information_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_mutual_information_final(internal) IS
'aggregate support: final function of migstat.mutual_information(unit, grp, count)';

CREATE AGGREGATE migstat.mutual_information(unit anyelement, grp anycompatible, count bigint) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_mutual_information_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.mutual_information(anyelement, anycompatible, bigint) IS
'mutual information from long-form rows (unit, group, count); see migstat.mutual_information(counts)';

CREATE AGGREGATE migstat.mutual_information(unit anyelement, grp anycompatible, count double precision) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_mutual_information_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.mutual_information(anyelement, anycompatible, double precision) IS
'mutual information from long-form rows (unit, group, count); see migstat.mutual_information(counts)';

CREATE FUNCTION migstat.lf_normalized_exposure_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'lf_normalized_exposure_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_normalized_exposure_final(internal) IS
'aggregate support: final function of migstat.normalized_exposure(unit, grp, count)';

CREATE AGGREGATE migstat.normalized_exposure(unit anyelement, grp anycompatible, count bigint) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_normalized_exposure_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.normalized_exposure(anyelement, anycompatible, bigint) IS
'normalized exposure from long-form rows (unit, group, count); see migstat.normalized_exposure(counts)';

CREATE AGGREGATE migstat.normalized_exposure(unit anyelement, grp anycompatible, count double precision) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_normalized_exposure_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.normalized_exposure(anyelement, anycompatible, double precision) IS
'normalized exposure from long-form rows (unit, group, count); see migstat.normalized_exposure(counts)';

CREATE FUNCTION migstat.lf_relative_diversity_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'lf_relative_diversity_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_relative_diversity_final(internal) IS
'aggregate support: final function of migstat.relative_diversity(unit, grp, count)';

CREATE AGGREGATE migstat.relative_diversity(unit anyelement, grp anycompatible, count bigint) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_relative_diversity_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.relative_diversity(anyelement, anycompatible, bigint) IS
'relative diversity from long-form rows (unit, group, count); see migstat.relative_diversity(counts)';

CREATE AGGREGATE migstat.relative_diversity(unit anyelement, grp anycompatible, count double precision) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_relative_diversity_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.relative_diversity(anyelement, anycompatible, double precision) IS
'relative diversity from long-form rows (unit, group, count); see migstat.relative_diversity(counts)';

CREATE FUNCTION migstat.lf_squared_coefficient_of_variation_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'lf_squared_coefficient_of_variation_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_squared_coefficient_of_variation_final(internal) IS
'aggregate support: final function of migstat.squared_coefficient_of_variation(unit, grp, count)';

CREATE AGGREGATE migstat.squared_coefficient_of_variation(unit anyelement, grp anycompatible, count bigint) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_squared_coefficient_of_variation_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.squared_coefficient_of_variation(anyelement, anycompatible, bigint) IS
'squared coefficient of variation from long-form rows (unit, group, count); see migstat.squared_coefficient_of_variation(counts)';

CREATE AGGREGATE migstat.squared_coefficient_of_variation(unit anyelement, grp anycompatible, count double precision) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_squared_coefficient_of_variation_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.squared_coefficient_of_variation(anyelement, anycompatible, double precision) IS
'squared coefficient of variation from long-form rows (unit, group, count); see migstat.squared_coefficient_of_variation(counts)';

CREATE FUNCTION migstat.lf_diversity_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'lf_diversity_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_diversity_final(internal) IS
'aggregate support: final function of migstat.diversity(unit, grp, count)';

CREATE AGGREGATE migstat.diversity(unit anyelement, grp anycompatible, count bigint) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_diversity_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.diversity(anyelement, anycompatible, bigint) IS
'diversity from long-form rows (unit, group, count); see migstat.diversity(counts)';

CREATE AGGREGATE migstat.diversity(unit anyelement, grp anycompatible, count double precision) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_diversity_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.diversity(anyelement, anycompatible, double precision) IS
'diversity from long-form rows (unit, group, count); see migstat.diversity(counts)';

CREATE FUNCTION migstat.lf_normalized_diversity_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'lf_normalized_diversity_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_normalized_diversity_final(internal) IS
'aggregate support: final function of migstat.normalized_diversity(unit, grp, count)';

CREATE AGGREGATE migstat.normalized_diversity(unit anyelement, grp anycompatible, count bigint) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_normalized_diversity_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.normalized_diversity(anyelement, anycompatible, bigint) IS
'normalized diversity from long-form rows (unit, group, count); see migstat.normalized_diversity(counts)';

CREATE AGGREGATE migstat.normalized_diversity(unit anyelement, grp anycompatible, count double precision) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_normalized_diversity_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.normalized_diversity(anyelement, anycompatible, double precision) IS
'normalized diversity from long-form rows (unit, group, count); see migstat.normalized_diversity(counts)';

CREATE FUNCTION migstat.lf_simpson_interaction_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'lf_simpson_interaction_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_simpson_interaction_final(internal) IS
'aggregate support: final function of migstat.simpson_interaction(unit, grp, count)';

CREATE AGGREGATE migstat.simpson_interaction(unit anyelement, grp anycompatible, count bigint) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_simpson_interaction_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.simpson_interaction(anyelement, anycompatible, bigint) IS
'simpson interaction from long-form rows (unit, group, count); see migstat.simpson_interaction(counts)';

CREATE AGGREGATE migstat.simpson_interaction(unit anyelement, grp anycompatible, count double precision) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_simpson_interaction_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.simpson_interaction(anyelement, anycompatible, double precision) IS
'simpson interaction from long-form rows (unit, group, count); see migstat.simpson_interaction(counts)';

CREATE FUNCTION migstat.lf_simpson_concentration_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'lf_simpson_concentration_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.lf_simpson_concentration_final(internal) IS
'aggregate support: final function of migstat.simpson_concentration(unit, grp, count)';

CREATE AGGREGATE migstat.simpson_concentration(unit anyelement, grp anycompatible, count bigint) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_simpson_concentration_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.simpson_concentration(anyelement, anycompatible, bigint) IS
'simpson concentration from long-form rows (unit, group, count); see migstat.simpson_concentration(counts)';

CREATE AGGREGATE migstat.simpson_concentration(unit anyelement, grp anycompatible, count double precision) (
    SFUNC = migstat.lf_accum, STYPE = internal,
    FINALFUNC = migstat.lf_simpson_concentration_final,
    COMBINEFUNC = migstat.lf_combine,
    SERIALFUNC = migstat.lf_serialize, DESERIALFUNC = migstat.lf_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.simpson_concentration(anyelement, anycompatible, double precision) IS
'simpson concentration from long-form rows (unit, group, count); see migstat.simpson_concentration(counts)';
