/*
 * country_fn.c — the SQL functions of the country catalogue (fmgr glue over
 * country.c): codes, names, memberships on a date, report groups, and the
 * catalogue as tables for joins in BI tools.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "country.h"

/* At most this many bytes of a bad input are quoted in a message. */
#define SHOWN_MAX 40

static const char *
shown_input(const char *s, size_t len)
{
	int			n = pg_mbcliplen(s, (int) len, SHOWN_MAX);

	return psprintf("%.*s%s", n, s, (size_t) n < len ? "..." : "");
}

/*
 * The catalogue entry of a country argument; unknown and ambiguous codes
 * raise 22023 with the code in the message and a hint.
 */
static CountryId
country_arg(FunctionCallInfo fcinfo, int argno)
{
	text	   *t = PG_GETARG_TEXT_PP(argno);
	const char *s = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	CountryId	id;
	CountryLookup r = country_lookup(s, len, &id);

	if (likely(r == COUNTRY_FOUND))
		return id;
	if (r == COUNTRY_AMBIGUOUS)
	{
		CountryId	alt[4];
		int			n = country_alternatives(s, len, alt, 4);
		StringInfoData hint;

		initStringInfo(&hint);
		for (int i = 0; i < n; i++)
			appendStringInfo(&hint, "%s%s (%s)", i == 0 ? "" : (i == n - 1 ? " or " : ", "),
							 country_alpha2(alt[i]), country_name(alt[i], false));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("country code \"%s\" is ambiguous", shown_input(s, len)),
				 errdetail("ISO 3166 gave this code to more than one country."),
				 errhint("It means %s: write that code instead.", hint.data)));
	}
	{
		CountryId	guess = country_suggest(s, len);

		if (guess != COUNTRY_NONE)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown country code \"%s\"", shown_input(s, len)),
					 errhint("Did you mean \"%s\" (%s)? Codes are ISO 3166 alpha-2, alpha-3 or numeric, XXA for stateless, XXX for not known.",
							 country_alpha2(guess), country_name(guess, false))));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown country code \"%s\"", shown_input(s, len)),
				 errhint("Codes are ISO 3166 alpha-2, alpha-3 or numeric, XXA for stateless, XXX for not known; migstat.countries() lists them.")));
	}
	return COUNTRY_NONE;		/* not reached */
}

/* A date argument as days since 2000-01-01; infinite dates are an error. */
static int32
day_arg(FunctionCallInfo fcinfo, int argno)
{
	DateADT		d = PG_GETARG_DATEADT(argno);

	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the date of a country membership must be finite")));
	return (int32) d;
}

static bool
german_arg(FunctionCallInfo fcinfo, int argno)
{
	text	   *t = PG_GETARG_TEXT_PP(argno);
	const char *s = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);

	if (len == 2 && pg_strncasecmp(s, "de", 2) == 0)
		return true;
	if (len == 2 && pg_strncasecmp(s, "en", 2) == 0)
		return false;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown language \"%s\" for country_name()", shown_input(s, len)),
			 errhint("Names are available in \"de\" (German) and \"en\" (English).")));
	return true;				/* not reached */
}

static int
group_arg(FunctionCallInfo fcinfo, int argno)
{
	text	   *t = PG_GETARG_TEXT_PP(argno);
	const char *s = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	int			g = country_group_lookup(s, len);

	if (g < 0)
	{
		StringInfoData keys;

		initStringInfo(&keys);
		for (int i = 0; i < country_group_count(); i++)
			appendStringInfo(&keys, "%s%s", i ? ", " : "", country_group_key(i));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown country group \"%s\"", shown_input(s, len)),
				 errhint("The groups are %s; migstat.country_groups() lists them with sources.",
						 keys.data)));
	}
	return g;
}

static Datum
text_or_null(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	return s ? CStringGetTextDatum(s) : (Datum) 0;
}

static Datum
day_or_null(int32 day, int32 open, bool *isnull)
{
	*isnull = (day == open);
	return DateADTGetDatum((DateADT) day);
}

