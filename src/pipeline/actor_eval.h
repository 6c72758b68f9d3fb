// Resolving a bare actor string ("Armenian Prime Minister Nikol Pashinyan", "FDLR") and scoring
// dyad against actor gold tables: `dyad eval actors FILE`.
//
// Gold format: TSV with a header naming at least the columns `text`, `country` (ISO3, an
// international code such as UNO/IGO/EUR, or empty) and `sector` (a CAMEO sector, another label,
// or empty); an optional `date` column gives the date the string is resolved on.
//
// Example: the row "Armenian Prime Minister Nikol Pashinyan<TAB>ARM<TAB>GOV" is coded as a
// one-sentence article; the mention covering most of the string is ARMGOV "Nikol Pashinyan", so
// both country and sector count as correct.
#ifndef DYAD_PIPELINE_ACTOR_EVAL_H_
#define DYAD_PIPELINE_ACTOR_EVAL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/coder.h"

namespace dyad::pipeline {

// The date gold rows without a `date` column are resolved on: the news period of the NGEC actor
// table (2021-2022) needs one date for office-holders.
inline constexpr const char* kDefaultActorEvalDate = "2021-10-01";

// Codes `text` as a one-sentence article dated `date` (YYYY-MM-DD or "") and returns the actor
// mention that covers most of it (ties: the one with country and sector), or nullopt when dyad
// finds no actor. Thread-safe (the Coder is).
std::optional<ActorMention> ResolveActorString(const Coder& coder, std::string_view text,
                                               std::string_view date);

// The CAMEO sector codes the actor evaluation scores sector accuracy over.
bool IsCameoSector(std::string_view sector);

// The country key of a resolved mention, comparable to gold: the ISO3 country, else the
// organisation part of an international code (IGOUNO -> "UNO"), else "".
std::string CountryKey(const ActorMention& m);

struct ActorScores {
  int rows = 0;
  int country_correct = 0;
  int country_rows_nonempty = 0;      // rows whose gold country is not empty
  int country_correct_nonempty = 0;
  int sector_rows = 0;                // rows with a CAMEO sector label
  int sector_correct = 0;
  int other_label_rows = 0;           // non-empty sector labels outside the CAMEO list
  int empty_sector_rows = 0;
  int unresolved = 0;                 // rows where dyad found no actor at all
  int bad_lines = 0;
  std::vector<std::string> details;   // one line per row: verdicts, gold, dyad, text
  double CountryAccuracy() const { return rows ? 100.0 * country_correct / rows : 0; }
  double SectorAccuracy() const { return sector_rows ? 100.0 * sector_correct / sector_rows : 0; }
  std::string Format() const;
};

// Scores every row of the gold TSV at `path`. `date` is used for rows without a date column.
Result<ActorScores> EvaluateActors(const Coder& coder, const std::string& path,
                                   const std::string& date = kDefaultActorEvalDate);

// `dyad eval actors FILE [--details]`: prints the per-row listing (with `details`) and the scores.
// Returns the process exit code.
int RunEvalActors(const Coder& coder, const std::string& path, bool details);

}  // namespace dyad::pipeline

#endif  // DYAD_PIPELINE_ACTOR_EVAL_H_
