-- The country catalogue: ISO 3166 codes, former countries, the ICAO 9303
-- specials, memberships over time and report groups (docs/countries.md; the
-- list itself: docs/country-catalogue.md).  Every function answers from the
-- catalogue compiled into this release, so all are IMMUTABLE.

CREATE FUNCTION migstat.country_code(country text)
RETURNS text AS 'MODULE_PATHNAME', 'country_code_fn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.country_code(text) IS
'the canonical code of a country (ISO 3166 alpha-2, else alpha-3; XXA stateless, XXX not known) from any of its codes';

CREATE FUNCTION migstat.country_name(country text, lang text DEFAULT 'de')
RETURNS text AS 'MODULE_PATHNAME', 'country_name_fn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.country_name(text, text) IS
'the name of a country in German (lang de, the default) or English (en), as in the ISO 3166 lists of Debian''s iso-codes';

CREATE FUNCTION migstat.is_eu_member(country text, on_date date)
RETURNS boolean AS 'MODULE_PATHNAME', 'country_is_eu_member_fn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.is_eu_member(text, date) IS
'whether the country was a member state of the EEC/EC/EU on the date (accession treaties; the United Kingdom until 2020-01-31)';

CREATE FUNCTION migstat.is_eea_member(country text, on_date date)
RETURNS boolean AS 'MODULE_PATHNAME', 'country_is_eea_member_fn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.is_eea_member(text, date) IS
'whether the country was a contracting party to the EEA Agreement on the date (from 1994-01-01; enlargements as provisionally applied)';

CREATE FUNCTION migstat.has_free_movement(country text, on_date date)
RETURNS boolean AS 'MODULE_PATHNAME', 'country_has_free_movement_fn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.has_free_movement(text, date) IS
'whether the country''s nationals had free movement in Germany on the date (EU, EEA, Switzerland from 2002-06-01, the Brexit transition period); false for Germany';

CREATE FUNCTION migstat.free_movement_of_workers_restricted(country text, on_date date)
RETURNS boolean AS 'MODULE_PATHNAME', 'country_workers_restricted_fn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.free_movement_of_workers_restricted(text, date) IS
'whether Germany restricted the country''s workers under transitional arrangements on the date (e.g. EU-8 until 2011-04-30, BG/RO until 2013-12-31, HR until 2015-06-30)';

CREATE FUNCTION migstat.country_groups(country text)
RETURNS text[] AS 'MODULE_PATHNAME', 'country_groups_of_fn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.country_groups(text) IS
'the report groups a country belongs to (eu14, eu8, eu2, western_balkans, asylum_origin_8, aussiedler_areas)';

CREATE FUNCTION migstat.in_country_group(country text, country_group text)
RETURNS boolean AS 'MODULE_PATHNAME', 'country_in_group_fn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.in_country_group(text, text) IS
'whether a country belongs to a report group (keys as listed by migstat.country_groups(); case and - or _ do not matter)';

CREATE FUNCTION migstat.is_aussiedler_area(country text)
RETURNS boolean AS 'MODULE_PATHNAME', 'country_is_aussiedler_area_fn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.is_aussiedler_area(text) IS
'whether the country is (or lies in) an area of origin of (Spät-)Aussiedler under § 1 Abs. 2 Nr. 3 BVFG';

CREATE FUNCTION migstat.country_successors(country text)
RETURNS text[] AS 'MODULE_PATHNAME', 'country_successors_fn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.country_successors(text) IS
'the current countries on the territory of a former country (SU, YU, SCG, CSK, DD); an empty array for other countries';

CREATE FUNCTION migstat.countries()
RETURNS TABLE (
    code text, iso_alpha2 text, alpha3 text, alpha4 text, numeric_code text,
    kind text, name_de text, name_en text, iso_withdrawn text,
    state_from date, state_to date,
    eu_from date, eu_to date, eea_from date, eea_to date,
    free_movement_from date, free_movement_to date,
    workers_restricted_from date, workers_restricted_to date,
    groups text[], successors text[])
AS 'MODULE_PATHNAME', 'country_catalogue_fn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 290;
COMMENT ON FUNCTION migstat.countries() IS
'the country catalogue, one row per country: codes, names, kind, memberships (from/to dates, NULL = open or none), groups';

CREATE FUNCTION migstat.country_memberships()
RETURNS TABLE (code text, relation text, valid_from date, valid_to date, source text)
AS 'MODULE_PATHNAME', 'country_memberships_fn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 150;
COMMENT ON FUNCTION migstat.country_memberships() IS
'the membership periods (eu, eea, free_movement, workers_restricted) of every country, with the treaties as sources';

CREATE FUNCTION migstat.country_groups()
RETURNS TABLE (country_group text, label_de text, label_en text, members text[], source text)
AS 'MODULE_PATHNAME', 'country_group_list_fn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION migstat.country_groups() IS
'the report groups with German and English labels, their members and sources';
