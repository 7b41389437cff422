/*
 * country.c — lookups in the country catalogue (plain C).
 *
 * country_lookup() is on the hot path of the migration-background
 * derivations (one call per person and country field), so the common inputs
 * are answered by direct tables indexed by the letters or digits of the
 * code: no search, no allocation, no locale.
 */
#include "country_data.h"

#include <string.h>

#define ID_OK(id) ((id) >= 0 && (id) < country_n_entries)

static inline bool
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* ASCII letter to 0..25, or -1 (no locale: toupper() would depend on it). */
static inline int
letter(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	return -1;
}

/* A table cell into an answer. */
static inline CountryLookup
from_cell(int cell, CountryId *id)
{
	if (cell > 0)
	{
		*id = cell - 1;
		return COUNTRY_FOUND;
	}
	*id = COUNTRY_NONE;
	return cell < 0 ? COUNTRY_AMBIGUOUS : COUNTRY_UNKNOWN;
}

/* Trims surrounding blanks (ASCII white space). */
static inline void
trim(const char **s, size_t *len)
{
	const char *p = *s;
	size_t		n = *len;

	while (n > 0 && is_blank((unsigned char) p[0]))
	{
		p++;
		n--;
	}
	while (n > 0 && is_blank((unsigned char) p[n - 1]))
		n--;
	*s = p;
	*len = n;
}

/* The table cell of a code, 0 if it has none (also for words and alpha-4). */
static int
code_cell(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *) s;
	int			a,
				b,
				c;

	if (n >= 1 && n <= 3 && u[0] >= '0' && u[0] <= '9')
	{
		int			num = 0;

		for (size_t i = 0; i < n; i++)
		{
			if (u[i] < '0' || u[i] > '9')
				return 0;
			num = num * 10 + (u[i] - '0');
		}
		return country_numeric_table[num];
	}
	switch (n)
	{
		case 1:
			a = letter(u[0]);
			return a < 0 ? 0 : country_alpha1_table[a];
		case 2:
			a = letter(u[0]);
			b = letter(u[1]);
			return (a < 0 || b < 0) ? 0 : country_alpha2_table[a * 26 + b];
		case 3:
			a = letter(u[0]);
			b = letter(u[1]);
			c = letter(u[2]);
			return (a < 0 || b < 0 || c < 0) ? 0 :
				country_alpha3_table[(a * 26 + b) * 26 + c];
		default:
			return 0;
	}
}

/*
 * Case-insensitive comparison of the input with a lower-case word; ASCII
 * letters fold, and the UTF-8 upper-case umlauts Ä Ö Ü fold to ä ö ü.
 */
static bool
word_equal(const char *s, size_t n, const char *word)
{
	size_t		wn = strlen(word);

	if (n != wn)
		return false;
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s[i];
		unsigned char w = (unsigned char) word[i];

		if (c >= 'A' && c <= 'Z')
			c = c - 'A' + 'a';
		/* second byte of UTF-8 Ä Ö Ü (C3 84, C3 96, C3 9C) -> ä ö ü */
		else if (i > 0 && (unsigned char) s[i - 1] == 0xC3 &&
				 (c == 0x84 || c == 0x96 || c == 0x9C))
			c += 0x20;
		if (c != w)
			return false;
	}
	return true;
}

/* Case-insensitive comparison with an upper-case ASCII code. */
static bool
code_equal(const char *s, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
	{
		int			l = letter((unsigned char) s[i]);

		if (code[i] == '\0' || l < 0 || 'A' + l != code[i])
			return false;
	}
	return code[n] == '\0';
}

CountryLookup
country_lookup(const char *code, size_t len, CountryId *id)
{
	int			cell;

	*id = COUNTRY_NONE;
	if (code == NULL)
		return COUNTRY_UNKNOWN;
	trim(&code, &len);
	if (len == 0)
		return COUNTRY_UNKNOWN;
	cell = code_cell(code, len);
	if (cell != 0)
		return from_cell(cell, id);
	/* the rare forms: ISO 3166-3 alpha-4 codes and the words of the specials */
	if (len == 4)
	{
		for (int i = 0; i < country_n_alpha4; i++)
			if (code_equal(code, len, country_alpha4_codes[i].word))
			{
				*id = country_alpha4_codes[i].id;
				return COUNTRY_FOUND;
			}
	}
	else if (len > 4)
	{
		for (int i = 0; i < country_n_words; i++)
			if (word_equal(code, len, country_words[i].word))
			{
				*id = country_words[i].id;
				return COUNTRY_FOUND;
			}
	}
	return COUNTRY_UNKNOWN;
}

int
country_alternatives(const char *code, size_t len, CountryId *ids, int max)
{
	int			cell;
	const CountryAmbiguity *a;
	int			n;

	if (code == NULL)
		return 0;
	trim(&code, &len);
	cell = code_cell(code, len);
	if (cell >= 0)
		return 0;
	a = &country_ambiguities[-cell - 1];
	n = a->count < max ? a->count : max;
	for (int i = 0; i < n; i++)
		ids[i] = a->ids[i];
	return n;
}

int
country_count(void)
{
	return country_n_entries;
}

#define ENTRY_FIELD(id, field, none) (ID_OK(id) ? country_entries[id].field : (none))

const char *
country_alpha2(CountryId id)
{
	return ENTRY_FIELD(id, code, NULL);
}

const char *
country_iso_alpha2(CountryId id)
{
	return ENTRY_FIELD(id, iso_alpha2, NULL);
}

