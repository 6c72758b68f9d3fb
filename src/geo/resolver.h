// The geo stage: finds place names in a tokenized Document and resolves them to gazetteer entries.
//
// In:  doc->tokens and doc->sentences (text stage), doc->actors (actors stage; their token ranges
//      are never places and their countries are context). Tags from syntax are used when present.
// Out: doc->places, in text order, replacing any already there.
// Example: "Zaranj, the capital of the southern province of Nimroz" ->
//      Zaranj (AFG, admin1 Nimroz, 30.96 61.86, precision "city") and Nimroz ("admin1").
//
// Two steps. Evidence (candidates.cc, evidence.cc): a capitalised gazetteer name is a place only
// with a locative cue, a head noun, an apposition, a list of places, or by being a large place.
// Ranking (resolver.cc): among the entries with that name, prefer the one inside the province or
// country the text names next to it, in the countries of the sentence and the article, with the
// feature the head noun asks for (province -> ADM1, capital -> PPLC/PPLA), then by population;
// a name resolves the same way throughout an article.
#ifndef DYAD_GEO_RESOLVER_H_
#define DYAD_GEO_RESOLVER_H_

#include <optional>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "geo/gazetteer.h"

namespace dyad::geo {

// One gazetteer entry considered for a name, with its score and the terms that made it.
struct PlaceChoice {
  GazPlace place;
  double score = 0;
  std::string why;  // "pop+6.3 PPLC+2.0 sentence-country+2.5"
};

// Everything the resolver decided about one candidate name, for `dyad geo` and debugging.
struct PlaceExplanation {
  Span span;
  uint32_t token_begin = 0, token_end = 0;
  std::string key;             // normalised name
  double evidence = 0;
  std::string evidence_why;    // "locative+1.5 well-known+1.0"
  bool accepted = false;       // became a place
  std::vector<PlaceChoice> choices;  // best first, at most kMaxChoices; empty when not accepted
  static constexpr size_t kMaxChoices = 10;
};

class PlaceResolver {
 public:
  // `gazetteer` must outlive the resolver.
  explicit PlaceResolver(const Gazetteer& gazetteer) : gaz_(gazetteer) {}

  // Fills doc->places. Thread-safe: the resolver and gazetteer are immutable.
  void Resolve(Document* doc) const;

  // Every candidate name in `doc`, accepted or not, with the scored entries of accepted ones.
  std::vector<PlaceExplanation> Explain(const Document& doc) const;

 private:
  const Gazetteer& gaz_;
};

// A country-level place for an ISO3 code (the gazetteer's country entry: name and centroid), or
// nullopt when the gazetteer has none. Spans and token ranges are left for the caller.
std::optional<PlaceMention> CountryPlace(const Gazetteer& gazetteer, const std::string& iso3);

// The country of the place `name` names when one reading clearly dominates, else "": among the
// entries that count (a country, a province, a national capital, or a place of at least 50,000
// people), all in one country, or the most populous at least five times as large as any entry of
// another country (and no province or country elsewhere). "Madras" -> IND, "Santa Marta" -> COL,
// "Hamilton" -> "" (Canada and New Zealand).
std::string DominantPlaceCountry(const Gazetteer& gazetteer, std::string_view name);

}  // namespace dyad::geo

#endif  // DYAD_GEO_RESOLVER_H_
