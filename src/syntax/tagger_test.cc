#include "syntax/tagger.h"

#include <gtest/gtest.h>

#include "syntax/lemmatizer.h"
#include "text/tokenizer.h"

namespace dyad::syntax {
namespace {

TEST(LemmatizerTest, Verbs) {
  const Lemmatizer& l = Lemmatizer::Get();
  const std::pair<const char*, const char*> cases[] = {
      {"took", "take"}, {"seized", "seize"}, {"seizing", "seize"}, {"discussed", "discuss"},
      {"hoped", "hope"}, {"planned", "plan"}, {"warned", "warn"}, {"captured", "capture"},
      {"agreed", "agree"}, {"was", "be"}, {"taken", "take"}, {"urges", "urge"},
      {"ambushed", "ambush"}, {"carried", "carry"}, {"ousting", "oust"}};
  for (auto [in, out] : cases) EXPECT_EQ(l.Verb(in), out) << in;
}

TEST(LemmatizerTest, Nouns) {
  const Lemmatizer& l = Lemmatizer::Get();
  const std::pair<const char*, const char*> cases[] = {
      {"airstrikes", "airstrike"}, {"capitals", "capital"}, {"forces", "force"},
      {"talks", "talk"}, {"countries", "country"}, {"taxes", "tax"}, {"women", "woman"}};
  for (auto [in, out] : cases) EXPECT_EQ(l.Noun(in), out) << in;
}

TEST(TaggerTest, NounVerbReadings) {
  Document doc = text::MakeDocument("The attack killed ten. They attack towns. Rebels seized the town.");
  TagAndLemmatize(&doc);
  auto tag = [&](size_t i) { return doc.tokens[i].tag; };
  EXPECT_EQ(tag(1), "NN");   // attack
  EXPECT_EQ(tag(2), "VBD");  // killed
  EXPECT_EQ(tag(6), "VBP");  // attack
  EXPECT_EQ(tag(10), "VBD");  // seized
  EXPECT_EQ(doc.tokens[10].lemma, "seize");
}

}  // namespace
}  // namespace dyad::syntax
