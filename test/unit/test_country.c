/*
 * test_country.c — the country catalogue (extension/background/country.c):
 * lookups by every written form, the specials, former and ambiguous codes,
 * memberships on boundary days, groups, suggestions, and a micro-benchmark.
 *
 * Expected values are the ISO 3166 assignments (iso-codes 4.15.0) and the
 * dates of the treaties cited in extension/background/country_rules.txt.
 */
#include "unit.h"
#include "country.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Days since 2000-01-01 of a civil date (H. Hinnant's days_from_civil). */
static int32_t
day_of(int y, int m, int d)
{
	int			era,
				yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t) (era * 146097 + doe - 719468 - 10957);
}

static CountryId
id_of(const char *code)
{
	CountryId	id;

	return country_lookup(code, strlen(code), &id) == COUNTRY_FOUND ? id : COUNTRY_NONE;
}

static CountryLookup
look(const char *code, CountryId *id)
{
	return country_lookup(code, strlen(code), id);
}

/* the canonical code of an input, or "" */
static const char *
canon(const char *code)
{
	CountryId	id = id_of(code);

	return id == COUNTRY_NONE ? "" : country_alpha2(id);
}

static void
test_country_day_of(void)
{
	/* hand-checked: 2000-01-01 is day 0 (PostgreSQL's DateADT epoch) */
	CHECK(day_of(2000, 1, 1) == 0);
	CHECK(day_of(2000, 3, 1) == 60);	/* 2000 is a leap year */
	CHECK(day_of(1999, 12, 31) == -1);
	CHECK(day_of(2020, 2, 1) == 7336);	/* 20 years of 365 days + 5 leap days + 31 */
}

static void
test_country_lookup_forms(void)
{
	CountryId	de = id_of("DE");

	CHECK(de != COUNTRY_NONE);
	CHECK(strcmp(country_alpha2(de), "DE") == 0);
	CHECK(strcmp(country_alpha3(de), "DEU") == 0);
	CHECK(country_numeric(de) == 276);
	CHECK(country_is_germany(de));
	CHECK(strcmp(country_name(de, true), "Deutschland") == 0);
	CHECK(strcmp(country_name(de, false), "Germany") == 0);
	/* every written form */
	CHECK(id_of("de") == de);
	CHECK(id_of("dE") == de);
	CHECK(id_of("  DE ") == de);
	CHECK(id_of("\tde\n") == de);
	CHECK(id_of("DEU") == de);
	CHECK(id_of("deu") == de);
	CHECK(id_of("276") == de);
	CHECK(id_of(" 276 ") == de);
	CHECK(id_of("D") == de);	/* ICAO 9303 */
	CHECK(id_of("d") == de);
	/* numeric codes with and without leading zeros */
	CHECK(strcmp(canon("004"), "AF") == 0);
	CHECK(strcmp(canon("4"), "AF") == 0);
	CHECK(strcmp(canon("04"), "AF") == 0);
	CHECK(strcmp(canon("0004"), "") == 0);	/* four digits: no code */
	CHECK(strcmp(canon("040"), "AT") == 0);
	CHECK(strcmp(canon("826"), "GB") == 0);
	/* aliases */
	CHECK(strcmp(canon("UK"), "GB") == 0);
	CHECK(strcmp(canon("EL"), "GR") == 0);
	CHECK(strcmp(canon("el"), "GR") == 0);
	/* Kosovo: user-assigned code */
	CHECK(strcmp(canon("XK"), "XK") == 0);
	CHECK(strcmp(canon("xkx"), "XK") == 0);
	CHECK(country_kind(id_of("XK")) == COUNTRY_KIND_USER_ASSIGNED);
	CHECK(country_numeric(id_of("XK")) == -1);
	/* does not need a NUL terminator and reads exactly len bytes */
	{
		CountryId	id;
		const char	buf[3] = {'F', 'R', 'X'};

		CHECK(country_lookup(buf, 2, &id) == COUNTRY_FOUND && strcmp(country_alpha2(id), "FR") == 0);
		CHECK(country_lookup(buf, 3, &id) == COUNTRY_UNKNOWN && id == COUNTRY_NONE);
		CHECK(country_lookup(buf, 1, &id) == COUNTRY_UNKNOWN);	/* "F": no alias */
	}
}

