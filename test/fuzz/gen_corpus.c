/*
 * gen_corpus.c — writes the seed corpora of the fuzz targets, one directory
 * per target, each file a valid encoding made with the codec's own encoder:
 *
 *   DIR/state/  fuzz_state_decode: one per two-group accumulation kind (unit
 *               kinds with 0, 1 and several units)
 *   DIR/mg/     fuzz_mg_decode: multigroup states, sums only and with units
 *   DIR/lf/     fuzz_lf_decode: long-form states (empty, text and binary keys)
 *   DIR/md/     fuzz_md_decode: decomposition states
 *   DIR/ck/     fuzz_ck_decode: ckm_count states
 *   DIR/pt/     fuzz_pt_decode: perturbation tables (5-byte entries) and
 *               builder parameters (9 bytes)
 *
 * Deterministic, so regenerating the committed files leaves them unchanged.
 * The directories must exist.
 *
 *   gen_corpus DIR
 *
 * Built and run by test/fuzz/run.sh.
 */
#include "cellkey.h"
#include "decomposition.h"
#include "indices.h"
#include "longform.h"
#include "multigroup.h"
#include "multigroup_codec.h"
#include "ptable.h"
#include "state_codec.h"
#include "../unit/test_alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *dir;
static int	failed;

static void
write_file(const char *sub, const char *name, const uint8_t *buf, size_t size)
{
	char		path[4096];
	FILE	   *f;

	snprintf(path, sizeof(path), "%s/%s/%s", dir, sub, name);
	f = fopen(path, "wb");
	if (f == NULL || fwrite(buf, 1, size, f) != size || fclose(f) != 0)
	{
		perror(path);
		failed = 1;
	}
}

static void
write_seed(const char *name, const SegSummary *s, const SegUnit *units)
{
	size_t		size = seg_state_encoded_size(s, SIZE_MAX);
	uint8_t    *buf = malloc(size);

	seg_state_encode(s, units, buf);
	write_file("state", name, buf, size);
	free(buf);
}

static void
write_state_seeds(void)
{
	/* data set A of the unit tests, with areas, and a zero-population unit */
	const SegUnit units[] = {
		{10, 0, 1.5}, {0, 10, 3}, {5, 5, 0.25}, {0, 0, 2}, {7.5, 1e6, 1e-3}
	};
	const SegSummary none = {SEG_ACCUM_UNITS, 0, 0, 0, 0, 0, 0};
	const SegSummary one = {SEG_ACCUM_UNITS, 0, 0, 0, 0, 0, 1};
	const SegSummary all = {SEG_ACCUM_UNITS, 0, 0, 0, 0, 0, 5};
	const SegSummary area_none = {SEG_ACCUM_UNITS_AREA, 0, 0, 0, 0, 0, 0};
	const SegSummary area_all = {SEG_ACCUM_UNITS_AREA, 0, 0, 0, 0, 0, 5};
	const SegSummary group_area_one = {SEG_ACCUM_GROUP_AREA, 0, 0, 0, 0, 0, 1};
	const SegSummary group_area_all = {SEG_ACCUM_GROUP_AREA, 0, 0, 0, 0, 0, 5};

	/* sums of data set A: X = Y = 15, isolation 12.5, interaction 2.5 */
	const SegSummary exposure = {SEG_ACCUM_EXPOSURE, 0, 15, 15, 12.5, 2.5, 3};
	/* entropy term sum 10 ln 2 */
	const SegSummary entropy = {SEG_ACCUM_ENTROPY, 0, 15, 15, 6.9314718055994531, 0, 3};
	/* Atkinson term sums for b = 1/2 and b = 1/4 */
	const SegSummary atkinson = {SEG_ACCUM_ATKINSON, 0.5, 15, 15, 5, 0, 3};
	const SegSummary atkinson_quarter = {SEG_ACCUM_ATKINSON, 0.25, 4, 8, 3.5955, 0, 3};

	write_seed("units-0", &none, NULL);
	write_seed("units-1", &one, units);
	write_seed("units-5", &all, units);
	write_seed("units_area-0", &area_none, NULL);
	write_seed("units_area-5", &area_all, units);
	write_seed("group_area-1", &group_area_one, units);
	write_seed("group_area-5", &group_area_all, units);
	write_seed("exposure", &exposure, NULL);
	write_seed("entropy", &entropy, NULL);
	write_seed("atkinson-0.5", &atkinson, NULL);
	write_seed("atkinson-0.25", &atkinson_quarter, NULL);
}

