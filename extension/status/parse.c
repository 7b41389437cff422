/*
 * Reading residence statuses as registers write them.  Plain C.
 *
 * Two ways in, tried in this order:
 *  1. a name: the whole input, folded (rs_fold_name), equals a catalogue name
 *     ("Blaue Karte EU", "Duldung", "AT: Daueraufenthalt – EU");
 *  2. a citation: optional document words ("AE", "Niederlassungserlaubnis
 *     nach"), then a paragraph with its parts in the usual variants
 *     ("§ 25 Abs. 2 S. 1 1. Alt. AufenthG", "25 II 1 AufenthG",
 *     "AufenthG 25.2", "§25(2)"), the law (default AufenthG), and trailing
 *     "a.F." or "i.V.m. ..." which is ignored.
 * A citation is matched against the catalogue's citations by its parts: an
 * exact match, else the one status a less specific citation stands for, else
 * the closest less specific catalogue citation, as long as the catalogue does
 * not distinguish finer at that point (then the input is ambiguous).
 */
#include "parse.h"
#include "../common/edit_distance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- folding */

/*
 * Base letters of U+00C0..U+00FF after lower-casing (index = second UTF-8
 * byte - 0x80, upper and lower case share a row); '\0' drops the character.
 * ä ö ü ß are handled before this table.
 */
static const char latin1_base[64] = {
	'a', 'a', 'a', 'a', 0, 'a', 0, 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
	0, 'n', 'o', 'o', 'o', 'o', 0, 0, 0, 'u', 'u', 'u', 0, 'y', 0, 0,
	'a', 'a', 'a', 'a', 0, 'a', 0, 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
	0, 'n', 'o', 'o', 'o', 'o', 0, 0, 0, 'u', 'u', 'u', 0, 'y', 0, 'y'
};

/* Length of the UTF-8 sequence starting with byte b (1 for stray bytes). */
static int
utf8_len(unsigned char b)
{
	if (b >= 0xF0 && b < 0xF8)
		return 4;
	if (b >= 0xE0)
		return b < 0xF0 ? 3 : 1;
	if (b >= 0xC0)
		return 2;
	return 1;
}

/* Appends the folded form of one character; returns bytes consumed. */
static size_t
fold_char(const unsigned char *p, size_t left, char *out, size_t *n, size_t cap)
{
	const char *rep = NULL;
	char		one[2] = {0, 0};
	size_t		used = 1;

	if (p[0] < 0x80)
	{
		unsigned char c = p[0];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char) (c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		{
			one[0] = (char) c;
			rep = one;
		}
	}
	else
	{
		used = (size_t) utf8_len(p[0]);
		if (used > left)
			used = left;
		if (used == 2 && p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF)
		{
			unsigned char c = (unsigned char) (p[1] | 0x20);	/* lower case row */

			if (c == 0xA4)
				rep = "ae";
			else if (c == 0xB6)
				rep = "oe";
			else if (c == 0xBC)
				rep = "ue";
			else if (p[1] == 0x9F)
				rep = "ss";
			else if (latin1_base[p[1] - 0x80])
			{
				one[0] = latin1_base[p[1] - 0x80];
				rep = one;
			}
		}
		else if (used == 2 && p[0] == 0xC2 && p[1] == 0xA7)
			rep = "\xC2\xA7";	/* § */
	}
	for (; rep && *rep; rep++)
		if (*n + 1 < cap)
			out[(*n)++] = *rep;
	return used;
}

size_t
rs_fold_name(const char *s, size_t len, char *out, size_t cap)
{
	size_t		n = 0,
				i = 0;

	while (i < len)
		i += fold_char((const unsigned char *) s + i, len - i, out, &n, cap);
	if (cap > 0)
		out[n] = '\0';
	return n;
}

