// Human-readable account of what each stage found in a Document, for `dyad explain`.
#ifndef DYAD_PIPELINE_EXPLAIN_H_
#define DYAD_PIPELINE_EXPLAIN_H_

#include <string>
#include <vector>

#include "dyad/document.h"
#include "events/coder.h"
#include "geo/resolver.h"

namespace dyad::pipeline {

// Appends sections (sentences and tokens, actors, places, dates, candidate events, events).
// `places` may be null (no gazetteer).
void DescribeDocument(const Document& doc, const std::vector<events::TraceLine>& trace,
                      const geo::PlaceResolver* places, std::vector<std::string>* lines);

}  // namespace dyad::pipeline

#endif  // DYAD_PIPELINE_EXPLAIN_H_
