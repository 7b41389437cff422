
-- ---------------------------------------------------------------------------
-- Global and local spatial autocorrelation (docs/spatial-indices.md).
-- units_sql returns (unit, value); weights_sql (unit_i, unit_j, weight).
-- STABLE and PARALLEL SAFE for the reasons given above the spatial indices.

CREATE FUNCTION migstat.morans_i(units_sql text, weights_sql text,
								 permutations integer DEFAULT 999, seed bigint DEFAULT 0,
								 allow_islands boolean DEFAULT false,
								 OUT i double precision, OUT expected double precision,
								 OUT permutation_mean double precision,
								 OUT permutation_sd double precision,
								 OUT z_sim double precision, OUT p_sim double precision,
								 OUT units bigint, OUT islands bigint)
RETURNS record
AS 'MODULE_PATHNAME', 'migstat_morans_i'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.morans_i(text, text, integer, bigint, boolean) IS
'Moran''s I = (n / S0) sum w_ij z_i z_j / sum z_i^2 of the units'' values (Moran 1950; Cliff & Ord 1981), with a permutation test: pseudo p-value (1 + #as extreme) / (permutations + 1), reproducible by seed. Units without neighbours are an error unless allow_islands.';

CREATE FUNCTION migstat.local_morans_i(units_sql text, weights_sql text,
									   permutations integer DEFAULT 999, seed bigint DEFAULT 0,
									   significance double precision DEFAULT 0.05,
									   allow_islands boolean DEFAULT false)
RETURNS TABLE (unit text, value double precision, local_i double precision,
			   lag double precision, p_sim double precision, cluster text)
AS 'MODULE_PATHNAME', 'migstat_local_morans_i'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION migstat.local_morans_i(text, text, integer, bigint, double precision, boolean) IS
'Local Moran I_i = (z_i / m2) sum_j w_ij z_j, m2 = sum z^2 / n (Anselin 1995), with conditional-permutation pseudo p-values reproducible by seed and cluster labels high-high, low-low, high-low, low-high, not significant (island for units without neighbours when allow_islands).';

CREATE FUNCTION migstat.getis_ord_gi_star(units_sql text, weights_sql text,
										  self_weight double precision DEFAULT 1)
RETURNS TABLE (unit text, value double precision, gi_star double precision,
			   p_norm double precision)
AS 'MODULE_PATHNAME', 'migstat_getis_ord_gi_star'
LANGUAGE C STABLE PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION migstat.getis_ord_gi_star(text, text, double precision) IS
'Getis-Ord G*_i as a z-score (Getis & Ord 1992; Ord & Getis 1995), the unit itself included with weight self_weight (default 1; NULL = the (i, i) weights as given), and its two-sided normal p-value.';
