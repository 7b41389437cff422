# migstat — PGXS build.
#
#   make              build the extension (warnings are errors, assertions on)
#   make install      install into the PostgreSQL found by pg_config
#   make installcheck pg_regress over sql/ + expected/ (needs a running server)
#   make test         the whole suite on a throwaway cluster (scripts/test.sh)
#   make demo         build, start a throwaway cluster, load Sacramento, report
#   make bench        the benchmark (prints ratios, never fails on speed)
#   make unittest     C unit tests of the plain-C core (no server needed)

EXTNAME     = migstat
EXTVERSION  = 0.2.0

MODULE_big  = migstat
OBJS = \
	extension/common/migstat.o \
	extension/common/args.o \
	extension/common/grow.o \
	extension/common/edit_distance.o \
	extension/segregation/indices.o \
	extension/segregation/state_codec.o \
	extension/segregation/twogroup_agg.o \
	extension/segregation/multigroup.o \
	extension/segregation/multigroup_codec.o \
	extension/segregation/multigroup_agg.o \
	extension/common/keymap.o \
	extension/segregation/longform.o \
	extension/segregation/longform_agg.o \
	extension/common/sqlkey.o \
	extension/segregation/decomposition.o \
	extension/segregation/decomposition_agg.o \
	extension/common/random.o \
	extension/common/table_sampler.o \
	extension/segregation/inference.o \
	extension/segregation/inference_agg.o \
	extension/segregation/change.o \
	extension/segregation/change_agg.o \
	extension/status/catalogue_data.o \
	extension/status/parse.o \
	extension/status/status_type.o \
	extension/status/status_info.o \
	extension/status/status_rules.o \
	extension/status/status_history.o \
	extension/common/siphash.o \
	extension/disclosure/ptable.o \
	extension/disclosure/cellkey.o \
	extension/disclosure/rounding.o \
	extension/disclosure/protect_fn.o \
	extension/disclosure/ptable_fn.o \
	extension/disclosure/cellkey_agg.o \
	extension/postgis/sparse_weights.o \
	extension/postgis/spatial_indices.o \
	extension/postgis/local_stats.o \
	extension/postgis/spatial_input.o \
	extension/postgis/spatial_indices_fn.o \
	extension/postgis/local_stats_fn.o \
	extension/background/country.o \
	extension/background/country_data.o \
	extension/background/country_suggest.o \
	extension/background/country_fn.o \
	extension/background/derive.o \
	extension/background/background_fn.o \
	extension/postgis/grid.o \
	extension/postgis/grid_fn.o

# Install script assembled from the areas' SQL, in this order.
SQL_PARTS = \
	extension/common/header.sql \
	extension/segregation/twogroup.sql \
	extension/segregation/multigroup.sql \
	extension/segregation/longform.sql \
	extension/segregation/decomposition.sql \
	extension/segregation/inference.sql \
	extension/segregation/change.sql \
	extension/status/status.sql \
	extension/disclosure/protect.sql \
	extension/disclosure/cellkey.sql \
	extension/status/status_views.sql \
	extension/background/countries.sql \
	extension/background/country_views.sql \
	extension/background/background.sql \
	extension/background/household.sql

# The PostGIS bridge: a second extension sharing migstat's library.
POSTGIS_SQL_PARTS = \
	extension/postgis/header.sql \
	extension/postgis/spatial_indices.sql \
	extension/postgis/local_stats.sql \
	extension/postgis/common.sql \
	extension/postgis/weights.sql \
	extension/postgis/grid.sql \
	extension/postgis/districts.sql

# Upgrades.  Every released version's install script is kept, frozen, in
# extension/versions/ (installed as is, so that the upgrade test can install
# it); the upgrade script from the last release to this one is assembled from
# what changed: the SQL parts added since, after a header and the hand-written
# changes of existing objects (extension/upgrade/).  test/upgrade/run.sh
# proves that installing the old version and updating gives exactly a fresh
# install.
SQL_PARTS_0_1_0 = extension/common/header.sql extension/segregation/twogroup.sql \
	extension/segregation/multigroup.sql extension/segregation/longform.sql \
	extension/segregation/decomposition.sql extension/segregation/inference.sql \
	extension/segregation/change.sql extension/status/status.sql \
	extension/disclosure/protect.sql extension/disclosure/cellkey.sql
