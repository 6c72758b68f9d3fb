#include "common/paths.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace dyad::paths {
namespace {

bool Exists(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::exists(p, ec);
}

}  // namespace

std::filesystem::path BinaryDir() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  buf[n] = '\0';
  return std::filesystem::path(buf).parent_path();
}

std::string FindDataDir() {
  if (const char* env = std::getenv("DYAD_DATA"); env && *env) return env;
  for (const auto& p : {BinaryDir() / ".." / "data", BinaryDir() / "data",
                        std::filesystem::path(DYAD_SOURCE_DIR) / "data"}) {
    if (Exists(p / "lexicon") && Exists(p / "cameo")) return std::filesystem::weakly_canonical(p).string();
  }
  return "";
}

std::string FindGazetteer() {
  if (const char* env = std::getenv("DYAD_GAZETTEER"); env && *env) return env;
  if (const char* env = std::getenv("DYAD_DATA_DIR"); env && *env) {
    auto p = std::filesystem::path(env) / "gazetteer.bin";
    if (Exists(p)) return p.string();
  }
  for (const auto& p : {BinaryDir() / "data" / "gazetteer.bin",
                        std::filesystem::path(DYAD_SOURCE_DIR) / "build" / "data" / "gazetteer.bin"}) {
    if (Exists(p)) return p.string();
  }
  return "";
}

}  // namespace dyad::paths
