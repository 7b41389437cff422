/*
 * fuzz_md_decode.c — libFuzzer target for the decomposition ("MD")
 * partial-state decoder (extension/segregation/decomposition.c).
 *
 * As md_deserialize: K from md_decode_groups, a state for K, md_decode.  Any
 * input must be rejected or decoded without a sanitizer report; a decoded
 * state must re-encode to exactly the input bytes.  md_result then runs on
 * it, and on a fresh state it was merged into twice (md_merge, as
 * md_combine does), for the sanitizers and the invariants of the merge.
 *
 * Built and run by test/fuzz/run.sh.
 */
#include "decomposition.h"
#include "multigroup_codec.h"
#include "../unit/test_alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
run_result(const MdState *st)
{
	int			K = st->units.K;
	double	   *t = malloc((size_t) K * sizeof(double)),
			   *q = malloc((size_t) K * sizeof(double));
	MdResult	r;
	volatile double sink;

	if (md_result(st, t, q, &r))
		sink = r.total + r.between + r.within;
	(void) sink;
	free(t);
	free(q);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	TestArena	arena,
				merged_arena;
	MdState		st,
				merged;
	size_t		out_size;
	uint8_t    *out;
	int			K = md_decode_groups(data, size);

	if (K == 0)
		return 0;
	if (K < 2 || K > MG_MAX_GROUPS)
		abort();
	md_init(&st, K, test_arena_allocator(&arena));
	if (md_decode(data, size, &st) != NULL)
	{
		test_arena_free(&arena);
		return 0;
	}

	/* Accepted: the re-encoding must be byte-identical to the input. */
	out_size = md_encoded_size(&st, SIZE_MAX);
	if (out_size != size)
		abort();
	out = malloc(out_size);
	md_encode(&st, out);
	if (memcmp(out, data, size) != 0)
		abort();
	free(out);

	run_result(&st);

	/* Merged twice into an empty state: the same areas, twice the units. */
	md_init(&merged, K, test_arena_allocator(&merged_arena));
	if (md_merge(&merged, &st) != NULL || md_merge(&merged, &st) != NULL)
		abort();
	if (merged.areas.n != st.areas.n || merged.units.n_units != 2 * st.units.n_units)
		abort();
	run_result(&merged);

	test_arena_free(&merged_arena);
	test_arena_free(&arena);
	return 0;
}
