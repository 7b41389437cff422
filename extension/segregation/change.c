/*
 * change.c — Shapley decomposition of a change in M (see change.h).
 */
#include "change.h"

#include <math.h>
#include <string.h>

#include "multigroup.h"

typedef struct Table
{
	size_t		n;
	int			K;
	double	   *v;				/* n * K */
} Table;

static double *
zalloc(KeyMapAllocator mem, size_t count)
{
	double	   *p = mem.alloc(mem.ctx, (count ? count : 1) * sizeof(double));

	memset(p, 0, (count ? count : 1) * sizeof(double));
	return p;
}

/* M of a table (NAN when undefined). */
static double
table_m(const double *v, size_t n, int K, KeyMapAllocator mem)
{
	MgSums		s;

	s.K = K;
	s.total = zalloc(mem, K);
	s.sq = zalloc(mem, K);
	s.within = 0.0;
	s.n_units = 0;
	for (size_t i = 0; i < n; i++)
		mg_add_unit(&s, v + i * (size_t) K);
	return mg_mutual_information(&s);
}

static void
margins(const Table *t, double *rows, double *cols)
{
	double		T = 0.0;

	memset(rows, 0, t->n * sizeof(double));
	memset(cols, 0, t->K * sizeof(double));
	for (size_t i = 0; i < t->n; i++)
		for (int k = 0; k < t->K; k++)
		{
			double		x = t->v[i * t->K + k];

			rows[i] += x;
			cols[k] += x;
			T += x;
		}
	for (size_t i = 0; i < t->n; i++)
		rows[i] /= T;
	for (int k = 0; k < t->K; k++)
		cols[k] /= T;
}

/*
 * Scales src (all cells positive) to the row and column proportions given;
 * result in out.  Returns 0 if the margins are not reached.
 */
static int
ipf(const Table *src, const double *row_target, const double *col_target,
	double *out, double *rows, double *cols, void (*tick) (void *),
	void *tick_arg)
{
	size_t		n = src->n;
	int			K = src->K;
	double		T = 0.0;

	for (size_t c = 0; c < n * (size_t) K; c++)
		T += src->v[c];
	for (size_t c = 0; c < n * (size_t) K; c++)
		out[c] = src->v[c] / T;
	for (int iter = 0; iter < MG_IPF_MAX_ITERATIONS; iter++)
	{
		double		worst = 0.0;

		if (tick)
			tick(tick_arg);

		for (size_t i = 0; i < n; i++)
		{
			double		r = 0.0;

			for (int k = 0; k < K; k++)
				r += out[i * K + k];
			for (int k = 0; k < K; k++)
				out[i * K + k] *= row_target[i] / r;
		}
		memset(cols, 0, K * sizeof(double));
		for (size_t i = 0; i < n; i++)
			for (int k = 0; k < K; k++)
				cols[k] += out[i * K + k];
		for (size_t i = 0; i < n; i++)
			for (int k = 0; k < K; k++)
				out[i * K + k] *= col_target[k] / cols[k];
		/* columns now match; measure the rows */
		for (size_t i = 0; i < n; i++)
		{
			double		r = 0.0;

			for (int k = 0; k < K; k++)
				r += out[i * K + k];
			rows[i] = r;
			worst = fmax(worst, fabs(r - row_target[i]));
		}
		if (worst <= MG_IPF_TOLERANCE)
			return 1;
	}
	return 0;
}

/*
 * The common support: groups with members in both periods, units with
 * members of those groups in both periods, repeated until stable (dropping
 * units can empty a group).  Marks in unit_in / group_in.
 */
static void
common_support(const double *t1, const double *t2, size_t n, int K,
			   char *unit_in, char *group_in)
{
	int			changed = 1;

	memset(unit_in, 1, n);
	memset(group_in, 1, K);
	while (changed)
	{
		changed = 0;
		for (int k = 0; k < K; k++)
		{
			double		s1 = 0.0,
						s2 = 0.0;

			if (!group_in[k])
				continue;
			for (size_t i = 0; i < n; i++)
				if (unit_in[i])
				{
					s1 += t1[i * K + k];
					s2 += t2[i * K + k];
				}
			if (!(s1 > 0.0 && s2 > 0.0))
			{
				group_in[k] = 0;
				changed = 1;
			}
		}
		for (size_t i = 0; i < n; i++)
		{
			double		s1 = 0.0,
						s2 = 0.0;

			if (!unit_in[i])
				continue;
			for (int k = 0; k < K; k++)
				if (group_in[k])
				{
					s1 += t1[i * K + k];
					s2 += t2[i * K + k];
				}
			if (!(s1 > 0.0 && s2 > 0.0))
			{
				unit_in[i] = 0;
				changed = 1;
			}
		}
	}
}

