
-- Migration background: the official and municipal definitions, derived
-- from person records (docs/migration-background.md: rules, sources, the
-- MigraPro decision table, the matrix of test cases).
--
-- Two steps.  background_features(...) reads one person record and packs
-- what the definitions need into a bigint (domain background_features).
-- Each definition then takes the person's features and those of mother and
-- father (NULL = no parent linked) and returns a value of its own enum type,
-- whose name names the definition.  A whole register is one query:
--
--   SELECT p.person_id, migstat.migrapro(pf, mf, ff)
--   FROM register p
--   LEFT JOIN register m ON m.person_id = p.mother_id
--   LEFT JOIN register f ON f.person_id = p.father_id
--   CROSS JOIN LATERAL (SELECT migstat.background_features(p.citizenship1, ...) AS pf, ...) x;

CREATE TYPE migstat.german_acquisition AS ENUM (
    'descent',          -- § 4 Abs. 1 StAG: by descent at birth
    'ius_soli',         -- § 4 Abs. 3 StAG: born in Germany to foreign parents ("Optionsdeutsche")
    'naturalisation',   -- §§ 8-10 StAG (and §§ 13-15)
    'spaetaussiedler',  -- § 7 StAG, Art. 116 Abs. 1 GG: (Spät-)Aussiedler and their family
    'expellee',         -- Vertriebene of the post-war years (BVFG § 1)
    'adoption',         -- § 6 StAG
    'declaration',      -- by declaration (§ 5 StAG, § 40a and others)
    'unknown'           -- recorded as not known
);
COMMENT ON TYPE migstat.german_acquisition IS
'how German citizenship was acquired ("Art der deutschen Staatsangehörigkeit"); NULL = nothing recorded';

CREATE DOMAIN migstat.background_features AS bigint;
COMMENT ON DOMAIN migstat.background_features IS
'one person''s features for the migration-background definitions, packed by migstat.background_features(...)';

CREATE TYPE migstat.mikrozensus2005_group AS ENUM (
    'auslaender_zugewandert', 'auslaender_in_deutschland_geboren', 'auslaender_geburtsort_unbekannt',
    'eingebuergert_zugewandert', 'eingebuergert_in_deutschland_geboren', 'spaetaussiedler',
    'deutsch_zugewandert', 'ius_soli', 'deutsch_kind_zugewanderter',
    'ohne', 'nicht_bestimmbar', 'widerspruechlich');
COMMENT ON TYPE migstat.mikrozensus2005_group IS
'migration background, Mikrozensus 2005 concept (Destatis), with its sub-groups';

CREATE TYPE migstat.destatis_group AS ENUM (
    'auslaender', 'eingebuergert', 'spaetaussiedler', 'adoptiert', 'deutsch_durch_erklaerung',
    'nachkomme', 'ohne', 'nicht_bestimmbar', 'widerspruechlich');
COMMENT ON TYPE migstat.destatis_group IS
'migration background, current Destatis wording (German citizenship not by birth, self or a parent)';

CREATE TYPE migstat.einwanderungsgeschichte_group AS ENUM (
    'eingewandert', 'nachkomme', 'einseitig', 'ohne', 'nicht_ausgewiesen',
    'nicht_bestimmbar', 'widerspruechlich');
COMMENT ON TYPE migstat.einwanderungsgeschichte_group IS
'Einwanderungsgeschichte (Destatis since 2023; Zensus 2022)';

CREATE TYPE migstat.mighev_group AS ENUM (
    'auslaender', 'zugewandert', 'spaetaussiedler', 'elternteil_zugewandert',
    'ohne', 'nicht_bestimmbar', 'widerspruechlich');
COMMENT ON TYPE migstat.mighev_group IS
'migration background, § 6 MighEV (statistics of the Federal Employment Agency)';

CREATE TYPE migstat.zensus2011_group AS ENUM (
    'auslaender', 'deutsch_zugewandert', 'deutsch_elternteil_zugewandert',
    'ohne', 'nicht_bestimmbar', 'widerspruechlich');
COMMENT ON TYPE migstat.zensus2011_group IS
'migration background, Zensus 2011 (immigration after 1955)';

