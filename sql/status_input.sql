-- residence_status input: written forms as registers, AZR extracts and case
-- files have them, each with the status it must read as (checked by hand
-- against the catalogue, docs/status-catalogue.md), and malformed inputs
-- with the error each gets.
SET search_path = migstat, public;
\pset null '(null)'

CREATE TEMP TABLE spellings (n serial, written text);
INSERT INTO spellings (written) VALUES
-- refugee / subsidiary protection and their variants
('§ 25 Abs. 2 Satz 1 1. Alt. AufenthG'), ('§25 Abs.2 S.1 Alt.1 AufenthG'),
('25 II 1 1. Alt. AufenthG'), ('AufenthG 25.2.1 Alt. 1'), ('Flüchtlingseigenschaft'),
('GFK-Flüchtling'), ('§ 25 Abs. 2 S. 1 2. Alt. AufenthG'), ('§25 II 1 2. Alt AufenthG'),
('subsidiärer Schutz'), ('AE §25(2)'), ('25 II 1 AufenthG'), ('AufenthG 25.2'),
('Aufenthaltserlaubnis nach § 25 Absatz 2'),
-- other humanitarian titles
('§ 25 Abs. 1 AufenthG'), ('Art. 16a GG'), ('§ 25 Abs. 3 AufenthG'), ('§ 25 Abs. 4 S. 1 AufenthG'),
('§ 25 Abs. 4 Satz 2 AufenthG'), ('§ 25 Abs. 5 AufenthG'), ('§ 25 V AufenthG'), ('§ 25a Abs. 1 AufenthG'),
('§ 25b AufenthG'), ('§ 23 Abs. 1 AufenthG'), ('§ 22 AufenthG'), ('§ 24 AufenthG'),
('AE § 24 AufenthG (Ukraine)'), ('§ 104c AufenthG'), ('Chancen-Aufenthaltsrecht'),
-- education, employment
('§ 16a AufenthG'), ('§ 16b Abs. 1 AufenthG'), ('§ 18a AufenthG'), ('§ 18g Abs. 1 AufenthG'),
('Blaue Karte EU'), ('BK EU'), ('blaue karte'), ('§ 18b Abs. 2 AufenthG'), ('§ 19c Abs. 1 AufenthG'),
('Chancenkarte'),
-- family, special rights
('§ 28 Abs. 1 S. 1 Nr. 1 AufenthG'), ('§ 30 AufenthG'), ('§ 32 AufenthG'), ('§ 36 Abs. 1 AufenthG'),
('§ 37 AufenthG'), ('§ 38a AufenthG'),
-- permanent titles
('Niederlassungserlaubnis'), ('NE'), ('NE § 26 Abs. 3'), ('Niederlassungserlaubnis nach § 28 Abs. 2 AufenthG'),
('§ 35 AufenthG'), ('§ 18c Abs. 2 AufenthG'), ('Daueraufenthalt-EU'), ('Erlaubnis zum Daueraufenthalt – EU'),
('§ 9a AufenthG'),
-- not titles
('Duldung'), ('Duldung nach § 60a AufenthG'), ('§ 60a Abs. 2 S. 1 AufenthG'), ('§ 60a AufenthG (Duldung)'),
('§ 60b AufenthG'), ('Ausbildungsduldung'), ('§ 60c AufenthG'), ('Beschäftigungsduldung'),
('Aufenthaltsgestattung'), ('Gestattung'), ('§ 55 AsylG'), ('§ 55 Abs. 1 AsylVfG'),
('Aufenthaltsgestattung (§ 55 AsylG)'), ('Ankunftsnachweis'),
('Fiktionsbescheinigung'), ('§ 81 Abs. 4 AufenthG'), ('§ 81 Abs. 3 S. 1 AufenthG'), ('§ 81 III 2 AufenthG'),
('vollziehbar ausreisepflichtig'), ('Grenzübertrittsbescheinigung'), ('ohne Aufenthaltsstatus'),
('Visum'), ('nationales Visum'), ('Aufenthaltserlaubnis'), ('AE'),
-- free movement
('§ 2 Abs. 2 Nr. 1 FreizügG/EU'), ('§ 2 Abs. 2 Nr. 1a FreizügG/EU'), ('§ 2 II Nr. 5 FreizügG/EU'),
('§2 Abs 2 Nr 6 FreizuegG/EU'), ('Freizügigkeit'), ('§ 4a FreizügG/EU'),
-- spacing and case
('  DULDUNG  '), ('§§ 25 Abs. 2 S. 1 Alt. 1 AufenthG i.V.m. § 26 Abs. 1 AufenthG'),
('aufenthg §25 abs 2 s 1 alt 1'), ('§ 25 Abs 2 S 1 Alt 1 AufenthG a.F.'),
-- other jurisdictions
('AT: Daueraufenthalt – EU'), ('GB: settled status'), ('UK: pre-settled status'),
('SE: permanent uppehållstillstånd'), ('FR: carte de résident');

