/*
 * fuzz_mg_decode.c — libFuzzer target for the multigroup ("MG") partial-
 * state decoder (extension/segregation/multigroup_codec.c).
 *
 * Any input must be rejected with a message or decoded without a sanitizer
 * report; a decoded state must re-encode to exactly the input bytes (one
 * encoding per state).  Every multigroup index, and for states that keep
 * their units the local values of each unit, are then computed on the
 * decoded state, for the sanitizers only, as mg_deserialize and the final
 * functions would.
 *
 * Built and run by test/fuzz/run.sh.
 */
#include "multigroup.h"
#include "multigroup_codec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
run_indices(const MgSums *s, int keeps_units, const double *units)
{
	size_t		n = keeps_units ? (size_t) s->n_units : 0;
	double	   *scratch = malloc(2 * n * sizeof(double) + 1);
	double	   *lq = malloc((size_t) s->K * sizeof(double));
	volatile double sink;

	for (int w = MG_INDEX_DISSIMILARITY; w <= MG_INDEX_SIMPSON_CONCENTRATION; w++)
	{
		if (mg_index_needs_units((MgIndex) w) && !keeps_units)
			continue;
		sink = mg_index((MgIndex) w, s, units, n, scratch);
	}
	for (size_t i = 0; i < n; i++)
	{
		const double *c = units + i * (size_t) s->K;

		sink = mg_local_entropy(c, s->total, s->K);
		sink = mg_local_simpson(c, s->K);
		sink = mg_local_segregation(c, s->total, s->K);
		mg_location_quotients(c, s->total, s->K, lq);
	}
	(void) sink;
	free(lq);
	free(scratch);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int			K,
				keeps_units;
	uint64_t	n_units;
	MgSums		s;
	double	   *units = NULL;
	size_t		out_size;
	uint8_t    *out;

	if (mg_state_decode_header(data, size, &K, &keeps_units, &n_units) != NULL)
		return 0;
	/* The header has checked K and matched n_units against size. */
	if (K < 2 || K > MG_MAX_GROUPS)
		abort();
	if (keeps_units && n_units > size / (8 * (size_t) K))
		abort();

	s.K = K;
	s.n_units = n_units;
	s.within = 0.0;
	s.total = malloc((size_t) K * sizeof(double));
	s.sq = malloc((size_t) K * sizeof(double));
	if (keeps_units)
		units = malloc((size_t) n_units * K * sizeof(double) + 1);
	if (mg_state_decode_body(data, size, &s, keeps_units, units) == NULL)
	{
		/* Accepted: the re-encoding must be byte-identical to the input. */
		out_size = mg_state_encoded_size(K, n_units, keeps_units, SIZE_MAX);
		if (out_size != size)
			abort();
		out = malloc(out_size);
		mg_state_encode(&s, keeps_units, units, out);
		if (memcmp(out, data, size) != 0)
			abort();
		free(out);
		run_indices(&s, keeps_units, units);
	}
	free(units);
	free(s.total);
	free(s.sq);
	return 0;
}
