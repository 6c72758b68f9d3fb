#include "store/export.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <sstream>
#include <vector>

#include "store/country_codes.h"
#include "store/store_test_util.h"

namespace dyad::store {
namespace {

using testing::Actor;
using testing::Context;
using testing::DocBuilder;
using testing::kNoTarget;
using testing::TempDir;

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines = Split(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

bool Matches(const std::string& s, const char* re) { return std::regex_match(s, std::regex(re)); }

// Two events: the Taliban (AFGINS) occupy Zaranj (reported twice, by two publishers), and
// Austin (USAGOV) phones Bajwa (PAKMIL) without a place.
class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = EventStore::Open(dir_.File("e.sqlite"));
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->SetVersions("0.1.0", "test").ok());
    ASSERT_TRUE((*store)->Begin().ok());
    for (const char* pub : {"AP", "Reuters"}) {
      DocBuilder b(std::string("z-") + pub, pub, "The Taliban took Zaranj, capital of Nimroz, on Friday.");
      int zaranj = b.AddPlace("Zaranj", "AFG", "Nimroz", 30.9596, 61.8601, 1120985);
      b.AddEvent(Actor("AFGINS", "AFG", "INS", "Taliban", {4, 11}), kNoTarget, "192", "2021-08-06", zaranj, 12);
      ASSERT_TRUE((*store)->Add(b.doc(), ContentHash(b.doc().article), Context()).ok());
    }
    DocBuilder call("call", "Dawn", "Austin phoned Bajwa, the army chief.");
    call.AddEvent(Actor("USAGOV", "USA", "GOV", "Lloyd Austin", {0, 6}),
                  Actor("PAKMIL", "PAK", "MIL", "Qamar Javed Bajwa", {14, 19}), "041", "2021-08-10", -1, 7);
    ASSERT_TRUE((*store)->Add(call.doc(), ContentHash(call.doc().article), Context()).ok());
    ASSERT_TRUE((*store)->Commit().ok());
    store_ = std::move(*store);
  }

  std::string Run(ExportFormat f, ExportStats* stats = nullptr) {
    std::string out;
    Status st = Export(store_->db(), f, [&](std::string_view s) { out.append(s); }, stats);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return out;
  }

  TempDir dir_;
  std::unique_ptr<EventStore> store_;
};

