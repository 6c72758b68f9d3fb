// The CAMEO code table (data/cameo/cameo_codes.tsv): names, Goldstein weights, QuadClass and
// the PLOVER category of every code. Immutable after Load.
#ifndef DYAD_LEXICON_CAMEO_TABLE_H_
#define DYAD_LEXICON_CAMEO_TABLE_H_

#include <memory>
#include <string>
#include <unordered_map>

#include "dyad/status.h"

namespace dyad::lexicon {

struct CameoCode {
  std::string code, name, plover;
  std::string plover_mode, plover_context;  // the CAMEO->PLOVER table's mode and context, or ""
  double goldstein = 0;
  int quad_class = 0;
};

class CameoTable {
 public:
  static Result<std::shared_ptr<const CameoTable>> Load(const std::string& path);
  static Result<std::shared_ptr<const CameoTable>> FromText(std::string_view text);
  const CameoCode* Find(std::string_view code) const;
  size_t size() const { return codes_.size(); }

 private:
  std::unordered_map<std::string, CameoCode> codes_;
};

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_CAMEO_TABLE_H_
