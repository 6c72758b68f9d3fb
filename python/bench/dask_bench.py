"""Dask scaling: one against two local workers on the world-politics corpus, and where the time goes.

    PYTHONPATH=build/python /usr/bin/python3 python/bench/dask_bench.py --dyad build/dyad
    make bench-python                        # the same, from the build in BUILD (default build/)

Prints the machine's load, then for each run of `dyad.dask.run` (1 and 2 workers, interleaved,
--repeat times) the throughput (articles / coding_seconds, as summary.json reports it) and its
profile: CPU seconds of the client process (which also hosts the scheduler, as LocalCluster does)
and of each worker process over the coding, the workers' busy share (time inside code_partition),
and the tail (time between the first and the last worker finishing). Then the ratio of the
2-worker to the 1-worker median, and, for scale, `dyad code -j 1` and `-j 2` on the same input
(the machine's own ceiling for two cores), and module_bench.py's per-article comparison of the
module with the CLI on the first 400 articles (--no-cli and --no-module skip those).

Wall-clock figures mean something only on an idle machine: compare the load averages printed.
"""

import argparse
import gzip
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_CORPUS = os.path.join(os.path.dirname(REPO), "shared", "corpora", "world-politics", "articles.jsonl.gz")


def load():
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def machine():
    model = ""
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return (f"{time.strftime('%Y-%m-%d %H:%M:%S %Z')}; {os.cpu_count()} cpus, {model}; python "
            f"{platform.python_version()}; commit {commit.stdout.strip() or '?'}")


def unpack(corpus, tmp):
    """The corpus as a plain JSONL file (Dask partitions are byte ranges of a file)."""
    if not corpus.endswith(".gz"):
        return corpus
    path = os.path.join(tmp, os.path.basename(corpus)[:-3])
    with gzip.open(corpus, "rb") as src, open(path, "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    return path


def _rusage():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def dask_run(path, out, workers, chunk_lines):
    """One `dyad.dask.run` on a fresh LocalCluster of `workers`; returns (summary, profile dict)."""
    import distributed
    import dyad.dask

    dyad.dask._make_package_importable()
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as probe:
        probe.wait_for_workers(workers)
        before_workers, before_client = probe.run(_rusage), time.process_time()
        summary = dyad.dask.run([path], out, scheduler=cluster.scheduler_address, chunk_lines=chunk_lines)
        client_cpu = time.process_time() - before_client
        after_workers = probe.run(_rusage)
    worker_cpu = sorted(after_workers[w] - before_workers[w] for w in after_workers)
    busy = {}
    for p in summary["partition_results"]:
        busy[p["worker"]] = busy.get(p["worker"], 0.0) + p["seconds"]
    coding = summary["coding_seconds"]
    busy_share = sum(busy.values()) / (coding * workers) if coding else 0.0
    # The coding time this run's CPU use would take with two otherwise idle cores: no worker
    # faster than its own CPU time, the two cores shared by workers and the client's CPU during
    # the coding, and the workers idle for the share they were idle here. It ignores that two busy
    # cores run slower than one (shared caches: `dyad code -j 2` shows how much), so it is an
    # upper bound on the speed.
    client_coding_cpu = summary.get("client_cpu_seconds", client_cpu)
    idle_cores = max(max(worker_cpu), (sum(worker_cpu) + client_coding_cpu) / 2) / max(busy_share, 1e-9)
    profile = dict(client_cpu=client_cpu, worker_cpu=worker_cpu, busy_share=busy_share,
                   client_coding_cpu=client_coding_cpu,
                   tail=max(busy.values()) - min(busy.values()) if len(busy) == workers else coding,
                   idle_cores_seconds=idle_cores)
    return summary, profile


def cli_run(binary, path, threads):
    start = time.perf_counter()
    subprocess.run([binary, "code", path, "-j", str(threads), "-o", os.devnull], check=True,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", default=DEFAULT_CORPUS, help="JSONL or JSONL.gz (default: world-politics)")
    p.add_argument("--dyad", default=os.path.join(REPO, "build", "dyad"), help="the CLI, for the -j 1/-j 2 ceiling")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--chunk-lines", type=int, help="as python3 -m dyad.dask --chunk-lines (default: its own)")
    p.add_argument("--no-cli", action="store_true", help="skip the dyad code -j 1/-j 2 reference runs")
    p.add_argument("--no-module", action="store_true", help="skip the module-vs-CLI per-article comparison")
    args = p.parse_args()
    if not os.path.exists(args.corpus):
        print(f"dask_bench: no corpus at {args.corpus} (../shared is needed)", file=sys.stderr)
        return 1
    print("machine:", machine())
    print("start:", load())
    with tempfile.TemporaryDirectory() as tmp:
        path = unpack(args.corpus, tmp)
        rates, estimates = {1: [], 2: []}, {1: [], 2: []}
        for r in range(args.repeat):
            for workers in (1, 2):
                summary, prof = dask_run(path, os.path.join(tmp, "out"), workers, args.chunk_lines)
                rates[workers].append(summary["articles_per_second"])
                estimates[workers].append(prof["idle_cores_seconds"])
                print(f"dask {workers} worker(s), run {r + 1}: {summary['articles']} articles in "
                      f"{summary['partitions']} partitions, coding {summary['coding_seconds']:.2f} s "
                      f"(marking {summary['marking_seconds']:.2f} s) = {summary['articles_per_second']:.1f} "
                      f"articles/s; CPU s: client+scheduler {prof['client_cpu']:.2f} ({prof['client_coding_cpu']:.2f} while "
                      f"coding), workers "
                      f"{' + '.join(f'{c:.2f}' for c in prof['worker_cpu'])}; busy {100 * prof['busy_share']:.0f}%, "
                      f"tail {prof['tail']:.2f} s; {load()}", flush=True)
        one, two = statistics.median(rates[1]), statistics.median(rates[2])
        print(f"dask median articles/s: 1 worker {one:.1f}, 2 workers {two:.1f}; ratio {two / one:.2f}x "
              f"(best runs {max(rates[2]) / max(rates[1]):.2f}x; target >= 1.7x)")
        print(f"CPU-bound estimate for an idle machine (from the CPU seconds above, before the cost of two busy "
              f"cores): {statistics.median(estimates[1]) / statistics.median(estimates[2]):.2f}x")
        if not args.no_cli and os.path.exists(args.dyad):
            j1 = min(cli_run(args.dyad, path, 1) for _ in range(2))
            j2 = min(cli_run(args.dyad, path, 2) for _ in range(2))
            print(f"dyad code, best of 2: -j 1 {j1:.2f} s, -j 2 {j2:.2f} s; ratio {j1 / j2:.2f}x; {load()}")
        if not args.no_module:
            first = os.path.join(tmp, "first400.jsonl")
            with open(path, "rb") as src, open(first, "wb") as dst:
                dst.writelines(line for _, line in zip(range(400), src))
            subprocess.run([sys.executable, os.path.join(HERE, "module_bench.py"), first, "--dyad", args.dyad],
                           check=True)
    print("end:", load())
    return 0


if __name__ == "__main__":
    sys.exit(main())
