/*
 * test_indices.c — hand-computed cases for every index in indices.h, plus
 * brute-force (Gini) and PySAL-transcription (ACO, RCO) comparisons on
 * pseudo-random data.
 *
 * Recurring data sets (x = group A, y = group B, t = x + y, p = x / t):
 *
 *   A  (10,0) (0,10) (5,5)           X = 15, Y = 15, T = 30, P = 1/2
 *   B  (10,0) (0,20) (7,0) (0,3)     X = 17, Y = 23, T = 40  complete segregation
 *   C  (2,6) (5,15) (1,3)            X = 8,  Y = 24, T = 32, P = 1/4, every p_i = 1/4
 *   D  (3,1) (1,3)                   X = 4,  Y = 4,  T = 8,  P = 1/2
 *   E  (1,3) (3,1) (0,4) (2,2)       X = 6,  Y = 10, T = 16, P = 3/8
 *   F  (1,3) (3,1) (0,4)             X = 4,  Y = 8,  T = 12, P = 1/3
 */
#include "unit.h"
#include "indices.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TOL 1e-12
#define N(a) (sizeof(a) / sizeof((a)[0]))

static const SegUnit set_a[] = {{10, 0, 0}, {0, 10, 0}, {5, 5, 0}};
static const SegUnit set_b[] = {{10, 0, 0}, {0, 20, 0}, {7, 0, 0}, {0, 3, 0}};
static const SegUnit set_c[] = {{2, 6, 0}, {5, 15, 0}, {1, 3, 0}};
static const SegUnit set_d[] = {{3, 1, 0}, {1, 3, 0}};
static const SegUnit set_e[] = {{1, 3, 0}, {3, 1, 0}, {0, 4, 0}, {2, 2, 0}};
static const SegUnit set_f[] = {{1, 3, 0}, {3, 1, 0}, {0, 4, 0}};

/* Set A with zero-population units before, between and after its units. */
static const SegUnit set_a_zeros[] = {
	{0, 0, 0}, {10, 0, 0}, {0, 0, 0}, {0, 10, 0}, {0, 0, 0}, {5, 5, 0}, {0, 0, 0}
};

/* ---------------------------------------------------------------------- */
/* helpers                                                                */
/* ---------------------------------------------------------------------- */

/* The sums the additive indices need, skipping t = 0 as callers must. */
typedef struct Sums
{
	double		X,
				Y,
				iso,
				inter,
				ent,
				atk;
} Sums;

static Sums
sums_of(const SegUnit *u, size_t n, double shape)
{
	Sums		s = {0, 0, 0, 0, 0, 0};

	for (size_t i = 0; i < n; i++)
	{
		if (!(u[i].x + u[i].y > 0.0))
			continue;
		s.X += u[i].x;
		s.Y += u[i].y;
		s.iso += seg_term_isolation(u[i].x, u[i].y);
		s.inter += seg_term_interaction(u[i].x, u[i].y);
		s.ent += seg_term_entropy(u[i].x, u[i].y);
		s.atk += seg_term_atkinson(u[i].x, u[i].y, shape);
	}
	return s;
}

static double
isolation_of(const SegUnit *u, size_t n)
{
	Sums		s = sums_of(u, n, 0.5);

	return seg_isolation(s.X, s.Y, s.iso);
}

static double
interaction_of(const SegUnit *u, size_t n)
{
	Sums		s = sums_of(u, n, 0.5);

	return seg_interaction(s.X, s.Y, s.inter);
}

static double
correlation_ratio_of(const SegUnit *u, size_t n)
{
	Sums		s = sums_of(u, n, 0.5);

	return seg_correlation_ratio(s.X, s.Y, s.iso);
}

static double
theil_of(const SegUnit *u, size_t n)
{
	Sums		s = sums_of(u, n, 0.5);

	return seg_theil(s.X, s.Y, s.ent);
}

static double
atkinson_of(const SegUnit *u, size_t n, double shape)
{
	Sums		s = sums_of(u, n, shape);

	return seg_atkinson(s.X, s.Y, s.atk, shape);
}

static double
gini_of(const SegUnit *u, size_t n)
{
	double	   *scratch = malloc(2 * (n + 1) * sizeof(double));
	double		g = seg_gini(u, n, scratch);

	free(scratch);
	return g;
}

/* Copies, sorts by area, returns ACO (which = 0) or RCO (which = 1). */
static double
concentration_of(const SegUnit *u, size_t n, int which)
{
	SegUnit    *c = malloc((n + 1) * sizeof(SegUnit));
	double		r;

	memcpy(c, u, n * sizeof(SegUnit));
	seg_sort_by_area(c, n);
	r = which == 0 ? seg_absolute_concentration(c, n)
		: seg_relative_concentration(c, n);
	free(c);
	return r;
}

static double
aco_of(const SegUnit *u, size_t n)
{
	return concentration_of(u, n, 0);
}

static double
rco_of(const SegUnit *u, size_t n)
{
	return concentration_of(u, n, 1);
}

static void
shuffle(SegUnit *u, size_t n, UnitRng *rng)
{
	for (size_t i = n; i > 1; i--)
	{
		size_t		j = unit_rng_below(rng, (uint32_t) i);
		SegUnit		tmp = u[i - 1];

		u[i - 1] = u[j];
		u[j] = tmp;
	}
}

/* ---------------------------------------------------------------------- */
/* e(q) and the per-unit terms                                            */
/* ---------------------------------------------------------------------- */

static void
test_binary_entropy(void)
{
	/* e(0) = e(1) = 0 by definition (0 ln 0 = 0) */
	CHECK(seg_binary_entropy(0.0) == 0.0);
	CHECK(seg_binary_entropy(1.0) == 0.0);
	/* e(1/2) = -2 (1/2) ln(1/2) = ln 2 */
	CHECK_CLOSE(seg_binary_entropy(0.5), log(2.0), TOL);
	/* e(1/4) = -(1/4) ln(1/4) - (3/4) ln(3/4) = (1/4) 2 ln 2 + (3/4)(2 ln 2 - ln 3)
	 *        = 2 ln 2 - (3/4) ln 3 */
	CHECK_CLOSE(seg_binary_entropy(0.25), 2 * log(2.0) - 0.75 * log(3.0), TOL);
	/* symmetric: e(3/4) = e(1/4) */
	CHECK_CLOSE(seg_binary_entropy(0.75), 2 * log(2.0) - 0.75 * log(3.0), TOL);
	/* e(1/10) = (1/10) ln 10 + (9/10) ln(10/9) = ln 10 - (9/10) ln 9 */
	CHECK_CLOSE(seg_binary_entropy(0.1), log(10.0) - 0.9 * log(9.0), TOL);
}

