/*
 * twogroup_agg.c — fmgr glue of the two-group segregation aggregates.
 *
 * One internal state type serves every two-group aggregate; its kind says
 * what is accumulated (indices.h, state_codec.h).  Aggregates that share a
 * transition function share one state when they appear in the same query
 * (for example dissimilarity, gini and gorard over the same columns).
 *
 * Row semantics (docs/segregation.md): a row with a NULL count or area is
 * skipped; a unit with zero population contributes nothing; negative or
 * non-finite values raise 22023; sums that leave the double range raise
 * 22003.
 */
#include "postgres.h"

#include <math.h>

#include "../common/args.h"
#include "../common/grow.h"
#include "fmgr.h"
#include "indices.h"
#include "state_codec.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/memutils.h"

typedef struct SegAggState
{
	SegSummary	s;
	SegUnit    *units;			/* s.n_units used, capacity allocated */
	uint64		capacity;
} SegAggState;

/* Which arguments follow the state in a transition function. */
typedef enum SegArgs
{
	SEG_ARGS_A_B,				/* (a, b) */
	SEG_ARGS_A_B_AREA,			/* (a, b, area) */
	SEG_ARGS_A_AREA,			/* (a, area) */
	SEG_ARGS_A_B_SHAPE			/* (a, b, shape) */
} SegArgs;

static SegAggState *
seg_state_new(MemoryContext ctx, SegAccumKind kind, double shape, uint64 capacity)
{
	SegAggState *st = MemoryContextAllocZero(ctx, sizeof(SegAggState));

	st->s.kind = kind;
	st->s.shape = shape;
	if (seg_kind_keeps_units(kind))
	{
		st->capacity = Max(capacity, 1024);
		st->units = MemoryContextAllocHuge(ctx, st->capacity * sizeof(SegUnit));
	}
	return st;
}

/* Makes room for extra more units. */
static void
seg_state_reserve(SegAggState *st, uint64 extra)
{
	migstat_grow_array((void **) &st->units, &st->capacity,
					   st->s.n_units + extra, sizeof(SegUnit), "segregation");
}

static inline void
seg_state_append(SegAggState *st, double x, double y, double area)
{
	SegUnit    *u;

	if (st->s.n_units == st->capacity)
		seg_state_reserve(st, 1);
	u = &st->units[st->s.n_units++];
	u->x = x;
	u->y = y;
	u->area = area;
}

static void
seg_check_shape(FunctionCallInfo fcinfo, double shape)
{
	if (!(shape > 0.0 && shape < 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid shape in %s(): %s",
						migstat_caller_name(fcinfo), float8out_internal(shape)),
				 errdetail("The Atkinson shape parameter b must lie strictly between 0 and 1.")));
}

/* The one transition function behind every two-group aggregate. */
static Datum
seg_accum(FunctionCallInfo fcinfo, SegAccumKind kind, MigstatNumType type,
		  SegArgs args)
{
	SegAggState *st = PG_ARGISNULL(0) ? NULL : (SegAggState *) PG_GETARG_POINTER(0);
	double		x,
				y = 0.0,
				area = 0.0,
				shape = 0.0,
				t;
	bool		present;

	if (kind == SEG_ACCUM_ATKINSON)
	{
		if (args == SEG_ARGS_A_B_SHAPE)
		{
			if (PG_ARGISNULL(3))
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("shape in %s() must not be NULL",
								migstat_caller_name(fcinfo))));
			shape = PG_GETARG_FLOAT8(3);
			seg_check_shape(fcinfo, shape);
		}
		else
			shape = SEG_ATKINSON_DEFAULT_SHAPE;
		if (st != NULL && st->s.shape != shape)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("shape in %s() must be the same in every row",
							migstat_caller_name(fcinfo)),
					 errdetail("Rows of one group gave %s and %s.",
							   float8out_internal(st->s.shape),
							   float8out_internal(shape))));
	}

	/* Validate every argument before deciding to skip the row. */
	present = migstat_count_arg(fcinfo, 1, type, "a", &x);
	if (args == SEG_ARGS_A_AREA)
		present &= migstat_area_arg(fcinfo, 2, "area", &area);
	else
	{
		present &= migstat_count_arg(fcinfo, 2, type, "b", &y);
		if (args == SEG_ARGS_A_B_AREA)
			present &= migstat_area_arg(fcinfo, 3, "area", &area);
	}

	/* the context check is needed once, when the state is made */
	if (st == NULL)
		st = seg_state_new(migstat_agg_context(fcinfo), kind, shape, 0);
	if (!present)
		PG_RETURN_POINTER(st);

	t = x + y;
	if (kind == SEG_ACCUM_GROUP_AREA)
	{
		/* Delta: a unit without group members still counts with its area. */
		if (x > 0.0 || area > 0.0)
			seg_state_append(st, x, 0.0, area);
		PG_RETURN_POINTER(st);
	}
	if (!(t > 0.0))
		PG_RETURN_POINTER(st);

	switch (kind)
	{
		case SEG_ACCUM_UNITS:
		case SEG_ACCUM_UNITS_AREA:
			seg_state_append(st, x, y, area);
			break;
		case SEG_ACCUM_EXPOSURE:
			st->s.term1 += seg_term_isolation(x, y);
			st->s.term2 += seg_term_interaction(x, y);
			break;
		case SEG_ACCUM_ENTROPY:
			st->s.term1 += seg_term_entropy(x, y);
			break;
		case SEG_ACCUM_ATKINSON:
			st->s.term1 += seg_term_atkinson(x, y, shape);
			break;
		case SEG_ACCUM_GROUP_AREA:
			break;
	}
	if (!seg_kind_keeps_units(kind))
	{
		st->s.sum_x += x;
		st->s.sum_y += y;
		st->s.n_units++;
	}
	PG_RETURN_POINTER(st);
}

