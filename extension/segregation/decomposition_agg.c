/*
 * decomposition_agg.c — fmgr glue of mutual_information_decomposition(counts,
 * area): M of the units split into a between-area and a within-area term.
 *
 * Row semantics: a NULL counts array or area skips the row; array rules as
 * for the other multigroup aggregates (multigroup_agg.c).
 */
#include "postgres.h"

#include <math.h>

#include "../common/args.h"
#include "../common/sqlkey.h"
#include "access/htup_details.h"
#include "decomposition.h"
#include "fmgr.h"
#include "funcapi.h"
#include "multigroup_codec.h"
#include "multigroup_glue.h"
#include "utils/memutils.h"

typedef struct MdCallCache
{
	MigstatKeyCodec area;
	StringInfoData buf;
} MdCallCache;

typedef struct MdAggState
{
	MdState		md;
	double	   *row;			/* scratch for the current row */
} MdAggState;

static MdAggState *
md_state_new(MemoryContext ctx, int K)
{
	MdAggState *st = MemoryContextAlloc(ctx, sizeof(MdAggState));

	md_init(&st->md, K, migstat_keymap_allocator(ctx));
	st->row = MemoryContextAlloc(ctx, K * sizeof(double));
	return st;
}

static Datum
md_accum(FunctionCallInfo fcinfo)
{
	MemoryContext aggctx = migstat_agg_context(fcinfo);
	MdAggState *st = PG_ARGISNULL(0) ? NULL : (MdAggState *) PG_GETARG_POINTER(0);
	MdCallCache *cache = fcinfo->flinfo->fn_extra;
	ArrayType  *arr;
	int			K;
	const char *problem;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	arr = PG_GETARG_ARRAYTYPE_P(1);
	K = mg_array_length(fcinfo, arr, "counts");
	if (st == NULL)
		st = md_state_new(aggctx, K);
	else if (K != st->md.units.K)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("counts arrays of different lengths in %s(): %d and %d",
						migstat_caller_name(fcinfo), st->md.units.K, K),
				 errdetail("Every row of one aggregate must count the same groups in the same order.")));
	mg_array_values(fcinfo, arr, K, "counts", st->row);

	if (cache == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		cache = palloc0(sizeof(MdCallCache));
		migstat_key_codec_init(fcinfo, 2, &cache->area);
		initStringInfo(&cache->buf);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = cache;
	}
	resetStringInfo(&cache->buf);
	migstat_key_encode(&cache->area, PG_GETARG_DATUM(2), &cache->buf);
	problem = md_add(&st->md, (const uint8 *) cache->buf.data, cache->buf.len, st->row);
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s in %s()", problem, migstat_caller_name(fcinfo))));
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(md_accum_sql);
Datum
md_accum_sql(PG_FUNCTION_ARGS)
{
	return md_accum(fcinfo);
}

PG_FUNCTION_INFO_V1(md_combine);
Datum
md_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx = migstat_agg_context(fcinfo);
	MdAggState *a = PG_ARGISNULL(0) ? NULL : (MdAggState *) PG_GETARG_POINTER(0);
	MdAggState *b = PG_ARGISNULL(1) ? NULL : (MdAggState *) PG_GETARG_POINTER(1);
	const char *problem;

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = md_state_new(aggctx, b->md.units.K);
	else if (a->md.units.K != b->md.units.K)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("counts arrays of different lengths in mutual_information_decomposition(): %d and %d",
						a->md.units.K, b->md.units.K)));
	problem = md_merge(&a->md, &b->md);
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s in mutual_information_decomposition()", problem)));
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(md_serialize);
Datum
md_serialize(PG_FUNCTION_ARGS)
{
	MdAggState *st;
	size_t		size;
	bytea	   *out;

	migstat_agg_context(fcinfo);
	st = (MdAggState *) PG_GETARG_POINTER(0);
	size = md_encoded_size(&st->md, MaxAllocSize - VARHDRSZ);
	if (size == 0)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("partial decomposition state with %u areas is too large to pass between processes",
						st->md.areas.n),
				 errhint("Run this aggregate without parallel workers (SET max_parallel_workers_per_gather = 0).")));
	out = palloc(VARHDRSZ + size);
	SET_VARSIZE(out, VARHDRSZ + size);
	md_encode(&st->md, (uint8 *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(md_deserialize);
Datum
md_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	const uint8 *buf = (const uint8 *) VARDATA_ANY(in);
	size_t		len = VARSIZE_ANY_EXHDR(in);
	int			K = md_decode_groups(buf, len);
	MdAggState *st = NULL;
	const char *problem = "state has an invalid header";

	/* per-call memory: md_combine copies the state into the aggregate's */
	migstat_agg_context(fcinfo);
	if (K > 0)
	{
		st = md_state_new(CurrentMemoryContext, K);
		problem = md_decode(buf, len, &st->md);
	}
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid partial state of migstat.mutual_information_decomposition"),
				 errdetail("%s.", problem)));
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(md_final);
Datum
md_final(PG_FUNCTION_ARGS)
{
	MdAggState *st;
	MdResult	r;
	TupleDesc	desc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	int			K;

	migstat_agg_context(fcinfo);
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (MdAggState *) PG_GETARG_POINTER(0);
	K = st->md.units.K;
	if (st->md.units.n_units == 0)
		PG_RETURN_NULL();
	mg_check_range(fcinfo, &st->md.units);
	if (!md_result(&st->md, palloc(K * sizeof(double)), palloc(K * sizeof(double)), &r))
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("mutual_information_decomposition() must return a composite type")));
	desc = BlessTupleDesc(desc);
	values[0] = Float8GetDatum(r.total);
	values[1] = Float8GetDatum(r.between);
	values[2] = Float8GetDatum(r.within);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
