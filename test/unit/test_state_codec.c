/*
 * test_state_codec.c — the portable partial-state format: round trips of
 * every kind, a byte-exact encoding, and rejection of malformed states.
 */
#include "unit.h"
#include "state_codec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---------------------------------------------------------------------- */
/* helpers: an encoder written independently of the codec                 */
/* ---------------------------------------------------------------------- */

static void
be64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t) (v >> (56 - 8 * i));
}

static void
be_double(uint8_t *p, double d)
{
	uint64_t	bits;

	memcpy(&bits, &d, sizeof(bits));
	be64(p, bits);
}

static int
same_bits(double a, double b)
{
	return memcmp(&a, &b, sizeof(double)) == 0;
}

/* Writes a 52-byte header with arbitrary (possibly invalid) fields. */
static void
raw_header(uint8_t *buf, uint8_t version, uint8_t kind, double shape,
		   double sum_x, double sum_y, double term1, double term2,
		   uint64_t n_units)
{
	buf[0] = 'M';
	buf[1] = 'S';
	buf[2] = version;
	buf[3] = kind;
	be_double(buf + 4, shape);
	be_double(buf + 12, sum_x);
	be_double(buf + 20, sum_y);
	be_double(buf + 28, term1);
	be_double(buf + 36, term2);
	be64(buf + 44, n_units);
}

/*
 * The decoders, called on an exactly sized heap copy of buf[0 .. len), so
 * that AddressSanitizer reports any read past len.
 */
static const char *
decode_header(const uint8_t *buf, size_t len, SegSummary *s)
{
	uint8_t    *copy = malloc(len > 0 ? len : 1);
	const char *msg;

	memcpy(copy, buf, len);
	msg = seg_state_decode_header(copy, len, s);
	free(copy);
	return msg;
}

static const char *
decode_units(const uint8_t *buf, size_t len, const SegSummary *s, SegUnit *units)
{
	uint8_t    *copy = malloc(len > 0 ? len : 1);
	const char *msg;

	memcpy(copy, buf, len);
	msg = seg_state_decode_units(copy, len, s, units);
	free(copy);
	return msg;
}

/* Decodes header and, for unit kinds, units; returns the first message. */
static const char *
decode_all(const uint8_t *buf, size_t len)
{
	SegSummary	s;
	SegUnit    *units;
	const char *msg;

	msg = decode_header(buf, len, &s);
	if (msg != NULL || !seg_kind_keeps_units(s.kind))
		return msg;
	/* the header has checked n_units against len */
	units = malloc((size_t) s.n_units * sizeof(SegUnit) + 1);
	msg = decode_units(buf, len, &s, units);
	free(units);
	return msg;
}

/* ---------------------------------------------------------------------- */
/* kinds                                                                  */
/* ---------------------------------------------------------------------- */

static void
test_kind_properties(void)
{
	CHECK(seg_kind_keeps_units(SEG_ACCUM_UNITS));
	CHECK(seg_kind_keeps_units(SEG_ACCUM_UNITS_AREA));
	CHECK(seg_kind_keeps_units(SEG_ACCUM_GROUP_AREA));
	CHECK(!seg_kind_keeps_units(SEG_ACCUM_EXPOSURE));
	CHECK(!seg_kind_keeps_units(SEG_ACCUM_ENTROPY));
	CHECK(!seg_kind_keeps_units(SEG_ACCUM_ATKINSON));
	CHECK(seg_kind_unit_width(SEG_ACCUM_UNITS) == 2);
	CHECK(seg_kind_unit_width(SEG_ACCUM_UNITS_AREA) == 3);
	CHECK(seg_kind_unit_width(SEG_ACCUM_GROUP_AREA) == 2);
	CHECK(seg_kind_unit_width(SEG_ACCUM_EXPOSURE) == 0);
	CHECK(seg_kind_unit_width(SEG_ACCUM_ENTROPY) == 0);
	CHECK(seg_kind_unit_width(SEG_ACCUM_ATKINSON) == 0);
	CHECK(SEG_STATE_HEADER_SIZE == 52);
}

