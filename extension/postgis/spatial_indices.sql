
-- ---------------------------------------------------------------------------
-- Spatial segregation indices (docs/spatial-indices.md).
--
-- Each function takes SQL query texts, as pgRouting does: units_sql returns
-- a column "unit" (any type; compared by its text form) and the numeric
-- columns the index needs (x = group count, t = total, and area, perimeter
-- or distance where said); weights_sql returns (unit_i, unit_j, weight).
-- The queries are read with SPI into a sparse structure (never a dense
-- n x n matrix).
--
-- Volatility: STABLE.  The result depends on the tables the queries read,
-- so it is not IMMUTABLE; the queries run read-only in the caller's snapshot
-- (a data-modifying query is rejected), which is what STABLE promises.
-- PARALLEL SAFE: nothing is written and no backend-local state is kept;
-- like any query, a query text naming a temporary table cannot run inside a
-- parallel worker (call these functions once, not per row of a parallel scan).

CREATE FUNCTION migstat.adjusted_dissimilarity(units_sql text, weights_sql text)
RETURNS double precision
AS 'MODULE_PATHNAME', 'migstat_adjusted_dissimilarity'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.adjusted_dissimilarity(text, text) IS
'Morrill''s adjacency-adjusted dissimilarity D(adj) = D - sum c_ij |p_i - p_j| / sum c_ij (Morrill 1991) with binary contiguity weights; with shared-boundary-length weights it is Wong''s D(w) (Wong 1993). units_sql: (unit, x, t); weights_sql: (unit_i, unit_j, weight).';

CREATE FUNCTION migstat.shape_adjusted_dissimilarity(units_sql text, weights_sql text)
RETURNS double precision
AS 'MODULE_PATHNAME', 'migstat_shape_adjusted_dissimilarity'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.shape_adjusted_dissimilarity(text, text) IS
'Wong''s D(s): D(w) with each pair''s term scaled by (PA_i + PA_j) / (2 max PA), PA = perimeter/area (Wong 1993). units_sql: (unit, x, t, perimeter, area); weights_sql: shared boundary lengths (unit_i, unit_j, weight).';

CREATE FUNCTION migstat.spatial_proximity(units_sql text, weights_sql text)
RETURNS double precision
AS 'MODULE_PATHNAME', 'migstat_spatial_proximity'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.spatial_proximity(text, text) IS
'White''s spatial proximity SP = (X Pxx + Y Pyy) / (T Ptt), Pxx = sum x_i x_j c_ij / X^2 (White 1983; Massey & Denton 1988), c_ij as given (exp(-d_ij) in the paper). units_sql: (unit, x, t); weights_sql: (unit_i, unit_j, weight).';

CREATE FUNCTION migstat.absolute_clustering(units_sql text, weights_sql text)
RETURNS double precision
AS 'MODULE_PATHNAME', 'migstat_absolute_clustering'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.absolute_clustering(text, text) IS
'Absolute clustering ACL (Massey & Denton 1988), c_ij as given (exp(-d_ij) in the paper). units_sql: (unit, x, t); weights_sql: (unit_i, unit_j, weight).';

CREATE FUNCTION migstat.relative_clustering(units_sql text, weights_sql text)
RETURNS double precision
AS 'MODULE_PATHNAME', 'migstat_relative_clustering'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.relative_clustering(text, text) IS
'Relative clustering RCL = Pxx / Pyy - 1 (Massey & Denton 1988), c_ij as given (exp(-d_ij) in the paper). units_sql: (unit, x, t); weights_sql: (unit_i, unit_j, weight).';

CREATE FUNCTION migstat.distance_decay_isolation(units_sql text, weights_sql text)
RETURNS double precision
AS 'MODULE_PATHNAME', 'migstat_distance_decay_isolation'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.distance_decay_isolation(text, text) IS
'Distance-decay isolation DPxx = sum_i (x_i/X) sum_j K_ij x_j/t_j, K_ij = c_ij t_j / sum_j c_ij t_j (Morgan 1983; Massey & Denton 1988). units_sql: (unit, x, t); weights_sql: (unit_i, unit_j, weight) including the pairs (i, i).';

CREATE FUNCTION migstat.distance_decay_interaction(units_sql text, weights_sql text)
RETURNS double precision
AS 'MODULE_PATHNAME', 'migstat_distance_decay_interaction'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.distance_decay_interaction(text, text) IS
'Distance-decay interaction DPxy = sum_i (x_i/X) sum_j K_ij y_j/t_j, K_ij = c_ij t_j / sum_j c_ij t_j (Morgan 1983; Massey & Denton 1988). units_sql: (unit, x, t); weights_sql: (unit_i, unit_j, weight) including the pairs (i, i).';

