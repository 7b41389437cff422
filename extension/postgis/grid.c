/*
 * grid.c — INSPIRE / Zensus grid identifiers (see grid.h).  Plain C.
 */
#include "grid.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char grid_prefix[] = "CRS3035RES";

int
grid_resolution_ok(int32_t res)
{
	return res == 100 || res == 1000 || res == 10000;
}

GridStatus
grid_cell_of_point(double x, double y, int32_t res, GridCell *out)
{
	if (!grid_resolution_ok(res))
		return GRID_ERR_RESOLUTION;
	if (!isfinite(x) || !isfinite(y))
		return GRID_ERR_NOT_FINITE;
	if (x < 0.0 || y < 0.0 || x >= GRID_COORD_LIMIT || y >= GRID_COORD_LIMIT)
		return GRID_ERR_OUT_OF_RANGE;
	out->resolution = res;
	/* exact: x < 1e7, so floor(x / res) is an exact small integer */
	out->east = (int64_t) floor(x / res) * res;
	out->north = (int64_t) floor(y / res) * res;
	return GRID_OK;
}

void
grid_cell_format(const GridCell *cell, char *buf, size_t buflen)
{
	snprintf(buf, buflen, "%s%dmN%lldE%lld", grid_prefix, (int) cell->resolution,
			 (long long) cell->north, (long long) cell->east);
}

static GridStatus
syntax_error(GridParseError *err, size_t pos0, const char *detail)
{
	err->pos = (int) pos0 + 1;
	snprintf(err->detail, sizeof(err->detail), "%s", detail);
	return GRID_ERR_SYNTAX;
}

/*
 * Reads a run of decimal digits at *i: at most 7 digits, no leading zero
 * unless the number is 0.  what names the field for messages.
 */
static GridStatus
read_number(const char *s, size_t len, size_t *i, int64_t *value,
			const char *what, GridParseError *err)
{
	size_t		start = *i;
	int64_t		v = 0;
	char		msg[96];

	while (*i < len && s[*i] >= '0' && s[*i] <= '9')
	{
		if (*i - start >= 7)
		{
			snprintf(msg, sizeof(msg), "The %s has too many digits (at most 7).", what);
			return syntax_error(err, *i, msg);
		}
		v = v * 10 + (s[*i] - '0');
		(*i)++;
	}
	if (*i == start)
	{
		snprintf(msg, sizeof(msg), "Expected the digits of the %s.", what);
		return syntax_error(err, start, msg);
	}
	if (s[start] == '0' && *i - start > 1)
	{
		snprintf(msg, sizeof(msg), "The %s has a leading zero.", what);
		return syntax_error(err, start, msg);
	}
	*value = v;
	return GRID_OK;
}

GridStatus
grid_cell_parse(const char *s, size_t len, GridCell *out, GridParseError *err)
{
	size_t		i = 0;
	size_t		plen = sizeof(grid_prefix) - 1;
	size_t		field;
	int64_t		res,
				north,
				east;
	GridStatus	st;

	for (i = 0; i < plen; i++)
		if (i >= len || s[i] != grid_prefix[i])
			return syntax_error(err, i, "Expected the prefix \"CRS3035RES\".");

	field = i;
	if ((st = read_number(s, len, &i, &res, "cell size", err)) != GRID_OK)
		return st;
	if (!grid_resolution_ok((int32_t) res))
		return syntax_error(err, field, "The cell size must be 100, 1000 or 10000 (metres).");
	if (i >= len || s[i] != 'm')
		return syntax_error(err, i, "Expected \"m\" after the cell size.");
	i++;

	if (i >= len || s[i] != 'N')
		return syntax_error(err, i, "Expected \"N\" and the northing.");
	i++;
	field = i;
	if ((st = read_number(s, len, &i, &north, "northing", err)) != GRID_OK)
		return st;
	if (north % res != 0)
		return syntax_error(err, field, "The northing is not a multiple of the cell size.");

	if (i >= len || s[i] != 'E')
		return syntax_error(err, i, "Expected \"E\" and the easting.");
	i++;
	field = i;
	if ((st = read_number(s, len, &i, &east, "easting", err)) != GRID_OK)
		return st;
	if (east % res != 0)
		return syntax_error(err, field, "The easting is not a multiple of the cell size.");

	if (i != len)
		return syntax_error(err, i, "Unexpected characters after the easting.");

	out->resolution = (int32_t) res;
	out->north = north;
	out->east = east;
	return GRID_OK;
}
