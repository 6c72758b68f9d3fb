"""Distributed coding on Dask: ``python3 -m dyad.dask INPUT_GLOB... --out DIR [--scheduler ADDRESS]``.

The inputs (files matching the globs, in sorted order) are cut into partitions: a JSONL file into
chunks of whole lines, any other input `dyad code` reads (txt, html, rss, warc, a directory) into
one partition per file. Each Dask task codes one partition with the C++ coder, through the same
reader and run loop as ``dyad code``, and writes

    DIR/part-00000.jsonl          one event mention per line, byte for byte what dyad code writes
    DIR/part-00000.errors.jsonl   the error records of the partition, when there are any
    DIR/summary.json              totals, events by CAMEO root, top dyads, timings, per partition

Partitions are numbered in input order, so ``cat DIR/part-*[0-9].jsonl`` equals
``dyad code INPUTS`` (generated ids and error line numbers too: a chunk knows its first line;
near-duplicate marks too: the client sets them for the whole run, see DuplicateMarker).
summary.json times: startup_seconds (cluster start, every worker loading its Coder),
coding_seconds (coding and marking, to the last result; articles_per_second is over it).
Each part file is written to a temporary name and renamed, so a task Dask retries after a lost
worker leaves no half-written output.

Without --scheduler a LocalCluster of --workers processes (one thread each) is started on
127.0.0.1. With --scheduler, the workers must see the inputs and DIR under the same paths (a
shared file system), and must be able to import dyad (PYTHONPATH=build/python). docs/SCALING.md.
"""

import argparse
import glob
import json
import math
import os
import socket
import sys
import threading
import time

# Files read as JSONL and therefore cut into chunks of lines (as ingest/reader.cc decides).
_JSONL_SUFFIXES = (".jsonl", ".json", ".ndjson")
_SCAN_BLOCK = 16 << 20
# Default partitions per worker. With 4, one of two workers idled 2-5 s at the end of a ~20 s
# run (half a partition on average); with 16 the tail is ~0.4 s, and a partition's own cost
# (a task, reading its range) does not show.
_PARTS_PER_WORKER = 16
_coders = {}
_coders_lock = threading.Lock()


def _coder(config):
    """The worker process's Coder for `config`, built once (loading takes a few tens of ms)."""
    key = json.dumps(config, sort_keys=True)
    with _coders_lock:
        coder = _coders.get(key)
        if coder is None:
            import dyad
            coder = _coders[key] = dyad.Coder(**config)
        return coder


def _warm(config):
    """Loads the worker's Coder and codes one sentence (lazy tables), before any timing starts."""
    _coder(config).code("The Taliban captured Kunduz on Sunday.", date="2021-08-11")
    return os.getpid()


def _is_jsonl(path, input_format):
    if input_format:
        return input_format in ("jsonl", "json", "ndjson")
    return not os.path.isdir(path) and path.lower().endswith(_JSONL_SUFFIXES)


def _count_lines(path):
    """Lines as the reader counts them: a last line without a newline counts too."""
    lines, last = 0, b"\n"
    with open(path, "rb") as f:
        while block := f.read(_SCAN_BLOCK):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (last != b"\n")


def _line_chunks(path, chunk_lines):
    """(begin byte, end byte, first line) for every `chunk_lines` lines of the file.

    One pass; bytes.count skips blocks without a cut, and only the lines of a block that holds
    a cut are stepped through (linear in the file: counting from each cut to the end of the block
    made this quadratic, ~10 s on a 37 MB file).
    """
    chunks, begin, first, line, offset = [], 0, 1, 1, 0
    to_cut = chunk_lines  # newlines until the next chunk begins
    with open(path, "rb") as f:
        while block := f.read(_SCAN_BLOCK):
            pos, left = 0, block.count(b"\n")
            while left >= to_cut:  # the next cut is inside this block
                for _ in range(to_cut):
                    pos = block.index(b"\n", pos) + 1
                left, line = left - to_cut, line + to_cut
                chunks.append((begin, offset + pos, first))
                begin, first, to_cut = offset + pos, line, chunk_lines
            to_cut, line = to_cut - left, line + left
            offset += len(block)
    if offset > begin:
        chunks.append((begin, -1, first))
    return chunks


