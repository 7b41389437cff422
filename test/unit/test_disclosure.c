/*
 * test_disclosure.c — the plain-C core of disclosure control: SipHash-2-4
 * (common/siphash.c), record and cell keys and the ckm_count state codec
 * (disclosure/cellkey.c), rounding (disclosure/rounding.c), and building,
 * validating and looking up perturbation tables (disclosure/ptable.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cellkey.h"
#include "ptable.h"
#include "rounding.h"
#include "siphash.h"
#include "unit.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/*
 * The reference vectors of SipHash-2-4: key 00 01 .. 0f, message 00 01 ..
 * (n - 1), from the reference implementation's vectors.h (Aumasson &
 * Bernstein); n = 15 is the worked example of the paper's appendix A.
 */
static void
test_siphash_vectors(void)
{
	static const uint64_t want[] = {
		0x726fdb47dd0e0e31ULL, 0x74f839c593dc67fdULL, 0x0d6c8009d9a94f5aULL,
		0x85676696d7fb7e2dULL, 0xcf2794e0277187b7ULL, 0x18765564cd99a68dULL,
		0xcbc9466e58fee3ceULL, 0xab0200f58b01d137ULL, 0x93f5f5799a932462ULL,
		0x9e0082df0ba9e4b0ULL, 0x7a5dbbc594ddb9f3ULL, 0xf4b32f46226bada7ULL,
		0x751e8fbc860ee5fbULL, 0x14ea5627c0843d90ULL, 0xf723ca908e7af2eeULL,
		0xa129ca6149be45e5ULL, 0x3f2acc7f57c29bdbULL,
	};
	uint8_t		msg[16];

	for (int i = 0; i < 16; i++)
		msg[i] = (uint8_t) i;
	for (size_t n = 0; n < N(want); n++)
		CHECK(ms_siphash24(0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL, msg, n) == want[n]);
}

static void
test_key_fixed_point(void)
{
	uint64_t	k = 99;

	CHECK(ck_key_fixed(0.0, &k) == 0 && k == 0);
	CHECK(ck_key_fixed(-0.0, &k) == 0 && k == 0);
	CHECK(ck_key_fixed(0.5, &k) == 0 && k == UINT64_C(1) << 63);
	CHECK(ck_key_fixed(0.25, &k) == 0 && k == UINT64_C(1) << 62);
	CHECK(ck_key_fixed(1.0 - 0x1.0p-53, &k) == 0 && k == UINT64_MAX - 2047);
	/* below 2^-64 a key truncates to 0 */
	CHECK(ck_key_fixed(0x1.0p-70, &k) == 0 && k == 0);
	CHECK(ck_key_fixed(1.0, &k) == -1);
	CHECK(ck_key_fixed(-0x1.0p-1074, &k) == -1);
	CHECK(ck_key_fixed(NAN, &k) == -1);
	CHECK(ck_key_fixed(INFINITY, &k) == -1);
}

/* Sums wrap modulo 1 exactly, in any order. */
static void
test_cell_key_sums(void)
{
	uint64_t	a,
				b,
				c;
	UnitRng		rng = {42};
	uint64_t	keys[1000],
				forward = 0,
				backward = 0,
				halves[2] = {0, 0};

	ck_key_fixed(0.75, &a);
	ck_key_fixed(0.5, &b);
	ck_key_fixed(0.125, &c);
	CHECK(ck_cell_key(a + b) == 0.25);
	CHECK(ck_cell_key(a + b + c) == 0.375);
	CHECK(ck_cell_key(0) == 0.0);
	CHECK(ck_cell_key(UINT64_MAX) == 1.0 - 0x1.0p-53);

	for (size_t i = 0; i < N(keys); i++)
		ck_key_fixed(ck_draw((int64_t) unit_rng_next(&rng), CK_DOMAIN_RECORD_KEY,
							 (const uint8_t *) &i, sizeof(i)), &keys[i]);
	for (size_t i = 0; i < N(keys); i++)
	{
		forward += keys[i];
		backward += keys[N(keys) - 1 - i];
		halves[i % 2] += keys[i];
	}
	CHECK(forward == backward);
	CHECK(forward == halves[0] + halves[1]);
}

/*
 * Drawn keys are pinned: published record keys and roundings must be the
 * same on every platform and release.
 */
