/*
 * test_spatial.c — the sparse weights, spatial indices and local statistics
 * of extension/postgis on a 3 x 3 grid of unit squares, every expected value
 * computed by hand (the arithmetic is written next to it).
 *
 *   a b c       x (group) per cell, t = 10 everywhere, p = x/t:
 *   d e f       10 10  0        1   1   0
 *   g h i       10  5  0        1  .5   0
 *                0  0  0        0   0   0
 *
 * X = 35, Y = 55, T = 90, n = 9.  Rook pairs: 12 edges (24 ordered pairs),
 * queen pairs: 20 edges (40 ordered pairs).
 */
#include "unit.h"
#include "local_stats.h"
#include "sparse_weights.h"
#include "spatial_indices.h"
#include "test_alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define N9 9

static const double grid_x[N9] = {10, 10, 0, 10, 5, 0, 0, 0, 0};
static const double grid_t[N9] = {10, 10, 10, 10, 10, 10, 10, 10, 10};
static const double grid_p[N9] = {1, 1, 0, 1, 0.5, 0, 0, 0, 0};

/*
 * Weights of the grid: rook or queen pairs (both directions), weight 1,
 * plus the self pairs with weight self when self > 0.
 */
static void
grid_weights(SwWeights *g, int queen, double self, KeyMapAllocator mem)
{
	uint32_t	ti[100],
				tj[100];
	double		tw[100];
	uint64_t	m = 0;

	for (int a = 0; a < N9; a++)
		for (int b = 0; b < N9; b++)
		{
			int			dr = abs(a / 3 - b / 3),
						dc = abs(a % 3 - b % 3);
			int			adj = a != b && (queen ? (dr <= 1 && dc <= 1) : dr + dc == 1);

			if (adj || (a == b && self > 0.0))
			{
				ti[m] = (uint32_t) a;
				tj[m] = (uint32_t) b;
				tw[m] = a == b ? self : 1.0;
				m++;
			}
		}
	CHECK(sw_build(g, N9, ti, tj, tw, m, mem) == -1);
}

static void
test_sparse_build(void)
{
	TestArena	arena;
	KeyMapAllocator mem = test_arena_allocator(&arena);
	SwWeights	g;
	uint32_t	ti[] = {2, 0, 2, 1, 2};
	uint32_t	tj[] = {0, 2, 1, 2, 1};
	double		tw[] = {1.5, 2.5, 3.5, 4.5, 5.5};

	grid_weights(&g, 0, 0.0, mem);
	CHECK(g.nnz == 24);
	CHECK(g.row[1] - g.row[0] == 2);	/* a: b, d */
	CHECK(g.row[5] - g.row[4] == 4);	/* e: b, d, f, h */
	CHECK(g.e[g.row[4]].j == 1 && g.e[g.row[4] + 3].j == 7);	/* ascending */
	CHECK(sw_is_island(&g, 0) == 0);
	CHECK(sw_self_weight(&g, 0) == 0.0);
	grid_weights(&g, 1, 0.0, mem);
	CHECK(g.nnz == 40);

	/* the pair (2, 1) repeats: triplet 4 is reported */
	CHECK(sw_build(&g, 3, ti, tj, tw, 5, mem) == 4);
	CHECK(sw_build(&g, 3, ti, tj, tw, 4, mem) == -1);
	CHECK(g.e[g.row[2]].j == 0 && g.e[g.row[2]].w == 1.5);
	CHECK(g.e[g.row[2] + 1].j == 1 && g.e[g.row[2] + 1].w == 3.5);
	CHECK(sw_is_island(&g, 1) == 0);

	/* a unit with only a self pair and one with a zero weight are islands */
	{
		uint32_t	si[] = {0, 1};
		uint32_t	sj[] = {0, 2};
		double		sw[] = {1.0, 0.0};

		CHECK(sw_build(&g, 3, si, sj, sw, 2, mem) == -1);
		CHECK(sw_is_island(&g, 0) && sw_is_island(&g, 1) && sw_is_island(&g, 2));
		CHECK(sw_self_weight(&g, 0) == 1.0);
	}
	test_arena_free(&arena);
}

