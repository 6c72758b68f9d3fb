#include "lexicon/lexicon_cli.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "lexicon/cameo_table.h"
#include "lexicon/petrarch_import.h"

namespace dyad::lexicon {
namespace {

const char kImportUsage[] =
    "usage: dyad lexicon import --from petrarch DIR -o OUTDIR [--cameo CAMEO_CODES.tsv]\n"
    "  converts the TABARI/PETRARCH actor (*.actors.txt) and agent (*agents*) dictionaries in DIR\n"
    "  into dyad .actors files in OUTDIR; code with them on top of dyad's actors with\n"
    "  `dyad code --actors OUTDIR`, or instead of them with `--actors OUTDIR --only-actors`.\n"
    "  Verb pattern dictionaries in DIR (\"--- VERB [code] ---\" blocks) become\n"
    "  OUTDIR/imported_verbs.events, checked against the CAMEO code table; code with them on top\n"
    "  of dyad's events with `dyad code --events OUTDIR`\n";

int Usage(const char* why) {
  if (why != nullptr) std::fprintf(stderr, "dyad: %s\n", why);
  std::fputs(kImportUsage, stderr);
  return 2;
}

// dyad's CAMEO code table: $DYAD_DATA/cameo, then the source tree's data/cameo; "" if neither.
std::string DefaultCameoTable() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (const char* env = std::getenv("DYAD_DATA"); env != nullptr && *env != '\0') {
    fs::path p = fs::path(env) / "cameo" / "cameo_codes.tsv";
    if (fs::exists(p, ec)) return p.string();
  }
  fs::path p = fs::path(DYAD_SOURCE_DIR) / "data" / "cameo" / "cameo_codes.tsv";
  return fs::exists(p, ec) ? p.string() : "";
}

}  // namespace

int RunLexiconImport(int argc, char** argv) {
  std::string from, dir, out_dir, cameo_path;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--from" || a == "-o" || a == "--out" || a == "--cameo") {
      if (i + 1 >= argc) return Usage((a + " needs a value").c_str());
      (a == "--from" ? from : a == "--cameo" ? cameo_path : out_dir) = argv[++i];
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
  if (std::error_code ec; !std::filesystem::is_directory(dir, ec)) {
    std::fprintf(stderr, "dyad: %s is not a directory\n", dir.c_str());
    return 1;
  }
  if (cameo_path.empty()) cameo_path = DefaultCameoTable();
  std::shared_ptr<const CameoTable> cameo;
  if (!cameo_path.empty()) {
    auto table = CameoTable::Load(cameo_path);
    if (!table.ok()) {
      std::fprintf(stderr, "dyad: %s\n", table.status().ToString().c_str());
      return 1;
    }
    cameo = *table;
  } else {
    std::fprintf(stderr, "dyad: warning: CAMEO code table not found (set DYAD_DATA or --cameo); "
                         "verb codes are checked for form only\n");
  }
  ImportStats stats;
  Status actors = ImportPetrarchActors(dir, out_dir, &stats);
  Status verbs = ImportPetrarchVerbs(dir, out_dir, cameo.get(), &stats.verbs);
  std::fputs(stats.Format().c_str(), stdout);
  // Either kind of dictionary is enough; a real error (not "none found") in either fails.
  if (actors.code() == StatusCode::kNotFound && verbs.code() == StatusCode::kNotFound) {
    std::fprintf(stderr, "dyad: no actor, agent or verb dictionaries in %s\n", dir.c_str());
    return 1;
  }
  for (const Status& st : {actors, verbs}) {
    if (!st.ok() && st.code() != StatusCode::kNotFound) {
      std::fprintf(stderr, "dyad: %s\n", st.ToString().c_str());
      return 1;
    }
  }
  return 0;
}

}  // namespace dyad::lexicon
