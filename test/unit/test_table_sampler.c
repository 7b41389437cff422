/*
 * test_table_sampler.c — the tabulated binomial and Poisson laws
 * (common/table_sampler.c), the binomial generator's regimes and the
 * table samplers of the simulations (segregation/inference.c): exact
 * probabilities of the alias tables, chi-square goodness of fit in every
 * regime and at the boundaries between methods, margins kept exactly, and
 * outputs pinned for a seed.
 *
 * Goodness of fit: outcomes are pooled from the left until each pool
 * expects at least 20 draws; the statistic must stay below the 1 - 1e-6
 * quantile of its chi-square law (Wilson-Hilferty), so a correct sampler
 * fails one check in a million — the seeds are fixed, so a run either
 * passes or fails for good.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "inference.h"
#include "random.h"
#include "table_sampler.h"
#include "test_alloc.h"
#include "unit.h"

static double
binomial_pmf(int64_t n, double p, int64_t k)
{
	if (k < 0 || k > n)
		return 0.0;
	return exp(lgamma(n + 1.0) - lgamma(k + 1.0) - lgamma(n - k + 1.0) +
			   k * log(p) + (n - k) * log1p(-p));
}

static double
poisson_pmf(double rate, int64_t k)
{
	if (k < 0)
		return 0.0;
	return exp(k * log(rate) - rate - lgamma(k + 1.0));
}

/* The 1 - 1e-6 quantile of chi-square(df), Wilson-Hilferty. */
static double
chi2_limit(int df)
{
	double		z = 4.753424;	/* the standard normal's 1 - 1e-6 quantile */
	double		a = 2.0 / (9.0 * df);

	return df * pow(1.0 - a + z * sqrt(a), 3.0);
}

/*
 * Chi-square of observed[0 .. m-1] (draws equal to lo + i) against
 * expected[] (probabilities; the rest of the mass outside lo .. lo + m - 1
 * must be negligible), over draws draws; passes if below the limit.
 */
static int
chi2_fits(const double *observed, const double *expected, int m, long draws)
{
	double	   *o = calloc(m, sizeof(double)),
			   *e = calloc(m, sizeof(double)),
				chi2 = 0.0;
	int			pools = 0;

	for (int i = 0; i < m; i++)
	{
		o[pools] += observed[i];
		e[pools] += expected[i] * draws;
		if (e[pools] >= 20.0)
			pools++;
	}
	/* what is left after the last full pool joins it */
	if (pools == m || e[pools] > 0.0 || o[pools] > 0.0)
	{
		if (pools > 0 && pools < m)
		{
			o[pools - 1] += o[pools];
			e[pools - 1] += e[pools];
		}
		else if (pools < m)
			pools++;
	}
	for (int i = 0; i < pools; i++)
		chi2 += e[i] > 0.0 ? (o[i] - e[i]) * (o[i] - e[i]) / e[i] :
			(o[i] > 0.0 ? INFINITY : 0.0);
	free(o);
	free(e);
	return pools < 2 || chi2 < chi2_limit(pools - 1);
}

/* Draws of Binomial(n, p) from a digit sampler, against the exact pmf. */
static int
digits_binomial_fit(MsRng *r, const MsDigitSampler *s, int64_t n, double p,
					long draws)
{
	double		mean = n * p,
				sd = sqrt(n * p * (1 - p));
	int64_t		lo = (int64_t) fmax(0.0, floor(mean - 8 * sd - 2)),
				hi = (int64_t) fmin((double) n, ceil(mean + 8 * sd + 2));
	int			m = (int) (hi - lo + 1);
	double	   *obs = calloc(m, sizeof(double)),
			   *exp_ = calloc(m, sizeof(double));
	int			ok = 1;

	for (int i = 0; i < m; i++)
		exp_[i] = binomial_pmf(n, p, lo + i);
	for (long d = 0; d < draws; d++)
	{
		int64_t		x = ms_digits_draw(r, s, n);

		ok &= x >= lo && x <= hi;
		if (x >= lo && x <= hi)
			obs[x - lo]++;
	}
	ok &= chi2_fits(obs, exp_, m, draws);
	free(obs);
	free(exp_);
	return ok;
}

