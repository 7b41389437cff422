/*
 * multigroup_codec.h — portable byte format of the multigroup aggregate
 * states, plain C (the same conventions as state_codec.h).
 *
 * Layout, version 1:
 *   bytes 0-1  magic "MG"
 *   byte  2    format version (1)
 *   byte  3    flags: bit 0 = the state keeps its units
 *   bytes 4-7  K, big-endian uint32
 *   then big-endian 8-byte fields: n_units (uint64), within (double),
 *   K group totals, K sums of t_ik^2 / t_i (doubles),
 *   then, if units are kept, n_units rows of K doubles.
 */
#ifndef MIGSTAT_SEGREGATION_MULTIGROUP_CODEC_H
#define MIGSTAT_SEGREGATION_MULTIGROUP_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "multigroup.h"

#define MG_STATE_FORMAT_VERSION 1
#define MG_STATE_FLAG_UNITS 1
/* A bound on K that keeps every size computation far from overflow. */
#define MG_MAX_GROUPS 100000

extern size_t mg_state_encoded_size(int K, uint64_t n_units, int keeps_units,
									size_t max_size);
extern void mg_state_encode(const MgSums *s, int keeps_units,
							const double *units, uint8_t *out);

/*
 * Reads the header: K, the unit flag and n_units, checking the length.
 * Then the caller allocates s->total, s->sq (K each) and, if kept, units
 * (n_units * K) and calls mg_state_decode_body.  Both return NULL or a
 * static message.
 */
extern const char *mg_state_decode_header(const uint8_t *buf, size_t len,
										  int *K, int *keeps_units,
										  uint64_t *n_units);
extern const char *mg_state_decode_body(const uint8_t *buf, size_t len,
										MgSums *s, int keeps_units,
										double *units);

#endif							/* MIGSTAT_SEGREGATION_MULTIGROUP_CODEC_H */
