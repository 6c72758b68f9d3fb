// Import of TABARI / PETRARCH actor and agent dictionaries (e.g. the Phoenix dictionaries) into
// dyad's .actors format (docs/LEXICON.md), so users can code with them on top of dyad's own
// actors (`dyad code --actors OUTDIR`) or instead of them (`--actors OUTDIR --only-actors`).
//
// In (TABARI format, case-insensitive, '_' between words, '#' comments):
//   actors:  NAME_ [CODE]               a name and its code on one line
//            +SYNONYM_                  more names for the entry above
//                [USAGOV 010120-050120] codes on their own lines, with date restrictions:
//                [USAELI >20050121]     "D1-D2", ">D" (from D), "<D" (before D); D is YYMMDD
//                [---]                  (years < 30 are 20YY) or YYYYMMDD; "---" = do not code;
//                                       an undated code applies outside the dated ones
//   agents:  !PERSON! = MAN, MEN        a macro: CATTLE!PERSON! -> cattleman, cattlemen
//            FARMER [~AGR]              an agent noun; plural generated (farmers) unless
//            POLICE {} [~COP]           {} (none) or {PLURAL FORMS} is given
// Out: one .actors file per input dictionary in OUTDIR ("Phoenix.Countries.actors.txt" ->
// "Phoenix.Countries.actors"). A bare country code becomes a `country` entry, a country +
// CAMEO sector code an `org` or (names with dated codes, or marked CountryInfo) a `person`, an
// IGO/NGO/IMG/MNC code an international `org`; agents keep their first CAMEO sector.
//
// Example: "SAID_BARKAT_ # CountryInfo.txt" with "[DZAGOVAGR 030101-080630]" and "[DZAGOV >100701]"
// gives two person lines "Said Barkat" DZAGOV, from=2003-01-01 to=2008-06-30 and from=2010-07-01.
//
// What cannot be represented is skipped and counted with a reason: codes whose country is not in
// ISO 3166-1 (regions such as MEA, WEU), agents of sectors outside dyad's list (REL, HRI, ...),
// malformed dates. TABARI's stem matching (a name without a final '_' also matching longer words)
// is not reproduced: names match as written.
#ifndef DYAD_LEXICON_PETRARCH_IMPORT_H_
#define DYAD_LEXICON_PETRARCH_IMPORT_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "lexicon/petrarch_verbs.h"

namespace dyad::lexicon {

struct ImportFileStats {
  std::string input, output;
  bool agents = false;
  int entries = 0;        // dictionary entries read (a name with its synonyms and codes)
  int converted = 0;      // entries that produced at least one dyad line
  int skipped = 0;        // entries that produced none
  int lines_written = 0;  // dyad lines (one per code and date range)
  int names = 0;          // names written
  std::map<std::string, int> skip_reasons;  // reason -> count (skipped entries and codes)
};

struct ImportStats {
  std::vector<ImportFileStats> files;
  std::vector<std::string> ignored_files;  // files in DIR that are not actor, agent or verb dictionaries
  VerbImportStats verbs;                   // verb dictionaries (ImportPetrarchVerbs), if any
  int Converted() const;
  int Skipped() const;
  std::string Format() const;  // a human-readable report
};

// Converts one TABARI actor dictionary held in memory; `iso3` is the set of valid country codes
// (empty = accept any three capital letters). Writes .actors text to *out.
void ConvertPetrarchActors(std::string_view text, const std::string& name,
                           const std::set<std::string>& iso3, std::string* out,
                           ImportFileStats* stats);

// Converts one TABARI agent dictionary held in memory.
void ConvertPetrarchAgents(std::string_view text, const std::string& name, std::string* out,
                           ImportFileStats* stats);

// ISO 3166-1 alpha-3 codes from Debian's iso-codes JSON (plus XKX), or an empty set when the file
// cannot be read.
std::set<std::string> LoadIso3(const std::string& path = "/usr/share/iso-codes/json/iso_3166-1.json");

// Converts every actor dictionary (`*.actors.txt`, `*.actors`) and agent dictionary (`*agents*`)
// in `dir` into `out_dir` (created if missing). Verb dictionaries are left to ImportPetrarchVerbs
// (petrarch_verbs.h); other files are listed in stats->ignored_files.
Status ImportPetrarchActors(const std::string& dir, const std::string& out_dir, ImportStats* stats);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_PETRARCH_IMPORT_H_
