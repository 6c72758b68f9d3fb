#include "geo/candidates.h"

#include <algorithm>

namespace dyad::geo {
namespace {

constexpr uint32_t kMaxNameTokens = 8;       // longer gazetteer keys are never news names
constexpr uint32_t kMaxModifiers = 3;        // "in the restive southern X"
constexpr uint32_t kAppositionWindow = 12;   // tokens after "X, the capital" to look for P

bool Capitalized(const Token& t) { return t.Is(kTokCapitalized) || t.Is(kTokAllCaps); }

// Reads the tokens of one sentence around candidates. Holds references only for one call.
class ContextReader {
 public:
  ContextReader(const Document& doc, const Gazetteer& gaz, std::vector<PlaceCandidate>* cands)
      : doc_(doc), gaz_(gaz), cands_(*cands) {
    for (size_t i = 0; i < cands_.size(); ++i) starts_at_.emplace_back(cands_[i].begin, i);
  }

  void Read(size_t ci) {
    PlaceCandidate& c = cands_[ci];
    const Sentence& s = doc_.sentences[c.sentence];
    begin_ = s.token_begin;
    end_ = s.token_end;
    ReadBefore(&c);
    ReadAfter(&c);
    ReadApposition(ci);
    ReadQualifier(ci);
  }

 private:
  std::string_view Lower(uint32_t i) const { return doc_.tokens[i].lower; }

  int32_t CandidateAt(uint32_t token) const {
    for (const auto& [b, i] : starts_at_) if (b == token) return static_cast<int32_t>(i);
    return -1;
  }

  // Index of the first token before `i` that is not a place modifier, or -1.
  int64_t SkipModifiersBack(int64_t i) const {
    uint32_t skipped = 0;
    while (i >= begin_ && skipped < kMaxModifiers && IsPlaceModifier(Lower(i)) &&
           !Capitalized(doc_.tokens[i])) {
      --i;
      ++skipped;
    }
    return i >= begin_ ? i : -1;
  }

  void ReadBefore(PlaceCandidate* c) const {
    if (c->begin > begin_) c->title_before = IsPersonTitle(Lower(c->begin - 1));
    ReadLargerName(c);
    int64_t p = SkipModifiersBack(int64_t{c->begin} - 1);
    if (p < 0) return;
    std::string_view w = Lower(p);
    if (IsLocativePreposition(w)) c->locative = true;
    if (w == "of") {
      // "the river port of Izmail", "the port city of Aden": the nearest head noun before "of",
      // which may itself be a word that also modifies ("port").
      for (int64_t q = p - 1, n = 0; q >= begin_ && n < 4 && c->head_before == HeadKind::kNone; --q, ++n) {
        c->head_before = PlaceHeadKind(Lower(q));
        if (!IsPlaceModifier(Lower(q)) && Lower(q) != "river" && Lower(q) != "sea") break;
      }
    } else if (w == "," && p > begin_) {
      HeadKind k = PlaceHeadKind(Lower(p - 1));  // "the Afghan capital, Kabul"
      if (k == HeadKind::kCapital || k == HeadKind::kCity) c->head_before = k;
    } else {
      HeadKind k = PlaceHeadKind(w);  // "the capital Kabul", "the city Mosul"
      if (k == HeadKind::kCapital || k == HeadKind::kCity) c->head_before = k;
    }
  }

  void ReadLargerName(PlaceCandidate* c) const {
    if (c->begin > begin_) {
      const Token& prev = doc_.tokens[c->begin - 1];
      c->larger_name = Capitalized(prev) && !IsNonPlaceWord(prev.lower) &&
                       !prev.Is(kTokSentStart) && !EndsCandidate(c->begin);  // "Michael X"
    }
  }

  bool EndsCandidate(uint32_t token) const {
    for (const PlaceCandidate& p : cands_) if (p.end == token) return true;
    return false;
  }

  void ReadAfter(PlaceCandidate* c) const {
    const Token& first = doc_.tokens[c->begin];
    c->common_start = first.Is(kTokSentStart) && c->end - c->begin == 1 && !first.tag.empty() &&
                      first.tag.rfind("NNP", 0) != 0;
    if (c->end >= end_) return;
    std::string_view w = Lower(c->end);
    c->head_after = PlaceHeadKind(w);
    c->speech_after = IsSpeechVerb(w);
    const Token& next = doc_.tokens[c->end];
    if (Capitalized(next) && c->head_after == HeadKind::kNone && !IsCalendarWord(w)) {
      c->larger_name = true;  // "X University", "X Times"
    }
  }

