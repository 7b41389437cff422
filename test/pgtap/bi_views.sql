-- Views for BI tools: every view of schema migstat has a comment, only
-- columns of built-in types (a BI tool reads them without knowing migstat's
-- types), is readable by a plain role granted USAGE on the schema, and
-- returns what the function behind it returns.
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS migstat;
BEGIN;
SELECT plan(7);

SELECT cmp_ok((SELECT count(*) FROM pg_views WHERE schemaname = 'migstat'), '>=', 2::bigint,
              'schema migstat has views for BI tools');
SELECT is_empty($$SELECT viewname FROM pg_views WHERE schemaname = 'migstat'
                  AND obj_description(format('migstat.%I', viewname)::regclass, 'pg_class') IS NULL$$,
                'every view has a COMMENT');
SELECT is_empty($$SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                  JOIN pg_type t ON t.oid = a.atttypid
                  WHERE n.nspname = 'migstat' AND c.relkind = 'v'
                    AND t.typnamespace <> 'pg_catalog'::regnamespace$$,
                'every column of every view has a built-in type');
SELECT is((SELECT count(*) FROM migstat.status_catalogue), (SELECT count(*) FROM migstat.residence_statuses()),
          'status_catalogue: one row per catalogue status');
SELECT is_empty($$SELECT status FROM migstat.status_catalogue v
                  WHERE v.status::migstat.residence_status OPERATOR(migstat.<>) (SELECT s.status FROM migstat.residence_statuses() s WHERE s.code = v.code)$$,
                'status_catalogue: the text reads back as the status of its code');

CREATE ROLE migstat_bi_reader;
GRANT USAGE ON SCHEMA migstat TO migstat_bi_reader;
SET LOCAL ROLE migstat_bi_reader;
SELECT is((SELECT count(*) > 0 FROM migstat.status_group_labels), true,
          'a role with USAGE on the schema reads the group labels');
SELECT is((SELECT label_en FROM migstat.status_catalogue WHERE key = 'de.blue_card'), 'EU Blue Card',
          'a role with USAGE on the schema reads the catalogue');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
