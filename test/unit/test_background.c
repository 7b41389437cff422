/*
 * test_background.c — the migration-background definitions (derive.c), one
 * case per branch.  The rule each case follows is named next to it (rule
 * numbers as in docs/migration-background.md).
 */
#include "unit.h"

#include <stdio.h>
#include <string.h>

#include "country.h"
#include "derive.h"

static CountryId
cc(const char *code)
{
	CountryId	id = COUNTRY_NONE;

	if (code == NULL)
		return COUNTRY_NONE;
	CHECK(country_lookup(code, strlen(code), &id) == COUNTRY_FOUND);
	return id;
}

static int32_t
day(const char *ymd)
{
	int			y,
				m,
				d;

	if (ymd == NULL)
		return BG_NO_DATE;
	CHECK(sscanf(ymd, "%d-%d-%d", &y, &m, &d) == 3);
	return bg_days_from_civil(y, m, d);
}

/* A person record; imm = 0 means no immigration year. */
static BgFeatures
rec(const char *c1, const char *c2, BgAcquisition acq, const char *birth_country,
	int imm, const char *moved_in_from, const char *birth, const char *ref)
{
	BgPerson	p;

	p.citizenship1 = cc(c1);
	p.citizenship2 = cc(c2);
	p.acquisition = acq;
	p.birth_country = cc(birth_country);
	p.born_abroad = BG_UNKNOWN;
	p.has_immigration_year = imm != 0;
	p.immigration_year = imm;
	p.moved_in_from = cc(moved_in_from);
	p.birth_date = day(birth);
	p.reference_date = day(ref);
	return bg_features(&p);
}

#define REF "2025-01-01"		/* after the reform of 27.06.2024 */
#define PRE "2024-06-26"		/* the last day before it */

static BgParent
par(BgFeatures f)
{
	BgParent	p = {true, f, BG_YES};

	return p;
}

static BgParent
par_out(BgFeatures f)			/* linked, but not in the household */
{
	BgParent	p = {true, f, BG_NO};

	return p;
}

static const BgParent none = {false, 0, BG_UNKNOWN};

static void
check_label(const char *got, const char *want, const char *file, int line)
{
	int			ok = strcmp(got, want) == 0;

	if (!ok)
		printf("    got \"%s\", want \"%s\"\n", got, want);
	unit_check(ok, file, line, want);
}

#define MZW(p, m, f, want) check_label(bg_mikrozensus2005_labels[bg_mikrozensus2005(p, m, f, false)], want, __FILE__, __LINE__)
#define MZN(p, m, f, want) check_label(bg_mikrozensus2005_labels[bg_mikrozensus2005(p, m, f, true)], want, __FILE__, __LINE__)
#define DS(p, m, f, want) check_label(bg_destatis_labels[bg_destatis(p, m, f)], want, __FILE__, __LINE__)
#define EG(p, m, f, want) check_label(bg_einwanderung_labels[bg_einwanderungsgeschichte(p, m, f, false)], want, __FILE__, __LINE__)
#define Z22(p, m, f, want) check_label(bg_einwanderung_labels[bg_einwanderungsgeschichte(p, m, f, true)], want, __FILE__, __LINE__)
#define MI(p, m, f, want) check_label(bg_mighev_labels[bg_mighev(p, m, f)], want, __FILE__, __LINE__)
#define Z11(p, m, f, want) check_label(bg_zensus2011_labels[bg_zensus2011(p, m, f)], want, __FILE__, __LINE__)
#define MP(p, m, f, want) check_label(bg_migrapro_labels[bg_migrapro(p, m, f)], want, __FILE__, __LINE__)

/* Frequent people. */
static BgFeatures
german_native(void)				/* German by descent, born in Germany 1960 */
{
	return rec("DE", NULL, BG_ACQ_DESCENT, "DE", 0, NULL, "1960-05-01", REF);
}

static BgFeatures
immigrant_foreigner(void)		/* Turkish, born in Turkey 1970, moved in 1990 */
{
	return rec("TR", NULL, BG_ACQ_NONE, "TR", 1990, "TR", "1970-03-01", REF);
}