/*
 * The law's probabilities of lo .. lo + m - 1, for checking the tables:
 * by the ratio recursion from the mode in long double, normalised over the
 * whole support (lgamma loses too many digits for counts in the thousands).
 */
static void
law_reference(MsLaw law, int64_t n, double p, double rate, int64_t lo, int m,
			  double *out)
{
	int64_t		mode = law == MS_LAW_BINOMIAL ? (int64_t) ((n + 1) * p) : (int64_t) rate;
	int64_t		top = law == MS_LAW_BINOMIAL ? n : (int64_t) (rate + 60 * sqrt(rate) + 60);
	long double *w,
				total = 0.0L;

	if (mode > top)
		mode = top;
	w = calloc(top + 1, sizeof(long double));
	w[mode] = 1.0L;
	for (int64_t k = mode; k > 0; k--)
		w[k - 1] = w[k] * (law == MS_LAW_BINOMIAL ?
						   (long double) k * (1 - p) / ((long double) (n - k + 1) * p) :
						   (long double) k / rate);
	for (int64_t k = mode; k < top; k++)
		w[k + 1] = w[k] * (law == MS_LAW_BINOMIAL ?
						   (long double) (n - k) * p / ((long double) (k + 1) * (1 - p)) :
						   (long double) rate / (k + 1));
	for (int64_t k = 0; k <= top; k++)
		total += w[k];
	for (int i = 0; i < m; i++)
		out[i] = lo + i <= top ? (double) (w[lo + i] / total) : 0.0;
	free(w);
}

/*
 * A table's probabilities, rebuilt from its columns, are whole multiples of
 * 2^-53 summing to exactly 1, each within a few units of 2^-53 of the law's.
 */
static int
table_weights_exact(const MsTable *t, MsLaw law, int64_t n, double p,
					double rate)
{
	int			columns = 1 << (53 - t->shift);
	uint64_t	size = UINT64_C(1) << t->shift;
	uint64_t   *w = calloc(columns, sizeof(uint64_t));
	double	   *exact = calloc(columns, sizeof(double));
	uint64_t	total = 0;
	int			ok = 1;
	double		held = 0.0;

	for (int j = 0; j < columns; j++)
	{
		uint64_t	e = t->column[j];
		uint64_t	thr = e & MS_ALIAS_THRESHOLD;

		ok &= thr <= size;
		ok &= (int) (e >> 48) < columns;
		w[j] += thr;
		w[e >> 48] += size - thr;
	}
	law_reference(law, n, p, rate, t->lo, columns, exact);
	for (int j = 0; j < columns; j++)
	{
		total += w[j];
		held += exact[j];
		ok &= fabs((double) w[j] * 0x1.0p-53 - exact[j]) <= 4 * 0x1.0p-53 + 1e-13 * exact[j];
	}
	ok &= total == (UINT64_C(1) << 53);
	ok &= held > 1.0 - 1e-14;	/* the outcomes held have all the mass */
	free(w);
	free(exact);
	return ok;
}

static void
test_alias_tables_exact(void)
{
	static const struct
	{
		int64_t		size;
		double		param;
		MsLaw		law;
	}			cases[] = {
		{5, 0.3, MS_LAW_BINOMIAL}, {13 * 16, 0.02, MS_LAW_BINOMIAL},
		{7 * 256, 0.5, MS_LAW_BINOMIAL}, {3 * 4096, 0.97, MS_LAW_BINOMIAL},
		{1, 1e-9, MS_LAW_BINOMIAL}, {15, 0.999999, MS_LAW_BINOMIAL},
		{1, 0.7, MS_LAW_POISSON}, {9 * 16, 0.999, MS_LAW_POISSON},
		{5 * 4096, 0.9993, MS_LAW_POISSON}, {3, 1e-6, MS_LAW_POISSON},
	};
	TestArena	arena;
	MsTableSpace sp;

	test_arena_allocator(&arena);
	ms_table_space_init(&sp, test_arena_alloc, &arena, (size_t) 64 << 20);
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++)
	{
		MsDigitSampler s;
		int64_t		size = cases[c].size;
		int			j = 0;

		ms_digits_init(&s, cases[c].law, cases[c].param, size, &sp);
		CHECK(s.limit == size);
		while ((size >> (MS_DIGIT_BITS * (j + 1))) != 0)
			j++;
		/* size is one digit d at position j: its table */
		CHECK(table_weights_exact(&s.tables[j * MS_DIGITS + (size >> (MS_DIGIT_BITS * j)) - 1],
								  cases[c].law, size, cases[c].param,
								  cases[c].param * (double) size));
	}
	test_arena_free(&arena);
}

