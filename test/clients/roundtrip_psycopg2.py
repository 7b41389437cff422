#!/usr/bin/python3
"""Round trip of migstat through a real client: Python's psycopg2.

Connects to DATABASE (libpq environment from pg_virtualenv), installs
migstat, then: binds parameters of every kind the functions take, reads
every migstat type (base, composite, enum) and checks its value, calls the
aggregates, copies a residence_status column out and back in binary, reads
a server-side cursor, and checks that errors arrive with their SQLSTATE,
message and hint.  Every type in schema migstat must be covered here: a
new type fails the coverage check until a test reads it.

Usage: roundtrip_psycopg2.py DATABASE
Prints "ok"/"not ok" lines and a closing "python: N passed, M failed".
Must run under Debian's own /usr/bin/python3 (python3-psycopg2).
"""
import datetime
import io
import sys

import psycopg2
import psycopg2.errors
import psycopg2.extras

passed = failed = 0


def check(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok - {what}")
    else:
        failed += 1
        print(f"not ok - {what} {detail}")


def one(cur, sql, args=None):
    cur.execute(sql, args)
    return cur.fetchone()[0]


def main(dbname):
    conn = psycopg2.connect(dbname=dbname)
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("SET client_min_messages = warning")
    cur.execute("CREATE EXTENSION IF NOT EXISTS migstat")
    cur.execute("SET search_path = public, migstat")
    covered = set()

    # residence_status: text in (a bound parameter), canonical text out.
    status = one(cur, "SELECT %s::residence_status", ("Aufenthaltserlaubnis nach § 25 Absatz 2",))
    check(status == "§ 25 Abs. 2 AufenthG", "residence_status read as its canonical text", repr(status))
    covered.add("residence_status")
    back = one(cur, "SELECT %s::residence_status = residence_status('§ 25 Abs. 2 AufenthG')", (status,))
    check(back is True, "the text read back binds as the same status")
    as_of = one(cur, "SELECT residence_status(%s, %s)::text",
                ("§ 25 Abs. 4a S. 1 AufenthG", datetime.date(2014, 12, 31)))
    check(as_of.startswith("§ 25 Abs. 4a"), "residence_status(text, date) with a bound date", repr(as_of))
    regime = one(cur, "SELECT benefit_regime(%s::residence_status, %s, NULL)",
                 ("§ 24 AufenthG", datetime.date(2022, 6, 1)))
    check(regime == "SGB II/XII", "benefit_regime with a bound date", repr(regime))

    # Arrays of the type come back as text arrays psycopg2 can split.
    cur.execute("SELECT ARRAY['Duldung', 'Niederlassungserlaubnis']::residence_status[]::text[]")
    arr = cur.fetchone()[0]
    check(arr == ["§ 60a Abs. 2 S. 1 AufenthG", "§ 9 AufenthG"], "residence_status[] as a text array", repr(arr))

    # Binary COPY out and back in: the client carries send's bytes to recv.
    cur.execute("CREATE TEMP TABLE s_out AS SELECT status FROM residence_statuses()")
    buf = io.BytesIO()
    cur.copy_expert("COPY s_out TO STDOUT (FORMAT binary)", buf)
    buf.seek(0)
    cur.execute("CREATE TEMP TABLE s_in (status residence_status)")
    cur.copy_expert("COPY s_in FROM STDIN (FORMAT binary)", buf)
    diff = one(cur, "SELECT count(*) FROM (SELECT status FROM s_out EXCEPT ALL SELECT status FROM s_in) d")
    total = one(cur, "SELECT count(*) FROM s_in")
    check(diff == 0 and total > 100, "binary COPY of every status through the client", f"{diff} differ of {total}")

    # Malformed binary input is refused with 22P03, not stored.
    bad = io.BytesIO(b"PGCOPY\n\xff\r\n\x00" + b"\x00\x00\x00\x00" + b"\x00\x00\x00\x00"
                     + b"\x00\x01" + b"\x00\x00\x00\x04" + b"\x7f\xff\xff\xff" + b"\xff\xff")
    try:
        cur.copy_expert("COPY s_in FROM STDIN (FORMAT binary)", bad)
        check(False, "an unknown status code in binary COPY is refused")
    except psycopg2.Error as e:
        check(e.pgcode == "22P03", "an unknown status code in binary COPY is refused with 22P03", e.pgcode)

    # Errors carry SQLSTATE, message and hint to the client.
    try:
        cur.execute("SELECT %s::residence_status", ("§ 25 Abs. 99 AufenthG",))
        check(False, "a bad status raises")
    except psycopg2.errors.InvalidTextRepresentation as e:
        check(e.pgcode == "22P02" and "residence_status" in e.diag.message_primary,
              "a bad status raises 22P02 with a message", e.diag.message_primary)
        check(e.diag.message_hint is not None, "... and a hint", repr(e.diag.message_hint))

    # Server-side cursor over the catalogue function: ordinary columns.
    named = conn.cursor(name="catalogue")
    conn.autocommit = False
    named.execute("SELECT status, code, auslaenderstatistik_group(status) FROM residence_statuses() ORDER BY code")
    rows = named.fetchmany(500)
    named.close()
    conn.commit()
    conn.autocommit = True
    check(len(rows) >= 146 and all(isinstance(r[0], str) and isinstance(r[1], int) for r in rows),
          "the catalogue through a server-side cursor: text and integer columns", len(rows))

    # Aggregates with bound arrays (the two-group and multigroup forms).
    x = [10, 20, 30, 40]
    y = [40, 30, 20, 10]
    d = one(cur, "SELECT dissimilarity(a, b) FROM unnest(%s::bigint[], %s::bigint[]) AS t(a, b)", (x, y))
    # Hand computation: X = Y = 100; ½ Σ |x/X − y/Y| = ½ (.3 + .1 + .1 + .3) = 0.4.
    check(abs(d - 0.4) < 1e-12, "dissimilarity over bound arrays = 0.4 (by hand)", d)
    cur.execute("SELECT mutual_information(ARRAY[a, b]) FROM unnest(%s::bigint[], %s::bigint[]) AS t(a, b)", (x, y))
    m = cur.fetchone()[0]
    check(isinstance(m, float) and 0 < m < 1, "multigroup aggregate over bound arrays", m)

    # protected_count: a composite, read as a named tuple.
    psycopg2.extras.register_composite("migstat.protected_count", cur)
    covered.add("protected_count")
    cur.execute("SELECT suppress(%s, %s), suppress(%s, %s)", (3, 5, 12, 5))
    small, big = cur.fetchone()
    check(small.value is None and small.suppressed is True and small.reason,
          "protected_count of a small cell: value NULL, suppressed, a reason", repr(small))
    check(big.value == 12 and big.suppressed is False, "protected_count of a large cell", repr(big))

    # segregation_inference: a composite result of an aggregate.
    psycopg2.extras.register_composite("migstat.segregation_inference", cur)
    covered.add("segregation_inference")
    cur.execute("""SELECT segregation_inference(ARRAY[a, b], 'dissimilarity')
                   FROM unnest(%s::bigint[], %s::bigint[]) AS t(a, b)""", (x, y))
    inf = cur.fetchone()[0]
    check(inf.index == "dissimilarity" and abs(inf.estimate - 0.4) < 1e-12 and inf.replicates == 1000
          and inf.ci_lower <= inf.ci_upper, "segregation_inference as a named tuple", repr(inf))

    # mutual_information_parts: M = between + within, as a named tuple.
    psycopg2.extras.register_composite("migstat.mutual_information_parts", cur)
    covered.add("mutual_information_parts")
    cur.execute("""SELECT mutual_information_decomposition(ARRAY[a, b], area)
                   FROM unnest(%s::bigint[], %s::bigint[], %s::text[]) AS t(a, b, area)""",
                (x, y, ["north", "north", "south", "south"]))
    parts = cur.fetchone()[0]
    check(abs(parts.total - m) < 1e-12 and abs(parts.total - parts.between - parts.within) < 1e-12,
          "mutual_information_parts: total = M = between + within", repr(parts))

    # mutual_information_change over long-form rows bound as arrays.
    psycopg2.extras.register_composite("migstat.mutual_information_change", cur)
    covered.add("mutual_information_change")
    cur.execute("""SELECT mutual_information_change(unit, grp, n, period)
                   FROM unnest(%s::int[], %s::text[], %s::bigint[], %s::int[]) AS t(unit, grp, n, period)""",
                ([1, 2, 3, 4] * 4, ["a"] * 4 + ["b"] * 4 + ["a"] * 4 + ["b"] * 4,
                 x + y + x + [25, 25, 25, 25], [1] * 8 + [2] * 8))
    change = cur.fetchone()[0]
    check(abs(change.m1 - m) < 1e-12 and abs(change.difference - (change.m2 - change.m1)) < 1e-12,
          "mutual_information_change: m1 = M of period 1, difference = m2 - m1", repr(change))

    # Cell key method: a seeded record key and a perturbed count are numbers.
    key = one(cur, "SELECT record_key(%s::bigint, %s)", (42, 7))
    check(isinstance(key, float) and 0 <= key < 1, "record_key with bound arguments", key)

    # Coverage: every type of schema migstat (except array types) is read above.
    cur.execute("""SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                   WHERE n.nspname = 'migstat' AND t.typcategory <> 'A'
                     AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
                   ORDER BY 1""")
    types = {r[0] for r in cur.fetchall()}
    check(types <= covered, "every migstat type is read by this client test", sorted(types - covered))

    conn.close()


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except Exception as e:  # a crash of the test itself is a failure
        failed += 1
        print(f"not ok - the client test stopped: {e!r}")
    print(f"python: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