CREATE FUNCTION migstat.spatial_information_theory(units_sql text, weights_sql text)
RETURNS double precision
AS 'MODULE_PATHNAME', 'migstat_spatial_information_theory'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.spatial_information_theory(text, text) IS
'Reardon & O''Sullivan''s spatial information theory index H~ = 1 - sum_i t_i E~_i / (T E), E~_i the entropy of unit i''s kernel-weighted local environment (Reardon & O''Sullivan 2004), two groups. units_sql: (unit, x, t); weights_sql: kernel weights (unit_i, unit_j, weight) including the pairs (i, i).';

CREATE FUNCTION migstat.absolute_centralization(units_sql text)
RETURNS double precision
AS 'MODULE_PATHNAME', 'migstat_absolute_centralization'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.absolute_centralization(text) IS
'Absolute centralization ACE = sum X_{i-1} A_i - sum X_i A_{i-1}, units ordered by distance to the centre, X and A cumulative shares of the group and of land area (Massey & Denton 1988). units_sql: (unit, x, t, area, distance).';

CREATE FUNCTION migstat.relative_centralization(units_sql text)
RETURNS double precision
AS 'MODULE_PATHNAME', 'migstat_relative_centralization'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.relative_centralization(text) IS
'Relative centralization RCE = sum X_{i-1} Y_i - sum X_i Y_{i-1}, units ordered by distance to the centre, X and Y cumulative shares of the group and of the rest (Massey & Denton 1988; Duncan & Duncan 1955). units_sql: (unit, x, t, distance).';

-- The geometry forms of centralization.  PostGIS may live in any schema and
-- the caller's search_path need not include it, so the generated query calls
-- PostGIS through its schema, looked up when the function runs (a SET
-- search_path on the function would also apply to the caller's query text).
CREATE FUNCTION migstat.postgis_qualified(fn text)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN (SELECT pg_catalog.quote_ident(n.nspname) OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) fn
		FROM pg_catalog.pg_extension e
		JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) e.extnamespace
		WHERE e.extname OPERATOR(pg_catalog.=) 'postgis');
COMMENT ON FUNCTION migstat.postgis_qualified(text) IS
'support: the name of a PostGIS function qualified with the schema PostGIS is installed in';

CREATE FUNCTION migstat.centre_distance_query(units_sql text, centre geometry)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
DECLARE
	centroid text := migstat.postgis_qualified('st_centroid');
	point text;
BEGIN
	IF units_sql IS NULL THEN
		RETURN NULL;
	END IF;
	IF centre IS NULL THEN
		-- the population-weighted mean of the unit centroids
		point := pg_catalog.format(
			'(SELECT %s(%s(sum(u.t * %s(u.c)) / nullif(sum(u.t), 0), sum(u.t * %s(u.c)) / nullif(sum(u.t), 0)), min(%s(u.c))) FROM u)',
			migstat.postgis_qualified('st_setsrid'), migstat.postgis_qualified('st_makepoint'),
			migstat.postgis_qualified('st_x'), migstat.postgis_qualified('st_y'),
			migstat.postgis_qualified('st_srid'));
	ELSE
		point := pg_catalog.format('%L::%s', centre::text, migstat.postgis_qualified('geometry'));
	END IF;
	RETURN pg_catalog.format(
		'WITH u AS MATERIALIZED (SELECT q.unit, q.x, q.t, q.geom, %s(q.geom) AS c FROM (%s) AS q) '
		'SELECT u.unit, u.x, u.t, %s(u.geom) AS area, %s(u.c, %s) AS distance FROM u',
		centroid, pg_catalog.rtrim(units_sql, E'; \n\t'), migstat.postgis_qualified('st_area'),
		migstat.postgis_qualified('st_distance'), point);
END $$;
COMMENT ON FUNCTION migstat.centre_distance_query(text, geometry) IS
'support: wraps a units query (unit, x, t, geom) into one returning (unit, x, t, area, distance), distance from each unit''s centroid to centre or, when centre is NULL, to the population-weighted mean of the centroids';

CREATE FUNCTION migstat.absolute_centralization(units_sql text, centre geometry)
RETURNS double precision
LANGUAGE sql STABLE PARALLEL SAFE
RETURN migstat.absolute_centralization(migstat.centre_distance_query(units_sql, centre));
COMMENT ON FUNCTION migstat.absolute_centralization(text, geometry) IS
'Absolute centralization ACE (Massey & Denton 1988) from geometries: units_sql returns (unit, x, t, geom); area = ST_Area(geom), distance from ST_Centroid(geom) to centre, or to the population-weighted mean centroid when centre is NULL (planar, in the units of the SRID).';

CREATE FUNCTION migstat.relative_centralization(units_sql text, centre geometry)
RETURNS double precision
LANGUAGE sql STABLE PARALLEL SAFE
RETURN migstat.relative_centralization(migstat.centre_distance_query(units_sql, centre));
COMMENT ON FUNCTION migstat.relative_centralization(text, geometry) IS
'Relative centralization RCE (Massey & Denton 1988) from geometries: units_sql returns (unit, x, t, geom); distance from ST_Centroid(geom) to centre, or to the population-weighted mean centroid when centre is NULL (planar, in the units of the SRID).';
