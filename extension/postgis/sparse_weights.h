/*
 * sparse_weights.h — spatial weights as a compressed sparse row (CSR)
 * matrix over units 0..n-1, plain C.  The spatial indices and local
 * statistics read weights only through this structure, never through a
 * dense n x n matrix, so that 100,000 units (or millions of grid cells) fit
 * in memory: 16 bytes per stored weight, 8 per unit.
 *
 * Units are put in a canonical order (their keys sorted bytewise) before the
 * weights are built, and each row keeps its columns ascending, so every sum
 * is taken in the same order whatever order the queries returned their rows
 * in: the same data give bit-identical results, and the permutation tests
 * the same draws for a seed, in any query plan.
 */
#ifndef MIGSTAT_POSTGIS_SPARSE_WEIGHTS_H
#define MIGSTAT_POSTGIS_SPARSE_WEIGHTS_H

#include <stddef.h>
#include <stdint.h>

#include "../common/keymap.h"

typedef struct SwEntry
{
	uint32_t	j;				/* column (neighbour) */
	double		w;				/* weight c_ij, finite and >= 0 */
} SwEntry;

typedef struct SwWeights
{
	uint32_t	n;				/* units */
	uint64_t	nnz;			/* stored weights */
	uint64_t   *row;			/* n + 1 offsets into e */
	SwEntry    *e;				/* row i is e[row[i]] .. e[row[i+1]-1] */
} SwWeights;

/*
 * Builds g over n units from m triplets (ti[k], tj[k], tw[k]), each index
 * below n.  Returns -1, or the index of a triplet whose pair (i, j) was
 * already given (then g is incomplete and must not be used).
 */
extern int64_t sw_build(SwWeights *g, uint32_t n, const uint32_t *ti,
						const uint32_t *tj, const double *tw, uint64_t m,
						KeyMapAllocator mem);

/* Weight of the self pair (i, i), 0 when the weights do not give one. */
extern double sw_self_weight(const SwWeights *g, uint32_t i);

/*
 * True when unit i has no neighbour: no pair (i, j), j != i, with a positive
 * weight.
 */
extern int	sw_is_island(const SwWeights *g, uint32_t i);

/*
 * The canonical order of the n keys of m: order[r] is the key index of rank
 * r, keys ascending bytewise (a shorter key before its extensions).  rank
 * (if not NULL) receives the inverse permutation.
 */
extern void sw_canonical_order(const KeyMap *m, uint32_t *order,
							   uint32_t *rank, KeyMapAllocator mem);

#endif							/* MIGSTAT_POSTGIS_SPARSE_WEIGHTS_H */
