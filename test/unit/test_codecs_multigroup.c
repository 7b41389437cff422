/*
 * test_codecs_multigroup.c — the portable state formats of the multigroup
 * aggregates: "MG" (multigroup_codec.h, wide form), "ML" (longform.h, long
 * form) and "MD" (decomposition.h, between/within decomposition of M).
 *
 * For each: byte-exact small encodings written out by hand, round trips
 * (decode, compare field by field, re-encode to the same bytes), and
 * rejection of malformed input — every truncation, wrong magic, version and
 * flags, out-of-range K, lengths that do not match, NaN / negative values,
 * unknown or duplicate keys, and absurd counts on short buffers.  Every
 * decoder runs on an exactly sized heap copy of its input, so
 * AddressSanitizer reports any read past the stated length.
 *
 * Also lf_merge / md_merge against one state holding all the rows, and the
 * decomposition of M by hand.
 */
#include "unit.h"
#include "decomposition.h"
#include "indices.h"
#include "longform.h"
#include "multigroup.h"
#include "multigroup_codec.h"
#include "test_alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define TOL 1e-12

/* Values no count or sum may take. */
static const double bad_values[] = {
	NAN, -NAN, -1.0, -4.9406564584124654e-324, -1e300, INFINITY, -INFINITY
};

/* ---------------------------------------------------------------------- */
/* helpers: a byte builder written independently of the codecs            */
/* ---------------------------------------------------------------------- */

typedef struct Bytes
{
	uint8_t    *p;
	size_t		len;
	size_t		cap;
} Bytes;

static void
bytes_reserve(Bytes *b, size_t extra)
{
	if (b->len + extra <= b->cap)
		return;
	while (b->len + extra > b->cap)
		b->cap = b->cap ? 2 * b->cap : 256;
	b->p = realloc(b->p, b->cap);
	if (b->p == NULL)
		abort();
}

static void
put_raw(Bytes *b, const void *data, size_t n)
{
	bytes_reserve(b, n);
	if (n > 0)
		memcpy(b->p + b->len, data, n);
	b->len += n;
}

static void
put_u8(Bytes *b, uint8_t v)
{
	put_raw(b, &v, 1);
}

static void
put_u32(Bytes *b, uint32_t v)
{
	uint8_t		x[4];

	for (int i = 0; i < 4; i++)
		x[i] = (uint8_t) (v >> (24 - 8 * i));
	put_raw(b, x, 4);
}

static void
put_u64(Bytes *b, uint64_t v)
{
	uint8_t		x[8];

	for (int i = 0; i < 8; i++)
		x[i] = (uint8_t) (v >> (56 - 8 * i));
	put_raw(b, x, 8);
}

static void
put_f64(Bytes *b, double d)
{
	uint64_t	bits;

	memcpy(&bits, &d, sizeof(bits));
	put_u64(b, bits);
}

/* A length-prefixed key. */
static void
put_key(Bytes *b, const char *key)
{
	put_u32(b, (uint32_t) strlen(key));
	put_raw(b, key, strlen(key));
}

/* Overwrites 8 bytes at offset with a double. */
static void
poke_f64(uint8_t *p, size_t offset, double d)
{
	uint64_t	bits;

	memcpy(&bits, &d, sizeof(bits));
	for (int i = 0; i < 8; i++)
		p[offset + i] = (uint8_t) (bits >> (56 - 8 * i));
}

static void
poke_u32(uint8_t *p, size_t offset, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[offset + i] = (uint8_t) (v >> (24 - 8 * i));
}

static void
poke_u64(uint8_t *p, size_t offset, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[offset + i] = (uint8_t) (v >> (56 - 8 * i));
}

static int
same_bits(double a, double b)
{
	return memcmp(&a, &b, sizeof(double)) == 0;
}

/* An exactly sized heap copy of buf[0 .. len) (1 byte for len 0). */
static uint8_t *
exact_copy(const uint8_t *buf, size_t len)
{
	uint8_t    *c = malloc(len > 0 ? len : 1);

	if (len > 0)
		memcpy(c, buf, len);
	return c;
}

/* ---------------------------------------------------------------------- */
/* MG helpers                                                             */
/* ---------------------------------------------------------------------- */

typedef struct MgDecoded
{
	int			keeps_units;
	MgSums		s;
	double	   *units;
} MgDecoded;

static void
mg_decoded_free(MgDecoded *d)
{
	free(d->s.total);
	free(d->s.sq);
	free(d->units);
	memset(d, 0, sizeof(*d));
}

/*
 * Decodes as mg_deserialize does: header, then allocation, then body, on an
 * exact copy.  On success d (if not NULL) holds the state; the caller frees.
 */
static const char *
mg_decode(const uint8_t *buf, size_t len, MgDecoded *d)
{
	uint8_t    *copy = exact_copy(buf, len);
	MgDecoded	x;
	int			K = -1,
				keeps = -1;
	uint64_t	n_units = 0;
	const char *msg;

	memset(&x, 0, sizeof(x));
	msg = mg_state_decode_header(copy, len, &K, &keeps, &n_units);
	if (msg == NULL)
	{
		/* the header has checked K and, for kept units, n_units * K * 8 <= len */
		if (K < 2 || K > MG_MAX_GROUPS || (keeps && n_units > len))
		{
			/* a header bug: fail here, do not allocate */
			CHECK(!"mg_state_decode_header accepted an impossible K or n_units");
			free(copy);
			return "test: header accepted impossible values";
		}
		x.keeps_units = keeps;
		x.s.K = K;
		x.s.n_units = n_units;
		x.s.total = malloc((size_t) K * sizeof(double));
		x.s.sq = malloc((size_t) K * sizeof(double));
		x.units = malloc((keeps ? (size_t) n_units * K : 0) * sizeof(double) + 1);
		msg = mg_state_decode_body(copy, len, &x.s, keeps, x.units);
	}
	free(copy);
	if (msg == NULL && d != NULL)
		*d = x;
	else
		mg_decoded_free(&x);
	return msg;
}

/* Encodes a state into a fresh buffer of exactly its size. */
static uint8_t *
mg_encode_new(const MgSums *s, int keeps, const double *units, size_t *size)
{
	uint8_t    *out;

	*size = mg_state_encoded_size(s->K, s->n_units, keeps, SIZE_MAX);
	out = malloc(*size + 1);
	mg_state_encode(s, keeps, units, out);
	return out;
}

/* ---------------------------------------------------------------------- */
/* MG: encodings and round trips                                          */
/* ---------------------------------------------------------------------- */

static void
test_mg_known_encoding(void)
{
	/* K = 2, units kept, one unit (1, 2); sums set by hand */
	double		total1[] = {1.0, 2.0},
				sq1[] = {0.25, 4.0},
				units1[] = {1.0, 2.0};
	MgSums		s1 = {2, total1, sq1, 0.5, 1};
	const uint8_t want1[] = {
		'M', 'G', 0x01, 0x01,	/* magic, version 1, flags: units kept */
		0x00, 0x00, 0x00, 0x02,	/* K = 2 */
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,	/* n_units 1 */
		0x3f, 0xe0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* within 0.5 */
		0x3f, 0xf0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* total 1.0 */
		0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* total 2.0 */
		0x3f, 0xd0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* sq 0.25 */
		0x40, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* sq 4.0 */
		0x3f, 0xf0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* unit 1.0 */
		0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* unit 2.0 */
	};

	/* K = 3, sums only, every byte of n_units distinct (byte order) */
	double		total2[] = {1.0, 2.0, 3.0},
				sq2[] = {0.5, 1.0, 2.0};
	MgSums		s2 = {3, total2, sq2, 1.5, 0x0102030405060708ULL};
	const uint8_t want2[] = {
		'M', 'G', 0x01, 0x00,
		0x00, 0x00, 0x00, 0x03,	/* K = 3 */
		0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,	/* n_units */
		0x3f, 0xf8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* within 1.5 */
		0x3f, 0xf0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* 1.0 */
		0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* 2.0 */
		0x40, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* 3.0 */
		0x3f, 0xe0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* 0.5 */
		0x3f, 0xf0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* 1.0 */
		0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* 2.0 */
	};
	uint8_t		out[128];
	MgDecoded	d;

	/* 24 + 2 * 2 * 8 + 1 * 2 * 8 = 72 */
	CHECK(mg_state_encoded_size(2, 1, 1, SIZE_MAX) == sizeof(want1));
	memset(out, 0xaa, sizeof(out));
	mg_state_encode(&s1, 1, units1, out);
	CHECK(memcmp(out, want1, sizeof(want1)) == 0);
	CHECK(out[sizeof(want1)] == 0xaa);	/* nothing written past the end */
	CHECK(mg_decode(want1, sizeof(want1), &d) == NULL);
	CHECK(d.s.K == 2 && d.keeps_units == 1 && d.s.n_units == 1 && d.s.within == 0.5);
	CHECK(d.s.total[0] == 1.0 && d.s.total[1] == 2.0);
	CHECK(d.s.sq[0] == 0.25 && d.s.sq[1] == 4.0);
	CHECK(d.units[0] == 1.0 && d.units[1] == 2.0);
	mg_decoded_free(&d);

	/* 24 + 3 * 2 * 8 = 72 */
	CHECK(mg_state_encoded_size(3, s2.n_units, 0, SIZE_MAX) == sizeof(want2));
	memset(out, 0xaa, sizeof(out));
	mg_state_encode(&s2, 0, NULL, out);
	CHECK(memcmp(out, want2, sizeof(want2)) == 0);
	CHECK(out[sizeof(want2)] == 0xaa);
	CHECK(mg_decode(want2, sizeof(want2), &d) == NULL);
	CHECK(d.s.K == 3 && d.keeps_units == 0 && d.s.n_units == 0x0102030405060708ULL);
	CHECK(d.s.within == 1.5 && d.s.total[2] == 3.0 && d.s.sq[0] == 0.5);
	mg_decoded_free(&d);
}