static void
test_canonical_order(void)
{
	TestArena	arena;
	KeyMapAllocator mem = test_arena_allocator(&arena);
	KeyMap		m;
	const char *keys[] = {"b", "ab", "a", "", "ba"};
	uint32_t	order[5],
				rank[5];
	int			ins;

	keymap_init(&m, mem);
	for (int k = 0; k < 5; k++)
		keymap_intern(&m, (const uint8_t *) keys[k], strlen(keys[k]), &ins);
	sw_canonical_order(&m, order, rank, mem);
	/* "" < "a" < "ab" < "b" < "ba" */
	CHECK(order[0] == 3 && order[1] == 2 && order[2] == 1 && order[3] == 0 && order[4] == 4);
	for (uint32_t r = 0; r < 5; r++)
		CHECK(rank[order[r]] == r);
	test_arena_free(&arena);
}

static void
test_dissimilarities(void)
{
	TestArena	arena;
	KeyMapAllocator mem = test_arena_allocator(&arena);
	SwWeights	g;
	double		shape[N9];

	/*
	 * D = 1/2 sum |x_i/35 - y_i/55|: a, b, d 10/35 = 2/7 each; e
	 * |5/35 - 5/55| = 4/77; c, f, g, h, i 10/55 = 2/11 each; sum = 6/7 +
	 * 4/77 + 10/11 = 140/77, D = 10/11.
	 */
	CHECK_CLOSE(spx_dissimilarity(N9, grid_x, grid_t), 10.0 / 11.0, 1e-15);

	/*
	 * Rook: |p_i - p_j| over the 12 edges: b-c 1, d-g 1, d-e, e-f, b-e, e-h
	 * .5 each, the rest 0: 4; ordered pairs 8 / 24 = 1/3.  D(adj) = 10/11 -
	 * 1/3 = 19/33.
	 */
	grid_weights(&g, 0, 0.0, mem);
	CHECK_CLOSE(spx_adjusted_dissimilarity(&g, grid_x, grid_t, NULL), 19.0 / 33.0, 1e-15);

	/*
	 * D(s): e's area 2, the others 1, every perimeter 4: PA_e = 2, PA = 4
	 * elsewhere, max 4.  e's 4 pairs (each .5) get (4 + 2)/(2 * 4) = 3/4:
	 * undirected sum 2 * 3/4 + 2 (b-c, d-g) = 3.5 over 12 edges.  D(s) =
	 * 10/11 - 3.5/12 = 163/264.
	 */
	for (int i = 0; i < N9; i++)
		shape[i] = 4.0;
	shape[4] = 2.0;
	CHECK_CLOSE(spx_adjusted_dissimilarity(&g, grid_x, grid_t, shape), 163.0 / 264.0, 1e-15);

	/*
	 * Queen adds 8 diagonal edges: a-e .5, b-d 0, b-f 1, c-e .5, d-h 1, e-g
	 * .5, e-i .5, f-h 0 = 4; total 8 over 20 edges.  D(adj) = 10/11 - 2/5 =
	 * 28/55.
	 */
	grid_weights(&g, 1, 0.0, mem);
	CHECK_CLOSE(spx_adjusted_dissimilarity(&g, grid_x, grid_t, NULL), 28.0 / 55.0, 1e-15);

	/* a unit without people leaves its pairs out: making i empty changes nothing */
	{
		double		t2[N9],
					x2[N9];

		memcpy(t2, grid_t, sizeof(t2));
		memcpy(x2, grid_x, sizeof(x2));
		/* i had p = 0 like its neighbours f and h (diff 0), e-i .5 is dropped */
		t2[8] = 0.0;

		/*
		 * D: Y = 45, c, f, g, h 10/45 each: 6/7 + |5/35 - 5/45| = 2/63, +
		 * 40/45; D = 1/2 (54/63 + 2/63 + 56/63) = 56/63 = 8/9.  Queen
		 * without i's 3 edges (f-i 0, h-i 0, e-i .5): sum 7.5 over 17
		 * edges; 8/9 - 7.5/17 = 8/9 - 15/34 = (272 - 135)/306 = 137/306.
		 */
		CHECK_CLOSE(spx_adjusted_dissimilarity(&g, x2, t2, NULL), 137.0 / 306.0, 1e-15);
	}

	/* no group members: undefined */
	{
		double		zero[N9] = {0};

		CHECK(isnan(spx_adjusted_dissimilarity(&g, zero, grid_t, NULL)));
		CHECK(isnan(spx_dissimilarity(N9, grid_t, grid_t)));	/* Y = 0 */
	}
	test_arena_free(&arena);
}

