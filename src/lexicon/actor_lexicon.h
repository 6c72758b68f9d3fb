// The compiled actor dictionary: countries, seats of power, agents (role nouns), honorifics,
// organisations and persons (docs/LEXICON.md). Loaded once from *.actors files, then immutable
// and shared by all threads.
#ifndef DYAD_LEXICON_ACTOR_LEXICON_H_
#define DYAD_LEXICON_ACTOR_LEXICON_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "dyad/date.h"
#include "dyad/document.h"
#include "dyad/status.h"
#include "lexicon/lexicon_file.h"
#include "lexicon/name_matcher.h"

namespace dyad::lexicon {

enum class ActorKind { kCountry, kMetonym, kAgent, kHonorific, kOrg, kPerson };

// How a name refers to its entry: "Pakistan" (kName), "Pakistani" (kAdjective),
// "Pakistanis" (kPeople), "Islamabad" (kCapital), "Baloch" (kEthnic: a people of the country,
// named as an adjective; its plural is a kPeople name).
enum class NameRole { kName, kAdjective, kPeople, kCapital, kEthnic };

struct ActorEntry {
  ActorKind kind = ActorKind::kCountry;
  std::string code;     // full code: "PAK", "USAGOV", "AFGREB"; the sector alone for agents
  std::string country;  // ISO3 or ""
  std::string sector;   // "GOV", ...
  std::string name;     // canonical name (first listed name unless name= says otherwise)
  std::string role;     // persons: their office
  Date from, to;        // validity (unset = open)
  std::vector<std::string> surnames;  // persons: surname= forms, lower case, words joined by ' '
  bool title = false;   // agents: may stand before a person's name
  bool plural = false;
  bool place = false;  // agents: a place standing for its people ("village"), not after "in"
  bool needs_country = false;  // agents: a role only with a country before it ("the Russian side")
  std::string file;
  int line = 0;

  bool ValidOn(const Date& d) const {
    if (!d.valid()) return true;
    if (from.valid() && d < from) return false;
    if (to.valid() && d > to) return false;
    return true;
  }
  // Days from `d` (valid) to the entry's date range; 0 inside it.
  int64_t DaysFrom(const Date& d) const {
    int64_t x = d.ToDays();
    if (from.valid() && x < from.ToDays()) return from.ToDays() - x;
    if (to.valid() && x > to.ToDays()) return x - to.ToDays();
    return 0;
  }
};

// A national leader's office ("President", "Prime Minister", "King", ...; the lexicon's role=,
// underscores read as spaces): the person news names by surname alone ("Museveni" is the
// president, not the minister of the same family).
bool IsLeaderRole(std::string_view role);

struct ActorMatch {
  uint32_t length = 0;
  const ActorEntry* entry = nullptr;
  NameRole role = NameRole::kName;
};

class ActorLexicon {
 public:
  // Loads every file (a directory's *.actors files in name order, or explicit files).
  static Result<std::shared_ptr<const ActorLexicon>> Load(const std::vector<std::string>& paths,
                                                          std::vector<Diagnostic>* diagnostics);
  // From text in memory (tests).
  static std::shared_ptr<const ActorLexicon> FromText(std::string_view text,
                                                      std::vector<Diagnostic>* diagnostics);

  // All matches at token i, longest first; persons outside their date range on `date` are skipped.
  // Without a date, a person with several offices is matched once, in the office news most likely
  // means: a national leader's, else the most prominent (government, then security and
  // judiciary, opposition, party, legislature), else the latest.
  void MatchesAt(const Document& doc, uint32_t i, uint32_t end, const Date& date,
                 std::vector<ActorMatch>* out) const;

  // Flags kTokKnownName on the capitalised words of country, capital, seat-of-power, organisation
  // and person names (longest match, any date), so the tagger reads them as proper nouns.
  void MarkKnownNames(Document* doc) const;

  // Persons valid on `date` one of whose names ends with this lower-case surname ("biden").
  void PersonsBySurname(std::string_view surname, const Date& date,
                        std::vector<const ActorEntry*>* out) const;

  const std::vector<ActorEntry>& entries() const { return entries_; }
  const std::string& version() const { return version_; }
  // The country entry for an ISO3 code, or nullptr.
  const ActorEntry* Country(std::string_view iso3) const;

 private:
  std::string AddLine(const LexiconLine& line);
  void Finish();

  std::vector<ActorEntry> entries_;
  struct Ref {
    uint32_t entry;
    NameRole role;
  };
  std::vector<Ref> refs_;
  NameMatcher matcher_;
  std::unordered_map<std::string, uint32_t> countries_;  // ISO3 -> entry
  std::unordered_map<std::string, std::vector<uint32_t>> surnames_;  // last name token -> persons
  std::string version_;
};

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_ACTOR_LEXICON_H_
