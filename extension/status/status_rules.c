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
		case RS_BENEFIT_RULE_24:
			/* § 1 Abs. 1 Nr. 3 Buchst. a AsylbLG, changed with effect from 01.06.2022 */
			return regime(on_date < make_day(2022, 6, 1) ? "AsylbLG" : "SGB II/XII");
		case RS_BENEFIT_RULE_25_5:
			{
				DateADT		since;

				/* § 1 Abs. 1 Nr. 3 Buchst. c AsylbLG: while the suspension of
				 * deportation is less than 18 months old */
				if (PG_ARGISNULL(2))
					return regime("depends");
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
				return regime(on_date < add_months(since, 18) ? "AsylbLG" : "SGB II/XII");
			}
	}
	return regime("depends");
}
