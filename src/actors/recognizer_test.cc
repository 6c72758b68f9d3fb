#include "actors/recognizer.h"

#include <gtest/gtest.h>

#include "syntax/tagger.h"
#include "text/tokenizer.h"

namespace dyad::actors {
namespace {

// A tiny hand-written lexicon: enough to exercise each resolution rule.
const char kLex[] =
    "country\tUSA\tUnited States|US\tadj=American|US\tcapital=Washington\n"
    "country\tKEN\tKenya\tadj=Kenyan\tpeople=Kenyans\tcapital=Nairobi\n"
    "country\tSOM\tSomalia\tadj=Somali\n"
    "agent\tMIL\tarmy chief|military|troops\n"
    "agent\tGOV\tForeign Minister|foreign minister\ttitle=1\n"
    "agent\tGOV\tNational Security Adviser\ttitle=1\n"
    "agent\tINS\tinsurgents|militants\tplural=1\n"
    "agent\tGOV\tspokesman\n"
    "agent\tGOV\tpresident|President|Vice President\ttitle=1\n"
    "agent\tCVL\tresidents|victims\tplural=1\n"
    "agent\tCVL\tvillage\tplace=1\n"
    "agent\tCVL\tvillages\tplural=1\tplace=1\n"
    "agent\tMIL\tGeneral\ttitle=1\n"
    "honorific\t-\tDr|Mr\n"
    "org\tSOMINS\tal-Shabaab\tcountry=SOM\tsector=INS\tplural=1\n"
    "person\tKENGOV\tAmina Odhiambo\tcountry=KEN\tsector=GOV\tfrom=2020-01-01\n"
    // one family: the president and a minister; another: a president and a prime minister
    "person\tSOMGOV\tHassan Warsame\tcountry=SOM\tsector=GOV\trole=President\tfrom=2020-01-01\n"
    "person\tSOMGOV\tFadumo "
    "Warsame\tcountry=SOM\tsector=GOV\trole=Minister_of_Education\tfrom=2020-01-01\n"
    "person\tKENGOV\tDavid Mwangi\tcountry=KEN\tsector=GOV\trole=President\tfrom=2020-01-01\n"
    "person\tKENGOV\tGrace Mwangi\tcountry=KEN\tsector=GOV\trole=Prime_Minister\tfrom=2020-01-01\n"
    "person\tKENGOV\tJoseph "
    "Kariuki\tcountry=KEN\tsector=GOV\trole=Minister\tfrom=2015-01-01\tto=2019-12-31\n"
    "person\tKENGOV\tPeter Otieno\tcountry=KEN\tsector=GOV\trole=Minister\tfrom=2020-01-01\n"
    // one person, three offices: a legislator, then president, then a party leader
    "person\tKENLEG\tSamuel "
    "Kibet\tcountry=KEN\tsector=LEG\trole=Senator\tfrom=2005-01-01\tto=2009-12-31\n"
    "person\tKENGOV\tSamuel "
    "Kibet\tcountry=KEN\tsector=GOV\trole=President\tfrom=2010-01-01\tto=2017-12-31\n"
    "person\tKENPTY\tSamuel Kibet\tcountry=KEN\tsector=PTY\trole=Party_Chairman\tfrom=2018-01-01\n"
    // surnames that are also a day and a month
    "person\tKENGOV\tJames Friday\tcountry=KEN\tsector=GOV\trole=Minister\tfrom=2020-01-01\n"
    "person\tKENGOV\tRuth May\tcountry=KEN\tsector=GOV\trole=Minister_of_Health\tfrom=2020-01-01\n"
    // a minister, later a backbench legislator: the minister
    "person\tKENGOV\tGrace "
    "Njeri\tcountry=KEN\tsector=GOV\trole=Minister\tfrom=2008-01-01\tto=2014-12-31\n"
    "person\tKENLEG\tGrace Njeri\tcountry=KEN\tsector=LEG\trole=MP\tfrom=2015-01-01\n"
    // two offices, neither a leader's: the more prominent one
    "person\tKENLEG\tRuth "
    "Wanjiku\tcountry=KEN\tsector=LEG\trole=MP\tfrom=2005-01-01\tto=2012-12-31\n"
    "person\tKENMIL\tRuth Wanjiku\tcountry=KEN\tsector=MIL\trole=Army_Chief\tfrom=2013-01-01\n";

struct Row {
  const char* text;
  std::vector<std::string> codes;  // codes of the mentions, in order
};

std::vector<std::string> Codes(const char* text) {
  static std::vector<lexicon::Diagnostic> diags;
  static auto lex = lexicon::ActorLexicon::FromText(kLex, &diags);
  Document doc = text::MakeDocument(text);
  syntax::TagAndLemmatize(&doc);
  ActorRecognizer(*lex).Recognize(Date{2023, 6, 1}, &doc);
  std::vector<std::string> out;
  for (const auto& m : doc.actors) out.push_back(m.code);
  return out;
}

TEST(ActorRecognizerTest, Table) {
  const Row rows[] = {
      // country + agent compose
      {"The Kenyan military moved.", {"KENMIL"}},
      {"Kenya's army chief spoke.", {"KENMIL"}},
      // a title makes an unknown name a person who keeps the role
      {"Kenyan Foreign Minister Juma Baraka arrived. Baraka left.", {"KENGOV", "KENGOV"}},
      // a known person's name followed by an unknown name word is another person's longer name
      {"Foreign Minister Amina Odhiambo Kiprono arrived.", {"GOV"}},
      // a rank before a title keeps the title's role and country
      {"Kenya's Deputy Foreign Minister arrived.", {"KENGOV"}},
      // known person from the office-holder list, then by surname
      {"Amina Odhiambo spoke. Later Odhiambo left.", {"KENGOV", "KENGOV"}},
      // acronym defined in brackets refers to the person it introduced
      {"Kenyan National Security Adviser (NSA) Dr Peter Kamau spoke. The NSA said so.",
       {"KENGOV", "KENGOV"}},
      // "they" -> last plural actor; "the militants" -> last actor of that sector
      {"Al-Shabaab attacked a base. They withdrew. The militants returned.",
       {"SOMINS", "SOMINS", "SOMINS"}},
      // the pronoun "us" is not the United States
      {"He told us nothing.", {}},
      // capital as metonym, but not after a locative preposition
      {"Nairobi protested. He flew to Nairobi.", {"KENGOV"}},
      // demonym
      {"Kenyans voted.", {"KENCVL"}},
      // adjectives between a country and its role; "former" officials are elites
      {"Kenya's new foreign minister spoke.", {"KENGOV"}},
      {"A former Kenyan foreign minister spoke.", {"KENELI"}},
      // where a group is based gives its country; who backs it does not
      {"Somalia-based militants attacked.", {"SOMINS"}},
      // a place name after a title starts a person's name
      {"Foreign Minister Nairobi Otieno spoke.", {"GOV"}},
      // a surname shared in office: the only national leader, or no one when two lead
      {"He met Warsame.", {"SOMGOV"}},
      {"He met Mwangi.", {}},
      // out of office on the article's date (2023): a former official
      {"Joseph Kariuki spoke.", {"KENELI"}},
      // "the president": the leader with that title the article names most, not the latest; a
      // tie names no one; "the president" itself counts for no one; "the president of" another
      // body is another president
      {"David Mwangi spoke. Mwangi met Hassan Warsame. The president left.",
       {"KENGOV", "KENGOV", "SOMGOV", "KENGOV"}},
      {"Hassan Warsame met David Mwangi. The president left.", {"SOMGOV", "KENGOV", "GOV"}},
      {"David Mwangi spoke. Mwangi met Hassan Warsame. The president left. Warsame spoke. "
       "Warsame left. The president returned.",
       {"KENGOV", "KENGOV", "SOMGOV", "KENGOV", "SOMGOV", "SOMGOV", "SOMGOV"}},
      {"David Mwangi spoke. The president of the club left.", {"KENGOV", "GOV"}},
      // a vice president is not "the president"; with no president named, the bare role
      {"Kenyan Vice President Juma Baraka spoke. The president left.", {"KENGOV", "GOV"}},
      // a place stands for its people when attacked, not where something happens, and is never
      // "they"
      {"The militants attacked villages. They withdrew.", {"INS", "CVL", "INS"}},
      {"The militants met in a village.", {"INS"}},
  };
  for (const Row& r : rows) EXPECT_EQ(Codes(r.text), r.codes) << r.text;
}

// Without an article date a minister's surname alone names no one; a national leader's still does,
// in an article that names the leader's country.
TEST(ActorRecognizerTest, UndatedSurnames) {
  std::vector<lexicon::Diagnostic> diags;
  auto lex = lexicon::ActorLexicon::FromText(kLex, &diags);
  auto codes = [&](const char* text, Date date) {
    Document doc = text::MakeDocument(text);
    syntax::TagAndLemmatize(&doc);
    ActorRecognizer(*lex).Recognize(date, &doc);
    std::vector<std::string> out;
    for (const auto& m : doc.actors) out.push_back(m.code);
    return out;
  };
  EXPECT_EQ(codes("He met Otieno.", Date{2023, 6, 1}), std::vector<std::string>{"KENGOV"});
  EXPECT_EQ(codes("He met Otieno.", Date{}), std::vector<std::string>{});
  // ... if the article names the leader's country.
  EXPECT_EQ(codes("He met Warsame in Somalia.", Date{}),
            (std::vector<std::string>{"SOMGOV", "SOM"}));
  EXPECT_EQ(codes("He met Warsame.", Date{}), std::vector<std::string>{});
  // A person with several offices: on a date, that date's office; without one, the leader's
  // office, else the most prominent.
  EXPECT_EQ(codes("Samuel Kibet spoke.", Date{2007, 1, 1}), std::vector<std::string>{"KENLEG"});
  EXPECT_EQ(codes("Samuel Kibet spoke.", Date{}), std::vector<std::string>{"KENGOV"});
  EXPECT_EQ(codes("Ruth Wanjiku spoke.", Date{}), std::vector<std::string>{"KENMIL"});
  EXPECT_EQ(codes("Grace Njeri spoke.", Date{}), std::vector<std::string>{"KENGOV"});
  // A day is never a surname; a month is one where it does not name a date.
  // (tests/coder_parse_test.cc has the month standing for a person, which needs the trained tagger)
  EXPECT_EQ(codes("They met on Friday.", Date{2023, 6, 1}), std::vector<std::string>{});
  EXPECT_EQ(codes("The talks began in May and ended May 22.", Date{2023, 6, 1}),
            std::vector<std::string>{});
  // A title and a surname whose holder has left the office: that former holder.
  EXPECT_EQ(codes("Foreign Minister Kariuki spoke.", Date{2023, 6, 1}),
            std::vector<std::string>{"KENELI"});
  // Long before any office: a notable person (ELI), or what the text's title says.
  EXPECT_EQ(codes("Peter Otieno spoke.", Date{2015, 6, 1}), std::vector<std::string>{"KENELI"});
  EXPECT_EQ(codes("Kenyan army chief Peter Otieno spoke.", Date{2015, 6, 1}),
            std::vector<std::string>{"KENMIL"});
  EXPECT_EQ(codes("Peter Otieno spoke.", Date{2019, 11, 1}), std::vector<std::string>{"KENGOV"});
  // Days after an office ended, the title the text gives for it is still the office (the news of
  // the end itself); months after, a former holder.
  EXPECT_EQ(codes("Kenyan Foreign Minister Joseph Kariuki spoke.", Date{2020, 1, 15}),
            std::vector<std::string>{"KENGOV"});
  EXPECT_EQ(codes("Kenyan Foreign Minister Joseph Kariuki spoke.", Date{2020, 6, 1}),
            std::vector<std::string>{"KENELI"});
  EXPECT_EQ(codes("Joseph Kariuki spoke.", Date{2020, 1, 15}), std::vector<std::string>{"KENELI"});
}

// A role named with a place ("residents of Nairobi", "police in Mombasa") takes the place's
// country.
TEST(ActorRecognizerTest, RoleTakesCountryOfPlace) {
  std::vector<lexicon::Diagnostic> diags;
  auto lex = lexicon::ActorLexicon::FromText(kLex, &diags);
  for (const char* text : {"Residents of Garissa fled.", "Residents in Garissa fled.",
                           "Residents from Garissa fled.", "Victims of Garissa fled."}) {
    Document doc = text::MakeDocument(text);
    syntax::TagAndLemmatize(&doc);
    ActorRecognizer(*lex).Recognize(Date{2023, 6, 1}, &doc);
    PlaceMention p;
    p.token_begin = 2;
    p.token_end = 3;
    p.span = doc.tokens[2].span;
    p.name = "Garissa";
    p.country = "KEN";
    doc.places.push_back(p);
    InferArticleCountry(&doc);
    ASSERT_EQ(doc.actors.size(), 1u) << text;
    // "victims of X", "critics of X": what they suffer or oppose, not where they are from
    bool relational = std::string(text).rfind("Victims", 0) == 0;
    EXPECT_EQ(doc.actors[0].code, relational ? "CVL" : "KENCVL") << text;
  }
}

TEST(ActorRecognizerTest, CompoundSubjectIsLinked) {
  std::vector<lexicon::Diagnostic> diags;
  auto lex = lexicon::ActorLexicon::FromText(kLex, &diags);
  Document doc = text::MakeDocument("Kenya and the United States agreed.");
  syntax::TagAndLemmatize(&doc);
  ActorRecognizer(*lex).Recognize(Date{}, &doc);
  ASSERT_EQ(doc.actors.size(), 2u);
  EXPECT_EQ(doc.actors[0].group, 0);
  EXPECT_EQ(doc.actors[1].group, 0);
  EXPECT_EQ(doc.Text(doc.actors[1].span), "United States");
}

}  // namespace
}  // namespace dyad::actors
