// Unit tests of the syntax model's parts: CoNLL-U, perceptron weights, the arc-eager oracle.
#include "syntax/parser.h"

#include <gtest/gtest.h>

#include "syntax/conllu.h"
#include "syntax/perceptron.h"

namespace dyad::syntax {
namespace {

const char kSample[] =
    "# sent_id = 1\n"
    "# text = Rebels didn't seize it.\n"
    "1\tRebels\trebel\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tseize\tseize\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "5\tit\tit\tPRON\tPRP\t_\t4\tobj\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n";

TEST(ConlluTest, ReadsWordsAndKeepsOtherLines) {
  auto r = ParseConllu(kSample);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 1u);
  const ConlluSentence& s = (*r)[0];
  ASSERT_EQ(s.words.size(), 6u);
  EXPECT_EQ(s.words[0].form, "Rebels");
  EXPECT_EQ(s.words[0].head, 3);
  EXPECT_EQ(s.words[3].head, -1);
  EXPECT_EQ(s.words[3].deprel, "root");
  EXPECT_EQ(s.text, "Rebels didn't seize it.");
  std::string out;
  AppendConllu(s, &out);
  EXPECT_EQ(out, kSample);
}

TEST(ConlluTest, MalformedLineIsAnError) {
  auto r = ParseConllu("1\tRebels\trebel\n");
  EXPECT_FALSE(r.ok());
}

TEST(PerceptronTest, LearnsAndSurvivesSerialisation) {
  PerceptronTrainer p(3);
  const uint64_t a[] = {Feat(1, 10), Feat(2, 20)};
  const uint64_t b[] = {Feat(1, 11), Feat(2, 20)};
  for (int i = 0; i < 20; ++i) {
    for (auto [feats, gold] : {std::pair{a, 0}, std::pair{b, 2}}) {
      float s[3] = {0, 0, 0};
      p.Score(feats, 2, s);
      int guess = static_cast<int>(std::max_element(s, s + 3) - s);
      if (guess != gold) {
        p.Update(feats, 2, gold, 1);
        p.Update(feats, 2, guess, -1);
      }
      p.Tick();
    }
  }
  FrozenWeights w = p.Freeze();
  std::string bytes;
  w.Write(&bytes);
  FrozenWeights r;
  const char* ptr = bytes.data();
  ASSERT_TRUE(r.Read(&ptr, bytes.data() + bytes.size()).ok());
  for (auto [feats, gold] : {std::pair{a, 0}, std::pair{b, 2}}) {
    int32_t s[3] = {0, 0, 0};
    r.Score(feats, 2, s);
    EXPECT_EQ(std::max_element(s, s + 3) - s, gold);
  }
  const char* bad = bytes.data();
  EXPECT_FALSE(r.Read(&bad, bytes.data() + bytes.size() / 2).ok());
}

// Following zero-cost transitions rebuilds any projective gold tree exactly.
TEST(ArcEagerTest, ZeroCostPathRebuildsProjectiveTree) {
  TransitionSystem ts{3, 0, 1};  // labels: 0 root, 1 dep, 2 other
  const std::vector<std::vector<int>> trees = {
      {3, 3, 3, -1, 3},        // Rebels did n't seize it
      {1, -1, 3, 1, 1, 6, 4},  // chains and right dependents
      {-1},
      {1, 2, -1, 2, 5, 3},
  };
  for (const std::vector<int>& gold : trees) {
    int n = static_cast<int>(gold.size());
    std::vector<int> gold_labels(n);
    for (int i = 0; i < n; ++i) gold_labels[i] = gold[i] < 0 ? 0 : 1 + i % 2;
    ParseState s(n);
    while (!s.Terminal()) {
      int costs[4];
      s.Costs(gold, costs);
      int next = -1;
      for (int c = 0; c < ts.num_classes() && next < 0; ++c) {
        if (!s.Valid(c, ts)) continue;
        int kind = c < 2 ? c : c < 2 + ts.num_labels ? 2 : 3;
        int l = (c - 2) % ts.num_labels;
        int s0 = s.StackAt(0), b = s.b();
        auto g = [&](int i) { return gold[i] < 0 ? n : gold[i]; };
        if (costs[kind] != 0) continue;
        if (kind == 2 && g(s0) == b && l != gold_labels[s0]) continue;
        if (kind == 3 && g(b) == s0 && l != gold_labels[b]) continue;
        next = c;
      }
      ASSERT_GE(next, 0);
      s.Apply(next, ts);
    }
    std::vector<int> heads, labels;
    s.Finish(ts, &heads, &labels);
    EXPECT_EQ(heads, gold);
    EXPECT_EQ(labels, gold_labels);
  }
}

}  // namespace
}  // namespace dyad::syntax