static void
test_proximity_clustering(void)
{
	TestArena	arena;
	KeyMapAllocator mem = test_arena_allocator(&arena);
	SwWeights	g;

	grid_weights(&g, 0, 0.0, mem);

	/*
	 * Binary rook c_ij.  sum x_i x_j c_ij: edges a-b, a-d 100 each, d-e, b-e
	 * 50 each = 300, ordered 600.  y = (0 0 10 / 0 5 10 / 10 10 10): edges
	 * g-h, h-i, c-f, f-i 100 each, e-f, e-h 50 each = 500, ordered 1000.
	 * t: 12 edges * 100, ordered 2400.  SP = (35 * 600/35^2 + 55 *
	 * 1000/55^2) / (90 * 2400/90^2) = (120/7 + 200/11) / (80/3) = 102/77.
	 */
	CHECK_CLOSE(spx_spatial_proximity(&g, grid_x, grid_t), 102.0 / 77.0, 1e-14);

	/*
	 * ACL: sum_i x_i sum_j c_ij t_j = 10*20 (a) + 10*30 (b) + 10*30 (d) +
	 * 5*40 (e) = 1000; X/n^2 sum c = 35/81 * 24 = 840/81.  ACL = (600/35 -
	 * 840/81) / (1000/35 - 840/81) = (3840/567) / (10320/567) = 16/43.
	 */
	CHECK_CLOSE(spx_absolute_clustering(&g, grid_x, grid_t), 16.0 / 43.0, 1e-14);

	/* RCL = (600/1225) / (1000/3025) - 1 = 363/245 - 1 = 118/245. */
	CHECK_CLOSE(spx_relative_clustering(&g, grid_x, grid_t), 118.0 / 245.0, 1e-14);
	test_arena_free(&arena);
}