static void
test_features_basic(void)
{
	BgFeatures	f = immigrant_foreigner();

	CHECK(bg_features_valid(f));
	CHECK(bg_f_german(f) == BG_NO);
	CHECK(bg_f_born_abroad(f) == BG_YES);
	CHECK(bg_f_immigrated_since_1950(f) == BG_YES);
	CHECK(bg_f_immigrated_after_1955(f) == BG_YES);
	CHECK(bg_f_foreign_at_birth(f) == BG_YES);
	CHECK(bg_f_minor(f) == BG_NO);
	CHECK(bg_f_reference_country(f) == cc("TR"));
	CHECK(bg_f_contradiction(f) == BG_OK);

	f = german_native();
	CHECK(bg_f_german(f) == BG_YES);
	CHECK(bg_f_born_abroad(f) == BG_NO);
	CHECK(bg_f_immigrated_since_1950(f) == BG_NO);
	CHECK(bg_f_foreign_at_birth(f) == BG_NO);
	CHECK(bg_f_mz_parent(f) == BG_NO);
	CHECK(bg_f_reference_country(f) == COUNTRY_NONE);

	/* born in the GDR (DD): today's Germany, not abroad */
	f = rec("DE", NULL, BG_ACQ_DESCENT, "DD", 0, NULL, "1960-05-01", REF);
	CHECK(bg_f_born_abroad(f) == BG_NO);

	/* age: 18th birthday on the reference date is no longer a minor */
	CHECK(bg_f_minor(rec("DE", NULL, BG_ACQ_DESCENT, "DE", 0, NULL, "2007-01-01", REF)) == BG_NO);
	CHECK(bg_f_minor(rec("DE", NULL, BG_ACQ_DESCENT, "DE", 0, NULL, "2007-01-02", REF)) == BG_YES);
	CHECK(bg_f_under_19(rec("DE", NULL, BG_ACQ_DESCENT, "DE", 0, NULL, "2006-01-02", REF)) == BG_YES);
	CHECK(bg_f_under_19(rec("DE", NULL, BG_ACQ_DESCENT, "DE", 0, NULL, "2006-01-01", REF)) == BG_NO);
	/* a leap-day birthday */
	CHECK(bg_f_minor(rec("DE", NULL, BG_ACQ_DESCENT, "DE", 0, NULL, "2008-02-29", "2026-02-28")) == BG_YES);
	CHECK(bg_f_minor(rec("DE", NULL, BG_ACQ_DESCENT, "DE", 0, NULL, "2008-02-29", "2026-03-01")) == BG_NO);

	/* immigration year missing, but born abroad in 1990: moved in after 1949 */
	f = rec("SY", NULL, BG_ACQ_NONE, "SY", 0, NULL, "1990-01-01", REF);
	CHECK(bg_f_immigrated_since_1950(f) == BG_YES);
	/* born abroad 1940, year unknown: not known */
	f = rec("AT", NULL, BG_ACQ_NONE, "AT", 0, NULL, "1940-01-01", REF);
	CHECK(bg_f_immigrated_since_1950(f) == BG_UNKNOWN);
	/* 1955 is not "after 1955"; 1956 is */
	CHECK(bg_f_immigrated_after_1955(rec("IT", NULL, BG_ACQ_NONE, "IT", 1955, NULL, "1930-01-01", REF)) == BG_NO);
	CHECK(bg_f_immigrated_after_1955(rec("IT", NULL, BG_ACQ_NONE, "IT", 1956, NULL, "1930-01-01", REF)) == BG_YES);

	CHECK(!bg_features_valid(0));
	CHECK(!bg_features_valid(UINT64_C(0x1234)));
	CHECK(bg_days_from_civil(2000, 1, 1) == 0);
	CHECK(bg_days_from_civil(2024, 6, 27) == 8944);	/* = '2024-06-27'::date - '2000-01-01' */
}