static Datum
text_array(const char **items, int n)
{
	Datum	   *d = palloc(sizeof(Datum) * (n > 0 ? n : 1));

	for (int i = 0; i < n; i++)
		d[i] = CStringGetTextDatum(items[i]);
	return PointerGetDatum(construct_array(d, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* the keys of the groups a country belongs to */
static Datum
groups_of(CountryId id)
{
	const char *keys[32];
	int			n = 0;

	for (int g = 0; g < country_group_count() && n < 32; g++)
		if (country_in_group(id, g))
			keys[n++] = country_group_key(g);
	return text_array(keys, n);
}

static Datum
successors_of(CountryId id)
{
	int			n = country_successor_count(id);
	const char **codes = palloc(sizeof(char *) * (n > 0 ? n : 1));

	for (int i = 0; i < n; i++)
		codes[i] = country_alpha2(country_successor(id, i));
	return text_array(codes, n);
}

PG_FUNCTION_INFO_V1(country_code_fn);
Datum
country_code_fn(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(country_alpha2(country_arg(fcinfo, 0))));
}

PG_FUNCTION_INFO_V1(country_name_fn);
Datum
country_name_fn(PG_FUNCTION_ARGS)
{
	CountryId	id = country_arg(fcinfo, 0);

	PG_RETURN_TEXT_P(cstring_to_text(country_name(id, german_arg(fcinfo, 1))));
}

#define RELATION_FUNCTION(fn, rel) \
	PG_FUNCTION_INFO_V1(fn); \
	Datum \
	fn(PG_FUNCTION_ARGS) \
	{ \
		CountryId	id = country_arg(fcinfo, 0); \
		PG_RETURN_BOOL(country_member_on(id, rel, day_arg(fcinfo, 1))); \
	}

RELATION_FUNCTION(country_is_eu_member_fn, COUNTRY_EU)
RELATION_FUNCTION(country_is_eea_member_fn, COUNTRY_EEA)
RELATION_FUNCTION(country_has_free_movement_fn, COUNTRY_FREE_MOVEMENT)
RELATION_FUNCTION(country_workers_restricted_fn, COUNTRY_WORKERS_RESTRICTED)

PG_FUNCTION_INFO_V1(country_groups_of_fn);
Datum
country_groups_of_fn(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(groups_of(country_arg(fcinfo, 0)));
}

PG_FUNCTION_INFO_V1(country_in_group_fn);
Datum
country_in_group_fn(PG_FUNCTION_ARGS)
{
	CountryId	id = country_arg(fcinfo, 0);

	PG_RETURN_BOOL(country_in_group(id, group_arg(fcinfo, 1)));
}

PG_FUNCTION_INFO_V1(country_is_aussiedler_area_fn);
Datum
country_is_aussiedler_area_fn(PG_FUNCTION_ARGS)
{
	static int	group = -1;
	CountryId	id = country_arg(fcinfo, 0);

	if (group < 0)
		group = country_group_lookup("aussiedler_areas", 16);
	Assert(group >= 0);
	PG_RETURN_BOOL(country_in_group(id, group));
}

PG_FUNCTION_INFO_V1(country_successors_fn);
Datum
country_successors_fn(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(successors_of(country_arg(fcinfo, 0)));
}

static const char *const kind_names[] = {"iso", "former", "user_assigned", "special"};
static const char *const relation_names[] = {"eu", "eea", "free_movement", "workers_restricted"};

/* migstat.countries(): the catalogue, one row per country. */
PG_FUNCTION_INFO_V1(country_catalogue_fn);
Datum
country_catalogue_fn(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (CountryId id = 0; id < country_count(); id++)
	{
		Datum		v[22];
		bool		n[22] = {0};
		int32		from,
					to;
		int			c = 0;

		v[c++] = CStringGetTextDatum(country_alpha2(id));
		v[c] = text_or_null(country_iso_alpha2(id), &n[c]);
		c++;
		v[c++] = CStringGetTextDatum(country_alpha3(id));
		v[c] = text_or_null(country_alpha4(id), &n[c]);
		c++;
		if (country_numeric(id) >= 0)
			v[c] = CStringGetTextDatum(psprintf("%03d", country_numeric(id)));
		else
			n[c] = true;
		c++;
		v[c++] = CStringGetTextDatum(kind_names[country_kind(id)]);
		v[c++] = CStringGetTextDatum(country_name(id, true));
		v[c++] = CStringGetTextDatum(country_name(id, false));
		v[c] = text_or_null(country_withdrawn(id), &n[c]);
		c++;
		if (!country_state_period(id, &from, &to))
			from = COUNTRY_DAY_MIN, to = COUNTRY_DAY_MAX;
		v[c] = day_or_null(from, COUNTRY_DAY_MIN, &n[c]);
		c++;
		v[c] = day_or_null(to, COUNTRY_DAY_MAX, &n[c]);
		c++;
		/* gen_countries.py allows one period per relation */
		for (int r = 0; r < COUNTRY_N_RELATIONS; r++)
		{
			country_period(id, (CountryRelation) r, 0, &from, &to);
			v[c] = day_or_null(from, COUNTRY_DAY_MIN, &n[c]);
			v[c + 1] = day_or_null(to, COUNTRY_DAY_MAX, &n[c + 1]);
			if (country_period_count(id, (CountryRelation) r) == 0)
				n[c] = n[c + 1] = true;
			c += 2;
		}
		v[c++] = groups_of(id);
		v[c++] = successors_of(id);
		Assert(c == 21);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
	}
	return (Datum) 0;
}

/* migstat.country_memberships(): one row per country, relation and period. */
PG_FUNCTION_INFO_V1(country_memberships_fn);
Datum
country_memberships_fn(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (CountryId id = 0; id < country_count(); id++)
		for (int r = 0; r < COUNTRY_N_RELATIONS; r++)
			for (int i = 0; i < country_period_count(id, (CountryRelation) r); i++)
			{
				Datum		v[5];
				bool		n[5] = {0};
				int32		from,
							to;

				country_period(id, (CountryRelation) r, i, &from, &to);
				v[0] = CStringGetTextDatum(country_alpha2(id));
				v[1] = CStringGetTextDatum(relation_names[r]);
				v[2] = day_or_null(from, COUNTRY_DAY_MIN, &n[2]);
				v[3] = day_or_null(to, COUNTRY_DAY_MAX, &n[3]);
				v[4] = text_or_null(country_relation_source(id, (CountryRelation) r), &n[4]);
				tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
			}
	return (Datum) 0;
}

/* migstat.country_groups(): the groups with their members and sources. */
PG_FUNCTION_INFO_V1(country_group_list_fn);
Datum
country_group_list_fn(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const char **members = palloc(sizeof(char *) * country_count());

	InitMaterializedSRF(fcinfo, 0);
	for (int g = 0; g < country_group_count(); g++)
	{
		Datum		v[5];
		bool		n[5] = {0};
		int			k = 0;

		for (CountryId id = 0; id < country_count(); id++)
			if (country_in_group(id, g))
				members[k++] = country_alpha2(id);
		v[0] = CStringGetTextDatum(country_group_key(g));
		v[1] = CStringGetTextDatum(country_group_label(g, true));
		v[2] = CStringGetTextDatum(country_group_label(g, false));
		v[3] = text_array(members, k);
		v[4] = CStringGetTextDatum(country_group_source(g));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
	}
	return (Datum) 0;
}