static void
test_term_isolation(void)
{
	/* x^2 / t = 100 / 15 = 20/3 */
	CHECK_CLOSE(seg_term_isolation(10, 5), 20.0 / 3.0, TOL);
	/* 0^2 / 5 = 0 */
	CHECK(seg_term_isolation(0, 5) == 0.0);
	/* 16 / 4 = 4 (= x when the unit is all group A) */
	CHECK_CLOSE(seg_term_isolation(4, 0), 4.0, TOL);
}

static void
test_term_interaction(void)
{
	/* x y / t = 50 / 15 = 10/3 */
	CHECK_CLOSE(seg_term_interaction(10, 5), 10.0 / 3.0, TOL);
	/* one group absent: 0 */
	CHECK(seg_term_interaction(4, 0) == 0.0);
	CHECK(seg_term_interaction(0, 4) == 0.0);
	/* 2*2/4 = 1 */
	CHECK_CLOSE(seg_term_interaction(2, 2), 1.0, TOL);
}

static void
test_term_entropy(void)
{
	/* t e(p) = 4 e(1/4) = 4 (2 ln 2 - (3/4) ln 3) = 8 ln 2 - 3 ln 3 */
	CHECK_CLOSE(seg_term_entropy(1, 3), 8 * log(2.0) - 3 * log(3.0), TOL);
	CHECK_CLOSE(seg_term_entropy(3, 1), 8 * log(2.0) - 3 * log(3.0), TOL);
	/* 4 e(1/2) = 4 ln 2 */
	CHECK_CLOSE(seg_term_entropy(2, 2), 4 * log(2.0), TOL);
	/* single-group units: t e(0) = t e(1) = 0 */
	CHECK(seg_term_entropy(5, 0) == 0.0);
	CHECK(seg_term_entropy(0, 5) == 0.0);
}

static void
test_term_atkinson(void)
{
	/* (1-p)^(1-b) p^b t, p = 1/4, b = 1/2: sqrt(3/4 * 1/4) * 4 = sqrt(3) */
	CHECK_CLOSE(seg_term_atkinson(1, 3, 0.5), sqrt(3.0), TOL);
	/* p = 3/4, b = 1/4: (1/4)^(3/4) (3/4)^(1/4) 4 = 4^(-1) 3^(1/4) 4 = 3^(1/4) */
	CHECK_CLOSE(seg_term_atkinson(3, 1, 0.25), pow(3.0, 0.25), TOL);
	/* p = 1/4, b = 1/4: (3/4)^(3/4) (1/4)^(1/4) 4 = 3^(3/4) */
	CHECK_CLOSE(seg_term_atkinson(1, 3, 0.25), pow(3.0, 0.75), TOL);
	/* p = 1/2: (1/2)^(1-b) (1/2)^b t = t/2 for every b */
	CHECK_CLOSE(seg_term_atkinson(2, 2, 0.5), 2.0, TOL);
	CHECK_CLOSE(seg_term_atkinson(2, 2, 0.1), 2.0, TOL);
	CHECK_CLOSE(seg_term_atkinson(2, 2, 0.9), 2.0, TOL);
	/* single-group units: 0^b or 0^(1-b) = 0 */
	CHECK(seg_term_atkinson(0, 5, 0.5) == 0.0);
	CHECK(seg_term_atkinson(5, 0, 0.5) == 0.0);
	CHECK(seg_term_atkinson(5, 0, 0.25) == 0.0);
}

static void
test_totals(void)
{
	const SegUnit u[] = {{1, 2, 0.5}, {3, 0, 0.25}, {0, 4, 2}};
	double		X,
				Y,
				A;

	seg_totals(u, N(u), &X, &Y, &A);
	/* X = 1+3+0, Y = 2+0+4, A = 0.5+0.25+2 */
	CHECK(X == 4.0);
	CHECK(Y == 6.0);
	CHECK(A == 2.75);
	seg_totals(u, 0, &X, &Y, &A);
	CHECK(X == 0.0 && Y == 0.0 && A == 0.0);
}

/* ---------------------------------------------------------------------- */
/* indices from sums                                                      */
/* ---------------------------------------------------------------------- */

static void
test_isolation(void)
{
	/* A: (100/10 + 0/10 + 25/10) / 15 = 12.5 / 15 = 5/6 */
	CHECK_CLOSE(isolation_of(set_a, N(set_a)), 5.0 / 6.0, TOL);
	/* B: (100/10 + 49/7) / 17 = 17/17 = 1 */
	CHECK_CLOSE(isolation_of(set_b, N(set_b)), 1.0, TOL);
	/* C: (4/8 + 25/20 + 1/4) / 8 = 2/8 = 1/4 = P */
	CHECK_CLOSE(isolation_of(set_c, N(set_c)), 0.25, TOL);
	/* E: (1/4 + 9/4 + 0 + 4/4) / 6 = (7/2) / 6 = 7/12 */
	CHECK_CLOSE(isolation_of(set_e, N(set_e)), 7.0 / 12.0, TOL);
	/* zero-population units change nothing */
	CHECK_CLOSE(isolation_of(set_a_zeros, N(set_a_zeros)), 5.0 / 6.0, TOL);
	/* direct: X = 15, Y = 15, sum = 12.5 */
	CHECK_CLOSE(seg_isolation(15, 15, 12.5), 5.0 / 6.0, TOL);
	/* a group with zero total */
	CHECK(isnan(seg_isolation(0, 15, 0)));
	CHECK(isnan(seg_isolation(15, 0, 15)));
	CHECK(isnan(seg_isolation(0, 0, 0)));
}