static void
test_country_specials(void)
{
	CountryId	xxa = id_of("XXA");
	CountryId	xxx = id_of("XXX");

	CHECK(xxa != COUNTRY_NONE && xxx != COUNTRY_NONE && xxa != xxx);
	CHECK(country_is_stateless(xxa) && !country_is_unclear(xxa));
	CHECK(country_is_unclear(xxx) && !country_is_stateless(xxx));
	CHECK(strcmp(country_alpha2(xxa), "XXA") == 0);
	CHECK(strcmp(country_alpha2(xxx), "XXX") == 0);
	CHECK(strcmp(country_alpha3(xxx), "XXX") == 0);
	CHECK(country_kind(xxa) == COUNTRY_KIND_SPECIAL);
	CHECK(id_of("xxa") == xxa);
	CHECK(id_of("stateless") == xxa);
	CHECK(id_of("Staatenlos") == xxa);
	CHECK(id_of(" STAATENLOS ") == xxa);
	CHECK(id_of("unclear") == xxx);
	CHECK(id_of("Unknown") == xxx);
	CHECK(id_of("ungeklärt") == xxx);
	CHECK(id_of("UNGEKLÄRT") == xxx);
	CHECK(id_of("Ungeklaert") == xxx);
	CHECK(id_of("unbekannt") == xxx);
	CHECK(!country_is_germany(xxa) && !country_is_germany(xxx));
	CHECK(!country_is_stateless(COUNTRY_NONE) && !country_is_unclear(COUNTRY_NONE));
	CHECK(!country_is_germany(COUNTRY_NONE) && country_alpha2(COUNTRY_NONE) == NULL);
	CHECK(country_alpha3(country_count()) == NULL);
}

static void
test_country_former(void)
{
	CountryId	su = id_of("SU");
	CountryId	ddr = id_of("DDR");
	CountryId	csk = id_of("CSK");
	CountryId	scg = id_of("SCG");
	CountryId	yu = id_of("YU");
	CountryId	ids[4];
	CountryId	id;
	int32_t		from,
				to;

	CHECK(su != COUNTRY_NONE && id_of("SUN") == su && id_of("810") == su && id_of("SUHH") == su);
	CHECK(country_kind(su) == COUNTRY_KIND_FORMER);
	CHECK(strcmp(country_alpha2(su), "SU") == 0);
	CHECK(ddr != COUNTRY_NONE && id_of("DD") == ddr && id_of("278") == ddr);
	CHECK(!country_is_germany(ddr) && country_in_present_germany(ddr));
	CHECK(country_in_present_germany(id_of("DE")) && !country_in_present_germany(id_of("AT")));
	CHECK(yu != COUNTRY_NONE && id_of("YUG") == yu && id_of("yucs") == yu);
	/* CS: Czechoslovakia (until 1993) or Serbia and Montenegro (2003-2006) */
	CHECK(look("CS", &id) == COUNTRY_AMBIGUOUS && id == COUNTRY_NONE);
	CHECK(look(" cs ", &id) == COUNTRY_AMBIGUOUS);
	CHECK(country_alternatives("CS", 2, ids, 4) == 2);
	CHECK((ids[0] == csk && ids[1] == scg) || (ids[0] == scg && ids[1] == csk));
	CHECK(country_alternatives("DE", 2, ids, 4) == 0);
	CHECK(country_alternatives("CS", 2, ids, 1) == 1);
	/* 891: Yugoslavia's code from 1992 and then Serbia and Montenegro's */
	CHECK(look("891", &id) == COUNTRY_AMBIGUOUS);
	CHECK(strcmp(country_alpha2(csk), "CSK") == 0 && strcmp(country_alpha2(scg), "SCG") == 0);
	CHECK(id_of("CSHH") == csk && id_of("csxx") == scg);
	CHECK(id_of("200") == csk);
	/* numeric codes ISO used earlier (iso-codes comments) */
	CHECK(id_of("890") == yu);
	CHECK(strcmp(canon("532"), "AN") == 0 && strcmp(canon("530"), "AN") == 0);
	CHECK(strcmp(country_iso_alpha2(csk), "CS") == 0);
	/* ISO reassigned BY to Belarus: the current country wins, BYS is the SSR */
	CHECK(strcmp(canon("BY"), "BY") == 0 && country_kind(id_of("BY")) == COUNTRY_KIND_ISO);
	CHECK(strcmp(canon("BYS"), "BYS") == 0 && country_kind(id_of("BYS")) == COUNTRY_KIND_FORMER);
	CHECK(strcmp(canon("112"), "BY") == 0);
	CHECK(strcmp(canon("SK"), "SK") == 0 && strcmp(canon("SKM"), "SKM") == 0);
	/* state periods (Einigungsvertrag; dissolution of the CSFR) */
	CHECK(country_state_period(ddr, &from, &to) && from == day_of(1949, 10, 7) && to == day_of(1990, 10, 2));
	CHECK(country_state_period(csk, &from, &to) && to == day_of(1992, 12, 31));
	CHECK(!country_state_period(id_of("DE"), &from, &to));
	CHECK(strcmp(country_withdrawn(ddr), "1990-10-30") == 0);
	CHECK(country_withdrawn(id_of("DE")) == NULL);
	/* successors */
	CHECK(country_successor_count(su) == 15);
	CHECK(country_successor_count(csk) == 2);
	CHECK(strcmp(country_alpha2(country_successor(csk, 0)), "CZ") == 0);
	CHECK(strcmp(country_alpha2(country_successor(csk, 1)), "SK") == 0);
	CHECK(country_successor(csk, 2) == COUNTRY_NONE);
	CHECK(country_successor(ddr, 0) == id_of("DE"));
	CHECK(country_successor_count(id_of("DE")) == 0);
}

