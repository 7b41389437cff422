/*
 * inference.c — simulation-based inference for segregation indices
 * (see inference.h; docs/inference.md for the definitions and sources).
 */
#include "inference.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int
mg_counts_are_whole(const double *counts, size_t n, int K)
{
	for (size_t i = 0; i < n * (size_t) K; i++)
		if (!(counts[i] >= 0.0) || counts[i] > 9007199254740992.0 ||
			counts[i] != floor(counts[i]))
			return 0;
	return 1;
}

static int	sort_width;

static int
cmp_rows(const void *a, const void *b)
{
	const double *ra = a;
	const double *rb = b;

	for (int k = 0; k < sort_width; k++)
		if (ra[k] != rb[k])
			return ra[k] < rb[k] ? -1 : 1;
	return 0;
}

void
mg_sort_units(double *counts, size_t n, int K)
{
	/* qsort takes no context: the row width is set for this call only */
	sort_width = K;
	qsort(counts, n, (size_t) K * sizeof(double), cmp_rows);
}

/* Extra people expected in the bootstrap: MARGIN sqrt(N) (see MgSampler). */
#define POISSON_MARGIN 3.0

/* The extra people are drawn in chunks, sorted into buckets by first bits. */
#define EXTRA_CHUNK 4096
#define EXTRA_BUCKET_BITS 11

/* Fills split_p and split for the tree node lo .. hi - 1 and below. */
static void
build_splits(MgSampler *s, const double *before, int lo, int hi,
			 int64_t max_people, MsTableSpace *sp)
{
	int			mid;
	double		all,
				left;

	if (hi - lo < 2)
		return;
	mid = lo + (hi - lo) / 2;
	all = before[hi] - before[lo];
	left = before[mid] - before[lo];
	s->split_p[mid] = all > 0.0 ? left / all : 0.0;
	s->split[mid].limit = 0;
	if (s->split_p[mid] > 0.0 && s->split_p[mid] < 1.0)
		ms_digits_init(&s->split[mid], MS_LAW_BINOMIAL, s->split_p[mid],
					   max_people, sp);
	build_splits(s, before, lo, mid, max_people, sp);
	build_splits(s, before, mid, hi, max_people, sp);
}

static void
build_random_allocation(MgSampler *s, MsTableSpace *sp)
{
	int			K = s->K;
	double	   *before = sp->alloc(sp->alloc_arg, (K + 1) * sizeof(double));
	int64_t		max_people = 0;

	/* group totals, whole numbers below 2^53: the sums are exact */
	before[0] = 0.0;
	for (int k = 0; k < K; k++)
	{
		double		total = 0.0;

		for (size_t i = 0; i < s->n; i++)
			total += s->counts[i * K + k];
		before[k + 1] = before[k] + total;
	}
	for (size_t i = 0; i < s->n; i++)
	{
		double		t = 0.0;

		for (int k = 0; k < K; k++)
			t += s->counts[i * K + k];
		if (t > (double) max_people)
			max_people = (int64_t) t;
	}
	s->split_p = sp->alloc(sp->alloc_arg, K * sizeof(double));
	s->split = sp->alloc(sp->alloc_arg, K * sizeof(MsDigitSampler));
	build_splits(s, before, 0, K, max_people, sp);
}

/* For each block of 2^guide_shift people, the cell holding its first. */
static void
build_person_guide(MgSampler *s, size_t cells, MsAllocFn alloc,
				   void *alloc_arg)
{
	int			cell_bits = ms_bits_below(cells);
	size_t		blocks;
	size_t		c = 0;

	s->guide_shift = s->N_bits > cell_bits ? s->N_bits - cell_bits : 0;
	blocks = (size_t) ((s->N - 1) >> s->guide_shift) + 1;
	s->person_guide = alloc(alloc_arg, blocks * sizeof(uint32_t));
	for (size_t b = 0; b < blocks; b++)
	{
		int64_t		person = (int64_t) b << s->guide_shift;

		while (s->before[c + 1] <= person)
			c++;
		s->person_guide[b] = (uint32_t) c;
	}
}

