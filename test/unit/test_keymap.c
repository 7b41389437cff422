/*
 * test_keymap.c — the byte-string hash map of keymap.h: dense indexes in
 * insertion order, lookups of present keys, key bytes round trips, and keys
 * that are hard on a hash map (empty, prefixes of each other, zero bytes,
 * long common prefixes), up to 100,000 keys through the table's growth.
 */
#include "unit.h"
#include "keymap.h"
#include "test_alloc.h"

#include <stdlib.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Interns key and checks the returned index and the inserted flag. */
static void
check_intern(KeyMap *m, const uint8_t *key, size_t len, int64_t want_index,
			 int want_inserted)
{
	int			inserted = -1;
	int64_t		got = keymap_intern(m, key, len, &inserted);

	CHECK(got == want_index);
	CHECK(inserted == want_inserted);
}

/* Key i of the map has exactly these bytes. */
static void
check_key(const KeyMap *m, uint32_t i, const uint8_t *key, size_t len)
{
	size_t		got_len = (size_t) -1;
	const uint8_t *got = keymap_key(m, i, &got_len);

	CHECK(got_len == len);
	CHECK(got_len == len && (len == 0 || memcmp(got, key, len) == 0));
}

/* The table's invariants: a power of two, at most half full. */
static void
check_table(const KeyMap *m)
{
	uint32_t	used = 0;

	CHECK(m->nslots >= 16 && (m->nslots & (m->nslots - 1)) == 0);
	CHECK((uint64_t) m->n * 2 <= m->nslots);
	CHECK(m->n <= m->cap);
	for (uint32_t s = 0; s < m->nslots; s++)
		used += m->slots[s] != 0;
	CHECK(used == m->n);
}

static void
test_empty_map(void)
{
	TestArena	arena;
	KeyMap		m;
	const uint8_t empty[1] = {0};

	keymap_init(&m, test_arena_allocator(&arena));
	CHECK(m.n == 0);
	CHECK(arena.allocs > 0);	/* the map allocates through its allocator */
	check_table(&m);

	/* the empty key is a key like any other */
	check_intern(&m, empty, 0, 0, 1);
	check_intern(&m, empty, 0, 0, 0);
	CHECK(m.n == 1);
	check_key(&m, 0, empty, 0);
	/* a single zero byte is a different key */
	check_intern(&m, empty, 1, 1, 1);
	check_intern(&m, empty, 0, 0, 0);
	check_intern(&m, empty, 1, 1, 0);
	check_key(&m, 1, empty, 1);
	CHECK(m.n == 2);
	check_table(&m);
	test_arena_free(&arena);
}

/* "", "a", "aa", ... and "\0", "\0\0", ...: each a prefix of the next. */
static void
test_prefixes(void)
{
	TestArena	arena;
	KeyMap		m;
	uint8_t		a[300],
				z[300];
	uint32_t	next = 0;

	memset(a, 'a', sizeof(a));
	memset(z, 0, sizeof(z));
	keymap_init(&m, test_arena_allocator(&arena));
	for (size_t len = 0; len < sizeof(a); len++)
	{
		check_intern(&m, a, len, next++, 1);
		if (len > 0)
			check_intern(&m, z, len, next++, 1);
	}
	CHECK(m.n == next);
	check_table(&m);
	/* all found again, in reverse, with their indexes */
	next = 0;
	for (size_t len = 0; len < sizeof(a); len++)
	{
		check_intern(&m, a, len, next, 0);
		check_key(&m, next++, a, len);
		if (len > 0)
		{
			check_intern(&m, z, len, next, 0);
			check_key(&m, next++, z, len);
		}
	}
	/* same length, different last byte; same bytes as an "a" key but longer */
	{
		uint8_t		k[5] = {'a', 'a', 'a', 'a', 'b'};

		check_intern(&m, k, 5, next++, 1);
		k[4] = 0;
		check_intern(&m, k, 5, next++, 1);
		check_intern(&m, a, 5, 5 * 2 - 1, 0);	/* "aaaaa": index 2 len - 1 */
	}
	CHECK(m.n == next);
	test_arena_free(&arena);
}

/*
 * The generated keys: a tag byte (1, 2, 3 or 4) and
 *   1: the decimal text of i
 *   2: i as 8 big-endian bytes (mostly zero bytes)
 *   3: i % 61 bytes 'x', then i as 4 big-endian bytes
 *   4: 40 bytes 'q' then i as 3 bytes (a long common prefix)
 * Tags separate the families, i separates keys within one.
 */
static size_t
gen_key(uint32_t i, uint8_t *buf)
{
	size_t		len = 1;

	buf[0] = (uint8_t) (1 + i % 4);
	switch (i % 4)
	{
		case 0:
			len += (size_t) snprintf((char *) buf + 1, 16, "%u", (unsigned) i);
			break;
		case 1:
			for (int b = 0; b < 8; b++)
				buf[len++] = (uint8_t) ((uint64_t) i >> (56 - 8 * b));
			break;
		case 2:
			memset(buf + 1, 'x', i % 61);
			len += i % 61;
			for (int b = 0; b < 4; b++)
				buf[len++] = (uint8_t) (i >> (24 - 8 * b));
			break;
		default:
			memset(buf + 1, 'q', 40);
			len += 40;
			for (int b = 0; b < 3; b++)
				buf[len++] = (uint8_t) (i >> (16 - 8 * b));
			break;
	}
	return len;
}

