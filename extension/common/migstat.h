/*
 * migstat.h — module-wide declarations: the areas' initialisation hooks,
 * called from _PG_init in migstat.c.
 */
#ifndef MIGSTAT_COMMON_MIGSTAT_H
#define MIGSTAT_COMMON_MIGSTAT_H

/* Defines the disclosure-control settings (disclosure/protect_fn.c). */
extern void migstat_disclosure_init(void);

#endif							/* MIGSTAT_COMMON_MIGSTAT_H */
