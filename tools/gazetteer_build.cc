// dyad_gazetteer_build: compiles the GeoNames gazetteer used by the geo stage.
//
//   dyad_gazetteer_build --cities cities500.txt --admin1 admin1.json
//       --countries /usr/share/iso-codes/json/iso_3166-1.json --out build/data/gazetteer.bin
//
// --admin1 is a JSON array of {"code": "AF.19", "name": "Nimroz"}; --countries is Debian
// iso-codes' iso_3166-1.json. Reading JSON happens here so the geo library needs no JSON parser.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "geo/gazetteer_builder.h"

namespace {

struct Flags {
  std::string cities, admin1, countries, out;
};

bool ParseFlags(int argc, char** argv, Flags* flags) {
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string name = argv[i];
    std::string* target = name == "--cities"      ? &flags->cities
                           : name == "--admin1"    ? &flags->admin1
                           : name == "--countries" ? &flags->countries
                           : name == "--out"       ? &flags->out
                                                   : nullptr;
    if (target == nullptr) return false;
    *target = argv[i + 1];
  }
  return argc % 2 == 1 && !flags->cities.empty() && !flags->admin1.empty() &&
         !flags->countries.empty() && !flags->out.empty();
}

dyad::Result<nlohmann::json> ReadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) return dyad::Status::IoError("cannot read " + path);
  nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return dyad::Status::ParseError(path + ": not valid JSON");
  return j;
}

std::string Field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

dyad::Status AddAdmin1(const std::string& path, dyad::geo::GazetteerBuilder* builder) {
  dyad::Result<nlohmann::json> j = ReadJson(path);
  if (!j.ok()) return j.status();
  if (!j->is_array()) return dyad::Status::ParseError(path + ": expected an array");
  for (const nlohmann::json& row : *j) {
    if (!row.is_object() || Field(row, "code").empty()) continue;
    builder->AddAdmin1({Field(row, "code"), Field(row, "name")});
  }
  return dyad::Status::Ok();
}

dyad::Status AddCountries(const std::string& path, dyad::geo::GazetteerBuilder* builder) {
  dyad::Result<nlohmann::json> j = ReadJson(path);
  if (!j.ok()) return j.status();
  auto list = j->find("3166-1");
  if (list == j->end() || !list->is_array()) return dyad::Status::ParseError(path + ": no \"3166-1\" array");
  for (const nlohmann::json& c : *list) {
    if (!c.is_object() || Field(c, "alpha_2").empty() || Field(c, "alpha_3").empty()) continue;
    builder->AddCountry({Field(c, "alpha_2"), Field(c, "alpha_3"), Field(c, "name"),
                         Field(c, "official_name"), Field(c, "common_name")});
  }
  return dyad::Status::Ok();
}

int Fail(const dyad::Status& s) {
  std::fprintf(stderr, "dyad_gazetteer_build: %s\n", s.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  if (!ParseFlags(argc, argv, &flags)) {
    std::fprintf(stderr,
                 "usage: dyad_gazetteer_build --cities FILE --admin1 FILE --countries FILE --out FILE\n");
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  dyad::geo::GazetteerBuilder builder;
  if (dyad::Status s = AddCountries(flags.countries, &builder); !s.ok()) return Fail(s);
  if (dyad::Status s = AddAdmin1(flags.admin1, &builder); !s.ok()) return Fail(s);
  if (dyad::Status s = builder.AddCitiesFile(flags.cities); !s.ok()) return Fail(s);
  if (dyad::Status s = builder.Write(flags.out); !s.ok()) return Fail(s);
  for (const std::string& d : builder.diagnostics()) std::fprintf(stderr, "warning: %s\n", d.c_str());
  const auto& st = builder.stats();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr,
               "gazetteer: %zu cities, %zu admin1, %zu countries, %zu keys, %zu postings; "
               "%zu alternate names kept, %zu dropped, %zu bad lines; %.1f MB in %.1f s -> %s\n",
               st.cities, st.admin1, st.countries, st.keys, st.postings, st.names_kept,
               st.names_dropped, st.bad_lines, st.file_bytes / 1e6, secs, flags.out.c_str());
  return 0;
}
