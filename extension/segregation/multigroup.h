/*
 * multigroup.h — multigroup segregation and diversity indices, plain C.
 *
 * Notation (docs/multigroup.md): unit i has counts t_ik of K groups,
 * t_i = sum_k t_ik, pi_ik = t_ik / t_i; T_k = sum_i t_ik, T = sum_k T_k,
 * pi_k = T_k / T.  E = -sum pi_k ln pi_k, I = sum pi_k (1 - pi_k).
 *
 * Groups with a zero total take no part: they contribute no terms and do not
 * count in K, so adding an empty category never changes an index.  Fewer than
 * two groups with members make every segregation index undefined (NAN).
 */
#ifndef MIGSTAT_SEGREGATION_MULTIGROUP_H
#define MIGSTAT_SEGREGATION_MULTIGROUP_H

#include <stddef.h>
#include <stdint.h>

/*
 * What the additive indices need, accumulated unit by unit.
 *   total[k]   T_k
 *   sq[k]      sum_i t_ik^2 / t_i          (exposure family)
 *   within     sum_i t_i E_i               (entropy family)
 */
typedef struct MgSums
{
	int			K;
	double	   *total;
	double	   *sq;
	double		within;
	uint64_t	n_units;		/* populated units accumulated */
} MgSums;

/*
 * Adds one unit's counts.  Returns t_i; a unit with t_i = 0 adds nothing
 * (and is not counted).
 */
extern double mg_add_unit(MgSums *s, const double *counts);

/* Adds b into a (same K). */
extern void mg_add_sums(MgSums *a, const MgSums *b);

/* Number of groups with a positive total. */
extern int	mg_groups_present(const double *total, int K);

/* Indices from the group totals alone. */
extern double mg_diversity(const double *total, int K);	/* E */
extern double mg_normalized_diversity(const double *total, int K);	/* E / ln K */
extern double mg_simpson_interaction(const double *total, int K);	/* I */
extern double mg_simpson_concentration(const double *total, int K);

/* Indices from the sums. */
extern double mg_mutual_information(const MgSums *s);	/* M = E - W/T */
extern double mg_theil(const MgSums *s);	/* H = M / E */
extern double mg_normalized_exposure(const MgSums *s);
extern double mg_relative_diversity(const MgSums *s);
extern double mg_squared_coefficient_of_variation(const MgSums *s);

/*
 * Indices that need every unit: units holds n rows of K counts (row-major),
 * total the group totals.  scratch must hold 2 * n doubles (Gini only).
 */
extern double mg_dissimilarity(const double *units, size_t n, int K,
							   const double *total);
extern double mg_gini(const double *units, size_t n, int K,
					  const double *total, double *scratch);

/* Every multigroup index, for code that computes one chosen at run time. */
typedef enum MgIndex
{
	MG_INDEX_DISSIMILARITY,
	MG_INDEX_GINI,
	MG_INDEX_THEIL,
	MG_INDEX_MUTUAL_INFORMATION,
	MG_INDEX_NORMALIZED_EXPOSURE,
	MG_INDEX_RELATIVE_DIVERSITY,
	MG_INDEX_SQUARED_COEFFICIENT_OF_VARIATION,
	MG_INDEX_DIVERSITY,
	MG_INDEX_NORMALIZED_DIVERSITY,
	MG_INDEX_SIMPSON_INTERACTION,
	MG_INDEX_SIMPSON_CONCENTRATION
} MgIndex;

/* Does the index need every unit (D, Gini), not only the sums? */
extern int	mg_index_needs_units(MgIndex which);

/*
 * The index from the sums and, where needed, the n units and 2 n doubles
 * of scratch (Gini).
 */
extern double mg_index(MgIndex which, const MgSums *s, const double *units,
					   size_t n, double *scratch);

/*
 * Local values of one unit against the group totals; return NAN where
 * undefined (empty unit, no groups).
 */
extern double mg_local_entropy(const double *counts, const double *total, int K);
extern double mg_local_simpson(const double *counts, int K);
extern double mg_local_segregation(const double *counts, const double *total, int K);
/* pi_ik / pi_k into out[k]; NAN for groups with a zero total or an empty unit. */
extern void mg_location_quotients(const double *counts, const double *total,
								  int K, double *out);

#endif							/* MIGSTAT_SEGREGATION_MULTIGROUP_H */
