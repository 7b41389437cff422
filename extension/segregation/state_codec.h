/*
 * state_codec.h — the partial state of the two-group segregation aggregates
 * and its portable byte format, plain C.
 *
 * Parallel workers (and distributed engines such as Citus) ship partial
 * aggregate states as bytea.  The format is versioned, big-endian, with IEEE
 * doubles written as their 64-bit pattern, and every field is validated on
 * decode: a state built by another release or a corrupted message is
 * rejected with a reason, never trusted.
 *
 * Layout, version 1:
 *   bytes 0-1  magic "MS"
 *   byte  2    format version (1)
 *   byte  3    accumulation kind (SegAccumKind)
 *   then 6 big-endian 8-byte fields: shape, sum_x, sum_y, term1, term2 (double),
 *   n_units (uint64)
 *   then, for the kinds that keep units, n_units records of 2 or 3 doubles
 *   (x, y | x, y, area | x, area).
 */
#ifndef MIGSTAT_SEGREGATION_STATE_CODEC_H
#define MIGSTAT_SEGREGATION_STATE_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "indices.h"

#define SEG_STATE_FORMAT_VERSION 1
#define SEG_STATE_HEADER_SIZE (4 + 6 * 8)

/* What an aggregate accumulates; one kind is shared by several indices. */
typedef enum SegAccumKind
{
	SEG_ACCUM_UNITS = 1,		/* (x, y) per unit: D, Gini, Gorard */
	SEG_ACCUM_UNITS_AREA = 2,	/* (x, y, area): absolute/relative concentration */
	SEG_ACCUM_GROUP_AREA = 3,	/* (x, area): Delta */
	SEG_ACCUM_EXPOSURE = 4,		/* sums: isolation, interaction, correlation ratio */
	SEG_ACCUM_ENTROPY = 5,		/* sums: Theil's H */
	SEG_ACCUM_ATKINSON = 6		/* sums: Atkinson with one shape */
} SegAccumKind;

#define SEG_ACCUM_MAX SEG_ACCUM_ATKINSON

/*
 * Scalars of a state.  For the sums kinds, sum_x and sum_y are X and Y, and
 * term1/term2 are the sums of the per-unit terms (exposure: isolation and
 * interaction terms; entropy and Atkinson: term1 only).  For the unit kinds
 * the units carry everything and the scalars are zero.
 */
typedef struct SegSummary
{
	SegAccumKind kind;
	double		shape;			/* Atkinson shape b; 0 for other kinds */
	double		sum_x;
	double		sum_y;
	double		term1;
	double		term2;
	uint64_t	n_units;		/* units accumulated (kept, for unit kinds) */
} SegSummary;

/* Does this kind keep one record per unit? */
extern int	seg_kind_keeps_units(SegAccumKind kind);

/* Doubles per encoded unit record (0 for the sums kinds). */
extern size_t seg_kind_unit_width(SegAccumKind kind);

/*
 * Size of the encoding; 0 if it would not fit in max_size bytes (the caller
 * reports that n_units is too large to ship).
 */
extern size_t seg_state_encoded_size(const SegSummary *s, size_t max_size);

/* Writes seg_state_encoded_size(s) bytes; units may be NULL for sums kinds. */
extern void seg_state_encode(const SegSummary *s, const SegUnit *units,
							 uint8_t *out);

/*
 * Validates buf and fills *s.  Returns NULL on success, otherwise a static
 * message saying what is wrong.  Unit records are validated by
 * seg_state_decode_units, which the caller calls with room for s->n_units.
 */
extern const char *seg_state_decode_header(const uint8_t *buf, size_t len,
										   SegSummary *s);
extern const char *seg_state_decode_units(const uint8_t *buf, size_t len,
										  const SegSummary *s, SegUnit *units);

#endif							/* MIGSTAT_SEGREGATION_STATE_CODEC_H */