static void
test_draws_pinned(void)
{
	const uint8_t id[] = {'i', 0, 0, 0, 0, 0, 0, 0, 1};	/* sqlkey form of 1 */
	double		k = ck_draw(42, CK_DOMAIN_RECORD_KEY, id, sizeof(id));
	double		r = ck_draw(42, CK_DOMAIN_ROUNDING, id, sizeof(id));

	CHECK(k == 0x1.55c8a915cb52cp-3);
	CHECK(r != k);
	CHECK(k >= 0.0 && k < 1.0 && ldexp(k, 53) == floor(ldexp(k, 53)));
	CHECK(ck_draw(43, CK_DOMAIN_RECORD_KEY, id, sizeof(id)) != k);
	CHECK(ck_draw(-1, CK_DOMAIN_RECORD_KEY, id, sizeof(id)) ==
		  ms_unit_interval(ms_siphash24(UINT64_MAX, CK_DOMAIN_RECORD_KEY, id, sizeof(id))));
}

/* Draws are uniform: 100,000 keys in 10 bins, chi-square below 30 (9 df). */
static void
test_draws_uniform(void)
{
	long		bins[10] = {0};
	double		chi2 = 0.0;

	for (uint64_t i = 0; i < 100000; i++)
	{
		uint8_t		msg[8];

		for (int b = 0; b < 8; b++)
			msg[b] = (uint8_t) (i >> (8 * b));
		bins[(int) (ck_draw(7, CK_DOMAIN_RECORD_KEY, msg, 8) * 10)]++;
	}
	for (int b = 0; b < 10; b++)
		chi2 += (bins[b] - 10000.0) * (bins[b] - 10000.0) / 10000.0;
	CHECK(chi2 < 30.0);
}

static void
test_state_codec(void)
{
	const char *name = "\"my schema\".ptable";
	CkmSummary	s = {12345, UINT64_C(0xfedcba9876543210), (const uint8_t *) name, strlen(name)},
				d;
	size_t		size = ck_state_encoded_size(&s);
	uint8_t    *buf = malloc(size + 1);

	CHECK(size == CK_STATE_HEADER_SIZE + strlen(name));
	ck_state_encode(&s, buf);
	CHECK(ck_state_decode(buf, size, &d) == NULL);
	CHECK(d.n == s.n && d.keysum == s.keysum && d.name_len == s.name_len &&
		  memcmp(d.name, name, s.name_len) == 0);

	CHECK(ck_state_decode(buf, CK_STATE_HEADER_SIZE - 1, &d) != NULL);
	CHECK(ck_state_decode(buf, size - 1, &d) != NULL);
	buf[size] = 'x';
	CHECK(ck_state_decode(buf, size + 1, &d) != NULL);
	buf[1] = 'S';
	CHECK(ck_state_decode(buf, size, &d) != NULL);
	buf[1] = 'K';
	buf[2] = 2;
	CHECK(ck_state_decode(buf, size, &d) != NULL);
	buf[2] = CK_STATE_FORMAT_VERSION;
	buf[3] = 1;
	CHECK(ck_state_decode(buf, size, &d) != NULL);
	buf[3] = 0;
	buf[CK_STATE_HEADER_SIZE + 2] = 0;
	CHECK(ck_state_decode(buf, size, &d) != NULL);
	free(buf);

	/* counts: 0 and above 2^63 - 1 are rejected, 2^63 - 1 is accepted */
	{
		uint8_t		b[CK_STATE_HEADER_SIZE + 1];
		CkmSummary	t = {0, 0, (const uint8_t *) "p", 1};

		ck_state_encode(&t, b);
		CHECK(ck_state_decode(b, sizeof(b), &d) != NULL);
		t.n = (uint64_t) INT64_MAX + 1;
		ck_state_encode(&t, b);
		CHECK(ck_state_decode(b, sizeof(b), &d) != NULL);
		t.n = (uint64_t) INT64_MAX;
		ck_state_encode(&t, b);
		CHECK(ck_state_decode(b, sizeof(b), &d) == NULL);
		t.name_len = 0;
		ck_state_encode(&t, b);
		CHECK(ck_state_decode(b, CK_STATE_HEADER_SIZE, &d) != NULL);
	}
}

