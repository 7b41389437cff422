/*
 * test_random_inference.c — the random number generator (common/random.c)
 * and the simulation-based inference (segregation/inference.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "random.h"
#include "indices.h"
#include "inference.h"
#include "table_sampler.h"
#include "test_alloc.h"
#include "unit.h"

/* Same seed, same stream; different seeds, different streams. */
static void
test_rng_deterministic(void)
{
	MsRng		a,
				b,
				c;
	int			same = 1,
				differ = 0;

	ms_rng_seed(&a, 42);
	ms_rng_seed(&b, 42);
	ms_rng_seed(&c, 43);
	for (int i = 0; i < 1000; i++)
	{
		uint64_t	x = ms_rng_next(&a);

		same &= x == ms_rng_next(&b);
		differ |= x != ms_rng_next(&c);
	}
	CHECK(same);
	CHECK(differ);
}

/*
 * Pinned outputs: the stream must be the same on every platform and
 * release, or results published with a seed could not be reproduced.
 * The first value is splitmix64's documented first output for seed 0
 * (0xe220a8397b1dcdaf) feeding xoshiro256**; the values were recorded once
 * and must never change.
 */
static void
test_rng_pinned(void)
{
	MsRng		r;
	uint64_t	first[3];

	ms_rng_seed(&r, 0);
	CHECK(r.s[0] == 0xe220a8397b1dcdafULL);
	for (int i = 0; i < 3; i++)
		first[i] = ms_rng_next(&r);
	CHECK(first[0] == 0x99ec5f36cb75f2b4ULL);
	CHECK(first[1] == 0xbf6e1f784956452aULL);
	CHECK(first[2] == 0x1a5f849d4933e6e0ULL);
}

static void
test_uniform_range_and_mean(void)
{
	MsRng		r;
	double		sum = 0.0;
	int			in_range = 1;
	const int	N = 200000;

	ms_rng_seed(&r, 7);
	for (int i = 0; i < N; i++)
	{
		double		u = ms_rng_uniform(&r);

		in_range &= u >= 0.0 && u < 1.0;
		sum += u;
	}
	CHECK(in_range);
	/* mean 1/2, sd of the mean sqrt(1/12 / N) = 6.5e-4: 5 sd */
	CHECK_CLOSE(sum / N, 0.5, 5 * sqrt(1.0 / 12.0 / N));
}

/*
 * Mean and variance of binomial draws in both algorithms' regions
 * (inversion for a mode below 11, BTRD otherwise, and p > 1/2 by symmetry).
 */
static void
test_binomial_moments(void)
{
	static const struct
	{
		int64_t		n;
		double		p;
	}			cases[] = {
		{1, 0.5}, {10, 0.3}, {50, 0.9}, {40, 0.8}, {100, 0.4}, {1000, 0.5},
		{100000, 0.01}, {1000000, 0.7}, {3, 0.999}, {2000000000, 1e-9},
	};
	MsRng		r;

	ms_rng_seed(&r, 2024);
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++)
	{
		const int	N = 100000;
		double		n = (double) cases[c].n,
					p = cases[c].p,
					mean = n * p,
					var = n * p * (1 - p),
					s = 0.0,
					ss = 0.0;
		int			in_range = 1;

		for (int i = 0; i < N; i++)
		{
			int64_t		x = ms_rng_binomial(&r, cases[c].n, p);

			in_range &= x >= 0 && x <= cases[c].n;
			s += (double) x;
			ss += (double) x * (double) x;
		}
		CHECK(in_range);
		/* sample mean within 6 standard errors */
		CHECK_CLOSE(s / N, mean, 6 * sqrt(var / N) + 1e-12);
		/*
		 * sample variance within 6 of its standard deviations:
		 * Var(s^2) = (mu4 - var^2 (N - 3) / (N - 1)) / N, with the
		 * binomial's fourth central moment mu4 = n p q (1 + 3 p q (n - 2))
		 */
		{
			double		mu4 = var * (1 + 3 * p * (1 - p) * (n - 2));
			double		var_s2 = (mu4 - var * var * (N - 3.0) / (N - 1.0)) / N;

			CHECK_CLOSE((ss - s * s / N) / (N - 1), var,
						6 * sqrt(fmax(var_s2, 0)) + 1e-12);
		}
	}
	CHECK(ms_rng_binomial(&r, 0, 0.3) == 0);
	CHECK(ms_rng_binomial(&r, 17, 0.0) == 0);
	CHECK(ms_rng_binomial(&r, 17, 1.0) == 17);
}

