/*
 * longform.c — long-form multigroup state (see longform.h).
 */
#include "longform.h"

#include <math.h>
#include <string.h>

#include "../common/portable_bytes.h"

void
lf_init(LfState *s, KeyMapAllocator mem)
{
	memset(s, 0, sizeof(*s));
	s->mem = mem;
	keymap_init(&s->units, mem);
	keymap_init(&s->groups, mem);
	s->cap = 64;
	s->entries = mem.alloc(mem.ctx, s->cap * sizeof(LfEntry));
}

static void
lf_append(LfState *s, uint32_t unit, uint32_t group, double count)
{
	if (s->n_entries == s->cap)
	{
		s->cap *= 2;
		s->entries = s->mem.realloc(s->mem.ctx, s->entries, s->cap * sizeof(LfEntry));
	}
	s->entries[s->n_entries].unit = unit;
	s->entries[s->n_entries].group = group;
	s->entries[s->n_entries].count = count;
	s->n_entries++;
}

const char *
lf_add(LfState *s, const uint8_t *unit, size_t unit_len,
	   const uint8_t *group, size_t group_len, double count)
{
	int			inserted;
	int64_t		u = keymap_intern(&s->units, unit, unit_len, &inserted);
	int64_t		g = keymap_intern(&s->groups, group, group_len, &inserted);

	if (u < 0 || g < 0)
		return "too many distinct unit or group keys";
	lf_append(s, (uint32_t) u, (uint32_t) g, count);
	return NULL;
}

const char *
lf_merge(LfState *a, const LfState *b)
{
	for (uint64_t i = 0; i < b->n_entries; i++)
	{
		const LfEntry *e = &b->entries[i];
		size_t		ulen,
					glen;
		const uint8_t *ukey = keymap_key(&b->units, e->unit, &ulen);
		const uint8_t *gkey = keymap_key(&b->groups, e->group, &glen);
		const char *problem = lf_add(a, ukey, ulen, gkey, glen, e->count);

		if (problem)
			return problem;
	}
	return NULL;
}

static uint64_t
keys_size(const KeyMap *m)
{
	return (uint64_t) m->n * 4 + m->offsets[m->n];
}

size_t
lf_encoded_size(const LfState *s, size_t max_size)
{
	uint64_t	size = 20 + keys_size(&s->units) + keys_size(&s->groups);

	if (s->n_entries > (UINT64_MAX - size) / 16)
		return 0;
	size += s->n_entries * 16;
	return size > max_size ? 0 : (size_t) size;
}

static uint8_t *
encode_keys(const KeyMap *m, uint8_t *p)
{
	for (uint32_t i = 0; i < m->n; i++)
	{
		size_t		len;
		const uint8_t *key = keymap_key(m, i, &len);

		mb_put_u32(p, (uint32_t) len);
		memcpy(p + 4, key, len);
		p += 4 + len;
	}
	return p;
}

void
lf_encode(const LfState *s, uint8_t *out)
{
	uint8_t    *p;

	out[0] = 'M';
	out[1] = 'L';
	out[2] = LF_STATE_FORMAT_VERSION;
	out[3] = 0;
	mb_put_u32(out + 4, s->units.n);
	mb_put_u32(out + 8, s->groups.n);
	mb_put_u64(out + 12, s->n_entries);
	p = encode_keys(&s->units, out + 20);
	p = encode_keys(&s->groups, p);
	for (uint64_t i = 0; i < s->n_entries; i++, p += 16)
	{
		mb_put_u32(p, s->entries[i].unit);
		mb_put_u32(p + 4, s->entries[i].group);
		mb_put_f64(p + 8, s->entries[i].count);
	}
}

static const char *
decode_keys(const uint8_t **pp, const uint8_t *end, uint32_t n, KeyMap *m)
{
	const uint8_t *p = *pp;

	for (uint32_t i = 0; i < n; i++)
	{
		uint32_t	len;
		int			inserted;

		if (end - p < 4)
			return "state ends inside a key";
		len = mb_get_u32(p);
		if ((uint64_t) (end - p - 4) < len)
			return "state ends inside a key";
		if (keymap_intern(m, p + 4, len, &inserted) < 0)
			return "state has too many keys";
		if (!inserted)
			return "state has a duplicate key";
		p += 4 + len;
	}
	*pp = p;
	return NULL;
}

const char *
lf_decode(const uint8_t *buf, size_t len, LfState *s)
{
	const uint8_t *end = buf + len;
	const uint8_t *p;
	uint32_t	n_units,
				n_groups;
	uint64_t	n_entries;
	const char *problem;

	if (len < 20)
		return "state is shorter than its header";
	if (buf[0] != 'M' || buf[1] != 'L')
		return "state does not start with the migstat long-form magic bytes";
	if (buf[2] != LF_STATE_FORMAT_VERSION || buf[3] != 0)
		return "state has an unsupported format version";
	n_units = mb_get_u32(buf + 4);
	n_groups = mb_get_u32(buf + 8);
	n_entries = mb_get_u64(buf + 12);
	/* every key takes at least 4 bytes: reject absurd counts before looping */
	if ((uint64_t) n_units + n_groups > (len - 20) / 4)
		return "state has more keys than bytes";
	p = buf + 20;
	if ((problem = decode_keys(&p, end, n_units, &s->units)) != NULL ||
		(problem = decode_keys(&p, end, n_groups, &s->groups)) != NULL)
		return problem;
	if ((uint64_t) (end - p) / 16 != n_entries || (uint64_t) (end - p) % 16 != 0)
		return "state length does not match its number of entries";
	for (uint64_t i = 0; i < n_entries; i++, p += 16)
	{
		uint32_t	u = mb_get_u32(p),
					g = mb_get_u32(p + 4);
		double		c = mb_get_f64(p + 8);

		if (u >= n_units || g >= n_groups)
			return "state has an entry with an unknown key";
		if (!isfinite(c) || c < 0.0)
			return "state has a negative or non-finite count";
		lf_append(s, u, g, c);
	}
	return NULL;
}

void
lf_dense(const LfState *s, double *out)
{
	uint32_t	K = s->groups.n;

	for (uint64_t i = 0; i < s->n_entries; i++)
	{
		const LfEntry *e = &s->entries[i];

		out[(uint64_t) e->unit * K + e->group] += e->count;
	}
}
