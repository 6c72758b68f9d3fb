#include "geo/resolver.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "geo/candidates.h"

namespace dyad::geo {
namespace {

// The country, or the province, that `g` lies in (another entry than `g` itself).
bool Holds(const GazPlace& area, const GazPlace& g) {
  return area.index != g.index && area.country == g.country &&
         (area.IsCountry() || (area.IsAdmin1() && area.admin1_code == g.admin1_code));
}

constexpr size_t kMaxEntriesScored = 1000;  // postings are by population; the tail is hamlets

// Ranking weights. Population contributes log10(population + 1), 0..7.
constexpr double kNationalCapital = 2.5, kAdminSeat = 1.0, kCountySeat = 0.5, kCountry = 3.0;
constexpr double kAdmin1Base = -2.0, kMinorFeature = -2.0;
constexpr double kHintMatch = 6.0, kHintMismatch = -3.0, kCapitalMatch = 2.0;
constexpr double kWithin = 8.0, kSameAsBefore = 8.0, kMainName = 1.5;
constexpr double kSentenceCountry = 2.0, kArticleCountry = 1.0;

using CountryCounts = std::unordered_map<std::string, double>;

// Countries mentioned so far: per sentence and for the whole article.
struct CountryContext {
  std::vector<CountryCounts> sentence;
  CountryCounts article;
  double article_max = 0;

  void Add(uint32_t s, std::string_view iso3, double weight) {
    if (iso3.empty()) return;
    std::string key(iso3);
    sentence[s][key] += weight;
    article_max = std::max(article_max, article[key] += weight);
  }
};

uint32_t SentenceOf(const Document& doc, uint32_t token) {
  auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), token,
                             [](uint32_t t, const Sentence& s) { return t < s.token_begin; });
  return it == doc.sentences.begin() ? 0 : static_cast<uint32_t>(it - doc.sentences.begin() - 1);
}

std::vector<bool> ActorTokens(const Document& doc) {
  std::vector<bool> in_actor(doc.tokens.size(), false);
  for (const ActorMention& a : doc.actors) {
    for (uint32_t t = a.token_begin; t < a.token_end && t < in_actor.size(); ++t) in_actor[t] = true;
  }
  return in_actor;
}

// The single country of all of a candidate's entries, or "" when they differ.
std::string_view OnlyCountry(const Gazetteer& gaz, const PlaceCandidate& c) {
  std::string_view country;
  for (uint32_t e : c.entries) {
    std::string_view k = gaz.Get(e).country;
    if (country.empty()) country = k;
    if (k != country) return "";
  }
  return country;
}

CountryContext InitialContext(const Document& doc, const Gazetteer& gaz,
                              const std::vector<PlaceCandidate>& cands) {
  CountryContext ctx;
  ctx.sentence.resize(std::max<size_t>(doc.sentences.size(), 1));
  for (const ActorMention& a : doc.actors) ctx.Add(SentenceOf(doc, a.token_begin), a.country, 1.0);
  for (const PlaceCandidate& c : cands) {
    if (c.accepted) ctx.Add(c.sentence, OnlyCountry(gaz, c), 1.0);
  }
  return ctx;
}

class Ranker {
 public:
  Ranker(const Gazetteer& gaz, const std::vector<PlaceCandidate>& cands, CountryContext* ctx)
      : gaz_(gaz), cands_(cands), ctx_(*ctx) {}

  std::vector<PlaceChoice> Rank(const PlaceCandidate& c) {
    std::vector<PlaceChoice> choices;
    size_t n = std::min(c.entries.size(), kMaxEntriesScored);
    for (size_t i = 0; i < n; ++i) {
      PlaceChoice choice;
      choice.place = gaz_.Get(c.entries[i]);
      choice.score = Score(c, choice.place, &choice.why);
      choices.push_back(std::move(choice));
    }
    std::stable_sort(choices.begin(), choices.end(),
                     [](const PlaceChoice& a, const PlaceChoice& b) { return a.score > b.score; });
    if (choices.empty()) return choices;
    Remember(c, choices.front().place);
    if (choices.size() > PlaceExplanation::kMaxChoices) choices.resize(PlaceExplanation::kMaxChoices);
    return choices;
  }

