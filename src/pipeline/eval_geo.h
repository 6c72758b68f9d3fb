// `dyad eval geo FILE`: scores place resolution on tests/geo/geo_eval.tsv (the format and the
// scoring rule are in tests/geo/README.md). Each article's sentences become one document; each
// scored mention is looked up by its byte span. A place row is right when the resolved place is
// within 25 km of the expected point (admin1 and country rows also when the province or country
// matches); a country named as an actor counts by its ISO code. A NONE row is right when no place
// covers the span.
#ifndef DYAD_PIPELINE_EVAL_GEO_H_
#define DYAD_PIPELINE_EVAL_GEO_H_

#include <map>
#include <string>
#include <vector>

#include "dyad/coder.h"

namespace dyad::pipeline {

struct GeoScores {
  struct Counts {
    int rows = 0, right = 0;
  };
  Counts all, ambiguous, unambiguous, none;
  std::map<std::string, Counts> by_kind;
  int with_id = 0, id_right = 0;
  int bad_rows = 0;
  std::vector<std::string> details;  // one line per wrong row
  static double Pct(const Counts& c) { return c.rows == 0 ? 0.0 : 100.0 * c.right / c.rows; }
  std::string Format() const;
};

Result<GeoScores> EvaluateGeo(const Coder& coder, const std::string& path);

}  // namespace dyad::pipeline

#endif  // DYAD_PIPELINE_EVAL_GEO_H_
