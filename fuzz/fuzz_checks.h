// Checks the fuzz targets share.
#ifndef DYAD_FUZZ_FUZZ_CHECKS_H_
#define DYAD_FUZZ_FUZZ_CHECKS_H_

#include <cstddef>
#include <string_view>

namespace dyad::fuzz {

// "YYYY-MM-DD" with digits where digits belong (what a reader's date field must look like).
inline bool IsIsoDay(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  return true;
}

}  // namespace dyad::fuzz

#endif  // DYAD_FUZZ_FUZZ_CHECKS_H_
