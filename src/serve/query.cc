#include "serve/query.h"

#include "store/analysis.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <map>

namespace dyad::serve {
namespace {

// The parameters of one request, checked against the names an endpoint accepts: an unknown or
// repeated name is an error (a typo must not silently widen a query).
class ParamReader {
 public:
  ParamReader(const Params& p, std::initializer_list<const char*> allowed) {
    for (const auto& [name, value] : p) {
      bool known = false;
      for (const char* a : allowed) known = known || name == a;
      if (!known) {
        status_ = Status::InvalidArgument("unknown parameter '" + Clip(name) + "'");
        return;
      }
      if (!values_.emplace(name, value).second) {
        status_ = Status::InvalidArgument("parameter '" + name + "' given twice");
        return;
      }
    }
  }
  const Status& status() const { return status_; }
  std::string Get(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? "" : it->second;
  }
  bool Has(const std::string& name) const { return values_.count(name) != 0; }

 private:
  static std::string Clip(const std::string& s) {
    std::string out;
    for (char c : s.substr(0, 40)) out += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
    return out;
  }
  std::map<std::string, std::string> values_;
  Status status_;
};

// A whole number in [lo, hi]; `def` when absent or empty.
Status ReadInt(const ParamReader& r, const std::string& name, int64_t lo, int64_t hi, int64_t def,
               int64_t* out) {
  std::string v = r.Get(name);
  if (v.empty()) {
    *out = def;
    return Status::Ok();
  }
  int64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n < lo || n > hi) {
    return Status::InvalidArgument(name + " must be a whole number from " + std::to_string(lo) +
                                   " to " + std::to_string(hi));
  }
  *out = n;
  return Status::Ok();
}

Status ReadDouble(const ParamReader& r, const std::string& name, double lo, double hi, double* out) {
  std::string v = r.Get(name);
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (v.empty() || v.size() > 32 || ec != std::errc() || end != v.data() + v.size() ||
      !std::isfinite(d) || d < lo || d > hi) {
    return Status::InvalidArgument(name + " must be a number from " + std::to_string(static_cast<int>(lo)) +
                                   " to " + std::to_string(static_cast<int>(hi)));
  }
  *out = d;
  return Status::Ok();
}

Status ReadDate(const ParamReader& r, const std::string& name, std::string* out) {
  std::string v = r.Get(name);
  if (!v.empty() && !IsDate(v)) return Status::InvalidArgument(name + " must be a date YYYY-MM-DD");
  *out = v;
  return Status::Ok();
}

// Uppercase letters and digits only, `min`..`max` long (actor codes, country codes).
bool IsCode(std::string_view s, size_t min, size_t max, bool digits_only) {
  if (s.size() < min || s.size() > max) return false;
  for (char c : s) {
    bool ok = digits_only ? std::isdigit(static_cast<unsigned char>(c))
                          : std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
    if (!ok) return false;
  }
  return true;
}

Status ReadCode(const ParamReader& r, const std::string& name, size_t min, size_t max, bool digits,
                const char* what, std::string* out) {
  std::string v = r.Get(name);
  if (!v.empty() && !IsCode(v, min, max, digits)) return Status::InvalidArgument(name + " must be " + what);
  *out = v;
  return Status::Ok();
}

Status ReadText(const ParamReader& r, const std::string& name, std::string* out) {
  std::string v = r.Get(name);
  if (v.size() > kMaxTextBytes) {
    return Status::InvalidArgument(name + " is longer than " + std::to_string(kMaxTextBytes) + " bytes");
  }
  if (!v.empty() && PlainTerms(v).empty()) return Status::InvalidArgument(name + " has no words");
  *out = v;
  return Status::Ok();
}

Status ReadBox(const ParamReader& r, std::optional<BoundingBox>* out) {
  int present = r.Has("minlat") + r.Has("minlon") + r.Has("maxlat") + r.Has("maxlon");
  if (present == 0) return Status::Ok();
  if (present != 4) return Status::InvalidArgument("a bounding box needs minlat, minlon, maxlat and maxlon");
  BoundingBox b;
  DYAD_RETURN_IF_ERROR(ReadDouble(r, "minlat", -90, 90, &b.min_lat));
  DYAD_RETURN_IF_ERROR(ReadDouble(r, "maxlat", -90, 90, &b.max_lat));
  DYAD_RETURN_IF_ERROR(ReadDouble(r, "minlon", -180, 180, &b.min_lon));
  DYAD_RETURN_IF_ERROR(ReadDouble(r, "maxlon", -180, 180, &b.max_lon));
  if (b.min_lat > b.max_lat || b.min_lon > b.max_lon) {
    return Status::InvalidArgument("minlat/minlon must not exceed maxlat/maxlon");
  }
  *out = b;
  return Status::Ok();
}

Status CheckDateOrder(const std::string& from, const std::string& to) {
  if (!from.empty() && !to.empty() && from > to) return Status::InvalidArgument("from is after to");
  return Status::Ok();
}

}  // namespace

