/*
 * background_fn.c — SQL glue of the migration-background derivations
 * (derive.c): reads the arguments, looks country codes up, maps the
 * german_acquisition enum in and the result enums out.
 *
 * Enum values are OIDs; each call site caches the OIDs of its enum's labels
 * in fn_extra, so a row costs a few comparisons, no catalogue lookup and no
 * allocation.
 */
#include "postgres.h"

#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "country.h"
#include "derive.h"

#define MAX_LABELS 16

typedef struct EnumCache
{
	int			n;
	Oid			oids[MAX_LABELS];
} EnumCache;

/*
 * The label OIDs of enum type migstat.<typname> (the schema of the called
 * function), in the order of labels[]; cached per call site.
 */
static EnumCache *
enum_cache(FunctionCallInfo fcinfo, const char *typname, const char *const *labels, int n)
{
	EnumCache  *c = fcinfo->flinfo->fn_extra;

	if (c == NULL)
	{
		Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
		Oid			typoid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
											 CStringGetDatum(typname),
											 ObjectIdGetDatum(nsp));

		Assert(n <= MAX_LABELS);
		if (!OidIsValid(typoid))
			elog(ERROR, "type %s not found in the schema of migstat", typname);
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(EnumCache));
		for (int i = 0; i < n; i++)
		{
			if (labels[i][0] == '\0')
				continue;
			c->oids[i] = GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
										 ObjectIdGetDatum(typoid),
										 CStringGetDatum(labels[i]));
			if (!OidIsValid(c->oids[i]))
				elog(ERROR, "label \"%s\" missing from enum %s", labels[i], typname);
		}
		c->n = n;
		fcinfo->flinfo->fn_extra = c;
	}
	return c;
}

/* A country argument: NULL -> COUNTRY_NONE; unknown codes are 22023. */
static CountryId
country_arg(FunctionCallInfo fcinfo, int argno, const char *argname, bool allow_stateless)
{
	text	   *t;
	CountryId	id;
	CountryLookup r;

	if (PG_ARGISNULL(argno))
		return COUNTRY_NONE;
	t = PG_GETARG_TEXT_PP(argno);
	r = country_lookup(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &id);
	if (r != COUNTRY_FOUND)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s country code \"%s\" in %s",
						r == COUNTRY_AMBIGUOUS ? "ambiguous" : "unknown",
						text_to_cstring(t), argname),
				 r == COUNTRY_AMBIGUOUS
				 ? errhint("Write the ISO 3166 alpha-3 code (for example CSK for Czechoslovakia, SCG for Serbia and Montenegro).")
				 : errhint("Use ISO 3166-1 codes (alpha-2, alpha-3 or numeric), XXA for stateless, XXX for not known; see docs/countries.md.")));
	if (!allow_stateless && country_is_stateless(id))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("\"%s\" (stateless) is not a country, in %s", text_to_cstring(t), argname),
				 errhint("Write XXX or NULL when the country is not known.")));
	return id;
}

static int32
date_arg(FunctionCallInfo fcinfo, int argno, const char *argname)
{
	DateADT		d;

	if (PG_ARGISNULL(argno))
		return BG_NO_DATE;
	d = PG_GETARG_DATEADT(argno);
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite date", argname)));
	return d;
}

static BgTri
bool_arg(FunctionCallInfo fcinfo, int argno)
{
	if (PG_ARGISNULL(argno))
		return BG_UNKNOWN;
	return PG_GETARG_BOOL(argno) ? BG_YES : BG_NO;
}

/*
 * background_features(citizenship1, citizenship2, german_acquisition,
 *                     birth_country, immigration_year, moved_in_from,
 *                     birth_date, reference_date, born_abroad)
 */
