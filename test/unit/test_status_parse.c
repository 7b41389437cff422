/*
 * Unit tests of the residence-status parser (extension/status/parse.c) over
 * the compiled catalogue.
 */
#include <stdio.h>
#include <string.h>

#include "parse.h"
#include "unit.h"

static int
parse_entry(const char *s, int32_t as_of)
{
	int			e = -1;
	RsParseError err;

	if (rs_parse(s, strlen(s), as_of, &e, &err) != RS_OK)
		return -1;
	return e;
}

static RsErrorKind
parse_error(const char *s, RsParseError *err)
{
	int			e;

	return rs_parse(s, strlen(s), RS_NO_DATE, &e, err);
}

static int
entry_of_key(const char *key)
{
	for (int i = 0; i < rs_n_entries; i++)
		if (strcmp(rs_entries[i].key, key) == 0)
			return i;
	return -2;
}

static void
test_catalogue_is_consistent(void)
{
	CHECK(rs_catalogue_problem() == NULL);
	for (int i = 1; i < rs_n_entries; i++)
		CHECK(rs_entries[i - 1].code < rs_entries[i].code);
	for (int i = 0; i < rs_n_entries; i++)
		CHECK(rs_entry_by_code(rs_entries[i].code) == &rs_entries[i]);
	CHECK(rs_entry_by_code(0) == NULL);
	CHECK(rs_entry_by_code(-1) == NULL);
	CHECK(rs_entry_by_code(99999) == NULL);
}

/* in(out(x)) = x for every status: the canonical form reads back. */
static void
test_canonical_round_trip(void)
{
	for (int i = 0; i < rs_n_entries; i++)
	{
		int			e = parse_entry(rs_entries[i].canonical, RS_NO_DATE);

		if (e != i)
			printf("  canonical \"%s\" read as %d, not %d\n", rs_entries[i].canonical, e, i);
		CHECK(e == i);
	}
}

/* Every name and current citation in the catalogue means its status. */
static void
test_every_written_form(void)
{
	for (int i = 0; i < rs_n_names; i++)
	{
		const RsEntry *e = &rs_entries[rs_names[i].entry];
		char		buf[300];
		int			got;

		/* non-German names are unique only with their jurisdiction */
		if (strcmp(e->jurisdiction, "DE") != 0)
			snprintf(buf, sizeof(buf), "%s: %s", e->jurisdiction, rs_names[i].text);
		else
			snprintf(buf, sizeof(buf), "%s", rs_names[i].text);
		got = parse_entry(buf, RS_NO_DATE);
		if (got != rs_names[i].entry)
			printf("  name \"%s\" read as %d, not %d\n", buf, got, rs_names[i].entry);
		CHECK(got == rs_names[i].entry);
	}
	for (int i = 0; i < rs_n_citations; i++)
	{
		const RsCitation *c = &rs_citations[i];
		int			got;

		if (c->kind == RS_CITE_HISTORIC)
		{
			/* in the law of its time, and of its last day */
			got = parse_entry(c->text, c->from == RS_DAY_MIN ? c->to : c->from);
			CHECK(got == c->entry);
			got = parse_entry(c->text, c->to == RS_DAY_MAX ? c->from : c->to);
			CHECK(got == c->entry);
			if (got != c->entry)
				printf("  historic \"%s\" read as %d, not %d\n", c->text, got, c->entry);
		}
		else
		{
			got = parse_entry(c->text, RS_NO_DATE);
			if (got != c->entry)
				printf("  citation \"%s\" read as %d, not %d\n", c->text, got, c->entry);
			CHECK(got == c->entry);
		}
	}
}