/*
 * Goodness of fit of the whole distribution for n = 100, p = 0.4 (BTRD):
 * chi-square over the outcomes 25..55 (tails pooled) against the exact pmf.
 * 31 cells, 30 degrees of freedom; the 0.999999 quantile is about 82.
 */
static void
test_binomial_distribution(void)
{
	const int	n = 100,
				N = 400000;
	const double p = 0.4;
	double		pmf[101],
				observed[101] = {0},
				chi2 = 0.0,
				lo_e = 0.0,
				lo_o = 0.0,
				hi_e = 0.0,
				hi_o = 0.0;
	MsRng		r;

	for (int k = 0; k <= n; k++)
		pmf[k] = exp(lgamma(n + 1.0) - lgamma(k + 1.0) - lgamma(n - k + 1.0) +
					 k * log(p) + (n - k) * log(1 - p));
	ms_rng_seed(&r, 99);
	for (int i = 0; i < N; i++)
		observed[ms_rng_binomial(&r, n, p)] += 1;
	for (int k = 0; k <= n; k++)
	{
		double		e = pmf[k] * N;

		if (k < 25)
		{
			lo_e += e;
			lo_o += observed[k];
		}
		else if (k > 55)
		{
			hi_e += e;
			hi_o += observed[k];
		}
		else
			chi2 += (observed[k] - e) * (observed[k] - e) / e;
	}
	chi2 += (lo_o - lo_e) * (lo_o - lo_e) / lo_e + (hi_o - hi_e) * (hi_o - hi_e) / hi_e;
	CHECK(chi2 < 82.0);
}

/*
 * The same for n = 10000, p = 0.3 (BTRD far from the mode, where its
 * Stirling-formula test decides): 30 bins of width 10 around the mean
 * 3000 +- 150 (sd 45.8) plus the two pooled tails; 31 degrees of freedom,
 * the 0.999999 quantile is about 84.
 */
static void
test_binomial_distribution_large(void)
{
	const int	n = 10000,
				N = 400000;
	const double p = 0.3;
	double		expected[32] = {0},
				observed[32] = {0},
				chi2 = 0.0;
	MsRng		r;

	for (int k = 0; k <= n; k++)
	{
		double		f = exp(lgamma(n + 1.0) - lgamma(k + 1.0) - lgamma(n - k + 1.0) +
							k * log(p) + (n - k) * log(1 - p));
		int			bin = k < 2850 ? 0 : k >= 3150 ? 31 : 1 + (k - 2850) / 10;

		expected[bin] += f * N;
	}
	ms_rng_seed(&r, 2025);
	for (int i = 0; i < N; i++)
	{
		int64_t		k = ms_rng_binomial(&r, n, p);
		int			bin = k < 2850 ? 0 : k >= 3150 ? 31 : 1 + (int) (k - 2850) / 10;

		observed[bin] += 1;
	}
	for (int b = 0; b < 32; b++)
		chi2 += (observed[b] - expected[b]) * (observed[b] - expected[b]) / expected[b];
	CHECK(chi2 < 84.0);
}

