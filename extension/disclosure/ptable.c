/*
 * ptable.c — building, validating and looking up perturbation tables
 * (see ptable.h).
 *
 * The builder solves, for every row i, the maximum-entropy problem of
 * Giessing (2016), as the sdcTools ptable package does:
 *
 *   maximise  -sum p_k log p_k   over the row's targets j_k, v_k = j_k - i
 *   subject to sum p_k = 1, sum p_k v_k = 0, sum p_k v_k^2 = V,
 *              and, if monotone, p_k non-decreasing up to j_k = i.
 *
 * Without the monotonicity constraints the solution is p_k proportional to
 * exp(l1 v_k + l2 v_k^2); (l1, l2) minimise the convex dual
 * F(l) = log sum exp(l1 v_k + l2 v_k^2) - l2 V, whose gradient is
 * (E v, E v^2 - V).  The monotonicity constraints add multipliers that, for
 * a given l, turn the exponents of the constrained part into their
 * isotonic (pool-adjacent-violators) fit: the KKT conditions of the pooled
 * problem are those of least-squares isotonic regression of the exponents.
 * F stays convex (a partial minimum of a jointly convex function), and a
 * damped Newton method on the two multipliers converges in a few steps.
 * The result is checked against the constraints before it is returned.
 */
#include "ptable.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PT_MAX_ROW (2 * PT_MAX_D + 1)

/* Targets j of row i, ascending; returns their number. */
static int
row_targets(int64_t i, int D, int js, int64_t *j)
{
	int64_t		lo = i - D > 0 ? i - D : 0;
	int			n = 0;

	for (int64_t t = lo; t <= i + D; t++)
		if (t == 0 || t > js)
			j[n++] = t;
	return n;
}

static int
row_count(int D, int js)
{
	return js == 0 ? D : D + js + 1;
}

const char *
pt_check_params(int D, double V, int js, char *err, size_t errlen)
{
	int64_t		j[PT_MAX_ROW];

	if (D < 1 || D > PT_MAX_D)
	{
		snprintf(err, errlen, "D = %d is out of range: the maximum deviation must be between 1 and %d", D, PT_MAX_D);
		return err;
	}
	if (js < 0 || js >= D)
	{
		snprintf(err, errlen, "the parameter js = %d is out of range: it must be between 0 and D - 1 = %d, so that a count of js can move both to 0 and above js", js, D - 1);
		return err;
	}
	if (!isfinite(V) || V <= 0.0)
	{
		snprintf(err, errlen, isnan(V) ? "V is NaN: the variance must be positive and finite" : "V = %g is out of range: the variance must be positive and finite", V);
		return err;
	}
	if (V > D * (D + 1.0) / 3.0)
	{
		snprintf(err, errlen, "V = %g is too large for D = %d: above D (D + 1) / 3 = %g, the variance of a uniform deviation on -D..D, a change by D would be likelier than no change", V, D, D * (D + 1.0) / 3.0);
		return err;
	}
	for (int64_t i = 1; i <= row_count(D, js); i++)
	{
		int			n = row_targets(i, D, js, j);
		int64_t		neg_far = 0,
					neg_near = 0,
					pos_near = 0,
					pos_far = 0;
		int			has_zero = 0;
		double		vmin,
					vmax;

		for (int k = 0; k < n; k++)
		{
			int64_t		v = j[k] - i;

			if (v < 0)
			{
				if (neg_far == 0)
					neg_far = -v;
				neg_near = -v;
			}
			else if (v == 0)
				has_zero = 1;
			else
			{
				if (pos_near == 0)
					pos_near = v;
				pos_far = v;
			}
		}
		/* mean-zero distributions on the targets have variances in (vmin, vmax) */
		vmin = has_zero ? 0.0 : (double) neg_near * (double) pos_near;
		vmax = (double) neg_far * (double) pos_far;
		if (!(V > vmin && V < vmax))
		{
			snprintf(err, errlen, "V = %g cannot be met in row i = %lld: with D = %d and js = %d an unbiased deviation of a count of %lld has a variance strictly between %g and %g",
					 V, (long long) i, D, js, (long long) i, vmin, vmax);
			return err;
		}
	}
	return NULL;
}

size_t
pt_build_size(int D, int js)
{
	int64_t		j[PT_MAX_ROW];
	size_t		n = 1;

	for (int64_t i = 1; i <= row_count(D, js); i++)
		n += (size_t) row_targets(i, D, js, j);
	return n;
}