static void
test_mg_encoded_size(void)
{
	/* K = 2: 24 + 32 = 56 fixed; rows of 16 bytes */
	CHECK(mg_state_encoded_size(2, 0, 0, SIZE_MAX) == 56);
	CHECK(mg_state_encoded_size(2, 12345, 0, SIZE_MAX) == 56);
	CHECK(mg_state_encoded_size(2, UINT64_MAX, 0, SIZE_MAX) == 56);
	CHECK(mg_state_encoded_size(2, 0, 1, SIZE_MAX) == 56);
	CHECK(mg_state_encoded_size(2, 10, 1, SIZE_MAX) == 56 + 160);
	CHECK(mg_state_encoded_size(2, 10, 1, 216) == 216);
	CHECK(mg_state_encoded_size(2, 10, 1, 215) == 0);
	CHECK(mg_state_encoded_size(2, 0, 0, 56) == 56);
	CHECK(mg_state_encoded_size(2, 0, 0, 55) == 0);
	CHECK(mg_state_encoded_size(2, 0, 0, 0) == 0);
	/* K = 5: 24 + 80 = 104; rows of 40 */
	CHECK(mg_state_encoded_size(5, 3, 1, SIZE_MAX) == 104 + 120);
	/* K out of range */
	CHECK(mg_state_encoded_size(0, 0, 0, SIZE_MAX) == 0);
	CHECK(mg_state_encoded_size(-1, 0, 0, SIZE_MAX) == 0);
	CHECK(mg_state_encoded_size(-2147483647 - 1, 0, 1, SIZE_MAX) == 0);
	CHECK(mg_state_encoded_size(MG_MAX_GROUPS + 1, 0, 0, SIZE_MAX) == 0);
	CHECK(mg_state_encoded_size(MG_MAX_GROUPS, 0, 0, SIZE_MAX) == 24 + (size_t) MG_MAX_GROUPS * 16);
	/* n_units whose byte size overflows 64 bits */
	CHECK(mg_state_encoded_size(2, (uint64_t) 1 << 60, 1, SIZE_MAX) == 0);	/* * 16 = 2^64 */
	CHECK(mg_state_encoded_size(2, ((uint64_t) 1 << 60) + 1, 1, SIZE_MAX) == 0);
	CHECK(mg_state_encoded_size(3, ((uint64_t) 1 << 61) + 1, 1, SIZE_MAX) == 0);	/* * 24 wraps to 24 */
	CHECK(mg_state_encoded_size(MG_MAX_GROUPS, UINT64_MAX, 1, SIZE_MAX) == 0);
	/* PostgreSQL's limit MaxAllocSize - VARHDRSZ = 1 GB - 5 */
	{
		size_t		limit = 0x3fffffffu - 4;
		uint64_t	n = (limit - 56) / 16;

		CHECK(mg_state_encoded_size(2, n, 1, limit) == 56 + n * 16);
		CHECK(mg_state_encoded_size(2, n + 1, 1, limit) == 0);
	}
}

/* Encodes, decodes, compares bit for bit, re-encodes to the same bytes. */
static void
mg_round_trip(const MgSums *s, int keeps, const double *units)
{
	size_t		size,
				size2;
	uint8_t    *buf = mg_encode_new(s, keeps, units, &size),
			   *again;
	MgDecoded	d;
	const char *msg = mg_decode(buf, size, &d);

	CHECK(msg == NULL);
	if (msg != NULL)
	{
		free(buf);
		return;
	}
	CHECK(d.s.K == s->K);
	CHECK(d.keeps_units == (keeps != 0));
	CHECK(d.s.n_units == s->n_units);
	CHECK(same_bits(d.s.within, s->within));
	for (int k = 0; k < s->K; k++)
		CHECK(same_bits(d.s.total[k], s->total[k]) && same_bits(d.s.sq[k], s->sq[k]));
	if (keeps)
		for (uint64_t i = 0; i < s->n_units * (uint64_t) s->K; i++)
			CHECK(same_bits(d.units[i], units[i]));
	again = mg_encode_new(&d.s, keeps, d.units, &size2);
	CHECK(size2 == size);
	CHECK(size2 == size && memcmp(again, buf, size) == 0);
	free(again);
	free(buf);
	mg_decoded_free(&d);
}

static void
test_mg_round_trip(void)
{
	UnitRng		rng = {17};
	const int	Ks[] = {2, 3, 7, 40};
	const size_t ns[] = {0, 1, 5, 200};

	for (size_t c = 0; c < N(Ks); c++)
	{
		for (size_t e = 0; e < N(ns); e++)
		{
			int			K = Ks[c];
			size_t		n = ns[e];
			double	   *raw = calloc(n * (size_t) K + 1, sizeof(double));
			double	   *kept = calloc(n * (size_t) K + 1, sizeof(double));
			MgSums		s;

			s.K = K;
			s.total = calloc((size_t) K, sizeof(double));
			s.sq = calloc((size_t) K, sizeof(double));
			s.within = 0;
			s.n_units = 0;
			for (size_t i = 0; i < n; i++)
			{
				for (int k = 0; k < K; k++)
					raw[i * K + k] = unit_rng_below(&rng, 3) == 0 ? 0.0
						: unit_rng_below(&rng, 1000) + (k % 2 ? 0.25 : 0.0);
				/* as the aggregate does: only populated units are kept */
				if (mg_add_unit(&s, raw + i * K) > 0)
					memcpy(kept + (s.n_units - 1) * K, raw + i * K, K * sizeof(double));
			}
			if (n >= 5)
			{
				/* extreme but valid values */
				kept[0] = 1.7976931348623157e308;
				kept[1] = 4.9406564584124654e-324;
				kept[2] = -0.0;
			}
			mg_round_trip(&s, 1, kept);
			mg_round_trip(&s, 0, NULL);
			free(s.total);
			free(s.sq);
			free(raw);
			free(kept);
		}
	}
	/* a sums state with the largest counter */
	{
		double		total[] = {3, 4},
					sq[] = {1, 2};
		MgSums		s = {2, total, sq, -0.0, UINT64_MAX};

		mg_round_trip(&s, 0, NULL);
	}
}

/* The largest K the format allows, with and without a unit; one more fails. */
static void
test_mg_max_groups(void)
{
	int			K = MG_MAX_GROUPS;
	MgSums		s;
	double	   *units = calloc((size_t) K, sizeof(double));
	size_t		size;
	uint8_t    *buf;

	s.K = K;
	s.total = calloc((size_t) K, sizeof(double));
	s.sq = calloc((size_t) K, sizeof(double));
	s.within = 0;
	s.n_units = 1;
	units[0] = units[K - 1] = 1;
	s.total[0] = s.total[K - 1] = 1;
	s.sq[0] = s.sq[K - 1] = 0.5;
	mg_round_trip(&s, 1, units);
	mg_round_trip(&s, 0, NULL);

	/* K = 100001 with exactly the bytes it would need: rejected */
	buf = mg_encode_new(&s, 0, NULL, &size);
	{
		size_t		big = size + 16;
		uint8_t    *b2 = calloc(big, 1);

		memcpy(b2, buf, 8);
		poke_u32(b2, 4, MG_MAX_GROUPS + 1);
		CHECK(mg_decode(b2, big, NULL) != NULL);
		free(b2);
	}
	free(buf);
	free(units);
	free(s.total);
	free(s.sq);
}

/* ---------------------------------------------------------------------- */
/* MG: rejections                                                         */
/* ---------------------------------------------------------------------- */

/* A valid K = 3 state, 3 units kept: 24 + 48 + 72 = 144 bytes. */
static uint8_t *
mg_sample(int keeps, size_t *size)
{
	static const double units[] = {1, 2, 0, 0, 0, 5, 3, 3, 3};
	MgSums		s;
	uint8_t    *buf;

	s.K = 3;
	s.total = calloc(3, sizeof(double));
	s.sq = calloc(3, sizeof(double));
	s.within = 0;
	s.n_units = 0;
	for (int i = 0; i < 3; i++)
		mg_add_unit(&s, units + 3 * i);
	buf = mg_encode_new(&s, keeps, units, size);
	free(s.total);
	free(s.sq);
	return buf;
}

static void
test_mg_reject_truncated(void)
{
	for (int keeps = 0; keeps <= 1; keeps++)
	{
		size_t		size;
		uint8_t    *buf = mg_sample(keeps, &size);
		uint8_t    *longer = calloc(size + 16, 1);

		CHECK(size == (keeps ? 144u : 72u));
		CHECK(mg_decode(buf, size, NULL) == NULL);
		for (size_t len = 0; len < size; len++)
			CHECK(mg_decode(buf, len, NULL) != NULL);
		/* trailing bytes */
		memcpy(longer, buf, size);
		for (size_t len = size + 1; len <= size + 16; len++)
			CHECK(mg_decode(longer, len, NULL) != NULL);
		free(longer);
		free(buf);
	}
}

static void
test_mg_reject_header(void)
{
	const uint8_t bad_versions[] = {0, 2, 0xff};
	const uint8_t bad_flags[] = {2, 3, 0x80, 0x81, 0xff};
	const uint32_t bad_K[] = {0, 1, MG_MAX_GROUPS + 1, 0x7fffffff, 0x80000000u, 0xffffffffu};
	size_t		size;
	uint8_t    *buf = mg_sample(0, &size);

	CHECK(mg_decode(buf, size, NULL) == NULL);
	buf[0] = 'm';
	CHECK(mg_decode(buf, size, NULL) != NULL);
	buf[0] = 'G';
	buf[1] = 'M';
	CHECK(mg_decode(buf, size, NULL) != NULL);
	buf[0] = 'M';
	buf[1] = 'S';				/* the two-group magic */
	CHECK(mg_decode(buf, size, NULL) != NULL);
	buf[1] = 'L';				/* the long-form magic */
	CHECK(mg_decode(buf, size, NULL) != NULL);
	buf[1] = 'G';
	CHECK(mg_decode(buf, size, NULL) == NULL);

	for (size_t i = 0; i < N(bad_versions); i++)
	{
		buf[2] = bad_versions[i];
		CHECK(mg_decode(buf, size, NULL) != NULL);
	}
	buf[2] = 1;
	for (size_t i = 0; i < N(bad_flags); i++)
	{
		buf[3] = bad_flags[i];
		CHECK(mg_decode(buf, size, NULL) != NULL);
	}
	/* flag 1 on a sums-sized buffer: the length no longer matches */
	buf[3] = 1;
	poke_u64(buf, 8, 3);
	CHECK(mg_decode(buf, size, NULL) != NULL);
	poke_u64(buf, 8, 0);		/* units kept, but none */
	CHECK(mg_decode(buf, size, NULL) == NULL);
	buf[3] = 0;
	for (size_t i = 0; i < N(bad_K); i++)
	{
		poke_u32(buf, 4, bad_K[i]);
		CHECK(mg_decode(buf, size, NULL) != NULL);
	}
	/* K = 2 or 4 with a K = 3 payload: lengths do not match */
	poke_u32(buf, 4, 2);
	CHECK(mg_decode(buf, size, NULL) != NULL);
	poke_u32(buf, 4, 4);
	CHECK(mg_decode(buf, size, NULL) != NULL);
	poke_u32(buf, 4, 3);
	CHECK(mg_decode(buf, size, NULL) == NULL);
	free(buf);
}

