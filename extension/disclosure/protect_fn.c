/*
 * protect_fn.c — fmgr glue of primary suppression and rounding, and the
 * disclosure settings (docs/disclosure.md).
 *
 * NULL conventions: a NULL count is missing data and gives NULL; a NULL
 * parameter (minimum, base, seed, cell) is an error 22004, because silently
 * returning NULL would look like missing data instead of a mistake.
 */
#include "postgres.h"

#include <limits.h>

#include "../common/args.h"
#include "../common/migstat.h"
#include "../common/sqlkey.h"
#include "../common/portable_bytes.h"
#include "access/htup_details.h"
#include "cellkey.h"
#include "fmgr.h"
#include "funcapi.h"
#include "rounding.h"
#include "utils/builtins.h"
#include "utils/guc.h"

/*
 * migstat.min_cell_count: the default minimum frequency of
 * migstat.suppress(n).  Superuser-only (PGC_SUSET; grant it with GRANT SET
 * ON PARAMETER), because a role that could lower it could unsuppress the
 * counts a protected function publishes.
 */
static int	migstat_min_cell_count = 3;

void
migstat_disclosure_init(void)
{
	DefineCustomIntVariable("migstat.min_cell_count",
							"Default minimum frequency of migstat.suppress(): smaller non-zero counts are suppressed.",
							"Only superusers and roles granted SET on this parameter may change it.",
							&migstat_min_cell_count,
							3, 1, INT_MAX,
							PGC_SUSET, 0,
							NULL, NULL, NULL);
}

static void
require_arg(FunctionCallInfo fcinfo, int argno, const char *name)
{
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s in %s() must not be NULL", name,
						migstat_caller_name(fcinfo))));
}

static int64
count_arg(FunctionCallInfo fcinfo, int argno)
{
	int64		n = PG_GETARG_INT64(argno);

	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid count in %s(): " INT64_FORMAT,
						migstat_caller_name(fcinfo), n),
				 errdetail("Counts must not be negative.")));
	return n;
}

static int32
positive_int_arg(FunctionCallInfo fcinfo, int argno, const char *name)
{
	int32		v;

	require_arg(fcinfo, argno, name);
	v = PG_GETARG_INT32(argno);
	if (v < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid %s in %s(): %d", name,
						migstat_caller_name(fcinfo), v),
				 errdetail("The %s must be at least 1.", name)));
	return v;
}

/* A migstat.protected_count row. */
static Datum
protected_count(FunctionCallInfo fcinfo, int64 n, int32 min_count)
{
	TupleDesc	tupdesc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s() must return migstat.protected_count",
						migstat_caller_name(fcinfo))));
	tupdesc = BlessTupleDesc(tupdesc);
	if (n > 0 && n < min_count)
	{
		nulls[0] = true;
		values[1] = BoolGetDatum(true);
		values[2] = CStringGetTextDatum(psprintf("count below minimum frequency %d", min_count));
	}
	else
	{
		values[0] = Int64GetDatum(n);
		values[1] = BoolGetDatum(false);
		nulls[2] = true;
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

PG_FUNCTION_INFO_V1(migstat_suppress);
Datum
migstat_suppress(PG_FUNCTION_ARGS)
{
	int32		min_count = migstat_min_cell_count;
	int64		n;

	if (PG_NARGS() > 1)
		min_count = positive_int_arg(fcinfo, 1, "minimum frequency");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	n = count_arg(fcinfo, 0);
	return protected_count(fcinfo, n, min_count);
}

static void
rounding_overflow(FunctionCallInfo fcinfo)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("rounded count out of range in %s()",
					migstat_caller_name(fcinfo))));
}

PG_FUNCTION_INFO_V1(migstat_round_to_base);
Datum
migstat_round_to_base(PG_FUNCTION_ARGS)
{
	int32		base = positive_int_arg(fcinfo, 1, "base");
	int64		out;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	if (round_to_base(count_arg(fcinfo, 0), base, &out) != 0)
		rounding_overflow(fcinfo);
	PG_RETURN_INT64(out);
}

/* Key encoder of the cell argument, cached for the call site. */
static MigstatKeyCodec *
cell_codec(FunctionCallInfo fcinfo, int argno)
{
	MigstatKeyCodec *codec = fcinfo->flinfo->fn_extra;

	if (codec == NULL)
	{
		codec = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(MigstatKeyCodec));
		migstat_key_codec_init(fcinfo, argno, codec);
		fcinfo->flinfo->fn_extra = codec;
	}
	return codec;
}

/*
 * random_round(n, base, seed, cell): the draw is keyed on the seed, the
 * cell's identity and the count, so a cell rounds the same way in every
 * query that publishes it, whatever else the query computes.
 */
PG_FUNCTION_INFO_V1(migstat_random_round);
Datum
migstat_random_round(PG_FUNCTION_ARGS)
{
	int32		base = positive_int_arg(fcinfo, 1, "base");
	int64		n,
				out;
	StringInfoData msg;
	uint8		nbytes[8];
	double		u;

	require_arg(fcinfo, 2, "seed");
	require_arg(fcinfo, 3, "cell");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	n = count_arg(fcinfo, 0);
	initStringInfo(&msg);
	migstat_key_encode(cell_codec(fcinfo, 3), PG_GETARG_DATUM(3), &msg);
	mb_put_u64(nbytes, (uint64) n);
	appendBinaryStringInfo(&msg, (const char *) nbytes, 8);
	u = ck_draw(PG_GETARG_INT64(2), CK_DOMAIN_ROUNDING, (const uint8 *) msg.data, msg.len);
	pfree(msg.data);
	if (random_round(n, base, u, &out) != 0)
		rounding_overflow(fcinfo);
	PG_RETURN_INT64(out);
}