static void
test_fold(void)
{
	char		buf[64];

	rs_fold_name("Daueraufenthalt-EU", 18, buf, sizeof(buf));
	CHECK(strcmp(buf, "daueraufenthalteu") == 0);
	rs_fold_name("Freizügigkeit ÄÖÜ ß", strlen("Freizügigkeit ÄÖÜ ß"), buf, sizeof(buf));
	CHECK(strcmp(buf, "freizuegigkeitaeoeuess") == 0);
	rs_fold_name("Uppehållstillstånd", strlen("Uppehållstillstånd"), buf, sizeof(buf));
	CHECK(strcmp(buf, "uppehallstillstand") == 0);
	rs_fold_name("Réfugié – carte", strlen("Réfugié – carte"), buf, sizeof(buf));
	CHECK(strcmp(buf, "refugiecarte") == 0);
	rs_fold_name("§ 25", strlen("§ 25"), buf, sizeof(buf));
	CHECK(strcmp(buf, "\xC2\xA7" "25") == 0);
	/* truncation keeps a terminated string */
	CHECK(rs_fold_name("abcdef", 6, buf, 4) == 3);
	CHECK(strcmp(buf, "abc") == 0);
}

/* The variants of one citation read as the same status. */
static void
test_citation_variants(void)
{
	int			refugee = parse_entry("§ 25 Abs. 2 S. 1 Alt. 1 AufenthG", RS_NO_DATE);
	int			unspecified = entry_of_key("de.protection_25_2_unspecified");
	const char *same[] = {
		"§ 25 Abs. 2 Satz 1 1. Alt. AufenthG", "§25 Abs.2 S.1 Alt.1 AufenthG",
		"§ 25 Abs 2 S 1 Alt 1 AufenthG a.F.", "25 II 1 1. Alt. AufenthG",
		"§ 25 Abs. 2 S. 1 1. Alternative AufenthG", "AufenthG 25.2.1 Alt. 1",
		"§ 25 Abs. 2 Satz 1 Var. 1 Aufenthaltsgesetz", "§§ 25 Abs. 2 Alt. 1 AufenthG",
		"§ 25 Abs. 2 S. 1 Alt. 1 i.V.m. § 26 Abs. 1 AufenthG", "Flüchtlingseigenschaft"
	};
	/* without the Alternative: refugee or subsidiary, not recorded */
	const char *open[] = {
		"25 II 1 AufenthG", "AufenthG 25.2", "AE §25(2)", "Aufenthaltserlaubnis nach § 25 Absatz 2",
		"aufenthg §25 abs 2", "§ 25 Abs. 2 i.V.m. § 26 Abs. 1 AufenthG",
		"  §\xC2\xA0" "25 Abs. 2 AufenthG  "
	};

	CHECK(refugee >= 0);
	for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++)
	{
		int			e = parse_entry(same[i], RS_NO_DATE);

		if (e != refugee)
			printf("  \"%s\" read as %d\n", same[i], e);
		CHECK(e == refugee);
	}
	CHECK(unspecified >= 0);
	for (size_t i = 0; i < sizeof(open) / sizeof(open[0]); i++)
	{
		int			e = parse_entry(open[i], RS_NO_DATE);

		if (e != unspecified)
			printf("  \"%s\" read as %d\n", open[i], e);
		CHECK(e == unspecified);
	}
	/* in the law of 2010, § 25 Abs. 2 was the refugee status only */
	CHECK(parse_entry("§ 25 Abs. 2 AufenthG", 3653) == refugee);
	CHECK(parse_entry("§ 25 Abs. 2 S. 1 Alt. 2 AufenthG", RS_NO_DATE) ==
		  parse_entry("§ 25 Abs. 2 Alt. 2", RS_NO_DATE));
	CHECK(parse_entry("§ 25 Abs. 2 S. 1 Alt. 2 AufenthG", RS_NO_DATE) != refugee);
}

/* Historic paragraphs: Blaue Karte under § 19a until 29.02.2020. */
static void
test_dates(void)
{
	int			blue = entry_of_key("de.blue_card");
	int32_t		d2015 = 5479;	/* 2015-01-01 - 2000-01-01 in days */
	int32_t		d2021 = 7671;	/* 2021-01-01 */

	CHECK(blue >= 0);
	CHECK(parse_entry("§ 19a AufenthG", d2015) == blue);
	CHECK(parse_entry("§ 19a AufenthG", d2021) != blue);
	CHECK(parse_entry("§ 18b Abs. 2 AufenthG", RS_NO_DATE) == blue);
	CHECK(parse_entry("Blaue Karte EU", RS_NO_DATE) == blue);
}

