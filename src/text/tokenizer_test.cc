#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dyad::text {
namespace {

std::vector<std::string> Words(std::string_view s) { return TokenizeWords(s); }

struct TokCase {
  const char* in;
  std::vector<std::string> out;
};

TEST(TokenizerTest, Table) {
  const TokCase cases[] = {
      {"Gen. Bajwa met U.S. officials.", {"Gen.", "Bajwa", "met", "U.S.", "officials", "."}},
      {"Pakistan's army didn't move.", {"Pakistan", "'s", "army", "did", "n't", "move", "."}},
      {"the army 's chief and 'scare quotes'",
       {"the", "army", "'s", "chief", "and", "'", "scare", "quotes", "'"}},
      {"Pakistan’s army didn’t move.", {"Pakistan", "’s", "army", "did", "n’t", "move", "."}},
      {"US-led forces", {"US", "-", "led", "forces"}},
      {"Sar-e-Pul fell", {"Sar", "-", "e", "-", "Pul", "fell"}},
      {"1,000 troops and 3.5 tanks", {"1,000", "troops", "and", "3.5", "tanks"}},
      {"O'Neill said “no”.", {"O'Neill", "said", "“", "no", "”", "."}},
      {"Dr Moeed Yusuf (NSA)", {"Dr", "Moeed", "Yusuf", "(", "NSA", ")"}},
      {"On Aug. 1, they left", {"On", "Aug.", "1", ",", "they", "left"}},
      {"the 'mutual goals'", {"the", "'", "mutual", "goals", "'"}},
  };
  for (const auto& c : cases) EXPECT_EQ(Words(c.in), c.out) << c.in;
}

// The conventions of UD English that `dyad parse --eval-tokens` measures.
TEST(TokenizerTest, UdEnglishConventions) {
  const TokCase cases[] = {
      {"I can't go -- they're gonna leave...", {"I", "ca", "n't", "go", "--", "they", "'re", "gon", "na", "leave", "..."}},
      {"It cannot be done!!", {"It", "can", "not", "be", "done", "!!"}},
      {"dont and don`t", {"do", "nt", "and", "do", "n`t"}},
      {"mail john.smith@example.com or see http://example.com/a?b=1.",
       {"mail", "john.smith@example.com", "or", "see", "http://example.com/a?b=1", "."}},
      {"visit www.un.org, Yahoo.com and news.bbc.co.uk", {"visit", "www.un.org", ",", "Yahoo.com", "and", "news.bbc.co.uk"}},
      {"a co-founder of a non-profit e-mail service", {"a", "co-founder", "of", "a", "non-profit", "e-mail", "service"}},
      {"UN-brokered and anti-Assad", {"UN", "-", "brokered", "and", "anti", "-", "Assad"}},
      {"the ex-president in mid-March", {"the", "ex", "-", "president", "in", "mid", "-", "March"}},
      {"pre- and post-war", {"pre-", "and", "post-war"}},
      {"At 5:30pm on 9/11", {"At", "5:30", "pm", "on", "9/11"}},
      {"$3bn in the 2020s, 35mm and the 2nd", {"$", "3", "bn", "in", "the", "2020s", ",", "35", "mm", "and", "the", "2nd"}},
      {"Call 713-853-3989 by 2021-08-11 or 3-4 pm", {"Call", "713-853-3989", "by", "2021", "-", "08", "-", "11", "or", "3", "-", "4", "pm"}},
      {"on 11/28/2000", {"on", "11", "/", "28", "/", "2000"}},
      {"the 1990's and '80s", {"the", "1990's", "and", "'80s"}},
      {"AT&T and PG&E", {"AT&T", "and", "PG&E"}},
      {"Great :) #win +44 ^_^", {"Great", ":)", "#win", "+44", "^_^"}},
      {"He said no. No. 10 agreed on Wed. or Thu.", {"He", "said", "no", ".", "No.", "10", "agreed", "on", "Wed.", "or", "Thu."}},
      {"Why?! Really??", {"Why", "?!", "Really", "??"}},
  };
  for (const auto& c : cases) EXPECT_EQ(Words(c.in), c.out) << c.in;
}

TEST(TokenizerTest, SpansPointIntoOriginalText) {
  Document doc = MakeDocument("  Taliban seized   Kunduz.\n\nThey left.");
  ASSERT_EQ(doc.tokens.size(), 7u);
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
    EXPECT_EQ(std::string(doc.TokenText(i)).size(), doc.tokens[i].span.size());
  }
  EXPECT_EQ(doc.TokenText(2), "Kunduz");
  EXPECT_EQ(doc.tokens[0].lower, "taliban");
  EXPECT_TRUE(doc.tokens[0].Is(kTokCapitalized));
}

struct SentCase {
  const char* in;
  size_t sentences;
};

TEST(SentenceSplitTest, Table) {
  const SentCase cases[] = {
      {"Dr Moeed Yusuf spoke. He left.", 2},
      {"Gen. Austin met Mr. Khan on Aug. 1 in Kabul.", 1},
      {"The talks were held in the U.S. The next round is in May.", 2},
      {"Officials met in the U.S. on Monday.", 1},
      {"“We will fight,” he said. “No deal.”", 2},
      {"He asked: why? Nobody knew!", 2},
      {"No. 10 Downing Street said so.", 1},
      {"He left. \"We stay,\" she said.", 2},
      {"They left.\n“We stay,” she said.", 2},
      {"Wait... what happened? Nothing!!", 2},
      {"1. The first point is clear.", 1},
      {"Talks ended... Fighting resumed.", 2},
  };
  for (const auto& c : cases) {
    Document doc = MakeDocument(c.in);
    EXPECT_EQ(doc.sentences.size(), c.sentences) << c.in;
  }
}

// An opening quote starts the sentence it opens, also at the start of a paragraph.
TEST(SentenceSplitTest, OpeningQuoteStartsItsSentence) {
  for (const char* text : {"They left. \"We stay,\" she said.", "They left.\n\"We stay,\" she said."}) {
    Document doc = MakeDocument(text);
    ASSERT_EQ(doc.sentences.size(), 2u) << text;
    EXPECT_EQ(doc.TokenText(doc.sentences[1].token_begin), "\"") << text;
    EXPECT_EQ(doc.TokenText(doc.sentences[0].token_end - 1), ".") << text;
  }
}

TEST(SentenceSplitTest, QuoteFlag) {
  Document doc = MakeDocument("He said “troops will leave” today.");
  int quoted = 0;
  for (const auto& t : doc.tokens) quoted += t.Is(kTokInQuote) ? 1 : 0;
  EXPECT_EQ(quoted, 3);
}

TEST(SentenceSplitTest, LongSentenceIsCut) {
  std::string s;
  for (int i = 0; i < 450; ++i) s += "word ";
  Document doc;
  doc.article.text = s;
  doc.segments.push_back(Segment{Span{0, static_cast<uint32_t>(s.size())}, false});
  Tokenize(&doc, TokenizerOptions{200});
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_EQ(doc.sentences[0].token_end - doc.sentences[0].token_begin, 200u);
}

TEST(TokenizerTest, InvalidUtf8DoesNotCrash) {
  std::string bad = "abc \xff\xfe def \xe2\x80";
  auto w = Words(bad);
  EXPECT_FALSE(w.empty());
}

}  // namespace
}  // namespace dyad::text
