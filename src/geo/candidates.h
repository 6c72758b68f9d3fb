// Place-name candidates in a tokenized Document and the textual evidence around each one.
// Internal to the geo stage (used by resolver.cc).
//
// A candidate is the longest token sequence, starting with a capitalised token and ending with
// one, whose normalised text is a gazetteer key; it never overlaps an actor mention. The context
// readers then note locative prepositions, head nouns ("X province", "capital of X"),
// appositions ("X, the capital of ... P"), qualifiers ("X, P") and lists ("X, Y and Z").
#ifndef DYAD_GEO_CANDIDATES_H_
#define DYAD_GEO_CANDIDATES_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "geo/gazetteer.h"
#include "geo/place_cues.h"

namespace dyad::geo {

struct PlaceCandidate {
  uint32_t sentence = 0;
  uint32_t begin = 0, end = 0;        // token range [begin, end)
  std::string key;                    // normalised name
  std::span<const uint32_t> entries;  // gazetteer indices, largest population first

  HeadKind head_before = HeadKind::kNone;  // "province of X", "capital of X", "the capital X"
  HeadKind head_after = HeadKind::kNone;   // "X province", "X city", "X district"
  HeadKind apposition = HeadKind::kNone;   // "X, the capital of ...", "X, a town in ..."
  bool locative = false;                   // "in X", "near the southern X"
  int32_t within = -1;        // candidate naming the province/country that contains X, or -1
  std::string within_country; // ISO3 of an actor mention that qualifies X ("X, Afghanistan")
  std::string within_admin1;  // province named by an abbreviation ("Rome, Ga." -> Georgia)
  bool qualifier = false;     // this candidate is the P of "X, P": folded into X, not emitted
  bool title_before = false;  // "Mr X", "President X"
  bool speech_after = false;  // "X said"
  bool larger_name = false;   // "X University", "Michael X": part of a longer proper name
  bool common_start = false;  // sentence-initial and tagged as a common word
  bool dateline = false;      // in the article's dateline ("ADEN, Feb 9 (Reuters) -")
  int32_t list = -1;          // first candidate of the list ("X, Y and Z") this one belongs to

  double evidence = 0;
  std::string evidence_notes;  // why, for Explain
  bool accepted = false;
};

// The US state an AP-style abbreviation names ("fla." -> "Florida"), or nullptr.
const char* UsStateAbbreviation(std::string_view lower);

// Finds candidates and reads their context. `in_actor[i]` is true for tokens inside an actor
// mention. The returned spans point into `gaz`.
std::vector<PlaceCandidate> FindPlaceCandidates(const Document& doc, const Gazetteer& gaz,
                                                const std::vector<bool>& in_actor);

// Sums the evidence for each candidate and sets `accepted` (lists and qualifiers included).
void WeighPlaceEvidence(const Document& doc, const Gazetteer& gaz,
                        std::vector<PlaceCandidate>* candidates);

}  // namespace dyad::geo

#endif  // DYAD_GEO_CANDIDATES_H_
