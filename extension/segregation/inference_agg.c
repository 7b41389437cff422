/*
 * inference_agg.c — fmgr glue of segregation_inference(counts, index
 * [, replicates, seed [, level]]): the units are collected like the other
 * multigroup aggregates (in parallel, if the plan says so); the simulation
 * runs once, in the final function, over the units in a canonical order.
 */
#include "postgres.h"

#include <math.h>

#include "../common/args.h"
#include "../common/portable_bytes.h"
#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"
#include "inference.h"
#include "miscadmin.h"
#include "multigroup_glue.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/memutils.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"
#include "catalog/pg_type.h"
#include "utils/array.h"

#define MI_DEFAULT_REPLICATES 1000
#define MI_DEFAULT_SEED 1
#define MI_DEFAULT_LEVEL 0.95
#define MI_HEADER_SIZE 28		/* "MI", version, count, 4 index codes, replicates, seed, level */
#define MI_FORMAT_VERSION 1

typedef struct MiState
{
	MgAggState *units;
	int			n_indices;
	MgIndex		which[MG_INFERENCE_MAX_INDICES];
	int32		replicates;
	int64		seed;
	double		level;
} MiState;

static const struct
{
	const char *name;
	MgIndex		which;
}			mi_indices[] =
{
	{"dissimilarity", MG_INDEX_DISSIMILARITY},
	{"gini", MG_INDEX_GINI},
	{"theil", MG_INDEX_THEIL},
	{"mutual_information", MG_INDEX_MUTUAL_INFORMATION},
};

static MgIndex
mi_parse_index(FunctionCallInfo fcinfo, const char *s)
{
	for (size_t i = 0; i < lengthof(mi_indices); i++)
		if (strcmp(s, mi_indices[i].name) == 0)
			return mi_indices[i].which;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown index \"%s\" in %s()", s, migstat_caller_name(fcinfo)),
			 errhint("Use one of dissimilarity, gini, theil, mutual_information.")));
	pg_unreachable();
}

static const char *
mi_index_name(MgIndex which)
{
	for (size_t i = 0; i < lengthof(mi_indices); i++)
		if (mi_indices[i].which == which)
			return mi_indices[i].name;
	return "?";
}

/* Reads and checks the parameters of this row. */
static void
mi_params(FunctionCallInfo fcinfo, MiState *p)
{
	int			nargs = PG_NARGS();

	for (int i = 2; i < nargs; i++)
		if (PG_ARGISNULL(i))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("parameters of %s() must not be NULL",
							migstat_caller_name(fcinfo))));
	if (get_fn_expr_argtype(fcinfo->flinfo, 2) == TEXTARRAYOID)
	{
		ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(2);
		Datum	   *names;
		bool	   *nulls;
		int			n;

		deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &names, &nulls, &n);
		if (ARR_NDIM(arr) > 1 || n < 1 || n > MG_INFERENCE_MAX_INDICES)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("indices in %s() must be a list of 1 to %d index names",
							migstat_caller_name(fcinfo), MG_INFERENCE_MAX_INDICES)));
		p->n_indices = n;
		for (int i = 0; i < n; i++)
		{
			if (nulls[i])
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("parameters of %s() must not be NULL",
								migstat_caller_name(fcinfo))));
			p->which[i] = mi_parse_index(fcinfo, TextDatumGetCString(names[i]));
			for (int j = 0; j < i; j++)
				if (p->which[j] == p->which[i])
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("index \"%s\" named twice in %s()",
									mi_index_name(p->which[i]), migstat_caller_name(fcinfo))));
		}
	}
	else
	{
		p->n_indices = 1;
		p->which[0] = mi_parse_index(fcinfo, text_to_cstring(PG_GETARG_TEXT_PP(2)));
	}
	p->replicates = nargs > 3 ? PG_GETARG_INT32(3) : MI_DEFAULT_REPLICATES;
	p->seed = nargs > 4 ? PG_GETARG_INT64(4) : MI_DEFAULT_SEED;
	p->level = nargs > 5 ? PG_GETARG_FLOAT8(5) : MI_DEFAULT_LEVEL;
	if (p->replicates < 1 || p->replicates > MG_MAX_REPLICATES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("replicates in %s() must be between 1 and %d, got %d",
						migstat_caller_name(fcinfo), MG_MAX_REPLICATES, p->replicates)));
	if (!(p->level > 0.0 && p->level < 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("confidence level in %s() must lie strictly between 0 and 1, got %s",
						migstat_caller_name(fcinfo), float8out_internal(p->level))));
}

