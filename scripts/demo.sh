#!/usr/bin/env bash
# The demo: installs what it needs, builds and installs migstat and
# migstat_postgis, starts a throwaway cluster (pg_virtualenv -t), then
#   part 1 (scripts/demo-city.sql): builds a synthetic city of 600,000
#     persons in 60 districts and shows residence statuses, migration
#     background under every definition, segregation with inference, spatial
#     and local statistics, protected counts, and writes a map of the LISA
#     clusters to demo-output/city-map.svg;
#   part 2 (scripts/demo.sql): the Sacramento tracts checked against PySAL.
# DEMO_PERSONS=60000 make demo   runs part 1 on a smaller city.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
make -s
make -s install >/dev/null
mkdir -p demo-output
pg_virtualenv -t -c "-p $(scripts/free-port.sh)" \
	psql -X -q -v ON_ERROR_STOP=1 -v persons="${DEMO_PERSONS:-600000}" -v map=demo-output/city-map.svg \
		-f scripts/demo-city.sql -f scripts/demo.sql 2>&1 \
	| grep -vE '^[0-9-]+ [0-9:.]+ UTC \[[0-9]+\] LOG:'
echo
echo "demo: the map of LISA clusters is in demo-output/city-map.svg"