static void
test_contradictions(void)
{
	struct
	{
		BgFeatures	f;
		BgContradiction want;
	}			cases[] = {
		{rec(NULL, "TR", BG_ACQ_NONE, "TR", 0, NULL, NULL, REF), BG_C_CIT2_WITHOUT_CIT1},
		{rec("TR", "TUR", BG_ACQ_NONE, "TR", 0, NULL, NULL, REF), BG_C_SAME_CITIZENSHIPS},
		{rec("XXA", "DE", BG_ACQ_NONE, "TR", 0, NULL, NULL, REF), BG_C_STATELESS_AND_CITIZEN},
		{rec("TR", NULL, BG_ACQ_NATURALISATION, "TR", 0, NULL, NULL, REF), BG_C_ACQUISITION_NOT_GERMAN},
		{rec("TR", NULL, BG_ACQ_NONE, "TR", 1980, NULL, "1985-01-01", REF), BG_C_IMMIGRATION_BEFORE_BIRTH},
		{rec("TR", NULL, BG_ACQ_NONE, "TR", 2026, NULL, "1985-01-01", REF), BG_C_IMMIGRATION_AFTER_REFERENCE},
		{rec("TR", NULL, BG_ACQ_NONE, "TR", 0, NULL, "2026-01-01", REF), BG_C_BIRTH_AFTER_REFERENCE},
		{rec("DE", "TR", BG_ACQ_IUS_SOLI, "TR", 0, NULL, "2005-01-01", REF), BG_C_IUS_SOLI_BORN_ABROAD},
		{rec("DE", "TR", BG_ACQ_IUS_SOLI, "DE", 0, NULL, "1985-01-01", REF), BG_C_IUS_SOLI_BEFORE_1990},
		{rec("DE", NULL, BG_ACQ_SPAETAUSSIEDLER, "DE", 0, NULL, "1985-01-01", REF), BG_C_AUSSIEDLER_BORN_IN_GERMANY},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		CHECK(bg_features_valid(cases[i].f));
		CHECK(bg_f_contradiction(cases[i].f) == cases[i].want);
		/* every definition says so */
		MZW(cases[i].f, &none, &none, "widerspruechlich");
		MZN(cases[i].f, &none, &none, "widerspruechlich");
		DS(cases[i].f, &none, &none, "widerspruechlich");
		EG(cases[i].f, &none, &none, "widerspruechlich");
		Z22(cases[i].f, &none, &none, "widerspruechlich");
		MI(cases[i].f, &none, &none, "widerspruechlich");
		Z11(cases[i].f, &none, &none, "widerspruechlich");
		MP(cases[i].f, &none, &none, "widerspruechlich");
	}

	/* birth_country and born_abroad disagree */
	{
		BgPerson	p = {cc("DE"), COUNTRY_NONE, BG_ACQ_DESCENT, cc("DE"), BG_YES, false, 0,
		COUNTRY_NONE, BG_NO_DATE, BG_NO_DATE};

		CHECK(bg_f_contradiction(bg_features(&p)) == BG_C_BIRTHPLACE_DISAGREES);
		/* only born_abroad known */
		p.birth_country = COUNTRY_NONE;
		CHECK(bg_f_contradiction(bg_features(&p)) == BG_OK);
		CHECK(bg_f_born_abroad(bg_features(&p)) == BG_YES);
	}
	/* a contradictory parent counts as unknown */
	{
		BgParent	bad = par(rec("TR", NULL, BG_ACQ_NATURALISATION, "TR", 0, NULL, NULL, REF));
		BgParent	ok = par(german_native());
		BgFeatures	child = rec("DE", NULL, BG_ACQ_DESCENT, "DE", 0, NULL, "2015-01-01", REF);

		EG(child, &bad, &ok, "nicht_bestimmbar");
		DS(child, &bad, &ok, "nicht_bestimmbar");
	}
}