/* ---------------------------------------------------------------------- */
/* round trips                                                            */
/* ---------------------------------------------------------------------- */

/*
 * Encodes s (+ units), decodes, checks every field bit for bit, and that
 * re-encoding the decoded state gives the same bytes.
 */
static void
round_trip(const SegSummary *s, const SegUnit *units)
{
	size_t		width = seg_kind_unit_width(s->kind);
	size_t		size = seg_state_encoded_size(s, SIZE_MAX);
	uint8_t    *buf,
			   *again;
	SegSummary	d;
	SegUnit    *du;
	const char *msg;

	CHECK(size == SEG_STATE_HEADER_SIZE + (width ? (size_t) s->n_units * width * 8 : 0));
	buf = malloc(size);
	again = malloc(size);
	seg_state_encode(s, units, buf);

	msg = seg_state_decode_header(buf, size, &d);
	CHECK(msg == NULL);
	if (msg != NULL)
	{
		free(buf);
		free(again);
		return;
	}
	CHECK(d.kind == s->kind);
	CHECK(same_bits(d.shape, s->shape));
	CHECK(same_bits(d.sum_x, s->sum_x));
	CHECK(same_bits(d.sum_y, s->sum_y));
	CHECK(same_bits(d.term1, s->term1));
	CHECK(same_bits(d.term2, s->term2));
	CHECK(d.n_units == s->n_units);

	du = NULL;
	if (seg_kind_keeps_units(s->kind))
	{
		du = malloc(((size_t) d.n_units + 1) * sizeof(SegUnit));
		CHECK(seg_state_decode_units(buf, size, &d, du) == NULL);
		for (uint64_t i = 0; i < d.n_units; i++)
		{
			CHECK(same_bits(du[i].x, units[i].x));
			switch (s->kind)
			{
				case SEG_ACCUM_UNITS:
					/* (x, y): the area is not kept */
					CHECK(same_bits(du[i].y, units[i].y));
					CHECK(du[i].area == 0.0);
					break;
				case SEG_ACCUM_UNITS_AREA:
					CHECK(same_bits(du[i].y, units[i].y));
					CHECK(same_bits(du[i].area, units[i].area));
					break;
				case SEG_ACCUM_GROUP_AREA:
					/* (x, area): y is not kept */
					CHECK(du[i].y == 0.0);
					CHECK(same_bits(du[i].area, units[i].area));
					break;
				default:
					CHECK(0);
			}
		}
	}
	CHECK(seg_state_encoded_size(&d, SIZE_MAX) == size);
	seg_state_encode(&d, du, again);
	CHECK(memcmp(buf, again, size) == 0);
	free(du);
	free(buf);
	free(again);
}

static void
test_round_trip_unit_kinds(void)
{
	const SegAccumKind kinds[] = {SEG_ACCUM_UNITS, SEG_ACCUM_UNITS_AREA, SEG_ACCUM_GROUP_AREA};
	const uint64_t counts[] = {0, 1, 3, 1000};
	UnitRng		rng = {5};

	for (size_t k = 0; k < N(kinds); k++)
	{
		for (size_t c = 0; c < N(counts); c++)
		{
			SegSummary	s = {kinds[k], 0.0, 0.0, 0.0, 0.0, 0.0, counts[c]};
			SegUnit    *u = malloc((counts[c] + 1) * sizeof(SegUnit));

			for (uint64_t i = 0; i < counts[c]; i++)
			{
				u[i].x = unit_rng_below(&rng, 1000);
				u[i].y = unit_rng_below(&rng, 1000) + 0.5;
				u[i].area = unit_rng_double(&rng) * 1e6;
			}
			if (counts[c] >= 3)
			{
				/* extreme but valid values */
				u[0].x = 0.0;
				u[0].y = 1e300;
				u[0].area = 4.9406564584124654e-324;	/* smallest subnormal */
				u[1].x = 1.7976931348623157e308;	/* DBL_MAX */
				u[1].y = 0.0;
				u[1].area = 0.0;
				u[2].x = 1.0 / 3.0;
				u[2].y = 2.0 / 3.0;
				u[2].area = 0.1;
			}
			round_trip(&s, u);
			free(u);
		}
	}
}

