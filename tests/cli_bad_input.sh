#!/bin/sh
# Bad input never crashes dyad and never loses a good article: each bad line becomes an error record
# with file and line, the good articles around it are still coded, and the exit code is 0 unless
# --strict. Usage: cli_bad_input.sh PATH/TO/dyad
set -u
dyad="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

good='{"id":"good-1","date":"2022-05-03","text":"Kenyan troops attacked al-Shabaab fighters near the border on Monday."}'
good2='{"id":"good-2","date":"2022-05-03","text":"Somalia accused Kenya of violating its airspace on Tuesday."}'
{
  echo "$good"
  echo '{"id": "broken", "text": '                       # invalid JSON
  printf '{"id":"bad-utf8","text":"abc \377 def"}\n'      # invalid UTF-8
  echo '{"id":"empty","text":""}'                         # empty text
  echo '{"id":"types","text":42}'                         # wrong type
  echo '[1,2,3]'                                          # not an object
  echo ''                                                 # blank line: skipped silently
  printf '\000\001\002 binary garbage \377\376\n'         # binary garbage
  echo "$good2"
} > "$dir/in.jsonl"

"$dyad" code "$dir/in.jsonl" -o "$dir/out.jsonl" 2> "$dir/err.txt"
rc=$?
[ "$rc" -eq 0 ] || fail "exit code $rc, expected 0"
errors=$(grep -c '"error"' "$dir/err.txt")
[ "$errors" -ge 6 ] || { cat "$dir/err.txt"; fail "expected >= 6 error records, got $errors"; }
grep -q '"line":2' "$dir/err.txt" || fail "no error record for line 2"
grep -q '"file":"[^"]*in.jsonl"' "$dir/err.txt" || fail "error records do not name the file"
grep -q '"article_id":"good-1"' "$dir/out.jsonl" || fail "good-1 was not coded"
grep -q '"article_id":"good-2"' "$dir/out.jsonl" || fail "good-2 (after the bad lines) was not coded"

"$dyad" code "$dir/in.jsonl" --strict -o "$dir/strict.jsonl" 2>/dev/null
[ $? -ne 0 ] || fail "--strict did not stop with a non-zero exit"

"$dyad" code "$dir/missing.jsonl" -o "$dir/x.jsonl" 2>/dev/null
[ $? -eq 1 ] || fail "an unreadable input file must exit 1"

# An article over the size limit is an error record, not a crash.
printf '{"id":"big","text":"%s"}\n' "$(head -c 3000 /dev/zero | tr '\0' 'a')" > "$dir/big.jsonl"
echo "$good" >> "$dir/big.jsonl"
"$dyad" code "$dir/big.jsonl" --max-article-bytes 1000 -o "$dir/big.out" 2> "$dir/big.err" || fail "size limit run failed"
grep -q '"error"' "$dir/big.err" || fail "no error record for the oversized article"
grep -q '"article_id":"good-1"' "$dir/big.out" || fail "good article after an oversized one was lost"

# A .txt file with invalid UTF-8 is an error record with an offset.
printf 'Headline\n\nTroops \377 attacked.\n' > "$dir/bad.txt"
"$dyad" code "$dir/bad.txt" --date 2022-05-03 -o "$dir/txt.out" 2> "$dir/txt.err" || fail "txt run failed"
grep -q '"offset"' "$dir/txt.err" || { cat "$dir/txt.err"; fail "no offset in the txt error record"; }

echo "cli_bad_input: $errors error records, good articles coded, strict and size limits honoured"
