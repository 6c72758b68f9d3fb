#include "geo/resolver.h"
#include "geo/candidates.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "geo/test_gazetteer.h"
#include "text/tokenizer.h"

namespace dyad::geo {
namespace {

// An actor mention the actors stage would have found: every token whose text is `word`.
struct Actor {
  const char* word;
  const char* country;
  const char* code;
};

Document MakeDoc(const std::string& text, const std::vector<Actor>& actors) {
  Document doc = text::MakeDocument(text);
  for (const Actor& a : actors) {
    for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
      if (doc.TokenText(i) != a.word) continue;
      ActorMention m;
      m.span = doc.tokens[i].span;
      m.token_begin = i;
      m.token_end = i + 1;
      m.country = a.country;
      m.code = a.code;
      m.name = a.word;
      doc.actors.push_back(m);
    }
  }
  return doc;
}

// Places as "name|ISO3|admin1|precision", in text order.
std::string Dump(const Document& doc) {
  std::string out;
  for (const PlaceMention& p : doc.places) {
    if (!out.empty()) out += "; ";
    out += p.name + "|" + p.country + "|" + p.admin1 + "|" + p.precision;
  }
  return out;
}

struct Case {
  const char* text;
  std::vector<Actor> actors;
  const char* want;
};

class SyntheticResolverTest : public ::testing::Test {
 protected:
  std::string Run(const Case& c) {
    Document doc = MakeDoc(c.text, c.actors);
    PlaceResolver(*s_.gaz).Resolve(&doc);
    return Dump(doc);
  }
  testdata::SyntheticGazetteer s_;
};

TEST_F(SyntheticResolverTest, Table) {
  ASSERT_TRUE(s_.status.ok()) << s_.status.ToString();
  const Case cases[] = {
      {"Taliban fighters attacked Zaranj, the capital of the southern province of Nimroz, on Monday.",
       {{"Taliban", "AFG", "AFGINS"}},
       "Zaranj|AFG|Nimroz|city; Nimroz|AFG|Nimroz|admin1"},
      {"Lashkar Gah, capital of southwestern Helmand province, was quiet.", {},
       "Lashkar Gāh|AFG|Helmand|city; Helmand|AFG|Helmand|admin1"},
      {"Fighting spread to Sar-e-Pul on Sunday.", {}, "Sar-e Pul|AFG|Sar-e Pol Province|city"},
      {"They reached the northern provincial capital of Kunduz.", {}, "Kunduz|AFG|Kunduz|city"},
      {"Gunmen attacked a checkpoint in Kunduz province.", {}, "Kunduz|AFG|Kunduz|admin1"},
      {"Clashes erupted in Nimroz province.", {}, "Nimroz|AFG|Nimroz|admin1"},
      {"He was born in Paris, Texas, and moved to Dallas.", {},
       "Paris|USA|Texas|city; Texas|USA|Texas|admin1; Dallas|USA|Texas|city"},
      {"The French president returned to Paris on Tuesday.", {{"French", "FRA", "FRAGOV"}},
       "Paris|FRA|Île-de-France|city"},
      {"Austin said the troops would stay.", {{"Austin", "USA", "USAGOV"}}, ""},
      {"Austin said the troops would stay.", {}, ""},             // a person: speech verb
      {"Mr Austin arrived on Friday.", {}, ""},                   // a person: title
      {"Officials met in Kabul, Delaram and Chakhansur.", {},
       "Kabul|AFG|Kabul|city; Delaram|AFG|Nimroz|city; Chakhansur|AFG|Nimroz|city"},
      {"Delaram was quiet.", {}, ""},                             // small place, no cue
      {"In March, Marseille voted.", {}, "Marseille|FRA|Provence-Alpes-Côte d'Azur|city"},
      {"The Austin Police Department said nothing.", {}, ""},     // part of a longer name
      {"Paris, Texas, was hit by a storm.\nLater, Paris reported no injuries.", {},
       "Paris|USA|Texas|city; Texas|USA|Texas|admin1; Paris|USA|Texas|city"},             // same name, same place
  };
  for (const Case& c : cases) EXPECT_EQ(Run(c), c.want) << c.text;
}

TEST_F(SyntheticResolverTest, SpansAndCoordinates) {
  ASSERT_TRUE(s_.status.ok()) << s_.status.ToString();
  Document doc = MakeDoc("Fighting reached Lashkar Gah late on Monday.", {});
  PlaceResolver(*s_.gaz).Resolve(&doc);
  ASSERT_EQ(doc.places.size(), 1u);
  EXPECT_EQ(doc.Text(doc.places[0].span), "Lashkar Gah");
  EXPECT_EQ(doc.places[0].token_end - doc.places[0].token_begin, 2u);
  EXPECT_EQ(doc.places[0].geonames_id, 3);
  EXPECT_NEAR(doc.places[0].lat, 31.59, 1e-4);
}

TEST_F(SyntheticResolverTest, ExplainListsRejectedCandidatesAndScores) {
  ASSERT_TRUE(s_.status.ok()) << s_.status.ToString();
  Document doc = MakeDoc("Austin said Paris, Texas, was calm.", {});
  std::vector<PlaceExplanation> ex = PlaceResolver(*s_.gaz).Explain(doc);
  ASSERT_EQ(ex.size(), 3u);  // Austin (rejected), Paris, Texas (qualifies Paris; a place itself)
  EXPECT_FALSE(ex[0].accepted);
  EXPECT_NE(ex[0].evidence_why.find("speech-after"), std::string::npos);
  EXPECT_TRUE(ex[1].accepted);
  ASSERT_EQ(ex[1].choices.size(), 2u);
  EXPECT_EQ(ex[1].choices[0].place.country, "USA");
  EXPECT_GT(ex[1].choices[0].score, ex[1].choices[1].score);
  EXPECT_NE(ex[1].choices[0].why.find("within"), std::string::npos);
  EXPECT_TRUE(ex[2].accepted);
}

// With the real GeoNames gazetteer built by the tree (skipped when it has not been built).
std::string RealGazetteerPath() {
  if (const char* dir = std::getenv("DYAD_DATA_DIR")) return std::string(dir) + "/gazetteer.bin";
#ifdef DYAD_BUILD_DIR
  return std::string(DYAD_BUILD_DIR) + "/data/gazetteer.bin";
#else
  return "build/data/gazetteer.bin";
#endif
}

class RealResolverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string path = RealGazetteerPath();
    if (!std::ifstream(path).good()) {
      std::printf("skipping: no gazetteer at %s (build the 'gazetteer' target)\n", path.c_str());
      GTEST_SKIP() << "no gazetteer at " << path;
    }
    Result<std::unique_ptr<Gazetteer>> g = Gazetteer::Open(path);
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    gaz_ = std::move(g.value());
  }
  Document Run(const std::string& text, const std::vector<Actor>& actors) {
    Document doc = MakeDoc(text, actors);
    PlaceResolver(*gaz_).Resolve(&doc);
    return doc;
  }
  std::unique_ptr<Gazetteer> gaz_;
};