/* Mikrozensus 2005, rules MZ1-MZ4 */
static void
test_mikrozensus2005(void)
{
	BgFeatures	child = rec("DE", NULL, BG_ACQ_DESCENT, "DE", 0, NULL, "2012-01-01", REF);
	BgParent	imm = par(immigrant_foreigner());
	BgParent	imm_out = par_out(immigrant_foreigner());
	BgParent	nat = par(german_native());
	BgParent	imm_hh_unknown = {true, immigrant_foreigner(), BG_UNKNOWN};

	/* MZ1: foreigners */
	MZW(immigrant_foreigner(), &none, &none, "auslaender_zugewandert");
	MZW(rec("TR", NULL, BG_ACQ_NONE, "DE", 0, NULL, "1995-01-01", REF), &none, &none, "auslaender_in_deutschland_geboren");
	MZW(rec("TR", NULL, BG_ACQ_NONE, NULL, 0, NULL, "1995-01-01", REF), &none, &none, "auslaender_geburtsort_unbekannt");
	MZW(rec("XXA", NULL, BG_ACQ_NONE, "SY", 2016, NULL, "1995-01-01", REF), &none, &none, "auslaender_zugewandert");
	/* citizenship not known */
	MZW(rec(NULL, NULL, BG_ACQ_NONE, "DE", 0, NULL, "1995-01-01", REF), &none, &none, "nicht_bestimmbar");
	MZW(rec("XXX", NULL, BG_ACQ_NONE, "DE", 0, NULL, "1995-01-01", REF), &none, &none, "nicht_bestimmbar");
	/* MZ3: Germans by own features */
	MZW(rec("DE", NULL, BG_ACQ_SPAETAUSSIEDLER, "KZ", 1993, NULL, "1960-01-01", REF), &none, &none, "spaetaussiedler");
	MZW(rec("DE", "TR", BG_ACQ_IUS_SOLI, "DE", 0, NULL, "2005-01-01", REF), &none, &none, "ius_soli");
	MZW(rec("DE", NULL, BG_ACQ_NATURALISATION, "DE", 0, NULL, "1985-01-01", REF), &none, &none, "eingebuergert_in_deutschland_geboren");
	MZW(rec("DE", "TR", BG_ACQ_NATURALISATION, "TR", 1990, NULL, "1970-01-01", REF), &none, &none, "eingebuergert_zugewandert");
	MZW(rec("DE", NULL, BG_ACQ_ADOPTION, "CO", 2014, NULL, "2012-01-01", REF), &none, &none, "eingebuergert_zugewandert");
	/* German by descent born abroad, moved in after 1949: counts in 2005 */
	MZW(rec("DE", NULL, BG_ACQ_DESCENT, "US", 2015, NULL, "2010-01-01", REF), &nat, &nat, "deutsch_zugewandert");
	/* expellee moved in 1946: before 1950, by own features no */
	MZW(rec("DE", NULL, BG_ACQ_EXPELLEE, "PL", 1946, NULL, "1938-01-01", REF), &nat, &nat, "ohne");
	/*
	 * naturalised, moved in before 1950, parents native: neither "moved in
	 * after 1949" nor "born here as a foreigner" — no background in 2005
	 */
	MZW(rec("DE", NULL, BG_ACQ_NATURALISATION, "AT", 1948, NULL, "1930-01-01", REF), &nat, &nat, "ohne");
	MZW(rec("DE", NULL, BG_ACQ_NATURALISATION, "AT", 1948, NULL, "1930-01-01", REF), &none, &none, "nicht_bestimmbar");
	/* MZ4: parents, wide sense */
	MZW(child, &imm, &nat, "deutsch_kind_zugewanderter");
	MZW(child, &imm_out, &nat, "deutsch_kind_zugewanderter");
	MZW(child, &nat, &nat, "ohne");
	MZW(child, &nat, &none, "nicht_bestimmbar");
	MZW(child, &none, &none, "nicht_bestimmbar");
	/* a parent born in Germany as a foreigner (naturalised later) */
	{
		BgParent	born_here = par(rec("DE", NULL, BG_ACQ_NATURALISATION, "DE", 0, NULL, "1975-01-01", REF));

		MZW(child, &born_here, &nat, "deutsch_kind_zugewanderter");
	}
	/* German, acquisition unknown, a parent immigrated: background certain */
	MZW(rec("DE", NULL, BG_ACQ_NONE, "DE", 0, NULL, "2012-01-01", REF), &imm, &none, "deutsch_kind_zugewanderter");
	/* narrow sense: only parents in the household */
	MZN(child, &imm, &nat, "deutsch_kind_zugewanderter");
	MZN(child, &imm_out, &nat, "ohne");
	MZN(child, &none, &none, "ohne");
	MZN(child, &imm_hh_unknown, &nat, "nicht_bestimmbar");
	MZN(german_native(), &none, &none, "ohne");
	MZW(german_native(), &none, &none, "nicht_bestimmbar");
}