/* Random allocation keeps unit sizes; the bootstrap keeps N. */
static void
test_draws_keep_margins(void)
{
	const double counts[] = {3, 0, 1, 0, 5, 5, 2, 2, 0, 0, 0, 0, 7, 1, 1};
	const size_t n = 5;
	const int	K = 3;
	double		out[15];
	MsRng		r;
	int			sizes_kept = 1,
				n_kept = 1;
	TestArena	arena;
	MgSampler  *s;

	test_arena_allocator(&arena);
	s = mg_sampler_build(counts, n, K, MG_SAMPLER_BUDGET, test_arena_alloc, &arena);
	ms_rng_seed(&r, 5);
	for (int rep = 0; rep < 1000; rep++)
	{
		double		N = 0.0;

		mg_draw_random_allocation(&r, s, out);
		for (size_t i = 0; i < n; i++)
			sizes_kept &= out[i * K] + out[i * K + 1] + out[i * K + 2] ==
				counts[i * K] + counts[i * K + 1] + counts[i * K + 2];
		mg_draw_bootstrap(&r, s, out);
		for (size_t i = 0; i < n * K; i++)
			N += out[i];
		n_kept &= N == 27.0;	/* 3+1 + 5+5 + 2+2 + 7+1+1 */
	}
	CHECK(sizes_kept);
	CHECK(n_kept);
	test_arena_free(&arena);
}

/* The samplers' tables of every run, freed by work_free. */
static TestArena work_arena;

static MgInferenceWork
work_for(size_t n, int K, int R)
{
	MgInferenceWork w;

	w.table = calloc(n * K, sizeof(double));
	w.total = calloc(K, sizeof(double));
	w.sq = calloc(K, sizeof(double));
	w.share = calloc(K, sizeof(double));
	w.scratch = calloc(2 * n, sizeof(double));
	w.null_values = calloc(R, sizeof(double));
	w.boot_values = calloc(R, sizeof(double));
	test_arena_allocator(&work_arena);
	w.alloc = test_arena_alloc;
	w.alloc_arg = &work_arena;
	return w;
}

static void
work_free(MgInferenceWork *w)
{
	free(w->table);
	free(w->total);
	free(w->sq);
	free(w->share);
	free(w->scratch);
	free(w->null_values);
	free(w->boot_values);
	test_arena_free(&work_arena);
}

/*
 * Hand-checkable expected values under random allocation.
 * Units of one person: every draw in which both groups occur gives D = 1
 * and M = E of the draw; so expected D = 1.
 * Units of two people, pi = (1/2, 1/2), many units: a unit is (2,0) or
 * (0,2) with probability 1/2, each adding about 2/X = 1/n to the sum, so
 * D -> 1/2 (n = 2000: the mean of 400 draws within 0.02 of 1/2).
 */
static void
test_expected_by_hand(void)
{
	enum
	{
		N_ONE = 6, N_TWO = 2000, R = 400
	};
	double		ones[2 * N_ONE],
			   *twos = malloc(2 * N_TWO * sizeof(double));
	MgInferenceWork w = work_for(N_TWO, 2, R);
	MgInference res;

	for (int i = 0; i < N_ONE; i++)
	{
		ones[2 * i] = i % 2;
		ones[2 * i + 1] = 1 - i % 2;
	}
	mg_inference(MG_INDEX_DISSIMILARITY, ones, N_ONE, 2, R, 11, 0.95, &w, NULL, NULL, &res);
	CHECK_CLOSE(res.estimate, 1.0, 1e-12);
	CHECK_CLOSE(res.expected, 1.0, 1e-12);
	CHECK(res.null_defined < R);	/* some draws hold one group only */
	CHECK_CLOSE(res.p_value, 1.0, 1e-12);	/* every defined draw reaches 1 */

	for (int i = 0; i < N_TWO; i++)
	{
		twos[2 * i] = 1;
		twos[2 * i + 1] = 1;
	}
	mg_inference(MG_INDEX_DISSIMILARITY, twos, N_TWO, 2, R, 12, 0.95, &w, NULL, NULL, &res);
	CHECK_CLOSE(res.estimate, 0.0, 1e-12);
	CHECK_CLOSE(res.expected, 0.5, 0.02);
	/* D observed 0 < D*: modified = (D - D*)/D* = -1 (Carrington & Troske) */
	CHECK_CLOSE(res.modified, -1.0, 1e-12);
	free(twos);
	work_free(&w);
}

/* Reproducible by seed, independent of unit order after sorting; the
 * interval holds the bias-corrected estimate; p in (0, 1]. */
