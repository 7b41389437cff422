/*
 * grow.c — growing the per-unit arrays of the aggregate states (grow.h).
 */
#include "postgres.h"

#include "grow.h"
#include "utils/memutils.h"

void
migstat_grow_array(void **array, uint64 *capacity, uint64 need,
				   size_t elem_size, const char *what)
{
	uint64		cap = Max(*capacity, 1);

	if (need <= *capacity)
		return;
	while (cap < need)
		cap *= 2;
	if (cap > MaxAllocHugeSize / elem_size)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many units in one %s aggregate group: " UINT64_FORMAT,
						what, need)));
	*array = repalloc_huge(*array, cap * elem_size);
	*capacity = cap;
}
