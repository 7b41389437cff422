/*
 * multigroup_codec.c — portable encoding of multigroup aggregate states
 * (see multigroup_codec.h for the layout).
 */
#include "multigroup_codec.h"

#include <math.h>

#include "../common/portable_bytes.h"

#define MG_HEADER_SIZE 8
#define MG_FIXED_SIZE (MG_HEADER_SIZE + 16)

size_t
mg_state_encoded_size(int K, uint64_t n_units, int keeps_units, size_t max_size)
{
	size_t		fixed = MG_FIXED_SIZE + (size_t) K * 16;
	size_t		row = (size_t) K * 8;

	if (K < 2 || K > MG_MAX_GROUPS || max_size < fixed)
		return 0;
	if (!keeps_units)
		return fixed;
	if (n_units > (max_size - fixed) / row)
		return 0;
	return fixed + (size_t) n_units * row;
}

void
mg_state_encode(const MgSums *s, int keeps_units, const double *units,
				uint8_t *out)
{
	uint8_t    *p = out + MG_FIXED_SIZE;
	uint32_t	K = (uint32_t) s->K;

	out[0] = 'M';
	out[1] = 'G';
	out[2] = MG_STATE_FORMAT_VERSION;
	out[3] = keeps_units ? MG_STATE_FLAG_UNITS : 0;
	mb_put_u32(out + 4, K);
	mb_put_u64(out + 8, s->n_units);
	mb_put_f64(out + 16, s->within);
	for (int k = 0; k < s->K; k++, p += 8)
		mb_put_f64(p, s->total[k]);
	for (int k = 0; k < s->K; k++, p += 8)
		mb_put_f64(p, s->sq[k]);
	if (keeps_units)
		for (uint64_t i = 0; i < s->n_units * (uint64_t) s->K; i++, p += 8)
			mb_put_f64(p, units[i]);
}

const char *
mg_state_decode_header(const uint8_t *buf, size_t len, int *K,
					   int *keeps_units, uint64_t *n_units)
{
	uint32_t	k;
	size_t		expected;

	if (len < MG_FIXED_SIZE)
		return "state is shorter than its header";
	if (buf[0] != 'M' || buf[1] != 'G')
		return "state does not start with the migstat multigroup magic bytes";
	if (buf[2] != MG_STATE_FORMAT_VERSION)
		return "state has an unsupported format version";
	if ((buf[3] & ~MG_STATE_FLAG_UNITS) != 0)
		return "state has unknown flags";
	k = mb_get_u32(buf + 4);
	if (k < 2 || k > MG_MAX_GROUPS)
		return "state has a number of groups outside 2..100000";
	*K = (int) k;
	*keeps_units = buf[3] & MG_STATE_FLAG_UNITS;
	*n_units = mb_get_u64(buf + 8);
	expected = mg_state_encoded_size(*K, *n_units, *keeps_units, len);
	if (expected == 0 || expected != len)
		return "state length does not match its number of groups and units";
	return NULL;
}

static int
is_count(double v)
{
	return isfinite(v) && v >= 0.0;
}

const char *
mg_state_decode_body(const uint8_t *buf, size_t len, MgSums *s,
					 int keeps_units, double *units)
{
	const uint8_t *p = buf + MG_FIXED_SIZE;

	if (mg_state_encoded_size(s->K, s->n_units, keeps_units, len) != len)
		return "state length does not match its number of groups and units";
	s->within = mb_get_f64(buf + 16);
	if (!is_count(s->within))
		return "state has a negative or non-finite entropy sum";
	for (int k = 0; k < s->K; k++, p += 8)
		if (!is_count(s->total[k] = mb_get_f64(p)))
			return "state has a negative or non-finite group total";
	for (int k = 0; k < s->K; k++, p += 8)
		if (!is_count(s->sq[k] = mb_get_f64(p)))
			return "state has a negative or non-finite sum of squares";
	if (keeps_units)
		for (uint64_t i = 0; i < s->n_units * (uint64_t) s->K; i++, p += 8)
			if (!is_count(units[i] = mb_get_f64(p)))
				return "state has a unit with a negative or non-finite count";
	return NULL;
}