static void
test_round_trip_sums_kinds(void)
{
	/* X, Y, isolation and interaction sums; n_units counts units seen */
	const SegSummary exposure = {SEG_ACCUM_EXPOSURE, 0.0, 15, 15, 12.5, 2.5, 3};
	const SegSummary entropy = {SEG_ACCUM_ENTROPY, 0.0, 17, 23, 6.931471805599453, 0.0, 4};
	const SegSummary atkinson = {SEG_ACCUM_ATKINSON, 0.25, 4, 8, 3.5955, 0.0, 12345};
	const SegSummary atkinson_default = {SEG_ACCUM_ATKINSON, SEG_ATKINSON_DEFAULT_SHAPE,
	1e15, 3e15, 1.1e15, 0.0, UINT64_MAX};
	const SegSummary empty = {SEG_ACCUM_EXPOSURE, 0.0, 0, 0, 0, 0, 0};

	round_trip(&exposure, NULL);
	round_trip(&entropy, NULL);
	round_trip(&atkinson, NULL);
	round_trip(&atkinson_default, NULL);
	round_trip(&empty, NULL);
}

/* ---------------------------------------------------------------------- */
/* byte-exact encodings                                                   */
/* ---------------------------------------------------------------------- */

static void
test_known_encoding(void)
{
	/* exposure: shape 0, X = 1, Y = 2, terms 0.5 and 0.25, 3 units seen */
	const SegSummary s1 = {SEG_ACCUM_EXPOSURE, 0.0, 1.0, 2.0, 0.5, 0.25, 3};
	const uint8_t want1[] = {
		'M', 'S', 0x01, 0x04,
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* shape 0.0 */
		0x3f, 0xf0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* sum_x 1.0 */
		0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* sum_y 2.0 */
		0x3f, 0xe0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* term1 0.5 */
		0x3f, 0xd0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* term2 0.25 */
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03,	/* n_units 3 */
	};

	/* units with area, one unit (x 1.5, y 2, area 3) */
	const SegSummary s2 = {SEG_ACCUM_UNITS_AREA, 0.0, 0.0, 0.0, 0.0, 0.0, 1};
	const SegUnit u2[] = {{1.5, 2.0, 3.0}};
	const uint8_t want2[] = {
		'M', 'S', 0x01, 0x02,
		0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0,
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,	/* n_units 1 */
		0x3f, 0xf8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* x 1.5 */
		0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* y 2.0 */
		0x40, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* area 3.0 */
	};

	/* group + area: the record is (x, area); y is not written */
	const SegSummary s3 = {SEG_ACCUM_GROUP_AREA, 0.0, 0.0, 0.0, 0.0, 0.0, 1};
	const SegUnit u3[] = {{10.0, 99.0, 0.75}};
	const uint8_t want3[] = {
		'M', 'S', 0x01, 0x03,
		0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0,
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,	/* n_units 1 */
		0x40, 0x24, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* x 10.0 */
		0x3f, 0xe8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* area 0.75 */
	};

	/* Atkinson: shape 0.5, every byte of n_units distinct (byte order) */
	const SegSummary s4 = {SEG_ACCUM_ATKINSON, 0.5, 0.0, 0.0, 0.0, 0.0,
	0x0102030405060708ULL};
	const uint8_t want4[] = {
		'M', 'S', 0x01, 0x06,
		0x3f, 0xe0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* shape 0.5 */
		0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0,
		0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,	/* n_units */
	};
	uint8_t		out[128];
	SegSummary	d;

	CHECK(seg_state_encoded_size(&s1, SIZE_MAX) == sizeof(want1));
	memset(out, 0xaa, sizeof(out));
	seg_state_encode(&s1, NULL, out);
	CHECK(memcmp(out, want1, sizeof(want1)) == 0);
	CHECK(out[sizeof(want1)] == 0xaa);	/* nothing written past the end */
	CHECK(seg_state_decode_header(want1, sizeof(want1), &d) == NULL);
	CHECK(d.kind == SEG_ACCUM_EXPOSURE && d.sum_x == 1.0 && d.sum_y == 2.0 &&
		  d.term1 == 0.5 && d.term2 == 0.25 && d.n_units == 3 && d.shape == 0.0);

	CHECK(seg_state_encoded_size(&s2, SIZE_MAX) == sizeof(want2));
	memset(out, 0xaa, sizeof(out));
	seg_state_encode(&s2, u2, out);
	CHECK(memcmp(out, want2, sizeof(want2)) == 0);
	CHECK(out[sizeof(want2)] == 0xaa);

	CHECK(seg_state_encoded_size(&s3, SIZE_MAX) == sizeof(want3));
	memset(out, 0xaa, sizeof(out));
	seg_state_encode(&s3, u3, out);
	CHECK(memcmp(out, want3, sizeof(want3)) == 0);
	CHECK(out[sizeof(want3)] == 0xaa);

	CHECK(seg_state_encoded_size(&s4, SIZE_MAX) == sizeof(want4));
	memset(out, 0xaa, sizeof(out));
	seg_state_encode(&s4, NULL, out);
	CHECK(memcmp(out, want4, sizeof(want4)) == 0);
	CHECK(seg_state_decode_header(want4, sizeof(want4), &d) == NULL);
	CHECK(d.n_units == 0x0102030405060708ULL && d.shape == 0.5);
}

