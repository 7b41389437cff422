-- Views for BI tools (docs/bi.md): the country catalogue and its report
-- groups as plain relations, lists as comma-separated text, so that a
-- dashboard tool joins them on the ISO code without array handling.

CREATE VIEW migstat.country_catalogue AS
SELECT code, iso_alpha2, alpha3, numeric_code, kind, name_de, name_en, state_from, state_to,
       eu_from, eu_to, eea_from, eea_to, free_movement_from, free_movement_to,
       workers_restricted_from, workers_restricted_to,
       array_to_string(groups, ', ') AS groups, array_to_string(successors, ', ') AS successors
FROM migstat.countries();
COMMENT ON VIEW migstat.country_catalogue IS
'the country catalogue for BI tools: one row per country, codes, names, membership periods, report groups as text';

CREATE VIEW migstat.country_group_members AS
SELECT g.country_group, g.label_de, g.label_en, m.country, c.name_de, c.name_en
FROM migstat.country_groups() g
CROSS JOIN LATERAL unnest(g.members) AS m(country)
LEFT JOIN migstat.countries() c ON c.code = m.country;
COMMENT ON VIEW migstat.country_group_members IS
'one row per report group and member country, with labels and names, for BI tools';

GRANT SELECT ON migstat.country_catalogue, migstat.country_group_members TO PUBLIC;
