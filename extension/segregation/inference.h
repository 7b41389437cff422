/*
 * inference.h — inference for the multigroup (and, with K = 2, two-group)
 * segregation indices, plain C: expected values under random allocation,
 * bias correction, bootstrap standard errors and percentile intervals, and
 * permutation p-values (docs/inference.md).
 *
 *   random allocation: unit sizes t_i fixed, each unit's counts drawn from
 *     Multinomial(t_i; pi_1 .. pi_K) — the null of no segregation;
 *   bootstrap: the unit x group table resampled with N fixed, i.e. a
 *     Multinomial(N; t_ik / N) over the cells (Allen et al. 2015).
 *
 * Counts must be whole numbers.  The caller sorts units into a canonical
 * order first, so that the same seed gives the same answer whatever order
 * the rows arrived in (serial or parallel plans).
 */
#ifndef MIGSTAT_SEGREGATION_INFERENCE_H
#define MIGSTAT_SEGREGATION_INFERENCE_H

#include <stddef.h>
#include <stdint.h>

#include "../common/random.h"
#include "../common/table_sampler.h"
#include "multigroup.h"

#define MG_MAX_REPLICATES 100000
#define MG_INFERENCE_MAX_INDICES 4

/* Bytes of tables the samplers of one run may take (each kind of draw). */
#define MG_SAMPLER_BUDGET ((size_t) 8 << 20)

/* Buffers of one inference run, allocated by the caller. */
typedef struct MgInferenceWork
{
	double	   *table;			/* n * K */
	double	   *total;			/* K */
	double	   *sq;				/* K */
	double	   *share;			/* K (replicates' group shares) */
	double	   *scratch;		/* 2 n (Gini; the units' totals of replicates) */
	double	   *null_values;	/* replicates * number of indices */
	double	   *boot_values;	/* replicates * number of indices */
	MsAllocFn	alloc;			/* for the samplers' tables, freed by the caller */
	void	   *alloc_arg;
} MgInferenceWork;

/*
 * What the draws of one run share, built once from the counts (which it
 * keeps a pointer to) for all replicates.
 *
 * Random allocation splits each unit's t_i people along a binary tree over
 * the groups (split after group mid - 1 of lo .. hi - 1, mid = (lo + hi) / 2):
 * Binomial(people at the node, split_p[mid]), from split[mid]'s tables when
 * they cover the number of people, by ms_rng_binomial otherwise.
 *
 * The bootstrap draws a Multinomial(N; t_ik / N) over the cells.  With
 * Poissonization (Brown & Bromberg 1984) every cell draws Poisson(rate t_ik)
 * from cell_poisson's tables, the whole table is drawn again while the sum S
 * exceeds N (rate = 1 - 3 / sqrt N makes that rare), and the N - S people
 * still missing are drawn one by one, each from the N people of the data
 * with equal chances.  Given S, the Poisson counts are Multinomial(S; t_ik /
 * N); adding a Multinomial(N - S; t_ik / N) makes Multinomial(N; t_ik / N),
 * exactly.  Without Poissonization (a cell count beyond the tables, or
 * more missing people expected, 3 sqrt N, than there are cells),
 * conditional binomials along a binary tree over the cells.
 */
typedef struct MgSampler
{
	const double *counts;		/* n * K */
	size_t		n;
	int			K;
	/* random allocation */
	double	   *split_p;		/* K, indexed by mid */
	MsDigitSampler *split;		/* K, indexed by mid */
	/* bootstrap */
	int64_t		N;
	int64_t    *before;			/* people in the cells before cell c; n K + 1 */
	int			poisson;		/* 1: Poissonization, 0: conditional binomials */
	double		rate;			/* of the Poissons, 0 <= rate < 1 */
	MsDigitSampler cell_poisson;
	int			N_bits;			/* ms_bits_below(N) */
	uint32_t   *person_guide;	/* cell of person b << guide_shift */
	int			guide_shift;
	int			bucket_shift;	/* sorts the extra people by person >> it */
	int64_t    *extra;			/* scratch: the extra people, drawn and sorted */
	uint32_t   *extra_start;	/* scratch: where each bucket starts */
} MgSampler;

typedef struct MgInference
{
	double		estimate;
	double		expected;		/* mean under random allocation */
	double		bias_corrected; /* 2 estimate - mean of the bootstrap */
	double		modified;		/* Carrington & Troske 1997 */
	double		std_error;		/* of the bootstrap replicates */
	double		ci_lower;		/* interval of the bias-corrected estimate */
	double		ci_upper;
	double		p_value;		/* P(null >= estimate), (1 + count) / (1 + R) */
	int			null_defined;	/* replicates where the index was defined */
	int			boot_defined;
} MgInference;

/* Called between replicates; the SQL layer checks for query cancel here. */
typedef void (*MgInferenceTick) (void *arg);

/* Are all counts whole, non-negative and below 2^53? */
extern int	mg_counts_are_whole(const double *counts, size_t n, int K);

/* Sorts n rows of K counts lexicographically (the canonical order). */
extern void mg_sort_units(double *counts, size_t n, int K);

/*
 * Builds the samplers for n units of K whole counts (total below 2^53),
 * with up to budget bytes of tables for each kind of draw.
 */
extern MgSampler *mg_sampler_build(const double *counts, size_t n, int K,
								   size_t budget, MsAllocFn alloc,
								   void *alloc_arg);

/* One table under random allocation, and one bootstrap table (n * K). */
extern void mg_draw_random_allocation(MsRng *rng, const MgSampler *s,
									  double *out);
extern void mg_draw_bootstrap(MsRng *rng, const MgSampler *s, double *out);

/*
 * The index of a table of whole counts (NAN where undefined); for D, Gini,
 * H and M only — the exposure family needs sums this does not keep.
 */
extern double mg_table_index(MgIndex which, const double *table, size_t n,
							 int K, MgInferenceWork *w);
/* Several indices of one table, computing the shared sums once. */
extern void mg_table_indices(const MgIndex *which, int m, const double *table,
							 size_t n, int K, MgInferenceWork *w, double *out);

/*
 * Runs `replicates` draws of each kind with one generator seeded by seed;
 * level is the confidence level of the percentile interval (0 < level < 1).
 * Fields that no replicate defines are NAN.
 */
extern void mg_inference(MgIndex which, const double *counts, size_t n, int K,
						 int replicates, uint64_t seed, double level,
						 MgInferenceWork *w, MgInferenceTick tick,
						 void *tick_arg, MgInference *out);

/*
 * The same for m <= MG_INFERENCE_MAX_INDICES indices on the same draws (the
 * tables are drawn once and every index computed on each); out[m].
 */
extern void mg_inference_many(const MgIndex *which, int m, const double *counts,
							  size_t n, int K, int replicates, uint64_t seed,
							  double level, MgInferenceWork *w,
							  MgInferenceTick tick, void *tick_arg,
							  MgInference *out);

#endif							/* MIGSTAT_SEGREGATION_INFERENCE_H */
