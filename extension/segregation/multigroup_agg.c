/*
 * multigroup_agg.c — fmgr glue of the multigroup aggregates over arrays of
 * group counts (one array per unit), and of the local per-unit functions.
 *
 * Row semantics (docs/multigroup.md): a NULL array skips the row; a NULL
 * element is an error (22004), as is a negative or non-finite count (22023)
 * or an array whose length differs from the first row's (22023).
 */
#include "postgres.h"

#include <math.h>

#include "../common/args.h"
#include "../common/grow.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "multigroup.h"
#include "multigroup_codec.h"
#include "multigroup_glue.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/memutils.h"


static MgAggState *
mg_state_new(MemoryContext ctx, int K, bool keeps_units, uint64 capacity)
{
	MgAggState *st = MemoryContextAllocZero(ctx, sizeof(MgAggState));

	st->s.K = K;
	st->s.total = MemoryContextAllocZero(ctx, K * sizeof(double));
	st->s.sq = MemoryContextAllocZero(ctx, K * sizeof(double));
	st->row = MemoryContextAlloc(ctx, K * sizeof(double));
	st->keeps_units = keeps_units;
	if (keeps_units)
	{
		st->capacity = Max(capacity, K <= 64 ? 64 : 1);	/* few rows first when K is large */
		st->units = MemoryContextAllocHuge(ctx, st->capacity * K * sizeof(double));
	}
	return st;
}

/* Makes room for extra more units (rows of K counts). */
static void
mg_state_reserve(MgAggState *st, uint64 extra)
{
	migstat_grow_array((void **) &st->units, &st->capacity,
					   st->s.n_units + extra, st->s.K * sizeof(double),
					   "multigroup");
}

/*
 * Validates a counts array and returns its length K (at least 2).  Errors
 * name the function and, for elements, the 1-based position.
 */
int
mg_array_length(FunctionCallInfo fcinfo, ArrayType *arr, const char *argname)
{
	int			K;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s in %s() must be a one-dimensional array of group counts",
						argname, migstat_caller_name(fcinfo)),
				 errdetail("The array has %d dimensions.", ARR_NDIM(arr))));
	K = ARR_NDIM(arr) == 0 ? 0 : ARR_DIMS(arr)[0];
	if (K < 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s in %s() must hold at least two groups, got %d",
						argname, migstat_caller_name(fcinfo), K),
				 errhint("Segregation compares groups; for one group against the rest pass {group, total - group}.")));
	if (K > MG_MAX_GROUPS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s in %s() has %d groups, more than the limit of %d",
						argname, migstat_caller_name(fcinfo), K, MG_MAX_GROUPS)));
	if (ARR_HASNULL(arr))
	{
		bits8	   *bitmap = ARR_NULLBITMAP(arr);

		for (int k = 0; k < K; k++)
			if (!(bitmap[k / 8] & (1 << (k % 8))))
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("NULL element in %s of %s() at position %d",
								argname, migstat_caller_name(fcinfo), k + 1),
						 errhint("Use 0 for a group without members, or coalesce() the elements.")));
	}
	return K;
}

/*
 * ARR_DATA_PTR mixes signed and unsigned operands in PostgreSQL's header,
 * which -Wextra (-Wsign-compare) rejects; the expression itself is sound.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsign-compare"
static inline const void *
mg_array_data(ArrayType *arr)
{
	return ARR_DATA_PTR(arr);
}
#pragma GCC diagnostic pop

/* Copies a validated integer[], bigint[] or float8[] into out (K doubles), checking values. */
void
mg_array_values(FunctionCallInfo fcinfo, ArrayType *arr, int K,
				const char *argname, double *out)
{
	if (ARR_ELEMTYPE(arr) == INT8OID)
	{
		const int64 *v = (const int64 *) mg_array_data(arr);

		for (int k = 0; k < K; k++)
		{
			if (v[k] < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("invalid count in %s(): %s[%d] = " INT64_FORMAT,
								migstat_caller_name(fcinfo), argname, k + 1, v[k]),
						 errdetail("Counts must not be negative.")));
			out[k] = (double) v[k];
		}
	}
	else if (ARR_ELEMTYPE(arr) == INT4OID)
	{
		const int32 *v = (const int32 *) mg_array_data(arr);

		for (int k = 0; k < K; k++)
		{
			if (v[k] < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("invalid count in %s(): %s[%d] = %d",
								migstat_caller_name(fcinfo), argname, k + 1, v[k]),
						 errdetail("Counts must not be negative.")));
			out[k] = (double) v[k];
		}
	}
	else
	{
		const double *v = (const double *) mg_array_data(arr);

		if (ARR_ELEMTYPE(arr) != FLOAT8OID)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("%s in %s() must be an array of integer, bigint or double precision",
							argname, migstat_caller_name(fcinfo))));
		for (int k = 0; k < K; k++)
		{
			if (!isfinite(v[k]) || v[k] < 0.0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("invalid count in %s(): %s[%d] = %s",
								migstat_caller_name(fcinfo), argname, k + 1,
								float8out_internal(v[k])),
						 errdetail("Counts must be finite and not negative.")));
			out[k] = v[k];
		}
	}
}

