// The event coder with the shipped dictionaries and the trained parser: decisions that need the
// parse (tests/golden covers whole articles). Sentences written for these tests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace dyad {
namespace {

std::vector<std::string> Dyads(const std::string& text, const std::string& date) {
  Document doc;
  doc.article.id = "t";
  doc.article.date = date;
  doc.article.text = text;
  EXPECT_TRUE(testing::SharedCoder().Code(&doc).ok());
  std::vector<std::string> out;
  for (const Event& e : doc.events) {
    out.push_back(e.source.code + " " + e.cameo.substr(0, 2) + " " + (e.has_target ? e.target.code : "-"));
  }
  return out;
}

// A country in a place phrase ("the crisis in Sudan") is the topic of talks, not a party to them:
// two leaders who discussed it consulted each other.
TEST(CoderParseTest, TopicCountryIsNotTheOtherParty) {
  std::vector<std::string> got =
      Dyads("Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed on Monday discussed "
            "the worsening crisis in Sudan.",
            "2024-03-05");
  EXPECT_EQ(got, (std::vector<std::string>{"KENGOV 04 ETHGOV", "ETHGOV 04 KENGOV"}));
}

// A speaker who calls another party a threat criticises it (111); not when the threat is denied.
TEST(CoderParseTest, ReportedCriticism) {
  EXPECT_EQ(Dyads("Iran's nuclear programme is a threat to the region, the Saudi foreign minister said on Monday.",
                  "2024-03-05"),
            (std::vector<std::string>{"SAUGOV 11 IRN"}));
  EXPECT_EQ(Dyads("The Saudi foreign minister said on Monday that Iran no longer posed a threat.", "2024-03-05"),
            (std::vector<std::string>{}));
}

// The place the parse attaches to the act is the event's place.
TEST(CoderParseTest, PlaceAttachedToTheTrigger) {
  Document doc;
  doc.article.id = "t";
  doc.article.date = "2024-03-05";
  doc.article.text = "Al-Shabaab fighters attacked a police station in Garissa on Sunday.";
  ASSERT_TRUE(testing::SharedCoder().Code(&doc).ok());
  ASSERT_EQ(doc.events.size(), 1u);
  ASSERT_GE(doc.events[0].place, 0);
  EXPECT_EQ(doc.places[doc.events[0].place].name, "Garissa");
}

}  // namespace
}  // namespace dyad
