#include <gtest/gtest.h>

#include "lexicon/actor_lexicon.h"
#include "lexicon/cameo_table.h"
#include "lexicon/event_lexicon.h"
#include "text/tokenizer.h"

namespace dyad::lexicon {
namespace {

const char kActors[] =
    "@version test-1\n"
    "# comment line\n"
    "country\tUSA\tUnited States|US|U.S.\tadj=American\tsource=test\n"
    "country\tPAK\tPakistan\tadj=Pakistani\tcapital=Islamabad\tsource=test\n"
    "agent\tMIL\tmilitary|troops\tplural=0\tsource=test\n"
    "person\tUSAGOV\tJoe Biden\tcountry=USA\tsector=GOV\tfrom=2021-01-20\tsource=test\n"
    "bogus\tXXX\tSomething\n"
    "country\tAFG\n";

TEST(ActorLexiconTest, ParsesAndReportsBadLines) {
  std::vector<Diagnostic> diags;
  auto lex = ActorLexicon::FromText(kActors, &diags);
  EXPECT_EQ(lex->version(), "test-1");
  EXPECT_EQ(lex->entries().size(), 4u);
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags[0].line, 7);
  EXPECT_EQ(diags[1].line, 8);
}

struct CaseRow {
  const char* text;
  uint32_t token;
  size_t expected_matches;
  const char* code;  // of the longest match, or ""
};

TEST(ActorLexiconTest, CaseRulesAndLongestMatch) {
  std::vector<Diagnostic> diags;
  auto lex = ActorLexicon::FromText(kActors, &diags);
  const CaseRow rows[] = {
      {"The United States said", 1, 1, "USA"},
      {"talk to us now", 2, 0, ""},       // pronoun "us" is not US
      {"the US said", 1, 1, "USA"},
      {"the U.S. said", 1, 1, "USA"},
      {"pakistan said", 0, 0, ""},        // Capitalised names need a capital
      {"The MILITARY moved", 1, 1, "MIL"}, // lower-case names match any case
      {"Joe Biden spoke", 0, 1, "USAGOV"},
  };
  for (const auto& r : rows) {
    Document doc = text::MakeDocument(r.text);
    std::vector<ActorMatch> m;
    lex->MatchesAt(doc, r.token, static_cast<uint32_t>(doc.tokens.size()), Date{2022, 1, 1}, &m);
    ASSERT_EQ(m.size(), r.expected_matches) << r.text;
    if (!m.empty()) {
      EXPECT_EQ(m[0].entry->code, r.code) << r.text;
    }
  }
}

TEST(ActorLexiconTest, DateRangeChoosesTheNearestRole) {
  std::vector<Diagnostic> diags;
  auto lex = ActorLexicon::FromText(
      "person\tUSAGOV\tJoe Biden\tcountry=USA\tsector=GOV\trole=President\tfrom=2021-01-20\n"
      "person\tUSAGOV\tJoe Biden\tcountry=USA\tsector=GOV\trole=Vice_President\tfrom=2009-01-20\tto=2017-01-20\n"
      "person\tUSALEG\tJoe Biden\tcountry=USA\tsector=LEG\trole=Senator\tfrom=1973-01-03\tto=2009-01-15\n",
      &diags);
  Document doc = text::MakeDocument("Joe Biden spoke");
  auto role_on = [&](Date d) {
    std::vector<ActorMatch> m;
    lex->MatchesAt(doc, 0, 3, d, &m);
    return m.size() == 1 ? m[0].entry->role : "?";
  };
  EXPECT_EQ(role_on(Date{2022, 1, 1}), "President");
  EXPECT_EQ(role_on(Date{2005, 1, 1}), "Senator");
  // Between roles or before the first: the nearest role period.
  EXPECT_EQ(role_on(Date{2018, 6, 1}), "Vice President");
  EXPECT_EQ(role_on(Date{1960, 1, 1}), "Senator");
  std::vector<const ActorEntry*> people;
  lex->PersonsBySurname("biden", Date{2022, 5, 1}, &people);
  EXPECT_EQ(people.size(), 1u);
}

TEST(EventLexiconTest, PatternsParse) {
  std::vector<Diagnostic> diags;
  auto lex = EventLexicon::FromText(
      "@version e-1\n"
      "041\tdiscuss by (phone|telephone)\tsource=test\n"
      "040\tdiscuss\n"
      "195\tN:airstrike on $T\n"
      "192\tcapture\tobj=place\n"
      "99999\tbad code\n"
      "130\twarn $T $T\n"
      "130\t(warn|caution\n",
      &diags);
  EXPECT_EQ(lex->entries().size(), 4u);
  EXPECT_EQ(diags.size(), 3u);
  const auto* discuss = lex->ByTrigger("discuss");
  ASSERT_NE(discuss, nullptr);
  ASSERT_EQ(discuss->size(), 2u);
  EXPECT_EQ((*discuss)[0]->code, "041");  // longest pattern first
  const auto* air = lex->ByTrigger("airstrike");
  ASSERT_NE(air, nullptr);
  EXPECT_TRUE((*air)[0]->noun);
  EXPECT_TRUE((*air)[0]->has_target_slot());
  EXPECT_TRUE((*lex->ByTrigger("capture"))[0]->object_place);
}

TEST(CameoTableTest, LoadsRows) {
  auto t = CameoTable::FromText("# c\ncode\tname\tgoldstein\tquad_class\tplover\n041\tDiscuss by telephone\t1.0\t1\tCONSULT\n");
  ASSERT_TRUE(t.ok());
  const CameoCode* c = (*t)->Find("041");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->plover, "CONSULT");
  EXPECT_EQ(c->quad_class, 1);
  EXPECT_FALSE(CameoTable::FromText("041\tx\t1.0\t9\n").ok());
}

}  // namespace
}  // namespace dyad::lexicon
