/*
 * derive.h — migration-background derivations (plain C, no PostgreSQL
 * headers).
 *
 * Two steps, so that a whole register is one query with two LEFT JOINs:
 *
 *  1. bg_features() reads one person record (citizenships, how German
 *     citizenship was acquired, place of birth, immigration year, Zuzugs-
 *     herkunft, birth and reference date) and packs what every definition
 *     needs to know about that person into 64 bits: yes / no / unknown
 *     answers to the definitions' questions ("immigrated since 1950?",
 *     "German by birth?", ...), the person's own MigraPro group, the
 *     reference country, and a contradiction code.
 *
 *  2. One function per definition combines the person's features with the
 *     features of mother and father (or none) and returns the index of a
 *     result label of that definition (bg_*_labels[]).
 *
 * The rules and their sources: docs/migration-background.md.
 */
#ifndef MIGSTAT_BACKGROUND_DERIVE_H
#define MIGSTAT_BACKGROUND_DERIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "country.h"

/* Three-valued answers. */
typedef enum BgTri
{
	BG_UNKNOWN = 0,
	BG_YES = 1,
	BG_NO = 2
} BgTri;

/* How German citizenship was acquired; order = the SQL enum's order. */
typedef enum BgAcquisition
{
	BG_ACQ_NONE = 0,			/* SQL NULL: nothing recorded */
	BG_ACQ_DESCENT,				/* § 4 Abs. 1 StAG */
	BG_ACQ_IUS_SOLI,			/* § 4 Abs. 3 StAG */
	BG_ACQ_NATURALISATION,		/* §§ 8-10 StAG */
	BG_ACQ_SPAETAUSSIEDLER,		/* § 7 StAG, Art. 116 GG */
	BG_ACQ_EXPELLEE,			/* Vertriebene, BVFG § 1 */
	BG_ACQ_ADOPTION,			/* § 6 StAG */
	BG_ACQ_DECLARATION,			/* § 5 StAG and other declarations */
	BG_ACQ_UNKNOWN,				/* recorded as not known */
	BG_ACQ_COUNT
} BgAcquisition;

extern const char *const bg_acquisition_labels[BG_ACQ_COUNT];	/* [0] unused */

/* Dates are days since 2000-01-01 (PostgreSQL's DateADT). */
#define BG_NO_DATE INT32_MIN

/* One person record, with country codes already looked up. */
typedef struct BgPerson
{
	CountryId	citizenship1;	/* COUNTRY_NONE when NULL */
	CountryId	citizenship2;
	BgAcquisition acquisition;
	CountryId	birth_country;	/* COUNTRY_NONE when NULL */
	BgTri		born_abroad;	/* the boolean argument; BG_UNKNOWN when NULL */
	bool		has_immigration_year;
	int			immigration_year;
	CountryId	moved_in_from;
	int32_t		birth_date;		/* BG_NO_DATE when NULL */
	int32_t		reference_date;
} BgPerson;

/* What contradicts in a record; 0 = nothing. */
typedef enum BgContradiction
{
	BG_OK = 0,
	BG_C_CIT2_WITHOUT_CIT1,
	BG_C_SAME_CITIZENSHIPS,
	BG_C_STATELESS_AND_CITIZEN,
	BG_C_ACQUISITION_NOT_GERMAN,
	BG_C_IMMIGRATION_BEFORE_BIRTH,
	BG_C_IMMIGRATION_AFTER_REFERENCE,
	BG_C_BIRTH_AFTER_REFERENCE,
	BG_C_BIRTHPLACE_DISAGREES,
	BG_C_IUS_SOLI_BORN_ABROAD,
	BG_C_IUS_SOLI_BEFORE_1990,
	BG_C_AUSSIEDLER_BORN_IN_GERMANY,
	BG_C_COUNT
} BgContradiction;

extern const char *const bg_contradiction_text[BG_C_COUNT];

/* A person's own MigraPro group (before looking at parents). */
typedef enum BgMigraProOwn
{
	BG_MP_OWN_NONE = 0,			/* no indicator, all of them known */
	BG_MP_OWN_UNKNOWN,			/* no indicator, some of them unknown */
	BG_MP_OWN_FOREIGNER,
	BG_MP_OWN_NATURALISED,
	BG_MP_OWN_AUSSIEDLER,
	BG_MP_OWN_IUS_SOLI,
	BG_MP_OWN_SECOND_CITIZENSHIP,
	BG_MP_OWN_BORN_ABROAD
} BgMigraProOwn;