static void
test_interaction(void)
{
	/* A: (0 + 0 + 25/10) / 15 = 1/6 */
	CHECK_CLOSE(interaction_of(set_a, N(set_a)), 1.0 / 6.0, TOL);
	/* B: no unit holds both groups: 0 */
	CHECK_CLOSE(interaction_of(set_b, N(set_b)), 0.0, TOL);
	/* C: (12/8 + 75/20 + 3/4) / 8 = 6/8 = 3/4 = 1 - P */
	CHECK_CLOSE(interaction_of(set_c, N(set_c)), 0.75, TOL);
	/* E: (3/4 + 3/4 + 0 + 4/4) / 6 = (5/2) / 6 = 5/12  (= 1 - 7/12) */
	CHECK_CLOSE(interaction_of(set_e, N(set_e)), 5.0 / 12.0, TOL);
	CHECK_CLOSE(interaction_of(set_a_zeros, N(set_a_zeros)), 1.0 / 6.0, TOL);
	CHECK(isnan(seg_interaction(0, 15, 0)));
	CHECK(isnan(seg_interaction(15, 0, 0)));
}

static void
test_correlation_ratio(void)
{
	/* A: (5/6 - 1/2) / (1 - 1/2) = (1/3) / (1/2) = 2/3 */
	CHECK_CLOSE(correlation_ratio_of(set_a, N(set_a)), 2.0 / 3.0, TOL);
	/* B: (1 - P) / (1 - P) = 1 */
	CHECK_CLOSE(correlation_ratio_of(set_b, N(set_b)), 1.0, TOL);
	/* C: (1/4 - 1/4) / (3/4) = 0 */
	CHECK_CLOSE(correlation_ratio_of(set_c, N(set_c)), 0.0, TOL);
	/* E: (7/12 - 3/8) / (5/8) = (5/24) (8/5) = 1/3 */
	CHECK_CLOSE(correlation_ratio_of(set_e, N(set_e)), 1.0 / 3.0, TOL);
	CHECK_CLOSE(correlation_ratio_of(set_a_zeros, N(set_a_zeros)), 2.0 / 3.0, TOL);
	CHECK(isnan(seg_correlation_ratio(0, 15, 0)));
	CHECK(isnan(seg_correlation_ratio(15, 0, 15)));
}

static void
test_theil(void)
{
	/* A: e(P) = ln 2; sum t_i e(p_i) = 10*0 + 10*0 + 10 ln 2;
	 * H = (30 ln 2 - 10 ln 2) / (30 ln 2) = 2/3 */
	CHECK_CLOSE(theil_of(set_a, N(set_a)), 2.0 / 3.0, TOL);
	/* B: every e(p_i) = 0, so H = T e(P) / (T e(P)) = 1 */
	CHECK_CLOSE(theil_of(set_b, N(set_b)), 1.0, TOL);
	/* C: every p_i = P, so H = 0 */
	CHECK_CLOSE(theil_of(set_c, N(set_c)), 0.0, TOL);
	/* D: e(3/4) = e(1/4) = 2 ln 2 - (3/4) ln 3, e(P) = ln 2;
	 * H = 1 - (2 ln 2 - (3/4) ln 3) / ln 2 = (3/4) log2(3) - 1 */
	CHECK_CLOSE(theil_of(set_d, N(set_d)), 0.75 * log(3.0) / log(2.0) - 1.0, TOL);
	CHECK_CLOSE(theil_of(set_a_zeros, N(set_a_zeros)), 2.0 / 3.0, TOL);
	/* direct: X = Y = 15, sum = 10 ln 2 */
	CHECK_CLOSE(seg_theil(15, 15, 10 * log(2.0)), 2.0 / 3.0, TOL);
	CHECK(isnan(seg_theil(0, 15, 0)));
	CHECK(isnan(seg_theil(15, 0, 0)));
	CHECK(isnan(seg_theil(0, 0, 0)));
}

static void
test_atkinson(void)
{
	double		r3 = pow(3.0, 0.25) + pow(3.0, 0.75);
	const double bad_shapes[] = {0.0, 1.0, -0.5, 1.5, -1.0, 2.0, NAN, INFINITY};

	/* A, b = 1/2: terms 0, 0, sqrt(1/4) 10 = 5; sum/(P T) = 5/15 = 1/3;
	 * ^(1/(1-b)) = ^2 = 1/9; P/(1-P) = 1; A = 1 - 1/9 = 8/9 */
	CHECK_CLOSE(atkinson_of(set_a, N(set_a), 0.5), 8.0 / 9.0, TOL);
	/* A, b = 1/4: the mixed unit's term is (1/2)^(3/4)(1/2)^(1/4) 10 = 5 again;
	 * A = 1 - (1/3)^(4/3) */
	CHECK_CLOSE(atkinson_of(set_a, N(set_a), 0.25), 1.0 - pow(3.0, -4.0 / 3.0), TOL);
	/* B: all terms 0: A = 1 for every shape */
	CHECK_CLOSE(atkinson_of(set_b, N(set_b), 0.5), 1.0, TOL);
	CHECK_CLOSE(atkinson_of(set_b, N(set_b), 0.25), 1.0, TOL);
	/* C: p_i = P: sum = (1-P)^(1-b) P^b T, so the power is (1-P)/P: A = 0 */
	CHECK_CLOSE(atkinson_of(set_c, N(set_c), 0.5), 0.0, TOL);
	CHECK_CLOSE(atkinson_of(set_c, N(set_c), 0.25), 0.0, TOL);
	CHECK_CLOSE(atkinson_of(set_c, N(set_c), 0.9), 0.0, TOL);
	/* D, b = 1/2: terms sqrt(3), sqrt(3); (2 sqrt(3) / 4)^2 = 12/16 = 3/4;
	 * P/(1-P) = 1; A = 1/4 */
	CHECK_CLOSE(atkinson_of(set_d, N(set_d), 0.5), 0.25, TOL);
	/* D, b = 1/4: terms 3^(1/4) (p = 3/4) and 3^(3/4) (p = 1/4);
	 * A = 1 - ((3^(1/4) + 3^(3/4)) / 4)^(4/3) */
	CHECK_CLOSE(atkinson_of(set_d, N(set_d), 0.25), 1.0 - pow(r3 / 4.0, 4.0 / 3.0), TOL);
	/* F, b = 1/2: terms sqrt(3), sqrt(3), 0; P T = 4; (2 sqrt(3)/4)^2 = 3/4;
	 * P/(1-P) = (1/3)/(2/3) = 1/2; A = 1 - 3/8 = 5/8 */
	CHECK_CLOSE(atkinson_of(set_f, N(set_f), 0.5), 5.0 / 8.0, TOL);
	/* F, b = 1/4: terms 3^(3/4) (p = 1/4), 3^(1/4) (p = 3/4), 0;
	 * A = 1 - (1/2) ((3^(1/4) + 3^(3/4)) / 4)^(4/3) */
	CHECK_CLOSE(atkinson_of(set_f, N(set_f), 0.25), 1.0 - 0.5 * pow(r3 / 4.0, 4.0 / 3.0), TOL);
	/* F, b = 3/4: terms (3/4)^(1/4)(1/4)^(3/4) 4 = 3^(1/4) and 3^(3/4): the
	 * same sum; exponent 1/(1-b) = 4: A = 1 - (1/2) (r3 / 4)^4 */
	CHECK_CLOSE(atkinson_of(set_f, N(set_f), 0.75), 1.0 - 0.5 * pow(r3 / 4.0, 4.0), TOL);
	/* zero-population units skipped */
	CHECK_CLOSE(atkinson_of(set_a_zeros, N(set_a_zeros), 0.5), 8.0 / 9.0, TOL);
	/* the default shape is 1/2 */
	CHECK(SEG_ATKINSON_DEFAULT_SHAPE == 0.5);
	/* direct: X = Y = 15, sum = 5, b = 1/2 */
	CHECK_CLOSE(seg_atkinson(15, 15, 5, 0.5), 8.0 / 9.0, TOL);
	/* shape outside (0, 1) */
	for (size_t i = 0; i < N(bad_shapes); i++)
		CHECK(isnan(seg_atkinson(15, 15, 5, bad_shapes[i])));
	/* a group with zero total */
	CHECK(isnan(seg_atkinson(0, 15, 0, 0.5)));
	CHECK(isnan(seg_atkinson(15, 0, 0, 0.5)));
}