static void
build_bootstrap(MgSampler *s, MsTableSpace *sp)
{
	size_t		cells = s->n * (size_t) s->K;
	int64_t		max_count = 0;

	s->before = sp->alloc(sp->alloc_arg, (cells + 1) * sizeof(int64_t));
	s->before[0] = 0;
	for (size_t c = 0; c < cells; c++)
	{
		int64_t		x = (int64_t) s->counts[c];

		s->before[c + 1] = s->before[c] + x;
		if (x > max_count)
			max_count = x;
	}
	s->N = s->before[cells];
	s->poisson = 0;
	s->rate = 0.0;
	s->cell_poisson.limit = 0;
	s->N_bits = 0;
	s->person_guide = NULL;
	s->guide_shift = s->bucket_shift = 0;
	s->extra = NULL;
	s->extra_start = NULL;
	if (s->N == 0 || cells > UINT32_MAX ||
		POISSON_MARGIN * sqrt((double) s->N) > (double) cells)
		return;
	if (POISSON_MARGIN * POISSON_MARGIN < (double) s->N)
	{
		s->rate = 1.0 - POISSON_MARGIN / sqrt((double) s->N);
		ms_digits_init(&s->cell_poisson, MS_LAW_POISSON, s->rate, max_count, sp);
		if (!ms_digits_cover(&s->cell_poisson, max_count))
			return;
	}
	s->N_bits = ms_bits_below((uint64_t) s->N);
	build_person_guide(s, cells, sp->alloc, sp->alloc_arg);
	s->bucket_shift = s->N_bits > EXTRA_BUCKET_BITS ?
		s->N_bits - EXTRA_BUCKET_BITS : 0;
	s->extra = sp->alloc(sp->alloc_arg, 2 * EXTRA_CHUNK * sizeof(int64_t));
	s->extra_start = sp->alloc(sp->alloc_arg,
							   ((1 << EXTRA_BUCKET_BITS) + 1) * sizeof(uint32_t));
	s->poisson = 1;
}

MgSampler *
mg_sampler_build(const double *counts, size_t n, int K, size_t budget,
				 MsAllocFn alloc, void *alloc_arg)
{
	MgSampler  *s = alloc(alloc_arg, sizeof(MgSampler));
	MsTableSpace sp;

	s->counts = counts;
	s->n = n;
	s->K = K;
	ms_table_space_init(&sp, alloc, alloc_arg, budget);
	build_random_allocation(s, &sp);
	sp.budget = budget;			/* the same again for the bootstrap */
	build_bootstrap(s, &sp);
	return s;
}

/* Binomial(people, split_p[mid]) */
static int64_t
split_draw(MsRng *rng, const MgSampler *s, int mid, int64_t people)
{
	double		p = s->split_p[mid];

	if (people == 0 || p <= 0.0)
		return 0;
	if (p >= 1.0)
		return people;
	if (ms_digits_cover(&s->split[mid], people))
		return ms_digits_draw(rng, &s->split[mid], people);
	return ms_rng_binomial(rng, people, p);
}

/*
 * Splits, in every unit, the people of groups lo .. hi - 1 (held at out[lo])
 * between lo .. mid - 1 and mid .. hi - 1, then the two halves in turn: one
 * node at a time, so that the draws use one node's tables in a row.
 */
static void
allocate_node(MsRng *rng, const MgSampler *s, int lo, int hi, double *out)
{
	int			K = s->K;
	int			mid;

	if (hi - lo < 2)
		return;
	mid = lo + (hi - lo) / 2;
	for (size_t i = 0; i < s->n; i++)
	{
		double	   *row = out + i * (size_t) K;
		int64_t		people = (int64_t) row[lo];
		int64_t		left = split_draw(rng, s, mid, people);

		row[lo] = (double) left;
		row[mid] = (double) (people - left);
	}
	allocate_node(rng, s, lo, mid, out);
	allocate_node(rng, s, mid, hi, out);
}

void
mg_draw_random_allocation(MsRng *rng, const MgSampler *s, double *out)
{
	int			K = s->K;

	for (size_t i = 0; i < s->n; i++)
	{
		const double *c = s->counts + i * (size_t) K;
		double		t = 0.0;

		for (int k = 0; k < K; k++)
			t += c[k];
		out[i * (size_t) K] = t;
	}
	allocate_node(rng, s, 0, K, out);
}

/*
 * Multinomial(people; cell weights) over cells lo .. hi - 1 by conditional
 * binomials along a binary tree; before[] are the weights' running sums.
 */