static void
test_country_unknown(void)
{
	static const char *const bad[] = {
		"", " ", "\t\n", "ZZ", "QQQ", "AA", "12345", "1000", "000", "D E", "DEUT",
		"-1", "+49", "DE1", "Ä", "de.", "stateles", "xx", "CSK1", "ABCDE",
	};
	CountryId	id;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		CountryLookup r = look(bad[i], &id);

		CHECK(r == COUNTRY_UNKNOWN);
		CHECK(id == COUNTRY_NONE);
	}
	CHECK(country_lookup(NULL, 0, &id) == COUNTRY_UNKNOWN && id == COUNTRY_NONE);
	/* an embedded NUL is not a blank */
	CHECK(country_lookup("D\0", 2, &id) == COUNTRY_UNKNOWN);
	CHECK(country_lookup("DE\0", 3, &id) == COUNTRY_UNKNOWN);
}

/* Every entry is found again by its canonical, alpha-3, alpha-4 and numeric codes. */
static void
test_country_round_trip(void)
{
	int			n = country_count();
	int			iso = 0,
				former = 0,
				shadowed3 = 0;

	CHECK(n > 280);
	for (CountryId id = 0; id < n; id++)
	{
		const char *a2 = country_alpha2(id);
		const char *a3 = country_alpha3(id);
		const char *a4 = country_alpha4(id);
		CountryId	back;
		char		num[8];

		CHECK(country_lookup(a2, strlen(a2), &back) == COUNTRY_FOUND && back == id);
		/* a former alpha-3 code ISO gave to a current country leads there */
		CHECK(country_lookup(a3, strlen(a3), &back) == COUNTRY_FOUND &&
			  (back == id || (country_kind(id) == COUNTRY_KIND_FORMER &&
							  country_kind(back) == COUNTRY_KIND_ISO)));
		shadowed3 += back != id;
		if (a4 != NULL)
			CHECK(country_lookup(a4, 4, &back) == COUNTRY_FOUND && back == id);
		if (country_numeric(id) >= 0 && country_kind(id) != COUNTRY_KIND_FORMER)
		{
			snprintf(num, sizeof num, "%03d", country_numeric(id));
			CHECK(country_lookup(num, 3, &back) == COUNTRY_FOUND && back == id);
		}
		CHECK(country_name(id, true) != NULL && country_name(id, false) != NULL);
		iso += country_kind(id) == COUNTRY_KIND_ISO;
		former += country_kind(id) == COUNTRY_KIND_FORMER;
	}
	CHECK(shadowed3 == 1);		/* ATF: French Southern Territories, before them FQ */
	CHECK(strcmp(canon("ATF"), "TF") == 0 && strcmp(canon("FQ"), "FQ") == 0);
	CHECK(iso == 249);			/* ISO 3166-1 in iso-codes 4.15.0 */
	CHECK(former == 31);		/* ISO 3166-3 in iso-codes 4.15.0 */
	CHECK(strcmp(country_catalogue_version(), "4.15.0-1") == 0);
}

#define ON(code, rel, y, m, d) country_member_on(id_of(code), rel, day_of(y, m, d))

