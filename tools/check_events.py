#!/usr/bin/python3
"""Validate dyad event dictionaries (data/lexicon/events/*.events).

Checks, per docs/LEXICON.md:
  * each entry line is CODE<TAB>PATTERN[<TAB>ATTRIBUTES...]
  * CODE exists in data/cameo/cameo_codes.tsv
  * PATTERN parses: trigger first (lower-case lemma, or N:lemma), literals, (a|b) groups
    with balanced parentheses, at most one $T, $T never first
  * attributes are key=value with known keys and values without spaces; source= present
  * no duplicate (code, pattern) and no pattern listed under two different codes
    (a pattern may appear twice when exactly one entry carries obj=place)
Prints entry counts per file and per CAMEO root. Exit status 1 on any error.

Usage: /usr/bin/python3 tools/check_events.py [--quiet] [FILES...]
"""
import glob
import os
import re
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CODES_FILE = os.path.join(ROOT, "data", "cameo", "cameo_codes.tsv")
EVENTS_GLOB = os.path.join(ROOT, "data", "lexicon", "events", "*.events")

KNOWN_ATTRS = {"target", "obj", "passive", "modal", "source", "note"}
ATTR_VALUES = {
    "target": {"none"},
    "obj": {"place", "none"},
    "passive": {"no"},
    "modal": {"appeal"},
}
KNOWN_SOURCES = {"cameo-codebook", "wordnet", "plover-manual", "general-knowledge"}
WORD_RE = re.compile(r"^[a-z0-9][a-z0-9'.\-]*$")
VERSION_RE = re.compile(r"^@version\s+\S+\s*$")


def load_codes(path):
    codes = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            s = line.rstrip("\n")
            if not s.strip() or s.lstrip().startswith("#"):
                continue
            cols = s.split("\t")
            if cols[0] == "code":
                continue
            if len(cols) != 7:  # code, name, goldstein, quad_class, plover, plover_mode, plover_context
                raise SystemExit(f"{path}:{n}: expected 7 tab-separated columns, got {len(cols)}")
            codes[cols[0]] = cols[1]
    return codes


def parse_pattern(pat):
    """Return (error or None, elements). Elements: ('trigger', word, is_noun), ('lit', word),
    ('alt', [words]), ('T',)."""
    if pat != pat.strip() or "  " in pat:
        return "pattern has stray spaces", []
    if pat.count("(") != pat.count(")"):
        return "unbalanced parentheses", []
    toks = pat.split(" ")
    elems = []
    for i, tok in enumerate(toks):
        if i == 0:
            word, noun = (tok[2:], True) if tok.startswith("N:") else (tok, False)
            if not WORD_RE.match(word):
                return f"bad trigger '{tok}' (must be a lower-case lemma or N:lemma)", []
            elems.append(("trigger", word, noun))
            continue
        if tok == "$T":
            elems.append(("T",))
        elif tok.startswith("(") or tok.endswith(")") or "|" in tok:
            if not (tok.startswith("(") and tok.endswith(")")):
                return f"bad alternative group '{tok}'", []
            inner = tok[1:-1]
            if "(" in inner or ")" in inner:
                return f"nested parentheses in '{tok}'", []
            alts = inner.split("|")
            if len(alts) < 2 or any(not WORD_RE.match(a) for a in alts):
                return f"bad alternative group '{tok}'", []
            elems.append(("alt", alts))
        elif tok.startswith("N:"):
            return f"N: only allowed on the trigger ('{tok}')", []
        elif "$" in tok:
            return f"unknown slot '{tok}'", []
        elif WORD_RE.match(tok):
            elems.append(("lit", tok))
        else:
            return f"bad literal '{tok}'", []
    nt = sum(1 for e in elems if e[0] == "T")
    if nt > 1:
        return "more than one $T", []
    return None, elems


