#include "syntax/tree.h"

#include <gtest/gtest.h>

#include "text/tokenizer.h"

namespace dyad::syntax {
namespace {

// "Officials in Kabul said ." with a hand-written parse.
TEST(TreeTest, SpanHeadAndCase) {
  Document doc = text::MakeDocument("Officials in Kabul said .");
  ASSERT_EQ(doc.tokens.size(), 5u);
  EXPECT_EQ(SpanHead(doc, 2, 3), -1);  // no parse yet
  const int32_t heads[] = {3, 2, 0, -1, 3};
  const char* rels[] = {"nsubj", "case", "nmod", "root", "punct"};
  for (uint32_t k = 0; k < 5; ++k) {
    doc.tokens[k].head = heads[k];
    doc.tokens[k].deprel = rels[k];
  }
  EXPECT_EQ(SpanHead(doc, 2, 3), 2);
  EXPECT_EQ(SpanHead(doc, 0, 3), 0);  // "Officials in Kabul": attached to "said" through token 0
  EXPECT_EQ(CaseOf(doc, 2, 2), "in");
  EXPECT_EQ(CaseOf(doc, 0, 0), "");
}

}  // namespace
}  // namespace dyad::syntax