bool IsDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  int y = std::stoi(std::string(s.substr(0, 4)));
  int m = std::stoi(std::string(s.substr(5, 2)));
  int d = std::stoi(std::string(s.substr(8, 2)));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::string PlainTerms(std::string_view text) { return store::PlainTerms(text); }

Result<EventsQuery> ParseEventsQuery(const Params& p) {
  ParamReader r(p, {"actor", "country", "code", "root", "from", "to", "minlat", "minlon", "maxlat",
                    "maxlon", "text", "limit", "offset"});
  DYAD_RETURN_IF_ERROR(r.status());
  EventsQuery q;
  DYAD_RETURN_IF_ERROR(ReadCode(r, "actor", 1, 32, false, "an actor code prefix (A-Z, 0-9)", &q.actor));
  DYAD_RETURN_IF_ERROR(ReadCode(r, "country", 3, 3, false, "an ISO 3166 alpha-3 code", &q.country));
  DYAD_RETURN_IF_ERROR(ReadCode(r, "code", 2, 4, true, "a CAMEO code of 2 to 4 digits", &q.code));
  DYAD_RETURN_IF_ERROR(ReadCode(r, "root", 2, 2, true, "a CAMEO root of 2 digits", &q.root));
  DYAD_RETURN_IF_ERROR(ReadDate(r, "from", &q.from));
  DYAD_RETURN_IF_ERROR(ReadDate(r, "to", &q.to));
  DYAD_RETURN_IF_ERROR(CheckDateOrder(q.from, q.to));
  DYAD_RETURN_IF_ERROR(ReadBox(r, &q.box));
  DYAD_RETURN_IF_ERROR(ReadText(r, "text", &q.text));
  int64_t limit = 0;
  DYAD_RETURN_IF_ERROR(ReadInt(r, "limit", 1, kMaxPageSize, 100, &limit));
  q.limit = static_cast<int>(limit);
  DYAD_RETURN_IF_ERROR(ReadInt(r, "offset", 0, kMaxOffset, 0, &q.offset));
  return q;
}

Result<store::RelationsQuery> ParseRelationsQuery(const Params& p) {
  ParamReader r(p, {"a", "b", "by", "from", "to", "directed"});
  DYAD_RETURN_IF_ERROR(r.status());
  store::RelationsQuery q;
  DYAD_RETURN_IF_ERROR(ReadCode(r, "a", 1, 32, false, "an actor code prefix (A-Z, 0-9)", &q.a));
  DYAD_RETURN_IF_ERROR(ReadCode(r, "b", 1, 32, false, "an actor code prefix (A-Z, 0-9)", &q.b));
  if (q.a.empty() || q.b.empty()) return Status::InvalidArgument("a and b are required");
  std::string by = r.Get("by");
  if (!by.empty()) {
    auto period = store::ParsePeriod(by);
    if (!period) return Status::InvalidArgument("by must be day, week or month");
    q.by = *period;
  }
  DYAD_RETURN_IF_ERROR(ReadDate(r, "from", &q.from));
  DYAD_RETURN_IF_ERROR(ReadDate(r, "to", &q.to));
  DYAD_RETURN_IF_ERROR(CheckDateOrder(q.from, q.to));
  int64_t directed = 0;
  DYAD_RETURN_IF_ERROR(ReadInt(r, "directed", 0, 1, 0, &directed));
  q.directed = directed == 1;
  return q;
}

Result<TopQuery> ParseTopQuery(const Params& p) {
  ParamReader r(p, {"by", "limit", "from", "to"});
  DYAD_RETURN_IF_ERROR(r.status());
  TopQuery q;
  std::string by = r.Get("by");
  if (!by.empty()) {
    auto top_by = store::ParseTopBy(by);
    if (!top_by) return Status::InvalidArgument("by must be dyad, actor, place or code");
    q.by = *top_by;
  }
  int64_t limit = 0;
  DYAD_RETURN_IF_ERROR(ReadInt(r, "limit", 1, 100, 20, &limit));
  q.limit = static_cast<int>(limit);
  DYAD_RETURN_IF_ERROR(ReadDate(r, "from", &q.from));
  DYAD_RETURN_IF_ERROR(ReadDate(r, "to", &q.to));
  DYAD_RETURN_IF_ERROR(CheckDateOrder(q.from, q.to));
  return q;
}

Result<SearchQuery> ParseSearchQuery(const Params& p) {
  ParamReader r(p, {"q", "limit"});
  DYAD_RETURN_IF_ERROR(r.status());
  SearchQuery q;
  DYAD_RETURN_IF_ERROR(ReadText(r, "q", &q.q));
  if (q.q.empty()) return Status::InvalidArgument("q is required");
  int64_t limit = 0;
  DYAD_RETURN_IF_ERROR(ReadInt(r, "limit", 1, 100, 20, &limit));
  q.limit = static_cast<int>(limit);
  return q;
}

Status ValidateArticleId(std::string_view id) {
  if (id.empty() || id.size() > 256) return Status::InvalidArgument("article id must be 1 to 256 bytes");
  for (char c : id) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return Status::InvalidArgument("article id has a control character");
    }
  }
  return Status::Ok();
}

}  // namespace dyad::serve
