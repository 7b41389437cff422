/*
 * indices.c — two-group segregation indices, plain C (see indices.h).
 *
 * Formulas and sources: docs/segregation.md.  Each function follows the
 * published definition; where PySAL's implementation makes a choice the paper
 * leaves open (the cut-offs n1, n2 of the concentration indices) we make the
 * same choice, so that results agree with PySAL's test values.
 */
#include "indices.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

double
seg_binary_entropy(double q)
{
	if (q <= 0.0 || q >= 1.0)
		return 0.0;
	return -q * log(q) - (1.0 - q) * log(1.0 - q);
}

double
seg_term_entropy(double x, double y)
{
	double		t = x + y;

	return t * seg_binary_entropy(x / t);
}

double
seg_term_atkinson(double x, double y, double shape)
{
	double		t = x + y;
	double		p = x / t;

	return pow(1.0 - p, 1.0 - shape) * pow(p, shape) * t;
}

/* Both groups must be present for any two-group index to be defined. */
static int
seg_groups_present(double X, double Y)
{
	return X > 0.0 && Y > 0.0;
}

/* Bell 1954 / Lieberson 1981: xPx = sum (x_i/X)(x_i/t_i). */
double
seg_isolation(double X, double Y, double sum_isolation)
{
	if (!seg_groups_present(X, Y))
		return NAN;
	return sum_isolation / X;
}

/* Bell 1954 / Lieberson 1981: xPy = sum (x_i/X)(y_i/t_i). */
double
seg_interaction(double X, double Y, double sum_interaction)
{
	if (!seg_groups_present(X, Y))
		return NAN;
	return sum_interaction / X;
}

/* Bell 1954: eta^2 = (xPx - P) / (1 - P). */
double
seg_correlation_ratio(double X, double Y, double sum_isolation)
{
	double		P;

	if (!seg_groups_present(X, Y))
		return NAN;
	P = X / (X + Y);
	return (sum_isolation / X - P) / (1.0 - P);
}

/* Theil 1972: H = sum t_i (e(P) - e(p_i)) / (T e(P)). */
double
seg_theil(double X, double Y, double sum_entropy)
{
	double		T = X + Y;
	double		E;

	if (!seg_groups_present(X, Y))
		return NAN;
	E = seg_binary_entropy(X / T);
	if (!(E > 0.0))
		return NAN;
	return (T * E - sum_entropy) / (T * E);
}

/*
 * Atkinson 1970, in the form of James & Taeuber 1985:
 * A = 1 - P/(1-P) |sum (1-p_i)^(1-b) p_i^b t_i / (P T)|^(1/(1-b)).
 */
double
seg_atkinson(double X, double Y, double sum_atkinson, double shape)
{
	double		T = X + Y;
	double		P;

	if (!seg_groups_present(X, Y) || !(shape > 0.0 && shape < 1.0))
		return NAN;
	P = X / T;
	return 1.0 - (P / (1.0 - P)) *
		pow(fabs(sum_atkinson / (P * T)), 1.0 / (1.0 - shape));
}

void
seg_totals(const SegUnit *units, size_t n, double *X, double *Y, double *A)
{
	double		sx = 0.0,
				sy = 0.0,
				sa = 0.0;

	for (size_t i = 0; i < n; i++)
	{
		sx += units[i].x;
		sy += units[i].y;
		sa += units[i].area;
	}
	*X = sx;
	*Y = sy;
	*A = sa;
}

/* Duncan & Duncan 1955: D = 1/2 sum |x_i/X - y_i/Y|. */
double
seg_dissimilarity(const SegUnit *units, size_t n)
{
	double		X,
				Y,
				A,
				s = 0.0;

	seg_totals(units, n, &X, &Y, &A);
	if (!seg_groups_present(X, Y))
		return NAN;
	for (size_t i = 0; i < n; i++)
		s += fabs(units[i].x / X - units[i].y / Y);
	return 0.5 * s;
}

/* Gorard 2000: G = 1/2 sum |x_i/X - t_i/T|. */
double
seg_gorard(const SegUnit *units, size_t n)
{
	double		X,
				Y,
				A,
				T,
				s = 0.0;

	seg_totals(units, n, &X, &Y, &A);
	if (!seg_groups_present(X, Y))
		return NAN;
	T = X + Y;
	for (size_t i = 0; i < n; i++)
		s += fabs(units[i].x / X - (units[i].x + units[i].y) / T);
	return 0.5 * s;
}