static void
test_mg_reject_values(void)
{
	size_t		size;
	uint8_t    *buf = mg_sample(1, &size);

	/* within at 16, totals 24..47, sq 48..71, units 72..143 */
	for (size_t off = 16; off < size; off += 8)
	{
		uint8_t    *b = exact_copy(buf, size);

		for (size_t v = 0; v < N(bad_values); v++)
		{
			poke_f64(b, off, bad_values[v]);
			CHECK(mg_decode(b, size, NULL) != NULL);
		}
		/* -0.0 and 0.0 are counts */
		poke_f64(b, off, -0.0);
		CHECK(mg_decode(b, size, NULL) == NULL);
		poke_f64(b, off, 0.0);
		CHECK(mg_decode(b, size, NULL) == NULL);
		free(b);
	}
	free(buf);
}

/*
 * n_units so large that n_units * 8K overflows: rejected by the header
 * without reading past the buffer, including values that wrap to exactly
 * the payload present.
 */
static void
test_mg_reject_huge_n_units(void)
{
	const uint64_t huge[] = {
		(uint64_t) 1 << 32, (uint64_t) 1 << 60, ((uint64_t) 1 << 60) + 1,
		((uint64_t) 1 << 61) + 1, (uint64_t) 1 << 62, (uint64_t) 1 << 63,
		UINT64_MAX, UINT64_MAX / 16 + 1, UINT64_MAX / 24 + 1, 2, 3
	};
	const int	Ks[] = {2, 3};
	const size_t payloads[] = {0, 8, 16, 24, 32, 48};

	for (size_t c = 0; c < N(Ks); c++)
		for (size_t h = 0; h < N(huge); h++)
			for (size_t p = 0; p < N(payloads); p++)
			{
				size_t		fixed = 24 + 16 * (size_t) Ks[c];
				size_t		len = fixed + payloads[p];
				uint8_t    *buf = calloc(len, 1);

				/* 2 or 3 units of K doubles would be 32/48 or 48/72 bytes */
				if (huge[h] <= 3 && huge[h] * 8 * (uint64_t) Ks[c] == payloads[p])
				{
					free(buf);
					continue;
				}
				buf[0] = 'M';
				buf[1] = 'G';
				buf[2] = 1;
				buf[3] = 1;
				poke_u32(buf, 4, (uint32_t) Ks[c]);
				poke_u64(buf, 8, huge[h]);
				CHECK(mg_decode(buf, len, NULL) != NULL);
				free(buf);
			}
}

/* mg_state_decode_body checks the length against the state it is given. */
static void
test_mg_body_length(void)
{
	size_t		size;
	uint8_t    *buf = mg_sample(1, &size);
	MgSums		s;
	double		units[16];
	int			K,
				keeps;
	uint64_t	n;

	CHECK(mg_state_decode_header(buf, size, &K, &keeps, &n) == NULL);
	CHECK(K == 3 && keeps == 1 && n == 3);
	s.K = K;
	s.total = calloc(3, sizeof(double));
	s.sq = calloc(3, sizeof(double));
	s.n_units = 3;
	CHECK(mg_state_decode_body(buf, size, &s, 1, units) == NULL);
	CHECK(units[5] == 5.0 && s.total[2] == 8.0);
	s.n_units = 2;
	CHECK(mg_state_decode_body(buf, size, &s, 1, units) != NULL);
	s.n_units = 4;
	CHECK(mg_state_decode_body(buf, size, &s, 1, units) != NULL);
	s.n_units = 3;
	CHECK(mg_state_decode_body(buf, size - 8, &s, 1, units) != NULL);
	CHECK(mg_state_decode_body(buf, size, &s, 0, units) != NULL);	/* no units: 72 */
	free(s.total);
	free(s.sq);
	free(buf);
}

/* Every single-bit flip of a valid state decodes or is rejected cleanly. */
static void
test_mg_bit_flips(void)
{
	for (int keeps = 0; keeps <= 1; keeps++)
	{
		size_t		size;
		uint8_t    *buf = mg_sample(keeps, &size);
		long		accepted = 0;

		for (size_t bit = 0; bit < 8 * size; bit++)
		{
			buf[bit / 8] ^= (uint8_t) (1u << (bit % 8));
			accepted += mg_decode(buf, size, NULL) == NULL;
			buf[bit / 8] ^= (uint8_t) (1u << (bit % 8));
		}
		CHECK(accepted > 0 && accepted < (long) (8 * size));
		free(buf);
	}
}

/* ---------------------------------------------------------------------- */
/* ML helpers                                                             */
/* ---------------------------------------------------------------------- */

/* Decodes an exact copy into a fresh state of its own arena. */
static const char *
lf_decode_copy(const uint8_t *buf, size_t len, TestArena *arena, LfState *s)
{
	uint8_t    *copy = exact_copy(buf, len);
	const char *msg;

	lf_init(s, test_arena_allocator(arena));
	msg = lf_decode(copy, len, s);
	free(copy);
	return msg;
}

/* Decodes and throws the state away: the message only. */
static const char *
lf_check(const uint8_t *buf, size_t len)
{
	TestArena	arena;
	LfState		s;
	const char *msg = lf_decode_copy(buf, len, &arena, &s);

	test_arena_free(&arena);
	return msg;
}

static uint8_t *
lf_encode_new(const LfState *s, size_t *size)
{
	uint8_t    *out;

	*size = lf_encoded_size(s, SIZE_MAX);
	out = malloc(*size + 1);
	lf_encode(s, out);
	return out;
}

static void
lf_add_str(LfState *s, const char *unit, const char *group, double count)
{
	CHECK(lf_add(s, (const uint8_t *) unit, strlen(unit),
				 (const uint8_t *) group, strlen(group), count) == NULL);
}

/* units.n x groups.n dense table (caller frees). */
static double *
lf_dense_new(const LfState *s)
{
	double	   *d = calloc((size_t) s->units.n * s->groups.n + 1, sizeof(double));

	lf_dense(s, d);
	return d;
}

/*
 * The dense tables of a and b agree key by key (a and b may have their keys
 * in different orders; b must have the same key sets).
 */
static void
check_same_dense_by_key(const LfState *a, LfState *b, double tol)
{
	double	   *da = lf_dense_new(a),
			   *db = lf_dense_new(b);
	uint32_t   *gmap = calloc((size_t) a->groups.n + 1, sizeof(uint32_t));
	long		bad = 0;

	CHECK(a->units.n == b->units.n);
	CHECK(a->groups.n == b->groups.n);
	for (uint32_t g = 0; g < a->groups.n; g++)
	{
		size_t		len;
		const uint8_t *key = keymap_key(&a->groups, g, &len);
		int			inserted;

		gmap[g] = (uint32_t) keymap_intern(&b->groups, key, len, &inserted);
		bad += inserted;
	}
	for (uint32_t u = 0; u < a->units.n && bad == 0; u++)
	{
		size_t		len;
		const uint8_t *key = keymap_key(&a->units, u, &len);
		int			inserted;
		uint32_t	bu = (uint32_t) keymap_intern(&b->units, key, len, &inserted);

		bad += inserted;
		for (uint32_t g = 0; g < a->groups.n && !inserted; g++)
		{
			double		x = da[(size_t) u * a->groups.n + g],
						y = db[(size_t) bu * a->groups.n + gmap[g]];

			bad += !(fabs(x - y) <= tol * fmax(1.0, fabs(y)));
		}
	}
	CHECK(bad == 0);
	free(gmap);
	free(da);
	free(db);
}

/* ---------------------------------------------------------------------- */
/* ML: encodings and round trips                                          */
/* ---------------------------------------------------------------------- */

/*
 * Rows ("a", "x", 1), ("a", "yz", 2.5): units "a"; groups "x", "yz";
 * 20 + (4+1) + (4+1) + (4+2) + 2 * 16 = 68 bytes.
 */
static void
test_lf_known_encoding(void)
{
	const uint8_t want[] = {
		'M', 'L', 0x01, 0x00,
		0x00, 0x00, 0x00, 0x01,	/* n_units 1 */
		0x00, 0x00, 0x00, 0x02,	/* n_groups 2 */
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02,	/* n_entries 2 */
		0x00, 0x00, 0x00, 0x01, 'a',	/* unit key "a" */
		0x00, 0x00, 0x00, 0x01, 'x',	/* group key "x" */
		0x00, 0x00, 0x00, 0x02, 'y', 'z',	/* group key "yz" */
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* unit 0, group 0 */
		0x3f, 0xf0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* 1.0 */
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,	/* unit 0, group 1 */
		0x40, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* 2.5 */
	};
	const uint8_t want_empty[] = {
		'M', 'L', 0x01, 0x00,
		0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0,
	};
	TestArena	arena,
				arena2;
	LfState		s,
				d;
	uint8_t		out[128];

	lf_init(&s, test_arena_allocator(&arena));
	CHECK(lf_encoded_size(&s, SIZE_MAX) == sizeof(want_empty));
	memset(out, 0xaa, sizeof(out));
	lf_encode(&s, out);
	CHECK(memcmp(out, want_empty, sizeof(want_empty)) == 0);
	CHECK(out[sizeof(want_empty)] == 0xaa);
	CHECK(lf_check(want_empty, sizeof(want_empty)) == NULL);

	lf_add_str(&s, "a", "x", 1.0);
	lf_add_str(&s, "a", "yz", 2.5);
	CHECK(lf_encoded_size(&s, SIZE_MAX) == sizeof(want));
	CHECK(lf_encoded_size(&s, sizeof(want)) == sizeof(want));
	CHECK(lf_encoded_size(&s, sizeof(want) - 1) == 0);
	memset(out, 0xaa, sizeof(out));
	lf_encode(&s, out);
	CHECK(memcmp(out, want, sizeof(want)) == 0);
	CHECK(out[sizeof(want)] == 0xaa);

	CHECK(lf_decode_copy(want, sizeof(want), &arena2, &d) == NULL);
	CHECK(d.units.n == 1 && d.groups.n == 2 && d.n_entries == 2);
	CHECK(d.entries[1].unit == 0 && d.entries[1].group == 1 && d.entries[1].count == 2.5);
	{
		size_t		len;
		const uint8_t *k = keymap_key(&d.groups, 1, &len);

		CHECK(len == 2 && memcmp(k, "yz", 2) == 0);
	}
	test_arena_free(&arena2);
	test_arena_free(&arena);
}

/*
 * Rows (a, x, 1) (b, y, 2) (a, x, 3) (a, y, 0.5) (c, x, 0):
 * dense a: x 1 + 3 = 4, y 0.5; b: y 2; c: all 0.
 */
