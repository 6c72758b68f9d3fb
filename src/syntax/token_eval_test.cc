#include "syntax/token_eval.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dyad::syntax {
namespace {

// A CoNLL-U block from "ID FORM" pairs (other columns empty) under `text`.
std::string Block(const std::string& text, const std::vector<std::pair<std::string, std::string>>& rows) {
  std::string out = "# text = " + text + "\n";
  for (const auto& [id, form] : rows) out += id + "\t" + form + "\t_\t_\t_\t_\t_\t_\t_\t_\n";
  return out + "\n";
}

std::vector<ConlluSentence> Parse(const std::string& conllu) {
  auto s = ParseConllu(conllu);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? *s : std::vector<ConlluSentence>{};
}

TEST(TokenEvalTest, CountsExactSpanMatchesOnly) {
  // gold [0,2) [3,5) [5,8); ours [0,2) [3,8): one of three gold, one of two ours.
  SpanCounts c = CountMatchingSpans({{0, 2}, {3, 5}, {5, 8}}, {{0, 2}, {3, 8}});
  EXPECT_EQ(c.gold, 3u);
  EXPECT_EQ(c.system, 2u);
  EXPECT_EQ(c.correct, 1u);
  EXPECT_NEAR(c.Precision(), 50.0, 1e-9);
  EXPECT_NEAR(c.Recall(), 100.0 / 3, 1e-9);
  EXPECT_NEAR(c.F1(), 40.0, 1e-9);
  // Same begin, different end, is wrong; a later exact match still counts.
  c = CountMatchingSpans({{0, 3}, {4, 6}}, {{0, 2}, {2, 3}, {4, 6}});
  EXPECT_EQ(c.correct, 1u);
  EXPECT_EQ(CountMatchingSpans({}, {}).F1(), 0.0);
}

TEST(TokenEvalTest, DisagreementsShowBothSides) {
  std::string text = "an e-mail to me:)";
  // gold: an | e-mail | to | me | :)   ours: an | e | - | mail | to | me | : | )
  std::vector<Span> gold = {{0, 2}, {3, 9}, {10, 12}, {13, 15}, {15, 17}};
  std::vector<Span> ours = {{0, 2}, {3, 4}, {4, 5}, {5, 9}, {10, 12}, {13, 15}, {15, 16}, {16, 17}};
  std::vector<std::string> d = Disagreements(text, gold, ours);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0], "gold [e-mail] | ours [e] [-] [mail]");
  EXPECT_EQ(d[1], "gold [:)] | ours [:] [)]");
  EXPECT_TRUE(Disagreements(text, gold, gold).empty());
}

TEST(TokenEvalTest, MultiwordTokensScoreTheirWords) {
  auto s = Parse(Block("We can't go.", {{"1", "We"}, {"2-3", "can't"}, {"2", "ca"}, {"3", "n't"},
                                        {"4", "go"}, {"5", "."}}));
  ASSERT_EQ(s.size(), 1u);
  auto spans = GoldWordSpans(s[0]);
  ASSERT_TRUE(spans.ok()) << spans.status().ToString();
  std::vector<Span> want = {{0, 2}, {3, 5}, {5, 8}, {9, 11}, {11, 12}};
  EXPECT_EQ(*spans, want);
}

TEST(TokenEvalTest, MultiwordTokenThatIsNotSpelledOutIsOneWord) {
  auto s = Parse(Block("I won't", {{"1", "I"}, {"2-3", "won't"}, {"2", "will"}, {"3", "not"}}));
  auto spans = GoldWordSpans(s[0]);
  ASSERT_TRUE(spans.ok());
  std::vector<Span> want = {{0, 1}, {2, 7}};
  EXPECT_EQ(*spans, want);
}

TEST(TokenEvalTest, WhitespaceIsSkippedOnBothSides) {
  // A non-breaking space in the text, and a form with a space inside it.
  auto s = Parse(Block("have\xC2\xA0" "been 5 000 men", {{"1", "have"}, {"2", "been"}, {"3", "5 000"}, {"4", "men"}}));
  auto spans = GoldWordSpans(s[0]);
  ASSERT_TRUE(spans.ok()) << spans.status().ToString();
  std::vector<Span> want = {{0, 4}, {6, 10}, {11, 16}, {17, 20}};
  EXPECT_EQ(*spans, want);
}

TEST(TokenEvalTest, FormThatMissesTheTextIsAnError) {
  auto s = Parse(Block("They left", {{"1", "They"}, {"2", "went"}}));
  EXPECT_FALSE(GoldWordSpans(s[0]).ok());
  TokenEvalResult r = EvaluateTokenizer(s);
  EXPECT_EQ(r.sentences, 1u);
  EXPECT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.words_by_sentence.gold, 0u);
}

TEST(TokenEvalTest, ScoresWordsAndSentencesOfADocument) {
  // The gold of the first sentence keeps "Kabul." whole, so that one disagreement is known.
  std::string conllu = "# newdoc id = d1\n" +
                       Block("Troops left Kabul.", {{"1", "Troops"}, {"2", "left"}, {"3", "Kabul."}}) +
                       Block("They did n't return .", {{"1", "They"}, {"2", "did"}, {"3", "n't"},
                                                      {"4", "return"}, {"5", "."}}) +
                       "# newpar id = p2\n" + Block("Talks resumed.", {{"1", "Talks"}, {"2", "resumed"}, {"3", "."}});
  TokenEvalResult r = EvaluateTokenizer(Parse(conllu), 5);
  EXPECT_EQ(r.sentences, 3u);
  EXPECT_TRUE(r.skipped.empty());
  EXPECT_EQ(r.words_by_sentence.gold, 11u);
  EXPECT_EQ(r.words_by_sentence.system, 12u);
  EXPECT_EQ(r.words_by_sentence.correct, 10u);
  EXPECT_EQ(r.words_in_documents.correct, 10u);
  EXPECT_EQ(r.sentence_spans.gold, 3u);
  EXPECT_EQ(r.sentence_spans.correct, 3u);
  ASSERT_EQ(r.top_disagreements.size(), 1u);
  EXPECT_EQ(r.top_disagreements[0].first, "gold [Kabul.] | ours [Kabul] [.]");
  EXPECT_EQ(r.top_disagreements[0].second, 1u);
}

}  // namespace
}  // namespace dyad::syntax
