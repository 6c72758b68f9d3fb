// Counts for the end-of-run summary of `dyad code --summary` (and `make demo`).
#ifndef DYAD_PIPELINE_SUMMARY_H_
#define DYAD_PIPELINE_SUMMARY_H_

#include <cstdint>
#include <map>
#include <string>

#include "dyad/document.h"

namespace dyad::pipeline {

struct Summary {
  int64_t articles = 0, sentences = 0, events = 0, errors = 0;
  std::map<std::string, int64_t> by_root;  // CAMEO root -> events
  std::map<std::string, int64_t> dyads;    // "SRC -> TGT" -> events

  void Add(const Document& doc);
  // A few lines of text: totals, events by CAMEO root, the top dyads.
  std::string Format(size_t top_dyads = 10) const;
};

}  // namespace dyad::pipeline

#endif  // DYAD_PIPELINE_SUMMARY_H_
