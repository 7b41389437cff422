
------------------------------------------------------------------------------
-- Shared helpers of the PostGIS bridge.
--
-- search_path: PostGIS may live in any schema.  Functions written as SQL
-- with a standard body (RETURN ... / BEGIN ATOMIC) are parsed when this
-- script runs, while CREATE EXTENSION puts PostGIS's schema on the path, so
-- they are bound to PostGIS's objects and ignore the caller's search_path.
-- The PL/pgSQL functions build their queries at run time and qualify every
-- PostGIS function, type and operator with the schema found by
-- migstat.postgis_schema(); the caller's query texts (units_sql, ...) run
-- under the caller's own search_path, as the caller wrote them.
------------------------------------------------------------------------------

CREATE FUNCTION migstat.postgis_schema() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT quote_ident(n.nspname::text)
	FROM pg_catalog.pg_extension e
	JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
	WHERE e.extname = 'postgis';
END;
COMMENT ON FUNCTION migstat.postgis_schema() IS
'The schema PostGIS is installed in, quoted for use in a query text (used by migstat_postgis to qualify PostGIS calls).';

CREATE FUNCTION migstat.srid_is_geographic(srid integer) RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT EXISTS (
		SELECT 1 FROM spatial_ref_sys r
		WHERE r.srid = srid_is_geographic.srid
		  AND (r.srtext LIKE 'GEOGCS%' OR r.srtext LIKE 'GEOGCRS%'
			   OR r.proj4text LIKE '%+proj=longlat%' OR r.proj4text LIKE '%+proj=latlong%'));
END;
COMMENT ON FUNCTION migstat.srid_is_geographic(integer) IS
'True when the SRID is a geographic (longitude/latitude) reference system in spatial_ref_sys: its distances and areas are in degrees.';

-- Raises an error from inside a query (a CASE branch); never returns.
CREATE FUNCTION migstat.postgis_input_error(sqlstate text, message text, detail text DEFAULT NULL,
											hint text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql VOLATILE PARALLEL SAFE AS $$
BEGIN
	RAISE EXCEPTION USING ERRCODE = sqlstate, MESSAGE = message,
		DETAIL = coalesce(detail, ''), HINT = coalesce(hint, '');
END $$;
COMMENT ON FUNCTION migstat.postgis_input_error(text, text, text, text) IS
'Raises an error with the given SQLSTATE, message, detail and hint; used inside the queries of migstat_postgis to reject bad rows.';

-- Loads a caller's units query into a temporary table with GiST indexes and
-- validates it; returns the table's name.  kind is 'topology' (contiguity:
-- any SRID; GiST index on geom), 'centroid' or 'geometry' (distances and
-- areas: a projected SRID is needed; also stores each unit's centroid c and
-- area a, GiST index on c or on geom).  snap > 0 first reduces
-- every geometry to a grid of that size (ST_ReducePrecision).
CREATE FUNCTION migstat.weights_units_table(units_sql text, caller text, kind text,
											snap double precision DEFAULT 0)
RETURNS text
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
DECLARE
	s text := migstat.postgis_schema();
	k int := 1;
	t text;
	bad text;
	r record;
	srids int[];
