// The trained syntax model: part-of-speech tagger + dependency parser in one file
// (models/en.dyadparse), loaded once and then only read, so one Model serves all threads.
//
// In:  Document with tokens and sentences.  Out: Token::tag (Penn XPOS: VBD, NNS, NNP, ...),
// Token::lemma (WordNet lemmatizer, chosen by the tag), Token::head (document-global token
// index, -1 for the root) and Token::deprel (UD relation: nsubj, obj, obl, nmod, ...).
// Example: "Rebels seized the town." -> Rebels NNS nsubj->seized, seized VBD root,
// the DT det->town, town NN obj->seized, . . punct->seized.
//
//   auto model = syntax::Model::Load(syntax::FindModelPath());
//   if (model.ok()) syntax::TagAndParse(**model, &doc); else syntax::TagAndLemmatize(&doc);
#ifndef DYAD_SYNTAX_MODEL_H_
#define DYAD_SYNTAX_MODEL_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "syntax/parser.h"
#include "syntax/perceptron.h"
#include "syntax/tag_features.h"

namespace dyad::syntax {

// What the model says about one sentence.
struct SentenceAnalysis {
  std::vector<int> tags;    // tag ids (Model::xpos / Model::upos)
  std::vector<int> heads;   // sentence-local head index, -1 = root
  std::vector<int> labels;  // label ids (Model::label)
};

class Model {
 public:
  static Result<std::shared_ptr<const Model>> Load(const std::string& path);
  Status Save(const std::string& path) const;

  // Tags and parses one sentence. Thread-safe.
  void Analyze(const std::vector<WordInput>& words, SentenceAnalysis* out) const;
  // Only the tagger (for training the parser on predicted tags).
  void Tag(const std::vector<WordInput>& words, std::vector<int>* tags) const;

  std::string_view upos(int tag) const { return upos_[tag]; }
  std::string_view xpos(int tag) const { return xpos_[tag]; }
  std::string_view label(int l) const { return labels_[l]; }
  int num_tags() const { return static_cast<int>(upos_.size()); }
  bool has_parser() const { return has_parser_; }
  // Free text written at training time: data files, SHA-256, seed, epochs, dev scores.
  const std::string& metadata() const { return metadata_; }
  size_t bytes() const { return tagger_.bytes() + parser_.bytes(); }

 private:
  friend class Trainer;
  int DictTag(std::string_view form) const;
  // The tag a word takes without scoring: NNP for a known name, else its dictionary tag; -1 none.
  int FixedTag(const WordInput& w) const {
    return w.known_name && proper_tag_ >= 0 ? proper_tag_ : DictTag(w.form);
  }
  std::vector<std::string> upos_, xpos_, labels_;
  // Frequent words that (nearly) always take one tag ("the", ",", "of"): tagged without
  // scoring. Sorted by the hash of the word form (case kept).
  std::vector<std::pair<uint64_t, uint32_t>> tag_dict_;
  FrozenWeights tagger_, parser_;
  TransitionSystem transitions_;
  bool has_parser_ = false;
  int proper_tag_ = -1;  // NNP/PROPN: forced for WordInput::known_name
  std::string metadata_;
};

// $DYAD_MODEL, <binary dir>/models/en.dyadparse, <binary dir>/../models/en.dyadparse, then
// <source>/models/en.dyadparse; "" when none exists.
std::string FindModelPath();

// Fills tag, lemma, head and deprel of every token of every sentence. Thread-safe.
void TagAndParse(const Model& model, Document* doc);

// Lower-case lemma of a word given its Penn tag: WordNet for verbs and plural nouns, the
// clitics spelled out ('s VBZ -> be, n't -> not, 'll -> will), otherwise the word.
std::string LemmaFor(std::string_view lower, std::string_view xpos);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_MODEL_H_