/*
 * Binomial draws from digit samplers: n at the digit boundaries (15, 16,
 * 255, 256, 4095, 4096) and in between, small to large p.
 */
static void
test_digits_binomial_fit(void)
{
	static const int64_t ns[] = {1, 15, 16, 17, 255, 256, 1000, 4095, 4096, 12345};
	static const double ps[] = {0.001, 0.05, 0.3, 0.5, 0.97};
	TestArena	arena;
	MsTableSpace sp;
	MsRng		r;

	test_arena_allocator(&arena);
	ms_table_space_init(&sp, test_arena_alloc, &arena, (size_t) 64 << 20);
	ms_rng_seed(&r, 31);
	for (size_t i = 0; i < sizeof(ps) / sizeof(ps[0]); i++)
	{
		MsDigitSampler s;

		ms_digits_init(&s, MS_LAW_BINOMIAL, ps[i], 12345, &sp);
		CHECK(s.limit == 12345);
		for (size_t j = 0; j < sizeof(ns) / sizeof(ns[0]); j++)
			CHECK(digits_binomial_fit(&r, &s, ns[j], ps[i], 40000));
		CHECK(ms_digits_draw(&r, &s, 0) == 0);
	}
	test_arena_free(&arena);
}

/* Poisson(rate n) draws from a digit sampler. */
static void
test_digits_poisson_fit(void)
{
	static const int64_t ns[] = {1, 2, 15, 16, 300, 4097, 70000};
	const double rate = 0.9977;
	TestArena	arena;
	MsTableSpace sp;
	MsRng		r;
	MsDigitSampler s;

	test_arena_allocator(&arena);
	ms_table_space_init(&sp, test_arena_alloc, &arena, (size_t) 64 << 20);
	ms_digits_init(&s, MS_LAW_POISSON, rate, 70000, &sp);
	CHECK(s.limit == 70000);
	ms_rng_seed(&r, 32);
	for (size_t j = 0; j < sizeof(ns) / sizeof(ns[0]); j++)
	{
		const long	draws = 40000;
		double		mean = rate * ns[j];
		int64_t		lo = (int64_t) fmax(0.0, floor(mean - 9 * sqrt(mean) - 2)),
					hi = (int64_t) ceil(mean + 9 * sqrt(mean) + 8);
		int			m = (int) (hi - lo + 1);
		double	   *obs = calloc(m, sizeof(double)),
				   *ex = calloc(m, sizeof(double));
		int			in_range = 1;

		for (int i = 0; i < m; i++)
			ex[i] = poisson_pmf(mean, lo + i);
		for (long d = 0; d < draws; d++)
		{
			int64_t		x = ms_digits_draw(&r, &s, ns[j]);

			in_range &= x >= lo && x <= hi;
			if (x >= lo && x <= hi)
				obs[x - lo]++;
		}
		CHECK(in_range);
		CHECK(chi2_fits(obs, ex, m, draws));
		free(obs);
		free(ex);
	}
	test_arena_free(&arena);
}

/* A small budget leaves out the larger digit positions; none at all, all. */
static void
test_digits_budget(void)
{
	TestArena	arena;
	MsTableSpace sp;
	MsDigitSampler s;

	test_arena_allocator(&arena);
	ms_table_space_init(&sp, test_arena_alloc, &arena, 0);
	ms_digits_init(&s, MS_LAW_BINOMIAL, 0.4, 5000, &sp);
	CHECK(s.limit == 0);
	CHECK(ms_digits_cover(&s, 0) && !ms_digits_cover(&s, 1));

	/* room for the digit tables of position 0 and 1 only */
	ms_table_space_init(&sp, test_arena_alloc, &arena, 60000);
	ms_digits_init(&s, MS_LAW_BINOMIAL, 0.4, 5000, &sp);
	CHECK(s.limit == 255);
	CHECK(ms_digits_cover(&s, 255) && !ms_digits_cover(&s, 256));

	/* a table longer than MS_TABLE_MAX_LEN is never built */
	ms_table_space_init(&sp, test_arena_alloc, &arena, (size_t) 1 << 30);
	ms_digits_init(&s, MS_LAW_POISSON, 0.5, INT64_C(1) << 40, &sp);
	CHECK(s.limit > 0 && s.limit < (INT64_C(1) << 28));
	test_arena_free(&arena);
}