UPGRADE_0_1_0_PARTS = extension/upgrade/0.1.0--0.2.0.sql \
	$(filter-out $(SQL_PARTS_0_1_0), $(SQL_PARTS))

MODULEDIR   = extension
DATA        = extension/migstat.control extension/migstat_postgis.control \
	extension/versions/migstat--0.1.0.sql
DATA_built  = extension/migstat--$(EXTVERSION).sql extension/migstat_postgis--$(EXTVERSION).sql \
	extension/migstat--0.1.0--$(EXTVERSION).sql
EXTRA_CLEAN = test/unit/run_unit_tests test/fuzz/fuzz_state_decode \
	test/fuzz/fuzz_mg_decode test/fuzz/fuzz_lf_decode test/fuzz/fuzz_md_decode \
	test/fuzz/fuzz_country_decode

REGRESS      = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --inputdir=. --load-extension=migstat

# The test build: every warning is an error, assertions are on.  No fused
# multiply-add contraction (GCC's default on some CPUs): the simulations must
# round the same way on every platform to give the same draws for a seed.
PG_CFLAGS = -std=gnu99 -Wall -Wextra -Werror -ffp-contract=off \
	-DUSE_ASSERT_CHECKING

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)

# Without the server headers (a fresh machine) only test/demo/bench work:
# their scripts install the headers first.
ifneq ($(wildcard $(PGXS)),)
include $(PGXS)
endif

extension/migstat--$(EXTVERSION).sql: $(SQL_PARTS)
	cat $(SQL_PARTS) > $@

extension/migstat--0.1.0--$(EXTVERSION).sql: $(UPGRADE_0_1_0_PARTS)
	cat $(UPGRADE_0_1_0_PARTS) > $@

extension/migstat_postgis--$(EXTVERSION).sql: $(POSTGIS_SQL_PARTS)
	cat $(POSTGIS_SQL_PARTS) > $@

CORE_SRC = extension/segregation/indices.c extension/segregation/state_codec.c \
	extension/segregation/multigroup.c extension/segregation/multigroup_codec.c \
	extension/segregation/longform.c extension/common/keymap.c \
	extension/segregation/decomposition.c extension/common/random.c \
	extension/common/table_sampler.c extension/segregation/inference.c \
	extension/segregation/change.c extension/common/siphash.c \
	extension/disclosure/ptable.c extension/disclosure/cellkey.c extension/disclosure/rounding.c \
	extension/status/parse.c extension/status/catalogue_data.c extension/common/edit_distance.c \
	extension/postgis/sparse_weights.c extension/postgis/spatial_indices.c \
	extension/postgis/local_stats.c \
	extension/background/country.c extension/background/country_data.c \
	extension/background/country_suggest.c \
	extension/background/derive.c extension/postgis/grid.c

test/unit/run_unit_tests: test/unit/*.c test/unit/*.h $(CORE_SRC) extension/segregation/*.h extension/status/*.h \
		extension/disclosure/ptable.h extension/disclosure/cellkey.h extension/disclosure/rounding.h \
		extension/common/keymap.h extension/common/portable_bytes.h extension/common/siphash.h \
		extension/common/random.h extension/common/table_sampler.h \
		extension/postgis/sparse_weights.h extension/postgis/spatial_indices.h \
		extension/postgis/local_stats.h extension/background/*.h extension/postgis/grid.h
	$(CC_UNIT) -std=c99 -O1 -g -Wall -Wextra -Werror -ffp-contract=off -fsanitize=address,undefined \
		-Iextension/segregation -Iextension/disclosure -Iextension/common -Iextension/status -Iextension/postgis \
		-Iextension/background -o $@ test/unit/*.c $(CORE_SRC) -lm

CC_UNIT ?= gcc

unittest: test/unit/run_unit_tests
	test/unit/run_unit_tests

test:
	scripts/test.sh

demo:
	scripts/demo.sh

bench:
	scripts/bench.sh

.PHONY: test demo bench unittest
