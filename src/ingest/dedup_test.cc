// Near-duplicate detection (SimHash index) and the `dyad dedup` mention merge.
#include "ingest/dedup.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "ingest/clean.h"
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

// SimHash as first written: a +1/-1 vote of every shingle on each of the 64 bits. The fast
// version counts bits in byte lanes; both must give the same fingerprints.
uint64_t NaiveSimHash(std::string_view text) {
  std::vector<uint64_t> words;
  uint64_t h = 0;
  bool in_word = false;
  for (unsigned char c : std::string(text) + " ") {
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (word) {
      if (!in_word) h = 0xcbf29ce484222325ULL;
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
      h = (h ^ c) * 0x100000001b3ULL;
    } else if (in_word) {
      words.push_back(h);
    }
    in_word = word;
  }
  auto mix = [](uint64_t x) {
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  };
  if (words.empty()) return 0;
  size_t n = std::min<size_t>(3, words.size());
  int counts[64] = {};
  for (size_t i = 0; i + n <= words.size(); ++i) {
    uint64_t s = 0;
    for (size_t k = 0; k < n; ++k) s = mix(s ^ words[i + k]) + k;
    s = mix(s);
    for (int b = 0; b < 64; ++b) counts[b] += (s >> b) & 1 ? 1 : -1;
  }
  uint64_t fp = 0;
  for (int b = 0; b < 64; ++b) fp |= counts[b] > 0 ? uint64_t{1} << b : 0;
  return fp;
}

TEST(SimHash, EqualsTheNaiveVote) {
  // Word counts around the 255-shingle flush of the byte lanes, and tiny texts (1- and 2-grams).
  for (int words : {0, 1, 2, 3, 4, 100, 254, 255, 256, 257, 258, 510, 511, 512, 1000, 3000}) {
    for (unsigned seed = 0; seed < 3; ++seed) {
      std::string text = Story(seed + 7, words / 14 + 1);
      size_t cut = 0;
      for (int w = 0; w < words && cut != std::string::npos; ++w) cut = text.find(' ', cut + 1);
      if (cut != std::string::npos) text.resize(cut);
      ASSERT_EQ(SimHash(text), NaiveSimHash(text)) << words << " words, seed " << seed;
      EXPECT_EQ(Fingerprint(text).simhash, SimHash(text));
      EXPECT_EQ(Fingerprint(text).words, CountHashWords(text));
    }
  }
  EXPECT_EQ(SimHash("Ünïcode wörds, ASCII case"), NaiveSimHash("Ünïcode wörds ascii CASE"));  // ASCII folded only
}

TEST(DedupText, LeavesOutTitleAndDateline) {
  Article a{"a", "", "Taliban take Kunduz",
            "Taliban take Kunduz\n\nKUNDUZ (Reuters) - The Taliban took the city.\n\nTheir fighters held it.", "", "",
            ""};
  EXPECT_EQ(DedupText(a), "The Taliban took the city.\nTheir fighters held it.");
  EXPECT_EQ(StoryText(a.text, SegmentArticle(a).segments), DedupText(a));
  Document doc;
  doc.article = a;
  ASSERT_TRUE(Clean(&doc).ok());
  EXPECT_EQ(StoryText(doc.article.text, doc.segments), DedupText(a));  // from a cleaned Document
}

TEST(DuplicateIndex, FingerprintsComputedElsewhereGiveTheSameMarks) {
  DuplicateIndex by_text, by_fingerprint;
  std::vector<std::string> texts = {Story(1), Story(2), Story(1) + " More.", "Kabul fell.", Story(2), "Kabul fell."};
  std::vector<TextFingerprint> fingerprints;
  for (const std::string& t : texts) fingerprints.push_back(Fingerprint(t));  // e.g. on other threads
  for (size_t i = 0; i < texts.size(); ++i) {
    std::string id = "a" + std::to_string(i);
    EXPECT_EQ(by_fingerprint.Check(id, fingerprints[i]), by_text.Check(id, texts[i])) << i;
  }
  EXPECT_EQ(by_fingerprint.Check("x", Fingerprint(Story(2))), "a1");
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