/* Sums beyond the double range cannot give a meaningful index. */
static void
seg_check_range(FunctionCallInfo fcinfo, double X, double Y, double A,
				double term1, double term2)
{
	if (!isfinite(X + Y) || !isfinite(A) || !isfinite(term1) || !isfinite(term2))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sum of counts out of range in %s()",
						migstat_caller_name(fcinfo)),
				 errdetail("The totals exceed the range of double precision.")));
}

#define SEG_ACCUM_FUNCTION(fn, kind, type, args) \
PG_FUNCTION_INFO_V1(fn); \
Datum \
fn(PG_FUNCTION_ARGS) \
{ \
	return seg_accum(fcinfo, kind, type, args); \
}

SEG_ACCUM_FUNCTION(seg_units_accum_int8, SEG_ACCUM_UNITS, MIGSTAT_INT8, SEG_ARGS_A_B)
SEG_ACCUM_FUNCTION(seg_units_accum_float8, SEG_ACCUM_UNITS, MIGSTAT_FLOAT8, SEG_ARGS_A_B)
SEG_ACCUM_FUNCTION(seg_units_area_accum_int8, SEG_ACCUM_UNITS_AREA, MIGSTAT_INT8, SEG_ARGS_A_B_AREA)
SEG_ACCUM_FUNCTION(seg_units_area_accum_float8, SEG_ACCUM_UNITS_AREA, MIGSTAT_FLOAT8, SEG_ARGS_A_B_AREA)
SEG_ACCUM_FUNCTION(seg_group_area_accum_int8, SEG_ACCUM_GROUP_AREA, MIGSTAT_INT8, SEG_ARGS_A_AREA)
SEG_ACCUM_FUNCTION(seg_group_area_accum_float8, SEG_ACCUM_GROUP_AREA, MIGSTAT_FLOAT8, SEG_ARGS_A_AREA)
SEG_ACCUM_FUNCTION(seg_exposure_accum_int8, SEG_ACCUM_EXPOSURE, MIGSTAT_INT8, SEG_ARGS_A_B)
SEG_ACCUM_FUNCTION(seg_exposure_accum_float8, SEG_ACCUM_EXPOSURE, MIGSTAT_FLOAT8, SEG_ARGS_A_B)
SEG_ACCUM_FUNCTION(seg_entropy_accum_int8, SEG_ACCUM_ENTROPY, MIGSTAT_INT8, SEG_ARGS_A_B)
SEG_ACCUM_FUNCTION(seg_entropy_accum_float8, SEG_ACCUM_ENTROPY, MIGSTAT_FLOAT8, SEG_ARGS_A_B)
SEG_ACCUM_FUNCTION(seg_atkinson_accum_int8, SEG_ACCUM_ATKINSON, MIGSTAT_INT8, SEG_ARGS_A_B)
SEG_ACCUM_FUNCTION(seg_atkinson_accum_float8, SEG_ACCUM_ATKINSON, MIGSTAT_FLOAT8, SEG_ARGS_A_B)
SEG_ACCUM_FUNCTION(seg_atkinson_shape_accum_int8, SEG_ACCUM_ATKINSON, MIGSTAT_INT8, SEG_ARGS_A_B_SHAPE)
SEG_ACCUM_FUNCTION(seg_atkinson_shape_accum_float8, SEG_ACCUM_ATKINSON, MIGSTAT_FLOAT8, SEG_ARGS_A_B_SHAPE)

