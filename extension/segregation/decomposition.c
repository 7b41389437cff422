/*
 * decomposition.c — between/within decomposition of M (see decomposition.h).
 */
#include "decomposition.h"

#include <math.h>
#include <string.h>

#include "../common/portable_bytes.h"
#include "multigroup_codec.h"

void
md_init(MdState *s, int K, KeyMapAllocator mem)
{
	memset(s, 0, sizeof(*s));
	s->mem = mem;
	s->units.K = K;
	s->units.total = mem.alloc(mem.ctx, K * sizeof(double));
	s->units.sq = mem.alloc(mem.ctx, K * sizeof(double));
	memset(s->units.total, 0, K * sizeof(double));
	memset(s->units.sq, 0, K * sizeof(double));
	keymap_init(&s->areas, mem);
	s->area_cap = 16;
	s->area_totals = mem.alloc(mem.ctx, (size_t) s->area_cap * K * sizeof(double));
}

static double *
md_area_row(MdState *s, const uint8_t *area, size_t len, const char **problem)
{
	int			inserted;
	int64_t		d = keymap_intern(&s->areas, area, len, &inserted);
	int			K = s->units.K;

	*problem = NULL;
	if (d < 0)
	{
		*problem = "too many distinct areas";
		return NULL;
	}
	if (inserted)
	{
		if ((uint32_t) d == s->area_cap)
		{
			s->area_cap *= 2;
			s->area_totals = s->mem.realloc(s->mem.ctx, s->area_totals,
											(size_t) s->area_cap * K * sizeof(double));
		}
		memset(s->area_totals + (size_t) d * K, 0, K * sizeof(double));
	}
	return s->area_totals + (size_t) d * K;
}

const char *
md_add(MdState *s, const uint8_t *area, size_t area_len, const double *counts)
{
	const char *problem;
	double	   *row;

	if (!(mg_add_unit(&s->units, counts) > 0.0))
		return NULL;
	row = md_area_row(s, area, area_len, &problem);
	if (row == NULL)
		return problem;
	for (int k = 0; k < s->units.K; k++)
		row[k] += counts[k];
	return NULL;
}

const char *
md_merge(MdState *a, const MdState *b)
{
	int			K = a->units.K;

	mg_add_sums(&a->units, &b->units);
	for (uint32_t d = 0; d < b->areas.n; d++)
	{
		size_t		len;
		const uint8_t *key = keymap_key(&b->areas, d, &len);
		const char *problem;
		double	   *row = md_area_row(a, key, len, &problem);

		if (row == NULL)
			return problem;
		for (int k = 0; k < K; k++)
			row[k] += b->area_totals[(size_t) d * K + k];
	}
	return NULL;
}

int
md_result(const MdState *s, double *scratch_total, double *scratch_sq,
		  MdResult *out)
{
	MgSums		areas;
	int			K = s->units.K;

	if (mg_groups_present(s->units.total, K) < 2)
		return 0;
	areas.K = K;
	areas.total = scratch_total;
	areas.sq = scratch_sq;
	memset(scratch_total, 0, K * sizeof(double));
	memset(scratch_sq, 0, K * sizeof(double));
	areas.within = 0.0;
	areas.n_units = 0;
	for (uint32_t d = 0; d < s->areas.n; d++)
		mg_add_unit(&areas, s->area_totals + (size_t) d * K);
	out->total = mg_mutual_information(&s->units);
	out->between = mg_mutual_information(&areas);
	/* within = sum_d (T_d/T) M_d = (sum_d T_d E_d - sum_i t_i E_i) / T */
	out->within = out->total - out->between;
	if (out->within < 0.0)
		out->within = 0.0;		/* -1e-17 from rounding when all is between */
	return 1;
}

#define MD_FIXED 28

size_t
md_encoded_size(const MdState *s, size_t max_size)
{
	uint64_t	K = (uint64_t) s->units.K;
	uint64_t	size = MD_FIXED + 16 * K + 4 * (uint64_t) s->areas.n +
		s->areas.offsets[s->areas.n] + 8 * K * s->areas.n;

	return size > max_size ? 0 : (size_t) size;
}

