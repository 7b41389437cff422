/*
 * multigroup.c — multigroup segregation and diversity indices, plain C
 * (see multigroup.h; formulas and sources in docs/multigroup.md).
 */
#include "multigroup.h"

#include <math.h>

#include "indices.h"

/* q ln q with 0 ln 0 = 0. */
static double
xlogx(double q)
{
	return q > 0.0 ? q * log(q) : 0.0;
}

double
mg_add_unit(MgSums *s, const double *counts)
{
	double		t = 0.0,
				tlogt = 0.0;

	for (int k = 0; k < s->K; k++)
		t += counts[k];
	if (!(t > 0.0))
		return 0.0;
	for (int k = 0; k < s->K; k++)
	{
		double		c = counts[k];

		if (c > 0.0)
		{
			s->total[k] += c;
			s->sq[k] += c * c / t;
			tlogt += xlogx(c / t);
		}
	}
	/* t_i E_i = -t_i sum_k pi_ik ln pi_ik */
	s->within -= t * tlogt;
	s->n_units++;
	return t;
}

void
mg_add_sums(MgSums *a, const MgSums *b)
{
	for (int k = 0; k < a->K; k++)
	{
		a->total[k] += b->total[k];
		a->sq[k] += b->sq[k];
	}
	a->within += b->within;
	a->n_units += b->n_units;
}

int
mg_groups_present(const double *total, int K)
{
	int			m = 0;

	for (int k = 0; k < K; k++)
		m += total[k] > 0.0;
	return m;
}

static double
grand_total(const double *total, int K)
{
	double		T = 0.0;

	for (int k = 0; k < K; k++)
		T += total[k];
	return T;
}

/* Shannon 1948: E = -sum pi_k ln pi_k. */
double
mg_diversity(const double *total, int K)
{
	double		T = grand_total(total, K),
				E = 0.0;

	if (!(T > 0.0))
		return NAN;
	for (int k = 0; k < K; k++)
		E -= xlogx(total[k] / T);
	return E;
}

double
mg_normalized_diversity(const double *total, int K)
{
	int			m = mg_groups_present(total, K);

	if (m < 2)
		return NAN;
	return mg_diversity(total, K) / log((double) m);
}

/* Simpson 1949; Reardon & Firebaugh 2002 eq. 1: I = sum pi_k (1 - pi_k). */
double
mg_simpson_interaction(const double *total, int K)
{
	double		T = grand_total(total, K),
				I = 0.0;

	if (!(T > 0.0))
		return NAN;
	for (int k = 0; k < K; k++)
	{
		double		p = total[k] / T;

		I += p * (1.0 - p);
	}
	return I;
}

double
mg_simpson_concentration(const double *total, int K)
{
	double		T = grand_total(total, K),
				L = 0.0;

	if (!(T > 0.0))
		return NAN;
	for (int k = 0; k < K; k++)
	{
		double		p = total[k] / T;

		L += p * p;
	}
	return L;
}

/* Theil & Finizza 1971; Mora & Ruiz-Castillo 2011: M = E - sum (t_i/T) E_i. */
double
mg_mutual_information(const MgSums *s)
{
	double		T = grand_total(s->total, s->K);

	if (mg_groups_present(s->total, s->K) < 2)
		return NAN;
	return mg_diversity(s->total, s->K) - s->within / T;
}

/* Theil 1972: H = M / E. */
double
mg_theil(const MgSums *s)
{
	if (mg_groups_present(s->total, s->K) < 2)
		return NAN;
	return mg_mutual_information(s) / mg_diversity(s->total, s->K);
}

/*
 * sum_i t_i (pi_ik - pi_k)^2 = sum_i t_ik^2 / t_i - T_k^2 / T, the
 * between-unit variance of group k's share, from the sums.
 */
static double
share_variance(const MgSums *s, int k, double T)
{
	double		v = s->sq[k] - s->total[k] * (s->total[k] / T);

	return v > 0.0 ? v : 0.0;	/* rounding can leave -1e-17 */
}

/* James 1986: sum_k sum_i t_i (pi_ik - pi_k)^2 / ((1 - pi_k) T). */
double
mg_normalized_exposure(const MgSums *s)
{
	double		T = grand_total(s->total, s->K),
				sum = 0.0;

	if (mg_groups_present(s->total, s->K) < 2)
		return NAN;
	for (int k = 0; k < s->K; k++)
		if (s->total[k] > 0.0)
			sum += share_variance(s, k, T) / ((1.0 - s->total[k] / T) * T);
	return sum;
}

/* Carlson 1992: sum_k sum_i t_i (pi_ik - pi_k)^2 / (T I). */
double
mg_relative_diversity(const MgSums *s)
{
	double		T = grand_total(s->total, s->K),
				I = mg_simpson_interaction(s->total, s->K),
				sum = 0.0;

	if (mg_groups_present(s->total, s->K) < 2)
		return NAN;
	for (int k = 0; k < s->K; k++)
		sum += share_variance(s, k, T);
	return sum / (T * I);
}

/* Reardon & Firebaugh 2002: sum_k sum_i t_i (pi_ik - pi_k)^2 / (T (K-1) pi_k). */
double
mg_squared_coefficient_of_variation(const MgSums *s)
{
	double		T = grand_total(s->total, s->K),
				sum = 0.0;
	int			m = mg_groups_present(s->total, s->K);

	if (m < 2)
		return NAN;
	for (int k = 0; k < s->K; k++)
		if (s->total[k] > 0.0)
			sum += share_variance(s, k, T) / (T * (m - 1) * (s->total[k] / T));
	return sum;
}

