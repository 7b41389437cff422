/*
 * status_rules.c — rules over time: which benefit regime applied to a status
 * on a date (§ 1 AsylbLG and its changes; docs/status-law.md has the law).
 */
#include "postgres.h"

#include "datatype/timestamp.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "status_glue.h"

/* The first day the rules are defined for: AufenthG and SGB II in force. */
#define FIRST_RULE_DAY_TEXT "2005-01-01"

/* A date from year, month, day. */
static DateADT
make_day(int y, int m, int d)
{
	return (DateADT) (date2j(y, m, d) - POSTGRES_EPOCH_JDATE);
}

/* d plus n months, the day clamped to the month's end (as date + interval). */
static DateADT
add_months(DateADT d, int n)
{
	int			y,
				m,
				day;
	int			months;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	months = y * 12 + (m - 1) + n;
	y = months / 12;
	m = months % 12 + 1;
	if (day > day_tab[isleap(y)][m - 1])
		day = day_tab[isleap(y)][m - 1];
	return make_day(y, m, day);
}

/* First day of the month after the one holding d. */
static DateADT
first_of_next_month(DateADT d)
{
	int			y,
				m,
				day;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	return add_months(make_day(y, m, 1), 1);
}

/*
 * § 25 Abs. 5 AufenthG under § 1 Abs. 1 Nr. 3 Buchst. c AsylbLG (from
 * 01.03.2015; before, every holder was under the AsylbLG): the AsylbLG
 * applies while the decision suspending deportation is less than 18 months
 * old; by § 1 Abs. 3 AsylbLG entitlement ends with the month in which that
 * condition ends, so the SGB II/XII apply from the first of the next month.
 * Without the date of the suspension (argument 3) the answer is "depends".
 */
static const char *
rule_25_5(FunctionCallInfo fcinfo, DateADT on_date)
{
	DateADT		since;

	if (on_date < make_day(2015, 3, 1))
		return "AsylbLG";
	if (PG_ARGISNULL(2))
		return "depends";
	since = PG_GETARG_DATEADT(2);
	if (DATE_NOT_FINITE(since))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the date of the suspension of deportation must be finite")));
	if (since > on_date)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the suspension of deportation (%s) lies after the date asked about (%s)",
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(since))),
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(on_date))))));
	return on_date < first_of_next_month(add_months(since, 18)) ? "AsylbLG" : "SGB II/XII";
}

static Datum
regime(const char *name)
{
	return CStringGetTextDatum(name);
}

/*
 * benefit_regime(status, on_date, suspension_since): 'AsylbLG', 'SGB II/XII',
 * 'none' or 'depends'; NULL when the status did not exist in law that day.
 */
PG_FUNCTION_INFO_V1(rs_benefit_regime);
Datum
rs_benefit_regime(PG_FUNCTION_ARGS)
{
	const RsEntry *e;
	DateADT		on_date;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	e = rs_entry_or_error(PG_GETARG_INT32(0));
	on_date = PG_GETARG_DATEADT(1);
	if (DATE_NOT_FINITE(on_date) || on_date < make_day(2005, 1, 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("benefit_regime() answers for dates from %s on, not for %s",
						FIRST_RULE_DAY_TEXT,
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(on_date)))),
				 errdetail("The AufenthG and the SGB II came into force on 1 January 2005.")));
	if (on_date < e->valid_from || on_date > e->valid_to)
		PG_RETURN_NULL();

	switch (e->benefit)
	{
		case RS_BENEFIT_SGB:
			return regime("SGB II/XII");
		case RS_BENEFIT_ASYLBLG:
			return regime("AsylbLG");
		case RS_BENEFIT_NONE:
			return regime("none");
		case RS_BENEFIT_DEPENDS:
			return regime("depends");
		case RS_BENEFIT_RULE_2015:
			/* § 25 Abs. 4a, 4b: taken out of § 1 AsylbLG with effect from 01.03.2015 */
			return regime(on_date < make_day(2015, 3, 1) ? "AsylbLG" : "SGB II/XII");
		case RS_BENEFIT_RULE_24:
			/*
			 * § 1 Abs. 1 Nr. 3 Buchst. a AsylbLG: § 24 holders moved to the SGB
			 * II/XII with effect from 01.06.2022 (BGBl. I 2022 S. 760).  A bill
			 * (Leistungsrechtsanpassungsgesetz) moves those first granted after
			 * 31.03.2025 back, planned from 01.07.2026; its enactment could not
			 * be verified, so from that day the answer is "depends".
			 */
			if (on_date < make_day(2022, 6, 1))
				return regime("AsylbLG");
			return regime(on_date < make_day(2026, 7, 1) ? "SGB II/XII" : "depends");
		case RS_BENEFIT_RULE_25_5:
			return regime(rule_25_5(fcinfo, on_date));
	}
	return regime("depends");
}
