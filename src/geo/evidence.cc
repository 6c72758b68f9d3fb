// Is a candidate a place at all? Sums the textual evidence read by candidates.cc: a name becomes
// a place only with a locative cue, a head noun, an apposition or qualifier, membership in a list
// of places, or by being a well-known large place; person-like contexts count against it.
#include <cstdio>

#include "geo/candidates.h"

namespace dyad::geo {
namespace {

constexpr double kAcceptAt = 1.0;
constexpr uint64_t kWellKnownPopulation = 100000;

struct Weight {
  double value;
  const char* note;
};
constexpr Weight kLocative{1.5, "locative"};
constexpr Weight kHeadBefore{2.0, "head-before"};
constexpr Weight kHeadAfter{2.0, "head-after"};
constexpr Weight kApposition{2.0, "apposition"};
constexpr Weight kQualified{2.0, "qualified"};
constexpr Weight kWellKnown{1.0, "well-known"};
constexpr Weight kList{1.0, "list"};
constexpr Weight kDateline{3.0, "dateline"};
constexpr Weight kTitle{-3.0, "title-before"};
constexpr Weight kSpeech{-1.5, "speech-after"};
constexpr Weight kLargerName{-1.5, "larger-name"};
constexpr Weight kCommonStart{-1.0, "common-word-start"};

void Add(const Weight& w, PlaceCandidate* c) {
  c->evidence += w.value;
  if (!c->evidence_notes.empty()) c->evidence_notes += ' ';
  c->evidence_notes += w.note;
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%+.1f", w.value);
  c->evidence_notes += buf;
}

// A large place known by this very name (its main name, not an alternate: "Victoria" is an old
// name of Hong Kong, which does not make every Victoria well known).
bool WellKnown(const Gazetteer& gaz, const PlaceCandidate& c) {
  for (uint32_t e : c.entries) {
    GazPlace p = gaz.Get(e);
    bool large = p.population >= kWellKnownPopulation || p.IsNationalCapital() || p.IsCountry();
    if (large && Gazetteer::NormalizeName(p.name) == c.key) return true;  // not by an alias
  }
  return false;
}

void WeighOne(const Gazetteer& gaz, PlaceCandidate* c) {
  c->evidence = 0;
  c->evidence_notes.clear();
  if (c->locative) Add(kLocative, c);
  if (c->head_before != HeadKind::kNone) Add(kHeadBefore, c);
  if (c->head_after != HeadKind::kNone) Add(kHeadAfter, c);
  if (c->apposition != HeadKind::kNone) Add(kApposition, c);
  if (c->within >= 0 || !c->within_country.empty()) Add(kQualified, c);
  if (WellKnown(gaz, *c)) Add(kWellKnown, c);
  if (c->title_before) Add(kTitle, c);
  // "Beijing said" is a government speaking; in "traders in Zaranj said" the speaker is the
  // noun before the preposition, and the place is just a place.
  if (c->speech_after && !c->locative) Add(kSpeech, c);
  if (c->larger_name) Add(kLargerName, c);
  if (c->common_start) Add(kCommonStart, c);
  if (c->dateline) Add(kDateline, c);
  c->accepted = c->evidence >= kAcceptAt;
}

// True when only list punctuation stands between tokens `from` and `to`: ",", "and", ", and".
bool ListGap(const Document& doc, uint32_t from, uint32_t to) {
  if (to <= from || to - from > 2) return false;
  std::string_view a = doc.tokens[from].lower;
  if (to - from == 1) return a == "," || IsListJoiner(a);
  return a == "," && IsListJoiner(doc.tokens[from + 1].lower);
}

void LinkLists(const Document& doc, std::vector<PlaceCandidate>* cands) {
  for (size_t i = 0; i + 1 < cands->size(); ++i) {
    PlaceCandidate& a = (*cands)[i];
    PlaceCandidate& b = (*cands)[i + 1];
    if (a.sentence != b.sentence || b.qualifier || a.within == static_cast<int32_t>(i + 1)) continue;
    if (!ListGap(doc, a.end, b.begin)) continue;
    if (a.list < 0) a.list = static_cast<int32_t>(i);
    b.list = a.list;
    // "in Las Cruces and Albuquerque": the preposition governs the whole list.
    if (a.locative) b.locative = true;
  }
}

// Members of a list with an accepted place gain list evidence.
void SpreadListEvidence(const Gazetteer& gaz, std::vector<PlaceCandidate>* cands) {
  std::vector<bool> group_has_place(cands->size(), false);
  for (const PlaceCandidate& c : *cands) {
    if (c.list >= 0 && c.accepted) group_has_place[c.list] = true;
  }
  for (PlaceCandidate& c : *cands) {
    if (c.list < 0 || !group_has_place[c.list] || c.accepted) continue;
    WeighOne(gaz, &c);
    Add(kList, &c);
    c.accepted = c.evidence >= kAcceptAt;
  }
}

}  // namespace

void WeighPlaceEvidence(const Document& doc, const Gazetteer& gaz,
                        std::vector<PlaceCandidate>* candidates) {
  LinkLists(doc, candidates);
  for (PlaceCandidate& c : *candidates) WeighOne(gaz, &c);
  SpreadListEvidence(gaz, candidates);
  // A qualifier ("Texas" in "Paris, Texas") narrows the place it qualifies and is a place of its
  // own (a province or a country), so it stays accepted.
}

}  // namespace dyad::geo