/* One row's dual: F, gradient and Hessian at (l1, l2), and p if asked. */
typedef struct RowDual
{
	int			n;
	int			z;				/* monotone over indices 0..z; -1 for none */
	const double *v;
	double		V;
} RowDual;

static double
row_dual(const RowDual *r, double l1, double l2, double g[2], double H[3],
		 double *p)
{
	double		theta[PT_MAX_ROW];
	double		fit[PT_MAX_ROW];
	int			bstart[PT_MAX_ROW];
	double		bsum[PT_MAX_ROW];
	int			nb = 0;
	double		m = -INFINITY,
				Z = 0.0,
				e1 = 0.0,
				e2 = 0.0,
				s11 = 0.0,
				s12 = 0.0,
				s22 = 0.0;

	for (int k = 0; k < r->n; k++)
		theta[k] = l1 * r->v[k] + l2 * r->v[k] * r->v[k];

	/* pool adjacent violators: the non-decreasing fit of theta[0..z] */
	for (int k = 0; k <= r->z; k++)
	{
		bstart[nb] = k;
		bsum[nb] = theta[k];
		nb++;
		while (nb > 1 &&
			   bsum[nb - 2] / (bstart[nb - 1] - bstart[nb - 2]) >
			   bsum[nb - 1] / (k + 1 - bstart[nb - 1]))
		{
			bsum[nb - 2] += bsum[nb - 1];
			nb--;
		}
	}
	for (int b = 0; b < nb; b++)
	{
		int			end = b + 1 < nb ? bstart[b + 1] : r->z + 1;
		double		mean = bsum[b] / (end - bstart[b]);

		for (int k = bstart[b]; k < end; k++)
			fit[k] = mean;
	}
	for (int k = r->z + 1; k < r->n; k++)
		fit[k] = theta[k];

	for (int k = 0; k < r->n; k++)
		if (fit[k] > m)
			m = fit[k];
	for (int k = 0; k < r->n; k++)
		Z += exp(fit[k] - m);

	/*
	 * Moments of the pooled features: within a block the features are
	 * replaced by their block means (the gradient is the same either way;
	 * the Hessian is that of the pooled problem).  Indices after z are
	 * blocks of one.
	 */
	for (int b = 0; b < nb + (r->n - r->z - 1); b++)
	{
		int			from = b < nb ? bstart[b] : r->z + 1 + (b - nb);
		int			end = b < nb ? (b + 1 < nb ? bstart[b + 1] : r->z + 1) : from + 1;
		double		f1 = 0.0,
					f2 = 0.0,
					w;

		for (int k = from; k < end; k++)
		{
			f1 += r->v[k];
			f2 += r->v[k] * r->v[k];
		}
		w = (end - from) * exp(fit[from] - m) / Z;
		f1 /= end - from;
		f2 /= end - from;
		e1 += w * f1;
		e2 += w * f2;
		s11 += w * f1 * f1;
		s12 += w * f1 * f2;
		s22 += w * f2 * f2;
	}
	g[0] = e1;
	g[1] = e2 - r->V;
	H[0] = s11 - e1 * e1;
	H[1] = s12 - e1 * e2;
	H[2] = s22 - e2 * e2;
	if (p)
		for (int k = 0; k < r->n; k++)
			p[k] = exp(fit[k] - m) / Z;
	return m + log(Z) - l2 * r->V;
}

