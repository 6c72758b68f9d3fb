#!/usr/bin/env python3
"""Validate dyad actor dictionaries (data/lexicon/actors/*.actors) against docs/LEXICON.md.

Checks, per line:
  * tab-separated KIND, CODE, NAMES, then attributes (key=value, separated by tabs or spaces)
  * known kind; code shape for the kind (country: ISO 3166-1 alpha-3; honorific: '-';
    agent: a CAMEO sector; metonym/org/person: COUNTRY+SECTOR, bare country, or an
    international IGO/NGO/IMG code)
  * ISO3 codes exist in /usr/share/iso-codes/json/iso_3166-1.json (plus the user-assigned XKX) or,
    for former states, in iso_3166-3.json
  * sector= values and agent codes are in the allowed CAMEO sector list; country= is ISO3 or empty
  * the code agrees with country= and sector= when it is COUNTRY+SECTOR
  * named organisations and people are not sector INS (named armed groups are REB)
  * dates (from=, to=) are valid YYYY-MM-DD and from <= to
  * flag attributes (title=, plural=, place=, needs_country=) are 1; attribute values contain no spaces
  * every entry has source=
  * no empty names, no name listed twice in one entry
Across lines:
  * a name (compared ignoring case, since names match text of several cases) within the same kind maps to one code, unless the
    entries' date ranges do not overlap (a person changing office, an org changing role) or
    the (kind, name) pair is in INTENDED_DUPLICATES below
  * one @version per file
Prints counts per file, kind and sector. Exit status 1 when any error is found.

Usage: python3 tools/check_actors.py [FILE_OR_DIR ...]   (default: data/lexicon/actors)
"""
import datetime
import json
import os
import re
import sys
from collections import Counter, defaultdict

ISO_JSON = '/usr/share/iso-codes/json/iso_3166-1.json'
ISO_FORMER_JSON = '/usr/share/iso-codes/json/iso_3166-3.json'  # former states (SUN, YUG, CSK ...)
EXTRA_ISO3 = {'XKX'}  # Kosovo: user-assigned code, widely used (EU, IMF, World Bank)
KINDS = {'country', 'metonym', 'agent', 'honorific', 'org', 'person'}
SECTORS = set('GOV MIL COP JUD LEG OPP PTY REB INS SEP SPY IGO NGO IMG BUS MED '
              'EDU CVL REF LAB AGR HLH ELI CRM UAF REL'.split())
INTL_PREFIXES = ('IGO', 'NGO', 'IMG')
KNOWN_KEYS = {
    'country': {'adj', 'people', 'capital', 'ethnic', 'ethnic_people', 'source', 'note', 'from', 'to'},
    'metonym': {'country', 'sector', 'source', 'note', 'from', 'to'},
    'agent': {'title', 'plural', 'place', 'needs_country', 'source', 'note', 'from', 'to'},
    'honorific': {'source', 'note'},
    'org': {'country', 'sector', 'name', 'plural', 'source', 'note', 'from', 'to'},
    'person': {'country', 'sector', 'role', 'source', 'note', 'from', 'to', 'surname'},
}
REQUIRED_KEYS = {
    'metonym': {'country', 'sector'},
    'org': {'country', 'sector', 'name'},
    'person': {'country', 'sector', 'role'},
}
# (kind, name) pairs that deliberately map to more than one code at overlapping dates.
INTENDED_DUPLICATES = set()

DATE_RE = re.compile(r'^\d{4}-\d{2}-\d{2}$')
CODE_RE = re.compile(r'^[A-Z0-9]{3,12}$')


def load_iso3():
    with open(ISO_JSON, encoding='utf-8') as f:
        data = json.load(f)
    codes = {e['alpha_3'] for e in data['3166-1']} | EXTRA_ISO3
    if os.path.exists(ISO_FORMER_JSON):
        with open(ISO_FORMER_JSON, encoding='utf-8') as f:
            codes |= {e['alpha_3'] for e in json.load(f)['3166-3'] if 'alpha_3' in e}
    return codes


def parse_date(s):
    if not DATE_RE.match(s):
        return None
    try:
        return datetime.date.fromisoformat(s)
    except ValueError:
        return None


def overlap(a, b):
    """a, b: (from, to) date pairs, None meaning open."""
    lo = datetime.date.min
    hi = datetime.date.max
    a0, a1 = a[0] or lo, a[1] or hi
    b0, b1 = b[0] or lo, b[1] or hi
    return a0 <= b1 and b0 <= a1


