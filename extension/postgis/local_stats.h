/*
 * local_stats.h — global and local spatial autocorrelation over sparse
 * weights, plain C: Moran's I with a permutation test (Moran 1950; Cliff &
 * Ord 1981), local Moran I_i with conditional permutation (Anselin 1995) and
 * Getis-Ord G*_i (Getis & Ord 1992; Ord & Getis 1995).
 *
 * Values v[i] are finite (the caller checks).  Weights are used as given
 * (binary, row-standardised, ...).  Random draws come from xoshiro256**
 * (random.h), one stream per call, units visited in canonical order: the
 * same seed gives the same answer in any query plan.
 */
#ifndef MIGSTAT_POSTGIS_LOCAL_STATS_H
#define MIGSTAT_POSTGIS_LOCAL_STATS_H

#include <stdint.h>

#include "sparse_weights.h"

typedef struct LsMoran
{
	double		i;				/* Moran's I */
	double		expected;		/* E[I] = -1/(n-1) under no autocorrelation */
	double		perm_mean;		/* mean of I over the permutations */
	double		perm_sd;		/* their standard deviation (divisor = count) */
	double		z_sim;			/* (I - perm_mean) / perm_sd */
	double		p_sim;			/* (1 + #as extreme) / (permutations + 1), one-sided */
} LsMoran;

/*
 * I = (n / S0) sum_ij w_ij z_i z_j / sum_i z_i^2, z = v - mean(v).  With
 * permutations > 0, the values are permuted over all units that many times.
 * Fields are NAN where undefined (all values equal, S0 = 0, n < 2, no
 * permutations).  scratch holds 2 n doubles.
 */
extern void ls_morans_i(const SwWeights *g, const double *v, int32_t permutations,
						uint64_t seed, LsMoran *out, double *scratch);

/*
 * Local Moran (Anselin 1995): I_i = (z_i / m2) sum_j w_ij z_j,
 * m2 = sum z^2 / n; lag_i = sum_j w_ij z_j.  p_sim[i]: conditional
 * permutation, z_i held fixed and its neighbours' values drawn without
 * replacement from the other n - 1 units; folded one-sided pseudo p-value
 * (1 + #as extreme) / (permutations + 1); NAN for units without neighbours
 * or without permutations.  Returns 0, or -1 when m2 = 0 or n < 2 (then
 * every output is NAN).  Scratch: z holds n doubles, drawn the longest row
 * (n is enough) uint32, mark n bytes.
 */
extern int	ls_local_morans_i(const SwWeights *g, const double *v,
							  int32_t permutations, uint64_t seed,
							  double *local_i, double *lag, double *p_sim,
							  double *z, uint32_t *drawn, uint8_t *mark);

/*
 * Getis-Ord G*_i as a z-score (Ord & Getis 1995, eq. 14-type form):
 * G*_i = (sum_j w_ij v_j - W_i vbar) / (s sqrt((n S1_i - W_i^2) / (n - 1))),
 * W_i = sum_j w_ij, S1_i = sum_j w_ij^2, both over j including i,
 * vbar = sum v / n, s^2 = sum v^2 / n - vbar^2.  The self weight w_ii is
 * self_weight for every unit when self_weight is not NAN (replacing any
 * (i, i) weight given), else the (i, i) weight given (0 where none).  NAN
 * where the denominator is zero.
 */
extern void ls_gi_star(const SwWeights *g, const double *v, double self_weight,
					   double *z);

/* Cluster label of a unit: by the signs of z_i and lag_i (PySAL's rule). */
typedef enum LsQuadrant
{
	LS_HIGH_HIGH,
	LS_LOW_HIGH,
	LS_LOW_LOW,
	LS_HIGH_LOW
} LsQuadrant;

extern LsQuadrant ls_quadrant(double z, double lag);

#endif							/* MIGSTAT_POSTGIS_LOCAL_STATS_H */
