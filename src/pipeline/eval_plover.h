// `dyad eval plover FILE`: scores the coder against PLOVER gold sentences (JSON Lines with `text`,
// `event` (a PLOVER 0.5 category), `source`/`target` lists of {actorText, code}).
//
// CAMEO codes map to PLOVER 0.5 categories as the CAMEO manual groups them: 03 AGREE, 04 CONSULT,
// 05 SUPPORT, 06 COOPERATE, 07 AID, 080-083 CONCEDE, 084-087 RETREAT, 09 INVESTIGATE, 10 DEMAND,
// 11 DISAPPROVE, 12 REJECT, 13 THREATEN, 14 PROTEST, 15 MOBILIZE, 16 SANCTION, 17 COERCE,
// 18 ASSAULT, 19-20 FIGHT. Roots 01 and 02 have no category and are counted on their own line.
#ifndef DYAD_PIPELINE_EVAL_PLOVER_H_
#define DYAD_PIPELINE_EVAL_PLOVER_H_

#include <map>
#include <string>
#include <vector>

#include "dyad/coder.h"

namespace dyad::pipeline {

// "" for roots 01 and 02.
std::string PloverCategory(const std::string& cameo);

struct PloverScores {
  struct Counts {
    int gold = 0;          // gold sentences of this category
    int found = 0;         // ... where an event of the category was coded
    int events = 0;        // coded events of this category (all sentences)
    int events_right = 0;  // ... in sentences whose gold category it is
  };
  int sentences = 0;
  int coded = 0;            // sentences with at least one event
  int category_hit = 0;     // the gold category among the sentence's events
  int events = 0;           // events with a PLOVER category
  int events_right = 0;     // ... equal to the sentence's gold category
  int events_01_02 = 0;     // statements and appeals (no PLOVER 0.5 category)
  int source_match = 0;     // gold category and a gold source country on one event
  int source_target_match = 0;
  int bad_lines = 0;
  std::map<std::string, Counts> by_category;
  std::vector<std::string> details;  // one line per sentence: gold vs coded

  double Pct(int n, int d) const { return d == 0 ? 0.0 : 100.0 * n / d; }
  std::string Format() const;
};

// Reads `path` and scores every sentence with `coder`. IoError if the file cannot be read.
Result<PloverScores> EvaluatePlover(const Coder& coder, const std::string& path);

}  // namespace dyad::pipeline

#endif  // DYAD_PIPELINE_EVAL_PLOVER_H_
