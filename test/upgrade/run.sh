#!/usr/bin/env bash
# The upgrade test (inside a cluster, called by scripts/test-in-cluster.sh):
# for every released version with an upgrade path, install that version,
# ALTER EXTENSION migstat UPDATE to the current one, and compare the
# extension's objects (test/upgrade/describe.sql) with a fresh install.
# Prints "upgrade: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
current=$(sed -nE "s/^default_version = '(.*)'/\1/p" extension/migstat.control)
passed=0
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dropdb --if-exists migstat_fresh >/dev/null 2>&1
createdb migstat_fresh
psql -qX -v ON_ERROR_STOP=1 -d migstat_fresh -c 'CREATE EXTENSION migstat' \
	&& psql -qX -d migstat_fresh -f test/upgrade/describe.sql > "$work/fresh.txt" || { echo "not ok - fresh install"; failed=$((failed + 1)); }

for old in $(ls extension/versions/ | sed -nE 's/^migstat--([0-9.]+)\.sql$/\1/p' | sort -V); do
	db=migstat_from_${old//./_}
	dropdb --if-exists "$db" >/dev/null 2>&1
	createdb "$db"
	if ! psql -qX -v ON_ERROR_STOP=1 -d "$db" \
			-c "CREATE EXTENSION migstat VERSION '$old'" -c 'ALTER EXTENSION migstat UPDATE' > "$work/$old.log" 2>&1; then
		echo "not ok - install $old and update to $current"; cat "$work/$old.log"
		failed=$((failed + 1))
		continue
	fi
	version=$(psql -qXAt -d "$db" -c "SELECT extversion FROM pg_extension WHERE extname = 'migstat'")
	psql -qX -d "$db" -f test/upgrade/describe.sql > "$work/$old.txt"
	if [ "$version" = "$current" ] && diff -u "$work/fresh.txt" "$work/$old.txt" > "$work/$old.diff"; then
		echo "ok - $old updated to $current equals a fresh install ($(wc -l < "$work/fresh.txt") catalogue lines)"
		passed=$((passed + 1))
	else
		echo "not ok - $old updated to $version differs from a fresh $current install:"
		head -n 60 "$work/$old.diff"
		failed=$((failed + 1))
	fi
	dropdb "$db"
done
echo "upgrade: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
