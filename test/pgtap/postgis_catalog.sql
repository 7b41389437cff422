-- Catalogue properties of migstat_postgis: every function has a COMMENT and
-- the intended volatility and parallel safety.  The exact lists below are
-- those of the weights, grid and district parts (this file's area); the
-- spatial indices (STABLE, PARALLEL SAFE) are checked in postgis_indices.sql.  The weights builders and
-- everything else that runs a caller's query text or creates a temporary
-- table are VOLATILE and PARALLEL UNSAFE (a temporary table cannot be
-- created in a parallel worker, nor by the leader in parallel mode); the
-- grid functions are IMMUTABLE; the two catalog readers STABLE.
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS migstat_postgis CASCADE;
BEGIN;
SELECT plan(8);

CREATE TEMP VIEW pg_fns AS
SELECT p.oid, p.oid::regprocedure::text AS sig, p.proname::text AS name, p.provolatile, p.proparallel,
	   p.proname ~ '^(weights_|grid_|assign_points$|unassigned_points$|postgis_schema$|srid_is_geographic$|postgis_input_error$)' AS mine
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'migstat_postgis';

SELECT is((SELECT nspname::text FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
           WHERE extname = 'migstat_postgis'), 'migstat', 'migstat_postgis lives in schema migstat');
SELECT cmp_ok((SELECT count(*) FROM pg_fns), '>=', 20::bigint, 'the functions are members of migstat_postgis');
SELECT is_empty($$SELECT sig FROM pg_fns WHERE obj_description(oid, 'pg_proc') IS NULL$$,
                'every migstat_postgis function has a COMMENT');
SELECT is((SELECT string_agg(name, ', ' ORDER BY name) FROM pg_fns WHERE provolatile = 'v' AND proparallel = 'u'),
          'assign_points, grid_counts, unassigned_points, weights_boundary_length, weights_distance_band, '
          'weights_distance_decay, weights_explain, weights_islands, weights_kernel, weights_knn, weights_queen, '
          'weights_rook, weights_row_standardised, weights_units_table',
          'VOLATILE and PARALLEL UNSAFE: exactly the functions that run query texts or create temporary tables');
SELECT is((SELECT string_agg(name, ', ' ORDER BY name) FROM pg_fns WHERE provolatile = 'i' AND mine),
          'grid_cell_id, grid_cell_id, grid_cell_id_of_point, grid_cell_id_other, grid_cell_parse, grid_cell_polygon, grid_point_rejected, '
          'weights_both_directions, weights_check_positive',
          'IMMUTABLE: the grid functions and the pure helpers');
SELECT is((SELECT string_agg(name, ', ' ORDER BY name) FROM pg_fns WHERE provolatile = 's' AND mine),
          'postgis_schema, srid_is_geographic', 'STABLE: the two catalog readers');
SELECT is_empty($$SELECT sig FROM pg_fns WHERE proparallel <> 's' AND NOT (provolatile = 'v' AND proparallel = 'u')$$,
                'every other function is PARALLEL SAFE');
SELECT is((SELECT string_agg(sig, ', ' ORDER BY sig) FROM pg_fns WHERE provolatile = 'v' AND proparallel = 's'),
          'migstat.postgis_input_error(text,text,text,text)',
          'the one VOLATILE PARALLEL SAFE function only raises an error');

SELECT * FROM finish();
ROLLBACK;