static void
test_country_memberships(void)
{
	/* EEC founders from 01.01.1958 (Treaty of Rome) */
	CHECK(!ON("FR", COUNTRY_EU, 1957, 12, 31) && ON("FR", COUNTRY_EU, 1958, 1, 1));
	CHECK(ON("DE", COUNTRY_EU, 2024, 1, 1));
	/* accession days */
	CHECK(!ON("DK", COUNTRY_EU, 1972, 12, 31) && ON("DK", COUNTRY_EU, 1973, 1, 1));
	CHECK(!ON("GR", COUNTRY_EU, 1980, 12, 31) && ON("GR", COUNTRY_EU, 1981, 1, 1));
	CHECK(!ON("ES", COUNTRY_EU, 1985, 12, 31) && ON("PT", COUNTRY_EU, 1986, 1, 1));
	CHECK(!ON("AT", COUNTRY_EU, 1994, 12, 31) && ON("SE", COUNTRY_EU, 1995, 1, 1));
	CHECK(!ON("PL", COUNTRY_EU, 2004, 4, 30) && ON("PL", COUNTRY_EU, 2004, 5, 1));
	CHECK(!ON("RO", COUNTRY_EU, 2006, 12, 31) && ON("BG", COUNTRY_EU, 2007, 1, 1));
	CHECK(!ON("HR", COUNTRY_EU, 2013, 6, 30) && ON("HR", COUNTRY_EU, 2013, 7, 1));
	/* Brexit: member until 31.01.2020, free movement until 31.12.2020 */
	CHECK(ON("GB", COUNTRY_EU, 2020, 1, 31) && !ON("GB", COUNTRY_EU, 2020, 2, 1));
	CHECK(ON("UK", COUNTRY_EEA, 2020, 1, 31) && !ON("GB", COUNTRY_EEA, 2020, 2, 1));
	CHECK(ON("GB", COUNTRY_FREE_MOVEMENT, 2020, 12, 31) && !ON("GB", COUNTRY_FREE_MOVEMENT, 2021, 1, 1));
	CHECK(ON("GB", COUNTRY_FREE_MOVEMENT, 1973, 1, 1) && !ON("GB", COUNTRY_FREE_MOVEMENT, 1972, 12, 31));
	/* EEA: 01.01.1994; Liechtenstein 01.05.1995; BG/RO 01.08.2007; HR 12.04.2014 */
	CHECK(!ON("NO", COUNTRY_EEA, 1993, 12, 31) && ON("NO", COUNTRY_EEA, 1994, 1, 1));
	CHECK(!ON("NO", COUNTRY_EU, 2024, 1, 1));
	CHECK(!ON("LI", COUNTRY_EEA, 1995, 4, 30) && ON("LI", COUNTRY_EEA, 1995, 5, 1));
	CHECK(!ON("FR", COUNTRY_EEA, 1993, 12, 31) && ON("FR", COUNTRY_EEA, 1994, 1, 1));
	CHECK(ON("AT", COUNTRY_EEA, 1994, 1, 1) && !ON("AT", COUNTRY_EU, 1994, 1, 1));
	CHECK(!ON("BG", COUNTRY_EEA, 2007, 7, 31) && ON("BG", COUNTRY_EEA, 2007, 8, 1));
	CHECK(!ON("HR", COUNTRY_EEA, 2014, 4, 11) && ON("HR", COUNTRY_EEA, 2014, 4, 12));
	/* free movement: EU or EEA, Switzerland from 01.06.2002, not Germany */
	CHECK(!ON("CH", COUNTRY_FREE_MOVEMENT, 2002, 5, 31) && ON("CH", COUNTRY_FREE_MOVEMENT, 2002, 6, 1));
	CHECK(!ON("CH", COUNTRY_EU, 2010, 1, 1) && !ON("CH", COUNTRY_EEA, 2010, 1, 1));
	CHECK(ON("IS", COUNTRY_FREE_MOVEMENT, 1994, 1, 1) && !ON("IS", COUNTRY_FREE_MOVEMENT, 1993, 12, 31));
	CHECK(ON("AT", COUNTRY_FREE_MOVEMENT, 1994, 1, 1));
	CHECK(ON("BG", COUNTRY_FREE_MOVEMENT, 2007, 1, 1));	/* EU, before its EEA date */
	CHECK(!ON("DE", COUNTRY_FREE_MOVEMENT, 2024, 1, 1));
	CHECK(!ON("TR", COUNTRY_FREE_MOVEMENT, 2024, 1, 1) && !ON("XXA", COUNTRY_FREE_MOVEMENT, 2024, 1, 1));
	/* restrictions on workers as Germany applied them */
	CHECK(!ON("PL", COUNTRY_WORKERS_RESTRICTED, 2004, 4, 30));
	CHECK(ON("PL", COUNTRY_WORKERS_RESTRICTED, 2004, 5, 1) && ON("PL", COUNTRY_WORKERS_RESTRICTED, 2011, 4, 30));
	CHECK(!ON("PL", COUNTRY_WORKERS_RESTRICTED, 2011, 5, 1));
	CHECK(ON("RO", COUNTRY_WORKERS_RESTRICTED, 2013, 12, 31) && !ON("RO", COUNTRY_WORKERS_RESTRICTED, 2014, 1, 1));
	CHECK(ON("HR", COUNTRY_WORKERS_RESTRICTED, 2015, 6, 30) && !ON("HR", COUNTRY_WORKERS_RESTRICTED, 2015, 7, 1));
	CHECK(!ON("MT", COUNTRY_WORKERS_RESTRICTED, 2004, 5, 1) && !ON("CY", COUNTRY_WORKERS_RESTRICTED, 2005, 1, 1));
	CHECK(ON("IT", COUNTRY_WORKERS_RESTRICTED, 1968, 11, 7) && !ON("IT", COUNTRY_WORKERS_RESTRICTED, 1968, 11, 8));
	CHECK(ON("GR", COUNTRY_WORKERS_RESTRICTED, 1987, 12, 31) && !ON("GR", COUNTRY_WORKERS_RESTRICTED, 1988, 1, 1));
	CHECK(ON("ES", COUNTRY_WORKERS_RESTRICTED, 1991, 12, 31) && !ON("PT", COUNTRY_WORKERS_RESTRICTED, 1992, 1, 1));
	/* open ends and bad arguments */
	CHECK(ON("FR", COUNTRY_EU, 5000, 1, 1));
	CHECK(country_member_on(id_of("FR"), COUNTRY_EU, COUNTRY_DAY_MAX));
	CHECK(!country_member_on(id_of("FR"), COUNTRY_EU, COUNTRY_DAY_MIN));
	CHECK(!country_member_on(COUNTRY_NONE, COUNTRY_EU, 0));
	CHECK(!country_member_on(id_of("FR"), COUNTRY_N_RELATIONS, 0));
	CHECK(!ON("SU", COUNTRY_EU, 1980, 1, 1) && !ON("DD", COUNTRY_EU, 1980, 1, 1));
	{
		int32_t		from,
					to;

		CHECK(country_period_count(id_of("GB"), COUNTRY_EU) == 1);
		country_period(id_of("GB"), COUNTRY_EU, 0, &from, &to);
		CHECK(from == day_of(1973, 1, 1) && to == day_of(2020, 1, 31));
		country_period(id_of("GB"), COUNTRY_FREE_MOVEMENT, 0, &from, &to);
		CHECK(from == day_of(1973, 1, 1) && to == day_of(2020, 12, 31));	/* merged */
		country_period(id_of("FR"), COUNTRY_EU, 0, &from, &to);
		CHECK(to == COUNTRY_DAY_MAX);
		country_period(id_of("FR"), COUNTRY_EU, 1, &from, &to);
		CHECK(from == COUNTRY_DAY_MAX && to == COUNTRY_DAY_MIN);	/* no such period */
		CHECK(country_relation_source(id_of("GB"), COUNTRY_EU) != NULL);
		CHECK(country_relation_source(id_of("TR"), COUNTRY_EU) == NULL);
	}
}