static void
test_rounding(void)
{
	/* n, base, deterministic result */
	static const int64_t cases[][3] = {
		{0, 3, 0}, {1, 3, 0}, {2, 3, 3}, {3, 3, 3}, {4, 3, 3}, {5, 3, 6},
		{2, 5, 0}, {3, 5, 5}, {5, 10, 10}, {4, 10, 0}, {14, 10, 10}, {15, 10, 20},
		{7, 1, 7}, {1, 2, 2}, {0, 1000000, 0}, {499999, 1000000, 0}, {500000, 1000000, 1000000},
	};
	int64_t		out;

	for (size_t c = 0; c < N(cases); c++)
		CHECK(round_to_base(cases[c][0], cases[c][1], &out) == 0 && out == cases[c][2]);
	CHECK(round_to_base(INT64_MAX, 10, &out) == -1);
	CHECK(round_to_base(INT64_MAX - 7, 10, &out) == 0 && out == INT64_MAX - 7);
	CHECK(round_to_base(INT64_MAX, 1, &out) == 0 && out == INT64_MAX);

	/* random: up iff u < r / b */
	CHECK(random_round(7, 5, 0.0, &out) == 0 && out == 10);
	CHECK(random_round(7, 5, 0.3999, &out) == 0 && out == 10);
	CHECK(random_round(7, 5, 0.4, &out) == 0 && out == 5);
	CHECK(random_round(10, 5, 0.0, &out) == 0 && out == 10);
	CHECK(random_round(0, 5, 0.0, &out) == 0 && out == 0);
	CHECK(random_round(INT64_MAX, 10, 0.0, &out) == -1);
	CHECK(random_round(INT64_MAX, 10, 0.9999, &out) == 0 && out == INT64_MAX - 7);

	/* unbiased: over a uniform grid of u the mean is n exactly */
	for (int64_t n = 0; n < 20; n++)
	{
		int64_t		sum = 0;

		for (int k = 0; k < 1000; k++)
		{
			random_round(n, 5, k / 1000.0, &out);
			sum += out;
		}
		CHECK(sum == 1000 * n);
	}
}

/* Every constraint of a built table, checked numerically. */
static void
check_built_table(int D, double V, int js, int monotone)
{
	char		err[512];
	size_t		n = pt_build_size(D, js);
	PtEntry    *e = malloc(n * sizeof(PtEntry));
	int64_t		imax = -1;
	size_t		from = 0;

	CHECK(pt_build(D, V, js, monotone, e, err, sizeof(err)) == NULL);
	CHECK(e[0].i == 0 && e[0].j == 0 && e[0].p == 1.0);
	for (size_t k = 0; k < n; k++)
	{
		CHECK(e[k].j >= 0);
		CHECK(!(e[k].j >= 1 && e[k].j <= js));
		CHECK(llabs(e[k].j - e[k].i) <= D);
		CHECK(e[k].p > 0.0 && e[k].p <= 1.0);
	}
	for (size_t k = 1; k <= n; k++)
	{
		PtRowStats	s;

		if (k < n && e[k].i == e[from].i)
			continue;
		pt_row_stats(e, from, k, &s);
		CHECK_CLOSE(s.p_sum, 1.0, 1e-14);
		CHECK_CLOSE(s.mean, 0.0, 1e-12);
		CHECK_CLOSE(s.variance, s.i == 0 ? 0.0 : V, 1e-10 * V);
		if (monotone)
			for (size_t r = from; r + 1 < k && e[r + 1].j <= e[r].i; r++)
				CHECK(e[r].p <= e[r + 1].p);
		from = k;
	}
	/* the built table passes validation and has rows 0..D (+ js + 1) */
	CHECK(pt_validate(e, n, &imax, err, sizeof(err)) == NULL);
	CHECK(imax == (js == 0 ? D : D + js + 1));
	free(e);
}

static void
test_ptable_build_constraints(void)
{
	check_built_table(1, 0.5, 0, 1);
	check_built_table(2, 1.0, 0, 0);
	check_built_table(2, 1.05, 1, 1);
	check_built_table(3, 1.5, 0, 1);
	check_built_table(4, 2.0, 1, 1);
	check_built_table(5, 3.0, 2, 1);
	check_built_table(5, 4.0, 1, 1);
	check_built_table(6, 5.0, 3, 0);
	check_built_table(10, 4.0, 0, 1);
	check_built_table(30, 25.0, 4, 0);
	check_built_table(30, 12.0, 4, 1);
	check_built_table(100, 50.0, 0, 1);
	check_built_table(3, 0.01, 0, 1);
}

/*
 * Agreement with the sdcTools ptable package (version 0.3.3, commit
 * 9d5c774; pt_create_pTable(pt_create_pParams(D, V, js, mono = TRUE)),
 * R 4.2.2, nloptr 2.0.3), whose probabilities are rounded to 8 decimals:
 * the full tables are in test/data/ptable/.  Rows where ptable reaches the
 * requested variance agree to 5e-8.
 */
