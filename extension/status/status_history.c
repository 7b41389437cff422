/*
 * status_history.c — migstat.status_on(status, since, on_date): the status of
 * a history that was in force on a date, as an aggregate.
 *
 * The state is one bigint, (since << 32) | code, so the latest start wins by
 * plain integer comparison; ties on the same day go to the larger code.  That
 * makes the transition and combine functions the same max(), trivially
 * parallel safe, with no internal state to serialize.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/date.h"

#include "status_glue.h"

static int64
pack(DateADT since, int32 code)
{
	return (int64) ((uint64) (int64) since << 32) | (int64) (uint32) code;
}

PG_FUNCTION_INFO_V1(status_on_step);
Datum
status_on_step(PG_FUNCTION_ARGS)
{
	bool		have_state = !PG_ARGISNULL(0);
	int64		state = have_state ? PG_GETARG_INT64(0) : 0;
	DateADT		since;
	int64		candidate;

	/* rows without status, start or reference date, or starting later, take no part */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3) ||
		PG_GETARG_DATEADT(2) > PG_GETARG_DATEADT(3))
	{
		if (!have_state)
			PG_RETURN_NULL();
		PG_RETURN_INT64(state);
	}
	since = PG_GETARG_DATEADT(2);
	candidate = pack(since, rs_entry_or_error(PG_GETARG_INT32(1))->code);
	PG_RETURN_INT64(have_state && state > candidate ? state : candidate);
}

PG_FUNCTION_INFO_V1(status_on_final);
Datum
status_on_final(PG_FUNCTION_ARGS)
{
	int64		state = PG_GETARG_INT64(0);

	PG_RETURN_INT32((int32) (uint32) ((uint64) state & 0xFFFFFFFFu));
}
