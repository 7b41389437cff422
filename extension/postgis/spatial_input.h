/*
 * spatial_input.h — reading the units and weights queries of the spatial
 * functions with SPI (fmgr glue).
 *
 * Following pgRouting, the spatial functions take SQL query texts.  The
 * units query returns a column "unit" (any type; units are compared by the
 * text form of the value, so units and weights may use different types)
 * and the numeric columns a function needs (x, t, area, ...); the weights
 * query returns (unit_i, unit_j, weight).  Both are read through a cursor in
 * batches, so memory is bounded by the sparse structure, not by the query
 * result: 8 bytes per unit and column plus the key, 16 bytes per weight.
 * Units are put in canonical order (keys sorted bytewise) before the
 * weights are built (sparse_weights.h).
 */
#ifndef MIGSTAT_POSTGIS_SPATIAL_INPUT_H
#define MIGSTAT_POSTGIS_SPATIAL_INPUT_H

#include "postgres.h"

#include "fmgr.h"
#include "../common/keymap.h"
#include "sparse_weights.h"

#define SP_MAX_COLUMNS 4

/* How the numeric columns of the units query are checked. */
typedef enum SpColumns
{
	SP_COUNTS,					/* x, t, then areas/lengths: >= 0, x <= t */
	SP_VALUES					/* any finite value */
} SpColumns;

typedef struct SpInput
{
	const char *fname;			/* SQL function name, for messages */
	MemoryContext mcxt;			/* everything below lives here */
	KeyMapAllocator mem;
	KeyMap		keys;			/* unit keys in the order read */
	uint32		n;				/* units */
	uint32	   *order;			/* canonical rank -> key index */
	uint32	   *rank;			/* key index -> canonical rank */
	int			ncols;
	double	   *col[SP_MAX_COLUMNS];	/* per column, canonical order */
	SwWeights	g;				/* over canonical ranks */
} SpInput;

/*
 * Runs units_sql and reads "unit" and the named columns (as float8).
 * Errors: missing column (42703), NULL (22004), a duplicate unit key, a
 * negative, non-finite or x > t value (22023), each naming the unit.
 * Must be called between SPI_connect and SPI_finish; in->mcxt must outlive
 * SPI (the caller's context).
 */
extern void sp_read_units(SpInput *in, const char *fname, text *units_sql,
						  SpColumns kind, int ncols, const char *const *cols);

/*
 * Runs weights_sql and builds in->g.  Errors: NULL (22004), a unit the
 * units query did not return, a negative or non-finite weight, a pair given
 * twice (22023), each naming the units.
 */
extern void sp_read_weights(SpInput *in, text *weights_sql);

/* The key (text form) of the unit at canonical rank r, as a new text. */
extern text *sp_unit_text(const SpInput *in, uint32 r);

/* The key of the unit at rank r for messages (NUL-terminated, palloc'd). */
extern char *sp_unit_cstring(const SpInput *in, uint32 r);

/*
 * Reads units and weights in one SPI session into a new context that is a
 * child of CurrentMemoryContext.
 */
extern void sp_read_all(SpInput *in, const char *fname, text *units_sql,
						SpColumns kind, int ncols, const char *const *cols,
						text *weights_sql);

/*
 * Error 22023 for islands when allow is false; a NOTICE with their number
 * when allow is true.  Returns the number of islands.
 */
extern uint32 sp_check_islands(const SpInput *in, bool allow);

/* Returns v as float8, NAN as SQL NULL, +-Inf as error 22003. */
extern Datum sp_index_result(FunctionCallInfo fcinfo, const SpInput *in,
							 double v);

#endif							/* MIGSTAT_POSTGIS_SPATIAL_INPUT_H */