/* current Destatis wording, rules DS1-DS5 */
static void
test_destatis(void)
{
	BgFeatures	child = rec("DE", NULL, BG_ACQ_DESCENT, "DE", 0, NULL, "2012-01-01", REF);
	BgParent	nat = par(german_native());
	BgParent	naturalised = par(rec("DE", "TR", BG_ACQ_NATURALISATION, "TR", 1990, NULL, "1970-01-01", REF));
	BgParent	expellee = par(rec("DE", NULL, BG_ACQ_EXPELLEE, "PL", 1946, NULL, "1938-01-01", REF));

	DS(immigrant_foreigner(), &none, &none, "auslaender");
	DS(rec(NULL, NULL, BG_ACQ_NONE, "DE", 0, NULL, NULL, REF), &none, &none, "nicht_bestimmbar");
	DS(naturalised.f, &none, &none, "eingebuergert");
	DS(rec("DE", NULL, BG_ACQ_SPAETAUSSIEDLER, "KZ", 1993, NULL, "1960-01-01", REF), &none, &none, "spaetaussiedler");
	DS(rec("DE", NULL, BG_ACQ_ADOPTION, "CO", 2014, NULL, "2012-01-01", REF), &nat, &nat, "adoptiert");
	DS(rec("DE", NULL, BG_ACQ_DECLARATION, "DE", 0, NULL, "1970-01-01", REF), &none, &none, "deutsch_durch_erklaerung");
	DS(rec("DE", "TR", BG_ACQ_IUS_SOLI, "DE", 0, NULL, "2005-01-01", REF), &none, &none, "nachkomme");
	DS(child, &naturalised, &nat, "nachkomme");
	DS(child, &nat, &nat, "ohne");
	DS(child, &nat, &none, "nicht_bestimmbar");
	/* expellees and their descendants are not counted */
	DS(expellee.f, &none, &none, "nicht_bestimmbar");	/* own no, parents unknown */
	DS(expellee.f, &nat, &nat, "ohne");
	DS(child, &expellee, &nat, "ohne");
	/* German born abroad to parents without background */
	DS(rec("DE", NULL, BG_ACQ_DESCENT, "US", 2015, NULL, "2010-01-01", REF), &nat, &nat, "ohne");
	/* acquisition unknown: a parent decides, else unknown */
	DS(rec("DE", NULL, BG_ACQ_NONE, "DE", 0, NULL, "2012-01-01", REF), &naturalised, &none, "nachkomme");
	DS(rec("DE", NULL, BG_ACQ_NONE, "DE", 0, NULL, "2012-01-01", REF), &nat, &nat, "nicht_bestimmbar");
}

/* Einwanderungsgeschichte and Zensus 2022, rules EG1-EG4, Z22 */
static void
test_einwanderungsgeschichte(void)
{
	BgFeatures	child = rec("DE", NULL, BG_ACQ_DESCENT, "DE", 0, NULL, "2012-01-01", REF);
	BgFeatures	adult = rec("DE", NULL, BG_ACQ_DESCENT, "DE", 0, NULL, "1990-01-01", REF);
	BgParent	imm = par(immigrant_foreigner());
	BgParent	nat = par(german_native());
	BgParent	old_imm = par(rec("DE", NULL, BG_ACQ_DESCENT, "AT", 1948, NULL, "1930-01-01", REF));

	EG(immigrant_foreigner(), &none, &none, "eingewandert");
	EG(rec("DE", NULL, BG_ACQ_SPAETAUSSIEDLER, "KZ", 1993, NULL, "1960-01-01", REF), &none, &none, "eingewandert");
	EG(rec("DE", NULL, BG_ACQ_DESCENT, "US", 2015, NULL, "2010-01-01", REF), &nat, &nat, "eingewandert");
	EG(old_imm.f, &none, &none, "ohne");
	EG(rec("TR", NULL, BG_ACQ_NONE, NULL, 0, NULL, "1970-01-01", REF), &none, &none, "nicht_bestimmbar");
	EG(child, &imm, &imm, "nachkomme");
	EG(child, &imm, &nat, "einseitig");
	EG(child, &nat, &imm, "einseitig");
	EG(child, &nat, &nat, "ohne");
	EG(child, &old_imm, &imm, "einseitig");
	EG(child, &imm, &none, "nicht_bestimmbar");
	EG(child, &nat, &none, "nicht_bestimmbar");
	/* foreigner born here to native parents: ohne (citizenship plays no role) */
	EG(rec("TR", NULL, BG_ACQ_NONE, "DE", 0, NULL, "2012-01-01", REF), &nat, &nat, "ohne");
	/* Zensus 2022: descendants only under 19 */
	Z22(child, &imm, &imm, "nachkomme");
	Z22(adult, &imm, &imm, "nicht_ausgewiesen");
	EG(adult, &imm, &imm, "nachkomme");
	Z22(rec("DE", NULL, BG_ACQ_DESCENT, "DE", 0, NULL, NULL, REF), &imm, &imm, "nicht_bestimmbar");
	Z22(immigrant_foreigner(), &none, &none, "eingewandert");
}

