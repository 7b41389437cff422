/*
 * state_codec.c — portable encoding of segregation aggregate states
 * (see state_codec.h for the layout).
 */
#include "state_codec.h"

#include <math.h>

#include "../common/portable_bytes.h"

int
seg_kind_keeps_units(SegAccumKind kind)
{
	return kind == SEG_ACCUM_UNITS || kind == SEG_ACCUM_UNITS_AREA ||
		kind == SEG_ACCUM_GROUP_AREA;
}

size_t
seg_kind_unit_width(SegAccumKind kind)
{
	switch (kind)
	{
		case SEG_ACCUM_UNITS:
		case SEG_ACCUM_GROUP_AREA:
			return 2;
		case SEG_ACCUM_UNITS_AREA:
			return 3;
		default:
			return 0;
	}
}

size_t
seg_state_encoded_size(const SegSummary *s, size_t max_size)
{
	size_t		record = seg_kind_unit_width(s->kind) * 8;

	if (max_size < SEG_STATE_HEADER_SIZE)
		return 0;
	if (record > 0 && s->n_units > (max_size - SEG_STATE_HEADER_SIZE) / record)
		return 0;
	return SEG_STATE_HEADER_SIZE + (size_t) s->n_units * record;
}

void
seg_state_encode(const SegSummary *s, const SegUnit *units, uint8_t *out)
{
	size_t		width = seg_kind_unit_width(s->kind);
	uint8_t    *p = out + 4;

	out[0] = 'M';
	out[1] = 'S';
	out[2] = SEG_STATE_FORMAT_VERSION;
	out[3] = (uint8_t) s->kind;
	mb_put_f64(p, s->shape);
	mb_put_f64(p + 8, s->sum_x);
	mb_put_f64(p + 16, s->sum_y);
	mb_put_f64(p + 24, s->term1);
	mb_put_f64(p + 32, s->term2);
	mb_put_u64(p + 40, s->n_units);
	p += 48;
	if (width == 0)
		return;
	for (uint64_t i = 0; i < s->n_units; i++)
	{
		const SegUnit *u = &units[i];

		mb_put_f64(p, u->x);
		if (s->kind == SEG_ACCUM_GROUP_AREA)
			mb_put_f64(p + 8, u->area);
		else
			mb_put_f64(p + 8, u->y);
		if (width == 3)
			mb_put_f64(p + 16, u->area);
		p += 8 * width;
	}
}

static int
is_count(double v)
{
	return isfinite(v) && v >= 0.0;
}

const char *
seg_state_decode_header(const uint8_t *buf, size_t len, SegSummary *s)
{
	const uint8_t *p = buf + 4;
	size_t		width;

	if (len < SEG_STATE_HEADER_SIZE)
		return "state is shorter than its header";
	if (buf[0] != 'M' || buf[1] != 'S')
		return "state does not start with the migstat magic bytes";
	if (buf[2] != SEG_STATE_FORMAT_VERSION)
		return "state has an unsupported format version";
	if (buf[3] < SEG_ACCUM_UNITS || buf[3] > SEG_ACCUM_MAX)
		return "state has an unknown accumulation kind";

	s->kind = (SegAccumKind) buf[3];
	s->shape = mb_get_f64(p);
	s->sum_x = mb_get_f64(p + 8);
	s->sum_y = mb_get_f64(p + 16);
	s->term1 = mb_get_f64(p + 24);
	s->term2 = mb_get_f64(p + 32);
	s->n_units = mb_get_u64(p + 40);

	if (s->kind == SEG_ACCUM_ATKINSON)
	{
		if (!(s->shape > 0.0 && s->shape < 1.0))
			return "Atkinson state has a shape outside (0, 1)";
	}
	else if (s->shape != 0.0)
		return "state has a shape but is not an Atkinson state";

	if (!is_count(s->sum_x) || !is_count(s->sum_y) ||
		!is_count(s->term1) || !is_count(s->term2))
		return "state has a negative or non-finite sum";

	width = seg_kind_unit_width(s->kind);
	if (width == 0)
	{
		if (len != SEG_STATE_HEADER_SIZE)
			return "state of a sums kind has trailing bytes";
		return NULL;
	}
	if (s->sum_x != 0.0 || s->sum_y != 0.0 || s->term1 != 0.0 || s->term2 != 0.0)
		return "state that keeps units has non-zero sums";
	if (s->n_units != (len - SEG_STATE_HEADER_SIZE) / (8 * width) ||
		(len - SEG_STATE_HEADER_SIZE) % (8 * width) != 0)
		return "state length does not match its number of units";
	return NULL;
}

const char *
seg_state_decode_units(const uint8_t *buf, size_t len, const SegSummary *s,
					   SegUnit *units)
{
	size_t		width = seg_kind_unit_width(s->kind);
	const uint8_t *p = buf + SEG_STATE_HEADER_SIZE;

	if (width == 0)
		return s->n_units == 0 || len == SEG_STATE_HEADER_SIZE ? NULL :
			"state of a sums kind has no units to decode";
	if (len < SEG_STATE_HEADER_SIZE ||
		(len - SEG_STATE_HEADER_SIZE) % (8 * width) != 0 ||
		s->n_units != (len - SEG_STATE_HEADER_SIZE) / (8 * width))
		return "state length does not match its number of units";
	for (uint64_t i = 0; i < s->n_units; i++)
	{
		SegUnit    *u = &units[i];

		u->x = mb_get_f64(p);
		u->y = 0.0;
		u->area = 0.0;
		if (s->kind == SEG_ACCUM_GROUP_AREA)
			u->area = mb_get_f64(p + 8);
		else
			u->y = mb_get_f64(p + 8);
		if (width == 3)
			u->area = mb_get_f64(p + 16);
		if (!is_count(u->x) || !is_count(u->y) || !is_count(u->area))
			return "state has a unit with a negative or non-finite value";
		p += 8 * width;
	}
	return NULL;
}
