// Compiles GeoNames rows, admin1 names and ISO 3166 country names into the binary gazetteer that
// Gazetteer::Open maps (layout in gazetteer_format.h). Used by tools/gazetteer_build.cc and tests.
//
// In:  cities TSV (GeoNames "cities500" columns), admin1 names keyed "ISO2.code", country names.
// Out: one file with every city, one ADM1 entry per admin1 that has places (point: its PPLA seat,
//      else the population-weighted centre of its places) and one PCLI entry per country that has
//      places (point: population-weighted centre), all indexed by normalised name.
// Example: builder.AddCountry({"AF", "AFG", "Afghanistan", ...}); builder.AddAdmin1({"AF.19",
//          "Nimroz"}); builder.AddCitiesFile("cities500.txt"); builder.Write("gazetteer.bin");
// Not thread-safe; one builder per build.
#ifndef DYAD_GEO_GAZETTEER_BUILDER_H_
#define DYAD_GEO_GAZETTEER_BUILDER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "geo/gazetteer_writer.h"

namespace dyad::geo {

struct Admin1Name {
  std::string code;  // "ISO2.admin1code", e.g. "AF.19"
  std::string name;  // "Nimroz"
};

struct CountryNames {
  std::string alpha2, alpha3;
  std::string name;           // "Iran, Islamic Republic of"
  std::string official_name;  // may be empty
  std::string common_name;    // may be empty
};

struct GazetteerBuildStats {
  size_t cities = 0, admin1 = 0, countries = 0;
  size_t keys = 0, postings = 0;
  size_t names_kept = 0, names_dropped = 0;
  size_t bad_lines = 0;
  uint64_t file_bytes = 0;
};

class GazetteerBuilder {
 public:
  void AddCountry(CountryNames country);
  void AddAdmin1(Admin1Name admin1);

  // Parses cities TSV text (GeoNames columns, one place per line). Malformed lines are counted and
  // reported in diagnostics() as "source:line: reason"; they never stop the build.
  void AddCitiesTsv(std::string_view tsv, std::string_view source_name);
  Status AddCitiesFile(const std::string& path);

  // Derives the ADM1 and PCLI entries and writes the file. Call once, after all Add* calls.
  Status Write(const std::string& path);

  const GazetteerBuildStats& stats() const { return stats_; }
  const std::vector<std::string>& diagnostics() const { return diagnostics_; }

  // The alternate-name filter: keeps Latin-script names that start with a capital letter and have
  // no digits or brackets; drops code-like all-capital names of four letters or fewer ("ZAJ").
  static bool KeepAlternateName(std::string_view name);

  // Country name variants as keys: "Korea, Republic of" -> "republic of korea"; a leading "the" is
  // dropped. Empty when the name cannot serve as a key.
  static std::string CountryKey(std::string_view name);

  // Keys for an admin1 name: the name itself and, when it ends or starts with an administrative
  // word ("Sar-e Pol Province", "Province of Rome"), the name without it.
  static std::vector<std::string> Admin1Keys(std::string_view name);

 private:
  using Place = BuildPlace;

  bool ParseCityLine(std::string_view line, Place* place, std::string* error) const;
  void AddCityKeys(std::string_view name, std::string_view ascii, std::string_view alternates,
                   Place* place);
  void DeriveAdmin1(std::vector<Place>* out) const;
  void DeriveCountries(std::vector<Place>* out) const;
  void Diagnose(std::string message);

  std::vector<Place> cities_;
  std::map<std::string, CountryNames> countries_by_iso2_;
  std::map<std::string, std::string> admin1_names_;  // "AF.19" -> "Nimroz"
  GazetteerBuildStats stats_;
  std::vector<std::string> diagnostics_;
};

}  // namespace dyad::geo

#endif  // DYAD_GEO_GAZETTEER_BUILDER_H_
