/*
 * status_glue.h — shared by the residence_status fmgr files.
 */
#ifndef MIGSTAT_STATUS_GLUE_H
#define MIGSTAT_STATUS_GLUE_H

#include "postgres.h"

#include "catalogue.h"

/* The catalogue entry of a stored code; 22P03-like error if unknown. */
extern const RsEntry *rs_entry_or_error(int32 code);

#endif							/* MIGSTAT_STATUS_GLUE_H */
