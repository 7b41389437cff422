/*
 * rounding.c — deterministic and random rounding to a base (see rounding.h).
 */
#include "rounding.h"

static int
up_or_down(int64_t n, int64_t base, int up, int64_t *out)
{
	int64_t		down = n - n % base;

	if (!up || n % base == 0)
	{
		*out = down;
		return 0;
	}
	if (down > INT64_MAX - base)
		return -1;
	*out = down + base;
	return 0;
}

int
round_to_base(int64_t n, int64_t base, int64_t *out)
{
	int64_t		r = n % base;

	/* r >= base - r, written without overflow: halves round up */
	return up_or_down(n, base, r >= base - r, out);
}

int
random_round(int64_t n, int64_t base, double u, int64_t *out)
{
	return up_or_down(n, base, u < (double) (n % base) / (double) base, out);
}
