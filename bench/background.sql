-- migstat benchmark, part 5 (included by bench/bench.sql): migration
-- background.  :bg_persons persons (default 10,000,000) in a register mix
-- (natives, foreigners, naturalised, Spätaussiedler, ius-soli children,
-- Germans born abroad, minors with linked parents), stored flat: each row
-- holds the person's record and the records of the linked mother and father
-- (the two LEFT JOINs done once at load, so that the timing is the
-- derivation and not the join).
--
-- Timed, serial, reference date 1.1.2025: MigraPro and Einwanderungsgeschichte
-- for every person, grouped into the report table (group x group, count):
--   baseline  the best hand-written SQL CASE over the same columns that gives
--             the same answers on these data (checked: mismatches printed);
--   migstat   background_features() of person, mother and father, then
--             migrapro() and einwanderungsgeschichte() — all from raw columns;
--   stored    the same with each person's features computed once and stored
--             (the set-based design: derive own features once, join them).
-- Target (issue 5): migstat <= 1.0x the baseline.

\pset format unaligned
\pset tuples_only on
\if :{?bg_persons}
\else
\set bg_persons 10000000
\endif
\echo
\echo 'bench: loading the register for the migration-background derivations ...'

CREATE FUNCTION bench.pick(k bigint, seed bigint, choices text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN choices[1 + (hashint8extended(k, seed) & 2147483647) % cardinality(choices)];

CREATE FUNCTION bench.rnd(k bigint, seed bigint, lo int, hi int) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN lo + ((hashint8extended(k, seed) & 2147483647) % (hi - lo + 1))::int;

-- One person record of a kind, from a key.
CREATE FUNCTION bench.person_of_kind(k bigint, kind text,
	OUT c1 text, OUT c2 text, OUT acq migstat.german_acquisition, OUT bc text,
	OUT imm int, OUT mif text, OUT bd date)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	byear int;
	foreign_c text := bench.pick(k, 11, '{TR,SY,PL,RO,IT,UA,HR,GR,AF,IQ,BG,RU}');
BEGIN
	CASE kind
	WHEN 'native' THEN
		byear := bench.rnd(k, 12, 1940, 2006);
		c1 := 'DE'; bc := 'DE';
		acq := CASE WHEN k % 4 = 0 THEN 'descent' END;
	WHEN 'minor' THEN
		byear := bench.rnd(k, 12, 2008, 2024);
		c1 := 'DE'; bc := 'DE';
	WHEN 'foreign' THEN
		byear := bench.rnd(k, 12, 1940, 2020);
		c1 := foreign_c;
		IF k % 7 = 0 THEN bc := 'DE'; ELSE bc := foreign_c; imm := greatest(byear, bench.rnd(k, 13, 1960, 2024)); mif := foreign_c; END IF;
	WHEN 'naturalised' THEN
		byear := bench.rnd(k, 12, 1945, 2000);
		c1 := 'DE'; c2 := CASE WHEN k % 5 < 2 THEN foreign_c END; acq := 'naturalisation';
		bc := foreign_c; imm := greatest(byear, bench.rnd(k, 13, 1965, 2020)); mif := foreign_c;
	WHEN 'aussiedler' THEN
		byear := bench.rnd(k, 12, 1930, 2000);
		c1 := 'DE'; acq := CASE WHEN k % 3 = 0 THEN NULL ELSE 'spaetaussiedler' END;
		bc := bench.pick(k, 14, '{KZ,RU,PL,RO,UA,KG}'); imm := greatest(byear, bench.rnd(k, 13, 1988, 2005)); mif := bc;
	WHEN 'ius_soli' THEN
		byear := bench.rnd(k, 12, 2000, 2020);
		c1 := 'DE'; c2 := 'TR'; acq := 'ius_soli'; bc := 'DE';
	WHEN 'german_abroad' THEN
		byear := bench.rnd(k, 12, 1950, 2015);
		c1 := 'DE'; acq := 'descent'; bc := bench.pick(k, 14, '{US,FR,CH,GB,ES}');
		imm := greatest(byear, bench.rnd(k, 13, 1980, 2024)); mif := bc;
	ELSE	-- birthplace not recorded
		byear := bench.rnd(k, 12, 1940, 2006);
		c1 := 'DE';
	END CASE;
	bd := make_date(byear, bench.rnd(k, 15, 1, 12), bench.rnd(k, 16, 1, 28));
END $$;

CREATE FUNCTION bench.kind_of(k bigint) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
	WHEN k % 1000 < 600 THEN 'native'
	WHEN k % 1000 < 750 THEN 'minor'
	WHEN k % 1000 < 870 THEN 'foreign'
	WHEN k % 1000 < 920 THEN 'naturalised'
	WHEN k % 1000 < 950 THEN 'aussiedler'
	WHEN k % 1000 < 970 THEN 'ius_soli'
	WHEN k % 1000 < 990 THEN 'german_abroad'
	ELSE 'unknown' END;

-- Parents of minors and ius-soli children: native, foreign or naturalised;
-- some not linked.
CREATE FUNCTION bench.parent_kind(k bigint, seed bigint, p_kind text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
	WHEN p_kind NOT IN ('minor', 'ius_soli') THEN NULL
	WHEN p_kind = 'ius_soli' THEN 'foreign'
	WHEN (hashint8extended(k, seed) & 1023) < 100 THEN NULL
	WHEN (hashint8extended(k, seed) & 1023) < 700 THEN 'native'
	WHEN (hashint8extended(k, seed) & 1023) < 950 THEN 'foreign'
	ELSE 'naturalised' END;

CREATE UNLOGGED TABLE bench.bg_flat AS
SELECT i AS person_id,
	   p.c1 AS p_c1, p.c2 AS p_c2, p.acq AS p_acq, p.bc AS p_bc, p.imm AS p_imm, p.mif AS p_mif, p.bd AS p_bd,
	   mk IS NOT NULL AS m_linked,
	   m.c1 AS m_c1, m.c2 AS m_c2, m.acq AS m_acq, m.bc AS m_bc, m.imm AS m_imm, m.mif AS m_mif, m.bd AS m_bd,
	   fk IS NOT NULL AS f_linked,
	   f.c1 AS f_c1, f.c2 AS f_c2, f.acq AS f_acq, f.bc AS f_bc, f.imm AS f_imm, f.mif AS f_mif, f.bd AS f_bd
FROM generate_series(1, :bg_persons::bigint) AS i
CROSS JOIN LATERAL (SELECT bench.kind_of(hashint8extended(i, 10) & 2147483647) AS kind) AS kk
CROSS JOIN LATERAL bench.person_of_kind(i, kk.kind) AS p
CROSS JOIN LATERAL (SELECT bench.parent_kind(i, 20, kk.kind) AS mk, bench.parent_kind(i, 21, kk.kind) AS fk) AS pk
LEFT JOIN LATERAL (SELECT * FROM bench.person_of_kind(i * 7919 + 1, pk.mk) WHERE pk.mk IS NOT NULL) AS m ON true
LEFT JOIN LATERAL (SELECT * FROM bench.person_of_kind(i * 7919 + 2, pk.fk) WHERE pk.fk IS NOT NULL) AS f ON true;

-- Parents are adults: a parent born after the child is moved back 25 years.
UPDATE bench.bg_flat SET m_bd = LEAST(m_bd, p_bd - 365 * 20), f_bd = LEAST(f_bd, p_bd - 365 * 20),
	   m_imm = CASE WHEN m_imm IS NULL THEN NULL ELSE greatest(m_imm, extract(year FROM LEAST(m_bd, p_bd - 365 * 20))::int) END,
	   f_imm = CASE WHEN f_imm IS NULL THEN NULL ELSE greatest(f_imm, extract(year FROM LEAST(f_bd, p_bd - 365 * 20))::int) END
WHERE m_linked OR f_linked;

-- The stored variant: everybody's own features, computed once.
ALTER TABLE bench.bg_flat ADD COLUMN pf migstat.background_features, ADD COLUMN mf migstat.background_features,
	ADD COLUMN ff migstat.background_features;
UPDATE bench.bg_flat SET
	pf = migstat.background_features(p_c1, p_c2, p_acq, p_bc, p_imm, p_mif, p_bd, '2025-01-01'),
	mf = CASE WHEN m_linked THEN migstat.background_features(m_c1, m_c2, m_acq, m_bc, m_imm, m_mif, m_bd, '2025-01-01') END,
	ff = CASE WHEN f_linked THEN migstat.background_features(f_c1, f_c2, f_acq, f_bc, f_imm, f_mif, f_bd, '2025-01-01') END;
VACUUM (FREEZE, ANALYZE) bench.bg_flat;
SELECT pg_prewarm('bench.bg_flat') IS NOT NULL;

-- The baseline: the best hand-written CASE that gives the same answers on
-- these data (they hold no contradictions and no unclear codes).
CREATE VIEW bench.bg_case AS
SELECT person_id,
 CASE
  WHEN p_c1 IS NULL OR p_c1 = 'XXX' THEN 'nicht_bestimmbar'
  WHEN p_c1 <> 'DE' AND p_c2 IS DISTINCT FROM 'DE' THEN 'auslaender'
  WHEN p_acq IN ('naturalisation', 'adoption', 'declaration') THEN 'eingebuergert'
  WHEN p_acq = 'spaetaussiedler' THEN 'spaetaussiedler'
  WHEN p_acq = 'ius_soli' THEN 'optionsdeutsch'
  WHEN p_acq = 'expellee' THEN 'ohne'
  WHEN p_acq IS DISTINCT FROM 'descent'
       AND ((p_bc IN ('EE','LV','LT','RU','UA','BY','MD','KZ','KG','UZ','TJ','TM','AZ','AM','GE','PL','CZ','SK','HU','RO','BG','SI','HR','BA','RS','ME','MK','AL','CN')
             AND (p_imm >= 1950 OR (p_imm IS NULL AND p_bd >= '1950-01-01')))
            OR (p_bc IS DISTINCT FROM 'DE' AND p_imm >= 1950
                AND p_mif IN ('EE','LV','LT','RU','UA','BY','MD','KZ','KG','UZ','TJ','TM','AZ','AM','GE','PL','CZ','SK','HU','RO','BG','SI','HR','BA','RS','ME','MK','AL','CN')))
       THEN 'spaetaussiedler'
  WHEN p_bc <> 'DE' THEN CASE WHEN p_imm < 1950 THEN 'ohne' ELSE 'im_ausland_geboren' END
  WHEN p_bd > '2007-01-01' AND (
        (m_linked AND ((m_c1 <> 'DE' AND m_c2 IS DISTINCT FROM 'DE') OR m_acq IN ('naturalisation', 'adoption', 'declaration', 'spaetaussiedler', 'ius_soli')
                       OR (m_acq IS DISTINCT FROM 'expellee' AND m_bc <> 'DE' AND m_imm >= 1950)))
     OR (f_linked AND ((f_c1 <> 'DE' AND f_c2 IS DISTINCT FROM 'DE') OR f_acq IN ('naturalisation', 'adoption', 'declaration', 'spaetaussiedler', 'ius_soli')
                       OR (f_acq IS DISTINCT FROM 'expellee' AND f_bc <> 'DE' AND f_imm >= 1950)))) THEN 'familiaer'
  WHEN p_bc IS NULL THEN 'nicht_bestimmbar'
  WHEN p_bd > '2007-01-01' AND NOT m_linked AND NOT f_linked THEN 'nicht_bestimmbar'
  ELSE 'ohne'
 END AS mp,
 CASE
  WHEN p_bc IS NULL THEN 'nicht_bestimmbar'
  WHEN p_bc <> 'DE' THEN CASE WHEN p_imm >= 1950 OR (p_imm IS NULL AND p_bd >= '1950-01-01') THEN 'eingewandert'
                              WHEN p_imm < 1950 THEN 'ohne' ELSE 'nicht_bestimmbar' END
  WHEN NOT m_linked OR NOT f_linked THEN 'nicht_bestimmbar'
  ELSE CASE (m_bc <> 'DE' AND m_imm >= 1950)::int + (f_bc <> 'DE' AND f_imm >= 1950)::int
       WHEN 2 THEN 'nachkomme' WHEN 1 THEN 'einseitig' ELSE 'ohne' END
 END AS eg
FROM bench.bg_flat;

-- migstat from the raw columns; OFFSET 0 keeps the features computed once
-- per row (not once per function that reads them).
CREATE VIEW bench.bg_migstat AS
SELECT person_id, migstat.migrapro(pf, mf, ff) AS mp, migstat.einwanderungsgeschichte(pf, mf, ff) AS eg
FROM (SELECT person_id,
             migstat.background_features(p_c1, p_c2, p_acq, p_bc, p_imm, p_mif, p_bd, '2025-01-01') AS pf,
             CASE WHEN m_linked THEN migstat.background_features(m_c1, m_c2, m_acq, m_bc, m_imm, m_mif, m_bd, '2025-01-01') END AS mf,
             CASE WHEN f_linked THEN migstat.background_features(f_c1, f_c2, f_acq, f_bc, f_imm, f_mif, f_bd, '2025-01-01') END AS ff
      FROM bench.bg_flat OFFSET 0) x;

CREATE VIEW bench.bg_stored AS
SELECT person_id, migstat.migrapro(pf, mf, ff) AS mp, migstat.einwanderungsgeschichte(pf, mf, ff) AS eg
FROM bench.bg_flat;

-- The baseline must give the same answers as migstat on these data.
SELECT format('background    %s persons (%s with a linked parent), table %s; baseline and migstat disagree on %s persons',
			  to_char((SELECT count(*) FROM bench.bg_flat), 'FM999,999,999'),
			  to_char((SELECT count(*) FROM bench.bg_flat WHERE m_linked OR f_linked), 'FM999,999,999'),
			  pg_size_pretty(pg_table_size('bench.bg_flat')),
			  (SELECT count(*) FROM bench.bg_case c JOIN bench.bg_migstat o USING (person_id)
			   WHERE (c.mp, c.eg) IS DISTINCT FROM (o.mp::text, o.eg::text)));
SELECT format('background    report: %s', string_agg(format('%s/%s %s', mp, eg, n), ', ' ORDER BY n DESC))
FROM (SELECT mp, eg, count(*) AS n FROM bench.bg_stored GROUP BY 1, 2) r;

CREATE TABLE bench.bg_cases (ord int PRIMARY KEY, label text, query text, ms float8[] DEFAULT '{}');
INSERT INTO bench.bg_cases (ord, label, query) VALUES
	(1, 'baseline: hand-written CASE (MigraPro + Einwanderungsgeschichte)', 'SELECT count(*) FROM (SELECT mp, eg, count(*) FROM bench.bg_case GROUP BY 1, 2) g'),
	(2, 'migstat: features of person, mother, father + migrapro() + einwanderungsgeschichte()', 'SELECT count(*) FROM (SELECT mp, eg, count(*) FROM bench.bg_migstat GROUP BY 1, 2) g'),
	(3, 'migstat, features stored once per person', 'SELECT count(*) FROM (SELECT mp, eg, count(*) FROM bench.bg_stored GROUP BY 1, 2) g'),
	(4, 'baseline (again)', 'SELECT count(*) FROM (SELECT mp, eg, count(*) FROM bench.bg_case GROUP BY 1, 2) g');

\o /dev/null
SELECT bench.time_cases('bench.bg_cases', current_setting('bench.runs')::int);
\o

\pset format aligned
\pset tuples_only off
\echo '== migration background, all persons, serial, grouped into the report table; ratio = best ms / best baseline ms'
\echo '   target: migstat (from raw columns) <= 1.0x the hand-written CASE'
SELECT c.label AS query, round(bench.best(c.ms)::numeric, 1) AS "best ms",
	   round(bench.median(c.ms)::numeric, 1) AS "median ms",
	   round((bench.best(c.ms) / b.ms)::numeric, 2) AS ratio,
	   CASE WHEN c.ord = 2 THEN '<= 1.0x' ELSE '' END AS target,
	   CASE WHEN c.ord = 2 THEN CASE WHEN bench.best(c.ms) / b.ms <= 1.0 THEN 'meets' ELSE 'misses' END
			ELSE '' END AS result
FROM bench.bg_cases c
CROSS JOIN (SELECT min(x) AS ms FROM bench.bg_cases, unnest(ms) x WHERE ord IN (1, 4)) b
ORDER BY c.ord;
\o /dev/null
SELECT bench.summarise('background', c.label, bench.best(c.ms), 'hand-written CASE', b.ms,
					   CASE WHEN c.ord = 2 THEN '<= 1.0x' END)
FROM bench.bg_cases c
CROSS JOIN (SELECT min(x) AS ms FROM bench.bg_cases, unnest(ms) x WHERE ord IN (1, 4)) b
WHERE c.ord IN (2, 3);
\o
DROP TABLE bench.bg_flat CASCADE;
