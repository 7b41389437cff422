/*
 * spatial_input.c — the units and weights queries of the spatial functions
 * (see spatial_input.h).
 */
#include "postgres.h"

#include <math.h>

#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "spatial_input.h"
#include "../common/sqlkey.h"

/* Rows fetched from a cursor at a time. */
#define SP_FETCH_ROWS 10000

/* Context line of errors raised while a query is read. */
typedef struct SpReadContext
{
	const char *fname;
	const char *what;			/* "units query", "weights query" */
} SpReadContext;

static void
sp_read_callback(void *arg)
{
	SpReadContext *c = arg;

	errcontext("reading the %s of %s()", c->what, c->fname);
}

/* The user's query without trailing blanks and semicolons. */
static char *
sp_query_body(text *sql, const char *fname, const char *what)
{
	char	   *q = text_to_cstring(sql);
	size_t		len = strlen(q);

	while (len > 0 && (q[len - 1] == ';' || isspace((unsigned char) q[len - 1])))
		len--;
	q[len] = '\0';
	if (len == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the %s of %s() is empty", what, fname)));
	return q;
}

/* Makes room for need elements in an array of the reader's context. */
static void
sp_grow(SpInput *in, void **array, uint64 *cap, uint64 need, size_t elem)
{
	uint64		c = Max(*cap, 1024);

	if (need <= *cap)
		return;
	while (c < need)
		c *= 2;
	if (c > MaxAllocHugeSize / elem)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many rows for %s(): " UINT64_FORMAT, in->fname, need)));
	if (*array == NULL)
		*array = MemoryContextAllocHuge(in->mcxt, c * elem);
	else
		*array = repalloc_huge(*array, c * elem);
	*cap = c;
}

/* The key of a text datum. */
static void
sp_datum_key(Datum d, const uint8 **key, size_t *len)
{
	text	   *t = DatumGetTextPP(d);

	*key = (const uint8 *) VARDATA_ANY(t);
	*len = VARSIZE_ANY_EXHDR(t);
}

static Portal
sp_open(const char *query)
{
	Portal		portal = SPI_cursor_open_with_args(NULL, query, 0, NULL, NULL, NULL,
												   true, 0);

	if (portal == NULL)
		elog(ERROR, "SPI_cursor_open failed: %s", SPI_result_code_string(SPI_result));
	return portal;
}

/* Checks one numeric column value of the units query. */
static double
sp_check_value(const SpInput *in, SpColumns kind, const char *col, int c,
			   bool isnull, Datum d, const uint8 *key, size_t len)
{
	double		v;

	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("the units query of %s() returned NULL in column \"%s\" for unit \"%.*s\"",
						in->fname, col, (int) len, key),
				 errhint("Leave the unit out, or give it a value (coalesce).")));
	v = DatumGetFloat8(d);
	if (!isfinite(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the units query of %s() returned %s in column \"%s\" for unit \"%.*s\"",
						in->fname, isnan(v) ? "NaN" : "an infinite value", col, (int) len, key)));
	if (kind == SP_COUNTS && v < 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the units query of %s() returned a negative value in column \"%s\" for unit \"%.*s\": %g",
						in->fname, col, (int) len, key, v)));
	(void) c;
	return v;
}