/* Sakoda 1981; Reardon & Firebaugh 2002: sum_k sum_i t_i |pi_ik - pi_k| / (2 T I). */
double
mg_dissimilarity(const double *units, size_t n, int K, const double *total)
{
	double		T = grand_total(total, K),
				sum = 0.0;

	if (mg_groups_present(total, K) < 2)
		return NAN;
	for (size_t i = 0; i < n; i++)
	{
		const double *c = units + i * (size_t) K;
		double		t = 0.0;

		for (int k = 0; k < K; k++)
			t += c[k];
		for (int k = 0; k < K; k++)
			sum += fabs(c[k] - t * (total[k] / T));
	}
	return sum / (2.0 * T * mg_simpson_interaction(total, K));
}

/*
 * Reardon & Firebaugh 2002: sum_k sum_i sum_j t_i t_j |pi_ik - pi_jk| / (2 T^2 I),
 * one O(n log n) weighted mean difference per group.
 */
double
mg_gini(const double *units, size_t n, int K, const double *total,
		double *scratch)
{
	double		T = grand_total(total, K),
				sum = 0.0;

	if (mg_groups_present(total, K) < 2)
		return NAN;
	for (int k = 0; k < K; k++)
	{
		size_t		m = 0;

		if (!(total[k] > 0.0))
			continue;
		for (size_t i = 0; i < n; i++)
		{
			const double *c = units + i * (size_t) K;
			double		t = 0.0;

			for (int j = 0; j < K; j++)
				t += c[j];
			if (!(t > 0.0))
				continue;
			scratch[2 * m] = c[k] / t;
			scratch[2 * m + 1] = t;
			m++;
		}
		/* the pairwise sum counts each unordered pair once */
		sum += 2.0 * seg_pairwise_abs_diff(scratch, m);
	}
	/* divide step by step: T * T overflows for counts above 1e154 */
	return sum / T / T / (2.0 * mg_simpson_interaction(total, K));
}

int
mg_index_needs_units(MgIndex which)
{
	return which == MG_INDEX_DISSIMILARITY || which == MG_INDEX_GINI;
}

double
mg_index(MgIndex which, const MgSums *s, const double *units, size_t n,
		 double *scratch)
{
	switch (which)
	{
		case MG_INDEX_DISSIMILARITY:
			return mg_dissimilarity(units, n, s->K, s->total);
		case MG_INDEX_GINI:
			return mg_gini(units, n, s->K, s->total, scratch);
		case MG_INDEX_THEIL:
			return mg_theil(s);
		case MG_INDEX_MUTUAL_INFORMATION:
			return mg_mutual_information(s);
		case MG_INDEX_NORMALIZED_EXPOSURE:
			return mg_normalized_exposure(s);
		case MG_INDEX_RELATIVE_DIVERSITY:
			return mg_relative_diversity(s);
		case MG_INDEX_SQUARED_COEFFICIENT_OF_VARIATION:
			return mg_squared_coefficient_of_variation(s);
		case MG_INDEX_DIVERSITY:
			return mg_diversity(s->total, s->K);
		case MG_INDEX_NORMALIZED_DIVERSITY:
			return mg_normalized_diversity(s->total, s->K);
		case MG_INDEX_SIMPSON_INTERACTION:
			return mg_simpson_interaction(s->total, s->K);
		case MG_INDEX_SIMPSON_CONCENTRATION:
			return mg_simpson_concentration(s->total, s->K);
	}
	return NAN;
}

static double
unit_total(const double *counts, int K)
{
	return grand_total(counts, K);
}

/* E_i / ln K, K = groups present in the totals. */
double
mg_local_entropy(const double *counts, const double *total, int K)
{
	double		t = unit_total(counts, K),
				e = 0.0;
	int			m = mg_groups_present(total, K);

	if (!(t > 0.0) || m < 2)
		return NAN;
	for (int k = 0; k < K; k++)
		e -= xlogx(counts[k] / t);
	return e / log((double) m);
}

/* Local Simpson interaction: sum_k pi_ik (1 - pi_ik). */
double
mg_local_simpson(const double *counts, int K)
{
	double		t = unit_total(counts, K),
				s = 0.0;

	if (!(t > 0.0))
		return NAN;
	for (int k = 0; k < K; k++)
	{
		double		p = counts[k] / t;

		s += p * (1.0 - p);
	}
	return s;
}

/* ls_i = sum_k pi_ik ln(pi_ik / pi_k), so that M = sum_i (t_i/T) ls_i. */
double
mg_local_segregation(const double *counts, const double *total, int K)
{
	double		t = unit_total(counts, K),
				T = grand_total(total, K),
				ls = 0.0;

	if (!(t > 0.0) || !(T > 0.0))
		return NAN;
	for (int k = 0; k < K; k++)
	{
		double		p = counts[k] / t;

		if (p > 0.0)
		{
			if (!(total[k] > 0.0))
				return NAN;		/* unit has members of a group with no total */
			ls += p * log(p / (total[k] / T));
		}
	}
	return ls;
}

void
mg_location_quotients(const double *counts, const double *total, int K,
					  double *out)
{
	double		t = unit_total(counts, K),
				T = grand_total(total, K);

	for (int k = 0; k < K; k++)
		out[k] = (t > 0.0 && total[k] > 0.0) ? (counts[k] / t) / (total[k] / T) : NAN;
}
