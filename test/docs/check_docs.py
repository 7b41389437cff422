#!/usr/bin/python3
"""Runs the examples in docs/*.md and compares their output with the docs.

An example is a ```sql block followed (after optional blank lines) by a
```text block holding exactly what psql prints.  Each docs page runs in one
psql session, in order, after test/docs/setup.sql, so examples may build on
each other.  Prints one line per failing example with a diff, and a closing
line "docs: N passed, M failed"; exits 1 on any failure.

A ```sql block right after a line <!-- file: PATH --> is a copy of the
repository file PATH shown in the docs (a setup script, for example): it
must equal that file exactly, and counts as one example.

Usage: check_docs.py [--fill] DATABASE [docs/page.md ...]

--fill writes what psql printed into the ```text blocks (for authors: read
the diff before committing it; the test run never fills).
"""
import difflib
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MARK = "@@migstat-doc-example@@"
# A block's text never contains a fence: a ```sql block without output
# (shown, not run) must not swallow the prose up to the next example.
BLOCK = re.compile(r"```sql\n((?:(?!```).)*)```\s*\n```text\n((?:(?!```).)*)```", re.S)
PSQL_PREFIX = re.compile(r"^psql:[^:]*:\d+: ", re.M)
INCLUDE = re.compile(r"<!-- file: (\S+) -->\n```sql\n(.*?)```", re.S)


def check_includes(path):
    """Blocks that copy a repository file must equal it."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    passed = failed = 0
    for m in INCLUDE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        try:
            with open(os.path.join(ROOT, m.group(1)), encoding="utf-8") as f:
                want = f.read()
        except OSError as e:
            want = f"<cannot read: {e}>"
        if m.group(2) == want:
            passed += 1
            continue
        failed += 1
        print(f"FAIL {os.path.relpath(path, ROOT)}:{line} differs from {m.group(1)}")
        for d in difflib.unified_diff(want.split("\n"), m.group(2).split("\n"),
                                      m.group(1), "docs", lineterm=""):
            print("    " + d)
    return passed, failed


def examples(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for m in BLOCK.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        yield line, m.group(1), m.group(2)


def normalise(out):
    out = PSQL_PREFIX.sub("", out)
    lines = [l.rstrip() for l in out.strip("\n").split("\n")]
    return "\n".join(lines)


FILL = "--fill" in sys.argv[1:]


def fill_page(path, outputs):
    """Replaces each example's ```text block with what psql printed."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    i = [0]

    def repl(m):
        got = normalise(outputs[i[0]]) if i[0] < len(outputs) else "<no output>"
        i[0] += 1
        return "```sql\n" + m.group(1) + "```\n\n```text\n" + got + "\n```"
    with open(path, "w", encoding="utf-8") as f:
        f.write(BLOCK.sub(repl, text))


def run_page(db, path):
    found = list(examples(path))
    script = ["\\set ON_ERROR_STOP 0", "\\set VERBOSITY default",
              "\\set SHOW_CONTEXT never", "\\pset footer on", "\\set QUIET 1",
              "\\i " + os.path.join(ROOT, "test/docs/setup.sql"), "\\unset QUIET"]
    for i, (_, sql, _) in enumerate(found):
        script.append("\\echo " + MARK)
        script.append(sql.rstrip())
    script.append("\\echo " + MARK)
    proc = subprocess.run(["psql", "-X", "-q", "-d", db],
                          input="\n".join(script) + "\n", text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          cwd=ROOT)
    parts = proc.stdout.split(MARK + "\n")
    outputs = parts[1:len(found) + 1]
    if FILL:
        fill_page(path, outputs)
    passed = failed = 0
    for i, (line, sql, expected) in enumerate(found):
        got = normalise(outputs[i]) if i < len(outputs) else "<no output>"
        want = normalise(expected)
        if got == want:
            passed += 1
            continue
        failed += 1
        print(f"FAIL {os.path.relpath(path, ROOT)}:{line}")
        for d in difflib.unified_diff(want.split("\n"), got.split("\n"),
                                      "docs", "psql", lineterm=""):
            print("    " + d)
    if len(found) == 0:
        print(f"note: {os.path.relpath(path, ROOT)} has no examples")
    return passed, failed


def main():
    args = [a for a in sys.argv[1:] if a != "--fill"]
    db = args[0]
    pages = args[1:] or sorted(
        os.path.join(ROOT, "docs", p) for p in os.listdir(os.path.join(ROOT, "docs"))
        if p.endswith(".md"))
    passed = failed = 0
    for page in pages:
        p, f = run_page(db, page)
        passed += p
        failed += f
        p, f = check_includes(page)
        passed += p
        failed += f
    print(f"docs: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
