/*
 * local_stats_fn.c — SQL functions of Moran's I, local Moran (LISA) and
 * Getis-Ord G*_i (fmgr glue over local_stats.c).
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "local_stats.h"
#include "spatial_input.h"

static const char *const value_cols[] = {"value"};

/* permutations: 0 .. 99,999 */
static int32
permutations_arg(const char *fname, int32 p)
{
	if (p < 0 || p > 99999)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s(): permutations must be between 0 and 99999, not %d", fname, p)));
	return p;
}

static Datum
float8_or_null(double v, bool *isnull)
{
	*isnull = isnan(v);
	return *isnull ? (Datum) 0 : Float8GetDatum(v);
}

/*
 * morans_i(units_sql, weights_sql, permutations, seed, allow_islands)
 * RETURNS (i, expected, permutation_mean, permutation_sd, z_sim, p_sim,
 *          units, islands)
 */
PG_FUNCTION_INFO_V1(migstat_morans_i);
Datum
migstat_morans_i(PG_FUNCTION_ARGS)
{
	const char *fname = "morans_i";
	int32		permutations = permutations_arg(fname, PG_GETARG_INT32(2));
	int64		seed = PG_GETARG_INT64(3);
	bool		allow = PG_GETARG_BOOL(4);
	SpInput		in;
	TupleDesc	desc;
	LsMoran		m;
	uint32		islands;
	double	   *scratch;
	Datum		values[8];
	bool		nulls[8];

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	sp_read_all(&in, fname, PG_GETARG_TEXT_PP(0), SP_VALUES, 1, value_cols,
				PG_GETARG_TEXT_PP(1));
	islands = sp_check_islands(&in, allow);
	scratch = MemoryContextAllocHuge(in.mcxt, 2 * (Size) Max(in.n, 1) * sizeof(double));
	ls_morans_i(&in.g, in.col[0], permutations, (uint64) seed, &m, scratch);

	values[0] = float8_or_null(m.i, &nulls[0]);
	values[1] = float8_or_null(m.expected, &nulls[1]);
	values[2] = float8_or_null(m.perm_mean, &nulls[2]);
	values[3] = float8_or_null(m.perm_sd, &nulls[3]);
	values[4] = float8_or_null(m.z_sim, &nulls[4]);
	values[5] = float8_or_null(m.p_sim, &nulls[5]);
	values[6] = Int64GetDatum(in.n);
	nulls[6] = false;
	values[7] = Int64GetDatum(islands);
	nulls[7] = false;
	desc = BlessTupleDesc(desc);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

static const char *const quadrant_label[] = {
	[LS_HIGH_HIGH] = "high-high",
	[LS_LOW_HIGH] = "low-high",
	[LS_LOW_LOW] = "low-low",
	[LS_HIGH_LOW] = "high-low"
};

/*
 * local_morans_i(units_sql, weights_sql, permutations, seed, significance,
 *                allow_islands)
 * RETURNS TABLE (unit, value, local_i, lag, p_sim, cluster)
 */
PG_FUNCTION_INFO_V1(migstat_local_morans_i);
Datum
migstat_local_morans_i(PG_FUNCTION_ARGS)
{
	const char *fname = "local_morans_i";
	int32		permutations = permutations_arg(fname, PG_GETARG_INT32(2));
	int64		seed = PG_GETARG_INT64(3);
	double		significance = PG_GETARG_FLOAT8(4);
	bool		allow = PG_GETARG_BOOL(5);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	SpInput		in;
	double	   *local_i,
			   *lag,
			   *p_sim,
			   *z;
	uint32	   *drawn;
	uint8	   *mark;
	int			status;

	if (!(significance > 0.0 && significance < 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s(): significance must be between 0 and 1 (exclusive), not %g",
						fname, significance)));
	InitMaterializedSRF(fcinfo, 0);
	sp_read_all(&in, fname, PG_GETARG_TEXT_PP(0), SP_VALUES, 1, value_cols,
				PG_GETARG_TEXT_PP(1));
	sp_check_islands(&in, allow);
	local_i = MemoryContextAllocHuge(in.mcxt, Max(in.n, 1) * sizeof(double));
	lag = MemoryContextAllocHuge(in.mcxt, Max(in.n, 1) * sizeof(double));
	p_sim = MemoryContextAllocHuge(in.mcxt, Max(in.n, 1) * sizeof(double));
	z = MemoryContextAllocHuge(in.mcxt, Max(in.n, 1) * sizeof(double));
	drawn = MemoryContextAllocHuge(in.mcxt, Max(in.n, 1) * sizeof(uint32));
	mark = MemoryContextAllocHuge(in.mcxt, Max(in.n, 1));
	status = ls_local_morans_i(&in.g, in.col[0], permutations, (uint64) seed,
							   local_i, lag, p_sim, z, drawn, mark);
	if (status < 0 && in.n > 0)
		ereport(NOTICE,
				(errmsg("%s(): the values do not vary (or there are fewer than two units); the local statistics are NULL",
						fname)));

	for (uint32 r = 0; r < in.n; r++)
	{
		Datum		values[6];
		bool		nulls[6] = {false};
		const char *label;

		values[0] = PointerGetDatum(sp_unit_text(&in, r));
		values[1] = Float8GetDatum(in.col[0][r]);
		values[2] = float8_or_null(local_i[r], &nulls[2]);
		values[3] = float8_or_null(lag[r], &nulls[3]);
		values[4] = float8_or_null(p_sim[r], &nulls[4]);
		if (status < 0)
			label = NULL;
		else if (sw_is_island(&in.g, r))
			label = "island";
		else if (isnan(p_sim[r]) || p_sim[r] > significance)
			label = "not significant";
		else
			label = quadrant_label[ls_quadrant(z[r], lag[r])];
		nulls[5] = label == NULL;
		values[5] = label == NULL ? (Datum) 0 : CStringGetTextDatum(label);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	MemoryContextDelete(in.mcxt);
	return (Datum) 0;
}

/*
 * getis_ord_gi_star(units_sql, weights_sql, self_weight)
 * RETURNS TABLE (unit, value, gi_star, p_norm)
 * Not STRICT: a NULL self_weight means "the (i, i) weights as given".
 */
PG_FUNCTION_INFO_V1(migstat_getis_ord_gi_star);
Datum
migstat_getis_ord_gi_star(PG_FUNCTION_ARGS)
{
	const char *fname = "getis_ord_gi_star";
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	double		self_weight = NAN;
	SpInput		in;
	double	   *z;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s(): the units and weights queries must not be NULL", fname)));
	if (!PG_ARGISNULL(2))
	{
		self_weight = PG_GETARG_FLOAT8(2);
		if (!isfinite(self_weight) || self_weight < 0.0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s(): self_weight must be finite and not negative, not %g",
							fname, self_weight)));
	}
	InitMaterializedSRF(fcinfo, 0);
	sp_read_all(&in, fname, PG_GETARG_TEXT_PP(0), SP_VALUES, 1, value_cols,
				PG_GETARG_TEXT_PP(1));
	z = MemoryContextAllocHuge(in.mcxt, Max(in.n, 1) * sizeof(double));
	ls_gi_star(&in.g, in.col[0], self_weight, z);
	for (uint32 r = 0; r < in.n; r++)
	{
		Datum		values[4];
		bool		nulls[4] = {false};

		values[0] = PointerGetDatum(sp_unit_text(&in, r));
		values[1] = Float8GetDatum(in.col[0][r]);
		values[2] = float8_or_null(z[r], &nulls[2]);
		/* two-sided p-value of the normal approximation */
		values[3] = float8_or_null(isnan(z[r]) ? NAN : erfc(fabs(z[r]) / sqrt(2.0)), &nulls[3]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	MemoryContextDelete(in.mcxt);
	return (Datum) 0;
}
