/*
 * fuzz_pt_validate.c — libFuzzer target for perturbation tables
 * (extension/disclosure/ptable.c).
 *
 * The input is read as entries of 5 bytes: i (1 byte), j (2 bytes,
 * big-endian), p (2 bytes, as a fraction of 65535; 65535 = 1).  The
 * validator must accept or reject any such table without a sanitizer
 * report; an accepted table is indexed and every row is looked up at keys
 * from 0 to 1 - 2^-53: the published count must come from an entry of the
 * row with p > 0, and must never be negative.
 *
 * An input of exactly 9 bytes is read instead as builder parameters (D, V,
 * js, monotone); a table that builds must pass validation and meet its
 * constraints.
 *
 * Built and run by test/fuzz/run.sh.
 */
#include "ptable.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_build(const uint8_t *d)
{
	int			D = 1 + d[0] % 12;
	int			js = d[1] % 12;
	double		V = (double) ((d[2] << 8) | d[3]) / 4096.0;
	int			monotone = d[4] & 1;
	char		err[512];
	size_t		n;
	PtEntry    *e;
	int64_t		imax;

	if (pt_check_params(D, V, js, err, sizeof(err)) != NULL)
		return;
	n = pt_build_size(D, js);
	e = malloc(n * sizeof(PtEntry));
	if (pt_build(D, V, js, monotone, e, err, sizeof(err)) == NULL)
	{
		size_t		from = 0;

		if (pt_validate(e, n, &imax, err, sizeof(err)) != NULL)
			abort();
		for (size_t k = 1; k <= n; k++)
		{
			PtRowStats	s;

			if (k < n && e[k].i == e[from].i)
				continue;
			pt_row_stats(e, from, k, &s);
			if (fabs(s.mean) > 1e-9 || (s.i > 0 && fabs(s.variance - V) > 1e-8 * (1 + V)) ||
				(s.min_positive_target > 0 && s.min_positive_target <= js))
				abort();
			from = k;
		}
	}
	free(e);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		n = size / 5;
	PtEntry    *e;
	int64_t		imax;
	char		err[512];
	size_t	   *row_start;
	double	   *ub;
	Ptable		pt;

	if (size == 9)
	{
		fuzz_build(data);
		return 0;
	}
	e = malloc((n > 0 ? n : 1) * sizeof(PtEntry));
	for (size_t k = 0; k < n; k++)
	{
		const uint8_t *p = data + 5 * k;

		e[k].i = p[0];
		e[k].j = (p[1] << 8) | p[2];
		e[k].p = (double) ((p[3] << 8) | p[4]) / 65535.0;
	}
	if (pt_validate(e, n, &imax, err, sizeof(err)) != NULL)
	{
		free(e);
		return 0;
	}
	row_start = malloc((imax + 2) * sizeof(size_t));
	ub = malloc(n * sizeof(double));
	pt_index(e, n, imax, row_start, ub, &pt);
	for (int64_t r = 0; r <= imax + 1; r++)
		for (int step = 0; step <= 64; step++)
		{
			double		c = step == 64 ? 1.0 - 0x1.0p-53 : step / 64.0;
			int64_t		row = r < imax ? r : imax,
						out;
			int			found = 0;

			if (pt_lookup(&pt, r, c, &out) != 0 || out < 0)
				abort();
			for (size_t k = row_start[row]; k < row_start[row + 1]; k++)
				found |= e[k].p > 0.0 && e[k].j - row == out - r;
			if (!found)
				abort();
		}
	free(row_start);
	free(ub);
	free(e);
	return 0;
}
