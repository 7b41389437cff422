#!/usr/bin/env bash
# The demo: installs what it needs, builds and installs migstat, starts a
# throwaway cluster, loads the Sacramento tracts and prints a report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
make -s
make -s install >/dev/null
pg_virtualenv -t -c "-p $(scripts/free-port.sh)" psql -X -q -v ON_ERROR_STOP=1 -f scripts/demo.sql 2>&1 \
	| grep -vE '^[0-9-]+ [0-9:.]+ UTC \[[0-9]+\] LOG:'
