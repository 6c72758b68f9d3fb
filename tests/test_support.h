// Helpers shared by the whole-pipeline tests.
#ifndef DYAD_TESTS_TEST_SUPPORT_H_
#define DYAD_TESTS_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "dyad/coder.h"

namespace dyad::testing {

// ../shared beside the checkout, or "" when it is absent.
inline std::string SharedDir() {
  auto p = std::filesystem::path(DYAD_TEST_DIR) / ".." / ".." / "shared";
  std::error_code ec;
  return std::filesystem::is_directory(p, ec) ? std::filesystem::weakly_canonical(p).string() : "";
}

inline bool RequireShared() {
  const char* v = std::getenv("DYAD_REQUIRE_SHARED");
  return v != nullptr && std::string(v) == "1";
}

// Skips the test (or fails it under DYAD_REQUIRE_SHARED=1) when `path` does not exist.
#define DYAD_NEED_SHARED_FILE(path)                                                          \
  do {                                                                                       \
    if (!std::filesystem::exists(path)) {                                                    \
      if (::dyad::testing::RequireShared()) FAIL() << "missing shared data: " << (path);     \
      std::printf("skipped: %s not found (no ../shared)\n", std::string(path).c_str());     \
      GTEST_SKIP() << "no ../shared";                                                        \
    }                                                                                        \
  } while (0)

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One Coder for the whole test binary (loading dictionaries once).
inline const Coder& SharedCoder() {
  static std::unique_ptr<Coder> coder = [] {
    auto c = Coder::Create(CoderConfig{});
    if (!c.ok()) {
      std::fprintf(stderr, "cannot create coder: %s\n", c.status().ToString().c_str());
      std::abort();
    }
    return std::move(*c);
  }();
  return *coder;
}

}  // namespace dyad::testing

#endif  // DYAD_TESTS_TEST_SUPPORT_H_