/* ---------------------------------------------------------------------- */
/* indices from units                                                     */
/* ---------------------------------------------------------------------- */

static void
test_dissimilarity(void)
{
	const SegUnit only_a[] = {{5, 0, 0}, {3, 0, 0}};
	const SegUnit only_b[] = {{0, 5, 0}, {0, 3, 0}};
	const SegUnit empty[] = {{0, 0, 0}, {0, 0, 0}};

	/* A: (1/2)(|10/15 - 0| + |0 - 10/15| + |5/15 - 5/15|) = (1/2)(4/3) = 2/3 */
	CHECK_CLOSE(seg_dissimilarity(set_a, N(set_a)), 2.0 / 3.0, TOL);
	/* B: (1/2)(10/17 + 20/23 + 7/17 + 3/23) = (1/2)(1 + 1) = 1 */
	CHECK_CLOSE(seg_dissimilarity(set_b, N(set_b)), 1.0, TOL);
	/* C: x_i/X = y_i/Y = 1/4, 5/8, 1/8: 0 */
	CHECK_CLOSE(seg_dissimilarity(set_c, N(set_c)), 0.0, TOL);
	/* D: (1/2)(|3/4 - 1/4| + |1/4 - 3/4|) = 1/2 */
	CHECK_CLOSE(seg_dissimilarity(set_d, N(set_d)), 0.5, TOL);
	/* E: |1/6-3/10| + |3/6-1/10| + |0-4/10| + |2/6-2/10|
	 *  = 4/30 + 12/30 + 12/30 + 4/30 = 32/30; half: 8/15 */
	CHECK_CLOSE(seg_dissimilarity(set_e, N(set_e)), 8.0 / 15.0, TOL);
	CHECK_CLOSE(seg_dissimilarity(set_a_zeros, N(set_a_zeros)), 2.0 / 3.0, TOL);
	CHECK(isnan(seg_dissimilarity(only_a, N(only_a))));
	CHECK(isnan(seg_dissimilarity(only_b, N(only_b))));
	CHECK(isnan(seg_dissimilarity(empty, N(empty))));
	CHECK(isnan(seg_dissimilarity(set_a, 0)));
}

static void
test_gorard(void)
{
	const SegUnit only_b[] = {{0, 5, 0}, {0, 3, 0}};
	const SegUnit only_a[] = {{5, 0, 0}, {3, 0, 0}};

	/* A: t_i/T = 1/3 each; |2/3 - 1/3| + |0 - 1/3| + |1/3 - 1/3| = 2/3; half: 1/3 */
	CHECK_CLOSE(seg_gorard(set_a, N(set_a)), 1.0 / 3.0, TOL);
	/* B: |10/17 - 10/40| + |0 - 20/40| + |7/17 - 7/40| + |0 - 3/40|
	 *  = (1 - 17/40) + 23/40 = 46/40; half: 23/40 (= 1 - P, the maximum) */
	CHECK_CLOSE(seg_gorard(set_b, N(set_b)), 23.0 / 40.0, TOL);
	/* C: x_i/X = t_i/T: 0 */
	CHECK_CLOSE(seg_gorard(set_c, N(set_c)), 0.0, TOL);
	/* E: t_i/T = 1/4 each; |1/6-1/4| + |3/6-1/4| + |0-1/4| + |2/6-1/4|
	 *  = 1/12 + 3/12 + 3/12 + 1/12 = 2/3; half: 1/3 */
	CHECK_CLOSE(seg_gorard(set_e, N(set_e)), 1.0 / 3.0, TOL);
	CHECK_CLOSE(seg_gorard(set_a_zeros, N(set_a_zeros)), 1.0 / 3.0, TOL);
	CHECK(isnan(seg_gorard(only_b, N(only_b))));
	CHECK(isnan(seg_gorard(only_a, N(only_a))));
	CHECK(isnan(seg_gorard(set_a, 0)));
}

