/*
 * change_agg.c — fmgr glue of mutual_information_change(unit, grp, count,
 * period): long-form rows of two periods (period 1 and 2) in, the Elbers
 * (2021) decomposition of M2 - M1 out.  Each period is kept as a long-form
 * state (longform.h); the final function aligns the keys of both periods.
 */
#include "postgres.h"

#include <math.h>

#include "../common/args.h"
#include "../common/portable_bytes.h"
#include "../common/sqlkey.h"
#include "access/htup_details.h"
#include "change.h"
#include "fmgr.h"
#include "funcapi.h"
#include "longform.h"
#include "longform_glue.h"
#include "miscadmin.h"
#include "multigroup_codec.h"
#include "utils/memutils.h"

#define MC_HEADER_SIZE 12		/* "MC", version, 0, length of period 1 (u64) */
#define MC_FORMAT_VERSION 1

typedef struct McState
{
	LfState		period[2];
} McState;

static McState *
mc_state_new(MemoryContext ctx)
{
	McState    *st = MemoryContextAlloc(ctx, sizeof(McState));

	lf_init(&st->period[0], migstat_keymap_allocator(ctx));
	lf_init(&st->period[1], migstat_keymap_allocator(ctx));
	return st;
}

static Datum
mc_accum(FunctionCallInfo fcinfo, MigstatNumType type)
{
	McState    *st = PG_ARGISNULL(0) ? NULL : (McState *) PG_GETARG_POINTER(0);
	double		count;
	int32		period;

	if (!migstat_count_arg(fcinfo, 3, type, "count", &count) ||
		PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(4))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	period = PG_GETARG_INT32(4);
	if (period != 1 && period != 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("period in %s() must be 1 or 2, got %d",
						migstat_caller_name(fcinfo), period)));
	if (st == NULL)
		st = mc_state_new(migstat_agg_context(fcinfo));
	lf_add_row(fcinfo, &st->period[period - 1], count);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(mc_accum_int8);
Datum
mc_accum_int8(PG_FUNCTION_ARGS)
{
	return mc_accum(fcinfo, MIGSTAT_INT8);
}

PG_FUNCTION_INFO_V1(mc_accum_float8);
Datum
mc_accum_float8(PG_FUNCTION_ARGS)
{
	return mc_accum(fcinfo, MIGSTAT_FLOAT8);
}

PG_FUNCTION_INFO_V1(mc_combine);
Datum
mc_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx = migstat_agg_context(fcinfo);
	McState    *a = PG_ARGISNULL(0) ? NULL : (McState *) PG_GETARG_POINTER(0);
	McState    *b = PG_ARGISNULL(1) ? NULL : (McState *) PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = mc_state_new(aggctx);
	for (int p = 0; p < 2; p++)
	{
		const char *problem = lf_merge(&a->period[p], &b->period[p]);

		if (problem)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("%s in mutual_information_change()", problem)));
	}
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(mc_serialize);
Datum
mc_serialize(PG_FUNCTION_ARGS)
{
	McState    *st;
	size_t		max = MaxAllocSize - VARHDRSZ - MC_HEADER_SIZE;
	size_t		s1,
				s2;
	bytea	   *out;
	uint8	   *p;

	migstat_agg_context(fcinfo);
	st = (McState *) PG_GETARG_POINTER(0);
	s1 = lf_encoded_size(&st->period[0], max);
	s2 = lf_encoded_size(&st->period[1], max);
	if (s1 == 0 || s2 == 0 || s1 + s2 > max)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("partial state of mutual_information_change() is too large to pass between processes"),
				 errhint("Run this aggregate without parallel workers (SET max_parallel_workers_per_gather = 0).")));
	out = palloc(VARHDRSZ + MC_HEADER_SIZE + s1 + s2);
	SET_VARSIZE(out, VARHDRSZ + MC_HEADER_SIZE + s1 + s2);
	p = (uint8 *) VARDATA(out);
	p[0] = 'M';
	p[1] = 'C';
	p[2] = MC_FORMAT_VERSION;
	p[3] = 0;
	mb_put_u64(p + 4, s1);
	lf_encode(&st->period[0], p + MC_HEADER_SIZE);
	lf_encode(&st->period[1], p + MC_HEADER_SIZE + s1);
	PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(mc_deserialize);
Datum
mc_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	const uint8 *p = (const uint8 *) VARDATA_ANY(in);
	size_t		len = VARSIZE_ANY_EXHDR(in);
	McState    *st;
	const char *problem = NULL;
	uint64		s1;

	/* per-call memory: mc_combine copies both periods into the aggregate's state */
	migstat_agg_context(fcinfo);
	st = mc_state_new(CurrentMemoryContext);
	if (len < MC_HEADER_SIZE || p[0] != 'M' || p[1] != 'C' ||
		p[2] != MC_FORMAT_VERSION || p[3] != 0)
		problem = "state has an invalid header or an unsupported version";
	else if ((s1 = mb_get_u64(p + 4)) > len - MC_HEADER_SIZE)
		problem = "state has a period longer than the state";
	else if ((problem = lf_decode(p + MC_HEADER_SIZE, s1, &st->period[0])) == NULL)
		problem = lf_decode(p + MC_HEADER_SIZE + s1, len - MC_HEADER_SIZE - s1,
							&st->period[1]);
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid partial state of migstat.mutual_information_change"),
				 errdetail("%s.", problem)));
	PG_RETURN_POINTER(st);
}

