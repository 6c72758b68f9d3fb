"""dyad from Python: political event coding (CAMEO, PLOVER, Goldstein) of news text.

    import dyad, pandas
    coder = dyad.Coder()
    events = coder.code("The Taliban captured Kunduz on Sunday.", date="2021-08-11")
    events[0]["source"]["code"], events[0]["cameo"], events[0]["location"]["name"]
    frame = pandas.DataFrame(dyad.to_records(coder.code_many(articles, threads=4)))

Each event is a dict with exactly the fields of one line of `dyad code` output (README.md,
"Output fields"); ``dyad.to_records(events)`` flattens them for ``pandas.DataFrame``.

Input follows the CLI's JSONL rules, because it goes through the same C++ reader: ``id`` a
string or number (missing: generated as ``python:<n>``), ``date`` ``YYYY-MM-DD`` or an ISO
timestamp (invalid: a DyadWarning, coded without a date), ``title``, ``publisher`` (or
``source``), ``url`` optional; empty, oversized or non-UTF-8 text raises ArticleError (a
ValueError) with the CLI's message.

A Coder is immutable and thread-safe: share one across threads. ``code`` and ``code_many``
release the GIL while the C++ coder runs.
"""

import datetime as _datetime
import json as _json
import os as _os
import warnings as _warnings
from pathlib import Path as _Path

from . import _dyad

__version__ = _dyad.__version__
__all__ = ["Coder", "ArticleError", "DyadWarning", "to_records", "RECORD_COLUMNS", "__version__"]

# Articles handed to C++ per call by code_many (per thread): bounds the memory held at once.
_BATCH_PER_THREAD = 64
# Error records and generated ids name Python input like this ("python:3" = third article).
_FILE = "<python>"
_STEM = "python"


class ArticleError(ValueError):
    """An article dyad cannot code (empty, too large, invalid text or fields).

    ``str(e)`` is the CLI's reason; ``e.record`` the CLI's error record as a dict
    (``{"error", "file", "line", "id"?}``).
    """

    def __init__(self, record):
        super().__init__(record.get("error", "cannot code the article"))
        self.record = record


class DyadWarning(UserWarning):
    """A problem that did not stop an article being coded (e.g. an invalid date)."""


def _default_gazetteer():
    """The gazetteer built next to this package (build/data), unless DYAD_GAZETTEER says otherwise."""
    if _os.environ.get("DYAD_GAZETTEER"):
        return ""  # the C++ side reads the variable
    for build in (_Path(__file__).resolve().parent.parent.parent, _Path(_dyad._build_dir)):
        candidate = build / "data" / "gazetteer.bin"
        if candidate.is_file():
            return str(candidate)
    return ""  # the C++ search: next to the binary, then the source tree's build/


def _json_default(value):
    if isinstance(value, (_datetime.date, _datetime.datetime)):
        return value.isoformat()
    if hasattr(value, "isoformat"):  # pandas.Timestamp, numpy datetime64 wrappers
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"cannot pass a {type(value).__name__} to dyad")


def _article_line(article):
    if not isinstance(article, dict):
        try:
            article = dict(article)
        except (TypeError, ValueError):
            raise TypeError(f"an article must be a dict, not {type(article).__name__}") from None
    # surrogateescape: text decoded from bad bytes that way reaches the reader as those bytes,
    # which reports "invalid UTF-8" as the CLI does.
    return _json.dumps(article, ensure_ascii=False, default=_json_default).encode("utf-8", "surrogateescape")


