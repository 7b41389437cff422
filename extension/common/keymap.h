/*
 * keymap.h — a hash map from byte-string keys to dense indexes 0..n-1,
 * plain C.  Used to group long-form rows by unit and group key, and units by
 * area, inside an aggregate.  Memory comes from the caller's allocator so the
 * map lives in the aggregate's memory context (or in malloc for unit tests).
 */
#ifndef MIGSTAT_COMMON_KEYMAP_H
#define MIGSTAT_COMMON_KEYMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct KeyMapAllocator
{
	void	   *(*alloc) (void *ctx, size_t size);	/* must not return NULL */
	void	   *(*realloc) (void *ctx, void *ptr, size_t size);
	void	   *ctx;
} KeyMapAllocator;

typedef struct KeyMap
{
	KeyMapAllocator mem;
	uint32_t	n;				/* keys */
	uint32_t	nslots;			/* power of two, >= 2 n */
	uint32_t   *slots;			/* index + 1, or 0 when empty */
	uint64_t   *hashes;			/* per key */
	uint64_t   *offsets;		/* n + 1 offsets into bytes */
	uint32_t	cap;			/* keys allocated */
	uint8_t    *bytes;
	uint64_t	bytes_cap;
} KeyMap;

/* The largest number of keys one map holds. */
#define KEYMAP_MAX_KEYS 0x3fffffffU

extern void keymap_init(KeyMap *m, KeyMapAllocator mem);

/*
 * Index of the key, inserting it if new (*inserted set accordingly).
 * Returns -1 if the map is full (KEYMAP_MAX_KEYS).
 */
extern int64_t keymap_intern(KeyMap *m, const uint8_t *key, size_t len,
							 int *inserted);

/* Key i's bytes and length. */
extern const uint8_t *keymap_key(const KeyMap *m, uint32_t i, size_t *len);

#endif							/* MIGSTAT_COMMON_KEYMAP_H */
