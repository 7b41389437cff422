/*
 * fuzz_status_decode.c — libFuzzer target for the residence-status parser
 * (extension/status/parse.c), the text input of migstat.residence_status.
 *
 * Any input must be read or rejected without a sanitizer report.  A rejected
 * input must come with a message; a read one must print (canonical form) and
 * read back as the same status, in(out(x)) = x.  The same input is also read
 * in the law of a date taken from its first bytes.
 *
 * Built and run by test/fuzz/run.sh.
 */
#include "parse.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_one(const char *s, size_t n, int32_t as_of)
{
	int			entry = -1,
				again = -1;
	RsParseError err;

	if (rs_parse(s, n, as_of, &entry, &err) != RS_OK)
	{
		if (err.detail[0] == '\0')
			abort();
		return;
	}
	if (entry < 0 || entry >= rs_n_entries)
		abort();
	if (rs_parse(rs_entries[entry].canonical, strlen(rs_entries[entry].canonical),
				 RS_NO_DATE, &again, &err) != RS_OK || again != entry)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a private copy: the parser must not read past size */
	char	   *s = malloc(size ? size : 1);
	int32_t		as_of = 0;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	check_one(s, size, RS_NO_DATE);
	if (size >= 2)
		as_of = (int32_t) ((data[0] << 8 | data[1]) - 2000);	/* about 1994..2173 */
	check_one(s, size, as_of);
	free(s);
	return 0;
}
