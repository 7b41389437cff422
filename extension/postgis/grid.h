/*
 * grid.h — identifiers of the INSPIRE / Zensus grid in ETRS89-LAEA
 * (EPSG:3035), plain C (no PostgreSQL headers).
 *
 * The notation is the one of the Zensus 2022 grid data and the INSPIRE
 * Geographical Grid Systems specification (D2.8.I.2, Annex B):
 *
 *   CRS3035RES100mN2689100E4337000
 *
 * "CRS3035", "RES", the cell size in metres followed by "m" (100m, 1000m,
 * 10000m), then "N" and the northing and "E" and the easting of the cell's
 * lower-left (south-west) corner, in whole metres.
 */
#ifndef MIGSTAT_POSTGIS_GRID_H
#define MIGSTAT_POSTGIS_GRID_H

#include <stddef.h>
#include <stdint.h>

/* The coordinates the notation can hold: 0 <= x, y < GRID_COORD_LIMIT. */
#define GRID_COORD_LIMIT 10000000.0
/* The longest identifier: CRS3035RES10000mN9990000E9990000 and a NUL. */
#define GRID_ID_MAXLEN 40

typedef struct GridCell
{
	int32_t		resolution;		/* 100, 1000 or 10000 */
	int64_t		north;			/* lower-left corner, metres */
	int64_t		east;
} GridCell;

typedef enum GridStatus
{
	GRID_OK = 0,
	GRID_ERR_SYNTAX,			/* malformed identifier (pos, detail set) */
	GRID_ERR_RESOLUTION,		/* a cell size other than 100, 1000, 10000 */
	GRID_ERR_NOT_FINITE,		/* a coordinate is NaN or infinite */
	GRID_ERR_OUT_OF_RANGE		/* a coordinate outside [0, 10,000,000) */
} GridStatus;

typedef struct GridParseError
{
	int			pos;			/* 1-based character position of the fault */
	char		detail[128];
} GridParseError;

/* Is res one of the cell sizes of the Zensus grid (100, 1000, 10000 m)? */
extern int	grid_resolution_ok(int32_t res);

/*
 * The cell of point (x, y) (EPSG:3035 metres) at resolution res.  Points on
 * a cell edge belong to the cell to their north-east (floor), as in the
 * INSPIRE grid where a cell includes its south and west edges.
 */
extern GridStatus grid_cell_of_point(double x, double y, int32_t res, GridCell *out);

/* Writes the identifier of a cell into buf (at least GRID_ID_MAXLEN bytes). */
extern void grid_cell_format(const GridCell *cell, char *buf, size_t buflen);

/*
 * Parses an identifier of len bytes (need not be NUL-terminated).  Strict:
 * exact upper-case prefix, a resolution of 100m, 1000m or 10000m, decimal
 * coordinates without sign or leading zeros that are multiples of the
 * resolution, nothing after the easting.  On error sets *err.
 */
extern GridStatus grid_cell_parse(const char *s, size_t len, GridCell *out,
								  GridParseError *err);

#endif							/* MIGSTAT_POSTGIS_GRID_H */
