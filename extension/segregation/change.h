/*
 * change.h — decomposition of the change in the mutual information index M
 * between two periods into the contributions of group composition, unit
 * sizes and structure (Elbers 2021, "A method for studying differences in
 * segregation across time and space", Sociological Methods & Research; the
 * Shapley decomposition of Deutsch et al. 2006), plain C.
 *
 * Units and groups present in only one period are split off first
 * (additions, removals); on the common support, zero cells get a small
 * positive count so that iterative proportional fitting (Deming & Stephan
 * 1940) can give one table the margins of the other:
 *
 *   M2 - M1 = additions + removals + group_marginal + unit_marginal + structural
 *
 * exactly (the identities hold in exact arithmetic; IPF is run to 1e-12).
 */
#ifndef MIGSTAT_SEGREGATION_CHANGE_H
#define MIGSTAT_SEGREGATION_CHANGE_H

#include <stddef.h>

#include "../common/keymap.h"

typedef struct MgChange
{
	double		m1;
	double		m2;
	double		difference;		/* m2 - m1 */
	double		additions;		/* units and groups present only in period 2 */
	double		removals;		/* units and groups present only in period 1 */
	double		group_marginal; /* change of the groups' overall shares */
	double		unit_marginal;	/* change of the units' sizes */
	double		structural;		/* change of the association itself */
} MgChange;

typedef enum MgChangeStatus
{
	MG_CHANGE_OK = 0,
	MG_CHANGE_UNDEFINED,		/* M undefined in a period (fewer than two groups) */
	MG_CHANGE_NO_COMMON,		/* fewer than two common groups or no common unit */
	MG_CHANGE_NO_CONVERGENCE	/* IPF did not reach the tolerance */
} MgChangeStatus;

#define MG_IPF_TOLERANCE 1e-12
#define MG_IPF_MAX_ITERATIONS 10000

/*
 * t1 and t2 are n x K tables over the same units and groups (zero where a
 * unit or group is absent in a period).  Scratch memory comes from mem;
 * tick (if not NULL) is called once per IPF iteration, where the SQL layer
 * checks for query cancel.
 */
extern MgChangeStatus mg_change(const double *t1, const double *t2, size_t n,
								int K, KeyMapAllocator mem,
								void (*tick) (void *), void *tick_arg,
								MgChange *out);

#endif							/* MIGSTAT_SEGREGATION_CHANGE_H */
