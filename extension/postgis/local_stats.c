/*
 * local_stats.c — Moran's I, local Moran and Getis-Ord G*_i over sparse
 * weights (see local_stats.h).
 */
#include "local_stats.h"

#include <math.h>
#include <string.h>

#include "../common/random.h"

/* mean of v and the deviations z = v - mean; returns sum z^2 */
static double
ls_deviations(uint32_t n, const double *v, double *z)
{
	double		mean = 0.0,
				ss = 0.0;

	for (uint32_t i = 0; i < n; i++)
		mean += v[i];
	mean /= n;
	for (uint32_t i = 0; i < n; i++)
	{
		z[i] = v[i] - mean;
		ss += z[i] * z[i];
	}
	return ss;
}

/* sum_ij w_ij z_i z_j */
static double
ls_cross(const SwWeights *g, const double *z)
{
	double		s = 0.0;

	for (uint32_t i = 0; i < g->n; i++)
	{
		double		lag = 0.0;

		for (uint64_t k = g->row[i]; k < g->row[i + 1]; k++)
			lag += g->e[k].w * z[g->e[k].j];
		s += z[i] * lag;
	}
	return s;
}

/*
 * PySAL's folded count: the number of permutations at least as extreme as
 * the observed value in the direction it lies (esda's p_sim).
 */
static double
ls_folded_p(int64_t larger, int32_t permutations)
{
	if (permutations - larger < larger)
		larger = permutations - larger;
	return (double) (larger + 1) / (double) (permutations + 1);
}

void
ls_morans_i(const SwWeights *g, const double *v, int32_t permutations,
			uint64_t seed, LsMoran *out, double *scratch)
{
	uint32_t	n = g->n;
	double	   *z = scratch;
	double	   *zp = scratch + n;
	double		ss,
				s0 = 0.0,
				scale;
	MsRng		rng;
	int			bits;
	int64_t		larger = 0;
	double		sum = 0.0,
				sumsq = 0.0;

	out->i = out->expected = out->perm_mean = out->perm_sd = NAN;
	out->z_sim = out->p_sim = NAN;
	if (n < 2)
		return;
	out->expected = -1.0 / (n - 1);
	for (uint64_t k = 0; k < g->nnz; k++)
		s0 += g->e[k].w;
	ss = ls_deviations(n, v, z);
	if (!(ss > 0.0) || !(s0 > 0.0))
		return;
	scale = n / (s0 * ss);
	out->i = scale * ls_cross(g, z);
	if (permutations <= 0)
		return;

	/* permuting the deviations leaves their mean and sum of squares */
	ms_rng_seed(&rng, seed);
	for (uint32_t i = 0; i < n; i++)
		zp[i] = z[i];
	for (int32_t p = 0; p < permutations; p++)
	{
		double		ip;

		/* Fisher-Yates shuffle, continuing from the previous permutation */
		for (uint32_t i = n - 1; i > 0; i--)
		{
			uint32_t	r;
			double		tmp;

			bits = ms_bits_below((uint64_t) i + 1);
			r = (uint32_t) ms_rng_below(&rng, (uint64_t) i + 1, bits);
			tmp = zp[i];
			zp[i] = zp[r];
			zp[r] = tmp;
		}
		ip = scale * ls_cross(g, zp);
		if (ip >= out->i)
			larger++;
		sum += ip;
		sumsq += ip * ip;
	}
	out->perm_mean = sum / permutations;
	out->perm_sd = sqrt(fmax(0.0, sumsq / permutations - out->perm_mean * out->perm_mean));
	out->z_sim = out->perm_sd > 0.0 ? (out->i - out->perm_mean) / out->perm_sd : NAN;
	out->p_sim = ls_folded_p(larger, permutations);
}

