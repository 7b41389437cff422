/*
 * spatial_indices_fn.c — SQL functions of the spatial segregation indices
 * (fmgr glue): read the units and weights queries (spatial_input.h), check
 * what the index needs, compute with spatial_indices.c.
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "spatial_indices.h"
#include "spatial_input.h"

static const char *const xt_cols[] = {"x", "t"};

/* Reads (unit, x, t) and the weights of the two-group indices. */
static void
read_xt(FunctionCallInfo fcinfo, SpInput *in, const char *fname)
{
	sp_read_all(in, fname, PG_GETARG_TEXT_PP(0), SP_COUNTS, 2, xt_cols,
				PG_GETARG_TEXT_PP(1));
}

/* Error for a unit whose neighbourhood holds no one (decay, H~). */
static void
empty_neighbourhood(const SpInput *in, int64 unit, const char *who)
{
	if (unit < 0)
		return;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s(): the neighbourhood of unit \"%s\" holds no one",
					in->fname, sp_unit_cstring(in, (uint32) unit)),
			 errdetail("The index needs sum_j c_ij t_j > 0 for every unit with %s.", who),
			 errhint("Distance-decay and kernel weights include the unit itself (the pair (i, i)); check that the weights query returns it.")));
}

PG_FUNCTION_INFO_V1(migstat_adjusted_dissimilarity);
Datum
migstat_adjusted_dissimilarity(PG_FUNCTION_ARGS)
{
	SpInput		in;

	read_xt(fcinfo, &in, "adjusted_dissimilarity");
	return sp_index_result(fcinfo, &in,
						   spx_adjusted_dissimilarity(&in.g, in.col[0], in.col[1], NULL));
}

PG_FUNCTION_INFO_V1(migstat_shape_adjusted_dissimilarity);
Datum
migstat_shape_adjusted_dissimilarity(PG_FUNCTION_ARGS)
{
	static const char *const cols[] = {"x", "t", "perimeter", "area"};
	SpInput		in;
	double	   *shape;

	sp_read_all(&in, "shape_adjusted_dissimilarity", PG_GETARG_TEXT_PP(0), SP_COUNTS,
				4, cols, PG_GETARG_TEXT_PP(1));
	shape = MemoryContextAllocHuge(in.mcxt, Max(in.n, 1) * sizeof(double));
	for (uint32 i = 0; i < in.n; i++)
	{
		if (!(in.col[3][i] > 0.0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("shape_adjusted_dissimilarity(): unit \"%s\" has area 0",
							sp_unit_cstring(&in, i)),
					 errdetail("Wong's D(s) divides each unit's perimeter by its area.")));
		shape[i] = in.col[2][i] / in.col[3][i];
	}
	return sp_index_result(fcinfo, &in,
						   spx_adjusted_dissimilarity(&in.g, in.col[0], in.col[1], shape));
}

PG_FUNCTION_INFO_V1(migstat_spatial_proximity);
Datum
migstat_spatial_proximity(PG_FUNCTION_ARGS)
{
	SpInput		in;

	read_xt(fcinfo, &in, "spatial_proximity");
	return sp_index_result(fcinfo, &in, spx_spatial_proximity(&in.g, in.col[0], in.col[1]));
}

PG_FUNCTION_INFO_V1(migstat_absolute_clustering);
Datum
migstat_absolute_clustering(PG_FUNCTION_ARGS)
{
	SpInput		in;

	read_xt(fcinfo, &in, "absolute_clustering");
	return sp_index_result(fcinfo, &in, spx_absolute_clustering(&in.g, in.col[0], in.col[1]));
}

PG_FUNCTION_INFO_V1(migstat_relative_clustering);
Datum
migstat_relative_clustering(PG_FUNCTION_ARGS)
{
	SpInput		in;

	read_xt(fcinfo, &in, "relative_clustering");
	return sp_index_result(fcinfo, &in, spx_relative_clustering(&in.g, in.col[0], in.col[1]));
}

static Datum
decay_exposure(FunctionCallInfo fcinfo, const char *fname, int isolation)
{
	SpInput		in;
	int64_t		bad;
	double		v;

	read_xt(fcinfo, &in, fname);
	v = spx_decay_exposure(&in.g, in.col[0], in.col[1], isolation, &bad);
	empty_neighbourhood(&in, bad, "group members");
	return sp_index_result(fcinfo, &in, v);
}

PG_FUNCTION_INFO_V1(migstat_distance_decay_isolation);
Datum
migstat_distance_decay_isolation(PG_FUNCTION_ARGS)
{
	return decay_exposure(fcinfo, "distance_decay_isolation", 1);
}

PG_FUNCTION_INFO_V1(migstat_distance_decay_interaction);
Datum
migstat_distance_decay_interaction(PG_FUNCTION_ARGS)
{
	return decay_exposure(fcinfo, "distance_decay_interaction", 0);
}

PG_FUNCTION_INFO_V1(migstat_spatial_information_theory);
Datum
migstat_spatial_information_theory(PG_FUNCTION_ARGS)
{
	SpInput		in;
	int64_t		bad;
	double		v;

	read_xt(fcinfo, &in, "spatial_information_theory");
	v = spx_spatial_information(&in.g, in.col[0], in.col[1], &bad);
	empty_neighbourhood(&in, bad, "inhabitants");
	return sp_index_result(fcinfo, &in, v);
}

PG_FUNCTION_INFO_V1(migstat_absolute_centralization);
Datum
migstat_absolute_centralization(PG_FUNCTION_ARGS)
{
	static const char *const cols[] = {"x", "t", "area", "distance"};
	SpInput		in;
	SpxCentreItem *items;

	sp_read_all(&in, "absolute_centralization", PG_GETARG_TEXT_PP(0), SP_COUNTS,
				4, cols, NULL);
	items = MemoryContextAllocHuge(in.mcxt, Max(in.n, 1) * sizeof(SpxCentreItem));
	for (uint32 i = 0; i < in.n; i++)
	{
		items[i].distance = in.col[3][i];
		items[i].a = in.col[0][i];
		items[i].b = in.col[2][i];
	}
	return sp_index_result(fcinfo, &in, spx_centralization(items, in.n));
}

PG_FUNCTION_INFO_V1(migstat_relative_centralization);
Datum
migstat_relative_centralization(PG_FUNCTION_ARGS)
{
	static const char *const cols[] = {"x", "t", "distance"};
	SpInput		in;
	SpxCentreItem *items;

	sp_read_all(&in, "relative_centralization", PG_GETARG_TEXT_PP(0), SP_COUNTS,
				3, cols, NULL);
	items = MemoryContextAllocHuge(in.mcxt, Max(in.n, 1) * sizeof(SpxCentreItem));
	for (uint32 i = 0; i < in.n; i++)
	{
		items[i].distance = in.col[2][i];
		items[i].a = in.col[0][i];
		items[i].b = in.col[1][i] - in.col[0][i];
	}
	return sp_index_result(fcinfo, &in, spx_centralization(items, in.n));
}
