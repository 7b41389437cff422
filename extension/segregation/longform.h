/*
 * longform.h — the state of the long-form multigroup aggregates, plain C:
 * rows (unit key, group key, count) grouped by their keys inside the
 * aggregate, merged across partial states, and encoded portably.
 *
 * Keys are byte strings (the SQL layer encodes integers as a tag byte and 8
 * big-endian bytes, everything else as a tag byte and its text form), so a
 * unit or group is the same wherever its rows were accumulated.
 *
 * Encoding, version 1 (big-endian):
 *   "ML", version (1), 0, n_units (u32), n_groups (u32), n_entries (u64),
 *   n_units keys then n_groups keys, each as length (u32) and bytes,
 *   n_entries entries of unit (u32), group (u32), count (double).
 */
#ifndef MIGSTAT_SEGREGATION_LONGFORM_H
#define MIGSTAT_SEGREGATION_LONGFORM_H

#include <stddef.h>
#include <stdint.h>

#include "../common/keymap.h"

#define LF_STATE_FORMAT_VERSION 1

typedef struct LfEntry
{
	uint32_t	unit;
	uint32_t	group;
	double		count;
} LfEntry;

typedef struct LfState
{
	KeyMap		units;
	KeyMap		groups;
	LfEntry    *entries;
	uint64_t	n_entries;
	uint64_t	cap;
	KeyMapAllocator mem;
} LfState;

extern void lf_init(LfState *s, KeyMapAllocator mem);

/* Adds a row; returns NULL or a static message (too many keys). */
extern const char *lf_add(LfState *s, const uint8_t *unit, size_t unit_len,
						  const uint8_t *group, size_t group_len, double count);

/* Adds every row of b to a. */
extern const char *lf_merge(LfState *a, const LfState *b);

/* 0 if the encoding would exceed max_size. */
extern size_t lf_encoded_size(const LfState *s, size_t max_size);
extern void lf_encode(const LfState *s, uint8_t *out);

/* Decodes into a freshly initialised state; NULL or a static message. */
extern const char *lf_decode(const uint8_t *buf, size_t len, LfState *s);

/*
 * Fills out (units.n rows of groups.n doubles, zeroed by the caller) with
 * the summed counts.
 */
extern void lf_dense(const LfState *s, double *out);

#endif							/* MIGSTAT_SEGREGATION_LONGFORM_H */