static void
test_decay_and_information(void)
{
	TestArena	arena;
	KeyMapAllocator mem = test_arena_allocator(&arena);
	SwWeights	g;
	int64_t		bad = 7;

	/* rook plus self pairs, all weight 1 */
	grid_weights(&g, 0, 1.0, mem);

	/*
	 * With equal t, K_ij x_j/t_j summed over j is the mean p over the
	 * closed neighbourhood: a {a,b,d} 1; b {a,b,c,e} 2.5/4 = .625; d
	 * {a,d,e,g} .625; e {b,d,e,f,h} 2.5/5 = .5.  DPxx = (10*1 + 10*.625 +
	 * 10*.625 + 5*.5) / 35 = 25/35 = 5/7; DPxy = 1 - 5/7 = 2/7 (y/t = 1 - p).
	 */
	CHECK_CLOSE(spx_decay_exposure(&g, grid_x, grid_t, 1, &bad), 5.0 / 7.0, 1e-15);
	CHECK(bad == -1);
	CHECK_CLOSE(spx_decay_exposure(&g, grid_x, grid_t, 0, &bad), 2.0 / 7.0, 1e-15);

	/*
	 * H~, the same kernel: local shares a 1, b 5/8, c {b,c,f} 1/3, d 5/8, e
	 * 1/2, f {c,e,f,i} 1/8, g 1/3, h 1/8, i 0.  e(q) = -q ln q - (1-q)
	 * ln(1-q): e(5/8) = 0.661563, e(1/2) = 0.693147, e(1/3) = 0.636514,
	 * e(1/8) = 0.376770, e(0) = e(1) = 0; sum = 4.0428423.  P = 35/90,
	 * e(P) = 0.6682485.  H~ = 1 - 10 * 4.0428423 / (90 * 0.6682485) =
	 * 0.3277879.
	 */
	CHECK_CLOSE(spx_spatial_information(&g, grid_x, grid_t, &bad), 0.32778791603790225, 1e-12);
	CHECK(bad == -1);

	/* without the self pairs, a unit on its own with group members is an error */
	{
		uint32_t	ti[] = {0, 1};
		uint32_t	tj[] = {1, 0};
		double		tw[] = {1.0, 1.0};
		double		x3[] = {1, 1, 1};
		double		t3[] = {2, 2, 2};

		CHECK(sw_build(&g, 3, ti, tj, tw, 2, mem) == -1);
		CHECK(isnan(spx_decay_exposure(&g, x3, t3, 1, &bad)));
		CHECK(bad == 2);
		CHECK(isnan(spx_spatial_information(&g, x3, t3, &bad)));
		CHECK(bad == 2);
	}
	test_arena_free(&arena);
}

static void
test_centralization(void)
{
	SpxCentreItem items[N9];
	double		dist[N9] = {1.4142135623730951, 1, 1.4142135623730951, 1, 0, 1, 1.4142135623730951, 1, 1.4142135623730951};

	/*
	 * Centre at the middle of e.  Steps by distance: {e}, {b,d,f,h},
	 * {a,c,g,i}.  x per step 5, 20, 10: X_i = 1/7, 5/7, 1; area 1 each:
	 * A_i = 1/9, 5/9, 1.  ACE = (0 * 1/9 + 1/7 * 5/9 + 5/7 * 1) - (1/7 * 0
	 * + 5/7 * 1/9 + 1 * 5/9) = 50/63 - 40/63 = 10/63.
	 */
	for (int i = 0; i < N9; i++)
	{
		items[i].distance = dist[i];
		items[i].a = grid_x[i];
		items[i].b = 1.0;
	}
	CHECK_CLOSE(spx_centralization(items, N9), 10.0 / 63.0, 1e-15);

	/*
	 * RCE: y per step 5, 20, 30: Y_i = 1/11, 5/11, 1.  RCE = (1/7 * 5/11 +
	 * 5/7) - (5/7 * 1/11 + 5/11) = 60/77 - 40/77 = 20/77.
	 */
	for (int i = 0; i < N9; i++)
	{
		items[i].distance = dist[i];
		items[i].a = grid_x[i];
		items[i].b = grid_t[i] - grid_x[i];
	}
	CHECK_CLOSE(spx_centralization(items, N9), 20.0 / 77.0, 1e-15);

	/* the order of the input (and of ties) does not matter */
	for (int i = 0; i < N9; i++)
	{
		int			k = N9 - 1 - i;

		items[i].distance = dist[k];
		items[i].a = grid_x[k];
		items[i].b = grid_t[k] - grid_x[k];
	}
	CHECK_CLOSE(spx_centralization(items, N9), 20.0 / 77.0, 1e-15);

	/* no area or no group: undefined */
	for (int i = 0; i < N9; i++)
		items[i].a = 0.0;
	CHECK(isnan(spx_centralization(items, N9)));
}

