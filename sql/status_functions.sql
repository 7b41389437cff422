-- What the catalogue says about a status, rules over time, histories and
-- the data audit.  Expected values are checked by hand against the law as
-- summarised in docs/status-law.md (paragraphs cited next to each query).
SET search_path = migstat, public;
\pset null '(null)'

CREATE TEMP TABLE sample (s residence_status);
INSERT INTO sample VALUES ('Blaue Karte EU'), ('§ 25 Abs. 2 S. 1 Alt. 1 AufenthG'), ('§ 26 Abs. 3 AufenthG'),
  ('Duldung'), ('Gestattung'), ('§ 2 Abs. 2 Nr. 1a FreizügG/EU'), ('ohne Aufenthaltsstatus'),
  ('§ 9a AufenthG'), ('§ 16b AufenthG'), ('§ 30 AufenthG'), ('§ 81 Abs. 4 AufenthG'), ('GB: pre-settled status');

-- classifications: § 4 AufenthG (titles), Destatis 12521 / 12531 groups,
-- Kapitel 2 Abschnitte, § 4a AufenthG (work), § 26 Abs. 1 S. 2 (3 years)
SELECT s, jurisdiction(s) AS j, auslaenderstatistik_group(s) AS auslaender, schutzsuchende_group(s) AS schutz,
       residence_purpose(s) AS abschnitt, is_residence_title(s) AS title, is_permanent(s) AS perm,
       precarity_reason(s) AS precarious, work_rule(s) AS work, permits_work(s), max_validity(s)
FROM sample ORDER BY s;
SELECT s, label(s), label(s, 'en'), cross_national_category(s), document_kind(s), status_key(s), status_code(s)
FROM sample ORDER BY s;
SELECT label('Duldung', 'fr');

-- benefit regimes over time (§ 1 AsylbLG)
-- § 24: AsylbLG until 31.05.2022, SGB II/XII from 01.06.2022; from 01.07.2026
-- "depends" (a change back for arrivals after 31.03.2025 is not verified in force)
SELECT d, benefit_regime('§ 24 AufenthG', d) FROM unnest(ARRAY['2022-05-31', '2022-06-01', '2026-06-30', '2026-07-01']::date[]) d;
-- § 25 Abs. 5, suspension decided 15.07.2022: 18 months are reached on
-- 15.01.2024; the AsylbLG ends with January 2024 (§ 1 Abs. 3 AsylbLG), the
-- SGB II/XII apply from 01.02.2024.  Without the date: depends.  Before
-- 01.03.2015 always AsylbLG.
SELECT d, benefit_regime('§ 25 Abs. 5 AufenthG', d, '2022-07-15') AS with_date,
       benefit_regime('§ 25 Abs. 5 AufenthG', d) AS without
FROM unnest(ARRAY['2023-12-31', '2024-01-15', '2024-01-31', '2024-02-01']::date[]) d;
SELECT benefit_regime('§ 25 Abs. 5 AufenthG', '2014-12-01', '2010-01-01');
-- § 25 Abs. 4a: AsylbLG until 28.02.2015
SELECT benefit_regime('§ 25 Abs. 4a S. 1 AufenthG', '2015-02-28'), benefit_regime('§ 25 Abs. 4a S. 1 AufenthG', '2015-03-01');
-- the rest of the sample on one day; a status not yet in law that day is NULL
SELECT s, benefit_rule(s), benefit_regime(s, '2025-01-01') FROM sample ORDER BY s;
SELECT benefit_regime('§ 20a Abs. 5 S. 1 AufenthG', '2020-01-01') AS chancenkarte_2020,
       in_force('§ 20a Abs. 5 S. 1 AufenthG', '2020-01-01'), in_force('§ 20a Abs. 5 S. 1 AufenthG', '2025-01-01');
SELECT benefit_regime(NULL, '2025-01-01'), benefit_regime('Duldung', NULL);
SELECT benefit_regime('Duldung', '2004-12-31');
SELECT benefit_regime('§ 25 Abs. 5 AufenthG', '2024-01-01', '2024-06-01');
SELECT benefit_regime('§ 25 Abs. 5 AufenthG', '2024-01-01', 'infinity');

