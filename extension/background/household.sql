-- Household generation: links minors to the adults at the same address who
-- can be their mother and father (docs/households.md).  Municipal registers
-- rarely carry parent keys; MigraPro's "familiärer Migrationshintergrund"
-- needs them, so statistics offices generate them from address, dates of
-- birth, names, previous address and move-in date.

CREATE FUNCTION migstat.link_parents(
    register regclass,
    age_gap boolean DEFAULT true,
    same_surname boolean DEFAULT true,
    same_previous_address boolean DEFAULT false,
    same_move_in boolean DEFAULT false,
    mother_age_min integer DEFAULT 15,
    mother_age_max integer DEFAULT 50,
    father_age_min integer DEFAULT 15,
    father_age_max integer DEFAULT 65)
RETURNS TABLE (child_id bigint, mother_id bigint, father_id bigint,
               mother_candidates integer, father_candidates integer, rules text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    needed text[] := ARRAY['person_id', 'birth_date', 'sex', 'address_id', 'reference_date'];
    col text;
    rule_names text := 'address';
    filters text := '';
    dup bigint;
BEGIN
    -- Every argument is needed: a NULL would silently switch a rule off.
    IF register IS NULL THEN
        RAISE EXCEPTION 'link_parents: register must not be NULL'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF age_gap IS NULL OR same_surname IS NULL OR same_previous_address IS NULL
       OR same_move_in IS NULL THEN
        RAISE EXCEPTION 'link_parents: the rule switches (age_gap, same_surname, same_previous_address, same_move_in) must not be NULL'
            USING ERRCODE = 'null_value_not_allowed',
                  HINT = 'Pass true or false to switch a rule on or off.';
    END IF;
    IF mother_age_min IS NULL OR mother_age_max IS NULL OR father_age_min IS NULL
       OR father_age_max IS NULL THEN
        RAISE EXCEPTION 'link_parents: the age limits must not be NULL'
            USING ERRCODE = 'null_value_not_allowed',
                  HINT = 'Switch the age-gap rule off with age_gap => false.';
    END IF;
    IF mother_age_min < 0 OR father_age_min < 0 OR mother_age_max > 120 OR father_age_max > 120
       OR mother_age_min > mother_age_max OR father_age_min > father_age_max THEN
        RAISE EXCEPTION 'link_parents: invalid age limits: mother % to %, father % to % years',
                        mother_age_min, mother_age_max, father_age_min, father_age_max
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Each limit is a parent''s age at the child''s birth in completed years, 0 <= min <= max <= 120.';
    END IF;

    IF age_gap THEN
        rule_names := rule_names || ', age_gap';
    END IF;
    IF same_surname THEN
        needed := needed || 'surname'::text;
        rule_names := rule_names || ', surname';
        -- Equal ignoring case, or one a part of the other's double name
        -- (the hyphen-separated parts, computed once per person, overlap);
        -- an empty surname is unknown.
        filters := filters || $$
          AND (c.surname_parts IS NULL OR a.surname_parts IS NULL
               OR c.surname_parts && a.surname_parts)$$;
    END IF;
    IF same_previous_address THEN
        needed := needed || 'previous_address_id'::text;
        rule_names := rule_names || ', previous_address';
        filters := filters || $$
          AND (c.previous_address_id IS NULL OR a.previous_address_id IS NULL
               OR c.previous_address_id = a.previous_address_id)$$;
    END IF;
    IF same_move_in THEN
        needed := needed || 'move_in_date'::text;
        rule_names := rule_names || ', move_in';
        -- Moved in together, or the child was registered here at birth
        -- while the adult already lived here.
        filters := filters || $$
          AND (c.move_in_date IS NULL OR a.move_in_date IS NULL
               OR c.move_in_date = a.move_in_date
               OR (c.move_in_date = c.birth_date AND a.move_in_date <= c.birth_date))$$;
    END IF;
    FOREACH col IN ARRAY needed LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_attribute
                       WHERE attrelid = register AND attname = col
                         AND attnum > 0 AND NOT attisdropped) THEN
            RAISE EXCEPTION 'link_parents: % has no column "%"', register, col
                USING ERRCODE = 'undefined_column',
                      HINT = 'The register needs person_id, birth_date, sex, address_id, reference_date, and for the rules switched on surname, previous_address_id, move_in_date; map other names with a view.';
        END IF;
    END LOOP;

    -- Two records with one person_id would be linked as two people.
    IF NOT EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute att
                     ON att.attrelid = i.indrelid AND att.attnum = i.indkey[0]
                   WHERE i.indrelid = register AND i.indisunique AND i.indnkeyatts = 1
                     AND i.indpred IS NULL AND att.attname = 'person_id') THEN
        EXECUTE format('SELECT person_id FROM %s WHERE person_id IS NOT NULL
                        GROUP BY person_id HAVING count(*) > 1 LIMIT 1', register)
            INTO dup;
        IF dup IS NOT NULL THEN
            RAISE EXCEPTION 'link_parents: person_id % occurs more than once in %', dup, register
                USING ERRCODE = 'unique_violation',
                      HINT = 'Pass one register snapshot with one record per person.';
        END IF;
    END IF;

    RETURN QUERY EXECUTE format($q$
        -- Materialized: the rule columns are computed once per person, not
        -- once per candidate pair in the join filter.
        WITH person AS MATERIALIZED (
            SELECT r.person_id::bigint AS id, r.birth_date::date AS birth_date,
                   r.reference_date::date AS reference_date, r.address_id,
                   CASE WHEN r.sex::text IN ('f', 'm') THEN r.sex::text END AS sex
                   %s%s%s
            FROM %s r
            WHERE r.person_id IS NOT NULL AND r.birth_date IS NOT NULL
              AND r.reference_date IS NOT NULL AND r.birth_date <= r.reference_date
        ),
        child AS (
            SELECT * FROM person WHERE birth_date > reference_date - interval '18 years'
        ),
        adult AS (
            -- the birthdays a child may have, per adult: computed once, not per pair
            SELECT *,
                   (birth_date + make_interval(years => $2))::date AS mother_from,
                   (birth_date + make_interval(years => $3 + 1))::date AS mother_until,
                   (birth_date + make_interval(years => $4))::date AS father_from,
                   (birth_date + make_interval(years => $5 + 1))::date AS father_until
            FROM person WHERE birth_date <= reference_date - interval '18 years'
        ),
        fits AS (
            SELECT c.id AS child, a.id AS adult, a.sex,
                   (NOT $1 OR (a.mother_from <= c.birth_date AND c.birth_date < a.mother_until))
                       AS mother_fits,
                   (NOT $1 OR (a.father_from <= c.birth_date AND c.birth_date < a.father_until))
                       AS father_fits
            -- every child, with its candidates if any (a.id NULL: none)
            FROM child c LEFT JOIN adult a ON a.address_id = c.address_id %s
        ),
        counted AS (
            SELECT child,
                   count(adult) FILTER (WHERE sex IS DISTINCT FROM 'm' AND mother_fits)::int AS mothers,
                   count(adult) FILTER (WHERE sex IS DISTINCT FROM 'f' AND father_fits)::int AS fathers,
                   max(adult) FILTER (WHERE sex = 'f' AND mother_fits) AS mother,
                   max(adult) FILTER (WHERE sex = 'm' AND father_fits) AS father
            FROM fits GROUP BY child
        )
        SELECT child, CASE WHEN mothers = 1 THEN mother END, CASE WHEN fathers = 1 THEN father END,
               mothers, fathers, $6
        FROM counted
        $q$,
        CASE WHEN same_surname
             THEN $s$, CASE WHEN btrim(r.surname::text) = '' THEN NULL
                             WHEN strpos(r.surname::text, '-') = 0 THEN ARRAY[lower(btrim(r.surname::text))]
                             ELSE regexp_split_to_array(lower(btrim(r.surname::text)), '\s*-\s*') END
                        AS surname_parts$s$ ELSE '' END,
        CASE WHEN same_previous_address THEN ', r.previous_address_id' ELSE '' END,
        CASE WHEN same_move_in THEN ', r.move_in_date::date AS move_in_date' ELSE '' END,
        register, filters)
    USING age_gap, mother_age_min, mother_age_max, father_age_min, father_age_max, rule_names;
END
$fn$;
COMMENT ON FUNCTION migstat.link_parents(regclass, boolean, boolean, boolean, boolean,
                                         integer, integer, integer, integer) IS
'household generation: links each minor (under 18 at reference_date) to the one woman and the one man at the same address_id who pass the rules switched on (age gap, surname, previous address, move-in date); ambiguous or missing candidates give NULL with the number of candidates';
