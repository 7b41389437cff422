/*
 * spatial_indices.h — spatial segregation indices of a group against the
 * rest of the population, over sparse weights, plain C.
 *
 * Units i = 0..n-1 have group count x[i] and total t[i] (0 <= x <= t,
 * finite; the caller checks), y = t - x.  Weights c_ij come from
 * sparse_weights.h and are used as given (binary contiguity, shared boundary
 * length, exp(-d_ij), a kernel...); the self pair (i, i) takes part where
 * the weights give it.  Every function returns NAN where the index is
 * undefined for the data (no group member, no one else, zero weights).
 * Formulas and sources are written next to each function in the .c file and
 * in docs/spatial-indices.md.
 */
#ifndef MIGSTAT_POSTGIS_SPATIAL_INDICES_H
#define MIGSTAT_POSTGIS_SPATIAL_INDICES_H

#include <stdint.h>

#include "sparse_weights.h"

/* Duncan & Duncan's D = 1/2 sum |x_i/X - y_i/Y|. */
extern double spx_dissimilarity(uint32_t n, const double *x, const double *t);

/*
 * D - sum c_ij |p_i - p_j| s_ij / sum c_ij over pairs of units that both
 * have people, p = x/t.  s_ij = 1 without shape (Morrill 1991 D(adj) with
 * binary contiguity; Wong 1993 D(w) with shared boundary lengths);
 * s_ij = (PA_i + PA_j) / (2 max PA) with shape[i] = perimeter/area
 * (Wong 1993 D(s)).
 */
extern double spx_adjusted_dissimilarity(const SwWeights *g, const double *x,
										 const double *t, const double *shape);

/* White 1983: SP = (X Pxx + Y Pyy) / (T Ptt), Pxx = sum x_i x_j c_ij / X^2. */
extern double spx_spatial_proximity(const SwWeights *g, const double *x,
									const double *t);

/* Massey & Denton 1988: absolute clustering ACL. */
extern double spx_absolute_clustering(const SwWeights *g, const double *x,
									  const double *t);

/* Massey & Denton 1988: relative clustering RCL = Pxx / Pyy - 1. */
extern double spx_relative_clustering(const SwWeights *g, const double *x,
									  const double *t);

/*
 * Morgan 1983 (Massey & Denton 1988): distance-decay isolation (isolation
 * true) or interaction DPxy.  *bad_unit is set to a unit with group members
 * whose neighbourhood holds no one (sum_j c_ij t_j = 0; then NAN), else -1.
 */
extern double spx_decay_exposure(const SwWeights *g, const double *x,
								 const double *t, int isolation,
								 int64_t *bad_unit);

/*
 * Reardon & O'Sullivan 2004: the spatial information theory index H~ with
 * kernel weights.  *bad_unit as above for a populated unit with an empty
 * local environment.
 */
extern double spx_spatial_information(const SwWeights *g, const double *x,
									  const double *t, int64_t *bad_unit);

/*
 * Centralization (Massey & Denton 1988): units sorted by distance to the
 * centre; cumulative shares X_i of a and B_i of b;
 * sum X_{i-1} B_i - sum X_i B_{i-1}.  Absolute: a = x, b = area; relative:
 * a = x, b = y.  Units at the same distance form one step.  items is
 * sorted in place.
 */
typedef struct SpxCentreItem
{
	double		distance;
	double		a;
	double		b;
} SpxCentreItem;

extern double spx_centralization(SpxCentreItem *items, uint32_t n);

#endif							/* MIGSTAT_POSTGIS_SPATIAL_INDICES_H */
