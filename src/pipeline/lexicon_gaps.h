// `dyad lexicon gaps CORPUS`: the person and organisation names dyad could not resolve, ranked,
// as input for a reviewed lexicon update.
//
// In:  articles (JSON Lines or .txt, read with ArticleReader), coded by a Coder.
// Out: one row per name: how often it occurs, whether it looks like a person or an organisation,
//      the role (CAMEO sector) and country the text suggests, the cues seen and an example.
//
// A name is a run of capitalised words (with particles such as "al", "bin", "de") that no actor,
// place or date mention covers, or that dyad read as a person without a country ("title+name"
// with no country). It counts as a gap only with a cue that it names a person or organisation:
// clang-format off
//   title      right after a role ("rebel commander Ali Musa"), when dyad did not take the name;
//   appos      in apposition with a role ("Ali Musa, the rebel commander," / "the army chief,
//              Ali Musa,");
//   said       followed by a speech verb ("Ali Musa said");
//   org-word   ending in an organisation word ("Musa Liberation Front").
// clang-format on
// The suggested role and country come from the role mention of the cue or, failing that, the
// nearest actor mention with a sector / a country in the same sentence.
//
// A person's name of two words or more, most of which the corpus writes in lower case more often
// than capitalised ("Replay More Videos", "Editorial Board": page furniture), is left out.
//
// Example: "Ali Musa, the Sudanese army spokesman, said ..." -> row
//   Ali Musa  person  1  MIL  SDN  appos,said  "Ali Musa, the Sudanese army spokesman, said ..."
#ifndef DYAD_PIPELINE_LEXICON_GAPS_H_
#define DYAD_PIPELINE_LEXICON_GAPS_H_

#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dyad/coder.h"

namespace dyad::pipeline {

struct GapRow {
  std::string name;
  std::string kind;  // "person" or "org"
  int count = 0;
  int articles = 0;
  std::map<std::string, int> sectors, countries, cues;
  std::vector<std::string> examples;  // up to 2 sentences
  std::string last_article;
  std::string BestSector() const;
  std::string BestCountry() const;
};

// Collects gaps over many documents. Not thread-safe; use one per thread and merge, or one in all.
class GapCollector {
 public:
  // `doc` must have been coded (Coder::Code).
  void Add(const Document& doc);
  // Rows with at least `min_count` occurrences, most frequent first (ties by name).
  std::vector<GapRow> Ranked(int min_count = 1) const;
  int articles() const { return articles_; }
  // TSV with a header: name, kind, count, articles, sector, country, cues, example.
  static std::string FormatTsv(const std::vector<GapRow>& rows);

 private:
  // Whether the name has two words or more and most of them are written in lower case more often
  // than capitalised in the corpus ("Replay More Videos", "Editorial Board"): page furniture, not a
  // name.
  bool CommonWords(const std::string& name) const;

  std::map<std::string, GapRow> rows_;
  // Per word (lower case): times seen capitalised (not opening a sentence) and in lower case.
  std::unordered_map<std::string, std::pair<int, int>> word_case_;
  int articles_ = 0;
};

// `dyad lexicon gaps CORPUS... [--min-count N] [--top N] [-o OUT.tsv]`. `argv` is the whole
// command line (argv[1] == "lexicon", argv[2] == "gaps"); arguments are read from argv[3] on.
// Options the main CLI consumes (--data, --actors, ...) are skipped with their values.
// Returns the process exit code.
int RunLexiconGaps(const Coder& coder, int argc, char** argv);

}  // namespace dyad::pipeline

#endif  // DYAD_PIPELINE_LEXICON_GAPS_H_
