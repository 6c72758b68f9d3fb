#include "geo/gazetteer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "geo/gazetteer_builder.h"
#include "geo/test_gazetteer.h"

namespace dyad::geo {
namespace {

TEST(NormalizeNameTest, Table) {
  struct Case { const char* in; const char* want; };
  const Case cases[] = {
      {"Sar-e-Pul", "sar e pul"},
      {"Sar-e Pul", "sar e pul"},
      {"Sar e Pul", "sar e pul"},
      {"  Sar  -  e   Pul ", "sar e pul"},
      {"Lashkar Gāh", "lashkar gah"},
      {"Zarandż", "zarandz"},
      {"Île-de-France", "ile de france"},
      {"Provence-Alpes-Côte d'Azur", "provence alpes cote d azur"},
      {"Sana’a", "sana a"},
      {"St. Louis", "st louis"},
      {"Straße", "strasse"},
      {"Æro", "aero"},
      {"Hồ Chí Minh", "ho chi minh"},
      {"Zərənc", "zerenc"},
      {"Łódź", "lodz"},
      {"Kabul,", "kabul,"},
      {"KABUL", "kabul"},
      {"Кабул", "кабул"},
      {"Hodeidah", "hodeida"},
      {"Al Hodeida", "al hodeida"},
      {"Fallujah Province", "falluja province"},
      {"Gah", "gah"},
      {"", ""},
      {"-", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Gazetteer::NormalizeName(c.in), c.want) << c.in;
}

TEST(GazetteerBuilderTest, KeepAlternateName) {
  struct Case { const char* name; bool keep; };
  const Case cases[] = {
      {"Zarang", true},         {"Zarandż", true},     {"Sari Pul", true},
      {"ZAJ", false},           {"TQN", false},        {"KBL", false},  // airport codes
      {"HCMC", false},                                                   // short all-caps code
      {"MANFALUT", true},                                                // a name in capitals
      {"Zaranj 2", false},      {"Art Khvajeh (1)", false},              // digits, brackets
      {"Заранџ", false},        {"زرنج", false},       {"扎兰季", false},  // not Latin script
      {"zha lan ji", false},    {"kabul", false},                        // lower-case romanisations
      {"", false},
  };
  for (const Case& c : cases) EXPECT_EQ(GazetteerBuilder::KeepAlternateName(c.name), c.keep) << c.name;
}

TEST(GazetteerBuilderTest, CountryAndAdmin1Keys) {
  EXPECT_EQ(GazetteerBuilder::CountryKey("Korea, Republic of"), "republic of korea");
  EXPECT_EQ(GazetteerBuilder::CountryKey("Congo, The Democratic Republic of the"),
            "democratic republic of the congo");
  EXPECT_EQ(GazetteerBuilder::CountryKey("Virgin Islands, U.S."), "");
  EXPECT_EQ(GazetteerBuilder::CountryKey("the State of Palestine"), "state of palestine");
  EXPECT_EQ(GazetteerBuilder::Admin1Keys("Sar-e Pol Province"),
            (std::vector<std::string>{"sar e pol province", "sar e pol"}));
  EXPECT_EQ(GazetteerBuilder::Admin1Keys("Municipality of Ljubljana"),
            (std::vector<std::string>{"municipality of ljubljana", "ljubljana"}));
  EXPECT_EQ(GazetteerBuilder::Admin1Keys("Nimroz"), (std::vector<std::string>{"nimroz"}));
}

class SyntheticGazetteerTest : public ::testing::Test {
 protected:
  testdata::SyntheticGazetteer s_;
  const Gazetteer& gaz() { return *s_.gaz; }
};

TEST_F(SyntheticGazetteerTest, BuildsAndReportsBadLines) {
  ASSERT_TRUE(s_.status.ok()) << s_.status.ToString();
  EXPECT_EQ(s_.builder.stats().cities, 14u);
  EXPECT_EQ(s_.builder.stats().bad_lines, 1u);
  ASSERT_EQ(s_.builder.diagnostics().size(), 1u);
  EXPECT_EQ(s_.builder.diagnostics()[0].rfind("synthetic.tsv:15:", 0), 0u) << s_.builder.diagnostics()[0];
}

TEST_F(SyntheticGazetteerTest, CityRoundTrip) {
  ASSERT_TRUE(s_.status.ok()) << s_.status.ToString();
  std::vector<GazPlace> z = gaz().Lookup("zaranj");
  ASSERT_EQ(z.size(), 1u);
  EXPECT_EQ(z[0].geonames_id, 1);
  EXPECT_EQ(z[0].name, "Zaranj");
  EXPECT_EQ(z[0].feature, "PPLA");
  EXPECT_EQ(z[0].country, "AFG");
  EXPECT_EQ(z[0].admin1_code, "19");
  EXPECT_EQ(z[0].admin1_name, "Nimroz");
  EXPECT_NEAR(z[0].lat, 30.96, 1e-4);
  EXPECT_NEAR(z[0].lon, 61.86, 1e-4);
  EXPECT_EQ(z[0].population, 49851u);
}

TEST_F(SyntheticGazetteerTest, AlternateNamesFiltered) {
  ASSERT_TRUE(s_.status.ok()) << s_.status.ToString();
  struct Case { const char* key; size_t hits; };
  const Case cases[] = {
      {"zarang", 1}, {"zarandz", 1}, {"lashkar gah", 1}, {"lashkargah", 1}, {"sar e pul", 1},
      {"sari pul", 1}, {"kaboul", 1},
      {"zaj", 0}, {"lkg", 0}, {"kbl", 0}, {"zha lan ji", 0}, {"zaranj 2", 0}, {"заранџ", 0},
  };
  for (const Case& c : cases) EXPECT_EQ(gaz().Lookup(Gazetteer::NormalizeName(c.key)).size(), c.hits) << c.key;
}

TEST_F(SyntheticGazetteerTest, Admin1Entries) {
  ASSERT_TRUE(s_.status.ok()) << s_.status.ToString();
  // Nimroz: the province (at its PPLA seat Zaranj) and an unrelated village in another province.
  std::vector<GazPlace> n = gaz().Lookup("nimroz");
  ASSERT_EQ(n.size(), 2u);
  EXPECT_TRUE(n[0].IsAdmin1());
  EXPECT_EQ(n[0].admin1_name, "Nimroz");
  EXPECT_EQ(n[0].population, 49851u + 2000u + 1000u);
  EXPECT_NEAR(n[0].lat, 30.96, 1e-4);
  EXPECT_EQ(n[1].feature, "PPL");
  // Herat has no seat in the data: population-weighted centre of its one place (Nimroz village).
  std::optional<GazPlace> herat = gaz().Province("AFG", "herat");
  ASSERT_TRUE(herat.has_value());
  EXPECT_NEAR(herat->lat, 34.10, 1e-3);
  EXPECT_NEAR(herat->lon, 62.10, 1e-3);
  // "Sar-e Pol Province" is also keyed without its administrative word.
  ASSERT_TRUE(gaz().Province("AFG", "sar e pol").has_value());
  EXPECT_FALSE(gaz().Province("USA", "california").has_value());  // no places, no entry
  EXPECT_FALSE(gaz().Province("FRA", "nimroz").has_value());
}

TEST_F(SyntheticGazetteerTest, Countries) {
  ASSERT_TRUE(s_.status.ok()) << s_.status.ToString();
  std::optional<GazPlace> us = gaz().Country("USA");
  ASSERT_TRUE(us.has_value());
  EXPECT_EQ(us->name, "United States");
  EXPECT_TRUE(us->IsCountry());
  EXPECT_NEAR(us->lat, 31.5, 1.5);  // between Austin and Dallas, weighted by population
  EXPECT_FALSE(gaz().Country("DEU").has_value());
  EXPECT_EQ(gaz().Lookup("united states of america").size(), 1u);
  EXPECT_EQ(gaz().Lookup("islamic republic of afghanistan")[0].country, "AFG");
}

TEST_F(SyntheticGazetteerTest, PrefixesAndOrder) {
  ASSERT_TRUE(s_.status.ok()) << s_.status.ToString();
  EXPECT_TRUE(gaz().HasLongerKey("lashkar"));
  EXPECT_TRUE(gaz().HasLongerKey("sar e"));
  EXPECT_FALSE(gaz().HasLongerKey("zaranj"));
  EXPECT_FALSE(gaz().HasLongerKey("lashkar gah"));
  EXPECT_EQ(gaz().MaxNameTokens(), 5u);  // "provence alpes cote d azur"
  std::vector<GazPlace> paris = gaz().Lookup("paris");
  ASSERT_EQ(paris.size(), 2u);
  EXPECT_EQ(paris[0].country, "FRA");  // largest population first
}

TEST(GazetteerOpenTest, RejectsMissingAndCorruptFiles) {
  EXPECT_EQ(Gazetteer::Open("/nonexistent/gazetteer.bin").status().code(), StatusCode::kIoError);
  std::string path = "/tmp/dyad_geo_corrupt_test.bin";
  {
    std::ofstream out(path, std::ios::binary);
    out << std::string(200, 'x');
  }
  EXPECT_EQ(Gazetteer::Open(path).status().code(), StatusCode::kParseError);
  testdata::SyntheticGazetteer s;
  ASSERT_TRUE(s.status.ok());
  std::ifstream in(s.path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes.substr(0, bytes.size() - 10);  // truncated
  }
  EXPECT_EQ(Gazetteer::Open(path).status().code(), StatusCode::kParseError);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace dyad::geo