/*
 * ms_rng_binomial at the boundary between inversion (mode below 11) and
 * BTRD, with p on both sides of 1/2, and far in BTRD's tail tests.
 */
static void
test_binomial_regimes_fit(void)
{
	static const struct
	{
		int64_t		n;
		double		p;
	}			cases[] = {
		{100, 0.105}, {100, 0.11}, {100, 0.895}, {100, 0.89},
		{1000000, 1.0999e-5}, {1000000, 1.2e-5}, {60, 0.19}, {60, 0.2},
		{2000, 0.01}, {2000, 0.5}, {50, 0.25}, {16000000, 0.0001},
	};
	MsRng		r;

	ms_rng_seed(&r, 33);
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++)
	{
		const long	draws = 100000;
		int64_t		n = cases[c].n;
		double		p = cases[c].p,
					sd = sqrt(n * p * (1 - p));
		int64_t		lo = (int64_t) fmax(0.0, floor(n * p - 9 * sd - 2)),
					hi = (int64_t) fmin((double) n, ceil(n * p + 9 * sd + 2));
		int			m = (int) (hi - lo + 1);
		double	   *obs = calloc(m, sizeof(double)),
				   *ex = calloc(m, sizeof(double));
		int			in_range = 1;

		for (int i = 0; i < m; i++)
			ex[i] = binomial_pmf(n, p, lo + i);
		for (long d = 0; d < draws; d++)
		{
			int64_t		x = ms_rng_binomial(&r, n, p);

			in_range &= x >= lo && x <= hi;
			if (x >= lo && x <= hi)
				obs[x - lo]++;
		}
		CHECK(in_range);
		CHECK(chi2_fits(obs, ex, m, draws));
		free(obs);
		free(ex);
	}
}

/* Uniform integers below n: in range and evenly spread. */
static void
test_rng_below(void)
{
	static const uint64_t ns[] = {2, 3, 10, 1000};
	MsRng		r;

	ms_rng_seed(&r, 34);
	CHECK(ms_bits_below(0) == 0 && ms_bits_below(1) == 0);
	CHECK(ms_bits_below(2) == 1 && ms_bits_below(3) == 2);
	CHECK(ms_bits_below(1024) == 10 && ms_bits_below(1025) == 11);
	CHECK(ms_bits_below(UINT64_MAX) == 64);
	CHECK(ms_rng_below(&r, 1, ms_bits_below(1)) == 0);
	for (size_t c = 0; c < sizeof(ns) / sizeof(ns[0]); c++)
	{
		const long	draws = 200000;
		int			bits = ms_bits_below(ns[c]);
		double	   *obs = calloc(ns[c], sizeof(double)),
				   *ex = calloc(ns[c], sizeof(double));
		int			in_range = 1;

		for (uint64_t i = 0; i < ns[c]; i++)
			ex[i] = 1.0 / ns[c];
		for (long d = 0; d < draws; d++)
		{
			uint64_t	x = ms_rng_below(&r, ns[c], bits);

			in_range &= x < ns[c];
			if (x < ns[c])
				obs[x]++;
		}
		CHECK(in_range);
		CHECK(chi2_fits(obs, ex, (int) ns[c], draws));
		free(obs);
		free(ex);
	}
}

/*
 * Units of 1 to 5000 people in five groups of unequal size (one empty):
 * every random-allocation table keeps the unit sizes, never fills the empty
 * group, and each cell's mean over the replicates is t_i pi_k within 6
 * standard errors.  With budget 0 the same by ms_rng_binomial alone.
 */
