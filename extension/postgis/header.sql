-- migstat_postgis: spatial weights from geometries, spatial segregation
-- indices and local statistics, grid cells, district assignment.  Needs
-- migstat and PostGIS; assembled by the Makefile from extension/postgis/*.sql.
-- The C functions live in migstat's own library (they need no PostGIS
-- headers); the geometry work is done by PostGIS through SQL.

\echo Use "CREATE EXTENSION migstat_postgis CASCADE" to load this file. \quit