static bool
mi_same_params(const MiState *a, const MiState *b)
{
	if (a->n_indices != b->n_indices || a->replicates != b->replicates ||
		a->seed != b->seed || a->level != b->level)
		return false;
	for (int i = 0; i < a->n_indices; i++)
		if (a->which[i] != b->which[i])
			return false;
	return true;
}

PG_FUNCTION_INFO_V1(mi_accum);
Datum
mi_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx = migstat_agg_context(fcinfo);
	MiState    *st = PG_ARGISNULL(0) ? NULL : (MiState *) PG_GETARG_POINTER(0);
	MiState		p;

	mi_params(fcinfo, &p);
	if (st == NULL)
	{
		st = MemoryContextAlloc(aggctx, sizeof(MiState));
		*st = p;
		st->units = NULL;
	}
	else if (!mi_same_params(st, &p))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("parameters of %s() must be the same in every row",
						migstat_caller_name(fcinfo))));
	if (!PG_ARGISNULL(1))
		st->units = mg_state_add_array(fcinfo, st->units, PG_GETARG_ARRAYTYPE_P(1), true);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(mi_combine);
Datum
mi_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx = migstat_agg_context(fcinfo);
	MiState    *a = PG_ARGISNULL(0) ? NULL : (MiState *) PG_GETARG_POINTER(0);
	MiState    *b = PG_ARGISNULL(1) ? NULL : (MiState *) PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
	{
		a = MemoryContextAlloc(aggctx, sizeof(MiState));
		*a = *b;
		a->units = NULL;
	}
	else if (!mi_same_params(a, b))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("parameters of segregation_inference() must be the same in every row")));
	if (b->units != NULL)
		a->units = mg_state_merge(aggctx, a->units, b->units);
	PG_RETURN_POINTER(a);
}

/*
 * Layout: "MI", version (1), number of indices (u8), 4 index codes (u8,
 * 0xff when unused), replicates (u32), seed (u64), level (double), then the
 * multigroup state ("MG" format) if any unit was seen.
 */
