"""Distributed coding: two worker processes on 127.0.0.1 give exactly the single-process output."""

import collections
import json
import os
import subprocess
import sys

import pytest

distributed = pytest.importorskip("distributed")

import dyad.dask  # noqa: E402  (after the skip: needs distributed only at run time, but says so)

# distributed 2022.12 on Debian's tornado: a deprecation notice that is not ours.
pytestmark = pytest.mark.filterwarnings("ignore:make_current is deprecated:DeprecationWarning")

COPIES = 4  # examples/news.jsonl repeated under new ids, in two files


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, examples):
    base = [json.loads(line) for line in (examples / "news.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    root = tmp_path_factory.mktemp("corpus")
    for name, copies in (("a", range(0, COPIES // 2)), ("b", range(COPIES // 2, COPIES))):
        rows = []
        for copy in copies:
            for article in base:
                rows.append(dict(article, id=f"{article['id']}-copy{copy}"))
        rows.append({"date": "2021-08-11", "text": "The Taliban captured Kunduz on Sunday."})  # generated id
        (root / f"corpus-{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def single_process(corpus, run_cli):
    lines, errors = run_cli(corpus / "corpus-a.jsonl", corpus / "corpus-b.jsonl")
    assert not errors and len(lines) > 100
    assert any('"duplicate_of"' in line for line in lines)  # copies across partitions are marked
    return lines


def read_parts(out):
    names = sorted(n for n in os.listdir(out) if n.startswith("part-") and not n.endswith(".errors.jsonl"))
    return [line for n in names for line in (out / n).read_text(encoding="utf-8").split("\n") if line]


def test_local_cluster_cli(corpus, single_process, tmp_path):
    """`python3 -m dyad.dask` starts its own scheduler and two worker processes on 127.0.0.1."""
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "dyad.dask", str(corpus / "corpus-*.jsonl"), "--out", str(out),
                           "--workers", "2", "--chunk-lines", "5"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    parts = read_parts(out)
    assert collections.Counter(parts) == collections.Counter(single_process)
    assert parts == single_process  # partitions are numbered in input order
    summary = json.loads((out / "summary.json").read_text())
    assert summary["workers"] == 2 and summary["partitions"] == 8
    assert summary["events"] == len(single_process) and summary["errors"] == 0
    assert summary["articles"] == 2 * (COPIES // 2 * 8 + 1)


def test_external_scheduler(corpus, single_process, tmp_path):
    """--scheduler ADDRESS: a scheduler and two worker processes started apart from the run."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        summary = dyad.dask.run([str(corpus / "corpus-*.jsonl")], str(tmp_path / "out"),
                                scheduler=cluster.scheduler_address, chunk_lines=3)
    parts = read_parts(tmp_path / "out")
    assert collections.Counter(parts) == collections.Counter(single_process)
    assert summary["workers"] == 2 and summary["partitions"] == 12 and not summary["failed"]
    assert sum(p["events"] for p in summary["partition_results"]) == len(single_process)


def test_plan_partitions(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b"a\n\nbb\nccc\nd")  # five lines, the last without a newline
    parts = dyad.dask.plan_partitions([str(path)], chunk_lines=2)
    assert [(p["begin"], p["end"], p["first_line"]) for p in parts] == [(0, 3, 1), (3, 10, 3), (10, -1, 5)]
    assert [p["name"] for p in parts] == ["part-00000", "part-00001", "part-00002"]
    assert len(dyad.dask.plan_partitions([str(path)], chunk_lines=5)) == 1


def naive_chunks(data, chunk_lines):
    """Reference for plan_partitions: cut after every `chunk_lines` newlines."""
    cuts, ends = [], [i + 1 for i, b in enumerate(data) if b == ord("\n")]
    begin, first = 0, 1
    for k in range(chunk_lines, len(ends) + 1, chunk_lines):
        cuts.append((begin, ends[k - 1], first))
        begin, first = ends[k - 1], first + chunk_lines
    if len(data) > begin:
        cuts.append((begin, -1, first))
    return cuts


@pytest.mark.parametrize("block", [1, 3, 16, 1 << 20])
def test_plan_partitions_across_read_blocks(tmp_path, monkeypatch, block):
    """Cuts found in blocks of any size equal the naive ones (lines and cuts straddle blocks)."""
    monkeypatch.setattr(dyad.dask, "_SCAN_BLOCK", block)
    path = tmp_path / "x.jsonl"
    for data in (b"", b"\n", b"a", b"a\nb\n", b"a\n\nbb\nccc\nd", b"".join(b"x" * (i % 7) + b"\n" for i in range(40))):
        path.write_bytes(data)
        for chunk_lines in (1, 2, 3, 7, 100):
            parts = dyad.dask.plan_partitions([str(path)], chunk_lines=chunk_lines)
            assert [(p["begin"], p["end"], p["first_line"]) for p in parts] == naive_chunks(data, chunk_lines)