class Coder:
    """The whole dyad pipeline, loaded once (dictionaries, CAMEO table, gazetteer).

    Args:
        data_dir: directory with lexicon/ and cameo/; None = find it (DYAD_DATA, the source tree).
        gazetteer: path of gazetteer.bin; None = the build's own (or DYAD_GAZETTEER).
        include_modal: also emit negated and hypothetical events, marked (``--include-modal``).
        topic_gate: False codes sport, entertainment and tech news too (``--no-topic-gate``).
        actors: extra actor dictionaries (``--actors``); only_actors: use only those.
        max_article_bytes, max_sentence_tokens: as the CLI's options of the same names.

    Raises FileNotFoundError when the data directory is missing, ValueError for a malformed one.
    """

    __slots__ = ("_impl", "_config", "_lexicon_version", "_suffix")
    _DEFAULTS = dict(data_dir=None, gazetteer=None, include_modal=False, topic_gate=True, actors=(),
                     only_actors=False, max_article_bytes=1 << 20, max_sentence_tokens=200)

    def __init__(self, data_dir=None, gazetteer=None, include_modal=False, *, topic_gate=True, actors=(),
                 only_actors=False, max_article_bytes=1 << 20, max_sentence_tokens=200):
        config = dict(data_dir=data_dir, gazetteer=gazetteer, include_modal=bool(include_modal),
                      topic_gate=bool(topic_gate), actors=tuple(str(a) for a in actors),
                      only_actors=bool(only_actors), max_article_bytes=int(max_article_bytes),
                      max_sentence_tokens=int(max_sentence_tokens))
        impl = _dyad.Coder(
            data_dir=str(data_dir) if data_dir else "",
            gazetteer=str(gazetteer) if gazetteer else _default_gazetteer(),
            include_modal=config["include_modal"], topic_gate=config["topic_gate"],
            actors=list(config["actors"]), only_actors=config["only_actors"],
            max_article_bytes=config["max_article_bytes"], max_sentence_tokens=config["max_sentence_tokens"])
        object.__setattr__(self, "_impl", impl)
        object.__setattr__(self, "_config", config)
        object.__setattr__(self, "_lexicon_version", impl.lexicon_version)
        object.__setattr__(self, "_suffix", ',"lexicon_version":' + _json.dumps(impl.lexicon_version) + "}")

    def __setattr__(self, name, value):
        raise AttributeError("a dyad.Coder is immutable; create another one")

    def __reduce__(self):  # picklable by configuration (Dask, multiprocessing): rebuilt on arrival
        return (_rebuild_coder, (self._config,))

    def __repr__(self):
        defaults = Coder._DEFAULTS
        options = ", ".join(f"{k}={v!r}" for k, v in self._config.items() if v != defaults[k])
        return f"dyad.Coder({options})"

    def _events(self, jsonl):
        """The records of `jsonl` as dicts. Every record ends with the same lexicon_version (~1 KB):
        it is cut off before parsing and one shared string put back, which halves the parsing
        time and the memory of a large list of events."""
        suffix = self._suffix
        loads = _json.loads
        out = []
        for line in jsonl.split("\n"):  # not splitlines(): U+2028 or U+0085 may sit inside a record
            if not line:
                continue
            if line.endswith(suffix):
                event = loads(line[:-len(suffix)] + "}")
                event["lexicon_version"] = self._lexicon_version
            else:
                event = loads(line)
            out.append(event)
        return out

    @property
    def warnings(self):
        """Load-time diagnostics (malformed dictionary lines, a missing gazetteer)."""
        return list(self._impl.warnings)

    @property
    def lexicon_version(self):
        return self._lexicon_version

    def code(self, text, date=None, id=None, title=None, publisher=None, url=None):
        """Codes one article; returns its events as a list of dicts (the CLI's JSONL records).

        Raises ArticleError (a ValueError) for text the CLI would reject, with its message.
        """
        article = {"id": id, "date": date, "title": title, "text": text, "publisher": publisher, "url": url}
        article = {k: v for k, v in article.items() if v is not None}
        [(events, errors, coded)] = self._impl.code_lines([_article_line(article)], _FILE, _STEM, 1, 1)
        return self._finish(events, errors, coded, "raise", None, stacklevel=3)

    def code_many(self, articles, threads=None, errors="raise", error_log=None):
        """Codes an iterable of article dicts on `threads` threads (default: all cores).

        Returns one flat list of event dicts, in input order (as ``dyad code`` writes them); an
        article that nearly copies an earlier one of the same call gets ``duplicate_of``, as in a
        ``dyad code`` run.
        errors="raise" (default) raises ArticleError for the first article that cannot be coded;
        errors="skip" leaves it out. Every error record (warnings too) is also appended to
        `error_log` when given: the dicts ``dyad code`` writes to stderr.
        """
        if errors not in ("raise", "skip"):
            raise ValueError("errors must be 'raise' or 'skip'")
        threads = max(1, int(threads or _os.cpu_count() or 1))
        batch_size = threads * _BATCH_PER_THREAD
        out, batch, first = [], [], 1
        index = _dyad.DuplicateIndex()  # near-copies of earlier articles of this call are marked
        for article in articles:
            batch.append(_article_line(article))
            if len(batch) == batch_size:
                self._code_batch(batch, first, threads, index, errors, error_log, out)
                first += len(batch)
                batch = []
        if batch:
            self._code_batch(batch, first, threads, index, errors, error_log, out)
        return out

    def code_file(self, path, threads=None, input_format=None, date=None, error_log=None):
        """Codes a file exactly as ``dyad code PATH`` does (JSONL, txt, html, rss, warc, a directory).

        Returns the event dicts; bad records go to `error_log` (a list) when given, as the CLI
        writes them, and do not raise. OSError when the file cannot be read.
        """
        threads = max(1, int(threads or _os.cpu_count() or 1))
        events, errs, _ = self._impl.code_file(str(path), input_format or "", date or "", threads)
        if error_log is not None:
            error_log.extend(_json.loads(line) for line in errs.decode("utf-8").split("\n") if line)
        return self._events(events.decode("utf-8"))

    def _code_batch(self, lines, first, threads, index, errors, error_log, out):
        for events, errs, coded in self._impl.code_lines(lines, _FILE, _STEM, first, threads, index):
            out.extend(self._finish(events, errs, coded, errors, error_log, stacklevel=4))

    def _finish(self, events, errors, coded, mode, error_log, stacklevel):
        records = [_json.loads(e) for e in errors]
        if error_log is not None:
            error_log.extend(records)
        if not coded:
            if mode == "raise":
                raise ArticleError(records[-1] if records else {})
            return []
        if error_log is None:
            for r in records:
                _warnings.warn(f"{r.get('id', '')}: {r['error']}", DyadWarning, stacklevel=stacklevel)
        return self._events(events)