def plan_partitions(paths, chunk_lines=None, workers=1, input_format=None):
    """The partitions of `paths`, in input order: dicts with file, kind, begin, end, first_line.

    chunk_lines=None picks about 16 partitions per worker (_PARTS_PER_WORKER), 1 to 5,000 lines
    each: workers take the next partition when they finish one, so they finish within about one
    partition's time of each other, and small partitions keep that tail short.
    """
    jsonl = {p: _count_lines(p) for p in paths if _is_jsonl(p, input_format)}
    if chunk_lines is None:
        total = sum(jsonl.values())
        chunk_lines = min(5000, max(1, math.ceil(total / (_PARTS_PER_WORKER * max(1, workers)))))
    parts = []
    for path in paths:
        if path in jsonl:
            for begin, end, first in _line_chunks(path, chunk_lines):
                parts.append(dict(file=path, kind="range", begin=begin, end=end, first_line=first))
        else:
            parts.append(dict(file=path, kind="file", begin=0, end=-1, first_line=1))
    for i, part in enumerate(parts):
        part["name"] = f"part-{i:05d}"
    return parts


def _write_atomic(path, data):
    tmp = f"{path}.tmp-{socket.gethostname()}-{os.getpid()}-{threading.get_ident()}"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


class DuplicateMarker:
    """Marks near-copies across the whole run on the client, as one `dyad code` run marks them.

    `dyad code` marks an article that nearly copies an earlier one of the run (ingest/dedup.h),
    which depends on every article before it. The workers code their JSONL partitions unmarked and
    return each article's fingerprint (SimHash of the cleaned text, taken from the coding itself,
    so nothing is cleaned twice). The client feeds them to one DuplicateIndex in input order as
    results come in (lookups only: microseconds an article), and rewrites the part file of a
    partition whose articles it marks, with duplicate_of added to their events. Other inputs are
    whole-file partitions: their articles are marked within the file, by the worker.
    """

    def __init__(self, parts, out_dir):
        import dyad

        self._dyad = dyad._dyad
        self._index = dyad._dyad.DuplicateIndex()
        self._order = {part["name"]: i for i, part in enumerate(parts)}
        self._out_dir = out_dir
        self._waiting = {}  # partition number -> its fingerprints, until those before it are in
        self._next = 0
        self.marked = 0
        self.seconds = 0.0

    def add(self, result):
        """Takes a finished partition's result (its fingerprints are removed from it)."""
        start = time.perf_counter()
        self._waiting[self._order[result["name"]]] = (result["name"], result.pop("fingerprints", []))
        while self._next in self._waiting:
            self._mark(*self._waiting.pop(self._next))
            self._next += 1
        self.seconds += time.perf_counter() - start

    def _mark(self, name, fingerprints):
        marks = []
        for article_id, simhash, words, begin, end in fingerprints:
            original = self._index.check(article_id, simhash, words)
            self.marked += bool(original)
            if original and end > begin:  # an article without events has nothing to mark
                marks.append((begin, end, original))
        if not marks:
            return
        path = os.path.join(self._out_dir, name + ".jsonl")
        with open(path, "rb") as f:
            events = f.read()
        pieces, done = [], 0
        for begin, end, original in marks:
            pieces += [events[done:begin], self._dyad.with_duplicate_of(events[begin:end], original)]
            done = end
        _write_atomic(path, b"".join(pieces) + events[done:])