PG_FUNCTION_INFO_V1(seg_combine);
Datum
seg_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx = migstat_agg_context(fcinfo);
	SegAggState *a = PG_ARGISNULL(0) ? NULL : (SegAggState *) PG_GETARG_POINTER(0);
	SegAggState *b = PG_ARGISNULL(1) ? NULL : (SegAggState *) PG_GETARG_POINTER(1);
	SegAggState *accumulated = a;

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	/*
	 * A b made by seg_deserialize lives in this aggregate's memory context
	 * (partial states always pass through serialization): adopt it rather
	 * than copy its units, and append the smaller state to the larger.
	 */
	if (GetMemoryChunkContext(b) == aggctx &&
		(a == NULL || (seg_kind_keeps_units(b->s.kind) && b->s.n_units > a->s.n_units)))
	{
		SegAggState *t = a;

		a = b;
		b = t;
		if (b == NULL)
			PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = seg_state_new(aggctx, b->s.kind, b->s.shape, b->s.n_units);
	else if (a->s.kind != b->s.kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("cannot combine partial segregation states of different aggregates"),
				 errdetail("The states have accumulation kinds %d and %d.",
						   (int) a->s.kind, (int) b->s.kind)));
	else if (a->s.shape != b->s.shape)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("shape in atkinson() must be the same in every row"),
				 errdetail("Partial aggregates gave %s and %s.",
						   float8out_internal(a->s.shape),
						   float8out_internal(b->s.shape))));

	if (seg_kind_keeps_units(a->s.kind))
	{
		seg_state_reserve(a, b->s.n_units);
		memcpy(a->units + a->s.n_units, b->units, b->s.n_units * sizeof(SegUnit));
	}
	else
	{
		a->s.sum_x += b->s.sum_x;
		a->s.sum_y += b->s.sum_y;
		a->s.term1 += b->s.term1;
		a->s.term2 += b->s.term2;
	}
	a->s.n_units += b->s.n_units;
	/* after a swap b is the state accumulated so far: now copied, so free it */
	if (b == accumulated)
	{
		if (b->units)
			pfree(b->units);
		pfree(b);
	}
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(seg_serialize);
Datum
seg_serialize(PG_FUNCTION_ARGS)
{
	SegAggState *st;
	size_t		size;
	bytea	   *out;

	migstat_agg_context(fcinfo);
	st = (SegAggState *) PG_GETARG_POINTER(0);
	size = seg_state_encoded_size(&st->s, MaxAllocSize - VARHDRSZ);
	if (size == 0)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("partial segregation state with " UINT64_FORMAT " units is too large to pass between processes",
						st->s.n_units),
				 errhint("Split the input with GROUP BY, or run this aggregate without parallel workers (SET max_parallel_workers_per_gather = 0).")));
	if (!isfinite(st->s.sum_x + st->s.sum_y) || !isfinite(st->s.term1) ||
		!isfinite(st->s.term2))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sum of counts out of range in a segregation aggregate"),
				 errdetail("The totals exceed the range of double precision.")));
	out = palloc(VARHDRSZ + size);
	SET_VARSIZE(out, VARHDRSZ + size);
	seg_state_encode(&st->s, st->units, (uint8 *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(seg_deserialize);
Datum
seg_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx = migstat_agg_context(fcinfo);
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	const uint8 *buf = (const uint8 *) VARDATA_ANY(in);
	size_t		len = VARSIZE_ANY_EXHDR(in);
	SegSummary	s;
	SegAggState *st;
	const char *problem;

	problem = seg_state_decode_header(buf, len, &s);
	if (problem == NULL)
	{
		st = seg_state_new(aggctx, s.kind, s.shape, s.n_units);
		st->s = s;
		if (seg_kind_keeps_units(s.kind))
			problem = seg_state_decode_units(buf, len, &s, st->units);
	}
	if (problem != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid partial state of a migstat segregation aggregate"),
				 errdetail("%s.", problem)));
	PG_RETURN_POINTER(st);
}

/*
 * The state of a final function, or NULL when the group had no unit.  A
 * state of another kind (only possible with forged partial states) is an
 * error, not a crash.
 */
static SegAggState *
seg_final_state(FunctionCallInfo fcinfo, SegAccumKind expected)
{
	SegAggState *st;

	migstat_agg_context(fcinfo);
	if (PG_ARGISNULL(0))
		return NULL;
	st = (SegAggState *) PG_GETARG_POINTER(0);
	if (st->s.kind != expected)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("partial state of another segregation aggregate passed to %s()",
						migstat_caller_name(fcinfo)),
				 errdetail("Expected accumulation kind %d, got %d.",
						   (int) expected, (int) st->s.kind)));
	return st->s.n_units == 0 ? NULL : st;
}

/* Checks the totals of a state's units against overflow. */
static void
seg_check_units(FunctionCallInfo fcinfo, const SegAggState *st)
{
	double		X,
				Y,
				A;

	seg_totals(st->units, st->s.n_units, &X, &Y, &A);
	seg_check_range(fcinfo, X, Y, A, 0.0, 0.0);
}