static void
test_morans_i(void)
{
	TestArena	arena;
	KeyMapAllocator mem = test_arena_allocator(&arena);
	SwWeights	g;
	LsMoran		m,
				m2;
	double		scratch[2 * N9];

	grid_weights(&g, 0, 0.0, mem);

	/*
	 * Values p.  Mean 3.5/9 = 7/18; z in 18ths: a, b, d 11; e 2; the rest
	 * -7.  sum z^2 = (3*121 + 4 + 5*49)/324 = 612/324.  sum over the 12
	 * rook edges of z_i z_j (in 324ths): a-b, a-d 121 each; b-c, d-g -77
	 * each; d-e, b-e 22 each; e-f, e-h -14 each; g-h, h-i, c-f, f-i 49 each:
	 * 300; ordered 600.  I = (9/24) * 600/612 = 25/68.  E[I] = -1/8.
	 */
	ls_morans_i(&g, grid_p, 0, 1, &m, scratch);
	CHECK_CLOSE(m.i, 25.0 / 68.0, 1e-15);
	CHECK_CLOSE(m.expected, -0.125, 1e-15);
	CHECK(isnan(m.p_sim));

	/*
	 * Permutation test.  Of the 9!/(3! 1! 5!) = 504 distinct arrangements
	 * of the values, 12 give I >= 25/68 (enumerated exhaustively): exact
	 * one-sided p = 12/504 = 0.0238.  9999 permutations estimate it within
	 * a few standard errors (sqrt(.0238 * .976 / 9999) = 0.0015).
	 */
	ls_morans_i(&g, grid_p, 9999, 42, &m, scratch);
	CHECK_CLOSE(m.i, 25.0 / 68.0, 1e-15);
	CHECK_CLOSE(m.p_sim, 12.0 / 504.0, 0.006);
	CHECK(m.perm_mean < 0.0 && m.perm_mean > -0.2);	/* near E[I] = -1/8 */
	CHECK(m.z_sim > 1.0);
	ls_morans_i(&g, grid_p, 9999, 42, &m2, scratch);
	CHECK(m2.p_sim == m.p_sim && m2.perm_mean == m.perm_mean);	/* same seed */

	/* all values equal: undefined */
	{
		double		same[N9] = {2, 2, 2, 2, 2, 2, 2, 2, 2};

		ls_morans_i(&g, same, 99, 1, &m, scratch);
		CHECK(isnan(m.i) && isnan(m.p_sim));
	}
	test_arena_free(&arena);
}

static void
test_local_morans_i(void)
{
	TestArena	arena;
	KeyMapAllocator mem = test_arena_allocator(&arena);
	SwWeights	g;
	double		li[N9],
				lag[N9],
				p[N9],
				p2[N9],
				z[N9];
	uint32_t	drawn[N9];
	uint8_t		mark[N9];

	/*
	 * m2 = sum z^2 / n = (612/324)/9 = 17/81; I_i = z_i lag_i / m2 =
	 * (z_i lag_i in 324ths) * 81/(17 * 324) = (z_i lag_i in 324ths) / 68.
	 * Lags in 18ths: a 22, b 6, c 4, d 6, e 8, f -12, g 4, h -12, i -14.
	 * I: a 11*22/68 = 242/68, b 66/68, c -28/68, d 66/68, e 16/68, f
	 * 84/68, g -28/68, h 84/68, i 98/68 (sum 600/68 = S0 * I).
	 */
	static const double want[N9] = {242, 66, -28, 66, 16, 84, -28, 84, 98};
	static const double want_lag[N9] = {22, 6, 4, 6, 8, -12, 4, -12, -14};
	static const LsQuadrant want_q[N9] = {
		LS_HIGH_HIGH, LS_HIGH_HIGH, LS_LOW_HIGH, LS_HIGH_HIGH, LS_HIGH_HIGH,
		LS_LOW_LOW, LS_LOW_HIGH, LS_LOW_LOW, LS_LOW_LOW
	};

	grid_weights(&g, 0, 0.0, mem);
	CHECK(ls_local_morans_i(&g, grid_p, 999, 7, li, lag, p, z, drawn, mark) == 0);
	for (int i = 0; i < N9; i++)
	{
		CHECK_CLOSE(li[i], want[i] / 68.0, 1e-13);
		CHECK_CLOSE(lag[i], want_lag[i] / 18.0, 1e-14);
		CHECK(ls_quadrant(z[i], lag[i]) == want_q[i]);
		CHECK(p[i] >= 1.0 / 1000.0 && p[i] <= 0.501);
	}

	/*
	 * Unit a (I_a = 242/68) is the most extreme a's neighbourhood can be:
	 * its two neighbours, drawn from the other 8 values (1, 1, .5 and five
	 * 0), are both 1 in 1/C(8,2) = 1/28 of the draws, so p_a is near
	 * (999/28 + 1)/1000 = 0.0367 (standard error sqrt(1/28 * 27/28 / 999)
	 * = 0.006).
	 */
	CHECK_CLOSE(p[0], (999.0 / 28.0 + 1.0) / 1000.0, 0.02);

	/* same seed, same p-values */
	CHECK(ls_local_morans_i(&g, grid_p, 999, 7, li, lag, p2, z, drawn, mark) == 0);
	CHECK(memcmp(p, p2, sizeof(p)) == 0);
	test_arena_free(&arena);
}