static void
test_delta(void)
{
	const SegUnit u[] = {{10, 0, 1}, {0, 10, 3}, {5, 5, 1}};
	const SegUnit u_zero_area[] = {{0, 0, 0}, {10, 0, 1}, {0, 10, 3}, {0, 0, 0}, {5, 5, 1}};
	const SegUnit u_zero_pop[] = {{10, 0, 1}, {0, 10, 3}, {5, 5, 1}, {0, 0, 5}};
	const SegUnit prop[] = {{2, 9, 1}, {6, 0, 3}, {4, 1, 2}};
	const SegUnit full[] = {{5, 0, 0}, {0, 5, 4}};
	const SegUnit no_y[] = {{4, 0, 1}, {0, 0, 1}};
	const SegUnit no_x[] = {{0, 4, 1}, {0, 2, 1}};
	const SegUnit no_area[] = {{4, 1, 0}, {1, 2, 0}};

	/* X = 15, A = 5: |10/15 - 1/5| + |0 - 3/5| + |5/15 - 1/5|
	 *  = 7/15 + 9/15 + 2/15 = 18/15; half: 3/5 */
	CHECK_CLOSE(seg_delta(u, N(u)), 3.0 / 5.0, TOL);
	/* zero-population units with zero area change nothing */
	CHECK_CLOSE(seg_delta(u_zero_area, N(u_zero_area)), 3.0 / 5.0, TOL);
	/* by definition a unit without members still counts with its area:
	 * A = 10: |2/3 - 1/10| + |0 - 3/10| + |1/3 - 1/10| + |0 - 5/10|
	 *  = 17/30 + 9/30 + 7/30 + 15/30 = 48/30; half: 4/5 */
	CHECK_CLOSE(seg_delta(u_zero_pop, N(u_zero_pop)), 4.0 / 5.0, TOL);
	/* x proportional to area: 2/12 = 1/6, 6/12 = 3/6, 4/12 = 2/6: 0 */
	CHECK_CLOSE(seg_delta(prop, N(prop)), 0.0, TOL);
	/* all of group A on no area: (1/2)(|1 - 0| + |0 - 1|) = 1 */
	CHECK_CLOSE(seg_delta(full, N(full)), 1.0, TOL);
	/* only group A and area enter (Y = 0 is fine): X = 4, A = 2:
	 * (1/2)(|1 - 1/2| + |0 - 1/2|) = 1/2 */
	CHECK_CLOSE(seg_delta(no_y, N(no_y)), 0.5, TOL);
	/* undefined without group A or without area */
	CHECK(isnan(seg_delta(no_x, N(no_x))));
	CHECK(isnan(seg_delta(no_area, N(no_area))));
	CHECK(isnan(seg_delta(u, 0)));
}

/* O(n^2) Gini straight from the definition, skipping t = 0. */
static double
gini_brute(const SegUnit *u, size_t n)
{
	double		X = 0,
				T = 0,
				s = 0,
				P;

	for (size_t i = 0; i < n; i++)
	{
		X += u[i].x;
		T += u[i].x + u[i].y;
	}
	for (size_t i = 0; i < n; i++)
	{
		double		ti = u[i].x + u[i].y;

		if (!(ti > 0))
			continue;
		for (size_t j = 0; j < n; j++)
		{
			double		tj = u[j].x + u[j].y;

			if (!(tj > 0))
				continue;
			s += ti * tj * fabs(u[i].x / ti - u[j].x / tj);
		}
	}
	P = X / T;
	return s / (2 * T * T * P * (1 - P));
}

static void
test_gini(void)
{
	/* ties in p with different t: p = 1/2 (t 2), 1/2 (t 6), 1 (t 2), 0 (t 5) */
	SegUnit		ties[] = {{1, 1, 0}, {3, 3, 0}, {2, 0, 0}, {0, 5, 0}, {0, 0, 0}};
	const SegUnit only_a[] = {{5, 0, 0}, {3, 0, 0}};
	const SegUnit only_b[] = {{0, 5, 0}, {0, 0, 0}};
	double		scratch[2];
	UnitRng		rng = {42};

	/* A: p = 1, 0, 1/2, t = 10 each. sum over i<j of |p_i - p_j| = 1 + 1/2 + 1/2 = 2;
	 * double sum = 2 * 100 * 2 = 400; 2 T^2 P(1-P) = 2 * 900 / 4 = 450; G = 8/9 */
	CHECK_CLOSE(gini_of(set_a, N(set_a)), 8.0 / 9.0, TOL);
	/* B: p in {0, 1}: double sum = 2 (sum t, p = 1)(sum t, p = 0) = 2 X Y;
	 * 2 T^2 P(1-P) = 2 X Y; G = 1 */
	CHECK_CLOSE(gini_of(set_b, N(set_b)), 1.0, TOL);
	/* C: all p equal: 0 */
	CHECK_CLOSE(gini_of(set_c, N(set_c)), 0.0, TOL);
	/* D: double sum = 2 * 4 * 4 * 1/2 = 16; 2 * 64 / 4 = 32; G = 1/2 (= D) */
	CHECK_CLOSE(gini_of(set_d, N(set_d)), 0.5, TOL);
	/* E: p = 1/4, 3/4, 0, 1/2, t = 4 each; pairs i<j: 1/2 + 1/4 + 1/4 + 3/4
	 * + 1/4 + 1/2 = 5/2; double sum = 2 * 16 * 5/2 = 80;
	 * 2 T^2 P(1-P) = 2 * 256 * 15/64 = 120; G = 2/3 */
	CHECK_CLOSE(gini_of(set_e, N(set_e)), 2.0 / 3.0, TOL);
	/* ties: T = 15, X = 6, P = 2/5. pairs i<j, t_i t_j |p_i - p_j|:
	 * (2,6): 0; (2,2): 2*2/2 = 2; (2,5): 2*5/2 = 5; (6,2): 6*2/2 = 6;
	 * (6,5): 6*5/2 = 15; (2,5) p 1 vs 0: 10. Sum 38, double sum 76;
	 * 2 * 225 * (2/5)(3/5) = 108; G = 76/108 = 19/27 */
	CHECK_CLOSE(gini_of(ties, N(ties)), 19.0 / 27.0, TOL);
	CHECK_CLOSE(gini_of(set_a_zeros, N(set_a_zeros)), 8.0 / 9.0, TOL);
	/* order independence, ties included */
	for (int k = 0; k < 50; k++)
	{
		shuffle(ties, N(ties), &rng);
		CHECK_CLOSE(gini_of(ties, N(ties)), 19.0 / 27.0, TOL);
	}
	/* a group with zero total, and no unit at all */
	CHECK(isnan(gini_of(only_a, N(only_a))));
	CHECK(isnan(gini_of(only_b, N(only_b))));
	CHECK(isnan(seg_gini(set_a, 0, scratch)));
}

