/*
 * country_data.h — the tables gen_countries.py writes into country_data.c
 * (plain C).  Only country.c and the tests read them; everyone else uses
 * the functions of country.h.
 */
#ifndef MIGSTAT_COUNTRY_DATA_H
#define MIGSTAT_COUNTRY_DATA_H

#include "country.h"

#include <stdint.h>

/* A period of days since 2000-01-01 (PostgreSQL's DateADT), both ends inclusive. */
typedef struct CountryInterval
{
	int32_t		from;
	int32_t		to;
} CountryInterval;

typedef struct CountryIntervalRange
{
	int			first;			/* into country_intervals_data */
	int			count;
} CountryIntervalRange;

typedef struct CountryEntry
{
	const char *code;			/* canonical: alpha-2 if it names only this entry, else alpha-3 */
	const char *iso_alpha2;		/* as ISO assigned it (former entries may share it); NULL */
	const char *alpha3;
	const char *alpha4;			/* ISO 3166-3 code of a former country; NULL */
	int			numeric;		/* -1: none */
	CountryKind kind;
	const char *name_en;
	const char *name_de;
	const char *withdrawn;		/* date ISO withdrew the code (ISO 3166-3); NULL */
	int32_t		state_from;		/* period the former state existed, where recorded */
	int32_t		state_to;
	uint32_t	groups;			/* bit i = country_groups_data[i] */
	CountryIntervalRange relations[COUNTRY_N_RELATIONS];
} CountryEntry;

typedef struct CountryAmbiguity
{
	const char *code;
	int			count;
	CountryId	ids[4];
} CountryAmbiguity;

typedef struct CountryWord
{
	const char *word;
	CountryId	id;
} CountryWord;

typedef struct CountryGroup
{
	const char *key;
	const char *label_de;
	const char *label_en;
	const char *source;
} CountryGroup;

typedef struct CountrySuccessor
{
	CountryId	former;
	CountryId	successor;
} CountrySuccessor;

extern const char country_iso_codes_version[];
extern const CountryInterval country_intervals_data[];
extern const CountryEntry country_entries[];
extern const int country_n_entries;
/* direct tables: id + 1; 0 = no entry; -(k + 1) = country_ambiguities[k] */
extern const int16_t country_alpha1_table[26];
extern const int16_t country_alpha2_table[26 * 26];
extern const int16_t country_alpha3_table[26 * 26 * 26];
extern const int16_t country_numeric_table[1000];
extern const CountryAmbiguity country_ambiguities[];
extern const int country_n_ambiguities;
extern const CountryWord country_alpha4_codes[];
extern const int country_n_alpha4;
extern const CountryWord country_words[];
extern const int country_n_words;
extern const CountryGroup country_groups_data[];
extern const int country_n_groups;
extern const CountrySuccessor country_successors[];
extern const int country_n_successors;
extern const char *const country_relation_sources[][COUNTRY_N_RELATIONS];

#endif