static void
test_encoded_size(void)
{
	SegSummary	units = {SEG_ACCUM_UNITS, 0, 0, 0, 0, 0, 10};
	SegSummary	area = {SEG_ACCUM_UNITS_AREA, 0, 0, 0, 0, 0, 10};
	SegSummary	sums = {SEG_ACCUM_ENTROPY, 0, 1, 1, 0, 0, 10};

	/* 52 + 10 * 16 = 212; 52 + 10 * 24 = 292 */
	CHECK(seg_state_encoded_size(&units, SIZE_MAX) == 212);
	CHECK(seg_state_encoded_size(&units, 212) == 212);
	CHECK(seg_state_encoded_size(&units, 211) == 0);
	CHECK(seg_state_encoded_size(&area, 292) == 292);
	CHECK(seg_state_encoded_size(&area, 291) == 0);
	CHECK(seg_state_encoded_size(&units, 51) == 0);
	CHECK(seg_state_encoded_size(&units, 0) == 0);
	/* sums kinds: the header only, whatever n_units says */
	CHECK(seg_state_encoded_size(&sums, SIZE_MAX) == 52);
	CHECK(seg_state_encoded_size(&sums, 52) == 52);
	CHECK(seg_state_encoded_size(&sums, 51) == 0);
	sums.n_units = UINT64_MAX;
	CHECK(seg_state_encoded_size(&sums, 52) == 52);
	/* n_units whose byte size overflows 64 bits */
	units.n_units = (uint64_t) 1 << 60;	/* * 16 = 2^64 */
	CHECK(seg_state_encoded_size(&units, SIZE_MAX) == 0);
	units.n_units = ((uint64_t) 1 << 60) + 1;	/* * 16 wraps to 16 */
	CHECK(seg_state_encoded_size(&units, SIZE_MAX) == 0);
	units.n_units = (uint64_t) 1 << 61;
	CHECK(seg_state_encoded_size(&units, SIZE_MAX) == 0);
	units.n_units = UINT64_MAX;
	CHECK(seg_state_encoded_size(&units, SIZE_MAX) == 0);
	area.n_units = ((uint64_t) 1 << 61) + 1;	/* * 24 wraps to 24 */
	CHECK(seg_state_encoded_size(&area, SIZE_MAX) == 0);
	/* a limit like PostgreSQL's MaxAllocSize - VARHDRSZ: 1 GB - 5 */
	units.n_units = (0x3fffffffu - 4 - 52) / 16;
	CHECK(seg_state_encoded_size(&units, 0x3fffffffu - 4) == 52 + units.n_units * 16);
	units.n_units++;
	CHECK(seg_state_encoded_size(&units, 0x3fffffffu - 4) == 0);
}