class Checker:
    def __init__(self):
        self.iso3 = load_iso3()
        self.errors = []
        self.warnings = []
        self.counts = Counter()          # (file, kind)
        self.sector_counts = Counter()   # (kind, sector)
        self.name_counts = Counter()     # kind -> number of names
        self.seen = defaultdict(list)    # (kind, name) -> [(code, (from, to), where)]

    def err(self, where, msg):
        self.errors.append(f'{where}: {msg}')

    def check_code(self, where, kind, code, attrs):
        if kind == 'honorific':
            if code != '-':
                self.err(where, f'honorific code must be "-", got {code!r}')
            return None
        if kind == 'agent':
            if code not in SECTORS:
                self.err(where, f'agent code {code!r} is not a CAMEO sector')
            return code
        if kind == 'country':
            if code not in self.iso3:
                self.err(where, f'country code {code!r} not in ISO 3166-1')
            return None
        if not CODE_RE.match(code):
            self.err(where, f'malformed code {code!r}')
            return None
        ctry = attrs.get('country', '')
        sec = attrs.get('sector', '')
        if ctry and ctry not in self.iso3:
            self.err(where, f'country={ctry} not in ISO 3166-1')
        if sec and sec not in SECTORS:
            self.err(where, f'sector={sec} not an allowed sector')
        if sec == 'INS' and not code.startswith('IMG'):
            # docs/LEXICON.md: named armed groups and their people are REB, as in the CAMEO
            # reference dictionaries; INS belongs to the nouns "insurgents", "militants"
            self.err(where, f'{kind} with sector=INS: named armed groups are REB')
        if code.startswith(INTL_PREFIXES) and code[:3] not in self.iso3:
            # international code: IGOxxx / NGOxxx / IMGxxx
            # IGOUNOHLH: an IGO's body with the sector of its field (CAMEO's UN agencies)
            field = len(code) == 9 and code[6:] == sec
            if sec and sec != code[:3] and not field and not (code[:3] == 'IMG' and sec in ('IMG', 'INS')):
                self.err(where, f'international code {code} with sector={sec}')
            return sec
        pre = code[:3]
        if pre not in self.iso3:
            self.err(where, f'code {code} does not start with an ISO3 country or IGO/NGO/IMG')
            return sec
        rest = code[3:]
        if ctry and ctry != pre:
            self.err(where, f'code {code} disagrees with country={ctry}')
        if rest:
            if rest not in SECTORS:
                self.err(where, f'code {code}: {rest!r} is not a sector')
            if sec and sec != rest:
                self.err(where, f'code {code} disagrees with sector={sec}')
        return sec or rest or None

    def check_file(self, path):
        fname = os.path.basename(path)
        versions = 0
        with open(path, encoding='utf-8') as f:
            for lineno, raw in enumerate(f, 1):
                where = f'{path}:{lineno}'
                line = raw.rstrip('\n').rstrip('\r')
                s = line.strip()
                if not s or s.startswith('#'):
                    continue
                if s.startswith('@version'):
                    versions += 1
                    if not re.match(r'^@version \S+$', s):
                        self.err(where, 'malformed @version line')
                    continue
                fields = line.split('\t')
                if len(fields) < 3:
                    self.err(where, f'expected KIND<TAB>CODE<TAB>NAMES[<TAB>ATTRS], got {len(fields)} field(s)')
                    continue
                kind, code, names = fields[0].strip(), fields[1].strip(), fields[2]
                if kind not in KINDS:
                    self.err(where, f'unknown kind {kind!r}')
                    continue
                attrs = {}
                for chunk in fields[3:]:
                    for tok in chunk.split(' '):
                        if not tok:
                            continue
                        if '=' not in tok:
                            self.err(where, f'attribute without "=": {tok!r}')
                            continue
                        k, v = tok.split('=', 1)
                        if k in attrs:
                            self.err(where, f'attribute {k} given twice')
                        attrs[k] = v
                for k, v in attrs.items():
                    if k not in KNOWN_KEYS[kind]:
                        self.warnings.append(f'{where}: unusual attribute {k}= for kind {kind}')
                    if v == '' and k not in ('country', 'to', 'from'):
                        self.err(where, f'empty value for {k}=')
                    if any(p == '' for p in v.split('|')) and v != '':
                        self.err(where, f'empty item in {k}={v}')
                missing = REQUIRED_KEYS.get(kind, set()) - attrs.keys()
                if missing:
                    self.err(where, f'missing attribute(s): {", ".join(sorted(missing))}')
                if 'source' not in attrs:
                    self.err(where, 'missing source=')
                for k in ('title', 'plural', 'place', 'needs_country'):
                    if k in attrs and attrs[k] != '1':
                        self.err(where, f'{k}= must be 1')
                dfrom = dto = None
                for k in ('from', 'to'):
                    if k in attrs and attrs[k] != '':
                        d = parse_date(attrs[k])
                        if d is None:
                            self.err(where, f'bad date {k}={attrs[k]}')
                        elif k == 'from':
                            dfrom = d
                        else:
                            dto = d
                if dfrom and dto and dfrom > dto:
                    self.err(where, f'from={dfrom} after to={dto}')
                sec = self.check_code(where, kind, code, attrs)
                namelist = names.split('|')
                if any(n.strip() == '' for n in namelist):
                    self.err(where, 'empty name')
                if any(n != n.strip() for n in namelist):
                    self.err(where, 'name with leading/trailing space')
                dups = [n for n, c in Counter(namelist).items() if c > 1]
                if dups:
                    self.err(where, f'name(s) repeated in entry: {dups}')
                # adjectives, demonyms and capitals count as names of the country
                keyed = [n.strip() for n in namelist if n.strip()]
                if kind == 'country':
                    for k in ('adj', 'people', 'capital'):
                        if attrs.get(k):
                            keyed += [x.replace('_', ' ') for x in attrs[k].split('|')]
                # lower-case name tokens match any case and capitalised tokens match any
                # capitalised text, so two names can match the same text when they are
                # equal ignoring case: compare case-folded names
                for n in set(' '.join(k.split()).casefold() for k in keyed):
                    self.seen[(kind, n)].append((code, (dfrom, dto), where))
                self.counts[(fname, kind)] += 1
                self.name_counts[kind] += len(namelist)
                if sec:
                    self.sector_counts[(kind, sec)] += 1
        if versions != 1:
            self.err(path, f'expected exactly one @version line, found {versions}')

    def check_duplicates(self):
        for (kind, name), uses in sorted(self.seen.items()):
            codes = {u[0] for u in uses}
            if len(codes) < 2 or (kind, name) in INTENDED_DUPLICATES:
                continue
            for i in range(len(uses)):
                for j in range(i + 1, len(uses)):
                    a, b = uses[i], uses[j]
                    if a[0] != b[0] and overlap(a[1], b[1]):
                        self.err(b[2], f'{kind} name {name!r} maps to {b[0]} here and to '
                                       f'{a[0]} at {a[2]} with overlapping dates')

    def report(self):
        files = sorted({f for f, _ in self.counts})
        print('entries per file and kind:')
        for f in files:
            kinds = {k: c for (ff, k), c in self.counts.items() if ff == f}
            total = sum(kinds.values())
            print(f'  {f}: {total} entries (' +
                  ', '.join(f'{k} {c}' for k, c in sorted(kinds.items())) + ')')
        print('names per kind: ' + ', '.join(f'{k} {c}' for k, c in sorted(self.name_counts.items())))
        print('entries per kind and sector:')
        for kind in sorted({k for k, _ in self.sector_counts}):
            row = {s: c for (k, s), c in self.sector_counts.items() if k == kind}
            print(f'  {kind}: ' + ', '.join(f'{s} {c}' for s, c in sorted(row.items())))
        for w in self.warnings:
            print('warning: ' + w)
        for e in self.errors:
            print('ERROR: ' + e)
        print(f'{len(self.errors)} error(s), {len(self.warnings)} warning(s)')


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    targets = argv[1:] or [os.path.join(root, 'data', 'lexicon', 'actors')]
    paths = []
    for t in targets:
        if os.path.isdir(t):
            paths += sorted(os.path.join(t, f) for f in os.listdir(t) if f.endswith('.actors'))
        else:
            paths.append(t)
    if not paths:
        print('no .actors files found')
        return 1
    c = Checker()
    for p in paths:
        c.check_file(p)
    c.check_duplicates()
    c.report()
    return 1 if c.errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
