"""Measures the Python module's per-article cost against the CLI's (Dask scaling: dask_bench.py).

    zcat ../shared/corpora/world-politics/articles.jsonl.gz | head -400 > /tmp/wp400.jsonl
    PYTHONPATH=build/python /usr/bin/python3 python/bench/module_bench.py /tmp/wp400.jsonl --dyad build/dyad

Per-article costs are (time for the corpus - time for its first article) / (articles - 1), so
process start and dictionary loading are left out of both sides; CPU seconds (user + sys) are
printed beside wall seconds because the latter move with the machine's other load. Each figure is
the median (and the minimum) of --repeat interleaved runs.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import tempfile
import time

import dyad


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def cli_run(binary, path):
    wall, cpu = time.perf_counter(), child_cpu()
    subprocess.run([binary, "code", path, "-j", "1", "-o", os.devnull], check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - wall, child_cpu() - cpu


def per_article(full, one, n):
    return tuple((f - o) / (n - 1) * 1e3 for f, o in zip(full, one))  # ms per article


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("--dyad", default="build/dyad")
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args()
    lines = [line for line in open(args.corpus, encoding="utf-8") if line.strip()]
    articles = [json.loads(line) for line in lines]
    n = len(articles)
    with tempfile.TemporaryDirectory() as tmp:
        first = os.path.join(tmp, "first.jsonl")
        with open(first, "w", encoding="utf-8") as f:
            f.write(lines[0])
        print(f"corpus: {n} articles, {sum(len(a['text'].encode()) for a in articles) / 1e6:.2f} MB of text; "
              f"load average before: {os.getloadavg()}")

        coder = dyad.Coder()
        coder.code("The Taliban captured Kunduz on Sunday.", date="2021-08-11")  # warm-up
        fields = ("text", "date", "id")
        variants = {  # name -> (the corpus, its first article)
            "CLI dyad code -j 1": (lambda: cli_run(args.dyad, args.corpus), lambda: cli_run(args.dyad, first)),
            "module code_file (C++ reader and loop)": (
                lambda: timed(lambda: coder.code_file(args.corpus, threads=1)),
                lambda: timed(lambda: coder.code_file(first, threads=1))),
            "module code_many(dicts, threads=1)": (
                lambda: timed(lambda: coder.code_many(articles, threads=1)),
                lambda: timed(lambda: coder.code_many(articles[:1], threads=1))),
            "module code() per article": (
                lambda: timed(lambda: [coder.code(**{k: a.get(k) for k in fields}) for a in articles]),
                lambda: timed(lambda: coder.code(**{k: articles[0].get(k) for k in fields}))),
        }
        samples = {name: [] for name in variants}
        for _ in range(args.repeat):  # interleaved, so a burst of outside load hits every variant
            for name, (full, one) in variants.items():
                samples[name].append(per_article(full(), one(), n))
        base = min(s[1] for s in samples["CLI dyad code -j 1"])
        print(f"{'per article, ms (median / min of runs)':42s} {'wall':>13s} {'CPU':>13s} {'min CPU vs CLI':>14s}")
        for name, runs in samples.items():
            wall = [r[0] for r in runs]
            cpu = [r[1] for r in runs]
            print(f"{name:42s} {statistics.median(wall):6.3f}/{min(wall):6.3f} "
                  f"{statistics.median(cpu):6.3f}/{min(cpu):6.3f} {100 * (min(cpu) / base - 1):+13.1f}%")
        print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
