// The derived gazetteer entries: admin1 provinces (ADM1) and countries (PCLI), each placed at a
// representative point computed from the cities that belong to it.
#include <cmath>
#include <numbers>
#include <unordered_map>

#include "geo/gazetteer_builder.h"

namespace dyad::geo {
namespace {

using Members = std::vector<const BuildPlace*>;

// Population-weighted mean position on the sphere (so places on both sides of the 180th meridian
// average correctly). Every place weighs at least 1.
void WeightedCentre(const Members& members, double* lat, double* lon) {
  constexpr double kRad = std::numbers::pi / 180.0;
  double x = 0, y = 0, z = 0;
  for (const BuildPlace* p : members) {
    double w = static_cast<double>(p->population) + 1.0;
    x += w * std::cos(p->lat * kRad) * std::cos(p->lon * kRad);
    y += w * std::cos(p->lat * kRad) * std::sin(p->lon * kRad);
    z += w * std::sin(p->lat * kRad);
  }
  *lat = std::atan2(z, std::hypot(x, y)) / kRad;
  *lon = std::atan2(y, x) / kRad;
}

uint64_t TotalPopulation(const Members& members) {
  uint64_t total = 0;
  for (const BuildPlace* p : members) total += p->population;
  return total;
}

// The most populous first-order administrative seat (PPLA) among `members`, or nullptr.
const BuildPlace* Seat(const Members& members) {
  const BuildPlace* best = nullptr;
  for (const BuildPlace* p : members) {
    if (p->feature == "PPLA" && (best == nullptr || p->population > best->population)) best = p;
  }
  return best;
}

std::string DisplayName(const CountryNames& c) {
  if (!c.common_name.empty()) return c.common_name;
  if (c.name.find(',') == std::string::npos || c.official_name.empty()) return c.name;
  return c.official_name;
}

}  // namespace

void GazetteerBuilder::DeriveAdmin1(std::vector<Place>* out) const {
  std::unordered_map<std::string, Members> by_admin1;  // "AFG.19" -> cities
  size_t num_cities = out->size();
  for (size_t i = 0; i < num_cities; ++i) {
    const Place& p = (*out)[i];
    if (!p.iso3.empty()) by_admin1[p.iso3 + "." + p.admin1_code].push_back(&p);
  }
  std::vector<Place> derived;
  for (const auto& [code, name] : admin1_names_) {
    size_t dot = code.find('.');
    auto country = countries_by_iso2_.find(code.substr(0, dot));
    if (dot == std::string::npos || country == countries_by_iso2_.end()) continue;
    Place a;
    a.iso3 = country->second.alpha3;
    a.admin1_code = code.substr(dot + 1);
    auto members = by_admin1.find(a.iso3 + "." + a.admin1_code);
    if (members == by_admin1.end()) continue;  // no place to stand on
    a.name = a.admin1_name = name;
    a.feature = "ADM1";
    a.population = TotalPopulation(members->second);
    if (const Place* seat = Seat(members->second)) {
      a.lat = seat->lat;
      a.lon = seat->lon;
    } else {
      WeightedCentre(members->second, &a.lat, &a.lon);
    }
    a.keys = Admin1Keys(name);
    derived.push_back(std::move(a));
  }
  for (Place& a : derived) out->push_back(std::move(a));
}

void GazetteerBuilder::DeriveCountries(std::vector<Place>* out) const {
  std::unordered_map<std::string, Members> by_country;
  for (const Place& p : *out) {
    if (!p.iso3.empty() && p.feature != "ADM1") by_country[p.iso3].push_back(&p);
  }
  std::map<std::string, Place> derived;  // by iso3, the order the file requires
  for (const auto& [iso2, names] : countries_by_iso2_) {
    auto members = by_country.find(names.alpha3);
    if (members == by_country.end()) continue;
    Place c;
    c.iso3 = names.alpha3;
    c.name = DisplayName(names);
    c.feature = "PCLI";
    c.population = TotalPopulation(members->second);
    WeightedCentre(members->second, &c.lat, &c.lon);
    for (const std::string* n : {&names.name, &names.official_name, &names.common_name}) {
      std::string key = CountryKey(*n);
      if (!key.empty()) c.keys.push_back(std::move(key));
    }
    derived.emplace(c.iso3, std::move(c));
  }
  for (auto& [iso3, c] : derived) out->push_back(std::move(c));
}

}  // namespace dyad::geo