TEST_F(RealResolverTest, AfghanProvinceCapitals) {
  Document doc = Run("Taliban fighters attacked Zaranj, the capital of the southern province of Nimroz.",
                     {{"Taliban", "AFG", "AFGINS"}});
  ASSERT_GE(doc.places.size(), 1u);
  EXPECT_EQ(doc.places[0].name, "Zaranj");
  EXPECT_EQ(doc.places[0].country, "AFG");
  EXPECT_NEAR(doc.places[0].lat, 30.96, 0.01);
  EXPECT_NEAR(doc.places[0].lon, 61.86, 0.01);
  EXPECT_EQ(Dump(doc), "Zaranj|AFG|Nimroz|city; Nimroz|AFG|Nimroz|admin1");

  const Case cases[] = {
      {"Lashkar Gah, capital of southwestern Helmand province, was quiet.", {},
       "Lashkar Gāh|AFG|Helmand|city; Helmand|AFG|Helmand|admin1"},
      {"Fighting spread to Sar-e-Pul on Sunday.", {}, "Sar-e Pul|AFG|Sar-e Pol Province|city"},
      {"They entered the northern provincial capital of Kunduz.", {}, "Kunduz|AFG|Kunduz|city"},
      {"Clashes erupted in Nimroz province.", {}, "Nimroz|AFG|Nimroz|admin1"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Dump(Run(c.text, c.actors)), c.want) << c.text;
  }
}

TEST_F(RealResolverTest, ParisByContext) {
  Document fr = Run("The French president returned to Paris on Tuesday.", {{"French", "FRA", "FRAGOV"}});
  ASSERT_EQ(fr.places.size(), 1u);
  EXPECT_EQ(fr.places[0].country, "FRA");
  Document tx = Run("US officials said a tornado hit Paris, Texas, on Sunday.", {{"US", "USA", "USA"}});
  ASSERT_EQ(tx.places.size(), 2u);  // Paris, and Texas as a province of its own
  EXPECT_EQ(tx.places[0].country, "USA");
  EXPECT_EQ(tx.places[0].admin1, "Texas");
  EXPECT_EQ(tx.places[1].precision, "admin1");
}

TEST_F(RealResolverTest, ActorIsNotAPlace) {
  Document doc = Run("Austin met Afghan officials in Kabul.", {{"Austin", "USA", "USAGOV"}, {"Afghan", "AFG", "AFG"}});
  EXPECT_EQ(Dump(doc), "Kabul|AFG|Kabul|city");
}

// The country of a name inside an institution's name: one clearly dominant reading, or none.
TEST_F(RealResolverTest, DominantPlaceCountry) {
  EXPECT_EQ(DominantPlaceCountry(*gaz_, "Madras"), "IND");       // an old name of Chennai
  EXPECT_EQ(DominantPlaceCountry(*gaz_, "Santa Marta"), "COL");  // the Spanish ones are small
  EXPECT_EQ(DominantPlaceCountry(*gaz_, "Northern Territory"), "AUS");
  EXPECT_EQ(DominantPlaceCountry(*gaz_, "Hamilton"), "");  // Canada and New Zealand
  EXPECT_EQ(DominantPlaceCountry(*gaz_, "Victoria"), "");  // an Australian state, a Canadian city
  EXPECT_EQ(DominantPlaceCountry(*gaz_, "Traders"), "");
}

}  // namespace
}  // namespace dyad::geo

namespace dyad::geo {
namespace {

TEST(UsStateAbbreviationTest, NewsAgencyForms) {
  EXPECT_STREQ(UsStateAbbreviation("fla."), "Florida");
  EXPECT_STREQ(UsStateAbbreviation("ga."), "Georgia");
  EXPECT_STREQ(UsStateAbbreviation("n.y."), "New York");
  EXPECT_EQ(UsStateAbbreviation("texas"), nullptr);  // written out: an ordinary qualifier
  EXPECT_EQ(UsStateAbbreviation("fla"), nullptr);
}

}  // namespace
}  // namespace dyad::geo