void
sp_read_units(SpInput *in, const char *fname, text *units_sql,
			  SpColumns kind, int ncols, const char *const *cols)
{
	SpReadContext rc = {fname, "units query"};
	ErrorContextCallback cb;
	StringInfoData q;
	char	   *body = sp_query_body(units_sql, fname, "units query");
	double	   *raw[SP_MAX_COLUMNS] = {NULL};
	uint64		cap = 0;
	uint64		n = 0;
	Portal		portal;

	Assert(ncols <= SP_MAX_COLUMNS);
	in->fname = fname;
	in->ncols = ncols;
	in->mem = migstat_keymap_allocator(in->mcxt);
	keymap_init(&in->keys, in->mem);

	initStringInfo(&q);
	appendStringInfoString(&q, "SELECT (q.unit)::pg_catalog.text");
	for (int c = 0; c < ncols; c++)
		appendStringInfo(&q, ", (q.%s)::pg_catalog.float8", quote_identifier(cols[c]));
	appendStringInfo(&q, " FROM (%s\n) AS q", body);

	cb.callback = sp_read_callback;
	cb.arg = &rc;
	cb.previous = error_context_stack;
	error_context_stack = &cb;

	portal = sp_open(q.data);
	for (;;)
	{
		SPI_cursor_fetch(portal, true, SP_FETCH_ROWS);
		if (SPI_processed == 0)
			break;
		for (uint64 r = 0; r < SPI_processed; r++)
		{
			HeapTuple	tup = SPI_tuptable->vals[r];
			TupleDesc	desc = SPI_tuptable->tupdesc;
			bool		isnull;
			Datum		d = SPI_getbinval(tup, desc, 1, &isnull);
			const uint8 *key;
			size_t		len;
			int			inserted;
			int64		idx;

			if (isnull)
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("the units query of %s() returned a NULL unit", fname)));
			sp_datum_key(d, &key, &len);
			idx = keymap_intern(&in->keys, key, len, &inserted);
			if (idx < 0)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("too many units for %s()", fname)));
			if (!inserted)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("the units query of %s() returned unit \"%.*s\" twice",
								fname, (int) len, key),
						 errhint("Each unit must appear in one row.")));
			Assert((uint64) idx == n);
			if (n + 1 > cap)
			{
				uint64		newcap = cap;

				for (int c = 0; c < ncols; c++)
				{
					newcap = cap;
					sp_grow(in, (void **) &raw[c], &newcap, n + 1, sizeof(double));
				}
				cap = newcap;
			}
			for (int c = 0; c < ncols; c++)
			{
				Datum		v = SPI_getbinval(tup, desc, c + 2, &isnull);

				raw[c][n] = sp_check_value(in, kind, cols[c], c, isnull, v, key, len);
			}
			if (kind == SP_COUNTS && ncols >= 2 && raw[0][n] > raw[1][n])
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("the units query of %s() returned x > t for unit \"%.*s\": %g > %g",
								fname, (int) len, key, raw[0][n], raw[1][n]),
						 errhint("x counts the group's members among the unit's t inhabitants.")));
			n++;
		}
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_cursor_close(portal);
	error_context_stack = cb.previous;

	/* canonical order */
	in->n = (uint32) n;
	in->order = MemoryContextAllocHuge(in->mcxt, Max(n, 1) * sizeof(uint32));
	in->rank = MemoryContextAllocHuge(in->mcxt, Max(n, 1) * sizeof(uint32));
	sw_canonical_order(&in->keys, in->order, in->rank, in->mem);
	for (int c = 0; c < ncols; c++)
	{
		in->col[c] = MemoryContextAllocHuge(in->mcxt, Max(n, 1) * sizeof(double));
		for (uint64 r = 0; r < n; r++)
			in->col[c][r] = raw[c][in->order[r]];
		if (raw[c] != NULL)
			pfree(raw[c]);
	}
}

/* Looks a weights row's unit up; unknown units are an error. */
static uint32
sp_weight_unit(SpInput *in, Datum d, const char *col)
{
	const uint8 *key;
	size_t		len;
	int			inserted;
	int64		idx;

	sp_datum_key(d, &key, &len);
	idx = keymap_intern(&in->keys, key, len, &inserted);
	if (inserted || idx < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the weights query of %s() names unit \"%.*s\" (column %s), which the units query did not return",
						in->fname, (int) len, key, col),
				 errhint("Weights and units must describe the same units; filter the weights to the units (a join) or add the unit.")));
	return in->rank[idx];
}