/* § 6 MighEV */
static void
test_mighev(void)
{
	BgFeatures	child = rec("DE", NULL, BG_ACQ_DESCENT, "DE", 0, NULL, "2012-01-01", REF);
	BgParent	imm = par(immigrant_foreigner());
	BgParent	nat = par(german_native());

	MI(immigrant_foreigner(), &none, &none, "auslaender");
	MI(rec("TR", NULL, BG_ACQ_NONE, "DE", 0, NULL, "1995-01-01", REF), &none, &none, "auslaender");
	MI(rec("DE", NULL, BG_ACQ_SPAETAUSSIEDLER, "KZ", 1993, NULL, "1960-01-01", REF), &none, &none, "spaetaussiedler");
	MI(rec("DE", NULL, BG_ACQ_DESCENT, "US", 2015, NULL, "2010-01-01", REF), &none, &none, "zugewandert");
	MI(child, &imm, &nat, "elternteil_zugewandert");
	MI(child, &nat, &nat, "ohne");
	MI(child, &nat, &none, "nicht_bestimmbar");
	/* naturalised, born in Germany, parents native: no background under MighEV */
	MI(rec("DE", NULL, BG_ACQ_NATURALISATION, "DE", 0, NULL, "1985-01-01", REF), &nat, &nat, "ohne");
	MI(rec(NULL, NULL, BG_ACQ_NONE, "DE", 0, NULL, NULL, REF), &nat, &nat, "nicht_bestimmbar");
}

/* Zensus 2011 */
static void
test_zensus2011(void)
{
	BgFeatures	child = rec("DE", NULL, BG_ACQ_DESCENT, "DE", 0, NULL, "2005-01-01", REF);
	BgParent	imm = par(immigrant_foreigner());
	BgParent	imm_pl = par(rec("PL", NULL, BG_ACQ_NONE, "PL", 2000, NULL, "1975-01-01", REF));
	BgParent	nat = par(german_native());
	BgParent	imm1952 = par(rec("DE", NULL, BG_ACQ_DESCENT, "IT", 1952, NULL, "1930-01-01", REF));

	Z11(immigrant_foreigner(), &none, &none, "auslaender");
	Z11(rec("DE", NULL, BG_ACQ_SPAETAUSSIEDLER, "KZ", 1993, NULL, "1960-01-01", REF), &none, &none, "deutsch_zugewandert");
	Z11(imm1952.f, &nat, &nat, "ohne");	/* 1952 is not after 1955 */
	Z11(child, &imm, &nat, "deutsch_elternteil_zugewandert");
	Z11(child, &imm1952, &nat, "ohne");
	Z11(child, &nat, &none, "nicht_bestimmbar");
	Z11(rec(NULL, NULL, BG_ACQ_NONE, "DE", 0, NULL, NULL, REF), &none, &none, "nicht_bestimmbar");
	/* reference country: own; parents from different countries: the mother's */
	CHECK(bg_zensus2011_reference_country(immigrant_foreigner(), &none, &none) == cc("TR"));
	CHECK(bg_zensus2011_reference_country(child, &imm_pl, &imm) == cc("PL"));
	CHECK(bg_zensus2011_reference_country(child, &nat, &imm) == cc("TR"));
	CHECK(bg_zensus2011_reference_country(child, &nat, &nat) == COUNTRY_NONE);
}