/* Damped Newton on the dual; returns 0 when the constraints hold. */
static int
solve_row(const RowDual *r, double *p)
{
	double		l[2] = {0.0, 0.0};
	double		g[2],
				H[3];
	double		scale1 = r->v[r->n - 1] - r->v[0];
	double		scale2 = scale1 * scale1;
	double		F = row_dual(r, l[0], l[1], g, H, NULL);
	double		mean = 0.0,
				var = 0.0;

	for (int iter = 0; iter < 200; iter++)
	{
		double		det = H[0] * H[2] - H[1] * H[1];
		double		d[2],
					slope,
					t = 1.0;
		int			accepted = 0;

		if (fabs(g[0]) <= 1e-16 * scale1 && fabs(g[1]) <= 1e-16 * scale2)
			break;
		if (det > 1e-14 * H[0] * H[2] && det > 0.0)
		{
			d[0] = -(H[2] * g[0] - H[1] * g[1]) / det;
			d[1] = -(H[0] * g[1] - H[1] * g[0]) / det;
		}
		else
		{
			/* singular Hessian: a scaled gradient step */
			double		h = H[0] + H[2] > 0.0 ? H[0] + H[2] : 1.0;

			d[0] = -g[0] / h;
			d[1] = -g[1] / h;
		}
		slope = g[0] * d[0] + g[1] * d[1];
		if (!(slope < 0.0))
			break;
		for (int halvings = 0; halvings < 60; halvings++, t *= 0.5)
		{
			double		g2[2],
						H2[3];
			double		F2 = row_dual(r, l[0] + t * d[0], l[1] + t * d[1], g2, H2, NULL);

			/*
			 * Armijo on F, or, near the optimum where F's decrease drowns in
			 * rounding, a full Newton step that shrinks the scaled gradient.
			 */
			if (isfinite(F2) &&
				(F2 <= F + 1e-4 * t * slope ||
				 (halvings == 0 &&
				  fabs(g2[0]) / scale1 + fabs(g2[1]) / scale2 <
				  0.5 * (fabs(g[0]) / scale1 + fabs(g[1]) / scale2))))
			{
				l[0] += t * d[0];
				l[1] += t * d[1];
				F = F2;
				memcpy(g, g2, sizeof(g2));
				memcpy(H, H2, sizeof(H2));
				accepted = 1;
				break;
			}
		}
		if (!accepted)
			break;
	}
	row_dual(r, l[0], l[1], g, H, p);

	/* Accept only what meets the constraints, recomputed from p. */
	for (int k = 0; k < r->n; k++)
		mean += p[k] * r->v[k];
	for (int k = 0; k < r->n; k++)
		var += p[k] * (r->v[k] - mean) * (r->v[k] - mean);
	for (int k = 0; k < r->z; k++)
		if (p[k] > p[k + 1])
			return -1;
	return fabs(mean) <= 1e-10 * scale1 && fabs(var - r->V) <= 1e-9 * scale2 ? 0 : -1;
}

const char *
pt_build(int D, double V, int js, int monotone, PtEntry *out, char *err,
		 size_t errlen)
{
	int64_t		j[PT_MAX_ROW];
	double		v[PT_MAX_ROW],
				p[PT_MAX_ROW];
	size_t		pos = 0;

	if (pt_check_params(D, V, js, err, errlen))
		return err;
	out[pos++] = (PtEntry) {0, 0, 1.0};
	for (int64_t i = 1; i <= row_count(D, js); i++)
	{
		RowDual		r;
		int			n = row_targets(i, D, js, j);

		r.n = n;
		r.z = -1;
		r.v = v;
		r.V = V;
		for (int k = 0; k < n; k++)
		{
			v[k] = (double) (j[k] - i);
			if (monotone && j[k] == i)
				r.z = k;
		}
		if (solve_row(&r, p) != 0)
		{
			snprintf(err, errlen, "the constraints of row i = %lld cannot all hold with D = %d, V = %g, js = %d%s",
					 (long long) i, D, V, js,
					 monotone ? " and monotone probabilities (try monotone => false, a smaller V or a larger D)" : "");
			return err;
		}
		for (int k = 0; k < n; k++)
			out[pos++] = (PtEntry) {i, j[k], p[k]};
	}
	return NULL;
}

static int
entry_cmp(const void *a, const void *b)
{
	const PtEntry *x = a,
			   *y = b;

	if (x->i != y->i)
		return x->i < y->i ? -1 : 1;
	if (x->j != y->j)
		return x->j < y->j ? -1 : 1;
	return 0;
}

