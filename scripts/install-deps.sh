#!/usr/bin/env bash
# Installs what building and testing migstat needs on Debian bookworm (as root).
# Idempotent: packages already present are left alone, and apt-get update only
# runs when something is missing.
set -euo pipefail

packages=(
	make gcc
	postgresql-15 postgresql-server-dev-15 postgresql-common
	postgresql-15-postgis-3 postgresql-15-pgtap
	libtap-parser-sourcehandler-pgtap-perl   # pg_prove
	clang-14 libclang-rt-14-dev               # libFuzzer for the fuzz targets
	python3                                   # docs example checker
	python3-psycopg2                          # client round trip (Python)
	libpostgresql-jdbc-java default-jdk-headless  # client round trip (JDBC)
	iso-codes                                 # ISO 3166 lists: gen_countries.py --refresh, and --check's note
)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "install-deps: missing packages: ${missing[*]}; run as root or install them" >&2
		exit 1
	fi
	echo "install-deps: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
