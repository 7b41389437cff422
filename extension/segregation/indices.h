/*
 * indices.h — two-group segregation indices, plain C.
 *
 * No PostgreSQL headers here: this file and indices.c are compiled into the
 * extension and, unchanged, into the C unit tests and fuzz targets.
 *
 * Notation (docs/segregation.md): unit i has x_i members of group A, y_i of
 * group B, t_i = x_i + y_i, area a_i; X, Y, T, A are the sums.
 *
 * Every function returns NAN when the index is undefined for the data (an
 * empty group, a zero denominator); the SQL layer turns NAN into NULL.
 */
#ifndef MIGSTAT_SEGREGATION_INDICES_H
#define MIGSTAT_SEGREGATION_INDICES_H

#include <stddef.h>

typedef struct SegUnit
{
	double		x;				/* count of group A in the unit */
	double		y;				/* count of group B in the unit */
	double		area;			/* unit area; 0 where the index needs none */
} SegUnit;

/* Default Atkinson shape parameter b (James & Taeuber 1985). */
#define SEG_ATKINSON_DEFAULT_SHAPE 0.5

/* e(q) = -q ln q - (1-q) ln(1-q), with e(0) = e(1) = 0. */
extern double seg_binary_entropy(double q);

/*
 * Per-unit terms of the additive indices: their sums over units are all the
 * indices need besides X and Y.  Callers skip units with t = 0.
 */
static inline double
seg_term_isolation(double x, double y)
{
	return x * x / (x + y);
}

static inline double
seg_term_interaction(double x, double y)
{
	return x * y / (x + y);
}

extern double seg_term_entropy(double x, double y);
extern double seg_term_atkinson(double x, double y, double shape);

/* Indices from sums (X, Y and the sum of the per-unit terms). */
extern double seg_isolation(double X, double Y, double sum_isolation);
extern double seg_interaction(double X, double Y, double sum_interaction);
extern double seg_correlation_ratio(double X, double Y, double sum_isolation);
extern double seg_theil(double X, double Y, double sum_entropy);
extern double seg_atkinson(double X, double Y, double sum_atkinson, double shape);

/* Indices that need every unit; units with t = 0 may be present. */
extern double seg_dissimilarity(const SegUnit *units, size_t n);
extern double seg_gorard(const SegUnit *units, size_t n);
extern double seg_delta(const SegUnit *units, size_t n);

/*
 * Sorts m (share, weight) pairs, stored interleaved, by share and returns
 * sum_{i<j} w_i w_j |p_i - p_j| in O(m log m).  Shared with multigroup Gini.
 */
extern double seg_pairwise_abs_diff(double *pairs, size_t m);

/*
 * Gini in O(n log n).  scratch must hold 2 * n doubles; units is not changed.
 */
extern double seg_gini(const SegUnit *units, size_t n, double *scratch);

/*
 * Absolute and relative concentration (Massey & Denton 1988) sort the units
 * by area in place (ties broken by t, then x, so the result does not depend
 * on input order).
 */
extern void seg_sort_by_area(SegUnit *units, size_t n);
extern double seg_absolute_concentration(const SegUnit *units_by_area, size_t n);
extern double seg_relative_concentration(const SegUnit *units_by_area, size_t n);

/* Sums of x, y and area over units. */
extern void seg_totals(const SegUnit *units, size_t n,
					   double *X, double *Y, double *A);

#endif							/* MIGSTAT_SEGREGATION_INDICES_H */
