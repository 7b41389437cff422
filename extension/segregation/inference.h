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
#include "multigroup.h"

#define MG_MAX_REPLICATES 100000
#define MG_INFERENCE_MAX_INDICES 4

/* Buffers of one inference run, allocated by the caller. */
typedef struct MgInferenceWork
{
	double	   *table;			/* n * K */
	double	   *total;			/* K */
	double	   *sq;				/* K */
	double	   *probs;			/* K */
	double	   *scratch;		/* 2 n (Gini) */
	double	   *null_values;	/* replicates * number of indices */
	double	   *boot_values;	/* replicates * number of indices */
} MgInferenceWork;

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

/* probs: K doubles of scratch. */
extern void mg_draw_random_allocation(MsRng *rng, const double *counts,
									  size_t n, int K, double *probs,
									  double *out);
extern void mg_draw_bootstrap(MsRng *rng, const double *counts, size_t n,
							  int K, double *probs, double *out);

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