 private:
  static void Term(double value, const char* name, double* score, std::string* why) {
    if (value == 0) return;
    *score += value;
    char buf[48];
    std::snprintf(buf, sizeof(buf), "%s%s%+.1f", why->empty() ? "" : " ", name, value);
    *why += buf;
  }

  static double FeatureTerm(const GazPlace& g) {
    if (g.IsNationalCapital()) return kNationalCapital;
    if (g.IsCountry()) return kCountry;
    if (g.IsAdmin1()) return kAdmin1Base;
    if (g.feature == "PPLA") return kAdminSeat;
    if (g.feature == "PPLA2") return kCountySeat;
    if (g.feature == "PPLX" || g.feature == "PPLH" || g.feature == "PPLQ" || g.feature == "PPLW") {
      return kMinorFeature;
    }
    return 0;
  }

  // What the head nouns around the name ask for: a province, a city, or a capital.
  static double HintTerm(const PlaceCandidate& c, const GazPlace& g) {
    auto asks = [&](HeadKind k) { return c.head_before == k || c.head_after == k || c.apposition == k; };
    bool area = g.IsAdmin1() || g.IsCountry();
    double v = 0;
    if (asks(HeadKind::kProvince)) v += g.IsAdmin1() ? kHintMatch : kHintMismatch;
    if (asks(HeadKind::kCity) && area) v += kHintMismatch;
    if (asks(HeadKind::kCapital)) {
      v += area ? kHintMismatch : (g.IsNationalCapital() || g.IsAdminSeat()) ? kCapitalMatch : 0;
    }
    return v;
  }

  // A name with its own head noun or qualifier ("Kunduz province") need not follow earlier uses.
  static bool HasOwnHints(const PlaceCandidate& c) {
    return c.head_before != HeadKind::kNone || c.head_after != HeadKind::kNone ||
           c.apposition != HeadKind::kNone || c.within >= 0 || !c.within_country.empty();
  }

  // True when `g` lies in a province or country named by the candidate `within`.
  bool InArea(const GazPlace& g, int32_t within) const {
    if (within < 0) return false;
    for (uint32_t e : cands_[within].entries) {
      if (Holds(gaz_.Get(e), g)) return true;
    }
    return false;
  }

  void ContextTerm(const PlaceCandidate& c, const GazPlace& g, std::string* why, double* score) const {
    std::string key(g.country);
    const CountryCounts& s = ctx_.sentence[c.sentence];
    if (s.count(key)) Term(kSentenceCountry, "sentence-country", score, why);
    auto it = ctx_.article.find(key);
    if (it != ctx_.article.end() && ctx_.article_max > 0) {
      Term(kArticleCountry * it->second / ctx_.article_max, "article-country", score, why);
    }
  }

  double Score(const PlaceCandidate& c, const GazPlace& g, std::string* why) const {
    double score = 0;
    Term(std::log10(static_cast<double>(g.population) + 1.0), "pop", &score, why);
    Term(FeatureTerm(g), std::string(g.feature).c_str(), &score, why);
    Term(HintTerm(c, g), "head", &score, why);
    if (Gazetteer::NormalizeName(g.name) == c.key) Term(kMainName, "main-name", &score, why);
    if (InArea(g, c.within)) Term(kWithin, "within", &score, why);
    if (!c.within_country.empty() && g.country == c.within_country) Term(kWithin, "within", &score, why);
    if (!c.within_admin1.empty() && g.country == c.within_country && g.admin1_name == c.within_admin1) {
      Term(kWithin, "within-state", &score, why);
    }
    ContextTerm(c, g, why, &score);
    auto before = chosen_.find(c.key);
    if (before != chosen_.end() && before->second == g.index && !HasOwnHints(c)) {
      Term(kSameAsBefore, "same-as-before", &score, why);
    }
    return score;
  }

  void Remember(const PlaceCandidate& c, const GazPlace& g) {
    chosen_.emplace(c.key, g.index);
    if (OnlyCountry(gaz_, c).empty()) ctx_.Add(c.sentence, g.country, 1.0);
  }

  const Gazetteer& gaz_;
  const std::vector<PlaceCandidate>& cands_;
  CountryContext& ctx_;
  std::unordered_map<std::string, uint32_t> chosen_;  // key -> entry chosen earlier
};