/* MigraPro: the decision table MP1-MP10 and the reference country R1-R5 */
static void
test_migrapro(void)
{
	BgFeatures	child = rec("DE", NULL, BG_ACQ_NONE, "DE", 0, NULL, "2012-01-01", REF);
	BgParent	imm = par(immigrant_foreigner());
	BgParent	nat = par(german_native());
	BgParent	nb = par(rec("DE", NULL, BG_ACQ_NONE, NULL, 0, NULL, "1980-01-01", REF));
	BgFeatures	f;

	/* MP1 */
	MP(immigrant_foreigner(), &none, &none, "auslaender");
	MP(rec("XXA", NULL, BG_ACQ_NONE, NULL, 0, NULL, "1990-01-01", REF), &none, &none, "auslaender");
	MP(rec(NULL, NULL, BG_ACQ_NONE, "DE", 0, NULL, "1990-01-01", REF), &none, &none, "nicht_bestimmbar");
	/* MP2 */
	MP(rec("DE", NULL, BG_ACQ_NATURALISATION, "DE", 0, NULL, "1985-01-01", REF), &none, &none, "eingebuergert");
	MP(rec("DE", NULL, BG_ACQ_ADOPTION, "CO", 2014, NULL, "2012-01-01", REF), &none, &none, "eingebuergert");
	MP(rec("DE", NULL, BG_ACQ_DECLARATION, "DE", 0, NULL, "1970-01-01", REF), &none, &none, "eingebuergert");
	MP(rec("DE", NULL, BG_ACQ_SPAETAUSSIEDLER, "KZ", 1993, NULL, "1960-01-01", REF), &none, &none, "spaetaussiedler");
	MP(rec("DE", "TR", BG_ACQ_IUS_SOLI, "DE", 0, NULL, "2005-01-01", PRE), &none, &none, "optionsdeutsch");
	MP(rec("DE", "TR", BG_ACQ_IUS_SOLI, "DE", 0, NULL, "2005-01-01", REF), &none, &none, "optionsdeutsch");
	/* MP3: expellees */
	MP(rec("DE", NULL, BG_ACQ_EXPELLEE, "PL", 1946, NULL, "1938-01-01", REF), &none, &none, "ohne");
	/* MP4: second citizenship, before the reform */
	MP(rec("DE", "US", BG_ACQ_DESCENT, "DE", 0, NULL, "1980-01-01", PRE), &none, &none, "zweite_staatsangehoerigkeit");
	MP(rec("DE", "US", BG_ACQ_NONE, "DE", 0, NULL, "1980-01-01", PRE), &none, &none, "zweite_staatsangehoerigkeit");
	MP(rec("DE", "TR", BG_ACQ_NONE, "DE", 0, NULL, "2003-01-01", PRE), &none, &none, "optionsdeutsch");
	MP(rec("TR", "DE", BG_ACQ_NONE, "DE", 0, NULL, "2003-01-01", PRE), &none, &none, "optionsdeutsch");
	/* ... and from 27.06.2024 on: alone it decides nothing */
	MP(rec("DE", "US", BG_ACQ_DESCENT, "DE", 0, NULL, "1980-01-01", REF), &none, &none, "ohne");
	MP(rec("DE", "US", BG_ACQ_DESCENT, "DE", 0, NULL, "1980-01-01", "2024-06-27"), &none, &none, "ohne");
	MP(rec("DE", "TR", BG_ACQ_NONE, "DE", 0, NULL, "2010-01-01", REF), &imm, &none, "familiaer");
	/* reference date unknown: the second citizenship cannot be read */
	MP(rec("DE", "US", BG_ACQ_DESCENT, "DE", 0, NULL, "1980-01-01", NULL), &none, &none, "nicht_bestimmbar");
	/* MP5/MP6: Aussiedler from the areas of origin (BVFG), acquisition not recorded */
	MP(rec("DE", NULL, BG_ACQ_NONE, "KZ", 1995, NULL, "1970-01-01", REF), &none, &none, "spaetaussiedler");
	MP(rec("DE", NULL, BG_ACQ_NONE, NULL, 1995, "RU", "1970-01-01", REF), &none, &none, "spaetaussiedler");
	MP(rec("DE", NULL, BG_ACQ_DESCENT, "KZ", 1995, NULL, "1970-01-01", REF), &none, &none, "im_ausland_geboren");
	/* MP7: born abroad */
	MP(rec("DE", NULL, BG_ACQ_DESCENT, "US", 2015, NULL, "2010-01-01", REF), &none, &none, "im_ausland_geboren");
	MP(rec("DE", NULL, BG_ACQ_NONE, "FR", 0, NULL, "1990-01-01", REF), &none, &none, "im_ausland_geboren");
	MP(rec("DE", NULL, BG_ACQ_DESCENT, "AT", 1948, NULL, "1930-01-01", REF), &none, &none, "ohne");
	/* MP8 / MP9 */
	MP(german_native(), &none, &none, "ohne");
	MP(rec("DE", NULL, BG_ACQ_NONE, NULL, 0, NULL, "1980-01-01", REF), &none, &none, "nicht_bestimmbar");
	/* MP10: minors from linked parents */
	MP(child, &imm, &nat, "familiaer");
	MP(child, &none, &imm, "familiaer");
	MP(child, &nat, &nat, "ohne");
	MP(child, &nat, &none, "ohne");
	MP(child, &none, &none, "nicht_bestimmbar");
	MP(child, &nb, &nat, "nicht_bestimmbar");
	MP(child, &nb, &imm, "familiaer");
	MP(rec("DE", NULL, BG_ACQ_NONE, "DE", 0, NULL, "1990-01-01", REF), &imm, &imm, "ohne");	/* 18+ */
	MP(rec("DE", NULL, BG_ACQ_NONE, "DE", 0, NULL, NULL, REF), &imm, &nat, "nicht_bestimmbar");
	MP(rec("DE", NULL, BG_ACQ_NONE, "DE", 0, NULL, NULL, REF), &nat, &nat, "ohne");
	/* a parent's own background only: a familial parent does not pass it on */
	f = rec("DE", NULL, BG_ACQ_NONE, "DE", 0, NULL, "2010-01-01", REF);
	{
		BgParent	fam = par(f);	/* a minor whose background is familial */

		MP(child, &fam, &none, "ohne");
	}

	/* R1-R5 */
	CHECK(bg_migrapro_reference_country(immigrant_foreigner(), &none, &none) == cc("TR"));
	CHECK(bg_migrapro_reference_country(rec("DE", "TR", BG_ACQ_NATURALISATION, "SY", 2015, NULL, "1990-01-01", REF), &none, &none) == cc("TR"));
	CHECK(bg_migrapro_reference_country(rec("DE", NULL, BG_ACQ_NATURALISATION, "SY", 2015, "LB", "1990-01-01", REF), &none, &none) == cc("SY"));
	CHECK(bg_migrapro_reference_country(rec("DE", NULL, BG_ACQ_NONE, NULL, 1995, "RU", "1970-01-01", REF), &none, &none) == cc("RU"));
	{
		BgParent	pl = par(rec("PL", NULL, BG_ACQ_NONE, "PL", 2000, NULL, "1975-01-01", REF));

		CHECK(bg_migrapro_reference_country(child, &pl, &imm) == cc("PL"));
	}
	CHECK(bg_migrapro_reference_country(child, &nat, &imm) == cc("TR"));
	CHECK(bg_migrapro_reference_country(german_native(), &none, &none) == COUNTRY_NONE);
	CHECK(bg_migrapro_reference_country(rec("XXA", NULL, BG_ACQ_NONE, NULL, 0, NULL, "1990-01-01", REF), &none, &none) == cc("XXA"));
	/* a German by descent with a second citizenship after the reform: no background, no country */
	CHECK(bg_migrapro_reference_country(rec("DE", "US", BG_ACQ_DESCENT, "DE", 0, NULL, "1980-01-01", REF), &none, &none) == COUNTRY_NONE);
}

const UnitTest unit_background_tests[] = {
	UNIT_TEST(test_features_basic),
	UNIT_TEST(test_contradictions),
	UNIT_TEST(test_mikrozensus2005),
	UNIT_TEST(test_destatis),
	UNIT_TEST(test_einwanderungsgeschichte),
	UNIT_TEST(test_mighev),
	UNIT_TEST(test_zensus2011),
	UNIT_TEST(test_migrapro),
	{NULL, NULL}
};
