-- Disclosure control: the cell key method (docs/disclosure.md).

CREATE FUNCTION migstat.record_key()
RETURNS double precision AS 'MODULE_PATHNAME', 'migstat_record_key_random'
LANGUAGE C VOLATILE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.record_key() IS
'a record key drawn from the operating system''s secure random source: a multiple of 2^-53 in [0, 1), to be stored with the record once';

CREATE FUNCTION migstat.record_key(record_id anyelement, seed bigint)
RETURNS double precision AS 'MODULE_PATHNAME', 'migstat_record_key_seeded'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.record_key(anyelement, bigint) IS
'a reproducible record key in [0, 1) for a record id: SipHash-2-4 keyed with the seed; keep the seed secret';

CREATE FUNCTION migstat.cell_key_accum(bigint, double precision)
RETURNS bigint AS 'MODULE_PATHNAME', 'migstat_cell_key_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.cell_key_accum(bigint, double precision) IS
'aggregate support: transition function of migstat.cell_key (64-bit fixed-point key sum)';

CREATE FUNCTION migstat.cell_key_combine(bigint, bigint)
RETURNS bigint AS 'MODULE_PATHNAME', 'migstat_cell_key_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.cell_key_combine(bigint, bigint) IS
'aggregate support: adds two partial key sums of migstat.cell_key modulo 1';

CREATE FUNCTION migstat.cell_key_final(bigint)
RETURNS double precision AS 'MODULE_PATHNAME', 'migstat_cell_key_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.cell_key_final(bigint) IS
'aggregate support: final function of migstat.cell_key';

CREATE AGGREGATE migstat.cell_key(record_key double precision) (
    SFUNC = migstat.cell_key_accum, STYPE = bigint,
    FINALFUNC = migstat.cell_key_final,
    COMBINEFUNC = migstat.cell_key_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.cell_key(double precision) IS
'cell key of the cell key method: the sum of the records'' keys modulo 1, exact (64-bit fixed point), reported as a multiple of 2^-53';

CREATE FUNCTION migstat.ptable_build(d integer, v double precision, js integer DEFAULT 0,
                                     monotone boolean DEFAULT true)
RETURNS TABLE (i integer, j integer, p double precision, v integer,
               p_int_lb double precision, p_int_ub double precision)
AS 'MODULE_PATHNAME', 'migstat_ptable_build'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION migstat.ptable_build(integer, double precision, integer, boolean) IS
'perturbation table of the cell key method by maximum entropy: deviations at most d, unbiased, variance v, never negative, zeros stay zero, no published count in 1..js';

CREATE FUNCTION migstat.ptable_check(ptable regclass)
RETURNS TABLE (i bigint, entries bigint, p_sum double precision, mean double precision,
               variance double precision, p_stay double precision,
               min_positive_target bigint, max_deviation bigint)
AS 'MODULE_PATHNAME', 'migstat_ptable_check'
LANGUAGE C STABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION migstat.ptable_check(regclass) IS
'validates a stored perturbation table (columns i, j, p) and returns the statistics of each row: probability sum, mean and variance of the deviation, smallest positive published count';

CREATE FUNCTION migstat.ckm_perturb(n bigint, cell_key double precision, ptable regclass)
RETURNS bigint AS 'MODULE_PATHNAME', 'migstat_ckm_perturb'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.ckm_perturb(bigint, double precision, regclass) IS
'cell key method: the published count for count n and cell key through a stored perturbation table; 0 stays 0, NULL stays NULL';

CREATE FUNCTION migstat.ckm_accum(internal, double precision, regclass)
RETURNS internal AS 'MODULE_PATHNAME', 'migstat_ckm_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.ckm_accum(internal, double precision, regclass) IS
'aggregate support: transition function of migstat.ckm_count';

CREATE FUNCTION migstat.ckm_combine(internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'migstat_ckm_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.ckm_combine(internal, internal) IS
'aggregate support: combines two partial states of migstat.ckm_count';

CREATE FUNCTION migstat.ckm_serialize(internal)
RETURNS bytea AS 'MODULE_PATHNAME', 'migstat_ckm_serialize'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.ckm_serialize(internal) IS
'aggregate support: writes a partial migstat.ckm_count state in the portable format (version 1)';

CREATE FUNCTION migstat.ckm_deserialize(bytea, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'migstat_ckm_deserialize'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION migstat.ckm_deserialize(bytea, internal) IS
'aggregate support: reads and validates a partial migstat.ckm_count state';

CREATE FUNCTION migstat.ckm_final(internal)
RETURNS bigint AS 'MODULE_PATHNAME', 'migstat_ckm_final'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION migstat.ckm_final(internal) IS
'aggregate support: final function of migstat.ckm_count (looks the cell up in the perturbation table)';

CREATE AGGREGATE migstat.ckm_count(record_key double precision, ptable regclass) (
    SFUNC = migstat.ckm_accum, STYPE = internal,
    FINALFUNC = migstat.ckm_final,
    COMBINEFUNC = migstat.ckm_combine,
    SERIALFUNC = migstat.ckm_serialize, DESERIALFUNC = migstat.ckm_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE migstat.ckm_count(double precision, regclass) IS
'cell key method: the count of the records, perturbed through the stored perturbation table by the cell key (sum of the record keys modulo 1); the same cell always gets the same noise';
