#!/usr/bin/env python3
"""Compile the residence-status catalogue into C and into its docs page.

    extension/status/catalogue.txt   one block per status (the law, with sources)
    extension/status/groups.txt      labels of the classifications' codes
 -> extension/status/catalogue_data.c
 -> docs/status-catalogue.md

Both outputs are committed; `gen_catalogue.py --check` (run by the test
suite) fails when they are out of date.  The file format is documented at the
top of catalogue.txt.  Validation here is strict on purpose: a typo in an
enumerated field or a duplicate code must never reach a build.
"""
import datetime
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CATALOGUE = os.path.join(HERE, "catalogue.txt")
GROUPS = os.path.join(HERE, "groups.txt")
OUT_C = os.path.join(HERE, "catalogue_data.c")
OUT_MD = os.path.join(ROOT, "docs", "status-catalogue.md")

JURISDICTIONS = {"DE": (100, 4999), "AT": (5000, 5999), "GB": (6000, 6999),
                 "SE": (7000, 7999), "FR": (8000, 8999)}
ENUMS = {
    "document": ["visa", "residence_permit", "blue_card", "ict_card", "mobile_ict_card",
                 "settlement_permit", "eu_long_term_residence", "permission_to_reside",
                 "arrival_certificate", "toleration", "fictional_certificate",
                 "free_movement", "exit_required", "none", "foreign"],
    "auslaender": ["free_movement", "permanent", "fixed_education", "fixed_employment",
                   "fixed_humanitarian", "fixed_family", "fixed_special", "fixed_other",
                   "applied", "gestattung", "duldung", "without", "foreign"],
    "schutz": ["open", "recognised_fixed", "recognised_permanent", "rejected", "none"],
    "cross": ["permanent", "fixed_term", "protection", "asylum_pending", "tolerated",
              "free_movement", "irregular"],
    "title": ["yes", "no"],
    "permanent": ["yes", "no"],
    "work": ["yes", "no", "permission"],
    "benefit": ["sgb", "asylblg", "none", "depends", "rule_24", "rule_25_5", "rule_2015"],
}
PRECARIOUS = ["irregular", "tolerated", "procedure_pending", "short_or_conditional",
              "free_movement_conditional"]
REQUIRED = ["code", "jurisdiction", "canonical", "label_de", "label_en", "document",
            "auslaender", "schutz", "cross", "title", "permanent", "precarious", "work",
            "benefit", "valid", "sources"]
OPTIONAL = ["cited_as", "historic", "names", "note", "abschnitt", "max_validity"]
EPOCH = datetime.date(2000, 1, 1)          # PostgreSQL's DateADT epoch


def fail(where, msg):
    sys.exit(f"gen_catalogue: {where}: {msg}")


def read_blocks(path):
    """[key] headers followed by `field = value` lines; '#' starts a comment line."""
    blocks, cur = [], None
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            where = f"{os.path.basename(path)}:{lineno}"
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = re.fullmatch(r"\[([a-z_]+\.[A-Za-z0-9_ /]+)\]\s*", line)
            if m:
                cur = {"_key": m.group(1), "_where": where}
                blocks.append(cur)
                continue
            m = re.fullmatch(r"([a-z_]+)\s*=\s*(.*?)\s*", line)
            if not m or cur is None:
                fail(where, f"cannot read line {line!r}")
            if m.group(1) in cur:
                fail(where, f"field {m.group(1)} given twice")
            cur[m.group(1)] = m.group(2)
    return blocks


def fold(name):
    """The matching key of a name; must equal rs_fold_name() in parse.c."""
    out = []
    for ch in name.lower():
        rep = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}.get(ch)
        if rep is None:
            base = unicodedata.normalize("NFD", ch)[0]
            rep = base if base.isascii() and base.isalnum() else ("§" if ch == "§" else "")
        out.append(rep)
    return "".join(out)


def day(text, where):
    try:
        return (datetime.date.fromisoformat(text) - EPOCH).days
    except ValueError:
        fail(where, f"bad date {text!r}")


def date_range(text, where):
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?", text)
    if not m:
        fail(where, f"bad date range {text!r} (want from..to)")
    lo = day(m.group(1), where) if m.group(1) else None
    hi = day(m.group(2), where) if m.group(2) else None
    if lo is not None and hi is not None and lo > hi:
        fail(where, f"empty date range {text!r}")
    return lo, hi


def split_list(text):
    return [t.strip() for t in text.split("|") if t.strip()] if text else []


