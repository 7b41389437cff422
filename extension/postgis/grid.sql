
------------------------------------------------------------------------------
-- The Zensus / INSPIRE grid in ETRS89-LAEA (EPSG:3035) (docs/grid-cells.md).
-- Identifiers in the notation of the Zensus 2022 grid files and INSPIRE
-- D2.8.I.2 Annex B: CRS3035RES100mN2689100E4337000 (cell size in metres,
-- northing and easting of the lower-left corner).
------------------------------------------------------------------------------

CREATE FUNCTION migstat.grid_cell_id(x double precision, y double precision, resolution integer DEFAULT 100)
RETURNS text
AS 'MODULE_PATHNAME', 'migstat_grid_cell_id_xy'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.grid_cell_id(double precision, double precision, integer) IS
'Identifier of the Zensus / INSPIRE grid cell (100, 1000 or 10000 m) holding the EPSG:3035 coordinates (x, y), e.g. CRS3035RES100mN2689100E4337000. A point on a cell edge belongs to the cell to its north and east.';

CREATE FUNCTION migstat.grid_cell_parse(id text, OUT resolution integer, OUT east bigint, OUT north bigint)
RETURNS record
AS 'MODULE_PATHNAME', 'migstat_grid_cell_parse'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.grid_cell_parse(text) IS
'Reads a Zensus / INSPIRE grid cell identifier (CRS3035RES<size>mN<northing>E<easting>) into its cell size and lower-left corner (EPSG:3035 metres); 22P02 with the character position on a malformed identifier.';

CREATE FUNCTION migstat.grid_point_rejected(geometry_type text, srid integer, is_empty boolean)
RETURNS text
AS 'MODULE_PATHNAME', 'migstat_grid_point_rejected'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.grid_point_rejected(text, integer, boolean) IS
'Internal: raises the error (22023) for a geometry grid_cell_id(geometry) cannot place in a cell (not a point, empty, or SRID 0).';

CREATE FUNCTION migstat.grid_cell_id_of_point(x double precision, y double precision, resolution integer)
RETURNS text
AS 'MODULE_PATHNAME', 'migstat_grid_cell_id_of_point'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.grid_cell_id_of_point(double precision, double precision, integer) IS
'Internal: grid_cell_id for the coordinates of a non-NULL EPSG:3035 point, where NULL coordinates mean an empty point (22023).';

-- The other cases of grid_cell_id(geometry): a point in another SRID
-- (transformed), or input to reject.  STRICT with a non-strict body, so it is
-- not inlined: the planner then sees the cheap fast path only.
CREATE FUNCTION migstat.grid_cell_id_other(geom geometry, resolution integer)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
	WHEN ST_SRID(geom) <> 0 AND GeometryType(geom) = 'POINT' AND NOT ST_IsEmpty(geom)
		THEN migstat.grid_cell_id(ST_X(ST_Transform(geom, 3035)), ST_Y(ST_Transform(geom, 3035)), resolution)
	ELSE migstat.grid_point_rejected(GeometryType(geom), ST_SRID(geom), ST_IsEmpty(geom))
END;
COMMENT ON FUNCTION migstat.grid_cell_id_other(geometry, integer) IS
'Internal: grid_cell_id of a geometry that is not an EPSG:3035 point: points in another SRID are transformed, anything else is rejected (22023).';

-- Not STRICT so that it is inlined into the caller's query (a hash
-- aggregation over it then costs little more than over a stored id); NULL
-- input still gives NULL.
CREATE FUNCTION migstat.grid_cell_id(geom geometry, resolution integer DEFAULT 100)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
	WHEN ST_SRID(geom) = 3035 AND GeometryType(geom) = 'POINT'
		THEN migstat.grid_cell_id_of_point(ST_X(geom), ST_Y(geom), resolution)
	ELSE migstat.grid_cell_id_other(geom, resolution)
END;
COMMENT ON FUNCTION migstat.grid_cell_id(geometry, integer) IS
'Identifier of the Zensus / INSPIRE grid cell (100, 1000 or 10000 m) holding a point; points in another SRID are transformed to EPSG:3035 first.';

CREATE FUNCTION migstat.grid_cell_polygon(id text)
RETURNS geometry(Polygon, 3035)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT ST_MakeEnvelope(p.east, p.north, p.east + p.resolution, p.north + p.resolution, 3035)::geometry(Polygon, 3035)
	FROM migstat.grid_cell_parse(id) p;
END;
COMMENT ON FUNCTION migstat.grid_cell_polygon(text) IS
'The square (EPSG:3035 polygon) of a Zensus / INSPIRE grid cell identifier; 22P02 with the position on a malformed identifier.';

CREATE FUNCTION migstat.grid_counts(points_sql text, resolution integer DEFAULT 100)
RETURNS TABLE (cell text, grp text, n bigint)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
DECLARE
	has_grp boolean;
BEGIN
	IF points_sql IS NULL OR resolution IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = '22004', MESSAGE = 'grid_counts: points_sql and resolution must not be NULL';
	END IF;
	PERFORM migstat.grid_cell_id(0, 0, resolution);	-- 22023 on a bad resolution
	BEGIN
		EXECUTE format('SELECT q.geom FROM (%s) q LIMIT 0', points_sql);
	EXCEPTION WHEN undefined_column THEN
		RAISE EXCEPTION USING ERRCODE = '42703',
			MESSAGE = 'grid_counts: points_sql must return the column geom (and optionally grp)',
			DETAIL = SQLERRM;
	END;
	BEGIN
		EXECUTE format('SELECT q.grp FROM (%s) q LIMIT 0', points_sql);
		has_grp := true;
	EXCEPTION WHEN undefined_column THEN
		has_grp := false;
	END;
	RETURN QUERY EXECUTE format(
		'SELECT migstat.grid_cell_id(q.geom, %s), %s, count(*) FROM (%s) q
		 WHERE q.geom IS NOT NULL GROUP BY 1, 2',
		resolution, CASE WHEN has_grp THEN 'q.grp::text' ELSE 'NULL::text' END, points_sql);
END $$;
COMMENT ON FUNCTION migstat.grid_counts(text, integer) IS
'Counts the points of points_sql (column geom, optionally grp) per Zensus / INSPIRE grid cell (and group): rows (cell, grp, n); grp is NULL without a grp column. Rows with a NULL geometry are not counted.';
