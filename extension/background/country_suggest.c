/*
 * country_suggest.c — a guess what an unknown country input meant, for the
 * hint of the error message (plain C).  Only called on the error path, so a
 * scan over the catalogue is fine here.
 */
#include "country_data.h"
#include "../common/edit_distance.h"

#include <string.h>

#define SUGGEST_MAX 64			/* longer input gets no suggestion */

/* lower-case ASCII; UTF-8 Ä Ö Ü to ä ö ü; other bytes unchanged */
static size_t
fold(const char *s, size_t n, unsigned char *out)
{
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c >= 'A' && c <= 'Z')
			c = c - 'A' + 'a';
		else if (i > 0 && (unsigned char) s[i - 1] == 0xC3 &&
				 (c == 0x84 || c == 0x96 || c == 0x9C))
			c += 0x20;
		out[i] = c;
	}
	return n;
}

/*
 * Scores one candidate string: 0 equal, 1 starts with the input, 2 contains
 * it, 3 + edit distance when that is small; -1 no match.
 */
static int
score(const unsigned char *in, size_t n, const char *cand, int max_dist)
{
	unsigned char c[SUGGEST_MAX];
	size_t		cn = strlen(cand);
	int			d;

	if (cn > SUGGEST_MAX)
		cn = SUGGEST_MAX;
	fold(cand, cn, c);
	if (cn == n && memcmp(c, in, n) == 0)
		return 0;
	if (cn > n && memcmp(c, in, n) == 0)
		return 1;
	for (size_t i = 1; n >= 4 && i + n <= cn; i++)
		if (memcmp(c + i, in, n) == 0)
			return 2;
	if (max_dist < 0)
		return -1;
	d = edit_distance(in, n, c, cn, max_dist);
	return d <= max_dist ? 3 + d : -1;
}

CountryId
country_suggest(const char *text, size_t len)
{
	unsigned char in[SUGGEST_MAX];
	size_t		n;
	CountryId	best = COUNTRY_NONE;
	int			best_score = 1000;
	int			n_best = 0;
	int			max_dist;

	if (text == NULL)
		return COUNTRY_NONE;
	while (len > 0 && (*text == ' ' || *text == '\t'))
	{
		text++;
		len--;
	}
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	if (len == 0 || len > SUGGEST_MAX)
		return COUNTRY_NONE;
	n = fold(text, len, in);
	max_dist = n <= 3 ? 1 : (int) n / 4 + 1;
	for (CountryId id = 0; id < country_n_entries; id++)
	{
		const CountryEntry *e = &country_entries[id];
		int			s = 1000,
					t;
		/* current countries first: a former one only wins by a clear margin */
		int			penalty = e->kind == COUNTRY_KIND_FORMER ? 1 : 0;

		if (n >= 3)
		{
			/* three letters: only a name they begin (a near name would be noise) */
			int			name_dist = n >= 4 ? max_dist : -1;

			if ((t = score(in, n, e->name_en, name_dist)) >= 0 && t < s)
				s = t;
			if ((t = score(in, n, e->name_de, name_dist)) >= 0 && t < s)
				s = t;
		}
		if (n <= 3)
		{
			const char *code = n == 2 ? e->iso_alpha2 : e->alpha3;

			/* a code one letter off: after every name match */
			if (code != NULL && strlen(code) == n &&
				(t = score(in, n, code, 1)) >= 3 && 10 + t < s)
				s = 10 + t;
		}
		if (s < 1000 && s + penalty < best_score)
		{
			best_score = s + penalty;
			best = id;
			n_best = 1;
		}
		else if (s < 1000 && s + penalty == best_score)
			n_best++;
	}
	/* a near code is only a useful guess if it is the only one */
	if (best_score >= 10 && n_best > 1)
		return COUNTRY_NONE;
	return best;
}