BEGIN
	IF s IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = '55000', MESSAGE = caller || ': PostGIS is not installed in this database';
	END IF;
	IF units_sql IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = '22004', MESSAGE = caller || ': units_sql must not be NULL';
	END IF;
	IF kind IS NULL OR kind NOT IN ('topology', 'centroid', 'geometry') THEN
		RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('weights_units_table: unknown kind %s', kind);
	END IF;
	IF snap IS NULL OR NOT (snap >= 0 AND snap < 'Infinity'::float8) THEN
		RAISE EXCEPTION USING ERRCODE = '22023',
			MESSAGE = format('%s: snap must be a finite number >= 0, not %s', caller, coalesce(snap::text, 'NULL'));
	END IF;
	WHILE to_regclass(format('pg_temp.migstat_units_%s', k)) IS NOT NULL LOOP
		k := k + 1;
	END LOOP;
	t := format('pg_temp.migstat_units_%s', k);
	BEGIN
		EXECUTE format('CREATE TEMP TABLE migstat_units_%1$s AS SELECT unit, geom%2$s FROM '
					   '(SELECT q.unit::text AS unit, %3$s AS geom FROM (%4$s) q) g',
					   k,
					   CASE WHEN kind = 'topology' THEN ''
							ELSE format(', %1$s.ST_Centroid(geom) AS c, %1$s.ST_Area(geom) AS a', s) END,
					   CASE WHEN snap > 0
							THEN format('%1$s.ST_ReducePrecision(q.geom::%1$s.geometry, %2$s)', s, snap)
							ELSE format('q.geom::%s.geometry', s) END,
					   units_sql);
	EXCEPTION WHEN undefined_column THEN
		RAISE EXCEPTION USING ERRCODE = '42703',
			MESSAGE = caller || ': units_sql must return the columns unit and geom',
			DETAIL = SQLERRM,
			HINT = 'For example: SELECT tract_id AS unit, geom FROM tracts';
	END;

	EXECUTE format('SELECT count(*) FILTER (WHERE unit IS NULL) AS null_units,
						   min(unit) FILTER (WHERE geom IS NULL) AS null_geom,
						   count(*) FILTER (WHERE geom IS NULL) AS null_geoms
					FROM %s', t) INTO r;
	IF r.null_units > 0 THEN
		RAISE EXCEPTION USING ERRCODE = '22004',
			MESSAGE = format('%s: %s unit key(s) are NULL', caller, r.null_units),
			HINT = 'Every unit needs a key; filter with WHERE unit IS NOT NULL.';
	END IF;
	IF r.null_geoms > 0 THEN
		RAISE EXCEPTION USING ERRCODE = '22004',
			MESSAGE = format('%s: unit %s has a NULL geometry', caller, r.null_geom),
			DETAIL = format('%s unit(s) have no geometry.', r.null_geoms);
	END IF;
	EXECUTE format('SELECT unit FROM %s GROUP BY unit HAVING count(*) > 1 ORDER BY unit COLLATE "C" LIMIT 1', t)
		INTO bad;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = '23505',
			MESSAGE = format('%s: unit key %s occurs more than once', caller, bad),
			HINT = 'Unit keys are compared by their text form and must be unique.';
	END IF;
	EXECUTE format('SELECT array_agg(DISTINCT %s.ST_SRID(geom) ORDER BY %s.ST_SRID(geom)) FROM %s', s, s, t)
		INTO srids;
	IF cardinality(srids) > 1 THEN
		EXECUTE format('SELECT unit FROM %1$s WHERE %2$s.ST_SRID(geom) = %3$s ORDER BY unit COLLATE "C" LIMIT 1',
					   t, s, srids[2]) INTO bad;
		RAISE EXCEPTION USING ERRCODE = '22023',
			MESSAGE = format('%s: the geometries have mixed SRIDs %s', caller, array_to_string(srids, ', ')),
			DETAIL = format('Unit %s has SRID %s.', bad, srids[2]),
			HINT = 'Transform all geometries to one SRID with ST_Transform.';
	END IF;
	EXECUTE format('SELECT unit, CASE WHEN %1$s.ST_IsEmpty(geom) THEN ''empty geometry''
									 ELSE %1$s.ST_IsValidReason(geom) END AS reason
					FROM %2$s WHERE %1$s.ST_IsEmpty(geom) OR NOT %1$s.ST_IsValid(geom)
					ORDER BY unit COLLATE "C" LIMIT 1', s, t) INTO r;
	IF r.unit IS NOT NULL THEN
		RAISE EXCEPTION USING ERRCODE = '22023',
			MESSAGE = format('%s: unit %s has an invalid geometry', caller, r.unit),
			DETAIL = r.reason,
			HINT = 'Repair it with ST_MakeValid, or leave empty geometries out.';
	END IF;
	IF kind <> 'topology' AND cardinality(srids) = 1 AND migstat.srid_is_geographic(srids[1]) THEN
		RAISE EXCEPTION USING ERRCODE = '22023',
			MESSAGE = format('%s: SRID %s is geographic (longitude/latitude): distances and areas would be in degrees',
							 caller, srids[1]),
			HINT = 'Transform to a projected SRID in metres first, e.g. ST_Transform(geom, 25832) (ETRS89 / UTM 32N) '
				   'or ST_Transform(geom, 3035) (ETRS89-LAEA Europe).';
	END IF;

	IF kind = 'centroid' THEN
		EXECUTE format('CREATE INDEX migstat_units_%s_c ON %s USING gist (c)', k, t);
	ELSE
		EXECUTE format('CREATE INDEX migstat_units_%s_geom ON %s USING gist (geom)', k, t);
	END IF;
	EXECUTE format('ANALYZE %s', t);
	RETURN t;
END $$;
COMMENT ON FUNCTION migstat.weights_units_table(text, text, text, double precision) IS
'Internal: runs a units query (columns unit, geom) into a GiST-indexed temporary table, checking for NULL keys and geometries, duplicate keys, mixed SRIDs, invalid or empty geometries and (for distances) geographic SRIDs; returns the table name.';

-- With SET migstat_postgis.explain = on, shows the plan of a builder's pair
-- query as NOTICE messages, so a user (and the regression test) can see the
-- GiST index being used.
CREATE FUNCTION migstat.weights_explain(query text, caller text) RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
DECLARE
	plan text;
BEGIN
	IF coalesce(current_setting('migstat_postgis.explain', true), '') NOT IN ('on', 'true', '1') THEN
		RETURN;
	END IF;
	FOR plan IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		RAISE NOTICE '%: %', caller, plan;
	END LOOP;
END $$;
COMMENT ON FUNCTION migstat.weights_explain(text, text) IS
'Internal: with SET migstat_postgis.explain = on, reports the plan of a weights builder''s pair query as NOTICE messages (shows the GiST index scans).';

-- The rows of a symmetric pair query (i < j, one row per pair, columns i, j,
-- w) in both directions.
CREATE FUNCTION migstat.weights_both_directions(pairs_sql text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN format('SELECT v.i, v.j, p.w FROM (%s) p CROSS JOIN LATERAL (VALUES (p.i, p.j), (p.j, p.i)) AS v(i, j)',
			  pairs_sql);
COMMENT ON FUNCTION migstat.weights_both_directions(text) IS
'Internal: wraps a query of unordered pairs (i, j, w) so that each pair is returned in both directions.';
