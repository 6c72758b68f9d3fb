// Where dyad finds its runtime data: environment first, then next to the binary, then the
// source tree it was built from.
#ifndef DYAD_COMMON_PATHS_H_
#define DYAD_COMMON_PATHS_H_

#include <filesystem>
#include <string>

namespace dyad::paths {

// The directory of the running executable (/proc/self/exe), or an empty path.
std::filesystem::path BinaryDir();

// A directory with lexicon/ and cameo/: $DYAD_DATA, <binary dir>/../data, <source>/data.
std::string FindDataDir();
// $DYAD_GAZETTEER, <binary dir>/data/gazetteer.bin, <source>/build/data/gazetteer.bin; "" if none.
std::string FindGazetteer();

}  // namespace dyad::paths

#endif  // DYAD_COMMON_PATHS_H_