  // "X, the capital of ...", "X, a town in ...": the head noun after the comma, and the first
  // later candidate naming a province or country (the place that contains X).
  void ReadApposition(size_t ci) {
    PlaceCandidate& c = cands_[ci];
    uint32_t i = c.end;
    if (i >= end_ || Lower(i) != ",") return;
    ++i;
    while (i < end_ && IsPlaceModifier(Lower(i)) && i - c.end <= kMaxModifiers + 1) ++i;
    if (i >= end_) return;
    HeadKind k = PlaceHeadKind(Lower(i));
    if (k == HeadKind::kNone || (k == HeadKind::kOther && Lower(i) != "district" &&
                                 Lower(i) != "village")) {
      return;
    }
    bool linked = i + 1 < end_ && (Lower(i + 1) == "of" || Lower(i + 1) == "in");
    if (!linked && k != HeadKind::kCapital) return;
    c.apposition = k;
    for (size_t cj = ci + 1; cj < cands_.size(); ++cj) {
      const PlaceCandidate& p = cands_[cj];
      if (p.sentence != c.sentence || p.begin > i + kAppositionWindow) break;
      if (HasAreaEntry(p)) {
        c.within = static_cast<int32_t>(cj);
        return;
      }
    }
  }

  bool HasAreaEntry(const PlaceCandidate& p) const {
    for (uint32_t e : p.entries) {
      GazPlace g = gaz_.Get(e);
      if (g.IsAdmin1() || g.IsCountry()) return true;
    }
    return false;
  }

  // "X, P" where P is a province or country that contains one of X's entries, and P does not go
  // on as a list ("X, P and Q").
  void ReadQualifier(size_t ci) {
    PlaceCandidate& c = cands_[ci];
    uint32_t i = c.end;
    if (c.within >= 0 || i + 1 >= end_ || Lower(i) != ",") return;
    // "NAPLES, Fla.", "Rome, Ga.": a US state in the news agencies' abbreviation.
    if (const char* state = UsStateAbbreviation(Lower(i + 1))) {
      c.within_admin1 = state;
      c.within_country = "USA";
      return;
    }
    int32_t pj = CandidateAt(i + 1);
    std::string actor_country = CountryActorAt(i + 1);
    uint32_t p_end = pj >= 0 ? cands_[pj].end : ActorEndAt(i + 1);
    if (p_end == 0 || ContinuesList(p_end)) return;
    if (pj >= 0 && Contains(cands_[pj], c)) {
      c.within = pj;
      cands_[pj].qualifier = true;
    } else if (!actor_country.empty() && InCountry(c, actor_country)) {
      c.within_country = actor_country;
    }
  }

  // True when another place name follows token `i` after list punctuation (", and", "and", ",").
  bool ContinuesList(uint32_t i) const {
    uint32_t j = i;
    while (j < end_ && j < i + 2 && (Lower(j) == "," || IsListJoiner(Lower(j)))) ++j;
    return j > i && j < end_ && (CandidateAt(j) >= 0 || !CountryActorAt(j).empty());
  }

  // True when some area entry of `p` contains some entry of `x`.
  bool Contains(const PlaceCandidate& p, const PlaceCandidate& x) const {
    for (uint32_t pe : p.entries) {
      GazPlace area = gaz_.Get(pe);
      if (!area.IsAdmin1() && !area.IsCountry()) continue;
      for (uint32_t xe : x.entries) {
        GazPlace g = gaz_.Get(xe);
        if (g.index != area.index && g.country == area.country &&
            (area.IsCountry() || g.admin1_code == area.admin1_code)) {
          return true;
        }
      }
    }
    return false;
  }

  bool InCountry(const PlaceCandidate& x, std::string_view iso3) const {
    for (uint32_t xe : x.entries) if (gaz_.Get(xe).country == iso3) return true;
    return false;
  }

  // The country of an actor mention starting at `token` that names a country itself (its code is
  // its country: "AFG"), else "".
  std::string CountryActorAt(uint32_t token) const {
    for (const ActorMention& a : doc_.actors) {
      if (a.token_begin == token && !a.country.empty() && a.code == a.country) return a.country;
    }
    return "";
  }
  uint32_t ActorEndAt(uint32_t token) const {
    for (const ActorMention& a : doc_.actors) if (a.token_begin == token) return a.token_end;
    return 0;
  }