static void
test_lf_dense(void)
{
	TestArena	arena;
	LfState		s;
	double	   *d;

	lf_init(&s, test_arena_allocator(&arena));
	lf_add_str(&s, "a", "x", 1);
	lf_add_str(&s, "b", "y", 2);
	lf_add_str(&s, "a", "x", 3);
	lf_add_str(&s, "a", "y", 0.5);
	lf_add_str(&s, "c", "x", 0);
	CHECK(s.units.n == 3 && s.groups.n == 2 && s.n_entries == 5);
	d = lf_dense_new(&s);
	CHECK(d[0] == 4 && d[1] == 0.5);
	CHECK(d[2] == 0 && d[3] == 2);
	CHECK(d[4] == 0 && d[5] == 0);
	free(d);
	CHECK(arena.allocs > 0);	/* allocated through the allocator */
	test_arena_free(&arena);
}

/* Random long-form state: n_rows rows over up to n_keys units and groups. */
static void
lf_random(LfState *s, UnitRng *rng, size_t n_rows, uint32_t n_keys)
{
	for (size_t r = 0; r < n_rows; r++)
	{
		uint8_t		u[12],
					g[12];
		uint32_t	ui = unit_rng_below(rng, n_keys),
					gi = unit_rng_below(rng, 1 + n_keys / 8);
		size_t		ulen = ui % 9,	/* lengths 0..8: the empty key included */
					glen = 1 + gi % 4;

		/* binary keys with zero bytes; the length tells keys apart */
		for (size_t i = 0; i < ulen; i++)
			u[i] = (uint8_t) ((ui >> (i % 4)) * (i + 1));
		memset(u, 0, ulen > 0 ? 1 : 0);
		for (size_t i = 0; i < glen; i++)
			g[i] = (uint8_t) (gi + i);
		CHECK(lf_add(s, u, ulen, g, glen,
					 unit_rng_below(rng, 4) == 0 ? 0.0 : unit_rng_below(rng, 100) + 0.125) == NULL);
	}
}

static void
lf_round_trip(const LfState *s)
{
	TestArena	arena;
	LfState		d;
	size_t		size,
				size2;
	uint8_t    *buf = lf_encode_new(s, &size),
			   *again;
	const char *msg = lf_decode_copy(buf, size, &arena, &d);

	CHECK(msg == NULL);
	if (msg == NULL)
	{
		double	   *ds = lf_dense_new(s),
				   *dd = lf_dense_new(&d);
		long		bad = 0;

		CHECK(d.units.n == s->units.n && d.groups.n == s->groups.n);
		CHECK(d.n_entries == s->n_entries);
		for (uint32_t i = 0; i < s->units.n; i++)
		{
			size_t		l1,
						l2;
			const uint8_t *k1 = keymap_key(&s->units, i, &l1);
			const uint8_t *k2 = keymap_key(&d.units, i, &l2);

			bad += l1 != l2 || (l1 > 0 && memcmp(k1, k2, l1) != 0);
		}
		for (uint64_t i = 0; i < s->n_entries; i++)
			bad += d.entries[i].unit != s->entries[i].unit ||
				d.entries[i].group != s->entries[i].group ||
				!same_bits(d.entries[i].count, s->entries[i].count);
		for (size_t i = 0; i < (size_t) s->units.n * s->groups.n; i++)
			bad += !same_bits(ds[i], dd[i]);
		CHECK(bad == 0);
		again = lf_encode_new(&d, &size2);
		CHECK(size2 == size && memcmp(again, buf, size) == 0);
		free(again);
		free(ds);
		free(dd);
	}
	test_arena_free(&arena);
	free(buf);
}

static void
test_lf_round_trip(void)
{
	UnitRng		rng = {606};
	const size_t rows[] = {0, 1, 2, 10, 500, 5000};

	for (size_t c = 0; c < N(rows); c++)
	{
		TestArena	arena;
		LfState		s;

		lf_init(&s, test_arena_allocator(&arena));
		lf_random(&s, &rng, rows[c], 1 + (uint32_t) rows[c] / 3);
		lf_round_trip(&s);
		test_arena_free(&arena);
	}
	/* extreme valid counts, -0.0, keys only used once */
	{
		TestArena	arena;
		LfState		s;

		lf_init(&s, test_arena_allocator(&arena));
		lf_add_str(&s, "", "", 1.7976931348623157e308);
		lf_add_str(&s, "u", "", 4.9406564584124654e-324);
		lf_add_str(&s, "", "g", -0.0);
		lf_round_trip(&s);
		test_arena_free(&arena);
	}
}

/* ---------------------------------------------------------------------- */
/* ML: rejections                                                         */
/* ---------------------------------------------------------------------- */

/*
 * A raw ML state: units {"u0", "u1"}, groups {"g0", "", "g2"}, 3 entries
 * (0,0,1) (1,2,2) (0,1,3).  Offsets: header 0..19, unit keys 20..31, group
 * keys 32..47 (4+2, 4+0, 4+2), entries 48..95.
 */
static Bytes
lf_sample(void)
{
	Bytes		b = {NULL, 0, 0};

	put_raw(&b, "ML", 2);
	put_u8(&b, 1);
	put_u8(&b, 0);
	put_u32(&b, 2);
	put_u32(&b, 3);
	put_u64(&b, 3);
	put_key(&b, "u0");
	put_key(&b, "u1");
	put_key(&b, "g0");
	put_key(&b, "");
	put_key(&b, "g2");
	put_u32(&b, 0);
	put_u32(&b, 0);
	put_f64(&b, 1);
	put_u32(&b, 1);
	put_u32(&b, 2);
	put_f64(&b, 2);
	put_u32(&b, 0);
	put_u32(&b, 1);
	put_f64(&b, 3);
	return b;
}

static void
test_lf_reject_truncated(void)
{
	Bytes		b = lf_sample();

	CHECK(b.len == 96);
	CHECK(lf_check(b.p, b.len) == NULL);
	for (size_t len = 0; len < b.len; len++)
		CHECK(lf_check(b.p, len) != NULL);
	for (int extra = 1; extra <= 17; extra++)
	{
		put_u8(&b, 0);
		CHECK(lf_check(b.p, b.len) != NULL);
	}
	free(b.p);
}

static void
test_lf_reject_header(void)
{
	Bytes		b = lf_sample();

	b.p[0] = 'm';
	CHECK(lf_check(b.p, b.len) != NULL);
	b.p[0] = 'M';
	b.p[1] = 'G';
	CHECK(lf_check(b.p, b.len) != NULL);
	b.p[1] = 'D';
	CHECK(lf_check(b.p, b.len) != NULL);
	b.p[1] = 'L';
	CHECK(lf_check(b.p, b.len) == NULL);
	b.p[2] = 0;
	CHECK(lf_check(b.p, b.len) != NULL);
	b.p[2] = 2;
	CHECK(lf_check(b.p, b.len) != NULL);
	b.p[2] = 1;
	b.p[3] = 1;
	CHECK(lf_check(b.p, b.len) != NULL);
	b.p[3] = 0x80;
	CHECK(lf_check(b.p, b.len) != NULL);
	b.p[3] = 0;
	CHECK(lf_check(b.p, b.len) == NULL);
	free(b.p);
}

/* Counts in the header that do not match the body. */
static void
test_lf_reject_counts_mismatch(void)
{
	const struct
	{
		size_t		off;
		int			width;
		uint64_t	value;
	}			edits[] = {
		{4, 4, 1}, {4, 4, 3}, {4, 4, 0},	/* n_units */
		{8, 4, 2}, {8, 4, 4}, {8, 4, 0},	/* n_groups */
		{12, 8, 2}, {12, 8, 4}, {12, 8, 0},	/* n_entries */
		{20, 4, 1}, {20, 4, 3}, {20, 4, 0},	/* the length of key "u0" */
		{40, 4, 1},				/* the empty group key claims a byte */
	};

	for (size_t e = 0; e < N(edits); e++)
	{
		Bytes		b = lf_sample();

		if (edits[e].width == 4)
			poke_u32(b.p, edits[e].off, (uint32_t) edits[e].value);
		else
			poke_u64(b.p, edits[e].off, edits[e].value);
		CHECK(lf_check(b.p, b.len) != NULL);
		free(b.p);
	}
}

static void
test_lf_reject_unknown_keys(void)
{
	/* entry 1 is (1, 2) at 64..71: unit at 64, group at 68 */
	const uint32_t bad_units[] = {2, 3, 0x7fffffff, 0xffffffffu};
	const uint32_t bad_groups[] = {3, 4, 0x80000000u, 0xffffffffu};

	for (size_t i = 0; i < N(bad_units); i++)
	{
		Bytes		b = lf_sample();

		poke_u32(b.p, 64, bad_units[i]);
		CHECK(lf_check(b.p, b.len) != NULL);
		free(b.p);
	}
	for (size_t i = 0; i < N(bad_groups); i++)
	{
		Bytes		b = lf_sample();

		poke_u32(b.p, 68, bad_groups[i]);
		CHECK(lf_check(b.p, b.len) != NULL);
		free(b.p);
	}
	/* the largest valid indexes are fine */
	{
		Bytes		b = lf_sample();

		poke_u32(b.p, 64, 1);
		poke_u32(b.p, 68, 2);
		CHECK(lf_check(b.p, b.len) == NULL);
		free(b.p);
	}
	/* entries but no keys at all */
	{
		Bytes		b = {NULL, 0, 0};

		put_raw(&b, "ML\1\0", 4);
		put_u32(&b, 0);
		put_u32(&b, 0);
		put_u64(&b, 1);
		put_u32(&b, 0);
		put_u32(&b, 0);
		put_f64(&b, 1);
		CHECK(lf_check(b.p, b.len) != NULL);
		free(b.p);
	}
}

static void
test_lf_reject_bad_counts(void)
{
	const size_t count_offsets[] = {56, 72, 88};

	for (size_t o = 0; o < N(count_offsets); o++)
	{
		for (size_t v = 0; v < N(bad_values); v++)
		{
			Bytes		b = lf_sample();

			poke_f64(b.p, count_offsets[o], bad_values[v]);
			CHECK(lf_check(b.p, b.len) != NULL);
			free(b.p);
		}
		{
			Bytes		b = lf_sample();

			poke_f64(b.p, count_offsets[o], -0.0);
			CHECK(lf_check(b.p, b.len) == NULL);
			free(b.p);
		}
	}
}