static void
test_errors(void)
{
	RsParseError err;
	char		big[RS_MAX_INPUT + 10];

	CHECK(parse_error("", &err) == RS_ERR_EMPTY);
	CHECK(parse_error("   ", &err) == RS_ERR_EMPTY);
	CHECK(parse_error("@@", &err) == RS_ERR_SYNTAX && err.position == 1);
	CHECK(parse_error("§ 25 Abs. 2 $", &err) == RS_ERR_SYNTAX && err.position == 13);
	CHECK(parse_error("§ 25 Abs. 2 Abs. 3", &err) == RS_ERR_SYNTAX && err.position == 13);
	CHECK(strstr(err.detail, "Absatz is given twice") != NULL);
	CHECK(parse_error("§ 99 AufenthG", &err) == RS_ERR_UNKNOWN);
	CHECK(parse_error("§ 25 Abs. 2 Alt. 3", &err) == RS_ERR_UNKNOWN);
	CHECK(parse_error("§ 25 Abs. 4 AufenthG", &err) == RS_ERR_AMBIGUOUS);
	CHECK(strstr(err.detail, "§ 25 Abs. 4 S. 1 AufenthG") != NULL);
	CHECK(parse_error("Blau Karte", &err) == RS_ERR_SYNTAX && err.position == 1);
	CHECK(strstr(err.hint, "Blaue Karte") != NULL);
	CHECK(parse_error("§", &err) == RS_ERR_SYNTAX);
	CHECK(parse_error("Gestattung § 60a", &err) == RS_ERR_UNKNOWN && err.position == 1);
	CHECK(parse_error("XX: Duldung", &err) != RS_OK);
	CHECK(parse_error("AT: Duldung nach § 60a", &err) != RS_OK);
	CHECK(parse_error("§ 99999 AufenthG", &err) == RS_ERR_SYNTAX);
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	CHECK(parse_error(big, &err) == RS_ERR_TOO_LONG);
}

/* Random bytes and mutated real inputs: never a crash (ASan/UBSan watch). */
static void
test_random_inputs(void)
{
	UnitRng		rng = {42};
	int			ok = 0;

	for (int round = 0; round < 20000; round++)
	{
		char		buf[80];
		size_t		n = unit_rng_below(&rng, sizeof(buf));
		const RsEntry *e = &rs_entries[unit_rng_below(&rng, (uint32_t) rs_n_entries)];
		size_t		cl = strlen(e->canonical);
		int			entry;
		RsParseError err;

		if (round % 2 && cl < sizeof(buf))
		{
			memcpy(buf, e->canonical, cl);
			n = cl;
			for (int k = 0; k < 3; k++)
				buf[unit_rng_below(&rng, (uint32_t) cl)] = (char) unit_rng_below(&rng, 256);
		}
		else
		{
			static const char alphabet[] = " \xC2\xA7.()0123456789absAufenthG";

			for (size_t k = 0; k < n; k++)
				buf[k] = unit_rng_below(&rng, 2) ? (char) unit_rng_below(&rng, 256)
					: alphabet[unit_rng_below(&rng, sizeof(alphabet) - 1)];
		}
		if (rs_parse(buf, n, RS_NO_DATE, &entry, &err) == RS_OK)
			ok += entry >= 0 && entry < rs_n_entries;
		else
			ok += err.detail[0] != '\0';
	}
	CHECK(ok == 20000);
}

const UnitTest unit_status_parse_tests[] = {
	UNIT_TEST(test_catalogue_is_consistent),
	UNIT_TEST(test_canonical_round_trip),
	UNIT_TEST(test_every_written_form),
	UNIT_TEST(test_fold),
	UNIT_TEST(test_citation_variants),
	UNIT_TEST(test_dates),
	UNIT_TEST(test_errors),
	UNIT_TEST(test_random_inputs),
	{NULL, NULL}
};