static void
test_ptable_matches_sdctools(void)
{
	struct
	{
		int			D,
					js;
		double		V;
		int64_t		i,
					j;
		double		p;
	}			ref[] = {
		{2, 1, 1.05, 1, 0, 0.50833333}, {2, 1, 1.05, 2, 2, 0.55565037},
		{2, 1, 1.05, 2, 0, 0.16155827}, {2, 1, 1.05, 4, 6, 0.07012498},
		{5, 2, 3.0, 1, 0, 0.73446954}, {5, 2, 3.0, 4, 4, 0.27792124},
		{5, 2, 3.0, 8, 13, 0.00379186}, {5, 2, 3.0, 8, 8, 0.22880150},
	};
	char		err[512];

	for (size_t r = 0; r < N(ref); r++)
	{
		size_t		n = pt_build_size(ref[r].D, ref[r].js);
		PtEntry    *e = malloc(n * sizeof(PtEntry));
		double		got = -1.0;

		CHECK(pt_build(ref[r].D, ref[r].V, ref[r].js, 1, e, err, sizeof(err)) == NULL);
		for (size_t k = 0; k < n; k++)
			if (e[k].i == ref[r].i && e[k].j == ref[r].j)
				got = e[k].p;
		CHECK_CLOSE(got, ref[r].p, 5e-8);
		free(e);
	}
}

static void
test_ptable_params(void)
{
	char		err[512];

	CHECK(pt_check_params(0, 0.5, 0, err, sizeof(err)) != NULL);
	CHECK(pt_check_params(PT_MAX_D + 1, 1.0, 0, err, sizeof(err)) != NULL);
	CHECK(pt_check_params(3, 1.0, 3, err, sizeof(err)) != NULL);
	CHECK(pt_check_params(3, 1.0, -1, err, sizeof(err)) != NULL);
	CHECK(pt_check_params(3, 0.0, 0, err, sizeof(err)) != NULL);
	CHECK(pt_check_params(3, NAN, 0, err, sizeof(err)) != NULL);
	CHECK(pt_check_params(3, INFINITY, 0, err, sizeof(err)) != NULL);
	CHECK(pt_check_params(3, 4.1, 0, err, sizeof(err)) != NULL);	/* > D(D+1)/3 */
	/* row 1 reaches at most D = 3 */
	CHECK(pt_check_params(3, 3.0, 0, err, sizeof(err)) != NULL);
	CHECK(strstr(err, "row i = 1") != NULL);
	/* js = 2: a count of 1 must move to 0 or 3, variance at least 2 */
	CHECK(pt_check_params(5, 2.0, 2, err, sizeof(err)) != NULL);
	CHECK(pt_check_params(5, 2.01, 2, err, sizeof(err)) == NULL);
	/* feasible without, infeasible with monotone probabilities */
	{
		size_t		n = pt_build_size(3, 0);
		PtEntry    *e = malloc(n * sizeof(PtEntry));

		CHECK(pt_build(3, 1.9, 0, 0, e, err, sizeof(err)) == NULL);
		CHECK(pt_build(3, 1.9, 0, 1, e, err, sizeof(err)) != NULL);
		CHECK(strstr(err, "monotone") != NULL);
		free(e);
	}
}

static const char *
validate(PtEntry *e, size_t n)
{
	static char err[512];
	int64_t		imax;

	return pt_validate(e, n, &imax, err, sizeof(err));
}

