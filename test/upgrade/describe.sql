-- Describes every object of extension migstat as sorted text lines, so that
-- a fresh install and an upgraded one can be compared with diff: functions
-- and aggregates (full definition, comment), types (storage, I/O functions,
-- attributes), operators, operator classes and families with their members,
-- casts, and the comment of every member object.
\set ON_ERROR_STOP 1
\pset format unaligned
\pset tuples_only on
WITH members AS (
	SELECT d.classid, d.objid
	FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
	WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND e.extname = 'migstat'
), lines AS (
	-- every member, with its comment
	SELECT 'object ' || pg_describe_object(classid, objid, 0) || ' | comment: '
		   || coalesce(obj_description(objid, classid::regclass::text), '(none)') AS line
	FROM members
	UNION ALL
	-- functions: the whole definition (arguments, defaults, volatility, strictness, parallel safety, body)
	SELECT 'function ' || p.oid::regprocedure || E'\n' || pg_get_functiondef(p.oid)
	FROM members m JOIN pg_proc p ON p.oid = m.objid
	WHERE m.classid = 'pg_proc'::regclass AND p.prokind <> 'a'
	UNION ALL
	SELECT format('aggregate %s: sfunc %s stype %s final %s combine %s serial %s deserial %s init %s kind %s sortop %s parallel %s strict %s',
				  p.oid::regprocedure, a.aggtransfn, format_type(a.aggtranstype, NULL), a.aggfinalfn,
				  a.aggcombinefn, a.aggserialfn, a.aggdeserialfn, a.agginitval, a.aggkind,
				  a.aggsortop::regoperator, p.proparallel, p.proisstrict)
	FROM members m JOIN pg_proc p ON p.oid = m.objid JOIN pg_aggregate a ON a.aggfnoid = p.oid
	WHERE m.classid = 'pg_proc'::regclass
	UNION ALL
	SELECT format('type %s: len %s byval %s align %s storage %s category %s in %s out %s recv %s send %s',
				  t.oid::regtype, t.typlen, t.typbyval, t.typalign, t.typstorage, t.typcategory,
				  t.typinput, t.typoutput, t.typreceive, t.typsend)
	FROM members m JOIN pg_type t ON t.oid = m.objid
	WHERE m.classid = 'pg_type'::regclass
	UNION ALL
	SELECT format('type %s attribute %s %s %s', t.oid::regtype, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod))
	FROM members m JOIN pg_type t ON t.oid = m.objid JOIN pg_attribute a ON a.attrelid = t.typrelid
	WHERE m.classid = 'pg_type'::regclass AND a.attnum > 0 AND NOT a.attisdropped
	UNION ALL
	SELECT format('operator %s: code %s commutator %s negator %s restrict %s join %s merges %s hashes %s',
				  o.oid::regoperator, o.oprcode, o.oprcom::regoperator, o.oprnegate::regoperator,
				  o.oprrest, o.oprjoin, o.oprcanmerge, o.oprcanhash)
	FROM members m JOIN pg_operator o ON o.oid = m.objid
	WHERE m.classid = 'pg_operator'::regclass
	UNION ALL
	SELECT format('opclass %s: family %s type %s default %s', pg_describe_object(m.classid, m.objid, 0),
				  pg_describe_object('pg_opfamily'::regclass, c.opcfamily, 0), c.opcintype::regtype, c.opcdefault)
	FROM members m JOIN pg_opclass c ON c.oid = m.objid
	WHERE m.classid = 'pg_opclass'::regclass
	UNION ALL
	SELECT format('opfamily %s member operator %s strategy %s', pg_describe_object(m.classid, m.objid, 0),
				  ao.amopopr::regoperator, ao.amopstrategy)
	FROM members m JOIN pg_amop ao ON ao.amopfamily = m.objid
	WHERE m.classid = 'pg_opfamily'::regclass
	UNION ALL
	SELECT format('opfamily %s member function %s support %s', pg_describe_object(m.classid, m.objid, 0),
				  ap.amproc::regprocedure, ap.amprocnum)
	FROM members m JOIN pg_amproc ap ON ap.amprocfamily = m.objid
	WHERE m.classid = 'pg_opfamily'::regclass
	UNION ALL
	SELECT format('cast %s: function %s context %s method %s', pg_describe_object(m.classid, m.objid, 0),
				  c.castfunc::regprocedure, c.castcontext, c.castmethod)
	FROM members m JOIN pg_cast c ON c.oid = m.objid
	WHERE m.classid = 'pg_cast'::regclass
)
SELECT line FROM lines ORDER BY line;
