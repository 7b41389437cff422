/*
 * siphash.h — SipHash-2-4 (Aumasson & Bernstein 2012, "SipHash: a fast
 * short-input PRF", INDOCRYPT 2012), plain C.
 *
 * A keyed pseudo-random function: with a secret key its outputs cannot be
 * predicted, and the same key and message give the same 64 bits on every
 * platform.  The disclosure-control functions use it to draw record keys and
 * rounding decisions from (seed, identity) so that a draw is reproducible
 * and tied to what is drawn for, not to the order rows arrive in.
 */
#ifndef MIGSTAT_COMMON_SIPHASH_H
#define MIGSTAT_COMMON_SIPHASH_H

#include <stddef.h>
#include <stdint.h>

/* SipHash-2-4 of msg[0..len) under the 128-bit key (k0, k1). */
extern uint64_t ms_siphash24(uint64_t k0, uint64_t k1, const uint8_t *msg,
							 size_t len);

/* The top 53 bits of h as a double in [0, 1): a multiple of 2^-53. */
static inline double
ms_unit_interval(uint64_t h)
{
	return (double) (h >> 11) * 0x1.0p-53;
}

#endif							/* MIGSTAT_COMMON_SIPHASH_H */