def main(argv):
    quiet = "--quiet" in argv
    files = [a for a in argv if not a.startswith("--")] or sorted(glob.glob(EVENTS_GLOB))
    if not files:
        print("no event files found", file=sys.stderr)
        return 1
    codes = load_codes(CODES_FILE)
    errors = warnings = 0
    per_file = Counter()
    per_root = Counter()
    per_code = Counter()
    seen = {}                       # pattern -> (code, where)
    versions = {}

    def err(where, msg):
        nonlocal errors
        errors += 1
        print(f"{where}: error: {msg}")

    def warn(where, msg):
        nonlocal warnings
        warnings += 1
        if not quiet:
            print(f"{where}: warning: {msg}")

    for path in files:
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                where = f"{os.path.relpath(path, ROOT)}:{n}"
                s = line.rstrip("\n").rstrip("\r")
                if not s.strip() or s.lstrip().startswith("#"):
                    continue
                if s.startswith("@"):
                    if not VERSION_RE.match(s):
                        err(where, "bad directive (only '@version VALUE' is known)")
                    elif name in versions:
                        err(where, "second @version in file")
                    else:
                        versions[name] = s.split()[1]
                    continue
                cols = s.split("\t")
                if len(cols) < 2:
                    err(where, "expected CODE<TAB>PATTERN[<TAB>ATTRIBUTES] (no TAB found)")
                    continue
                code, pat, attrs = cols[0], cols[1], cols[2:]
                if code not in codes:
                    err(where, f"unknown CAMEO code '{code}'")
                    continue
                perr, elems = parse_pattern(pat)
                if perr:
                    err(where, f"pattern '{pat}': {perr}")
                    continue
                kv = {}
                bad = False
                for field in attrs:
                    for item in field.split(" "):
                        if not item:
                            continue
                        if "=" not in item:
                            err(where, f"attribute '{item}' is not key=value"); bad = True; continue
                        k, v = item.split("=", 1)
                        if k not in KNOWN_ATTRS:
                            err(where, f"unknown attribute '{k}'"); bad = True; continue
                        if k in kv:
                            err(where, f"attribute '{k}' given twice"); bad = True; continue
                        if not v:
                            err(where, f"attribute '{k}' has an empty value"); bad = True; continue
                        if k in ATTR_VALUES and v not in ATTR_VALUES[k]:
                            err(where, f"{k}={v}: allowed {sorted(ATTR_VALUES[k])}"); bad = True; continue
                        kv[k] = v
                if bad:
                    continue
                if "source" not in kv:
                    warn(where, "entry has no source=")
                elif any(s_ not in KNOWN_SOURCES for s_ in kv["source"].split("|")):
                    warn(where, f"unusual source '{kv['source']}'")
                has_t = any(e[0] == "T" for e in elems)
                if has_t and kv.get("target") == "none":
                    err(where, "$T together with target=none")
                if kv.get("modal") == "appeal" and not code.startswith(("02", "10")):
                    warn(where, "modal=appeal outside roots 02/10")
                key = (pat, kv.get("obj", ""))   # same pattern may exist once plain and once with obj=place
                if key in seen:
                    pcode, pwhere = seen[key]
                    if pcode == code:
                        err(where, f"duplicate of {pwhere}")
                    else:
                        err(where, f"pattern '{pat}' already coded {pcode} at {pwhere}")
                    continue
                seen[key] = (code, where)
                per_file[name] += 1
                per_root[code[:2]] += 1
                per_code[code] += 1

    total = sum(per_file.values())
    print("entries per file:")
    for name in sorted(per_file):
        print(f"  {name:32s} {per_file[name]:5d}   @version {versions.get(name, '-')}")
    print("entries per CAMEO root:")
    for root in sorted(per_root):
        print(f"  {root} {codes.get(root, '?'):40s} {per_root[root]:5d}")
    unused = sorted(c for c in codes if len(c) >= 3 and c not in per_code)
    print(f"total entries: {total}; codes used: {len(per_code)}; codes with no entry: {len(unused)}")
    if not quiet and unused:
        print("  no entry: " + " ".join(unused))
    print(f"{errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
