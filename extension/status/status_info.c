/*
 * status_info.c — what the catalogue says about a status: classifications,
 * flags and labels, one small SQL function each, and the catalogue itself as
 * set-returning functions for joins in BI tools.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/timestamp.h"

#include "status_glue.h"

#define ENTRY_ARG(n) rs_entry_or_error(PG_GETARG_INT32(n))

/* An SQL function returning one text field of the status's entry. */
#define TEXT_FIELD_FUNCTION(fn, field) \
	PG_FUNCTION_INFO_V1(fn); \
	Datum \
	fn(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_TEXT_P(cstring_to_text(ENTRY_ARG(0)->field)); \
	}

static Datum
text_or_null(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	return s ? CStringGetTextDatum(s) : (Datum) 0;
}

PG_FUNCTION_INFO_V1(rs_code);
Datum
rs_code(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(ENTRY_ARG(0)->code);
}

TEXT_FIELD_FUNCTION(rs_key, key)

TEXT_FIELD_FUNCTION(rs_jurisdiction, jurisdiction)

/* 'de' or 'en'; anything else is 22023. */
static bool
language_is_german(text *lang)
{
	char	   *l = text_to_cstring(lang);

	if (pg_strcasecmp(l, "de") == 0)
		return true;
	if (pg_strcasecmp(l, "en") == 0)
		return false;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown label language \"%s\"", l),
			 errhint("Labels exist in German ('de') and English ('en').")));
	return false;
}

PG_FUNCTION_INFO_V1(rs_label);
Datum
rs_label(PG_FUNCTION_ARGS)
{
	const RsEntry *e = ENTRY_ARG(0);

	PG_RETURN_TEXT_P(cstring_to_text(language_is_german(PG_GETARG_TEXT_PP(1))
									 ? e->label_de : e->label_en));
}

TEXT_FIELD_FUNCTION(rs_auslaender_group, auslaender)

TEXT_FIELD_FUNCTION(rs_schutz_group, schutz)

TEXT_FIELD_FUNCTION(rs_cross_category, cross)

TEXT_FIELD_FUNCTION(rs_document, document)

TEXT_FIELD_FUNCTION(rs_work_rule, work)

PG_FUNCTION_INFO_V1(rs_permits_work);
Datum
rs_permits_work(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(strcmp(ENTRY_ARG(0)->work, "yes") == 0);
}

PG_FUNCTION_INFO_V1(rs_abschnitt);
Datum
rs_abschnitt(PG_FUNCTION_ARGS)
{
	const RsEntry *e = ENTRY_ARG(0);

	if (e->abschnitt == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(e->abschnitt);
}

PG_FUNCTION_INFO_V1(rs_is_title);
Datum
rs_is_title(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ENTRY_ARG(0)->title);
}

PG_FUNCTION_INFO_V1(rs_is_permanent);
Datum
rs_is_permanent(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ENTRY_ARG(0)->permanent);
}

PG_FUNCTION_INFO_V1(rs_is_precarious);
Datum
rs_is_precarious(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ENTRY_ARG(0)->precarious_reason != NULL);
}

PG_FUNCTION_INFO_V1(rs_precarity_reason);
Datum
rs_precarity_reason(PG_FUNCTION_ARGS)
{
	const RsEntry *e = ENTRY_ARG(0);

	if (e->precarious_reason == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(e->precarious_reason));
}

static Interval *
months_interval(int months)
{
	Interval   *iv = palloc0(sizeof(Interval));

	iv->month = months;
	return iv;
}

PG_FUNCTION_INFO_V1(rs_max_validity);
Datum
rs_max_validity(PG_FUNCTION_ARGS)
{
	const RsEntry *e = ENTRY_ARG(0);

	if (e->max_validity_months == 0)
		PG_RETURN_NULL();
	PG_RETURN_INTERVAL_P(months_interval(e->max_validity_months));
}

