/*
 * random.h — a documented, platform-independent random number generator for
 * the simulations (plain C).  The same seed gives the same stream on every
 * platform: xoshiro256** (Blackman & Vigna 2018) seeded through splitmix64,
 * uniform doubles from the top 53 bits, and exact binomial variates (inversion
 * for small means, BTRD of Hoermann 1993 otherwise).
 * No libc random(), no global state.
 */
#ifndef MIGSTAT_COMMON_RANDOM_H
#define MIGSTAT_COMMON_RANDOM_H

#include <stdint.h>

typedef struct MsRng
{
	uint64_t	s[4];
} MsRng;

extern void ms_rng_seed(MsRng *rng, uint64_t seed);
extern uint64_t ms_rng_next(MsRng *rng);

/* Uniform in [0, 1), 53 random bits. */
extern double ms_rng_uniform(MsRng *rng);

/* Binomial(n, p) for n >= 0 and 0 <= p <= 1; exact. */
extern int64_t ms_rng_binomial(MsRng *rng, int64_t n, double p);

#endif							/* MIGSTAT_COMMON_RANDOM_H */
