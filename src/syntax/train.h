// Training and evaluation of the syntax model (`dyad train`, `dyad parse --input conllu`).
//
// In:  CoNLL-U training files (UD EWT + GUM train), dev files for model selection, and files
//      whose sentences must not be trained on (the test sets: a handful of short sentences such
//      as "Thanks ." occur in both).  Out: models/en.dyadparse.
// Steps: (1) the tagger, an averaged perceptron, for up to `tagger_epochs`, keeping the epoch
// best on dev; (2) jackknifed tags for the training sentences (k folds, so the parser learns
// from tags as noisy as at run time); (3) the parser with a dynamic oracle for up to
// `parser_epochs`, keeping the epoch with the best dev LAS. Deterministic for a given seed:
// the shuffles use our own generator, and the folds run in threads whose results do not
// depend on timing.
#ifndef DYAD_SYNTAX_TRAIN_H_
#define DYAD_SYNTAX_TRAIN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/status.h"
#include "syntax/conllu.h"
#include "syntax/model.h"

namespace dyad::syntax {

struct TrainOptions {
  std::vector<std::string> train_files;
  std::vector<std::string> dev_files;
  std::vector<std::string> exclude_files;
  std::string output;
  int tagger_epochs = 10;
  int parser_epochs = 15;
  int folds = 4;
  int threads = 2;
  uint64_t seed = 1;
  double tagger_mb = 4.0;   // weight budgets: the smallest weights are pruned to fit
  double parser_mb = 10.5;
  bool tagger_only = false;
};

Status TrainModel(const TrainOptions& options);

// CoNLL 2018 scores over all words (punctuation included); gold tokenization.
struct EvalScores {
  size_t words = 0, upos = 0, xpos = 0, uas = 0, las = 0;
  double Pct(size_t k) const { return words ? 100.0 * static_cast<double>(k) / static_cast<double>(words) : 0; }
  std::string ToString() const;
};

// Tags and parses each sentence's words (forms only are read) and scores against the gold
// columns. When `predicted` is non-null it receives the sentences with the model's columns.
EvalScores Evaluate(const Model& model, const std::vector<ConlluSentence>& gold,
                    std::vector<ConlluSentence>* predicted = nullptr);

// The key under which training excludes a sentence: its word forms joined by spaces.
std::string SentenceKey(const ConlluSentence& s);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_TRAIN_H_
