/*
 * derive.c — the migration-background definitions (plain C).
 *
 * Every rule here is listed, with its source, in docs/migration-background.md;
 * the comments name the rule by the same numbers (MZ1, DS2, EG3, ...).
 * Unknown inputs travel as BG_UNKNOWN and end in "nicht_bestimmbar" unless
 * the known inputs already decide the answer.
 */
#include "derive.h"

#include <stdlib.h>
#include <string.h>

const char *const bg_acquisition_labels[BG_ACQ_COUNT] = {
	"", "descent", "ius_soli", "naturalisation", "spaetaussiedler",
	"expellee", "adoption", "declaration", "unknown"
};

const char *const bg_contradiction_text[BG_C_COUNT] = {
	"",
	"citizenship2 is given but citizenship1 is not",
	"citizenship1 and citizenship2 are the same country",
	"stateless (XXA) together with a citizenship",
	"german_acquisition is given but the person does not hold German citizenship",
	"immigration_year is before the year of birth",
	"immigration_year is after the reference date",
	"birth_date is after reference_date",
	"birth_country and born_abroad disagree",
	"German by ius soli (§ 4 Abs. 3 StAG) but born abroad",
	"German by ius soli but born before 1990 (§ 4 Abs. 3 and § 40b StAG apply to births from 1990)",
	"Spätaussiedler but born in Germany"
};

const char *const bg_mikrozensus2005_labels[BG_MZ_COUNT] = {
	"auslaender_zugewandert", "auslaender_in_deutschland_geboren",
	"auslaender_geburtsort_unbekannt", "eingebuergert_zugewandert",
	"eingebuergert_in_deutschland_geboren", "spaetaussiedler",
	"deutsch_zugewandert", "ius_soli", "deutsch_kind_zugewanderter",
	"ohne", "nicht_bestimmbar", "widerspruechlich"
};
enum
{
	MZ_AUSL_ZUG, MZ_AUSL_GEB, MZ_AUSL_UNB, MZ_EINB_ZUG, MZ_EINB_GEB, MZ_SPAET,
	MZ_DT_ZUG, MZ_IUS, MZ_KIND, MZ_OHNE, MZ_NB, MZ_WID
};

const char *const bg_destatis_labels[BG_DS_COUNT] = {
	"auslaender", "eingebuergert", "spaetaussiedler", "adoptiert",
	"deutsch_durch_erklaerung", "nachkomme", "ohne", "nicht_bestimmbar",
	"widerspruechlich"
};
enum
{
	DS_AUSL, DS_EINB, DS_SPAET, DS_ADOPT, DS_ERKL, DS_NACHK, DS_OHNE, DS_NB, DS_WID
};

const char *const bg_einwanderung_labels[BG_EG_COUNT] = {
	"eingewandert", "nachkomme", "einseitig", "ohne", "nicht_ausgewiesen",
	"nicht_bestimmbar", "widerspruechlich"
};
enum
{
	EG_EING, EG_NACHK, EG_EINS, EG_OHNE, EG_NICHT_AUSG, EG_NB, EG_WID
};

const char *const bg_mighev_labels[BG_MI_COUNT] = {
	"auslaender", "zugewandert", "spaetaussiedler", "elternteil_zugewandert",
	"ohne", "nicht_bestimmbar", "widerspruechlich"
};
enum
{
	MI_AUSL, MI_ZUG, MI_SPAET, MI_ELT, MI_OHNE, MI_NB, MI_WID
};

const char *const bg_zensus2011_labels[BG_Z11_COUNT] = {
	"auslaender", "deutsch_zugewandert", "deutsch_elternteil_zugewandert",
	"ohne", "nicht_bestimmbar", "widerspruechlich"
};
enum
{
	Z11_AUSL, Z11_ZUG, Z11_ELT, Z11_OHNE, Z11_NB, Z11_WID
};

const char *const bg_migrapro_labels[BG_MP_COUNT] = {
	"auslaender", "eingebuergert", "spaetaussiedler", "optionsdeutsch",
	"zweite_staatsangehoerigkeit", "im_ausland_geboren", "familiaer", "ohne",
	"nicht_bestimmbar", "widerspruechlich"
};
enum
{
	MP_AUSL, MP_EINB, MP_SPAET, MP_OPT, MP_ZWEIT, MP_AUSLAND, MP_FAM, MP_OHNE,
	MP_NB, MP_WID
};