MgChangeStatus
mg_change(const double *t1, const double *t2, size_t n, int K,
		  KeyMapAllocator mem, void (*tick) (void *), void *tick_arg,
		  MgChange *out)
{
	char	   *unit_in = mem.alloc(mem.ctx, n ? n : 1);
	char	   *group_in = mem.alloc(mem.ctx, K ? K : 1);
	size_t		nc = 0;
	int			Kc = 0;
	double		min_pos = INFINITY,
				fill = 1e-10;
	Table		A0,
				B0,
				A,
				B;
	double	   *rowsA,
			   *colsA,
			   *rowsB,
			   *colsB,
			   *rows,
			   *cols,
			   *adj;
	double		m_AAA,
				m_BBB,
				m_BBA,
				m_ABA,
				m_BAA,
				m_AAB,
				m_BAB,
				m_ABB;

	out->m1 = table_m(t1, n, K, mem);
	out->m2 = table_m(t2, n, K, mem);
	if (isnan(out->m1) || isnan(out->m2))
		return MG_CHANGE_UNDEFINED;
	out->difference = out->m2 - out->m1;

	common_support(t1, t2, n, K, unit_in, group_in);
	for (size_t i = 0; i < n; i++)
		nc += unit_in[i];
	for (int k = 0; k < K; k++)
		Kc += group_in[k];
	if (nc == 0 || Kc < 2)
		return MG_CHANGE_NO_COMMON;

	A0.n = B0.n = A.n = B.n = nc;
	A0.K = B0.K = A.K = B.K = Kc;
	A0.v = zalloc(mem, nc * Kc);
	B0.v = zalloc(mem, nc * Kc);
	A.v = zalloc(mem, nc * Kc);
	B.v = zalloc(mem, nc * Kc);
	{
		size_t		r = 0;

		for (size_t i = 0; i < n; i++)
		{
			int			c = 0;

			if (!unit_in[i])
				continue;
			for (int k = 0; k < K; k++)
			{
				if (!group_in[k])
					continue;
				A0.v[r * Kc + c] = t1[i * K + k];
				B0.v[r * Kc + c] = t2[i * K + k];
				c++;
			}
			r++;
		}
	}
	/* Elbers: a fill far below the smallest count keeps IPF defined */
	for (size_t c = 0; c < nc * (size_t) Kc; c++)
	{
		if (A0.v[c] > 0.0)
			min_pos = fmin(min_pos, A0.v[c]);
		if (B0.v[c] > 0.0)
			min_pos = fmin(min_pos, B0.v[c]);
	}
	if (fill > min_pos)
		fill = min_pos / 1000.0;
	for (size_t c = 0; c < nc * (size_t) Kc; c++)
	{
		A.v[c] = A0.v[c] > 0.0 ? A0.v[c] : fill;
		B.v[c] = B0.v[c] > 0.0 ? B0.v[c] : fill;
	}

	m_AAA = table_m(A0.v, nc, Kc, mem);
	m_BBB = table_m(B0.v, nc, Kc, mem);

	rowsA = zalloc(mem, nc);
	colsA = zalloc(mem, Kc);
	rowsB = zalloc(mem, nc);
	colsB = zalloc(mem, Kc);
	rows = zalloc(mem, nc);
	cols = zalloc(mem, Kc);
	adj = zalloc(mem, nc * Kc);
	margins(&A, rowsA, colsA);
	margins(&B, rowsB, colsB);

	/* m_XYZ: groups as in X, units as in Y, structure of Z */
#define ADJUST(src, r, c, m) \
	do { \
		if (!ipf(&(src), (r), (c), adj, rows, cols, tick, tick_arg)) \
			return MG_CHANGE_NO_CONVERGENCE; \
		(m) = table_m(adj, nc, Kc, mem); \
	} while (0)

	ADJUST(A, rowsB, colsB, m_BBA);
	ADJUST(A, rowsB, colsA, m_ABA);
	ADJUST(A, rowsA, colsB, m_BAA);
	ADJUST(B, rowsA, colsA, m_AAB);
	ADJUST(B, rowsA, colsB, m_BAB);
	ADJUST(B, rowsB, colsA, m_ABB);
#undef ADJUST

	out->additions = out->m2 - m_BBB;
	out->removals = m_AAA - out->m1;
	out->structural = 0.5 * (m_AAB - m_AAA) + 0.5 * (m_BBB - m_BBA);
	out->group_marginal = 0.25 * ((m_BAA - m_AAA) + (m_BBA - m_ABA) +
								  (m_BBB - m_ABB) + (m_BAB - m_AAB));
	out->unit_marginal = 0.25 * ((m_ABA - m_AAA) + (m_BBA - m_BAA) +
								 (m_BBB - m_BAB) + (m_ABB - m_AAB));
	return MG_CHANGE_OK;
}
