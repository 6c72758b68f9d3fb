// Regression tests for what fuzzing found (docs/FUZZING.md, "Findings"). Each test is named after
// what it covers; the input that found it stays in fuzz/corpus/<target>/ as regress_*, so the
// corpus replay (ctest -L fuzz) runs it through the fuzz target's own checks too.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "ingest/page_reader.h"
#include "ingest/xml_scan.h"

namespace dyad {
namespace {

ingest::SourceContext FeedContext() { return ingest::SourceContext{"fuzz.rss", "fuzz", 1 << 20, "2021-08-11"}; }

// feed_fuzz, finding 1: a quoted attribute value that is never closed ran to the end of the input,
// so every <item> after it became part of the value and the feed read as an empty feed: no
// article and no error record (silent data loss). Now the value ends at the tag's '>' and the
// problem is counted as malformed.
TEST(FuzzRegression, FeedUnterminatedAttributeValueKeepsLaterItems) {
  std::string_view rss =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:content=\"http://pu/item>\n"
      "<item><title>Dated by dc</title><dc:date>2021-08-09T20:00:00Z</dc:date>"
      "<description>Police detained two men.</description></item>\n</rss>";
  ingest::XmlDocument doc = ingest::ScanXml(rss);
  EXPECT_GT(doc.malformed, 0);
  ASSERT_GE(doc.elements.size(), 2u);
  EXPECT_EQ(doc.elements[0].name, "rss");
  EXPECT_EQ(doc.elements[0].Attr("xmlns:content"), "http://pu/item");

  std::vector<ReadItem> items = ingest::ReadFeed(rss, FeedContext());
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].article.has_value());
  EXPECT_EQ(items[0].article->title, "Dated by dc");
  EXPECT_EQ(items[0].article->date, "2021-08-09");
  EXPECT_EQ(items[0].article->text, "Police detained two men.");
}

// feed_fuzz, finding 1 (the same silent loss by other routes): an unterminated comment, CDATA
// section or declaration that swallows every item gives an error record, not an empty feed.
TEST(FuzzRegression, FeedWhoseItemsAreSwallowedIsAnError) {
  for (std::string_view rss : {
           std::string_view("<rss><channel><title>W</title><!-- <item><description>Text.</description></item></channel></rss>"),
           std::string_view("<rss><channel><title>W</title><![CDATA[<item><description>Text.</description></item>"),
           std::string_view("<rss><channel><title>W</title><!DOCTYPE x [ <item><description>Text.</description></item>"),
       }) {
    SCOPED_TRACE(rss);
    EXPECT_GT(ingest::ScanXml(rss).malformed, 0);
    std::vector<ReadItem> items = ingest::ReadFeed(rss, FeedContext());
    ASSERT_EQ(items.size(), 1u);
    EXPECT_FALSE(items[0].article.has_value());
    ASSERT_EQ(items[0].errors.size(), 1u);
    EXPECT_EQ(items[0].errors[0].reason, "malformed feed: no item or entry could be read");
    EXPECT_EQ(items[0].errors[0].offset, 0);
  }
}

// ... while a well-formed feed that simply has no items is still read as empty, without an error.
TEST(FuzzRegression, WellFormedEmptyFeedHasNoItems) {
  std::string_view rss = "<rss version=\"2.0\"><channel><title>W</title><!-- none today --></channel></rss>";
  EXPECT_EQ(ingest::ScanXml(rss).malformed, 0);
  EXPECT_TRUE(ingest::ReadFeed(rss, FeedContext()).empty());
}

}  // namespace
}  // namespace dyad
