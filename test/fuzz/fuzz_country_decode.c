/*
 * fuzz_country_decode.c — libFuzzer target for the country catalogue's code
 * reader (extension/background/country.c, country_suggest.c), the input of
 * every migstat country function.
 *
 * Any input must be read or rejected without a sanitizer report and without
 * reading past its length.  A found code must print as the canonical code
 * and read back as the same entry; an ambiguous one must name at least two
 * alternatives; a suggestion, if any, must be an entry of the catalogue.
 *
 * Built and run by test/fuzz/run.sh.
 */
#include "country.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a private copy of exactly size bytes: the reader must not read past it */
	char	   *s = malloc(size ? size : 1);
	CountryId	id,
				again,
				alt[4];
	CountryLookup r;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	r = country_lookup(s, size, &id);
	if (r == COUNTRY_FOUND)
	{
		const char *code;

		if (id < 0 || id >= country_count())
			abort();
		code = country_alpha2(id);
		if (country_lookup(code, strlen(code), &again) != COUNTRY_FOUND || again != id)
			abort();
		(void) country_member_on(id, COUNTRY_EU, (int32_t) size * 37 - 20000);
	}
	else if (id != COUNTRY_NONE)
		abort();
	else if (r == COUNTRY_AMBIGUOUS)
	{
		if (country_alternatives(s, size, alt, 4) < 2)
			abort();
	}
	else
	{
		CountryId	guess = country_suggest(s, size);

		if (guess != COUNTRY_NONE && (guess < 0 || guess >= country_count()))
			abort();
	}
	(void) country_group_lookup(s, size);
	free(s);
	return 0;
}