const char *
country_alpha3(CountryId id)
{
	return ENTRY_FIELD(id, alpha3, NULL);
}

const char *
country_alpha4(CountryId id)
{
	return ENTRY_FIELD(id, alpha4, NULL);
}

int
country_numeric(CountryId id)
{
	return ENTRY_FIELD(id, numeric, -1);
}

CountryKind
country_kind(CountryId id)
{
	return ENTRY_FIELD(id, kind, COUNTRY_KIND_SPECIAL);
}

const char *
country_name(CountryId id, bool german)
{
	if (!ID_OK(id))
		return NULL;
	return german ? country_entries[id].name_de : country_entries[id].name_en;
}

const char *
country_withdrawn(CountryId id)
{
	return ENTRY_FIELD(id, withdrawn, NULL);
}

bool
country_state_period(CountryId id, int32_t *from, int32_t *to)
{
	if (!ID_OK(id) || (country_entries[id].state_from == COUNTRY_DAY_MIN &&
					   country_entries[id].state_to == COUNTRY_DAY_MAX))
		return false;
	*from = country_entries[id].state_from;
	*to = country_entries[id].state_to;
	return true;
}

bool
country_is_germany(CountryId id)
{
	return ID_OK(id) && strcmp(country_entries[id].code, "DE") == 0;
}

bool
country_in_present_germany(CountryId id)
{
	return ID_OK(id) && (strcmp(country_entries[id].code, "DE") == 0 ||
						 strcmp(country_entries[id].code, "DD") == 0);
}

bool
country_is_stateless(CountryId id)
{
	return ID_OK(id) && strcmp(country_entries[id].code, "XXA") == 0;
}

bool
country_is_unclear(CountryId id)
{
	return ID_OK(id) && strcmp(country_entries[id].code, "XXX") == 0;
}

bool
country_member_on(CountryId id, CountryRelation rel, int32_t day)
{
	const CountryIntervalRange *r;

	if (!ID_OK(id) || (int) rel < 0 || rel >= COUNTRY_N_RELATIONS)
		return false;
	r = &country_entries[id].relations[rel];
	for (int i = 0; i < r->count; i++)
	{
		const CountryInterval *iv = &country_intervals_data[r->first + i];

		if (day >= iv->from && day <= iv->to)
			return true;
	}
	return false;
}

int
country_period_count(CountryId id, CountryRelation rel)
{
	if (!ID_OK(id) || (int) rel < 0 || rel >= COUNTRY_N_RELATIONS)
		return 0;
	return country_entries[id].relations[rel].count;
}

void
country_period(CountryId id, CountryRelation rel, int i, int32_t *from, int32_t *to)
{
	const CountryInterval *iv;

	*from = COUNTRY_DAY_MAX;
	*to = COUNTRY_DAY_MIN;
	if (i < 0 || i >= country_period_count(id, rel))
		return;
	iv = &country_intervals_data[country_entries[id].relations[rel].first + i];
	*from = iv->from;
	*to = iv->to;
}

const char *
country_relation_source(CountryId id, CountryRelation rel)
{
	if (!ID_OK(id) || (int) rel < 0 || rel >= COUNTRY_N_RELATIONS)
		return NULL;
	return country_relation_sources[id][rel];
}

int
country_group_count(void)
{
	return country_n_groups;
}

/* Group keys match case-insensitively, ignoring '-' and '_' ("EU-8" = "eu8"). */
int
country_group_lookup(const char *key, size_t len)
{
	if (key == NULL)
		return -1;
	trim(&key, &len);
	for (int g = 0; g < country_n_groups; g++)
	{
		const char *k = country_groups_data[g].key;
		size_t		i = 0;

		for (;;)
		{
			unsigned char c;

			while (i < len && (key[i] == '-' || key[i] == '_'))
				i++;
			while (*k == '_')
				k++;
			if (i == len || *k == '\0')
				break;
			c = (unsigned char) key[i];
			if (c >= 'A' && c <= 'Z')
				c = c - 'A' + 'a';
			if (c != (unsigned char) *k)
				break;
			i++;
			k++;
		}
		if (i == len && *k == '\0')
			return g;
	}
	return -1;
}

#define GROUP_OK(g) ((g) >= 0 && (g) < country_n_groups)

const char *
country_group_key(int group)
{
	return GROUP_OK(group) ? country_groups_data[group].key : NULL;
}

const char *
country_group_label(int group, bool german)
{
	if (!GROUP_OK(group))
		return NULL;
	return german ? country_groups_data[group].label_de : country_groups_data[group].label_en;
}

const char *
country_group_source(int group)
{
	return GROUP_OK(group) ? country_groups_data[group].source : NULL;
}

bool
country_in_group(CountryId id, int group)
{
	return ID_OK(id) && GROUP_OK(group) &&
		(country_entries[id].groups & (UINT32_C(1) << group)) != 0;
}

int
country_successor_count(CountryId id)
{
	int			n = 0;

	for (int i = 0; i < country_n_successors; i++)
		if (country_successors[i].former == id)
			n++;
	return n;
}

CountryId
country_successor(CountryId id, int k)
{
	for (int i = 0; i < country_n_successors; i++)
		if (country_successors[i].former == id && k-- == 0)
			return country_successors[i].successor;
	return COUNTRY_NONE;
}

const char *
country_catalogue_version(void)
{
	return country_iso_codes_version;
}