static void
test_country_groups(void)
{
	int			eu8 = country_group_lookup("eu8", 3);
	int			wb = country_group_lookup("western_balkans", 15);
	int			asyl = country_group_lookup("asylum_origin_8", 15);
	int			aus = country_group_lookup("aussiedler_areas", 16);
	int			eu14 = country_group_lookup("EU-14", 5);
	int			n8 = 0,
				n14 = 0;

	CHECK(country_group_count() == 6);
	CHECK(eu8 >= 0 && wb >= 0 && asyl >= 0 && aus >= 0 && eu14 >= 0);
	CHECK(country_group_lookup(" EU_8 ", 6) == eu8);
	CHECK(country_group_lookup("eu9", 3) == -1 && country_group_lookup("", 0) == -1);
	CHECK(country_group_lookup(NULL, 0) == -1 && country_group_lookup("eu", 2) == -1);
	CHECK(strcmp(country_group_key(eu8), "eu8") == 0 && country_group_key(99) == NULL);
	CHECK(country_group_source(wb) != NULL && strstr(country_group_source(wb), "§ 26") != NULL);
	CHECK(strstr(country_group_label(eu8, true), "EU-8") != NULL);
	for (CountryId id = 0; id < country_count(); id++)
	{
		n8 += country_in_group(id, eu8);
		n14 += country_in_group(id, eu14);
	}
	CHECK(n8 == 8 && n14 == 14);
	CHECK(country_in_group(id_of("PL"), eu8) && !country_in_group(id_of("BG"), eu8));
	CHECK(!country_in_group(id_of("DE"), eu14) && country_in_group(id_of("GB"), eu14));
	CHECK(country_in_group(id_of("XK"), wb) && country_in_group(id_of("MK"), wb) && !country_in_group(id_of("HR"), wb));
	CHECK(country_in_group(id_of("SY"), asyl) && country_in_group(id_of("ER"), asyl) && !country_in_group(id_of("TR"), asyl));
	CHECK(country_in_group(id_of("KZ"), aus) && country_in_group(id_of("SU"), aus) && country_in_group(id_of("CSK"), aus));
	CHECK(country_in_group(id_of("CN"), aus) && !country_in_group(id_of("DE"), aus) && !country_in_group(id_of("DD"), aus));
	CHECK(!country_in_group(COUNTRY_NONE, eu8) && !country_in_group(id_of("PL"), -1));
}

