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

/*
 * Multinomial(size; probs[0..K-1], summing to 1) by conditional binomials.
 * The last category with a positive probability takes what is left, so
 * rounding in the running mass can never lose or invent a person.
 */
static void
draw_multinomial(MsRng *rng, double size, const double *probs, int K,
				 double *out)
{
	int64_t		left = (int64_t) size;
	double		mass = 1.0;
	int			last = K - 1;

	while (last > 0 && !(probs[last] > 0.0))
		last--;
	for (int k = 0; k < K; k++)
	{
		int64_t		x;

		if (left == 0 || !(probs[k] > 0.0))
			x = 0;
		else if (k == last || probs[k] >= mass)
			x = left;
		else
			x = ms_rng_binomial(rng, left, probs[k] / mass);
		out[k] = (double) x;
		left -= x;
		mass -= probs[k];
	}
}

static double
row_total(const double *row, int K)
{
	double		t = 0.0;

	for (int k = 0; k < K; k++)
		t += row[k];
	return t;
}

void
mg_draw_random_allocation(MsRng *rng, const double *counts, size_t n, int K,
						  double *probs, double *out)
{
	double		T = 0.0;

	for (int k = 0; k < K; k++)
		probs[k] = 0.0;
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < K; k++)
			probs[k] += counts[i * (size_t) K + k];
	for (int k = 0; k < K; k++)
		T += probs[k];
	for (int k = 0; k < K; k++)
		probs[k] /= T;
	for (size_t i = 0; i < n; i++)
		draw_multinomial(rng, row_total(counts + i * (size_t) K, K), probs, K,
						 out + i * (size_t) K);
}

void
mg_draw_bootstrap(MsRng *rng, const double *counts, size_t n, int K,
				  double *probs, double *out)
{
	double		N = 0.0,
				mass = 1.0;
	int64_t		left;
	size_t		last = 0;

	for (size_t i = 0; i < n; i++)
	{
		double		t = row_total(counts + i * (size_t) K, K);

		N += t;
		if (t > 0.0)
			last = i;
	}
	left = (int64_t) N;
	/*
	 * Unit sizes ~ Multinomial(N; t_i / N), then each unit's groups ~
	 * Multinomial(t_i*; pi_ik): together a Multinomial(N; t_ik / N).  The
	 * last populated unit takes what is left.
	 */
	for (size_t i = 0; i < n; i++)
	{
		const double *c = counts + i * (size_t) K;
		double		t = row_total(c, K);
		double		share = t / N;
		int64_t		size;

		if (left == 0 || !(t > 0.0))
			size = 0;
		else if (i == last || share >= mass)
			size = left;
		else
			size = ms_rng_binomial(rng, left, share / mass);
		left -= size;
		mass -= share;
		if (size == 0)
		{
			memset(out + i * (size_t) K, 0, K * sizeof(double));
			continue;
		}
		for (int k = 0; k < K; k++)
			probs[k] = c[k] / t;
		draw_multinomial(rng, (double) size, probs, K, out + i * (size_t) K);
	}
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

/*
 * The index of a table of whole counts.  The replicate tables are drawn
 * thousands of times, so this computes only what the index needs: the
 * group totals for D and Gini; for H and M also
 *   sum_i t_i E_i = sum_i (t_i ln t_i - sum_k t_ik ln t_ik)
 * with x ln x looked up for counts below 65536.
 */
void
mg_table_indices(const MgIndex *which, int m, const double *table, size_t n,
				 int K, MgInferenceWork *w, double *out)
{
	MgSums		s;
	int			entropy = 0;

	for (int j = 0; j < m; j++)
		entropy |= which[j] == MG_INDEX_THEIL ||
			which[j] == MG_INDEX_MUTUAL_INFORMATION;
	if (entropy && !xlogx_ready)
	{
		xlogx_table[0] = 0.0;
		for (int x = 1; x < XLOGX_TABLE; x++)
			xlogx_table[x] = x * log((double) x);
		xlogx_ready = 1;
	}
	s.K = K;
	s.total = w->total;
	s.sq = w->sq;
	s.within = 0.0;
	s.n_units = 0;
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
		if (!(t > 0.0))
			continue;
		s.n_units++;
		if (entropy)
		{
			double		inner = 0.0;

			for (int k = 0; k < K; k++)
				inner += whole_xlogx(c[k]);
			s.within += whole_xlogx(t) - inner;
		}
	}
	if (entropy && s.within < 0.0)
		s.within = 0.0;			/* rounding in a table with no mixing */
	for (int j = 0; j < m; j++)
		out[j] = s.n_units == 0 ? NAN : mg_index(which[j], &s, table, n, w->scratch);
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

	mg_table_indices(which, m, counts, n, K, w, est);
	ms_rng_seed(&rng, seed);
	for (int r = 0; r < replicates; r++)
	{
		if (tick)
			tick(tick_arg);
		mg_draw_random_allocation(&rng, counts, n, K, w->probs, w->table);
		mg_table_indices(which, m, w->table, n, K, w, v);
		for (int j = 0; j < m; j++)
			w->null_values[(size_t) j * replicates + r] = v[j];
	}
	for (int r = 0; r < replicates; r++)
	{
		if (tick)
			tick(tick_arg);
		mg_draw_bootstrap(&rng, counts, n, K, w->probs, w->table);
		mg_table_indices(which, m, w->table, n, K, w, v);
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
