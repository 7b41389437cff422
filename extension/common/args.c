/*
 * args.c — argument validation shared by the aggregates (see args.h).
 */
#include "postgres.h"

#include <math.h>

#include "args.h"
#include "nodes/primnodes.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/lsyscache.h"

/*
 * The aggregate's name for messages.  As a window aggregate the executor
 * does not say which aggregate runs (only the support function is known),
 * so the message says "migstat aggregate" rather than a support function's
 * name.
 */
const char *
migstat_caller_name(FunctionCallInfo fcinfo)
{
	Aggref	   *aggref = AggGetAggref(fcinfo);
	Oid			fnoid = InvalidOid;
	char	   *name;

	if (aggref)
		fnoid = aggref->aggfnoid;
	else if (AggCheckCallContext(fcinfo, NULL) == 0 && fcinfo->flinfo)
		fnoid = fcinfo->flinfo->fn_oid;
	name = OidIsValid(fnoid) ? get_func_name(fnoid) : NULL;
	return name ? name : "migstat aggregate";
}

MemoryContext
migstat_agg_context(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("aggregate support function called outside an aggregate")));
	return aggcontext;
}

bool
migstat_count_arg(FunctionCallInfo fcinfo, int argno, MigstatNumType type,
				  const char *argname, double *out)
{
	if (PG_ARGISNULL(argno))
		return false;

	if (type == MIGSTAT_INT8)
	{
		int64		v = PG_GETARG_INT64(argno);

		if (v < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid count in %s(): %s = " INT64_FORMAT,
							migstat_caller_name(fcinfo), argname, v),
					 errdetail("Counts must not be negative.")));
		*out = (double) v;
	}
	else
	{
		double		v = PG_GETARG_FLOAT8(argno);

		if (!isfinite(v) || v < 0.0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid count in %s(): %s = %s",
							migstat_caller_name(fcinfo), argname,
							float8out_internal(v)),
					 errdetail("Counts must be finite and not negative.")));
		*out = v;
	}
	return true;
}

bool
migstat_area_arg(FunctionCallInfo fcinfo, int argno, const char *argname,
				 double *out)
{
	double		v;

	if (PG_ARGISNULL(argno))
		return false;
	v = PG_GETARG_FLOAT8(argno);
	if (!isfinite(v) || v < 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid area in %s(): %s = %s",
						migstat_caller_name(fcinfo), argname,
						float8out_internal(v)),
				 errdetail("Unit areas must be finite and not negative.")));
	*out = v;
	return true;
}