static void
check_random_allocation(size_t budget, uint64_t seed)
{
	enum
	{
		N_UNITS = 6, K = 5, R = 4000
	};
	const double counts[N_UNITS * K] = {
		1, 0, 0, 0, 0,
		3, 1, 0, 1, 0,
		10, 20, 0, 5, 5,
		100, 50, 0, 40, 10,
		2000, 1000, 0, 1500, 500,
		17, 4, 0, 2, 1,
	};
	double		total[K] = {0},
				t[N_UNITS] = {0},
				T = 0.0,
				sum[N_UNITS * K] = {0},
				out[N_UNITS * K];
	int			kept = 1,
				means_ok = 1;
	TestArena	arena;
	MgSampler  *s;
	MsRng		r;

	for (int i = 0; i < N_UNITS; i++)
		for (int k = 0; k < K; k++)
		{
			total[k] += counts[i * K + k];
			t[i] += counts[i * K + k];
			T += counts[i * K + k];
		}
	test_arena_allocator(&arena);
	s = mg_sampler_build(counts, N_UNITS, K, budget, test_arena_alloc, &arena);
	ms_rng_seed(&r, seed);
	for (int rep = 0; rep < R; rep++)
	{
		mg_draw_random_allocation(&r, s, out);
		for (int i = 0; i < N_UNITS; i++)
		{
			double		size = 0.0;

			for (int k = 0; k < K; k++)
			{
				size += out[i * K + k];
				sum[i * K + k] += out[i * K + k];
				kept &= out[i * K + k] >= 0.0 && out[i * K + k] == floor(out[i * K + k]);
			}
			kept &= size == t[i] && out[i * K + 2] == 0.0;
		}
	}
	for (int i = 0; i < N_UNITS; i++)
		for (int k = 0; k < K; k++)
		{
			double		pi = total[k] / T,
						se = sqrt(t[i] * pi * (1 - pi) / R);

			means_ok &= fabs(sum[i * K + k] / R - t[i] * pi) <= 6 * se + 1e-12;
		}
	CHECK(kept);
	CHECK(means_ok);
	test_arena_free(&arena);
}

static void
test_random_allocation_tables(void)
{
	check_random_allocation(MG_SAMPLER_BUDGET, 41);
	check_random_allocation(0, 42);	/* no tables: ms_rng_binomial */
	check_random_allocation(20000, 43);	/* tables for small numbers only */
}

/*
 * The bootstrap of a table with cells c_1 .. c_m of N people: each draw
 * keeps N, leaves empty cells empty, and the joint law of cells a and b
 * over R draws fits the trinomial (x_a, x_b, rest) of Multinomial(N; c/N).
 * Returns whether the sampler used Poissonization.
 */
static int
check_bootstrap(const double *counts, size_t n, int K, int a, int b,
				uint64_t seed)
{
	const long	R = 60000;
	int			cells = (int) n * K;
	double		N = 0.0,
				out[64];
	int			kept = 1,
				poisson;
	int64_t		Na;
	double		pa,
				pb;
	int			span = 40;
	double	   *obs = calloc(span * span, sizeof(double)),
			   *ex = calloc(span * span, sizeof(double));
	TestArena	arena;
	MgSampler  *s;
	MsRng		r;

	for (int c = 0; c < cells; c++)
		N += counts[c];
	Na = (int64_t) N;
	pa = counts[a] / N;
	pb = counts[b] / N;
	/* trinomial probabilities of (x_a, x_b) below span each */
	for (int x = 0; x < span; x++)
		for (int y = 0; x + y <= Na && y < span; y++)
			ex[x * span + y] = exp(lgamma(N + 1) - lgamma(x + 1.0) - lgamma(y + 1.0) -
								   lgamma(N - x - y + 1) + x * log(pa) + y * log(pb) +
								   (N - x - y) * log1p(-pa - pb));
	test_arena_allocator(&arena);
	s = mg_sampler_build(counts, n, K, MG_SAMPLER_BUDGET, test_arena_alloc, &arena);
	poisson = s->poisson;
	ms_rng_seed(&r, seed);
	for (long rep = 0; rep < R; rep++)
	{
		double		sum = 0.0;

		mg_draw_bootstrap(&r, s, out);
		for (int c = 0; c < cells; c++)
		{
			sum += out[c];
			kept &= out[c] >= 0.0 && out[c] == floor(out[c]);
			kept &= counts[c] > 0.0 || out[c] == 0.0;
		}
		kept &= sum == N;
		kept &= out[a] < span && out[b] < span;
		if (out[a] < span && out[b] < span)
			obs[(int) out[a] * span + (int) out[b]]++;
	}
	CHECK(kept);
	CHECK(chi2_fits(obs, ex, span * span, R));
	free(obs);
	free(ex);
	test_arena_free(&arena);
	return poisson;
}

