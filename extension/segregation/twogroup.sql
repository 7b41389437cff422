-- Two-group segregation aggregates (docs/segregation.md).
--
-- Support functions: one transition function per accumulation kind and count
-- type; one combine, serialize and deserialize for all; one final function
-- per index.  Aggregates built on the same transition function share their
-- state when used together in one query.

CREATE FUNCTION migstat.seg_units_accum(internal, bigint, bigint)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_units_accum_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_units_accum(internal, bigint, bigint) IS
'aggregate support: transition function of the two-group segregation aggregates';

CREATE FUNCTION migstat.seg_units_accum(internal, double precision, double precision)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_units_accum_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_units_accum(internal, double precision, double precision) IS
'aggregate support: transition function of the two-group segregation aggregates';

CREATE FUNCTION migstat.seg_units_area_accum(internal, bigint, bigint, double precision)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_units_area_accum_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_units_area_accum(internal, bigint, bigint, double precision) IS
'aggregate support: transition function of the two-group segregation aggregates';

CREATE FUNCTION migstat.seg_units_area_accum(internal, double precision, double precision, double precision)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_units_area_accum_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_units_area_accum(internal, double precision, double precision, double precision) IS
'aggregate support: transition function of the two-group segregation aggregates';

CREATE FUNCTION migstat.seg_group_area_accum(internal, bigint, double precision)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_group_area_accum_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_group_area_accum(internal, bigint, double precision) IS
'aggregate support: transition function of the two-group segregation aggregates';

CREATE FUNCTION migstat.seg_group_area_accum(internal, double precision, double precision)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_group_area_accum_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_group_area_accum(internal, double precision, double precision) IS
'aggregate support: transition function of the two-group segregation aggregates';

CREATE FUNCTION migstat.seg_exposure_accum(internal, bigint, bigint)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_exposure_accum_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_exposure_accum(internal, bigint, bigint) IS
'aggregate support: transition function of the two-group segregation aggregates';

CREATE FUNCTION migstat.seg_exposure_accum(internal, double precision, double precision)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_exposure_accum_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_exposure_accum(internal, double precision, double precision) IS
'aggregate support: transition function of the two-group segregation aggregates';

CREATE FUNCTION migstat.seg_entropy_accum(internal, bigint, bigint)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_entropy_accum_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_entropy_accum(internal, bigint, bigint) IS
'aggregate support: transition function of the two-group segregation aggregates';

CREATE FUNCTION migstat.seg_entropy_accum(internal, double precision, double precision)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_entropy_accum_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_entropy_accum(internal, double precision, double precision) IS
'aggregate support: transition function of the two-group segregation aggregates';

CREATE FUNCTION migstat.seg_atkinson_accum(internal, bigint, bigint)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_atkinson_accum_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_atkinson_accum(internal, bigint, bigint) IS
'aggregate support: transition function of the two-group segregation aggregates';

CREATE FUNCTION migstat.seg_atkinson_accum(internal, double precision, double precision)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_atkinson_accum_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_atkinson_accum(internal, double precision, double precision) IS
'aggregate support: transition function of the two-group segregation aggregates';

CREATE FUNCTION migstat.seg_atkinson_shape_accum(internal, bigint, bigint, double precision)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_atkinson_shape_accum_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_atkinson_shape_accum(internal, bigint, bigint, double precision) IS
'aggregate support: transition function of the two-group segregation aggregates';

CREATE FUNCTION migstat.seg_atkinson_shape_accum(internal, double precision, double precision, double precision)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_atkinson_shape_accum_float8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_atkinson_shape_accum(internal, double precision, double precision, double precision) IS
'aggregate support: transition function of the two-group segregation aggregates';

