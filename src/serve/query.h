// The HTTP API's parameters: URL query strings in, validated query structs out. Every value the
// API puts into SQL passes through here first; anything unexpected is an InvalidArgument whose
// message the server returns as {"error": ...} with status 400.
//
//   Params p = {{"actor", "USA"}, {"from", "2021-08-01"}, {"limit", "50"}};
//   Result<EventsQuery> q = ParseEventsQuery(p);   // q->actor == "USA", q->limit == 50
//   ParseEventsQuery({{"limit", "1e99"}})           // InvalidArgument("limit must be ...")
//
// Pure functions, no I/O: the unit tests drive them directly.
#ifndef DYAD_SERVE_QUERY_H_
#define DYAD_SERVE_QUERY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/status.h"
#include "store/analysis.h"

namespace dyad::serve {

// Query parameters in arrival order (a name may repeat; the parsers reject repeats).
using Params = std::vector<std::pair<std::string, std::string>>;

inline constexpr int kMaxPageSize = 500;
inline constexpr int64_t kMaxOffset = 100000;
inline constexpr size_t kMaxTextBytes = 200;  // text filters and search queries

struct BoundingBox {
  double min_lat = 0, min_lon = 0, max_lat = 0, max_lon = 0;
};

// GET /api/events and GET /api/timeline. Empty strings mean "no filter".
struct EventsQuery {
  std::string actor;    // code prefix on source or target: "USA" covers USAGOV, USAMIL
  std::string country;  // ISO 3166 alpha-3 of the source, the target or the place
  std::string code;     // exact CAMEO code, "041"
  std::string root;     // CAMEO root, "04"
  std::string from, to; // inclusive YYYY-MM-DD
  std::optional<BoundingBox> box;
  std::string text;     // words that must occur in a reporting article (FTS5, as plain terms)
  int limit = 100;      // 1..kMaxPageSize
  int64_t offset = 0;   // 0..kMaxOffset
};

Result<EventsQuery> ParseEventsQuery(const Params& p);

// GET /api/relations?a=USA&b=PAK&by=month[&from=&to=&directed=1]
Result<store::RelationsQuery> ParseRelationsQuery(const Params& p);

struct TopQuery {
  store::TopBy by = store::TopBy::kDyad;
  int limit = 20;  // 1..100
  std::string from, to;
};
Result<TopQuery> ParseTopQuery(const Params& p);

struct SearchQuery {
  std::string q;
  int limit = 20;  // 1..100
};
Result<SearchQuery> ParseSearchQuery(const Params& p);

// An article id from the path: 1..256 bytes, printable ASCII or UTF-8, no control characters.
Status ValidateArticleId(std::string_view id);

// Helpers shared with the server, exposed for tests.
bool IsDate(std::string_view s);  // YYYY-MM-DD, a real calendar day, years 1000..9999
// FTS5 query matching `text`'s words as plain quoted terms ("U.S. aid" -> "U" "S" "aid"), so no
// user text is ever parsed as FTS5 syntax; "" when it has no words.
std::string PlainTerms(std::string_view text);

}  // namespace dyad::serve

#endif  // DYAD_SERVE_QUERY_H_
