-- A deterministic synthetic municipal population register with known truth
-- (docs/households.md, "The register generator").  The helpers are
-- plain SQL expressions (not STRICT) so that the planner inlines them.  Test and demo tooling:
-- not installed by the extension.  Load it with \i and call
--
--   CREATE TABLE reg AS
--   SELECT * FROM regsim.generate_register(100000, seed => 1);
--
-- The same arguments give the same rows on every run and platform: every
-- random draw is hashint8extended(key, seed) of the household or district
-- number and a stream number, never random().
--
-- The city is built household by household.  Household types, origins and
-- dates follow a large West German city (proportions in docs/households.md);
-- households are packed into buildings (address_id) of 1 to 20 households,
-- buildings into districts whose share of immigrant households varies.
-- Columns: the agreed person-record columns of the migration-background
-- functions, the columns household generation needs, and the truth
-- (true_*) the register does not know.

CREATE SCHEMA IF NOT EXISTS regsim;

-- A uniform number in [0, 1) from a seed, a key and a stream (53 bits).
CREATE OR REPLACE FUNCTION regsim.u(seed bigint, k bigint, stream integer) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ((hashint8extended(k * 256 + stream, seed) >> 11) & 4503599627370495)::float8
       / 4503599627370496.0;

-- An element of a list, chosen by a uniform number; skewed (power > 1)
-- favours the first elements, as surname frequencies do.
CREATE OR REPLACE FUNCTION regsim.pick(list text[], x float8, power float8 DEFAULT 1)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN list[1 + floor(power(x, power) * cardinality(list))::int];

-- A date a number of years (fractional) before a date.
CREATE OR REPLACE FUNCTION regsim.years_before(d date, years float8) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN d - round(years * 365.2425)::int;

