-- Migration-background definitions on a register of hand-made cases.
-- Each case carries, next to its record, the category every definition must
-- give and the rule it follows (rule numbers: docs/migration-background.md).
-- The first query prints the matrix; the second must return no rows (a row
-- is a case whose result differs from the expected one).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS migstat;
SET search_path = public, migstat;

\i test/data/background/cases.sql

CREATE VIEW bg_derived AS
WITH f AS (
    SELECT r.*, migstat.background_features(citizenship1, citizenship2, german_acquisition,
               birth_country, immigration_year, moved_in_from, birth_date, reference_date) AS bf
    FROM bg_register r
)
SELECT p.person_id, p.label,
       migstat.mikrozensus2005_narrow(p.bf, m.bf, fa.bf, p.mother_in_household, p.father_in_household)::text AS mz_narrow,
       migstat.mikrozensus2005_wide(p.bf, m.bf, fa.bf)::text AS mz_wide,
       migstat.destatis_background(p.bf, m.bf, fa.bf)::text AS destatis,
       migstat.einwanderungsgeschichte(p.bf, m.bf, fa.bf)::text AS eg,
       migstat.zensus2022_einwanderungsgeschichte(p.bf, m.bf, fa.bf)::text AS z2022,
       migstat.mighev_background(p.bf, m.bf, fa.bf)::text AS mighev,
       migstat.zensus2011_background(p.bf, m.bf, fa.bf)::text AS z2011,
       migstat.migrapro(p.bf, m.bf, fa.bf)::text AS migrapro,
       migstat.migrapro_reference_country(p.bf, m.bf, fa.bf) AS migrapro_country,
       migstat.zensus2011_reference_country(p.bf, m.bf, fa.bf) AS z2011_country,
       migstat.background_contradiction(p.bf) AS contradiction
FROM f p
LEFT JOIN f m ON m.person_id = p.mother_id
LEFT JOIN f fa ON fa.person_id = p.father_id;

-- The matrix.
\x on
SELECT * FROM bg_derived ORDER BY person_id;
\x off

-- Cases whose result differs from the expected one (none).
SELECT r.person_id, d.label, e.definition, e.expected, e.got
FROM bg_register r JOIN bg_derived d USING (person_id)
CROSS JOIN LATERAL (VALUES
    ('mz_narrow', r.mz_narrow, d.mz_narrow), ('mz_wide', r.mz_wide, d.mz_wide),
    ('destatis', r.destatis, d.destatis), ('eg', r.eg, d.eg), ('z2022', r.z2022, d.z2022),
    ('mighev', r.mighev, d.mighev), ('z2011', r.z2011, d.z2011), ('migrapro', r.migrapro, d.migrapro)
) AS e(definition, expected, got)
WHERE e.expected IS DISTINCT FROM e.got
ORDER BY 1, 3;

-- The same population under every definition: who has a background.
SELECT d.person_id, d.label,
       has_migration_background(d.mz_narrow::mikrozensus2005_group) AS mz_narrow,
       has_migration_background(d.mz_wide::mikrozensus2005_group) AS mz_wide,
       has_migration_background(d.destatis::destatis_group) AS destatis,
       has_migration_background(d.eg::einwanderungsgeschichte_group) AS eg,
       has_migration_background(d.mighev::mighev_group) AS mighev,
       has_migration_background(d.z2011::zensus2011_group) AS z2011,
       has_migration_background(d.migrapro::migrapro_group) AS migrapro
FROM bg_derived d
WHERE d.person_id < 100
ORDER BY 1;

-- Differences the definitions imply, as assertions (each must be true).
SELECT 'one immigrant parent: a background under Mikrozensus, Destatis, MighEV, Zensus 2011, MigraPro; not under Einwanderungsgeschichte' AS claim,
       mz_wide = 'deutsch_kind_zugewanderter' AND destatis = 'nachkomme' AND mighev = 'elternteil_zugewandert'
       AND z2011 = 'deutsch_elternteil_zugewandert' AND migrapro = 'familiaer' AND eg = 'einseitig' AS holds
FROM bg_derived WHERE person_id = 8
UNION ALL
SELECT 'German born abroad to German parents: Mikrozensus 2005 counts, current Destatis wording does not',
       mz_wide = 'deutsch_zugewandert' AND destatis = 'ohne'
FROM bg_derived WHERE person_id = 7
UNION ALL
SELECT 'naturalised, born here, parents moved in after 1955: Zensus 2011 and MighEV count her through the parents, the others by her naturalisation',
       z2011 = 'deutsch_elternteil_zugewandert' AND mighev = 'elternteil_zugewandert'
FROM bg_derived WHERE person_id = 3
UNION ALL
SELECT 'the reform changes MigraPro for a German by descent with a second citizenship',
       (SELECT migrapro FROM bg_derived WHERE person_id = 13) = 'zweite_staatsangehoerigkeit'
       AND (SELECT migrapro FROM bg_derived WHERE person_id = 14) = 'ohne'
UNION ALL
SELECT 'narrow vs wide sense: parents outside the household count only in the wide sense',
       mz_narrow = 'ohne' AND mz_wide = 'deutsch_kind_zugewanderter'
