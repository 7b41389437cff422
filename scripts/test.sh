#!/usr/bin/env bash
# The whole migstat test suite, from a fresh Debian bookworm machine (as root):
# installs what it needs, builds with warnings as errors and assertions on,
# installs, runs the C unit tests and the fuzz target, then starts a throwaway
# cluster (pg_virtualenv -t) and runs pg_regress, pgTAP and the docs examples.
# The last line is "migstat: N passed, M failed"; the exit status is non-zero
# on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/.test-out"
rm -rf "$OUT"
mkdir -p "$OUT"
: > "$OUT/counts"

fail_setup() {
	echo "test.sh: $1" >&2
	echo "migstat: 0 passed, 1 failed"
	exit 1
}

scripts/install-deps.sh || fail_setup "installing dependencies failed"
make -s || fail_setup "build failed"
make -s install >/dev/null || fail_setup "make install failed"

# Reads "WORD: N passed, M failed" from a log into the counts file.
record() {
	local suite=$1 log=$2 status=$3 line
	line=$(grep -E '^[a-z]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -z "$line" ]; then
		echo "$suite 0 1" >> "$OUT/counts"
		echo "test.sh: $suite printed no summary" >&2
		return
	fi
	set -- $(echo "$line" | sed -E 's/^[a-z]+: ([0-9]+) passed, ([0-9]+) failed.*/\1 \2/')
	local passed=$1 failed=$2
	if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
	echo "$suite $passed $failed" >> "$OUT/counts"
}

# A compiled catalogue must match its data files: GENERATOR --check.
check_generated() {
	local suite=$1 generator=$2
	if python3 "$generator" --check > "$OUT/$suite.log" 2>&1; then
		echo "$suite: 1 passed, 0 failed" >> "$OUT/$suite.log"
	else
		echo "$suite: 0 passed, 1 failed" >> "$OUT/$suite.log"
	fi
	cat "$OUT/$suite.log"
	record "$suite" "$OUT/$suite.log" 0
}

echo "== the compiled residence-status and country catalogues are up to date with their data files"
check_generated catalogue extension/status/gen_catalogue.py
check_generated countries extension/background/gen_countries.py

echo "== C unit tests of the plain-C core"
make -s unittest 2>&1 | tee "$OUT/unit.log"
record unit "$OUT/unit.log" "${PIPESTATUS[0]}"

echo "== fuzzing the partial-state decoder (${MIGSTAT_FUZZ_SECONDS:-20} s)"
test/fuzz/run.sh "${MIGSTAT_FUZZ_SECONDS:-20}" 2>&1 | tee "$OUT/fuzz.log" | tail -n 3
record fuzz "$OUT/fuzz.log" "${PIPESTATUS[0]}"

echo "== PostgreSQL tests in a throwaway cluster"
pg_virtualenv -t -c "-p $(scripts/free-port.sh)" scripts/test-in-cluster.sh "$OUT" 2>&1 | grep -vE '^[0-9-]+ [0-9:.]+ UTC \[[0-9]+\] LOG:' | tee "$OUT/cluster.log"
if [ "${PIPESTATUS[0]}" -ne 0 ] && ! grep -q '^cluster-suites-done$' "$OUT/cluster.log"; then
	echo "cluster 0 1" >> "$OUT/counts"
fi

echo "== summary"
awk '{ printf "  %-8s %5d passed, %d failed\n", $1, $2, $3; p += $2; f += $3 }
     END { printf "migstat: %d passed, %d failed\n", p, f; exit (f > 0) }' "$OUT/counts"