-- Surnames by origin country (the common ones; hyphen-free, so that a
-- double name "A-B" is the only hyphenated form).
CREATE OR REPLACE FUNCTION regsim.surnames(country text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
-- a simple CASE names the argument once: the planner inlines it
RETURN CASE country
    WHEN 'TR' THEN '{Yilmaz,Kaya,Demir,Sahin,Celik,Yildiz,Yildirim,Öztürk,Aydin,Özdemir,Arslan,Dogan,Kilic,Aslan,Cetin}'::text[]
    WHEN 'PL' THEN '{Nowak,Kowalski,Wisniewski,Wójcik,Kowalczyk,Kaminski,Lewandowski,Zielinski,Szymanski,Wozniak}'::text[]
    WHEN 'SY' THEN '{Hassan,Ibrahim,Haddad,Khalil,Mahmoud,Youssef,Othman,Darwish,Hussein,Ahmadi,Rahimi,Karimi}'::text[]
    WHEN 'IQ' THEN '{Hassan,Ibrahim,Haddad,Khalil,Mahmoud,Youssef,Othman,Darwish,Hussein,Ahmadi,Rahimi,Karimi}'::text[]
    WHEN 'AF' THEN '{Ahmadi,Rahimi,Karimi,Hussaini,Sultani,Noori,Popal,Wardak}'::text[]
    WHEN 'RO' THEN '{Popescu,Ionescu,Popa,Pop,Radu,Dumitru,Stan,Stoica}'::text[]
    WHEN 'IT' THEN '{Rossi,Russo,Ferrari,Esposito,Bianchi,Romano,Colombo,Ricci}'::text[]
    WHEN 'UA' THEN '{Shevchenko,Kovalenko,Bondarenko,Tkachenko,Melnyk,Kravchenko,Oliinyk,Lysenko}'::text[]
    WHEN 'RU' THEN '{Ivanov,Smirnov,Kuznetsov,Popov,Vasiliev,Petrov,Sokolov,Mikhailov}'::text[]
    WHEN 'HR' THEN '{Horvat,Kovacevic,Babic,Maric,Juric,Novak,Knezevic,Vukovic}'::text[]
    WHEN 'XK' THEN '{Krasniqi,Gashi,Berisha,Morina,Shala,Hoxha,Bytyqi,Kelmendi}'::text[]
    WHEN 'BG' THEN '{Ivanov,Georgiev,Dimitrov,Petrov,Nikolov,Hristov,Stoyanov,Todorov}'::text[]
    WHEN 'GR' THEN '{Papadopoulos,Papadakis,Georgiou,Oikonomou,Nikolaidis,Karagiannis}'::text[]
    WHEN 'DE' THEN '{Müller,Schmidt,Schneider,Fischer,Weber,Meyer,Wagner,Becker,Schulz,Hoffmann,Schäfer,Koch,Bauer,Richter,Klein,Wolf,Schröder,Neumann,Schwarz,Zimmermann,Braun,Krüger,Hofmann,Hartmann,Lange,Schmitt,Werner,Schmitz,Krause,Meier,Lehmann,Schmid,Schulze,Maier,Köhler,Herrmann,König,Walter,Mayer,Huber}'::text[]
    ELSE '{Smith,Martin,Garcia,Silva,Nguyen,Wang,Kumar,Dubois,Gruber,Jansen}'::text[]
END;

-- The truth classes and what the register shows of them (citizenships,
-- acquisition, birth country).  Own migration background in the MigraPro
-- sense (docs/households.md): foreigners, the naturalised, (Spät-)Aussiedler,
-- ius-soli children (Optionsdeutsche) and Germans born abroad.
CREATE OR REPLACE FUNCTION regsim.own_background(class text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN class IN ('foreign', 'naturalised', 'aussiedler', 'ius_soli', 'de_abroad');

-- The class of a child from the classes of its parents (§ 4 StAG): a German
-- parent passes German citizenship by descent; children born abroad before
-- the family came are naturalised with naturalised parents, otherwise
-- foreign or Germans born abroad; children of two foreign parents born in
-- Germany since 2000 are ius-soli Germans when a parent had lived here long
-- enough (the draw x < 0.6).
CREATE OR REPLACE FUNCTION regsim.child_class(mother text, father text, born_abroad boolean,
                                              birth_year integer, x float8)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
    WHEN born_abroad AND 'naturalised' IN (mother, father) THEN 'naturalised'
    WHEN born_abroad AND (mother <> 'foreign' OR father <> 'foreign') THEN 'de_abroad'
    WHEN born_abroad THEN 'foreign'
    WHEN mother <> 'foreign' OR father <> 'foreign' THEN 'native'
    WHEN birth_year >= 2000 AND x < 0.6 THEN 'ius_soli'
    ELSE 'foreign'
END;

CREATE OR REPLACE FUNCTION regsim.generate_register(
    persons integer,
    seed bigint DEFAULT 1,
    districts integer DEFAULT 60,
    reference_date date DEFAULT date '2024-12-31',
    parent_key_share float8 DEFAULT 0.25)
RETURNS TABLE (
    person_id bigint, address_id bigint, district integer, birth_date date, sex text,
    surname text, citizenship1 text, citizenship2 text, german_acquisition text,
    birth_country text, immigration_year integer, moved_in_from text,
    previous_address_id bigint, move_in_date date,
    mother_id bigint, father_id bigint, mother_in_household boolean, father_in_household boolean,
    reference_date date,
    true_household_id bigint, true_role text, true_class text, true_own_background boolean,
    true_mother_id bigint, true_father_id bigint, true_mother_class text, true_father_class text,
    true_family_background boolean)
LANGUAGE sql STABLE PARALLEL SAFE
-- The row estimates of generate_series(1, persons) are blind to persons and
-- multiply through the joins: without these settings the planner joins the
-- large intermediate sets by nested loops and JIT-compiles for a minute.
SET enable_nestloop = off
SET jit = off
SET work_mem = '256MB'
AS $gen$
-- The steps are MATERIALIZED where later steps read a column several times:
-- inlined, each reading would compute the expression again.
WITH
-- 1. Household types and sizes (streams 1-19).  Shares of households: one
-- person 45 %, couple 24 %, couple with children 14 %, single parent 5 %,
-- step family 3 %, shared flat 6 %, three generations 2 %, children living
-- with grandparents 1 %.
draw AS (
    SELECT h,
           CASE WHEN t < 0.45 THEN 'single' WHEN t < 0.67 THEN 'couple'
                WHEN t < 0.81 THEN 'couple_kids' WHEN t < 0.86 THEN 'single_parent'
                WHEN t < 0.89 THEN 'stepfamily' WHEN t < 0.95 THEN 'shared_flat'
                WHEN t < 0.97 THEN 'three_gen' WHEN t < 0.98 THEN 'kids_with_gp'
                ELSE 'couple' END AS kind,
           -- children: 1 (45 %), 2 (40 %), 3 (15 %); oldest 0-18 years,
           -- 1.5-4 years apart; only those born by the reference date count
           CASE WHEN k < 0.45 THEN 1 WHEN k < 0.85 THEN 2 ELSE 3 END AS kids_drawn,
           18 * regsim.u(seed, h, 3) AS oldest_age,
           1.5 + 2.5 * regsim.u(seed, h, 4) AS spacing,
           -- the mother's age at the oldest child's birth: 17-42, peak 29.5
           17 + 25 * (regsim.u(seed, h, 5) + regsim.u(seed, h, 6)) / 2 AS mother_at_first,
           -- the father's age minus the mother's: -4 to 10, peak 3
           -4 + 14 * (regsim.u(seed, h, 7) + regsim.u(seed, h, 8)) / 2 AS father_gap,
           regsim.u(seed, h, 9) AS adult_child_draw,
           regsim.u(seed, h, 10) < 0.5 AS absent_in_register,
           2 + floor(3 * regsim.u(seed, h, 11))::int AS flatmates,
           1 + (regsim.u(seed, h, 12) < 0.5)::int AS grandparents,
           regsim.u(seed, h, 13) < 0.4 AS has_joint_child
    FROM generate_series(1, persons) h,
         LATERAL (SELECT regsim.u(seed, h, 1) AS t, regsim.u(seed, h, 2) AS k) d
),
sized AS (
    SELECT *,
           CASE WHEN kind IN ('couple_kids', 'single_parent', 'stepfamily', 'three_gen')
                THEN least(kids_drawn, floor(oldest_age / spacing)::int + 1)
                WHEN kind = 'kids_with_gp' THEN least(kids_drawn, 2, floor(oldest_age / spacing)::int + 1)
                ELSE 0 END AS kids,
           adult_child_draw < 0.2 AND oldest_age + mother_at_first >= 36 AS has_adult_child
    FROM draw
),
counted AS (
    SELECT *,
           CASE kind
             WHEN 'single' THEN 1
             WHEN 'couple' THEN 2
             WHEN 'couple_kids' THEN 2 + kids + has_adult_child::int
             WHEN 'single_parent' THEN 1 + kids + absent_in_register::int
             WHEN 'stepfamily' THEN 2 + kids + absent_in_register::int + has_joint_child::int
             WHEN 'shared_flat' THEN flatmates
             WHEN 'three_gen' THEN 2 + kids + grandparents
             WHEN 'kids_with_gp' THEN grandparents + kids + absent_in_register::int
           END AS size
    FROM sized
),
kept AS (
    SELECT * FROM (
        SELECT *, sum(size) OVER (ORDER BY h) - size AS before FROM counted
    ) c
    WHERE before < persons
),
-- 2. Buildings: one household (25 %), 2-6 (45 %), 7-20 (30 %); consecutive
-- households share a building.  Districts: consecutive buildings, sizes
-- varying 1:3, each with an immigrant-household factor 0.4-1.6.
building AS (
    SELECT b, CASE WHEN x < 0.25 THEN 1 WHEN x < 0.70 THEN 2 + floor(5 * y)::int
                   ELSE 7 + floor(14 * y)::int END AS households
    FROM generate_series(1, (SELECT count(*) FROM kept)) b,
         LATERAL (SELECT regsim.u(seed, -b, 1) AS x, regsim.u(seed, -b, 2) AS y) d
),
building_household AS (
    SELECT b, generate_series(first, first + households - 1) AS h
    FROM (SELECT b, households, sum(households) OVER (ORDER BY b) - households + 1 AS first
          FROM building) s
),
placed AS (
    SELECT k.*, bh.b AS address
    FROM kept k JOIN building_household bh USING (h)
),
district_address AS (
    SELECT d, generate_series(first, coalesce(lead(first) OVER (ORDER BY d) - 1,
                                              (SELECT max(address) FROM placed))) AS address
    FROM (SELECT d, 1 + floor((sum(w) OVER (ORDER BY d) - w) / sum(w) OVER ()
                              * (SELECT max(address) FROM placed))::int AS first
          FROM (SELECT d, 1 + 2 * regsim.u(seed, -d, 3) AS w
                FROM generate_series(1, districts) d) w) s
),
household AS (
    SELECT p.*, da.d AS district, (SELECT max(address) FROM placed) AS addresses
    FROM placed p JOIN district_address da USING (address)
),
-- 3. Origin (streams 20-39).  Base shares of households: foreign 19 %,
-- naturalised 7 %, (Spät-)Aussiedler 5 %, a German and an immigrant partner
-- 6 %, Germans back from abroad 2 %, the rest without migration background;
-- the first two scaled by the district factor.
origin AS (
    SELECT hh.*, f.factor,
           CASE WHEN o < 0.19 * f.factor THEN 'foreign'
                WHEN o < 0.26 * f.factor THEN 'naturalised'
                WHEN o < 0.26 * f.factor + 0.05 THEN 'aussiedler'
                WHEN o < 0.26 * f.factor + 0.11 THEN 'mixed'
                WHEN o < 0.26 * f.factor + 0.13 THEN 'de_abroad'
                ELSE 'native' END AS profile,
           -- origin countries of immigrants (Zensus 2022: Poland, Turkey,
           -- Russia, Syria, Ukraine lead), a hundred slots
           regsim.pick('{TR,TR,TR,TR,TR,TR,TR,TR,TR,TR,TR,TR,TR,TR,TR,TR,PL,PL,PL,PL,PL,PL,PL,PL,PL,PL,PL,SY,SY,SY,SY,SY,SY,SY,SY,RO,RO,RO,RO,RO,RO,RO,RO,UA,UA,UA,UA,UA,UA,UA,IT,IT,IT,IT,IT,IT,IT,RU,RU,RU,RU,RU,HR,HR,HR,HR,HR,GR,GR,GR,GR,GR,BG,BG,BG,BG,AF,AF,AF,AF,IQ,IQ,IQ,IQ,XK,XK,XK,US,FR,AT,ES,IN,CN,VN,GB,NL,PT,HU,IR,MA}',
                       regsim.u(seed, hh.h, 21)) AS country,
           regsim.pick('{KZ,KZ,KZ,RU,RU,RU,PL,RO}', regsim.u(seed, hh.h, 22)) AS aussiedler_country,
           regsim.pick('{US,AT,CH,GB,FR,ES,BR,ZA}', regsim.u(seed, hh.h, 23)) AS abroad_country,
           regsim.u(seed, hh.h, 24) < 0.5 AS mixed_mother_german,
           regsim.u(seed, hh.h, 25) < 0.15 AS second_generation,
           regsim.u(seed, hh.h, 26) AS imm_draw,
           regsim.u(seed, hh.h, 27) < 0.3 AS stepfather_immigrant
    FROM household hh
    JOIN LATERAL (SELECT 0.4 + 1.2 * regsim.u(seed, -hh.district, 4) AS factor) f ON true
    CROSS JOIN LATERAL (SELECT regsim.u(seed, hh.h, 20) AS o) od
),
-- 4. Dates and names of the household (streams 40-69).
family AS MATERIALIZED (
    SELECT o.*,
           CASE kind
             WHEN 'single' THEN 18.5 + 71.5 * power(regsim.u(seed, h, 40), 1.3)
             WHEN 'couple' THEN 20 + 65 * regsim.u(seed, h, 40)
             WHEN 'shared_flat' THEN 19 + 12 * regsim.u(seed, h, 40)
             ELSE greatest(oldest_age + mother_at_first, 18.2) END AS mother_age,
           -- the move into this address: up to 20 years back, not before 18
           20 * regsim.u(seed, h, 41) AS moved_years_ago,
           regsim.u(seed, h, 42) AS prev_draw,
           regsim.u(seed, h, 43) < 0.75 AS married,
           regsim.u(seed, h, 44) < 0.10 AS double_name,
           regsim.u(seed, h, 45) < 0.6 AS kids_father_name,
           regsim.u(seed, h, 46) < 0.4 AS mother_took_new_name,
           regsim.u(seed, h, 47) < 0.25 AS mother_reverted,
           regsim.u(seed, h, 48) < 0.5 AS gp_mother_side,
           regsim.u(seed, h, 49) AS step_moved_draw,
           regsim.u(seed, h, 50) AS joint_age_draw,
           n.names_a, n.names_b,
           CASE WHEN profile = 'mixed' AND NOT mixed_mother_german THEN n.names_b ELSE n.names_a END
               AS names_mother_side,
           CASE WHEN profile = 'mixed' AND mixed_mother_german THEN n.names_b ELSE n.names_a END
               AS names_father_side
    FROM origin o
    CROSS JOIN LATERAL (
        SELECT regsim.surnames(CASE WHEN o.profile IN ('foreign', 'naturalised') THEN o.country ELSE 'DE' END)
                   AS names_a,
               regsim.surnames(CASE WHEN o.profile IN ('foreign', 'naturalised', 'mixed') THEN o.country ELSE 'DE' END)
                   AS names_b) n
),
family2 AS MATERIALIZED (
    SELECT f.*,
           -- not before the mother was 18, nor before immigrants came
           least(f.moved_years_ago, greatest(f.mother_age - 18, 0),
                 CASE WHEN f.profile IN ('aussiedler', 'mixed', 'de_abroad')
                        OR (f.profile IN ('foreign', 'naturalised') AND NOT f.second_generation)
                      THEN extract(year FROM reference_date) - i.imm_year END) AS moved_ago,
           regsim.pick(f.names_mother_side, regsim.u(seed, h, 51)) AS name_mother_born,
           regsim.pick(f.names_father_side, regsim.u(seed, h, 52)) AS name_father,
           regsim.pick(regsim.surnames('DE'), regsim.u(seed, h, 53)) AS name_stepfather,
           -- the year the immigrant adults came: aged 0-35, by the reference
           -- year; (Spät-)Aussiedler 1988-2005
           i.imm_year
    FROM family f
    CROSS JOIN LATERAL (
        SELECT CASE WHEN f.profile = 'aussiedler' THEN 1988 + floor(18 * f.imm_draw)::int
                    ELSE least(extract(year FROM reference_date)::int,
                               extract(year FROM regsim.years_before(reference_date, f.mother_age))::int
                               + floor(35 * f.imm_draw)::int) END AS imm_year) i
),
-- 5. People (streams 70-99 per person).  One row per person, person_id =
-- 16 * household + slot: 0 mother or first adult, 1 father or partner,
-- 2 step-father or third flatmate, 3 the parent living elsewhere or a fourth
-- flatmate, 4-6 children, 7 the step family's joint child, 8 adult child,
-- 10-11 grandparents.
slot AS (
    SELECT f.*, s.slot
    FROM family2 f
    CROSS JOIN LATERAL (
        SELECT 0 AS slot WHERE f.kind <> 'kids_with_gp'
        UNION ALL SELECT 1 WHERE f.kind IN ('couple', 'couple_kids', 'three_gen')
                             OR (f.kind = 'shared_flat')
        UNION ALL SELECT 2 WHERE f.kind = 'stepfamily' OR (f.kind = 'shared_flat' AND f.flatmates >= 3)
        UNION ALL SELECT 3 WHERE (f.kind IN ('single_parent', 'stepfamily', 'kids_with_gp') AND f.absent_in_register)
                             OR (f.kind = 'shared_flat' AND f.flatmates >= 4)
        UNION ALL SELECT 3 + k FROM generate_series(1, f.kids) k
        UNION ALL SELECT 7 WHERE f.kind = 'stepfamily' AND f.has_joint_child
        UNION ALL SELECT 8 WHERE f.kind = 'couple_kids' AND f.has_adult_child
        UNION ALL SELECT 9 + g FROM generate_series(1, f.grandparents) g
                  WHERE f.kind IN ('three_gen', 'kids_with_gp')
    ) s
),
person AS (
    SELECT s.h * 16 + s.slot AS id, s.h, s.slot, s.kind, s.profile, s.country,
           s.address, s.district, s.addresses, s.imm_year, s.second_generation,
           s.aussiedler_country, s.abroad_country,
           CASE
             WHEN s.kind = 'shared_flat' THEN 'flatmate'
             WHEN s.kind IN ('single', 'couple') THEN CASE s.slot WHEN 0 THEN 'single' ELSE 'partner' END
             WHEN s.slot = 0 THEN 'mother'
             WHEN s.slot = 1 THEN 'father'
             WHEN s.slot = 2 THEN 'stepfather'
             WHEN s.slot = 3 THEN 'parent_elsewhere'
             WHEN s.slot IN (4, 5, 6, 7) THEN 'child'
             WHEN s.slot = 8 THEN 'adult_child'
             ELSE 'grandparent' END AS role,
           -- age in years at the reference date
           CASE
             WHEN s.kind = 'shared_flat' THEN 19 + 14 * regsim.u(seed, s.h * 16 + s.slot, 70)
             WHEN s.slot = 0 THEN s.mother_age
             WHEN s.slot = 1 AND s.kind = 'couple' THEN greatest(18.5, s.mother_age + s.father_gap)
             WHEN s.slot = 1 THEN greatest(s.mother_age + s.father_gap, s.oldest_age + 17, 18.2)
             WHEN s.slot = 2 THEN greatest(s.mother_age - 5 + 12 * regsim.u(seed, s.h * 16 + 2, 71), 18.5)
             WHEN s.slot = 3 AND s.kind = 'kids_with_gp' THEN s.mother_age
             WHEN s.slot = 3 THEN greatest(s.mother_age + s.father_gap, s.oldest_age + 17, 18.2)
             WHEN s.slot BETWEEN 4 AND 6 THEN s.oldest_age - (s.slot - 4) * s.spacing
             WHEN s.slot = 7 THEN least(s.moved_ago * s.step_moved_draw, 17.9) * s.joint_age_draw
             WHEN s.slot = 8 THEN least(18 + 7 * regsim.u(seed, s.h * 16 + 8, 71), s.mother_age - 17)
             ELSE s.mother_age + 24 + 12 * regsim.u(seed, s.h * 16 + s.slot, 71) END AS age,
           -- at this household's address (not the parent living elsewhere)
           NOT (s.slot = 3 AND s.kind IN ('single_parent', 'stepfamily', 'kids_with_gp')) AS at_home,
           s.moved_ago, s.prev_draw, s.married, s.double_name, s.kids_father_name,
           s.mother_took_new_name, s.mother_reverted, s.gp_mother_side, s.step_moved_draw,
           s.name_mother_born, s.name_father, s.name_stepfather, s.names_a, s.mixed_mother_german,
           s.stepfather_immigrant
    FROM slot s
),
-- Sex, the adult's class, the dates.
person2 AS MATERIALIZED (
    SELECT p.*,
           CASE
             WHEN p.role IN ('mother') THEN 'f'
             WHEN p.role IN ('father', 'stepfather') THEN 'm'
             WHEN p.role = 'parent_elsewhere' THEN CASE WHEN p.kind = 'kids_with_gp' THEN 'f' ELSE 'm' END
             WHEN p.role = 'grandparent' THEN CASE WHEN p.slot = 10 THEN 'f' ELSE 'm' END
             WHEN p.role = 'partner' THEN CASE WHEN regsim.u(seed, p.id, 72) < 0.03 THEN 'f' ELSE 'm' END
             WHEN p.role = 'single' AND p.kind = 'couple' THEN 'f'
             ELSE CASE WHEN regsim.u(seed, p.id, 72) < 0.5 THEN 'f' ELSE 'm' END
           END AS true_sex,
           regsim.years_before(reference_date, p.age) AS birth,
           regsim.u(seed, p.id, 73) AS noise,
           regsim.u(seed, p.id, 74) AS noise2
    FROM person p
),
-- The class of the adults (children below, from their parents).
adult AS (
    SELECT p.*,
           CASE
             WHEN p.role = 'child' THEN NULL
             WHEN p.role = 'stepfather' THEN CASE WHEN p.stepfather_immigrant THEN 'foreign' ELSE 'native' END
             WHEN p.profile = 'native' THEN
                 CASE WHEN p.role = 'grandparent' AND extract(year FROM p.birth) < 1946
                           AND p.noise < 0.3 THEN 'expellee' ELSE 'native' END
             WHEN p.profile = 'de_abroad' THEN CASE WHEN p.role = 'adult_child' THEN 'native' ELSE 'de_abroad' END
             WHEN p.profile = 'mixed' THEN
                 CASE WHEN (p.role IN ('mother', 'single', 'flatmate') OR (p.role = 'grandparent' AND p.slot = 10)
                            OR (p.role = 'parent_elsewhere' AND p.kind = 'kids_with_gp'))
                           = p.mixed_mother_german
                        OR p.role = 'adult_child' THEN 'native'
                      WHEN p.noise < 0.5 THEN 'naturalised' ELSE 'foreign' END
             WHEN p.profile = 'aussiedler' THEN
                 CASE WHEN extract(year FROM p.birth) < p.imm_year THEN 'aussiedler' ELSE 'native' END
             WHEN p.profile = 'naturalised' THEN
                 CASE WHEN p.role = 'adult_child' THEN 'naturalised'
                      WHEN p.noise < 0.25 THEN 'foreign' ELSE 'naturalised' END
             ELSE 'foreign' END AS adult_class
    FROM person2 p
),
-- The truth parents of everyone with parents in the household structure.
parents AS (
    SELECT a.*,
           CASE
             WHEN a.role IN ('child', 'adult_child') AND a.slot <> 7 AND a.kind <> 'kids_with_gp' THEN a.h * 16
             WHEN a.slot = 7 THEN a.h * 16
             WHEN a.kind = 'kids_with_gp' AND a.role = 'child' THEN a.h * 16 + 3
             WHEN a.kind = 'three_gen' AND a.role = 'grandparent' THEN NULL
           END AS mother_slot_id,
           CASE
             WHEN a.role IN ('child', 'adult_child') AND a.kind IN ('couple_kids', 'three_gen') THEN a.h * 16 + 1
             WHEN a.slot = 7 THEN a.h * 16 + 2
             WHEN a.role = 'child' AND a.kind IN ('single_parent', 'stepfamily') THEN a.h * 16 + 3
           END AS father_slot_id
    FROM adult a
),
-- Classes of the parents, also of those not in the register.
parent_class AS (
    SELECT p.*,
           m.id AS mother_id_true, fa.id AS father_id_true,
           m.adult_class AS m_class, fa.adult_class AS f_class
    FROM parents p
    LEFT JOIN adult m ON m.id = p.mother_slot_id
    LEFT JOIN adult fa ON fa.id = p.father_slot_id
),
classed AS (
    SELECT c.*,
           -- a parent outside the register has the class the household's
           -- profile gives the other side
           coalesce(c.m_class, CASE WHEN c.profile IN ('foreign') THEN 'foreign'
                                    WHEN c.profile = 'naturalised' THEN 'naturalised'
                                    WHEN c.profile = 'aussiedler' THEN 'native'
                                    WHEN c.profile = 'mixed' AND NOT c.mixed_mother_german THEN 'foreign'
                                    WHEN c.profile = 'de_abroad' THEN 'de_abroad'
                                    ELSE 'native' END) AS mother_class,
           coalesce(c.f_class, CASE WHEN c.profile IN ('foreign') THEN 'foreign'
                                    WHEN c.profile = 'naturalised' THEN 'naturalised'
                                    WHEN c.profile = 'aussiedler' THEN 'native'
                                    WHEN c.profile = 'mixed' AND c.mixed_mother_german THEN 'foreign'
                                    WHEN c.profile = 'de_abroad' THEN 'de_abroad'
                                    ELSE 'native' END) AS father_class
    FROM parent_class c
),
final_class AS MATERIALIZED (
    SELECT c.*,
           CASE WHEN c.role = 'child' THEN
                regsim.child_class(c.mother_class, c.father_class, k.abroad,
                                   extract(year FROM c.birth)::int, c.noise)
                ELSE c.adult_class END AS class,
           k.abroad AS child_abroad
    FROM classed c
    -- a child born before an immigrant family came
    CROSS JOIN LATERAL (SELECT c.role = 'child' AND c.profile IN ('foreign', 'naturalised')
                               AND NOT c.second_generation
                               AND extract(year FROM c.birth)::int < c.imm_year AS abroad) k
),
-- 6. What the register shows.
shown AS (
    SELECT c.*,
           -- 2 % of foreign citizenships unclear, some Syrians and Iraqis stateless
           CASE WHEN c.class <> 'foreign' THEN 'DE'
                WHEN regsim.u(seed, c.id, 84) < 0.02 THEN 'XXX'
                WHEN c.country IN ('SY', 'IQ') AND regsim.u(seed, c.id, 84) < 0.06 THEN 'XXA'
                ELSE c.country END AS cit1,
           CASE
             WHEN c.class = 'naturalised' AND c.noise2 < 0.4 THEN c.country
             WHEN c.class = 'aussiedler' AND c.noise2 < 0.2 THEN c.aussiedler_country
             WHEN c.class = 'ius_soli' THEN c.country
             WHEN c.class = 'native' AND c.role = 'child'
                  AND 'foreign' IN (c.mother_class, c.father_class) AND c.noise2 < 0.7 THEN c.country
           END AS cit2,
           CASE c.class
             WHEN 'foreign' THEN NULL
             WHEN 'naturalised' THEN 'naturalisation'
             WHEN 'aussiedler' THEN 'spaetaussiedler'
             WHEN 'ius_soli' THEN 'ius_soli'
             WHEN 'expellee' THEN 'expellee'
             ELSE 'descent' END AS acquisition,
           CASE
             WHEN c.role = 'child' THEN CASE WHEN c.child_abroad THEN 'abroad' ELSE 'born_de' END
             WHEN c.class IN ('foreign', 'naturalised') AND c.second_generation THEN 'born_de'
             WHEN c.class IN ('foreign', 'naturalised', 'aussiedler', 'de_abroad', 'expellee') THEN 'abroad'
             ELSE 'born_de' END AS birthplace
    FROM final_class c
),
shown2 AS MATERIALIZED (
    SELECT s.*,
           CASE WHEN s.birthplace = 'born_de' THEN 'DE'
                WHEN regsim.u(seed, s.id, 85) < 0.05 THEN NULL   -- birthplace fields are incomplete
                WHEN s.class = 'aussiedler' THEN s.aussiedler_country
                WHEN s.class = 'de_abroad' THEN s.abroad_country
                WHEN s.class = 'expellee' THEN CASE WHEN s.noise2 < 0.5 THEN 'PL' ELSE 'CZ' END
                ELSE s.country END AS birth_ctry,
           CASE WHEN s.birthplace = 'abroad' THEN
                CASE WHEN s.class = 'expellee' THEN 1945 + floor(5 * regsim.u(seed, s.id, 86))::int
                     ELSE greatest(s.imm_year, extract(year FROM s.birth)::int) END END AS imm,
           -- move-in: together with the household, at birth when born
           -- after the move, on their own for step-fathers, flatmates and
           -- parents elsewhere
           CASE
             WHEN s.role = 'stepfather' THEN
                 greatest(regsim.years_before(reference_date, s.moved_ago * s.step_moved_draw),
                          CASE WHEN s.birthplace = 'abroad'
                               THEN make_date(greatest(s.imm_year, extract(year FROM s.birth)::int), 1, 1) END)
             WHEN s.role IN ('flatmate', 'parent_elsewhere') THEN
                 greatest(regsim.years_before(reference_date, least(s.age - 18, 10) * regsim.u(seed, s.id, 75)),
                          CASE WHEN s.birthplace = 'abroad'
                               THEN make_date(greatest(s.imm_year, extract(year FROM s.birth)::int), 1, 1) END)
             WHEN s.role IN ('child', 'adult_child') AND s.age < s.moved_ago THEN s.birth
             ELSE regsim.years_before(reference_date, s.moved_ago) END AS move_in,
           -- the previous address: moving in within the city (55 %), from
           -- elsewhere in Germany (30 %, addresses above 10^9), unknown (15 %)
           CASE
             WHEN s.role IN ('stepfather', 'flatmate', 'parent_elsewhere')
                 THEN CASE WHEN regsim.u(seed, s.id, 76) < 0.55
                           THEN 1 + floor(s.addresses * regsim.u(seed, s.id, 77))::bigint
                           WHEN regsim.u(seed, s.id, 76) < 0.85 THEN 1000000000 + s.id END
             WHEN s.role IN ('child', 'adult_child') AND s.age < s.moved_ago THEN NULL   -- born here
             WHEN s.prev_draw < 0.55 THEN 1 + floor(s.addresses * regsim.u(seed, s.h, 78))::bigint
             WHEN s.prev_draw < 0.85 THEN 1000000000 + s.h
           END AS prev,
           -- surnames
           CASE
             WHEN s.kind IN ('single', 'shared_flat') THEN regsim.pick(s.names_a, regsim.u(seed, s.id, 79))
             WHEN s.kind = 'couple' AND s.slot = 0 AND NOT s.married THEN s.name_mother_born
             WHEN s.kind = 'couple' THEN s.name_father
             WHEN s.role = 'stepfather' THEN s.name_stepfather
             WHEN s.role = 'father' OR (s.role = 'parent_elsewhere' AND s.kind <> 'kids_with_gp') THEN s.name_father
             WHEN s.role = 'parent_elsewhere' THEN s.name_mother_born
             WHEN s.role = 'mother' AND s.kind IN ('couple_kids', 'three_gen') THEN
                 CASE WHEN NOT s.married THEN s.name_mother_born
                      WHEN s.double_name THEN s.name_father || '-' || s.name_mother_born
                      ELSE s.name_father END
             WHEN s.role = 'mother' AND s.kind = 'single_parent' THEN
                 CASE WHEN s.mother_reverted THEN s.name_mother_born ELSE s.name_father END
             WHEN s.role = 'mother' AND s.kind = 'stepfamily' THEN
                 CASE WHEN s.mother_took_new_name THEN s.name_stepfather ELSE s.name_father END
             WHEN s.role IN ('child', 'adult_child') AND s.slot = 7 THEN
                 CASE WHEN s.mother_took_new_name OR s.kids_father_name THEN s.name_stepfather ELSE s.name_father END
             WHEN s.role IN ('child', 'adult_child') AND s.kind = 'kids_with_gp' THEN
                 CASE WHEN s.kids_father_name THEN s.name_father ELSE s.name_mother_born END
             WHEN s.role IN ('child', 'adult_child') THEN
                 CASE WHEN s.married OR s.kids_father_name THEN s.name_father ELSE s.name_mother_born END
             WHEN s.role = 'grandparent' THEN
                 CASE WHEN s.kind = 'kids_with_gp' OR s.gp_mother_side THEN s.name_mother_born ELSE s.name_father END
           END AS name
    FROM shown s
),
-- The parent living elsewhere lives at another building.
located AS (
    SELECT s.*,
           CASE WHEN s.at_home THEN s.address
                ELSE 1 + (s.address + floor((s.addresses - 1) * regsim.u(seed, s.id, 80))::bigint) % s.addresses
           END AS addr
    FROM shown2 s
)
SELECT l.id, l.addr,
       -- the district of the building the person lives in
       CASE WHEN l.at_home THEN l.district ELSE da.d END,
       l.birth,
       -- 0.2 % of sexes missing, 0.05 % diverse
       CASE WHEN l.noise < 0.002 THEN NULL WHEN l.noise < 0.0025 THEN 'd' ELSE l.true_sex END,
       l.name, l.cit1, l.cit2,
       -- the kind of German citizenship is lost when a person moves in from
       -- another municipality (30 % of those)
       CASE WHEN l.cit1 = 'DE' AND l.prev >= 1000000000 AND regsim.u(seed, l.id, 83) < 0.3 THEN NULL
            ELSE l.acquisition END,
       l.birth_ctry, l.imm,
       -- Zuzugsherkunft: the country of the last move from abroad (10 % lost)
       CASE WHEN l.imm IS NOT NULL AND regsim.u(seed, l.id, 87) < 0.9 THEN l.birth_ctry END,
       l.prev, l.move_in,
       -- the parent keys the register happens to carry (minors only)
       CASE WHEN l.role = 'child' AND regsim.u(seed, l.id, 81) < parent_key_share THEN l.mother_id_true END,
       CASE WHEN l.role = 'child' AND regsim.u(seed, l.id, 81) < parent_key_share THEN l.father_id_true END,
       CASE WHEN l.role = 'child' AND regsim.u(seed, l.id, 81) < parent_key_share AND l.mother_id_true IS NOT NULL
            THEN l.mother_id_true = l.h * 16 END,
       CASE WHEN l.role = 'child' AND regsim.u(seed, l.id, 81) < parent_key_share AND l.father_id_true IS NOT NULL
            THEN l.father_id_true IN (l.h * 16 + 1, l.h * 16 + 2) END,
       reference_date,
       l.h, l.role, l.class, regsim.own_background(l.class),
       l.mother_id_true, l.father_id_true,
       CASE WHEN l.role IN ('child', 'adult_child') THEN l.mother_class END,
       CASE WHEN l.role IN ('child', 'adult_child') THEN l.father_class END,
       CASE WHEN l.role = 'child' THEN NOT regsim.own_background(l.class)
                                 AND (regsim.own_background(l.mother_class)
                                      OR regsim.own_background(l.father_class)) END
FROM located l
LEFT JOIN district_address da ON da.address = l.addr AND NOT l.at_home
ORDER BY l.id
$gen$;

COMMENT ON FUNCTION regsim.generate_register(integer, bigint, integer, date, float8) IS
'a synthetic municipal register of at least persons people with true parent links and classes; the same arguments give the same rows';
