/*
 * random.c — xoshiro256**, splitmix64 seeding and binomial variates
 * (see random.h).
 */
#include "random.h"

#include <math.h>

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* splitmix64 (Steele, Lea & Flood 2014), used only to expand the seed. */
static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t	z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void
ms_rng_seed(MsRng *rng, uint64_t seed)
{
	uint64_t	x = seed;

	for (int i = 0; i < 4; i++)
		rng->s[i] = splitmix64(&x);
}

uint64_t
ms_rng_next(MsRng *rng)
{
	uint64_t   *s = rng->s;
	uint64_t	result = rotl(s[1] * 5, 7) * 9;
	uint64_t	t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

double
ms_rng_uniform(MsRng *rng)
{
	return (double) (ms_rng_next(rng) >> 11) * 0x1.0p-53;
}

/*
 * Inversion: walk up the cumulative distribution from 0.  Used when
 * n * min(p, 1-p) < 30, where the expected number of steps is small.
 */
static int64_t
binomial_inversion(MsRng *rng, int64_t n, double p)
{
	double		q = 1.0 - p;
	double		s = p / q;
	double		a = (double) (n + 1) * s;
	double		f0 = exp((double) n * log1p(-p));

	for (;;)
	{
		double		u = ms_rng_uniform(rng);
		double		f = f0;
		int64_t		x = 0;

		while (u > f)
		{
			u -= f;
			x++;
			if (x > n)
				break;			/* rounding left u above the total: redraw */
			f *= a / (double) x - s;
		}
		if (x <= n)
			return x;
	}
}

/* Stirling-series correction used by BTPE's final acceptance test. */
static double
stirling_tail(double v)
{
	double		v2 = v * v;

	return (13860.0 - (462.0 - (132.0 - (99.0 - 140.0 / v2) / v2) / v2) / v2) / v / 166320.0;
}

/*
 * BTPE (Kachitvichyanukul & Schmeiser 1988, "Binomial random variate
 * generation", CACM 31:216-222) for p <= 1/2 and n p >= 30: a triangle,
 * two parallelograms and two exponential tails dominate the distribution;
 * candidates are accepted by squeezes or, rarely, by the exact ratio.  The
 * final test subtracts the third and fourth Stirling terms (a known
 * correction of the paper's sign).
 */
static int64_t
binomial_btpe(MsRng *rng, int64_t n, double p)
{
	double		q = 1.0 - p;
	double		npq = (double) n * p * q;
	double		fm = (double) n * p + p;
	int64_t		m = (int64_t) floor(fm);
	double		p1 = floor(2.195 * sqrt(npq) - 4.6 * q) + 0.5;
	double		xm = (double) m + 0.5;
	double		xl = xm - p1;
	double		xr = xm + p1;
	double		c = 0.134 + 20.5 / (15.3 + (double) m);
	double		al = (fm - xl) / (fm - xl * p);
	double		lambda_l = al * (1.0 + al / 2.0);
	double		ar = (xr - fm) / (xr * q);
	double		lambda_r = ar * (1.0 + ar / 2.0);
	double		p2 = p1 * (1.0 + 2.0 * c);
	double		p3 = p2 + c / lambda_l;
	double		p4 = p3 + c / lambda_r;

	for (;;)
	{
		double		u = ms_rng_uniform(rng) * p4;
		double		v = ms_rng_uniform(rng);
		int64_t		y;
		int64_t		k;

		if (u <= p1)
			return (int64_t) floor(xm - p1 * v + u);	/* triangle: accept */

		if (u <= p2)
		{
			double		x = xl + (u - p1) / c;

			v = v * c + 1.0 - fabs((double) m - x + 0.5) / p1;
			if (v > 1.0)
				continue;
			y = (int64_t) floor(x);
		}
		else if (u <= p3)
		{
			if (v == 0.0)
				continue;
			y = (int64_t) floor(xl + log(v) / lambda_l);
			if (y < 0)
				continue;
			v = v * (u - p2) * lambda_l;
		}
		else
		{
			if (v == 0.0)
				continue;
			y = (int64_t) floor(xr - log(v) / lambda_r);
			if (y > n)
				continue;
			v = v * (u - p3) * lambda_r;
		}

		k = y > m ? y - m : m - y;
		if (k <= 20 || (double) k >= npq / 2.0 - 1.0)
		{
			/* explicit ratio f(y)/f(m) by recursion */
			double		s = p / q;
			double		a = s * (double) (n + 1);
			double		f = 1.0;

			if (m < y)
				for (int64_t i = m + 1; i <= y; i++)
					f *= a / (double) i - s;
			else
				for (int64_t i = y + 1; i <= m; i++)
					f /= a / (double) i - s;
			if (v <= f)
				return y;
			continue;
		}
		else
		{
			/* squeeze on log f(y)/f(m), then the exact Stirling bound */
			double		kk = (double) k;
			double		rho = (kk / npq) * ((kk * (kk / 3.0 + 0.625) + 1.0 / 6.0) / npq + 0.5);
			double		t = -kk * kk / (2.0 * npq);
			double		A = log(v);
			double		x1,
						f1,
						z,
						w;

			if (A < t - rho)
				return y;
			if (A > t + rho)
				continue;
			x1 = (double) y + 1.0;
			f1 = (double) m + 1.0;
			z = (double) n + 1.0 - (double) m;
			w = (double) n - (double) y + 1.0;
			if (A <= xm * log(f1 / x1) + ((double) (n - m) + 0.5) * log(z / w) +
				(double) (y - m) * log(w * p / (x1 * q)) +
				stirling_tail(f1) + stirling_tail(z) - stirling_tail(x1) - stirling_tail(w))
				return y;
		}
	}
}

int64_t
ms_rng_binomial(MsRng *rng, int64_t n, double p)
{
	int64_t		y;
	int			flip = p > 0.5;
	double		r = flip ? 1.0 - p : p;

	if (n <= 0 || r <= 0.0)
		return flip ? n : 0;
	if ((double) n * r < 30.0)
		y = binomial_inversion(rng, n, r);
	else
		y = binomial_btpe(rng, n, r);
	return flip ? n - y : y;
}
