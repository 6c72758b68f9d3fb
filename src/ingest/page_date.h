// Publication dates as web pages, feeds and WARC headers write them -> "YYYY-MM-DD".
//
//   "2021-08-10", "2021-08-10T09:30:00+05:00"      ISO 8601 / RFC 3339 (Atom, <meta>, JSON-LD, WARC-Date)
//   "Tue, 10 Aug 2021 09:30:00 GMT", "10 Aug 21"   RFC 822 / RFC 1123 (RSS pubDate)
//   "August 10, 2021", "Aug. 10 2021"              month-name forms some sites put in <meta>
// The date is the one written (local to the publisher): no time-zone shift, so "23:30 -0500"
// stays on its own day, the day the article's "yesterday" refers to.
#ifndef DYAD_INGEST_PAGE_DATE_H_
#define DYAD_INGEST_PAGE_DATE_H_

#include <string>
#include <string_view>

namespace dyad::ingest {

// "YYYY-MM-DD", or "" when `text` is not a recognised date (or not a real calendar day).
// Pure; total over any bytes.
std::string NormalizePageDate(std::string_view text);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_PAGE_DATE_H_
