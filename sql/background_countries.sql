-- The country catalogue (docs/countries.md): codes in every written form,
-- the specials, former and ambiguous codes, memberships on boundary days,
-- groups, the catalogue tables, and errors with their SQLSTATE.  Expected
-- dates are those of the treaties cited in extension/background/country_rules.txt.
SET search_path = migstat, public;
SET datestyle = 'ISO, YMD';
\pset null '(null)'
\set VERBOSITY default

-- codes: alpha-2, alpha-3, numeric (with or without leading zeros), case,
-- blanks, aliases (UK, EL: EU style guide; D: ICAO 9303), Kosovo, specials
SELECT c, country_code(c), country_name(c), country_name(c, 'en')
FROM unnest(ARRAY['DE', 'deu', ' 276 ', 'd', 'tr', 'TUR', '4', '004', 'UK', 'EL', 'XK', 'XKX',
                  'XXA', 'stateless', 'Staatenlos', 'XXX', 'ungeklärt', 'Unknown']) c;

-- former countries (ISO 3166-3): alpha-2, alpha-3, alpha-4 and numeric
-- codes; BY and SK now name Belarus and Slovakia, BYS and SKM the former ones
SELECT c, country_code(c), country_name(c, 'en'), country_successors(c)
FROM unnest(ARRAY['SU', 'SUN', '810', 'DD', 'DDR', 'YU', '890', 'CSK', 'CSHH', 'SCG', 'CSXX', 'BY', 'BYS', 'SK', 'SKM']) c;

-- EU accession days: the day before and the day itself
SELECT c, d, is_eu_member(c, d::date) FROM (VALUES
  ('FR', '1957-12-31'), ('FR', '1958-01-01'), ('DK', '1972-12-31'), ('DK', '1973-01-01'),
  ('GR', '1980-12-31'), ('GR', '1981-01-01'), ('ES', '1985-12-31'), ('PT', '1986-01-01'),
  ('AT', '1994-12-31'), ('SE', '1995-01-01'), ('PL', '2004-04-30'), ('CZ', '2004-05-01'),
  ('BG', '2006-12-31'), ('RO', '2007-01-01'), ('HR', '2013-06-30'), ('HR', '2013-07-01')) v(c, d);

-- Brexit: member until 31.01.2020 (Withdrawal Agreement Art. 185); free
-- movement through the transition period to 31.12.2020 (Art. 126, 127)
SELECT d, is_eu_member('GB', d) AS eu, is_eea_member('GB', d) AS eea, has_free_movement('GB', d) AS free_movement
FROM unnest(ARRAY['2020-01-31', '2020-02-01', '2020-12-31', '2021-01-01']::date[]) d;

-- EEA: 01.01.1994; Liechtenstein 01.05.1995; BG/RO 01.08.2007; HR 12.04.2014;
-- Switzerland is not in the EEA but has free movement from 01.06.2002
SELECT c, d, is_eu_member(c, d) AS eu, is_eea_member(c, d) AS eea, has_free_movement(c, d) AS free_movement
FROM (SELECT c, d::date FROM (VALUES ('NO', '1993-12-31'), ('NO', '1994-01-01'), ('LI', '1995-04-30'), ('LI', '1995-05-01'),
             ('AT', '1994-06-01'), ('BG', '2007-07-31'), ('BG', '2007-08-01'), ('HR', '2014-04-11'),
             ('HR', '2014-04-12'), ('CH', '2002-05-31'), ('CH', '2002-06-01'), ('DE', '2024-01-01'),
             ('TR', '2024-01-01'), ('XXA', '2024-01-01'), ('SU', '1980-01-01')) v(c, d)) w;

-- German transitional restrictions on workers: last day and the day after
SELECT c, d, free_movement_of_workers_restricted(c, d) AS restricted, has_free_movement(c, d) AS free_movement
FROM (SELECT c, d::date FROM (VALUES ('PL', '2004-04-30'), ('PL', '2004-05-01'), ('PL', '2011-04-30'), ('PL', '2011-05-01'),
             ('RO', '2013-12-31'), ('RO', '2014-01-01'), ('HR', '2015-06-30'), ('HR', '2015-07-01'),
             ('MT', '2004-05-01'), ('GR', '1987-12-31'), ('GR', '1988-01-01'), ('ES', '1991-12-31'),
             ('ES', '1992-01-01'), ('IT', '1968-11-07'), ('IT', '1968-11-08')) v(c, d)) w;