static void
test_lf_reject_duplicate_keys(void)
{
	/* unit keys "u0", "u0" */
	{
		Bytes		b = lf_sample();

		b.p[31] = '0';
		CHECK(lf_check(b.p, b.len) != NULL);
		b.p[31] = '1';
		CHECK(lf_check(b.p, b.len) == NULL);
		free(b.p);
	}
	/* group keys "g0", "", "g0" */
	{
		Bytes		b = lf_sample();

		b.p[47] = '0';
		CHECK(lf_check(b.p, b.len) != NULL);
		free(b.p);
	}
	/* two empty unit keys */
	{
		Bytes		b = {NULL, 0, 0};

		put_raw(&b, "ML\1\0", 4);
		put_u32(&b, 2);
		put_u32(&b, 1);
		put_u64(&b, 0);
		put_key(&b, "");
		put_key(&b, "");
		put_key(&b, "g");
		CHECK(lf_check(b.p, b.len) != NULL);
		free(b.p);
	}
	/* the same key as a unit and as a group is fine */
	{
		Bytes		b = {NULL, 0, 0};

		put_raw(&b, "ML\1\0", 4);
		put_u32(&b, 1);
		put_u32(&b, 1);
		put_u64(&b, 1);
		put_key(&b, "k");
		put_key(&b, "k");
		put_u32(&b, 0);
		put_u32(&b, 0);
		put_f64(&b, 7);
		CHECK(lf_check(b.p, b.len) == NULL);
		free(b.p);
	}
}

/*
 * Absurd counts on short buffers: n_units / n_groups up to 2^32 - 1 (their
 * sum overflows 32 bits), n_entries whose byte size wraps modulo 2^64 to
 * exactly the bytes present, key lengths beyond the end.
 */
static void
test_lf_reject_absurd(void)
{
	const uint32_t keys[][2] = {
		{0xffffffffu, 0}, {0, 0xffffffffu}, {0xffffffffu, 0xffffffffu},
		{0x80000000u, 0x80000000u}, {0x80000000u, 0x80000001u}, {1, 0xffffffffu},
		{1000, 0}, {3, 3}
	};
	const uint64_t entries[] = {
		1, 2, (uint64_t) 1 << 60, ((uint64_t) 1 << 60) + 1, ((uint64_t) 1 << 60) + 2,
		UINT64_MAX, (uint64_t) 1 << 63, 0xffffffffu
	};
	const size_t payloads[] = {0, 4, 8, 16, 32};

	for (size_t k = 0; k < N(keys); k++)
		for (size_t p = 0; p < N(payloads); p++)
		{
			Bytes		b = {NULL, 0, 0};

			put_raw(&b, "ML\1\0", 4);
			put_u32(&b, keys[k][0]);
			put_u32(&b, keys[k][1]);
			put_u64(&b, 0);
			for (size_t i = 0; i < payloads[p]; i++)
				put_u8(&b, 0);	/* zero-length keys */
			CHECK(lf_check(b.p, b.len) != NULL);
			free(b.p);
		}

	/* no keys; n_entries huge; payload of whole entries of (0, 0, 0) */
	for (size_t e = 0; e < N(entries); e++)
		for (size_t p = 0; p < N(payloads); p++)
		{
			Bytes		b = {NULL, 0, 0};

			put_raw(&b, "ML\1\0", 4);
			put_u32(&b, 1);
			put_u32(&b, 1);
			put_u64(&b, entries[e]);
			put_key(&b, "u");
			put_key(&b, "g");
			for (size_t i = 0; i < payloads[p]; i++)
				put_u8(&b, 0);
			if (entries[e] <= 2 && entries[e] * 16 == payloads[p])
				CHECK(lf_check(b.p, b.len) == NULL);	/* 1 entry, 16 bytes */
			else
				CHECK(lf_check(b.p, b.len) != NULL);
			free(b.p);
		}

	/* key lengths beyond the end */
	{
		const uint32_t lens[] = {1, 2, 5, 0x7fffffff, 0xfffffffcu, 0xffffffffu};

		for (size_t i = 0; i < N(lens); i++)
		{
			Bytes		b = {NULL, 0, 0};

			put_raw(&b, "ML\1\0", 4);
			put_u32(&b, 1);
			put_u32(&b, 0);
			put_u64(&b, 0);
			put_u32(&b, lens[i]);
			/* 1 byte of key for length 1 is exact: valid */
			if (lens[i] == 1)
				put_u8(&b, 'k');
			if (lens[i] == 1)
				CHECK(lf_check(b.p, b.len) == NULL);
			else
				CHECK(lf_check(b.p, b.len) != NULL);
			free(b.p);
		}
	}
}

static void
test_lf_bit_flips(void)
{
	Bytes		b = lf_sample();
	long		accepted = 0;

	for (size_t bit = 0; bit < 8 * b.len; bit++)
	{
		b.p[bit / 8] ^= (uint8_t) (1u << (bit % 8));
		accepted += lf_check(b.p, b.len) == NULL;
		b.p[bit / 8] ^= (uint8_t) (1u << (bit % 8));
	}
	CHECK(accepted > 0 && accepted < (long) (8 * b.len));
	free(b.p);
}

/* ---------------------------------------------------------------------- */
/* ML: merge                                                              */
/* ---------------------------------------------------------------------- */

static void
test_lf_merge(void)
{
	for (int rep = 0; rep < 6; rep++)
	{
		TestArena	aa,
					ab,
					aall,
					ashuf;
		LfState		a,
					b,
					all,
					shuf;
		uint64_t	seed_a = 100 + rep,
					seed_b = 200 + rep;
		size_t		rows_a = rep == 0 ? 0 : 50 * (size_t) rep,
					rows_b = rep == 5 ? 0 : 37 * (size_t) rep + 1;

		lf_init(&a, test_arena_allocator(&aa));
		lf_init(&b, test_arena_allocator(&ab));
		lf_init(&all, test_arena_allocator(&aall));
		/* the same rows: a's then b's (overlapping keys: same key space) */
		{
			UnitRng		r1 = {seed_a},
						r2 = {seed_b},
						r3 = {seed_a},
						r4 = {seed_b};

			lf_random(&a, &r1, rows_a, 40);
			lf_random(&b, &r2, rows_b, 40);
			lf_random(&all, &r3, rows_a, 40);
			lf_random(&all, &r4, rows_b, 40);
		}
		CHECK(lf_merge(&a, &b) == NULL);
		/* lf_merge adds b's rows in order: byte-identical to one state */
		{
			size_t		s1,
						s2;
			uint8_t    *e1 = lf_encode_new(&a, &s1),
					   *e2 = lf_encode_new(&all, &s2);

			CHECK(s1 == s2 && memcmp(e1, e2, s1) == 0);
			free(e1);
			free(e2);
		}
		check_same_dense_by_key(&a, &all, 0.0);

		/* b first, then a's rows: other key order, same table by key */
		lf_init(&shuf, test_arena_allocator(&ashuf));
		{
			UnitRng		r1 = {seed_a};
			TestArena	at;
			LfState		t;

			lf_init(&t, test_arena_allocator(&at));
			lf_random(&t, &r1, rows_a, 40);
			CHECK(lf_merge(&shuf, &b) == NULL);
			CHECK(lf_merge(&shuf, &t) == NULL);
			test_arena_free(&at);
		}
		check_same_dense_by_key(&shuf, &all, 1e-12);

		/* merging an empty state changes nothing */
		{
			TestArena	ae;
			LfState		e;
			size_t		s1,
						s2;
			uint8_t    *e1 = lf_encode_new(&a, &s1),
					   *e2;

			lf_init(&e, test_arena_allocator(&ae));
			CHECK(lf_merge(&a, &e) == NULL);
			e2 = lf_encode_new(&a, &s2);
			CHECK(s1 == s2 && memcmp(e1, e2, s1) == 0);
			free(e1);
			free(e2);
			test_arena_free(&ae);
		}
		test_arena_free(&aa);
		test_arena_free(&ab);
		test_arena_free(&aall);
		test_arena_free(&ashuf);
	}
}

/* A decoded state merges exactly like the state it was encoded from. */
static void
test_lf_merge_decoded(void)
{
	UnitRng		r1 = {71},
				r2 = {72},
				r3 = {72};
	TestArena	aa,
				ad,
				am,
				am2;
	LfState		a,
				d,
				m,
				m2;
	size_t		size,
				s1,
				s2;
	uint8_t    *buf,
			   *e1,
			   *e2;

	lf_init(&a, test_arena_allocator(&aa));
	lf_random(&a, &r1, 300, 50);
	buf = lf_encode_new(&a, &size);
	CHECK(lf_decode_copy(buf, size, &ad, &d) == NULL);
	/* two equal states of 10 rows; a into one, its decoding into the other */
	lf_init(&m, test_arena_allocator(&am));
	lf_init(&m2, test_arena_allocator(&am2));
	lf_random(&m, &r2, 10, 50);
	lf_random(&m2, &r3, 10, 50);
	CHECK(lf_merge(&m, &a) == NULL);
	CHECK(lf_merge(&m2, &d) == NULL);
	e1 = lf_encode_new(&m, &s1);
	e2 = lf_encode_new(&m2, &s2);
	CHECK(s1 == s2 && memcmp(e1, e2, s1) == 0);
	CHECK(m.n_entries == 310);
	free(e1);
	free(e2);
	free(buf);
	test_arena_free(&aa);
	test_arena_free(&ad);
	test_arena_free(&am);
	test_arena_free(&am2);
}

/* ---------------------------------------------------------------------- */
/* MD helpers                                                             */
/* ---------------------------------------------------------------------- */

/* Decodes an exact copy into a state initialised for K. */
static const char *
md_decode_k(const uint8_t *buf, size_t len, int K, TestArena *arena, MdState *s)
{
	uint8_t    *copy = exact_copy(buf, len);
	const char *msg;

	md_init(s, K, test_arena_allocator(arena));
	msg = md_decode(copy, len, s);
	free(copy);
	return msg;
}

/*
 * As md_deserialize does: K from the header (NULL state if invalid), then
 * md_decode.  Returns the message; the state is discarded.
 */
static const char *
md_check(const uint8_t *buf, size_t len)
{
	uint8_t    *copy = exact_copy(buf, len);
	int			K = md_decode_groups(copy, len);
	const char *msg = "md_decode_groups rejected the header";

	free(copy);
	if (K != 0)
	{
		TestArena	arena;
		MdState		s;

		CHECK(K >= 2 && K <= MG_MAX_GROUPS);
		msg = md_decode_k(buf, len, K, &arena, &s);
		test_arena_free(&arena);
	}
	return msg;
}

static uint8_t *
md_encode_new(const MdState *s, size_t *size)
{
	uint8_t    *out;

	*size = md_encoded_size(s, SIZE_MAX);
	out = malloc(*size + 1);
	md_encode(s, out);
	return out;
}

static void
md_add_str(MdState *s, const char *area, const double *counts)
{
	CHECK(md_add(s, (const uint8_t *) area, strlen(area), counts) == NULL);
}

