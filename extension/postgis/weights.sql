
------------------------------------------------------------------------------
-- Spatial weights from geometries (docs/spatial-weights.md).
--
-- Every builder takes the text of a query returning the columns unit (any
-- type; keys are compared by their text form) and geom (geometry), as
-- pgRouting does, and returns sparse weights (unit_i, unit_j, weight): for
-- symmetric weights both directions (i, j) and (j, i); no (i, i) rows except
-- where the weight type defines a diagonal (distance decay, kernel).  Units
-- without neighbours (islands) have no rows: list them with weights_islands.
--
-- The units are loaded into a temporary table with a GiST index and the
-- pairs found by an index join (ST_Intersects, &&, ST_DWithin, <->), never
-- by comparing all pairs.  The builders therefore create a temporary table:
-- they are VOLATILE and PARALLEL UNSAFE, and do not run on a hot standby.
------------------------------------------------------------------------------

-- Checks that a numeric parameter is finite and positive (or >= 0).
CREATE FUNCTION migstat.weights_check_positive(caller text, name text, value double precision,
											   allow_zero boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
	IF value IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = '22004', MESSAGE = format('%s: %s must not be NULL', caller, name);
	END IF;
	IF NOT (value < 'Infinity'::float8) OR value < 0 OR (value = 0 AND NOT allow_zero) THEN
		RAISE EXCEPTION USING ERRCODE = '22023',
			MESSAGE = format('%s: %s must be a finite number %s 0, not %s', caller, name,
							 CASE WHEN allow_zero THEN '>=' ELSE '>' END, value);
	END IF;
END $$;
COMMENT ON FUNCTION migstat.weights_check_positive(text, text, double precision, boolean) IS
'Internal: raises 22004 for a NULL and 22023 for a negative, zero (unless allowed), infinite or NaN parameter of a weights builder.';

CREATE FUNCTION migstat.weights_queen(units_sql text, snap double precision DEFAULT 0)
RETURNS TABLE (unit_i text, unit_j text, weight double precision)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
DECLARE
	s text := migstat.postgis_schema();
	t text := migstat.weights_units_table(units_sql, 'weights_queen', 'topology', snap);
	q text;
BEGIN
	q := format('SELECT a.unit AS i, b.unit AS j, 1.0::float8 AS w FROM %1$s a JOIN %1$s b
				 ON a.unit COLLATE "C" < b.unit AND %2$s.ST_Intersects(a.geom, b.geom)', t, s);
	PERFORM migstat.weights_explain(q, 'weights_queen');
	RETURN QUERY EXECUTE migstat.weights_both_directions(q);
	EXECUTE 'DROP TABLE ' || t;
END $$;
COMMENT ON FUNCTION migstat.weights_queen(text, double precision) IS
'Queen contiguity weights: 1 for every pair of units whose geometries share at least one point (ST_Intersects), both directions. units_sql returns unit and geom; snap > 0 first reduces the geometries to a grid of that size.';

CREATE FUNCTION migstat.weights_rook(units_sql text, snap double precision DEFAULT 0)
RETURNS TABLE (unit_i text, unit_j text, weight double precision)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
DECLARE
	s text := migstat.postgis_schema();
	t text := migstat.weights_units_table(units_sql, 'weights_rook', 'topology', snap);
	q text;
BEGIN
	-- DE-9IM: the boundaries meet in a line (dimension 1 at boundary/boundary)
	q := format('SELECT a.unit AS i, b.unit AS j, 1.0::float8 AS w FROM %1$s a JOIN %1$s b
				 ON a.unit COLLATE "C" < b.unit AND a.geom OPERATOR(%2$s.&&) b.geom
				 AND %2$s.ST_Relate(a.geom, b.geom, ''****1****'')', t, s);
	PERFORM migstat.weights_explain(q, 'weights_rook');
	RETURN QUERY EXECUTE migstat.weights_both_directions(q);
	EXECUTE 'DROP TABLE ' || t;
END $$;
COMMENT ON FUNCTION migstat.weights_rook(text, double precision) IS
'Rook contiguity weights: 1 for every pair of units whose boundaries share a line of positive length (DE-9IM boundary/boundary dimension 1), both directions. snap > 0 first reduces the geometries to a grid of that size.';

CREATE FUNCTION migstat.weights_boundary_length(units_sql text, snap double precision DEFAULT 0)
RETURNS TABLE (unit_i text, unit_j text, weight double precision)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
DECLARE
	s text := migstat.postgis_schema();
	t text := migstat.weights_units_table(units_sql, 'weights_boundary_length', 'geometry', snap);
	q text;
BEGIN
	q := format('SELECT i, j, w FROM (
					SELECT a.unit AS i, b.unit AS j,
						   %2$s.ST_Length(%2$s.ST_Intersection(%2$s.ST_Boundary(a.geom), %2$s.ST_Boundary(b.geom))) AS w
					FROM %1$s a JOIN %1$s b
					ON a.unit COLLATE "C" < b.unit AND %2$s.ST_Intersects(a.geom, b.geom)) p
				 WHERE w > 0', t, s);
	PERFORM migstat.weights_explain(q, 'weights_boundary_length');
	RETURN QUERY EXECUTE migstat.weights_both_directions(q);
	EXECUTE 'DROP TABLE ' || t;
END $$;
COMMENT ON FUNCTION migstat.weights_boundary_length(text, double precision) IS
'Shared boundary length weights: the length of the common boundary of two units (in the units of the SRID, which must be projected) for every pair sharing a boundary of positive length, both directions.';

CREATE FUNCTION migstat.weights_distance_band(units_sql text, threshold double precision,
											  measure text DEFAULT 'centroid')
RETURNS TABLE (unit_i text, unit_j text, weight double precision)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
DECLARE
	s text := migstat.postgis_schema();
	t text;
	q text;
	col text;
BEGIN
	PERFORM migstat.weights_check_positive('weights_distance_band', 'threshold', threshold);
	IF measure IS NULL OR measure NOT IN ('centroid', 'geometry') THEN
		RAISE EXCEPTION USING ERRCODE = '22023',
			MESSAGE = format('weights_distance_band: measure must be ''centroid'' or ''geometry'', not %s',
							 coalesce(quote_literal(measure), 'NULL'));
	END IF;
	col := CASE measure WHEN 'centroid' THEN 'c' ELSE 'geom' END;
	t := migstat.weights_units_table(units_sql, 'weights_distance_band', measure);
	q := format('SELECT a.unit AS i, b.unit AS j, 1.0::float8 AS w FROM %1$s a JOIN %1$s b
				 ON a.unit COLLATE "C" < b.unit AND %2$s.ST_DWithin(a.%3$s, b.%3$s, %4$s)',
				t, s, col, threshold);
	PERFORM migstat.weights_explain(q, 'weights_distance_band');
	RETURN QUERY EXECUTE migstat.weights_both_directions(q);
	EXECUTE 'DROP TABLE ' || t;
END $$;
COMMENT ON FUNCTION migstat.weights_distance_band(text, double precision, text) IS
'Distance band weights: 1 for every pair of units at most threshold apart (units of the SRID, which must be projected), both directions. measure ''centroid'' (default) uses the distance of the centroids (of points: the points), ''geometry'' the least distance between the geometries.';

CREATE FUNCTION migstat.weights_knn(units_sql text, k integer, symmetrise boolean DEFAULT false)
RETURNS TABLE (unit_i text, unit_j text, weight double precision)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
DECLARE
	s text := migstat.postgis_schema();
	t text;
	q text;
BEGIN
	IF k IS NULL OR symmetrise IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = '22004', MESSAGE = 'weights_knn: k and symmetrise must not be NULL';
	END IF;
	IF k < 1 THEN
		RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('weights_knn: k must be at least 1, not %s', k);
	END IF;
	t := migstat.weights_units_table(units_sql, 'weights_knn', 'centroid');
	-- The distance d_k of the k-th nearest comes from an ordered GiST scan
	-- (<->); then every unit within d_k (ST_DWithin, GiST) is ranked by
	-- distance, equal distances by the unit key in byte order (COLLATE
	-- "C"), and the first k are taken.  (Sorting on both keys directly
	-- would defeat the ordered index scan.)
	q := format('SELECT a.unit AS i, n.unit AS j, 1.0::float8 AS w FROM %1$s a
				 CROSS JOIN LATERAL (SELECT max(d) AS dk FROM (
										SELECT b.c OPERATOR(%2$s.<->) a.c AS d FROM %1$s b WHERE b.unit <> a.unit
										ORDER BY b.c OPERATOR(%2$s.<->) a.c LIMIT %3$s) nearest) kk
				 CROSS JOIN LATERAL (SELECT b.unit FROM %1$s b
									 WHERE b.unit <> a.unit AND %2$s.ST_DWithin(b.c, a.c, kk.dk * (1 + 1e-12))
									 ORDER BY %2$s.ST_Distance(b.c, a.c), b.unit COLLATE "C" LIMIT %3$s) n',
				t, s, k);
	PERFORM migstat.weights_explain(q, 'weights_knn');
	IF symmetrise THEN
		RETURN QUERY EXECUTE format('SELECT DISTINCT v.i, v.j, 1.0::float8 FROM (%s) p
									 CROSS JOIN LATERAL (VALUES (p.i, p.j), (p.j, p.i)) AS v(i, j)', q);
	ELSE
		RETURN QUERY EXECUTE q;
	END IF;
	EXECUTE 'DROP TABLE ' || t;
END $$;
COMMENT ON FUNCTION migstat.weights_knn(text, integer, boolean) IS
'k nearest neighbour weights: for each unit a row (unit, neighbour, 1) for its k nearest other units by centroid distance (GiST <-> scan); ties are broken by the neighbour key in byte order. Rows are directed (i lists its k neighbours); symmetrise => true adds the reverse of every pair.';

CREATE FUNCTION migstat.weights_distance_decay(units_sql text, max_distance double precision DEFAULT NULL,
											   scale double precision DEFAULT 1)
RETURNS TABLE (unit_i text, unit_j text, weight double precision)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
DECLARE
	s text := migstat.postgis_schema();
	t text;
	q text;
BEGIN
	PERFORM migstat.weights_check_positive('weights_distance_decay', 'scale', scale);
	IF max_distance IS NOT NULL THEN
		PERFORM migstat.weights_check_positive('weights_distance_decay', 'max_distance', max_distance);
	END IF;
	t := migstat.weights_units_table(units_sql, 'weights_distance_decay', 'centroid');
	q := format('SELECT a.unit AS i, b.unit AS j,
						exp(-%2$s.ST_Distance(a.c, b.c) / %3$s)::float8 AS w
				 FROM %1$s a JOIN %1$s b ON a.unit COLLATE "C" < b.unit %4$s',
				t, s, scale,
				CASE WHEN max_distance IS NULL THEN ''
					 ELSE format('AND %s.ST_DWithin(a.c, b.c, %s)', s, max_distance) END);
	PERFORM migstat.weights_explain(q, 'weights_distance_decay');
	-- the diagonal: d_ii = sqrt(0.6 a_i) (Massey & Denton 1988)
	RETURN QUERY EXECUTE migstat.weights_both_directions(q)
		|| format(' UNION ALL SELECT unit, unit, exp(-sqrt(0.6 * a) / %2$s)::float8 FROM %1$s', t, scale);
	EXECUTE 'DROP TABLE ' || t;
END $$;
COMMENT ON FUNCTION migstat.weights_distance_decay(text, double precision, double precision) IS
'Distance decay weights exp(-d_ij / scale) between unit centroids, with the diagonal d_ii = sqrt(0.6 a_i) (Massey & Denton 1988). max_distance (optional) keeps only pairs at most that far apart, so that the result stays sparse; without it every pair is returned (n^2 rows).';

CREATE FUNCTION migstat.weights_kernel(units_sql text, bandwidth double precision,
									   kernel text DEFAULT 'biweight', diagonal boolean DEFAULT true)
RETURNS TABLE (unit_i text, unit_j text, weight double precision)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
DECLARE
	s text := migstat.postgis_schema();
	t text;
	q text;
	kfun text;
BEGIN
	PERFORM migstat.weights_check_positive('weights_kernel', 'bandwidth', bandwidth);
	IF diagonal IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = '22004', MESSAGE = 'weights_kernel: diagonal must not be NULL';
	END IF;
	-- K(z), z = d / bandwidth, for 0 <= z < 1 (GeoDa / Anselin's constants)
	kfun := CASE kernel
		WHEN 'uniform' THEN '0.5'
		WHEN 'triangular' THEN '(1.0 - z)'
		WHEN 'epanechnikov' THEN '(0.75 * (1.0 - z * z))'
		WHEN 'biweight' THEN '(0.9375 * (1.0 - z * z) ^ 2)'
		WHEN 'quartic' THEN '(0.9375 * (1.0 - z * z) ^ 2)'
		WHEN 'gaussian' THEN '(exp(-0.5 * z * z) / sqrt(2.0 * pi()))'
	END;
	IF kfun IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = '22023',
			MESSAGE = format('weights_kernel: unknown kernel %s', coalesce(quote_literal(kernel), 'NULL')),
			HINT = 'The kernels are uniform, triangular, epanechnikov, biweight (= quartic) and gaussian.';
	END IF;
	t := migstat.weights_units_table(units_sql, 'weights_kernel', 'centroid');
	q := format('SELECT i, j, %4$s::float8 AS w FROM (
					SELECT a.unit AS i, b.unit AS j, %2$s.ST_Distance(a.c, b.c) / %3$s AS z
					FROM %1$s a JOIN %1$s b
					ON a.unit COLLATE "C" < b.unit AND %2$s.ST_DWithin(a.c, b.c, %3$s)) p
				 WHERE z < 1', t, s, bandwidth, kfun);
	PERFORM migstat.weights_explain(q, 'weights_kernel');
	RETURN QUERY EXECUTE migstat.weights_both_directions(q)
		|| CASE WHEN diagonal
				THEN format(' UNION ALL SELECT unit, unit, %2$s::float8 FROM (SELECT unit, 0.0::float8 AS z FROM %1$s) d',
							t, kfun)
				ELSE '' END;
	EXECUTE 'DROP TABLE ' || t;
END $$;
COMMENT ON FUNCTION migstat.weights_kernel(text, double precision, text, boolean) IS
'Kernel weights K(d_ij / bandwidth) between unit centroids closer than bandwidth, both directions, with the diagonal K(0) unless diagonal => false. Kernels: uniform 1/2, triangular 1-z, epanechnikov 3/4 (1-z^2), biweight (= quartic) 15/16 (1-z^2)^2, gaussian exp(-z^2/2)/sqrt(2 pi).';

CREATE FUNCTION migstat.weights_row_standardised(weights_sql text)
RETURNS TABLE (unit_i text, unit_j text, weight double precision)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
DECLARE
	r record;
	w text;
BEGIN
	IF weights_sql IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = '22004', MESSAGE = 'weights_row_standardised: weights_sql must not be NULL';
	END IF;
	w := format('(SELECT q.unit_i::text AS unit_i, q.unit_j::text AS unit_j, q.weight::float8 AS weight FROM (%s) q)',
				weights_sql);
	BEGIN
		EXECUTE format('SELECT count(*) FILTER (WHERE unit_i IS NULL OR unit_j IS NULL) AS null_keys,
							   count(*) FILTER (WHERE weight IS NULL) AS null_weights,
							   min(unit_i || '' -> '' || unit_j) FILTER (WHERE NOT (weight >= 0 AND weight < ''Infinity''::float8)) AS bad
						FROM %s w', w) INTO r;
	EXCEPTION WHEN undefined_column THEN
		RAISE EXCEPTION USING ERRCODE = '42703',
			MESSAGE = 'weights_row_standardised: weights_sql must return the columns unit_i, unit_j and weight',
			DETAIL = SQLERRM;
	END;
	IF r.null_keys > 0 OR r.null_weights > 0 THEN
		RAISE EXCEPTION USING ERRCODE = '22004',
			MESSAGE = format('weights_row_standardised: %s row(s) with a NULL key and %s with a NULL weight',
							 r.null_keys, r.null_weights);
	END IF;
	IF r.bad IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = '22023',
			MESSAGE = format('weights_row_standardised: weight of %s is negative or not finite', r.bad);
	END IF;
	-- a row whose weights sum to 0 has no standardised form: left out
	RETURN QUERY EXECUTE format('SELECT unit_i, unit_j, weight / s FROM (
									SELECT unit_i, unit_j, weight, sum(weight) OVER (PARTITION BY unit_i) AS s
									FROM %s w) x
								 WHERE s > 0', w);
END $$;
COMMENT ON FUNCTION migstat.weights_row_standardised(text) IS
'Row-standardised weights: each weight of weights_sql (columns unit_i, unit_j, weight) divided by the sum of its row (unit_i), so that every row sums to 1. Rows summing to 0 are left out.';

CREATE FUNCTION migstat.weights_islands(units_sql text, weights_sql text)
RETURNS TABLE (unit text)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
BEGIN
	IF units_sql IS NULL OR weights_sql IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = '22004', MESSAGE = 'weights_islands: units_sql and weights_sql must not be NULL';
	END IF;
	BEGIN
		RETURN QUERY EXECUTE format(
			'SELECT DISTINCT u.unit::text FROM (%s) u
			 WHERE u.unit IS NOT NULL
			   AND NOT EXISTS (SELECT 1 FROM (%s) w
							   WHERE w.unit_i::text = u.unit::text AND w.unit_j::text <> w.unit_i::text AND w.weight <> 0)
			 ORDER BY 1', units_sql, weights_sql);
	EXCEPTION WHEN undefined_column THEN
		RAISE EXCEPTION USING ERRCODE = '42703',
			MESSAGE = 'weights_islands: units_sql must return the column unit, weights_sql unit_i, unit_j and weight',
			DETAIL = SQLERRM;
	END;
END $$;
COMMENT ON FUNCTION migstat.weights_islands(text, text) IS
'Units of units_sql (column unit) without any neighbour in weights_sql (columns unit_i, unit_j, weight): no row with unit_i = unit, unit_j <> unit and a non-zero weight. Weight builders return no rows for such islands.';
