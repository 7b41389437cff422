-- migstat 0.1.0, the first release, as it was installed (frozen: the install
-- script of commit 399f9f0, kept so that upgrades from it can be tested).

\echo Use "CREATE EXTENSION migstat" to load this file. \quit
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
-- Multigroup segregation and diversity aggregates over arrays of group
-- counts, and local per-unit values (docs/multigroup.md).

CREATE FUNCTION migstat.mg_sums_accum(internal, bigint[])
RETURNS internal AS 'MODULE_PATHNAME', 'mg_sums_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_sums_accum(internal, bigint[]) IS
'aggregate support: transition function of the multigroup aggregates that need sums only';

CREATE FUNCTION migstat.mg_sums_accum(internal, integer[])
RETURNS internal AS 'MODULE_PATHNAME', 'mg_sums_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_sums_accum(internal, integer[]) IS
'aggregate support: transition function of the multigroup aggregates that need sums only';

CREATE FUNCTION migstat.mg_sums_accum(internal, double precision[])
RETURNS internal AS 'MODULE_PATHNAME', 'mg_sums_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_sums_accum(internal, double precision[]) IS
'aggregate support: transition function of the multigroup aggregates that need sums only';

CREATE FUNCTION migstat.mg_units_accum(internal, bigint[])
RETURNS internal AS 'MODULE_PATHNAME', 'mg_units_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_units_accum(internal, bigint[]) IS
'aggregate support: transition function of the multigroup aggregates that keep every unit';

CREATE FUNCTION migstat.mg_units_accum(internal, integer[])
RETURNS internal AS 'MODULE_PATHNAME', 'mg_units_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_units_accum(internal, integer[]) IS
'aggregate support: transition function of the multigroup aggregates that keep every unit';

CREATE FUNCTION migstat.mg_units_accum(internal, double precision[])
RETURNS internal AS 'MODULE_PATHNAME', 'mg_units_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_units_accum(internal, double precision[]) IS
'aggregate support: transition function of the multigroup aggregates that keep every unit';