def validate(entries):
    seen_codes, seen_keys, seen_canon, names = {}, set(), set(), {}
    for e in entries:
        w = e["_where"]
        for f in REQUIRED:
            if f not in e or (e[f] == "" and f not in ("valid",)):
                fail(w, f"[{e['_key']}] lacks {f}")
        for f in e:
            if not f.startswith("_") and f not in REQUIRED + OPTIONAL:
                fail(w, f"[{e['_key']}] unknown field {f}")
        for f, allowed in ENUMS.items():
            if e[f] not in allowed:
                fail(w, f"[{e['_key']}] {f} = {e[f]!r}, want one of {allowed}")
        j = e["jurisdiction"]
        if j not in JURISDICTIONS:
            fail(w, f"unknown jurisdiction {j}")
        if not e["_key"].startswith(j.lower() + "."):
            fail(w, f"key {e['_key']} does not start with {j.lower()}.")
        code = int(e["code"])
        lo, hi = JURISDICTIONS[j]
        if not lo <= code <= hi:
            fail(w, f"code {code} outside {j}'s range {lo}-{hi}")
        if code in seen_codes:
            fail(w, f"code {code} also used by {seen_codes[code]}")
        seen_codes[code] = e["_key"]
        if e["_key"] in seen_keys:
            fail(w, f"key {e['_key']} used twice")
        seen_keys.add(e["_key"])
        if e["canonical"] in seen_canon:
            fail(w, f"canonical form {e['canonical']!r} used twice")
        seen_canon.add(e["canonical"])
        if j != "DE" and not e["canonical"].startswith(j + ": "):
            fail(w, f"canonical form of a {j} status must start with '{j}: '")
        p = e["precarious"]
        if p != "no":
            m = re.fullmatch(r"([a-z_]+):\s*(.+)", p)
            if not m or m.group(1) not in PRECARIOUS:
                fail(w, f"precarious = {p!r}: want no or '<reason>: text', reason in {PRECARIOUS}")
        ab = e.get("abschnitt", "")
        if ab and ab not in "34567":
            fail(w, f"abschnitt {ab!r} is not 3..7")
        mv = e.get("max_validity", "")
        if mv and not re.fullmatch(r"[1-9][0-9]*", mv):
            fail(w, f"max_validity {mv!r} is not a number of months")
        e["_valid"] = date_range(e["valid"], w)
        e["_hist"] = []
        for h in split_list(e.get("historic", "")):
            m = re.fullmatch(r"(.+?)\s*@\s*(\S+)", h)
            if not m:
                fail(w, f"historic citation {h!r} lacks '@ from..to'")
            e["_hist"].append((m.group(1), date_range(m.group(2), w)))
            e.setdefault("_hist_text", []).append(f"{m.group(1)} ({m.group(2)})")
        for n in split_list(e.get("names", "")) + ([e["canonical"].split(": ", 1)[1]] if j != "DE" else []):
            k = (j, fold(n))
            if not k[1]:
                fail(w, f"name {n!r} has no letters or digits")
            if k in names and names[k] != e["_key"]:
                fail(w, f"name {n!r} ({j}) also names {names[k]}")
            names[k] = e["_key"]
    codes = [int(e["code"]) for e in entries]
    if codes != sorted(codes):
        fail(CATALOGUE, "blocks must be in code order")


def c_str(s):
    if s is None:
        return "NULL"
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def c_day(d, none):
    return none if d is None else str(d)


def emit_c(entries, groups):
    out = ["/* Generated by gen_catalogue.py from catalogue.txt and groups.txt: do not edit. */",
           '#include "catalogue.h"', "", "const RsEntry rs_entries[] = {"]
    for e in entries:
        p = e["precarious"]
        reason, why = (None, None) if p == "no" else [s.strip() for s in p.split(":", 1)]
        lo, hi = e["_valid"]
        out.append("\t{%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s}," % (
            e["code"], c_str(e["_key"]), c_str(e["jurisdiction"]), c_str(e["canonical"]),
            c_str(e["label_de"]), c_str(e["label_en"]), c_str(e["document"]),
            e.get("abschnitt") or "0", c_str(e["auslaender"]), c_str(e["schutz"]),
            c_str(e["cross"]), "true" if e["title"] == "yes" else "false",
            "true" if e["permanent"] == "yes" else "false", c_str(reason), c_str(why),
            c_str(e["work"]), e.get("max_validity") or "0", "RS_BENEFIT_" + e["benefit"].upper(),
            c_day(lo, "RS_DAY_MIN"), c_day(hi, "RS_DAY_MAX"), c_str(e["sources"]),
            c_str(e.get("note") or None)))
    out += ["};", "const int rs_n_entries = %d;" % len(entries), "",
            "const RsCitation rs_citations[] = {"]
    n_cit = 0
    for i, e in enumerate(entries):
        if e["jurisdiction"] != "DE":
            continue
        lo, hi = e["_valid"]
        cites = [(e["canonical"], 0)] if e["canonical"].startswith("§") else []
        cites += [(c, 1) for c in split_list(e.get("cited_as", ""))]
        for text, kind in cites:
            out.append("\t{%d, %s, %d, %s, %s}," % (i, c_str(text), kind,
                                                   c_day(lo, "RS_DAY_MIN"), c_day(hi, "RS_DAY_MAX")))
            n_cit += 1
        for text, (hlo, hhi) in e["_hist"]:
            out.append("\t{%d, %s, 2, %s, %s}," % (i, c_str(text), c_day(hlo, "RS_DAY_MIN"),
                                                  c_day(hhi, "RS_DAY_MAX")))
            n_cit += 1
    out += ["};", "const int rs_n_citations = %d;" % n_cit, "", "const RsName rs_names[] = {"]
    n_names = 0
    for i, e in enumerate(entries):
        names = split_list(e.get("names", ""))
        if e["jurisdiction"] != "DE" or not e["canonical"].startswith("§"):
            names = [e["canonical"].split(": ", 1)[-1]] + names
        for n in names:
            out.append("\t{%d, %s}," % (i, c_str(n)))
            n_names += 1
    out += ["};", "const int rs_n_names = %d;" % n_names, "", "const RsGroup rs_groups[] = {"]
    for g in groups:
        cls, code = g["_key"].split(".", 1)
        out.append("\t{%s, %s, %s, %s, %s}," % (c_str(cls), c_str(code), c_str(g["label_de"]),
                                                c_str(g["label_en"]), c_str(g.get("source", ""))))
    out += ["};", "const int rs_n_groups = %d;" % len(groups), ""]
    return "\n".join(out)


