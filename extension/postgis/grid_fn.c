/*
 * grid_fn.c — fmgr glue of the INSPIRE / Zensus grid identifiers (grid.c).
 * No PostGIS headers: the geometry side (transform, polygon) is SQL in
 * grid.sql, calling these on plain coordinates.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "grid.h"

PG_FUNCTION_INFO_V1(migstat_grid_cell_id_xy);
PG_FUNCTION_INFO_V1(migstat_grid_cell_parse);
PG_FUNCTION_INFO_V1(migstat_grid_point_rejected);
PG_FUNCTION_INFO_V1(migstat_grid_cell_id_of_point);

static void
check_resolution(int32 res)
{
	if (!grid_resolution_ok(res))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("grid resolution %d is not supported", res),
				 errhint("The Zensus / INSPIRE grid cells are 100, 1000 or 10000 metres.")));
}

static Datum cell_id_of(float8 x, float8 y, int32 res);

/* grid_cell_id(x float8, y float8, resolution int4) -> text */
Datum
migstat_grid_cell_id_xy(PG_FUNCTION_ARGS)
{
	return cell_id_of(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_INT32(2));
}

/*
 * grid_cell_id_of_point(x float8, y float8, resolution int4) -> text, not
 * strict: the fast path of grid_cell_id(geometry) for a non-NULL EPSG:3035
 * point, whose ST_X/ST_Y are NULL only when the point is empty.
 */
Datum
migstat_grid_cell_id_of_point(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(2))
		PG_RETURN_NULL();
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("grid cell of an empty geometry")));
	return cell_id_of(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_INT32(2));
}

static Datum
cell_id_of(float8 x, float8 y, int32 res)
{
	GridCell	cell;
	char		buf[GRID_ID_MAXLEN];

	check_resolution(res);
	switch (grid_cell_of_point(x, y, res, &cell))
	{
		case GRID_OK:
			break;
		case GRID_ERR_NOT_FINITE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("grid cell of a point with a non-finite coordinate (%g, %g)", x, y)));
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("point (%.1f, %.1f) is outside the EPSG:3035 grid", x, y),
					 errdetail("Grid identifiers hold coordinates from 0 to 9999999 metres."),
					 errhint("Coordinates must be ETRS89-LAEA (EPSG:3035) metres; transform other reference systems first.")));
	}
	grid_cell_format(&cell, buf, sizeof(buf));
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

/*
 * grid_cell_parse(id text, OUT resolution int4, OUT east int8, OUT north int8)
 */
Datum
migstat_grid_cell_parse(PG_FUNCTION_ARGS)
{
	text	   *id = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(id);
	size_t		len = VARSIZE_ANY_EXHDR(id);
	GridCell	cell;
	GridParseError err;
	TupleDesc	tupdesc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	if (grid_cell_parse(s, len, &cell, &err) != GRID_OK)
	{
		char	   *shown = len > 64 ? pstrdup("(too long to show)") : text_to_cstring(id);

		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid grid cell identifier \"%s\" at character %d", shown, err.pos),
				 errdetail("%s", err.detail),
				 errhint("The notation is CRS3035RES<size>mN<northing>E<easting>, e.g. CRS3035RES100mN2689100E4337000.")));
	}
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("grid_cell_parse must be called where a record is expected")));
	tupdesc = BlessTupleDesc(tupdesc);
	values[0] = Int32GetDatum(cell.resolution);
	values[1] = Int64GetDatum(cell.east);
	values[2] = Int64GetDatum(cell.north);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/*
 * grid_point_rejected(geometry_type text, srid int4, is_empty bool) -> text:
 * raises the error for a geometry grid_cell_id(geometry) cannot place.
 * Called from the SQL wrapper's CASE only for such input.
 */
Datum
migstat_grid_point_rejected(PG_FUNCTION_ARGS)
{
	text	   *type = PG_GETARG_TEXT_PP(0);
	int32		srid = PG_GETARG_INT32(1);
	bool		empty = PG_GETARG_BOOL(2);

	if (srid == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("grid cell of a geometry without a spatial reference system (SRID 0)"),
				 errhint("Set the SRID of the points, e.g. ST_SetSRID(geom, 25832), so they can be transformed to EPSG:3035.")));
	if (empty)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("grid cell of an empty geometry")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("grid cell of a %s: a point is needed", text_to_cstring(type)),
			 errhint("Use ST_PointOnSurface(geom) or ST_Centroid(geom) to place an area in a cell.")));
	PG_RETURN_NULL();
}
