/*
 * test_multigroup.c — hand-computed cases for every function of
 * multigroup.h, identities between the indices, invariances (empty groups,
 * empty units, unit order), brute-force evaluations of the definitions
 * (docs/multigroup.md) on pseudo-random data, and the K = 2 agreement with
 * the two-group indices of indices.h.
 *
 * Notation: unit i has counts t_ik, t_i = sum_k t_ik, pi_ik = t_ik / t_i;
 * T_k = sum_i t_ik, T = sum_k T_k, pi_k = T_k / T; E = -sum pi_k ln pi_k,
 * I = sum pi_k (1 - pi_k); V_k = sum_i t_i (pi_ik - pi_k)^2.
 *
 * Recurring data sets (rows are units, columns groups):
 *
 *   A  {10,0,0} {0,10,10}          T_k = 10,10,10  T = 30  pi_k = 1/3 each
 *   B  {6,2,0} {2,2,4} {0,2,2}     T_k = 8,6,6     T = 20  pi_k = .4,.3,.3
 */
#include "unit.h"
#include "indices.h"
#include "multigroup.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TOL 1e-12
#define N(a) (sizeof(a) / sizeof((a)[0]))
#define N_INDICES 11

static const double set_a[] = {
	10, 0, 0,
	0, 10, 10,
};

static const double set_b[] = {
	6, 2, 0,
	2, 2, 4,
	0, 2, 2,
};

