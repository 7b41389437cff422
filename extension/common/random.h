/*
 * random.h — a documented, platform-independent random number generator for
 * the simulations (plain C).  The same seed gives the same stream on every
 * platform: xoshiro256** (Blackman & Vigna 2018) seeded through splitmix64,
 * uniform doubles from the top 53 bits, uniform integers by rejection, and
 * exact binomial variates (inversion for small means, BTRD of Hoermann 1993
 * otherwise).  No libc random(), no global state.
 */
#ifndef MIGSTAT_COMMON_RANDOM_H
#define MIGSTAT_COMMON_RANDOM_H

#include <stdint.h>

typedef struct MsRng
{
	uint64_t	s[4];
} MsRng;

extern void ms_rng_seed(MsRng *rng, uint64_t seed);

static inline uint64_t
ms_rng_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* The next 64 bits of xoshiro256**; inline, it is drawn millions of times. */
static inline uint64_t
ms_rng_next(MsRng *rng)
{
	uint64_t   *s = rng->s;
	uint64_t	result = ms_rng_rotl(s[1] * 5, 7) * 9;
	uint64_t	t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = ms_rng_rotl(s[3], 45);
	return result;
}

/* Uniform in [0, 1), 53 random bits. */
static inline double
ms_rng_uniform(MsRng *rng)
{
	return (double) (ms_rng_next(rng) >> 11) * 0x1.0p-53;
}

/* Bits needed to write 0 .. n - 1: 0 for n <= 1, else ceil(log2 n). */
extern int	ms_bits_below(uint64_t n);

/*
 * Uniform integer in 0 .. n - 1 for n >= 1, given bits = ms_bits_below(n):
 * the top bits of a draw, drawn again while they reach n (exact; fewer than
 * two draws on average).
 */
static inline uint64_t
ms_rng_below(MsRng *rng, uint64_t n, int bits)
{
	uint64_t	x;

	if (bits == 0)
		return 0;
	do
		x = ms_rng_next(rng) >> (64 - bits);
	while (x >= n);
	return x;
}

/* Binomial(n, p) for n >= 0 and 0 <= p <= 1; exact. */
extern int64_t ms_rng_binomial(MsRng *rng, int64_t n, double p);

#endif							/* MIGSTAT_COMMON_RANDOM_H */