static void
split_cells(MsRng *rng, const int64_t *before, int64_t people, size_t lo,
			size_t hi, double *out)
{
	while (hi - lo > 1)
	{
		size_t		mid = lo + (hi - lo) / 2;
		int64_t		left;

		if (people == 0)
		{
			memset(out + lo, 0, (hi - lo) * sizeof(double));
			return;
		}
		left = ms_rng_binomial(rng, people, (double) (before[mid] - before[lo]) /
							   (double) (before[hi] - before[lo]));
		split_cells(rng, before, left, lo, mid, out);
		people -= left;
		lo = mid;
	}
	out[lo] = (double) people;
}

/* Poisson(rate t_ik) in every cell; returns their sum. */
static int64_t
draw_poissons(MsRng *rng, const MgSampler *s, size_t cells, double *out)
{
	int64_t		sum = 0;

	for (size_t c = 0; c < cells; c++)
	{
		int64_t		x = ms_digits_draw(rng, &s->cell_poisson,
									   (int64_t) s->counts[c]);

		out[c] = (double) x;
		sum += x;
	}
	return sum;
}

/* One more person in the cell of the given person. */
static void
add_person(const MgSampler *s, int64_t person, double *out)
{
	uint32_t	c = s->person_guide[person >> s->guide_shift];

	while (s->before[c + 1] <= person)
		c++;
	out[c] += 1.0;
}

/*
 * Adds count people, each drawn from all N with equal chances.  They are
 * drawn a chunk at a time and sorted by their first bits before their cells
 * are looked up, so that the look-ups of a bucket stay in cache.
 */
static void
add_people(MsRng *rng, const MgSampler *s, int64_t count, double *out)
{
	int64_t    *drawn = s->extra;
	int64_t    *sorted = s->extra + EXTRA_CHUNK;
	uint32_t   *start = s->extra_start;
	int			buckets = 1 << EXTRA_BUCKET_BITS;

	while (count > 0)
	{
		int			m = count < EXTRA_CHUNK ? (int) count : EXTRA_CHUNK;

		memset(start, 0, (buckets + 1) * sizeof(uint32_t));
		for (int e = 0; e < m; e++)
		{
			drawn[e] = (int64_t) ms_rng_below(rng, (uint64_t) s->N, s->N_bits);
			start[(drawn[e] >> s->bucket_shift) + 1]++;
		}
		for (int b = 0; b < buckets; b++)
			start[b + 1] += start[b];
		for (int e = 0; e < m; e++)
			sorted[start[drawn[e] >> s->bucket_shift]++] = drawn[e];
		for (int e = 0; e < m; e++)
			add_person(s, sorted[e], out);
		count -= m;
	}
}

void
mg_draw_bootstrap(MsRng *rng, const MgSampler *s, double *out)
{
	size_t		cells = s->n * (size_t) s->K;
	int64_t		sum;

	if (cells == 0)
		return;
	if (!s->poisson)
	{
		split_cells(rng, s->before, s->N, 0, cells, out);
		return;
	}
	/* conditioning on sum <= N keeps the result exact (see MgSampler) */
	do
		sum = s->rate > 0.0 ? draw_poissons(rng, s, cells, out) : 0;
	while (sum > s->N);
	if (sum == 0)
		memset(out, 0, cells * sizeof(double));
	add_people(rng, s, s->N - sum, out);
}

/* x ln x for the whole numbers below XLOGX_TABLE, filled on first use. */
#define XLOGX_TABLE 65536
static double xlogx_table[XLOGX_TABLE];
static int	xlogx_ready = 0;

static inline double
whole_xlogx(double x)
{
	if (x < XLOGX_TABLE)
		return xlogx_table[(int) x];
	return x * log(x);
}

static void
xlogx_fill(void)
{
	if (xlogx_ready)
		return;
	xlogx_table[0] = 0.0;
	for (int x = 1; x < XLOGX_TABLE; x++)
		xlogx_table[x] = x * log((double) x);
	xlogx_ready = 1;
}

static int
needs_entropy(const MgIndex *which, int m)
{
	for (int j = 0; j < m; j++)
		if (which[j] == MG_INDEX_THEIL || which[j] == MG_INDEX_MUTUAL_INFORMATION)
			return 1;
	return 0;
}

/*
 * One pass over a table: the group totals, the units' totals (into
 * unit_total, if not NULL) and, if entropy, the sum the entropy indices
 * need, sum_i t_i E_i = sum_i (t_i ln t_i - sum_k t_ik ln t_ik), with x ln x
 * looked up for counts below 65536.
 */
