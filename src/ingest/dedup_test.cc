// Near-duplicate detection (SimHash index) and the `dyad dedup` mention merge.
#include "ingest/dedup.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "ingest/dedup_cli.h"

namespace dyad::ingest {
namespace {

// A synthetic wire story: `n` sentences built from a seeded vocabulary, so different seeds give
// different articles and the same seed the same one.
std::string Story(unsigned seed, int n = 30) {
  static const std::vector<std::string> kWords = {
      "government", "forces", "rebels", "capital", "border", "talks", "minister", "president", "army",
      "police", "protesters", "election", "ceasefire", "province", "officials", "said", "on", "Monday",
      "Tuesday", "attack", "troops", "withdrew", "agreed", "rejected", "aid", "refugees", "crossed",
      "city", "northern", "southern", "the", "a", "of", "in", "after", "before", "during", "week"};
  std::mt19937 rng(seed);
  std::string out;
  for (int s = 0; s < n; ++s) {
    for (int w = 0; w < 14; ++w) {
      if (w > 0) out += ' ';
      out += kWords[rng() % kWords.size()];
    }
    out += ". ";
  }
  return out;
}

TEST(SimHash, NearCopiesAreCloseAndOthersFar) {
  std::string a = Story(1);
  std::string edited = a;
  edited.replace(edited.find("said"), 4, "stated");
  EXPECT_LE(HammingDistance(SimHash(a), SimHash(edited)), 3);
  EXPECT_LE(HammingDistance(SimHash(a), SimHash(a + " Extra words.")), 3);
  for (unsigned seed = 2; seed < 40; ++seed) {
    EXPECT_GT(HammingDistance(SimHash(a), SimHash(Story(seed))), 3) << seed;
  }
  EXPECT_EQ(SimHash(""), 0u);
  EXPECT_EQ(SimHash("Case  AND punctuation!"), SimHash("case and, punctuation"));
}

TEST(DuplicateIndex, MarksCopiesOfTheEarliest) {
  DuplicateIndex index;
  std::string a = Story(1), b = Story(2);
  EXPECT_EQ(index.Check("a", a), "");
  EXPECT_EQ(index.Check("b", b), "");
  std::string edited = a;
  edited.replace(edited.find("said"), 4, "stated");
  EXPECT_EQ(index.Check("a-edit", edited), "a");
  // Republished with another headline, dateline and trailer: cleaning removes those first.
  Article copy{"b-copy", "", "Rebels and army clash", "Rebels and army clash\n\nWASHINGTON (AP) - " + b +
               "\n\nReporting by Jane Roe; Editing by John Doe", "", "", ""};
  index.Mark(&copy);
  EXPECT_EQ(copy.duplicate_of, "b");
  // A copy of a copy points at the original.
  Article c{"a-copy2", "", "", edited + " Updated.", "", "", ""};
  index.Mark(&c);
  EXPECT_EQ(c.duplicate_of, "a");
  // Short texts are never marked.
  EXPECT_EQ(index.Check("s1", "Kabul fell."), "");
  EXPECT_EQ(index.Check("s2", "Kabul fell."), "");
}

TEST(DuplicateIndex, ManyArticlesNoFalseMatchesAndBoundedMemory) {
  DedupOptions options;
  options.max_entries = 500;
  DuplicateIndex index(options);
  int marked = 0;
  for (unsigned seed = 100; seed < 1600; ++seed) marked += !index.Check(std::to_string(seed), Story(seed)).empty();
  EXPECT_EQ(marked, 0);
  EXPECT_LE(index.size(), 500u);
  EXPECT_EQ(index.Check("late-copy", Story(1599) + " Extra."), "1599");
}

TEST(MentionMerger, GroupsByKeyWithinTheWindow) {
  MergeOptions options;
  options.window_days = 3;
  MentionMerger merger(options);
  std::string reason;
  auto add = [&](const std::string& line) { return merger.Add(line, &reason); };
  EXPECT_TRUE(add(R"({"id":"m1","event_key":"k1","article_id":"a1","publisher":"wire","url":"u1","date":"2021-08-10","cameo":"190","sentence":"s"})"));
  EXPECT_TRUE(add(R"({"id":"m2","event_key":"k1","article_id":"a1","publisher":"wire","date":"2021-08-10","cameo":"190"})"));
  EXPECT_TRUE(add(R"({"id":"m3","event_key":"k1","article_id":"a2","publisher":"paper","published":"2021-08-12","date":"2021-08-10","cameo":"190"})"));
  EXPECT_TRUE(add(R"({"id":"m4","event_key":"k1","article_id":"a3","duplicate_of":"a2","publisher":"blog","published":"2021-08-13","date":"2021-08-10","cameo":"190"})"));
  EXPECT_TRUE(add(R"({"id":"m5","event_key":"k2","article_id":"a1","publisher":"wire","date":"2021-08-10","cameo":"042"})"));
  EXPECT_TRUE(add(R"({"id":"m6","event_key":"k1","article_id":"a9","publisher":"wire","published":"2021-09-30","date":"2021-08-10","cameo":"190"})"));
  EXPECT_FALSE(add("{not json"));
  EXPECT_EQ(reason, "invalid JSON");
  EXPECT_FALSE(add(R"({"id":"x"})"));
  EXPECT_EQ(reason, "missing string field 'event_key'");
  EXPECT_FALSE(add("[1]"));
  std::string out;
  merger.Write(&out);
  EXPECT_EQ(out,
            R"({"event_key":"k1","date":"2021-08-10","cameo":"190","first_article_id":"a1","first_url":"u1",)"
            R"("num_mentions":4,"num_articles":3,"num_sources":3,"num_independent_articles":2,)"
            R"("first_mention_date":"2021-08-10","last_mention_date":"2021-08-13"})" "\n"
            R"({"event_key":"k2","date":"2021-08-10","cameo":"042","first_article_id":"a1","first_url":"",)"
            R"("num_mentions":1,"num_articles":1,"num_sources":1,"num_independent_articles":1,)"
            R"("first_mention_date":"2021-08-10","last_mention_date":"2021-08-10"})" "\n"
            R"({"event_key":"k1","date":"2021-08-10","cameo":"190","first_article_id":"a9","first_url":"",)"
            R"("num_mentions":1,"num_articles":1,"num_sources":1,"num_independent_articles":1,)"
            R"("first_mention_date":"2021-09-30","last_mention_date":"2021-09-30"})" "\n");
}

}  // namespace
}  // namespace dyad::ingest