/* Final functions over units. */
typedef double (*SegUnitsIndex) (const SegUnit *units, size_t n);

static Datum
seg_units_final(FunctionCallInfo fcinfo, SegAccumKind kind, SegUnitsIndex index,
				bool sort_by_area)
{
	SegAggState *st = seg_final_state(fcinfo, kind);

	if (st == NULL)
		PG_RETURN_NULL();
	seg_check_units(fcinfo, st);
	if (sort_by_area)
		seg_sort_by_area(st->units, st->s.n_units);
	MIGSTAT_RETURN_INDEX(fcinfo, index(st->units, st->s.n_units));
}

PG_FUNCTION_INFO_V1(seg_dissimilarity_final);
Datum
seg_dissimilarity_final(PG_FUNCTION_ARGS)
{
	return seg_units_final(fcinfo, SEG_ACCUM_UNITS, seg_dissimilarity, false);
}

PG_FUNCTION_INFO_V1(seg_gorard_final);
Datum
seg_gorard_final(PG_FUNCTION_ARGS)
{
	return seg_units_final(fcinfo, SEG_ACCUM_UNITS, seg_gorard, false);
}

PG_FUNCTION_INFO_V1(seg_delta_final);
Datum
seg_delta_final(PG_FUNCTION_ARGS)
{
	return seg_units_final(fcinfo, SEG_ACCUM_GROUP_AREA, seg_delta, false);
}

PG_FUNCTION_INFO_V1(seg_absolute_concentration_final);
Datum
seg_absolute_concentration_final(PG_FUNCTION_ARGS)
{
	return seg_units_final(fcinfo, SEG_ACCUM_UNITS_AREA, seg_absolute_concentration, true);
}

PG_FUNCTION_INFO_V1(seg_relative_concentration_final);
Datum
seg_relative_concentration_final(PG_FUNCTION_ARGS)
{
	return seg_units_final(fcinfo, SEG_ACCUM_UNITS_AREA, seg_relative_concentration, true);
}

PG_FUNCTION_INFO_V1(seg_gini_final);
Datum
seg_gini_final(PG_FUNCTION_ARGS)
{
	SegAggState *st = seg_final_state(fcinfo, SEG_ACCUM_UNITS);
	double	   *scratch;
	double		g;

	if (st == NULL)
		PG_RETURN_NULL();
	seg_check_units(fcinfo, st);
	scratch = palloc_extended(st->s.n_units * 2 * sizeof(double), MCXT_ALLOC_HUGE);
	g = seg_gini(st->units, st->s.n_units, scratch);
	pfree(scratch);
	MIGSTAT_RETURN_INDEX(fcinfo, g);
}

/* Final functions over sums. */
typedef double (*SegSumsIndex) (const SegSummary *s);

static double
sums_isolation(const SegSummary *s)
{
	return seg_isolation(s->sum_x, s->sum_y, s->term1);
}

static double
sums_interaction(const SegSummary *s)
{
	return seg_interaction(s->sum_x, s->sum_y, s->term2);
}

static double
sums_correlation_ratio(const SegSummary *s)
{
	return seg_correlation_ratio(s->sum_x, s->sum_y, s->term1);
}

static double
sums_theil(const SegSummary *s)
{
	return seg_theil(s->sum_x, s->sum_y, s->term1);
}

static double
sums_atkinson(const SegSummary *s)
{
	return seg_atkinson(s->sum_x, s->sum_y, s->term1, s->shape);
}

static Datum
seg_sums_final(FunctionCallInfo fcinfo, SegAccumKind kind, SegSumsIndex index)
{
	SegAggState *st = seg_final_state(fcinfo, kind);

	if (st == NULL)
		PG_RETURN_NULL();
	seg_check_range(fcinfo, st->s.sum_x, st->s.sum_y, 0.0,
					st->s.term1, st->s.term2);
	MIGSTAT_RETURN_INDEX(fcinfo, index(&st->s));
}

#define SEG_SUMS_FINAL(fn, kind, index) \
PG_FUNCTION_INFO_V1(fn); \
Datum \
fn(PG_FUNCTION_ARGS) \
{ \
	return seg_sums_final(fcinfo, kind, index); \
}

SEG_SUMS_FINAL(seg_isolation_final, SEG_ACCUM_EXPOSURE, sums_isolation)
SEG_SUMS_FINAL(seg_interaction_final, SEG_ACCUM_EXPOSURE, sums_interaction)
SEG_SUMS_FINAL(seg_correlation_ratio_final, SEG_ACCUM_EXPOSURE, sums_correlation_ratio)
SEG_SUMS_FINAL(seg_theil_final, SEG_ACCUM_ENTROPY, sums_theil)
SEG_SUMS_FINAL(seg_atkinson_final, SEG_ACCUM_ATKINSON, sums_atkinson)
