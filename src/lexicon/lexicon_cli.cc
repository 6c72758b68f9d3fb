#include "lexicon/lexicon_cli.h"

#include <cstdio>
#include <string>

#include "lexicon/petrarch_import.h"

namespace dyad::lexicon {
namespace {

const char kImportUsage[] =
    "usage: dyad lexicon import --from petrarch DIR -o OUTDIR\n"
    "  converts the TABARI/PETRARCH actor (*.actors.txt) and agent (*agents*) dictionaries in DIR\n"
    "  into dyad .actors files in OUTDIR; code with them on top of dyad's actors with\n"
    "  `dyad code --actors OUTDIR`, or instead of them with `--actors OUTDIR --only-actors`\n";

int Usage(const char* why) {
  if (why != nullptr) std::fprintf(stderr, "dyad: %s\n", why);
  std::fputs(kImportUsage, stderr);
  return 2;
}

}  // namespace

int RunLexiconImport(int argc, char** argv) {
  std::string from, dir, out_dir;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--from" || a == "-o" || a == "--out") {
      if (i + 1 >= argc) return Usage((a + " needs a value").c_str());
      (a == "--from" ? from : out_dir) = argv[++i];
    } else if (a == "-h" || a == "--help") {
      std::fputs(kImportUsage, stdout);
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      return Usage(("unknown option " + a).c_str());
    } else if (dir.empty()) {
      dir = a;
    } else {
      return Usage("more than one input directory");
    }
  }
  if (from.empty()) from = "petrarch";
  if (from != "petrarch" && from != "tabari") return Usage("--from must be petrarch (or tabari)");
  if (dir.empty() || out_dir.empty()) return Usage("an input directory and -o OUTDIR are needed");
  ImportStats stats;
  Status st = ImportPetrarchActors(dir, out_dir, &stats);
  std::fputs(stats.Format().c_str(), stdout);
  if (!st.ok()) {
    std::fprintf(stderr, "dyad: %s\n", st.ToString().c_str());
    return 1;
  }
  return 0;
}

}  // namespace dyad::lexicon