/* ---------------------------------------------------------------------- */
/* rejections                                                             */
/* ---------------------------------------------------------------------- */

static void
test_reject_truncated_header(void)
{
	uint8_t		buf[SEG_STATE_HEADER_SIZE];
	SegSummary	d;

	raw_header(buf, 1, SEG_ACCUM_EXPOSURE, 0, 1, 1, 0.5, 0.5, 2);
	CHECK(decode_header(buf, sizeof(buf), &d) == NULL);
	for (size_t len = 0; len < SEG_STATE_HEADER_SIZE; len++)
		CHECK(decode_header(buf, len, &d) != NULL);
	/* a units kind with no units is exactly a header; one byte short fails */
	raw_header(buf, 1, SEG_ACCUM_UNITS, 0, 0, 0, 0, 0, 0);
	CHECK(decode_header(buf, sizeof(buf), &d) == NULL);
	CHECK(decode_header(buf, sizeof(buf) - 1, &d) != NULL);
}

static void
test_reject_magic_version_kind(void)
{
	uint8_t		buf[SEG_STATE_HEADER_SIZE];
	SegSummary	d;
	const uint8_t bad_kinds[] = {0, 7, 8, 0x41, 0xff};
	const uint8_t bad_versions[] = {0, 2, 0xff};

	raw_header(buf, 1, SEG_ACCUM_ENTROPY, 0, 3, 4, 1, 0, 7);
	CHECK(decode_all(buf, sizeof(buf)) == NULL);

	buf[0] = 'm';				/* "mS" */
	CHECK(decode_header(buf, sizeof(buf), &d) != NULL);
	buf[0] = 'S';				/* "SS" */
	CHECK(decode_header(buf, sizeof(buf), &d) != NULL);
	buf[0] = 'M';
	buf[1] = 'T';				/* "MT" */
	CHECK(decode_header(buf, sizeof(buf), &d) != NULL);
	buf[1] = 0;
	CHECK(decode_header(buf, sizeof(buf), &d) != NULL);
	buf[1] = 'S';
	CHECK(decode_header(buf, sizeof(buf), &d) == NULL);

	for (size_t i = 0; i < N(bad_versions); i++)
	{
		buf[2] = bad_versions[i];
		CHECK(decode_header(buf, sizeof(buf), &d) != NULL);
	}
	buf[2] = 1;
	for (size_t i = 0; i < N(bad_kinds); i++)
	{
		buf[3] = bad_kinds[i];
		CHECK(decode_header(buf, sizeof(buf), &d) != NULL);
	}
	buf[3] = SEG_ACCUM_ENTROPY;
	CHECK(decode_header(buf, sizeof(buf), &d) == NULL);
}

