/*
 * grow.h — growing the per-unit arrays of the aggregate states.
 */
#ifndef MIGSTAT_COMMON_GROW_H
#define MIGSTAT_COMMON_GROW_H

#include "postgres.h"

/*
 * Makes room for need elements of elem_size bytes in *array (allocated with
 * MemoryContextAllocHuge), doubling *capacity so that appends stay amortised
 * O(1).  Beyond PostgreSQL's huge-allocation limit, error 54000 naming what.
 */
extern void migstat_grow_array(void **array, uint64 *capacity, uint64 need,
							   size_t elem_size, const char *what);

#endif							/* MIGSTAT_COMMON_GROW_H */