PG_FUNCTION_INFO_V1(background_features);
Datum
background_features(PG_FUNCTION_ARGS)
{
	BgPerson	p;

	p.citizenship1 = country_arg(fcinfo, 0, "citizenship1", true);
	p.citizenship2 = country_arg(fcinfo, 1, "citizenship2", true);
	p.acquisition = BG_ACQ_NONE;
	if (!PG_ARGISNULL(2))
	{
		EnumCache  *c = enum_cache(fcinfo, "german_acquisition",
								   bg_acquisition_labels, BG_ACQ_COUNT);
		Oid			v = PG_GETARG_OID(2);

		for (int i = 1; i < c->n; i++)
			if (c->oids[i] == v)
				p.acquisition = (BgAcquisition) i;
		Assert(p.acquisition != BG_ACQ_NONE);
	}
	p.birth_country = country_arg(fcinfo, 3, "birth_country", false);
	p.has_immigration_year = !PG_ARGISNULL(4);
	p.immigration_year = p.has_immigration_year ? PG_GETARG_INT32(4) : 0;
	if (p.has_immigration_year && (p.immigration_year < 1800 || p.immigration_year > 2200))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("immigration_year %d is out of range", p.immigration_year),
				 errdetail("A year of immigration is between 1800 and 2200.")));
	p.moved_in_from = country_arg(fcinfo, 5, "moved_in_from", false);
	p.birth_date = date_arg(fcinfo, 6, "birth_date");
	p.reference_date = date_arg(fcinfo, 7, "reference_date");
	p.born_abroad = PG_NARGS() > 8 ? bool_arg(fcinfo, 8) : BG_UNKNOWN;

	PG_RETURN_INT64((int64) bg_features(&p));
}

/* A features argument; not one made by background_features() is 22023. */
static BgFeatures
features_arg(FunctionCallInfo fcinfo, int argno, const char *argname)
{
	BgFeatures	f = (BgFeatures) PG_GETARG_INT64(argno);

	if (!bg_features_valid(f))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s is not a background_features value: %lld", argname, (long long) f),
				 errhint("Compute it with migstat.background_features(...).")));
	return f;
}

static void
parent_arg(FunctionCallInfo fcinfo, int argno, const char *argname, int hh_argno, BgParent *out)
{
	out->present = !PG_ARGISNULL(argno);
	out->f = out->present ? features_arg(fcinfo, argno, argname) : 0;
	out->in_household = hh_argno >= 0 && hh_argno < PG_NARGS() ? bool_arg(fcinfo, hh_argno) : BG_UNKNOWN;
}

/* The common shape: (person, mother, father); NULL person gives NULL. */
#define READ_PERSON_AND_PARENTS(mhh, fhh) \
	BgFeatures	person; \
	BgParent	mother, \
				father; \
	if (PG_ARGISNULL(0)) \
		PG_RETURN_NULL(); \
	person = features_arg(fcinfo, 0, "person"); \
	parent_arg(fcinfo, 1, "mother", mhh, &mother); \
	parent_arg(fcinfo, 2, "father", fhh, &father)

#define RETURN_LABEL(typname, labels, count, idx) \
	PG_RETURN_OID(enum_cache(fcinfo, typname, labels, count)->oids[idx])

PG_FUNCTION_INFO_V1(background_mikrozensus2005_narrow);
Datum
background_mikrozensus2005_narrow(PG_FUNCTION_ARGS)
{
	READ_PERSON_AND_PARENTS(3, 4);
	RETURN_LABEL("mikrozensus2005_group", bg_mikrozensus2005_labels, BG_MZ_COUNT,
				 bg_mikrozensus2005(person, &mother, &father, true));
}

PG_FUNCTION_INFO_V1(background_mikrozensus2005_wide);
Datum
background_mikrozensus2005_wide(PG_FUNCTION_ARGS)
{
	READ_PERSON_AND_PARENTS(-1, -1);
	RETURN_LABEL("mikrozensus2005_group", bg_mikrozensus2005_labels, BG_MZ_COUNT,
				 bg_mikrozensus2005(person, &mother, &father, false));
}

PG_FUNCTION_INFO_V1(background_destatis);
Datum
background_destatis(PG_FUNCTION_ARGS)
{
	READ_PERSON_AND_PARENTS(-1, -1);
	RETURN_LABEL("destatis_group", bg_destatis_labels, BG_DS_COUNT,
				 bg_destatis(person, &mother, &father));
}

PG_FUNCTION_INFO_V1(background_einwanderungsgeschichte);
Datum
background_einwanderungsgeschichte(PG_FUNCTION_ARGS)
{
	READ_PERSON_AND_PARENTS(-1, -1);
	RETURN_LABEL("einwanderungsgeschichte_group", bg_einwanderung_labels, BG_EG_COUNT,
				 bg_einwanderungsgeschichte(person, &mother, &father, false));
}