static void
test_gi_star(void)
{
	TestArena	arena;
	KeyMapAllocator mem = test_arena_allocator(&arena);
	SwWeights	g;
	double		z[N9],
				z2[N9];

	grid_weights(&g, 0, 0.0, mem);

	/*
	 * Values p, self weight 1.  vbar = 7/18; s^2 = sum v^2/n - vbar^2 =
	 * 3.25/9 - 49/324 = 68/324, s = sqrt(68)/18.  a: closed neighbourhood
	 * {a,b,d}, W = S1 = 3, sum w v = 3; numerator 3 - 3*7/18 = 33/18;
	 * denominator s sqrt((9*3 - 9)/8) = 1.5 s: G*_a = 33/(1.5 sqrt 68) =
	 * 22/sqrt 68.  e: {b,d,e,f,h}, W = S1 = 5, sum 2.5: (2.5 - 35/18) /
	 * (s sqrt((45 - 25)/8)) = 10/sqrt(170).  i: {f,h,i}: -21/18 / (1.5 s) =
	 * -14/sqrt 68.
	 */
	ls_gi_star(&g, grid_p, 1.0, z);
	CHECK_CLOSE(z[0], 22.0 / sqrt(68.0), 1e-13);
	CHECK_CLOSE(z[4], 10.0 / sqrt(170.0), 1e-13);
	CHECK_CLOSE(z[8], -14.0 / sqrt(68.0), 1e-13);

	/* the same with the self pairs given in the weights (self_weight NAN) */
	grid_weights(&g, 0, 1.0, mem);
	ls_gi_star(&g, grid_p, NAN, z2);
	for (int i = 0; i < N9; i++)
		CHECK_CLOSE(z2[i], z[i], 1e-13);

	/* self_weight 1 replaces given self weights of 1: unchanged */
	ls_gi_star(&g, grid_p, 1.0, z2);
	CHECK_CLOSE(z2[0], 22.0 / sqrt(68.0), 1e-13);

	/* constant values: undefined */
	{
		double		same[N9] = {3, 3, 3, 3, 3, 3, 3, 3, 3};

		ls_gi_star(&g, same, 1.0, z2);
		CHECK(isnan(z2[0]));
	}
	test_arena_free(&arena);
}

const UnitTest unit_spatial_tests[] = {
	UNIT_TEST(test_sparse_build),
	UNIT_TEST(test_canonical_order),
	UNIT_TEST(test_dissimilarities),
	UNIT_TEST(test_proximity_clustering),
	UNIT_TEST(test_decay_and_information),
	UNIT_TEST(test_centralization),
	UNIT_TEST(test_morans_i),
	UNIT_TEST(test_local_morans_i),
	UNIT_TEST(test_gi_star),
	{NULL, NULL}
};
