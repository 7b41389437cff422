/*
 * cellkey.h — record keys, cell keys and the partial state of the cell key
 * method's count aggregate, plain C.
 *
 * A record key is a number in [0, 1) stored with each record.  A cell's key
 * is the sum of its records' keys modulo 1.  Keys are summed as 64-bit
 * fixed-point fractions (multiples of 2^-64; a double in [0, 1) converts to
 * one exactly when it is at least 2^-11 or a multiple of 2^-64, which every
 * key migstat draws is), and unsigned 64-bit addition wraps around exactly
 * modulo 1: partial sums added in any order, in any process, give the same
 * bits.  The cell key is reported and looked up as the top 53 bits, a
 * double that is a multiple of 2^-53.
 *
 * Drawn keys: SipHash-2-4 keyed with (seed, domain constant) over the
 * binary identity of what is drawn for; the top 53 bits give a double in
 * [0, 1).  Record keys and rounding decisions use different domain
 * constants, so one seed may serve both without correlating them.
 */
#ifndef MIGSTAT_DISCLOSURE_CELLKEY_H
#define MIGSTAT_DISCLOSURE_CELLKEY_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

/* Second SipHash key words: "rkey" and "rounding" in ASCII. */
#define CK_DOMAIN_RECORD_KEY UINT64_C(0x726b6579)
#define CK_DOMAIN_ROUNDING UINT64_C(0x726f756e64696e67)

/*
 * A record key as a fraction of 2^64 (floor of key * 2^64).  Returns -1 if
 * the key is not in [0, 1) (NaN included).
 */
static inline int
ck_key_fixed(double key, uint64_t *out)
{
	if (!(key >= 0.0 && key < 1.0))
		return -1;
	*out = (uint64_t) ldexp(key, 64);
	return 0;
}

/* The cell key of a fixed-point key sum: its top 53 bits, in [0, 1). */
static inline double
ck_cell_key(uint64_t keysum)
{
	return (double) (keysum >> 11) * 0x1.0p-53;
}

/* A drawn key in [0, 1) (a multiple of 2^-53) for seed, domain and msg. */
extern double ck_draw(int64_t seed, uint64_t domain, const uint8_t *msg,
					  size_t len);

/*
 * Partial state of migstat.ckm_count: the number of records, the key sum,
 * and the perturbation table the aggregate was called with, by qualified
 * name (names are the same on every node; OIDs are not).
 *
 * Layout, version 1 (big-endian):
 *   bytes 0-1  magic "MK"
 *   byte  2    format version (1)
 *   byte  3    0 (reserved)
 *   8 bytes    n, records counted, 1 .. 2^63 - 1
 *   8 bytes    key sum (fraction of 2^64)
 *   4 bytes    L, length of the name, 1 .. CK_MAX_NAME
 *   L bytes    the name, no zero bytes
 */
#define CK_STATE_FORMAT_VERSION 1
#define CK_STATE_HEADER_SIZE (4 + 8 + 8 + 4)
#define CK_MAX_NAME 1024

typedef struct CkmSummary
{
	uint64_t	n;
	uint64_t	keysum;
	const uint8_t *name;		/* not terminated */
	size_t		name_len;
} CkmSummary;

extern size_t ck_state_encoded_size(const CkmSummary *s);
extern void ck_state_encode(const CkmSummary *s, uint8_t *out);

/*
 * Validates buf and fills *s (s->name points into buf).  Returns NULL or a
 * static message saying what is wrong.
 */
extern const char *ck_state_decode(const uint8_t *buf, size_t len,
								   CkmSummary *s);

#endif							/* MIGSTAT_DISCLOSURE_CELLKEY_H */
