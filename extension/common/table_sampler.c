/*
 * table_sampler.c — tabulated binomial and Poisson laws (see
 * table_sampler.h).
 */
#include "table_sampler.h"

#include <string.h>

/* Outcomes whose weight falls below this share of the mode's are left out. */
#define TAIL_WEIGHT 0x1.0p-64

/* One law with its parameters fixed: Binomial(n, p) or Poisson(rate). */
typedef struct Law
{
	MsLaw		law;
	double		n;				/* binomial trials */
	double		r;				/* binomial p / (1 - p) */
	double		rate;			/* Poisson mean */
	int64_t		max;			/* the largest possible outcome */
	int64_t		mode;
} Law;

static Law
law_for(MsLaw law, double param, int64_t size)
{
	Law			l;

	l.law = law;
	if (law == MS_LAW_BINOMIAL)
	{
		l.n = (double) size;
		l.r = param / (1.0 - param);
		l.rate = 0.0;
		l.max = size;
		l.mode = (int64_t) (((double) size + 1.0) * param);
		if (l.mode > size)
			l.mode = size;
	}
	else
	{
		l.n = 0.0;
		l.r = 0.0;
		l.rate = param * (double) size;
		l.max = INT64_MAX;
		l.mode = (int64_t) l.rate;
	}
	return l;
}

/* w(k + 1) / w(k) */
static double
ratio_up(const Law *l, int64_t k)
{
	if (l->law == MS_LAW_BINOMIAL)
		return (l->n - (double) k) / ((double) k + 1.0) * l->r;
	return l->rate / ((double) k + 1.0);
}

/* w(k - 1) / w(k), k >= 1 */
static double
ratio_down(const Law *l, int64_t k)
{
	if (l->law == MS_LAW_BINOMIAL)
		return (double) k / ((l->n - (double) k + 1.0) * l->r);
	return (double) k / l->rate;
}

/*
 * The outcomes lo .. hi whose weight relative to the mode reaches
 * TAIL_WEIGHT, walking out from the mode; 0 if more than MS_TABLE_MAX_LEN.
 */
static int
law_extent(const Law *l, int64_t *lo, int64_t *hi)
{
	double		w = 1.0;

	*lo = *hi = l->mode;
	while (*lo > 0 && (w *= ratio_down(l, *lo)) >= TAIL_WEIGHT)
	{
		if (*hi - *lo + 2 > MS_TABLE_MAX_LEN)
			return 0;
		(*lo)--;
	}
	w = 1.0;
	while (*hi < l->max && (w *= ratio_up(l, *hi)) >= TAIL_WEIGHT)
	{
		if (*hi - *lo + 2 > MS_TABLE_MAX_LEN)
			return 0;
		(*hi)++;
	}
	return 1;
}

/* cdf[0 .. len-1] of the outcomes lo .., with the same walk as law_extent. */
static void
fill_cdf(const Law *l, int64_t lo, int len, double *cdf)
{
	int			m = (int) (l->mode - lo);
	double		sum = 0.0;

	cdf[m] = 1.0;
	for (int i = m; i > 0; i--)
		cdf[i - 1] = cdf[i] * ratio_down(l, lo + i);
	for (int i = m; i < len - 1; i++)
		cdf[i + 1] = cdf[i] * ratio_up(l, lo + i);
	for (int i = 0; i < len; i++)
	{
		sum += cdf[i];
		cdf[i] = sum;
	}
	for (int i = 0; i < len; i++)
		cdf[i] /= sum;			/* the last becomes exactly 1 */
}

/*
 * Walker's alias table (Walker 1977, in Vose's 1991 form) over 2^gbits
 * columns of 2^(53 - gbits) units each, for the integer weights that
 * inversion with 53-bit uniforms would give (weight[i] = 2^53 (F(lo + i) -
 * F(lo + i - 1)) rounded as the uniforms are): the integers keep the table
 * exact, and the draw has exactly inversion's probabilities.
 */
