#!/usr/bin/env bash
# Runs inside pg_virtualenv (scripts/test.sh): pg_regress, pgTAP, docs
# examples.  Appends "suite passed failed" lines to $1/counts.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=$1

# Appends "suite passed failed" from a log's "WORD: N passed, M failed" line.
tally() {
	local suite=$1 log=$2 status=$3 passed failed
	passed=$(sed -nE 's/^[a-z]+: ([0-9]+) passed, ([0-9]+) failed$/\1/p' "$log" | tail -n 1)
	failed=$(sed -nE 's/^[a-z]+: ([0-9]+) passed, ([0-9]+) failed$/\2/p' "$log" | tail -n 1)
	passed=${passed:-0}; failed=${failed:-0}
	if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
	echo "$suite $passed $failed" >> "$OUT/counts"
}


echo "-- pg_regress (sql/, expected/)"
make -s installcheck > "$OUT/regress.log" 2>&1
status=$?
cat "$OUT/regress.log"
passed=$(grep -cE '\.\.\. ok' "$OUT/regress.log")
failed=$(grep -cE '\.\.\. FAILED' "$OUT/regress.log")
if [ "$status" -ne 0 ]; then
	[ "$failed" -eq 0 ] && failed=1
	[ -f regression.diffs ] && cat regression.diffs
fi
echo "regress $passed $failed" >> "$OUT/counts"

echo "-- pgTAP (test/pgtap/)"
dropdb --if-exists migstat_tap >/dev/null 2>&1
createdb migstat_tap && psql -qX -d migstat_tap -c 'CREATE EXTENSION pgtap'
pg_prove -d migstat_tap test/pgtap/*.sql > "$OUT/pgtap.log" 2>&1
status=$?
cat "$OUT/pgtap.log"
tests=$(sed -nE 's/^Files=[0-9]+, Tests=([0-9]+),.*/\1/p' "$OUT/pgtap.log")
failed=$(sed -nE 's/^Failed ([0-9]+)\/[0-9]+ subtests.*/\1/p' "$OUT/pgtap.log" | awk '{ s += $1 } END { print s + 0 }')
tests=${tests:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "pgtap $((tests > failed ? tests - failed : 0)) $failed" >> "$OUT/counts"

echo "-- docs examples (docs/*.md)"
dropdb --if-exists migstat_docs >/dev/null 2>&1
createdb migstat_docs
/usr/bin/python3 test/docs/check_docs.py migstat_docs > "$OUT/docs.log" 2>&1
status=$?
cat "$OUT/docs.log"
tally docs "$OUT/docs.log" "$status"

echo "-- upgrades: every kept release updated to this one equals a fresh install (test/upgrade/)"
test/upgrade/run.sh > "$OUT/upgrade.log" 2>&1
status=$?
cat "$OUT/upgrade.log"
tally upgrade "$OUT/upgrade.log" "$status"

echo "-- client round trips: psycopg2 and the PostgreSQL JDBC driver (test/clients/)"
dropdb --if-exists migstat_clients >/dev/null 2>&1
createdb migstat_clients
/usr/bin/python3 test/clients/roundtrip_psycopg2.py migstat_clients > "$OUT/python.log" 2>&1
status=$?
grep -v '^ok - ' "$OUT/python.log"
tally python "$OUT/python.log" "$status"
rm -rf "$OUT/java" && mkdir -p "$OUT/java"
JDBC=/usr/share/java/postgresql.jar
if javac -encoding UTF-8 -d "$OUT/java" -cp "$JDBC" test/clients/RoundTrip.java > "$OUT/jdbc.log" 2>&1; then
	java -cp "$JDBC:$OUT/java" RoundTrip migstat_clients >> "$OUT/jdbc.log" 2>&1
	status=$?
else
	status=1
fi
grep -v '^ok - ' "$OUT/jdbc.log"
tally jdbc "$OUT/jdbc.log" "$status"

echo "cluster-suites-done"
