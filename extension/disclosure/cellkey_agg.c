/*
 * cellkey_agg.c — fmgr glue of the cell key method: drawing record keys,
 * the cell_key aggregate and the ckm_count aggregate (docs/disclosure.md).
 *
 * Row semantics: a NULL record key is an error (22004): every record must
 * carry its stored key, and a record silently left out would change the
 * cell's count and key.  A key outside [0, 1) is an error (22023).
 */
#include "postgres.h"

#include "../common/args.h"
#include "../common/sqlkey.h"
#include "catalog/namespace.h"
#include "cellkey.h"
#include "fmgr.h"
#include "ptable_glue.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/regproc.h"

/* record_key(): 53 bits from the operating system's secure random source. */
PG_FUNCTION_INFO_V1(migstat_record_key_random);
Datum
migstat_record_key_random(PG_FUNCTION_ARGS)
{
	uint64		bits;

	(void) fcinfo;
	if (!pg_strong_random(&bits, sizeof(bits)))
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not generate a random record key")));
	PG_RETURN_FLOAT8((double) (bits >> 11) * 0x1.0p-53);
}

/* record_key(id, seed): drawn from the id's binary identity and the seed. */
PG_FUNCTION_INFO_V1(migstat_record_key_seeded);
Datum
migstat_record_key_seeded(PG_FUNCTION_ARGS)
{
	MigstatKeyCodec *codec = fcinfo->flinfo->fn_extra;
	StringInfoData msg;
	double		key;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s in record_key() must not be NULL",
						PG_ARGISNULL(0) ? "record id" : "seed")));
	if (codec == NULL)
	{
		codec = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(MigstatKeyCodec));
		migstat_key_codec_init(fcinfo, 0, codec);
		fcinfo->flinfo->fn_extra = codec;
	}
	initStringInfo(&msg);
	migstat_key_encode(codec, PG_GETARG_DATUM(0), &msg);
	key = ck_draw(PG_GETARG_INT64(1), CK_DOMAIN_RECORD_KEY,
				  (const uint8 *) msg.data, msg.len);
	pfree(msg.data);
	PG_RETURN_FLOAT8(key);
}

/* Argument argno as a fixed-point record key; errors for NULL and range. */
static inline uint64
record_key_arg(FunctionCallInfo fcinfo, int argno)
{
	double		key;
	uint64		fixed;

	if (unlikely(PG_ARGISNULL(argno)))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("record key in %s() must not be NULL",
						migstat_caller_name(fcinfo)),
				 errdetail("Every record needs its stored record key; a record left out would change the cell's count and key."),
				 errhint("Store keys with migstat.record_key(). After an outer join, add FILTER (WHERE record_key IS NOT NULL).")));
	key = PG_GETARG_FLOAT8(argno);
	if (unlikely(ck_key_fixed(key, &fixed) != 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid record key in %s(): %s",
						migstat_caller_name(fcinfo), float8out_internal(key)),
				 errdetail("Record keys lie in [0, 1).")));
	return fixed;
}

/*
 * cell_key(record_key): the state is the key sum as a bigint holding the
 * 64-bit fraction (two's-complement wrap-around is addition modulo 1).
 */
PG_FUNCTION_INFO_V1(migstat_cell_key_accum);
Datum
migstat_cell_key_accum(PG_FUNCTION_ARGS)
{
	uint64		sum = PG_ARGISNULL(0) ? 0 : (uint64) PG_GETARG_INT64(0);

	sum += record_key_arg(fcinfo, 1);
	PG_RETURN_INT64((int64) sum);
}

PG_FUNCTION_INFO_V1(migstat_cell_key_combine);
Datum
migstat_cell_key_combine(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
	{
		if (PG_ARGISNULL(1))
			PG_RETURN_NULL();
		PG_RETURN_INT64(PG_GETARG_INT64(1));
	}
	if (PG_ARGISNULL(1))
		PG_RETURN_INT64(PG_GETARG_INT64(0));
	PG_RETURN_INT64((int64) ((uint64) PG_GETARG_INT64(0) + (uint64) PG_GETARG_INT64(1)));
}

PG_FUNCTION_INFO_V1(migstat_cell_key_final);
Datum
migstat_cell_key_final(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(ck_cell_key((uint64) PG_GETARG_INT64(0)));
}

/* ckm_count(record_key, ptable) */
typedef struct CkmAggState
{
	int64		n;
	uint64		keysum;
	Oid			ptable;
} CkmAggState;

static void
ptable_mismatch(FunctionCallInfo fcinfo, Oid a, Oid b)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("perturbation table in %s() must be the same in every row",
					migstat_caller_name(fcinfo)),
			 errdetail("Rows of one cell gave %s and %s.",
					   migstat_ptable_name(a), migstat_ptable_name(b))));
}