/* ---------------------------------------------------------------------
 * Three-valued logic (Kleene).
 */
static BgTri
tri_or(BgTri a, BgTri b)
{
	if (a == BG_YES || b == BG_YES)
		return BG_YES;
	if (a == BG_NO && b == BG_NO)
		return BG_NO;
	return BG_UNKNOWN;
}

static BgTri
tri_and(BgTri a, BgTri b)
{
	if (a == BG_NO || b == BG_NO)
		return BG_NO;
	if (a == BG_YES && b == BG_YES)
		return BG_YES;
	return BG_UNKNOWN;
}

static BgTri
tri_not(BgTri a)
{
	return a == BG_YES ? BG_NO : a == BG_NO ? BG_YES : BG_UNKNOWN;
}

/* ---------------------------------------------------------------------
 * Dates (days since 2000-01-01; H. Hinnant's civil-date algorithms).
 */
int32_t
bg_days_from_civil(int y, int m, int d)
{
	int			era;
	unsigned	yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned) (y - era * 400);
	doy = (unsigned) ((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	/* 730425 = days from 0000-03-01 to 2000-01-01 */
	return (int32_t) (era * 146097 + (int) doe - 730425);
}

static void
civil_from_days(int32_t days, int *y, int *m, int *d)
{
	int64_t		z = (int64_t) days + 730425;
	int64_t		era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned	doe = (unsigned) (z - era * 146097);
	unsigned	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned	mp = (5 * doy + 2) / 153;

	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = (int) (yoe + era * 400) + (*m <= 2);
}

/* Completed years of age at the reference date. */
static int
age_at(int32_t birth, int32_t ref)
{
	int			by,
				bm,
				bd,
				ry,
				rm,
				rd;

	civil_from_days(birth, &by, &bm, &bd);
	civil_from_days(ref, &ry, &rm, &rd);
	return ry - by - ((rm < bm || (rm == bm && rd < bd)) ? 1 : 0);
}

static int
year_of(int32_t days)
{
	int			y,
				m,
				d;

	civil_from_days(days, &y, &m, &d);
	return y;
}

/* ---------------------------------------------------------------------
 * Country properties the rules need, computed once from the catalogue.
 */
#define CF_GERMANY		0x01	/* today's Germany and the GDR: "heutiges Gebiet" */
#define CF_STATELESS	0x02
#define CF_UNCLEAR		0x04
#define CF_BVFG			0x08	/* area of origin of (Spät-)Aussiedler, § 1 Abs. 2 Nr. 3 BVFG */

static unsigned char *country_flags;

/*
 * § 1 Abs. 2 Nr. 3 BVFG: the former German eastern territories, Danzig,
 * Estonia, Latvia, Lithuania, the former Soviet Union, Poland,
 * Czechoslovakia, Hungary, Romania, Bulgaria, Yugoslavia, Albania, China;
 * here with their successor states (alpha-2) and the former states
 * (ISO 3166-3 alpha-3: SUN, CSK, YUG, SCG).
 */
static const char *const bvfg_alpha2[] = {
	"EE", "LV", "LT", "RU", "UA", "BY", "MD", "KZ", "KG", "UZ", "TJ", "TM",
	"AZ", "AM", "GE", "PL", "CZ", "SK", "HU", "RO", "BG", "SI", "HR", "BA",
	"RS", "ME", "MK", "AL", "CN", NULL
};
static const char *const bvfg_alpha3[] = {"SUN", "CSK", "YUG", "SCG", NULL};

static bool
in_list(const char *code, const char *const *list)
{
	if (code == NULL)
		return false;
	for (; *list; list++)
		if (strcmp(code, *list) == 0)
			return true;
	return false;
}

static void
init_country_flags(void)
{
	int			n = country_count();
	unsigned char *flags = calloc((size_t) (n > 0 ? n : 1), 1);

	if (flags == NULL)
		abort();
	for (int i = 0; i < n; i++)
	{
		const char *a2 = country_alpha2(i);
		const char *a3 = country_alpha3(i);

		if (country_is_germany(i) || country_in_present_germany(i))
			flags[i] |= CF_GERMANY;
		if (country_is_stateless(i))
			flags[i] |= CF_STATELESS;
		if (country_is_unclear(i))
			flags[i] |= CF_UNCLEAR;
		if (in_list(a2, bvfg_alpha2) || in_list(a3, bvfg_alpha3))
			flags[i] |= CF_BVFG;
	}
	country_flags = flags;
}

static inline unsigned
cflags(CountryId c)
{
	if (c == COUNTRY_NONE)
		return 0;
	if (country_flags == NULL)
		init_country_flags();
	return country_flags[c];
}

/* A real foreign country: not Germany, not stateless, not unclear. */
static inline bool
is_foreign_country(CountryId c)
{
	return c != COUNTRY_NONE && (cflags(c) & (CF_GERMANY | CF_STATELESS | CF_UNCLEAR)) == 0;
}

/* ---------------------------------------------------------------------
 * The packed features.
 */
#define SH_GERMAN		0
#define SH_ACQ			2
#define SH_BORN_ABROAD	6
#define SH_IMM1950		8
#define SH_IMM1955		10
#define SH_FOREIGN_BIRTH 12
#define SH_MZ_PARENT	14
#define SH_MINOR		16
#define SH_UNDER19		18
#define SH_MP_OWN		20
#define SH_CONTRA		24
#define SH_COUNTRY		32
#define SH_MAGIC		56

#define GET(f, sh, bits) ((unsigned) (((f) >> (sh)) & ((UINT64_C(1) << (bits)) - 1)))

BgTri
bg_f_german(BgFeatures f)
{
	return (BgTri) GET(f, SH_GERMAN, 2);
}
BgAcquisition
bg_f_acquisition(BgFeatures f)
{
	return (BgAcquisition) GET(f, SH_ACQ, 4);
}
BgTri
bg_f_born_abroad(BgFeatures f)
{
	return (BgTri) GET(f, SH_BORN_ABROAD, 2);
}
BgTri
bg_f_immigrated_since_1950(BgFeatures f)
{
	return (BgTri) GET(f, SH_IMM1950, 2);
}
BgTri
bg_f_immigrated_after_1955(BgFeatures f)
{
	return (BgTri) GET(f, SH_IMM1955, 2);
}
BgTri
bg_f_foreign_at_birth(BgFeatures f)
{
	return (BgTri) GET(f, SH_FOREIGN_BIRTH, 2);
}
BgTri
bg_f_mz_parent(BgFeatures f)
{
	return (BgTri) GET(f, SH_MZ_PARENT, 2);
}
BgTri
bg_f_minor(BgFeatures f)
{
	return (BgTri) GET(f, SH_MINOR, 2);
}
BgTri
bg_f_under_19(BgFeatures f)
{
	return (BgTri) GET(f, SH_UNDER19, 2);
}
BgMigraProOwn
bg_f_migrapro_own(BgFeatures f)
{
	return (BgMigraProOwn) GET(f, SH_MP_OWN, 4);
}
BgContradiction
bg_f_contradiction(BgFeatures f)
{
	return (BgContradiction) GET(f, SH_CONTRA, 5);
}
CountryId
bg_f_reference_country(BgFeatures f)
{
	unsigned	c = GET(f, SH_COUNTRY, 12);

	return c == 0 ? COUNTRY_NONE : (CountryId) (c - 1);
}

bool
bg_features_valid(BgFeatures f)
{
	unsigned	c = GET(f, SH_COUNTRY, 12);

	if (GET(f, SH_MAGIC, 8) != BG_FEATURES_MAGIC)
		return false;
	if (bg_f_acquisition(f) >= BG_ACQ_COUNT || bg_f_contradiction(f) >= BG_C_COUNT
		|| bg_f_migrapro_own(f) > BG_MP_OWN_BORN_ABROAD)
		return false;
	for (int sh = 0; sh <= SH_UNDER19; sh += 2)
		if (sh != SH_ACQ && sh != SH_ACQ + 2 && GET(f, sh, 2) == 3)
			return false;
	/* unused bits must be zero */
	if (GET(f, 29, 3) != 0 || GET(f, 44, 12) != 0)
		return false;
	return c == 0 || (int) (c - 1) < country_count();
}

static BgContradiction
find_contradiction(const BgPerson *p, BgTri german, BgTri born_abroad_country)
{
	unsigned	f1 = cflags(p->citizenship1),
				f2 = cflags(p->citizenship2);

	if (p->citizenship1 == COUNTRY_NONE && p->citizenship2 != COUNTRY_NONE)
		return BG_C_CIT2_WITHOUT_CIT1;
	if (p->citizenship2 != COUNTRY_NONE
		&& (p->citizenship1 == p->citizenship2
			|| ((f1 & CF_GERMANY) && (f2 & CF_GERMANY))))
		return BG_C_SAME_CITIZENSHIPS;
	if (p->citizenship2 != COUNTRY_NONE && ((f1 | f2) & CF_STATELESS))
		return BG_C_STATELESS_AND_CITIZEN;
	if (german == BG_NO && p->acquisition != BG_ACQ_NONE && p->acquisition != BG_ACQ_UNKNOWN)
		return BG_C_ACQUISITION_NOT_GERMAN;
	if (p->has_immigration_year && p->birth_date != BG_NO_DATE
		&& p->immigration_year < year_of(p->birth_date))
		return BG_C_IMMIGRATION_BEFORE_BIRTH;
	if (p->has_immigration_year && p->reference_date != BG_NO_DATE
		&& p->immigration_year > year_of(p->reference_date))
		return BG_C_IMMIGRATION_AFTER_REFERENCE;
	if (p->birth_date != BG_NO_DATE && p->reference_date != BG_NO_DATE
		&& p->birth_date > p->reference_date)
		return BG_C_BIRTH_AFTER_REFERENCE;
	if (born_abroad_country != BG_UNKNOWN && p->born_abroad != BG_UNKNOWN
		&& born_abroad_country != p->born_abroad)
		return BG_C_BIRTHPLACE_DISAGREES;
	if (p->acquisition == BG_ACQ_IUS_SOLI)
	{
		BgTri		ba = born_abroad_country != BG_UNKNOWN ? born_abroad_country : p->born_abroad;

		if (ba == BG_YES)
			return BG_C_IUS_SOLI_BORN_ABROAD;
		if (p->birth_date != BG_NO_DATE && p->birth_date < bg_days_from_civil(1990, 1, 1))
			return BG_C_IUS_SOLI_BEFORE_1990;
	}
	if (p->acquisition == BG_ACQ_SPAETAUSSIEDLER)
	{
		BgTri		ba = born_abroad_country != BG_UNKNOWN ? born_abroad_country : p->born_abroad;

		if (ba == BG_NO)
			return BG_C_AUSSIEDLER_BORN_IN_GERMANY;
	}
	return BG_OK;
}

/* Immigrated (born abroad, moved in) in or after the given year. */
static BgTri
immigrated_since(const BgPerson *p, BgTri born_abroad, int year)
{
	if (born_abroad != BG_YES)
		return born_abroad == BG_NO ? BG_NO : BG_UNKNOWN;
	if (p->has_immigration_year)
		return p->immigration_year >= year ? BG_YES : BG_NO;
	/* born abroad in or after that year: moved in after it, necessarily */
	if (p->birth_date != BG_NO_DATE && year_of(p->birth_date) >= year)
		return BG_YES;
	return BG_UNKNOWN;
}

/*
 * The person's own MigraPro group (rules MP1-MP9 of the decision table in
 * docs/migration-background.md), before parents are looked at.
 */
static BgMigraProOwn
migrapro_own(const BgPerson *p, BgTri german, BgTri born_abroad, BgTri imm1950)
{
	BgAcquisition acq = p->acquisition;
	CountryId	other;
	bool		undecided = false;
	bool		acq_open = acq != BG_ACQ_DESCENT;	/* nothing says "by descent" */

	if (german == BG_NO)
		return BG_MP_OWN_FOREIGNER;		/* MP1 */
	if (german == BG_UNKNOWN)
		return BG_MP_OWN_UNKNOWN;
	switch (acq)					/* MP2 */
	{
		case BG_ACQ_NATURALISATION:
		case BG_ACQ_ADOPTION:
		case BG_ACQ_DECLARATION:
			return BG_MP_OWN_NATURALISED;
		case BG_ACQ_SPAETAUSSIEDLER:
			return BG_MP_OWN_AUSSIEDLER;
		case BG_ACQ_IUS_SOLI:
			return BG_MP_OWN_IUS_SOLI;
		case BG_ACQ_EXPELLEE:
			return BG_MP_OWN_NONE;		/* MP3 */
		default:
			break;
	}
	/* MP4: a foreign second citizenship, read by the law of the reference date */
	other = (cflags(p->citizenship1) & CF_GERMANY) ? p->citizenship2 : p->citizenship1;
	if (is_foreign_country(other))
	{
		if (p->reference_date == BG_NO_DATE)
			undecided = true;
		else if (p->reference_date < bg_days_from_civil(BG_REFORM_YEAR, BG_REFORM_MONTH, BG_REFORM_DAY))
		{
			if (acq_open && born_abroad == BG_NO && p->birth_date != BG_NO_DATE
				&& p->birth_date >= bg_days_from_civil(1990, 1, 1))
				return BG_MP_OWN_IUS_SOLI;
			return BG_MP_OWN_SECOND_CITIZENSHIP;
		}
		/* since 27.06.2024 a second citizenship alone decides nothing */
	}
	/* MP5/MP6: Zuzugsherkunft or birthplace in an area of origin of Aussiedler */
	if (acq_open
		&& (((cflags(p->birth_country) & CF_BVFG) && imm1950 == BG_YES)
			|| (born_abroad != BG_NO && (cflags(p->moved_in_from) & CF_BVFG)
				&& p->has_immigration_year && p->immigration_year >= 1950)))
		return BG_MP_OWN_AUSSIEDLER;
	if (born_abroad == BG_YES)
	{
		/* MP7: born abroad, moved in since 1950 (or year unknown) */
		if (imm1950 == BG_NO)
			return undecided ? BG_MP_OWN_UNKNOWN : BG_MP_OWN_NONE;
		return BG_MP_OWN_BORN_ABROAD;
	}
	if (born_abroad == BG_UNKNOWN || undecided)
		return BG_MP_OWN_UNKNOWN;	/* MP9 */
	return BG_MP_OWN_NONE;			/* MP8 */
}

/* Reference country of the person's own record (MigraPro order R1-R4). */
static CountryId
own_reference_country(const BgPerson *p)
{
	if (is_foreign_country(p->citizenship1))
		return p->citizenship1;
	if (is_foreign_country(p->citizenship2))
		return p->citizenship2;
	if (is_foreign_country(p->birth_country))
		return p->birth_country;
	if (is_foreign_country(p->moved_in_from))
		return p->moved_in_from;
	if (cflags(p->citizenship1) & CF_STATELESS)
		return p->citizenship1;
	return COUNTRY_NONE;
}

BgFeatures
bg_features(const BgPerson *p)
{
	unsigned	f1 = cflags(p->citizenship1),
				f2 = cflags(p->citizenship2);
	BgTri		german,
				born_abroad_country,
				born_abroad,
				imm1950,
				imm1955,
				foreign_birth,
				minor = BG_UNKNOWN,
				under19 = BG_UNKNOWN;
	BgContradiction contra;
	BgMigraProOwn mp;
	CountryId	ref;
	uint64_t	f;

	/* German: holds German citizenship (first or second) */
	if ((f1 | f2) & CF_GERMANY)
		german = BG_YES;
	else if (p->citizenship1 != COUNTRY_NONE && !(f1 & CF_UNCLEAR))
		german = BG_NO;			/* a foreign country or stateless */
	else if (p->acquisition != BG_ACQ_NONE && p->acquisition != BG_ACQ_UNKNOWN)
		german = BG_YES;		/* citizenship not known, but how it was acquired is */
	else
		german = BG_UNKNOWN;

	if (p->birth_country == COUNTRY_NONE || (cflags(p->birth_country) & CF_UNCLEAR))
		born_abroad_country = BG_UNKNOWN;
	else
		born_abroad_country = (cflags(p->birth_country) & CF_GERMANY) ? BG_NO : BG_YES;
	born_abroad = born_abroad_country != BG_UNKNOWN ? born_abroad_country : p->born_abroad;

	contra = find_contradiction(p, german, born_abroad_country);

	f = (uint64_t) BG_FEATURES_MAGIC << SH_MAGIC;
	f |= (uint64_t) p->acquisition << SH_ACQ;
	if (contra != BG_OK)
		return f | (uint64_t) contra << SH_CONTRA;

	imm1950 = immigrated_since(p, born_abroad, 1950);
	imm1955 = immigrated_since(p, born_abroad, 1956);	/* "nach 1955" */

	/* not German by birth (Destatis): foreigners and acquisitions after birth */
	switch (p->acquisition)
	{
		case BG_ACQ_NATURALISATION:
		case BG_ACQ_SPAETAUSSIEDLER:
		case BG_ACQ_ADOPTION:
		case BG_ACQ_DECLARATION:
			foreign_birth = BG_YES;
			break;
		case BG_ACQ_DESCENT:
		case BG_ACQ_IUS_SOLI:
		case BG_ACQ_EXPELLEE:
			foreign_birth = BG_NO;
			break;
		default:
			foreign_birth = german == BG_NO ? BG_YES : BG_UNKNOWN;
			break;
	}

	if (p->birth_date != BG_NO_DATE && p->reference_date != BG_NO_DATE)
	{
		int			age = age_at(p->birth_date, p->reference_date);

		minor = age < 18 ? BG_YES : BG_NO;
		under19 = age < 19 ? BG_YES : BG_NO;
	}
	mp = migrapro_own(p, german, born_abroad, imm1950);
	ref = own_reference_country(p);

	f |= (uint64_t) german << SH_GERMAN;
	f |= (uint64_t) born_abroad << SH_BORN_ABROAD;
	f |= (uint64_t) imm1950 << SH_IMM1950;
	f |= (uint64_t) imm1955 << SH_IMM1955;
	f |= (uint64_t) foreign_birth << SH_FOREIGN_BIRTH;
	/* MZ2: immigrated since 1950, or born in Germany as a foreigner */
	f |= (uint64_t) tri_or(imm1950, tri_and(foreign_birth, tri_not(born_abroad))) << SH_MZ_PARENT;
	f |= (uint64_t) minor << SH_MINOR;
	f |= (uint64_t) under19 << SH_UNDER19;
	f |= (uint64_t) mp << SH_MP_OWN;
	f |= (uint64_t) (ref == COUNTRY_NONE ? 0 : ref + 1) << SH_COUNTRY;
	return f;
}

/* ---------------------------------------------------------------------
 * The definitions.
 */
typedef BgTri (*ParentQuestion) (BgFeatures);

/* A parent's answer; an absent or contradictory parent record is unknown. */
static BgTri
ask(const BgParent *parent, ParentQuestion q)
{
	if (parent == NULL || !parent->present || bg_f_contradiction(parent->f) != BG_OK)
		return BG_UNKNOWN;
	return q(parent->f);
}

/* "At least one parent": any yes decides; both no = no; else unknown. */
static BgTri
any_parent(const BgParent *m, const BgParent *f, ParentQuestion q)
{
	return tri_or(ask(m, q), ask(f, q));
}

/* The narrow sense: a parent counts only when living in the household. */
static BgTri
ask_in_household(const BgParent *parent, ParentQuestion q)
{
	BgTri		hh = parent ? parent->in_household : BG_NO;
	BgTri		a;

	if (hh == BG_NO)
		return BG_NO;
	if (parent == NULL || !parent->present)
		return hh == BG_YES ? BG_UNKNOWN : BG_NO;	/* no parent linked: none in the household */
	a = ask(parent, q);
	return hh == BG_YES ? a : tri_and(hh, a);
}

static inline bool
contradictory(BgFeatures p)
{
	return bg_f_contradiction(p) != BG_OK;
}

int
bg_mikrozensus2005(BgFeatures p, const BgParent *mother, const BgParent *father, bool narrow)
{
	BgTri		german = bg_f_german(p),
				ba = bg_f_born_abroad(p),
				imm = bg_f_immigrated_since_1950(p),
				own,
				parents;
	BgAcquisition acq = bg_f_acquisition(p);

	if (contradictory(p))
		return MZ_WID;
	/* MZ1: every foreigner */
	if (german == BG_NO)
		return ba == BG_YES ? MZ_AUSL_ZUG : ba == BG_NO ? MZ_AUSL_GEB : MZ_AUSL_UNB;
	if (german == BG_UNKNOWN)
		return MZ_NB;
	/* MZ3: German groups by own features */
	if (acq == BG_ACQ_SPAETAUSSIEDLER)
		return MZ_SPAET;
	if (acq == BG_ACQ_IUS_SOLI)
		return MZ_IUS;			/* parents foreign at the child's birth */
	if (bg_f_foreign_at_birth(p) == BG_YES)
	{
		if (ba == BG_NO)
			return MZ_EINB_GEB;
		if (imm == BG_YES)
			return MZ_EINB_ZUG;
	}
	else if (imm == BG_YES)
		return MZ_DT_ZUG;
	/* MZ4: own features say no (or unknown): the parents */
	parents = narrow
		? tri_or(ask_in_household(mother, bg_f_mz_parent), ask_in_household(father, bg_f_mz_parent))
		: any_parent(mother, father, bg_f_mz_parent);
	if (parents == BG_YES)
		return MZ_KIND;
	own = bg_f_mz_parent(p);	/* the own criterion equals the parent criterion */
	if (own == BG_NO && parents == BG_NO)
		return MZ_OHNE;
	return MZ_NB;
}

int
bg_destatis(BgFeatures p, const BgParent *mother, const BgParent *father)
{
	BgTri		german = bg_f_german(p),
				parents;

	if (contradictory(p))
		return DS_WID;
	if (german == BG_NO)
		return DS_AUSL;			/* DS1 */
	if (german == BG_UNKNOWN)
		return DS_NB;
	switch (bg_f_acquisition(p))	/* DS2 */
	{
		case BG_ACQ_NATURALISATION:
			return DS_EINB;
		case BG_ACQ_SPAETAUSSIEDLER:
			return DS_SPAET;
		case BG_ACQ_ADOPTION:
			return DS_ADOPT;
		case BG_ACQ_DECLARATION:
			return DS_ERKL;
		case BG_ACQ_IUS_SOLI:
			return DS_NACHK;	/* DS3: § 4 Abs. 3 StAG requires foreign parents */
		default:
			break;
	}
	/* DS4: German by birth (or not known): a parent not German by birth */
	parents = any_parent(mother, father, bg_f_foreign_at_birth);
	if (parents == BG_YES)
		return DS_NACHK;
	if (parents == BG_NO && bg_f_foreign_at_birth(p) == BG_NO)
		return DS_OHNE;			/* DS5, incl. expellees and Germans born abroad */
	return DS_NB;
}

int
bg_einwanderungsgeschichte(BgFeatures p, const BgParent *mother, const BgParent *father,
						   bool zensus2022)
{
	BgTri		imm = bg_f_immigrated_since_1950(p),
				ba = bg_f_born_abroad(p),
				m,
				f;

	if (contradictory(p))
		return EG_WID;
	if (imm == BG_YES)
		return EG_EING;			/* EG1 */
	if (ba == BG_YES && imm == BG_NO)
		return EG_OHNE;			/* EG4: immigrated before 1950 */
	if (ba != BG_NO)
		return EG_NB;
	if (zensus2022)
	{
		/* Z22: descendants are shown only for persons under 19 */
		BgTri		u19 = bg_f_under_19(p);

		if (u19 == BG_NO)
			return EG_NICHT_AUSG;
		if (u19 == BG_UNKNOWN)
			return EG_NB;
	}
	m = ask(mother, bg_f_immigrated_since_1950);
	f = ask(father, bg_f_immigrated_since_1950);
	if (m == BG_YES && f == BG_YES)
		return EG_NACHK;		/* EG2 */
	if ((m == BG_YES && f == BG_NO) || (m == BG_NO && f == BG_YES))
		return EG_EINS;			/* EG3 */
	if (m == BG_NO && f == BG_NO)
		return EG_OHNE;			/* EG4 */
	return EG_NB;
}

int
bg_mighev(BgFeatures p, const BgParent *mother, const BgParent *father)
{
	BgTri		german = bg_f_german(p),
				imm = bg_f_immigrated_since_1950(p),
				parents;

	if (contradictory(p))
		return MI_WID;
	if (german == BG_NO)
		return MI_AUSL;			/* § 6 Satz 2 Nr. 1 MighEV */
	if (imm == BG_YES && german == BG_YES)	/* Nr. 2 */
		return bg_f_acquisition(p) == BG_ACQ_SPAETAUSSIEDLER ? MI_SPAET : MI_ZUG;
	if (german == BG_UNKNOWN)
		return MI_NB;
	parents = any_parent(mother, father, bg_f_immigrated_since_1950);	/* Nr. 3 */
	if (parents == BG_YES)
		return MI_ELT;
	if (parents == BG_NO && imm == BG_NO)
		return MI_OHNE;
	return MI_NB;
}

int
bg_zensus2011(BgFeatures p, const BgParent *mother, const BgParent *father)
{
	BgTri		german = bg_f_german(p),
				imm = bg_f_immigrated_after_1955(p),
				parents;

	if (contradictory(p))
		return Z11_WID;
	if (german == BG_NO)
		return Z11_AUSL;
	if (german == BG_UNKNOWN)
		return Z11_NB;
	if (imm == BG_YES)
		return Z11_ZUG;
	parents = any_parent(mother, father, bg_f_immigrated_after_1955);
	if (parents == BG_YES)
		return Z11_ELT;
	if (parents == BG_NO && imm == BG_NO)
		return Z11_OHNE;
	return Z11_NB;
}

static BgTri
migrapro_parent_background(BgFeatures f)
{
	BgMigraProOwn o = bg_f_migrapro_own(f);

	return o == BG_MP_OWN_NONE ? BG_NO : o == BG_MP_OWN_UNKNOWN ? BG_UNKNOWN : BG_YES;
}

int
bg_migrapro(BgFeatures p, const BgParent *mother, const BgParent *father)
{
	BgTri		minor,
				parents;
	bool		linked,
				own_none;

	if (contradictory(p))
		return MP_WID;
	switch (bg_f_migrapro_own(p))
	{
		case BG_MP_OWN_FOREIGNER:
			return MP_AUSL;
		case BG_MP_OWN_NATURALISED:
			return MP_EINB;
		case BG_MP_OWN_AUSSIEDLER:
			return MP_SPAET;
		case BG_MP_OWN_IUS_SOLI:
			return MP_OPT;
		case BG_MP_OWN_SECOND_CITIZENSHIP:
			return MP_ZWEIT;
		case BG_MP_OWN_BORN_ABROAD:
			return MP_AUSLAND;
		default:
			break;
	}
	/*
	 * MP10: children under 18 take a "familiärer Migrationshintergrund" from
	 * the parents linked to them in the household; a parent who is not
	 * linked does not count (the household definition), but with no parent
	 * linked at all nothing can be said.
	 */
	own_none = bg_f_migrapro_own(p) == BG_MP_OWN_NONE;
	minor = bg_f_minor(p);
	linked = (mother && mother->present) || (father && father->present);
	parents = tri_or(mother && mother->present ? ask(mother, migrapro_parent_background) : BG_NO,
					 father && father->present ? ask(father, migrapro_parent_background) : BG_NO);
	if (minor == BG_NO)
		return own_none ? MP_OHNE : MP_NB;
	if (minor == BG_YES && parents == BG_YES)
		return MP_FAM;
	if (linked && parents == BG_NO && own_none)
		return MP_OHNE;
	return MP_NB;
}

static CountryId
parent_country(const BgParent *parent, ParentQuestion q)
{
	if (ask(parent, q) == BG_YES)
		return bg_f_reference_country(parent->f);
	return COUNTRY_NONE;
}

CountryId
bg_migrapro_reference_country(BgFeatures p, const BgParent *mother, const BgParent *father)
{
	int			g = bg_migrapro(p, mother, father);
	CountryId	c;

	if (g == MP_FAM)
	{
		/* R5: the parents in the household, mother first */
		c = parent_country(mother, migrapro_parent_background);
		return c != COUNTRY_NONE ? c : parent_country(father, migrapro_parent_background);
	}
	if (g <= MP_AUSLAND)
		return bg_f_reference_country(p);	/* R1-R4 */
	return COUNTRY_NONE;
}

CountryId
bg_zensus2011_reference_country(BgFeatures p, const BgParent *mother, const BgParent *father)
{
	int			g = bg_zensus2011(p, mother, father);
	CountryId	c;

	if (g == Z11_AUSL || g == Z11_ZUG)
		return bg_f_reference_country(p);
	if (g == Z11_ELT)
	{
		/* parents from different countries: the mother's */
		c = parent_country(mother, bg_f_immigrated_after_1955);
		return c != COUNTRY_NONE ? c : parent_country(father, bg_f_immigrated_after_1955);
	}
	return COUNTRY_NONE;
}
