// Our tokenizer and sentence splitter against the gold words of the UD English test sets
// (../shared/data/ud): prints the figures of `dyad parse --eval-tokens` and fails below the
// floors, which sit just under the measured figures (docs/BENCHMARKS.md). Skips without
// ../shared unless DYAD_REQUIRE_SHARED=1.
#include <cstdio>
#include <ostream>

#include "syntax/conllu.h"
#include "syntax/token_eval.h"
#include "test_support.h"

namespace dyad {
namespace {

struct Floors {
  const char* file;
  double words_f1, sentences_f1;
};
void PrintTo(const Floors& f, std::ostream* os) { *os << f.file; }

class TokenizerEvalTest : public ::testing::TestWithParam<Floors> {};

TEST_P(TokenizerEvalTest, AboveFloors) {
  const Floors& f = GetParam();
  std::string path = testing::SharedDir() + "/data/ud/" + f.file;
  DYAD_NEED_SHARED_FILE(path);
  auto gold = syntax::ReadConlluFile(path);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  syntax::TokenEvalResult r = syntax::EvaluateTokenizer(*gold);
  std::printf("%s: %s", f.file, r.ToString().c_str());
  EXPECT_TRUE(r.skipped.empty()) << r.skipped.front();
  EXPECT_GE(r.words_by_sentence.F1(), f.words_f1) << "words F1, each sentence alone";
  EXPECT_GE(r.words_in_documents.F1(), f.words_f1) << "words F1, whole documents";
  EXPECT_GE(r.sentence_spans.F1(), f.sentences_f1) << "sentence F1";
}

INSTANTIATE_TEST_SUITE_P(UdTestSets, TokenizerEvalTest,
                         ::testing::Values(Floors{"en_ewt-ud-test.conllu", 98.3, 83.5},
                                           Floors{"en_gum-ud-test.conllu", 99.5, 95.5}),
                         [](const auto& info) { return info.index == 0 ? "EWT" : "GUM"; });

}  // namespace
}  // namespace dyad
