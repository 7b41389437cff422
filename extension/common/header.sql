-- migstat: German residence law, migration background and segregation
-- indices in PostgreSQL.  Assembled by the Makefile from extension/*/*.sql.

\echo Use "CREATE EXTENSION migstat" to load this file. \quit
