/*
 * fuzz_ck_decode.c — libFuzzer target for the partial-state decoder of
 * migstat.ckm_count ("MK", extension/disclosure/cellkey.c).
 *
 * Any input must be rejected or decoded without a sanitizer report; a
 * decoded state must re-encode to exactly the input bytes and hold a count
 * in 1 .. 2^63 - 1 and a name without zero bytes.
 *
 * Built and run by test/fuzz/run.sh.
 */
#include "cellkey.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	CkmSummary	s;
	uint8_t    *out;

	if (ck_state_decode(data, size, &s) != NULL)
		return 0;
	if (s.n == 0 || s.n > (uint64_t) INT64_MAX || s.name_len == 0 ||
		s.name_len > CK_MAX_NAME || memchr(s.name, 0, s.name_len) != NULL)
		abort();
	if (ck_state_encoded_size(&s) != size)
		abort();
	out = malloc(size);
	ck_state_encode(&s, out);
	if (memcmp(out, data, size) != 0)
		abort();
	free(out);
	/* the cell key of any sum lies in [0, 1) */
	if (!(ck_cell_key(s.keysum) >= 0.0 && ck_cell_key(s.keysum) < 1.0))
		abort();
	return 0;
}
