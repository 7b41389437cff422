/*
 * portable_bytes.h — big-endian reading and writing of 32- and 64-bit integers and
 * IEEE doubles, plain C, for the portable partial-state formats (the same
 * byte order as PostgreSQL's pq_sendint64 / pq_sendfloat8).
 */
#ifndef MIGSTAT_COMMON_PORTABLE_BYTES_H
#define MIGSTAT_COMMON_PORTABLE_BYTES_H

#include <stdint.h>
#include <string.h>

static inline void
mb_put_u32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t) (v >> 24);
	p[1] = (uint8_t) (v >> 16);
	p[2] = (uint8_t) (v >> 8);
	p[3] = (uint8_t) v;
}

static inline uint32_t
mb_get_u32(const uint8_t *p)
{
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) |
		((uint32_t) p[2] << 8) | p[3];
}

/*
 * On little- and big-endian GCC/Clang targets these compile to one load or
 * store (plus a byte swap); elsewhere the portable shift loop is used.
 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define MB_SWAP64(v) __builtin_bswap64(v)
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define MB_SWAP64(v) (v)
#endif

static inline void
mb_put_u64(uint8_t *p, uint64_t v)
{
#ifdef MB_SWAP64
	v = MB_SWAP64(v);
	memcpy(p, &v, sizeof(v));
#else
	for (int i = 7; i >= 0; i--)
	{
		p[i] = (uint8_t) (v & 0xff);
		v >>= 8;
	}
#endif
}

static inline uint64_t
mb_get_u64(const uint8_t *p)
{
#ifdef MB_SWAP64
	uint64_t	v;

	memcpy(&v, p, sizeof(v));
	return MB_SWAP64(v);
#else
	uint64_t	v = 0;

	for (int i = 0; i < 8; i++)
		v = (v << 8) | p[i];
	return v;
#endif
}

static inline void
mb_put_f64(uint8_t *p, double d)
{
	uint64_t	bits;

	memcpy(&bits, &d, sizeof(bits));
	mb_put_u64(p, bits);
}

static inline double
mb_get_f64(const uint8_t *p)
{
	uint64_t	bits = mb_get_u64(p);
	double		d;

	memcpy(&d, &bits, sizeof(d));
	return d;
}

#endif							/* MIGSTAT_COMMON_PORTABLE_BYTES_H */
