
------------------------------------------------------------------------------
-- Assignment of geocoded points to district polygons (docs/grid-cells.md).
------------------------------------------------------------------------------

CREATE FUNCTION migstat.assign_points(points_sql text, districts_sql text)
RETURNS TABLE (id text, district text, status text, candidates integer)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
DECLARE
	s text := migstat.postgis_schema();
	t text;
	srid int;
BEGIN
	IF points_sql IS NULL OR districts_sql IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = '22004', MESSAGE = 'assign_points: points_sql and districts_sql must not be NULL';
	END IF;
	t := migstat.weights_units_table(districts_sql, 'assign_points (districts)', 'topology');
	EXECUTE format('SELECT min(%s.ST_SRID(geom)) FROM %s', s, t) INTO srid;
	BEGIN
		EXECUTE format('SELECT q.id, q.geom FROM (%s) q LIMIT 0', points_sql);
	EXCEPTION WHEN undefined_column THEN
		RAISE EXCEPTION USING ERRCODE = '42703',
			MESSAGE = 'assign_points: points_sql must return the columns id and geom',
			DETAIL = SQLERRM;
	END;
	-- Each point gets the district whose interior holds it; a point on the
	-- boundary only (shared border) goes to the candidate with the smallest
	-- key in byte order; a point in no district gets NULL, 'outside'.
	RETURN QUERY EXECUTE format($q$
		SELECT p.id, d.unit,
			   CASE WHEN p.geom IS NULL THEN 'no geometry'
					WHEN d.unit IS NULL THEN 'outside'
					WHEN d.interior THEN 'interior'
					ELSE 'boundary' END,
			   coalesce(d.n, 0)::int
		FROM (SELECT CASE WHEN q.id IS NULL
						  THEN migstat.postgis_input_error('22004', 'assign_points: a point id is NULL')
						  ELSE q.id::text END AS id,
					 CASE WHEN q.geom IS NULL THEN NULL
						  WHEN %1$s.ST_SRID(q.geom) <> %3$s
						  THEN migstat.postgis_input_error('22023',
								 format('assign_points: point %%s has SRID %%s, the districts %%s', q.id, %1$s.ST_SRID(q.geom), %3$s),
								 NULL, 'Transform the points with ST_Transform(geom, %3$s).')::%1$s.geometry
						  WHEN %1$s.GeometryType(q.geom) <> 'POINT' OR %1$s.ST_IsEmpty(q.geom)
						  THEN migstat.postgis_input_error('22023',
								 format('assign_points: geometry of %%s is not a point', q.id),
								 NULL, 'Use ST_PointOnSurface(geom) for areas.')::%1$s.geometry
						  ELSE q.geom::%1$s.geometry END AS geom
			  FROM (%4$s) q) p
		LEFT JOIN LATERAL (
			SELECT c.unit, c.interior, count(*) OVER () AS n
			FROM (SELECT x.unit, %1$s.ST_Contains(x.geom, p.geom) AS interior
				  FROM %2$s x WHERE %1$s.ST_Intersects(x.geom, p.geom)) c
			ORDER BY c.interior DESC, c.unit COLLATE "C"
			LIMIT 1) d ON true
	$q$, s, t, srid, points_sql);
	EXECUTE 'DROP TABLE ' || t;
END $$;
COMMENT ON FUNCTION migstat.assign_points(text, text) IS
'Assigns the points of points_sql (columns id, geom) to the districts of districts_sql (columns unit, geom) by a GiST join: status interior (inside one district), boundary (on a border only: the candidate with the smallest key in byte order), outside (district NULL) or no geometry; candidates counts the districts touching the point.';

CREATE FUNCTION migstat.unassigned_points(points_sql text, districts_sql text)
RETURNS TABLE (id text, status text)
LANGUAGE sql VOLATILE PARALLEL UNSAFE
BEGIN ATOMIC
	SELECT a.id, a.status FROM migstat.assign_points(points_sql, districts_sql) a
	WHERE a.district IS NULL ORDER BY a.id;
END;
COMMENT ON FUNCTION migstat.unassigned_points(text, text) IS
'The points of points_sql that assign_points places in no district (status outside or no geometry).';
