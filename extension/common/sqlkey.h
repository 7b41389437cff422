/*
 * sqlkey.h — SQL values as byte-string keys for the keymap, and a keymap
 * allocator in a memory context (fmgr glue shared by the keyed aggregates).
 *
 * Integer types (smallint, integer, bigint) become a tag 'i' and the value
 * as 8 big-endian bytes, so 1 and 1::bigint are the same key; every other
 * type becomes a tag 't' and its text output.  The encoding is the same in
 * every process, so keys survive serialization between parallel workers.
 */
#ifndef MIGSTAT_COMMON_SQLKEY_H
#define MIGSTAT_COMMON_SQLKEY_H

#include "postgres.h"

#include "fmgr.h"
#include "keymap.h"
#include "lib/stringinfo.h"

typedef struct MigstatKeyCodec
{
	Oid			type;
	bool		is_integer;
	bool		is_text;
	FmgrInfo	output;
} MigstatKeyCodec;

/* Prepares the codec of argument argno's actual type (fn_mcxt lifetime). */
extern void migstat_key_codec_init(FunctionCallInfo fcinfo, int argno,
								   MigstatKeyCodec *codec);

/* Appends the key encoding of d to buf. */
extern void migstat_key_encode(const MigstatKeyCodec *codec, Datum d,
							   StringInfo buf);

/* A keymap allocator that allocates (huge) chunks in ctx. */
extern KeyMapAllocator migstat_keymap_allocator(MemoryContext ctx);

#endif							/* MIGSTAT_COMMON_SQLKEY_H */