MgAggState *
mg_state_add_array(FunctionCallInfo fcinfo, MgAggState *st, ArrayType *arr,
				   bool keeps_units)
{
	int			K = mg_array_length(fcinfo, arr, "counts");

	if (st == NULL)
		st = mg_state_new(migstat_agg_context(fcinfo), K, keeps_units, 0);
	else if (K != st->s.K)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("counts arrays of different lengths in %s(): %d and %d",
						migstat_caller_name(fcinfo), st->s.K, K),
				 errdetail("Every row of one aggregate must count the same groups in the same order.")));
	mg_array_values(fcinfo, arr, K, "counts", st->row);

	if (keeps_units && st->s.n_units == st->capacity)
		mg_state_reserve(st, 1);
	if (mg_add_unit(&st->s, st->row) > 0.0 && keeps_units)
		memcpy(st->units + (st->s.n_units - 1) * K, st->row, K * sizeof(double));
	return st;
}

static Datum
mg_accum(FunctionCallInfo fcinfo, bool keeps_units)
{
	MgAggState *st = PG_ARGISNULL(0) ? NULL : (MgAggState *) PG_GETARG_POINTER(0);

	if (PG_ARGISNULL(1))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	PG_RETURN_POINTER(mg_state_add_array(fcinfo, st, PG_GETARG_ARRAYTYPE_P(1),
										 keeps_units));
}

PG_FUNCTION_INFO_V1(mg_sums_accum);
Datum
mg_sums_accum(PG_FUNCTION_ARGS)
{
	return mg_accum(fcinfo, false);
}

PG_FUNCTION_INFO_V1(mg_units_accum);
Datum
mg_units_accum(PG_FUNCTION_ARGS)
{
	return mg_accum(fcinfo, true);
}

MgAggState *
mg_state_merge(MemoryContext ctx, MgAggState *a, const MgAggState *b)
{
	uint64		a_units;

	if (a == NULL)
		a = mg_state_new(ctx, b->s.K, b->keeps_units, b->s.n_units);
	else if (a->s.K != b->s.K)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("counts arrays of different lengths in a multigroup aggregate: %d and %d",
						a->s.K, b->s.K),
				 errdetail("Every row of one aggregate must count the same groups in the same order.")));
	if (a->keeps_units != b->keeps_units)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("cannot combine partial states of different multigroup aggregates")));

	a_units = a->s.n_units;
	if (a->keeps_units)
	{
		mg_state_reserve(a, b->s.n_units);
		memcpy(a->units + a_units * a->s.K, b->units,
			   b->s.n_units * b->s.K * sizeof(double));
	}
	mg_add_sums(&a->s, &b->s);
	return a;
}

PG_FUNCTION_INFO_V1(mg_combine);
Datum
mg_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx = migstat_agg_context(fcinfo);
	MgAggState *a = PG_ARGISNULL(0) ? NULL : (MgAggState *) PG_GETARG_POINTER(0);
	MgAggState *b = PG_ARGISNULL(1) ? NULL : (MgAggState *) PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	PG_RETURN_POINTER(mg_state_merge(aggctx, a, b));
}

size_t
mg_state_size(const MgAggState *st)
{
	size_t		size = mg_state_encoded_size(st->s.K, st->s.n_units, st->keeps_units,
											 MaxAllocSize - VARHDRSZ - 64);

	if (size == 0)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("partial multigroup state with " UINT64_FORMAT " units of %d groups is too large to pass between processes",
						st->s.n_units, st->s.K),
				 errhint("Split the input with GROUP BY, or run this aggregate without parallel workers (SET max_parallel_workers_per_gather = 0).")));
	return size;
}

