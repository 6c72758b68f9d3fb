#include "syntax/parser.h"

#include <algorithm>
#include <cassert>

namespace dyad::syntax {

ParseState::ParseState(int n) : n_(n), heads_(n, -1), labels_(n, -1), nodes_(n + 1) {
  stack_.reserve(n);
}

bool ParseState::Valid(int t, const TransitionSystem& ts) const {
  bool has_s0 = !stack_.empty();
  if (t == 0) return b_ < n_;
  if (t == 1) return has_s0 && heads_[stack_.back()] != -1;
  if (!has_s0) return false;
  int l = (t - 2) % ts.num_labels;
  if (t < 2 + ts.num_labels) return heads_[stack_.back()] == -1 && ((b_ == n_) == (l == ts.root_label));
  return b_ < n_ && l != ts.root_label;
}

void ParseState::AddArc(int h, int d, int label) {
  heads_[d] = h;
  labels_[d] = label;
  Node& node = nodes_[h];
  uint64_t bit = label < 64 ? uint64_t{1} << label : 0;
  if (d < h) {
    node.l2 = node.l1;
    node.l1 = d;
    ++node.nl;
    node.lset |= bit;
  } else {
    node.r2 = node.r1;
    node.r1 = d;
    ++node.nr;
    node.rset |= bit;
  }
}

void ParseState::Apply(int t, const TransitionSystem& ts) {
  if (t == 0) {
    stack_.push_back(b_++);
  } else if (t == 1) {
    stack_.pop_back();
  } else if (t < 2 + ts.num_labels) {
    AddArc(b_, stack_.back(), t - 2);
    stack_.pop_back();
  } else {
    AddArc(stack_.back(), b_, t - 2 - ts.num_labels);
    stack_.push_back(b_++);
  }
}

void ParseState::Costs(const std::vector<int>& gold, int costs[4]) const {
  auto g = [&](int i) { return gold[i] < 0 ? n_ : gold[i]; };
  int s0 = StackAt(0);
  costs[0] = costs[1] = costs[2] = costs[3] = 0;
  if (b_ < n_) {  // SHIFT and RIGHT lose b's arcs to and from the stack
    int gb = g(b_);
    for (int k : stack_) {
      if (gb == k) ++costs[0];
      if (heads_[k] == -1 && g(k) == b_) {
        ++costs[0];
        ++costs[3];
      }
    }
    if (s0 >= 0 && gb != s0) {
      if (gb > b_) ++costs[3];
      else if (std::find(stack_.begin(), stack_.end(), gb) != stack_.end()) ++costs[3];
    }
  }
  if (s0 >= 0) {  // REDUCE and LEFT lose s0's dependents in the buffer
    int deps = 0;
    for (int d = b_; d < n_; ++d) deps += g(d) == s0;
    costs[1] = deps;
    costs[2] = deps + (g(s0) > b_ ? 1 : 0);
  }
}

void ParseState::Finish(const TransitionSystem& ts, std::vector<int>* heads, std::vector<int>* labels) const {
  heads->assign(n_, -1);
  labels->assign(n_, ts.root_label);
  int root = -1;
  for (int i = 0; i < n_; ++i) {
    int h = heads_[i];
    if (h >= 0 && h < n_) {
      (*heads)[i] = h;
      (*labels)[i] = labels_[i];
    } else if (root < 0) {
      root = i;
    }
  }
  for (int i = 0; i < n_; ++i) {
    int h = heads_[i];
    if ((h < 0 || h >= n_) && i != root) {
      (*heads)[i] = root;
      (*labels)[i] = ts.extra_root_label;
    }
  }
}

namespace {

uint64_t Distance(int a, int b) {
  if (a < 0 || b < 0) return 0;
  int d = b - a;
  return d < 5 ? static_cast<uint64_t>(d) : d < 10 ? 5 : 6;
}

uint64_t Label(int l) { return l < 0 ? 999 : static_cast<uint64_t>(l); }

}  // namespace

int ParserFeatures::Extract(const ParseState& s, uint64_t* out) const {
  int s0 = s.StackAt(0), s1 = s.StackAt(1);
  int n0 = s.b();
  int n1 = n0 + 1 < s.n() ? n0 + 1 : -1;
  int n2 = n0 + 2 < s.n() ? n0 + 2 : -1;
  int s0h = s.head(s0);
  if (s0h >= s.n()) s0h = -1;
  int s0h2 = s.head(s0h);
  if (s0h2 >= s.n()) s0h2 = -1;
  int s0l = s.left1(s0), s0l2 = s.left2(s0), s0r = s.right1(s0), s0r2 = s.right2(s0);
  int n0l = s.left1(n0), n0l2 = s.left2(n0);
  uint64_t s0w = W(s0), s0p = P(s0), n0w = W(n0), n0p = P(n0), n1w = W(n1), n1p = P(n1),
           n2w = W(n2), n2p = P(n2);
  uint64_t s0wp = s0w * 31 + s0p, n0wp = n0w * 31 + n0p, n1wp = n1w * 31 + n1p, n2wp = n2w * 31 + n2p;
  uint64_t d = Distance(s0, n0);
  uint64_t s0vl = static_cast<uint64_t>(s.left_count(s0)), s0vr = static_cast<uint64_t>(s.right_count(s0));
  uint64_t n0vl = static_cast<uint64_t>(s.left_count(n0));
  int n = 0;
  uint64_t t = 0;
  auto f1 = [&](uint64_t a) { out[n++] = Feat(++t, a); };
  auto f2 = [&](uint64_t a, uint64_t b) { out[n++] = Feat(++t, a, b); };
  auto f3 = [&](uint64_t a, uint64_t b, uint64_t c) { out[n++] = Feat(++t, a, b, c); };
  // Single words.
  f1(s0wp); f1(s0w); f1(s0p); f1(n0wp); f1(n0w); f1(n0p);
  f1(n1wp); f1(n1w); f1(n1p); f1(n2wp); f1(n2w); f1(n2p);
  // Pairs.
  f2(s0wp, n0wp); f2(s0wp, n0w); f2(s0w, n0wp); f2(s0wp, n0p); f2(s0p, n0wp); f2(s0w, n0w);
  f2(s0p, n0p); f2(n0p, n1p);
  // Three words.
  f3(n0p, n1p, n2p); f3(s0p, n0p, n1p); f3(P(s0h), s0p, n0p); f3(s0p, P(s0l), n0p);
  f3(s0p, P(s0r), n0p); f3(s0p, n0p, P(n0l));
  // Distance.
  f2(s0w, d); f2(s0p, d); f2(n0w, d); f2(n0p, d); f3(s0w, n0w, d); f3(s0p, n0p, d);
  // Valency.
  f2(s0w, s0vr); f2(s0p, s0vr); f2(s0w, s0vl); f2(s0p, s0vl); f2(n0w, n0vl); f2(n0p, n0vl);
  // Heads and dependents.
  f1(W(s0h)); f1(P(s0h)); f1(Label(s.label(s0))); f1(W(s0l)); f1(P(s0l)); f1(Label(s.label(s0l)));
  f1(W(s0r)); f1(P(s0r)); f1(Label(s.label(s0r))); f1(W(n0l)); f1(P(n0l)); f1(Label(s.label(n0l)));
  // Third order.
  f1(P(s0h2)); f1(Label(s.label(s0h))); f1(P(s0l2)); f1(Label(s.label(s0l2)));
  f1(P(s0r2)); f1(Label(s.label(s0r2))); f1(P(n0l2)); f1(Label(s.label(n0l2)));
  f3(s0p, P(s0l), P(s0l2)); f3(s0p, P(s0r), P(s0r2)); f3(s0p, P(s0h), P(s0h2)); f3(n0p, P(n0l), P(n0l2));
  // Label sets.
  f2(s0w, s.right_labels(s0)); f2(s0p, s.right_labels(s0)); f2(s0w, s.left_labels(s0));
  f2(s0p, s.left_labels(s0)); f2(n0w, s.left_labels(n0)); f2(n0p, s.left_labels(n0));
  // The second stack word (for attachments after a reduce) and lexicalised context.
  f1(W(s1)); f1(P(s1)); f3(P(s1), s0p, n0p); f3(P(s1), s0p, Label(s.label(s0)));
  return n;
}

void Parse(const FrozenWeights& weights, const TransitionSystem& ts, const uint64_t* words,
           const int* tags, int n, std::vector<int>* heads, std::vector<int>* labels) {
  ParseState state(n);
  ParserFeatures features(words, tags, n);
  uint64_t feats[ParserFeatures::kMaxFeatures];
  thread_local std::vector<int32_t> scores;
  scores.resize(weights.score_size());
  const int left = 2, right = 2 + ts.num_labels;
  while (!state.Terminal()) {
    int s0 = state.StackAt(0);
    bool at_root = state.b() == state.n();
    if (s0 < 0 || at_root) {  // forced: SHIFT onto an empty stack; REDUCE or LEFT-root at the end
      state.Apply(s0 < 0 ? 0 : state.head(s0) != -1 ? 1 : left + ts.root_label, ts);
      continue;
    }
    int nf = features.Extract(state, feats);
    std::fill(scores.begin(), scores.end(), 0);
    weights.Score(feats, nf, scores.data());
    // The valid moves, by group (the same as Valid(), without a call per class).
    int best = -1;
    auto consider = [&](int c) {
      if (best < 0 || scores[c] > scores[best]) best = c;
    };
    if (!at_root) consider(0);
    if (s0 >= 0 && state.head(s0) != -1) consider(1);
    if (s0 >= 0 && state.head(s0) == -1) {
      if (at_root) {
        consider(left + ts.root_label);
      } else {
        for (int l = 0; l < ts.num_labels; ++l) {
          if (l != ts.root_label) consider(left + l);
        }
      }
    }
    if (s0 >= 0 && !at_root) {
      for (int l = 0; l < ts.num_labels; ++l) {
        if (l != ts.root_label) consider(right + l);
      }
    }
    assert(best >= 0 && state.Valid(best, ts));
    state.Apply(best, ts);
  }
  state.Finish(ts, heads, labels);
}

}  // namespace dyad::syntax