/* Accumulates n rows of K counts as the aggregate does; writes both kinds. */
static void
write_mg_seed(const char *name, const double *rows, size_t n, int K)
{
	MgSums		s;
	double	   *kept = calloc(n * (size_t) K + 1, sizeof(double));
	char		full[256];

	s.K = K;
	s.total = calloc((size_t) K, sizeof(double));
	s.sq = calloc((size_t) K, sizeof(double));
	s.within = 0.0;
	s.n_units = 0;
	for (size_t i = 0; i < n; i++)
		if (mg_add_unit(&s, rows + i * K) > 0.0)
			memcpy(kept + (s.n_units - 1) * K, rows + i * K, K * sizeof(double));
	for (int keeps = 0; keeps <= 1; keeps++)
	{
		size_t		size = mg_state_encoded_size(K, s.n_units, keeps, SIZE_MAX);
		uint8_t    *buf = malloc(size);

		mg_state_encode(&s, keeps, kept, buf);
		snprintf(full, sizeof(full), "%s-%s", keeps ? "units" : "sums", name);
		write_file("mg", full, buf, size);
		free(buf);
	}
	free(s.total);
	free(s.sq);
	free(kept);
}

static void
write_mg_seeds(void)
{
	/* set A of test_multigroup.c, set B with an empty unit, K = 5 */
	const double a[] = {10, 0, 0, 0, 10, 10};
	const double b[] = {6, 2, 0, 0, 0, 0, 2, 2, 4, 0, 2, 2};
	const double c[] = {
		1, 0, 3, 0, 2,
		0.5, 7, 0, 0, 1e6,
		4, 4, 4, 4, 4,
	};

	write_mg_seed("a", a, 2, 3);
	write_mg_seed("b", b, 4, 3);
	write_mg_seed("c", c, 3, 5);
	write_mg_seed("empty", a, 0, 2);
}

static void
write_lf_seed(const char *name, const LfState *s)
{
	size_t		size = lf_encoded_size(s, SIZE_MAX);
	uint8_t    *buf = malloc(size);

	lf_encode(s, buf);
	write_file("lf", name, buf, size);
	free(buf);
}

static void
lf_row(LfState *s, const char *unit, size_t ulen, const char *group, size_t glen,
	   double count)
{
	if (lf_add(s, (const uint8_t *) unit, ulen, (const uint8_t *) group, glen, count) != NULL)
		failed = 1;
}

static void
write_lf_seeds(void)
{
	TestArena	arena;
	LfState		s;

	lf_init(&s, test_arena_allocator(&arena));
	write_lf_seed("empty", &s);
	/* the hand case of docs/multigroup.md */
	lf_row(&s, "A", 1, "x", 1, 10);
	lf_row(&s, "B", 1, "y", 1, 10);
	lf_row(&s, "B", 1, "z", 1, 10);
	write_lf_seed("docs", &s);
	test_arena_free(&arena);

	/*
	 * keys as the SQL layer encodes them: a tag byte and 8 big-endian bytes
	 * for integers, a tag byte and text otherwise; the empty key; a unit and
	 * group repeated (counts add)
	 */
	lf_init(&s, test_arena_allocator(&arena));
	lf_row(&s, "\x01\0\0\0\0\0\0\0\x07", 9, "\x02white", 6, 896);
	lf_row(&s, "\x01\0\0\0\0\0\0\0\x07", 9, "\x02black", 6, 2580);
	lf_row(&s, "\x01\0\0\0\0\0\0\x01\0", 9, "\x02white", 6, 414);
	lf_row(&s, "", 0, "\x02white", 6, 0.5);
	lf_row(&s, "\x01\0\0\0\0\0\0\0\x07", 9, "\x02white", 6, 4);
	lf_row(&s, "", 0, "", 0, 0);
	write_lf_seed("keys", &s);
	test_arena_free(&arena);
}

static void
write_md_seed(const char *name, const MdState *s)
{
	size_t		size = md_encoded_size(s, SIZE_MAX);
	uint8_t    *buf = malloc(size);

	md_encode(s, buf);
	write_file("md", name, buf, size);
	free(buf);
}