CREATE FUNCTION migstat.seg_combine(internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_combine(internal, internal) IS
'aggregate support: combines two partial states of a two-group segregation aggregate';

CREATE FUNCTION migstat.seg_serialize(internal)
RETURNS bytea AS 'MODULE_PATHNAME', 'seg_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_serialize(internal) IS
'aggregate support: writes a partial segregation state in the portable format (version 1)';

CREATE FUNCTION migstat.seg_deserialize(bytea, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'seg_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_deserialize(bytea, internal) IS
'aggregate support: reads and validates a partial segregation state';

CREATE FUNCTION migstat.seg_dissimilarity_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'seg_dissimilarity_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_dissimilarity_final(internal) IS
'aggregate support: final function of migstat.dissimilarity';

CREATE FUNCTION migstat.seg_gini_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'seg_gini_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_gini_final(internal) IS
'aggregate support: final function of migstat.gini';

CREATE FUNCTION migstat.seg_gorard_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'seg_gorard_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_gorard_final(internal) IS
'aggregate support: final function of migstat.gorard';

CREATE FUNCTION migstat.seg_delta_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'seg_delta_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_delta_final(internal) IS
'aggregate support: final function of migstat.delta';

CREATE FUNCTION migstat.seg_absolute_concentration_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'seg_absolute_concentration_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_absolute_concentration_final(internal) IS
'aggregate support: final function of migstat.absolute_concentration';

CREATE FUNCTION migstat.seg_relative_concentration_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'seg_relative_concentration_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_relative_concentration_final(internal) IS
'aggregate support: final function of migstat.relative_concentration';

CREATE FUNCTION migstat.seg_isolation_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'seg_isolation_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_isolation_final(internal) IS
'aggregate support: final function of migstat.isolation';

CREATE FUNCTION migstat.seg_interaction_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'seg_interaction_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_interaction_final(internal) IS
'aggregate support: final function of migstat.interaction';

CREATE FUNCTION migstat.seg_correlation_ratio_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'seg_correlation_ratio_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_correlation_ratio_final(internal) IS
'aggregate support: final function of migstat.correlation_ratio';

CREATE FUNCTION migstat.seg_theil_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'seg_theil_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_theil_final(internal) IS
'aggregate support: final function of migstat.theil';

CREATE FUNCTION migstat.seg_atkinson_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'seg_atkinson_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.seg_atkinson_final(internal) IS
'aggregate support: final function of migstat.atkinson';

CREATE AGGREGATE migstat.dissimilarity(a bigint, b bigint) (
    SFUNC = migstat.seg_units_accum, STYPE = internal,
    FINALFUNC = migstat.seg_dissimilarity_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.dissimilarity(a bigint, b bigint) IS
'dissimilarity index D of groups a and b (Duncan & Duncan 1955)';

CREATE AGGREGATE migstat.dissimilarity(a double precision, b double precision) (
    SFUNC = migstat.seg_units_accum, STYPE = internal,
    FINALFUNC = migstat.seg_dissimilarity_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.dissimilarity(a double precision, b double precision) IS
'dissimilarity index D of groups a and b (Duncan & Duncan 1955)';

CREATE AGGREGATE migstat.gini(a bigint, b bigint) (
    SFUNC = migstat.seg_units_accum, STYPE = internal,
    FINALFUNC = migstat.seg_gini_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.gini(a bigint, b bigint) IS
'Gini segregation index of groups a and b (Duncan & Duncan 1955)';

CREATE AGGREGATE migstat.gini(a double precision, b double precision) (
    SFUNC = migstat.seg_units_accum, STYPE = internal,
    FINALFUNC = migstat.seg_gini_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.gini(a double precision, b double precision) IS
'Gini segregation index of groups a and b (Duncan & Duncan 1955)';

CREATE AGGREGATE migstat.gorard(a bigint, b bigint) (
    SFUNC = migstat.seg_units_accum, STYPE = internal,
    FINALFUNC = migstat.seg_gorard_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.gorard(a bigint, b bigint) IS
'Gorard segregation index of group a against the population a + b (Gorard 2000)';

CREATE AGGREGATE migstat.gorard(a double precision, b double precision) (
    SFUNC = migstat.seg_units_accum, STYPE = internal,
    FINALFUNC = migstat.seg_gorard_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.gorard(a double precision, b double precision) IS
'Gorard segregation index of group a against the population a + b (Gorard 2000)';

CREATE AGGREGATE migstat.theil(a bigint, b bigint) (
    SFUNC = migstat.seg_entropy_accum, STYPE = internal,
    FINALFUNC = migstat.seg_theil_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.theil(a bigint, b bigint) IS
'Theil''s entropy index H of groups a and b (Theil 1972)';

CREATE AGGREGATE migstat.theil(a double precision, b double precision) (
    SFUNC = migstat.seg_entropy_accum, STYPE = internal,
    FINALFUNC = migstat.seg_theil_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.theil(a double precision, b double precision) IS
'Theil''s entropy index H of groups a and b (Theil 1972)';

CREATE AGGREGATE migstat.atkinson(a bigint, b bigint) (
    SFUNC = migstat.seg_atkinson_accum, STYPE = internal,
    FINALFUNC = migstat.seg_atkinson_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.atkinson(a bigint, b bigint) IS
'Atkinson index of group a with shape 0.5 (Atkinson 1970; James & Taeuber 1985)';

CREATE AGGREGATE migstat.atkinson(a double precision, b double precision) (
    SFUNC = migstat.seg_atkinson_accum, STYPE = internal,
    FINALFUNC = migstat.seg_atkinson_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.atkinson(a double precision, b double precision) IS
'Atkinson index of group a with shape 0.5 (Atkinson 1970; James & Taeuber 1985)';

CREATE AGGREGATE migstat.atkinson(a bigint, b bigint, shape double precision) (
    SFUNC = migstat.seg_atkinson_shape_accum, STYPE = internal,
    FINALFUNC = migstat.seg_atkinson_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.atkinson(a bigint, b bigint, shape double precision) IS
'Atkinson index of group a with shape b in (0, 1) (Atkinson 1970; James & Taeuber 1985)';

CREATE AGGREGATE migstat.atkinson(a double precision, b double precision, shape double precision) (
    SFUNC = migstat.seg_atkinson_shape_accum, STYPE = internal,
    FINALFUNC = migstat.seg_atkinson_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.atkinson(a double precision, b double precision, shape double precision) IS
'Atkinson index of group a with shape b in (0, 1) (Atkinson 1970; James & Taeuber 1985)';

CREATE AGGREGATE migstat.isolation(a bigint, b bigint) (
    SFUNC = migstat.seg_exposure_accum, STYPE = internal,
    FINALFUNC = migstat.seg_isolation_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.isolation(a bigint, b bigint) IS
'isolation index xPx of group a (Bell 1954; Lieberson 1981)';

CREATE AGGREGATE migstat.isolation(a double precision, b double precision) (
    SFUNC = migstat.seg_exposure_accum, STYPE = internal,
    FINALFUNC = migstat.seg_isolation_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.isolation(a double precision, b double precision) IS
'isolation index xPx of group a (Bell 1954; Lieberson 1981)';

CREATE AGGREGATE migstat.interaction(a bigint, b bigint) (
    SFUNC = migstat.seg_exposure_accum, STYPE = internal,
    FINALFUNC = migstat.seg_interaction_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.interaction(a bigint, b bigint) IS
'interaction index xPy of group a with group b (Bell 1954; Lieberson 1981)';

CREATE AGGREGATE migstat.interaction(a double precision, b double precision) (
    SFUNC = migstat.seg_exposure_accum, STYPE = internal,
    FINALFUNC = migstat.seg_interaction_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.interaction(a double precision, b double precision) IS
'interaction index xPy of group a with group b (Bell 1954; Lieberson 1981)';

CREATE AGGREGATE migstat.correlation_ratio(a bigint, b bigint) (
    SFUNC = migstat.seg_exposure_accum, STYPE = internal,
    FINALFUNC = migstat.seg_correlation_ratio_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.correlation_ratio(a bigint, b bigint) IS
'correlation ratio eta squared of group a (Bell 1954)';

CREATE AGGREGATE migstat.correlation_ratio(a double precision, b double precision) (
    SFUNC = migstat.seg_exposure_accum, STYPE = internal,
    FINALFUNC = migstat.seg_correlation_ratio_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.correlation_ratio(a double precision, b double precision) IS
'correlation ratio eta squared of group a (Bell 1954)';

CREATE AGGREGATE migstat.delta(a bigint, area double precision) (
    SFUNC = migstat.seg_group_area_accum, STYPE = internal,
    FINALFUNC = migstat.seg_delta_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.delta(a bigint, area double precision) IS
'Delta concentration index of group a over unit areas (Duncan, Cuzzort & Duncan 1961)';

CREATE AGGREGATE migstat.delta(a double precision, area double precision) (
    SFUNC = migstat.seg_group_area_accum, STYPE = internal,
    FINALFUNC = migstat.seg_delta_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.delta(a double precision, area double precision) IS
'Delta concentration index of group a over unit areas (Duncan, Cuzzort & Duncan 1961)';

CREATE AGGREGATE migstat.absolute_concentration(a bigint, b bigint, area double precision) (
    SFUNC = migstat.seg_units_area_accum, STYPE = internal,
    FINALFUNC = migstat.seg_absolute_concentration_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.absolute_concentration(a bigint, b bigint, area double precision) IS
'absolute concentration ACO of group a (Massey & Denton 1988)';

CREATE AGGREGATE migstat.absolute_concentration(a double precision, b double precision, area double precision) (
    SFUNC = migstat.seg_units_area_accum, STYPE = internal,
    FINALFUNC = migstat.seg_absolute_concentration_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.absolute_concentration(a double precision, b double precision, area double precision) IS
'absolute concentration ACO of group a (Massey & Denton 1988)';

CREATE AGGREGATE migstat.relative_concentration(a bigint, b bigint, area double precision) (
    SFUNC = migstat.seg_units_area_accum, STYPE = internal,
    FINALFUNC = migstat.seg_relative_concentration_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.relative_concentration(a bigint, b bigint, area double precision) IS
'relative concentration RCO of group a against group b (Massey & Denton 1988)';

CREATE AGGREGATE migstat.relative_concentration(a double precision, b double precision, area double precision) (
    SFUNC = migstat.seg_units_area_accum, STYPE = internal,
    FINALFUNC = migstat.seg_relative_concentration_final,
    COMBINEFUNC = migstat.seg_combine,
    SERIALFUNC = migstat.seg_serialize, DESERIALFUNC = migstat.seg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.relative_concentration(a double precision, b double precision, area double precision) IS
'relative concentration RCO of group a against group b (Massey & Denton 1988)';