/* Area row of key in s, or NULL. */
static const double *
md_row(MdState *s, const uint8_t *key, size_t len)
{
	for (uint32_t d = 0; d < s->areas.n; d++)
	{
		size_t		l;
		const uint8_t *k = keymap_key(&s->areas, d, &l);

		if (l == len && (len == 0 || memcmp(k, key, len) == 0))
			return s->area_totals + (size_t) d * s->units.K;
	}
	return NULL;
}

/* ---------------------------------------------------------------------- */
/* MD: encodings, round trips, the decomposition                          */
/* ---------------------------------------------------------------------- */

/*
 * Units (2, 0) in area "d" and (0, 4) in area "" (the empty key).  Each unit
 * holds one group, so within = 0; totals (2, 4); sq (4/2, 16/4) = (2, 4).
 * 28 + 4 * 8 + (4 + 1) + (4 + 0) + 2 * 2 * 8 = 101 bytes.
 */
static void
test_md_known_encoding(void)
{
	const uint8_t want[] = {
		'M', 'D', 0x01, 0x00,
		0x00, 0x00, 0x00, 0x02,	/* K 2 */
		0x00, 0x00, 0x00, 0x02,	/* n_areas 2 */
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02,	/* n_units 2 */
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* within 0 */
		0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* total 2 */
		0x40, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* total 4 */
		0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* sq 2 */
		0x40, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* sq 4 */
		0x00, 0x00, 0x00, 0x01, 'd',	/* area key "d" */
		0x00, 0x00, 0x00, 0x00,	/* area key "" */
		0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* "d": 2 */
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* "d": 0 */
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* "": 0 */
		0x40, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* "": 4 */
	};
	const double u1[] = {2, 0},
				u2[] = {0, 4};
	TestArena	arena,
				arena2;
	MdState		s,
				d;
	uint8_t		out[160];
	MdResult	r;
	double		st[2],
				sq[2];

	md_init(&s, 2, test_arena_allocator(&arena));
	md_add_str(&s, "d", u1);
	md_add_str(&s, "", u2);
	CHECK(md_encoded_size(&s, SIZE_MAX) == sizeof(want));
	CHECK(md_encoded_size(&s, sizeof(want)) == sizeof(want));
	CHECK(md_encoded_size(&s, sizeof(want) - 1) == 0);
	memset(out, 0xaa, sizeof(out));
	md_encode(&s, out);
	CHECK(memcmp(out, want, sizeof(want)) == 0);
	CHECK(out[sizeof(want)] == 0xaa);

	CHECK(md_decode_groups(want, sizeof(want)) == 2);
	CHECK(md_decode_k(want, sizeof(want), 2, &arena2, &d) == NULL);
	CHECK(d.units.n_units == 2 && d.areas.n == 2 && d.units.within == 0.0);
	CHECK(d.area_totals[0] == 2 && d.area_totals[3] == 4);
	/* complete segregation: M = E = e(1/3); all of it between the areas */
	CHECK(md_result(&d, st, sq, &r) == 1);
	CHECK_CLOSE(r.total, seg_binary_entropy(1.0 / 3.0), TOL);
	CHECK_CLOSE(r.between, r.total, TOL);
	CHECK_CLOSE(r.within, 0.0, TOL);
	test_arena_free(&arena2);
	test_arena_free(&arena);
}

/*
 * Two areas of two units, K = 2:
 *   area "A": (3,1) (3,1)   totals (6, 2)
 *   area "B": (0,4) (2,2)   totals (2, 6)
 * T_k = (8, 8), T = 16, E = ln 2.  e(1/4) = -(1/4) ln(1/4) - (3/4) ln(3/4)
 * = 0.5 ln 2 + 1.5 ln 2 - 0.75 ln 3 = 2 ln 2 - 0.75 ln 3.
 *   total:   sum t_i E_i = 4 e(1/4) + 4 e(1/4) + 0 + 4 ln 2
 *            = 20 ln 2 - 6 ln 3;  M = ln 2 - (20 ln 2 - 6 ln 3)/16
 *            = 0.375 ln 3 - 0.25 ln 2                          (0.2386928131)
 *   between: the areas as units, (6,2) and (2,6): M = ln 2 - e(1/4)
 *            = 0.75 ln 3 - ln 2                                (0.1308120359)
 *   within:  M_A = 0 (both units like their area); area B, E_B = e(1/4),
 *            units E = 0 and ln 2, M_B = e(1/4) - (4 ln 2)/8
 *            = 1.5 ln 2 - 0.75 ln 3; (8/16) 0 + (8/16) M_B
 *            = 0.75 ln 2 - 0.375 ln 3                          (0.1078807772)
 *   between + within = 0.375 ln 3 - 0.25 ln 2 = total.
 */
static void
test_md_hand_case(void)
{
	const double a1[] = {3, 1},
				b1[] = {0, 4},
				b2[] = {2, 2},
				empty[] = {0, 0};
	const double ln2 = log(2.0),
				ln3 = log(3.0);
	TestArena	arena;
	MdState		s;
	MdResult	r;
	double		st[2],
				sq[2];

	md_init(&s, 2, test_arena_allocator(&arena));
	md_add_str(&s, "A", a1);
	md_add_str(&s, "B", b1);
	md_add_str(&s, "empty area", empty);	/* an empty unit: nothing, no area */
	md_add_str(&s, "A", a1);
	md_add_str(&s, "B", b2);
	CHECK(s.units.n_units == 4);
	CHECK(s.areas.n == 2);
	CHECK(s.area_totals[0] == 6 && s.area_totals[1] == 2);
	CHECK(s.area_totals[2] == 2 && s.area_totals[3] == 6);
	CHECK(md_result(&s, st, sq, &r) == 1);
	CHECK_CLOSE(r.total, 0.375 * ln3 - 0.25 * ln2, TOL);
	CHECK_CLOSE(r.total, 0.23869281311055482, 1e-14);
	CHECK_CLOSE(r.between, 0.75 * ln3 - ln2, TOL);
	CHECK_CLOSE(r.within, 0.75 * ln2 - 0.375 * ln3, TOL);
	CHECK_CLOSE(r.between + r.within, r.total, TOL);
	test_arena_free(&arena);
}

static void
test_md_undefined(void)
{
	const double one[] = {5, 0, 0},
				other[] = {2, 0, 0},
				empty[] = {0, 0, 0};
	TestArena	arena;
	MdState		s;
	MdResult	r = {-1, -1, -1};
	double		st[3],
				sq[3];

	md_init(&s, 3, test_arena_allocator(&arena));
	CHECK(md_result(&s, st, sq, &r) == 0);	/* no units */
	md_add_str(&s, "a", empty);
	CHECK(s.areas.n == 0 && s.units.n_units == 0);
	CHECK(md_result(&s, st, sq, &r) == 0);
	md_add_str(&s, "a", one);
	md_add_str(&s, "b", other);
	CHECK(md_result(&s, st, sq, &r) == 0);	/* one group */
	CHECK(r.total == -1 && r.between == -1 && r.within == -1);	/* untouched */
	test_arena_free(&arena);
}

/* M of the rows of u (n x K) whose area is d (all if d < 0); 0 if < 2 groups. */
static double
m_of_area(const double *u, const int *area, size_t n, int K, int d, double *T_d)
{
	MgSums		s;
	double		m,
				T = 0;

	s.K = K;
	s.total = calloc((size_t) K, sizeof(double));
	s.sq = calloc((size_t) K, sizeof(double));
	s.within = 0;
	s.n_units = 0;
	for (size_t i = 0; i < n; i++)
		if (d < 0 || area[i] == d)
			T += mg_add_unit(&s, u + i * K);
	/* one group in an area: nothing to segregate there, M_d = 0 */
	m = mg_groups_present(s.total, K) < 2 ? 0.0 : mg_mutual_information(&s);
	free(s.total);
	free(s.sq);
	*T_d = T;
	return m;
}

/* Random units nested in areas; area key of area d: "area-" + d, or "" */
static void
area_key(int d, char *buf)
{
	if (d == 0)
		buf[0] = 0;
	else
		snprintf(buf, 32, "area-%d", d);
}

/*
 * between = M of the area totals; within = sum_d (T_d / T) M_d with M_d
 * computed from the units of area d alone; total = M of all units.
 */
static void
test_md_decomposition_random(void)
{
	UnitRng		rng = {4711};

	for (int rep = 0; rep < 8; rep++)
	{
		int			K = 2 + rep % 4;
		int			n_areas = 1 + rep * 3;
		size_t		n = 20 + 40 * (size_t) rep;
		double	   *u = calloc(n * (size_t) K, sizeof(double));
		int		   *area = calloc(n, sizeof(int));
		double	   *area_tot = calloc((size_t) n_areas * K, sizeof(double));
		TestArena	arena;
		MdState		s;
		MdResult	r;
		double	   *st = malloc((size_t) K * sizeof(double)),
				   *sq = malloc((size_t) K * sizeof(double));
		double		T,
					total,
					within = 0,
					between;

		md_init(&s, K, test_arena_allocator(&arena));
		for (size_t i = 0; i < n; i++)
		{
			char		key[32];

			area[i] = (int) unit_rng_below(&rng, (uint32_t) n_areas);
			for (int k = 0; k < K; k++)
			{
				/* area-dependent composition, so that between > 0 */
				uint32_t	bound = 2 + (uint32_t) ((area[i] * 5 + k * 3) % 11) * 6;

				u[i * K + k] = unit_rng_below(&rng, 8) == 0 ? 0 : unit_rng_below(&rng, bound);
				area_tot[area[i] * K + k] += u[i * K + k];
			}
			area_key(area[i], key);
			md_add_str(&s, key, u + i * K);
		}
		CHECK(md_result(&s, st, sq, &r) == 1);
		total = m_of_area(u, area, n, K, -1, &T);
		{
			double		dummy;
			int		   *ids = calloc((size_t) n_areas, sizeof(int));

			for (int d = 0; d < n_areas; d++)
				ids[d] = d;
			between = m_of_area(area_tot, ids, (size_t) n_areas, K, -1, &dummy);
			free(ids);
		}
		for (int d = 0; d < n_areas; d++)
		{
			double		T_d,
						m_d = m_of_area(u, area, n, K, d, &T_d);

			within += T_d / T * m_d;
		}
		CHECK_CLOSE(r.total, total, 1e-12);
		CHECK_CLOSE(r.between, between, 1e-12);
		CHECK_CLOSE(r.within, within, 1e-11);
		CHECK(r.between >= -1e-12 && r.within >= -1e-12);
		if (n_areas == 1)
			CHECK_CLOSE(r.between, 0.0, 1e-12);
		free(st);
		free(sq);
		free(u);
		free(area);
		free(area_tot);
		test_arena_free(&arena);
	}
}