static void
fill_alias(MsTableSpace *sp, const double *cdf, int len, int gbits,
		   uint64_t *column)
{
	int64_t		size = (int64_t) 1 << (53 - gbits);
	int			columns = 1 << gbits;
	int64_t    *w = sp->weight;
	int32_t    *stack = sp->stack;
	int			small = 0,		/* stack[0 .. small - 1]: below size */
				large = columns;	/* stack[large .. columns - 1]: the rest */
	int64_t		below = 0;

	for (int i = 0; i < columns; i++)
	{
		int64_t		upto = 0;

		if (i < len)
		{
			/* the uniforms below 2^53 F, rounded up, map to lo + i or lower */
			double		scaled = cdf[i] * 0x1.0p53;

			upto = (int64_t) scaled;
			upto += (double) upto < scaled;
		}
		else
			upto = below;
		w[i] = upto - below;
		below = upto;
		if (w[i] < size)
			stack[small++] = i;
		else
			stack[--large] = i;
	}
	/* each small column is topped up from a large one */
	while (small > 0 && large < columns)
	{
		int			s = stack[--small];
		int			l = stack[large];

		column[s] = (uint64_t) w[s] | ((uint64_t) l << 48);
		w[l] -= size - w[s];
		if (w[l] < size)
		{
			large++;
			stack[small++] = l;
		}
	}
	/* the rest hold exactly size units: their own outcome only */
	while (small > 0)
		column[stack[--small]] = (uint64_t) size;
	while (large < columns)
		column[stack[large++]] = (uint64_t) size;
}

/* Tabulates one law; 0 if it is too long or does not fit the budget. */
static int
table_build(MsTable *t, const Law *l, MsTableSpace *sp)
{
	int64_t		lo,
				hi;
	int			len,
				gbits = MS_TABLE_MIN_BITS;
	size_t		bytes;
	uint64_t   *column;

	if (!law_extent(l, &lo, &hi))
		return 0;
	len = (int) (hi - lo + 1);
	while ((1 << gbits) < len)
		gbits++;
	bytes = ((size_t) 1 << gbits) * sizeof(uint64_t);
	if (bytes > sp->budget)
		return 0;
	sp->budget -= bytes;
	if (sp->cdf == NULL)
	{
		/* scratch for the largest table (2^15 columns), reused by all */
		size_t		most = MS_TABLE_MAX_LEN + 1;

		sp->cdf = sp->alloc(sp->alloc_arg, most * sizeof(double));
		sp->weight = sp->alloc(sp->alloc_arg, most * sizeof(int64_t));
		sp->stack = sp->alloc(sp->alloc_arg, most * sizeof(int32_t));
	}
	column = sp->alloc(sp->alloc_arg, bytes);
	fill_cdf(l, lo, len, sp->cdf);
	fill_alias(sp, sp->cdf, len, gbits, column);
	t->lo = lo;
	t->column = column;
	t->shift = 53 - gbits;
	return 1;
}

void
ms_table_space_init(MsTableSpace *sp, MsAllocFn alloc, void *alloc_arg,
					size_t budget)
{
	sp->alloc = alloc;
	sp->alloc_arg = alloc_arg;
	sp->budget = budget;
	sp->cdf = NULL;
	sp->weight = NULL;
	sp->stack = NULL;
}

void
ms_digits_init(MsDigitSampler *s, MsLaw law, double param, int64_t max_n,
			   MsTableSpace *sp)
{
	int			positions = 0;
	size_t		bytes;

	s->law = law;
	s->param = param;
	s->limit = 0;
	s->tables = NULL;
	while (positions < MS_MAX_POSITIONS &&
		   (max_n >> (MS_DIGIT_BITS * positions)) != 0)
		positions++;
	bytes = (size_t) positions * MS_DIGITS * sizeof(MsTable);
	if (positions == 0 || bytes > sp->budget)
		return;
	sp->budget -= bytes;
	s->tables = sp->alloc(sp->alloc_arg, bytes);
	memset(s->tables, 0, bytes);
	for (int j = 0; j < positions; j++)
	{
		int64_t		unit = (int64_t) 1 << (MS_DIGIT_BITS * j);
		int			higher = (max_n >> (MS_DIGIT_BITS * (j + 1))) != 0;
		int			top = higher ? MS_DIGITS : (int) (max_n / unit);

		/* at the top position, only the digits up to max_n's */
		for (int d = 1; d <= top; d++)
		{
			Law			l = law_for(law, param, d * unit);

			if (!table_build(&s->tables[j * MS_DIGITS + d - 1], &l, sp))
				return;			/* s->limit stays below 16^j */
		}
		s->limit = higher ? (unit << MS_DIGIT_BITS) - 1 : max_n;
	}
}
