/*
 * cellkey.c — drawn keys and the ckm_count state codec (see cellkey.h).
 */
#include "cellkey.h"

#include <string.h>

#include "../common/portable_bytes.h"
#include "../common/siphash.h"

double
ck_draw(int64_t seed, uint64_t domain, const uint8_t *msg, size_t len)
{
	return ms_unit_interval(ms_siphash24((uint64_t) seed, domain, msg, len));
}

size_t
ck_state_encoded_size(const CkmSummary *s)
{
	return CK_STATE_HEADER_SIZE + s->name_len;
}

void
ck_state_encode(const CkmSummary *s, uint8_t *out)
{
	out[0] = 'M';
	out[1] = 'K';
	out[2] = CK_STATE_FORMAT_VERSION;
	out[3] = 0;
	mb_put_u64(out + 4, s->n);
	mb_put_u64(out + 12, s->keysum);
	mb_put_u32(out + 20, (uint32_t) s->name_len);
	memcpy(out + CK_STATE_HEADER_SIZE, s->name, s->name_len);
}

const char *
ck_state_decode(const uint8_t *buf, size_t len, CkmSummary *s)
{
	uint32_t	name_len;

	if (len < CK_STATE_HEADER_SIZE)
		return "state is shorter than its header";
	if (buf[0] != 'M' || buf[1] != 'K')
		return "state does not start with the magic bytes of a cell key state";
	if (buf[2] != CK_STATE_FORMAT_VERSION)
		return "state has an unsupported format version";
	if (buf[3] != 0)
		return "state has non-zero reserved bits";
	s->n = mb_get_u64(buf + 4);
	s->keysum = mb_get_u64(buf + 12);
	name_len = mb_get_u32(buf + 20);
	if (s->n == 0 || s->n > (uint64_t) INT64_MAX)
		return "state has a record count outside 1 .. 2^63 - 1";
	if (name_len == 0 || name_len > CK_MAX_NAME)
		return "state has a perturbation table name of invalid length";
	if (len - CK_STATE_HEADER_SIZE != name_len)
		return "state length does not match its name length";
	s->name = buf + CK_STATE_HEADER_SIZE;
	s->name_len = name_len;
	if (memchr(s->name, 0, name_len) != NULL)
		return "state has a zero byte in its perturbation table name";
	return NULL;
}