def _rebuild_coder(config):
    return Coder(**config)


# The flat columns of one event, in the order of the CLI's JSON fields.
_NESTED = {
    "source": ("code", "country", "sector", "name", "text", "span"),
    "target": ("code", "country", "sector", "name", "text", "span"),
    "location": ("name", "country", "admin1", "lat", "lon", "geonames_id", "precision", "text", "span"),
    "trigger": ("text", "span"),
}
_TOP = ("id", "event_key", "article_id", "publisher", "url", "sentence_index", "date", "date_from", "date_to",
        "date_basis", "date_precision", "source", "target", "cameo", "cameo_root", "quad_class", "goldstein", "plover",
        "location", "sentence", "trigger", "modality", "rule", "dyad_version", "lexicon_version")


def _columns():
    cols = []
    for key in _TOP:
        for sub in _NESTED.get(key, (None,)):
            if sub is None:
                cols.append(key)
            elif sub == "span":
                cols += [f"{key}_span_begin", f"{key}_span_end"]
            else:
                cols.append(f"{key}_{sub}")
    return tuple(cols)


RECORD_COLUMNS = _columns()


def _flatten(prefix, value, row):
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(f"{prefix}_{k}" if prefix else k, v, row)
    elif prefix.endswith("span") and isinstance(value, list) and len(value) == 2:
        row[prefix + "_begin"], row[prefix + "_end"] = value
    else:
        row[prefix] = value


def to_records(events):
    """Flat rows for ``pandas.DataFrame(dyad.to_records(events))``.

    Nested objects become prefixed columns (``source.code`` -> ``source_code``, a span ->
    ``source_span_begin``/``source_span_end``). Every row has the same columns in the same order:
    RECORD_COLUMNS, with any field it does not list (an optional one such as ``duplicate_of``, or
    one from a newer dyad) placed after the field it follows in the records. An absent target or
    location, or an absent optional field, gives None.
    """
    flats, columns = [], list(RECORD_COLUMNS)
    known = set(columns)
    for event in events:
        flat = {}
        for key, value in event.items():
            if not (key in _NESTED and value is None):  # null target/location: its columns stay None
                _flatten(key, value, flat)
        previous = None
        for key in flat:
            if key not in known:
                columns.insert(columns.index(previous) + 1 if previous else 0, key)
                known.add(key)
            previous = key
        flats.append(flat)
    return [{c: flat.get(c) for c in columns} for flat in flats]
