/*
 * unit.h — a tiny unit-test harness for the plain-C core.
 *
 * Each test file defines test functions and a table of them, terminated by
 * { NULL, NULL }, that main.c lists in its suites.  CHECK and CHECK_CLOSE
 * count checks; a failed check prints file:line, the expression and the
 * values, and the run continues.  main() ends with the line
 *   unit: N passed, M failed
 * (N, M counted in checks) and exits with status 1 if any check failed.
 */
#ifndef MIGSTAT_TEST_UNIT_H
#define MIGSTAT_TEST_UNIT_H

#include <stddef.h>
#include <stdint.h>

typedef void (*UnitFn) (void);

typedef struct UnitTest
{
	const char *name;
	UnitFn		fn;
} UnitTest;

#define UNIT_TEST(f) { #f, f }

extern void unit_check(int ok, const char *file, int line, const char *expr);
extern void unit_check_close(double actual, double expected, double tol,
							 const char *file, int line,
							 const char *actual_expr, const char *expected_expr);

/* Passes when cond is true. */
#define CHECK(cond) unit_check((cond) ? 1 : 0, __FILE__, __LINE__, #cond)

/*
 * Passes when |actual - expected| <= tol; fails on any NaN (use
 * CHECK(isnan(...)) for an expected NaN).  Infinities pass only when equal.
 */
#define CHECK_CLOSE(actual, expected, tol) \
	unit_check_close((actual), (expected), (tol), __FILE__, __LINE__, \
					 #actual, #expected)

/* Deterministic pseudo-random numbers (64-bit LCG, Knuth's MMIX constants). */
typedef struct UnitRng
{
	uint64_t	state;
} UnitRng;

static inline uint32_t
unit_rng_next(UnitRng *r)
{
	r->state = r->state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t) (r->state >> 33);
}

/* Uniform integer in [0, bound), bound > 0 (modulo bias is irrelevant here). */
static inline uint32_t
unit_rng_below(UnitRng *r, uint32_t bound)
{
	return unit_rng_next(r) % bound;
}

/* Uniform double in [0, 1). */
static inline double
unit_rng_double(UnitRng *r)
{
	return (double) unit_rng_next(r) / 2147483648.0;
}

/* The tables of the test files. */
extern const UnitTest unit_indices_tests[];
extern const UnitTest unit_state_codec_tests[];
extern const UnitTest unit_multigroup_tests[];
extern const UnitTest unit_keymap_tests[];
extern const UnitTest unit_codecs_multigroup_tests[];
extern const UnitTest unit_random_inference_tests[];
extern const UnitTest unit_status_parse_tests[];
extern const UnitTest unit_disclosure_tests[];
extern const UnitTest unit_table_sampler_tests[];
extern const UnitTest unit_grid_tests[];
extern const UnitTest unit_spatial_tests[];
extern const UnitTest unit_country_tests[];
extern const UnitTest unit_background_tests[];

#endif							/* MIGSTAT_TEST_UNIT_H */
