/*
 * keymap.c — open-addressing hash map from byte strings to dense indexes
 * (see keymap.h).  Linear probing over a power-of-two table kept below half
 * full; FNV-1a hashes of the key bytes.
 */
#include "keymap.h"

#include <string.h>

static uint64_t
hash_bytes(const uint8_t *p, size_t len)
{
	uint64_t	h = 1469598103934665603ULL;

	for (size_t i = 0; i < len; i++)
	{
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	/* final mix, so that nearby keys spread over the table */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

void
keymap_init(KeyMap *m, KeyMapAllocator mem)
{
	memset(m, 0, sizeof(*m));
	m->mem = mem;
	m->nslots = 16;
	m->slots = mem.alloc(mem.ctx, m->nslots * sizeof(uint32_t));
	memset(m->slots, 0, m->nslots * sizeof(uint32_t));
	m->cap = 8;
	m->hashes = mem.alloc(mem.ctx, m->cap * sizeof(uint64_t));
	m->offsets = mem.alloc(mem.ctx, (m->cap + 1) * sizeof(uint64_t));
	m->offsets[0] = 0;
	m->bytes_cap = 64;
	m->bytes = mem.alloc(mem.ctx, m->bytes_cap);
}

static void
keymap_place(KeyMap *m, uint32_t index)
{
	uint32_t	mask = m->nslots - 1;
	uint32_t	s = (uint32_t) m->hashes[index] & mask;

	while (m->slots[s] != 0)
		s = (s + 1) & mask;
	m->slots[s] = index + 1;
}

static void
keymap_grow_slots(KeyMap *m)
{
	m->nslots *= 2;
	m->slots = m->mem.realloc(m->mem.ctx, m->slots, m->nslots * sizeof(uint32_t));
	memset(m->slots, 0, m->nslots * sizeof(uint32_t));
	for (uint32_t i = 0; i < m->n; i++)
		keymap_place(m, i);
}

int64_t
keymap_intern(KeyMap *m, const uint8_t *key, size_t len, int *inserted)
{
	uint64_t	h = hash_bytes(key, len);
	uint32_t	mask = m->nslots - 1;
	uint32_t	s = (uint32_t) h & mask;
	uint32_t	index;

	*inserted = 0;
	while (m->slots[s] != 0)
	{
		uint32_t	i = m->slots[s] - 1;

		if (m->hashes[i] == h &&
			m->offsets[i + 1] - m->offsets[i] == len &&
			memcmp(m->bytes + m->offsets[i], key, len) == 0)
			return i;
		s = (s + 1) & mask;
	}
	if (m->n >= KEYMAP_MAX_KEYS)
		return -1;

	index = m->n;
	if (index == m->cap)
	{
		m->cap *= 2;
		m->hashes = m->mem.realloc(m->mem.ctx, m->hashes, m->cap * sizeof(uint64_t));
		m->offsets = m->mem.realloc(m->mem.ctx, m->offsets, (m->cap + 1) * sizeof(uint64_t));
	}
	if (m->offsets[index] + len > m->bytes_cap)
	{
		while (m->offsets[index] + len > m->bytes_cap)
			m->bytes_cap *= 2;
		m->bytes = m->mem.realloc(m->mem.ctx, m->bytes, m->bytes_cap);
	}
	memcpy(m->bytes + m->offsets[index], key, len);
	m->offsets[index + 1] = m->offsets[index] + len;
	m->hashes[index] = h;
	m->n++;
	*inserted = 1;
	if ((uint64_t) m->n * 2 > m->nslots)
		keymap_grow_slots(m);
	else
		m->slots[s] = index + 1;
	return index;
}

const uint8_t *
keymap_key(const KeyMap *m, uint32_t i, size_t *len)
{
	*len = m->offsets[i + 1] - m->offsets[i];
	return m->bytes + m->offsets[i];
}
