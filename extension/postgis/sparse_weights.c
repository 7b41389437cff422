/*
 * sparse_weights.c — building the CSR weights of sparse_weights.h, and the
 * canonical unit order.
 */
#include "sparse_weights.h"

#include <stdlib.h>
#include <string.h>

/* Rows up to this length are sorted by insertion (queen rows have ~6). */
#define SW_SMALL_ROW 24

static int
sw_entry_cmp(const void *a, const void *b)
{
	uint32_t	ja = ((const SwEntry *) a)->j;
	uint32_t	jb = ((const SwEntry *) b)->j;

	return (ja > jb) - (ja < jb);
}

static void
sw_sort_row(SwEntry *e, uint64_t len)
{
	if (len > SW_SMALL_ROW)
	{
		qsort(e, (size_t) len, sizeof(SwEntry), sw_entry_cmp);
		return;
	}
	for (uint64_t a = 1; a < len; a++)
	{
		SwEntry		v = e[a];
		uint64_t	b = a;

		while (b > 0 && e[b - 1].j > v.j)
		{
			e[b] = e[b - 1];
			b--;
		}
		e[b] = v;
	}
}

int64_t
sw_build(SwWeights *g, uint32_t n, const uint32_t *ti, const uint32_t *tj,
		 const double *tw, uint64_t m, KeyMapAllocator mem)
{
	uint64_t   *fill;

	g->n = n;
	g->nnz = m;
	g->row = mem.alloc(mem.ctx, ((size_t) n + 1) * sizeof(uint64_t));
	g->e = mem.alloc(mem.ctx, (size_t) (m > 0 ? m : 1) * sizeof(SwEntry));
	memset(g->row, 0, ((size_t) n + 1) * sizeof(uint64_t));

	/* counting sort of the triplets by row */
	for (uint64_t k = 0; k < m; k++)
		g->row[ti[k] + 1]++;
	for (uint32_t i = 0; i < n; i++)
		g->row[i + 1] += g->row[i];
	fill = mem.alloc(mem.ctx, ((size_t) n + 1) * sizeof(uint64_t));
	memcpy(fill, g->row, ((size_t) n + 1) * sizeof(uint64_t));
	for (uint64_t k = 0; k < m; k++)
	{
		SwEntry    *e = &g->e[fill[ti[k]]++];

		e->j = tj[k];
		e->w = tw[k];
	}

	/* columns ascending within each row; a repeated pair is an error */
	for (uint32_t i = 0; i < n; i++)
	{
		uint64_t	lo = g->row[i],
					hi = g->row[i + 1];

		sw_sort_row(g->e + lo, hi - lo);
		for (uint64_t k = lo + 1; k < hi; k++)
		{
			if (g->e[k].j == g->e[k - 1].j)
			{
				/* find the triplet that repeats the pair, for the message */
				int			seen = 0;

				for (uint64_t t = 0; t < m; t++)
					if (ti[t] == i && tj[t] == g->e[k].j && seen++ == 1)
						return (int64_t) t;
				return 0;		/* not reached */
			}
		}
	}
	return -1;
}

double
sw_self_weight(const SwWeights *g, uint32_t i)
{
	for (uint64_t k = g->row[i]; k < g->row[i + 1]; k++)
		if (g->e[k].j == i)
			return g->e[k].w;
	return 0.0;
}

int
sw_is_island(const SwWeights *g, uint32_t i)
{
	for (uint64_t k = g->row[i]; k < g->row[i + 1]; k++)
		if (g->e[k].j != i && g->e[k].w > 0.0)
			return 0;
	return 1;
}

typedef struct SwKeyRef
{
	const uint8_t *bytes;
	size_t		len;
	uint32_t	index;
} SwKeyRef;

static int
sw_key_cmp(const void *a, const void *b)
{
	const SwKeyRef *ka = a;
	const SwKeyRef *kb = b;
	size_t		common = ka->len < kb->len ? ka->len : kb->len;
	int			c = common > 0 ? memcmp(ka->bytes, kb->bytes, common) : 0;

	if (c != 0)
		return c;
	return (ka->len > kb->len) - (ka->len < kb->len);
}

void
sw_canonical_order(const KeyMap *m, uint32_t *order, uint32_t *rank,
				   KeyMapAllocator mem)
{
	SwKeyRef   *refs = mem.alloc(mem.ctx, (size_t) (m->n > 0 ? m->n : 1) * sizeof(SwKeyRef));

	for (uint32_t i = 0; i < m->n; i++)
	{
		refs[i].bytes = keymap_key(m, i, &refs[i].len);
		refs[i].index = i;
	}
	qsort(refs, m->n, sizeof(SwKeyRef), sw_key_cmp);
	for (uint32_t r = 0; r < m->n; r++)
	{
		order[r] = refs[r].index;
		if (rank != NULL)
			rank[refs[r].index] = r;
	}
}
