/*
 * args.h — reading and validating aggregate arguments, shared by all areas.
 */
#ifndef MIGSTAT_COMMON_ARGS_H
#define MIGSTAT_COMMON_ARGS_H

#include "postgres.h"

#include <math.h>

#include "fmgr.h"

/* The argument's SQL type, decided by which C wrapper the overload calls. */
typedef enum MigstatNumType
{
	MIGSTAT_INT8,
	MIGSTAT_FLOAT8
} MigstatNumType;

/*
 * Reads argument argno as a count: a finite, non-negative number.  Returns
 * false for SQL NULL.  Bad values raise 22023 naming the function, the
 * argument and the value.
 */
extern bool migstat_count_arg(FunctionCallInfo fcinfo, int argno,
							  MigstatNumType type, const char *argname,
							  double *out);

/* The same for a float8 unit area. */
extern bool migstat_area_arg(FunctionCallInfo fcinfo, int argno,
							 const char *argname, double *out);

/*
 * Name of the aggregate (or function) being executed, for messages; falls
 * back to "migstat aggregate" where the executor does not say.
 */
extern const char *migstat_caller_name(FunctionCallInfo fcinfo);

/* The aggregate memory context; errors if not called as an aggregate. */
extern MemoryContext migstat_agg_context(FunctionCallInfo fcinfo);

/*
 * Returns an index value: NAN (undefined for the data) as SQL NULL; an
 * infinity, which only overflow can produce, as error 22003.
 */
#define MIGSTAT_RETURN_INDEX(fcinfo, v) \
	do { \
		double _v = (v); \
		if (isnan(_v)) \
			PG_RETURN_NULL(); \
		if (isinf(_v)) \
			ereport(ERROR, \
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE), \
					 errmsg("value out of range in %s()", migstat_caller_name(fcinfo)), \
					 errdetail("The counts are too large for double precision arithmetic."))); \
		PG_RETURN_FLOAT8(_v); \
	} while (0)

#endif							/* MIGSTAT_COMMON_ARGS_H */
