/*
 * The residence-status catalogue, compiled from catalogue.txt by
 * gen_catalogue.py into catalogue_data.c.  Plain C (no PostgreSQL headers):
 * the parser and its unit tests and fuzz target use it directly.
 *
 * A status is stored as its catalogue code (int32).  Codes never change or get
 * reused between releases: they are on disk, and the type sorts by them.
 */
#ifndef MIGSTAT_STATUS_CATALOGUE_H
#define MIGSTAT_STATUS_CATALOGUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Days since 2000-01-01, PostgreSQL's DateADT; open ends of a validity period. */
#define RS_DAY_MIN INT32_MIN
#define RS_DAY_MAX INT32_MAX

/* How the benefit regime follows from a status (see benefit_regime()). */
typedef enum RsBenefit
{
	RS_BENEFIT_SGB,				/* SGB II / SGB XII */
	RS_BENEFIT_ASYLBLG,			/* § 1 AsylbLG */
	RS_BENEFIT_NONE,			/* excluded from both */
	RS_BENEFIT_DEPENDS,			/* not decidable from the status alone */
	RS_BENEFIT_RULE_24,			/* § 24 AufenthG: changed over time */
	RS_BENEFIT_RULE_25_5,		/* § 25 Abs. 5: 18 months after the suspension */
	RS_BENEFIT_RULE_2015		/* AsylbLG until 28.02.2015, then SGB II/XII */
} RsBenefit;

typedef struct RsEntry
{
	int32_t		code;
	const char *key;			/* stable slug, e.g. "de.blue_card" */
	const char *jurisdiction;	/* ISO 3166-1 alpha-2 */
	const char *canonical;		/* the output form */
	const char *label_de;
	const char *label_en;
	const char *document;		/* kind of document, e.g. "residence_permit" */
	int			abschnitt;		/* Kapitel 2 AufenthG Abschnitt 3..7, 0 = none */
	const char *auslaender;		/* Ausländerstatistik group code */
	const char *schutz;			/* Schutzsuchende group code */
	const char *cross;			/* cross-national category */
	bool		title;			/* residence title (§ 4 AufenthG) */
	bool		permanent;
	const char *precarious_reason;	/* NULL: not precarious */
	const char *precarious_text;
	const char *work;			/* "yes", "no", "permission" */
	int			max_validity_months;	/* 0: not fixed by law */
	RsBenefit	benefit;
	int32_t		valid_from;		/* days; RS_DAY_MIN = open */
	int32_t		valid_to;		/* days; RS_DAY_MAX = open */
	const char *sources;
	const char *note;			/* may be NULL */
} RsEntry;

/* A citation that means a status: canonical, also cited as, or historic. */
typedef enum RsCitationKind
{
	RS_CITE_CANONICAL = 0,
	RS_CITE_ALSO = 1,
	RS_CITE_HISTORIC = 2
} RsCitationKind;

typedef struct RsCitation
{
	int			entry;			/* index into rs_entries */
	const char *text;
	int			kind;			/* RsCitationKind */
	int32_t		from;			/* days the citation has this meaning */
	int32_t		to;
} RsCitation;

typedef struct RsName
{
	int			entry;
	const char *text;
} RsName;

/* A label of a classification code, e.g. ("schutz", "open", ...). */
typedef struct RsGroup
{
	const char *classification;
	const char *code;
	const char *label_de;
	const char *label_en;
	const char *source;
} RsGroup;

extern const RsEntry rs_entries[];
extern const int rs_n_entries;
extern const RsCitation rs_citations[];
extern const int rs_n_citations;
extern const RsName rs_names[];
extern const int rs_n_names;
extern const RsGroup rs_groups[];
extern const int rs_n_groups;

/* The entry of a code, or NULL (binary input, forged values). */
const RsEntry *rs_entry_by_code(int32_t code);

#endif							/* MIGSTAT_STATUS_CATALOGUE_H */
