/*
 * ptable_fn.c — fmgr glue of the perturbation tables: building them
 * (migstat.ptable_build), reading and validating stored ones
 * (migstat.ptable_check and the cell key method's lookups), and
 * migstat.ckm_perturb.
 *
 * A stored perturbation table is any relation with columns i, j (integer
 * types) and p (real, double precision or numeric) — the layout of
 * ptable_build and of the sdcTools ptable package's pTable, so tables made
 * in R load with \copy.  It is read once per query and call site.
 */
#include "postgres.h"

#include <ctype.h>

#include "../common/args.h"
#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "ptable_glue.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/lsyscache.h"
#include "utils/tuplestore.h"

typedef struct PtableCache
{
	Oid			relid;
	PtEntry    *entries;
	size_t	   *row_start;
	double	   *ub;
	Ptable		pt;
} PtableCache;

char *
migstat_ptable_name(Oid relid)
{
	char	   *rel = get_rel_name(relid);
	char	   *nsp;

	if (rel == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("perturbation table with OID %u does not exist", relid)));
	nsp = get_namespace_name(get_rel_namespace(relid));
	return quote_qualified_identifier(nsp, rel);
}

/* A core message as an errdetail sentence: capital first letter, full stop. */
static char *
as_sentence(const char *msg)
{
	char	   *s = psprintf("%s.", msg);

	s[0] = (char) toupper((unsigned char) s[0]);
	return s;
}

static void
check_column(Oid relid, const char *name, const char *col, bool integral)
{
	AttrNumber	att = get_attnum(relid, col);
	Oid			type;

	if (att == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("perturbation table %s has no column \"%s\"", name, col),
				 errhint("A perturbation table has the columns i (original count), j (published count) and p (probability), as migstat.ptable_build() returns them.")));
	type = get_atttype(relid, att);
	if (integral ? !(type == INT2OID || type == INT4OID || type == INT8OID) :
		!(type == FLOAT4OID || type == FLOAT8OID || type == NUMERICOID))
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" of perturbation table %s has type %s",
						col, name, format_type_be(type)),
				 errdetail(integral ? "Expected smallint, integer or bigint." :
						   "Expected real, double precision or numeric.")));
}

/* Reads, validates and indexes the table into memory of context mcxt. */
static void
ptable_load(Oid relid, MemoryContext mcxt, PtableCache *cache)
{
	char	   *name = migstat_ptable_name(relid);
	char	   *query;
	char		problem[512];
	int64		imax;
	uint64		n;

	check_column(relid, name, "i", true);
	check_column(relid, name, "j", true);
	check_column(relid, name, "p", false);

	query = psprintf("SELECT i::pg_catalog.int8, j::pg_catalog.int8, p::pg_catalog.float8 FROM %s", name);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(query, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read perturbation table %s", name);
	n = SPI_processed;
	if (n > PT_MAX_ENTRIES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid perturbation table %s", name),
				 errdetail("It has " UINT64_FORMAT " entries, more than %d.", n, PT_MAX_ENTRIES)));
	cache->entries = MemoryContextAlloc(mcxt, Max(n, 1) * sizeof(PtEntry));
	for (uint64 k = 0; k < n; k++)
	{
		HeapTuple	tup = SPI_tuptable->vals[k];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull[3];
		Datum		i = SPI_getbinval(tup, desc, 1, &isnull[0]);
		Datum		j = SPI_getbinval(tup, desc, 2, &isnull[1]);
		Datum		p = SPI_getbinval(tup, desc, 3, &isnull[2]);

		for (int c = 0; c < 3; c++)
			if (isnull[c])
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("perturbation table %s has a NULL in column \"%s\"",
								name, c == 0 ? "i" : c == 1 ? "j" : "p")));
		cache->entries[k].i = DatumGetInt64(i);
		cache->entries[k].j = DatumGetInt64(j);
		cache->entries[k].p = DatumGetFloat8(p);
	}
	SPI_finish();

	if (pt_validate(cache->entries, n, &imax, problem, sizeof(problem)) != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid perturbation table %s", name),
				 errdetail("%s", as_sentence(problem))));
	cache->row_start = MemoryContextAlloc(mcxt, (imax + 2) * sizeof(size_t));
	cache->ub = MemoryContextAlloc(mcxt, n * sizeof(double));
	pt_index(cache->entries, n, imax, cache->row_start, cache->ub, &cache->pt);
	cache->relid = relid;
}

const Ptable *
migstat_ptable_get(FunctionCallInfo fcinfo, Oid relid)
{
	PtableCache *cache = fcinfo->flinfo->fn_extra;

	if (cache == NULL || cache->relid != relid)
	{
		MemoryContext mcxt = fcinfo->flinfo->fn_mcxt;
		PtableCache *fresh = MemoryContextAllocZero(mcxt, sizeof(PtableCache));

		ptable_load(relid, mcxt, fresh);
		if (cache != NULL)
		{
			pfree(cache->entries);
			pfree(cache->row_start);
			pfree(cache->ub);
			pfree(cache);
		}
		fcinfo->flinfo->fn_extra = cache = fresh;
	}
	return &cache->pt;
}

int64
migstat_ptable_perturb(FunctionCallInfo fcinfo, const Ptable *pt, int64 n,
					   double c)
{
	int64		published;

	if (pt_lookup(pt, n, c, &published) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("perturbed count out of range in %s()",
						migstat_caller_name(fcinfo))));
	return published;
}