static void
table_sums(const double *table, size_t n, int K, int entropy,
		   double *unit_total, MgInferenceWork *w, MgSums *s)
{
	if (entropy)
		xlogx_fill();
	s->K = K;
	s->total = w->total;
	s->sq = w->sq;
	s->within = 0.0;
	s->n_units = 0;
	memset(w->total, 0, K * sizeof(double));
	memset(w->sq, 0, K * sizeof(double));
	for (size_t i = 0; i < n; i++)
	{
		const double *c = table + i * (size_t) K;
		double		t = 0.0;

		for (int k = 0; k < K; k++)
		{
			t += c[k];
			w->total[k] += c[k];
		}
		if (unit_total)
			unit_total[i] = t;
		if (!(t > 0.0))
			continue;
		s->n_units++;
		if (entropy)
		{
			double		inner = 0.0;

			for (int k = 0; k < K; k++)
				inner += whole_xlogx(c[k]);
			s->within += whole_xlogx(t) - inner;
		}
	}
	if (entropy && s->within < 0.0)
		s->within = 0.0;		/* rounding in a table with no mixing */
}

/*
 * The index of a table of whole counts, for the data: only what the index
 * needs, the group totals for D and Gini, for H and M also the within sum.
 */
void
mg_table_indices(const MgIndex *which, int m, const double *table, size_t n,
				 int K, MgInferenceWork *w, double *out)
{
	MgSums		s;

	table_sums(table, n, K, needs_entropy(which, m), NULL, w, &s);
	for (int j = 0; j < m; j++)
		out[j] = s.n_units == 0 ? NAN : mg_index(which[j], &s, table, n, w->scratch);
}

/*
 * mg_dissimilarity of a replicate, from the units' totals: the terms in four
 * running sums, as one makes every addition wait for the one before (the
 * last bits may differ from the aggregate's; the data's D is computed as
 * the aggregate does).
 */
static double
replicate_dissimilarity(const double *table, const double *unit_total,
						size_t n, int K, const MgSums *s, double *share)
{
	double		T = 0.0,
				sum[4] = {0.0, 0.0, 0.0, 0.0};

	if (mg_groups_present(s->total, K) < 2)
		return NAN;
	for (int k = 0; k < K; k++)
		T += s->total[k];
	for (int k = 0; k < K; k++)
		share[k] = s->total[k] / T;
	for (size_t i = 0; i < n; i++)
	{
		const double *c = table + i * (size_t) K;

		for (int k = 0; k < K; k++)
			sum[k & 3] += fabs(c[k] - unit_total[i] * share[k]);
	}
	return (sum[0] + sum[1] + sum[2] + sum[3]) /
		(2.0 * T * mg_simpson_interaction(s->total, K));
}

/* The indices of a replicate table, sharing one pass over it. */
static void
replicate_indices(const MgIndex *which, int m, const double *table, size_t n,
				  int K, MgInferenceWork *w, double *out)
{
	MgSums		s;

	/* the units' totals go to scratch, before Gini uses it */
	table_sums(table, n, K, needs_entropy(which, m), w->scratch, w, &s);
	for (int j = 0; j < m; j++)
		if (which[j] == MG_INDEX_DISSIMILARITY)
			out[j] = s.n_units == 0 ? NAN :
				replicate_dissimilarity(table, w->scratch, n, K, &s, w->share);
	for (int j = 0; j < m; j++)
		if (which[j] != MG_INDEX_DISSIMILARITY)
			out[j] = s.n_units == 0 ? NAN :
				mg_index(which[j], &s, table, n, w->scratch);
}

