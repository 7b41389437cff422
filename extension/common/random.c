/*
 * random.c — splitmix64 seeding and binomial variates (see random.h; the
 * generator itself is inline there).
 *
 * Reproducibility: the arithmetic is IEEE double throughout; the library
 * functions used are sqrt (correctly rounded by IEEE 754), and exp, log1p
 * and log, whose last bit may differ between C libraries (the inversion's
 * starting probability and BTRD's tests far from the mode).  Stirling's
 * corrections below 10 are constants, not lgamma.
 */
#include "random.h"

#include <math.h>

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

int
ms_bits_below(uint64_t n)
{
	int			bits = 0;

	while (bits < 64 && (n - 1) >> bits != 0)
		bits++;
	return n == 0 ? 0 : bits;
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
 * error of Stirling's formula: constants below 10 (computed to 40 digits and
 * rounded, so no lgamma of any C library is involved), its asymptotic series
 * above.
 */
static const double stirling_small[10] = {
	0.08106146679532726, 0.0413406959554093, 0.02767792568499834,
	0.020790672103765093, 0.016644691189821193, 0.013876128823070748,
	0.01189670994589177, 0.010411265261972096, 0.009255462182712733,
	0.00833056343336287,
};

static double
stirling_correction(int64_t k)
{
	double		r,
				r2;

	if (k < 10)
		return stirling_small[k];
	r = 1.0 / ((double) k + 1.0);
	r2 = r * r;
	return (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0) * r2) * r2) * r;
}

/*
 * BTRD (Hoermann 1993, "The generation of binomial random variates",
 * J. Statist. Comput. Simul. 46:101-110): transformed rejection with
 * decomposition, for p <= 1/2 and mode >= 11.  The constants are the
 * paper's; only the arithmetic is rearranged to avoid divisions.
 */
typedef struct Btrd
{
	int64_t		n;
	int64_t		m;				/* the mode, floor((n + 1) p) */
	double		r;				/* p / q */
	double		npq;
	double		a,
				b,
				c,
				alpha;
	double		v_r,
				u_rv_r,
				inv_v_r;
} Btrd;

static void
btrd_setup(Btrd *s, int64_t n, double p)
{
	double		q = 1.0 - p;
	double		sqrt_npq,
				inv_b;

	s->n = n;
	s->m = (int64_t) ((double) (n + 1) * p);
	s->r = p / q;
	s->npq = (double) n * p * q;
	sqrt_npq = sqrt(s->npq);
	s->b = 1.15 + 2.53 * sqrt_npq;
	inv_b = 1.0 / s->b;
	s->a = -0.0873 + 0.0248 * s->b + 0.01 * p;
	s->c = (double) n * p + 0.5;
	s->alpha = (2.83 + 5.1 * inv_b) * sqrt_npq;
	s->v_r = 0.92 - 4.2 * inv_b;
	s->u_rv_r = 0.86 * s->v_r;
	s->inv_v_r = 1.0 / s->v_r;
}

/*
 * The candidate (2a / us + b) u + c for us = 1/2 - |u|; -1 when it lies
 * outside 0..n (including us = 0, where it is infinite).
 */
static int64_t
btrd_candidate(const Btrd *s, double u, double us)
{
	double		x = (2.0 * s->a / us + s->b) * u + s->c;

	if (!(x >= 0.0 && x < (double) s->n + 1.0))
		return -1;
	return (int64_t) x;			/* x >= 0: truncation is floor */
}

/*
 * Is v <= f(k) / f(m)?  f(i) / f(i - 1) = (n + 1 - i) r / i, so with
 * k > m the test is v prod i <= prod (n + 1 - i) r over i = m+1..k (and
 * mirrored for k < m): multiplications only, at most 15 of each.  The
 * products stay below 2^(53 * 15) and cannot overflow.
 */
static int
btrd_ratio_accepts(const Btrd *s, int64_t k, double v)
{
	int64_t		lo = k < s->m ? k : s->m;
	int64_t		hi = k < s->m ? s->m : k;
	double		up = 1.0,		/* prod (n + 1 - i) r */
				down = 1.0;		/* prod i */

	for (int64_t i = lo + 1; i <= hi; i++)
	{
		up *= (double) (s->n + 1 - i) * s->r;
		down *= (double) i;
	}
	return k > s->m ? v * down <= up : v * up <= down;
}

/*
 * The same test far from the mode, on the log scale: squeezes from the
 * normal approximation first, then Stirling's formula with the corrections.
 */
static int
btrd_log_accepts(const Btrd *s, int64_t k, double v)
{
	double		km = fabs((double) (k - s->m));
	double		inv_npq = 1.0 / s->npq;
	double		lv = log(v);
	double		rho = km * inv_npq *
		(((km / 3.0 + 0.625) * km + 1.0 / 6.0) * inv_npq + 0.5);
	double		t = -km * km * 0.5 * inv_npq;
	double		nm,
				nk,
				h;

	if (lv < t - rho)
		return 1;
	if (lv > t + rho)
		return 0;
	nm = (double) (s->n - s->m + 1);
	h = ((double) s->m + 0.5) * log(((double) s->m + 1.0) / (s->r * nm)) +
		stirling_correction(s->m) + stirling_correction(s->n - s->m);
	nk = (double) (s->n - k + 1);
	return lv <= h + (double) (s->n + 1) * log(nm / nk) +
		((double) k + 0.5) * log(nk * s->r / ((double) k + 1.0)) -
		stirling_correction(k) - stirling_correction(s->n - k);
}

static int64_t
binomial_btrd(MsRng *rng, int64_t n, double p)
{
	Btrd		s;

	btrd_setup(&s, n, p);
	for (;;)
	{
		double		v = ms_rng_uniform(rng);
		double		u,
					us;
		int64_t		k;

		if (v <= s.u_rv_r)
		{
			/* the central region: accept at once */
			u = v * s.inv_v_r - 0.43;
			k = btrd_candidate(&s, u, 0.5 - fabs(u));
			if (k >= 0)
				return k;
			continue;			/* cannot happen for mode >= 11; be safe */
		}
		if (v >= s.v_r)
			u = ms_rng_uniform(rng) - 0.5;
		else
		{
			u = v * s.inv_v_r - 0.93;
			u = (u < 0.0 ? -0.5 : 0.5) - u;
			v = ms_rng_uniform(rng) * s.v_r;
		}
		us = 0.5 - fabs(u);
		k = btrd_candidate(&s, u, us);
		if (k < 0)
			continue;
		/* scaled by the hat at u, v is to be compared with f(k) / f(m) */
		v = v * s.alpha * (us * us) / (s.a + s.b * (us * us));
		if (k - s.m <= 15 && s.m - k <= 15 ?
			btrd_ratio_accepts(&s, k, v) : btrd_log_accepts(&s, k, v))
			return k;
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
