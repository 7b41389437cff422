/*
 * sqlkey.c — SQL values as keymap keys (see sqlkey.h).
 */
#include "postgres.h"

#include "args.h"
#include "catalog/pg_type.h"
#include "portable_bytes.h"
#include "sqlkey.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

void
migstat_key_codec_init(FunctionCallInfo fcinfo, int argno, MigstatKeyCodec *c)
{
	Oid			type = get_fn_expr_argtype(fcinfo->flinfo, argno);
	Oid			outfn;
	bool		varlena;

	if (!OidIsValid(type))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("could not determine the key type of argument %d of %s()",
						argno, migstat_caller_name(fcinfo))));
	c->type = type;
	c->is_integer = (type == INT2OID || type == INT4OID || type == INT8OID);
	c->is_text = (type == TEXTOID || type == VARCHAROID);
	c->has_send = false;
	if (c->is_integer || c->is_text)
		return;
	{
		int16		typlen;
		bool		typbyval;
		char		typalign,
					typdelim;
		Oid			typioparam,
					sendfn;

		get_type_io_data(type, IOFunc_send, &typlen, &typbyval, &typalign,
						 &typdelim, &typioparam, &sendfn);
		c->has_send = OidIsValid(sendfn);
	}
	if (c->has_send)
		getTypeBinaryOutputInfo(type, &outfn, &varlena);
	else
		getTypeOutputInfo(type, &outfn, &varlena);
	fmgr_info_cxt(outfn, &c->output, fcinfo->flinfo->fn_mcxt);
}

void
migstat_key_encode(const MigstatKeyCodec *c, Datum d, StringInfo buf)
{
	if (c->is_integer)
	{
		int64		v = c->type == INT8OID ? DatumGetInt64(d) :
			c->type == INT4OID ? (int64) DatumGetInt32(d) : (int64) DatumGetInt16(d);
		uint8		bytes[8];

		appendStringInfoChar(buf, 'i');
		mb_put_u64(bytes, (uint64) v);
		appendBinaryStringInfo(buf, (const char *) bytes, 8);
	}
	else if (c->is_text)
	{
		text	   *t = DatumGetTextPP(d);

		appendStringInfoChar(buf, 't');
		appendBinaryStringInfo(buf, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	}
	else if (c->has_send)
	{
		bytea	   *b = SendFunctionCall((FmgrInfo *) &c->output, d);

		appendStringInfoChar(buf, 'b');
		appendBinaryStringInfo(buf, VARDATA(b), VARSIZE(b) - VARHDRSZ);
		pfree(b);
	}
	else
	{
		char	   *s = OutputFunctionCall((FmgrInfo *) &c->output, d);

		appendStringInfoChar(buf, 't');
		appendStringInfoString(buf, s);
		pfree(s);
	}
}

static void *
keymap_palloc(void *ctx, size_t size)
{
	return MemoryContextAllocHuge((MemoryContext) ctx, size);
}

static void *
keymap_repalloc(void *ctx, void *ptr, size_t size)
{
	(void) ctx;					/* repalloc keeps the chunk's own context */
	return repalloc_huge(ptr, size);
}

KeyMapAllocator
migstat_keymap_allocator(MemoryContext ctx)
{
	KeyMapAllocator mem = {keymap_palloc, keymap_repalloc, ctx};

	return mem;
}
