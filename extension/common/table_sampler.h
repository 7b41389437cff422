/*
 * table_sampler.h — binomial and Poisson laws with fixed parameters,
 * tabulated once and then drawn with one random number and one table
 * look-up (plain C).
 *
 * A table is Walker's alias table (Walker 1977; Vose 1991) of the law's
 * probabilities rounded to whole multiples of 2^-53 exactly as inversion
 * with 53-bit uniform numbers rounds them: the integer weights
 * 2^53 F(x) - 2^53 F(x - 1), with 2^53 F rounded up.  The table is built in
 * integers, so a draw has exactly these probabilities — each within 2^-52
 * of the law's — the same as X = min { x : u < F(x) } for a 53-bit uniform
 * u would.  Outcomes less likely than 2^-64 times the mode are left out
 * (their rounded weight would be 0).
 *
 * A digit sampler draws Binomial(n, p) or Poisson(rate * n) for any n up to
 * a limit as the sum of independent draws for the base-16 digits of n:
 * Binomial(d 16^j, p) or Poisson(rate d 16^j) for each digit d at position
 * j, each from its own table.  Sums of independent binomials with one p (of
 * Poissons) are binomial (Poisson), so the sum has the law asked for.
 *
 * The tables are built with IEEE additions, multiplications and divisions
 * only (no exp, log or lgamma), so they are the same on every platform.
 */
#ifndef MIGSTAT_COMMON_TABLE_SAMPLER_H
#define MIGSTAT_COMMON_TABLE_SAMPLER_H

#include <stddef.h>
#include <stdint.h>

#include "random.h"

/* The caller's allocator (palloc in the server, malloc in the tests). */
typedef void *(*MsAllocFn) (void *arg, size_t size);

#define MS_DIGIT_BITS 4
#define MS_DIGITS 15			/* nonzero digits 1 .. 15 */
#define MS_MAX_POSITIONS 13		/* values below 16^13 = 2^52 */

/*
 * Alias table entries: the threshold in the low 48 bits, the alias in the
 * high 16.  Tables have 2^g columns, 64 <= 2^g, and at most MS_TABLE_MAX_LEN
 * outcomes.
 */
#define MS_ALIAS_THRESHOLD ((UINT64_C(1) << 48) - 1)
#define MS_TABLE_MIN_BITS 6
#define MS_TABLE_MAX_LEN 0x7fff

typedef struct MsTable
{
	int64_t		lo;				/* the outcome of column 0 */
	const uint64_t *column;		/* 2^(53 - shift) columns */
	int			shift;
} MsTable;

typedef enum MsLaw
{
	MS_LAW_BINOMIAL,			/* Binomial(n, param) */
	MS_LAW_POISSON				/* Poisson(param * n) */
} MsLaw;

typedef struct MsDigitSampler
{
	MsLaw		law;
	double		param;
	int64_t		limit;			/* draws n = 0 .. limit */
	MsTable    *tables;			/* [j * MS_DIGITS + d - 1]: d 16^j */
} MsDigitSampler;

/* Where tables are built: the allocator, a budget, scratch space. */
typedef struct MsTableSpace
{
	MsAllocFn	alloc;
	void	   *alloc_arg;
	size_t		budget;			/* bytes of tables still allowed */
	double	   *cdf;			/* scratch, allocated on first use */
	int64_t    *weight;
	int32_t    *stack;
} MsTableSpace;

extern void ms_table_space_init(MsTableSpace *sp, MsAllocFn alloc,
								void *alloc_arg, size_t budget);

/*
 * Tabulates the law for every n up to max_n, as far as the budget (bytes,
 * decreased by what the tables take) and the table size limit allow: limit
 * is max_n, or 16^j - 1 when the tables of digit position j did not fit.
 * Binomial: 0 < param < 1; Poisson: param > 0.
 */
extern void ms_digits_init(MsDigitSampler *s, MsLaw law, double param,
						   int64_t max_n, MsTableSpace *sp);

/* Can s draw for this n? */
static inline int
ms_digits_cover(const MsDigitSampler *s, int64_t n)
{
	return n <= s->limit;
}

/*
 * One draw: the top bits of a 53-bit uniform number choose a column, the
 * rest decide between the column's own outcome and its alias.
 */
static inline int64_t
ms_table_draw(MsRng *rng, const MsTable *t)
{
	uint64_t	u = ms_rng_next(rng) >> 11;
	uint64_t	j = u >> t->shift;
	uint64_t	e = t->column[j];
	uint64_t	r = u & ((UINT64_C(1) << t->shift) - 1);

	return t->lo + (int64_t) (r < (e & MS_ALIAS_THRESHOLD) ? j : e >> 48);
}

/* Binomial(n, p) or Poisson(rate * n), for n covered by s. */
static inline int64_t
ms_digits_draw(MsRng *rng, const MsDigitSampler *s, int64_t n)
{
	const MsTable *t = s->tables;
	int64_t		x = 0;

	for (; n != 0; n >>= MS_DIGIT_BITS, t += MS_DIGITS)
	{
		int			d = (int) (n & ((1 << MS_DIGIT_BITS) - 1));

		if (d != 0)
			x += ms_table_draw(rng, t + d - 1);
	}
	return x;
}

#endif							/* MIGSTAT_COMMON_TABLE_SAMPLER_H */