double
mg_table_index(MgIndex which, const double *table, size_t n, int K,
			   MgInferenceWork *w)
{
	double		v;

	mg_table_indices(&which, 1, table, n, K, w, &v);
	return v;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

/* Moves the defined values to the front; returns their number. */
static int
compact_defined(double *v, int n)
{
	int			m = 0;

	for (int i = 0; i < n; i++)
		if (!isnan(v[i]))
			v[m++] = v[i];
	return m;
}

/* Quantile of sorted v[0..m-1], linear interpolation (Hyndman & Fan type 7). */
static double
quantile_sorted(const double *v, int m, double q)
{
	double		h = (m - 1) * q;
	int			lo = (int) floor(h);

	if (lo >= m - 1)
		return v[m - 1];
	return v[lo] + (h - lo) * (v[lo + 1] - v[lo]);
}

/* Summarises one index's replicates (moved and sorted in place). */
static void
summarise(double est, double *nulls, double *boots, int replicates,
		  double level, MgInference *out)
{
	double		sum = 0.0,
				sumsq = 0.0;
	int			m_null = compact_defined(nulls, replicates);
	int			m_boot = compact_defined(boots, replicates);
	int			at_least = 0;

	out->estimate = est;
	out->null_defined = m_null;
	out->boot_defined = m_boot;

	out->expected = NAN;
	out->p_value = NAN;
	out->modified = NAN;
	if (m_null > 0)
	{
		/* ties within rounding count as reaching the estimate */
		double		reach = est - 1e-12 * fmax(1.0, fabs(est));

		for (int r = 0; r < m_null; r++)
		{
			sum += nulls[r];
			at_least += nulls[r] >= reach;
		}
		out->expected = sum / m_null;
		if (!isnan(est))
			out->p_value = (1.0 + at_least) / (1.0 + m_null);
		/* Carrington & Troske 1997, eq. 3 */
		if (!isnan(est))
		{
			double		e = out->expected;

			if (est >= e)
				out->modified = e < 1.0 ? (est - e) / (1.0 - e) : NAN;
			else
				out->modified = e > 0.0 ? (est - e) / e : NAN;
		}
	}

	out->bias_corrected = NAN;
	out->std_error = NAN;
	out->ci_lower = NAN;
	out->ci_upper = NAN;
	if (m_boot > 0)
	{
		double		mean;

		sum = 0.0;
		for (int r = 0; r < m_boot; r++)
			sum += boots[r];
		mean = sum / m_boot;
		for (int r = 0; r < m_boot; r++)
			sumsq += (boots[r] - mean) * (boots[r] - mean);
		out->bias_corrected = 2.0 * est - mean;
		out->std_error = m_boot > 1 ? sqrt(sumsq / (m_boot - 1)) : NAN;

		/*
		 * The interval of the bias-corrected estimate: quantiles of the
		 * debiased replicates 2 est - est*_b (the basic bootstrap interval,
		 * Davison & Hinkley 1997, 5.2; as Elbers' R package "segregation").
		 */
		qsort(boots, m_boot, sizeof(double), cmp_double);
		out->ci_lower = 2.0 * est - quantile_sorted(boots, m_boot, (1.0 + level) / 2.0);
		out->ci_upper = 2.0 * est - quantile_sorted(boots, m_boot, (1.0 - level) / 2.0);
	}
}

void
mg_inference_many(const MgIndex *which, int m, const double *counts, size_t n,
				  int K, int replicates, uint64_t seed, double level,
				  MgInferenceWork *w, MgInferenceTick tick, void *tick_arg,
				  MgInference *out)
{
	MsRng		rng;
	double		est[MG_INFERENCE_MAX_INDICES],
				v[MG_INFERENCE_MAX_INDICES];
	MgSampler  *sampler = mg_sampler_build(counts, n, K, MG_SAMPLER_BUDGET,
										   w->alloc, w->alloc_arg);

	mg_table_indices(which, m, counts, n, K, w, est);
	ms_rng_seed(&rng, seed);
	for (int r = 0; r < replicates; r++)
	{
		if (tick)
			tick(tick_arg);
		mg_draw_random_allocation(&rng, sampler, w->table);
		replicate_indices(which, m, w->table, n, K, w, v);
		for (int j = 0; j < m; j++)
			w->null_values[(size_t) j * replicates + r] = v[j];
	}
	for (int r = 0; r < replicates; r++)
	{
		if (tick)
			tick(tick_arg);
		mg_draw_bootstrap(&rng, sampler, w->table);
		replicate_indices(which, m, w->table, n, K, w, v);
		for (int j = 0; j < m; j++)
			w->boot_values[(size_t) j * replicates + r] = v[j];
	}
	for (int j = 0; j < m; j++)
		summarise(est[j], w->null_values + (size_t) j * replicates,
				  w->boot_values + (size_t) j * replicates, replicates, level,
				  &out[j]);
}

void
mg_inference(MgIndex which, const double *counts, size_t n, int K,
			 int replicates, uint64_t seed, double level, MgInferenceWork *w,
			 MgInferenceTick tick, void *tick_arg, MgInference *out)
{
	mg_inference_many(&which, 1, counts, n, K, replicates, seed, level, w,
					  tick, tick_arg, out);
}
