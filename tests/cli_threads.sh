#!/bin/sh
# `dyad code -j N` gives the same bytes as `-j 1`, in the same order, and streams stdin to stdout.
# Usage: cli_threads.sh PATH/TO/dyad PATH/TO/examples.jsonl
set -u
dyad="$1"; examples="$2"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# Many articles (the examples repeated under new ids, with bad lines between) so batches split.
i=0
while [ $i -lt 30 ]; do
  sed "s/\"id\": \"/\"id\": \"r$i-/" "$examples" >> "$dir/in.jsonl"
  echo '{"broken' >> "$dir/in.jsonl"
  i=$((i + 1))
done
"$dyad" code "$dir/in.jsonl" -j 1 -o "$dir/j1.jsonl" 2> "$dir/e1.txt" || { echo "FAIL: -j 1"; exit 1; }
"$dyad" code "$dir/in.jsonl" -j 3 -o "$dir/j3.jsonl" 2> "$dir/e3.txt" || { echo "FAIL: -j 3"; exit 1; }
cmp -s "$dir/j1.jsonl" "$dir/j3.jsonl" || { echo "FAIL: -j 3 output differs from -j 1"; exit 1; }
cmp -s "$dir/e1.txt" "$dir/e3.txt" || { echo "FAIL: -j 3 error records differ from -j 1"; exit 1; }
cat "$dir/in.jsonl" | "$dyad" code - -j 2 > "$dir/stdin.jsonl" 2>/dev/null || { echo "FAIL: stdin"; exit 1; }
cmp -s "$dir/j1.jsonl" "$dir/stdin.jsonl" || { echo "FAIL: stdin output differs"; exit 1; }
n=$(wc -l < "$dir/j1.jsonl")
[ "$n" -gt 100 ] || { echo "FAIL: only $n events"; exit 1; }
echo "cli_threads: $n events identical for -j 1, -j 3 and stdin streaming"
