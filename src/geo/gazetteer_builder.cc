#include "geo/gazetteer_builder.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "common/strings.h"
#include "common/utf8.h"
#include "geo/gazetteer.h"
#include "geo/latin.h"

namespace dyad::geo {
namespace {

constexpr size_t kMaxDiagnostics = 100;

// GeoNames cities columns.
enum Column { kId = 0, kName, kAscii, kAlternates, kLat, kLon, kClass, kFeature, kCountry,
              kCc2, kAdmin1, kAdmin2, kAdmin3, kAdmin4, kPopulation, kMinColumns };

// Administrative words that frame a province name ("Helmand Province", "Province of Rome").
constexpr std::string_view kAdminWords[] = {
    "province", "county", "region", "department", "district", "oblast", "state", "parish",
    "governorate", "municipality", "division", "krai", "prefecture", "voivodeship", "canton",
    "emirate", "territory"};

bool IsAdminWord(std::string_view w) {
  for (std::string_view a : kAdminWords) if (w == a) return true;
  return false;
}

bool HasDigitOrBracket(std::string_view s) {
  for (char c : s) {
    if ((c >= '0' && c <= '9') || c == '(' || c == ')' || c == '[' || c == ']' || c == '/' ||
        c == '"') {
      return true;
    }
  }
  return false;
}

// Letters in `s` and whether all of them are upper case; stops at the first space.
bool IsShortAllCapsWord(std::string_view s) {
  if (s.find(' ') != std::string_view::npos) return false;
  size_t letters = 0, i = 0;
  while (i < s.size()) {
    size_t len;
    char32_t cp = utf8::Decode(s, i, &len);
    i += len;
    if (!utf8::IsLetter(cp)) continue;
    if (!utf8::IsUpper(cp)) return false;
    ++letters;
  }
  return letters <= 4;
}

template <typename T>
bool ParseNumber(std::string_view s, T* out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

bool GazetteerBuilder::KeepAlternateName(std::string_view name) {
  name = Trim(name);
  if (name.empty() || HasDigitOrBracket(name) || !IsLatinScript(name)) return false;
  size_t len;
  if (!utf8::IsUpper(utf8::Decode(name, 0, &len))) return false;  // "ba li", "kabul" transliterations
  return !IsShortAllCapsWord(name);
}

std::string GazetteerBuilder::CountryKey(std::string_view name) {
  std::string n(Trim(name));
  size_t comma = n.find(", ");
  if (comma != std::string::npos) {
    std::string tail = n.substr(comma + 2);
    if (!EndsWith(tail, " of") && !EndsWith(tail, " of the")) return "";  // "Virgin Islands, U.S."
    n = tail + " " + n.substr(0, comma);
  }
  std::string key = Gazetteer::NormalizeName(n);
  if (StartsWith(key, "the ")) key.erase(0, 4);
  return key;
}

std::vector<std::string> GazetteerBuilder::Admin1Keys(std::string_view name) {
  std::string key = Gazetteer::NormalizeName(name);
  std::vector<std::string> keys = {key};
  size_t last = key.rfind(' ');
  if (last != std::string::npos && IsAdminWord(std::string_view(key).substr(last + 1))) {
    keys.push_back(key.substr(0, last));
  }
  size_t first = key.find(' ');
  if (first != std::string::npos && IsAdminWord(std::string_view(key).substr(0, first)) &&
      key.compare(first, 4, " of ") == 0) {
    keys.push_back(key.substr(first + 4));
  }
  return keys;
}

void GazetteerBuilder::AddCountry(CountryNames country) {
  std::string iso2 = country.alpha2;
  countries_by_iso2_[iso2] = std::move(country);
}

void GazetteerBuilder::AddAdmin1(Admin1Name admin1) {
  admin1_names_[admin1.code] = std::move(admin1.name);
}

void GazetteerBuilder::Diagnose(std::string message) {
  if (diagnostics_.size() < kMaxDiagnostics) diagnostics_.push_back(std::move(message));
}

bool GazetteerBuilder::ParseCityLine(std::string_view line, Place* place, std::string* error) const {
  std::vector<std::string_view> f = Split(line, '\t');
  if (f.size() < kMinColumns) {
    *error = "expected at least 15 tab-separated columns, got " + std::to_string(f.size());
    return false;
  }
  if (!ParseNumber(f[kId], &place->geonames_id)) { *error = "bad geonameid"; return false; }
  if (!ParseNumber(f[kLat], &place->lat) || !ParseNumber(f[kLon], &place->lon) ||
      std::fabs(place->lat) > 90 || std::fabs(place->lon) > 180) {
    *error = "bad latitude/longitude";
    return false;
  }
  if (!f[kPopulation].empty() && !ParseNumber(f[kPopulation], &place->population)) {
    *error = "bad population";
    return false;
  }
  if (f[kName].empty() || f[kFeature].size() > 5) { *error = "empty name or bad feature code"; return false; }
  place->name = std::string(f[kName]);
  place->feature = std::string(f[kFeature]);
  place->iso3 = std::string(f[kCountry]);  // ISO2 until Write() maps it
  place->admin1_code = std::string(f[kAdmin1]);
  return true;
}

void GazetteerBuilder::AddCityKeys(std::string_view name, std::string_view ascii,
                                   std::string_view alternates, Place* place) {
  for (std::string_view n : {name, ascii}) {
    if (!n.empty() && !HasDigitOrBracket(n) && IsLatinScript(n)) {
      place->keys.push_back(Gazetteer::NormalizeName(n));
    }
  }
  if (alternates.empty()) return;
  for (std::string_view alt : Split(alternates, ',')) {
    if (!KeepAlternateName(alt)) { ++stats_.names_dropped; continue; }
    ++stats_.names_kept;
    place->keys.push_back(Gazetteer::NormalizeName(alt));
  }
}

void GazetteerBuilder::AddCitiesTsv(std::string_view tsv, std::string_view source_name) {
  size_t line_no = 0;
  for (std::string_view line : Split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) continue;
    Place place;
    std::string error;
    if (!ParseCityLine(line, &place, &error)) {
      ++stats_.bad_lines;
      Diagnose(std::string(source_name) + ":" + std::to_string(line_no) + ": " + error);
      continue;
    }
    std::vector<std::string_view> f = Split(line, '\t');
    AddCityKeys(f[kName], f[kAscii], f[kAlternates], &place);
    cities_.push_back(std::move(place));
  }
}

Status GazetteerBuilder::AddCitiesFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  AddCitiesTsv(ss.str(), path);
  return Status::Ok();
}

Status GazetteerBuilder::Write(const std::string& path) {
  std::vector<Place> places = cities_;
  for (Place& p : places) {
    std::string iso2 = p.iso3;
    auto country = countries_by_iso2_.find(iso2);
    p.iso3 = country == countries_by_iso2_.end() ? "" : country->second.alpha3;
    auto admin1 = admin1_names_.find(iso2 + "." + p.admin1_code);
    if (admin1 != admin1_names_.end()) p.admin1_name = admin1->second;
  }
  stats_.cities = places.size();
  DeriveAdmin1(&places);
  stats_.admin1 = places.size() - stats_.cities;
  uint32_t country_begin = static_cast<uint32_t>(places.size());
  DeriveCountries(&places);
  stats_.countries = places.size() - country_begin;
  Result<WriteResult> written = WriteGazetteer(places, country_begin, path);
  if (!written.ok()) return written.status();
  stats_.keys = written->keys;
  stats_.postings = written->postings;
  stats_.file_bytes = written->file_bytes;
  return Status::Ok();
}

}  // namespace dyad::geo