PG_FUNCTION_INFO_V1(background_zensus2022);
Datum
background_zensus2022(PG_FUNCTION_ARGS)
{
	READ_PERSON_AND_PARENTS(-1, -1);
	RETURN_LABEL("einwanderungsgeschichte_group", bg_einwanderung_labels, BG_EG_COUNT,
				 bg_einwanderungsgeschichte(person, &mother, &father, true));
}

PG_FUNCTION_INFO_V1(background_mighev);
Datum
background_mighev(PG_FUNCTION_ARGS)
{
	READ_PERSON_AND_PARENTS(-1, -1);
	RETURN_LABEL("mighev_group", bg_mighev_labels, BG_MI_COUNT,
				 bg_mighev(person, &mother, &father));
}

PG_FUNCTION_INFO_V1(background_zensus2011);
Datum
background_zensus2011(PG_FUNCTION_ARGS)
{
	READ_PERSON_AND_PARENTS(-1, -1);
	RETURN_LABEL("zensus2011_group", bg_zensus2011_labels, BG_Z11_COUNT,
				 bg_zensus2011(person, &mother, &father));
}

PG_FUNCTION_INFO_V1(background_migrapro);
Datum
background_migrapro(PG_FUNCTION_ARGS)
{
	READ_PERSON_AND_PARENTS(-1, -1);
	RETURN_LABEL("migrapro_group", bg_migrapro_labels, BG_MP_COUNT,
				 bg_migrapro(person, &mother, &father));
}

static Datum
country_result(FunctionCallInfo fcinfo, CountryId c)
{
	if (c == COUNTRY_NONE)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(country_alpha2(c)));
}

PG_FUNCTION_INFO_V1(background_migrapro_reference_country);
Datum
background_migrapro_reference_country(PG_FUNCTION_ARGS)
{
	READ_PERSON_AND_PARENTS(-1, -1);
	return country_result(fcinfo, bg_migrapro_reference_country(person, &mother, &father));
}

PG_FUNCTION_INFO_V1(background_zensus2011_reference_country);
Datum
background_zensus2011_reference_country(PG_FUNCTION_ARGS)
{
	READ_PERSON_AND_PARENTS(-1, -1);
	return country_result(fcinfo, bg_zensus2011_reference_country(person, &mother, &father));
}

PG_FUNCTION_INFO_V1(background_contradiction);
Datum
background_contradiction(PG_FUNCTION_ARGS)
{
	BgContradiction c = bg_f_contradiction(features_arg(fcinfo, 0, "person"));

	if (c == BG_OK)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(bg_contradiction_text[c]));
}

static const char *
tri_text(BgTri t)
{
	return t == BG_YES ? "yes" : t == BG_NO ? "no" : "unknown";
}

/* For reading and debugging: the features as key=value pairs. */
PG_FUNCTION_INFO_V1(background_features_text);
Datum
background_features_text(PG_FUNCTION_ARGS)
{
	static const char *const mp_own[] = {
		"none", "unknown", "foreigner", "naturalised", "aussiedler", "ius_soli",
		"second_citizenship", "born_abroad"
	};
	BgFeatures	f = features_arg(fcinfo, 0, "person");
	BgContradiction c = bg_f_contradiction(f);
	CountryId	ref = bg_f_reference_country(f);
	BgAcquisition acq = bg_f_acquisition(f);

	if (c != BG_OK)
		PG_RETURN_TEXT_P(cstring_to_text(psprintf("contradictory: %s", bg_contradiction_text[c])));
	PG_RETURN_TEXT_P(cstring_to_text(psprintf(
		"german=%s acquisition=%s born_abroad=%s immigrated_since_1950=%s "
		"immigrated_after_1955=%s foreign_at_birth=%s mz_parent=%s minor=%s "
		"under_19=%s migrapro_own=%s reference_country=%s",
		tri_text(bg_f_german(f)), acq == BG_ACQ_NONE ? "null" : bg_acquisition_labels[acq],
		tri_text(bg_f_born_abroad(f)), tri_text(bg_f_immigrated_since_1950(f)),
		tri_text(bg_f_immigrated_after_1955(f)), tri_text(bg_f_foreign_at_birth(f)),
		tri_text(bg_f_mz_parent(f)), tri_text(bg_f_minor(f)), tri_text(bg_f_under_19(f)),
		mp_own[bg_f_migrapro_own(f)], ref == COUNTRY_NONE ? "none" : country_alpha2(ref))));
}
