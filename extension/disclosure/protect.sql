-- Disclosure control: primary suppression and rounding (docs/disclosure.md).

CREATE TYPE migstat.protected_count AS (
    value bigint,
    suppressed boolean,
    reason text
);
COMMENT ON TYPE migstat.protected_count IS
'a count ready for publication: value (NULL when suppressed), whether it was suppressed, and why';

CREATE FUNCTION migstat.suppress(n bigint)
RETURNS migstat.protected_count AS 'MODULE_PATHNAME', 'migstat_suppress'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.suppress(bigint) IS
'primary suppression: counts from 1 to migstat.min_cell_count - 1 are withheld (value NULL, suppressed true); zeros and larger counts are published; NULL stays NULL (missing)';

CREATE FUNCTION migstat.suppress(n bigint, min_count integer)
RETURNS migstat.protected_count AS 'MODULE_PATHNAME', 'migstat_suppress'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.suppress(bigint, integer) IS
'primary suppression: counts from 1 to min_count - 1 are withheld (value NULL, suppressed true); zeros and larger counts are published; NULL stays NULL (missing)';

CREATE FUNCTION migstat.round_to_base(n bigint, base integer)
RETURNS bigint AS 'MODULE_PATHNAME', 'migstat_round_to_base'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.round_to_base(bigint, integer) IS
'deterministic rounding of a count to the nearest multiple of base, halves up';

CREATE FUNCTION migstat.random_round(n bigint, base integer, seed bigint, cell anyelement)
RETURNS bigint AS 'MODULE_PATHNAME', 'migstat_random_round'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.random_round(bigint, integer, bigint, anyelement) IS
'unbiased random rounding to a multiple of base; the draw is keyed on (seed, cell, n), so a cell always rounds the same way';