/* Fills table (n x K, zeroed) from one period through the merged key maps. */
static void
mc_fill(const LfState *period, KeyMap *units, KeyMap *groups, double *table,
		uint32 K)
{
	uint32	   *umap = palloc(Max(period->units.n, 1) * sizeof(uint32));
	uint32	   *gmap = palloc(Max(period->groups.n, 1) * sizeof(uint32));
	int			inserted;

	for (uint32 i = 0; i < period->units.n; i++)
	{
		size_t		len;
		const uint8 *key = keymap_key(&period->units, i, &len);

		int64		u = keymap_intern(units, key, len, &inserted);

		if (u < 0)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many distinct units in mutual_information_change()")));
		umap[i] = (uint32) u;
	}
	for (uint32 g = 0; g < period->groups.n; g++)
	{
		size_t		len;
		const uint8 *key = keymap_key(&period->groups, g, &len);

		int64		g2 = keymap_intern(groups, key, len, &inserted);

		if (g2 < 0)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many distinct groups in mutual_information_change()")));
		gmap[g] = (uint32) g2;
	}
	if (table == NULL)
		return;
	for (uint64 e = 0; e < period->n_entries; e++)
	{
		const LfEntry *en = &period->entries[e];

		table[(uint64) umap[en->unit] * K + gmap[en->group]] += en->count;
	}
}

static void
mc_tick(void *arg)
{
	(void) arg;
	CHECK_FOR_INTERRUPTS();
}

static Datum
mc_value(double v, bool *isnull)
{
	*isnull = isnan(v);
	return Float8GetDatum(*isnull ? 0.0 : v);
}

PG_FUNCTION_INFO_V1(mc_final);
Datum
mc_final(PG_FUNCTION_ARGS)
{
	McState    *st;
	KeyMap		units,
				groups;
	uint32		n,
				K;
	double	   *t1,
			   *t2;
	MgChange	r;
	MgChangeStatus status;
	TupleDesc	desc;
	Datum		values[8];
	bool		nulls[8] = {0};

	migstat_agg_context(fcinfo);
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (McState *) PG_GETARG_POINTER(0);

	/* one key space for both periods */
	keymap_init(&units, migstat_keymap_allocator(CurrentMemoryContext));
	keymap_init(&groups, migstat_keymap_allocator(CurrentMemoryContext));
	mc_fill(&st->period[0], &units, &groups, NULL, 0);
	mc_fill(&st->period[1], &units, &groups, NULL, 0);
	n = units.n;
	K = groups.n;
	if (n == 0 || K < 2)
		PG_RETURN_NULL();
	if (K > MG_MAX_GROUPS || (uint64) n * K > MaxAllocHugeSize / sizeof(double))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s() found %u units and %u groups, too many to pivot in memory",
						migstat_caller_name(fcinfo), n, K)));
	t1 = palloc_extended((uint64) n * K * sizeof(double), MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	t2 = palloc_extended((uint64) n * K * sizeof(double), MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	mc_fill(&st->period[0], &units, &groups, t1, K);
	mc_fill(&st->period[1], &units, &groups, t2, K);
	{
		double		sum1 = 0.0,
					sum2 = 0.0;

		for (uint64 c = 0; c < (uint64) n * K; c++)
		{
			sum1 += t1[c];
			sum2 += t2[c];
		}
		if (!isfinite(sum1) || !isfinite(sum2))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("sum of counts out of range in %s()",
							migstat_caller_name(fcinfo)),
					 errdetail("The totals exceed the range of double precision.")));
	}

	status = mg_change(t1, t2, n, (int) K,
					   migstat_keymap_allocator(CurrentMemoryContext),
					   mc_tick, NULL, &r);
	if (status == MG_CHANGE_UNDEFINED)
		PG_RETURN_NULL();
	if (status == MG_CHANGE_NO_CONVERGENCE)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("iterative proportional fitting did not converge in %s()",
						migstat_caller_name(fcinfo)),
				 errdetail("The margins were not reached to %g within %d iterations.",
						   MG_IPF_TOLERANCE, MG_IPF_MAX_ITERATIONS)));
	if (status == MG_CHANGE_NO_COMMON)
		r.additions = r.removals = r.group_marginal = r.unit_marginal = r.structural = NAN;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("mutual_information_change() must return a composite type")));
	desc = BlessTupleDesc(desc);
	values[0] = mc_value(r.m1, &nulls[0]);
	values[1] = mc_value(r.m2, &nulls[1]);
	values[2] = mc_value(r.difference, &nulls[2]);
	values[3] = mc_value(r.additions, &nulls[3]);
	values[4] = mc_value(r.removals, &nulls[4]);
	values[5] = mc_value(r.group_marginal, &nulls[5]);
	values[6] = mc_value(r.unit_marginal, &nulls[6]);
	values[7] = mc_value(r.structural, &nulls[7]);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