/* 1-based character position of byte offset off in s. */
static int
char_position(const char *s, size_t off)
{
	int			pos = 1;

	for (size_t i = 0; i < off; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			pos++;
	return pos;
}

/* ----------------------------------------------------------------- lexing */

typedef enum TokType
{
	T_NUMBER,					/* digits, optionally one attached letter */
	T_WORD,						/* letters, folded */
	T_PARA,						/* § or §§ */
	T_LPAREN,
	T_RPAREN,
	T_DOT						/* only directly after a number */
} TokType;

typedef struct Token
{
	TokType		type;
	int			number;
	char		letter;			/* attached letter of a number, or 0 */
	char		word[48];		/* folded word */
	size_t		start;			/* byte offset in the input */
	size_t		len;			/* bytes */
} Token;

#define MAX_TOKENS 64

typedef struct Lexed
{
	Token		tok[MAX_TOKENS];
	int			n;
} Lexed;

static bool
is_ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A byte that starts a letter: ASCII or a Latin-1 letter (U+00C0..U+00FF). */
static bool
starts_letter(const unsigned char *p, size_t left)
{
	return is_ascii_letter(p[0]) ||
		(left >= 2 && p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF &&
		 p[1] != 0x97 && p[1] != 0xB7);	/* not × ÷ */
}

/* Separators between tokens: spaces, punctuation people put anywhere. */
static size_t
separator_len(const unsigned char *p, size_t left)
{
	if (strchr(" \t\r\n,;:-/_'\"", p[0]) && p[0] != '\0')
		return 1;
	if (left >= 2 && p[0] == 0xC2 && p[1] == 0xA0)	/* no-break space */
		return 2;
	if (left >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
		(p[2] == 0x93 || p[2] == 0x94 || p[2] == 0x98 || p[2] == 0x99 ||
		 p[2] == 0x9E || p[2] == 0x9C || p[2] == 0xAF))	/* – — ‘ ’ „ “ nbsp */
		return 3;
	return 0;
}

static RsErrorKind
syntax_error(RsParseError *err, const char *s, size_t off, size_t len, const char *what)
{
	err->kind = RS_ERR_SYNTAX;
	err->position = char_position(s, off);
	snprintf(err->detail, sizeof(err->detail), "Could not understand %s\"%.*s\" at character %d.",
			 what, (int) (len > 40 ? 40 : len), s + off, err->position);
	return RS_ERR_SYNTAX;
}

static RsErrorKind
lex(const char *s, size_t len, Lexed *lx, RsParseError *err)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		i = 0;

	lx->n = 0;
	while (i < len)
	{
		size_t		sep = separator_len(u + i, len - i);
		Token	   *t;

		if (sep > 0)
		{
			i += sep;
			continue;
		}
		if (lx->n == MAX_TOKENS)
			return syntax_error(err, s, i, len - i, "the rest of a too long input, ");
		if (u[i] == '.')
		{
			/* A dot matters only after a number ("25.2", "1. Alt."). */
			if (lx->n > 0 && lx->tok[lx->n - 1].type == T_NUMBER &&
				lx->tok[lx->n - 1].start + lx->tok[lx->n - 1].len == i)
				goto emit_dot;
			i++;
			continue;
		}
		t = &lx->tok[lx->n];
		memset(t, 0, sizeof(*t));
		t->start = i;
		if (u[i] >= '0' && u[i] <= '9')
		{
			long		v = 0;

			while (i < len && u[i] >= '0' && u[i] <= '9')
			{
				v = v * 10 + (u[i] - '0');
				if (v > 9999)
					return syntax_error(err, s, t->start, i + 1 - t->start, "the number ");
				i++;
			}
			/* "16a": one attached letter, not the start of a word */
			if (i < len && is_ascii_letter(u[i]) &&
				(i + 1 == len || !starts_letter(u + i + 1, len - i - 1)))
			{
				t->letter = (char) (u[i] | 0x20);
				i++;
			}
			t->type = T_NUMBER;
			t->number = (int) v;
		}
		else if (starts_letter(u + i, len - i))
		{
			size_t		n = 0;

			while (i < len && starts_letter(u + i, len - i))
			{
				i += fold_char(u + i, len - i, t->word, &n, sizeof(t->word));
				if (n + 2 >= sizeof(t->word))
					return syntax_error(err, s, t->start, i - t->start, "the word ");
			}
			t->word[n] = '\0';
			t->type = T_WORD;
		}
		else if (len - i >= 2 && u[i] == 0xC2 && u[i + 1] == 0xA7)
		{
			while (len - i >= 2 && u[i] == 0xC2 && u[i + 1] == 0xA7)
				i += 2;
			t->type = T_PARA;
		}
		else if (u[i] == '(' || u[i] == ')')
		{
			t->type = u[i] == '(' ? T_LPAREN : T_RPAREN;
			i++;
		}
		else
		{
			size_t		cl = (size_t) utf8_len(u[i]);

			return syntax_error(err, s, i, cl > len - i ? len - i : cl, "the character ");
		}
		t->len = i - t->start;
		lx->n++;
		continue;
emit_dot:
		t = &lx->tok[lx->n];
		memset(t, 0, sizeof(*t));
		t->type = T_DOT;
		t->start = i++;
		t->len = 1;
		lx->n++;
	}
	return RS_OK;
}

/* -------------------------------------------------------------- citations */

enum
{
	LAW_NONE = 0, LAW_AUFENTHG, LAW_ASYLG, LAW_FREIZUEGG
};

/* Parts of a citation in their order; 0 = not given. */
enum
{
	P_PARA, P_ABS, P_SATZ, P_NR, P_BUCHST, P_ALT, N_PARTS
};
static const char *const part_names[N_PARTS] = {
	"paragraph", "Absatz", "Satz", "Nummer", "Buchstabe", "Alternative"
};

/* Document words narrow the candidates ("NE § 26": the settlement permit). */
typedef enum DocClass
{
	DOC_ANY, DOC_RESIDENCE_PERMIT, DOC_SETTLEMENT, DOC_VISA, DOC_TOLERATION,
	DOC_PERMISSION, DOC_FICTION, DOC_TITLE
} DocClass;

typedef struct Cite
{
	int			law;
	int			part[N_PARTS];	/* number * 32 + letter - 'a' + 1 */
} Cite;

typedef struct Keyword
{
	const char *word;
	int			value;
} Keyword;

static const Keyword part_words[] = {
	{"abs", P_ABS}, {"absatz", P_ABS}, {"s", P_SATZ}, {"satz", P_SATZ},
	{"nr", P_NR}, {"nummer", P_NR}, {"ziff", P_NR}, {"ziffer", P_NR},
	{"buchst", P_BUCHST}, {"buchstabe", P_BUCHST}, {"lit", P_BUCHST}, {"litera", P_BUCHST},
	{"alt", P_ALT}, {"alternative", P_ALT}, {"var", P_ALT}, {"variante", P_ALT},
	{NULL, 0}
};

static const Keyword law_words[] = {
	{"aufenthg", LAW_AUFENTHG}, {"aufenthaltsg", LAW_AUFENTHG},
	{"aufenthaltsgesetz", LAW_AUFENTHG},
	{"asylg", LAW_ASYLG}, {"asylvfg", LAW_ASYLG}, {"asylgesetz", LAW_ASYLG},
	{"asylverfahrensgesetz", LAW_ASYLG},
	{"freizuegg", LAW_FREIZUEGG}, {"freizugg", LAW_FREIZUEGG},
	{"freizueggeu", LAW_FREIZUEGG}, {"freizuegigkeitsgesetz", LAW_FREIZUEGG},
	{NULL, 0}
};

