/*
 * gen_corpus.c — writes the seed corpus of fuzz_state_decode: one valid
 * encoding per accumulation kind (unit kinds with 0, 1 and several units),
 * made with the codec's own encoder.  Deterministic, so regenerating the
 * committed files in test/fuzz/corpus/ leaves them unchanged.
 *
 *   gen_corpus DIR
 *
 * Built and run by test/fuzz/run.sh.
 */
#include "indices.h"
#include "state_codec.h"

#include <stdio.h>
#include <stdlib.h>

static const char *dir;
static int	failed;

static void
write_seed(const char *name, const SegSummary *s, const SegUnit *units)
{
	char		path[4096];
	size_t		size = seg_state_encoded_size(s, SIZE_MAX);
	uint8_t    *buf = malloc(size);
	FILE	   *f;

	seg_state_encode(s, units, buf);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (f == NULL || fwrite(buf, 1, size, f) != size || fclose(f) != 0)
	{
		perror(path);
		failed = 1;
	}
	free(buf);
}

int
main(int argc, char **argv)
{
	/* data set A of the unit tests, with areas, and a zero-population unit */
	const SegUnit units[] = {
		{10, 0, 1.5}, {0, 10, 3}, {5, 5, 0.25}, {0, 0, 2}, {7.5, 1e6, 1e-3}
	};
	const SegSummary none = {SEG_ACCUM_UNITS, 0, 0, 0, 0, 0, 0};
	const SegSummary one = {SEG_ACCUM_UNITS, 0, 0, 0, 0, 0, 1};
	const SegSummary all = {SEG_ACCUM_UNITS, 0, 0, 0, 0, 0, 5};
	const SegSummary area_none = {SEG_ACCUM_UNITS_AREA, 0, 0, 0, 0, 0, 0};
	const SegSummary area_all = {SEG_ACCUM_UNITS_AREA, 0, 0, 0, 0, 0, 5};
	const SegSummary group_area_one = {SEG_ACCUM_GROUP_AREA, 0, 0, 0, 0, 0, 1};
	const SegSummary group_area_all = {SEG_ACCUM_GROUP_AREA, 0, 0, 0, 0, 0, 5};

	/* sums of data set A: X = Y = 15, isolation 12.5, interaction 2.5 */
	const SegSummary exposure = {SEG_ACCUM_EXPOSURE, 0, 15, 15, 12.5, 2.5, 3};
	/* entropy term sum 10 ln 2 */
	const SegSummary entropy = {SEG_ACCUM_ENTROPY, 0, 15, 15, 6.9314718055994531, 0, 3};
	/* Atkinson term sums for b = 1/2 and b = 1/4 */
	const SegSummary atkinson = {SEG_ACCUM_ATKINSON, 0.5, 15, 15, 5, 0, 3};
	const SegSummary atkinson_quarter = {SEG_ACCUM_ATKINSON, 0.25, 4, 8, 3.5955, 0, 3};

	if (argc != 2)
	{
		fprintf(stderr, "usage: gen_corpus DIR\n");
		return 2;
	}
	dir = argv[1];
	write_seed("units-0", &none, NULL);
	write_seed("units-1", &one, units);
	write_seed("units-5", &all, units);
	write_seed("units_area-0", &area_none, NULL);
	write_seed("units_area-5", &area_all, units);
	write_seed("group_area-1", &group_area_one, units);
	write_seed("group_area-5", &group_area_all, units);
	write_seed("exposure", &exposure, NULL);
	write_seed("entropy", &entropy, NULL);
	write_seed("atkinson-0.5", &atkinson, NULL);
	write_seed("atkinson-0.25", &atkinson_quarter, NULL);
	return failed;
}