/* The packed features (a bigint in SQL). */
typedef uint64_t BgFeatures;

#define BG_FEATURES_MAGIC UINT64_C(0xB6)

/* Reads a person record into features. */
extern BgFeatures bg_features(const BgPerson *p);

/* Is this bigint a features value (magic byte, fields in range)? */
extern bool bg_features_valid(BgFeatures f);

/* Field accessors (for the glue and the tests). */
extern BgTri bg_f_german(BgFeatures f);
extern BgTri bg_f_born_abroad(BgFeatures f);
extern BgTri bg_f_immigrated_since_1950(BgFeatures f);
extern BgTri bg_f_immigrated_after_1955(BgFeatures f);
extern BgTri bg_f_foreign_at_birth(BgFeatures f);	/* not German by birth */
extern BgTri bg_f_mz_parent(BgFeatures f);	/* immigrated since 1950 or born here as a foreigner */
extern BgTri bg_f_minor(BgFeatures f);		/* under 18 at the reference date */
extern BgTri bg_f_under_19(BgFeatures f);
extern BgAcquisition bg_f_acquisition(BgFeatures f);
extern BgMigraProOwn bg_f_migrapro_own(BgFeatures f);
extern BgContradiction bg_f_contradiction(BgFeatures f);
extern CountryId bg_f_reference_country(BgFeatures f);	/* COUNTRY_NONE if none */

/*
 * A parent as the derivations see it: present = the record is linked (the
 * SQL argument is not NULL); in_household for the narrow sense.
 */
typedef struct BgParent
{
	bool		present;
	BgFeatures	f;
	BgTri		in_household;
} BgParent;

/* Result labels, one array per definition; the functions return indexes. */
#define BG_MZ_COUNT 12
extern const char *const bg_mikrozensus2005_labels[BG_MZ_COUNT];
#define BG_DS_COUNT 9
extern const char *const bg_destatis_labels[BG_DS_COUNT];
#define BG_EG_COUNT 7
extern const char *const bg_einwanderung_labels[BG_EG_COUNT];
#define BG_MI_COUNT 7
extern const char *const bg_mighev_labels[BG_MI_COUNT];
#define BG_Z11_COUNT 6
extern const char *const bg_zensus2011_labels[BG_Z11_COUNT];
#define BG_MP_COUNT 10
extern const char *const bg_migrapro_labels[BG_MP_COUNT];

/* narrow: only parents with in_household = yes count (Mikrozensus i.e.S.) */
extern int	bg_mikrozensus2005(BgFeatures p, const BgParent *mother,
							   const BgParent *father, bool narrow);
extern int	bg_destatis(BgFeatures p, const BgParent *mother, const BgParent *father);
/* zensus2022: descendants only for persons under 19 */
extern int	bg_einwanderungsgeschichte(BgFeatures p, const BgParent *mother,
									   const BgParent *father, bool zensus2022);
extern int	bg_mighev(BgFeatures p, const BgParent *mother, const BgParent *father);
extern int	bg_zensus2011(BgFeatures p, const BgParent *mother, const BgParent *father);
extern int	bg_migrapro(BgFeatures p, const BgParent *mother, const BgParent *father);

/* Reference countries: COUNTRY_NONE when the person has no background. */
extern CountryId bg_migrapro_reference_country(BgFeatures p, const BgParent *mother,
											   const BgParent *father);
extern CountryId bg_zensus2011_reference_country(BgFeatures p, const BgParent *mother,
												 const BgParent *father);

/* Days since 2000-01-01 of a civil date (proleptic Gregorian). */
extern int32_t bg_days_from_civil(int y, int m, int d);

/* The citizenship reform (StARModG) took effect on this day. */
#define BG_REFORM_YEAR 2024
#define BG_REFORM_MONTH 6
#define BG_REFORM_DAY 27

#endif							/* MIGSTAT_BACKGROUND_DERIVE_H */
