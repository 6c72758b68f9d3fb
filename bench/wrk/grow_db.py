#!/usr/bin/env python3
"""Grows a dyad store to at least N events for the API load test (bench/wrk/run.sh).

Copies the coded events of the store (rows of `events`, keys suffixed "~k") with dates shifted by
whole weeks and places jittered by up to half a degree, until the store holds N events. Copies
keep their first mention, so /api/events still shows a real sentence for each; text filters and
search match only the original articles. Then runs ANALYZE so the planner sees the grown tables.

    python3 bench/wrk/grow_db.py STORE.sqlite 100000
"""
import sqlite3
import sys

COLUMNS = ("code, root, quad_class, goldstein, plover, date, date_to, source_code, source_country, "
           "source_sector, source_name, target_code, target_country, target_sector, target_name, "
           "place_key, place_name, place_country, place_admin1, place_admin1_code, place_precision, "
           "lat, lon, geonames_id, is_root, first_mention, num_mentions, num_articles, num_sources, added_at")


def main():
    path, target = sys.argv[1], int(sys.argv[2])
    db = sqlite3.connect(path)
    originals = db.execute("SELECT count(*) FROM events WHERE instr(event_key, '~') = 0").fetchone()[0]
    if originals == 0:
        sys.exit("grow_db: no events in " + path)
    count = db.execute("SELECT count(*) FROM events").fetchone()[0]
    k = db.execute("SELECT coalesce(max(CAST(substr(event_key, instr(event_key, '~') + 1) AS INTEGER)), 0) "
                   "FROM events WHERE instr(event_key, '~') > 0").fetchone()[0]
    shifted = COLUMNS.replace("date, date_to", "CASE WHEN date = '' THEN '' ELSE date(date, ?2) END, "
                              "CASE WHEN date_to = '' THEN '' ELSE date(date_to, ?2) END")
    shifted = shifted.replace("lat, lon", "lat + (abs(random()) % 1000) / 1000.0 - 0.5, "
                              "lon + (abs(random()) % 1000) / 1000.0 - 0.5")
    while count < target:
        k += 1
        # Alternate earlier and later copies so the range grows both ways, by 1..26 weeks.
        weeks = ((k + 1) // 2) % 26 + 1
        shift = "%+d days" % (7 * weeks * (1 if k % 2 else -1))
        db.execute("INSERT INTO events(event_key, " + COLUMNS + ") SELECT event_key || '~' || ?1, " +
                   shifted + " FROM events WHERE instr(event_key, '~') = 0", (str(k), shift))
        count += originals
    db.commit()
    db.execute("ANALYZE")
    db.commit()
    print("grow_db: %d events (%d coded, %d copies)" % (count, originals, k))


if __name__ == "__main__":
    main()
