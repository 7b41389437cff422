/*
 * main.c — runs every test table and prints "unit: N passed, M failed".
 */
#include "unit.h"

#include <math.h>
#include <stdio.h>

/*
 * Undefined behaviour found by -fsanitize=undefined must fail the run, not
 * just print a warning: halt on the first report.
 */
const char *__ubsan_default_options(void);

const char *
__ubsan_default_options(void)
{
	return "halt_on_error=1:print_stacktrace=1";
}

static long unit_passed;
static long unit_failed;
static const char *unit_current = "?";

void
unit_check(int ok, const char *file, int line, const char *expr)
{
	if (ok)
	{
		unit_passed++;
		return;
	}
	unit_failed++;
	printf("%s:%d: FAIL in %s: CHECK(%s)\n", file, line, unit_current, expr);
}

void
unit_check_close(double actual, double expected, double tol,
				 const char *file, int line,
				 const char *actual_expr, const char *expected_expr)
{
	int			ok;

	if (isnan(actual) || isnan(expected))
		ok = 0;
	else if (isinf(actual) || isinf(expected))
		ok = actual == expected;
	else
		ok = fabs(actual - expected) <= tol;
	if (ok)
	{
		unit_passed++;
		return;
	}
	unit_failed++;
	printf("%s:%d: FAIL in %s: CHECK_CLOSE(%s, %s, %g)\n"
		   "    actual   = %.17g\n"
		   "    expected = %.17g\n"
		   "    diff     = %.3g\n",
		   file, line, unit_current, actual_expr, expected_expr, tol,
		   actual, expected, actual - expected);
}

static const UnitTest *const unit_suites[] = {
	unit_indices_tests,
	unit_state_codec_tests,
	unit_multigroup_tests,
	unit_keymap_tests,
	unit_codecs_multigroup_tests,
	unit_random_inference_tests,
	unit_status_parse_tests,
	unit_disclosure_tests,
	unit_table_sampler_tests,
	unit_grid_tests,
	unit_spatial_tests,
	unit_country_tests,
	unit_background_tests,
};

int
main(void)
{
	long		tests = 0;

	/* unbuffered, so that nothing is lost if a sanitizer aborts the run */
	setvbuf(stdout, NULL, _IONBF, 0);
	for (size_t s = 0; s < sizeof(unit_suites) / sizeof(unit_suites[0]); s++)
	{
		for (const UnitTest *t = unit_suites[s]; t->fn != NULL; t++)
		{
			long		failed_before = unit_failed;

			unit_current = t->name;
			t->fn();
			tests++;
			if (unit_failed != failed_before)
				printf("not ok: %s (%ld failed checks)\n", t->name,
					   unit_failed - failed_before);
		}
	}
	printf("(%ld test functions)\n", tests);
	printf("unit: %ld passed, %ld failed\n", unit_passed, unit_failed);
	fflush(stdout);
	return unit_failed > 0 ? 1 : 0;
}
