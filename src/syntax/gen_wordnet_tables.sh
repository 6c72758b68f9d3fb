#!/bin/sh
# Compiles WordNet's exception lists and single-word lemma indexes (Debian wordnet-base) into a C++
# include file at build time: gen_wordnet_tables.sh WORDNET_DIR OUT
set -eu
wn="$1"; out="$2"
emit() {  # name file awk-program
  printf 'static const char %s[] =\n' "$1"
  awk "$3" "$2" | sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$/\\n"/'
  printf ';\n'
}
{
  echo "// Generated from WordNet 3.0 (Princeton University licence) by gen_wordnet_tables.sh."
  emit kVerbExc "$wn/verb.exc" '{print $1" "$2}'
  emit kNounExc "$wn/noun.exc" '{print $1" "$2}'
  emit kVerbIndex "$wn/index.verb" '!/^ / && $1 !~ /_/ {print $1}'
  emit kNounIndex "$wn/index.noun" '!/^ / && $1 !~ /_/ {print $1}'
} > "$out.tmp"
mv "$out.tmp" "$out"
