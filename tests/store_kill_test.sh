#!/bin/sh
# Crash safety of `dyad ingest` (issue 8): SIGKILL it at >= 20 random moments while it stores, re-run
# it after each kill, and require the final events, as a multiset (every exported event row with its
# counts, but not the ingest timestamp), to equal those of one clean run.
#
# Input: examples/news.jsonl repeated 60 times with new ids, 3 publishers and 5 publication dates,
# so events merge across articles and num_mentions/num_articles/num_sources are exercised. Small
# batches (7 articles a transaction) put many commits inside each run.
# Usage: store_kill_test.sh PATH/TO/dyad PATH/TO/examples/news.jsonl   (DYAD_KILL_SEED=N to replay)
set -u
dyad="$1"
news="$2"
kills_wanted=${DYAD_KILLS:-20}
seed=${DYAD_KILL_SEED:-$(date +%s)}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL (seed $seed): $*"; exit 1; }

awk '{ for (r = 1; r <= 60; ++r) {
         line = $0
         sub(/"id": *"/, "&r" r "-", line)
         sub(/"publisher": *"[^"]*"/, "\"publisher\": \"pub" (r % 3) "\"", line)
         sub(/"date": *"[0-9-]*"/, "\"date\": \"2023-03-1" (r % 5) "\"", line)
         print line } }' "$news" > "$dir/in.jsonl"

# Every event row of the CSV export without its last column (added_at: the time of ingest), sorted.
events() {
  "$dyad" export --db "$1" --format csv | sed 's/,[0-9]*$//' | sort > "$2" || fail "export of $1 failed"
}

start=$(date +%s%N)
"$dyad" ingest --db "$dir/clean.sqlite" --batch-size 7 "$dir/in.jsonl" 2> "$dir/clean.err" ||
  { cat "$dir/clean.err"; fail "clean ingest failed"; }
clean_ms=$(( ($(date +%s%N) - start) / 1000000 ))
events "$dir/clean.sqlite" "$dir/clean.txt"
n=$(wc -l < "$dir/clean.txt")
[ "$n" -gt 50 ] || fail "clean run stored only $n events"

# Kill at a uniformly random moment within the clean run's duration (loading included), re-run.
kills=0
runs=0
completed=0
while [ "$kills" -lt "$kills_wanted" ]; do
  runs=$((runs + 1))
  [ "$runs" -le 200 ] || fail "only $kills kills landed in 200 runs"
  delay=$(awk -v s="$seed" -v r="$runs" -v ms="$clean_ms" 'BEGIN { srand(s + r); printf "%.3f", rand() * ms / 1000 }')
  "$dyad" ingest --db "$dir/crash.sqlite" --batch-size 7 "$dir/in.jsonl" 2>> "$dir/crash.err" &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then
    kills=$((kills + 1))
    wait "$pid" 2>/dev/null
  else
    wait "$pid" || fail "run $runs failed on its own (see $dir/crash.err)"
    # It finished before the kill: the sequence of crashes is complete, check it and start over.
    events "$dir/crash.sqlite" "$dir/crash.txt"
    cmp -s "$dir/clean.txt" "$dir/crash.txt" ||
      { diff "$dir/clean.txt" "$dir/crash.txt" | head -20; fail "events differ after run $runs"; }
    completed=$((completed + 1))
    rm -f "$dir/crash.sqlite" "$dir/crash.sqlite-wal" "$dir/crash.sqlite-shm"
  fi
done
"$dyad" ingest --db "$dir/crash.sqlite" --batch-size 7 "$dir/in.jsonl" 2>> "$dir/crash.err" ||
  fail "final re-run failed"
events "$dir/crash.sqlite" "$dir/crash.txt"
cmp -s "$dir/clean.txt" "$dir/crash.txt" ||
  { diff "$dir/clean.txt" "$dir/crash.txt" | head -20; fail "events differ after the final re-run"; }
echo "ok: $kills kills in $runs runs ($completed completed sequences), $n events equal to a clean run (seed $seed, clean run ${clean_ms} ms)"
