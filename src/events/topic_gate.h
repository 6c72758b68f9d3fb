// An article-level gate against over-coding: news about sport, entertainment or consumer
// technology uses the words of conflict for other things ("England attacked", "the film's killing
// spree", "denial of service attacks"). The gate counts topic words (data/lexicon/topics.tsv) over
// the article's lemmas; when the non-political topics clearly dominate, the article yields no
// events. Immutable after Load; thread-safe.
#ifndef DYAD_EVENTS_TOPIC_GATE_H_
#define DYAD_EVENTS_TOPIC_GATE_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "lexicon/lexicon_file.h"

namespace dyad::events {

struct TopicScore {
  int politics = 0;
  int other = 0;          // sport + entertainment + tech
  std::string dominant;   // the non-political topic with most words, or ""
  bool gated = false;     // the article yields no events
  std::string Describe() const;
};

class TopicGate {
 public:
  // Other topics must count at least kMinOther words and more than kRatio times the political
  // words for the gate to close.
  static constexpr int kMinOther = 8;
  static constexpr int kRatio = 3;

  static Result<std::shared_ptr<const TopicGate>> Load(const std::string& path,
                                                       std::vector<lexicon::Diagnostic>* diagnostics);
  static std::shared_ptr<const TopicGate> FromText(std::string_view text,
                                                   std::vector<lexicon::Diagnostic>* diagnostics);
  // Scores a tagged document (uses Token::lemma and Token::lower).
  TopicScore Score(const Document& doc) const;

 private:
  std::string AddLine(const lexicon::LexiconLine& line);
  std::unordered_map<std::string, std::string> topic_of_;  // word -> topic
  std::string version_;
};

}  // namespace dyad::events

#endif  // DYAD_EVENTS_TOPIC_GATE_H_
