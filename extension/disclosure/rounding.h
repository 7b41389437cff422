/*
 * rounding.h — rounding counts to a base, plain C.
 *
 * Deterministic: to the nearest multiple of the base, halves up (base 3:
 * 1 -> 0, 2 -> 3; base 10: 5 -> 10).  Random (unbiased): a count n = q b + r
 * becomes q b + b with probability r / b, else q b, so its expected value is
 * n; the draw u in [0, 1) is supplied by the caller (round up iff
 * u < r / b in IEEE double arithmetic, the same on every platform).
 * Multiples of the base, zero included, never change.
 */
#ifndef MIGSTAT_DISCLOSURE_ROUNDING_H
#define MIGSTAT_DISCLOSURE_ROUNDING_H

#include <stdint.h>

/* n >= 0, base >= 1.  Return 0, or -1 if the result would overflow int64. */
extern int	round_to_base(int64_t n, int64_t base, int64_t *out);
extern int	random_round(int64_t n, int64_t base, double u, int64_t *out);

#endif							/* MIGSTAT_DISCLOSURE_ROUNDING_H */
