// Test helper: a tiny synthetic gazetteer written to a temporary file. The rows are made up for
// the tests (GeoNames column layout, invented ids and populations), not copied from GeoNames.
#ifndef DYAD_GEO_TEST_GAZETTEER_H_
#define DYAD_GEO_TEST_GAZETTEER_H_

#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include "geo/gazetteer.h"
#include "geo/gazetteer_builder.h"

namespace dyad::geo::testdata {

// Columns: id name ascii alternates lat lon class feature cc cc2 admin1 a2 a3 a4 population.
inline std::string Row(const std::string& id, const std::string& name, const std::string& alts,
                       const std::string& lat, const std::string& lon, const std::string& feature,
                       const std::string& cc, const std::string& admin1, const std::string& pop) {
  return id + "\t" + name + "\t" + name + "\t" + alts + "\t" + lat + "\t" + lon + "\tP\t" +
         feature + "\t" + cc + "\t\t" + admin1 + "\t\t\t\t" + pop + "\t\t100\tAsia/Kabul\t2020-01-01\n";
}

inline std::string SyntheticCitiesTsv() {
  return Row("1", "Zaranj", "ZAJ,Zarang,Zarandż,Заранџ,zha lan ji,Zaranj 2", "30.96", "61.86", "PPLA", "AF", "19", "49851") +
         Row("2", "Nimroz", "", "34.10", "62.10", "PPL", "AF", "11", "900") +
         Row("3", "Lashkar Gāh", "Lashkargah,LKG", "31.59", "64.37", "PPLA", "AF", "10", "43934") +
         Row("4", "Gah", "", "32.00", "65.00", "PPL", "AF", "10", "600") +
         Row("5", "Sar-e Pul", "Sar-e-Pul,Sari Pul", "36.22", "65.93", "PPLA", "AF", "33", "52121") +
         Row("6", "Kunduz", "Qonduz", "36.73", "68.86", "PPLA", "AF", "24", "161902") +
         Row("7", "Kabul", "Kaboul,KBL", "34.53", "69.17", "PPLC", "AF", "13", "3043532") +
         Row("8", "Paris", "Lutetia", "48.85", "2.35", "PPLC", "FR", "11", "2138551") +
         Row("9", "Paris", "", "33.66", "-95.56", "PPLA2", "US", "TX", "24782") +
         Row("10", "Austin", "", "30.27", "-97.74", "PPLA", "US", "TX", "931830") +
         Row("11", "Dallas", "", "32.78", "-96.81", "PPLA2", "US", "TX", "1300092") +
         Row("12", "Marseille", "", "43.30", "5.38", "PPLA", "FR", "93", "870731") +
         Row("13", "Delaram", "", "32.10", "63.40", "PPL", "AF", "19", "2000") +
         Row("14", "Chakhansur", "", "31.10", "62.00", "PPL", "AF", "19", "1000") +
         "not a valid line\n";
}

inline void AddSyntheticNames(GazetteerBuilder* b) {
  b->AddCountry({"AF", "AFG", "Afghanistan", "Islamic Republic of Afghanistan", ""});
  b->AddCountry({"FR", "FRA", "France", "French Republic", ""});
  b->AddCountry({"US", "USA", "United States", "United States of America", ""});
  b->AddAdmin1({"AF.19", "Nimroz"});
  b->AddAdmin1({"AF.10", "Helmand"});
  b->AddAdmin1({"AF.11", "Herat"});
  b->AddAdmin1({"AF.33", "Sar-e Pol Province"});
  b->AddAdmin1({"AF.24", "Kunduz"});
  b->AddAdmin1({"AF.13", "Kabul"});
  b->AddAdmin1({"FR.11", "Île-de-France"});
  b->AddAdmin1({"FR.93", "Provence-Alpes-Côte d'Azur"});
  b->AddAdmin1({"US.TX", "Texas"});
  b->AddAdmin1({"US.CA", "California"});  // no places: no entry
}

// Builds the synthetic gazetteer into a fresh temporary file and opens it. The file is removed
// when the returned holder is destroyed.
struct SyntheticGazetteer {
  std::string path;
  GazetteerBuilder builder;
  std::unique_ptr<Gazetteer> gaz;
  Status status;

  SyntheticGazetteer() {
    char tmpl[] = "/tmp/dyad_geo_test_XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd >= 0) close(fd);
    path = tmpl;
    AddSyntheticNames(&builder);
    builder.AddCitiesTsv(SyntheticCitiesTsv(), "synthetic.tsv");
    status = builder.Write(path);
    if (!status.ok()) return;
    Result<std::unique_ptr<Gazetteer>> opened = Gazetteer::Open(path);
    if (opened.ok()) gaz = std::move(opened.value()); else status = opened.status();
  }
  ~SyntheticGazetteer() { std::remove(path.c_str()); }
};

}  // namespace dyad::geo::testdata

#endif  // DYAD_GEO_TEST_GAZETTEER_H_