/*
 * Duncan, Cuzzort & Duncan 1961: Delta = 1/2 sum |x_i/X - a_i/A|.
 * Only group A and the areas enter; units without members still count with
 * their area.
 */
double
seg_delta(const SegUnit *units, size_t n)
{
	double		X,
				Y,
				A,
				s = 0.0;

	seg_totals(units, n, &X, &Y, &A);
	if (!(X > 0.0) || !(A > 0.0))
		return NAN;
	for (size_t i = 0; i < n; i++)
		s += fabs(units[i].x / X - units[i].area / A);
	return 0.5 * s;
}

/* (share, total) pairs sorted by share for the Gini index. */
static int
cmp_share_pair(const void *a, const void *b)
{
	double		pa = ((const double *) a)[0];
	double		pb = ((const double *) b)[0];

	return (pa > pb) - (pa < pb);
}

/*
 * Sorts m (key, payload) pairs by key, keys non-negative doubles, with an
 * LSD radix sort on the key's bit pattern (for non-negative IEEE doubles
 * the unsigned bit order is the numeric order): 6 passes of 11 bits, passes
 * whose digit is the same for every key skipped.  Several times faster than
 * qsort on the millions of units of a city's blocks.  Falls back to qsort
 * for small inputs or if the temporary buffer cannot be had.
 */
#define RADIX_BITS 11
#define RADIX_SIZE (1 << RADIX_BITS)

static void
sort_pairs_by_key(double *pairs, size_t m)
{
	uint64_t   *a = (uint64_t *) pairs;
	uint64_t   *tmp;
	size_t	   *count;

	if (m < 1024 || (tmp = malloc(m * 2 * sizeof(uint64_t))) == NULL)
	{
		qsort(pairs, m, 2 * sizeof(double), cmp_share_pair);
		return;
	}
	if ((count = malloc(RADIX_SIZE * sizeof(size_t))) == NULL)
	{
		free(tmp);
		qsort(pairs, m, 2 * sizeof(double), cmp_share_pair);
		return;
	}
	for (int shift = 0; shift < 64; shift += RADIX_BITS)
	{
		size_t		sum = 0;
		uint64_t   *swap;
		int			one_digit = 0;

		memset(count, 0, RADIX_SIZE * sizeof(size_t));
		for (size_t i = 0; i < m; i++)
			count[(a[2 * i] >> shift) & (RADIX_SIZE - 1)]++;
		for (int d = 0; d < RADIX_SIZE; d++)
		{
			size_t		c = count[d];

			if (c == m)
				one_digit = 1;
			count[d] = sum;
			sum += c;
		}
		if (one_digit)
			continue;
		for (size_t i = 0; i < m; i++)
		{
			size_t		j = count[(a[2 * i] >> shift) & (RADIX_SIZE - 1)]++;

			tmp[2 * j] = a[2 * i];
			tmp[2 * j + 1] = a[2 * i + 1];
		}
		swap = a;
		a = tmp;
		tmp = swap;
	}
	if (a != (uint64_t *) pairs)
	{
		memcpy(pairs, a, m * 2 * sizeof(uint64_t));
		tmp = a;
	}
	free(tmp);
	free(count);
}

double
seg_pairwise_abs_diff(double *pairs, size_t m)
{
	double		W = 0.0,
				V = 0.0,
				sum = 0.0;

	sort_pairs_by_key(pairs, m);
	for (size_t j = 0; j < m; j++)
	{
		double		p = pairs[2 * j];
		double		w = pairs[2 * j + 1];

		sum += w * (p * W - V);
		W += w;
		V += p * w;
	}
	return sum;
}

/*
 * Gini (Duncan & Duncan 1955):
 *   G = sum_i sum_j t_i t_j |p_i - p_j| / (2 T^2 P (1-P)).
 * After sorting by p, the double sum is 2 sum_j t_j (p_j W_j - V_j) with
 * W_j = sum_{i<j} t_i and V_j = sum_{i<j} x_i, so the cost is the sort.
 */
double
seg_gini(const SegUnit *units, size_t n, double *scratch)
{
	double		X = 0.0,
				T = 0.0,
				P;
	size_t		m = 0;

	for (size_t i = 0; i < n; i++)
	{
		double		t = units[i].x + units[i].y;

		if (!(t > 0.0))
			continue;
		scratch[2 * m] = units[i].x / t;
		scratch[2 * m + 1] = t;
		X += units[i].x;
		T += t;
		m++;
	}
	if (!seg_groups_present(X, T - X))
		return NAN;
	P = X / T;
	/* divide step by step: T * T overflows for counts above 1e154 */
	return seg_pairwise_abs_diff(scratch, m) / T / T / (P * (1.0 - P));
}

