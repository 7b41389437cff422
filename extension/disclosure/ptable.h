/*
 * ptable.h — perturbation tables of the cell key method, plain C.
 *
 * A perturbation table maps an original count i and a cell key c in [0, 1)
 * to a published count j.  Row i holds the transition probabilities
 * p(i -> j); the cell key picks the entry whose cumulative interval
 * [lb, ub) contains it, entries ordered by j (the "destatis" layout of the
 * sdcTools ptable package: columns i, j, p, v = j - i, p_int_lb, p_int_ub).
 * The last row imax applies to every count n >= imax, with the same
 * deviations v.
 *
 * pt_build constructs a table from the parameters D (maximum deviation),
 * V (variance) and js (counts 1..js are never published) by maximum entropy
 * (docs/disclosure.md: "How perturbation tables are built").  pt_validate
 * checks a table from any source before it is used.
 */
#ifndef MIGSTAT_DISCLOSURE_PTABLE_H
#define MIGSTAT_DISCLOSURE_PTABLE_H

#include <stddef.h>
#include <stdint.h>

/* Bounds of the builder's parameters. */
#define PT_MAX_D 100

/* Bounds of any table (built or supplied). */
#define PT_MAX_ROWS 100000		/* imax < PT_MAX_ROWS */
#define PT_MAX_COUNT 1000000000 /* i, j <= PT_MAX_COUNT */
#define PT_MAX_ENTRIES 10000000

/* Tolerance of a row's probability sum. */
#define PT_SUM_TOLERANCE 1e-9

typedef struct PtEntry
{
	int64_t		i;				/* original count (row) */
	int64_t		j;				/* published count */
	double		p;				/* transition probability */
} PtEntry;

/* A validated table indexed for lookups; arrays owned by the caller. */
typedef struct Ptable
{
	const PtEntry *entries;		/* sorted by (i, j) */
	size_t		n_entries;
	int64_t		imax;			/* last row, used for every count >= imax */
	const size_t *row_start;	/* imax + 2 offsets into entries */
	const double *ub;			/* cumulative upper bound of each entry */
} Ptable;

/* Statistics of one row, as pt_row_stats computes them. */
typedef struct PtRowStats
{
	int64_t		i;
	int64_t		entries;		/* entries with p > 0 */
	double		p_sum;
	double		mean;			/* sum p v */
	double		variance;		/* sum p (v - mean)^2 */
	double		p_stay;			/* p(i -> i) */
	int64_t		min_positive_target;	/* smallest j > 0 with p > 0; -1 if none */
	int64_t		max_deviation;	/* largest |v| with p > 0 */
} PtRowStats;

/*
 * Checks the builder's parameters: 1 <= D <= PT_MAX_D, 0 <= js < D, V finite,
 * positive, at most D (D + 1) / 3 (the variance of a uniform deviation on
 * -D..D), and inside the variance each row can reach.  Returns NULL or a
 * message written to err.
 */
extern const char *pt_check_params(int D, double V, int js, char *err,
								   size_t errlen);

/* Number of entries pt_build writes for D and js (valid parameters). */
extern size_t pt_build_size(int D, int js);

/*
 * Builds the maximum-entropy table into out (pt_build_size entries), rows
 * 0..D (js = 0) or 0..D + js + 1 (js > 0), entries sorted by (i, j).
 * monotone: in each row the probabilities do not decrease from the smallest
 * target up to j = i (the ptable package's "mono" option).  Returns NULL or
 * a message in err (parameters out of range, or a row whose constraints
 * cannot all hold).
 */
extern const char *pt_build(int D, double V, int js, int monotone,
							PtEntry *out, char *err, size_t errlen);

/*
 * Validates a table of n entries (any order; sorted here by (i, j)): counts
 * within bounds, no duplicate (i, j), probabilities in [0, 1] summing to 1
 * in each row within PT_SUM_TOLERANCE, rows 0..imax all present, row 0
 * publishing 0 with probability 1.  Sets *imax.  Returns NULL or a message
 * in err.
 */
extern const char *pt_validate(PtEntry *entries, size_t n, int64_t *imax,
							   char *err, size_t errlen);

/*
 * Indexes a validated table: row_start (imax + 2 elements) and ub (n
 * elements): cumulative sums of p in (i, j) order, the last entry of each
 * row set to 1 so that every key in [0, 1) finds an entry.
 */
extern void pt_index(const PtEntry *entries, size_t n, int64_t imax,
					 size_t *row_start, double *ub, Ptable *pt);

/*
 * The published count for original count n >= 0 and cell key c in [0, 1):
 * n + v of the first entry of row min(n, imax) with c < ub and p > 0.
 * Returns 0 on success, -1 if n + v would overflow int64.
 */
extern int	pt_lookup(const Ptable *pt, int64_t n, double c, int64_t *published);

/* Statistics of row entries[from..to) (one row). */
extern void pt_row_stats(const PtEntry *entries, size_t from, size_t to,
						 PtRowStats *s);

#endif							/* MIGSTAT_DISCLOSURE_PTABLE_H */