/* seg_gini against the O(n^2) definition on pseudo-random data. */
static void
test_gini_brute_force(void)
{
	const size_t sizes[] = {1, 2, 3, 17, 200, 300, 500};
	UnitRng		rng = {20240601};

	for (size_t k = 0; k < N(sizes); k++)
	{
		for (int rep = 0; rep < 3; rep++)
		{
			size_t		n = sizes[k];
			SegUnit    *u = malloc(n * sizeof(SegUnit));
			SegUnit    *copy = malloc(n * sizeof(SegUnit));
			/* small counts (many ties in p) or large ones */
			uint32_t	range = rep == 0 ? 6 : rep == 1 ? 200 : 100000;
			double		g;

			for (size_t i = 0; i < n; i++)
			{
				u[i].x = unit_rng_below(&rng, range);
				u[i].y = unit_rng_below(&rng, range);
				u[i].area = 0;
				if (unit_rng_below(&rng, 10) == 0)
					u[i].x = u[i].y = 0;	/* some empty units */
			}
			if (n == 1)
			{
				/* one unit: G = 0 when both groups are present */
				u[0].x = 3;
				u[0].y = 4;
			}
			memcpy(copy, u, n * sizeof(SegUnit));
			g = gini_of(u, n);
			CHECK_CLOSE(g, gini_brute(u, n), TOL);
			/* units is not changed */
			CHECK(memcmp(copy, u, n * sizeof(SegUnit)) == 0);
			/* order independence */
			shuffle(u, n, &rng);
			CHECK_CLOSE(gini_of(u, n), g, TOL);
			free(u);
			free(copy);
		}
	}
}

/* ---------------------------------------------------------------------- */
/* concentration                                                          */
/* ---------------------------------------------------------------------- */

static void
test_sort_by_area(void)
{
	/* ties in area broken by t, then x */
	SegUnit		u[] = {{1, 1, 2}, {0, 3, 2}, {5, 0, 1}, {2, 0, 2}, {1, 2, 2}, {0, 0, 0.5}};
	const SegUnit want[] = {{0, 0, 0.5}, {5, 0, 1}, {1, 1, 2}, {2, 0, 2}, {0, 3, 2}, {1, 2, 2}};
	UnitRng		rng = {7};

	for (int k = 0; k < 30; k++)
	{
		shuffle(u, N(u), &rng);
		seg_sort_by_area(u, N(u));
		CHECK(memcmp(u, want, sizeof(want)) == 0);
	}
}

static void
test_absolute_concentration(void)
{
	/* H1: (x, y, a) = (1,3,1) (2,2,2) (3,1,4); X = 6, t = 4 each.
	 * smallest units holding >= 6: t 4, 8 -> T1 = 8, S1 = 4*1 + 4*2 = 12, S1/T1 = 3/2
	 * largest units holding >= 6: T2 = 8, S2 = 4*4 + 4*2 = 24, S2/T2 = 3
	 * sum x a / X = (1 + 4 + 12)/6 = 17/6
	 * ACO = 1 - (17/6 - 9/6)/(3 - 3/2) = 1 - (4/3)(2/3) = 1/9 */
	const SegUnit h1[] = {{1, 3, 1}, {2, 2, 2}, {3, 1, 4}};

	/* H2 = (3,1,1) (2,2,2) (1,3,4): the same bounds; sum x a / X = (3+4+4)/6 = 11/6;
	 * ACO = 1 - (2/6)(2/3) = 7/9 */
	const SegUnit h2[] = {{3, 1, 1}, {2, 2, 2}, {1, 3, 4}};

	/* H3 = (4,0,1) (0,4,2) (0,4,3): X = 4 all in the smallest unit:
	 * S1/T1 = 4/4 = 1, S2/T2 = 12/4 = 3, sum x a / X = 1; ACO = 1 - 0/2 = 1 */
	const SegUnit h3[] = {{4, 0, 1}, {0, 4, 2}, {0, 4, 3}};

	/* H4 = (2,1,1) (1,4,2) (0,3,5) (1,0,7): X = 4, t = 3, 5, 3, 1.
	 * small: cumsum 3, 8 >= 4 -> T1 = 8, S1 = 3 + 10 = 13, S1/T1 = 13/8
	 * large: cumsum 1, 4 >= 4 -> T2 = 4, S2 = 7 + 15 = 22, S2/T2 = 11/2
	 * sum x a / X = (2 + 2 + 0 + 7)/4 = 11/4
	 * ACO = 1 - (22/8 - 13/8)/(44/8 - 13/8) = 1 - 9/31 = 22/31 */
	const SegUnit h4[] = {{2, 1, 1}, {1, 4, 2}, {0, 3, 5}, {1, 0, 7}};

	/* group A all in the largest unit: (0,2,0) (2,0,1): S1/T1 = 0, S2/T2 = 1,
	 * sum x a / X = 1: ACO = 1 - 1/1 = 0 */
	const SegUnit largest[] = {{0, 2, 0}, {2, 0, 1}};

	/* H4 with zero-population units at the small end, inside and at the large end */
	const SegUnit h4_zeros[] = {
		{0, 0, 0.5}, {2, 1, 1}, {0, 0, 1.5}, {1, 4, 2}, {0, 0, 3}, {0, 3, 5}, {1, 0, 7}, {0, 0, 9}
	};
	const SegUnit equal_area[] = {{1, 3, 2}, {2, 2, 2}, {3, 1, 2}};
	const SegUnit only_a[] = {{1, 0, 1}, {2, 0, 2}};
	const SegUnit only_b[] = {{0, 1, 1}, {0, 2, 2}};

	CHECK_CLOSE(aco_of(h1, N(h1)), 1.0 / 9.0, TOL);
	CHECK_CLOSE(aco_of(h2, N(h2)), 7.0 / 9.0, TOL);
	CHECK_CLOSE(aco_of(h3, N(h3)), 1.0, TOL);
	CHECK_CLOSE(aco_of(h4, N(h4)), 22.0 / 31.0, TOL);
	CHECK_CLOSE(aco_of(largest, N(largest)), 0.0, TOL);
	CHECK_CLOSE(aco_of(h4_zeros, N(h4_zeros)), 22.0 / 31.0, TOL);
	/* all areas equal: S1/T1 = S2/T2, undefined */
	CHECK(isnan(aco_of(equal_area, N(equal_area))));
	CHECK(isnan(aco_of(only_a, N(only_a))));
	CHECK(isnan(aco_of(only_b, N(only_b))));
	CHECK(isnan(aco_of(h1, 0)));
}

