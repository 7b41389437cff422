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

/*
 * Additions (after the interface above was fixed).
 *
 * country_alpha2() returns the canonical code: the alpha-2 code where it
 * names only this entry, else the alpha-3 code (the specials XXA/XXX, former
 * countries whose alpha-2 code ISO reassigned or shared: CSK, SCG, BYS, ...).
 */
#include <stdint.h>

typedef enum CountryKind
{
	COUNTRY_KIND_ISO = 0,		/* ISO 3166-1 */
	COUNTRY_KIND_FORMER,		/* ISO 3166-3: withdrawn codes of former countries */
	COUNTRY_KIND_USER_ASSIGNED, /* XK Kosovo */
	COUNTRY_KIND_SPECIAL		/* ICAO 9303: XXA stateless, XXX unspecified */
} CountryKind;

/* Memberships over time (see docs/countries.md for what each one means). */
typedef enum CountryRelation
{
	COUNTRY_EU = 0,				/* member state of the EEC/EC/EU */
	COUNTRY_EEA,				/* contracting party to the EEA Agreement */
	COUNTRY_FREE_MOVEMENT,		/* nationals have free movement in Germany */
	COUNTRY_WORKERS_RESTRICTED, /* ... with transitional restrictions on workers */
	COUNTRY_N_RELATIONS
} CountryRelation;

/* Days since 2000-01-01 (PostgreSQL's DateADT); open ends of periods. */
#define COUNTRY_DAY_MIN INT32_MIN
#define COUNTRY_DAY_MAX INT32_MAX

extern const char *country_iso_alpha2(CountryId id);	/* as ISO assigned it; NULL */
extern const char *country_alpha4(CountryId id);	/* ISO 3166-3; NULL */
extern int	country_numeric(CountryId id);	/* -1: none */
extern CountryKind country_kind(CountryId id);
extern const char *country_name(CountryId id, bool german);
extern const char *country_withdrawn(CountryId id);	/* ISO 3166-3 date text; NULL */
/* period the former state existed; false if not recorded */
extern bool country_state_period(CountryId id, int32_t *from, int32_t *to);
/* Germany, or the GDR (a former country on today's German territory) */
extern bool country_in_present_germany(CountryId id);

/* membership on a day (days since 2000-01-01) */
extern bool country_member_on(CountryId id, CountryRelation rel, int32_t day);
/* the periods of a relation, in order */
extern int	country_period_count(CountryId id, CountryRelation rel);
extern void country_period(CountryId id, CountryRelation rel, int i,
						   int32_t *from, int32_t *to);
extern const char *country_relation_source(CountryId id, CountryRelation rel);	/* NULL */

/* The alternatives of an ambiguous code (up to max); their count. */
extern int	country_alternatives(const char *code, size_t len, CountryId *ids, int max);
/* A guess what an unknown input meant (a name, a near code); COUNTRY_NONE. */
extern CountryId country_suggest(const char *text, size_t len);

/* Report groups */
extern int	country_group_count(void);
extern int	country_group_lookup(const char *key, size_t len);	/* -1: unknown */
extern const char *country_group_key(int group);
extern const char *country_group_label(int group, bool german);
extern const char *country_group_source(int group);
extern bool country_in_group(CountryId id, int group);

/* successor states (current countries on the former territory) */
extern int	country_successor_count(CountryId id);
extern CountryId country_successor(CountryId id, int i);

extern const char *country_catalogue_version(void);	/* the iso-codes version */

#endif