static void
md_round_trip(const MdState *s)
{
	TestArena	arena;
	MdState		d;
	size_t		size,
				size2;
	uint8_t    *buf = md_encode_new(s, &size),
			   *again;
	const char *msg;
	int			K = s->units.K;

	CHECK(md_decode_groups(buf, size) == K);
	msg = md_decode_k(buf, size, K, &arena, &d);
	CHECK(msg == NULL);
	if (msg == NULL)
	{
		long		bad = 0;

		CHECK(d.units.n_units == s->units.n_units);
		CHECK(same_bits(d.units.within, s->units.within));
		CHECK(d.areas.n == s->areas.n);
		for (int k = 0; k < K; k++)
			bad += !same_bits(d.units.total[k], s->units.total[k]) ||
				!same_bits(d.units.sq[k], s->units.sq[k]);
		for (uint32_t a = 0; a < s->areas.n; a++)
		{
			size_t		l1,
						l2;
			const uint8_t *k1 = keymap_key(&s->areas, a, &l1),
					   *k2 = keymap_key(&d.areas, a, &l2);

			bad += l1 != l2 || (l1 > 0 && memcmp(k1, k2, l1) != 0);
			for (int k = 0; k < K; k++)
				bad += !same_bits(d.area_totals[(size_t) a * K + k],
								  s->area_totals[(size_t) a * K + k]);
		}
		CHECK(bad == 0);
		again = md_encode_new(&d, &size2);
		CHECK(size2 == size && memcmp(again, buf, size) == 0);
		free(again);
	}
	test_arena_free(&arena);
	free(buf);
}

/* Random state: n units of K groups over n_areas binary area keys. */
static void
md_random(MdState *s, UnitRng *rng, size_t n, uint32_t n_areas)
{
	int			K = s->units.K;
	double	   *c = malloc((size_t) K * sizeof(double));

	for (size_t i = 0; i < n; i++)
	{
		uint32_t	a = unit_rng_below(rng, n_areas);
		uint8_t		key[8];
		size_t		len = a % 6;	/* 0..5 bytes, zeros included */

		for (size_t j = 0; j < len; j++)
			key[j] = (uint8_t) (a >> (3 * j));
		key[0] = len > 0 ? (uint8_t) a : 0;
		for (int k = 0; k < K; k++)
			c[k] = unit_rng_below(rng, 5) == 0 ? 0 : unit_rng_below(rng, 50);
		CHECK(md_add(s, key, len, c) == NULL);
	}
	free(c);
}

static void
test_md_round_trip(void)
{
	UnitRng		rng = {333};
	const int	Ks[] = {2, 3, 9};
	const size_t ns[] = {0, 1, 7, 400};

	for (size_t c = 0; c < N(Ks); c++)
		for (size_t e = 0; e < N(ns); e++)
		{
			TestArena	arena;
			MdState		s;

			md_init(&s, Ks[c], test_arena_allocator(&arena));
			md_random(&s, &rng, ns[e], 1 + (uint32_t) ns[e] / 4);
			md_round_trip(&s);
			test_arena_free(&arena);
		}
}

/*
 * md_decode_groups reads K from the header and refuses a length that cannot
 * hold the 2 K group sums, so nothing is allocated for a K the state does
 * not carry (a 28-byte input must not cost 16 K doubles).
 */
static size_t
md_len_for(uint32_t K)
{
	return 28 + 16 * (size_t) K;
}

static void
test_md_decode_groups(void)
{
	uint8_t    *h = calloc(md_len_for(MG_MAX_GROUPS), 1);

	memcpy(h, "MD\1\0", 4);
	poke_u32(h, 4, 2);
	CHECK(md_decode_groups(h, md_len_for(2)) == 2);
	for (size_t len = 0; len < md_len_for(2); len++)
		CHECK(md_decode_groups(h, len) == 0);
	poke_u32(h, 4, MG_MAX_GROUPS);
	CHECK(md_decode_groups(h, md_len_for(MG_MAX_GROUPS)) == MG_MAX_GROUPS);
	CHECK(md_decode_groups(h, md_len_for(MG_MAX_GROUPS) - 1) == 0);
	CHECK(md_decode_groups(h, 28) == 0);
	poke_u32(h, 4, MG_MAX_GROUPS + 1);
	CHECK(md_decode_groups(h, md_len_for(MG_MAX_GROUPS)) == 0);
	poke_u32(h, 4, 1);
	CHECK(md_decode_groups(h, md_len_for(2)) == 0);
	poke_u32(h, 4, 0);
	CHECK(md_decode_groups(h, md_len_for(2)) == 0);
	poke_u32(h, 4, 0xffffffffu);
	CHECK(md_decode_groups(h, md_len_for(MG_MAX_GROUPS)) == 0);
	poke_u32(h, 4, 0x80000002u);
	CHECK(md_decode_groups(h, md_len_for(MG_MAX_GROUPS)) == 0);
	poke_u32(h, 4, 3);
	CHECK(md_decode_groups(h, md_len_for(3)) == 3);
	h[0] = 'm';
	CHECK(md_decode_groups(h, md_len_for(3)) == 0);
	h[0] = 'M';
	h[1] = 'G';
	CHECK(md_decode_groups(h, md_len_for(3)) == 0);
	h[1] = 'D';
	h[2] = 2;
	CHECK(md_decode_groups(h, md_len_for(3)) == 0);
	h[2] = 0;
	CHECK(md_decode_groups(h, md_len_for(3)) == 0);
	h[2] = 1;
	h[3] = 1;
	CHECK(md_decode_groups(h, md_len_for(3)) == 0);
	h[3] = 0;
	CHECK(md_decode_groups(h, md_len_for(3)) == 3);
	free(h);
}

/*
 * A raw MD state, K = 3, areas "ab" and "": offsets: header 0..27 (within
 * at 20), totals 28..51, sq 52..75, key "ab" 76..81, key "" 82..85, rows
 * 86..133 (area 0 at 86, area 1 at 110).  134 bytes.
 */
static Bytes
md_sample(void)
{
	Bytes		b = {NULL, 0, 0};

	put_raw(&b, "MD\1\0", 4);
	put_u32(&b, 3);
	put_u32(&b, 2);
	put_u64(&b, 3);
	put_f64(&b, 1.0);
	put_f64(&b, 1);
	put_f64(&b, 2);
	put_f64(&b, 3);
	put_f64(&b, 1);
	put_f64(&b, 1);
	put_f64(&b, 1);
	put_key(&b, "ab");
	put_key(&b, "");
	put_f64(&b, 1);
	put_f64(&b, 1);
	put_f64(&b, 1);
	put_f64(&b, 0);
	put_f64(&b, 1);
	put_f64(&b, 2);
	return b;
}

static const char *
md_check_k(const uint8_t *buf, size_t len, int K)
{
	TestArena	arena;
	MdState		s;
	const char *msg = md_decode_k(buf, len, K, &arena, &s);

	test_arena_free(&arena);
	return msg;
}

static void
test_md_reject_truncated(void)
{
	Bytes		b = md_sample();

	CHECK(b.len == 134);
	CHECK(md_check(b.p, b.len) == NULL);
	for (size_t len = 0; len < b.len; len++)
	{
		CHECK(md_check(b.p, len) != NULL);
		/* md_decode itself, past md_decode_groups */
		CHECK(md_check_k(b.p, len, 3) != NULL);
	}
	for (int extra = 1; extra <= 25; extra++)
	{
		put_u8(&b, 0);
		CHECK(md_check(b.p, b.len) != NULL);
	}
	free(b.p);
}

static void
test_md_reject_header(void)
{
	Bytes		b = md_sample();

	/* a state initialised for another K */
	CHECK(md_check_k(b.p, b.len, 2) != NULL);
	CHECK(md_check_k(b.p, b.len, 4) != NULL);
	CHECK(md_check_k(b.p, b.len, 3) == NULL);
	b.p[0] = 'X';
	CHECK(md_check_k(b.p, b.len, 3) != NULL);
	b.p[0] = 'M';
	b.p[1] = 'L';
	CHECK(md_check_k(b.p, b.len, 3) != NULL);
	b.p[1] = 'D';
	b.p[2] = 2;
	CHECK(md_check_k(b.p, b.len, 3) != NULL);
	b.p[2] = 1;
	b.p[3] = 1;
	CHECK(md_check_k(b.p, b.len, 3) != NULL);
	b.p[3] = 0;
	/* K = 2 or 4 in the header: md_decode_groups accepts, lengths do not match */
	poke_u32(b.p, 4, 2);
	CHECK(md_check(b.p, b.len) != NULL);
	poke_u32(b.p, 4, 4);
	CHECK(md_check(b.p, b.len) != NULL);
	poke_u32(b.p, 4, 3);
	/* n_areas 1 or 3 */
	poke_u32(b.p, 8, 1);
	CHECK(md_check(b.p, b.len) != NULL);
	poke_u32(b.p, 8, 3);
	CHECK(md_check(b.p, b.len) != NULL);
	poke_u32(b.p, 8, 0);
	CHECK(md_check(b.p, b.len) != NULL);
	poke_u32(b.p, 8, 2);
	/* key lengths that shift the rows */
	poke_u32(b.p, 76, 3);
	CHECK(md_check(b.p, b.len) != NULL);
	poke_u32(b.p, 76, 1);
	CHECK(md_check(b.p, b.len) != NULL);
	poke_u32(b.p, 76, 2);
	CHECK(md_check(b.p, b.len) == NULL);
	free(b.p);
}

static void
test_md_reject_values(void)
{
	Bytes		b = md_sample();
	/* within, 3 totals, 3 sq, 6 area values */
	size_t		offs[13];
	size_t		n_offs = 0;

	offs[n_offs++] = 20;
	for (size_t o = 28; o < 76; o += 8)
		offs[n_offs++] = o;
	for (size_t o = 86; o < 134; o += 8)
		offs[n_offs++] = o;
	CHECK(n_offs == 13);
	for (size_t i = 0; i < n_offs; i++)
	{
		for (size_t v = 0; v < N(bad_values); v++)
		{
			uint8_t    *c = exact_copy(b.p, b.len);

			poke_f64(c, offs[i], bad_values[v]);
			CHECK(md_check(c, b.len) != NULL);
			free(c);
		}
		{
			uint8_t    *c = exact_copy(b.p, b.len);

			poke_f64(c, offs[i], -0.0);
			CHECK(md_check(c, b.len) == NULL);
			free(c);
		}
	}
	free(b.p);
}