static void
test_relative_concentration(void)
{
	/* RCO = ((sum x a / X) / (sum y a / Y) - 1) / ((S1/T1) / (S2/T2) - 1);
	 * S1/T1 and S2/T2 as in test_absolute_concentration. */

	/* H1: sum y a / Y = (3 + 4 + 4)/6 = 11/6; (17/6)/(11/6) - 1 = 6/11;
	 * (3/2)/3 - 1 = -1/2; RCO = (6/11)/(-1/2) = -12/11 */
	const SegUnit h1[] = {{1, 3, 1}, {2, 2, 2}, {3, 1, 4}};

	/* H2: sum y a / Y = (1 + 4 + 12)/6 = 17/6; (11/6)/(17/6) - 1 = -6/17;
	 * RCO = (-6/17)/(-1/2) = 12/17 */
	const SegUnit h2[] = {{3, 1, 1}, {2, 2, 2}, {1, 3, 4}};

	/* H3: sum y a / Y = (8 + 12)/8 = 5/2; 1/(5/2) - 1 = -3/5; 1/3 - 1 = -2/3;
	 * RCO = (-3/5)/(-2/3) = 9/10 */
	const SegUnit h3[] = {{4, 0, 1}, {0, 4, 2}, {0, 4, 3}};

	/* H4: Y = 8, sum y a = 1 + 8 + 15 + 0 = 24, / Y = 3; (11/4)/3 - 1 = -1/12;
	 * (13/8)/(11/2) - 1 = 13/44 - 1 = -31/44; RCO = (1/12)(44/31) = 11/93 */
	const SegUnit h4[] = {{2, 1, 1}, {1, 4, 2}, {0, 3, 5}, {1, 0, 7}};
	const SegUnit h4_zeros[] = {
		{0, 0, 0.5}, {2, 1, 1}, {0, 0, 1.5}, {1, 4, 2}, {0, 0, 3}, {0, 3, 5}, {1, 0, 7}, {0, 0, 9}
	};
	const SegUnit equal_area[] = {{1, 3, 2}, {2, 2, 2}, {3, 1, 2}};

	/* group B only on zero area: sum y a = 0, undefined */
	const SegUnit no_ya[] = {{0, 2, 0}, {2, 0, 1}};
	const SegUnit only_a[] = {{1, 0, 1}, {2, 0, 2}};
	const SegUnit only_b[] = {{0, 1, 1}, {0, 2, 2}};

	CHECK_CLOSE(rco_of(h1, N(h1)), -12.0 / 11.0, TOL);
	CHECK_CLOSE(rco_of(h2, N(h2)), 12.0 / 17.0, TOL);
	CHECK_CLOSE(rco_of(h3, N(h3)), 9.0 / 10.0, TOL);
	CHECK_CLOSE(rco_of(h4, N(h4)), 11.0 / 93.0, TOL);
	CHECK_CLOSE(rco_of(h4_zeros, N(h4_zeros)), 11.0 / 93.0, TOL);
	CHECK(isnan(rco_of(equal_area, N(equal_area))));
	CHECK(isnan(rco_of(no_ya, N(no_ya))));
	CHECK(isnan(rco_of(only_a, N(only_a))));
	CHECK(isnan(rco_of(only_b, N(only_b))));
	CHECK(isnan(rco_of(h1, 0)));
}

/* Tied areas: the result must not depend on the input order. */
static void
test_concentration_order_independence(void)
{
	SegUnit		u[] = {
		{3, 1, 1}, {0, 4, 1}, {2, 2, 2}, {1, 5, 2}, {4, 0, 2}, {0, 0, 2},
		{2, 3, 3}, {5, 1, 3}, {1, 1, 3}, {0, 6, 5}, {2, 2, 5}, {3, 0, 8}
	};
	UnitRng		rng = {99};
	double		aco = aco_of(u, N(u));
	double		rco = rco_of(u, N(u));

	CHECK(!isnan(aco));
	CHECK(!isnan(rco));
	for (int k = 0; k < 100; k++)
	{
		shuffle(u, N(u), &rng);
		/* the sort is total on distinct units, so the result is bit-identical */
		CHECK(aco_of(u, N(u)) == aco);
		CHECK(rco_of(u, N(u)) == rco);
	}
}

/*
 * Regression test: with all areas equal but not exactly representable (0.1,
 * or 0.01 km^2 grid cells), S1/T1 and S2/T2 differ in the last bit; ACO/RCO
 * must still be undefined (NAN), not a ratio of rounding errors.
 */
static void
test_concentration_equal_inexact_areas(void)
{
	/* t = 39 and 43, X = 25: lo = (39*0.1)/39 = 0.1 but hi = (43*0.1)/43 =
	 * 0.09999999999999999; a naive hi == lo test returned ACO = 1, RCO = -0.5 */
	const SegUnit tenth[] = {{6, 33, 0.1}, {19, 24, 0.1}};

	/* core returns ACO = 0.5, RCO = -0 */
	const SegUnit grid[] = {{21, 5, 0.01}, {14, 28, 0.01}, {46, 1, 0.01}, {29, 38, 0.01}};

	CHECK(isnan(aco_of(tenth, N(tenth))));
	CHECK(isnan(rco_of(tenth, N(tenth))));
	CHECK(isnan(aco_of(grid, N(grid))));
	CHECK(isnan(rco_of(grid, N(grid))));
}

/*
 * PySAL's absolute and relative concentration, transcribed (indices 0-based,
 * n1 and n2_aux are counts as in PySAL's "+1").  Distinct areas only: then
 * des is asc reversed.
 */
static const double *pysal_key;

static int
cmp_key(const void *a, const void *b)
{
	double		ka = pysal_key[*(const size_t *) a];
	double		kb = pysal_key[*(const size_t *) b];

	return (ka > kb) - (ka < kb);
}

