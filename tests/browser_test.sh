#!/bin/sh
# The web page in a real browser: stores examples/news.jsonl, starts `dyad serve` on a free
# 127.0.0.1 port, opens the page in headless Chromium, and checks from the rendered DOM that the
# map, the timeline, the event list and the article view show the stored events. Saves a
# screenshot as BUILD/browser_test.png. Exits 77 (ctest SKIP_RETURN_CODE) without Chromium or
# without the built page.
#
#   sh tests/browser_test.sh build/dyad examples/news.jsonl build [WEB_DIR]
set -u
DYAD=$1
INPUT=$2
BUILD=$3
WEB=${4:-$BUILD/web}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$CHROMIUM" ]; then
  echo "skipped: $CHROMIUM not found (apt-get install chromium)"
  exit 77
fi
if [ ! -f "$WEB/index.html" ] || [ ! -f "$WEB/app.js" ]; then
  echo "skipped: no built page in $WEB (make build runs esbuild)"
  exit 77
fi

TMP=$(mktemp -d)
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  [ -f "$TMP/serve.log" ] && sed 's/^/serve: /' "$TMP/serve.log"
  exit 1
}

"$DYAD" ingest --db "$TMP/demo.sqlite" "$INPUT" >"$TMP/ingest.log" 2>&1 || fail "ingest: $(cat "$TMP/ingest.log")"

: >"$TMP/serve.log"
"$DYAD" serve --db "$TMP/demo.sqlite" --port 0 --threads 8 --web "$WEB" >"$TMP/serve.log" 2>&1 &
SERVER=$!
PORT=""
for _ in $(seq 50); do
  PORT=$(sed -n 's|^dyad serve: http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$TMP/serve.log")
  [ -n "$PORT" ] && break
  kill -0 "$SERVER" 2>/dev/null || fail "dyad serve exited"
  sleep 0.1
done
[ -n "$PORT" ] || fail "dyad serve did not start"
URL="http://127.0.0.1:$PORT/"

chromium() {
  # Chromium's wrapper script may print shell noise; only its own output matters.
  timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$(mktemp -d -p "$TMP")" \
    --virtual-time-budget=15000 --window-size=1280,900 "$@" "$URL" 2>>"$TMP/chromium.log"
}

chromium --dump-dom >"$TMP/dom.html" || fail "chromium --dump-dom failed: $(tail -5 "$TMP/chromium.log")"
chromium --run-all-compositor-stages-before-draw --screenshot="$BUILD/browser_test.png" >/dev/null ||
  fail "chromium --screenshot failed"
[ -s "$BUILD/browser_test.png" ] || fail "no screenshot"

# attr ID NAME: the data-NAME attribute of the element with id ID (body: ID "body").
attr() {
  if [ "$1" = body ]; then tag='<body[^>]*'; else tag="id=\"$1\"[^>]*"; fi
  grep -o "$tag" "$TMP/dom.html" | head -1 | sed -n "s/.*data-$2=\"\([0-9]*\)\".*/\1/p"
}
READY=$(attr body ready)
EVENTS=$(attr body events)
DOTS=$(attr map events)
DAYS=$(attr timeline days)
TIMELINE_EVENTS=$(attr timeline events)
ROWS=$(attr event-rows rows)
CIRCLES=$(grep -o 'class="event-dot' "$TMP/dom.html" | wc -l)
HIGHLIGHTS=$(grep -o 'class="[^"]*hl-\(actor\|verb\|place\)' "$TMP/dom.html" | wc -l)
echo "stored events ${EVENTS:-?}; map dots ${DOTS:-?} ($CIRCLES circles); timeline ${DAYS:-?} days," \
     "${TIMELINE_EVENTS:-?} events; list ${ROWS:-?} rows; article highlights $HIGHLIGHTS"

[ "$READY" = 1 ] || fail "the page did not finish loading"
[ -n "$EVENTS" ] && [ "$EVENTS" -gt 0 ] || fail "no stored events reported"
EXPECTED_ROWS=$EVENTS
[ "$EXPECTED_ROWS" -gt 500 ] && EXPECTED_ROWS=500
[ "$ROWS" = "$EXPECTED_ROWS" ] || fail "event list shows $ROWS rows, expected $EXPECTED_ROWS"
[ -n "$DOTS" ] && [ "$DOTS" -gt 0 ] && [ "$CIRCLES" -eq "$DOTS" ] || fail "map shows ${DOTS:-no} dots"
[ -n "$DAYS" ] && [ "$DAYS" -gt 0 ] || fail "timeline is empty"
[ "$TIMELINE_EVENTS" -le "$EVENTS" ] && [ "$TIMELINE_EVENTS" -gt 0 ] || fail "timeline counts $TIMELINE_EVENTS events"
grep -q 'class="[^"]*hl-verb' "$TMP/dom.html" || fail "article view highlights no verb"
grep -q '<canvas' "$TMP/dom.html" || fail "no chart canvas"
echo "screenshot: $BUILD/browser_test.png"
echo "ok"