TEST_F(ExportTest, GdeltRowsHave61TypedColumns) {
  std::vector<std::string> rows = Lines(Run(ExportFormat::kGdelt));
  ASSERT_EQ(rows.size(), 2u);
  std::vector<std::string> c = Split(rows[0], '\t');  // the Zaranj event, the earlier date
  ASSERT_EQ(c.size(), 61u);
  EXPECT_TRUE(Matches(c[0], "[0-9]+")) << c[0];                 // GLOBALEVENTID
  EXPECT_EQ(c[1], "20210806");                                  // SQLDATE
  EXPECT_EQ(c[2], "202108");                                    // MonthYear
  EXPECT_EQ(c[3], "2021");                                      // Year
  EXPECT_TRUE(Matches(c[4], "2021\\.[0-9]{4}")) << c[4];        // FractionDate
  EXPECT_NEAR(std::stod(c[4]), 2021 + 218.0 / 365, 1e-4);
  EXPECT_EQ(c[5], "AFGINS");                                    // Actor1Code
  EXPECT_EQ(c[6], "Taliban");                                   // Actor1Name
  EXPECT_EQ(c[7], "AFG");                                       // Actor1CountryCode
  EXPECT_EQ(c[12], "INS");                                      // Actor1Type1Code
  EXPECT_EQ(c[15], "");                                         // Actor2Code: no target
  EXPECT_TRUE(c[25] == "0" || c[25] == "1");                    // IsRootEvent
  EXPECT_EQ(c[25], "1");
  EXPECT_EQ(c[26], "192");                                      // EventCode
  EXPECT_EQ(c[27], "192");                                      // EventBaseCode
  EXPECT_EQ(c[28], "19");                                       // EventRootCode
  EXPECT_EQ(c[29], "4");                                        // QuadClass
  EXPECT_TRUE(Matches(c[30], "-?[0-9]+\\.[0-9]")) << c[30];     // GoldsteinScale
  EXPECT_DOUBLE_EQ(std::stod(c[30]), -9.5);
  EXPECT_EQ(c[31], "2");                                        // NumMentions
  EXPECT_EQ(c[32], "2");                                        // NumSources
  EXPECT_EQ(c[33], "2");                                        // NumArticles
  EXPECT_EQ(c[34], "");                                         // AvgTone: not computed
  for (int i = 35; i <= 50; ++i) EXPECT_EQ(c[i], "") << "Actor1Geo/Actor2Geo column " << i + 1;
  EXPECT_EQ(c[51], "4");                                        // ActionGeo_Type: world city
  EXPECT_EQ(c[52], "Zaranj, Nimroz, Afghanistan");              // ActionGeo_FullName
  EXPECT_EQ(c[53], "AF");                                       // ActionGeo_CountryCode (FIPS)
  EXPECT_TRUE(Matches(c[54], "AF[0-9A-Z]*")) << c[54];          // ActionGeo_ADM1Code
  EXPECT_EQ(c[55], "");                                         // ActionGeo_ADM2Code
  EXPECT_EQ(c[56], "30.9596");                                  // ActionGeo_Lat
  EXPECT_EQ(c[57], "61.8601");                                  // ActionGeo_Long
  EXPECT_EQ(c[58], "1120985");                                  // ActionGeo_FeatureID
  EXPECT_TRUE(Matches(c[59], "[0-9]{14}")) << c[59];            // DATEADDED
  EXPECT_EQ(c[60], "https://example.org/z-AP");                 // SOURCEURL

  std::vector<std::string> call = Split(rows[1], '\t');
  ASSERT_EQ(call.size(), 61u);
  EXPECT_EQ(call[15], "PAKMIL");
  EXPECT_EQ(call[16], "Qamar Javed Bajwa");
  EXPECT_EQ(call[17], "PAK");
  EXPECT_EQ(call[22], "MIL");
  EXPECT_EQ(call[29], "1");
  EXPECT_EQ(call[51], "0");  // no place
  EXPECT_EQ(call[53], "");
  EXPECT_NE(call[0], c[0]);
}

TEST_F(ExportTest, IcewsHasItsHeaderAndFullCountryNames) {
  std::vector<std::string> lines = Lines(Run(ExportFormat::kIcews));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0],
            "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
            "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\t"
            "City\tDistrict\tProvince\tCountry\tLatitude\tLongitude");
  std::vector<std::string> z = Split(lines[1], '\t');
  ASSERT_EQ(z.size(), 20u);
  EXPECT_EQ(z[1], "2021-08-06");
  EXPECT_EQ(z[2], "Taliban");
  EXPECT_EQ(z[3], "Insurgents");
  EXPECT_EQ(z[4], "Afghanistan");
  EXPECT_EQ(z[5], "Occupy territory");
  EXPECT_EQ(z[6], "192");
  EXPECT_EQ(z[7], "-9.5");
  EXPECT_EQ(z[11], "z-AP");
  EXPECT_EQ(z[12], "1");
  EXPECT_EQ(z[14], "Zaranj");
  EXPECT_EQ(z[16], "Nimroz");
  EXPECT_EQ(z[17], "Afghanistan");
  std::vector<std::string> call = Split(lines[2], '\t');
  EXPECT_EQ(call[4], "United States");
  EXPECT_EQ(call[8], "Qamar Javed Bajwa");
  EXPECT_EQ(call[9], "Military");
  EXPECT_EQ(call[10], "Pakistan");
}