static const Keyword doc_words[] = {
	{"ae", DOC_RESIDENCE_PERMIT}, {"aufenthaltserlaubnis", DOC_RESIDENCE_PERMIT},
	{"ne", DOC_SETTLEMENT}, {"niederlassungserlaubnis", DOC_SETTLEMENT},
	{"visum", DOC_VISA}, {"duldung", DOC_TOLERATION},
	{"gestattung", DOC_PERMISSION}, {"aufenthaltsgestattung", DOC_PERMISSION},
	{"fiktion", DOC_FICTION}, {"fiktionsbescheinigung", DOC_FICTION},
	{"aufenthaltstitel", DOC_TITLE}, {"titel", DOC_TITLE},
	{NULL, 0}
};

/* Words that carry no meaning around a citation. */
static const char *const noise_words[] = {
	"nach", "gem", "gemaess", "gemass", "laut", "lt", "auf", "grundlage", "aufgrund",
	"von", "vom", "des", "der", "dem", "isd", "erteilt", "mit", NULL
};

static int
keyword(const Keyword *list, const char *w)
{
	for (; list->word; list++)
		if (strcmp(list->word, w) == 0)
			return list->value;
	return -1;
}

static bool
is_noise(const char *w)
{
	for (const char *const *n = noise_words; *n; n++)
		if (strcmp(*n, w) == 0)
			return true;
	return false;
}

/* Roman numeral I..XX (Absatz in "25 II 1"), else 0. */
static int
roman_value(const char *w)
{
	static const char *const romans[] = {
		"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
		"xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"
	};

	for (int i = 0; i < 20; i++)
		if (strcmp(romans[i], w) == 0)
			return i + 1;
	return 0;
}

static int
part_value(int number, char letter)
{
	return number * 32 + (letter ? letter - 'a' + 1 : 0);
}

/* Is tok[i..] "i v m" / "ivm" (i. V. m.: a second citation follows)? */
static bool
at_ivm(const Lexed *lx, int i)
{
	if (i < lx->n && lx->tok[i].type == T_WORD && strcmp(lx->tok[i].word, "ivm") == 0)
		return true;
	return i + 2 < lx->n && lx->tok[i].type == T_WORD && lx->tok[i + 1].type == T_WORD &&
		lx->tok[i + 2].type == T_WORD && strcmp(lx->tok[i].word, "i") == 0 &&
		strcmp(lx->tok[i + 1].word, "v") == 0 && strcmp(lx->tok[i + 2].word, "m") == 0;
}

/* "a.F." / "n.F." (alte / neue Fassung) at tok[i]: returns tokens used. */
static int
at_version_note(const Lexed *lx, int i)
{
	if (i < lx->n && lx->tok[i].type == T_WORD &&
		(strcmp(lx->tok[i].word, "af") == 0 || strcmp(lx->tok[i].word, "nf") == 0))
		return 1;
	if (i + 1 < lx->n && lx->tok[i].type == T_WORD && lx->tok[i + 1].type == T_WORD &&
		(strcmp(lx->tok[i].word, "a") == 0 || strcmp(lx->tok[i].word, "n") == 0) &&
		strcmp(lx->tok[i + 1].word, "f") == 0)
		return 2;
	return 0;
}

/*
 * A remark in brackets after the citation, "(Ukraine)", "(alte Fassung)":
 * only words up to the closing bracket.  Returns the tokens to skip: all of
 * the remark, or just the bracket when it holds more than words (then its
 * contents are read as part of the citation, e.g. "(Alt. 2)").
 */
static int
remark_length(const Lexed *lx, int open)
{
	int			j = open + 1;

	while (j < lx->n && lx->tok[j].type == T_WORD)
		j++;
	if (j > open + 1 && j < lx->n && lx->tok[j].type == T_RPAREN &&
		keyword(part_words, lx->tok[open + 1].word) < 0)
		return j + 1 - open;
	return 1;
}

typedef struct CiteParse
{
	Cite		cite;
	DocClass	doc;
	int			doc_token;		/* token of the document word, or -1 */
	bool		is_citation;	/* a paragraph number was found */
} CiteParse;

static RsErrorKind
set_part(Cite *c, int part, int value, const char *s, const Token *t, RsParseError *err)
{
	if (c->part[part] != 0)
	{
		syntax_error(err, s, t->start, t->len, "");
		snprintf(err->detail + strlen(err->detail), sizeof(err->detail) - strlen(err->detail),
				 " The %s is given twice.", part_names[part]);
		return RS_ERR_SYNTAX;
	}
	if (value <= 0)
		return syntax_error(err, s, t->start, t->len, "the number ");
	c->part[part] = value;
	return RS_OK;
}

/* Reads a law word at tok[*i] (with "/EU" after FreizügG); returns the law. */
static int
take_law(const Lexed *lx, int *i)
{
	int			law;

	if (*i >= lx->n || lx->tok[*i].type != T_WORD)
		return LAW_NONE;
	law = keyword(law_words, lx->tok[*i].word);
	if (law <= 0)
		return LAW_NONE;
	(*i)++;
	if (law == LAW_FREIZUEGG && *i < lx->n && lx->tok[*i].type == T_WORD &&
		strcmp(lx->tok[*i].word, "eu") == 0)
		(*i)++;
	return law;
}

/* The next implicit part for a bare number: after Absatz comes Satz, then Nummer. */
static int
implicit_part(const Cite *c)
{
	if (c->part[P_ABS] == 0)
		return P_ABS;
	if (c->part[P_SATZ] == 0)
		return P_SATZ;
	return P_NR;
}

