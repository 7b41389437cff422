/*
 * country.h — the country catalogue (plain C, no PostgreSQL headers).
 *
 * ISO 3166-1 countries and the former countries of ISO 3166-3 that
 * immigration records still carry (Soviet Union, Yugoslavia, ...), plus two
 * special values: stateless (ICAO 9303 code XXA) and unclear / not known
 * (ICAO 9303 code XXX).  Generated from Debian's iso-codes data by
 * gen_countries.py into country_data.c; see docs/countries.md.
 *
 * This interface is shared by the catalogue and the migration-background
 * derivations: keep it stable.
 */
#ifndef MIGSTAT_COUNTRY_H
#define MIGSTAT_COUNTRY_H

#include <stdbool.h>
#include <stddef.h>

/* Index into the catalogue; COUNTRY_NONE when a code is not known. */
typedef int CountryId;
#define COUNTRY_NONE (-1)

typedef enum CountryLookup
{
	COUNTRY_FOUND = 0,
	COUNTRY_UNKNOWN,			/* not a code of the catalogue */
	COUNTRY_AMBIGUOUS			/* e.g. "CS": Czechoslovakia or Serbia and Montenegro */
} CountryLookup;

/*
 * Reads a country code: ISO alpha-2, alpha-3 or numeric, case-insensitive,
 * surrounding blanks ignored, and the special values (XXA / "stateless",
 * XXX / "unclear").  Does not need a NUL terminator.
 */
extern CountryLookup country_lookup(const char *code, size_t len, CountryId *id);

extern int	country_count(void);
extern const char *country_alpha2(CountryId id);	/* "DE"; "XXA"/"XXX" for the specials */
extern const char *country_alpha3(CountryId id);
extern bool country_is_germany(CountryId id);
extern bool country_is_stateless(CountryId id);
extern bool country_is_unclear(CountryId id);	/* XXX: not known / not stated */

#endif