void
sp_read_weights(SpInput *in, text *weights_sql)
{
	SpReadContext rc = {in->fname, "weights query"};
	ErrorContextCallback cb;
	StringInfoData q;
	char	   *body = sp_query_body(weights_sql, in->fname, "weights query");
	uint32	   *ti = NULL,
			   *tj = NULL;
	double	   *tw = NULL;
	uint64		cap = 0,
				m = 0;
	int64		dup;
	Portal		portal;

	initStringInfo(&q);
	appendStringInfo(&q, "SELECT (q.unit_i)::pg_catalog.text, (q.unit_j)::pg_catalog.text, "
					 "(q.weight)::pg_catalog.float8 FROM (%s\n) AS q", body);

	cb.callback = sp_read_callback;
	cb.arg = &rc;
	cb.previous = error_context_stack;
	error_context_stack = &cb;

	portal = sp_open(q.data);
	for (;;)
	{
		SPI_cursor_fetch(portal, true, SP_FETCH_ROWS);
		if (SPI_processed == 0)
			break;
		for (uint64 r = 0; r < SPI_processed; r++)
		{
			HeapTuple	tup = SPI_tuptable->vals[r];
			TupleDesc	desc = SPI_tuptable->tupdesc;
			bool		null_i,
						null_j,
						null_w;
			Datum		di = SPI_getbinval(tup, desc, 1, &null_i);
			Datum		dj = SPI_getbinval(tup, desc, 2, &null_j);
			Datum		dw = SPI_getbinval(tup, desc, 3, &null_w);
			uint32		i,
						j;
			double		w;

			if (null_i || null_j || null_w)
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("the weights query of %s() returned NULL in column \"%s\"",
								in->fname, null_i ? "unit_i" : null_j ? "unit_j" : "weight")));
			i = sp_weight_unit(in, di, "unit_i");
			j = sp_weight_unit(in, dj, "unit_j");
			w = DatumGetFloat8(dw);
			if (!isfinite(w) || w < 0.0)
			{
				char	   *ki = sp_unit_cstring(in, i);
				char	   *kj = sp_unit_cstring(in, j);

				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("the weights query of %s() returned weight %g for the pair (\"%s\", \"%s\")",
								in->fname, w, ki, kj),
						 errdetail("Weights must be finite and not negative.")));
			}
			if (m + 1 > cap)
			{
				uint64		c1 = cap,
							c2 = cap,
							c3 = cap;

				sp_grow(in, (void **) &ti, &c1, m + 1, sizeof(uint32));
				sp_grow(in, (void **) &tj, &c2, m + 1, sizeof(uint32));
				sp_grow(in, (void **) &tw, &c3, m + 1, sizeof(double));
				cap = c1;
			}
			ti[m] = i;
			tj[m] = j;
			tw[m] = w;
			m++;
		}
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_cursor_close(portal);
	error_context_stack = cb.previous;

	dup = sw_build(&in->g, in->n, ti, tj, tw, m, in->mem);
	if (dup >= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the weights query of %s() returned the pair (\"%s\", \"%s\") twice",
						in->fname, sp_unit_cstring(in, ti[dup]), sp_unit_cstring(in, tj[dup])),
				 errhint("Give each ordered pair (unit_i, unit_j) once; sum or deduplicate the weights first.")));
	if (ti != NULL)
	{
		pfree(ti);
		pfree(tj);
		pfree(tw);
	}
}

text *
sp_unit_text(const SpInput *in, uint32 r)
{
	size_t		len;
	const uint8 *key = keymap_key(&in->keys, in->order[r], &len);

	return cstring_to_text_with_len((const char *) key, (int) len);
}

char *
sp_unit_cstring(const SpInput *in, uint32 r)
{
	size_t		len;
	const uint8 *key = keymap_key(&in->keys, in->order[r], &len);

	return pnstrdup((const char *) key, len);
}

void
sp_read_all(SpInput *in, const char *fname, text *units_sql,
			SpColumns kind, int ncols, const char *const *cols,
			text *weights_sql)
{
	memset(in, 0, sizeof(*in));
	in->mcxt = AllocSetContextCreate(CurrentMemoryContext, "migstat spatial input",
									 ALLOCSET_DEFAULT_SIZES);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	sp_read_units(in, fname, units_sql, kind, ncols, cols);
	if (weights_sql != NULL)
		sp_read_weights(in, weights_sql);
	SPI_finish();
}

uint32
sp_check_islands(const SpInput *in, bool allow)
{
	uint32		count = 0;
	int64		first = -1;

	for (uint32 i = 0; i < in->n; i++)
		if (sw_is_island(&in->g, i))
		{
			if (first < 0)
				first = i;
			count++;
		}
	if (count == 0)
		return 0;
	if (!allow)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%u of the %u units have no neighbour in the weights of %s(), unit \"%s\" among them",
						count, in->n, in->fname, sp_unit_cstring(in, (uint32) first)),
				 errhint("Pass allow_islands => true to keep them (their spatial lag is 0, as spdep's zero.policy), or leave them out of the units query.")));
	ereport(NOTICE,
			(errmsg("%s(): %u of the %u units have no neighbour; their spatial lag is 0",
					in->fname, count, in->n)));
	return count;
}

Datum
sp_index_result(FunctionCallInfo fcinfo, const SpInput *in, double v)
{
	if (isnan(v))
	{
		fcinfo->isnull = true;
		return (Datum) 0;
	}
	if (isinf(v))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range in %s()", in->fname),
				 errdetail("The counts or weights are too large for double precision arithmetic.")));
	return Float8GetDatum(v);
}