PG_FUNCTION_INFO_V1(migstat_ckm_accum);
Datum
migstat_ckm_accum(PG_FUNCTION_ARGS)
{
	CkmAggState *st = PG_ARGISNULL(0) ? NULL : (CkmAggState *) PG_GETARG_POINTER(0);
	uint64		key = record_key_arg(fcinfo, 1);
	Oid			ptable;

	if (unlikely(PG_ARGISNULL(2)))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("perturbation table in %s() must not be NULL",
						migstat_caller_name(fcinfo))));
	ptable = PG_GETARG_OID(2);
	if (st == NULL)
	{
		st = MemoryContextAllocZero(migstat_agg_context(fcinfo), sizeof(CkmAggState));
		st->ptable = ptable;
	}
	else if (unlikely(st->ptable != ptable))
		ptable_mismatch(fcinfo, st->ptable, ptable);
	if (unlikely(st->n == PG_INT64_MAX))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("count out of range in %s()", migstat_caller_name(fcinfo))));
	st->n++;
	st->keysum += key;
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(migstat_ckm_combine);
Datum
migstat_ckm_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx = migstat_agg_context(fcinfo);
	CkmAggState *a = PG_ARGISNULL(0) ? NULL : (CkmAggState *) PG_GETARG_POINTER(0);
	CkmAggState *b = PG_ARGISNULL(1) ? NULL : (CkmAggState *) PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
	{
		a = MemoryContextAlloc(aggctx, sizeof(CkmAggState));
		*a = *b;
		PG_RETURN_POINTER(a);
	}
	if (a->ptable != b->ptable)
		ptable_mismatch(fcinfo, a->ptable, b->ptable);
	if (a->n > PG_INT64_MAX - b->n)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("count out of range in a cell key aggregate")));
	a->n += b->n;
	a->keysum += b->keysum;
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(migstat_ckm_serialize);
Datum
migstat_ckm_serialize(PG_FUNCTION_ARGS)
{
	CkmAggState *st;
	CkmSummary	s;
	char	   *name;
	size_t		size;
	bytea	   *out;

	migstat_agg_context(fcinfo);
	st = (CkmAggState *) PG_GETARG_POINTER(0);
	name = migstat_ptable_name(st->ptable);
	s.n = (uint64) st->n;
	s.keysum = st->keysum;
	s.name = (const uint8 *) name;
	s.name_len = strlen(name);
	if (s.name_len > CK_MAX_NAME)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("perturbation table name %s is too long to pass between processes", name)));
	size = ck_state_encoded_size(&s);
	out = palloc(VARHDRSZ + size);
	SET_VARSIZE(out, VARHDRSZ + size);
	ck_state_encode(&s, (uint8 *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

/* The last name resolved by this deserialize call site. */
typedef struct NameCache
{
	char	   *name;
	Oid			relid;
} NameCache;

PG_FUNCTION_INFO_V1(migstat_ckm_deserialize);
Datum
migstat_ckm_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx = migstat_agg_context(fcinfo);
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	NameCache  *cache = fcinfo->flinfo->fn_extra;
	CkmSummary	s;
	CkmAggState *st;
	const char *problem;
	char	   *name;

	problem = ck_state_decode((const uint8 *) VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), &s);
	if (problem != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid partial state of migstat.ckm_count"),
				 errdetail("%s.", problem)));
	name = pnstrdup((const char *) s.name, s.name_len);
	if (cache == NULL || strcmp(cache->name, name) != 0)
	{
		List	   *names = stringToQualifiedNameList(name);
		Oid			relid = RangeVarGetRelid(makeRangeVarFromNameList(names), NoLock, true);

		if (!OidIsValid(relid))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid partial state of migstat.ckm_count"),
					 errdetail("Perturbation table %s does not exist.", name)));
		if (cache == NULL)
			cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(NameCache));
		else
			pfree(cache->name);
		cache->name = MemoryContextStrdup(fcinfo->flinfo->fn_mcxt, name);
		cache->relid = relid;
		fcinfo->flinfo->fn_extra = cache;
	}
	pfree(name);
	st = MemoryContextAlloc(aggctx, sizeof(CkmAggState));
	st->n = (int64) s.n;
	st->keysum = s.keysum;
	st->ptable = cache->relid;
	PG_RETURN_POINTER(st);
}

/* A cell without records is a true zero: it stays 0, as zeros always do. */
PG_FUNCTION_INFO_V1(migstat_ckm_final);
Datum
migstat_ckm_final(PG_FUNCTION_ARGS)
{
	CkmAggState *st;

	migstat_agg_context(fcinfo);
	if (PG_ARGISNULL(0))
		PG_RETURN_INT64(0);
	st = (CkmAggState *) PG_GETARG_POINTER(0);
	PG_RETURN_INT64(migstat_ptable_perturb(fcinfo,
										   migstat_ptable_get(fcinfo, st->ptable),
										   st->n, ck_cell_key(st->keysum)));
}