CREATE TYPE migstat.migrapro_group AS ENUM (
    'auslaender', 'eingebuergert', 'spaetaussiedler', 'optionsdeutsch',
    'zweite_staatsangehoerigkeit', 'im_ausland_geboren', 'familiaer',
    'ohne', 'nicht_bestimmbar', 'widerspruechlich');
COMMENT ON TYPE migstat.migrapro_group IS
'migration background, MigraPro (register-based procedure of municipal statistics, KOSIS/VDSt)';

CREATE FUNCTION migstat.background_features(
    citizenship1 text, citizenship2 text, german_acquisition migstat.german_acquisition,
    birth_country text, immigration_year integer, moved_in_from text,
    birth_date date, reference_date date, born_abroad boolean DEFAULT NULL)
RETURNS migstat.background_features
AS 'MODULE_PATHNAME', 'background_features'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.background_features(text, text, migstat.german_acquisition, text, integer, text, date, date, boolean) IS
'reads one person record (ISO country codes; NULL = not known) into the features the migration-background definitions use';

CREATE FUNCTION migstat.background_features_text(person migstat.background_features)
RETURNS text AS 'MODULE_PATHNAME', 'background_features_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.background_features_text(migstat.background_features) IS
'the packed features as readable key=value pairs';

CREATE FUNCTION migstat.background_contradiction(person migstat.background_features)
RETURNS text AS 'MODULE_PATHNAME', 'background_contradiction'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.background_contradiction(migstat.background_features) IS
'what contradicts in the person record (NULL if nothing); such records are "widerspruechlich" in every definition';

CREATE FUNCTION migstat.mikrozensus2005_narrow(
    person migstat.background_features, mother migstat.background_features,
    father migstat.background_features, mother_in_household boolean, father_in_household boolean)
RETURNS migstat.mikrozensus2005_group AS 'MODULE_PATHNAME', 'background_mikrozensus2005_narrow'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mikrozensus2005_narrow(migstat.background_features, migstat.background_features, migstat.background_features, boolean, boolean) IS
'Mikrozensus 2005 concept, narrow sense (im engeren Sinne): only parents living in the household count';

CREATE FUNCTION migstat.mikrozensus2005_wide(
    person migstat.background_features, mother migstat.background_features,
    father migstat.background_features)
RETURNS migstat.mikrozensus2005_group AS 'MODULE_PATHNAME', 'background_mikrozensus2005_wide'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mikrozensus2005_wide(migstat.background_features, migstat.background_features, migstat.background_features) IS
'Mikrozensus 2005 concept, wide sense (im weiteren Sinne): all known parents count';

CREATE FUNCTION migstat.destatis_background(
    person migstat.background_features, mother migstat.background_features,
    father migstat.background_features)
RETURNS migstat.destatis_group AS 'MODULE_PATHNAME', 'background_destatis'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.destatis_background(migstat.background_features, migstat.background_features, migstat.background_features) IS
'migration background, current Destatis wording: the person or a parent does not hold German citizenship by birth';

CREATE FUNCTION migstat.einwanderungsgeschichte(
    person migstat.background_features, mother migstat.background_features,
    father migstat.background_features)
RETURNS migstat.einwanderungsgeschichte_group AS 'MODULE_PATHNAME', 'background_einwanderungsgeschichte'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.einwanderungsgeschichte(migstat.background_features, migstat.background_features, migstat.background_features) IS
'Einwanderungsgeschichte (Destatis since 2023): immigrated since 1950, or born here to two such parents';

CREATE FUNCTION migstat.zensus2022_einwanderungsgeschichte(
    person migstat.background_features, mother migstat.background_features,
    father migstat.background_features)
RETURNS migstat.einwanderungsgeschichte_group AS 'MODULE_PATHNAME', 'background_zensus2022'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.zensus2022_einwanderungsgeschichte(migstat.background_features, migstat.background_features, migstat.background_features) IS
'Einwanderungsgeschichte as the Zensus 2022 shows it: descendants only for persons under 19';

CREATE FUNCTION migstat.mighev_background(
    person migstat.background_features, mother migstat.background_features,
    father migstat.background_features)
RETURNS migstat.mighev_group AS 'MODULE_PATHNAME', 'background_mighev'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.mighev_background(migstat.background_features, migstat.background_features, migstat.background_features) IS
'migration background, § 6 Satz 2 MighEV (2010): not German, or self or a parent born abroad and moved in after 1949';

