// Event records: duplicate_of added to records written without it equals writing it directly.
#include "store/event_sink.h"

#include <gtest/gtest.h>

#include <string>

#include "store/store_test_util.h"

namespace dyad::store {
namespace {

using testing::Actor;
using testing::DocBuilder;

std::string Records(Document doc, const std::string& duplicate_of) {
  doc.article.duplicate_of = duplicate_of;
  RecordContext ctx{&testing::Cameo(), "0.1", "actors 1,events 1"};
  std::string out;
  for (const Event& e : doc.events) AppendEventJson(doc, e, ctx, &out);
  return out;
}

TEST(WithDuplicateOf, EqualsWritingTheFieldDirectly) {
  // Publisher, url and date that look like the key or hold quotes and backslashes.
  for (const std::string& publisher : {std::string("Dawn"), std::string(R"(x","published":"y)"),
                                       std::string("back\\slash \\\" quote")}) {
    for (const std::string& date : {std::string("2021-08-11"), std::string(""), std::string("a\"b\\")}) {
      DocBuilder b("a1", publisher, "The Taliban took Zaranj on Friday.", date);
      b.AddEvent(Actor("AFGINS", "AFG", "INS", "Taliban"), Actor("AFG", "AFG", "", "Afghanistan"), "190",
                 "2021-08-06");
      b.AddEvent(Actor("AFGINS", "AFG", "INS", "Taliban"), testing::kNoTarget, "192", "2021-08-06", -1, 9);
      for (const std::string& original : {std::string("wire-7"), std::string("q\"u\\o\ttes ünï")}) {
        Result<std::string> marked = WithDuplicateOf(Records(b.doc(), ""), original);
        ASSERT_TRUE(marked.ok()) << marked.status().ToString();
        EXPECT_EQ(*marked, Records(b.doc(), original)) << publisher << " / " << date;
      }
    }
  }
}

TEST(WithDuplicateOf, EmptyMarkOrNoRecords) {
  EXPECT_EQ(*WithDuplicateOf("", "x"), "");
  EXPECT_EQ(*WithDuplicateOf("{\"id\":\"1\"}\n", ""), "{\"id\":\"1\"}\n");
  EXPECT_FALSE(WithDuplicateOf("{\"id\":\"1\"}\n", "x").ok());
  EXPECT_FALSE(WithDuplicateOf("{\"id\":\"1\",\"published\":\"2021", "x").ok());
}

}  // namespace
}  // namespace dyad::store
