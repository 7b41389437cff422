/*
 * Reading residence statuses as registers write them: names, abbreviations
 * and legal citations in their variants.  Plain C; see parse.c for the
 * grammar and docs/status.md for what users may write.
 */
#ifndef MIGSTAT_STATUS_PARSE_H
#define MIGSTAT_STATUS_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "catalogue.h"

/* Longest input the parser reads (bytes); real statuses are far shorter. */
#define RS_MAX_INPUT 256

/* as_of value meaning "no date: current citations first, then historic". */
#define RS_NO_DATE INT32_MIN

typedef enum RsErrorKind
{
	RS_OK = 0,
	RS_ERR_EMPTY,				/* nothing but spaces */
	RS_ERR_TOO_LONG,			/* longer than RS_MAX_INPUT */
	RS_ERR_SYNTAX,				/* a part could not be understood */
	RS_ERR_UNKNOWN,				/* well-formed, but no status has it */
	RS_ERR_AMBIGUOUS			/* several statuses fit */
} RsErrorKind;

typedef struct RsParseError
{
	RsErrorKind kind;
	int			position;		/* 1-based character where it went wrong; 0 = whole */
	char		detail[512];
	char		hint[512];		/* empty: no hint */
} RsParseError;

/*
 * Parses s[0..len) into a catalogue entry index.  as_of (days since
 * 2000-01-01, or RS_NO_DATE) selects the version of the law citations are
 * read in.  Returns RS_OK and sets *entry, or an error kind with *err filled.
 */
RsErrorKind rs_parse(const char *s, size_t len, int32_t as_of, int *entry,
					 RsParseError *err);

/*
 * The matching key of a name: lower case, umlauts as ae/oe/ue/ss, accents
 * dropped, everything but letters, digits and '§' dropped.  Writes at most
 * cap - 1 bytes and a NUL; returns the length.  Must equal fold() in
 * gen_catalogue.py.
 */
size_t		rs_fold_name(const char *s, size_t len, char *out, size_t cap);

/* Checks the compiled catalogue once (every citation parses, names unique). */
const char *rs_catalogue_problem(void);

#endif							/* MIGSTAT_STATUS_PARSE_H */