static RsErrorKind
parse_citation(const char *s, const Lexed *lx, CiteParse *cp, RsParseError *err)
{
	Cite	   *c = &cp->cite;
	int			i = 0;
	RsErrorKind rc;

	memset(cp, 0, sizeof(*cp));
	cp->doc_token = -1;

	/* leading document and noise words, perhaps with a bracket before the citation */
	while (i < lx->n && (lx->tok[i].type == T_LPAREN ||
						 (lx->tok[i].type == T_WORD && keyword(law_words, lx->tok[i].word) < 0)))
	{
		int			d;

		if (lx->tok[i].type == T_LPAREN)
		{
			i++;
			continue;
		}
		d = keyword(doc_words, lx->tok[i].word);

		if (d >= 0 && cp->doc_token < 0)
		{
			cp->doc = (DocClass) d;
			cp->doc_token = i;
		}
		else if (!is_noise(lx->tok[i].word) && d < 0)
			return syntax_error(err, s, lx->tok[i].start, lx->tok[i].len, "");
		i++;
	}
	c->law = take_law(lx, &i);	/* "AufenthG 25.2" */
	if (i < lx->n && lx->tok[i].type == T_PARA)
		i++;
	if (i >= lx->n || lx->tok[i].type != T_NUMBER)
	{
		if (i < lx->n)
			return syntax_error(err, s, lx->tok[i].start, lx->tok[i].len, "");
		if (i > 0 && (c->law != LAW_NONE || lx->tok[i - 1].type == T_PARA))
		{
			const Token *last = &lx->tok[i - 1];

			syntax_error(err, s, last->start, last->len, "");
			snprintf(err->detail + strlen(err->detail), sizeof(err->detail) - strlen(err->detail),
					 " A paragraph number must follow it.");
			return RS_ERR_SYNTAX;
		}
		return RS_ERR_UNKNOWN;	/* only words: not a citation */
	}
	cp->is_citation = true;
	{
		const Token *t = &lx->tok[i++];
		char		letter = t->letter;

		/* "§ 16 a": a lone letter (not a roman numeral) belongs to the number */
		if (!letter && i < lx->n && lx->tok[i].type == T_WORD && strlen(lx->tok[i].word) == 1 &&
			!roman_value(lx->tok[i].word) && strcmp(lx->tok[i].word, "s") != 0 &&
			lx->tok[i].start == t->start + t->len + 1)
			letter = lx->tok[i++].word[0];
		if ((rc = set_part(c, P_PARA, part_value(t->number, letter), s, t, err)) != RS_OK)
			return rc;
	}

	while (i < lx->n)
	{
		const Token *t = &lx->tok[i];
		int			p,
					skip;

		if (at_ivm(lx, i))
			break;				/* a second, supporting citation: ignored */
		if (t->type == T_LPAREN)
		{
			/* "§25(2)", "§ 25 (2) S. 1"; other brackets only group words */
			if (i + 2 >= lx->n || lx->tok[i + 1].type != T_NUMBER || lx->tok[i + 2].type != T_RPAREN)
			{
				i += remark_length(lx, i);
				continue;
			}
			if ((rc = set_part(c, implicit_part(c), part_value(lx->tok[i + 1].number, lx->tok[i + 1].letter),
							   s, &lx->tok[i + 1], err)) != RS_OK)
				return rc;
			i += 3;
		}
		else if (t->type == T_DOT)
		{
			/* "25.2", "25.2.1" (the numbering of the administrative regulation) */
			if (i + 1 >= lx->n || lx->tok[i + 1].type != T_NUMBER)
				return syntax_error(err, s, t->start, t->len, "");
			if ((rc = set_part(c, implicit_part(c), part_value(lx->tok[i + 1].number, lx->tok[i + 1].letter),
							   s, &lx->tok[i + 1], err)) != RS_OK)
				return rc;
			i += 2;
		}
		else if (t->type == T_NUMBER)
		{
			/* "1. Alt." and "1 Alt": an ordinal alternative; else the next part */
			int			j = i + 1;

			if (j < lx->n && lx->tok[j].type == T_DOT)
				j++;
			if (j < lx->n && lx->tok[j].type == T_WORD && keyword(part_words, lx->tok[j].word) == P_ALT)
			{
				if ((rc = set_part(c, P_ALT, part_value(t->number, 0), s, t, err)) != RS_OK)
					return rc;
				i = j + 1;
			}
			else
			{
				if ((rc = set_part(c, implicit_part(c), part_value(t->number, t->letter), s, t, err)) != RS_OK)
					return rc;
				i++;
			}
		}
		else if (t->type == T_WORD && (p = keyword(part_words, t->word)) > 0)
		{
			const Token *v = i + 1 < lx->n ? &lx->tok[i + 1] : NULL;
			int			value = 0;

			if (v && v->type == T_NUMBER && (p == P_NR || p == P_ABS || !v->letter))
				value = part_value(v->number, v->letter);
			else if (v && v->type == T_WORD && p == P_ABS && roman_value(v->word))
				value = part_value(roman_value(v->word), 0);
			else if (v && v->type == T_WORD && p == P_BUCHST && strlen(v->word) == 1)
				value = v->word[0] - 'a' + 1;
			if (value == 0)
				return syntax_error(err, s, t->start, (v ? v->start + v->len : t->start + t->len) - t->start, "");
			if ((rc = set_part(c, p, value, s, t, err)) != RS_OK)
				return rc;
			i += 2;
		}
		else if (t->type == T_WORD && c->part[P_ABS] == 0 && roman_value(t->word) &&
				 keyword(law_words, t->word) < 0)
		{
			/* "25 II 1" */
			if ((rc = set_part(c, P_ABS, part_value(roman_value(t->word), 0), s, t, err)) != RS_OK)
				return rc;
			i++;
		}
		else if (t->type == T_WORD && keyword(law_words, t->word) > 0)
		{
			if (c->law != LAW_NONE)
				return syntax_error(err, s, t->start, t->len, "a second law ");
			c->law = take_law(lx, &i);
		}
		else if (t->type == T_WORD && c->law != LAW_NONE && (skip = at_version_note(lx, i)) > 0)
			i += skip;
		else if (t->type == T_WORD && (keyword(doc_words, t->word) >= 0 || is_noise(t->word)))
		{
			/* "§ 60a AufenthG (Duldung)" */
			int			d = keyword(doc_words, t->word);

			if (d >= 0 && cp->doc_token < 0)
			{
				cp->doc = (DocClass) d;
				cp->doc_token = i;
			}
			i++;
		}
		else if (t->type == T_RPAREN || t->type == T_LPAREN)
			i++;
		else
			return syntax_error(err, s, t->start, t->len, "");
	}
	if (c->law == LAW_NONE)
		c->law = LAW_AUFENTHG;	/* registers omit the law for the AufenthG */
	return RS_OK;
}