static void
test_bootstrap_paths(void)
{
	/* 30 cells, N = 40: Poissonization (3 sqrt 40 = 19 <= 30) */
	double		many[30];
	/* 9 cells of one person each: N = 9, all nine drawn one by one */
	const double ones[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
	/* 4 cells, N = 3508: conditional binomials (3 sqrt 3508 > 4) */
	const double few[4] = {1000, 3, 2500, 5};

	for (int c = 0; c < 30; c++)
		many[c] = c % 7 == 3 ? 0 : 1 + c % 3;
	CHECK(check_bootstrap(many, 10, 3, 1, 2, 51) == 1);
	CHECK(check_bootstrap(ones, 9, 1, 0, 4, 52) == 1);
	CHECK(check_bootstrap(few, 2, 2, 1, 3, 53) == 0);
}

/*
 * Pinned outputs: the same seed must give the same draws on every platform
 * and in every release that does not announce a change (the values were
 * recorded once).  The tables are built with IEEE arithmetic only.
 */
static void
test_samplers_pinned(void)
{
	/* N = 15: Poissonization (3 sqrt 15 <= 12 cells) */
	const double counts[12] = {2, 0, 1, 1, 3, 1, 0, 2, 1, 1, 2, 1};
	double		out[12];
	uint64_t	h = 0;
	TestArena	arena;
	MsTableSpace sp;
	MsDigitSampler bin,
				poi;
	MgSampler  *s;
	MsRng		r;

	test_arena_allocator(&arena);
	ms_table_space_init(&sp, test_arena_alloc, &arena, MG_SAMPLER_BUDGET);
	ms_digits_init(&bin, MS_LAW_BINOMIAL, 0.3, 5000, &sp);
	ms_digits_init(&poi, MS_LAW_POISSON, 0.99, 5000, &sp);
	ms_rng_seed(&r, 2026);
	for (int i = 0; i < 100; i++)
	{
		h = h * 31 + (uint64_t) ms_digits_draw(&r, &bin, 4321);
		h = h * 31 + (uint64_t) ms_digits_draw(&r, &poi, 1234);
		h = h * 31 + (uint64_t) ms_rng_binomial(&r, 100000, 0.25);
		h = h * 31 + (uint64_t) ms_rng_binomial(&r, 1000, 0.004);
	}
	s = mg_sampler_build(counts, 4, 3, MG_SAMPLER_BUDGET, test_arena_alloc, &arena);
	for (int i = 0; i < 100; i++)
	{
		mg_draw_random_allocation(&r, s, out);
		for (int c = 0; c < 12; c++)
			h = h * 31 + (uint64_t) out[c];
		mg_draw_bootstrap(&r, s, out);
		for (int c = 0; c < 12; c++)
			h = h * 31 + (uint64_t) out[c];
	}
	CHECK(s->poisson == 1);
	CHECK(h == UINT64_C(5385245607761985056));
	test_arena_free(&arena);
}

const UnitTest unit_table_sampler_tests[] = {
	UNIT_TEST(test_alias_tables_exact),
	UNIT_TEST(test_digits_binomial_fit),
	UNIT_TEST(test_digits_poisson_fit),
	UNIT_TEST(test_digits_budget),
	UNIT_TEST(test_binomial_regimes_fit),
	UNIT_TEST(test_rng_below),
	UNIT_TEST(test_random_allocation_tables),
	UNIT_TEST(test_bootstrap_paths),
	UNIT_TEST(test_samplers_pinned),
	{NULL, NULL}
};