-- renewal: the invitation list three months ahead (permanent and free
-- movement statuses never fall due)
SELECT s, renewal_due(s, '2025-03-15', '2025-01-01') AS due_3m, renewal_due(s, '2025-03-15', '2025-01-01', '1 month') AS due_1m,
       renewal_due(s, NULL, '2025-01-01') AS unknown_until, needs_renewal(s)
FROM sample ORDER BY s;

-- histories: the status on a date, and changes of benefit regime
CREATE TEMP TABLE history (person int, status residence_status, since date);
INSERT INTO history VALUES
  (1, 'Gestattung', '2015-09-01'), (1, '§ 25 Abs. 2 S. 1 Alt. 1 AufenthG', '2016-11-15'), (1, '§ 26 Abs. 3 AufenthG', '2022-03-01'),
  (2, 'Duldung', '2018-01-10'), (2, '§ 25 Abs. 5 AufenthG', '2019-05-01'), (2, '§ 25b AufenthG', '2024-02-01'),
  (3, '§ 24 AufenthG', '2022-03-20'),
  (4, NULL, '2020-01-01'), (4, 'Duldung', NULL);
SELECT person, status_on(status, since, '2017-01-01') AS "2017", status_on(status, since, '2022-12-31') AS "2022",
       status_on(status, since, '2010-01-01') AS "2010"
FROM history GROUP BY person ORDER BY person;
-- Rechtskreiswechsel: the regime at each change of status, and at the two
-- dates the law changed for the same status (§ 24 on 01.06.2022; § 25 Abs. 5
-- after 18 months, here from the first Duldung, 10.01.2018)
WITH events AS (
  SELECT person, since AS day, status FROM history WHERE status IS NOT NULL AND since IS NOT NULL
  UNION ALL SELECT 3, date '2022-06-01', '§ 24 AufenthG'
  UNION ALL SELECT 2, date '2019-08-01', '§ 25 Abs. 5 AufenthG'
), regimes AS (
  SELECT person, day, status,
         benefit_regime(status, day, CASE WHEN person = 2 THEN date '2018-01-10' END) AS regime
  FROM events
)
SELECT person, day, status, lag(regime) OVER w AS regime_before, regime
FROM regimes WINDOW w AS (PARTITION BY person ORDER BY day)
ORDER BY person, day;

-- the catalogue and its labels
SELECT jurisdiction, count(*), count(*) FILTER (WHERE is_residence_title) AS titles,
       count(*) FILTER (WHERE is_precarious) AS precarious
FROM residence_statuses() GROUP BY jurisdiction ORDER BY min(code);
SELECT auslaenderstatistik_group, count(*) FROM residence_statuses() WHERE jurisdiction = 'DE' GROUP BY 1 ORDER BY 1;
SELECT schutzsuchende_group, count(*) FROM residence_statuses() WHERE jurisdiction = 'DE' GROUP BY 1 ORDER BY 1;
SELECT classification, count(*) FROM residence_status_groups() GROUP BY 1 ORDER BY 1;
-- every code a function returns has a label
SELECT c.code, 'auslaender' FROM residence_statuses() c
WHERE c.auslaenderstatistik_group NOT IN (SELECT code FROM residence_status_groups() WHERE classification = 'auslaender')
UNION ALL SELECT c.code, 'schutz' FROM residence_statuses() c
WHERE c.schutzsuchende_group NOT IN (SELECT code FROM residence_status_groups() WHERE classification = 'schutz')
UNION ALL SELECT c.code, 'cross' FROM residence_statuses() c
WHERE c.cross_national_category NOT IN (SELECT code FROM residence_status_groups() WHERE classification = 'cross');

-- the data audit: direct columns, arrays, domains, row types, views
CREATE SCHEMA audit_demo;
CREATE DOMAIN audit_demo.status_d AS residence_status;
CREATE TYPE audit_demo.episode AS (status residence_status, since date);
CREATE TABLE audit_demo.persons (id int, status residence_status, past residence_status[], note text);
CREATE TABLE audit_demo.cases (id int, s audit_demo.status_d, episodes audit_demo.episode[]);
CREATE VIEW audit_demo.v AS SELECT id, status FROM audit_demo.persons;
CREATE TABLE audit_demo.clean (id int, status text);
SELECT * FROM status_columns() WHERE table_schema = 'audit_demo';
DROP SCHEMA audit_demo CASCADE;
