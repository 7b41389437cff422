/*
 * sqlkey.h — SQL values as byte-string keys for the keymap, and a keymap
 * allocator in a memory context (fmgr glue shared by the keyed aggregates).
 *
 * Integer types (smallint, integer, bigint) become a tag 'i' and the value
 * as 8 big-endian bytes, so 1 and 1::bigint are the same key; text and
 * varchar a tag 't' and their bytes; every other type a tag 'b' and its
 * binary send form (independent of DateStyle, extra_float_digits and other
 * settings, so the encoding is the same in every process and on every node),
 * or, for a type without one, 't' and its text output.  Keys compare by
 * these bytes: values that are equal but differently represented (numeric
 * 1 and 1.0, float -0 and 0) are different units.
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
	bool		has_send;		/* else the text output */
	FmgrInfo	output;			/* send or output function */
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
