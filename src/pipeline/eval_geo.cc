#include "pipeline/eval_geo.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "common/strings.h"
#include "geo/gazetteer.h"

namespace dyad::pipeline {
namespace {

struct Row {
  std::string article, sentence, mention, expected, iso2, admin1, kind;
  int occurrence = 1;
  double lat = 0, lon = 0;
  int64_t geonames_id = 0;
  bool ambiguous = false;
  Span span;  // in the article text
};

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

// ISO alpha-2 -> alpha-3 from Debian iso-codes.
std::map<std::string, std::string> Iso2To3() {
  std::map<std::string, std::string> out;
  std::ifstream in("/usr/share/iso-codes/json/iso_3166-1.json");
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.contains("3166-1")) return out;
  for (const auto& c : j["3166-1"]) out[c.value("alpha_2", "")] = c.value("alpha_3", "");
  out["XK"] = "XKX";
  return out;
}

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

bool Right(const Row& r, const Document& doc, const std::string& iso3, std::string* why) {
  const PlaceMention* place = nullptr;
  for (const PlaceMention& p : doc.places) {
    if (Overlaps(p.span, r.span)) { place = &p; break; }
  }
  if (r.kind == "NONE") {
    if (place) *why = "tagged as " + place->name;
    return place == nullptr;
  }
  if (place == nullptr) {
    for (const ActorMention& a : doc.actors) {  // a country named as an actor
      if (Overlaps(a.span, r.span) && r.kind == "country" && a.country == iso3) return true;
    }
    *why = "not found";
    return false;
  }
  double km = DistanceKm(place->lat, place->lon, r.lat, r.lon);
  if (km <= 25.0) return true;
  if (r.kind != "city" && place->country == iso3 &&
      (r.kind == "country" || geo::Gazetteer::NormalizeName(place->admin1) == geo::Gazetteer::NormalizeName(r.admin1))) {
    return true;
  }
  char buf[160];
  std::snprintf(buf, sizeof buf, "resolved to %s, %s (%.0f km off)", place->name.c_str(), place->country.c_str(), km);
  *why = buf;
  return false;
}

}  // namespace

Result<GeoScores> EvaluateGeo(const Coder& coder, const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read " + path);
  GeoScores s;
  std::map<std::string, std::string> iso = Iso2To3();
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> sentences;  // article -> sentence texts
  std::map<std::string, std::vector<Row>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string_view> f = Split(line, '\t');
    if (f.size() < 13) { ++s.bad_rows; continue; }
    Row r;
    r.article = std::string(f[0]);
    r.sentence = std::string(f[2]);
    r.mention = std::string(f[3]);
    r.occurrence = std::atoi(std::string(f[4]).c_str());
    r.expected = std::string(f[5]);
    r.iso2 = std::string(f[6]);
    r.admin1 = std::string(f[7]);
    r.lat = std::atof(std::string(f[8]).c_str());
    r.lon = std::atof(std::string(f[9]).c_str());
    r.geonames_id = std::atoll(std::string(f[10]).c_str());
    r.kind = std::string(f[11]);
    r.ambiguous = f[12] == "yes";
    if (!sentences.count(r.article)) order.push_back(r.article);
    auto& list = sentences[r.article];
    if (std::find(list.begin(), list.end(), r.sentence) == list.end()) list.push_back(r.sentence);
    rows[r.article].push_back(std::move(r));
  }
  for (const std::string& id : order) {
    Document doc;
    doc.article.id = id;
    std::vector<size_t> offsets;
    for (const std::string& sent : sentences[id]) {
      if (!doc.article.text.empty()) doc.article.text += "\n\n";
      offsets.push_back(doc.article.text.size());
      doc.article.text += sent;
    }
    if (!coder.Code(&doc).ok()) { s.bad_rows += static_cast<int>(rows[id].size()); continue; }
    for (Row& r : rows[id]) {
      size_t si = std::find(sentences[id].begin(), sentences[id].end(), r.sentence) - sentences[id].begin();
      size_t pos = std::string::npos, from = 0;
      for (int k = 0; k < r.occurrence; ++k) {
        pos = r.sentence.find(r.mention, from);
        if (pos == std::string::npos) break;
        from = pos + 1;
      }
      if (pos == std::string::npos) { ++s.bad_rows; continue; }
      r.span = Span{static_cast<uint32_t>(offsets[si] + pos), static_cast<uint32_t>(offsets[si] + pos + r.mention.size())};
      std::string why;
      bool ok = Right(r, doc, iso[r.iso2], &why);
      for (GeoScores::Counts* c : {&s.all, r.kind == "NONE" ? &s.none : (r.ambiguous ? &s.ambiguous : &s.unambiguous),
                                  &s.by_kind[r.kind]}) {
        ++c->rows;
        c->right += ok ? 1 : 0;
      }
      if (r.geonames_id != 0) {
        ++s.with_id;
        for (const PlaceMention& p : doc.places) {
          if (Overlaps(p.span, r.span)) { s.id_right += p.geonames_id == r.geonames_id ? 1 : 0; break; }
        }
      }
      if (!ok) s.details.push_back(id + "\t" + r.kind + "\t" + r.mention + " -> expected " + r.expected + ", " + r.iso2 + ": " + why);
    }
  }
  return s;
}

std::string GeoScores::Format() const {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "rows %d  right (within 25 km) %.1f%%  ambiguous %.1f%% (%d)  unambiguous %.1f%% (%d)  "
                "NONE %.1f%% (%d)  exact GeoNames id %.1f%% (%d/%d)\n",
                all.rows, Pct(all), Pct(ambiguous), ambiguous.rows, Pct(unambiguous), unambiguous.rows,
                Pct(none), none.rows, with_id == 0 ? 0.0 : 100.0 * id_right / with_id, id_right, with_id);
  std::string out = buf;
  for (const auto& [kind, c] : by_kind) {
    std::snprintf(buf, sizeof buf, "  %-8s %4d rows  %.1f%%\n", kind.c_str(), c.rows, Pct(c));
    out += buf;
  }
  if (bad_rows) out += "unreadable rows: " + std::to_string(bad_rows) + "\n";
  return out;
}

}  // namespace dyad::pipeline
