// Serialises gazetteer entries into the file layout of gazetteer_format.h. Internal to the builder.
#ifndef DYAD_GEO_GAZETTEER_WRITER_H_
#define DYAD_GEO_GAZETTEER_WRITER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/status.h"

namespace dyad::geo {

// One entry as the builder assembles it.
struct BuildPlace {
  uint32_t geonames_id = 0;
  std::string name, feature, iso3, admin1_code, admin1_name;
  double lat = 0, lon = 0;  // degrees
  uint64_t population = 0;
  std::vector<std::string> keys;  // normalised name keys; duplicates allowed
};

struct WriteResult {
  size_t keys = 0, postings = 0;
  uint64_t file_bytes = 0;
};

// Writes `places` in order; entries [country_begin, places.size()) must be the PCLI entries sorted
// by iso3. Strings longer than 65535 bytes are cut (no real name comes close).
Result<WriteResult> WriteGazetteer(const std::vector<BuildPlace>& places, uint32_t country_begin,
                                   const std::string& path);

}  // namespace dyad::geo

#endif  // DYAD_GEO_GAZETTEER_WRITER_H_
