/*
 * fuzz_lf_decode.c — libFuzzer target for the long-form ("ML") partial-state
 * decoder (extension/segregation/longform.c).
 *
 * Any input must be rejected with a message or decoded without a sanitizer
 * report; a decoded state must re-encode to exactly the input bytes.  The
 * decoded state is then pivoted with lf_dense and every multigroup index
 * computed on it, as lf_final does, and merged twice into a fresh state
 * (lf_merge, as lf_combine does), for the sanitizers and two invariants of
 * the merge.
 *
 * Built and run by test/fuzz/run.sh.
 */
#include "longform.h"
#include "multigroup.h"
#include "multigroup_codec.h"
#include "../unit/test_alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* As lf_final: pivot, sum, compute every index. */
static void
run_indices(const LfState *st)
{
	uint32_t	n = st->units.n,
				K = st->groups.n;
	double	   *dense,
			   *scratch;
	MgSums		s;
	volatile double sink;

	if (n == 0 || K > MG_MAX_GROUPS)
		return;
	/* every key takes 4 bytes of the input: n * K is bounded by size^2 / 64 */
	dense = calloc((size_t) n * K + 1, sizeof(double));
	scratch = malloc(2 * (size_t) n * sizeof(double) + 1);
	lf_dense(st, dense);
	s.K = (int) K;
	s.total = calloc((size_t) K + 1, sizeof(double));
	s.sq = calloc((size_t) K + 1, sizeof(double));
	s.within = 0.0;
	s.n_units = 0;
	for (uint32_t i = 0; i < n; i++)
		mg_add_unit(&s, dense + (size_t) i * K);
	if (s.n_units > 0)
		for (int w = MG_INDEX_DISSIMILARITY; w <= MG_INDEX_SIMPSON_CONCENTRATION; w++)
			sink = mg_index((MgIndex) w, &s, dense, n, scratch);
	(void) sink;
	free(s.total);
	free(s.sq);
	free(scratch);
	free(dense);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	TestArena	arena,
				merged_arena;
	LfState		st,
				merged;
	size_t		out_size;
	uint8_t    *out;

	lf_init(&st, test_arena_allocator(&arena));
	if (lf_decode(data, size, &st) != NULL)
	{
		test_arena_free(&arena);
		return 0;
	}

	/* Accepted: the re-encoding must be byte-identical to the input. */
	out_size = lf_encoded_size(&st, SIZE_MAX);
	if (out_size != size)
		abort();
	out = malloc(out_size);
	lf_encode(&st, out);
	if (memcmp(out, data, size) != 0)
		abort();
	free(out);

	run_indices(&st);

	/*
	 * Merged twice into an empty state: every entry twice, and only keys
	 * that entries use (never more keys than the decoded state has).
	 */
	lf_init(&merged, test_arena_allocator(&merged_arena));
	if (lf_merge(&merged, &st) != NULL || lf_merge(&merged, &st) != NULL)
		abort();
	if (merged.n_entries != 2 * st.n_entries ||
		merged.units.n > st.units.n || merged.groups.n > st.groups.n)
		abort();
	run_indices(&merged);

	test_arena_free(&merged_arena);
	test_arena_free(&arena);
	return 0;
}
