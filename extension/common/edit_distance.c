/*
 * edit_distance.c — bounded Levenshtein distance (see edit_distance.h).
 */
#include "edit_distance.h"

int
edit_distance(const unsigned char *a, size_t la, const unsigned char *b, size_t lb, int limit)
{
	int			row[EDIT_DISTANCE_MAX_LEN + 1];

	if (la > EDIT_DISTANCE_MAX_LEN || lb > EDIT_DISTANCE_MAX_LEN ||
		(la > lb ? la - lb : lb - la) > (size_t) limit)
		return limit + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int) j;
	for (size_t i = 1; i <= la; i++)
	{
		int			diag = row[0];
		int			rowmin = (int) i;

		row[0] = (int) i;
		for (size_t j = 1; j <= lb; j++)
		{
			int			up = row[j];
			int			best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
			if (best < rowmin)
				rowmin = best;
		}
		if (rowmin > limit)
			return limit + 1;
	}
	return row[lb];
}