CREATE FUNCTION migstat.mg_combine(internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'mg_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_combine(internal, internal) IS
'aggregate support: combines two partial states of a multigroup aggregate';

CREATE FUNCTION migstat.mg_serialize(internal)
RETURNS bytea AS 'MODULE_PATHNAME', 'mg_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_serialize(internal) IS
'aggregate support: writes a partial multigroup state in the portable format (version 1)';

CREATE FUNCTION migstat.mg_deserialize(bytea, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'mg_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_deserialize(bytea, internal) IS
'aggregate support: reads and validates a partial multigroup state';

CREATE FUNCTION migstat.mg_dissimilarity_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'mg_dissimilarity_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_dissimilarity_final(internal) IS
'aggregate support: final function of migstat.dissimilarity(counts)';

CREATE AGGREGATE migstat.dissimilarity(counts bigint[]) (
    SFUNC = migstat.mg_units_accum, STYPE = internal,
    FINALFUNC = migstat.mg_dissimilarity_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.dissimilarity(counts bigint[]) IS
'multigroup dissimilarity index D (Sakoda 1981; Reardon & Firebaugh 2002)';

CREATE AGGREGATE migstat.dissimilarity(counts integer[]) (
    SFUNC = migstat.mg_units_accum, STYPE = internal,
    FINALFUNC = migstat.mg_dissimilarity_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.dissimilarity(counts integer[]) IS
'multigroup dissimilarity index D (Sakoda 1981; Reardon & Firebaugh 2002)';

CREATE AGGREGATE migstat.dissimilarity(counts double precision[]) (
    SFUNC = migstat.mg_units_accum, STYPE = internal,
    FINALFUNC = migstat.mg_dissimilarity_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.dissimilarity(counts double precision[]) IS
'multigroup dissimilarity index D (Sakoda 1981; Reardon & Firebaugh 2002)';

CREATE FUNCTION migstat.mg_gini_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'mg_gini_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_gini_final(internal) IS
'aggregate support: final function of migstat.gini(counts)';

CREATE AGGREGATE migstat.gini(counts bigint[]) (
    SFUNC = migstat.mg_units_accum, STYPE = internal,
    FINALFUNC = migstat.mg_gini_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.gini(counts bigint[]) IS
'multigroup Gini index (Reardon & Firebaugh 2002)';

CREATE AGGREGATE migstat.gini(counts integer[]) (
    SFUNC = migstat.mg_units_accum, STYPE = internal,
    FINALFUNC = migstat.mg_gini_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.gini(counts integer[]) IS
'multigroup Gini index (Reardon & Firebaugh 2002)';

CREATE AGGREGATE migstat.gini(counts double precision[]) (
    SFUNC = migstat.mg_units_accum, STYPE = internal,
    FINALFUNC = migstat.mg_gini_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.gini(counts double precision[]) IS
'multigroup Gini index (Reardon & Firebaugh 2002)';

CREATE FUNCTION migstat.mg_theil_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'mg_theil_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_theil_final(internal) IS
'aggregate support: final function of migstat.theil(counts)';

CREATE AGGREGATE migstat.theil(counts bigint[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_theil_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.theil(counts bigint[]) IS
'multigroup Theil entropy index H = M / E (Theil 1972)';

CREATE AGGREGATE migstat.theil(counts integer[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_theil_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.theil(counts integer[]) IS
'multigroup Theil entropy index H = M / E (Theil 1972)';

CREATE AGGREGATE migstat.theil(counts double precision[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_theil_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.theil(counts double precision[]) IS
'multigroup Theil entropy index H = M / E (Theil 1972)';

CREATE FUNCTION migstat.mg_mutual_information_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'mg_mutual_information_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_mutual_information_final(internal) IS
'aggregate support: final function of migstat.mutual_information(counts)';

CREATE AGGREGATE migstat.mutual_information(counts bigint[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_mutual_information_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.mutual_information(counts bigint[]) IS
'mutual information index M (Theil & Finizza 1971; Mora & Ruiz-Castillo 2011)';

CREATE AGGREGATE migstat.mutual_information(counts integer[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_mutual_information_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.mutual_information(counts integer[]) IS
'mutual information index M (Theil & Finizza 1971; Mora & Ruiz-Castillo 2011)';

CREATE AGGREGATE migstat.mutual_information(counts double precision[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_mutual_information_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.mutual_information(counts double precision[]) IS
'mutual information index M (Theil & Finizza 1971; Mora & Ruiz-Castillo 2011)';

CREATE FUNCTION migstat.mg_normalized_exposure_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'mg_normalized_exposure_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_normalized_exposure_final(internal) IS
'aggregate support: final function of migstat.normalized_exposure(counts)';

CREATE AGGREGATE migstat.normalized_exposure(counts bigint[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_normalized_exposure_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.normalized_exposure(counts bigint[]) IS
'multigroup normalised exposure (James 1986)';

CREATE AGGREGATE migstat.normalized_exposure(counts integer[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_normalized_exposure_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.normalized_exposure(counts integer[]) IS
'multigroup normalised exposure (James 1986)';

CREATE AGGREGATE migstat.normalized_exposure(counts double precision[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_normalized_exposure_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.normalized_exposure(counts double precision[]) IS
'multigroup normalised exposure (James 1986)';

CREATE FUNCTION migstat.mg_relative_diversity_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'mg_relative_diversity_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_relative_diversity_final(internal) IS
'aggregate support: final function of migstat.relative_diversity(counts)';

CREATE AGGREGATE migstat.relative_diversity(counts bigint[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_relative_diversity_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.relative_diversity(counts bigint[]) IS
'relative diversity index (Carlson 1992)';

CREATE AGGREGATE migstat.relative_diversity(counts integer[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_relative_diversity_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.relative_diversity(counts integer[]) IS
'relative diversity index (Carlson 1992)';

CREATE AGGREGATE migstat.relative_diversity(counts double precision[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_relative_diversity_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.relative_diversity(counts double precision[]) IS
'relative diversity index (Carlson 1992)';

CREATE FUNCTION migstat.mg_squared_coefficient_of_variation_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'mg_squared_coefficient_of_variation_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_squared_coefficient_of_variation_final(internal) IS
'aggregate support: final function of migstat.squared_coefficient_of_variation(counts)';

CREATE AGGREGATE migstat.squared_coefficient_of_variation(counts bigint[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_squared_coefficient_of_variation_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.squared_coefficient_of_variation(counts bigint[]) IS
'squared coefficient of variation (Reardon & Firebaugh 2002)';

CREATE AGGREGATE migstat.squared_coefficient_of_variation(counts integer[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_squared_coefficient_of_variation_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.squared_coefficient_of_variation(counts integer[]) IS
'squared coefficient of variation (Reardon & Firebaugh 2002)';

CREATE AGGREGATE migstat.squared_coefficient_of_variation(counts double precision[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_squared_coefficient_of_variation_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.squared_coefficient_of_variation(counts double precision[]) IS
'squared coefficient of variation (Reardon & Firebaugh 2002)';

CREATE FUNCTION migstat.mg_diversity_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'mg_diversity_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_diversity_final(internal) IS
'aggregate support: final function of migstat.diversity(counts)';

CREATE AGGREGATE migstat.diversity(counts bigint[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_diversity_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.diversity(counts bigint[]) IS
'Shannon diversity E of the group totals (Shannon 1948)';

CREATE AGGREGATE migstat.diversity(counts integer[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_diversity_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.diversity(counts integer[]) IS
'Shannon diversity E of the group totals (Shannon 1948)';

CREATE AGGREGATE migstat.diversity(counts double precision[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_diversity_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.diversity(counts double precision[]) IS
'Shannon diversity E of the group totals (Shannon 1948)';

CREATE FUNCTION migstat.mg_normalized_diversity_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'mg_normalized_diversity_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_normalized_diversity_final(internal) IS
'aggregate support: final function of migstat.normalized_diversity(counts)';

CREATE AGGREGATE migstat.normalized_diversity(counts bigint[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_normalized_diversity_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.normalized_diversity(counts bigint[]) IS
'Shannon diversity divided by ln K (Shannon 1948)';

CREATE AGGREGATE migstat.normalized_diversity(counts integer[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_normalized_diversity_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.normalized_diversity(counts integer[]) IS
'Shannon diversity divided by ln K (Shannon 1948)';

CREATE AGGREGATE migstat.normalized_diversity(counts double precision[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_normalized_diversity_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.normalized_diversity(counts double precision[]) IS
'Shannon diversity divided by ln K (Shannon 1948)';

CREATE FUNCTION migstat.mg_simpson_interaction_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'mg_simpson_interaction_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_simpson_interaction_final(internal) IS
'aggregate support: final function of migstat.simpson_interaction(counts)';

CREATE AGGREGATE migstat.simpson_interaction(counts bigint[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_simpson_interaction_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.simpson_interaction(counts bigint[]) IS
'Simpson interaction index: probability that two random people belong to different groups (Simpson 1949)';

CREATE AGGREGATE migstat.simpson_interaction(counts integer[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_simpson_interaction_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.simpson_interaction(counts integer[]) IS
'Simpson interaction index: probability that two random people belong to different groups (Simpson 1949)';

CREATE AGGREGATE migstat.simpson_interaction(counts double precision[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_simpson_interaction_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.simpson_interaction(counts double precision[]) IS
'Simpson interaction index: probability that two random people belong to different groups (Simpson 1949)';

CREATE FUNCTION migstat.mg_simpson_concentration_final(internal)
RETURNS double precision AS 'MODULE_PATHNAME', 'mg_simpson_concentration_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_simpson_concentration_final(internal) IS
'aggregate support: final function of migstat.simpson_concentration(counts)';

CREATE AGGREGATE migstat.simpson_concentration(counts bigint[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_simpson_concentration_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.simpson_concentration(counts bigint[]) IS
'Simpson concentration index: probability that two random people belong to the same group (Simpson 1949)';

CREATE AGGREGATE migstat.simpson_concentration(counts integer[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_simpson_concentration_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.simpson_concentration(counts integer[]) IS
'Simpson concentration index: probability that two random people belong to the same group (Simpson 1949)';

CREATE AGGREGATE migstat.simpson_concentration(counts double precision[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_simpson_concentration_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.simpson_concentration(counts double precision[]) IS
'Simpson concentration index: probability that two random people belong to the same group (Simpson 1949)';

CREATE FUNCTION migstat.mg_group_totals_final(internal)
RETURNS double precision[] AS 'MODULE_PATHNAME', 'mg_group_totals_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mg_group_totals_final(internal) IS
'aggregate support: final function of migstat.group_totals(counts)';

CREATE AGGREGATE migstat.group_totals(counts bigint[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_group_totals_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.group_totals(counts bigint[]) IS
'element-wise sum of group count arrays (the group totals T_k)';

CREATE AGGREGATE migstat.group_totals(counts integer[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_group_totals_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.group_totals(counts integer[]) IS
'element-wise sum of group count arrays (the group totals T_k)';

CREATE AGGREGATE migstat.group_totals(counts double precision[]) (
    SFUNC = migstat.mg_sums_accum, STYPE = internal,
    FINALFUNC = migstat.mg_group_totals_final,
    COMBINEFUNC = migstat.mg_combine,
    SERIALFUNC = migstat.mg_serialize, DESERIALFUNC = migstat.mg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.group_totals(counts double precision[]) IS
'element-wise sum of group count arrays (the group totals T_k)';

CREATE FUNCTION migstat.location_quotients(counts double precision[], totals double precision[])
RETURNS double precision[] AS 'MODULE_PATHNAME', 'mg_location_quotients_sql'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.location_quotients(double precision[], double precision[]) IS
'location quotients pi_ik / pi_k of one unit against the group totals';

CREATE FUNCTION migstat.local_entropy(counts double precision[], totals double precision[])
RETURNS double precision AS 'MODULE_PATHNAME', 'mg_local_entropy_sql'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.local_entropy(double precision[], double precision[]) IS
'entropy of one unit divided by ln K, K = groups with members in the totals';

CREATE FUNCTION migstat.local_segregation(counts double precision[], totals double precision[])
RETURNS double precision AS 'MODULE_PATHNAME', 'mg_local_segregation_sql'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.local_segregation(double precision[], double precision[]) IS
'local segregation score ls_i = sum pi_ik ln(pi_ik / pi_k); M = sum (t_i/T) ls_i';

CREATE FUNCTION migstat.local_simpson(counts double precision[])
RETURNS double precision AS 'MODULE_PATHNAME', 'mg_local_simpson_sql'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.local_simpson(double precision[]) IS
'Simpson interaction within one unit: sum pi_ik (1 - pi_ik)';
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
-- Disclosure control: primary suppression and rounding (docs/disclosure.md).

CREATE TYPE migstat.protected_count AS (
    value bigint,
    suppressed boolean,
    reason text
);
COMMENT ON TYPE migstat.protected_count IS
'a count ready for publication: value (NULL when suppressed), whether it was suppressed, and why';

CREATE FUNCTION migstat.suppress(n bigint)
RETURNS migstat.protected_count AS 'MODULE_PATHNAME', 'migstat_suppress'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.suppress(bigint) IS
'primary suppression: counts from 1 to migstat.min_cell_count - 1 are withheld (value NULL, suppressed true); zeros and larger counts are published; NULL stays NULL (missing)';

CREATE FUNCTION migstat.suppress(n bigint, min_count integer)
RETURNS migstat.protected_count AS 'MODULE_PATHNAME', 'migstat_suppress'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.suppress(bigint, integer) IS
'primary suppression: counts from 1 to min_count - 1 are withheld (value NULL, suppressed true); zeros and larger counts are published; NULL stays NULL (missing)';

CREATE FUNCTION migstat.round_to_base(n bigint, base integer)
RETURNS bigint AS 'MODULE_PATHNAME', 'migstat_round_to_base'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.round_to_base(bigint, integer) IS
'deterministic rounding of a count to the nearest multiple of base, halves up';

CREATE FUNCTION migstat.random_round(n bigint, base integer, seed bigint, cell anyelement)
RETURNS bigint AS 'MODULE_PATHNAME', 'migstat_random_round'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.random_round(bigint, integer, bigint, anyelement) IS
'unbiased random rounding to a multiple of base; the draw is keyed on (seed, cell, n), so a cell always rounds the same way';
-- Disclosure control: the cell key method (docs/disclosure.md).

CREATE FUNCTION migstat.record_key()
RETURNS double precision AS 'MODULE_PATHNAME', 'migstat_record_key_random'
LANGUAGE C VOLATILE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.record_key() IS
'a record key drawn from the operating system''s secure random source: a multiple of 2^-53 in [0, 1), to be stored with the record once';

CREATE FUNCTION migstat.record_key(record_id anyelement, seed bigint)
RETURNS double precision AS 'MODULE_PATHNAME', 'migstat_record_key_seeded'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.record_key(anyelement, bigint) IS
'a reproducible record key in [0, 1) for a record id: SipHash-2-4 keyed with the seed; keep the seed secret';

CREATE FUNCTION migstat.cell_key_accum(bigint, double precision)
RETURNS bigint AS 'MODULE_PATHNAME', 'migstat_cell_key_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.cell_key_accum(bigint, double precision) IS
'aggregate support: transition function of migstat.cell_key (64-bit fixed-point key sum)';

CREATE FUNCTION migstat.cell_key_combine(bigint, bigint)
RETURNS bigint AS 'MODULE_PATHNAME', 'migstat_cell_key_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.cell_key_combine(bigint, bigint) IS
'aggregate support: adds two partial key sums of migstat.cell_key modulo 1';

CREATE FUNCTION migstat.cell_key_final(bigint)
RETURNS double precision AS 'MODULE_PATHNAME', 'migstat_cell_key_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.cell_key_final(bigint) IS
'aggregate support: final function of migstat.cell_key';

CREATE AGGREGATE migstat.cell_key(record_key double precision) (
    SFUNC = migstat.cell_key_accum, STYPE = bigint,
    FINALFUNC = migstat.cell_key_final,
    COMBINEFUNC = migstat.cell_key_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.cell_key(double precision) IS
'cell key of the cell key method: the sum of the records'' keys modulo 1, exact (64-bit fixed point), reported as a multiple of 2^-53';

CREATE FUNCTION migstat.ptable_build(d integer, v double precision, js integer DEFAULT 0,
                                     monotone boolean DEFAULT true)
RETURNS TABLE (i integer, j integer, p double precision, v integer,
               p_int_lb double precision, p_int_ub double precision)
AS 'MODULE_PATHNAME', 'migstat_ptable_build'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION migstat.ptable_build(integer, double precision, integer, boolean) IS
'perturbation table of the cell key method by maximum entropy: deviations at most d, unbiased, variance v, never negative, zeros stay zero, no published count in 1..js';

CREATE FUNCTION migstat.ptable_check(ptable regclass)
RETURNS TABLE (i bigint, entries bigint, p_sum double precision, mean double precision,
               variance double precision, p_stay double precision,
               min_positive_target bigint, max_deviation bigint)
AS 'MODULE_PATHNAME', 'migstat_ptable_check'
LANGUAGE C STABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION migstat.ptable_check(regclass) IS
'validates a stored perturbation table (columns i, j, p) and returns the statistics of each row: probability sum, mean and variance of the deviation, smallest positive published count';

CREATE FUNCTION migstat.ckm_perturb(n bigint, cell_key double precision, ptable regclass)
RETURNS bigint AS 'MODULE_PATHNAME', 'migstat_ckm_perturb'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.ckm_perturb(bigint, double precision, regclass) IS
'cell key method: the published count for count n and cell key through a stored perturbation table; 0 stays 0, NULL stays NULL';

CREATE FUNCTION migstat.ckm_accum(internal, double precision, regclass)
RETURNS internal AS 'MODULE_PATHNAME', 'migstat_ckm_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.ckm_accum(internal, double precision, regclass) IS
'aggregate support: transition function of migstat.ckm_count';

CREATE FUNCTION migstat.ckm_combine(internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'migstat_ckm_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.ckm_combine(internal, internal) IS
'aggregate support: combines two partial states of migstat.ckm_count';

CREATE FUNCTION migstat.ckm_serialize(internal)
RETURNS bytea AS 'MODULE_PATHNAME', 'migstat_ckm_serialize'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.ckm_serialize(internal) IS
'aggregate support: writes a partial migstat.ckm_count state in the portable format (version 1)';

CREATE FUNCTION migstat.ckm_deserialize(bytea, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'migstat_ckm_deserialize'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.ckm_deserialize(bytea, internal) IS
'aggregate support: reads and validates a partial migstat.ckm_count state';

CREATE FUNCTION migstat.ckm_final(internal)
RETURNS bigint AS 'MODULE_PATHNAME', 'migstat_ckm_final'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.ckm_final(internal) IS
'aggregate support: final function of migstat.ckm_count (looks the cell up in the perturbation table)';

CREATE AGGREGATE migstat.ckm_count(record_key double precision, ptable regclass) (
    SFUNC = migstat.ckm_accum, STYPE = internal,
    FINALFUNC = migstat.ckm_final,
    COMBINEFUNC = migstat.ckm_combine,
    SERIALFUNC = migstat.ckm_serialize, DESERIALFUNC = migstat.ckm_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.ckm_count(double precision, regclass) IS
'cell key method: the count of the records, perturbed through the stored perturbation table by the cell key (sum of the record keys modulo 1); the same cell always gets the same noise';
