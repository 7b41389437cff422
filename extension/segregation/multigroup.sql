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
