/*
 * decomposition.h — the between/within decomposition of the mutual
 * information index M for units nested in areas (blocks in districts),
 * plain C.
 *
 *   M(units) = M(areas) + sum_d (T_d / T) M(units within d)
 *
 * (Theil & Finizza 1971; Mora & Ruiz-Castillo 2011).  The state keeps the
 * sums of all units and the group totals of every area; M(areas) treats the
 * areas as units, and the within term is the difference.
 *
 * Encoding, version 1 (big-endian): "MD", version (1), 0, K (u32),
 * n_areas (u32), n_units (u64), within (double), K totals, K sums of squares,
 * n_areas keys as length (u32) and bytes, n_areas rows of K doubles.
 */
#ifndef MIGSTAT_SEGREGATION_DECOMPOSITION_H
#define MIGSTAT_SEGREGATION_DECOMPOSITION_H

#include <stddef.h>
#include <stdint.h>

#include "../common/keymap.h"
#include "multigroup.h"

#define MD_STATE_FORMAT_VERSION 1

typedef struct MdState
{
	MgSums		units;			/* sums over all units */
	KeyMap		areas;
	double	   *area_totals;	/* areas.n rows of K */
	uint32_t	area_cap;		/* rows allocated */
	KeyMapAllocator mem;
} MdState;

typedef struct MdResult
{
	double		total;
	double		between;
	double		within;
} MdResult;

/* Initialises an empty state of K groups; all memory comes from mem. */
extern void md_init(MdState *s, int K, KeyMapAllocator mem);

/* Adds a unit of the given area; NULL or a static message. */
extern const char *md_add(MdState *s, const uint8_t *area, size_t area_len,
						  const double *counts);
extern const char *md_merge(MdState *a, const MdState *b);

/* Returns 0 when M is undefined (fewer than two groups with members). */
extern int	md_result(const MdState *s, double *scratch_total, double *scratch_sq,
					  MdResult *out);

extern size_t md_encoded_size(const MdState *s, size_t max_size);
extern void md_encode(const MdState *s, uint8_t *out);

/* Reads K from an encoding (0 if the header is invalid). */
extern int	md_decode_groups(const uint8_t *buf, size_t len);
/* Decodes into a state initialised with md_init(K); NULL or a message. */
extern const char *md_decode(const uint8_t *buf, size_t len, MdState *s);

#endif							/* MIGSTAT_SEGREGATION_DECOMPOSITION_H */