void
md_encode(const MdState *s, uint8_t *out)
{
	int			K = s->units.K;
	uint8_t    *p;

	out[0] = 'M';
	out[1] = 'D';
	out[2] = MD_STATE_FORMAT_VERSION;
	out[3] = 0;
	mb_put_u32(out + 4, (uint32_t) K);
	mb_put_u32(out + 8, s->areas.n);
	mb_put_u64(out + 12, s->units.n_units);
	mb_put_f64(out + 20, s->units.within);
	p = out + MD_FIXED;
	for (int k = 0; k < K; k++, p += 8)
		mb_put_f64(p, s->units.total[k]);
	for (int k = 0; k < K; k++, p += 8)
		mb_put_f64(p, s->units.sq[k]);
	for (uint32_t d = 0; d < s->areas.n; d++)
	{
		size_t		len;
		const uint8_t *key = keymap_key(&s->areas, d, &len);

		mb_put_u32(p, (uint32_t) len);
		memcpy(p + 4, key, len);
		p += 4 + len;
	}
	for (uint64_t i = 0; i < (uint64_t) s->areas.n * K; i++, p += 8)
		mb_put_f64(p, s->area_totals[i]);
}

int
md_decode_groups(const uint8_t *buf, size_t len)
{
	uint32_t	K;

	if (len < MD_FIXED || buf[0] != 'M' || buf[1] != 'D' ||
		buf[2] != MD_STATE_FORMAT_VERSION || buf[3] != 0)
		return 0;
	K = mb_get_u32(buf + 4);
	if (K < 2 || K > MG_MAX_GROUPS)
		return 0;
	/* the group sums must be there before anything is allocated for them */
	if ((len - MD_FIXED) / 16 < K)
		return 0;
	return (int) K;
}

static int
is_count(double v)
{
	return isfinite(v) && v >= 0.0;
}

const char *
md_decode(const uint8_t *buf, size_t len, MdState *s)
{
	const uint8_t *end = buf + len;
	const uint8_t *p;
	int			K = s->units.K;
	uint32_t	n_areas;

	if (md_decode_groups(buf, len) != K)
		return "state has an invalid header";
	n_areas = mb_get_u32(buf + 8);
	s->units.n_units = mb_get_u64(buf + 12);
	s->units.within = mb_get_f64(buf + 20);
	if (!is_count(s->units.within))
		return "state has a negative or non-finite entropy sum";
	if ((uint64_t) (len - MD_FIXED) < 16 * (uint64_t) K)
		return "state is shorter than its group sums";
	p = buf + MD_FIXED;
	for (int k = 0; k < K; k++, p += 8)
		if (!is_count(s->units.total[k] = mb_get_f64(p)))
			return "state has a negative or non-finite group total";
	for (int k = 0; k < K; k++, p += 8)
		if (!is_count(s->units.sq[k] = mb_get_f64(p)))
			return "state has a negative or non-finite sum of squares";
	/* each area takes at least 4 + 8 K bytes */
	if (n_areas > (uint64_t) (end - p) / (4 + 8 * (uint64_t) K))
		return "state has more areas than bytes";
	for (uint32_t d = 0; d < n_areas; d++)
	{
		uint32_t	klen;
		const char *problem;
		size_t		before = s->areas.n;

		if (end - p < 4)
			return "state ends inside an area key";
		klen = mb_get_u32(p);
		if ((uint64_t) (end - p - 4) < klen)
			return "state ends inside an area key";
		if (md_area_row(s, p + 4, klen, &problem) == NULL)
			return problem;
		if (s->areas.n == before)
			return "state has a duplicate area key";
		p += 4 + klen;
	}
	if ((uint64_t) (end - p) != (uint64_t) n_areas * K * 8)
		return "state length does not match its number of areas";
	for (uint64_t i = 0; i < (uint64_t) n_areas * K; i++, p += 8)
		if (!is_count(s->area_totals[i] = mb_get_f64(p)))
			return "state has a negative or non-finite area total";
	return NULL;
}
