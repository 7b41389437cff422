-- migstat benchmark, part 4 (included by bench/bench.sql): the
-- residence_status type.  10,000,000 text values in a realistic mix of
-- register spellings (names, citations in their variants, foreign statuses),
-- cast to residence_status, against the same number of canonical labels cast
-- to a PostgreSQL enum of the same statuses; and GROUP BY on 10,000,000
-- typed rows against GROUP BY on the enum.  Targets: cast <= 2x, group <= 1.2x.

\pset format unaligned
\pset tuples_only on
\echo
\echo 'bench: loading 10,000,000 status spellings ...'
-- The mix: spellings as registers write them, weighted roughly as a city's
-- foreign population is distributed (free movement, permanent titles,
-- humanitarian and family titles, Duldung, Gestattung).
CREATE TABLE bench.spellings (k int, written text, weight int);
INSERT INTO bench.spellings (k, written, weight)
SELECT row_number() OVER () - 1, w, n FROM (VALUES
	('Freizügigkeit', 60), ('§ 2 Abs. 2 Nr. 1 FreizügG/EU', 40), ('§2 Abs 2 Nr 1a FreizuegG/EU', 10),
	('Niederlassungserlaubnis', 40), ('NE', 30), ('§ 9a AufenthG', 20), ('Daueraufenthalt-EU', 20),
	('NE § 26 Abs. 3', 10), ('§ 28 Abs. 2 AufenthG', 10),
	('§ 25 Abs. 2 S. 1 Alt. 1 AufenthG', 20), ('§25 Abs.2 S.1 Alt.2 AufenthG', 15), ('AE §25(2)', 15),
	('25 II 1 AufenthG', 10), ('§ 25 Abs. 1 AufenthG', 5), ('§ 25 Abs. 3 AufenthG', 5), ('§ 25 Abs. 5 AufenthG', 10),
	('§ 24 AufenthG', 40), ('AE § 24 AufenthG (Ukraine)', 10), ('§ 25b AufenthG', 5),
	('§ 30 AufenthG', 20), ('§ 32 AufenthG', 20), ('§ 28 Abs. 1 S. 1 Nr. 1 AufenthG', 10), ('§ 36 Abs. 1 AufenthG', 3),
	('Blaue Karte EU', 15), ('§ 18g Abs. 1 AufenthG', 5), ('§ 18a AufenthG', 10), ('§ 19c Abs. 1 AufenthG', 10),
	('§ 16b Abs. 1 AufenthG', 15), ('§ 16a AufenthG', 5),
	('Duldung', 25), ('Duldung nach § 60a AufenthG', 5), ('§ 60c AufenthG', 3),
	('Aufenthaltsgestattung', 25), ('§ 55 AsylG', 10), ('Fiktionsbescheinigung', 10), ('§ 81 Abs. 4 AufenthG', 5),
	('ohne Aufenthaltsstatus', 2), ('AT: Daueraufenthalt – EU', 1), ('GB: settled status', 1)
) AS t(w, n);
-- the canonical label of each spelling, for the enum side
ALTER TABLE bench.spellings ADD COLUMN canonical text;
UPDATE bench.spellings SET canonical = written::migstat.residence_status::text;
DO $$
BEGIN
	EXECUTE (SELECT format('CREATE TYPE bench.status_enum AS ENUM (%s)',
						   string_agg(quote_literal(canonical), ', ' ORDER BY code))
			 FROM migstat.residence_statuses());
END $$;
-- row i takes the spelling whose cumulative weight covers hash(i)
CREATE TABLE bench.spelling_pick AS
SELECT k, written, canonical, sum(weight) OVER (ORDER BY k) - weight AS lo, sum(weight) OVER (ORDER BY k) AS hi
FROM bench.spellings;
CREATE UNLOGGED TABLE bench.status_text AS
SELECT p.written, p.canonical,
	   -- the same spelling with 0..96 trailing spaces: ~3,800 distinct strings,
	   -- more than the input memo holds, so most reads parse in full
	   p.written || repeat(' ', (r.i % 97)::int) AS padded
FROM (SELECT i, abs(hashint8(i)) % (SELECT sum(weight) FROM bench.spellings) AS h
	  FROM generate_series(1, 10000000::bigint) AS i) r
