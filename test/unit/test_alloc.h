/*
 * test_alloc.h — a malloc/realloc allocator for the KeyMapAllocator of the
 * keymap, long-form and decomposition states, that remembers every block so
 * a test can free a whole state at once (the states have no destructor; in
 * the extension their memory context goes away).  It also counts the calls,
 * so a test can see that the state allocates through the allocator it is
 * given.  Any block the core allocated with plain malloc would be reported by
 * LeakSanitizer at exit.
 */
#ifndef MIGSTAT_TEST_UNIT_TEST_ALLOC_H
#define MIGSTAT_TEST_UNIT_TEST_ALLOC_H

#include <stdio.h>
#include <stdlib.h>

#include "keymap.h"

typedef struct TestArena
{
	void	  **blocks;
	size_t		n;
	size_t		cap;
	long		allocs;			/* calls of alloc */
	long		reallocs;		/* calls of realloc */
} TestArena;

static inline void
test_arena_remember(TestArena *a, void *p)
{
	if (a->n == a->cap)
	{
		a->cap = a->cap ? 2 * a->cap : 64;
		a->blocks = realloc(a->blocks, a->cap * sizeof(void *));
		if (a->blocks == NULL)
			abort();
	}
	a->blocks[a->n++] = p;
}

static inline void *
test_arena_alloc(void *ctx, size_t size)
{
	TestArena  *a = ctx;
	void	   *p = malloc(size > 0 ? size : 1);

	if (p == NULL)
		abort();
	a->allocs++;
	test_arena_remember(a, p);
	return p;
}

static inline void *
test_arena_realloc(void *ctx, void *ptr, size_t size)
{
	TestArena  *a = ctx;
	void	   *p;

	a->reallocs++;
	for (size_t i = a->n; i-- > 0;)
	{
		if (a->blocks[i] == ptr)
		{
			p = realloc(ptr, size > 0 ? size : 1);
			if (p == NULL)
				abort();
			a->blocks[i] = p;
			return p;
		}
	}
	/* a pointer this arena never handed out */
	fprintf(stderr, "test_arena_realloc: unknown block %p\n", ptr);
	abort();
}

static inline KeyMapAllocator
test_arena_allocator(TestArena *a)
{
	KeyMapAllocator mem;

	a->blocks = NULL;
	a->n = a->cap = 0;
	a->allocs = a->reallocs = 0;
	mem.alloc = test_arena_alloc;
	mem.realloc = test_arena_realloc;
	mem.ctx = a;
	return mem;
}

static inline void
test_arena_free(TestArena *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->blocks[i]);
	free(a->blocks);
	a->blocks = NULL;
	a->n = a->cap = 0;
}

#endif							/* MIGSTAT_TEST_UNIT_TEST_ALLOC_H */
