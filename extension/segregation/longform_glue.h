/*
 * longform_glue.h — fmgr helpers shared by the aggregates that keep
 * long-form (unit, group, count) rows: the long-form indices and
 * mutual_information_change.
 */
#ifndef MIGSTAT_SEGREGATION_LONGFORM_GLUE_H
#define MIGSTAT_SEGREGATION_LONGFORM_GLUE_H

#include "postgres.h"

#include "fmgr.h"
#include "longform.h"

/* An empty state in ctx. */
extern LfState *lf_state_new(MemoryContext ctx);

/*
 * Adds the row (unit = argument 1, group = argument 2, count) to st; the
 * key encoders are cached per call site.  The caller has skipped NULLs.
 */
extern void lf_add_row(FunctionCallInfo fcinfo, LfState *st, double count);

#endif							/* MIGSTAT_SEGREGATION_LONGFORM_GLUE_H */
