/*
 * edit_distance.h — Levenshtein distance with a limit, for the "did you
 * mean" hints of the input parsers (plain C, no PostgreSQL headers).
 */
#ifndef MIGSTAT_EDIT_DISTANCE_H
#define MIGSTAT_EDIT_DISTANCE_H

#include <stddef.h>

/* Strings longer than this are never close to anything. */
#define EDIT_DISTANCE_MAX_LEN 78

/*
 * The edit distance of a[0..la) and b[0..lb) when it is at most limit;
 * limit + 1 when it is larger or a string is longer than
 * EDIT_DISTANCE_MAX_LEN (stops as soon as a row exceeds the limit).
 */
extern int	edit_distance(const unsigned char *a, size_t la,
						  const unsigned char *b, size_t lb, int limit);

#endif