PG_FUNCTION_INFO_V1(mi_serialize);
Datum
mi_serialize(PG_FUNCTION_ARGS)
{
	MiState    *st;
	size_t		size;
	bytea	   *out;
	uint8	   *p;

	migstat_agg_context(fcinfo);
	st = (MiState *) PG_GETARG_POINTER(0);
	size = MI_HEADER_SIZE + (st->units ? mg_state_size(st->units) : 0);
	out = palloc(VARHDRSZ + size);
	SET_VARSIZE(out, VARHDRSZ + size);
	p = (uint8 *) VARDATA(out);
	p[0] = 'M';
	p[1] = 'I';
	p[2] = MI_FORMAT_VERSION;
	p[3] = (uint8) st->n_indices;
	for (int i = 0; i < MG_INFERENCE_MAX_INDICES; i++)
		p[4 + i] = i < st->n_indices ? (uint8) st->which[i] : 0xff;
	mb_put_u32(p + 8, (uint32) st->replicates);
	mb_put_u64(p + 12, (uint64) st->seed);
	mb_put_f64(p + 20, st->level);
	if (st->units)
		mg_state_write(st->units, p + MI_HEADER_SIZE);
	PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(mi_deserialize);
Datum
mi_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	const uint8 *p = (const uint8 *) VARDATA_ANY(in);
	size_t		len = VARSIZE_ANY_EXHDR(in);
	MiState    *st;
	const char *problem = NULL;

	/* per-call memory: mi_combine copies the units into the aggregate's state */
	migstat_agg_context(fcinfo);

	if (len < MI_HEADER_SIZE || p[0] != 'M' || p[1] != 'I' || p[2] != MI_FORMAT_VERSION)
		problem = "state has an invalid header or an unsupported version";
	else if (p[3] < 1 || p[3] > MG_INFERENCE_MAX_INDICES)
		problem = "state has a number of indices out of range";
	else if (mb_get_u32(p + 8) < 1 || mb_get_u32(p + 8) > MG_MAX_REPLICATES)
		problem = "state has a replicate count out of range";
	else if (!(mb_get_f64(p + 20) > 0.0 && mb_get_f64(p + 20) < 1.0))
		problem = "state has a confidence level outside (0, 1)";
	else
		for (int i = 0; i < p[3]; i++)
			if (p[4 + i] != MG_INDEX_DISSIMILARITY && p[4 + i] != MG_INDEX_GINI &&
				p[4 + i] != MG_INDEX_THEIL && p[4 + i] != MG_INDEX_MUTUAL_INFORMATION)
				problem = "state names an unknown index";
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid partial state of migstat.segregation_inference"),
				 errdetail("%s.", problem)));
	st = palloc(sizeof(MiState));
	st->n_indices = p[3];
	for (int i = 0; i < st->n_indices; i++)
		st->which[i] = (MgIndex) p[4 + i];
	st->replicates = (int32) mb_get_u32(p + 8);
	st->seed = (int64) mb_get_u64(p + 12);
	st->level = mb_get_f64(p + 20);
	st->units = len > MI_HEADER_SIZE ?
		mg_state_read(CurrentMemoryContext, p + MI_HEADER_SIZE, len - MI_HEADER_SIZE) : NULL;
	if (st->units != NULL && !st->units->keeps_units)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid partial state of migstat.segregation_inference"),
				 errdetail("The units are missing.")));
	PG_RETURN_POINTER(st);
}

static void
mi_tick(void *arg)
{
	(void) arg;
	CHECK_FOR_INTERRUPTS();
}

/* The samplers' tables, in the current (per-call) memory context. */
static void *
mi_alloc(void *arg, size_t size)
{
	(void) arg;
	return palloc_extended(size, MCXT_ALLOC_HUGE);
}

static Datum
mi_float(double v, bool *isnull)
{
	*isnull = isnan(v);
	return Float8GetDatum(*isnull ? 0.0 : v);
}

/* Runs the simulations of a state; NULL when no unit was seen. */
static MgInference *
mi_run(FunctionCallInfo fcinfo, MiState *st)
{
	MgAggState *u = st->units;
	size_t		n;
	int			K;
	double	   *counts;
	MgInferenceWork w;
	MgInference *r;

	if (u == NULL || u->s.n_units == 0)
		return NULL;
	if (!u->keeps_units)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("partial state without units passed to %s()",
						migstat_caller_name(fcinfo))));
	mg_check_range(fcinfo, &u->s);
	n = u->s.n_units;
	K = u->s.K;
	{
		double		N = 0.0;

		for (int k = 0; k < K; k++)
			N += u->s.total[k];
		/* the simulations count people in 64-bit integers, exactly */
		if (N > 9007199254740992.0)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s() needs a total population below 2^53",
							migstat_caller_name(fcinfo))));
	}
	if (!mg_counts_are_whole(u->units, n, K))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s() needs whole-number counts", migstat_caller_name(fcinfo)),
				 errdetail("Random allocation and the bootstrap draw people; weighted or estimated counts cannot be drawn.")));

	/* a canonical order, so the seed gives the same draws in any plan */
	counts = palloc_extended(n * K * sizeof(double), MCXT_ALLOC_HUGE);
	memcpy(counts, u->units, n * K * sizeof(double));
	mg_sort_units(counts, n, K);

	w.table = palloc_extended(n * K * sizeof(double), MCXT_ALLOC_HUGE);
	w.total = palloc(K * sizeof(double));
	w.sq = palloc(K * sizeof(double));
	w.share = palloc(K * sizeof(double));
	w.alloc = mi_alloc;
	w.alloc_arg = NULL;
	w.scratch = palloc_extended(2 * n * sizeof(double), MCXT_ALLOC_HUGE);
	w.null_values = palloc((size_t) st->replicates * st->n_indices * sizeof(double));
	w.boot_values = palloc((size_t) st->replicates * st->n_indices * sizeof(double));
	r = palloc(st->n_indices * sizeof(MgInference));
	mg_inference_many(st->which, st->n_indices, counts, n, K, st->replicates,
					  (uint64) st->seed, st->level, &w, mi_tick, NULL, r);
	return r;
}

