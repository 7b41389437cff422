/*
 * longform_agg.c — fmgr glue of the long-form multigroup aggregates:
 * rows (unit, group, count) of any key types, grouped inside the aggregate
 * by their key encodings (common/sqlkey.h).
 *
 * Row semantics (docs/multigroup.md): a row with a NULL unit, group or count
 * is skipped; rows of the same unit and group are added; a group missing in
 * a unit counts as zero there.
 */
#include "postgres.h"

#include <math.h>

#include "../common/args.h"
#include "../common/sqlkey.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "longform.h"
#include "longform_glue.h"
#include "multigroup.h"
#include "multigroup_codec.h"
#include "multigroup_glue.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

typedef struct LfCallCache
{
	MigstatKeyCodec unit;
	MigstatKeyCodec group;
	StringInfoData buf;
} LfCallCache;

LfState *
lf_state_new(MemoryContext ctx)
{
	LfState    *s = MemoryContextAlloc(ctx, sizeof(LfState));

	lf_init(s, migstat_keymap_allocator(ctx));
	return s;
}

static LfCallCache *
lf_call_cache(FunctionCallInfo fcinfo)
{
	LfCallCache *cache = fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		MemoryContext ctx = fcinfo->flinfo->fn_mcxt;

		cache = MemoryContextAllocZero(ctx, sizeof(LfCallCache));
		migstat_key_codec_init(fcinfo, 1, &cache->unit);
		migstat_key_codec_init(fcinfo, 2, &cache->group);
		{
			MemoryContext old = MemoryContextSwitchTo(ctx);

			initStringInfo(&cache->buf);
			MemoryContextSwitchTo(old);
		}
		fcinfo->flinfo->fn_extra = cache;
	}
	return cache;
}

void
lf_add_row(FunctionCallInfo fcinfo, LfState *st, double count)
{
	LfCallCache *cache = lf_call_cache(fcinfo);
	int			unit_len;
	const char *problem;

	resetStringInfo(&cache->buf);
	migstat_key_encode(&cache->unit, PG_GETARG_DATUM(1), &cache->buf);
	unit_len = cache->buf.len;
	migstat_key_encode(&cache->group, PG_GETARG_DATUM(2), &cache->buf);
	problem = lf_add(st, (const uint8 *) cache->buf.data, unit_len,
					 (const uint8 *) cache->buf.data + unit_len,
					 cache->buf.len - unit_len, count);
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s in %s()", problem, migstat_caller_name(fcinfo))));
}

static Datum
lf_accum(FunctionCallInfo fcinfo, MigstatNumType type)
{
	LfState    *st = PG_ARGISNULL(0) ? NULL : (LfState *) PG_GETARG_POINTER(0);
	double		count;

	if (!migstat_count_arg(fcinfo, 3, type, "count", &count) ||
		PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	if (st == NULL)
		st = lf_state_new(migstat_agg_context(fcinfo));
	lf_add_row(fcinfo, st, count);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(lf_accum_int8);
Datum
lf_accum_int8(PG_FUNCTION_ARGS)
{
	return lf_accum(fcinfo, MIGSTAT_INT8);
}

PG_FUNCTION_INFO_V1(lf_accum_float8);
Datum
lf_accum_float8(PG_FUNCTION_ARGS)
{
	return lf_accum(fcinfo, MIGSTAT_FLOAT8);
}

PG_FUNCTION_INFO_V1(lf_combine);
Datum
lf_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx = migstat_agg_context(fcinfo);
	LfState    *a = PG_ARGISNULL(0) ? NULL : (LfState *) PG_GETARG_POINTER(0);
	LfState    *b = PG_ARGISNULL(1) ? NULL : (LfState *) PG_GETARG_POINTER(1);
	const char *problem;

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = lf_state_new(aggctx);
	problem = lf_merge(a, b);
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s in a long-form multigroup aggregate", problem)));
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(lf_serialize);
Datum
lf_serialize(PG_FUNCTION_ARGS)
{
	LfState    *st;
	size_t		size;
	bytea	   *out;

	migstat_agg_context(fcinfo);
	st = (LfState *) PG_GETARG_POINTER(0);
	size = lf_encoded_size(st, MaxAllocSize - VARHDRSZ);
	if (size == 0)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("partial long-form state with " UINT64_FORMAT " rows is too large to pass between processes",
						st->n_entries),
				 errhint("Split the input with GROUP BY, or run this aggregate without parallel workers (SET max_parallel_workers_per_gather = 0).")));
	out = palloc(VARHDRSZ + size);
	SET_VARSIZE(out, VARHDRSZ + size);
	lf_encode(st, (uint8 *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(lf_deserialize);
Datum
lf_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	LfState    *st;
	const char *problem;

	/* per-call memory: lf_combine copies the rows into the aggregate's state */
	migstat_agg_context(fcinfo);
	st = lf_state_new(CurrentMemoryContext);

	problem = lf_decode((const uint8 *) VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), st);
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid partial state of a migstat long-form aggregate"),
				 errdetail("%s.", problem)));
	PG_RETURN_POINTER(st);
}