/* ------------------------------------------------------ the compiled index */

#define RS_MAX_CITATIONS 2048
#define RS_MAX_NAMES 4096
#define RS_NAME_POOL (128 * 1024)

typedef struct NameRef
{
	const char *folded;
	int			entry;
	char		jurisdiction[3];
} NameRef;

static bool index_ready;
static const char *index_problem;
static Cite cite_keys[RS_MAX_CITATIONS];
static int	cite_sorted[RS_MAX_CITATIONS];	/* by (law, paragraph) */
static NameRef names_sorted[RS_MAX_NAMES];
static int	n_names_sorted;
static char name_pool[RS_NAME_POOL];

static int
cite_order(const void *a, const void *b)
{
	const Cite *x = &cite_keys[*(const int *) a];
	const Cite *y = &cite_keys[*(const int *) b];

	if (x->law != y->law)
		return x->law < y->law ? -1 : 1;
	if (x->part[P_PARA] != y->part[P_PARA])
		return x->part[P_PARA] < y->part[P_PARA] ? -1 : 1;
	return *(const int *) a < *(const int *) b ? -1 : (*(const int *) a > *(const int *) b);
}

static int
name_order(const void *a, const void *b)
{
	const NameRef *x = a,
			   *y = b;
	int			c = strcmp(x->folded, y->folded);

	if (c != 0)
		return c;
	c = strcmp(x->jurisdiction, y->jurisdiction);
	return c != 0 ? c : (x->entry > y->entry) - (x->entry < y->entry);
}

static char index_message[200];

static void
build_index(void)
{
	size_t		pool_used = 0;

	index_ready = true;
	if (rs_n_citations > RS_MAX_CITATIONS || rs_n_names > RS_MAX_NAMES)
	{
		index_problem = "the catalogue has more citations or names than the parser's limits";
		return;
	}
	for (int i = 0; i < rs_n_citations; i++)
	{
		Lexed		lx;
		CiteParse	cp;
		RsParseError err;
		const char *t = rs_citations[i].text;

		if (lex(t, strlen(t), &lx, &err) != RS_OK ||
			parse_citation(t, &lx, &cp, &err) != RS_OK || !cp.is_citation)
		{
			snprintf(index_message, sizeof(index_message),
					 "catalogue citation \"%s\" does not parse", t);
			index_problem = index_message;
			return;
		}
		cite_keys[i] = cp.cite;
		cite_sorted[i] = i;
	}
	qsort(cite_sorted, (size_t) rs_n_citations, sizeof(int), cite_order);

	for (int i = 0; i < rs_n_names; i++)
	{
		const char *t = rs_names[i].text;
		size_t		n = rs_fold_name(t, strlen(t), name_pool + pool_used, RS_NAME_POOL - pool_used);

		if (pool_used + n + 2 >= RS_NAME_POOL)
		{
			index_problem = "the catalogue's names exceed the parser's name pool";
			return;
		}
		names_sorted[i].folded = name_pool + pool_used;
		names_sorted[i].entry = rs_names[i].entry;
		memcpy(names_sorted[i].jurisdiction, rs_entries[rs_names[i].entry].jurisdiction, 3);
		pool_used += n + 1;
	}
	n_names_sorted = rs_n_names;
	qsort(names_sorted, (size_t) n_names_sorted, sizeof(NameRef), name_order);
	for (int i = 1; i < n_names_sorted; i++)
		if (strcmp(names_sorted[i].folded, names_sorted[i - 1].folded) == 0 &&
			strcmp(names_sorted[i].jurisdiction, names_sorted[i - 1].jurisdiction) == 0 &&
			names_sorted[i].entry != names_sorted[i - 1].entry)
		{
			snprintf(index_message, sizeof(index_message),
					 "catalogue name \"%s\" names two statuses", names_sorted[i].folded);
			index_problem = index_message;
			return;
		}
}

const char *
rs_catalogue_problem(void)
{
	if (!index_ready)
		build_index();
	return index_problem;
}

