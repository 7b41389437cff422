/*
 * spatial_indices.c — spatial segregation indices over sparse weights (see
 * spatial_indices.h).  Every double sum runs over units in canonical order
 * and over each row's columns ascending, so results do not depend on the
 * order the queries returned rows in.
 */
#include "spatial_indices.h"

#include <math.h>
#include <stdlib.h>

static void
spx_totals(uint32_t n, const double *x, const double *t, double *X, double *T)
{
	double		sx = 0.0,
				st = 0.0;

	for (uint32_t i = 0; i < n; i++)
	{
		sx += x[i];
		st += t[i];
	}
	*X = sx;
	*T = st;
}

/* e(q) = -q ln q - (1-q) ln(1-q), with 0 ln 0 = 0 (binary entropy). */
static double
spx_entropy(double q)
{
	double		e = 0.0;

	if (q > 0.0)
		e -= q * log(q);
	if (q < 1.0)
		e -= (1.0 - q) * log1p(-q);
	return e;
}

/* Duncan & Duncan 1955: D = 1/2 sum_i |x_i/X - y_i/Y|. */
double
spx_dissimilarity(uint32_t n, const double *x, const double *t)
{
	double		X,
				T,
				Y,
				s = 0.0;

	spx_totals(n, x, t, &X, &T);
	Y = T - X;
	if (!(X > 0.0) || !(Y > 0.0))
		return NAN;
	for (uint32_t i = 0; i < n; i++)
		s += fabs(x[i] / X - (t[i] - x[i]) / Y);
	return 0.5 * s;
}

/*
 * Morrill 1991: D(adj) = D - sum_i sum_j c_ij |p_i - p_j| / sum_i sum_j c_ij,
 * c_ij binary contiguity.  Wong 1993: D(w) is the same expression with
 * c_ij = shared boundary length (his w_ij = b_ij / sum b), and D(s)
 * multiplies each pair's term by (PA_i + PA_j) / (2 max PA), PA the
 * perimeter/area ratio.  A unit without people has no share p: its pairs are
 * left out of both sums (PySAL sets p = 0 there instead).
 */
double
spx_adjusted_dissimilarity(const SwWeights *g, const double *x,
						   const double *t, const double *shape)
{
	double		D = spx_dissimilarity(g->n, x, t);
	double		num = 0.0,
				den = 0.0,
				max_shape = 0.0;

	if (isnan(D))
		return NAN;
	if (shape != NULL)
	{
		for (uint32_t i = 0; i < g->n; i++)
			if (shape[i] > max_shape)
				max_shape = shape[i];
		if (!(max_shape > 0.0))
			return NAN;
	}
	for (uint32_t i = 0; i < g->n; i++)
	{
		double		pi;

		if (!(t[i] > 0.0))
			continue;
		pi = x[i] / t[i];
		for (uint64_t k = g->row[i]; k < g->row[i + 1]; k++)
		{
			uint32_t	j = g->e[k].j;
			double		c = g->e[k].w,
						term;

			if (!(t[j] > 0.0))
				continue;
			term = c * fabs(pi - x[j] / t[j]);
			if (shape != NULL)
				term *= (shape[i] + shape[j]) / (2.0 * max_shape);
			num += term;
			den += c;
		}
	}
	if (!(den > 0.0))
		return NAN;
	return D - num / den;
}

/*
 * The double sums sum_i sum_j a_i b_j c_ij for (a, b) = (x, x), (y, y),
 * (t, t) and (x, t), in one pass.
 */
typedef struct SpxPairSums
{
	double		xx,
				yy,
				tt,
				xt,
				c;				/* sum of all c_ij */
} SpxPairSums;

static void
spx_pair_sums(const SwWeights *g, const double *x, const double *t,
			  SpxPairSums *s)
{
	s->xx = s->yy = s->tt = s->xt = s->c = 0.0;
	for (uint32_t i = 0; i < g->n; i++)
	{
		double		cx = 0.0,
					cy = 0.0,
					ct = 0.0,
					cs = 0.0;

		for (uint64_t k = g->row[i]; k < g->row[i + 1]; k++)
		{
			uint32_t	j = g->e[k].j;
			double		c = g->e[k].w;

			cx += c * x[j];
			cy += c * (t[j] - x[j]);
			ct += c * t[j];
			cs += c;
		}
		s->xx += x[i] * cx;
		s->yy += (t[i] - x[i]) * cy;
		s->tt += t[i] * ct;
		s->xt += x[i] * ct;
		s->c += cs;
	}
}

/*
 * White 1983: SP = (X Pxx + Y Pyy) / (T Ptt) with Pxx = sum x_i x_j c_ij / X^2,
 * Pyy = sum y_i y_j c_ij / Y^2, Ptt = sum t_i t_j c_ij / T^2.
 */
double
spx_spatial_proximity(const SwWeights *g, const double *x, const double *t)
{
	double		X,
				T,
				Y;
	SpxPairSums s;
	double		pxx,
				pyy,
				ptt;

	spx_totals(g->n, x, t, &X, &T);
	Y = T - X;
	if (!(X > 0.0) || !(Y > 0.0))
		return NAN;
	spx_pair_sums(g, x, t, &s);
	pxx = s.xx / (X * X);
	pyy = s.yy / (Y * Y);
	ptt = s.tt / (T * T);
	if (!(ptt > 0.0))
		return NAN;
	return (X * pxx + Y * pyy) / (T * ptt);
}

/*
 * Massey & Denton 1988:
 * ACL = [sum_i (x_i/X) sum_j c_ij x_j - (X/n^2) sum_ij c_ij]
 *     / [sum_i (x_i/X) sum_j c_ij t_j - (X/n^2) sum_ij c_ij].
 */
