#!/usr/bin/env bash
# The migstat benchmark (make bench), from a fresh Debian bookworm machine (as
# root): installs what it needs, builds and installs migstat, then starts a
# throwaway cluster (pg_virtualenv -t) and runs bench/bench.sql in it.
#
# It loads 10 million unit rows (1,000 cities x 10,000 units), times every
# aggregate grouped by city against sum() over the same rows, and the parallel
# speed-up of a few ungrouped aggregates.  It prints ratios and targets and
# never fails on speed: the exit status is non-zero only when something errors.
# It also times the cell key method (bench/disclosure.sql): migstat.ckm_count
# over the same number of records in 10,000 cells against count(*).
#
# Knobs (environment):
#   BENCH_CITIES=1000 BENCH_UNITS=10000   data size (cities x units per city)
#   BENCH_LF_UNITS=1250000                long-form units (x 8 groups = rows)
#   BENCH_RUNS=5                          timed runs per query, round robin (best and median shown)
#   BENCH_JIT=off                         jit setting of the benchmark session
#   BENCH_SHARED_BUFFERS=4GB              shared_buffers of the throwaway cluster
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

CITIES=${BENCH_CITIES:-1000}
UNITS=${BENCH_UNITS:-10000}
LF_UNITS=${BENCH_LF_UNITS:-1250000}
RUNS=${BENCH_RUNS:-5}
JIT=${BENCH_JIT:-off}
SHARED_BUFFERS=${BENCH_SHARED_BUFFERS:-4GB}

scripts/install-deps.sh
make -s
make -s install >/dev/null

# Server-wide settings that cannot be changed in a session are given to the
# throwaway cluster at creation; the rest are SET in bench/bench.sql.
started=$(date +%s)
set +e
pg_virtualenv -t -c "-p $(scripts/free-port.sh)" \
	-o "shared_buffers=$SHARED_BUFFERS" \
	-o "max_worker_processes=8" \
	-o "max_parallel_workers=8" \
	-o "autovacuum=off" \
	-o "fsync=off" \
	-o "synchronous_commit=off" \
	-o "full_page_writes=off" \
	-o "max_wal_size=8GB" \
	psql -X -q -v ON_ERROR_STOP=1 \
		-v cities="$CITIES" -v units="$UNITS" -v runs="$RUNS" -v jit="$JIT" \
		-v lf_units="$LF_UNITS" \
		-v cores="$(nproc)" -v shared_buffers="$SHARED_BUFFERS" \
		-f "$ROOT/bench/bench.sql" 2>&1 \
	| grep --line-buffered -vE '^[0-9-]+ [0-9:.]+ UTC \[[0-9]+\] LOG:'
status=${PIPESTATUS[0]}
set -e
echo "bench: finished in $(( $(date +%s) - started )) s (cluster setup, data load and timing)"
if [ "$status" -ne 0 ]; then
	echo "bench: the benchmark failed (exit status $status)" >&2
	exit "$status"
fi