FROM bg_derived WHERE person_id = 17
UNION ALL
SELECT 'Einwanderungsgeschichte ignores citizenship: a foreigner born here to immigrants is a Nachkomme',
       eg = 'nachkomme' AND mz_wide = 'auslaender_in_deutschland_geboren'
FROM bg_derived WHERE person_id = 1;

-- Counts per definition over the 18 cases (has background / none / not determinable).
SELECT definition,
       count(*) FILTER (WHERE b) AS yes, count(*) FILTER (WHERE NOT b) AS no,
       count(*) FILTER (WHERE b IS NULL) AS unknown
FROM bg_derived d
CROSS JOIN LATERAL (VALUES
    ('1 mz_narrow', has_migration_background(d.mz_narrow::mikrozensus2005_group)),
    ('2 mz_wide', has_migration_background(d.mz_wide::mikrozensus2005_group)),
    ('3 destatis', has_migration_background(d.destatis::destatis_group)),
    ('4 einwanderungsgeschichte', has_migration_background(d.eg::einwanderungsgeschichte_group)),
    ('5 zensus2022', has_migration_background(d.z2022::einwanderungsgeschichte_group)),
    ('6 mighev', has_migration_background(d.mighev::mighev_group)),
    ('7 zensus2011', has_migration_background(d.z2011::zensus2011_group)),
    ('8 migrapro', has_migration_background(d.migrapro::migrapro_group))
) AS x(definition, b)
WHERE d.person_id < 100
GROUP BY definition ORDER BY definition;

-- Readable features.
SELECT person_id, background_features_text(background_features(citizenship1, citizenship2,
       german_acquisition, birth_country, immigration_year, moved_in_from, birth_date, reference_date))
FROM bg_register WHERE person_id IN (7, 14, 18) ORDER BY 1;

-- Only "born abroad" known (no country): the optional last argument.
SELECT background_features_text(background_features('DE', NULL, 'descent', NULL, 2001, NULL,
       '1999-01-01', '2025-01-01', born_abroad => true));

-- NULLs: a NULL person gives NULL; NULL parents are "no parent linked".
SELECT migrapro(NULL, NULL, NULL) IS NULL AS null_person,
       einwanderungsgeschichte(background_features('SY', NULL, NULL, 'SY', 2015, NULL, NULL, '2025-01-01'), NULL, NULL) AS no_parents_needed;

-- Bad input.
\set VERBOSITY default
\set ON_ERROR_STOP 0
SELECT background_features('QQ', NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT background_features('DE', 'CS', NULL, NULL, NULL, NULL, NULL, NULL);
SELECT background_features('DE', NULL, NULL, 'XXA', NULL, NULL, NULL, NULL);
SELECT background_features('DE', NULL, NULL, 'DE', NULL, 'Mars', NULL, NULL);
SELECT background_features('TR', NULL, NULL, 'TR', 1500, NULL, NULL, NULL);
SELECT background_features('TR', NULL, NULL, 'TR', NULL, NULL, 'infinity', NULL);
SELECT background_features('DE', NULL, 'kaputt', NULL, NULL, NULL, NULL, NULL);
SELECT migrapro(42, NULL, NULL);
SELECT migrapro(background_features('DE', NULL, NULL, 'DE', NULL, NULL, NULL, NULL), 7, NULL);
\set ON_ERROR_STOP 1

-- Every contradiction the record check knows, with its message.
SELECT c, background_contradiction(f) AS contradiction, migrapro(f, NULL, NULL)
FROM (VALUES
  (1, background_features(NULL, 'TR', NULL, 'TR', NULL, NULL, NULL, '2025-01-01')),
  (2, background_features('TR', 'TUR', NULL, 'TR', NULL, NULL, NULL, '2025-01-01')),
  (3, background_features('XXA', 'SY', NULL, 'SY', NULL, NULL, NULL, '2025-01-01')),
  (4, background_features('TR', NULL, 'naturalisation', 'TR', NULL, NULL, NULL, '2025-01-01')),
  (5, background_features('TR', NULL, NULL, 'TR', 1980, NULL, '1985-01-01', '2025-01-01')),
  (6, background_features('TR', NULL, NULL, 'TR', 2026, NULL, '1985-01-01', '2025-01-01')),
  (7, background_features('TR', NULL, NULL, 'TR', NULL, NULL, '2026-01-01', '2025-01-01')),
  (8, background_features('DE', NULL, 'descent', 'DE', NULL, NULL, NULL, NULL, born_abroad => true)),
  (9, background_features('DE', 'TR', 'ius_soli', 'TR', NULL, NULL, '2005-01-01', '2025-01-01')),
  (10, background_features('DE', 'TR', 'ius_soli', 'DE', NULL, NULL, '1985-01-01', '2025-01-01')),
  (11, background_features('DE', NULL, 'spaetaussiedler', 'DE', NULL, NULL, '1985-01-01', '2025-01-01'))
) AS t(c, f)
ORDER BY c;

DROP VIEW bg_derived;
DROP TABLE bg_register;