static void
test_reject_length_mismatch(void)
{
	/* header + room for 3 records of 3 doubles */
	uint8_t		buf[SEG_STATE_HEADER_SIZE + 3 * 24];
	SegSummary	d;

	memset(buf, 0, sizeof(buf));	/* records of zeros are valid */

	/* units (16-byte records): n_units 2 */
	raw_header(buf, 1, SEG_ACCUM_UNITS, 0, 0, 0, 0, 0, 2);
	CHECK(decode_header(buf, 52 + 32, &d) == NULL);
	CHECK(decode_header(buf, 52 + 16, &d) != NULL);	/* one record */
	CHECK(decode_header(buf, 52 + 48, &d) != NULL);	/* three */
	CHECK(decode_header(buf, 52 + 31, &d) != NULL);	/* short a byte */
	CHECK(decode_header(buf, 52 + 33, &d) != NULL);	/* a byte over */
	CHECK(decode_header(buf, 52 + 24, &d) != NULL);	/* 1.5 records */
	CHECK(decode_header(buf, 52, &d) != NULL);

	/* n_units 0 with payload */
	raw_header(buf, 1, SEG_ACCUM_GROUP_AREA, 0, 0, 0, 0, 0, 0);
	CHECK(decode_header(buf, 52, &d) == NULL);
	CHECK(decode_header(buf, 52 + 8, &d) != NULL);
	CHECK(decode_header(buf, 52 + 16, &d) != NULL);

	/* units + area (24-byte records): n_units 1 */
	raw_header(buf, 1, SEG_ACCUM_UNITS_AREA, 0, 0, 0, 0, 0, 1);
	CHECK(decode_header(buf, 52 + 24, &d) == NULL);
	CHECK(decode_header(buf, 52 + 16, &d) != NULL);	/* a 2-double record */
	CHECK(decode_header(buf, 52 + 48, &d) != NULL);
	CHECK(decode_header(buf, 52 + 23, &d) != NULL);

	/* seg_state_decode_units checks the length too */
	{
		SegUnit		u[4];

		raw_header(buf, 1, SEG_ACCUM_UNITS, 0, 0, 0, 0, 0, 2);
		CHECK(decode_header(buf, 52 + 32, &d) == NULL);
		CHECK(decode_units(buf, 52 + 32, &d, u) == NULL);
		CHECK(decode_units(buf, 52 + 16, &d, u) != NULL);
		CHECK(decode_units(buf, 52 + 48, &d, u) != NULL);
	}
}

static void
test_reject_trailing_bytes_sums(void)
{
	uint8_t		buf[SEG_STATE_HEADER_SIZE + 24];
	SegSummary	d;
	const SegAccumKind kinds[] = {SEG_ACCUM_EXPOSURE, SEG_ACCUM_ENTROPY, SEG_ACCUM_ATKINSON};

	memset(buf, 0, sizeof(buf));
	for (size_t k = 0; k < N(kinds); k++)
	{
		double		shape = kinds[k] == SEG_ACCUM_ATKINSON ? 0.5 : 0.0;

		raw_header(buf, 1, (uint8_t) kinds[k], shape, 2, 3, 1, 0, 5);
		CHECK(decode_header(buf, 52, &d) == NULL);
		CHECK(decode_header(buf, 53, &d) != NULL);
		CHECK(decode_header(buf, 52 + 16, &d) != NULL);
		CHECK(decode_header(buf, 52 + 24, &d) != NULL);
	}
}

static void
test_reject_bad_sums(void)
{
	const double bad[] = {NAN, -NAN, -1.0, -1e-300, -4.9406564584124654e-324,
	INFINITY, -INFINITY};
	const SegAccumKind kinds[] = {SEG_ACCUM_EXPOSURE, SEG_ACCUM_ENTROPY, SEG_ACCUM_ATKINSON};
	uint8_t		buf[SEG_STATE_HEADER_SIZE];
	SegSummary	d;

	for (size_t k = 0; k < N(kinds); k++)
	{
		double		shape = kinds[k] == SEG_ACCUM_ATKINSON ? 0.5 : 0.0;

		for (size_t b = 0; b < N(bad); b++)
		{
			for (int field = 0; field < 4; field++)
			{
				double		f[4] = {2, 3, 1, 0.5};

				f[field] = bad[b];
				raw_header(buf, 1, (uint8_t) kinds[k], shape, f[0], f[1], f[2], f[3], 5);
				CHECK(decode_header(buf, sizeof(buf), &d) != NULL);
			}
		}
	}
	/* -0.0 is not negative: accepted */
	raw_header(buf, 1, SEG_ACCUM_EXPOSURE, 0, -0.0, 3, 1, 0.5, 5);
	CHECK(decode_header(buf, sizeof(buf), &d) == NULL);
}

