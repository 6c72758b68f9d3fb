// Transition-based dependency parser: arc-eager (Nivre 2003) with the root at the end of the
// buffer (Ballesteros & Nivre 2013), labelled transitions, greedy decoding, and the feature
// templates of Zhang & Nivre (2011): words and tags of the stack top, its head and grandhead,
// its two leftmost and rightmost dependents, the first three buffer words, distance, valency
// and the label sets of the dependents. Trained with a dynamic oracle (Goldberg & Nivre 2012).
//
// In:  a sentence's word hashes and predicted tags.  Out: heads (-1 = root) and label ids.
// Example: "Rebels seized the town" -> seized is root; Rebels nsubj, town obj, the det.
#ifndef DYAD_SYNTAX_PARSER_H_
#define DYAD_SYNTAX_PARSER_H_

#include <cstdint>
#include <vector>

#include "syntax/perceptron.h"

namespace dyad::syntax {

// Transitions: 0 SHIFT, 1 REDUCE, 2 + l LEFT-ARC with label l, 2 + L + l RIGHT-ARC with label l.
struct TransitionSystem {
  int num_labels = 0;
  int root_label = 0;
  int extra_root_label = 0;  // for words left without a head when the sentence already has a root
  int num_classes() const { return 2 + 2 * num_labels; }
};

class ParseState {
 public:
  // `n` words; word n is the artificial root at the end of the buffer.
  explicit ParseState(int n);
  bool Terminal() const { return b_ == n_ && stack_.empty(); }
  bool Valid(int t, const TransitionSystem& ts) const;
  void Apply(int t, const TransitionSystem& ts);
  // Cost of each unlabelled move (SHIFT, REDUCE, LEFT, RIGHT) against gold heads (-1 = root):
  // how many gold arcs it makes unreachable (Goldberg & Nivre 2012). `costs` has 4 entries.
  void Costs(const std::vector<int>& gold_heads, int costs[4]) const;
  // Heads with -1 for the root; more than one root word is reattached to the first.
  void Finish(const TransitionSystem& ts, std::vector<int>* heads, std::vector<int>* labels) const;

  int n() const { return n_; }
  int b() const { return b_; }
  int StackAt(int k) const {
    return k < static_cast<int>(stack_.size()) ? stack_[stack_.size() - 1 - k] : -1;
  }
  int head(int i) const { return i < 0 || i >= n_ ? -1 : heads_[i]; }
  int label(int i) const { return i < 0 || i >= n_ ? -1 : labels_[i]; }
  int left1(int i) const { return i < 0 ? -1 : nodes_[i].l1; }
  int left2(int i) const { return i < 0 ? -1 : nodes_[i].l2; }
  int right1(int i) const { return i < 0 || i >= n_ ? -1 : nodes_[i].r1; }
  int right2(int i) const { return i < 0 || i >= n_ ? -1 : nodes_[i].r2; }
  int left_count(int i) const { return i < 0 ? 0 : nodes_[i].nl; }
  int right_count(int i) const { return i < 0 || i >= n_ ? 0 : nodes_[i].nr; }
  uint64_t left_labels(int i) const { return i < 0 ? 0 : nodes_[i].lset; }
  uint64_t right_labels(int i) const { return i < 0 || i >= n_ ? 0 : nodes_[i].rset; }

 private:
  struct Node {
    int l1 = -1, l2 = -1, r1 = -1, r2 = -1, nl = 0, nr = 0;
    uint64_t lset = 0, rset = 0;
  };
  void AddArc(int h, int d, int label);

  int n_;
  int b_ = 0;
  std::vector<int> stack_;
  std::vector<int> heads_, labels_;  // -1 = none yet; heads_ == n_ means the root
  std::vector<Node> nodes_;          // n_ + 1 (the root too)
};

class ParserFeatures {
 public:
  static constexpr int kMaxFeatures = 96;
  // `words[i]` is the hash of word i's lower-case form, `tags[i]` its tag id; both have n entries.
  ParserFeatures(const uint64_t* words, const int* tags, int n) : words_(words), tags_(tags), n_(n) {}
  int Extract(const ParseState& s, uint64_t* out) const;

 private:
  uint64_t W(int i) const { return i < 0 ? 1 : i >= n_ ? 2 : words_[i]; }
  uint64_t P(int i) const { return i < 0 ? 1000 : i >= n_ ? 1001 : static_cast<uint64_t>(tags_[i]); }
  const uint64_t* words_;
  const int* tags_;
  int n_;
};

// Greedy parse with frozen weights.
void Parse(const FrozenWeights& weights, const TransitionSystem& ts, const uint64_t* words,
           const int* tags, int n, std::vector<int>* heads, std::vector<int>* labels);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_PARSER_H_
