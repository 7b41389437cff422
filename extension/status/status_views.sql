-- Views for BI tools (docs/bi.md): the status catalogue and its group labels
-- as plain relations with ordinary column types, so that a dashboard tool
-- lists them next to the user's tables and joins on text or integer codes.

CREATE VIEW migstat.status_catalogue AS
SELECT status::text AS status, code, key, jurisdiction, label_de, label_en, document_kind,
       residence_purpose, auslaenderstatistik_group, schutzsuchende_group,
       cross_national_category, is_residence_title, is_permanent, is_precarious,
       precarity_reason, precarity_detail, work_rule, max_validity_months, benefit_rule,
       valid_from, valid_to, sources
FROM migstat.residence_statuses();
COMMENT ON VIEW migstat.status_catalogue IS
'the residence-status catalogue for BI tools: one row per status, the status as its canonical text, every classification as a plain column';

CREATE VIEW migstat.status_group_labels AS
SELECT classification, code, label_de, label_en, source, sort_order
FROM migstat.residence_status_groups();
COMMENT ON VIEW migstat.status_group_labels IS
'labels (German, English) and sort order of the group codes the status functions return, by classification, for BI tools';

-- Catalogue data is public knowledge: whoever may use schema migstat may
-- read these views (USAGE on the schema is the DBA's grant, docs/dba.md).
GRANT SELECT ON migstat.status_catalogue, migstat.status_group_labels TO PUBLIC;