static void
test_reject_bad_shape(void)
{
	const double non_atkinson_bad[] = {0.5, 1e-300, -1.0, 1.0, NAN, INFINITY};
	const double atkinson_bad[] = {0.0, -0.0, 1.0, -0.5, 1.5, 2.0, NAN, INFINITY, -INFINITY};
	const SegAccumKind others[] = {SEG_ACCUM_UNITS, SEG_ACCUM_UNITS_AREA,
	SEG_ACCUM_GROUP_AREA, SEG_ACCUM_EXPOSURE, SEG_ACCUM_ENTROPY};
	uint8_t		buf[SEG_STATE_HEADER_SIZE];
	SegSummary	d;

	/* a shape on a kind other than Atkinson */
	for (size_t k = 0; k < N(others); k++)
	{
		int			units = seg_kind_keeps_units(others[k]);

		raw_header(buf, 1, (uint8_t) others[k], 0.0, units ? 0 : 1, units ? 0 : 1, 0, 0, 0);
		CHECK(decode_header(buf, sizeof(buf), &d) == NULL);
		for (size_t b = 0; b < N(non_atkinson_bad); b++)
		{
			raw_header(buf, 1, (uint8_t) others[k], non_atkinson_bad[b],
					   units ? 0 : 1, units ? 0 : 1, 0, 0, 0);
			CHECK(decode_header(buf, sizeof(buf), &d) != NULL);
		}
	}
	/* Atkinson shapes outside (0, 1) */
	for (size_t b = 0; b < N(atkinson_bad); b++)
	{
		raw_header(buf, 1, SEG_ACCUM_ATKINSON, atkinson_bad[b], 1, 1, 1, 0, 2);
		CHECK(decode_header(buf, sizeof(buf), &d) != NULL);
	}
	/* inside: accepted, including the extremes representable */
	raw_header(buf, 1, SEG_ACCUM_ATKINSON, 4.9406564584124654e-324, 1, 1, 1, 0, 2);
	CHECK(decode_header(buf, sizeof(buf), &d) == NULL);
	raw_header(buf, 1, SEG_ACCUM_ATKINSON, 1.0 - 1.1102230246251565e-16, 1, 1, 1, 0, 2);
	CHECK(decode_header(buf, sizeof(buf), &d) == NULL);
}

static void
test_reject_sums_on_units_kind(void)
{
	const SegAccumKind kinds[] = {SEG_ACCUM_UNITS, SEG_ACCUM_UNITS_AREA, SEG_ACCUM_GROUP_AREA};
	uint8_t		buf[SEG_STATE_HEADER_SIZE];
	SegSummary	d;

	for (size_t k = 0; k < N(kinds); k++)
	{
		for (int field = 0; field < 4; field++)
		{
			double		f[4] = {0, 0, 0, 0};

			f[field] = 1.0;
			raw_header(buf, 1, (uint8_t) kinds[k], 0, f[0], f[1], f[2], f[3], 0);
			CHECK(decode_header(buf, sizeof(buf), &d) != NULL);
		}
	}
}

static void
test_reject_bad_unit(void)
{
	const double bad[] = {-1.0, -4.9406564584124654e-324, NAN, -NAN, INFINITY, -INFINITY};
	const SegAccumKind kinds[] = {SEG_ACCUM_UNITS, SEG_ACCUM_UNITS_AREA, SEG_ACCUM_GROUP_AREA};

	for (size_t k = 0; k < N(kinds); k++)
	{
		size_t		width = seg_kind_unit_width(kinds[k]);
		size_t		len = SEG_STATE_HEADER_SIZE + 3 * width * 8;
		uint8_t    *buf = malloc(len);

		for (size_t rec = 0; rec < 3; rec++)
		{
			for (size_t field = 0; field < width; field++)
			{
				for (size_t b = 0; b < N(bad); b++)
				{
					SegSummary	d;
					SegUnit		u[3];

					raw_header(buf, 1, (uint8_t) kinds[k], 0, 0, 0, 0, 0, 3);
					for (size_t i = 0; i < 3 * width; i++)
						be_double(buf + SEG_STATE_HEADER_SIZE + 8 * i, (double) i + 0.5);
					CHECK(decode_all(buf, len) == NULL);
					be_double(buf + SEG_STATE_HEADER_SIZE + 8 * (rec * width + field), bad[b]);
					/* the header is fine; the unit is not */
					CHECK(decode_header(buf, len, &d) == NULL);
					CHECK(decode_units(buf, len, &d, u) != NULL);
				}
			}
		}
		free(buf);
	}
}