/* Pivots the rows into a units x groups matrix and computes the index. */
static Datum
lf_final(FunctionCallInfo fcinfo, MgIndex which)
{
	LfState    *st;
	uint32		n,
				K;
	double	   *dense;
	MgSums		sums;
	double		v;

	migstat_agg_context(fcinfo);
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (LfState *) PG_GETARG_POINTER(0);
	n = st->units.n;
	K = st->groups.n;
	if (n == 0)
		PG_RETURN_NULL();
	if (K > MG_MAX_GROUPS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s() found %u distinct groups, more than the limit of %d",
						migstat_caller_name(fcinfo), K, MG_MAX_GROUPS)));
	if ((uint64) n * K > MaxAllocHugeSize / sizeof(double))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s() found %u units and %u groups, too many to pivot in memory",
						migstat_caller_name(fcinfo), n, K)));
	dense = palloc_extended((uint64) n * K * sizeof(double), MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	lf_dense(st, dense);

	sums.K = (int) K;
	sums.total = palloc0(K * sizeof(double));
	sums.sq = palloc0(K * sizeof(double));
	sums.within = 0.0;
	sums.n_units = 0;
	for (uint32 i = 0; i < n; i++)
		mg_add_unit(&sums, dense + (uint64) i * K);
	if (sums.n_units == 0)
		PG_RETURN_NULL();
	mg_check_range(fcinfo, &sums);
	v = mg_compute(which, &sums, dense, n);
	pfree(dense);
	MIGSTAT_RETURN_INDEX(fcinfo, v);
}

#define LF_FINAL(fn, which) \
PG_FUNCTION_INFO_V1(fn); \
Datum \
fn(PG_FUNCTION_ARGS) \
{ \
	return lf_final(fcinfo, which); \
}

LF_FINAL(lf_dissimilarity_final, MG_INDEX_DISSIMILARITY)
LF_FINAL(lf_gini_final, MG_INDEX_GINI)
LF_FINAL(lf_theil_final, MG_INDEX_THEIL)
LF_FINAL(lf_mutual_information_final, MG_INDEX_MUTUAL_INFORMATION)
LF_FINAL(lf_normalized_exposure_final, MG_INDEX_NORMALIZED_EXPOSURE)
LF_FINAL(lf_relative_diversity_final, MG_INDEX_RELATIVE_DIVERSITY)
LF_FINAL(lf_squared_coefficient_of_variation_final, MG_INDEX_SQUARED_COEFFICIENT_OF_VARIATION)
LF_FINAL(lf_diversity_final, MG_INDEX_DIVERSITY)
LF_FINAL(lf_normalized_diversity_final, MG_INDEX_NORMALIZED_DIVERSITY)
LF_FINAL(lf_simpson_interaction_final, MG_INDEX_SIMPSON_INTERACTION)
LF_FINAL(lf_simpson_concentration_final, MG_INDEX_SIMPSON_CONCENTRATION)
