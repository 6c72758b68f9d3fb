#!/bin/sh
# tools/check_actors.py on small files written here: it accepts a UN body with the sector of its
# field (IGOUNOHLH) and rejects a named armed group coded INS (named armed groups are REB).
# Usage: check_actors_test.sh PYTHON3 CHECKER
set -u
py="$1"; checker="$2"
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
tab=$(printf '\t')
good="$dir/good.actors"; bad="$dir/bad.actors"
{
  echo "@version test"
  echo "org${tab}IGOUNOHLH${tab}World Health Organization${tab}country=${tab}sector=HLH${tab}name=WHO${tab}source=test"
  echo "org${tab}SOMREB${tab}al-Shabaab${tab}country=SOM${tab}sector=REB${tab}name=al-Shabaab${tab}source=test"
} > "$good"
{
  echo "@version test"
  echo "org${tab}SOMINS${tab}al-Shabaab${tab}country=SOM${tab}sector=INS${tab}name=al-Shabaab${tab}source=test"
} > "$bad"
if ! "$py" "$checker" "$good" > "$dir/out" 2>&1; then
  echo "FAIL: the good file was rejected"; cat "$dir/out"; exit 1
fi
if "$py" "$checker" "$bad" > "$dir/out" 2>&1; then
  echo "FAIL: an org with sector=INS was accepted"; cat "$dir/out"; exit 1
fi
grep -q "named armed groups are REB" "$dir/out" || { echo "FAIL: no reason given"; cat "$dir/out"; exit 1; }
echo "check_actors: accepts IGOUNOHLH, rejects a named group coded INS"