double
spx_absolute_clustering(const SwWeights *g, const double *x, const double *t)
{
	double		X,
				T,
				n = (double) g->n,
				num,
				den;
	SpxPairSums s;

	spx_totals(g->n, x, t, &X, &T);
	if (!(X > 0.0) || !(T - X > 0.0))
		return NAN;
	spx_pair_sums(g, x, t, &s);
	num = s.xx / X - (X / (n * n)) * s.c;
	den = s.xt / X - (X / (n * n)) * s.c;
	if (den == 0.0)
		return NAN;
	return num / den;
}

/* Massey & Denton 1988: RCL = Pxx / Pyy - 1. */
double
spx_relative_clustering(const SwWeights *g, const double *x, const double *t)
{
	double		X,
				T,
				Y;
	SpxPairSums s;

	spx_totals(g->n, x, t, &X, &T);
	Y = T - X;
	if (!(X > 0.0) || !(Y > 0.0))
		return NAN;
	spx_pair_sums(g, x, t, &s);
	if (!(s.yy > 0.0))
		return NAN;
	return (s.xx / (X * X)) / (s.yy / (Y * Y)) - 1.0;
}

/*
 * Morgan 1983, as written by Massey & Denton 1988:
 * DPxx = sum_i (x_i/X) sum_j K_ij x_j / t_j,
 * K_ij = c_ij t_j / sum_j c_ij t_j, so K_ij x_j / t_j = c_ij x_j / sum_j c_ij t_j
 * (no division by an empty unit's t_j).  DPxy uses y_j instead of x_j.
 */
double
spx_decay_exposure(const SwWeights *g, const double *x, const double *t,
				   int isolation, int64_t *bad_unit)
{
	double		X,
				T,
				sum = 0.0;

	*bad_unit = -1;
	spx_totals(g->n, x, t, &X, &T);
	if (!(X > 0.0) || !(T - X > 0.0))
		return NAN;
	for (uint32_t i = 0; i < g->n; i++)
	{
		double		ct = 0.0,
					cg = 0.0;

		if (!(x[i] > 0.0))
			continue;
		for (uint64_t k = g->row[i]; k < g->row[i + 1]; k++)
		{
			uint32_t	j = g->e[k].j;
			double		c = g->e[k].w;

			ct += c * t[j];
			cg += c * (isolation ? x[j] : t[j] - x[j]);
		}
		if (!(ct > 0.0))
		{
			*bad_unit = i;
			return NAN;
		}
		sum += (x[i] / X) * (cg / ct);
	}
	return sum;
}

/*
 * Reardon & O'Sullivan 2004, two groups: the local environment of unit i
 * has population t~_i = sum_j k_ij t_j and group share
 * p~_i = sum_j k_ij x_j / t~_i; H~ = 1 - sum_i t_i e(p~_i) / (T e(P)), e the
 * binary entropy (natural logarithm; the base cancels).
 */
double
spx_spatial_information(const SwWeights *g, const double *x, const double *t,
						int64_t *bad_unit)
{
	double		X,
				T,
				E,
				sum = 0.0;

	*bad_unit = -1;
	spx_totals(g->n, x, t, &X, &T);
	if (!(X > 0.0) || !(T - X > 0.0))
		return NAN;
	E = spx_entropy(X / T);
	for (uint32_t i = 0; i < g->n; i++)
	{
		double		lt = 0.0,
					lx = 0.0,
					q;

		if (!(t[i] > 0.0))
			continue;
		for (uint64_t k = g->row[i]; k < g->row[i + 1]; k++)
		{
			uint32_t	j = g->e[k].j;
			double		c = g->e[k].w;

			lt += c * t[j];
			lx += c * x[j];
		}
		if (!(lt > 0.0))
		{
			*bad_unit = i;
			return NAN;
		}
		q = lx / lt;
		if (q > 1.0)
			q = 1.0;			/* rounding */
		sum += t[i] * spx_entropy(q);
	}
	return 1.0 - sum / (T * E);
}

static int
spx_item_cmp(const void *a, const void *b)
{
	double		da = ((const SpxCentreItem *) a)->distance;
	double		db = ((const SpxCentreItem *) b)->distance;

	return (da > db) - (da < db);
}

/*
 * Massey & Denton 1988: with units in order of increasing distance from the
 * centre and X_i, B_i the cumulative shares of a and b up to unit i,
 * index = sum_i X_{i-1} B_i - sum_i X_i B_{i-1} (X_0 = B_0 = 0).  ACE takes
 * b = area, RCE b = y.  Units at the same distance are one step (summed), so
 * the order of ties does not matter.
 */
double
spx_centralization(SpxCentreItem *items, uint32_t n)
{
	double		A = 0.0,
				B = 0.0,
				ca = 0.0,
				cb = 0.0,
				prev_a = 0.0,
				prev_b = 0.0,
				s1 = 0.0,
				s2 = 0.0;
	uint32_t	i = 0;

	for (uint32_t k = 0; k < n; k++)
	{
		A += items[k].a;
		B += items[k].b;
	}
	if (!(A > 0.0) || !(B > 0.0))
		return NAN;
	qsort(items, n, sizeof(SpxCentreItem), spx_item_cmp);
	while (i < n)
	{
		uint32_t	k = i;
		double		xa,
					xb;

		while (k < n && items[k].distance == items[i].distance)
		{
			ca += items[k].a;
			cb += items[k].b;
			k++;
		}
		xa = ca / A;
		xb = cb / B;
		s1 += prev_a * xb;
		s2 += xa * prev_b;
		prev_a = xa;
		prev_b = xb;
		i = k;
	}
	return s1 - s2;
}