static void
test_md_reject_duplicate_areas(void)
{
	const char *const pairs[][2] = {{"ab", "ab"}, {"", ""}, {"x", "x"}};

	for (size_t p = 0; p < N(pairs); p++)
	{
		Bytes		b = {NULL, 0, 0};

		put_raw(&b, "MD\1\0", 4);
		put_u32(&b, 2);
		put_u32(&b, 2);
		put_u64(&b, 2);
		put_f64(&b, 0);
		for (int i = 0; i < 4; i++)
			put_f64(&b, 1);
		put_key(&b, pairs[p][0]);
		put_key(&b, pairs[p][1]);
		for (int i = 0; i < 4; i++)
			put_f64(&b, 0.5);
		CHECK(md_check(b.p, b.len) != NULL);
		/* with different keys the same layout is valid */
		if (p == 0)
		{
			b.p[28 + 32 + 6 + 5] = 'c';	/* second key "ac" */
			CHECK(md_check(b.p, b.len) == NULL);
		}
		free(b.p);
	}
}

/* n_areas up to 2^32 - 1 and key lengths past the end, on short buffers. */
static void
test_md_reject_absurd(void)
{
	const uint32_t areas[] = {1, 2, 1000, 0x7fffffff, 0x80000000u, 0xffffffffu};
	const size_t payloads[] = {0, 4, 8, 12, 20, 24};
	const uint32_t klens[] = {1, 8, 0x7fffffff, 0xfffffff0u, 0xffffffffu};

	for (size_t a = 0; a < N(areas); a++)
		for (size_t p = 0; p < N(payloads); p++)
		{
			Bytes		b = {NULL, 0, 0};

			put_raw(&b, "MD\1\0", 4);
			put_u32(&b, 2);
			put_u32(&b, areas[a]);
			put_u64(&b, 0);
			put_f64(&b, 0);
			for (int i = 0; i < 4; i++)
				put_f64(&b, 0);
			for (size_t i = 0; i < payloads[p]; i++)
				put_u8(&b, 0);
			/* 1 area, empty key, row of 2 zeros = 20 bytes: valid */
			if (areas[a] == 1 && payloads[p] == 20)
				CHECK(md_check(b.p, b.len) == NULL);
			else
				CHECK(md_check(b.p, b.len) != NULL);
			free(b.p);
		}
	for (size_t k = 0; k < N(klens); k++)
	{
		Bytes		b = {NULL, 0, 0};

		put_raw(&b, "MD\1\0", 4);
		put_u32(&b, 2);
		put_u32(&b, 1);
		put_u64(&b, 0);
		put_f64(&b, 0);
		for (int i = 0; i < 4; i++)
			put_f64(&b, 0);
		put_u32(&b, klens[k]);
		for (int i = 0; i < 16; i++)
			put_u8(&b, 0);		/* 16 bytes: a row of 2 zeros, or a key */
		CHECK(md_check(b.p, b.len) != NULL);
		free(b.p);
	}
}

static void
test_md_bit_flips(void)
{
	Bytes		b = md_sample();
	long		accepted = 0;

	for (size_t bit = 0; bit < 8 * b.len; bit++)
	{
		b.p[bit / 8] ^= (uint8_t) (1u << (bit % 8));
		accepted += md_check(b.p, b.len) == NULL;
		b.p[bit / 8] ^= (uint8_t) (1u << (bit % 8));
	}
	CHECK(accepted > 0 && accepted < (long) (8 * b.len));
	free(b.p);
}

/* ---------------------------------------------------------------------- */
/* MD: merge                                                              */
/* ---------------------------------------------------------------------- */

static void
check_md_equal(MdState *a, MdState *b, double tol)
{
	int			K = a->units.K;
	double	   *st = malloc((size_t) K * sizeof(double)),
			   *sq = malloc((size_t) K * sizeof(double));
	MdResult	ra,
				rb;
	int			oka,
				okb;
	long		bad = 0;

	CHECK(a->units.K == b->units.K);
	CHECK(a->units.n_units == b->units.n_units);
	CHECK(a->areas.n == b->areas.n);
	CHECK_CLOSE(a->units.within, b->units.within, tol * fmax(1.0, b->units.within));
	for (int k = 0; k < K; k++)
	{
		bad += a->units.total[k] != b->units.total[k];	/* integer counts */
		bad += !(fabs(a->units.sq[k] - b->units.sq[k]) <= tol * fmax(1.0, b->units.sq[k]));
	}
	for (uint32_t d = 0; d < a->areas.n; d++)
	{
		size_t		len;
		const uint8_t *key = keymap_key(&a->areas, d, &len);
		const double *row = md_row(b, key, len);

		if (row == NULL)
		{
			bad++;
			continue;
		}
		for (int k = 0; k < K; k++)
			bad += row[k] != a->area_totals[(size_t) d * K + k];
	}
	CHECK(bad == 0);
	oka = md_result(a, st, sq, &ra);
	okb = md_result(b, st, sq, &rb);
	CHECK(oka == okb);
	if (oka && okb)
	{
		CHECK_CLOSE(ra.total, rb.total, 1e-12);
		CHECK_CLOSE(ra.between, rb.between, 1e-12);
		CHECK_CLOSE(ra.within, rb.within, 1e-12);
	}
	free(st);
	free(sq);
}

static void
test_md_merge(void)
{
	for (int rep = 0; rep < 6; rep++)
	{
		int			K = 2 + rep % 3;
		size_t		na = rep == 0 ? 0 : 30 * (size_t) rep,
					nb = rep == 5 ? 0 : 25 * (size_t) rep + 3;
		TestArena	aa,
					ab,
					aall,
					ae;
		MdState		a,
					b,
					all,
					e;

		md_init(&a, K, test_arena_allocator(&aa));
		md_init(&b, K, test_arena_allocator(&ab));
		md_init(&all, K, test_arena_allocator(&aall));
		md_init(&e, K, test_arena_allocator(&ae));
		{
			UnitRng		r1 = {500 + (uint64_t) rep},
						r2 = {600 + (uint64_t) rep},
						r3 = {500 + (uint64_t) rep},
						r4 = {600 + (uint64_t) rep};

			/* 12 areas: a and b share most of them */
			md_random(&a, &r1, na, 12);
			md_random(&b, &r2, nb, 12);
			md_random(&all, &r3, na, 12);
			md_random(&all, &r4, nb, 12);
		}
		CHECK(md_merge(&a, &b) == NULL);
		check_md_equal(&a, &all, 1e-12);
		/* into an empty state, as md_combine does with a NULL first state */
		CHECK(md_merge(&e, &a) == NULL);
		check_md_equal(&e, &all, 1e-12);
		/* merging b into an empty state reproduces b's encoding */
		{
			TestArena	af;
			MdState		f;
			size_t		s1,
						s2;
			uint8_t    *e1,
					   *e2;

			md_init(&f, K, test_arena_allocator(&af));
			CHECK(md_merge(&f, &b) == NULL);
			e1 = md_encode_new(&f, &s1);
			e2 = md_encode_new(&b, &s2);
			CHECK(s1 == s2 && memcmp(e1, e2, s1) == 0);
			free(e1);
			free(e2);
			test_arena_free(&af);
		}
		test_arena_free(&aa);
		test_arena_free(&ab);
		test_arena_free(&aall);
		test_arena_free(&ae);
	}
}

/* A decoded state merges like the state it was encoded from. */
static void
test_md_merge_decoded(void)
{
	UnitRng		r1 = {91},
				r2 = {92},
				r3 = {92};
	TestArena	aa,
				ad,
				am,
				am2;
	MdState		a,
				d,
				m,
				m2;
	size_t		size,
				s1,
				s2;
	uint8_t    *buf,
			   *e1,
			   *e2;

	md_init(&a, 4, test_arena_allocator(&aa));
	md_random(&a, &r1, 200, 30);
	buf = md_encode_new(&a, &size);
	CHECK(md_decode_k(buf, size, 4, &ad, &d) == NULL);
	md_init(&m, 4, test_arena_allocator(&am));
	md_init(&m2, 4, test_arena_allocator(&am2));
	md_random(&m, &r2, 20, 30);
	md_random(&m2, &r3, 20, 30);
	CHECK(md_merge(&m, &a) == NULL);
	CHECK(md_merge(&m2, &d) == NULL);
	e1 = md_encode_new(&m, &s1);
	e2 = md_encode_new(&m2, &s2);
	CHECK(s1 == s2 && memcmp(e1, e2, s1) == 0);
	free(e1);
	free(e2);
	free(buf);
	test_arena_free(&aa);
	test_arena_free(&ad);
	test_arena_free(&am);
	test_arena_free(&am2);
}

const UnitTest unit_codecs_multigroup_tests[] = {
	UNIT_TEST(test_mg_known_encoding),
	UNIT_TEST(test_mg_encoded_size),
	UNIT_TEST(test_mg_round_trip),
	UNIT_TEST(test_mg_max_groups),
	UNIT_TEST(test_mg_reject_truncated),
	UNIT_TEST(test_mg_reject_header),
	UNIT_TEST(test_mg_reject_values),
	UNIT_TEST(test_mg_reject_huge_n_units),
	UNIT_TEST(test_mg_body_length),
	UNIT_TEST(test_mg_bit_flips),
	UNIT_TEST(test_lf_known_encoding),
	UNIT_TEST(test_lf_dense),
	UNIT_TEST(test_lf_round_trip),
	UNIT_TEST(test_lf_reject_truncated),
	UNIT_TEST(test_lf_reject_header),
	UNIT_TEST(test_lf_reject_counts_mismatch),
	UNIT_TEST(test_lf_reject_unknown_keys),
	UNIT_TEST(test_lf_reject_bad_counts),
	UNIT_TEST(test_lf_reject_duplicate_keys),
	UNIT_TEST(test_lf_reject_absurd),
	UNIT_TEST(test_lf_bit_flips),
	UNIT_TEST(test_lf_merge),
	UNIT_TEST(test_lf_merge_decoded),
	UNIT_TEST(test_md_known_encoding),
	UNIT_TEST(test_md_hand_case),
	UNIT_TEST(test_md_undefined),
	UNIT_TEST(test_md_decomposition_random),
	UNIT_TEST(test_md_round_trip),
	UNIT_TEST(test_md_decode_groups),
	UNIT_TEST(test_md_reject_truncated),
	UNIT_TEST(test_md_reject_header),
	UNIT_TEST(test_md_reject_values),
	UNIT_TEST(test_md_reject_duplicate_areas),
	UNIT_TEST(test_md_reject_absurd),
	UNIT_TEST(test_md_bit_flips),
	UNIT_TEST(test_md_merge),
	UNIT_TEST(test_md_merge_decoded),
	{NULL, NULL}
};
