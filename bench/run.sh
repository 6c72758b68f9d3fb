#!/bin/sh
# Runs dyad's benchmarks from a build configured with -DDYAD_BUILD_BENCH=ON (make bench does this).
#   bench/run.sh BUILD_DIR
# Environment: DYAD_BENCH_ARTICLES (stage_bench corpus size, default 100), DYAD_BENCH_CORPUS (the
# articles.jsonl.gz to read; default ../shared/corpora/world-politics), DYAD_GAZETTEER,
# STAGE_BENCH_ARGS (extra Google Benchmark flags, e.g. --benchmark_filter=Actors).
# Without the shared corpus both programs code generated text and say so in their first line.
set -eu

build=${1:?usage: bench/run.sh BUILD_DIR}
stage="$build/bench/stage_bench"
corpus="$build/bench/corpus_bench"
for exe in "$stage" "$corpus"; do
  if [ ! -x "$exe" ]; then
    echo "missing $exe: configure with -DDYAD_BUILD_BENCH=ON and build (make bench)" >&2
    exit 1
  fi
done

echo "== machine"
echo "cpus: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "ram:  $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows the figures)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"

echo
echo "== per stage (stage_bench; items = sentences)"
# shellcheck disable=SC2086
"$stage" ${STAGE_BENCH_ARGS:-}

echo
echo "== whole corpus, 1 thread (corpus_bench)"
"$corpus" --articles 400

echo
echo "== whole corpus, 2 threads sharing one Coder (corpus_bench --threads 2)"
"$corpus" --articles 400 --threads 2

echo
echo "Copy these figures, with the machine lines above, into docs/BENCHMARKS.md."
