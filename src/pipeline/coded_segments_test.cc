// A coded Document keeps the cleaning's segments: Coder::Code leaves doc.segments exactly as
// SegmentArticle made them, so the near-duplicate text can be taken from a coded Document
// (ingest::StoryText) without cleaning the article again. python/src/module.cc relies on this to
// fingerprint articles while coding them for Dask.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "dyad/coder.h"
#include "ingest/clean.h"
#include "ingest/dedup.h"
#include "ingest/jsonl_line.h"

namespace dyad {
namespace {

TEST(CodedDocument, KeepsTheCleanedSegments) {
  auto coder = Coder::Create(CoderConfig{});
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  std::vector<Article> articles;
  std::ifstream in(std::string(DYAD_SOURCE_DIR) + "/examples/news.jsonl");
  int64_t n = 0;
  for (std::string line; std::getline(in, line);) {
    ReadItem item;
    ingest::ParseJsonlLine(line, ingest::JsonlContext{"news.jsonl", "news", ++n, 0, size_t{1} << 20}, &item);
    if (item.article) articles.push_back(*item.article);
  }
  // With a title repeated as headline, a wire dateline and a trailer.
  articles.push_back(Article{"wire", "2021-08-11", "Taliban take Kunduz",
                             "Taliban take Kunduz\n\nKUNDUZ, Afghanistan (Reuters) - The Taliban captured Kunduz on "
                             "Sunday, officials said.\n\nReporting by Jane Roe; Editing by John Doe",
                             "", "", ""});
  ASSERT_GT(articles.size(), 5u);
  for (const Article& a : articles) {
    Document doc;
    doc.article = a;
    ASSERT_TRUE((*coder)->Code(&doc).ok()) << a.id;
    std::vector<Segment> cleaned = SegmentArticle(a).segments;
    ASSERT_EQ(doc.segments.size(), cleaned.size()) << a.id;
    for (size_t i = 0; i < cleaned.size(); ++i) {
      EXPECT_EQ(doc.segments[i].span.begin, cleaned[i].span.begin) << a.id << " segment " << i;
      EXPECT_EQ(doc.segments[i].span.end, cleaned[i].span.end) << a.id << " segment " << i;
      EXPECT_EQ(doc.segments[i].is_title, cleaned[i].is_title) << a.id << " segment " << i;
      EXPECT_EQ(doc.segments[i].is_dateline, cleaned[i].is_dateline) << a.id << " segment " << i;
    }
    EXPECT_EQ(ingest::StoryText(doc.article.text, doc.segments), ingest::DedupText(a)) << a.id;
  }
}

}  // namespace
}  // namespace dyad