static void
require_arg(FunctionCallInfo fcinfo, int argno, const char *name)
{
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s in %s() must not be NULL", name,
						migstat_caller_name(fcinfo))));
}

/*
 * ptable_build(d, v, js, monotone) → rows (i, j, p, v, p_int_lb, p_int_ub).
 */
PG_FUNCTION_INFO_V1(migstat_ptable_build);
Datum
migstat_ptable_build(PG_FUNCTION_ARGS)
{
	int32		D,
				js;
	double		V;
	bool		monotone;
	char		problem[512];
	size_t		n;
	PtEntry    *e;
	size_t	   *row_start;
	double	   *ub;
	Ptable		pt;
	TupleDesc	tupdesc;
	Tuplestorestate *ts;

	require_arg(fcinfo, 0, "D");
	require_arg(fcinfo, 1, "V");
	require_arg(fcinfo, 2, "js");
	require_arg(fcinfo, 3, "monotone");
	D = PG_GETARG_INT32(0);
	V = PG_GETARG_FLOAT8(1);
	js = PG_GETARG_INT32(2);
	monotone = PG_GETARG_BOOL(3);
	if (pt_check_params(D, V, js, problem, sizeof(problem)) != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid perturbation table parameters"),
				 errdetail("%s", as_sentence(problem))));
	n = pt_build_size(D, js);
	e = palloc(n * sizeof(PtEntry));
	if (pt_build(D, V, js, monotone, e, problem, sizeof(problem)) != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot build a perturbation table with these parameters"),
				 errdetail("%s", as_sentence(problem))));
	row_start = palloc((e[n - 1].i + 2) * sizeof(size_t));
	ub = palloc(n * sizeof(double));
	pt_index(e, n, e[n - 1].i, row_start, ub, &pt);

	InitMaterializedSRF(fcinfo, 0);
	ts = ((ReturnSetInfo *) fcinfo->resultinfo)->setResult;
	tupdesc = ((ReturnSetInfo *) fcinfo->resultinfo)->setDesc;
	for (size_t k = 0; k < n; k++)
	{
		Datum		values[6];
		bool		nulls[6] = {false};
		bool		first = k == row_start[e[k].i];

		values[0] = Int32GetDatum((int32) e[k].i);
		values[1] = Int32GetDatum((int32) e[k].j);
		values[2] = Float8GetDatum(e[k].p);
		values[3] = Int32GetDatum((int32) (e[k].j - e[k].i));
		values[4] = Float8GetDatum(first ? 0.0 : ub[k - 1]);
		values[5] = Float8GetDatum(ub[k]);
		tuplestore_putvalues(ts, tupdesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * ptable_check(ptable) → one row of statistics per row i, after the table
 * passed validation.
 */
PG_FUNCTION_INFO_V1(migstat_ptable_check);
Datum
migstat_ptable_check(PG_FUNCTION_ARGS)
{
	const Ptable *pt;
	TupleDesc	tupdesc;
	Tuplestorestate *ts;

	require_arg(fcinfo, 0, "perturbation table");
	pt = migstat_ptable_get(fcinfo, PG_GETARG_OID(0));
	InitMaterializedSRF(fcinfo, 0);
	ts = ((ReturnSetInfo *) fcinfo->resultinfo)->setResult;
	tupdesc = ((ReturnSetInfo *) fcinfo->resultinfo)->setDesc;
	for (int64 r = 0; r <= pt->imax; r++)
	{
		PtRowStats	s;
		Datum		values[8];
		bool		nulls[8] = {false};

		pt_row_stats(pt->entries, pt->row_start[r], pt->row_start[r + 1], &s);
		values[0] = Int64GetDatum(s.i);
		values[1] = Int64GetDatum(s.entries);
		values[2] = Float8GetDatum(s.p_sum);
		values[3] = Float8GetDatum(s.mean);
		values[4] = Float8GetDatum(s.variance);
		values[5] = Float8GetDatum(s.p_stay);
		values[6] = Int64GetDatum(s.min_positive_target);
		nulls[6] = s.min_positive_target < 0;
		values[7] = Int64GetDatum(s.max_deviation);
		tuplestore_putvalues(ts, tupdesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * ckm_perturb(n, cell_key, ptable): NULL n is missing data (NULL); a zero
 * count stays zero whatever its key (an empty cell has no key).
 */
PG_FUNCTION_INFO_V1(migstat_ckm_perturb);
Datum
migstat_ckm_perturb(PG_FUNCTION_ARGS)
{
	int64		n;
	double		c;

	require_arg(fcinfo, 2, "perturbation table");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	n = PG_GETARG_INT64(0);
	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid count in %s(): " INT64_FORMAT,
						migstat_caller_name(fcinfo), n),
				 errdetail("Counts must not be negative.")));
	if (n == 0)
		PG_RETURN_INT64(0);
	require_arg(fcinfo, 1, "cell key");
	c = PG_GETARG_FLOAT8(1);
	if (!(c >= 0.0 && c < 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid cell key in %s(): %s",
						migstat_caller_name(fcinfo), float8out_internal(c)),
				 errdetail("Cell keys lie in [0, 1).")));
	PG_RETURN_INT64(migstat_ptable_perturb(fcinfo,
										   migstat_ptable_get(fcinfo, PG_GETARG_OID(2)),
										   n, c));
}