  const Document& doc_;
  const Gazetteer& gaz_;
  std::vector<PlaceCandidate>& cands_;
  std::vector<std::pair<uint32_t, size_t>> starts_at_;
  int64_t begin_ = 0, end_ = 0;
};

// The longest gazetteer match starting at token `i`, or end == i when there is none.
PlaceCandidate LongestMatch(const Document& doc, const Gazetteer& gaz,
                            const std::vector<bool>& in_actor, uint32_t i, uint32_t sent_end) {
  PlaceCandidate best;
  best.begin = best.end = i;
  uint32_t limit = std::min<uint32_t>(sent_end, i + 2 * std::min(gaz.MaxNameTokens(), kMaxNameTokens));
  for (uint32_t j = i + 1; j <= limit; ++j) {
    if (in_actor[j - 1]) break;
    Span span{doc.tokens[i].span.begin, doc.tokens[j - 1].span.end};
    std::string key = Gazetteer::NormalizeName(doc.Text(span));
    if (Capitalized(doc.tokens[j - 1])) {
      std::span<const uint32_t> entries = gaz.LookupIndices(key);
      if (!entries.empty()) {
        best.end = j;
        best.key = key;
        best.entries = entries;
      }
    }
    if (!gaz.HasLongerKey(key)) break;
  }
  return best;
}

}  // namespace

const char* UsStateAbbreviation(std::string_view w) {
  static const std::pair<const char*, const char*> kStates[] = {
      {"ala.", "Alabama"}, {"ariz.", "Arizona"}, {"ark.", "Arkansas"}, {"calif.", "California"},
      {"colo.", "Colorado"}, {"conn.", "Connecticut"}, {"del.", "Delaware"}, {"fla.", "Florida"},
      {"ga.", "Georgia"}, {"ill.", "Illinois"}, {"ind.", "Indiana"}, {"kan.", "Kansas"},
      {"ky.", "Kentucky"}, {"la.", "Louisiana"}, {"md.", "Maryland"}, {"mass.", "Massachusetts"},
      {"mich.", "Michigan"}, {"minn.", "Minnesota"}, {"miss.", "Mississippi"}, {"mo.", "Missouri"},
      {"mont.", "Montana"}, {"neb.", "Nebraska"}, {"nev.", "Nevada"}, {"n.h.", "New Hampshire"},
      {"n.j.", "New Jersey"}, {"n.m.", "New Mexico"}, {"n.y.", "New York"}, {"n.c.", "North Carolina"},
      {"n.d.", "North Dakota"}, {"okla.", "Oklahoma"}, {"ore.", "Oregon"}, {"pa.", "Pennsylvania"},
      {"r.i.", "Rhode Island"}, {"s.c.", "South Carolina"}, {"s.d.", "South Dakota"},
      {"tenn.", "Tennessee"}, {"vt.", "Vermont"}, {"va.", "Virginia"}, {"wash.", "Washington"},
      {"w.va.", "West Virginia"}, {"wis.", "Wisconsin"}, {"wyo.", "Wyoming"}};
  for (const auto& [abbr, name] : kStates) {
    if (w == abbr) return name;
  }
  return nullptr;
}

std::vector<PlaceCandidate> FindPlaceCandidates(const Document& doc, const Gazetteer& gaz,
                                                const std::vector<bool>& in_actor) {
  std::vector<PlaceCandidate> out;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    for (uint32_t i = sent.token_begin; i < sent.token_end;) {
      const Token& t = doc.tokens[i];
      if (in_actor[i] || !Capitalized(t) || t.Is(kTokDigit)) { ++i; continue; }
      PlaceCandidate c = LongestMatch(doc, gaz, in_actor, i, sent.token_end);
      if (c.end == i || (c.end == i + 1 && IsNonPlaceWord(t.lower))) { ++i; continue; }
      c.sentence = s;
      c.dateline = sent.segment < doc.segments.size() && doc.segments[sent.segment].is_dateline;
      i = c.end;
      out.push_back(std::move(c));
    }
  }
  ContextReader reader(doc, gaz, &out);
  for (size_t ci = 0; ci < out.size(); ++ci) reader.Read(ci);
  return out;
}

}  // namespace dyad::geo