void
mg_state_write(const MgAggState *st, uint8 *out)
{
	mg_state_encode(&st->s, st->keeps_units, st->units, out);
}

MgAggState *
mg_state_read(MemoryContext ctx, const uint8 *buf, size_t len)
{
	int			K,
				keeps_units;
	uint64		n_units;
	MgAggState *st = NULL;
	const char *problem;

	problem = mg_state_decode_header(buf, len, &K, &keeps_units, &n_units);
	if (problem == NULL)
	{
		st = mg_state_new(ctx, K, keeps_units != 0, n_units);
		st->s.n_units = n_units;
		problem = mg_state_decode_body(buf, len, &st->s, keeps_units, st->units);
	}
	if (problem != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid partial state of a migstat multigroup aggregate"),
				 errdetail("%s.", problem)));
	return st;
}

PG_FUNCTION_INFO_V1(mg_serialize);
Datum
mg_serialize(PG_FUNCTION_ARGS)
{
	MgAggState *st;
	size_t		size;
	bytea	   *out;

	migstat_agg_context(fcinfo);
	st = (MgAggState *) PG_GETARG_POINTER(0);
	size = mg_state_size(st);
	out = palloc(VARHDRSZ + size);
	SET_VARSIZE(out, VARHDRSZ + size);
	mg_state_write(st, (uint8 *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

/*
 * Deserialized states live in the per-call context: mg_combine copies them
 * into the aggregate's state, so they need not outlive the call.
 */
PG_FUNCTION_INFO_V1(mg_deserialize);
Datum
mg_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);

	migstat_agg_context(fcinfo);
	PG_RETURN_POINTER(mg_state_read(CurrentMemoryContext,
									(const uint8 *) VARDATA_ANY(in),
									VARSIZE_ANY_EXHDR(in)));
}

void
mg_check_range(FunctionCallInfo fcinfo, const MgSums *s)
{
	double		T = 0.0,
				Q = 0.0;

	for (int k = 0; k < s->K; k++)
	{
		T += s->total[k];
		Q += s->sq[k];
	}
	if (!isfinite(T) || !isfinite(Q) || !isfinite(s->within))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sum of counts out of range in %s()",
						migstat_caller_name(fcinfo)),
				 errdetail("The totals exceed the range of double precision.")));
}

/*
 * The state of a final function, or NULL when the group had no populated
 * unit.  An index that needs the units gets a state that kept them, or an
 * error (only forged partial states can lack them).
 */
static MgAggState *
mg_final_state(FunctionCallInfo fcinfo, bool needs_units)
{
	MgAggState *st;

	migstat_agg_context(fcinfo);
	if (PG_ARGISNULL(0))
		return NULL;
	st = (MgAggState *) PG_GETARG_POINTER(0);
	if (needs_units && !st->keeps_units)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("partial state without units passed to %s()",
						migstat_caller_name(fcinfo))));
	if (st->s.n_units == 0)
		return NULL;
	mg_check_range(fcinfo, &st->s);
	return st;
}


/* Computes one index from a state; scratch for Gini comes from palloc. */
double
mg_compute(MgIndex which, const MgSums *s, const double *units, size_t n)
{
	double	   *scratch = NULL;
	double		v;

	if (which == MG_INDEX_GINI)
		scratch = palloc_extended(n * 2 * sizeof(double), MCXT_ALLOC_HUGE);
	v = mg_index(which, s, units, n, scratch);
	if (scratch)
		pfree(scratch);
	return v;
}

#define MG_FINAL(fn, which) \
PG_FUNCTION_INFO_V1(fn); \
Datum \
fn(PG_FUNCTION_ARGS) \
{ \
	MgAggState *st = mg_final_state(fcinfo, mg_index_needs_units(which)); \
	if (st == NULL) \
		PG_RETURN_NULL(); \
	MIGSTAT_RETURN_INDEX(fcinfo, mg_compute(which, &st->s, st->units, st->s.n_units)); \
}