/*
 * n_units so large that n_units * record overflows: rejected by the header
 * (which divides instead of multiplying), without reading past the buffer.
 * Some values wrap to exactly the payload present.
 */
static void
test_reject_huge_n_units(void)
{
	const uint64_t huge[] = {
		(uint64_t) 1 << 61, (uint64_t) 1 << 60, ((uint64_t) 1 << 60) + 1,
		((uint64_t) 1 << 61) + 1, (uint64_t) 1 << 62, (uint64_t) 1 << 63,
		UINT64_MAX, UINT64_MAX / 16 + 1, UINT64_MAX / 24 + 1, (uint64_t) 1 << 32
	};
	const SegAccumKind kinds[] = {SEG_ACCUM_UNITS, SEG_ACCUM_UNITS_AREA, SEG_ACCUM_GROUP_AREA};
	const size_t payloads[] = {0, 8, 16, 24, 48};

	for (size_t k = 0; k < N(kinds); k++)
	{
		for (size_t h = 0; h < N(huge); h++)
		{
			for (size_t p = 0; p < N(payloads); p++)
			{
				/* exactly sized heap buffer, so ASan catches any over-read */
				size_t		len = SEG_STATE_HEADER_SIZE + payloads[p];
				uint8_t    *buf = malloc(len);
				SegSummary	d;

				memset(buf, 0, len);
				raw_header(buf, 1, (uint8_t) kinds[k], 0, 0, 0, 0, 0, huge[h]);
				CHECK(decode_header(buf, len, &d) != NULL);
				free(buf);
			}
		}
	}
}

/* Every single-bit flip of a valid unit state decodes or is rejected cleanly. */
static void
test_bit_flips(void)
{
	const SegSummary s = {SEG_ACCUM_UNITS_AREA, 0, 0, 0, 0, 0, 2};
	const SegUnit u[] = {{1, 2, 3}, {4.5, 0, 0.25}};
	size_t		len = seg_state_encoded_size(&s, SIZE_MAX);
	uint8_t    *buf = malloc(len);
	long		accepted = 0;

	seg_state_encode(&s, u, buf);
	for (size_t bit = 0; bit < 8 * len; bit++)
	{
		buf[bit / 8] ^= (uint8_t) (1u << (bit % 8));
		if (decode_all(buf, len) == NULL)
			accepted++;
		buf[bit / 8] ^= (uint8_t) (1u << (bit % 8));
	}
	/* flips in the low mantissa bits of the unit values stay valid counts */
	CHECK(accepted > 0);
	/* magic, version and kind bits: all rejected (checked above); sanity */
	CHECK(accepted < (long) (8 * len));
	CHECK(decode_all(buf, len) == NULL);
	free(buf);
}

const UnitTest unit_state_codec_tests[] = {
	UNIT_TEST(test_kind_properties),
	UNIT_TEST(test_round_trip_unit_kinds),
	UNIT_TEST(test_round_trip_sums_kinds),
	UNIT_TEST(test_known_encoding),
	UNIT_TEST(test_encoded_size),
	UNIT_TEST(test_reject_truncated_header),
	UNIT_TEST(test_reject_magic_version_kind),
	UNIT_TEST(test_reject_length_mismatch),
	UNIT_TEST(test_reject_trailing_bytes_sums),
	UNIT_TEST(test_reject_bad_sums),
	UNIT_TEST(test_reject_bad_shape),
	UNIT_TEST(test_reject_sums_on_units_kind),
	UNIT_TEST(test_reject_bad_unit),
	UNIT_TEST(test_reject_huge_n_units),
	UNIT_TEST(test_bit_flips),
	{NULL, NULL}
};