const RsEntry *
rs_entry_by_code(int32_t code)
{
	int			lo = 0,
				hi = rs_n_entries - 1;

	/* rs_entries is in code order (checked by the generator) */
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (rs_entries[mid].code == code)
			return &rs_entries[mid];
		if (rs_entries[mid].code < code)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* ------------------------------------------------------------- matching */

static bool
doc_fits(DocClass doc, const RsEntry *e)
{
	switch (doc)
	{
		case DOC_ANY:
			return true;
		case DOC_RESIDENCE_PERMIT:
			return strcmp(e->document, "residence_permit") == 0;
		case DOC_SETTLEMENT:
			return strcmp(e->document, "settlement_permit") == 0 ||
				strcmp(e->document, "eu_long_term_residence") == 0;
		case DOC_VISA:
			return strcmp(e->document, "visa") == 0;
		case DOC_TOLERATION:
			return strcmp(e->document, "toleration") == 0;
		case DOC_PERMISSION:
			return strcmp(e->document, "permission_to_reside") == 0;
		case DOC_FICTION:
			return strcmp(e->document, "fictional_certificate") == 0;
		case DOC_TITLE:
			return e->title;
	}
	return true;
}

/* Is the citation row usable in this pass? */
static bool
row_applies(int row, int32_t as_of, bool historic_pass)
{
	const RsCitation *c = &rs_citations[row];

	if (as_of != RS_NO_DATE)
		return c->from <= as_of && as_of <= c->to;
	return historic_pass == (c->kind == RS_CITE_HISTORIC);
}

static bool
compatible(const Cite *a, const Cite *b)
{
	for (int p = 0; p < N_PARTS; p++)
		if (a->part[p] && b->part[p] && a->part[p] != b->part[p])
			return false;
	return true;
}

/* Every part given in a is given (equally) in b. */
static bool
subset(const Cite *a, const Cite *b)
{
	for (int p = 0; p < N_PARTS; p++)
		if (a->part[p] && a->part[p] != b->part[p])
			return false;
	return true;
}

static int
specificity(const Cite *a)
{
	int			n = 0;

	for (int p = 0; p < N_PARTS; p++)
		n += a->part[p] != 0;
	return n;
}

#define MAX_CANDIDATES 8

typedef struct Match
{
	int			n;				/* distinct entries found */
	int			entry[MAX_CANDIDATES];
} Match;

static void
add_candidate(Match *m, int entry)
{
	for (int i = 0; i < m->n; i++)
		if (m->entry[i] == entry)
			return;
	if (m->n < MAX_CANDIDATES)
		m->entry[m->n++] = entry;
}

/* First index in cite_sorted with (law, paragraph) >= k's. */
static int
paragraph_start(const Cite *k)
{
	int			lo = 0,
				hi = rs_n_citations;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;
		const Cite *c = &cite_keys[cite_sorted[mid]];

		if (c->law < k->law || (c->law == k->law && c->part[P_PARA] < k->part[P_PARA]))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Candidates for citation k among the rows of one pass.  Fills m and
 * returns: 1 = exactly one status, 0 = none, -1 = ambiguous (m lists them).
 */
static int
match_citation(const Cite *k, DocClass doc, int32_t as_of, bool historic_pass, Match *m)
{
	int			start = paragraph_start(k);
	int			end = start;
	int			best = -1,
				best_spec = -1;

	while (end < rs_n_citations &&
		   cite_keys[cite_sorted[end]].law == k->law &&
		   cite_keys[cite_sorted[end]].part[P_PARA] == k->part[P_PARA])
		end++;
	m->n = 0;

	/* 1. the same parts */
	for (int i = start; i < end; i++)
	{
		int			row = cite_sorted[i];
		const Cite *c = &cite_keys[row];

		if (row_applies(row, as_of, historic_pass) && doc_fits(doc, &rs_entries[rs_citations[row].entry]) &&
			subset(c, k) && subset(k, c))
			add_candidate(m, rs_citations[row].entry);
	}
	if (m->n > 0)
		return m->n == 1 ? 1 : -1;

	/* 2. k is less specific: fine if everything below it is one status */
	for (int i = start; i < end; i++)
	{
		int			row = cite_sorted[i];

		if (row_applies(row, as_of, historic_pass) && doc_fits(doc, &rs_entries[rs_citations[row].entry]) &&
			subset(k, &cite_keys[row]))
			add_candidate(m, rs_citations[row].entry);
	}
	if (m->n > 0)
		return m->n == 1 ? 1 : -1;

	/* 3. k is more specific: the closest catalogue citation above it ... */
	for (int i = start; i < end; i++)
	{
		int			row = cite_sorted[i];
		const Cite *c = &cite_keys[row];

		if (row_applies(row, as_of, historic_pass) && doc_fits(doc, &rs_entries[rs_citations[row].entry]) &&
			subset(c, k) && specificity(c) > best_spec)
		{
			best = row;
			best_spec = specificity(c);
		}
	}
	if (best < 0)
		return 0;
	/* ... unless the catalogue distinguishes finer where k went its own way */
	for (int i = start; i < end; i++)
	{
		int			row = cite_sorted[i];
		const Cite *d = &cite_keys[row];

		if (row_applies(row, as_of, historic_pass) && compatible(d, k) && !subset(d, k) &&
			subset(&cite_keys[best], d))
			add_candidate(m, rs_citations[row].entry);
	}
	if (m->n > 0)
	{
		m->n = 0;
		return 0;				/* e.g. "§ 25 Abs. 2 Alt. 3": no such status */
	}
	add_candidate(m, rs_citations[best].entry);
	return 1;
}

/* Canonical citation text of k, for messages. */
static void
format_cite(const Cite *k, char *out, size_t cap)
{
	static const char *const laws[] = {"", "AufenthG", "AsylG", "FreizügG/EU"};
	static const char *const fmt[N_PARTS] = {"§ %d", " Abs. %d", " S. %d", " Nr. %d", " Buchst. ", " Alt. %d"};
	size_t		n = 0;

	out[0] = '\0';
	for (int p = 0; p < N_PARTS && n < cap; p++)
	{
		int			v = k->part[p];

		if (!v)
			continue;
		if (p == P_BUCHST)
			n += (size_t) snprintf(out + n, cap - n, " Buchst. %c", 'a' + v - 1);
		else
			n += (size_t) snprintf(out + n, cap - n, fmt[p], v / 32);
		if (p != P_BUCHST && v % 32 && n < cap)
			n += (size_t) snprintf(out + n, cap - n, "%c", 'a' + v % 32 - 1);
	}
	if (n < cap)
		snprintf(out + n, cap - n, " %s", laws[k->law]);
}

static void
list_candidates(const Match *m, char *out, size_t cap)
{
	size_t		n = 0;

	out[0] = '\0';
	for (int i = 0; i < m->n && n < cap; i++)
		n += (size_t) snprintf(out + n, cap - n, "%s\"%s\"", i ? ", " : "",
							   rs_entries[m->entry[i]].canonical);
}

/* --------------------------------------------------------------- names */

static const NameRef *
find_name(const char *folded, const char *jurisdiction, int *count)
{
	int			lo = 0,
				hi = n_names_sorted,
				last = -1;
	const NameRef *first = NULL;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (strcmp(names_sorted[mid].folded, folded) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* sorted by (name, jurisdiction, entry): one entry's rows are adjacent */
	*count = 0;
	for (int i = lo; i < n_names_sorted && strcmp(names_sorted[i].folded, folded) == 0; i++)
	{
		if (jurisdiction && strcmp(names_sorted[i].jurisdiction, jurisdiction) != 0)
			continue;
		if (first == NULL)
			first = &names_sorted[i];
		if (names_sorted[i].entry != last)
		{
			(*count)++;
			last = names_sorted[i].entry;
		}
	}
	return first;
}

/* --------------------------------------------------------------- hints */

/* The name as written in the catalogue, for a folded name of entry e. */
static const char *
original_name(int e, const char *folded)
{
	char		buf[RS_MAX_INPUT];

	for (int i = 0; i < rs_n_names; i++)
		if (rs_names[i].entry == e)
		{
			rs_fold_name(rs_names[i].text, strlen(rs_names[i].text), buf, sizeof(buf));
			if (strcmp(buf, folded) == 0)
				return rs_names[i].text;
		}
	return rs_entries[e].canonical;
}

/* "Did you mean ...?" from the closest name or canonical form. */
static void
closest_hint(const char *folded, RsParseError *err)
{
	int			limit = (int) strlen(folded) / 4;
	int			best = -1,
				best_d;
	const char *best_name = NULL;
	char		buf[RS_MAX_INPUT];

	if (strlen(folded) < 3)
		return;					/* nothing to compare a "§" or "x" with */
	if (limit < 2)
		limit = 2;
	best_d = limit + 1;
	for (int i = 0; i < n_names_sorted; i++)
	{
		int			d = edit_distance((const unsigned char *) folded, strlen(folded),
									(const unsigned char *) names_sorted[i].folded,
									strlen(names_sorted[i].folded), best_d - 1);

		/* on a tie a German status wins: the input is read as German first */
		if (d < best_d || (d == best_d && best >= 0 &&
						   strcmp(rs_entries[best].jurisdiction, "DE") != 0 &&
						   strcmp(names_sorted[i].jurisdiction, "DE") == 0))
		{
			best_d = d;
			best = names_sorted[i].entry;
			best_name = names_sorted[i].folded;
		}
	}
	for (int i = 0; i < rs_n_entries; i++)
	{
		const char *c = rs_entries[i].canonical;
		int			d;

		rs_fold_name(c, strlen(c), buf, sizeof(buf));
		d = edit_distance((const unsigned char *) folded, strlen(folded),
						  (const unsigned char *) buf, strlen(buf), best_d - 1);
		if (d < best_d)
		{
			best_d = d;
			best = i;
			best_name = NULL;
		}
	}
	if (best >= 0 && best_name)
		snprintf(err->hint, sizeof(err->hint), "Did you mean \"%s\" (%s)?",
				 original_name(best, best_name), rs_entries[best].canonical);
	else if (best >= 0)
		snprintf(err->hint, sizeof(err->hint), "Did you mean \"%s\"?", rs_entries[best].canonical);
}

/* Statuses under the same paragraph, as a hint for an unknown citation. */
static void
paragraph_hint(const Cite *k, RsParseError *err)
{
	Match		m = {0};
	int			start = paragraph_start(k);
	char		list[280];

	for (int i = start; i < rs_n_citations &&
		 cite_keys[cite_sorted[i]].law == k->law &&
		 cite_keys[cite_sorted[i]].part[P_PARA] == k->part[P_PARA]; i++)
		if (rs_citations[cite_sorted[i]].kind != RS_CITE_HISTORIC)
			add_candidate(&m, rs_citations[cite_sorted[i]].entry);
	if (m.n == 0)
		return;
	list_candidates(&m, list, sizeof(list));
	snprintf(err->hint, sizeof(err->hint), "Statuses under this paragraph: %s%s.", list,
			 m.n == MAX_CANDIDATES ? ", ..." : "");
}

/* ----------------------------------------------------------- the parser */

static const char *const jurisdiction_prefixes[][2] = {
	{"de", "DE"}, {"at", "AT"}, {"gb", "GB"}, {"uk", "GB"}, {"se", "SE"}, {"fr", "FR"}
};

/* "AT: ..." at the start of s: returns the jurisdiction and skips it. */
static const char *
take_jurisdiction(const char **s, size_t *len)
{
	const char *p = *s;
	size_t		n = *len;

	while (n > 0 && (*p == ' ' || *p == '\t'))
		p++, n--;
	if (n < 3 || p[2] != ':')
		return NULL;
	for (size_t i = 0; i < sizeof(jurisdiction_prefixes) / sizeof(jurisdiction_prefixes[0]); i++)
		if ((p[0] | 0x20) == jurisdiction_prefixes[i][0][0] &&
			(p[1] | 0x20) == jurisdiction_prefixes[i][0][1])
		{
			p += 3;
			n -= 3;
			while (n > 0 && (*p == ' ' || *p == '\t'))
				p++, n--;
			*s = p;
			*len = n;
			return jurisdiction_prefixes[i][1];
		}
	return NULL;
}

static RsErrorKind
resolve_citation(const char *s, const CiteParse *cp, const Lexed *lx, int32_t as_of,
				 int *entry, RsParseError *err)
{
	Match		m;
	int			r;
	char		cited[100];

	r = match_citation(&cp->cite, cp->doc, as_of, false, &m);
	if (r == 0 && as_of == RS_NO_DATE)
		r = match_citation(&cp->cite, cp->doc, as_of, true, &m);
	if (r == 1)
	{
		*entry = m.entry[0];
		return RS_OK;
	}
	format_cite(&cp->cite, cited, sizeof(cited));
	if (r == -1)
	{
		char		list[200];

		list_candidates(&m, list, sizeof(list));
		err->kind = RS_ERR_AMBIGUOUS;
		err->position = 0;
		snprintf(err->detail, sizeof(err->detail), "\"%s\" fits several statuses: %s%s.",
				 cited, list, m.n == MAX_CANDIDATES ? ", ..." : "");
		snprintf(err->hint, sizeof(err->hint),
				 "Write the citation down to the part that tells them apart (Satz, Nummer, Alternative).");
		return RS_ERR_AMBIGUOUS;
	}
	/* none: was it the document word that excluded the status? */
	if (cp->doc != DOC_ANY)
	{
		r = match_citation(&cp->cite, DOC_ANY, as_of, false, &m);
		if (r == 0 && as_of == RS_NO_DATE)
			r = match_citation(&cp->cite, DOC_ANY, as_of, true, &m);
		if (r != 0)
		{
			const Token *t = &lx->tok[cp->doc_token];

			err->kind = RS_ERR_UNKNOWN;
			err->position = char_position(s, t->start);
			snprintf(err->detail, sizeof(err->detail),
					 "\"%.*s\" at character %d does not fit \"%s\", which is: %s.",
					 (int) t->len, s + t->start, err->position, cited,
					 rs_entries[m.entry[0]].label_de);
			return RS_ERR_UNKNOWN;
		}
	}
	err->kind = RS_ERR_UNKNOWN;
	err->position = 0;
	if (as_of != RS_NO_DATE)
	{
		snprintf(err->detail, sizeof(err->detail),
				 "\"%s\" is not a residence status in the law as of that date.", cited);
		r = match_citation(&cp->cite, cp->doc, RS_NO_DATE, false, &m);
		if (r == 0)
			r = match_citation(&cp->cite, cp->doc, RS_NO_DATE, true, &m);
		if (r == 1)
			snprintf(err->hint, sizeof(err->hint),
					 "Read in today's law it is \"%s\"; check the date, or leave it out.",
					 rs_entries[m.entry[0]].canonical);
		return RS_ERR_UNKNOWN;
	}
	else
		snprintf(err->detail, sizeof(err->detail), "\"%s\" is not a residence status in the catalogue.", cited);
	paragraph_hint(&cp->cite, err);
	return RS_ERR_UNKNOWN;
}

RsErrorKind
rs_parse(const char *s, size_t len, int32_t as_of, int *entry, RsParseError *err)
{
	char		folded[RS_MAX_INPUT + 8];
	const char *jurisdiction;
	const NameRef *name;
	int			count;
	Lexed		lx;
	CiteParse	cp;
	RsErrorKind rc;

	/* not a memset: the message buffers are large and this is the hot path */
	err->kind = RS_OK;
	err->position = 0;
	err->detail[0] = '\0';
	err->hint[0] = '\0';
	if (!index_ready)
		build_index();
	if (index_problem)
	{
		err->kind = RS_ERR_UNKNOWN;
		snprintf(err->detail, sizeof(err->detail), "internal: %s", index_problem);
		return RS_ERR_UNKNOWN;
	}
	if (len > RS_MAX_INPUT)
	{
		err->kind = RS_ERR_TOO_LONG;
		snprintf(err->detail, sizeof(err->detail),
				 "The input has %zu bytes; a residence status has at most %d.", len, RS_MAX_INPUT);
		return RS_ERR_TOO_LONG;
	}
	jurisdiction = take_jurisdiction(&s, &len);
	rs_fold_name(s, len, folded, sizeof(folded));
	if (folded[0] == '\0')
	{
		/* nothing readable: empty, or only punctuation */
		for (size_t i = 0; i < len; i++)
			if (!separator_len((const unsigned char *) s + i, len - i) && s[i] != '.')
				return syntax_error(err, s, i, (size_t) utf8_len((unsigned char) s[i]), "the character ");
		err->kind = RS_ERR_EMPTY;
		snprintf(err->detail, sizeof(err->detail), "The input is empty.");
		return RS_ERR_EMPTY;
	}

	/* 1. a name: German first, then another jurisdiction if only one has it */
	name = find_name(folded, jurisdiction ? jurisdiction : "DE", &count);
	if (name == NULL && jurisdiction == NULL)
	{
		name = find_name(folded, NULL, &count);
		if (name && count > 1)
		{
			err->kind = RS_ERR_AMBIGUOUS;
			snprintf(err->detail, sizeof(err->detail),
					 "\"%.*s\" names a status in several jurisdictions.", (int) (len > 60 ? 60 : len), s);
			snprintf(err->hint, sizeof(err->hint),
					 "Write the jurisdiction first, e.g. \"%s: %.*s\".", name->jurisdiction,
					 (int) (len > 60 ? 60 : len), s);
			return RS_ERR_AMBIGUOUS;
		}
	}
	if (name)
	{
		*entry = name->entry;
		return RS_OK;
	}
	if (jurisdiction && strcmp(jurisdiction, "DE") != 0)
	{
		err->kind = RS_ERR_UNKNOWN;
		snprintf(err->detail, sizeof(err->detail), "\"%.*s\" is not a status of %s in the catalogue.",
				 (int) (len > 60 ? 60 : len), s, jurisdiction);
		closest_hint(folded, err);
		return RS_ERR_UNKNOWN;
	}

	/* 2. a citation */
	if ((rc = lex(s, len, &lx, err)) != RS_OK)
		return rc;
	rc = parse_citation(s, &lx, &cp, err);
	if (rc == RS_OK)
		return resolve_citation(s, &cp, &lx, as_of, entry, err);
	if (rc == RS_ERR_UNKNOWN)
	{
		/* words only, and no name matched */
		err->kind = RS_ERR_UNKNOWN;
		err->position = 0;
		snprintf(err->detail, sizeof(err->detail),
				 "\"%.*s\" is neither a known name of a residence status nor a legal citation.",
				 (int) (len > 60 ? 60 : len), s);
		closest_hint(folded, err);
		return RS_ERR_UNKNOWN;
	}
	if (!cp.is_citation && err->hint[0] == '\0')
		closest_hint(folded, err);
	return rc;
}