def md_cell(s):
    return (s or "").replace("|", "\\|").replace("\n", " ")


def emit_md(entries, groups):
    names = {"DE": "Germany", "AT": "Austria", "GB": "United Kingdom", "SE": "Sweden", "FR": "France"}
    glabel = {(g["_key"].split(".", 1)[0], g["_key"].split(".", 1)[1]): g["label_de"] for g in groups}
    out = ["# The residence-status catalogue", "",
           "Generated from `extension/status/catalogue.txt` by `extension/status/gen_catalogue.py`;",
           "do not edit by hand. The law behind each classification is explained, with its sources,",
           "in [status-law.md](status-law.md); the functions in [status.md](status.md).", "",
           "Columns: the code (stable; the sort order of the type), the canonical form (what the type",
           "prints), labels, the Ausländerstatistik and Schutzsuchende groups, title (§ 4 AufenthG),",
           "permanent, precarious (reason), work (as a rule), maximum validity in months where the law",
           "fixes one, the benefit rule, the period the status exists in law, and the other written",
           "forms the input accepts (besides spelling variants of these).", ""]
    for j in JURISDICTIONS:
        rows = [e for e in entries if e["jurisdiction"] == j]
        if not rows:
            continue
        out += [f"## {names[j]} ({len(rows)} statuses)", "",
                "| code | canonical | label (de) | label (en) | Ausländerstatistik | Schutzsuchende | title | permanent | precarious | work | max. months | benefit | valid | also accepted | sources |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for e in rows:
            also = split_list(e.get("cited_as", "")) + e.get("_hist_text", [])
            also += split_list(e.get("names", ""))
            prec = e["precarious"].split(":", 1)[0]
            out.append("| " + " | ".join(md_cell(x) for x in [
                e["code"], e["canonical"], e["label_de"], e["label_en"],
                glabel.get(("auslaender", e["auslaender"]), e["auslaender"]),
                glabel.get(("schutz", e["schutz"]), e["schutz"]), e["title"], e["permanent"], prec,
                e["work"], e.get("max_validity", ""), e["benefit"], e["valid"], "; ".join(also),
                e["sources"]]) + " |")
        out.append("")
    return "\n".join(out)


def main():
    path = sys.argv[sys.argv.index("--catalogue") + 1] if "--catalogue" in sys.argv else CATALOGUE
    entries = read_blocks(path)
    groups = read_blocks(GROUPS)
    validate(entries)
    for g in groups:
        cls, code = g["_key"].split(".", 1)
        if cls in ENUMS and code not in ENUMS[cls] and cls != "abschnitt":
            fail(g["_where"], f"group {g['_key']} is not a known code")
        for f in ("label_de", "label_en"):
            if not g.get(f):
                fail(g["_where"], f"group {g['_key']} lacks {f}")
    outputs = {OUT_C: emit_c(entries, groups), OUT_MD: emit_md(entries, groups)}
    check = "--check" in sys.argv[1:]
    stale = []
    for path, text in outputs.items():
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            stale.append(path)
            if not check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    if check and stale:
        sys.exit("gen_catalogue: out of date (run extension/status/gen_catalogue.py): " + ", ".join(stale))
    print(f"gen_catalogue: {len(entries)} statuses, {'checked' if check else 'written'}")


if __name__ == "__main__":
    main()