def code_partition(part, config, out_dir, threads=1, input_format=None, date=None):
    """Runs on a worker: codes one partition and writes its part files. Returns its summary.

    A JSONL range is written unmarked, and its articles' fingerprints returned for DuplicateMarker.
    """
    start = time.perf_counter()
    coder = _coder(config)
    result = dict(name=part["name"], file=part["file"], begin=part["begin"], end=part["end"],
                  first_line=part["first_line"], worker=f"{socket.gethostname()}:{os.getpid()}")
    fingerprints = []
    try:
        if part["kind"] == "range":
            events, errors, summary, fingerprints = coder._impl.code_range(
                part["file"], part["begin"], part["end"], part["first_line"], threads, fingerprints=True)
        else:
            events, errors, summary = coder._impl.code_file(part["file"], input_format or "", date or "",
                                                            threads)
    except OSError as e:
        result.update(failed=str(e), seconds=time.perf_counter() - start)
        return result
    _write_atomic(os.path.join(out_dir, part["name"] + ".jsonl"), events)
    if errors:
        _write_atomic(os.path.join(out_dir, part["name"] + ".errors.jsonl"), errors)
    result.update(summary, seconds=time.perf_counter() - start, fingerprints=fingerprints)
    return result


def _expand(patterns):
    paths = []
    for pattern in patterns:
        matched = sorted(glob.glob(pattern)) or ([pattern] if os.path.exists(pattern) else [])
        paths += [p for p in matched if p not in paths]
    return paths


def _clear_outputs(out_dir):
    """Removes the part files and summary of an earlier run, so DIR holds exactly this run."""
    for name in os.listdir(out_dir):
        if name == "summary.json" or (name.startswith("part-") and ".jsonl" in name):
            os.remove(os.path.join(out_dir, name))


