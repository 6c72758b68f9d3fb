// `dyad eval quiet FILE`: how often the coder invents events in news that should have few or none
// (sport, entertainment, technology). Reads JSON Lines with `text` and optionally `category`;
// reports events per 1,000 sentences and lists every event for review.
#ifndef DYAD_PIPELINE_EVAL_QUIET_H_
#define DYAD_PIPELINE_EVAL_QUIET_H_

#include <set>
#include <string>
#include <vector>

#include "dyad/coder.h"

namespace dyad::pipeline {

struct QuietScores {
  int articles = 0;
  int64_t sentences = 0;
  int64_t events = 0;
  int bad_lines = 0;
  std::vector<std::string> listing;  // "article_id<TAB>code<TAB>source -> target<TAB>sentence"
  double PerThousand() const { return sentences == 0 ? 0.0 : 1000.0 * events / sentences; }
  std::string Format() const;
};

// Codes the articles of `path` whose `category` is in `categories` (all when empty).
Result<QuietScores> EvaluateQuiet(const Coder& coder, const std::string& path,
                                  const std::set<std::string>& categories);

}  // namespace dyad::pipeline

#endif  // DYAD_PIPELINE_EVAL_QUIET_H_