static void
test_country_suggest(void)
{
	CHECK(country_suggest("Germany", 7) == id_of("DE"));
	CHECK(country_suggest("deutschland", 11) == id_of("DE"));
	CHECK(country_suggest("Germny", 6) == id_of("DE"));
	CHECK(country_suggest("Türkei", strlen("Türkei")) == id_of("TR"));
	CHECK(country_suggest("Frankreich ", 11) == id_of("FR"));
	CHECK(country_suggest("Polan", 5) == id_of("PL"));
	CHECK(country_suggest("GER", 3) == id_of("DE"));	/* a name prefix before a near code */
	CHECK(country_suggest("ZZ", 2) == COUNTRY_NONE);	/* many codes one letter off */
	CHECK(country_suggest("D E", 3) == COUNTRY_NONE);	/* not "and Enderbury" */
	CHECK(country_suggest("", 0) == COUNTRY_NONE);
	CHECK(country_suggest(NULL, 0) == COUNTRY_NONE);
	CHECK(country_suggest("qqqqqqqqqqqqqq", 14) == COUNTRY_NONE);
}

/*
 * Not a test of speed (never fails on it): prints the cost of a lookup, the
 * figure the migration-background derivations pay per person and field.
 */
static void
test_country_lookup_speed(void)
{
	static const char *const mix[] = {"DE", "TR", "PL", "SY", "RO", "it", "DEU", "276", " DE", "XXX"};
	enum
	{
		N = 4000000
	};
	long		sum = 0;
	clock_t		t0 = clock();
	double		secs;

	for (long i = 0; i < N; i++)
	{
		const char *c = mix[i % 10];
		CountryId	id;

		country_lookup(c, (size_t) (c[2] == '\0' ? 2 : 3), &id);
		sum += id;
	}
	secs = (double) (clock() - t0) / CLOCKS_PER_SEC;
	CHECK(sum > 0);
	printf("country_lookup: %.1f ns per lookup (%d lookups, unit-test build with sanitizers)\n",
		   secs * 1e9 / N, N);
}

const UnitTest unit_country_tests[] = {
	UNIT_TEST(test_country_day_of),
	UNIT_TEST(test_country_lookup_forms),
	UNIT_TEST(test_country_specials),
	UNIT_TEST(test_country_former),
	UNIT_TEST(test_country_unknown),
	UNIT_TEST(test_country_round_trip),
	UNIT_TEST(test_country_memberships),
	UNIT_TEST(test_country_groups),
	UNIT_TEST(test_country_suggest),
	UNIT_TEST(test_country_lookup_speed),
	{NULL, NULL}
};