static HeapTuple
mi_tuple(TupleDesc desc, const MiState *st, MgIndex which, const MgInference *r)
{
	Datum		values[12];
	bool		nulls[12] = {0};

	values[0] = CStringGetTextDatum(mi_index_name(which));
	values[1] = mi_float(r->estimate, &nulls[1]);
	values[2] = mi_float(r->expected, &nulls[2]);
	values[3] = mi_float(r->bias_corrected, &nulls[3]);
	values[4] = mi_float(r->modified, &nulls[4]);
	values[5] = mi_float(r->std_error, &nulls[5]);
	values[6] = mi_float(r->ci_lower, &nulls[6]);
	values[7] = mi_float(r->ci_upper, &nulls[7]);
	values[8] = mi_float(r->p_value, &nulls[8]);
	values[9] = Int32GetDatum(st->replicates);
	values[10] = Int64GetDatum(st->seed);
	values[11] = Float8GetDatum(st->level);
	return heap_form_tuple(desc, values, nulls);
}

/*
 * The composite type migstat.segregation_inference, from the final
 * function's result type (the type itself, or the element type of its
 * array).
 */
static TupleDesc
mi_result_desc(FunctionCallInfo fcinfo)
{
	Oid			rettype = get_fn_expr_rettype(fcinfo->flinfo);
	Oid			elemtype = get_element_type(rettype);

	if (!OidIsValid(rettype))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("could not determine the result type of segregation_inference()")));
	return BlessTupleDesc(lookup_rowtype_tupdesc_copy(OidIsValid(elemtype) ? elemtype : rettype, -1));
}

PG_FUNCTION_INFO_V1(mi_final);
Datum
mi_final(PG_FUNCTION_ARGS)
{
	MiState    *st;
	MgInference *r;

	migstat_agg_context(fcinfo);
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (MiState *) PG_GETARG_POINTER(0);
	r = mi_run(fcinfo, st);
	if (r == NULL)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(HeapTupleGetDatum(mi_tuple(mi_result_desc(fcinfo), st, st->which[0], &r[0])));
}

PG_FUNCTION_INFO_V1(mi_final_array);
Datum
mi_final_array(PG_FUNCTION_ARGS)
{
	MiState    *st;
	MgInference *r;
	TupleDesc	desc;
	Datum	   *elems;

	migstat_agg_context(fcinfo);
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (MiState *) PG_GETARG_POINTER(0);
	r = mi_run(fcinfo, st);
	if (r == NULL)
		PG_RETURN_NULL();
	desc = mi_result_desc(fcinfo);
	elems = palloc(st->n_indices * sizeof(Datum));
	for (int i = 0; i < st->n_indices; i++)
		elems[i] = HeapTupleGetDatum(mi_tuple(desc, st, st->which[i], &r[i]));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, st->n_indices, desc->tdtypeid,
										  -1, false, TYPALIGN_DOUBLE));
}