static void
md_unit(MdState *s, const char *area, const double *counts)
{
	if (md_add(s, (const uint8_t *) area, strlen(area), counts) != NULL)
		failed = 1;
}

static void
write_md_seeds(void)
{
	TestArena	arena;
	MdState		s;
	const double a1[] = {3, 1},
				b1[] = {0, 4},
				b2[] = {2, 2};
	const double c1[] = {1, 0, 3},
				c2[] = {0, 2, 0},
				c3[] = {5, 5, 1};

	/* the hand case of test_codecs_multigroup.c */
	md_init(&s, 2, test_arena_allocator(&arena));
	write_md_seed("empty-2", &s);
	md_unit(&s, "A", a1);
	md_unit(&s, "B", b1);
	md_unit(&s, "A", a1);
	md_unit(&s, "B", b2);
	write_md_seed("hand", &s);
	test_arena_free(&arena);

	md_init(&s, 3, test_arena_allocator(&arena));
	md_unit(&s, "06067", c1);
	md_unit(&s, "", c2);
	md_unit(&s, "06061", c3);
	md_unit(&s, "06067", c3);
	write_md_seed("three", &s);
	test_arena_free(&arena);
}

static void
write_ck_seed(const char *name, uint64_t n, uint64_t keysum, const char *table)
{
	CkmSummary	s = {n, keysum, (const uint8_t *) table, strlen(table)};
	uint8_t		buf[CK_STATE_HEADER_SIZE + CK_MAX_NAME];

	ck_state_encode(&s, buf);
	write_file("ck", name, buf, ck_state_encoded_size(&s));
}

static void
write_ck_seeds(void)
{
	write_ck_seed("one", 1, UINT64_C(1) << 63, "pt");
	write_ck_seed("quoted", 12345, UINT64_C(0x0123456789abcdef), "\"my schema\".\"P T\"");
	write_ck_seed("max", (uint64_t) INT64_MAX, UINT64_MAX, "public.ptable_d2_v1");
}

/* A table as 5-byte entries: i, j (big-endian), p * 65535 (big-endian). */
static void
write_pt_seed(const char *name, const int (*entries)[3], size_t n)
{
	uint8_t		buf[5 * 64];

	for (size_t k = 0; k < n; k++)
	{
		buf[5 * k] = (uint8_t) entries[k][0];
		buf[5 * k + 1] = (uint8_t) (entries[k][1] >> 8);
		buf[5 * k + 2] = (uint8_t) entries[k][1];
		buf[5 * k + 3] = (uint8_t) (entries[k][2] >> 8);
		buf[5 * k + 4] = (uint8_t) entries[k][2];
	}
	write_file("pt", name, buf, 5 * n);
}

static void
write_pt_seeds(void)
{
	static const int identity[][3] = {{0, 0, 65535}, {1, 1, 65535}};
	static const int small[][3] = {{0, 0, 65535}, {1, 0, 21845}, {1, 2, 21845},
	{1, 3, 21845}, {2, 1, 13107}, {2, 2, 39321}, {2, 3, 13107}};
	static const uint8_t build[][9] = {
		{1, 1, 0x10, 0xcd, 1, 0, 0, 0, 0},	/* D 2, js 1, V 1.05 */
		{4, 2, 0x30, 0x00, 1, 0, 0, 0, 0},	/* D 5, js 2, V 3 */
		{2, 0, 0x18, 0x00, 0, 0, 0, 0, 0},	/* D 3, js 0, V 1.5 */
	};

	write_pt_seed("identity", identity, 2);
	write_pt_seed("small", small, 7);
	write_file("pt", "build-d2", build[0], 9);
	write_file("pt", "build-d5", build[1], 9);
	write_file("pt", "build-d3", build[2], 9);
}

int
main(int argc, char **argv)
{
	if (argc != 2)
	{
		fprintf(stderr, "usage: gen_corpus DIR\n");
		return 2;
	}
	dir = argv[1];
	write_state_seeds();
	write_mg_seeds();
	write_lf_seeds();
	write_md_seeds();
	write_ck_seeds();
	write_pt_seeds();
	return failed;
}