static void
argsort(const double *key, size_t n, size_t *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = i;
	pysal_key = key;
	qsort(out, n, sizeof(size_t), cmp_key);
}

static void
pysal_concentration(const SegUnit *u, size_t n, double *aco, double *rco)
{
	double	   *x = malloc(n * sizeof(double));
	double	   *y = malloc(n * sizeof(double));
	double	   *t = malloc(n * sizeof(double));
	double	   *area = malloc(n * sizeof(double));
	double	   *neg_area = malloc(n * sizeof(double));
	size_t	   *asc = malloc(n * sizeof(size_t));
	size_t	   *des = malloc(n * sizeof(size_t));
	double		X = 0,
				Y = 0,
				cum,
				T1 = 0,
				T2 = 0,
				xa = 0,
				ya = 0,
				small = 0,
				large = 0,
				small_ta = 0,
				large_ta = 0;
	size_t		n1 = 0,
				n2_aux = 0,
				n2;

	for (size_t i = 0; i < n; i++)
	{
		x[i] = u[i].x;
		y[i] = u[i].y;
		t[i] = u[i].x + u[i].y;
		area[i] = u[i].area;
		neg_area[i] = -u[i].area;
		X += x[i];
		Y += y[i];
	}
	argsort(area, n, asc);		/* asc = area.argsort() */
	argsort(neg_area, n, des);	/* des = (-area).argsort() */

	/* n1 = np.where(cumsum(t[asc]) >= X)[0][0] + 1 */
	cum = 0;
	for (size_t i = 0; i < n; i++)
	{
		cum += t[asc[i]];
		if (cum >= X)
		{
			n1 = i + 1;
			break;
		}
	}
	/* n2_aux likewise over t[des]; n2 = n - n2_aux */
	cum = 0;
	for (size_t i = 0; i < n; i++)
	{
		cum += t[des[i]];
		if (cum >= X)
		{
			n2_aux = i + 1;
			break;
		}
	}
	n2 = n - n2_aux;

	/* T1 = t[asc][0:n1].sum(); T2 = t[asc][n2:n].sum() */
	for (size_t i = 0; i < n1; i++)
		T1 += t[asc[i]];
	for (size_t i = n2; i < n; i++)
		T2 += t[asc[i]];

	/* (x*area/X).sum(), (y*area/Y).sum() */
	for (size_t i = 0; i < n; i++)
	{
		xa += x[i] * area[i] / X;
		ya += y[i] * area[i] / Y;
	}
	/* (t[asc]*area[asc]/T1)[0:n1].sum(), (t[asc]*area[asc]/T2)[n2:n].sum() */
	for (size_t i = 0; i < n1; i++)
		small += t[asc[i]] * area[asc[i]] / T1;
	for (size_t i = n2; i < n; i++)
		large += t[asc[i]] * area[asc[i]] / T2;
	*aco = 1 - (xa - small) / (large - small);

	/* (t*area)[asc][0:n1].sum() / T1, (t*area)[asc][n2:n].sum() / T2 */
	for (size_t i = 0; i < n1; i++)
		small_ta += t[asc[i]] * area[asc[i]];
	for (size_t i = n2; i < n; i++)
		large_ta += t[asc[i]] * area[asc[i]];
	*rco = ((xa / ya) - 1) / (((small_ta / T1) / (large_ta / T2)) - 1);

	free(x);
	free(y);
	free(t);
	free(area);
	free(neg_area);
	free(asc);
	free(des);
}

static void
test_concentration_vs_pysal(void)
{
	const size_t sizes[] = {2, 3, 5, 10, 40, 150, 403};
	UnitRng		rng = {31337};

	for (size_t k = 0; k < N(sizes); k++)
	{
		for (int rep = 0; rep < 4; rep++)
		{
			size_t		n = sizes[k];
			SegUnit    *u = malloc(n * sizeof(SegUnit));
			double		want_aco,
						want_rco,
						aco,
						rco;

			for (size_t i = 0; i < n; i++)
			{
				/*
				 * distinct areas: i * 0.731 plus noise below the spacing;
				 * group A skewed towards small or large areas depending on
				 * rep
				 */
				double		bias = rep % 2 == 0 ? (double) i / n : 1.0 - (double) i / n;

				u[i].area = 0.25 + 0.731 * i + 0.5 * unit_rng_double(&rng);
				u[i].x = unit_rng_below(&rng, 1 + (uint32_t) (300 * bias));
				u[i].y = unit_rng_below(&rng, 300);
				if (rep == 3 && unit_rng_below(&rng, 8) == 0)
					u[i].x = u[i].y = 0;	/* empty units */
			}
			/* make sure both groups are present */
			u[0].x += 1;
			u[n - 1].y += 1;
			shuffle(u, n, &rng);

			pysal_concentration(u, n, &want_aco, &want_rco);
			aco = aco_of(u, n);
			rco = rco_of(u, n);
			CHECK_CLOSE(aco, want_aco, TOL * fmax(1.0, fabs(want_aco)));
			CHECK_CLOSE(rco, want_rco, TOL * fmax(1.0, fabs(want_rco)));
			free(u);
		}
	}
}

const UnitTest unit_indices_tests[] = {
	UNIT_TEST(test_binary_entropy),
	UNIT_TEST(test_term_isolation),
	UNIT_TEST(test_term_interaction),
	UNIT_TEST(test_term_entropy),
	UNIT_TEST(test_term_atkinson),
	UNIT_TEST(test_totals),
	UNIT_TEST(test_isolation),
	UNIT_TEST(test_interaction),
	UNIT_TEST(test_correlation_ratio),
	UNIT_TEST(test_theil),
	UNIT_TEST(test_atkinson),
	UNIT_TEST(test_dissimilarity),
	UNIT_TEST(test_gorard),
	UNIT_TEST(test_delta),
	UNIT_TEST(test_gini),
	UNIT_TEST(test_gini_brute_force),
	UNIT_TEST(test_sort_by_area),
	UNIT_TEST(test_absolute_concentration),
	UNIT_TEST(test_relative_concentration),
	UNIT_TEST(test_concentration_order_independence),
	UNIT_TEST(test_concentration_vs_pysal),
	UNIT_TEST(test_concentration_equal_inexact_areas),
	{NULL, NULL}
};