static void
test_inference_reproducible(void)
{
	enum
	{
		N = 300, K = 4, R = 200
	};
	double	   *c = malloc(N * K * sizeof(double)),
			   *c2 = malloc(N * K * sizeof(double));
	MgInferenceWork w = work_for(N, K, R);
	MgInference a,
				b,
				d;
	UnitRng		rng = {1234};

	for (int i = 0; i < N * K; i++)
		c[i] = unit_rng_below(&rng, 40) * (i % K == 0 ? 3 : 1);
	/* the same units in reverse order */
	for (int i = 0; i < N; i++)
		memcpy(c2 + i * K, c + (N - 1 - i) * K, K * sizeof(double));
	mg_sort_units(c, N, K);
	mg_sort_units(c2, N, K);
	mg_inference(MG_INDEX_MUTUAL_INFORMATION, c, N, K, R, 77, 0.9, &w, NULL, NULL, &a);
	mg_inference(MG_INDEX_MUTUAL_INFORMATION, c2, N, K, R, 77, 0.9, &w, NULL, NULL, &b);
	mg_inference(MG_INDEX_MUTUAL_INFORMATION, c, N, K, R, 78, 0.9, &w, NULL, NULL, &d);
	CHECK(memcmp(&a, &b, sizeof(a)) == 0);
	CHECK(a.expected != d.expected);
	CHECK(a.ci_lower <= a.bias_corrected && a.bias_corrected <= a.ci_upper);
	CHECK(a.p_value > 0.0 && a.p_value <= 1.0);
	CHECK(a.std_error > 0.0);
	CHECK(a.null_defined == R && a.boot_defined == R);
	CHECK(a.expected < a.estimate);
	free(c);
	free(c2);
	work_free(&w);
}

/*
 * Gini's weighted mean difference on more than 1024 units takes the radix
 * sort: compare it with the O(n^2) definition on 3000 pseudo-random units,
 * including ties and zero shares.
 */
static void
test_gini_radix_path(void)
{
	enum
	{
		N = 3000
	};
	SegUnit    *u = malloc(N * sizeof(SegUnit));
	double	   *scratch = malloc(2 * N * sizeof(double));
	double		X = 0.0,
				T = 0.0,
				pairs = 0.0,
				P;
	UnitRng		rng = {99};

	for (int i = 0; i < N; i++)
	{
		u[i].x = unit_rng_below(&rng, 4) == 0 ? 0 : unit_rng_below(&rng, 200);
		u[i].y = unit_rng_below(&rng, 300);
		u[i].area = 0;
		X += u[i].x;
		T += u[i].x + u[i].y;
	}
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
		{
			double		ti = u[i].x + u[i].y,
						tj = u[j].x + u[j].y;

			if (ti > 0 && tj > 0)
				pairs += ti * tj * fabs(u[i].x / ti - u[j].x / tj);
		}
	P = X / T;
	CHECK_CLOSE(seg_gini(u, N, scratch), pairs / (2 * T * T * P * (1 - P)), 1e-10);
	free(u);
	free(scratch);
}

static void
test_whole_counts(void)
{
	const double ok[] = {0, 1, 2, 9007199254740992.0};
	const double frac[] = {0, 1.5};
	const double neg[] = {0, -1};

	CHECK(mg_counts_are_whole(ok, 2, 2));
	CHECK(!mg_counts_are_whole(frac, 1, 2));
	CHECK(!mg_counts_are_whole(neg, 1, 2));
}

const UnitTest unit_random_inference_tests[] = {
	UNIT_TEST(test_rng_deterministic),
	UNIT_TEST(test_rng_pinned),
	UNIT_TEST(test_uniform_range_and_mean),
	UNIT_TEST(test_binomial_moments),
	UNIT_TEST(test_binomial_distribution),
	UNIT_TEST(test_binomial_distribution_large),
	UNIT_TEST(test_draws_keep_margins),
	UNIT_TEST(test_expected_by_hand),
	UNIT_TEST(test_inference_reproducible),
	UNIT_TEST(test_whole_counts),
	UNIT_TEST(test_gini_radix_path),
	{NULL, NULL}
};