JOIN bench.spelling_pick p ON r.h >= p.lo AND r.h < p.hi;
CREATE UNLOGGED TABLE bench.status_typed AS
SELECT written::migstat.residence_status AS s, canonical::bench.status_enum AS e FROM bench.status_text;
VACUUM (FREEZE, ANALYZE) bench.status_text;
VACUUM (FREEZE, ANALYZE) bench.status_typed;
SELECT pg_prewarm('bench.status_text') IS NOT NULL, pg_prewarm('bench.status_typed') IS NOT NULL;
SELECT format('status        %s rows, %s distinct spellings of %s statuses (%s in the enum)',
			  to_char(count(*), 'FM999,999,999'), count(DISTINCT written), count(DISTINCT canonical),
			  (SELECT count(*) FROM pg_enum WHERE enumtypid = 'bench.status_enum'::regtype))
FROM bench.status_text;

CREATE TABLE bench.status_cases (ord int PRIMARY KEY, label text, query text, ms float8[] DEFAULT '{}');
INSERT INTO bench.status_cases (ord, label, query) VALUES
	(1, 'baseline: canonical text::enum', 'SELECT count(canonical::bench.status_enum) FROM bench.status_text'),
	(2, 'register spellings text::residence_status', 'SELECT count(written::migstat.residence_status) FROM bench.status_text'),
	(3, 'canonical text::residence_status', 'SELECT count(canonical::migstat.residence_status) FROM bench.status_text'),
	(6, 'informational: distinct strings, full parse each', 'SELECT count(padded::migstat.residence_status) FROM bench.status_text'),
	(4, 'baseline: GROUP BY enum', 'SELECT count(*) FROM (SELECT e, count(*) FROM bench.status_typed GROUP BY e) g'),
	(5, 'GROUP BY residence_status', 'SELECT count(*) FROM (SELECT s, count(*) FROM bench.status_typed GROUP BY s) g');

\o /dev/null
SELECT bench.time_cases('bench.status_cases', current_setting('bench.runs')::int);
\o

\pset format aligned
\pset tuples_only off
\echo '== residence_status, 10,000,000 rows, serial; ratio = best ms / best ms of the baseline above it'
\echo '   targets: cast of register spellings <= 2x the enum cast; GROUP BY <= 1.2x GROUP BY enum'
\echo '   (input reads are memoised per backend: 1,024 slots of strings up to 55 bytes; the last row'
\echo '   defeats the memo and shows the cost of parsing every value, against the same enum baseline)'
SELECT c.label AS query, round(bench.best(c.ms)::numeric, 1) AS "best ms",
	   round(bench.median(c.ms)::numeric, 1) AS "median ms",
	   round((bench.best(c.ms) / b.ms)::numeric, 2) AS ratio,
	   CASE WHEN c.ord IN (1, 4, 6) THEN ''
			WHEN bench.best(c.ms) / b.ms <= CASE WHEN c.ord < 4 THEN 2 ELSE 1.2 END THEN 'meets' ELSE 'misses' END AS result
FROM bench.status_cases c
CROSS JOIN LATERAL (SELECT bench.best(ms) AS ms FROM bench.status_cases
					WHERE ord = CASE WHEN c.ord IN (4, 5) THEN 4 ELSE 1 END) b
ORDER BY c.ord;
\o /dev/null
SELECT bench.summarise('residence_status', c.label, bench.best(c.ms),
					   CASE WHEN c.ord IN (4, 5) THEN 'GROUP BY enum' ELSE 'text::enum' END, b.ms,
					   CASE WHEN c.ord IN (2, 3) THEN '<= 2x' WHEN c.ord = 5 THEN '<= 1.2x' END)
FROM bench.status_cases c
CROSS JOIN LATERAL (SELECT bench.best(ms) AS ms FROM bench.status_cases
					WHERE ord = CASE WHEN c.ord IN (4, 5) THEN 4 ELSE 1 END) b
WHERE c.ord NOT IN (1, 4)
ORDER BY c.ord;
\o
DROP TABLE bench.status_text, bench.status_typed;
