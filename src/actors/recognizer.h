// Who: actor mentions with CAMEO-style codes.
//
// In:  Document with tagged tokens; the compiled ActorLexicon; the article date (office-holders
//      are valid for a date range).
// Out: doc->actors, in text order, non-overlapping, each with code, country, sector, name, span
//      and the rule that resolved it.
//
// Chunks of lexicon items compose: "US Secretary of Defence Lloyd Austin" = country (US) + agent
// title (Secretary of Defence, GOV) + person (Lloyd Austin) -> USAGOV "Lloyd Austin". An unknown
// capitalised name after a title becomes a person with the title's role. Within the article, a
// person keeps the role for later surname mentions ("Austin"), an acronym defined in brackets
// ("National Security Adviser (NSA) ...") refers to what it was defined for, "they" resolves to
// the last plural actor, and "the insurgents" to the last actor of that sector. "A and B" are
// linked as one compound (ActorMention::group) so an event expands to both.
// Example: "Army chief General Qamar Javed Bajwa and US Secretary of Defence Lloyd Austin met"
//   -> [PAKMIL Qamar Javed Bajwa] [USAGOV Lloyd Austin], group 0.
#ifndef DYAD_ACTORS_RECOGNIZER_H_
#define DYAD_ACTORS_RECOGNIZER_H_

#include <functional>
#include <string>
#include <string_view>

#include "dyad/date.h"
#include "dyad/document.h"
#include "lexicon/actor_lexicon.h"

namespace dyad::actors {

class ActorRecognizer {
 public:
  explicit ActorRecognizer(const lexicon::ActorLexicon& lexicon) : lexicon_(lexicon) {}
  // Thread-safe: all state is per call.
  void Recognize(const Date& date, Document* doc) const;

 private:
  const lexicon::ActorLexicon& lexicon_;
};

// "the bloc", "the group", "the alliance": a definite organisation noun refers back to the last
// organisation of a fitting sector (the EU, JNIM). Run by Recognize; public for tests.
void ResolveOrganisationNouns(Document* doc);

// "the two sides", "both countries", "the two leaders": the last two parties named together (a
// compound, up to four sentences back) or else the last two actors of different codes in the
// sentence or the one before; the phrase becomes a compound of both (rule "both-sides"). Run by
// Recognize.
void ResolveBothSides(Document* doc);

// A safe article-level rule, run after places are resolved: when one country clearly dominates
// the article (at least half of the country-bearing actor and place mentions, and at least two),
// a role without a country ("the government", "police", "opposition leader Raila Odinga") takes
// that country. Roles marked foreign or international ("foreign forces") and international
// sectors (IGO, NGO, IMG) never do. The mention's rule records "+article-country".
// Before that, a role takes the country of a place named with it ("Shanghai authorities", "police
// in Kabul"): a resolved place, or else, through `place_country`, a capitalised name just before
// the role that the gazetteer knows as one clearly dominant place ("Madras High Court",
// "Santa Marta Self Defense Forces"); `place_country` returns that place's ISO3 or "".
using PlaceCountryFn = std::function<std::string(std::string_view name)>;
void InferArticleCountry(Document* doc, const PlaceCountryFn& place_country = {});

}  // namespace dyad::actors

#endif  // DYAD_ACTORS_RECOGNIZER_H_
