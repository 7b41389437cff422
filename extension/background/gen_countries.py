#!/usr/bin/env python3
"""Compile the country catalogue into C and into its docs page.

    /usr/share/iso-codes/json/iso_3166-1.json, iso_3166-3.json   (Debian iso-codes)
    /usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo, iso_3166-3.mo (German names)
        --refresh->  extension/background/countries.txt   (committed snapshot)

    extension/background/countries.txt       ISO 3166-1 and 3166-3 entries
    extension/background/country_rules.txt   hand-maintained: extra codes, aliases,
                                             memberships over time, groups, sources
        ->  extension/background/country_data.c
        ->  docs/country-catalogue.md

`gen_countries.py` regenerates the two outputs from the two committed text
files; `--check` (run by scripts/test.sh) fails when the committed outputs
differ from a regeneration.  Neither reads iso-codes, so a Debian update of
iso-codes cannot break the check: only `--refresh` reads the installed
package, rewrites countries.txt (recording the package version) and then the
outputs; review its diff like any other change.  `--check` also reports (as a
note, not a failure) when the installed iso-codes differs from the snapshot.
"""
import datetime
import gettext
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SNAPSHOT = os.path.join(HERE, "countries.txt")
RULES = os.path.join(HERE, "country_rules.txt")
OUT_C = os.path.join(HERE, "country_data.c")
OUT_MD = os.path.join(ROOT, "docs", "country-catalogue.md")
ISO_DIR = "/usr/share/iso-codes/json"
LOCALE_DIR = "/usr/share/locale"
EPOCH = datetime.date(2000, 1, 1)          # PostgreSQL's DateADT epoch
KINDS = ["iso", "former", "user_assigned", "special"]
RELATIONS = ["eu", "eea", "free_movement", "workers_restricted"]
DAY_MIN, DAY_MAX = "COUNTRY_DAY_MIN", "COUNTRY_DAY_MAX"


def fail(where, msg):
    sys.exit(f"gen_countries: {where}: {msg}")


# ---------------------------------------------------------------- refresh

def iso_codes_version():
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def read_iso():
    """The snapshot lines from the installed iso-codes (without the header)."""
    rows = []
    for part, key, kind in (("3166-1", "3166-1", "iso"), ("3166-3", "3166-3", "former")):
        with open(os.path.join(ISO_DIR, f"iso_{part}.json"), encoding="utf-8") as f:
            data = json.load(f)[key]
        tr = gettext.translation(f"iso_{part}", localedir=LOCALE_DIR, languages=["de"])
        for e in data:
            name = e["name"]
            rows.append("\t".join([kind, e["alpha_2"], e["alpha_3"], e.get("alpha_4", "-"),
                                   e.get("numeric", "-"), e.get("withdrawal_date", "-"),
                                   name, tr.gettext(name)]))
    rows.sort(key=lambda r: (KINDS.index(r.split("\t")[0]), r.split("\t")[2]))
    return rows


def snapshot_text(rows, version):
    head = ["# ISO 3166 country codes: a snapshot of Debian's iso-codes data.",
            "# Written by `gen_countries.py --refresh`: do not edit by hand.",
            f"# source: Debian package iso-codes {version}:",
            "#   /usr/share/iso-codes/json/iso_3166-1.json, iso_3166-3.json (codes, English names),",
            "#   /usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo, iso_3166-3.mo (German names)",
            "# iso-codes: https://salsa.debian.org/iso-codes-team/iso-codes",
            "# columns (tab-separated): kind alpha2 alpha3 alpha4 numeric withdrawn name_en name_de",
            "#   kind iso = ISO 3166-1 (current), former = ISO 3166-3 (withdrawn);",
            "#   alpha4 and withdrawn (the date ISO withdrew the code) only for former; '-' = none"]
    return "\n".join(head + rows) + "\n"


# ---------------------------------------------------------------- inputs