const char *
pt_validate(PtEntry *e, size_t n, int64_t *imax, char *err, size_t errlen)
{
	size_t		row_begin = 0;

	if (n == 0)
	{
		snprintf(err, errlen, "the perturbation table has no entries");
		return err;
	}
	if (n > PT_MAX_ENTRIES)
	{
		snprintf(err, errlen, "the perturbation table has %zu entries, more than %d", n, PT_MAX_ENTRIES);
		return err;
	}
	for (size_t k = 0; k < n; k++)
	{
		if (e[k].i < 0 || e[k].i >= PT_MAX_ROWS || e[k].j < 0 || e[k].j > PT_MAX_COUNT)
		{
			snprintf(err, errlen, "entry (i = %lld, j = %lld) is out of range: counts must be between 0 and %d, rows i below %d",
					 (long long) e[k].i, (long long) e[k].j, PT_MAX_COUNT, PT_MAX_ROWS);
			return err;
		}
		if (!(e[k].p >= 0.0 && e[k].p <= 1.0))
		{
			snprintf(err, errlen, "entry (i = %lld, j = %lld) has probability %g, outside [0, 1]",
					 (long long) e[k].i, (long long) e[k].j, e[k].p);
			return err;
		}
	}
	qsort(e, n, sizeof(PtEntry), entry_cmp);
	if (e[0].i != 0)
	{
		snprintf(err, errlen, "row i = 0 is missing: a perturbation table must say that zeros stay zero");
		return err;
	}
	for (size_t k = 0; k <= n; k++)
	{
		double		sum = 0.0;

		if (k < n && k > 0 && e[k].i == e[k - 1].i && e[k].j == e[k - 1].j)
		{
			snprintf(err, errlen, "entry (i = %lld, j = %lld) appears twice",
					 (long long) e[k].i, (long long) e[k].j);
			return err;
		}
		if (k < n && e[k].i == e[row_begin].i)
			continue;
		/* the row e[row_begin..k) is complete */
		for (size_t r = row_begin; r < k; r++)
			sum += e[r].p;
		if (e[row_begin].i == 0)
		{
			for (size_t r = row_begin; r < k; r++)
				if (e[r].j != 0 && e[r].p != 0.0)
				{
					snprintf(err, errlen, "row i = 0 publishes %lld with probability %g: zeros must stay zero",
							 (long long) e[r].j, e[r].p);
					return err;
				}
		}
		if (!(fabs(sum - 1.0) <= PT_SUM_TOLERANCE))
		{
			snprintf(err, errlen, "the probabilities of row i = %lld sum to %.12g, not 1",
					 (long long) e[row_begin].i, sum);
			return err;
		}
		if (k < n && e[k].i != e[row_begin].i + 1)
		{
			snprintf(err, errlen, "row i = %lld is missing: rows 0 to %lld must all be present (the last row is used for every larger count)",
					 (long long) (e[row_begin].i + 1), (long long) e[n - 1].i);
			return err;
		}
		row_begin = k;
	}
	*imax = e[n - 1].i;
	return NULL;
}

void
pt_index(const PtEntry *e, size_t n, int64_t imax, size_t *row_start,
		 double *ub, Ptable *pt)
{
	int64_t		row = -1;
	double		cum = 0.0;

	for (size_t k = 0; k < n; k++)
	{
		if (e[k].i != row)
		{
			row = e[k].i;
			row_start[row] = k;
			cum = 0.0;
		}
		cum += e[k].p;
		ub[k] = cum;
	}
	row_start[imax + 1] = n;
	/* every key finds an entry: the last positive entry of a row ends at 1 */
	for (int64_t r = 0; r <= imax; r++)
	{
		size_t		last = row_start[r + 1];

		while (last > row_start[r] && e[last - 1].p == 0.0)
			ub[--last] = 1.0;
		if (last > row_start[r])
			ub[last - 1] = 1.0;
	}
	pt->entries = e;
	pt->n_entries = n;
	pt->imax = imax;
	pt->row_start = row_start;
	pt->ub = ub;
}

int
pt_lookup(const Ptable *pt, int64_t n, double c, int64_t *published)
{
	int64_t		r = n < pt->imax ? n : pt->imax;
	size_t		lo = pt->row_start[r],
				hi = pt->row_start[r + 1] - 1;
	int64_t		v;

	/* the first entry with c < ub (ub is non-decreasing, the last is 1) */
	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;

		if (c < pt->ub[mid])
			hi = mid;
		else
			lo = mid + 1;
	}
	v = pt->entries[lo].j - r;
	if (v > 0 && n > INT64_MAX - v)
		return -1;
	*published = n + v;
	return 0;
}

void
pt_row_stats(const PtEntry *e, size_t from, size_t to, PtRowStats *s)
{
	memset(s, 0, sizeof(*s));
	s->i = e[from].i;
	s->min_positive_target = -1;
	for (size_t k = from; k < to; k++)
	{
		int64_t		v = e[k].j - e[k].i;

		if (e[k].p <= 0.0)
			continue;
		s->entries++;
		s->p_sum += e[k].p;
		s->mean += e[k].p * (double) v;
		if (v == 0)
			s->p_stay = e[k].p;
		if (e[k].j > 0 && (s->min_positive_target < 0 || e[k].j < s->min_positive_target))
			s->min_positive_target = e[k].j;
		if ((v < 0 ? -v : v) > s->max_deviation)
			s->max_deviation = v < 0 ? -v : v;
	}
	for (size_t k = from; k < to; k++)
	{
		double		d = (double) (e[k].j - e[k].i) - s->mean;

		s->variance += e[k].p * d * d;
	}
}