static void
test_ptable_validate(void)
{
	PtEntry		good[] = {{1, 2, 0.5}, {0, 0, 1.0}, {1, 0, 0.5}, {2, 1, 0.25},
	{2, 3, 0.25}, {2, 2, 0.5}};
	PtEntry		t[N(good)];
	int64_t		imax = -1;
	char		err[512];

#define WITH(k, field, value) \
	(memcpy(t, good, sizeof(good)), t[k].field = (value), validate(t, N(t)))

	memcpy(t, good, sizeof(good));
	CHECK(pt_validate(t, N(t), &imax, err, sizeof(err)) == NULL);
	CHECK(imax == 2);
	/* sorted by (i, j) */
	CHECK(t[0].i == 0 && t[1].i == 1 && t[1].j == 0 && t[2].j == 2 && t[5].j == 3);

	CHECK(validate(t, 0) != NULL);
	CHECK(WITH(0, i, -1) != NULL);
	CHECK(WITH(0, j, -1) != NULL);
	CHECK(WITH(0, i, PT_MAX_ROWS) != NULL);
	CHECK(WITH(0, j, (int64_t) PT_MAX_COUNT + 1) != NULL);
	CHECK(WITH(0, p, 1.5) != NULL);
	CHECK(WITH(0, p, -0.5) != NULL);
	CHECK(WITH(0, p, NAN) != NULL);
	CHECK(WITH(0, p, 0.5 + 1e-8) != NULL);			/* row 1 sums to 1 + 1e-8 */
	CHECK(WITH(0, p, 0.5 + 1e-12) == NULL);			/* within the tolerance */
	CHECK(WITH(1, j, 1) != NULL);					/* row 0 publishes 1 */
	CHECK(WITH(2, j, 2) != NULL);					/* duplicate (1, 2) */
	CHECK(WITH(1, i, 3) != NULL);					/* no row 0 */
	CHECK(WITH(3, i, 4) != NULL && WITH(4, i, 4) != NULL);	/* row 3 missing */
	{
		PtEntry		zero_row[] = {{0, 0, 1.0}, {0, 1, 0.0}, {1, 1, 1.0}};

		CHECK(validate(zero_row, N(zero_row)) == NULL);
	}
#undef WITH
}

static void
test_ptable_lookup(void)
{
	/* row 1: 0 (0.25), 1 (0), 2 (0.5), 3 (0.25), 4 (0); row 2: 1 .. 3 */
	PtEntry		e[] = {{0, 0, 1.0}, {1, 0, 0.25}, {1, 1, 0.0}, {1, 2, 0.5},
	{1, 3, 0.25}, {1, 4, 0.0}, {2, 1, 0.25}, {2, 2, 0.5}, {2, 3, 0.25}};
	size_t		row_start[4];
	double		ub[N(e)];
	int64_t		imax,
				out;
	Ptable		pt;
	char		err[512];

	CHECK(pt_validate(e, N(e), &imax, err, sizeof(err)) == NULL);
	pt_index(e, N(e), imax, row_start, ub, &pt);
	CHECK(row_start[0] == 0 && row_start[1] == 1 && row_start[2] == 6 && row_start[3] == 9);
	CHECK(ub[1] == 0.25 && ub[2] == 0.25 && ub[3] == 0.75 && ub[4] == 1.0 && ub[5] == 1.0);

	CHECK(pt_lookup(&pt, 0, 0.999, &out) == 0 && out == 0);
	CHECK(pt_lookup(&pt, 1, 0.0, &out) == 0 && out == 0);
	CHECK(pt_lookup(&pt, 1, 0.2499, &out) == 0 && out == 0);
	/* a key on a boundary belongs to the next entry; p = 0 entries never match */
	CHECK(pt_lookup(&pt, 1, 0.25, &out) == 0 && out == 2);
	CHECK(pt_lookup(&pt, 1, 0.75, &out) == 0 && out == 3);
	CHECK(pt_lookup(&pt, 1, 1.0 - 0x1.0p-53, &out) == 0 && out == 3);
	/* counts above the last row use its deviations -1, 0, +1 */
	CHECK(pt_lookup(&pt, 2, 0.1, &out) == 0 && out == 1);
	CHECK(pt_lookup(&pt, 1000, 0.1, &out) == 0 && out == 999);
	CHECK(pt_lookup(&pt, 1000, 0.8, &out) == 0 && out == 1001);
	CHECK(pt_lookup(&pt, INT64_MAX, 0.8, &out) == -1);
	CHECK(pt_lookup(&pt, INT64_MAX, 0.5, &out) == 0 && out == INT64_MAX);
}

const UnitTest unit_disclosure_tests[] = {
	UNIT_TEST(test_siphash_vectors),
	UNIT_TEST(test_key_fixed_point),
	UNIT_TEST(test_cell_key_sums),
	UNIT_TEST(test_draws_pinned),
	UNIT_TEST(test_draws_uniform),
	UNIT_TEST(test_state_codec),
	UNIT_TEST(test_rounding),
	UNIT_TEST(test_ptable_build_constraints),
	UNIT_TEST(test_ptable_matches_sdctools),
	UNIT_TEST(test_ptable_params),
	UNIT_TEST(test_ptable_validate),
	UNIT_TEST(test_ptable_lookup),
	{NULL, NULL}
};