std::string_view Precision(const GazPlace& g) {
  return g.IsCountry() ? "country" : g.IsAdmin1() ? "admin1" : "city";
}

}  // namespace

std::vector<PlaceExplanation> PlaceResolver::Explain(const Document& doc) const {
  std::vector<PlaceCandidate> cands = FindPlaceCandidates(doc, gaz_, ActorTokens(doc));
  WeighPlaceEvidence(doc, gaz_, &cands);
  CountryContext ctx = InitialContext(doc, gaz_, cands);
  Ranker ranker(gaz_, cands, &ctx);
  std::vector<PlaceExplanation> out;
  for (const PlaceCandidate& c : cands) {
    PlaceExplanation e;
    e.token_begin = c.begin;
    e.token_end = c.end;
    e.span = Span{doc.tokens[c.begin].span.begin, doc.tokens[c.end - 1].span.end};
    e.key = c.key;
    e.evidence = c.evidence;
    e.evidence_why = c.evidence_notes;
    if (c.qualifier) e.evidence_why += " qualifier(folded)";
    e.accepted = c.accepted;
    if (c.accepted) e.choices = ranker.Rank(c);
    out.push_back(std::move(e));
  }
  // "Rome, Georgia": the qualifier is the area that holds the place it qualifies (the US state,
  // not the country), when one of its readings does.
  for (size_t i = 0; i < cands.size(); ++i) {
    int32_t q = cands[i].within;
    if (q < 0 || static_cast<size_t>(q) >= out.size() || out[i].choices.empty() || out[q].choices.size() < 2) continue;
    const GazPlace& inner = out[i].choices.front().place;
    auto holds = [&](const GazPlace& area) { return Holds(area, inner); };
    if (holds(out[q].choices.front().place)) continue;
    for (size_t k = 1; k < out[q].choices.size(); ++k) {
      if (!holds(out[q].choices[k].place)) continue;
      out[q].choices[k].why += " holds-qualified";
      std::rotate(out[q].choices.begin(), out[q].choices.begin() + static_cast<long>(k),
                  out[q].choices.begin() + static_cast<long>(k) + 1);
      break;
    }
  }
  return out;
}

void PlaceResolver::Resolve(Document* doc) const {
  std::vector<PlaceExplanation> explained = Explain(*doc);
  doc->places.clear();
  for (const PlaceExplanation& e : explained) {
    if (!e.accepted || e.choices.empty()) continue;
    const GazPlace& g = e.choices.front().place;
    PlaceMention m;
    m.span = e.span;
    m.token_begin = e.token_begin;
    m.token_end = e.token_end;
    m.name = std::string(g.name);
    m.country = std::string(g.country);
    m.admin1 = g.IsCountry() ? "" : std::string(g.admin1_name);
    m.lat = g.lat;
    m.lon = g.lon;
    m.geonames_id = g.geonames_id;
    m.precision = std::string(Precision(g));
    doc->places.push_back(std::move(m));
  }
}

std::optional<PlaceMention> CountryPlace(const Gazetteer& gazetteer, const std::string& iso3) {
  auto c = gazetteer.Country(iso3);
  if (!c) return std::nullopt;
  PlaceMention p;
  p.name = std::string(c->name);
  p.country = iso3;
  p.lat = c->lat;
  p.lon = c->lon;
  p.precision = "country";
  return p;
}

std::string DominantPlaceCountry(const Gazetteer& gazetteer, std::string_view name) {
  constexpr uint64_t kMinPopulation = 50000;
  std::string key = Gazetteer::NormalizeName(name);
  if (key.empty()) return "";
  const GazPlace* best = nullptr;
  std::vector<GazPlace> places = gazetteer.Lookup(key);
  auto counts = [&](const GazPlace& p) {
    return p.IsCountry() || p.IsAdmin1() || p.IsNationalCapital() || p.population >= kMinPopulation;
  };
  for (const GazPlace& p : places) {
    if (counts(p) && (best == nullptr || p.population > best->population)) best = &p;
  }
  if (best == nullptr) return "";
  for (const GazPlace& p : places) {
    if (!counts(p) || p.country == best->country) continue;
    if (p.IsCountry() || p.IsAdmin1() || 5 * p.population > best->population) return "";
  }
  return std::string(best->country);
}

}  // namespace dyad::geo