def read_snapshot():
    version, entries = None, []
    with open(SNAPSHOT, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            where = f"countries.txt:{lineno}"
            m = re.match(r"# source: Debian package iso-codes (\S+):", line)
            if m:
                version = m.group(1)
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 8:
                fail(where, f"want 8 tab-separated fields, got {len(parts)}")
            kind, a2, a3, a4, num, wd, en, de = parts
            if kind not in ("iso", "former"):
                fail(where, f"bad kind {kind}")
            if not re.fullmatch(r"[A-Z]{2}", a2) or not re.fullmatch(r"[A-Z]{3}", a3):
                fail(where, f"bad alpha codes {a2} {a3}")
            if a4 != "-" and not re.fullmatch(r"[A-Z]{4}", a4):
                fail(where, f"bad alpha-4 code {a4}")
            if num != "-" and not re.fullmatch(r"[0-9]{3}", num):
                fail(where, f"bad numeric code {num}")
            entries.append({"kind": kind, "a2": a2, "a3": a3, "a4": None if a4 == "-" else a4,
                            "num": None if num == "-" else int(num),
                            "withdrawn": None if wd == "-" else wd, "en": en, "de": de,
                            "where": where})
    if version is None:
        fail("countries.txt", "no '# source: Debian package iso-codes VERSION:' line")
    return version, entries


def day(text, where):
    try:
        return (datetime.date.fromisoformat(text) - EPOCH).days
    except ValueError:
        fail(where, f"bad date {text!r}")


def date_range(text, where):
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?", text)
    if not m:
        fail(where, f"bad date range {text!r} (want from..to, either end may be empty)")
    lo = day(m.group(1), where) if m.group(1) else None
    hi = day(m.group(2), where) if m.group(2) else None
    if lo is not None and hi is not None and lo > hi:
        fail(where, f"empty date range {text!r}")
    return lo, hi, text


def read_rules():
    """Lines `directive | field | field ...`; '#' starts a comment line."""
    rules = []
    with open(RULES, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            fields = [x.strip() for x in line.split("|")]
            rules.append((f"country_rules.txt:{lineno}", fields))
    return rules


SHAPES = {"source": 3, "country": 8, "alias": 4, "word": 3, "state": 4, "successors": 4,
          "member": 5, "group": 6}


def build(version, iso, rules):
    sources = {}
    entries = list(iso)
    for where, f in rules:
        if f[0] not in SHAPES:
            fail(where, f"unknown directive {f[0]!r}")
        if len(f) != SHAPES[f[0]]:
            fail(where, f"{f[0]} wants {SHAPES[f[0]] - 1} fields, got {len(f) - 1}")
        if f[0] == "source":
            if f[1] in sources:
                fail(where, f"source {f[1]} defined twice")
            sources[f[1]] = f[2]
        elif f[0] == "country":
            _, kind, a2, a3, num, en, de, src = f
            if kind not in ("user_assigned", "special"):
                fail(where, f"kind {kind} (want user_assigned or special)")
            entries.append({"kind": kind, "a2": None if a2 == "-" else a2, "a3": a3, "a4": None,
                            "num": None if num == "-" else int(num), "withdrawn": None,
                            "en": en, "de": de, "where": where, "src": src})

    def need_source(where, keys):
        for k in keys.split(","):
            if k.strip() not in sources:
                fail(where, f"unknown source {k.strip()!r}")
        return [k.strip() for k in keys.split(",")]

    # order: ISO 3166-1 and user-assigned by alpha-2, then former by alpha-3, then specials
    def order(e):
        k = {"iso": 0, "user_assigned": 0, "former": 1, "special": 2}[e["kind"]]
        return (k, e["a2"] or "", e["a3"]) if k == 0 else (k, e["a3"], "")
    entries.sort(key=order)
    for i, e in enumerate(entries):
        e["id"] = i
        e["rel"] = {r: [] for r in RELATIONS}
        e["groups"] = []
        e["state"] = None
        e["successors"] = []
        e.setdefault("src", "iso3166")

    # code tables: a current (ISO 3166-1 or user-assigned) code wins over a
    # former one; two former entries sharing a code make it ambiguous.
    def index(key):
        tab = {}
        for e in entries:
            code = e[key]
            if code is None:
                continue
            tab.setdefault(code, []).append(e)
        out = {}
        for code, es in tab.items():
            cur = [e for e in es if e["kind"] != "former"]
            if len(cur) > 1:
                fail(es[0]["where"], f"{key} code {code} used by two current entries")
            out[code] = [cur[0]["id"]] if cur else [e["id"] for e in es]
        return out
    a2 = index("a2")
    a3 = index("a3")
    a4 = index("a4")
    num = index("num")
    for t in (a3, a4):
        for code, ids in t.items():
            if len(ids) > 1:
                fail("countries.txt", f"code {code} is ambiguous; only alpha-2 and numeric may be")
    # the canonical code: the first of alpha-2, alpha-3, alpha-4 that leads
    # back to the entry alone (a current country's code wins over a former's)
    for e in entries:
        for key, tab in (("a2", a2), ("a3", a3), ("a4", a4)):
            if e[key] and tab.get(e[key]) == [e["id"]]:
                e["code"] = e[key]
                break
        else:
            fail(e["where"], f"no code names {e['en']} alone")

    def resolve(where, code):
        for t in ((a3, a2, a4) if len(code) == 3 else (a2, a3, a4)):
            if code in t:
                if len(t[code]) > 1:
                    fail(where, f"code {code} is ambiguous: use the alpha-3 code")
                return entries[t[code][0]]
        fail(where, f"unknown country code {code}")

    aliases, words = {}, {}
    for where, f in rules:
        if f[0] == "alias":
            _, code, target, src = f
            need_source(where, src)
            if re.fullmatch(r"[0-9]{3}", code):
                # a numeric code ISO used earlier for the same country
                if int(code) in num:
                    fail(where, f"alias {code} is already a code")
                num[int(code)] = [resolve(where, target)["id"]]
                aliases[code] = num[int(code)][0]
                continue
            if not re.fullmatch(r"[A-Z]{1,3}", code):
                fail(where, f"alias {code!r} must be 1 to 3 capital letters or 3 digits")
            if code in a2 or code in a3:
                fail(where, f"alias {code} is already a code")
            aliases[code] = resolve(where, target)["id"]
        elif f[0] == "word":
            _, word, target = f
            if word.lower() != word or len(word.encode()) > 15:
                fail(where, f"word {word!r} must be lower case, at most 15 bytes")
            words[word] = resolve(where, target)["id"]
        elif f[0] == "state":
            _, code, rng, src = f
            e = resolve(where, code)
            if e["state"]:
                fail(where, f"state period of {code} given twice")
            e["state"] = date_range(rng, where)
            e["state_src"] = need_source(where, src)
        elif f[0] == "successors":
            _, code, lst, src = f
            e = resolve(where, code)
            e["successors"] = [resolve(where, c)["code"] for c in lst.split()]
            e["succ_src"] = need_source(where, src)
        elif f[0] == "member":
            _, rel, codes, rng, src = f
            if rel not in RELATIONS:
                fail(where, f"relation {rel} (want one of {RELATIONS})")
            r = date_range(rng, where)
            srcs = need_source(where, src)
            for c in codes.split():
                e = resolve(where, c)
                e["rel"][rel].append((r[0], r[1], r[2], srcs))
    groups = []
    for where, f in rules:
        if f[0] == "group":
            _, key, de, en, codes, src = f
            if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
                fail(where, f"group key {key!r}")
            if any(g["key"] == key for g in groups):
                fail(where, f"group {key} defined twice")
            g = {"key": key, "de": de, "en": en, "src": need_source(where, src), "members": []}
            for c in codes.split():
                e = resolve(where, c)
                if key in e["groups"]:
                    fail(where, f"{c} listed twice in {key}")
                e["groups"].append(key)
                g["members"].append(e["code"])
            groups.append(g)
    if len(groups) > 32:
        fail("country_rules.txt", "more than 32 groups do not fit the bit mask")
    # intervals of one relation must not overlap; free movement is the union
    # of EU and EEA membership and the explicit free_movement rows (e.g. the
    # Swiss agreement, the Brexit transition period), except for Germany.
    for e in entries:
        ivs = e["rel"]
        fm = ivs["eu"] + ivs["eea"] + ivs["free_movement"]
        ivs["free_movement"] = [] if e["code"] == "DE" else merge(fm)
        for r in RELATIONS:
            ivs[r] = sorted(ivs[r], key=lambda x: -10**9 if x[0] is None else x[0])
            if len(ivs[r]) > 1:
                # migstat.countries() has one from/to column pair per relation
                fail(e["where"], f"{e['code']}: more than one {r} period; countries() needs one")
            for a, b in zip(ivs[r], ivs[r][1:]):
                if a[1] is None or b[0] is None or b[0] <= a[1]:
                    fail(e["where"], f"{e['code']}: overlapping {r} periods {a[2]} and {b[2]}")
    return {"version": version, "entries": entries, "sources": sources, "a2": a2, "a3": a3,
            "a4": a4, "num": num, "aliases": aliases, "words": words, "groups": groups}


def merge(ivs):
    """Union of inclusive day intervals (adjacent ones joined)."""
    lo_key = lambda x: -10**9 if x[0] is None else x[0]
    out = []
    for iv in sorted(ivs, key=lo_key):
        lo, hi, text, src = iv
        if out:
            plo, phi, ptext, psrc = out[-1]
            if phi is None or (lo is not None and lo <= phi + 1):
                nhi = None if phi is None or hi is None else max(phi, hi)
                out[-1] = (plo, nhi, None, sorted(set(psrc + src)))
                continue
        out.append((lo, hi, text, src))
    return [(lo, hi, text or fmt_range(lo, hi), src) for lo, hi, text, src in out]


def fmt_day(d):
    return "" if d is None else (EPOCH + datetime.timedelta(days=d)).isoformat()


def fmt_range(lo, hi):
    return f"{fmt_day(lo)}..{fmt_day(hi)}"


# ---------------------------------------------------------------- outputs

def c_str(s):
    if s is None:
        return "NULL"
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def c_day(d, none):
    return none if d is None else str(d)


def emit_c(cat):
    E = cat["entries"]
    gbit = {g["key"]: i for i, g in enumerate(cat["groups"])}
    out = ["/*",
           " * Generated by gen_countries.py from countries.txt (Debian iso-codes %s)" % cat["version"],
           " * and country_rules.txt: do not edit.",
           " */",
           '#include "country_data.h"', "",
           'const char country_iso_codes_version[] = %s;' % c_str(cat["version"]), "",
           "const CountryInterval country_intervals_data[] = {"]
    n_iv = 0
    first = {}
    for e in E:
        for r in RELATIONS:
            first[(e["id"], r)] = (n_iv, len(e["rel"][r]))
            for lo, hi, _, _ in e["rel"][r]:
                out.append("\t{%s, %s},\t/* %s %s */" % (c_day(lo, DAY_MIN), c_day(hi, DAY_MAX), e["code"], r))
                n_iv += 1
    if n_iv == 0:
        out.append("\t{0, 0}")
    out += ["};", ""]
    out.append("const CountryEntry country_entries[] = {")
    for e in E:
        mask = 0
        for g in e["groups"]:
            mask |= 1 << gbit[g]
        st = e["state"] or (None, None, None)
        rel = ", ".join("{%d, %d}" % first[(e["id"], r)] for r in RELATIONS)
        out.append("\t{%s, %s, %s, %s, %d, COUNTRY_KIND_%s, %s, %s, %s, %s, %s, 0x%xu, {%s}}," % (
            c_str(e["code"]), c_str(e["a2"]), c_str(e["a3"]), c_str(e["a4"]),
            -1 if e["num"] is None else e["num"], e["kind"].upper(), c_str(e["en"]), c_str(e["de"]),
            c_str(e["withdrawn"]), c_day(st[0], DAY_MIN), c_day(st[1], DAY_MAX), mask, rel))
    out += ["};", "const int country_n_entries = %d;" % len(E), ""]

    # direct tables; value = id + 1, 0 = none, negative = -(1 + index into
    # country_ambiguities)
    amb = []

    def cell(ids, code):
        if len(ids) == 1:
            return str(ids[0] + 1)
        amb.append((code, ids))
        return str(-len(amb))
    out.append("/* alpha-2 codes and aliases: [(c1 - 'A') * 26 + (c2 - 'A')] */")
    out.append("const int16_t country_alpha2_table[26 * 26] = {")
    for code in sorted(k for k in cat["a2"] if len(k) == 2):
        out.append("\t[%d] = %s,\t/* %s */" % ((ord(code[0]) - 65) * 26 + ord(code[1]) - 65,
                                             cell(cat["a2"][code], code), code))
    for code, i in sorted(cat["aliases"].items()):
        if len(code) == 2 and code.isalpha():
            out.append("\t[%d] = %d,\t/* alias %s */" % ((ord(code[0]) - 65) * 26 + ord(code[1]) - 65, i + 1, code))
    out += ["};", ""]
    out.append("/* alpha-3 codes and aliases: [((c1 - 'A') * 26 + (c2 - 'A')) * 26 + (c3 - 'A')] */")
    out.append("const int16_t country_alpha3_table[26 * 26 * 26] = {")
    for code in sorted(cat["a3"]):
        out.append("\t[%d] = %s,\t/* %s */" % (((ord(code[0]) - 65) * 26 + ord(code[1]) - 65) * 26 + ord(code[2]) - 65,
                                             cell(cat["a3"][code], code), code))
    for code, i in sorted(cat["aliases"].items()):
        if len(code) == 3 and code.isalpha():
            out.append("\t[%d] = %d,\t/* alias %s */" % (((ord(code[0]) - 65) * 26 + ord(code[1]) - 65) * 26 + ord(code[2]) - 65, i + 1, code))
    out += ["};", ""]
    out.append("/* ISO 3166 numeric codes */")
    out.append("const int16_t country_numeric_table[1000] = {")
    for code in sorted(cat["num"]):
        out.append("\t[%d] = %s," % (code, cell(cat["num"][code], "%03d" % code)))
    out += ["};", ""]
    out.append("/* one-letter aliases (ICAO 9303 \"D\" for Germany) */")
    out.append("const int16_t country_alpha1_table[26] = {")
    for code, i in sorted(cat["aliases"].items()):
        if len(code) == 1:
            out.append("\t[%d] = %d,\t/* alias %s */" % (ord(code) - 65, i + 1, code))
    out += ["};", ""]
    out.append("const CountryAmbiguity country_ambiguities[] = {")
    for code, ids in amb:
        if len(ids) > 4:
            fail(code, "more than 4 alternatives")
        out.append("\t{%s, %d, {%s}}," % (c_str(code), len(ids), ", ".join(str(i) for i in ids)))
    if not amb:
        out.append("\t{NULL, 0, {0}}")
    out += ["};", "const int country_n_ambiguities = %d;" % len(amb), ""]
    out.append("/* alpha-4 codes of ISO 3166-3 (rare input: searched in order) */")
    out.append("const CountryWord country_alpha4_codes[] = {")
    for code in sorted(cat["a4"]):
        out.append("\t{%s, %d}," % (c_str(code), cat["a4"][code][0]))
    out += ["};", "const int country_n_alpha4 = %d;" % len(cat["a4"]), ""]
    out.append("/* words for the special values (lower case, UTF-8) */")
    out.append("const CountryWord country_words[] = {")
    for w, i in sorted(cat["words"].items()):
        out.append("\t{%s, %d}," % (c_str(w), i))
    out += ["};", "const int country_n_words = %d;" % len(cat["words"]), ""]
    out.append("const CountryGroup country_groups_data[] = {")
    for g in cat["groups"]:
        out.append("\t{%s, %s, %s, %s}," % (c_str(g["key"]), c_str(g["de"]), c_str(g["en"]),
                                           c_str("; ".join(cat["sources"][s] for s in g["src"]))))
    out += ["};", "const int country_n_groups = %d;" % len(cat["groups"]), ""]
    out.append("const CountrySuccessor country_successors[] = {")
    n_s = 0
    for e in E:
        for s in e["successors"]:
            sid = next(x["id"] for x in E if x["code"] == s)
            out.append("\t{%d, %d},\t/* %s -> %s */" % (e["id"], sid, e["code"], s))
            n_s += 1
    if n_s == 0:
        out.append("\t{0, 0}")
    out += ["};", "const int country_n_successors = %d;" % n_s, ""]
    out.append("const char *const country_relation_sources[][COUNTRY_N_RELATIONS] = {")
    for e in E:
        cells = []
        for r in RELATIONS:
            s = sorted({k for iv in e["rel"][r] for k in iv[3]})
            cells.append(c_str("; ".join(cat["sources"][k] for k in s)) if s else "NULL")
        out.append("\t{%s}," % ", ".join(cells))
    out += ["};", ""]
    return "\n".join(out)


def md_cell(s):
    return (s or "").replace("|", "\\|").replace("\n", " ")


def emit_md(cat):
    E = cat["entries"]
    out = ["# The country catalogue", "",
           "Generated by `extension/background/gen_countries.py` from",
           "`extension/background/countries.txt` (a snapshot of Debian's iso-codes "
           f"{cat['version']}) and the hand-maintained `extension/background/country_rules.txt`;",
           "do not edit by hand. The functions and the decisions behind this list are described in",
           "[countries.md](countries.md).", "",
           f"Source of the codes and names: Debian package `iso-codes` {cat['version']}",
           "(`/usr/share/iso-codes/json/iso_3166-1.json`, `iso_3166-3.json`; German names from",
           "`/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo`, `iso_3166-3.mo`).", "",
           "## Groups", "", "| group | label (de) | label (en) | members | source |", "|---|---|---|---|---|"]
    for g in cat["groups"]:
        out.append("| " + " | ".join(md_cell(x) for x in [
            g["key"], g["de"], g["en"], " ".join(g["members"]),
            "; ".join(cat["sources"][s] for s in g["src"])]) + " |")
    out += ["", "## Memberships over time", "",
            "Periods are inclusive (`from..to`; an empty end is open). Free movement is the union of",
            "EU and EEA membership and the rows listed as free movement (Switzerland, the Brexit",
            "transition period); Germany has none (its nationals are not free movers in Germany).", "",
            "| code | country | EU | EEA | free movement | workers restricted in Germany |",
            "|---|---|---|---|---|---|"]
    for e in E:
        if any(e["rel"][r] for r in RELATIONS):
            out.append("| " + " | ".join(md_cell(x) for x in [e["code"], e["en"]] + [
                ", ".join(iv[2] for iv in e["rel"][r]) for r in RELATIONS]) + " |")
    out += ["", "Sources of the memberships:", ""]
    used = sorted({k for e in E for r in RELATIONS for iv in e["rel"][r] for k in iv[3]})
    for k in used:
        out.append(f"- `{k}`: {cat['sources'][k]}")
    out += ["", f"## Countries ({len(E)} entries)", "",
            "kind: `iso` ISO 3166-1, `former` ISO 3166-3 (withdrawn; `withdrawn` is the date ISO",
            "withdrew the code, `state` the period the state existed where the catalogue records it),",
            "`user_assigned` a user-assigned code, `special` an ICAO 9303 code. `code` is what",
            "`country_code()` returns: the alpha-2 code where it names only this entry, else alpha-3.", "",
            "| code | alpha-2 | alpha-3 | alpha-4 | numeric | kind | name (en) | name (de) | withdrawn | state | successors | groups |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for e in E:
        st = e["state"][2] if e["state"] else ""
        out.append("| " + " | ".join(md_cell(x) for x in [
            e["code"], e["a2"], e["a3"], e["a4"], "" if e["num"] is None else "%03d" % e["num"],
            e["kind"], e["en"], e["de"], e["withdrawn"], st, " ".join(e["successors"]),
            " ".join(e["groups"])]) + " |")
    amb = [(c, ids) for t in ("a2", "num") for c, ids in sorted(cat[t].items(), key=lambda x: str(x[0])) if len(ids) > 1]
    out += ["", "## Ambiguous codes", "",
            "These codes name more than one entry; `country_code()` rejects them and names the",
            "alternatives.", "", "| code | alternatives |", "|---|---|"]
    for c, ids in amb:
        cs = "%03d" % c if isinstance(c, int) else c
        out.append(f"| {cs} | " + ", ".join(f"{E[i]['code']} ({md_cell(E[i]['en'])})" for i in ids) + " |")
    out += ["", "## Aliases and words", "", "| input | means | source |", "|---|---|---|"]
    alias_src = {f[1]: f[3] for _, f in read_rules() if f[0] == "alias"}
    for a, i in sorted(cat["aliases"].items()):
        srcs = "; ".join(cat["sources"][k.strip()] for k in alias_src[a].split(","))
        out.append(f"| {a} | {E[i]['code']} | {md_cell(srcs)} |")
    for w, i in sorted(cat["words"].items()):
        out.append(f"| {w} | {E[i]['code']} | |")
    out += ["", "## Sources", ""]
    for k, v in cat["sources"].items():
        out.append(f"- `{k}`: {v}")
    return "\n".join(out) + "\n"


def main():
    args = sys.argv[1:]
    if "--refresh" in args:
        with open(SNAPSHOT, "w", encoding="utf-8") as f:
            f.write(snapshot_text(read_iso(), iso_codes_version()))
    version, iso = read_snapshot()
    cat = build(version, iso, read_rules())
    outputs = {OUT_C: emit_c(cat), OUT_MD: emit_md(cat)}
    check = "--check" in args
    stale = []
    for path, text in outputs.items():
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            stale.append(path)
            if not check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    if check:
        installed = iso_codes_version()
        if os.path.isdir(ISO_DIR):
            try:
                same = snapshot_text(read_iso(), installed) == open(SNAPSHOT, encoding="utf-8").read()
            except (OSError, ValueError) as exc:
                same = f"unreadable ({exc})"
            if same is not True:
                print(f"gen_countries: note: the installed iso-codes {installed} differs from the "
                      f"snapshot ({version}); run gen_countries.py --refresh and review the diff")
        if stale:
            sys.exit("gen_countries: out of date (run extension/background/gen_countries.py): "
                     + ", ".join(stale))
    print(f"gen_countries: {len(cat['entries'])} countries, {len(cat['groups'])} groups, "
          f"iso-codes {version}, {'checked' if check else 'written'}")


if __name__ == "__main__":
    main()