int
ls_local_morans_i(const SwWeights *g, const double *v, int32_t permutations,
				  uint64_t seed, double *local_i, double *lag, double *p_sim,
				  double *z, uint32_t *drawn, uint8_t *mark)
{
	uint32_t	n = g->n;
	double		m2;
	MsRng		rng;
	int			bits;

	for (uint32_t i = 0; i < n; i++)
		local_i[i] = lag[i] = p_sim[i] = NAN;
	if (n < 2)
		return -1;
	m2 = ls_deviations(n, v, z) / n;
	if (!(m2 > 0.0))
		return -1;
	for (uint32_t i = 0; i < n; i++)
	{
		double		l = 0.0;

		for (uint64_t k = g->row[i]; k < g->row[i + 1]; k++)
			l += g->e[k].w * z[g->e[k].j];
		lag[i] = l;
		local_i[i] = z[i] * l / m2 + 0.0;	/* + 0.0: no -0 for islands */
	}
	if (permutations <= 0)
		return 0;

	/*
	 * Conditional permutation.  For unit i with k_i neighbours, each draw
	 * takes k_i distinct units from the other n - 1, uniformly and in order:
	 * an index r uniform in 0 .. n - 2 stands for unit r (r < i) or r + 1
	 * (r >= i), and a unit already drawn in this sample is drawn again
	 * (mark[] says which; cleared after each sample).  The drawn values go
	 * to i's neighbours in the order of its row; a self weight keeps z_i.
	 */
	ms_rng_seed(&rng, seed);
	memset(mark, 0, n);
	bits = ms_bits_below((uint64_t) (n - 1));
	for (uint32_t i = 0; i < n; i++)
	{
		double		zi = z[i],
					self = 0.0;
		int64_t		larger = 0;

		if (sw_is_island(g, i))
			continue;
		for (uint64_t k = g->row[i]; k < g->row[i + 1]; k++)
			if (g->e[k].j == i)
				self = g->e[k].w;
		for (int32_t p = 0; p < permutations; p++)
		{
			double		l = self * zi;
			uint32_t	d = 0;

			for (uint64_t k = g->row[i]; k < g->row[i + 1]; k++)
			{
				uint32_t	u;

				if (g->e[k].j == i)
					continue;
				do
				{
					u = (uint32_t) ms_rng_below(&rng, (uint64_t) (n - 1), bits);
					u += u >= i;
				} while (mark[u]);
				mark[u] = 1;
				drawn[d++] = u;
				l += g->e[k].w * z[u];
			}
			while (d > 0)
				mark[drawn[--d]] = 0;
			if (zi * l / m2 >= local_i[i])
				larger++;
		}
		p_sim[i] = ls_folded_p(larger, permutations);
	}
	return 0;
}

void
ls_gi_star(const SwWeights *g, const double *v, double self_weight, double *z)
{
	uint32_t	n = g->n;
	double		mean = 0.0,
				sq = 0.0,
				s;

	for (uint32_t i = 0; i < n; i++)
	{
		mean += v[i];
		sq += v[i] * v[i];
	}
	mean /= n;
	s = sqrt(fmax(0.0, sq / n - mean * mean));
	for (uint32_t i = 0; i < n; i++)
	{
		double		wsum = 0.0,
					w2 = 0.0,
					num = 0.0,
					den;
		int			have_self = 0;

		for (uint64_t k = g->row[i]; k < g->row[i + 1]; k++)
		{
			double		w = g->e[k].w;

			if (g->e[k].j == i)
			{
				have_self = 1;
				if (!isnan(self_weight))
					w = self_weight;
			}
			wsum += w;
			w2 += w * w;
			num += w * v[g->e[k].j];
		}
		if (!have_self && !isnan(self_weight))
		{
			wsum += self_weight;
			w2 += self_weight * self_weight;
			num += self_weight * v[i];
		}
		num -= wsum * mean;
		den = n > 1 ? s * sqrt(fmax(0.0, (n * w2 - wsum * wsum) / (n - 1))) : 0.0;
		z[i] = den > 0.0 ? num / den : NAN;
	}
}

LsQuadrant
ls_quadrant(double z, double lag)
{
	if (z > 0.0)
		return lag > 0.0 ? LS_HIGH_HIGH : LS_HIGH_LOW;
	return lag > 0.0 ? LS_LOW_HIGH : LS_LOW_LOW;
}
