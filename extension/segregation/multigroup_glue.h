/*
 * multigroup_glue.h — fmgr helpers shared by the multigroup aggregates
 * (arrays, long form, decomposition).
 */
#ifndef MIGSTAT_SEGREGATION_MULTIGROUP_GLUE_H
#define MIGSTAT_SEGREGATION_MULTIGROUP_GLUE_H

#include "postgres.h"

#include "../common/args.h"
#include "fmgr.h"
#include "multigroup.h"
#include "utils/array.h"

/* The state of the array aggregates (and of inference, which wraps it). */
typedef struct MgAggState
{
	MgSums		s;
	bool		keeps_units;
	double	   *units;			/* s.n_units rows of K counts, if kept */
	uint64		capacity;		/* rows allocated */
	double	   *row;			/* scratch for the current row */
} MgAggState;

/* Adds one counts array (creating the state in the aggregate context). */
extern MgAggState *mg_state_add_array(FunctionCallInfo fcinfo, MgAggState *st,
									  ArrayType *arr, bool keeps_units);

/* Adds b to a (creating a when NULL) and returns a. */
extern MgAggState *mg_state_merge(MemoryContext ctx, MgAggState *a,
								  const MgAggState *b);

/* Encoded size (errors when too large to ship), encoding, decoding. */
extern size_t mg_state_size(const MgAggState *st);
extern void mg_state_write(const MgAggState *st, uint8 *out);
extern MgAggState *mg_state_read(MemoryContext ctx, const uint8 *buf, size_t len);

/* Validates a counts array (1-D, 2..MG_MAX_GROUPS elements, no NULL); returns K. */
extern int	mg_array_length(FunctionCallInfo fcinfo, ArrayType *arr,
							const char *argname);

/* Copies a validated bigint[] or float8[] into out, checking each value. */
extern void mg_array_values(FunctionCallInfo fcinfo, ArrayType *arr, int K,
							const char *argname, double *out);

/* Computes one index over n rows of units (NAN where undefined). */
extern double mg_compute(MgIndex which, const MgSums *s, const double *units,
						 size_t n);

/* Raises 22003 when the sums have left the double range. */
extern void mg_check_range(FunctionCallInfo fcinfo, const MgSums *s);


#endif							/* MIGSTAT_SEGREGATION_MULTIGROUP_GLUE_H */