static int
cmp_unit_area(const void *a, const void *b)
{
	const SegUnit *ua = (const SegUnit *) a;
	const SegUnit *ub = (const SegUnit *) b;
	double		ta = ua->x + ua->y;
	double		tb = ub->x + ub->y;

	if (ua->area != ub->area)
		return ua->area < ub->area ? -1 : 1;
	if (ta != tb)
		return ta < tb ? -1 : 1;
	return (ua->x > ub->x) - (ua->x < ub->x);
}

void
seg_sort_by_area(SegUnit *units, size_t n)
{
	qsort(units, n, sizeof(SegUnit), cmp_unit_area);
}

/*
 * The reference populations of Massey & Denton 1988: the smallest units
 * (by area) that together hold at least X people, and the largest units that
 * together hold at least X people.  Returns sum t_i a_i / sum t_i for each.
 * The cut-off "at least X" is PySAL's reading (pysal/segregation issue 43).
 */
static void
seg_concentration_bounds(const SegUnit *u, size_t n, double X,
						 double *small_mean, double *large_mean)
{
	double		T1 = 0.0,
				S1 = 0.0,
				T2 = 0.0,
				S2 = 0.0;

	for (size_t i = 0; i < n; i++)
	{
		double		t = u[i].x + u[i].y;

		T1 += t;
		S1 += t * u[i].area;
		if (T1 >= X)
			break;
	}
	for (size_t i = n; i-- > 0;)
	{
		double		t = u[i].x + u[i].y;

		T2 += t;
		S2 += t * u[i].area;
		if (T2 >= X)
			break;
	}
	*small_mean = S1 / T1;
	*large_mean = S2 / T2;
}

/*
 * With every populated unit of the same area, both reference means equal
 * that area and the concentration indices are 0/0.  Compared on the areas
 * themselves: the means can differ in the last bit (0.1 is not a double).
 */
static int
seg_areas_all_equal(const SegUnit *u_by_area, size_t n)
{
	size_t		first = 0,
				last = n;

	while (first < n && !(u_by_area[first].x + u_by_area[first].y > 0.0))
		first++;
	while (last > first && !(u_by_area[last - 1].x + u_by_area[last - 1].y > 0.0))
		last--;
	return first == last || u_by_area[first].area == u_by_area[last - 1].area;
}

/*
 * ACO = 1 - (sum x_i a_i / X - S1/T1) / (S2/T2 - S1/T1)   (Massey & Denton
 * 1988).  Undefined (NAN) when both reference means are equal.
 */
double
seg_absolute_concentration(const SegUnit *u, size_t n)
{
	double		X = 0.0,
				Y = 0.0,
				XA = 0.0,
				lo,
				hi;

	for (size_t i = 0; i < n; i++)
	{
		X += u[i].x;
		Y += u[i].y;
		XA += u[i].x * u[i].area;
	}
	if (!seg_groups_present(X, Y) || seg_areas_all_equal(u, n))
		return NAN;
	seg_concentration_bounds(u, n, X, &lo, &hi);
	if (hi == lo)
		return NAN;
	return 1.0 - (XA / X - lo) / (hi - lo);
}

/*
 * RCO = ((sum x_i a_i / X) / (sum y_i a_i / Y) - 1) / ((S1/T1) / (S2/T2) - 1)
 * (Massey & Denton 1988).  Undefined (NAN) when a denominator is zero.
 */
double
seg_relative_concentration(const SegUnit *u, size_t n)
{
	double		X = 0.0,
				Y = 0.0,
				XA = 0.0,
				YA = 0.0,
				lo,
				hi;

	for (size_t i = 0; i < n; i++)
	{
		X += u[i].x;
		Y += u[i].y;
		XA += u[i].x * u[i].area;
		YA += u[i].y * u[i].area;
	}
	if (!seg_groups_present(X, Y) || seg_areas_all_equal(u, n))
		return NAN;
	seg_concentration_bounds(u, n, X, &lo, &hi);
	if (!(YA > 0.0) || !(hi > 0.0) || lo == hi)
		return NAN;
	return ((XA / X) / (YA / Y) - 1.0) / (lo / hi - 1.0);
}