def _make_package_importable():
    """Spawned local workers import dyad as this process did: through PYTHONPATH."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    current = os.environ.get("PYTHONPATH", "")
    if root not in current.split(os.pathsep):
        os.environ["PYTHONPATH"] = root + (os.pathsep + current if current else "")


def summarize(results, wall_seconds, coding_seconds, workers, scheduler, top_dyads=50):
    totals = dict(articles=0, sentences=0, events=0, errors=0)
    by_root, dyads = {}, {}
    for r in results:
        for key in totals:
            totals[key] += r.get(key, 0)
        for root, n in r.get("by_root", {}).items():
            by_root[root] = by_root.get(root, 0) + n
        for d, n in r.get("dyads", {}).items():
            dyads[d] = dyads.get(d, 0) + n
    top = dict(sorted(dyads.items(), key=lambda kv: (-kv[1], kv[0]))[:top_dyads])
    partitions = [{k: v for k, v in r.items() if k not in ("by_root", "dyads")} for r in results]
    return dict(
        totals, by_root=dict(sorted(by_root.items())), top_dyads=top, scheduler=scheduler, workers=workers,
        partitions=len(results), failed=[r["name"] for r in results if "failed" in r],
        wall_seconds=round(wall_seconds, 3), coding_seconds=round(coding_seconds, 3),  # + startup_seconds
        articles_per_second=round(totals["articles"] / coding_seconds, 2) if coding_seconds > 0 else None,
        partition_results=partitions)


def run(inputs, out_dir, scheduler=None, workers=2, chunk_lines=None, config=None, threads=1,
        input_format=None, date=None):
    """Codes `inputs` (globs) into `out_dir` on a Dask cluster; returns the summary dict."""
    from distributed import Client, LocalCluster, as_completed

    wall_start = time.perf_counter()
    paths = _expand(inputs)
    if not paths:
        raise FileNotFoundError("no input matches " + " ".join(inputs))
    os.makedirs(out_dir, exist_ok=True)
    _clear_outputs(out_dir)
    config = dict(config or {})
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        _make_package_importable()
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
        client = Client(cluster)
    try:
        client.wait_for_workers(1)
        nworkers = len(client.run(_warm, config))  # every worker loads its Coder once, untimed
        parts = plan_partitions(paths, chunk_lines, nworkers, input_format)
        startup_seconds = time.perf_counter() - wall_start
        coding_start, client_cpu_start = time.perf_counter(), time.process_time()
        marker = DuplicateMarker(parts, os.path.abspath(out_dir))
        results = []
        # Each future is released once its result is in: a result Dask recomputed after losing a
        # worker would rewrite a part file the marker may already have marked.
        for future in as_completed([client.submit(code_partition, part, config, os.path.abspath(out_dir), threads,
                                                  input_format, date, pure=False) for part in parts]):
            results.append(future.result())
            future.release()
            marker.add(results[-1])
        coding_seconds = time.perf_counter() - coding_start
        client_cpu_seconds = time.process_time() - client_cpu_start
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    results.sort(key=lambda r: r["name"])
    summary = summarize(results, time.perf_counter() - wall_start, coding_seconds, nworkers,
                        scheduler or "local", top_dyads=50)
    summary["startup_seconds"] = round(startup_seconds, 3)
    summary["marking_seconds"] = round(marker.seconds, 3)  # the client's part of coding_seconds
    summary["client_cpu_seconds"] = round(client_cpu_seconds, 3)  # this process's CPU (and a local scheduler's)
    summary["marked_duplicates"] = marker.marked  # JSONL articles; whole-file inputs mark their own
    summary["inputs"] = paths
    with open(os.path.join(out_dir, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return summary


def _parser():
    p = argparse.ArgumentParser(prog="python3 -m dyad.dask", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT_GLOB", help="input files or globs (quote them)")
    p.add_argument("--out", required=True, metavar="DIR", help="output directory (its part files are replaced)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="a running dask-scheduler, e.g. tcp://10.0.0.1:8786")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="local worker processes when there is no --scheduler (default: cores)")
    p.add_argument("--chunk-lines", type=int, help="JSONL lines per partition (default: ~16 partitions per worker)")
    p.add_argument("--threads", type=int, default=1, help="coding threads per partition (default 1)")
    p.add_argument("--input-format", help="as dyad code --input-format")
    p.add_argument("--date", help="publication date for txt inputs, as dyad code --date")
    p.add_argument("--data", help="dyad's data directory")
    p.add_argument("--gazetteer", help="gazetteer.bin path (as seen by the workers)")
    p.add_argument("--include-modal", action="store_true")
    p.add_argument("--no-topic-gate", action="store_true")
    p.add_argument("--max-article-bytes", type=int, default=1 << 20)
    return p


def main(argv=None):
    args = _parser().parse_args(argv)
    if args.workers < 1 or args.threads < 1 or (args.chunk_lines is not None and args.chunk_lines < 1):
        print("dyad.dask: --workers, --threads and --chunk-lines must be at least 1", file=sys.stderr)
        return 2
    config = dict(data_dir=args.data, gazetteer=args.gazetteer, include_modal=args.include_modal,
                  topic_gate=not args.no_topic_gate, max_article_bytes=args.max_article_bytes)
    try:
        summary = run(args.inputs, args.out, args.scheduler, args.workers, args.chunk_lines, config,
                      args.threads, args.input_format, args.date)
    except (OSError, ValueError) as e:
        print(f"dyad.dask: {e}", file=sys.stderr)
        return 1
    print(f"dyad.dask: {summary['articles']} articles, {summary['events']} events, {summary['errors']} input "
          f"errors in {summary['partitions']} partitions on {summary['workers']} workers; "
          f"{summary['coding_seconds']} s coding ({summary['articles_per_second']} articles/s), "
          f"{summary['wall_seconds']} s in all -> {args.out}", file=sys.stderr)
    for name in summary["failed"]:
        print(f"dyad.dask: {name} could not be read", file=sys.stderr)
    return 1 if summary["failed"] else 0


if __name__ == "__main__":
    # Run as `python3 -m dyad.dask`: call the imported module, so that the functions Dask ships to
    # workers are pickled by reference to dyad.dask, not to this __main__.
    from dyad import dask as _module

    sys.exit(_module.main())