/* Passes when both are NaN, or both are numbers within tol. */
#define CHECK_SAME(a, b, tol) \
	do { \
		double		same_a_ = (a), \
					same_b_ = (b); \
		if (isnan(same_a_) || isnan(same_b_)) \
			unit_check(isnan(same_a_) && isnan(same_b_), __FILE__, __LINE__, \
					   "both NaN: " #a " and " #b); \
		else \
			unit_check_close(same_a_, same_b_, (tol), __FILE__, __LINE__, #a, #b); \
	} while (0)

/* ---------------------------------------------------------------------- */
/* helpers                                                                */
/* ---------------------------------------------------------------------- */

static void
sums_init(MgSums *s, int K)
{
	s->K = K;
	s->total = calloc((size_t) K + 1, sizeof(double));
	s->sq = calloc((size_t) K + 1, sizeof(double));
	s->within = 0.0;
	s->n_units = 0;
}

static void
sums_free(MgSums *s)
{
	free(s->total);
	free(s->sq);
	s->total = s->sq = NULL;
}

/* Accumulates n rows of K counts. */
static void
sums_of(MgSums *s, const double *units, size_t n, int K)
{
	sums_init(s, K);
	for (size_t i = 0; i < n; i++)
		mg_add_unit(s, units + i * (size_t) K);
}

/* Every index, by the direct calls, in the order of MgIndex. */
static void
all_indices(const double *units, size_t n, int K, double out[N_INDICES])
{
	MgSums		s;
	double	   *scratch = malloc((2 * n + 1) * sizeof(double));

	sums_of(&s, units, n, K);
	out[MG_INDEX_DISSIMILARITY] = mg_dissimilarity(units, n, K, s.total);
	out[MG_INDEX_GINI] = mg_gini(units, n, K, s.total, scratch);
	out[MG_INDEX_THEIL] = mg_theil(&s);
	out[MG_INDEX_MUTUAL_INFORMATION] = mg_mutual_information(&s);
	out[MG_INDEX_NORMALIZED_EXPOSURE] = mg_normalized_exposure(&s);
	out[MG_INDEX_RELATIVE_DIVERSITY] = mg_relative_diversity(&s);
	out[MG_INDEX_SQUARED_COEFFICIENT_OF_VARIATION] = mg_squared_coefficient_of_variation(&s);
	out[MG_INDEX_DIVERSITY] = mg_diversity(s.total, K);
	out[MG_INDEX_NORMALIZED_DIVERSITY] = mg_normalized_diversity(s.total, K);
	out[MG_INDEX_SIMPSON_INTERACTION] = mg_simpson_interaction(s.total, K);
	out[MG_INDEX_SIMPSON_CONCENTRATION] = mg_simpson_concentration(s.total, K);
	free(scratch);
	sums_free(&s);
}

/* Relative tolerance for values of order 1 or smaller. */
static double
rtol(double v)
{
	return 1e-11 * fmax(1.0, fabs(v));
}

static void
check_same_indices(const double *a, const double *b)
{
	for (int w = 0; w < N_INDICES; w++)
		CHECK_SAME(a[w], b[w], rtol(b[w]));
}

/*
 * Pseudo-random n x K table: counts 0..max-1, some units empty (every
 * seventh on average), some groups empty (when empty_groups), at least two
 * groups present.
 */
static double *
random_table(UnitRng *rng, size_t n, int K, uint32_t max, int empty_groups)
{
	double	   *u = calloc(n * (size_t) K + 1, sizeof(double));
	int		   *gone = calloc((size_t) K, sizeof(int));

	if (empty_groups)
		for (int k = 2; k < K; k++)
			gone[k] = unit_rng_below(rng, 3) == 0;
	for (size_t i = 0; i < n; i++)
	{
		int			empty = unit_rng_below(rng, 7) == 0;

		for (int k = 0; k < K; k++)
		{
			/* skewed: group k is more frequent in some units than others */
			uint32_t	bound = 1 + (uint32_t) ((double) max * ((i * 7 + (size_t) k * 13) % 17) / 16.0);

			u[i * K + k] = (empty || gone[k]) ? 0.0 : unit_rng_below(rng, bound);
		}
	}
	/* groups 0 and 1 present */
	u[0] += 1;
	u[(n - 1) * K + 1] += 1;
	free(gone);
	return u;
}

/* ---------------------------------------------------------------------- */
/* brute force: the definitions of docs/multigroup.md, term by term       */
/* ---------------------------------------------------------------------- */

typedef struct Direct
{
	double		T,
				E,
				I,
				D,
				G,
				M,
				NE,
				RD,
				SCV;
	int			K_present;
} Direct;

static Direct
direct_of(const double *u, size_t n, int K)
{
	Direct		r;
	double	   *Tk = calloc((size_t) K, sizeof(double));
	double	   *t = calloc(n + 1, sizeof(double));
	double		d_sum = 0.0,
				g_sum = 0.0,
				m_sum = 0.0,
				ne = 0.0,
				rd = 0.0,
				scv = 0.0;

	memset(&r, 0, sizeof(r));
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < K; k++)
		{
			t[i] += u[i * K + k];
			Tk[k] += u[i * K + k];
			r.T += u[i * K + k];
		}
	for (int k = 0; k < K; k++)
	{
		double		p = Tk[k] / r.T;

		if (Tk[k] > 0)
		{
			r.K_present++;
			r.E -= p * log(p);
		}
		r.I += p * (1 - p);
	}
	for (int k = 0; k < K; k++)
	{
		double		pk = Tk[k] / r.T,
					V = 0.0;

		if (!(Tk[k] > 0))
			continue;
		for (size_t i = 0; i < n; i++)
		{
			double		pik;

			if (!(t[i] > 0))
				continue;
			pik = u[i * K + k] / t[i];
			d_sum += t[i] * fabs(pik - pk);
			V += t[i] * (pik - pk) * (pik - pk);
			if (pik > 0)
				m_sum += u[i * K + k] / r.T * log(pik / pk);
			/* every ordered pair (i, j), O(n^2 K) */
			for (size_t j = 0; j < n; j++)
				if (t[j] > 0)
					g_sum += t[i] * t[j] * fabs(pik - u[j * K + k] / t[j]);
		}
		ne += V / ((1 - pk) * r.T);
		rd += V;
		scv += V / pk;
	}
	r.D = d_sum / (2 * r.T * r.I);
	r.G = g_sum / (2 * r.T * r.T * r.I);
	r.M = m_sum;
	r.NE = ne;
	r.RD = rd / (r.T * r.I);
	r.SCV = scv / (r.T * (r.K_present - 1));
	free(Tk);
	free(t);
	return r;
}

/* ---------------------------------------------------------------------- */
/* accumulation                                                           */
/* ---------------------------------------------------------------------- */

static void
test_add_unit(void)
{
	MgSums		s;
	const double u1[] = {6, 2, 0};
	const double u2[] = {2, 2, 4};
	const double zero[] = {0, 0, 0};

	sums_init(&s, 3);
	CHECK(mg_add_unit(&s, zero) == 0.0);
	CHECK(s.n_units == 0);			/* an empty unit is not counted */
	CHECK(s.total[0] == 0 && s.total[1] == 0 && s.total[2] == 0);
	CHECK(s.within == 0.0);

	/* u1: t = 8; sq += 36/8, 4/8, 0; t E_1 = 8 (2 ln 2 - 0.75 ln 3) */
	CHECK(mg_add_unit(&s, u1) == 8.0);
	CHECK(s.n_units == 1);
	CHECK(s.total[0] == 6 && s.total[1] == 2 && s.total[2] == 0);
	CHECK_CLOSE(s.sq[0], 4.5, TOL);
	CHECK_CLOSE(s.sq[1], 0.5, TOL);
	CHECK(s.sq[2] == 0.0);
	CHECK_CLOSE(s.within, 8 * (2 * log(2.0) - 0.75 * log(3.0)), TOL);

	/* u2: t = 8; sq += 4/8, 4/8, 16/8; t E_2 = 8 * 1.5 ln 2 = 12 ln 2 */
	CHECK(mg_add_unit(&s, u2) == 8.0);
	CHECK(mg_add_unit(&s, zero) == 0.0);
	CHECK(s.n_units == 2);
	CHECK(s.total[0] == 8 && s.total[1] == 4 && s.total[2] == 4);
	CHECK_CLOSE(s.sq[0], 5.0, TOL);
	CHECK_CLOSE(s.sq[1], 1.0, TOL);
	CHECK_CLOSE(s.sq[2], 2.0, TOL);
	CHECK_CLOSE(s.within, 16 * log(2.0) - 6 * log(3.0) + 12 * log(2.0), TOL);

	/* a one-group unit adds no entropy (t E_i = 0) */
	{
		const double solo[] = {0, 7, 0};

		CHECK(mg_add_unit(&s, solo) == 7.0);
		CHECK_CLOSE(s.within, 28 * log(2.0) - 6 * log(3.0), TOL);
		CHECK(s.total[1] == 11);
		CHECK_CLOSE(s.sq[1], 8.0, TOL);	/* + 49/7 */
	}
	sums_free(&s);
}

static void
test_add_sums(void)
{
	UnitRng		rng = {2024};
	const int	Ks[] = {2, 3, 6};

	for (size_t c = 0; c < N(Ks); c++)
	{
		int			K = Ks[c];
		size_t		n = 57;
		double	   *u = random_table(&rng, n, K, 40, 1);
		const size_t splits[] = {0, 1, 20, 56, 57};

		for (size_t sp = 0; sp < N(splits); sp++)
		{
			MgSums		one,
						a,
						b;
			size_t		m = splits[sp];

			sums_of(&one, u, n, K);
			sums_of(&a, u, m, K);
			sums_of(&b, u + m * K, n - m, K);
			mg_add_sums(&a, &b);
			CHECK(a.K == K);
			CHECK(a.n_units == one.n_units);
			CHECK_CLOSE(a.within, one.within, rtol(one.within));
			for (int k = 0; k < K; k++)
			{
				CHECK(a.total[k] == one.total[k]);	/* integer sums: exact */
				CHECK_CLOSE(a.sq[k], one.sq[k], rtol(one.sq[k]));
			}
			CHECK_SAME(mg_mutual_information(&a), mg_mutual_information(&one), TOL);
			CHECK_SAME(mg_theil(&a), mg_theil(&one), TOL);
			CHECK_SAME(mg_normalized_exposure(&a), mg_normalized_exposure(&one), TOL);
			CHECK_SAME(mg_relative_diversity(&a), mg_relative_diversity(&one), TOL);
			CHECK_SAME(mg_squared_coefficient_of_variation(&a),
					   mg_squared_coefficient_of_variation(&one), TOL);
			/* b is unchanged */
			{
				MgSums		b2;

				sums_of(&b2, u + m * K, n - m, K);
				CHECK(b.n_units == b2.n_units && b.within == b2.within);
				for (int k = 0; k < K; k++)
					CHECK(b.total[k] == b2.total[k] && b.sq[k] == b2.sq[k]);
				sums_free(&b2);
			}
			sums_free(&one);
			sums_free(&a);
			sums_free(&b);
		}
		free(u);
	}
}

static void
test_groups_present(void)
{
	const double t1[] = {0, 0, 0};
	const double t2[] = {0, 5, 0};
	const double t3[] = {1, 0, 2.5, 0};
	const double t4[] = {1e-300, 4.9406564584124654e-324, 3};

	CHECK(mg_groups_present(t1, 3) == 0);
	CHECK(mg_groups_present(t2, 3) == 1);
	CHECK(mg_groups_present(t3, 4) == 2);
	CHECK(mg_groups_present(t4, 3) == 3);
	CHECK(mg_groups_present(t3, 1) == 1);	/* only the first K count */
	CHECK(mg_groups_present(t3, 0) == 0);
}

/* ---------------------------------------------------------------------- */
/* hand-computed cases                                                    */
/* ---------------------------------------------------------------------- */

/*
 * Set A: {10,0,0} {0,10,10}.  t = 10, 20; T_k = 10 each, T = 30, pi_k = 1/3.
 *
 *   E = ln 3;  I = 3 (1/3)(2/3) = 2/3;  concentration = 3 (1/9) = 1/3.
 *   D: sum_ik |t_ik - t_i pi_k|
 *        k=1: |10 - 10/3| + |0 - 20/3| = 20/3 + 20/3 = 40/3
 *        k=2: |0 - 10/3| + |10 - 20/3| = 10/3 + 10/3 = 20/3, k=3 the same
 *      = 80/3;  D = (80/3) / (2 * 30 * 2/3) = (80/3) / 40 = 2/3.
 *   Gini: one unordered pair, t_1 t_2 = 200, sum_k |pi_1k - pi_2k| =
 *      1 + 1/2 + 1/2 = 2; ordered pairs 2 * 200 * 2 = 800;
 *      G = 800 / (2 * 900 * 2/3) = 800 / 1200 = 2/3.
 *   M: E_1 = 0, E_2 = ln 2; M = ln 3 - (20/30) ln 2 = ln 3 - (2/3) ln 2.
 *   H = M / ln 3.
 *   V_1 = 10 (2/3)^2 + 20 (1/3)^2 = 40/9 + 20/9 = 20/3;
 *   V_2 = V_3 = 10 (1/3)^2 + 20 (1/6)^2 = 10/9 + 5/9 = 5/3;  sum V = 10.
 *   NE  = sum V_k / ((1 - 1/3) 30) = 10 / 20 = 1/2
 *   RD  = sum V / (T I) = 10 / 20 = 1/2
 *   SCV = sum V_k / (T (3-1) (1/3)) = 10 / 20 = 1/2
 *   normalized diversity = ln 3 / ln 3 = 1.
 */
static void
test_hand_case_a(void)
{
	MgSums		s;
	double		scratch[4];
	const double ln2 = log(2.0),
				ln3 = log(3.0);
	const double M = ln3 - 2.0 / 3.0 * ln2;

	sums_of(&s, set_a, 2, 3);
	CHECK(s.n_units == 2);
	CHECK(s.total[0] == 10 && s.total[1] == 10 && s.total[2] == 10);
	CHECK_CLOSE(mg_dissimilarity(set_a, 2, 3, s.total), 2.0 / 3.0, TOL);
	CHECK_CLOSE(mg_gini(set_a, 2, 3, s.total, scratch), 2.0 / 3.0, TOL);
	CHECK_CLOSE(mg_mutual_information(&s), M, TOL);
	CHECK_CLOSE(mg_theil(&s), M / ln3, TOL);
	CHECK_CLOSE(mg_normalized_exposure(&s), 0.5, TOL);
	CHECK_CLOSE(mg_relative_diversity(&s), 0.5, TOL);
	CHECK_CLOSE(mg_squared_coefficient_of_variation(&s), 0.5, TOL);
	CHECK_CLOSE(mg_diversity(s.total, 3), ln3, TOL);
	CHECK_CLOSE(mg_normalized_diversity(s.total, 3), 1.0, TOL);
	CHECK_CLOSE(mg_simpson_interaction(s.total, 3), 2.0 / 3.0, TOL);
	CHECK_CLOSE(mg_simpson_concentration(s.total, 3), 1.0 / 3.0, TOL);
	/* M = 0.636514 as in docs/multigroup.md */
	CHECK_CLOSE(M, 0.636514168294813, 1e-14);
	sums_free(&s);
}

/*
 * Set B: {6,2,0} {2,2,4} {0,2,2}.  t = 8, 8, 4; T_k = 8, 6, 6; T = 20;
 * pi_k = 0.4, 0.3, 0.3.  Unit shares: (3/4, 1/4, 0), (1/4, 1/4, 1/2),
 * (0, 1/2, 1/2).
 *
 *   I = .4*.6 + .3*.7 + .3*.7 = .24 + .21 + .21 = 0.66;  concentration
 *     = .16 + .09 + .09 = 0.34.
 *   E = -(.4 ln .4 + .6 ln .3) = -.4 (ln 2 - ln 5) - .6 (ln 3 - ln 10)
 *     = 0.2 ln 2 + ln 5 - 0.6 ln 3  (= 1.0888999753)
 *   D: expected counts t_i pi_k are (3.2, 2.4, 2.4) for t = 8 and
 *      (1.6, 1.2, 1.2) for t = 4;
 *        unit 1: |6-3.2| + |2-2.4| + |0-2.4| = 2.8 + 0.4 + 2.4 = 5.6
 *        unit 2: |2-3.2| + |2-2.4| + |4-2.4| = 1.2 + 0.4 + 1.6 = 3.2
 *        unit 3: |0-1.6| + |2-1.2| + |2-1.2| = 1.6 + 0.8 + 0.8 = 3.2
 *      sum 12;  D = 12 / (2 * 20 * 0.66) = 12 / 26.4 = 5/11.
 *   Gini, unordered pairs t_i t_j sum_k |pi_ik - pi_jk|:
 *        (1,2): 64 * (1/2 + 0 + 1/2) = 64
 *        (1,3): 32 * (3/4 + 1/4 + 1/2) = 48
 *        (2,3): 32 * (1/4 + 1/4 + 0) = 16
 *      sum 128, ordered 256;  G = 256 / (2 * 400 * 0.66) = 256/528 = 16/33.
 *   M: E_1 = -(3/4 ln 3/4 + 1/4 ln 1/4) = 2 ln 2 - 0.75 ln 3,
 *      E_2 = -(2 (1/4) ln 1/4 + 1/2 ln 1/2) = 1.5 ln 2,  E_3 = ln 2;
 *      sum t_i E_i = 8 (2 ln 2 - .75 ln 3) + 12 ln 2 + 4 ln 2
 *                  = 32 ln 2 - 6 ln 3;  / T = 1.6 ln 2 - 0.3 ln 3;
 *      M = E - 1.6 ln 2 + 0.3 ln 3 = ln 5 - 1.4 ln 2 - 0.3 ln 3 (= 0.3094481730)
 *   H = M / E.
 *   V_k = sum_i t_ik^2 / t_i - T_k^2 / T:
 *        V_1 = 36/8 + 4/8 + 0   - 64/20 = 5 - 3.2 = 1.8
 *        V_2 = 4/8 + 4/8 + 4/4  - 36/20 = 2 - 1.8 = 0.2
 *        V_3 = 0 + 16/8 + 4/4   - 36/20 = 3 - 1.8 = 1.2
 *   NE  = 1.8/(.6*20) + 0.2/(.7*20) + 1.2/(.7*20) = .15 + 1.4/14 = 0.25
 *   RD  = (1.8 + 0.2 + 1.2) / (20 * 0.66) = 3.2 / 13.2 = 8/33
 *   SCV = 1.8/(20*2*.4) + 0.2/(20*2*.3) + 1.2/(20*2*.3)
 *       = 1.8/16 + 1.4/12 = 27/240 + 28/240 = 55/240 = 11/48
 *   normalized diversity = E / ln 3.
 */
static void
test_hand_case_b(void)
{
	MgSums		s;
	double		scratch[6];
	const double ln2 = log(2.0),
				ln3 = log(3.0),
				ln5 = log(5.0);
	const double E = 0.2 * ln2 + ln5 - 0.6 * ln3;
	const double M = ln5 - 1.4 * ln2 - 0.3 * ln3;

	sums_of(&s, set_b, 3, 3);
	CHECK(s.n_units == 3);
	CHECK_CLOSE(mg_dissimilarity(set_b, 3, 3, s.total), 5.0 / 11.0, TOL);
	CHECK_CLOSE(mg_gini(set_b, 3, 3, s.total, scratch), 16.0 / 33.0, TOL);
	CHECK_CLOSE(mg_diversity(s.total, 3), E, TOL);
	CHECK_CLOSE(E, 1.0888999753452235, 1e-14);
	CHECK_CLOSE(mg_mutual_information(&s), M, TOL);
	CHECK_CLOSE(M, 0.30944817304974404, 1e-14);
	CHECK_CLOSE(mg_theil(&s), M / E, TOL);
	CHECK_CLOSE(mg_normalized_exposure(&s), 0.25, TOL);
	CHECK_CLOSE(mg_relative_diversity(&s), 8.0 / 33.0, TOL);
	CHECK_CLOSE(mg_squared_coefficient_of_variation(&s), 11.0 / 48.0, TOL);
	CHECK_CLOSE(mg_normalized_diversity(s.total, 3), E / ln3, TOL);
	CHECK_CLOSE(mg_simpson_interaction(s.total, 3), 0.66, TOL);
	CHECK_CLOSE(mg_simpson_concentration(s.total, 3), 0.34, TOL);
	sums_free(&s);
}

/*
 * Indices from totals alone.  Totals {1, 1, 2}: pi = 1/4, 1/4, 1/2;
 * E = 2 (1/4) ln 4 + (1/2) ln 2 = ln 2 + 0.5 ln 2 = 1.5 ln 2;
 * E / ln 3; I = 2 (1/4)(3/4) + (1/2)(1/2) = 3/8 + 1/4 = 5/8;
 * concentration 1/16 + 1/16 + 1/4 = 3/8.
 * One group: E = 0, I = 0, concentration 1, E / ln 1 undefined.
 * No members: everything undefined.
 */
static void
test_totals_indices(void)
{
	const double t[] = {1, 1, 2};
	const double t_zero_group[] = {0, 1, 0, 1, 2, 0};
	const double one[] = {0, 7, 0};
	const double none[] = {0, 0, 0};

	CHECK_CLOSE(mg_diversity(t, 3), 1.5 * log(2.0), TOL);
	CHECK_CLOSE(mg_normalized_diversity(t, 3), 1.5 * log(2.0) / log(3.0), TOL);
	CHECK_CLOSE(mg_simpson_interaction(t, 3), 5.0 / 8.0, TOL);
	CHECK_CLOSE(mg_simpson_concentration(t, 3), 3.0 / 8.0, TOL);

	/* empty categories: the same values, ln K with K = 3 present */
	CHECK_CLOSE(mg_diversity(t_zero_group, 6), 1.5 * log(2.0), TOL);
	CHECK_CLOSE(mg_normalized_diversity(t_zero_group, 6), 1.5 * log(2.0) / log(3.0), TOL);
	CHECK_CLOSE(mg_simpson_interaction(t_zero_group, 6), 5.0 / 8.0, TOL);
	CHECK_CLOSE(mg_simpson_concentration(t_zero_group, 6), 3.0 / 8.0, TOL);

	/* K = 2, totals {1, 3}: E = e(1/4) = 2 ln 2 - 0.75 ln 3, E / ln 2 */
	{
		const double t2[] = {1, 3};

		CHECK_CLOSE(mg_diversity(t2, 2), 2 * log(2.0) - 0.75 * log(3.0), TOL);
		CHECK_CLOSE(mg_diversity(t2, 2), seg_binary_entropy(0.25), TOL);
		CHECK_CLOSE(mg_normalized_diversity(t2, 2), seg_binary_entropy(0.25) / log(2.0), TOL);
		CHECK_CLOSE(mg_simpson_interaction(t2, 2), 2 * 0.25 * 0.75, TOL);
		CHECK_CLOSE(mg_simpson_concentration(t2, 2), 0.0625 + 0.5625, TOL);
	}

	/* maximal diversity: K equal groups, E = ln K, normalized 1, I = 1 - 1/K */
	{
		const double eq[] = {5, 5, 5, 5, 5};

		CHECK_CLOSE(mg_diversity(eq, 5), log(5.0), TOL);
		CHECK_CLOSE(mg_normalized_diversity(eq, 5), 1.0, TOL);
		CHECK_CLOSE(mg_simpson_interaction(eq, 5), 0.8, TOL);
		CHECK_CLOSE(mg_simpson_concentration(eq, 5), 0.2, TOL);
	}

	CHECK(mg_diversity(one, 3) == 0.0);
	CHECK(isnan(mg_normalized_diversity(one, 3)));
	CHECK(mg_simpson_interaction(one, 3) == 0.0);
	CHECK(mg_simpson_concentration(one, 3) == 1.0);

	CHECK(isnan(mg_diversity(none, 3)));
	CHECK(isnan(mg_normalized_diversity(none, 3)));
	CHECK(isnan(mg_simpson_interaction(none, 3)));
	CHECK(isnan(mg_simpson_concentration(none, 3)));
}

/* ---------------------------------------------------------------------- */
/* undefined cases                                                        */
/* ---------------------------------------------------------------------- */

static void
check_segregation_nan(const double *u, size_t n, int K)
{
	double		v[N_INDICES];

	all_indices(u, n, K, v);
	CHECK(isnan(v[MG_INDEX_DISSIMILARITY]));
	CHECK(isnan(v[MG_INDEX_GINI]));
	CHECK(isnan(v[MG_INDEX_THEIL]));
	CHECK(isnan(v[MG_INDEX_MUTUAL_INFORMATION]));
	CHECK(isnan(v[MG_INDEX_NORMALIZED_EXPOSURE]));
	CHECK(isnan(v[MG_INDEX_RELATIVE_DIVERSITY]));
	CHECK(isnan(v[MG_INDEX_SQUARED_COEFFICIENT_OF_VARIATION]));
	CHECK(isnan(v[MG_INDEX_NORMALIZED_DIVERSITY]));
}

static void
test_nan_cases(void)
{
	/* one group with members (K = 2 and K = 3 with two empty groups) */
	const double one2[] = {5, 0, 3, 0, 0, 0};
	const double one3[] = {0, 5, 0, 0, 3, 0};
	/* no members at all */
	const double none[] = {0, 0, 0, 0, 0, 0};
	double		v[N_INDICES];

	check_segregation_nan(one2, 3, 2);
	all_indices(one2, 3, 2, v);
	CHECK(v[MG_INDEX_DIVERSITY] == 0.0);
	CHECK(v[MG_INDEX_SIMPSON_INTERACTION] == 0.0);
	CHECK(v[MG_INDEX_SIMPSON_CONCENTRATION] == 1.0);

	check_segregation_nan(one3, 2, 3);
	all_indices(one3, 2, 3, v);
	CHECK(v[MG_INDEX_DIVERSITY] == 0.0);
	CHECK(v[MG_INDEX_SIMPSON_CONCENTRATION] == 1.0);

	check_segregation_nan(none, 2, 3);
	check_segregation_nan(none, 0, 3);	/* no units */
	all_indices(none, 0, 3, v);
	for (int w = 0; w < N_INDICES; w++)
		CHECK(isnan(v[w]));

	/* a single populated unit with two groups: every unit is the city */
	{
		const double single[] = {3, 1, 0};

		all_indices(single, 1, 3, v);
		CHECK_CLOSE(v[MG_INDEX_DISSIMILARITY], 0.0, TOL);
		CHECK_CLOSE(v[MG_INDEX_GINI], 0.0, TOL);
		CHECK_CLOSE(v[MG_INDEX_MUTUAL_INFORMATION], 0.0, TOL);
		CHECK_CLOSE(v[MG_INDEX_THEIL], 0.0, TOL);
		CHECK_CLOSE(v[MG_INDEX_NORMALIZED_EXPOSURE], 0.0, TOL);
		CHECK_CLOSE(v[MG_INDEX_RELATIVE_DIVERSITY], 0.0, TOL);
		CHECK_CLOSE(v[MG_INDEX_SQUARED_COEFFICIENT_OF_VARIATION], 0.0, TOL);
	}
}

/* ---------------------------------------------------------------------- */
/* identities and invariances                                             */
/* ---------------------------------------------------------------------- */

/*
 * H E = M; sum_i (t_i/T) ls_i = M; I + concentration = 1; D, G, H, NE, RD,
 * SCV in [0, 1]; the definitions evaluated term by term agree.
 */
static void
test_identities_random(void)
{
	UnitRng		rng = {777};
	const int	Ks[] = {2, 3, 4, 7, 12};
	const size_t ns[] = {1, 2, 5, 33, 120};

	for (size_t c = 0; c < N(Ks); c++)
	{
		for (size_t d = 0; d < N(ns); d++)
		{
			int			K = Ks[c];
			size_t		n = ns[d];
			double	   *u = random_table(&rng, n, K, 60, c % 2);
			double		v[N_INDICES];
			MgSums		s;
			double		T = 0.0,
						sum_ls = 0.0;
			Direct		r = direct_of(u, n, K);

			sums_of(&s, u, n, K);
			all_indices(u, n, K, v);
			for (int k = 0; k < K; k++)
				T += s.total[k];
			for (size_t i = 0; i < n; i++)
			{
				double		t = 0.0;

				for (int k = 0; k < K; k++)
					t += u[i * K + k];
				if (t > 0)
					sum_ls += t / T * mg_local_segregation(u + i * K, s.total, K);
				else
					CHECK(isnan(mg_local_segregation(u + i * K, s.total, K)));
			}
			CHECK_CLOSE(v[MG_INDEX_THEIL] * v[MG_INDEX_DIVERSITY],
						v[MG_INDEX_MUTUAL_INFORMATION], rtol(1));
			CHECK_CLOSE(sum_ls, v[MG_INDEX_MUTUAL_INFORMATION], rtol(1));
			CHECK_CLOSE(v[MG_INDEX_SIMPSON_INTERACTION] + v[MG_INDEX_SIMPSON_CONCENTRATION],
						1.0, rtol(1));
			CHECK_CLOSE(v[MG_INDEX_NORMALIZED_DIVERSITY] * log((double) r.K_present),
						v[MG_INDEX_DIVERSITY], rtol(1));

			/* against the definitions */
			CHECK_CLOSE(v[MG_INDEX_DIVERSITY], r.E, rtol(r.E));
			CHECK_CLOSE(v[MG_INDEX_SIMPSON_INTERACTION], r.I, rtol(r.I));
			CHECK_CLOSE(v[MG_INDEX_DISSIMILARITY], r.D, rtol(r.D));
			CHECK_CLOSE(v[MG_INDEX_GINI], r.G, rtol(r.G));
			CHECK_CLOSE(v[MG_INDEX_MUTUAL_INFORMATION], r.M, 1e-10);
			CHECK_CLOSE(v[MG_INDEX_THEIL], r.M / r.E, 1e-10);
			CHECK_CLOSE(v[MG_INDEX_NORMALIZED_EXPOSURE], r.NE, 1e-10);
			CHECK_CLOSE(v[MG_INDEX_RELATIVE_DIVERSITY], r.RD, 1e-10);
			CHECK_CLOSE(v[MG_INDEX_SQUARED_COEFFICIENT_OF_VARIATION], r.SCV, 1e-10);

			/* ranges: D, G, H in [0, 1]; M in [0, E]; NE, RD, SCV >= 0 */
			CHECK(v[MG_INDEX_DISSIMILARITY] >= -1e-12 && v[MG_INDEX_DISSIMILARITY] <= 1 + 1e-12);
			CHECK(v[MG_INDEX_GINI] >= -1e-12 && v[MG_INDEX_GINI] <= 1 + 1e-12);
			CHECK(v[MG_INDEX_THEIL] >= -1e-12 && v[MG_INDEX_THEIL] <= 1 + 1e-12);
			CHECK(v[MG_INDEX_NORMALIZED_EXPOSURE] >= 0);
			CHECK(v[MG_INDEX_RELATIVE_DIVERSITY] >= 0 && v[MG_INDEX_RELATIVE_DIVERSITY] <= 1 + 1e-12);
			CHECK(v[MG_INDEX_SQUARED_COEFFICIENT_OF_VARIATION] >= 0);
			sums_free(&s);
			free(u);
		}
	}
}

/* Complete segregation (every unit holds one group): D = G = H = 1, M = E. */
static void
test_complete_segregation(void)
{
	/* K = 3, groups 0, 1, 2 in separate units; totals 5, 12, 3 */
	const double u[] = {
		5, 0, 0,
		0, 4, 0,
		0, 0, 3,
		0, 8, 0,
		0, 0, 0,
	};
	double		v[N_INDICES];

	all_indices(u, 5, 3, v);
	CHECK_CLOSE(v[MG_INDEX_DISSIMILARITY], 1.0, TOL);
	CHECK_CLOSE(v[MG_INDEX_GINI], 1.0, TOL);
	CHECK_CLOSE(v[MG_INDEX_THEIL], 1.0, TOL);
	CHECK_CLOSE(v[MG_INDEX_MUTUAL_INFORMATION], v[MG_INDEX_DIVERSITY], TOL);
	/* NE = RD = 1 at complete segregation: V_k = T_k (1 - pi_k) */
	CHECK_CLOSE(v[MG_INDEX_NORMALIZED_EXPOSURE], 1.0, TOL);
	CHECK_CLOSE(v[MG_INDEX_RELATIVE_DIVERSITY], 1.0, TOL);
	/* SCV = sum_k T_k (1 - pi_k) / (T (K-1) pi_k) = sum_k (1 - pi_k) / (K-1) = 1 */
	CHECK_CLOSE(v[MG_INDEX_SQUARED_COEFFICIENT_OF_VARIATION], 1.0, TOL);
}

/* Every unit has the city's composition: all segregation indices 0. */
static void
test_no_segregation(void)
{
	const double u[] = {
		1, 2, 3,
		2, 4, 6,
		0, 0, 0,
		10, 20, 30,
	};
	double		v[N_INDICES];

	all_indices(u, 4, 3, v);
	CHECK_CLOSE(v[MG_INDEX_DISSIMILARITY], 0.0, TOL);
	CHECK_CLOSE(v[MG_INDEX_GINI], 0.0, TOL);
	CHECK_CLOSE(v[MG_INDEX_THEIL], 0.0, TOL);
	CHECK_CLOSE(v[MG_INDEX_MUTUAL_INFORMATION], 0.0, TOL);
	CHECK_CLOSE(v[MG_INDEX_NORMALIZED_EXPOSURE], 0.0, TOL);
	CHECK_CLOSE(v[MG_INDEX_RELATIVE_DIVERSITY], 0.0, TOL);
	CHECK_CLOSE(v[MG_INDEX_SQUARED_COEFFICIENT_OF_VARIATION], 0.0, TOL);
}

/* Copies n x K into n x (K + 1) with an all-zero column at position at. */
static double *
with_zero_group(const double *u, size_t n, int K, int at)
{
	double	   *w = calloc(n * (size_t) (K + 1) + 1, sizeof(double));

	for (size_t i = 0; i < n; i++)
		for (int k = 0, j = 0; j <= K; j++)
			w[i * (K + 1) + j] = j == at ? 0.0 : u[i * K + k++];
	return w;
}

static void
test_empty_group_invariance(void)
{
	UnitRng		rng = {99};

	for (int rep = 0; rep < 8; rep++)
	{
		int			K = rep < 2 ? 3 : 2 + rep;
		size_t		n = rep == 0 ? 3 : 10 + 9 * (size_t) rep;
		double	   *u = rep == 0 ? NULL : random_table(&rng, n, K, 30, rep % 2);
		const double *base = rep == 0 ? set_b : u;
		double		want[N_INDICES];

		all_indices(base, n, K, want);
		for (int at = 0; at <= K; at++)
		{
			double	   *w = with_zero_group(base, n, K, at);
			double		got[N_INDICES];

			all_indices(w, n, K + 1, got);
			check_same_indices(got, want);
			/* and two empty groups */
			{
				double	   *w2 = with_zero_group(w, n, K + 1, (at * 7) % (K + 2));

				all_indices(w2, n, K + 2, got);
				check_same_indices(got, want);
				free(w2);
			}
			free(w);
		}
		free(u);
	}
	/* also where only one group has members: still NaN */
	{
		const double one[] = {0, 5, 0, 3};
		double	   *w = with_zero_group(one, 2, 2, 1);

		check_segregation_nan(w, 2, 3);
		free(w);
	}
}

static void
test_empty_unit_invariance(void)
{
	UnitRng		rng = {4242};

	for (int rep = 0; rep < 6; rep++)
	{
		int			K = rep == 0 ? 3 : 2 + rep;
		size_t		n = rep == 0 ? 3 : 5 + 11 * (size_t) rep;
		double	   *u = rep == 0 ? NULL : random_table(&rng, n, K, 25, 1);
		const double *base = rep == 0 ? set_b : u;
		size_t		m = 2 * n + 1;
		double	   *w = calloc(m * (size_t) K, sizeof(double));
		double		want[N_INDICES],
					got[N_INDICES];
		MgSums		a,
					b;

		/* zero rows before, between and after the units */
		for (size_t i = 0; i < n; i++)
			memcpy(w + (2 * i + 1) * K, base + i * K, K * sizeof(double));
		all_indices(base, n, K, want);
		all_indices(w, m, K, got);
		check_same_indices(got, want);

		/* the sums are identical, including n_units */
		sums_of(&a, base, n, K);
		sums_of(&b, w, m, K);
		CHECK(a.n_units == b.n_units);
		CHECK(a.within == b.within);
		for (int k = 0; k < K; k++)
			CHECK(a.total[k] == b.total[k] && a.sq[k] == b.sq[k]);
		sums_free(&a);
		sums_free(&b);
		free(w);
		free(u);
	}
}

static void
test_permutation_invariance(void)
{
	UnitRng		rng = {1234567};

	for (int rep = 0; rep < 6; rep++)
	{
		int			K = 2 + rep;
		size_t		n = 3 + 17 * (size_t) rep;
		double	   *u = random_table(&rng, n, K, 50, rep % 2);
		double	   *p = malloc(n * (size_t) K * sizeof(double));
		double		want[N_INDICES],
					got[N_INDICES];

		all_indices(u, n, K, want);
		for (int shuffle = 0; shuffle < 4; shuffle++)
		{
			memcpy(p, u, n * (size_t) K * sizeof(double));
			if (shuffle == 0)
			{
				/* reversed */
				for (size_t i = 0; i < n; i++)
					memcpy(p + i * K, u + (n - 1 - i) * K, K * sizeof(double));
			}
			else
			{
				for (size_t i = n - 1; i > 0; i--)
				{
					size_t		j = unit_rng_below(&rng, (uint32_t) i + 1);
					double		tmp[16];

					memcpy(tmp, p + i * K, K * sizeof(double));
					memcpy(p + i * K, p + j * K, K * sizeof(double));
					memcpy(p + j * K, tmp, K * sizeof(double));
				}
			}
			all_indices(p, n, K, got);
			check_same_indices(got, want);
		}
		free(p);
		free(u);
	}
}

/* Permuting the groups (columns) changes nothing either. */
static void
test_group_order_invariance(void)
{
	/* set B with columns (3, 1, 2) */
	const double b_perm[] = {
		0, 6, 2,
		4, 2, 2,
		2, 0, 2,
	};
	double		want[N_INDICES],
				got[N_INDICES];

	all_indices(set_b, 3, 3, want);
	all_indices(b_perm, 3, 3, got);
	check_same_indices(got, want);
}

/* ---------------------------------------------------------------------- */
/* K = 2 against the two-group indices                                    */
/* ---------------------------------------------------------------------- */

/*
 * With K = 2: multigroup D and Gini equal seg_dissimilarity and seg_gini;
 * H = M / E equals seg_theil; NE, RD and SCV all reduce to V / (T P (1-P)),
 * the correlation ratio eta^2 = (xPx - P) / (1 - P).
 */
static void
test_two_groups_match_indices(void)
{
	UnitRng		rng = {8080};
	const size_t ns[] = {1, 2, 3, 10, 77, 300};

	for (size_t c = 0; c < N(ns); c++)
	{
		for (int rep = 0; rep < 3; rep++)
		{
			size_t		n = ns[c];
			double	   *u = random_table(&rng, n, 2, rep == 2 ? 1000 : 40, 0);
			SegUnit    *su = malloc((n + 1) * sizeof(SegUnit));
			double	   *scratch = malloc((2 * n + 1) * sizeof(double));
			double		v[N_INDICES],
						X = 0,
						Y = 0,
						ent = 0,
						iso = 0;

			for (size_t i = 0; i < n; i++)
			{
				su[i].x = u[2 * i];
				su[i].y = u[2 * i + 1];
				su[i].area = 0;
				if (su[i].x + su[i].y > 0)
				{
					X += su[i].x;
					Y += su[i].y;
					ent += seg_term_entropy(su[i].x, su[i].y);
					iso += seg_term_isolation(su[i].x, su[i].y);
				}
			}
			all_indices(u, n, 2, v);
			CHECK_SAME(v[MG_INDEX_DISSIMILARITY], seg_dissimilarity(su, n), TOL);
			CHECK_SAME(v[MG_INDEX_GINI], seg_gini(su, n, scratch), TOL);
			CHECK_SAME(v[MG_INDEX_THEIL], seg_theil(X, Y, ent), 1e-10);
			CHECK_SAME(v[MG_INDEX_NORMALIZED_EXPOSURE], seg_correlation_ratio(X, Y, iso), 1e-10);
			CHECK_SAME(v[MG_INDEX_RELATIVE_DIVERSITY], seg_correlation_ratio(X, Y, iso), 1e-10);
			CHECK_SAME(v[MG_INDEX_SQUARED_COEFFICIENT_OF_VARIATION],
					   seg_correlation_ratio(X, Y, iso), 1e-10);
			CHECK_SAME(v[MG_INDEX_DIVERSITY], seg_binary_entropy(X / (X + Y)), TOL);
			CHECK_SAME(v[MG_INDEX_SIMPSON_INTERACTION], 2 * X / (X + Y) * Y / (X + Y), TOL);
			free(scratch);
			free(su);
			free(u);
		}
	}

	/* the two-group data set A of test_indices.c: (10,0) (0,10) (5,5), D = 2/3 */
	{
		const double a2[] = {10, 0, 0, 10, 5, 5};
		double		v[N_INDICES];

		all_indices(a2, 3, 2, v);
		CHECK_CLOSE(v[MG_INDEX_DISSIMILARITY], 2.0 / 3.0, TOL);
	}
}

/* ---------------------------------------------------------------------- */
/* Gini: O(K n log n) against the O(n^2 K) double sum                     */
/* ---------------------------------------------------------------------- */

static void
test_gini_brute_force(void)
{
	UnitRng		rng = {55555};
	const size_t ns[] = {1, 2, 3, 4, 9, 31, 150, 400};
	const int	Ks[] = {2, 3, 5, 9};

	for (size_t c = 0; c < N(ns); c++)
	{
		for (size_t d = 0; d < N(Ks); d++)
		{
			for (int rep = 0; rep < 2; rep++)
			{
				size_t		n = ns[c];
				int			K = Ks[d];
				double	   *u = random_table(&rng, n, K, rep ? 5 : 200, rep);
				double	   *scratch = malloc((2 * n + 1) * sizeof(double));
				MgSums		s;
				Direct		r;
				double		g;

				/* ties in the shares: fractional counts on half the units */
				if (rep == 1)
					for (size_t i = 0; i < n; i += 2)
						u[i * K] *= 0.5;
				r = direct_of(u, n, K);
				sums_of(&s, u, n, K);
				g = mg_gini(u, n, K, s.total, scratch);
				CHECK_CLOSE(g, r.G, 1e-11);
				free(scratch);
				sums_free(&s);
				free(u);
			}
		}
	}
}

/* ---------------------------------------------------------------------- */
/* mg_index and mg_index_needs_units                                      */
/* ---------------------------------------------------------------------- */

static void
test_index_dispatch(void)
{
	const double one_group[] = {4, 0, 0, 6, 0, 0};
	const struct
	{
		const double *u;
		size_t		n;
	}			cases[] = {
		{set_a, 2}, {set_b, 3}, {one_group, 2}, {set_b, 0}
	};

	CHECK(mg_index_needs_units(MG_INDEX_DISSIMILARITY));
	CHECK(mg_index_needs_units(MG_INDEX_GINI));
	for (int w = MG_INDEX_THEIL; w <= MG_INDEX_SIMPSON_CONCENTRATION; w++)
		CHECK(!mg_index_needs_units((MgIndex) w));
	CHECK(N_INDICES == MG_INDEX_SIMPSON_CONCENTRATION + 1);

	for (size_t c = 0; c < N(cases); c++)
	{
		double		want[N_INDICES],
					scratch[8];
		MgSums		s;

		all_indices(cases[c].u, cases[c].n, 3, want);
		sums_of(&s, cases[c].u, cases[c].n, 3);
		for (int w = 0; w < N_INDICES; w++)
		{
			double		got = mg_index((MgIndex) w, &s, cases[c].u, cases[c].n, scratch);

			if (isnan(want[w]))
				CHECK(isnan(got));
			else
				CHECK(got == want[w]);	/* the same computation: identical */
			/* indices from the sums do not look at the units */
			if (!mg_index_needs_units((MgIndex) w))
			{
				double		got2 = mg_index((MgIndex) w, &s, NULL, 0, NULL);

				CHECK((isnan(got2) && isnan(got)) || got2 == got);
			}
		}
		sums_free(&s);
	}
	/* a value outside the enumeration */
	{
		MgSums		s;

		sums_of(&s, set_b, 3, 3);
		CHECK(isnan(mg_index((MgIndex) 99, &s, set_b, 3, NULL)));
		CHECK(isnan(mg_index((MgIndex) - 1, &s, set_b, 3, NULL)));
		sums_free(&s);
	}
}

/* ---------------------------------------------------------------------- */
/* local values                                                           */
/* ---------------------------------------------------------------------- */

/*
 * Set A against its totals (10, 10, 10), pi_k = 1/3:
 *   unit {10,0,0}: shares (1,0,0); LQ (3, 0, 0); E_1 / ln 3 = 0;
 *     Simpson 0; ls = 1 ln(1 / (1/3)) = ln 3
 *   unit {0,10,10}: shares (0,.5,.5); LQ (0, 1.5, 1.5); ln 2 / ln 3;
 *     Simpson 2 (.5)(.5) = 0.5; ls = 2 (.5) ln(.5 / (1/3)) = ln 1.5
 *   (10/30) ln 3 + (20/30) ln 1.5 = ln 3 - (2/3) ln 2 = M.
 * Set B against (8, 6, 6), pi_k = .4, .3, .3:
 *   unit {6,2,0}: shares (3/4, 1/4, 0); LQ (.75/.4, .25/.3, 0) = (15/8, 5/6, 0);
 *     entropy (2 ln 2 - .75 ln 3) / ln 3; Simpson 1 - (9/16 + 1/16) = 3/8;
 *     ls = .75 ln(15/8) + .25 ln(5/6)
 *   unit {2,2,4}: shares (1/4, 1/4, 1/2); LQ (5/8, 5/6, 5/3);
 *     entropy 1.5 ln 2 / ln 3; Simpson 1 - (1/16 + 1/16 + 1/4) = 5/8;
 *     ls = .25 ln(5/8) + .25 ln(5/6) + .5 ln(5/3)
 *   unit {0,2,2}: shares (0, 1/2, 1/2); LQ (0, 5/3, 5/3); ln 2 / ln 3;
 *     Simpson 1/2; ls = ln(5/3)
 *   .4 ls_1 + .4 ls_2 + .2 ls_3
 *     = .3 ln(15/8) + .1 ln(5/6) + .1 ln(5/8) + .1 ln(5/6) + .2 ln(5/3) + .2 ln(5/3)
 *     = ln 5 (.3+.2+.1+.4) + ln 3 (.3-.2-.4) + ln 2 (-.9-.2-.3)
 *     = ln 5 - 0.3 ln 3 - 1.4 ln 2 = M of set B.
 */
static void
test_local_hand(void)
{
	const double ln2 = log(2.0),
				ln3 = log(3.0);
	const double ta[] = {10, 10, 10};
	const double tb[] = {8, 6, 6};
	double		lq[3];

	mg_location_quotients(set_a, ta, 3, lq);
	CHECK_CLOSE(lq[0], 3.0, TOL);
	CHECK(lq[1] == 0.0 && lq[2] == 0.0);
	mg_location_quotients(set_a + 3, ta, 3, lq);
	CHECK(lq[0] == 0.0);
	CHECK_CLOSE(lq[1], 1.5, TOL);
	CHECK_CLOSE(lq[2], 1.5, TOL);
	CHECK_CLOSE(mg_local_entropy(set_a, ta, 3), 0.0, TOL);
	CHECK_CLOSE(mg_local_entropy(set_a + 3, ta, 3), ln2 / ln3, TOL);
	CHECK_CLOSE(mg_local_simpson(set_a, 3), 0.0, TOL);
	CHECK_CLOSE(mg_local_simpson(set_a + 3, 3), 0.5, TOL);
	CHECK_CLOSE(mg_local_segregation(set_a, ta, 3), ln3, TOL);
	CHECK_CLOSE(mg_local_segregation(set_a + 3, ta, 3), log(1.5), TOL);
	CHECK_CLOSE(10.0 / 30 * ln3 + 20.0 / 30 * log(1.5), ln3 - 2.0 / 3.0 * ln2, TOL);

	mg_location_quotients(set_b, tb, 3, lq);
	CHECK_CLOSE(lq[0], 15.0 / 8.0, TOL);
	CHECK_CLOSE(lq[1], 5.0 / 6.0, TOL);
	CHECK(lq[2] == 0.0);
	mg_location_quotients(set_b + 3, tb, 3, lq);
	CHECK_CLOSE(lq[0], 5.0 / 8.0, TOL);
	CHECK_CLOSE(lq[1], 5.0 / 6.0, TOL);
	CHECK_CLOSE(lq[2], 5.0 / 3.0, TOL);
	mg_location_quotients(set_b + 6, tb, 3, lq);
	CHECK(lq[0] == 0.0);
	CHECK_CLOSE(lq[1], 5.0 / 3.0, TOL);
	CHECK_CLOSE(lq[2], 5.0 / 3.0, TOL);

	CHECK_CLOSE(mg_local_entropy(set_b, tb, 3), (2 * ln2 - 0.75 * ln3) / ln3, TOL);
	CHECK_CLOSE(mg_local_entropy(set_b + 3, tb, 3), 1.5 * ln2 / ln3, TOL);
	CHECK_CLOSE(mg_local_entropy(set_b + 6, tb, 3), ln2 / ln3, TOL);
	CHECK_CLOSE(mg_local_simpson(set_b, 3), 3.0 / 8.0, TOL);
	CHECK_CLOSE(mg_local_simpson(set_b + 3, 3), 5.0 / 8.0, TOL);
	CHECK_CLOSE(mg_local_simpson(set_b + 6, 3), 0.5, TOL);
	CHECK_CLOSE(mg_local_segregation(set_b, tb, 3),
				0.75 * log(15.0 / 8) + 0.25 * log(5.0 / 6), TOL);
	CHECK_CLOSE(mg_local_segregation(set_b + 3, tb, 3),
				0.25 * log(5.0 / 8) + 0.25 * log(5.0 / 6) + 0.5 * log(5.0 / 3), TOL);
	CHECK_CLOSE(mg_local_segregation(set_b + 6, tb, 3), log(5.0 / 3), TOL);
	CHECK_CLOSE(0.4 * mg_local_segregation(set_b, tb, 3) +
				0.4 * mg_local_segregation(set_b + 3, tb, 3) +
				0.2 * mg_local_segregation(set_b + 6, tb, 3),
				log(5.0) - 0.3 * ln3 - 1.4 * ln2, TOL);
}

/*
 * Undefined local values: an empty unit; totals with fewer than two groups
 * (local entropy); a unit with members of a group whose total is 0 (local
 * segregation); location quotients of a group with a zero total.
 */
static void
test_local_undefined(void)
{
	const double zero[] = {0, 0, 0};
	const double t[] = {8, 6, 6};
	const double t_gap[] = {8, 0, 6};	/* group 2 has no members */
	const double t_one[] = {0, 6, 0};
	const double t_none[] = {0, 0, 0};
	const double u[] = {2, 0, 4};
	const double u_bad[] = {2, 1, 4};	/* members of the zero-total group */
	double		lq[3];

	CHECK(isnan(mg_local_entropy(zero, t, 3)));
	CHECK(isnan(mg_local_simpson(zero, 3)));
	CHECK(isnan(mg_local_segregation(zero, t, 3)));
	mg_location_quotients(zero, t, 3, lq);
	CHECK(isnan(lq[0]) && isnan(lq[1]) && isnan(lq[2]));

	/*
	 * zero-total group 2: its quotient is NaN, the others defined.  u = {2,
	 * 0, 4} against (8, 0, 6): pi_k = 8/14, 0, 6/14; shares 1/3, 0, 2/3;
	 * LQ_1 = (1/3) / (8/14) = 14/24 = 7/12, LQ_3 = (2/3) / (6/14) = 28/18 =
	 * 14/9.
	 */
	mg_location_quotients(u, t_gap, 3, lq);
	CHECK_CLOSE(lq[0], 7.0 / 12.0, TOL);
	CHECK(isnan(lq[1]));
	CHECK_CLOSE(lq[2], 14.0 / 9.0, TOL);
	/* ls = (1/3) ln(7/12) + (2/3) ln(14/9); entropy e(1/3) / ln 2 (2 groups) */
	CHECK_CLOSE(mg_local_segregation(u, t_gap, 3),
				log(7.0 / 12) / 3 + 2 * log(14.0 / 9) / 3, TOL);
	CHECK_CLOSE(mg_local_entropy(u, t_gap, 3),
				seg_binary_entropy(1.0 / 3.0) / log(2.0), TOL);
	/* a unit with members of a group the totals do not have */
	CHECK(isnan(mg_local_segregation(u_bad, t_gap, 3)));

	/* totals with one group: local entropy undefined; quotients of the others NaN */
	CHECK(isnan(mg_local_entropy(u, t_one, 3)));
	mg_location_quotients(u, t_one, 3, lq);
	CHECK(isnan(lq[0]) && isnan(lq[2]));
	CHECK(lq[1] == 0.0);		/* 0 / 1 */
	/* Simpson needs no totals */
	CHECK_CLOSE(mg_local_simpson(u, 3), 1 - (1.0 / 9 + 4.0 / 9), TOL);

	/* no totals at all */
	CHECK(isnan(mg_local_entropy(u, t_none, 3)));
	CHECK(isnan(mg_local_segregation(u, t_none, 3)));
	mg_location_quotients(u, t_none, 3, lq);
	CHECK(isnan(lq[0]) && isnan(lq[1]) && isnan(lq[2]));
}

/* Location quotients weighted by unit shares average to 1 per group. */
static void
test_location_quotient_identity(void)
{
	UnitRng		rng = {31};
	size_t		n = 40;
	int			K = 5;
	double	   *u = random_table(&rng, n, K, 30, 1);
	MgSums		s;
	double		T = 0,
				lq[5],
				avg[5] = {0, 0, 0, 0, 0};

	sums_of(&s, u, n, K);
	for (int k = 0; k < K; k++)
		T += s.total[k];
	/* sum_i (t_i/T) pi_ik / pi_k = sum_i t_ik / T_k = 1 */
	for (size_t i = 0; i < n; i++)
	{
		double		t = 0;

		for (int k = 0; k < K; k++)
			t += u[i * K + k];
		if (!(t > 0))
			continue;
		mg_location_quotients(u + i * K, s.total, K, lq);
		for (int k = 0; k < K; k++)
			avg[k] += t / T * lq[k];
	}
	for (int k = 0; k < K; k++)
	{
		if (s.total[k] > 0)
			CHECK_CLOSE(avg[k], 1.0, 1e-12);
		else
			CHECK(isnan(avg[k]));
	}
	sums_free(&s);
	free(u);
}

const UnitTest unit_multigroup_tests[] = {
	UNIT_TEST(test_add_unit),
	UNIT_TEST(test_add_sums),
	UNIT_TEST(test_groups_present),
	UNIT_TEST(test_hand_case_a),
	UNIT_TEST(test_hand_case_b),
	UNIT_TEST(test_totals_indices),
	UNIT_TEST(test_nan_cases),
	UNIT_TEST(test_identities_random),
	UNIT_TEST(test_complete_segregation),
	UNIT_TEST(test_no_segregation),
	UNIT_TEST(test_empty_group_invariance),
	UNIT_TEST(test_empty_unit_invariance),
	UNIT_TEST(test_permutation_invariance),
	UNIT_TEST(test_group_order_invariance),
	UNIT_TEST(test_two_groups_match_indices),
	UNIT_TEST(test_gini_brute_force),
	UNIT_TEST(test_index_dispatch),
	UNIT_TEST(test_local_hand),
	UNIT_TEST(test_local_undefined),
	UNIT_TEST(test_location_quotient_identity),
	{NULL, NULL}
};
