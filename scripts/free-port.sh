#!/usr/bin/env bash
# Prints a PostgreSQL port with no server socket yet, so a throwaway cluster
# (pg_virtualenv -t) does not collide with another one running on this machine
# (temporary clusters are not registered system-wide, so pg_createcluster
# cannot see them).
for port in $(seq 5432 5499); do
	if [ ! -e "/var/run/postgresql/.s.PGSQL.$port" ] && [ ! -e "/tmp/.s.PGSQL.$port" ]; then
		echo "$port"
		exit 0
	fi
done
echo "free-port: no free port in 5432-5499" >&2
exit 1
