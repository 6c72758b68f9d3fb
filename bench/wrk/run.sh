#!/bin/sh
# The HTTP API under load: wrk, 64 connections for 30 s, bench/wrk/events.lua's request mix, over
# a store of >= 100,000 events. Target: p99 <= 50 ms, zero errors (docs/SERVE.md).
#   bench/wrk/run.sh BUILD_DIR
# Environment: DYAD_BENCH_DB (the store; default BUILD/bench/serve_events.sqlite, made once from
# DYAD_BENCH_CORPUS, default ../shared/corpora/world-politics, else examples/news.jsonl, and grown
# with bench/wrk/grow_db.py), DYAD_BENCH_EVENTS (100000), SERVE_THREADS (dyad serve --threads),
# WRK_CONNECTIONS (64), WRK_DURATION (30s), WRK_THREADS (2).
set -eu

build=${1:?usage: bench/wrk/run.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dyad=${DYAD:-$build/dyad}
db=${DYAD_BENCH_DB:-$build/bench/serve_events.sqlite}
events=${DYAD_BENCH_EVENTS:-100000}
corpus=${DYAD_BENCH_CORPUS:-$root/../shared/corpora/world-politics/articles.jsonl.gz}

command -v wrk >/dev/null || { echo "wrk not found: make setup (Debian wrk)" >&2; exit 1; }
[ -x "$dyad" ] || { echo "missing $dyad: make build" >&2; exit 1; }

if [ ! -f "$db" ]; then
  mkdir -p "$(dirname "$db")"
  if [ -f "$corpus" ]; then
    echo "== storing $corpus"
    zcat "$corpus" | "$dyad" ingest --db "$db" - --summary
  else
    echo "== no shared corpus: storing examples/news.jsonl"
    "$dyad" ingest --db "$db" "$root/examples/news.jsonl" --summary
  fi
fi
python3 "$here/grow_db.py" "$db" "$events"
# Date windows fall between the 5th and the 95th percentile of event dates (stray dates like 1914
# or 2030 would otherwise make most windows empty).
range=$(python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = db.execute("SELECT count(*) FROM events WHERE date != ''").fetchone()[0]
at = lambda p: db.execute("SELECT date FROM events WHERE date != '' ORDER BY date LIMIT 1 OFFSET ?",
                          (int(p * (n - 1)),)).fetchone()[0]
lo, hi = at(0.05), at(0.95)
print(lo, int(db.execute("SELECT julianday(?) - julianday(?)", (hi, lo)).fetchone()[0]))
PY
)
export DYAD_BENCH_FIRST=${range% *}
export DYAD_BENCH_DAYS=$(printf '%.0f' "${range#* }")

log=$(mktemp)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -f "$log" "$log.wrk"' EXIT
"$dyad" serve --db "$db" --port 0 ${SERVE_THREADS:+--threads "$SERVE_THREADS"} >"$log" 2>&1 &
server=$!
port=""
for _ in $(seq 50); do
  port=$(sed -n 's|^dyad serve: http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$log")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$log"; echo "dyad serve did not start" >&2; exit 1; }
url="http://127.0.0.1:$port"

echo "== machine: $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== store: $db, dates from $DYAD_BENCH_FIRST over $DYAD_BENCH_DAYS days; $(sed 's/^dyad serve: //' "$log")"
echo "== warm-up (5 s)"
wrk -t"${WRK_THREADS:-2}" -c"${WRK_CONNECTIONS:-64}" -d5s -s "$here/events.lua" "$url" | tail -1
echo "== wrk -t${WRK_THREADS:-2} -c${WRK_CONNECTIONS:-64} -d${WRK_DURATION:-30s}"
wrk -t"${WRK_THREADS:-2}" -c"${WRK_CONNECTIONS:-64}" -d"${WRK_DURATION:-30s}" -s "$here/events.lua" "$url" | tee "$log.wrk"
kill -0 "$server" || { echo "dyad serve died under load" >&2; exit 1; }
