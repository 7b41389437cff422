/*
 * ptable_glue.h — perturbation tables read from SQL tables (fmgr glue
 * shared by migstat.ckm_perturb, migstat.ckm_count and
 * migstat.ptable_check).
 */
#ifndef MIGSTAT_DISCLOSURE_PTABLE_GLUE_H
#define MIGSTAT_DISCLOSURE_PTABLE_GLUE_H

#include "postgres.h"

#include "fmgr.h"
#include "ptable.h"

/*
 * The validated perturbation table stored in relation relid (columns i, j,
 * p), read with the current user's privileges and cached in the calling
 * function's fn_extra for the rest of the query.  Errors: 42P01 no such
 * relation, 42703 a column is missing, 42804 a column has the wrong type,
 * 22004 a NULL, 22023 the entries do not form a perturbation table.
 */
extern const Ptable *migstat_ptable_get(FunctionCallInfo fcinfo, Oid relid);

/* The relation's schema-qualified, quoted name, for messages and states. */
extern char *migstat_ptable_name(Oid relid);

/*
 * Published count for n >= 0 and cell key c in [0, 1) through pt; 22003 if
 * it overflows.
 */
extern int64 migstat_ptable_perturb(FunctionCallInfo fcinfo, const Ptable *pt,
									int64 n, double c);

#endif							/* MIGSTAT_DISCLOSURE_PTABLE_GLUE_H */
