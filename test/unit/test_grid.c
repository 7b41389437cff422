/*
 * test_grid.c — INSPIRE / Zensus grid identifiers (extension/postgis/grid.c).
 *
 * Hand computations: the point (4337051.7, 2689199.9) in EPSG:3035 lies in
 * the 100 m cell whose lower-left corner is E 4337000, N 2689100 (floor to
 * the next lower multiple of 100), the 1 km cell E 4337000 N 2689000 and
 * the 10 km cell E 4330000 N 2680000.  The identifier notation
 * CRS3035RES100mN2689100E4337000 (N before E, size in metres) is the one of
 * the Zensus 2022 grid files and INSPIRE D2.8.I.2 Annex B.
 */
#include "unit.h"

#include <math.h>
#include <string.h>

#include "grid.h"

static const char *
id_of(double x, double y, int res, char *buf)
{
	GridCell	c;

	if (grid_cell_of_point(x, y, res, &c) != GRID_OK)
		return "(error)";
	grid_cell_format(&c, buf, GRID_ID_MAXLEN);
	return buf;
}

static GridStatus
parse(const char *s, GridCell *c, GridParseError *e)
{
	return grid_cell_parse(s, strlen(s), c, e);
}

static void
test_grid_point_to_id(void)
{
	char		buf[GRID_ID_MAXLEN];

	CHECK(strcmp(id_of(4337051.7, 2689199.9, 100, buf), "CRS3035RES100mN2689100E4337000") == 0);
	CHECK(strcmp(id_of(4337051.7, 2689199.9, 1000, buf), "CRS3035RES1000mN2689000E4337000") == 0);
	CHECK(strcmp(id_of(4337051.7, 2689199.9, 10000, buf), "CRS3035RES10000mN2680000E4330000") == 0);
	/* a point on a cell's south-west corner belongs to that cell */
	CHECK(strcmp(id_of(4337000.0, 2689100.0, 100, buf), "CRS3035RES100mN2689100E4337000") == 0);
	/* just below the corner: the cells to the south and west */
	CHECK(strcmp(id_of(4336999.999, 2689099.999, 100, buf), "CRS3035RES100mN2689000E4336900") == 0);
	CHECK(strcmp(id_of(0.0, 0.0, 100, buf), "CRS3035RES100mN0E0") == 0);
	CHECK(strcmp(id_of(9999999.9, 9999999.9, 10000, buf), "CRS3035RES10000mN9990000E9990000") == 0);
}

static void
test_grid_point_errors(void)
{
	GridCell	c;

	CHECK(grid_cell_of_point(1, 1, 250, &c) == GRID_ERR_RESOLUTION);
	CHECK(grid_cell_of_point(1, 1, 0, &c) == GRID_ERR_RESOLUTION);
	CHECK(grid_cell_of_point(NAN, 1, 100, &c) == GRID_ERR_NOT_FINITE);
	CHECK(grid_cell_of_point(1, INFINITY, 100, &c) == GRID_ERR_NOT_FINITE);
	CHECK(grid_cell_of_point(-0.5, 1, 100, &c) == GRID_ERR_OUT_OF_RANGE);
	CHECK(grid_cell_of_point(1, 1e7, 100, &c) == GRID_ERR_OUT_OF_RANGE);
}

static void
test_grid_parse_ok(void)
{
	GridCell	c;
	GridParseError e;

	CHECK(parse("CRS3035RES100mN2689100E4337000", &c, &e) == GRID_OK);
	CHECK(c.resolution == 100 && c.north == 2689100 && c.east == 4337000);
	CHECK(parse("CRS3035RES1000mN2689000E4337000", &c, &e) == GRID_OK);
	CHECK(c.resolution == 1000 && c.north == 2689000 && c.east == 4337000);
	CHECK(parse("CRS3035RES10000mN2680000E4330000", &c, &e) == GRID_OK);
	CHECK(c.resolution == 10000 && c.north == 2680000 && c.east == 4330000);
	CHECK(parse("CRS3035RES100mN0E0", &c, &e) == GRID_OK);
	CHECK(c.north == 0 && c.east == 0);
}

/* Each malformed identifier with the 1-based position the parser reports. */
static void
test_grid_parse_errors(void)
{
	static const struct
	{
		const char *id;
		int			pos;
	}			cases[] = {
		{"", 1},
		{"crs3035RES100mN2689100E4337000", 1},	/* lower case */
		{"CRS3035RES100N2689100E4337000", 14},	/* no "m" */
		{"CRS3035RES250mN2689100E4337000", 11},	/* size not 100/1000/10000 */
		{"CRS3035RES0100mN2689100E4337000", 11},	/* leading zero */
		{"CRS3035RESmN2689100E4337000", 11},	/* no size */
		{"CRS3035RES100mE4337000N2689100", 15},	/* E before N */
		{"CRS3035RES100mN2689150E4337000", 16},	/* not a multiple of 100 */
		{"CRS3035RES100mN-2689100E4337000", 16},	/* sign */
		{"CRS3035RES100mN26891000E4337000", 23},	/* 8 digits */
		{"CRS3035RES100mN2689100E", 24},	/* no easting */
		{"CRS3035RES100mN2689100E4337000 ", 31},	/* trailing space */
		{"CRS3035RES100mN2689100E4337050", 24},	/* easting not a multiple */
		{"CRS3035RES1kmN2689000E4337000", 11},	/* legacy "km" size */
		{"100mN26891E43370", 1},	/* the legacy short notation */
	};

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
	{
		GridCell	c;
		GridParseError e;

		e.pos = -1;
		CHECK(parse(cases[k].id, &c, &e) == GRID_ERR_SYNTAX);
		CHECK(e.pos == cases[k].pos);
		CHECK(e.detail[0] != '\0');
	}
}

/* Round trip: every cell of a sweep formats and parses back to itself. */
static void
test_grid_round_trip(void)
{
	UnitRng		rng = {42};
	static const int32_t res[] = {100, 1000, 10000};

	for (int k = 0; k < 3000; k++)
	{
		GridCell	c,
					back;
		GridParseError e;
		char		buf[GRID_ID_MAXLEN];
		double		x = unit_rng_double(&rng) * 9999999.0;
		double		y = unit_rng_double(&rng) * 9999999.0;

		CHECK(grid_cell_of_point(x, y, res[k % 3], &c) == GRID_OK);
		grid_cell_format(&c, buf, sizeof(buf));
		CHECK(parse(buf, &back, &e) == GRID_OK);
		CHECK(back.resolution == c.resolution && back.north == c.north && back.east == c.east);
		CHECK(c.east <= x && x < c.east + c.resolution);
		CHECK(c.north <= y && y < c.north + c.resolution);
	}
}

const UnitTest unit_grid_tests[] = {
	UNIT_TEST(test_grid_point_to_id),
	UNIT_TEST(test_grid_point_errors),
	UNIT_TEST(test_grid_parse_ok),
	UNIT_TEST(test_grid_parse_errors),
	UNIT_TEST(test_grid_round_trip),
	{NULL, NULL}
};