-- groups
SELECT c, country_groups(c), is_aussiedler_area(c) FROM unnest(ARRAY['PL', 'RO', 'KZ', 'SU', 'CSK', 'XK',
  'SY', 'GB', 'DE', 'DD', 'CN', 'XXX']) c;
SELECT in_country_group('MK', 'western_balkans'), in_country_group('HR', 'Western-Balkans'),
       in_country_group('IT', 'EU-14'), in_country_group('de', 'eu14'), in_country_group('ER', 'asylum_origin_8');
SELECT country_group, label_de, members, length(source) > 0 AS has_source FROM country_groups();

-- the catalogue as tables
SELECT count(*), count(*) FILTER (WHERE kind = 'iso') AS iso, count(*) FILTER (WHERE kind = 'former') AS former,
       count(*) FILTER (WHERE eu_from IS NOT NULL) AS ever_eu,
       count(*) FILTER (WHERE eu_from IS NOT NULL AND eu_to IS NULL) AS eu_now
FROM countries();
SELECT code, alpha3, numeric_code, kind, name_de, eu_from, eu_to, eea_from, eea_to, free_movement_from,
       free_movement_to, workers_restricted_from, workers_restricted_to, groups
FROM countries() WHERE code IN ('GB', 'PL', 'CH', 'DE', 'XK', 'XXA') ORDER BY code;
SELECT code, iso_alpha2, alpha4, iso_withdrawn, state_from, state_to, successors
FROM countries() WHERE kind = 'former' AND state_from IS NOT NULL ORDER BY code;
SELECT relation, count(*) FROM country_memberships() GROUP BY relation ORDER BY relation;
-- EU members on 2004-05-01: 25; on 2020-01-31: 28; on 2020-02-01: 27
SELECT d, count(*) FILTER (WHERE is_eu_member(code, d)) FROM countries(), unnest(ARRAY['2004-05-01', '2020-01-31', '2020-02-01']::date[]) d
GROUP BY d ORDER BY d;

-- NULL in, NULL out (the functions are STRICT)
SELECT country_code(NULL) IS NULL AS a, is_eu_member('DE', NULL) IS NULL AS b,
       is_eu_member(NULL, '2020-01-01') IS NULL AS c, country_name('DE', NULL) IS NULL AS d;

-- errors: unknown codes (with a suggestion where one is close), ambiguous
-- codes with their alternatives, bad languages, groups and dates; each
-- shown as SQLSTATE: message / detail / hint
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	msg text; det text; hin text;
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, hin = PG_EXCEPTION_HINT;
	RETURN SQLSTATE || ': ' || msg || coalesce(nullif(' / ' || det, ' / '), '') || coalesce(nullif(' / ' || hin, ' / '), '');
END $$;
\pset format unaligned
SELECT pg_temp.err(q) FROM unnest(ARRAY[
  $q$SELECT country_code('CS')$q$,
  $q$SELECT country_code(' 891')$q$,
  $q$SELECT country_code('Germany')$q$,
  $q$SELECT country_code('Polen ')$q$,
  $q$SELECT country_code('ZZ')$q$,
  $q$SELECT country_code('')$q$,
  $q$SELECT country_code('D E')$q$,
  $q$SELECT country_code(repeat('x', 100))$q$,
  $q$SELECT is_eu_member('Frankreich', '2020-01-01')$q$,
  $q$SELECT is_eu_member('CS', '1990-01-01')$q$,
  $q$SELECT country_name('DE', 'fr')$q$,
  $q$SELECT in_country_group('DE', 'eu27')$q$,
  $q$SELECT is_eu_member('DE', 'infinity')$q$,
  $q$SELECT has_free_movement('PL', '-infinity')$q$]) q;
