/*
 * status_type.c — the residence_status type: text and binary I/O, and input
 * read in the law of a given date.  The value is the catalogue code (int4,
 * by value); comparison and hashing reuse PostgreSQL's int4 functions (see
 * status.sql), so the type sorts by code.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "parse.h"
#include "status_glue.h"

/*
 * Reports a parse error: as a soft error where the caller asked for one
 * (PostgreSQL 16+: pg_input_is_valid, COPY ... ON_ERROR), else raised.
 */
static void
report_parse_error(const char *input, const RsParseError *e, Node *escontext)
{
	/* a huge input is not repeated in the message */
	const char *shown = e->kind == RS_ERR_TOO_LONG ? "(too long to show)" : input;

#if PG_VERSION_NUM >= 160000
	errsave(escontext,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type residence_status: \"%s\"", shown),
			 errdetail("%s", e->detail),
			 e->hint[0] ? errhint("%s", e->hint) : 0));
#else
	(void) escontext;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type residence_status: \"%s\"", shown),
			 errdetail("%s", e->detail),
			 e->hint[0] ? errhint("%s", e->hint) : 0));
#endif
}

/* Parses input; returns false after a soft error. */
static bool
parse_status(const char *input, size_t len, int32 as_of, Node *escontext, int32 *code)
{
	RsParseError err;
	int			entry;

	if (rs_parse(input, len, as_of, &entry, &err) != RS_OK)
	{
		report_parse_error(input, &err, escontext);
		return false;
	}
	*code = rs_entries[entry].code;
	return true;
}

const RsEntry *
rs_entry_or_error(int32 code)
{
	const RsEntry *e = rs_entry_by_code(code);

	if (e == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("residence_status code %d is not in this release's catalogue", code),
				 errhint("Values are written by a newer migstat, or were corrupted.")));
	return e;
}

/*
 * A per-backend memo of recent inputs: a register holds a few dozen
 * spellings millions of times, and reading one is a pure function of its
 * text (the catalogue is fixed for a release).  Direct-mapped by hash; only
 * successful, short, undated reads are kept.
 */
#define INPUT_CACHE_SIZE 1024	/* a power of two */
#define INPUT_CACHE_TEXT 56

typedef struct InputCacheEntry
{
	uint32		hash;
	int32		code;
	uint8		len;			/* 0 = empty slot */
	char		text[INPUT_CACHE_TEXT];
} InputCacheEntry;

static InputCacheEntry input_cache[INPUT_CACHE_SIZE];

PG_FUNCTION_INFO_V1(residence_status_in);
Datum
residence_status_in(PG_FUNCTION_ARGS)
{
	const char *input = PG_GETARG_CSTRING(0);
	size_t		len = strlen(input);
	uint32		hash = 0;
	InputCacheEntry *slot = NULL;
	int32		code;

	if (len > 0 && len < INPUT_CACHE_TEXT)
	{
		hash = hash_bytes((const unsigned char *) input, (int) len);
		slot = &input_cache[hash & (INPUT_CACHE_SIZE - 1)];
		if (slot->len == len && slot->hash == hash && memcmp(slot->text, input, len) == 0)
			PG_RETURN_INT32(slot->code);
	}
	if (!parse_status(input, len, RS_NO_DATE, fcinfo->context, &code))
		PG_RETURN_NULL();
	if (slot)
	{
		memcpy(slot->text, input, len);
		slot->len = (uint8) len;
		slot->hash = hash;
		slot->code = code;
	}
	PG_RETURN_INT32(code);
}

PG_FUNCTION_INFO_V1(residence_status_out);
Datum
residence_status_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(rs_entry_or_error(PG_GETARG_INT32(0))->canonical));
}

/* Binary form: the catalogue code as a 4-byte big-endian integer. */
PG_FUNCTION_INFO_V1(residence_status_recv);
Datum
residence_status_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int32		code;

	if (buf->len - buf->cursor != 4)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary residence_status: %d bytes, expected 4",
						buf->len - buf->cursor)));
	code = (int32) pq_getmsgint(buf, 4);
	if (rs_entry_by_code(code) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary residence_status: code %d is not in the catalogue", code),
				 errhint("The codes are listed by migstat.residence_statuses().")));
	PG_RETURN_INT32(code);
}

PG_FUNCTION_INFO_V1(residence_status_send);
Datum
residence_status_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, PG_GETARG_INT32(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* residence_status(text, as_of date): citations read in the law of as_of. */
PG_FUNCTION_INFO_V1(residence_status_as_of);
Datum
residence_status_as_of(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	DateADT		as_of = PG_GETARG_DATEADT(1);
	char	   *input = text_to_cstring(t);
	int32		code;

	if (DATE_NOT_FINITE(as_of))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the date of the law in residence_status() must be finite")));
	parse_status(input, strlen(input), (int32) as_of, NULL, &code);
	PG_RETURN_INT32(code);
}