SELECT n, written, written::residence_status AS status, jurisdiction(written::residence_status)
FROM spellings ORDER BY n;
SELECT count(*) AS spellings, count(DISTINCT written::residence_status) AS statuses FROM spellings;

-- the law of a date: § 19a was the Blaue Karte until 29.02.2020, § 25 Abs. 2
-- only the refugee status until 30.11.2013
SELECT residence_status('§ 19a AufenthG', '2015-06-01') AS "2015",
       residence_status('§ 25 Abs. 2 AufenthG', '2010-01-01') AS "2010",
       residence_status('§ 25 Abs. 2 AufenthG', '2020-01-01') AS "2020";

-- malformed: each with its error (22P02, the position, a hint where one helps)
\set VERBOSITY default
SELECT ''::residence_status;
SELECT '   '::residence_status;
SELECT '@@'::residence_status;
SELECT '§ 25 Abs. 2 $'::residence_status;
SELECT '§ 25 Abs. 2 Abs. 3 AufenthG'::residence_status;
SELECT '§ 99 AufenthG'::residence_status;
SELECT '§ 25 Abs. 2 Alt. 3 AufenthG'::residence_status;
SELECT '§ 25 Abs. 4 AufenthG'::residence_status;
SELECT 'Blau Karte'::residence_status;
SELECT 'Dulding'::residence_status;
SELECT 'Niederlasungserlaubnis'::residence_status;
SELECT '§'::residence_status;
SELECT 'AufenthG'::residence_status;
SELECT 'Gestattung § 60a'::residence_status;
SELECT 'NE § 25 Abs. 5'::residence_status;
SELECT 'XX: Duldung'::residence_status;
SELECT 'AT: Duldung nach § 60a'::residence_status;
SELECT '§ 99999 AufenthG'::residence_status;
SELECT '§ 25 Abs. 2 AufenthG AsylG'::residence_status;
SELECT '§ 0 AufenthG'::residence_status;
SELECT '§ 25 Abs.'::residence_status;
SELECT 'Abs. 2'::residence_status;
SELECT '§ 25 (Abs. foo)'::residence_status;
SELECT '25 Abs 2 S 1 Alt'::residence_status;
SELECT '§ 20a AufenthG'::residence_status;
SELECT '§ 25 Abs. 4a AufenthG'::residence_status;
SELECT 'EU-Daueraufenthalt'::residence_status;
SELECT 'Asylbewerberin'::residence_status;
SELECT 'Aufenthaltserlaubnis nach'::residence_status;
SELECT '§ 2 Abs. 2 Nr. 1 AufenthG'::residence_status;
SELECT '§ 60a Abs. 2 S. 1 AufenthG ✓'::residence_status;
SELECT repeat('Duldung ', 40)::residence_status;
SELECT residence_status('§ 19a AufenthG', 'infinity');
SELECT residence_status('§ 18g AufenthG', '2010-01-01');