MG_FINAL(mg_dissimilarity_final, MG_INDEX_DISSIMILARITY)
MG_FINAL(mg_gini_final, MG_INDEX_GINI)
MG_FINAL(mg_theil_final, MG_INDEX_THEIL)
MG_FINAL(mg_mutual_information_final, MG_INDEX_MUTUAL_INFORMATION)
MG_FINAL(mg_normalized_exposure_final, MG_INDEX_NORMALIZED_EXPOSURE)
MG_FINAL(mg_relative_diversity_final, MG_INDEX_RELATIVE_DIVERSITY)
MG_FINAL(mg_squared_coefficient_of_variation_final, MG_INDEX_SQUARED_COEFFICIENT_OF_VARIATION)
MG_FINAL(mg_diversity_final, MG_INDEX_DIVERSITY)
MG_FINAL(mg_normalized_diversity_final, MG_INDEX_NORMALIZED_DIVERSITY)
MG_FINAL(mg_simpson_interaction_final, MG_INDEX_SIMPSON_INTERACTION)
MG_FINAL(mg_simpson_concentration_final, MG_INDEX_SIMPSON_CONCENTRATION)

static ArrayType *
float8_array(const double *v, int n)
{
	Datum	   *d = palloc(n * sizeof(Datum));
	bool	   *nulls = palloc(n * sizeof(bool));
	int			dims[1] = {n};
	int			lbs[1] = {1};

	for (int k = 0; k < n; k++)
	{
		nulls[k] = isnan(v[k]);
		d[k] = Float8GetDatum(nulls[k] ? 0.0 : v[k]);
	}
	return construct_md_array(d, nulls, 1, dims, lbs, FLOAT8OID, 8,
							  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
}

/* group_totals(counts): the sum of the arrays, element by element. */
PG_FUNCTION_INFO_V1(mg_group_totals_final);
Datum
mg_group_totals_final(PG_FUNCTION_ARGS)
{
	MgAggState *st;

	migstat_agg_context(fcinfo);
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (MgAggState *) PG_GETARG_POINTER(0);
	mg_check_range(fcinfo, &st->s);
	PG_RETURN_ARRAYTYPE_P(float8_array(st->s.total, st->s.K));
}

/* Reads (counts, totals) of a local function: same length, valid values. */
static int
mg_local_args(FunctionCallInfo fcinfo, bool with_totals, double **counts,
			  double **totals)
{
	ArrayType  *c = PG_GETARG_ARRAYTYPE_P(0);
	int			K = mg_array_length(fcinfo, c, "counts");

	*counts = palloc(K * sizeof(double));
	mg_array_values(fcinfo, c, K, "counts", *counts);
	if (with_totals)
	{
		ArrayType  *t = PG_GETARG_ARRAYTYPE_P(1);
		int			Kt = mg_array_length(fcinfo, t, "totals");

		if (Kt != K)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("counts and totals of different lengths in %s(): %d and %d",
							migstat_caller_name(fcinfo), K, Kt)));
		*totals = palloc(K * sizeof(double));
		mg_array_values(fcinfo, t, K, "totals", *totals);
	}
	return K;
}

PG_FUNCTION_INFO_V1(mg_location_quotients_sql);
Datum
mg_location_quotients_sql(PG_FUNCTION_ARGS)
{
	double	   *counts,
			   *totals,
			   *out;
	int			K = mg_local_args(fcinfo, true, &counts, &totals);

	out = palloc(K * sizeof(double));
	mg_location_quotients(counts, totals, K, out);
	PG_RETURN_ARRAYTYPE_P(float8_array(out, K));
}

PG_FUNCTION_INFO_V1(mg_local_entropy_sql);
Datum
mg_local_entropy_sql(PG_FUNCTION_ARGS)
{
	double	   *counts,
			   *totals;
	int			K = mg_local_args(fcinfo, true, &counts, &totals);

	MIGSTAT_RETURN_INDEX(fcinfo, mg_local_entropy(counts, totals, K));
}

PG_FUNCTION_INFO_V1(mg_local_segregation_sql);
Datum
mg_local_segregation_sql(PG_FUNCTION_ARGS)
{
	double	   *counts,
			   *totals;
	int			K = mg_local_args(fcinfo, true, &counts, &totals);

	MIGSTAT_RETURN_INDEX(fcinfo, mg_local_segregation(counts, totals, K));
}

PG_FUNCTION_INFO_V1(mg_local_simpson_sql);
Datum
mg_local_simpson_sql(PG_FUNCTION_ARGS)
{
	double	   *counts;
	int			K = mg_local_args(fcinfo, false, &counts, NULL);

	MIGSTAT_RETURN_INDEX(fcinfo, mg_local_simpson(counts, K));
}