CREATE FUNCTION migstat.zensus2011_background(
    person migstat.background_features, mother migstat.background_features,
    father migstat.background_features)
RETURNS migstat.zensus2011_group AS 'MODULE_PATHNAME', 'background_zensus2011'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.zensus2011_background(migstat.background_features, migstat.background_features, migstat.background_features) IS
'migration background, Zensus 2011: foreigners, and Germans who (or a parent of whom) moved in after 1955';

CREATE FUNCTION migstat.zensus2011_reference_country(
    person migstat.background_features, mother migstat.background_features,
    father migstat.background_features)
RETURNS text AS 'MODULE_PATHNAME', 'background_zensus2011_reference_country'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.zensus2011_reference_country(migstat.background_features, migstat.background_features, migstat.background_features) IS
'country of origin under Zensus 2011 (parents from different countries: the mother''s); NULL without background';

CREATE FUNCTION migstat.migrapro(
    person migstat.background_features, mother migstat.background_features,
    father migstat.background_features)
RETURNS migstat.migrapro_group AS 'MODULE_PATHNAME', 'background_migrapro'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.migrapro(migstat.background_features, migstat.background_features, migstat.background_features) IS
'migration background, MigraPro (register-based, municipal statistics), by the decision table of docs/migration-background.md';

CREATE FUNCTION migstat.migrapro_reference_country(
    person migstat.background_features, mother migstat.background_features,
    father migstat.background_features)
RETURNS text AS 'MODULE_PATHNAME', 'background_migrapro_reference_country'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.migrapro_reference_country(migstat.background_features, migstat.background_features, migstat.background_features) IS
'MigraPro reference country (Bezugsland): first foreign citizenship, second, country of birth, Zuzugsherkunft, then the parents; NULL without background';

-- Yes / no / NULL (not determinable, contradictory) for each definition.
CREATE FUNCTION migstat.has_migration_background(g migstat.mikrozensus2005_group)
RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN g IN ('nicht_bestimmbar', 'widerspruechlich') THEN NULL ELSE g <> 'ohne' END;
COMMENT ON FUNCTION migstat.has_migration_background(migstat.mikrozensus2005_group) IS
'true for every group with a migration background, false for "ohne", NULL when not determinable or contradictory';

CREATE FUNCTION migstat.has_migration_background(g migstat.destatis_group)
RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN g IN ('nicht_bestimmbar', 'widerspruechlich') THEN NULL ELSE g <> 'ohne' END;
COMMENT ON FUNCTION migstat.has_migration_background(migstat.destatis_group) IS
'true for every group with a migration background, false for "ohne", NULL when not determinable or contradictory';

CREATE FUNCTION migstat.has_migration_background(g migstat.einwanderungsgeschichte_group)
RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN g IN ('nicht_ausgewiesen', 'nicht_bestimmbar', 'widerspruechlich') THEN NULL
            ELSE g IN ('eingewandert', 'nachkomme') END;
COMMENT ON FUNCTION migstat.has_migration_background(migstat.einwanderungsgeschichte_group) IS
'true for Eingewanderte and Nachkommen (an Einwanderungsgeschichte), false for "einseitig" and "ohne", NULL otherwise';

CREATE FUNCTION migstat.has_migration_background(g migstat.mighev_group)
RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN g IN ('nicht_bestimmbar', 'widerspruechlich') THEN NULL ELSE g <> 'ohne' END;
COMMENT ON FUNCTION migstat.has_migration_background(migstat.mighev_group) IS
'true for every group with a migration background, false for "ohne", NULL when not determinable or contradictory';

CREATE FUNCTION migstat.has_migration_background(g migstat.zensus2011_group)
RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN g IN ('nicht_bestimmbar', 'widerspruechlich') THEN NULL ELSE g <> 'ohne' END;
COMMENT ON FUNCTION migstat.has_migration_background(migstat.zensus2011_group) IS
'true for every group with a migration background, false for "ohne", NULL when not determinable or contradictory';

CREATE FUNCTION migstat.has_migration_background(g migstat.migrapro_group)
RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN g IN ('nicht_bestimmbar', 'widerspruechlich') THEN NULL ELSE g <> 'ohne' END;
COMMENT ON FUNCTION migstat.has_migration_background(migstat.migrapro_group) IS
'true for every group with a migration background, false for "ohne", NULL when not determinable or contradictory';
