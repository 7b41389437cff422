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
 * Inversion: walk up the cumulative distribution from 0.  Used when the
 * mode floor((n+1) p) is below 11, where the expected number of steps is
 * small.
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

/*
 * fc(k) = log k! - [(k + 1/2) log(k + 1) - (k + 1) + log(2 pi) / 2], the
 * error of Stirling's formula; exact (via lgamma) below 10, its asymptotic
 * series above.
 */
static double
stirling_correction(int64_t k)
{
	if (k < 10)
		return lgamma((double) k + 1.0) -
			(((double) k + 0.5) * log((double) k + 1.0) - ((double) k + 1.0) +
			 0.91893853320467274178);	/* log(2 pi) / 2 */
	else
	{
		double		r = 1.0 / ((double) k + 1.0);
		double		r2 = r * r;

		return (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0) * r2) * r2) * r;
	}
}

/*
 * BTRD (Hoermann 1993, "The generation of binomial random variates",
 * J. Statist. Comput. Simul. 46:101-110): transformed rejection with
 * decomposition, for p <= 1/2 and mode >= 11.  Most candidates are accepted
 * at once; the rest by a short recursion near the mode or by Stirling's
 * formula with squeezes.
 */
static int64_t
binomial_btrd(MsRng *rng, int64_t n, double p)
{
	int64_t		m = (int64_t) ((double) (n + 1) * p);
	double		r = p / (1.0 - p);
	double		nr = (double) (n + 1) * r;
	double		npq = (double) n * p * (1.0 - p);
	double		sqrt_npq = sqrt(npq);
	double		b = 1.15 + 2.53 * sqrt_npq;
	double		a = -0.0873 + 0.0248 * b + 0.01 * p;
	double		c = (double) n * p + 0.5;
	double		alpha = (2.83 + 5.1 / b) * sqrt_npq;
	double		v_r = 0.92 - 4.2 / b;
	double		u_rv_r = 0.86 * v_r;

	for (;;)
	{
		double		v = ms_rng_uniform(rng);
		double		u,
					us,
					km;
		int64_t		k;

		if (v <= u_rv_r)
		{
			/* the central region: accept at once */
			u = v / v_r - 0.43;
			return (int64_t) floor((2.0 * a / (0.5 - fabs(u)) + b) * u + c);
		}
		if (v >= v_r)
			u = ms_rng_uniform(rng) - 0.5;
		else
		{
			u = v / v_r - 0.93;
			u = (u < 0.0 ? -0.5 : 0.5) - u;
			v = ms_rng_uniform(rng) * v_r;
		}
		us = 0.5 - fabs(u);
		k = (int64_t) floor((2.0 * a / us + b) * u + c);
		if (k < 0 || k > n)
			continue;
		v = v * alpha / (a / (us * us) + b);
		km = fabs((double) (k - m));
		if (km <= 15.0)
		{
			/* f(k) / f(m) by the recursion f(i) / f(i-1) = nr / i - r */
			double		f = 1.0;

			if (m < k)
				for (int64_t i = m + 1; i <= k; i++)
					f *= nr / (double) i - r;
			else
				for (int64_t i = k + 1; i <= m; i++)
					v *= nr / (double) i - r;
			if (v <= f)
				return k;
		}
		else
		{
			double		lv = log(v);
			double		rho = (km / npq) * (((km / 3.0 + 0.625) * km + 1.0 / 6.0) / npq + 0.5);
			double		t = -km * km / (2.0 * npq);
			double		nm,
						nk,
						h;

			if (lv < t - rho)
				return k;
			if (lv > t + rho)
				continue;
			nm = (double) (n - m + 1);
			h = ((double) m + 0.5) * log(((double) m + 1.0) / (r * nm)) +
				stirling_correction(m) + stirling_correction(n - m);
			nk = (double) (n - k + 1);
			if (lv <= h + (double) (n + 1) * log(nm / nk) +
				((double) k + 0.5) * log(nk * r / ((double) k + 1.0)) -
				stirling_correction(k) - stirling_correction(n - k))
				return k;
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
	if ((int64_t) ((double) (n + 1) * r) < 11)
		y = binomial_inversion(rng, n, r);
	else
		y = binomial_btrd(rng, n, r);
	return flip ? n - y : y;
}
