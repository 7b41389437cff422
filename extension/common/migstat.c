/*
 * migstat.c — the module's one PG_MODULE_MAGIC and _PG_init.
 *
 * Each area that defines settings (GUCs) registers them from here through a
 * hook declared in migstat.h; the "migstat." prefix is then reserved, so a
 * misspelt migstat setting is reported instead of silently ignored.
 */
#include "postgres.h"

#include "fmgr.h"
#include "migstat.h"
#include "utils/guc.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	migstat_disclosure_init();
	MarkGUCPrefixReserved("migstat");
}