static const char *const benefit_rules[] = {
	[RS_BENEFIT_SGB] = "sgb",
	[RS_BENEFIT_ASYLBLG] = "asylblg",
	[RS_BENEFIT_NONE] = "none",
	[RS_BENEFIT_DEPENDS] = "depends",
	[RS_BENEFIT_RULE_24] = "rule_24",
	[RS_BENEFIT_RULE_25_5] = "rule_25_5",
	[RS_BENEFIT_RULE_2015] = "rule_2015"
};

PG_FUNCTION_INFO_V1(rs_benefit_rule);
Datum
rs_benefit_rule(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(benefit_rules[ENTRY_ARG(0)->benefit]));
}

/* Did the status exist in law on the date?  (Open ends are unbounded.) */
PG_FUNCTION_INFO_V1(rs_in_force);
Datum
rs_in_force(PG_FUNCTION_ARGS)
{
	const RsEntry *e = ENTRY_ARG(0);
	DateADT		d = PG_GETARG_DATEADT(1);

	PG_RETURN_BOOL(e->valid_from <= d && d <= e->valid_to);
}

static Datum
day_or_null(int32 day, int32 open, bool *isnull)
{
	*isnull = (day == open);
	return DateADTGetDatum((DateADT) day);
}

/* migstat.residence_statuses(): the catalogue, one row per status. */
PG_FUNCTION_INFO_V1(rs_catalogue);
Datum
rs_catalogue(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < rs_n_entries; i++)
	{
		const RsEntry *e = &rs_entries[i];
		Datum		v[23];
		bool		n[23] = {0};

		v[0] = Int32GetDatum(e->code);	/* the status itself */
		v[1] = Int32GetDatum(e->code);
		v[2] = CStringGetTextDatum(e->key);
		v[3] = CStringGetTextDatum(e->jurisdiction);
		v[4] = CStringGetTextDatum(e->canonical);
		v[5] = CStringGetTextDatum(e->label_de);
		v[6] = CStringGetTextDatum(e->label_en);
		v[7] = CStringGetTextDatum(e->document);
		v[8] = Int32GetDatum(e->abschnitt);
		n[8] = e->abschnitt == 0;
		v[9] = CStringGetTextDatum(e->auslaender);
		v[10] = CStringGetTextDatum(e->schutz);
		v[11] = CStringGetTextDatum(e->cross);
		v[12] = BoolGetDatum(e->title);
		v[13] = BoolGetDatum(e->permanent);
		v[14] = BoolGetDatum(e->precarious_reason != NULL);
		v[15] = text_or_null(e->precarious_reason, &n[15]);
		v[16] = text_or_null(e->precarious_text, &n[16]);
		v[17] = CStringGetTextDatum(e->work);
		v[18] = Int32GetDatum(e->max_validity_months);
		n[18] = e->max_validity_months == 0;
		v[19] = CStringGetTextDatum(benefit_rules[e->benefit]);
		v[20] = day_or_null(e->valid_from, RS_DAY_MIN, &n[20]);
		v[21] = day_or_null(e->valid_to, RS_DAY_MAX, &n[21]);
		v[22] = CStringGetTextDatum(e->sources);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
	}
	return (Datum) 0;
}

/* migstat.residence_status_groups(): labels of the classification codes. */
PG_FUNCTION_INFO_V1(rs_group_labels);
Datum
rs_group_labels(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < rs_n_groups; i++)
	{
		const RsGroup *g = &rs_groups[i];
		Datum		v[6];
		bool		n[6] = {0};

		v[0] = CStringGetTextDatum(g->classification);
		v[1] = CStringGetTextDatum(g->code);
		v[2] = CStringGetTextDatum(g->label_de);
		v[3] = CStringGetTextDatum(g->label_en);
		v[4] = CStringGetTextDatum(g->source);
		v[5] = Int32GetDatum(i + 1);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, n);
	}
	return (Datum) 0;
}