static void
test_many_keys(void)
{
	const uint32_t n = 100000;
	TestArena	arena;
	KeyMap		m;
	uint8_t		buf[128];
	long		bad_index = 0,
				bad_flag = 0,
				bad_bytes = 0;
	uint64_t	total_bytes = 0;

	keymap_init(&m, test_arena_allocator(&arena));
	/* the empty key first, then the generated ones */
	check_intern(&m, buf, 0, 0, 1);
	for (uint32_t i = 0; i < n; i++)
	{
		size_t		len = gen_key(i, buf);
		int			inserted = -1;
		int64_t		got = keymap_intern(&m, buf, len, &inserted);

		total_bytes += len;
		bad_index += got != (int64_t) i + 1;
		bad_flag += inserted != 1;
		/* every 97th key is looked up again at once */
		if (i % 97 == 0)
		{
			got = keymap_intern(&m, buf, len, &inserted);
			bad_index += got != (int64_t) i + 1;
			bad_flag += inserted != 0;
		}
	}
	CHECK(bad_index == 0);
	CHECK(bad_flag == 0);
	CHECK(m.n == n + 1);
	CHECK(m.offsets[m.n] == total_bytes);
	check_table(&m);
	CHECK(arena.reallocs > 0);	/* grew through the allocator */

	/* every key again, from the last: same index, not inserted, same bytes */
	bad_index = bad_flag = 0;
	for (uint32_t i = n; i-- > 0;)
	{
		size_t		len = gen_key(i, buf),
					got_len;
		int			inserted = -1;
		int64_t		got = keymap_intern(&m, buf, len, &inserted);
		const uint8_t *key = keymap_key(&m, i + 1, &got_len);

		bad_index += got != (int64_t) i + 1;
		bad_flag += inserted != 0;
		bad_bytes += got_len != len || memcmp(key, buf, len) != 0;
	}
	CHECK(bad_index == 0);
	CHECK(bad_flag == 0);
	CHECK(bad_bytes == 0);
	check_intern(&m, buf, 0, 0, 0);
	check_key(&m, 0, buf, 0);
	CHECK(m.n == n + 1);

	/* new keys after all that get the next indexes */
	for (uint32_t i = n; i < n + 10; i++)
	{
		size_t		len = gen_key(i, buf);

		check_intern(&m, buf, len, (int64_t) i + 1, 1);
	}
	CHECK(m.n == n + 11);
	test_arena_free(&arena);
}

/*
 * Two maps side by side keep their own keys; keys are copied (changing the
 * caller's buffer afterwards changes nothing); a long key (bigger than the
 * initial byte buffer several times over) round-trips.
 */
static void
test_copies_and_long_keys(void)
{
	TestArena	arena_a,
				arena_b;
	KeyMap		a,
				b;
	uint8_t		buf[8] = "unit-01";
	size_t		big_len = 100000;
	uint8_t    *big = malloc(big_len);

	for (size_t i = 0; i < big_len; i++)
		big[i] = (uint8_t) (i * 131 + 7);
	keymap_init(&a, test_arena_allocator(&arena_a));
	keymap_init(&b, test_arena_allocator(&arena_b));
	check_intern(&a, buf, 7, 0, 1);
	check_intern(&b, buf, 7, 0, 1);
	buf[6] = '2';
	check_intern(&a, buf, 7, 1, 1);
	check_key(&a, 0, (const uint8_t *) "unit-01", 7);
	check_key(&a, 1, (const uint8_t *) "unit-02", 7);
	CHECK(b.n == 1);
	check_intern(&b, big, big_len, 1, 1);
	check_intern(&b, big, big_len - 1, 2, 1);
	check_intern(&b, big, big_len, 1, 0);
	check_key(&b, 1, big, big_len);
	check_key(&b, 2, big, big_len - 1);
	check_key(&b, 0, (const uint8_t *) "unit-01", 7);
	big[0] ^= 1;				/* the map holds its own copy */
	check_intern(&b, big, big_len, 3, 1);
	CHECK(a.n == 2 && b.n == 4);
	test_arena_free(&arena_a);
	test_arena_free(&arena_b);
	free(big);
}

/*
 * Keys differing in one byte at every position, and all 256 one-byte keys
 * and 65,536 two-byte keys: a full byte space, dense indexes in order.
 */
static void
test_byte_space(void)
{
	TestArena	arena;
	KeyMap		m;
	uint8_t		k[2];
	long		bad = 0;

	keymap_init(&m, test_arena_allocator(&arena));
	for (int b = 0; b < 256; b++)
	{
		int			inserted;

		k[0] = (uint8_t) b;
		bad += keymap_intern(&m, k, 1, &inserted) != b || !inserted;
	}
	for (int b = 0; b < 65536; b++)
	{
		int			inserted;

		k[0] = (uint8_t) (b >> 8);
		k[1] = (uint8_t) b;
		bad += keymap_intern(&m, k, 2, &inserted) != 256 + b || !inserted;
	}
	for (int b = 0; b < 256; b++)
	{
		int			inserted;

		k[0] = (uint8_t) b;
		bad += keymap_intern(&m, k, 1, &inserted) != b || inserted;
	}
	CHECK(bad == 0);
	CHECK(m.n == 256 + 65536);
	check_table(&m);
	test_arena_free(&arena);
}

const UnitTest unit_keymap_tests[] = {
	UNIT_TEST(test_empty_map),
	UNIT_TEST(test_prefixes),
	UNIT_TEST(test_many_keys),
	UNIT_TEST(test_copies_and_long_keys),
	UNIT_TEST(test_byte_space),
	{NULL, NULL}
};
