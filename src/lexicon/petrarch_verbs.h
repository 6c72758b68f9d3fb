// Import of PETRARCH / TABARI verb pattern dictionaries (e.g. Phoenix's CAMEO.2.0.txt) into
// dyad's .events format (docs/LEXICON.md), for coding with them on top of dyad's own event
// lexicon (`dyad code --events OUTDIR`). The dictionary is read at run time; nothing of it is
// copied into the repository.
//
// In (PETRARCH 2 verb format; '#' and ';' start comments):
//   &SYNSET                          a synonym set, then one '+MEMBER' per line ('_' joins words)
//   --- MEANING [CODE] ---           a verb block; CODE (or "---": no event) for the bare verbs
//   VERB {FORMS} [CODE]              a verb of the block, its irregular forms, its own code
//   +ASK_FOR {+ASKED_FOR ...}        a multi-word verb: the word after '+' is the verb
//   - PRE * POST [CODE]              a pattern for every verb of the block; '*' is the verb,
//                                    POST holds nouns (WORD), noun phrases ({MOD HEAD}),
//                                    prepositional phrases ((PREP NOUN)), '+' target,
//                                    '$' source, '^' skip, '%' compound, '&SYNSET';
//                                    CODE is "ACTIVE:PASSIVE" ([042:043], [:173])
//   ~ ...                            a transformation
// Out: one dyad line per verb lemma of the block and convertible pattern, lower-cased:
//   "- * TALKS (WITH +) [043]" in a block with MEET and CONFER ->
//     043	meet talks with $T	source=petrarch-import	note=CAMEO.2.0.txt:812
//     043	confer talks with $T	...
// and one line per bare verb whose code is not "---" ("043	meet").
//
// Conversion rules. The verb's lemma is its base form (the first word of its line) run through
// dyad's lemmatizer, so "+ANGERED_BY" gives "anger by". Brackets and braces are dropped: the
// words keep their order, and dyad lets up to 3 tokens stand between two elements, which covers
// determiners and modifiers. A synset becomes "(a|b|c)"; a member of several words contributes
// its head (last word: ASSAULT_RIFLE -> rifle), members without a usable head are dropped.
// "A/B" becomes "(a|b)". The active code is used; later identical patterns replace earlier
// ones (as in PETRARCH, where the last definition wins).
//
// Skipped, with the reason counted: words or '+' before the verb (subject nouns, adverbs),
// '$' after the verb (source in an odd place), '^' and '%', more than one '+', a passive-only
// code ([:173]), the null code [---], codes not in the CAMEO table, undefined synsets,
// transformations. A verb written with a hyphen (RE-OPEN) is not one token for dyad and gets
// no lines; a verb listed in several blocks belongs to the first (as in PETRARCH).
#ifndef DYAD_LEXICON_PETRARCH_VERBS_H_
#define DYAD_LEXICON_PETRARCH_VERBS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "lexicon/cameo_table.h"

namespace dyad::lexicon {

struct VerbImportStats {
  std::vector<std::string> inputs;
  std::string output;
  int blocks = 0;
  int verbs = 0;                 // verb lines read
  int verbs_unusable = 0;        // verbs given no lines (see verb_skip_reasons)
  int bare_verb_lines = 0;       // "CODE verb" lines written for verbs with a code
  int patterns = 0;              // pattern lines read
  int converted = 0;             // patterns that produced at least one dyad line
  int skipped = 0;               // patterns that produced none
  int lines_written = 0;         // dyad lines in the output (after merging duplicates)
  int duplicate_lines = 0;       // lines identical to an earlier one, merged
  int overridden_lines = 0;      // lines whose pattern a later one redefined with another code
  int synset_members_dropped = 0;
  int transformations = 0;       // '~' lines, not converted
  std::map<std::string, int> skip_reasons;       // pattern skip reason -> count
  std::map<std::string, int> verb_skip_reasons;  // unusable verb reason -> count

  // The report block: per-category counts, then one summary line
  // "verb patterns: converted N, skipped M (reasons: ...)".
  std::string Format() const;
};

// True when `text` holds PETRARCH verb blocks ("--- NAME [CODE] ---" lines).
bool LooksLikePetrarchVerbs(std::string_view text);
// Same for a file (reads at most its first 4 MiB).
bool IsPetrarchVerbFile(const std::string& path);

// Converts verb dictionaries held in memory into one .events text (with @version and a header
// comment). `cameo` checks the codes; nullptr accepts any code of 2-4 digits. Each input is
// (name, text); synsets are shared across inputs, duplicates are merged across inputs.
std::string ConvertPetrarchVerbs(const std::vector<std::pair<std::string, std::string_view>>& inputs,
                                 const CameoTable* cameo, VerbImportStats* stats);

// Converts every verb dictionary in `dir` into `out_dir`/imported_verbs.events. NotFound when
// `dir` holds none.
Status ImportPetrarchVerbs(const std::string& dir, const std::string& out_dir,
                           const CameoTable* cameo, VerbImportStats* stats);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_PETRARCH_VERBS_H_
