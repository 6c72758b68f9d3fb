// A main() for builds without libFuzzer (g++, or clang without -DDYAD_BUILD_FUZZ=ON): runs every
// file named on the command line, or every regular file of a named directory (sorted, not
// recursive), through LLVMFuzzerTestOneInput once. ctest uses it to replay fuzz/corpus/<target>,
// so every input a fuzzer once found interesting is re-run by every ordinary build.
//
//   build/fuzz/jsonl_fuzz_replay fuzz/corpus/jsonl_fuzz
//
// Exits 1 when a path cannot be read or when nothing was run (an empty or missing corpus is a
// mistake, not a pass). A crash, sanitizer report or uncaught exception fails the process as it
// would under libFuzzer.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

bool RunFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: cannot read %s\n", path.c_str());
    return false;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Copy into an exact-size heap buffer so ASan sees reads past the end, as under libFuzzer.
  std::vector<uint8_t> buffer(bytes.begin(), bytes.end());
  LLVMFuzzerTestOneInput(buffer.data(), buffer.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  size_t runs = 0;
  bool ok = true;
  for (int a = 1; a < argc; ++a) {
    std::filesystem::path arg(argv[a]);
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(arg, ec)) {
      for (const auto& entry : std::filesystem::directory_iterator(arg, ec)) {
        if (entry.is_regular_file(ec)) files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
    } else {
      files.push_back(arg);
    }
    for (const auto& f : files) {
      std::fprintf(stderr, "replay: %s\n", f.c_str());
      if (RunFile(f)) ++runs;
      else ok = false;
    }
  }
  std::printf("replay: %zu inputs run\n", runs);
  return ok && runs > 0 ? 0 : 1;
}
