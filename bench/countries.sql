-- migstat benchmark, part 5 (included by bench/bench.sql): the country
-- catalogue.  10,000,000 country codes in a mix like a German city's
-- register (mostly alpha-2, some alpha-3 and lower case), read by
-- country_code() and is_eu_member() against hand-written CASE / IN lists
-- that do the same for the codes of the mix.  Target: <= 1.5x each.

\pset format unaligned
\pset tuples_only on
\echo
\echo 'bench: loading 10,000,000 country codes ...'
CREATE TABLE bench.country_mix (k int, code text, weight int);
INSERT INTO bench.country_mix (k, code, weight)
SELECT row_number() OVER () - 1, c, n FROM (VALUES
	('DE', 600), ('TR', 60), ('PL', 40), ('SY', 40), ('RO', 35), ('UA', 35), ('IT', 25), ('HR', 20),
	('GR', 20), ('AF', 15), ('BG', 20), ('RU', 12), ('XK', 8), ('IQ', 10), ('DEU', 20), ('TUR', 5),
	('de', 10), ('XXX', 5), ('XXA', 3), ('AT', 7)
) AS t(c, n);
CREATE TABLE bench.country_pick AS
SELECT k, code, sum(weight) OVER (ORDER BY k) - weight AS lo, sum(weight) OVER (ORDER BY k) AS hi
FROM bench.country_mix;
CREATE UNLOGGED TABLE bench.country_codes AS
SELECT p.code AS c
FROM (SELECT i, abs(hashint8(i)) % (SELECT sum(weight) FROM bench.country_mix) AS h
	  FROM generate_series(1, 10000000::bigint) AS i) r
JOIN bench.country_pick p ON r.h >= p.lo AND r.h < p.hi;
VACUUM (FREEZE, ANALYZE) bench.country_codes;
SELECT pg_prewarm('bench.country_codes') IS NOT NULL;
SELECT format('countries     %s rows, %s distinct codes', to_char(count(*), 'FM999,999,999'), count(DISTINCT c))
FROM bench.country_codes;

-- The hand-written equivalents know only the codes of the mix: a real CASE
-- would need every code, so the baselines are the cheapest possible.
CREATE TABLE bench.country_cases (ord int PRIMARY KEY, label text, query text, ms float8[] DEFAULT '{}');
INSERT INTO bench.country_cases (ord, label, query) VALUES
	(1, 'baseline: CASE code WHEN ... THEN canonical', $q$SELECT count(CASE c WHEN 'DE' THEN 'DE' WHEN 'DEU' THEN 'DE' WHEN 'de' THEN 'DE'
		WHEN 'TR' THEN 'TR' WHEN 'TUR' THEN 'TR' WHEN 'PL' THEN 'PL' WHEN 'SY' THEN 'SY' WHEN 'RO' THEN 'RO'
		WHEN 'UA' THEN 'UA' WHEN 'IT' THEN 'IT' WHEN 'HR' THEN 'HR' WHEN 'GR' THEN 'GR' WHEN 'AF' THEN 'AF'
		WHEN 'BG' THEN 'BG' WHEN 'RU' THEN 'RU' WHEN 'XK' THEN 'XK' WHEN 'IQ' THEN 'IQ' WHEN 'XXX' THEN 'XXX'
		WHEN 'XXA' THEN 'XXA' WHEN 'AT' THEN 'AT' END) FROM bench.country_codes$q$),
	(2, 'country_code(code)', 'SELECT count(migstat.country_code(c)) FROM bench.country_codes'),
	(3, 'baseline: code IN (EU-27 codes and spellings)', $q$SELECT count(*) FILTER (WHERE c IN ('AT','BE','BG','CY','CZ','DE','DEU','de',
		'DK','EE','ES','FI','FR','GR','HR','HU','IE','IT','LT','LU','LV','MT','NL','PL','PT','RO','SE','SI','SK'))
		FROM bench.country_codes$q$),
	(4, 'is_eu_member(code, date)', $q$SELECT count(*) FILTER (WHERE migstat.is_eu_member(c, DATE '2024-01-01')) FROM bench.country_codes$q$);

\o /dev/null
SELECT bench.time_cases('bench.country_cases', current_setting('bench.runs')::int);
\o

\pset format aligned
\pset tuples_only off
\echo '== countries, 10,000,000 rows, serial; ratio = best ms / best ms of the baseline above it'
\echo '   target: country_code() and is_eu_member() <= 1.5x a hand-written CASE / IN list'
SELECT c.label AS query, round(bench.best(c.ms)::numeric, 1) AS "best ms",
	   round(bench.median(c.ms)::numeric, 1) AS "median ms",
	   round((bench.best(c.ms) / b.ms)::numeric, 2) AS ratio,
	   CASE WHEN c.ord IN (1, 3) THEN ''
			WHEN bench.best(c.ms) / b.ms <= 1.5 THEN 'meets' ELSE 'misses' END AS result
FROM bench.country_cases c
CROSS JOIN LATERAL (SELECT bench.best(ms) AS ms FROM bench.country_cases
					WHERE ord = CASE WHEN c.ord <= 2 THEN 1 ELSE 3 END) b
ORDER BY c.ord;
\o /dev/null
SELECT bench.summarise('countries', c.label, bench.best(c.ms),
					   CASE WHEN c.ord = 2 THEN 'hand-written CASE' ELSE 'hand-written IN list' END, b.ms, '<= 1.5x')
FROM bench.country_cases c
CROSS JOIN LATERAL (SELECT bench.best(ms) AS ms FROM bench.country_cases
					WHERE ord = CASE WHEN c.ord <= 2 THEN 1 ELSE 3 END) b
WHERE c.ord IN (2, 4)
ORDER BY c.ord;
\o
DROP TABLE bench.country_codes;