TEST_F(ExportTest, PloverUsesTheManualsFieldNames) {
  std::vector<std::string> lines = Lines(Run(ExportFormat::kPlover));
  ASSERT_EQ(lines.size(), 2u);
  auto z = nlohmann::json::parse(lines[0]);
  for (const char* field : {"id", "date", "actor", "recipient", "event", "mode", "context", "event_loc",
                            "event_text", "quad_code", "event_scale", "text", "text_info", "cite_info",
                            "coder", "coded_date"}) {
    EXPECT_TRUE(z.contains(field)) << field;
  }
  EXPECT_EQ(z["date"], "2021-08-06");
  EXPECT_EQ(z["actor"][0]["code"], "AFG");
  EXPECT_EQ(z["actor"][0]["sector"], "INS");
  EXPECT_EQ(z["actor"][0]["entity_text"], "Taliban");  // span [4, 11) of the text
  EXPECT_TRUE(z["recipient"].empty());
  EXPECT_EQ(z["event"], nlohmann::json::array({testing::Cameo().Find("192")->plover}));
  EXPECT_EQ(z["event_loc"]["resolved_place"], "Zaranj");
  EXPECT_EQ(z["event_loc"]["geonameid"], 1120985);
  EXPECT_EQ(z["event_loc"]["country"], "Afghanistan");
  EXPECT_EQ(z["event_loc"]["country_code"], "AFG");
  EXPECT_EQ(z["event_loc"]["province"], "Nimroz");
  EXPECT_EQ(z["event_text"][0], "too");
  EXPECT_EQ(z["quad_code"], 4);
  EXPECT_EQ(z["text"], "The Taliban took Zaranj, capital of Nimroz, on Friday.");
  EXPECT_EQ(z["coded_date"], "2021-08-11");
  auto call = nlohmann::json::parse(lines[1]);
  EXPECT_EQ(call["event"][0], "CONSULT");
  EXPECT_EQ(call["recipient"][0]["code"], "PAK");
  EXPECT_EQ(call["recipient"][0]["identifier_text"], "Qamar Javed Bajwa");
  EXPECT_TRUE(call["event_loc"].is_null());
}

TEST_F(ExportTest, CsvQuotesFieldsAndHasAHeader) {
  std::vector<std::string> lines = Lines(Run(ExportFormat::kCsv));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].rfind("event_key,global_event_id,date,", 0), 0u);
  EXPECT_NE(lines[1].find(",Zaranj,AFG,Nimroz,city,"), std::string::npos) << lines[1];
  StoredEvent e;
  e.source_name = "Smith, \"Jr\"";
  std::string row;
  AppendCsvRow(e, &row);
  EXPECT_NE(row.find(",\"Smith, \"\"Jr\"\"\","), std::string::npos) << row;
}

TEST(CountryCodesTest, FipsCodesAndNames) {
  EXPECT_EQ(FipsCountry("DEU"), "GM");
  EXPECT_EQ(FipsCountry("GBR"), "UK");
  EXPECT_EQ(FipsCountry("AFG"), "AF");
  EXPECT_EQ(FipsCountry("PAK"), "PK");
  EXPECT_EQ(FipsCountry("USA"), "US");
  EXPECT_EQ(FipsCountry("CHN"), "CH");
  EXPECT_EQ(FipsCountry("IRQ"), "IZ");
  EXPECT_EQ(FipsCountry("RUS"), "RS");
  EXPECT_EQ(FipsCountry("XKX"), "KV");
  EXPECT_EQ(FipsCountry("ZWE"), "ZI");
  EXPECT_EQ(FipsCountry("ABW"), "AA");
  EXPECT_EQ(FipsCountry("XXX"), "");
  EXPECT_EQ(CountryName("PAK"), "Pakistan");
  EXPECT_EQ(SectorName("GOV"), "Government");
  EXPECT_EQ(ActorLabel("USA", "MIL"), "United States Military");
  EXPECT_EQ(GlobalEventId("ffffffffffffffff"), INT64_MAX);
}

}  // namespace
}  // namespace dyad::store
