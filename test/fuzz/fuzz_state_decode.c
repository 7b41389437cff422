/*
 * fuzz_state_decode.c — libFuzzer target for the two-group partial-state
 * decoder (extension/segregation/state_codec.c).
 *
 * Any input must be rejected with a message or decoded without a sanitizer
 * report; a decoded state must re-encode to exactly the input bytes (the
 * format has a single encoding for every state it accepts).  The indices are
 * then run on the decoded units, for the sanitizers only.
 *
 * Built and run by test/fuzz/run.sh.
 */
#include "indices.h"
#include "state_codec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every index that takes units; the results only have to exist. */
static void
run_indices(SegUnit *units, size_t n)
{
	double	   *scratch = malloc(2 * n * sizeof(double) + 1);
	volatile double sink;

	sink = seg_dissimilarity(units, n);
	sink = seg_gorard(units, n);
	sink = seg_delta(units, n);
	sink = seg_gini(units, n, scratch);
	seg_sort_by_area(units, n);
	sink = seg_absolute_concentration(units, n);
	sink = seg_relative_concentration(units, n);
	(void) sink;
	free(scratch);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	SegSummary	s;
	SegUnit    *units = NULL;
	size_t		out_size;
	uint8_t    *out;

	if (seg_state_decode_header(data, size, &s) != NULL)
		return 0;

	/*
	 * Units are decoded only for the kinds that keep them, as the extension
	 * does (seg_deserialize): for the sums kinds n_units is a plain counter
	 * with no records behind it.
	 */
	if (seg_kind_keeps_units(s.kind))
	{
		/*
		 * The header has matched n_units against size (n_units = (size -
		 * 52) / record), so there are never more units than bytes.  More
		 * would be a header bug: stop there instead of allocating.
		 */
		if (s.n_units > size)
			abort();
		units = malloc((size_t) s.n_units * sizeof(SegUnit) + 1);
		if (seg_state_decode_units(data, size, &s, units) != NULL)
		{
			free(units);
			return 0;
		}
	}

	/* Accepted: the re-encoding must be byte-identical to the input. */
	out_size = seg_state_encoded_size(&s, SIZE_MAX);
	if (out_size != size)
		abort();
	out = malloc(out_size);
	seg_state_encode(&s, units, out);
	if (memcmp(out, data, size) != 0)
		abort();
	free(out);

	if (units != NULL)
		run_indices(units, (size_t) s.n_units);
	free(units);
	return 0;
}
