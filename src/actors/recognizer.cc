#include "actors/recognizer.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/utf8.h"
#include "syntax/tree.h"

namespace dyad::actors {
namespace {

using lexicon::ActorEntry;
using lexicon::ActorKind;
using lexicon::ActorMatch;
using lexicon::IsLeaderRole;
using lexicon::NameRole;

// What a name refers to once resolved; kept per article for later references.
struct Prototype {
  std::string code, country, sector, name;
  bool plural = false;
  bool person = false;  // a named person (else an organisation or institution)
  const ActorEntry* entry = nullptr;  // the lexicon's person, when known
};

// A run of tokens being composed into one actor mention.
struct Chunk {
  uint32_t begin = 0, end = 0;
  std::string country, sector;
  const ActorEntry* person = nullptr;  // a known person
  const ActorEntry* org = nullptr;     // an organisation or seat of power
  std::string person_name;             // an unknown person's name as written
  uint32_t name_begin = 0, name_end = 0;
  bool title = false;        // a title or honorific was seen: a name may follow
  bool country_name = false; // the country came from its name, not an adjective
  bool adjective = false;    // the country came from an adjective only
  bool capital = false;      // a capital used as metonym
  bool people = false;       // plural demonym ("Afghans")
  bool plural = false;
  std::vector<std::string> acronyms;
  bool has_agent = false;
  bool registered = false;  // resolved from the article's registry
  bool possessive = false;  // "Chile's ...": the country owns what follows
  // "EU legislators": the sector of a role noun after an organisation.
  std::string org_agent_sector;
  bool leader_body = false;  // "the Biden administration": a person's government
  bool shadow = false;       // "shadow home secretary": the opposition's spokesperson for an office
  bool ethnic = false;       // "Igbo elders": a people of the country, not its state
  bool based = false;        // "Tripoli-based": where what follows is based
  bool place = false;        // the role noun is a place standing for its people ("villages")
  bool empty() const { return end == begin; }
};

bool IsLocativePrep(std::string_view w) {
  return w == "in" || w == "to" || w == "at" || w == "from" || w == "near" || w == "into" ||
         w == "across" || w == "outside" || w == "towards" || w == "toward" || w == "around";
}

// Role nouns whose "of X" names what they stand against or are held by, not where they are from:
// "critics of Beijing", "victims of the Taliban", "hostages of Hamas".
bool IsRelationalRole(std::string_view w) {
  static const char* const kNouns[] = {
      "critic",    "critics",     "opponent", "opponents", "enemy",     "enemies",
      "foe",       "foes",        "rival",    "rivals",    "detractor", "detractors",
      "adversary", "adversaries", "victim",   "victims",   "hostage",   "hostages",
      "captive",   "captives",    "prisoner", "prisoners"};
  for (const char* n : kNouns) {
    if (w == n) return true;
  }
  return false;
}

// True when the noun phrase ending before token `i` is the object of a locative preposition: "in
// the Dasht-i-Barchi", "at a border truce" (the words before a place noun: "talks at a border
// truce village" says where, not who).
bool AfterLocativePrep(const Document& doc, uint32_t i) {
  for (uint32_t k = i, steps = 0; k > 0 && steps < 8; --k, ++steps) {
    const Token& t = doc.tokens[k - 1];
    const std::string& tag = t.tag;
    bool in_phrase = tag == "DT" || tag == "PDT" || tag == "CD" || tag == "PRP$" || tag == "POS" ||
                     tag == "HYPH" || tag.rfind("JJ", 0) == 0 || tag.rfind("NN", 0) == 0;
    if (!in_phrase) return IsLocativePrep(t.lower) || t.lower == "inside" || t.lower == "within";
    if (t.Is(kTokSentStart)) return false;
  }
  return false;
}

// "troops", "militants", "police" (listed), not "press" or "virus".
bool LooksPlural(const Token& t) {
  const std::string& w = t.lower;
  if (w == "police" || w == "people" || w == "personnel" || w == "forces" || w == "military") {
    return w != "military";
  }
  return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u' &&
         w[w.size() - 2] != 'i';
}

// Sectors of armed non-state actors, which definite descriptions ("the assailants", "the
// militants", "the rebels") refer back to.
bool IsArmedNonState(const std::string& sector) {
  return sector == "INS" || sector == "REB" || sector == "SEP" || sector == "UAF" || sector == "IMG";
}

bool IsNameParticle(std::string_view w) {
  return w == "bin" || w == "al" || w == "el" || w == "de" || w == "van" || w == "von" ||
         w == "da" || w == "ul" || w == "ibn" || w == "abu";
}

int KindRank(ActorKind k) {
  switch (k) {
    case ActorKind::kPerson: return 0;
    case ActorKind::kOrg: return 1;
    case ActorKind::kMetonym: return 2;
    case ActorKind::kCountry: return 3;
    case ActorKind::kAgent: return 4;
    case ActorKind::kHonorific: return 5;
  }
  return 6;
}

// The nouns for a leader's government: "the Biden administration", "the Modi government".
bool IsGovernmentBody(std::string_view w) {
  return w == "administration" || w == "government" || w == "cabinet" || w == "regime" ||
         w == "presidency";
}

// Whether `s` ends with the words `w` ("us president" ends with "president"; "vice president"
// does too, but "vicepresident" does not).
bool EndsWithWords(std::string_view s, std::string_view w) {
  if (s.size() < w.size() || s.substr(s.size() - w.size()) != w) return false;
  return s.size() == w.size() || s[s.size() - w.size() - 1] == ' ';
}

// The national leader's title word a title ends with ("US President" -> "president"), or "".
std::string_view LeaderTitleWord(std::string_view title) {
  static const char* const kTitles[] = {"supreme leader", "prime minister", "president",
                                        "premier",        "chancellor",     "king",
                                        "queen",          "emir",           "sultan"};
  for (const char* k : kTitles) {
    if (EndsWithWords(title, k)) return k;
  }
  return "";
}

bool IsWeekday(std::string_view w) {
  static const char* const kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                      "friday", "saturday", "sunday"};
  for (const char* k : kDays) {
    if (w == k) return true;
  }
  return false;
}

// Days and months: capitalised, tagged as proper nouns, and some people's surnames ("Friday").
bool IsCalendarWord(std::string_view w) {
  static const char* const kMonths[] = {"january",   "february", "march",    "april",
                                        "may",       "june",     "july",     "august",
                                        "september", "october",  "november", "december"};
  for (const char* k : kMonths) {
    if (w == k) return true;
  }
  return IsWeekday(w);
}

// Words that rank a title without changing whose office it is ("Deputy Minister of Defense").
bool IsTitleModifier(std::string_view w) {
  return w == "deputy" || w == "vice" || w == "acting" || w == "assistant" || w == "interim" ||
         w == "first" || w == "principal" || w == "senior" || w == "associate";
}

// Sectors of an office one can leave: its former holders are CAMEO's elites (ELI).
bool IsOfficeSector(std::string_view s) {
  return s == "GOV" || s == "MIL" || s == "LEG" || s == "JUD" || s == "SPY" || s == "COP";
}

// The person a surname names on the article's date: the only office-holder with it, or among
// several, the only national leader.
const ActorEntry* BySurname(const std::vector<const ActorEntry*>& people) {
  if (people.size() == 1) return people[0];
  const ActorEntry* leader = nullptr;
  for (const ActorEntry* p : people) {
    if (!IsLeaderRole(p->role)) continue;
    // Two leaders (a president and a prime minister of one family): no one.
    if (leader != nullptr && leader->name != p->name) return nullptr;
    leader = p;
  }
  return leader;
}

// Index of the sentence holding token t.
size_t SentenceOf(const Document& doc, uint32_t t) {
  auto it =
      std::upper_bound(doc.sentences.begin(), doc.sentences.end(), t,
                       [](uint32_t tok, const dyad::Sentence& s) { return tok < s.token_begin; });
  return it == doc.sentences.begin() ? 0 : static_cast<size_t>(it - doc.sentences.begin()) - 1;
}

std::string JoinLower(const Document& doc, uint32_t b, uint32_t e) {
  std::string s;
  for (uint32_t k = b; k < e; ++k) {
    if (doc.tokens[k].Is(kTokPunct) && doc.tokens[k].lower != ".") continue;
    if (!s.empty()) s += ' ';
    s += doc.tokens[k].lower;
  }
  return s;
}

class Run {
 public:
  Run(const lexicon::ActorLexicon& lex, const Date& date, Document* doc)
      : lex_(lex), date_(date), doc_(doc) {}

  // `then`: the date the sentence's own words put it on, when that is long before the article
  // ("In 2012, Obama warned Assad"): a former office-holder is resolved as of then.
  void Sentence(const dyad::Sentence& s, const DateRange& then = DateRange{}) {
    sentence_ = &s;
    then_range_ = then;
    then_ = then.from.valid() && then.to.valid()
                ? Date::FromDays((then.from.ToDays() + then.to.ToDays()) / 2)
                : Date{};
    uint32_t i = s.token_begin;
    Chunk c;
    c.begin = c.end = i;
    while (i < s.token_end) {
      uint32_t n = Step(i, s, &c);
      if (n > 0) {
        i += n;
        c.end = i;
        continue;
      }
      // A token that cannot extend the chunk may start the next one ("UN human rights chief
      // Volker Turk": the organisation, then the person); only a token that starts nothing is
      // skipped.
      bool had_chunk = !c.empty();
      Flush(&c);
      if (!had_chunk) {
        Pronoun(i, s);
        ++i;
      }
      c = Chunk();
      c.begin = c.end = i;
    }
    Flush(&c);
  }

  // "A and B", "A, B and C": one compound. A comma links only inside a list that ends with "and"
  // ("the Pentagon, Austin and Bajwa" after a comma-separated clause is not a list).
  void LinkCompounds() {
    auto& a = doc_->actors;
    for (size_t k = a.size(); k-- > 1;) {
      ActorMention& x = a[k - 1];
      ActorMention& y = a[k];
      if (!SameSentence(x, y) || y.code.empty() || x.code.empty()) continue;
      std::string joint = Joint(x, y);
      bool linked = joint == "and" ||
                    (joint == "," && y.group >= 0 && ListEndsWithAnd(k) && !IntroPhraseEnds(x, y));
      if (!linked) continue;
      ShareHead(&x, y);
      int32_t group = static_cast<int32_t>(k - 1);
      int32_t old = y.group;
      for (auto& m : a) if (old >= 0 && m.group == old) m.group = group;
      x.group = group;
      y.group = group;
    }
  }

  private:
  // The words between two mentions, reduced: "and" (optionally followed by the/its), ",", or "".
  std::string Joint(const ActorMention& x, const ActorMention& y) const {
    uint32_t g = x.token_end;
    if (g >= y.token_begin) return "";
    const std::string& w = doc_->tokens[g].lower;
    if (w != "and" && w != ",") return "";
    for (uint32_t t = g + 1; t < y.token_begin; ++t) {
      const std::string& v = doc_->tokens[t].lower;
      if (v != "the" && v != "its" && !(w == "," && v == "and")) return "";
    }
    return w == "," && y.token_begin - g > 1 && doc_->tokens[g + 1].lower == "and" ? "and" : w;
  }

  // "According to a release by the Pentagon, Austin and Bajwa had a call": the comma closes a
  // prepositional phrase and the list after it is the subject of the next verb.
  bool IntroPhraseEnds(const ActorMention& x, const ActorMention& y) const {
    uint32_t b = x.token_begin;
    if (b > 0 && doc_->tokens[b - 1].lower == "the") --b;
    if (b == 0 || doc_->tokens[b - 1].tag != "IN") return false;
    uint32_t last = y.token_end;
    for (const auto& m : doc_->actors) {
      if (m.group == y.group && m.token_end > last) last = m.token_end;
    }
    if (last >= doc_->tokens.size()) return false;
    const std::string& t = doc_->tokens[last].tag;
    return t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD";
  }

  // "US and British forces": a bare country coordinated with a country + role shares the role.
  void ShareHead(ActorMention* x, const ActorMention& y) const {
    if (!x->sector.empty() || x->country.empty() || y.sector.empty() || y.country.empty()) return;
    if (y.rule != "country+agent" || (x->rule != "adjective" && x->rule != "country")) return;
    if (x->token_end >= doc_->tokens.size() || doc_->tokens[x->token_end].lower != "and") return;
    x->sector = y.sector;
    x->code = x->country + y.sector;
    x->rule += "+shared-head";
  }

  // Mention k is linked to a later mention by "and".
  bool ListEndsWithAnd(size_t k) const {
    const auto& a = doc_->actors;
    for (size_t j = k; j + 1 < a.size() && a[j].group == a[k].group; ++j) {
      if (Joint(a[j], a[j + 1]) == "and") return true;
    }
    return false;
  }

  bool SameSentence(const ActorMention& x, const ActorMention& y) const {
    return SentenceOf(*doc_, x.token_begin) == SentenceOf(*doc_, y.token_begin);
  }

  // Consumes tokens at i into the chunk; returns how many (0 = the chunk ends before i).
  uint32_t Step(uint32_t i, const dyad::Sentence& s, Chunk* c) {
    const Token& t = doc_->tokens[i];
    bool cap = t.Is(kTokCapitalized) || t.Is(kTokAllCaps);
    if (cap && !c->registered && !c->person && !c->org && c->person_name.empty()) {
      if (uint32_t n = FromRegistry(i, s.token_end, c)) return n;
    }
    thread_local std::vector<ActorMatch> matches;
    matches.clear();
    // "shadow home secretary", "the shadow chancellor": in Westminster systems the opposition's
    // front bench, not the government.
    if (t.lower == "shadow" && !c->has_agent && !c->shadow && i + 1 < s.token_end) {
      Matches(i + 1, s.token_end, &matches);
      for (const ActorMatch& m : matches) {
        if (m.entry->kind == ActorKind::kAgent && m.entry->sector == "GOV") {
          c->shadow = true;
          return 1;
        }
      }
      matches.clear();
    }
    Matches(i, s.token_end, &matches);
    // "Deputy Minister of Defense", "vice foreign minister", "acting interior minister": a word
    // that ranks a title without changing whose it is.
    if (matches.empty() && !c->has_agent && IsTitleModifier(t.lower) && i + 1 < s.token_end) {
      Matches(i + 1, s.token_end, &matches);
      bool title = false;
      for (const ActorMatch& m : matches)
        title = title || (m.entry->kind == ActorKind::kAgent && m.entry->title);
      matches.clear();
      if (title) return 1;
    }
    if (!matches.empty()) {
      const ActorMatch* best = &matches[0];
      for (const ActorMatch& m : matches) {
        if (m.length == best->length && KindRank(m.entry->kind) < KindRank(best->entry->kind)) best = &m;
      }
      // "Minister Juan Carlos Jobet": a known person's name followed by an unknown capitalised
      // name word is the start of another person's longer name.
      if (best->entry->kind == ActorKind::kPerson && ContinuesName(i + best->length, s.token_end)) {
        return c->title && !c->person && c->person_name.empty() ? ReadName(i, s.token_end, c) : 0;
      }
      // "Defence Minister Aden Duale": after a title, a place name followed by another
      // capitalised word is the first part of a person's name.
      if (c->title && !c->person && c->person_name.empty() &&
          best->entry->kind == ActorKind::kCountry && doc_->tokens[i - 1].lower != "the" &&
          NextIsUnknownCapitalised(i + best->length, s.token_end)) {
        return ReadName(i, s.token_end, c);
      }
      if (uint32_t n = Apply(*best, i, c)) return n;
      return 0;
    }
    if (c->empty() && t.Is(kTokCapitalized) && t.lower == "house") {
      // "House Judiciary Committee": the lower house's committee ("House" alone names too much).
      if (uint32_t e = CommitteeEnd(i + 1)) {
        c->sector = "LEG";
        c->has_agent = true;
        return e - i;
      }
    }
    if (c->empty()) {
      // Sentence-initially only when the tagger reads a proper noun ("Museveni said", not "Rice").
      // A surname is a proper noun: not "English" in "English-speaking" or "May" as a month.
      if (cap && (t.tag == "NNP" || (i > s.token_begin && t.tag == "NNPS"))) {
        return KnownSurname(i, s.token_end, c);
      }
      return 0;
    }
    if (c->title && cap && c->person == nullptr && c->person_name.empty() &&
        (!c->registered || (reg_hit_ && !reg_hit_->person))) return ReadName(i, s.token_end, c);
    // Connectors inside a chunk.
    const std::string& w = t.lower;
    if ((w == "'s" || w == "’s") && (c->country_name || c->org) && !c->has_agent) {
      c->possessive = true;
      return 1;
    }
    // "the schoolchildren's parents", "the army's spokesman": a role owned by a role; the last
    // role noun names who it is.
    bool plural_possessive =
        (w == "'" || w == "’") && i > 0 && doc_->tokens[i - 1].lower.back() == 's';
    if ((w == "'s" || w == "’s" || plural_possessive) && c->has_agent && !c->org && !c->person &&
        c->person_name.empty() && !c->registered && i + 1 < s.token_end) {
      matches.clear();
      Matches(i + 1, s.token_end, &matches);
      for (const ActorMatch& m : matches) {
        if (m.entry->kind == ActorKind::kAgent) return 1;
      }
    }
    // "Kenya's current interior minister": adjectives between a country and its role noun; also
    // a people's name ("Sri Lankan Tamil politicians", "Iraqi Kurdish forces").
    bool people_word = t.Is(kTokCapitalized) && (t.tag == "JJ" || t.tag == "NNP") && c->adjective;
    // "Algeria's leading human rights activist", "Kenya's ruling party": participles as adjectives.
    if (!c->country.empty() && !c->has_agent && !c->org &&
        (!t.Is(kTokCapitalized) || people_word) &&
        (t.tag == "JJ" || t.tag == "NN" || t.tag == "VBN" || t.tag == "VBG" || people_word)) {
      for (uint32_t j = i + 1; j < s.token_end && j <= i + 2; ++j) {
        matches.clear();
        Matches(j, s.token_end, &matches);
        for (const ActorMatch& m : matches) {
          if (m.entry->kind == ActorKind::kAgent) return j - i;
        }
        if (doc_->tokens[j].tag != "JJ" && doc_->tokens[j].tag != "NN") break;
      }
    }
    // "a Somalia-based paramilitary group": where a group is based gives its country; so does who
    // leads it ("Vietnamese-led forces", "a US-led coalition"). "US-backed" names a supporter
    // instead, and ends the chunk.
    if (w == "-" && !c->country.empty() && !c->has_agent && i + 1 < s.token_end &&
        (doc_->tokens[i + 1].lower == "based" || doc_->tokens[i + 1].lower == "led")) {
      // ("US-led" stays the country itself: "the US-led coalition is battling ISIS" names the
      // US as the doer, as "Vietnamese-led forces" does.)
      c->based = doc_->tokens[i + 1].lower == "based";
      return 2;
    }
    if (w == "(" && i + 2 < s.token_end && doc_->tokens[i + 1].Is(kTokAllCaps) &&
        doc_->tokens[i + 2].lower == ")") {
      c->acronyms.push_back(std::string(doc_->TokenText(i + 1)));
      return 3;
    }
    // "the president of Afghanistan", "fighters of JNIM", "gunmen from the Islamic State".
    if ((w == "of" || w == "from") && c->has_agent && c->country.empty() && i + 1 < s.token_end &&
        !(w == "of" && i > 0 && IsRelationalRole(doc_->tokens[i - 1].lower))) {
      uint32_t j = i + 1;
      const std::string& det = doc_->tokens[j].lower;
      if ((det == "the" || det == "a" || det == "an") && j + 1 < s.token_end) ++j;
      matches.clear();
      Matches(j, s.token_end, &matches);
      for (const ActorMatch& m : matches) {
        bool country = m.entry->kind == ActorKind::kCountry && m.role == NameRole::kName && w == "of";
        bool org = m.entry->kind == ActorKind::kOrg;
        // "the president of the Chadian Human Rights League": a body named with a country's
        // adjective belongs to that country.
        uint32_t after = j + m.length;
        bool named_body = m.entry->kind == ActorKind::kCountry && m.role == NameRole::kAdjective &&
                          w == "of" && j > i + 1 && after < s.token_end &&
                          doc_->tokens[after].Is(kTokCapitalized);
        if (country || org || named_body) return j - i;
      }
    }
    return 0;
  }

  uint32_t Apply(const ActorMatch& m, uint32_t i, Chunk* c) {
    const ActorEntry& e = *m.entry;
    bool closed = c->person || c->org || !c->person_name.empty() ||
                  (c->registered && (reg_hit_ == nullptr || reg_hit_->person || c->has_agent));
    switch (e.kind) {
      case ActorKind::kCountry:
        if (closed || !c->country.empty()) return 0;
        // "pro-Russian separatists", "anti-American protesters": the country is what they are for
        // or against, not theirs.
        if (i >= 2 && doc_->tokens[i - 1].lower == "-" &&
            (doc_->tokens[i - 2].lower == "pro" || doc_->tokens[i - 2].lower == "anti")) {
          return 0;
        }
        if (m.role == NameRole::kName && c->empty() && QualifiesPlace(i, i + m.length)) return 0;
        if (m.role == NameRole::kName && c->empty() && InsidePlaceName(i, i + m.length)) return 0;
        if (m.role == NameRole::kCapital) {
          // A capital stands for its government only as the doer or owner of something
          // ("Kabul said", "Moscow's decision"); elsewhere it is the city.
          if (!CapitalActsHere(i, i + m.length)) return 0;
          c->capital = true;
        }
        c->country = e.code;
        c->country_name = m.role == NameRole::kName || m.role == NameRole::kCapital;
        c->adjective = m.role == NameRole::kAdjective || m.role == NameRole::kEthnic;
        c->ethnic = m.role == NameRole::kEthnic;
        if (m.role == NameRole::kPeople) { c->people = true; c->plural = true; }
        return m.length;
      case ActorKind::kAgent:
        // "Taliban fighters", "MNDAA positions", "NATO troops": the organisation keeps its code.
        if ((c->org || (c->registered && reg_hit_ && !reg_hit_->person)) && !c->person &&
            c->person_name.empty() && !c->has_agent && !ModifiesNoun(m, i)) {
          c->has_agent = true;
          c->title = c->title || e.title;  // "Taliban spokesman Zabihullah Mujahid"
          if (!e.title) c->org_agent_sector = e.sector;
          return m.length;
        }
        // "the Biden administration", "the Netanyahu government": a known person's government.
        if ((c->person || (c->registered && reg_hit_ && reg_hit_->person)) &&
            c->person_name.empty() && !c->has_agent && !e.title &&
            IsGovernmentBody(doc_->tokens[i + m.length - 1].lower)) {
          c->leader_body = true;
          c->has_agent = true;
          c->sector = e.sector;
          return m.length;
        }
        if (closed || ModifiesNoun(m, i)) return 0;
        // "the Russian side" is Russia's government; "the other side" is no one.
        if (e.needs_country && (c->country.empty() || c->has_agent)) return 0;
        // "the Lebanese side of the border": a place, not the government ("the Turkish and Greek
        // sides of the divided island" are its communities' leaders)
        if (e.needs_country && SideOfBoundary(i + m.length)) return 0;
        // "residents in the neighborhood", "a meeting at a border truce village": where, not who.
        if (e.place && AfterLocativePrep(*doc_, i)) return 0;
        // "threatened to institute a curfew", "will police the border": a verb after "to" or a
        // modal, not a role noun (other verb tags are left alone: taggers read plural nouns as
        // verbs).
        if (m.length == 1 && i > 0 && !doc_->tokens[i].Is(kTokCapitalized) &&
            doc_->tokens[i].tag == "VB" &&
            (doc_->tokens[i - 1].lower == "to" || doc_->tokens[i - 1].tag == "MD")) {
          return 0;
        }
        if (InsideProperName(m, i)) {
          // "Senate Foreign Relations Committee": a legislature's named committee is the
          // legislature's, not an unknown name.
          uint32_t end = e.sector == "LEG" ? CommitteeEnd(i + m.length) : 0;
          if (end == 0 || c->has_agent) return 0;
          c->sector = e.sector;
          c->has_agent = true;
          return end - i;
        }
        // "Deputy Minister of Defense Colonel-General X": the office, not the rank that follows.
        if (!(e.title && c->has_agent && !c->sector.empty())) c->sector = e.sector;
        if (c->shadow && c->sector == "GOV") c->sector = "OPP";
        c->has_agent = true;
        c->place = e.place;
        c->plural = e.plural || LooksPlural(doc_->tokens[i + m.length - 1]);
        c->title = c->title || e.title;
        if (e.sector == "LEG" && doc_->tokens[i + m.length - 1].lower == "committee" &&
            doc_->tokens[i + m.length - 1].Is(kTokCapitalized)) {
          return CommitteeSubjectEnd(i + m.length) - i;
        }
        return m.length;
      case ActorKind::kHonorific:
        if (closed) return 0;
        c->title = true;
        return m.length;
      case ActorKind::kPerson:
        // "Kremlin spokesman Dmitry Peskov", "UN Secretary-General Antonio Guterres": a known
        // person right after an organisation (and its role noun) is that person, with the person's
        // own code.
        if (closed && !((c->org || (c->registered && reg_hit_ && !reg_hit_->person)) &&
                        !c->person && c->person_name.empty())) {
          return 0;
        }
        c->person = &e;
        c->name_begin = i;
        c->name_end = i + m.length;
        return m.length;
      case ActorKind::kOrg:
      case ActorKind::kMetonym:
        if (closed) return 0;
        if (e.kind == ActorKind::kMetonym && i > 0 && IsLocativePrep(doc_->tokens[i - 1].lower)) return 0;
        c->org = &e;
        c->plural = e.plural;
        return m.length;
    }
    return 0;
  }

  // "Lashkar Gah": a capitalised common noun followed by another capitalised word is part of a
  // name, unless it is a title ("Foreign Minister Juma Baraka").
  bool InsideProperName(const ActorMatch& m, uint32_t i) const {
    uint32_t last = i + m.length - 1, next = i + m.length;
    if (m.entry->title || next >= doc_->tokens.size()) return false;
    const Token& lt = doc_->tokens[last];
    const Token& nt = doc_->tokens[next];
    if (!lt.Is(kTokCapitalized) || !nt.Is(kTokCapitalized) || nt.Is(kTokSentStart)) return false;
    thread_local std::vector<ActorMatch> after;
    after.clear();
    Matches(next, static_cast<uint32_t>(doc_->tokens.size()), &after);
    return after.empty();
  }

  // The end of a committee's capitalised name that starts at token j ("Foreign Relations
  // Committee", "Subcommittee on Asia and the Pacific"), or 0 when the words from j are not one.
  uint32_t CommitteeEnd(uint32_t j) const {
    const auto& toks = doc_->tokens;
    uint32_t limit = std::min<uint32_t>(SentenceEnd(), j + 10), end = 0;
    for (uint32_t k = j; k < limit; ++k) {
      const Token& t = toks[k];
      const std::string& w = t.lower;
      if (t.Is(kTokCapitalized) && !t.Is(kTokSentStart)) {
        if (w == "committee" || w == "subcommittee" || w == "caucus") end = k + 1;
        // "House Ways and Means Chairman Dave Camp": the committee named by its subject alone,
        // before its chair's title.
        if (end == 0 && k > j && (w == "chairman" || w == "chairwoman" || w == "chair")) return k;
        continue;
      }
      bool joiner =
          (w == "on" || w == "of" || w == "and" || w == "for" || w == "the" || w == "&") && k > j &&
          k + 1 < limit && toks[k + 1].Is(kTokCapitalized);
      if (!joiner) break;
    }
    return end > 0 ? CommitteeSubjectEnd(end) : 0;
  }

  // "Committee on Foreign Affairs", "Subcommittee on Asia and the Pacific": the committee's
  // capitalised subject after its head noun (ending at `end`) belongs to its name.
  uint32_t CommitteeSubjectEnd(uint32_t end) const {
    const auto& toks = doc_->tokens;
    uint32_t limit = SentenceEnd();
    auto subject_word = [&](uint32_t k) {  // not a new sentence, a day or a month
      return toks[k].Is(kTokCapitalized) && !toks[k].Is(kTokSentStart) &&
             !IsCalendarWord(toks[k].lower);
    };
    if (end + 1 >= limit || (toks[end].lower != "on" && toks[end].lower != "for") ||
        !subject_word(end + 1)) {
      return end;
    }
    uint32_t k = end + 1;
    while (k < limit && k < end + 8) {
      const std::string& w = toks[k].lower;
      bool joiner = (w == "and" || w == "the" || w == "&") && k + 1 < limit && subject_word(k + 1);
      if (!subject_word(k) && !joiner) break;
      ++k;
    }
    return k;
  }

  // The end of the sentence being read (the document's end outside one).
  uint32_t SentenceEnd() const {
    return sentence_ != nullptr ? sentence_->token_end : static_cast<uint32_t>(doc_->tokens.size());
  }

  // Token j is a capitalised word that carries a name on: a proper noun no dictionary knows, not
  // a day or month ("Putin Tuesday") and not a new sentence.
  bool ContinuesName(uint32_t j, uint32_t end) const {
    if (j >= end) return false;
    const Token& t = doc_->tokens[j];
    if (t.tag != "NNP" || t.Is(kTokSentStart) || t.Is(kTokAllCaps)) return false;
    if (IsCalendarWord(t.lower) || t.lower == "jr" || t.lower == "sr" || t.lower == "jr." ||
        t.lower == "sr.") {
      return false;
    }
    return NextIsUnknownCapitalised(j, end);
  }

  bool NextIsUnknownCapitalised(uint32_t j, uint32_t end) const {
    if (j >= end || !doc_->tokens[j].Is(kTokCapitalized)) return false;
    thread_local std::vector<ActorMatch> next;
    next.clear();
    Matches(j, end, &next);
    return next.empty();
  }

  // The name is all the sentence says ("Beijing", "TEHRAN." as a headline or an actor lookup):
  // a capital named alone stands for its government.
  bool AloneInSentence(uint32_t first, uint32_t next) const {
    if (sentence_ == nullptr) return false;
    for (uint32_t t = sentence_->token_begin; t < sentence_->token_end; ++t) {
      if (t >= first && t < next) continue;
      for (char ch : doc_->TokenText(t)) {
        if (std::isalnum(static_cast<unsigned char>(ch)) || (ch & 0x80)) return false;
      }
    }
    return true;
  }

  bool CapitalActsHere(uint32_t first, uint32_t next) const {
    if (AloneInSentence(first, next)) return true;
    if (next >= doc_->tokens.size()) return false;
    const Token& n = doc_->tokens[next];
    if (n.lower == "'s" || n.lower == "’s") return true;
    // "the Tripoli-based government": where a body sits gives its country.
    if (n.lower == "-" && next + 1 < doc_->tokens.size() &&
        doc_->tokens[next + 1].lower == "based") {
      return true;
    }
    // The parse first: a subject or object acts ("Washington" in "criticized Washington"); the
    // object of a locative preposition is the city ("officials in Beijing said").
    switch (CapitalRelation(first, next)) {
      case Relation::kArgument: return true;
      case Relation::kLocative: return false;
      case Relation::kUnknown: break;
    }
    // "Beijing authorities": a capital before an agent noun gives it its country.
    thread_local std::vector<ActorMatch> after;
    after.clear();
    Matches(next, static_cast<uint32_t>(doc_->tokens.size()), &after);
    for (const ActorMatch& a : after) {
      // "at a London school": a place noun that is itself where, not who, gives no actor.
      if (a.entry->kind == ActorKind::kAgent && !a.entry->title &&
          !(a.entry->place && AfterLocativePrep(*doc_, next))) {
        return true;
      }
    }
    if (n.tag == "VBD" || n.tag == "VBZ" || n.tag == "VBP" || n.tag == "MD") return true;
    if (n.tag == "RB" && next + 1 < doc_->tokens.size()) {  // "Washington also said"
      const std::string& t = doc_->tokens[next + 1].tag;
      return t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD";
    }
    return false;
  }

  // "Rome, Georgia, announced", "in Kabul, Afghanistan.": a country (or state) name after
  // "Place ," and before a comma or the end of the sentence qualifies that place; the geo stage
  // reads it. Not after another actor ("Pakistan, India and China").
  bool QualifiesPlace(uint32_t first, uint32_t next) const {
    const auto& toks = doc_->tokens;
    if (first < 2 || toks[first - 1].lower != ",") return false;
    const Token& prev = toks[first - 2];
    if (!prev.Is(kTokCapitalized) || prev.Is(kTokSentStart)) return false;
    for (auto it = doc_->actors.rbegin(); it != doc_->actors.rend() && it->token_end + 2 >= first; ++it) {
      if (it->token_end == first - 1) return false;
    }
    if (next >= toks.size()) return true;
    const std::string& n = toks[next].lower;
    return n == "," || n == "." || n == ";" || n == ")";
  }

  // "Gaza City", "Kuwait City", "Santiago de Cuba": a country name inside a longer place name.
  bool InsidePlaceName(uint32_t first, uint32_t next) const {
    const auto& toks = doc_->tokens;
    if (next < toks.size() && toks[next].Is(kTokCapitalized) &&
        (toks[next].lower == "city" || toks[next].lower == "beach")) {
      return true;
    }
    if (first >= 2) {
      const std::string& p = toks[first - 1].lower;
      bool particle = p == "de" || p == "del" || p == "da" || p == "do" || p == "di";
      if (particle && toks[first - 2].Is(kTokCapitalized)) return true;
    }
    return false;
  }

  enum class Relation { kArgument, kLocative, kUnknown };

  // What the parse says of the name [first, next): an argument of a verb, the object of a
  // locative preposition, or nothing useful (no parse, or another relation).
  Relation CapitalRelation(uint32_t first, uint32_t next) const {
    const auto& toks = doc_->tokens;
    int32_t head = syntax::PhraseHead(*doc_, first, next);
    if (head < 0) return Relation::kUnknown;
    const std::string& rel = toks[head].deprel;
    if (rel == "nsubj" || rel == "nsubj:pass" || rel == "iobj" || rel == "obl:agent" ||
        rel == "nmod:poss" || rel == "csubj") {
      return Relation::kArgument;
    }
    // The object of a verb of territory or movement is the city ("control Sanaa", "leaving
    // Havana without power", "shelled Kyiv"); of other verbs, its government ("criticized
    // Washington", "urged Beijing").
    if (rel == "obj") {
      static const char* kTerritorial[] = {
          "control", "capture", "seize", "take", "retake", "recapture", "hold", "enter", "leave",
          "reach", "besiege", "surround", "encircle", "shell", "bomb", "strike", "hit", "attack",
          "storm", "occupy", "liberate", "rule", "govern", "visit", "tour", "flee", "evacuate",
          "blockade", "cut", "plunge", "power", "supply", "connect", "link", "defend", "overrun",
          "target", "rock", "shake", "flood", "approach", "circle", "bypass", "cross"};
      int32_t verb = toks[head].head;
      if (verb >= 0) {
        for (const char* v : kTerritorial) {
          if (toks[verb].lemma == v) return Relation::kLocative;
        }
      }
      return Relation::kArgument;
    }
    if (rel.rfind("obl", 0) == 0 || rel.rfind("nmod", 0) == 0) {
      static const char* kLocative[] = {"in", "at", "near", "from", "to", "into", "outside", "inside",
                                        "across", "around", "toward", "towards", "via", "through"};
      std::string_view c = syntax::CaseOf(*doc_, static_cast<uint32_t>(head), first);
      for (const char* w : kLocative) {
        if (c == w) return Relation::kLocative;
      }
      // "residents of Kabul", "the mayor of London": the city of a role just named.
      int32_t gov = toks[head].head;
      if (c == "of" && gov >= 0 && !doc_->actors.empty() && !IsRelationalRole(toks[gov].lower)) {
        const ActorMention& last = doc_->actors.back();
        if (static_cast<uint32_t>(gov) >= last.token_begin &&
            static_cast<uint32_t>(gov) < last.token_end &&
            last.rule.find("agent") != std::string::npos) {
          return Relation::kLocative;
        }
      }
    }
    return Relation::kUnknown;
  }

  // "Pakistan's army chief met his Indian counterpart": a counterpart holds the office of the one
  // the sentence names before it (MIL here), in another country.
  void CounterpartSector(ActorMention* m) const {
    const std::string& w = doc_->tokens[m->token_end - 1].lower;
    if ((w != "counterpart" && w != "counterparts") || m->rule.find("agent") == std::string::npos ||
        sentence_ == nullptr) {
      return;
    }
    for (auto it = doc_->actors.rbegin(); it != doc_->actors.rend(); ++it) {
      if (it->token_begin < sentence_->token_begin) break;
      if (it->sector.empty() || it->country == m->country) continue;
      const std::string& s = it->sector;
      if (s == "MIL" || s == "COP" || s == "JUD" || s == "LEG" || s == "SPY" || s == "GOV") {
        m->sector = s;
        m->code = m->country + s;
      }
      return;
    }
  }

  // "of the border", "of the frontier" after "side": a place by a boundary.
  bool SideOfBoundary(uint32_t k) const {
    const auto& t = doc_->tokens;
    if (k >= t.size() || t[k].lower != "of") return false;
    ++k;
    if (k < t.size() && t[k].lower == "the") ++k;
    if (k >= t.size()) return false;
    static const char* const kBoundaries[] = {"border",      "frontier", "boundary", "line",
                                              "river",       "fence",    "wall",     "crossing",
                                              "demarcation", "buffer"};
    for (const char* b : kBoundaries) {
      if (t[k].lower == b) return true;
    }
    return false;
  }

  // "an official visit", "a military operation": an agent noun used as a modifier of another
  // noun is not an actor. Titles ("General Bajwa") and agent chains ("army spokesman") are.
  bool ModifiesNoun(const ActorMatch& m, uint32_t i) const {
    uint32_t next = i + m.length;
    if (m.entry->title || next >= doc_->tokens.size()) return false;
    const Token& n = doc_->tokens[next];
    if ((n.tag != "NN" && n.tag != "NNS") || n.Is(kTokCapitalized)) return false;
    // "an intelligence agency officer", "police department staff": a person of the institution.
    static const char* kPersonHeads[] = {"officer", "officers", "official", "officials", "employee",
                                         "employees", "staff", "staffer", "staffers", "member", "members",
                                         "worker", "workers", "personnel", "operative", "operatives"};
    for (const char* w : kPersonHeads) {
      if (n.lower == w) return false;
    }
    // "stormed the parliament building": an institution's premises stand for it; so do its
    // vessels and vehicles ("a Chinese coast guard vessel", "an army convoy").
    static const char* kPremises[] = {
        "building", "buildings",  "headquarters", "compound", "offices",  "palace",
        "premises", "residence",  "complex",      "chamber",  "vessel",   "vessels",
        "ship",     "ships",      "boat",         "boats",    "aircraft", "plane",
        "planes",   "helicopter", "helicopters",  "vehicle",  "vehicles", "convoy",
        "convoys",  "patrol",     "patrols",      "truck",    "trucks",   "car",
        "cars",     "tank",       "tanks"};
    for (const char* w : kPremises) {
      if (n.lower == w) return false;
    }
    thread_local std::vector<ActorMatch> after;
    after.clear();
    Matches(next, static_cast<uint32_t>(doc_->tokens.size()), &after);
    return after.empty();
  }

  // A capitalised name after a title: "General Qamar Javed Bajwa", "Dr Moeed Yusuf".
  uint32_t ReadName(uint32_t i, uint32_t end, Chunk* c) {
    uint32_t j = i;
    while (j < end && j - i < 5) {
      const Token& t = doc_->tokens[j];
      bool cap = t.Is(kTokCapitalized) && !t.Is(kTokPunct);
      if (cap) { ++j; continue; }
      if (IsNameParticle(t.lower) && j + 1 < end && doc_->tokens[j + 1].Is(kTokCapitalized)) { ++j; continue; }
      if (t.lower == "-" && j > i && j + 1 < end && doc_->tokens[j + 1].Is(kTokCapitalized)) { ++j; continue; }
      break;
    }
    if (j == i) return 0;
    c->name_begin = i;
    c->name_end = j;
    c->person_name = std::string(doc_->Text(Span{doc_->tokens[i].span.begin, doc_->tokens[j - 1].span.end}));
    // A known person under a shorter form ("President Biden", "President Recep Erdogan"); a
    // different first name is a different person ("Minister Nairobi Otieno" is not Peter Otieno).
    // (In a sentence about an earlier year, the holder of then: "In 1990, President Bush".)
    std::vector<const ActorEntry*> people;
    lex_.PersonsBySurname(doc_->tokens[j - 1].lower, then_.valid() ? then_ : date_, &people);
    const ActorEntry* p = BySurname(people);
    if (p != nullptr && !SurnameDatable(*p)) p = nullptr;
    // "President Bush" in 2021 is no Representative Bush: a leader's title must fit the office.
    bool title_misfits = p != nullptr && j - i == 1 && LeaderTitleMisfits(c->begin, i, *p);
    if (title_misfits) p = nullptr;
    // "President Obama" in 2018: nobody of that name holds an office on the date, but the title
    // names one who held it (the nearest in time if several did).
    if (p == nullptr && (people.empty() || title_misfits) && date_.valid() && j - i == 1) {
      p = FormerHolderOfTitle(doc_->tokens[i].lower, c->begin, i);
    }
    if (p != nullptr) {
      const std::string& first = doc_->tokens[i].lower;
      std::string given =
          utf8::NormalizeLower(std::string_view(p->name).substr(0, p->name.find(' ')));
      if (j - i == 1 || given == first) c->person = p;
    }
    return j - i;
  }

  // Whether the title [title_begin, title_end) is a national leader's ("President", "Prime
  // Minister") that the person's office is not.
  bool LeaderTitleMisfits(uint32_t title_begin, uint32_t title_end, const ActorEntry& p) const {
    std::string_view w = LeaderTitleWord(JoinLower(*doc_, title_begin, title_end));
    if (w.empty()) return false;
    return !EndsWithWords(utf8::NormalizeLower(p.role), w);
  }

  // "then-President X", "then Defense Secretary X": "then" right before token `begin`.
  bool ThenBefore(uint32_t begin) const {
    const auto& toks = doc_->tokens;
    if (begin >= 1 && toks[begin - 1].lower == "then") return true;
    return begin >= 2 && toks[begin - 1].lower == "-" && toks[begin - 2].lower == "then";
  }

  // Whether the entry's office overlaps the sentence's earlier range.
  bool HeldThen(const ActorEntry& e) const {
    return !(e.from.valid() && then_range_.to < e.from) &&
           !(e.to.valid() && e.to < then_range_.from);
  }

  // The entry of the person `e` names whose office overlaps the sentence's earlier range (same
  // canonical name), or nullptr.
  const ActorEntry* PersonThen(const ActorEntry& e) const {
    if (HeldThen(e)) return &e;
    std::string last = utf8::NormalizeLower(std::string_view(e.name).substr(e.name.rfind(' ') + 1));
    thread_local std::vector<const ActorEntry*> people;
    people.clear();
    lex_.PersonsBySurname(last, Date{}, &people);
    for (const std::string& sn : e.surnames) lex_.PersonsBySurname(sn, Date{}, &people);
    for (const ActorEntry* p : people) {
      if (p->name == e.name && HeldThen(*p)) return p;
    }
    return nullptr;
  }

  // The office the chunk's person held in the sentence's earlier range: an entry of that person's
  // name whose dates overlap it (a surname alone: the entry itself, if it does).
  const ActorEntry* OfficeThen(const Chunk& c) const {
    const ActorEntry& e = *c.person;
    if (HeldThen(e)) return &e;
    thread_local std::vector<ActorMatch> found;
    found.clear();
    lex_.MatchesAt(*doc_, c.name_begin, c.name_end, Date{}, &found);
    for (const ActorMatch& m : found) {
      if (m.entry->kind == ActorKind::kPerson && m.length == c.name_end - c.name_begin &&
          HeldThen(*m.entry)) {
        return m.entry;
      }
    }
    return nullptr;
  }

  // The person with this surname whose office the title before it ([title_begin, title_end))
  // names, on whatever date; among several, the one nearest the article's (or the sentence's
  // earlier) date.
  const ActorEntry* FormerHolderOfTitle(const std::string& surname, uint32_t title_begin,
                                        uint32_t title_end) const {
    std::string title = JoinLower(*doc_, title_begin, title_end);
    if (title.empty()) return nullptr;
    thread_local std::vector<const ActorEntry*> all;
    all.clear();
    lex_.PersonsBySurname(surname, Date{}, &all);
    const ActorEntry* best = nullptr;
    // In a sentence about an earlier year, the holder nearest that year ("In 1990, President
    // Bush").
    int64_t best_dist = INT64_MAX;
    const Date& ref = then_.valid() ? then_ : date_;
    for (const ActorEntry* e : all) {
      // "US President" names the role "President"; "President" not "Vice President".
      if (e->role.empty() || !EndsWithWords(title, utf8::NormalizeLower(e->role))) continue;
      int64_t dist = e->DaysFrom(ref);
      if (dist < best_dist) best = e, best_dist = dist;
    }
    return best;
  }

  // Token i follows a locative preposition, directly or as a later member of a list it governs
  // ("in Las Cruces and Albuquerque").
  bool AfterLocative(uint32_t i) const {
    for (uint32_t k = i, n = 0; k > 0 && n < 8; --k, ++n) {
      const Token& t = doc_->tokens[k - 1];
      const std::string& w = t.lower;
      if (w == "in" || w == "at" || w == "near" || w == "into" || w == "outside" || w == "inside" ||
          w == "across" || w == "around" || w == "through" || w == "between") {
        return true;
      }
      if (!(w == "," || w == "and" || w == "or" || t.Is(kTokCapitalized))) return false;
    }
    return false;
  }

  // "Taylor, Texas," / "Taylor, Texas.": a name followed by a comma and one capitalised word that
  // ends the clause reads as a place and its state or country.
  bool QualifiedLikeAPlace(uint32_t i) const {
    const auto& toks = doc_->tokens;
    if (i + 2 >= toks.size() || toks[i + 1].lower != ",") return false;
    if (!toks[i + 2].Is(kTokCapitalized)) return false;
    if (i + 3 >= toks.size()) return true;
    const std::string& n = toks[i + 3].lower;
    return n == "," || n == "." || n == ";";
  }

  // A surname alone names an office-holder "on the article's date"; an article without a date has
  // none, and over all the years a minister's surname ("Mr Jackson", "Reid") is more likely someone
  // else's: only a national leader's stands alone then.
  // Whether a surname alone may name this person: on the article's date, the office-holder;
  // without a date, only a national leader whose country the article names ("Mr Blair" in an
  // article about British politics, not "Fox" for a Mexican president or "Mr Campbell" for a
  // Canadian prime minister).
  bool SurnameDatable(const ActorEntry& p) const {
    if (date_.valid()) return true;
    return IsLeaderRole(p.role) && !p.country.empty() && NamedCountries().count(p.country) != 0;
  }

  // The countries the document names (a country's name, adjective, demonym or capital; places
  // are resolved after the actors), computed once, when an undated surname first needs them.
  const std::unordered_set<std::string>& NamedCountries() const {
    if (named_countries_ready_) return named_countries_;
    named_countries_ready_ = true;
    std::vector<ActorMatch> found;
    for (const dyad::Sentence& s : doc_->sentences) {
      for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
        if (!doc_->tokens[i].Is(kTokCapitalized) && !doc_->tokens[i].Is(kTokAllCaps)) continue;
        found.clear();
        Matches(i, s.token_end, &found);
        for (const ActorMatch& m : found) {
          if (m.entry->kind == ActorKind::kCountry) named_countries_.insert(m.entry->code);
        }
      }
    }
    return named_countries_;
  }

  // "Biden" alone: a unique office-holder of that surname on this date (or the only national
  // leader among several: "Museveni").
  uint32_t KnownSurname(uint32_t i, uint32_t end, Chunk* c) {
    if (i + 1 < end && doc_->tokens[i + 1].Is(kTokCapitalized)) return 0;  // part of a longer name
    // "on Friday", "May 22": a day or a date, not a surname ("criticized May's strategy" is).
    if (IsCalendarWord(doc_->tokens[i].lower) && !MonthAsName(i, end)) return 0;
    // "La Paz", "Hunter Biden": after another proper noun the surname belongs to a different name.
    if (i > 0 && doc_->tokens[i - 1].Is(kTokCapitalized) &&
        (doc_->tokens[i - 1].tag == "NNP" || doc_->tokens[i - 1].tag == "NNPS")) {
      return 0;
    }
    std::vector<const ActorEntry*> people;
    lex_.PersonsBySurname(doc_->tokens[i].lower, date_, &people);
    const ActorEntry* p = BySurname(people);
    if (p == nullptr && people.empty() && then_.valid()) {
      // "In 1980 Saddam invaded": the national leader of that time.
      lex_.PersonsBySurname(doc_->tokens[i].lower, then_, &people);
      p = BySurname(people);
      if (p != nullptr && !IsLeaderRole(p->role)) p = nullptr;
    }
    if (p == nullptr || !SurnameDatable(*p)) return 0;
    // "in Palma", "in Las Cruces and Albuquerque", "Taylor, Texas,": a minister's surname where a
    // place stands is the place (national leaders' surnames stay people: "in Putin's view").
    if (!IsLeaderRole(p->role) && (AfterLocative(i) || QualifiedLikeAPlace(i))) return 0;
    // "Sar-e-Pul", "Mazar-i-Sharif": a word joined by hyphens to the one before is part of a name.
    if (i > 0 && doc_->tokens[i - 1].lower == "-" && doc_->tokens[i - 1].span.begin > 0 &&
        doc_->tokens[i - 1].span.end == doc_->tokens[i].span.begin) {
      return 0;
    }
    c->person = p;
    c->name_begin = i;
    c->name_end = i + 1;
    return 1;
  }

  // A month's name standing for a person ("criticized May's strategy", "May said"), not a date
  // ("May 22", "in May", "last May"). Days of the week never do.
  bool MonthAsName(uint32_t i, uint32_t end) const {
    if (IsWeekday(doc_->tokens[i].lower)) return false;
    if (i + 1 < end && doc_->tokens[i + 1].Is(kTokDigit)) return false;
    if (i > 0) {
      static const char* const kBefore[] = {
          "in",    "on",   "since", "until", "till",    "by",     "of",     "last",  "next", "this",
          "early", "late", "mid",   "from",  "through", "during", "before", "after", "-"};
      for (const char* b : kBefore) {
        if (doc_->tokens[i - 1].lower == b) return false;
      }
      if (doc_->tokens[i - 1].Is(kTokDigit)) return false;  // "22 May"
    }
    return true;
  }

  // Longest registered name (surname, full name, acronym) at i.
  uint32_t FromRegistry(uint32_t i, uint32_t end, Chunk* c) {
    if (registry_first_.count(doc_->tokens[i].lower) == 0) return 0;
    for (uint32_t n = std::min<uint32_t>(4, end - i); n >= 1; --n) {
      auto it = registry_.find(JoinLower(*doc_, i, i + n));
      if (it == registry_.end()) continue;
      if (n == 1 && doc_->tokens[i].Is(kTokAllCaps) == false && i + 1 < end &&
          doc_->tokens[i + 1].Is(kTokCapitalized)) {
        continue;  // "Austin Smith" is not "Austin"
      }
      reg_hit_ = &it->second;
      c->registered = true;
      c->name_begin = i;
      c->name_end = i + n;
      return n;
    }
    return 0;
  }

  void Flush(Chunk* c) {
    if (c->empty()) { reg_hit_ = nullptr; return; }
    ActorMention m;
    ActorMention registered_view;  // what the registry keeps, when it differs from m
    bool use_view = false;
    m.token_begin = c->begin;
    m.token_end = c->end;
    m.span = Span{doc_->tokens[c->begin].span.begin, doc_->tokens[c->end - 1].span.end};
    m.plural = c->plural;
    // An organisation the person is given ("AU envoy", "Kremlin spokesman"): from the dictionary or
    // from an acronym the article defined.
    const Prototype* reg_org = reg_hit_ != nullptr && !reg_hit_->person ? reg_hit_ : nullptr;
    if (reg_hit_ && !(c->person && reg_org)) {
      const Prototype& p = *reg_hit_;
      m.code = p.code; m.country = p.country; m.sector = p.sector; m.name = p.name;
      m.plural = p.plural;
      m.rule = "coreference";
      // "Barack Obama" introduced as a former president, then "In 2012, Obama warned": the
      // office he held then.
      if (then_.valid() && p.entry != nullptr && p.sector == "ELI") {
        if (const ActorEntry* t = PersonThen(*p.entry)) {
          registered_view = m;  // later sentences keep the article's view of the person
          use_view = true;
          m.code = t->code;
          m.country = t->country;
          m.sector = t->sector;
          m.rule += "+as-of-sentence-date";
        }
      }
      if (!c->person_name.empty()) {  // "AU envoy Olusegun Obasanjo" after "(AU)" was defined
        m.name = c->person_name;
        m.plural = false;
        m.rule = "coreference+title+name";
      }
      reg_hit_ = nullptr;
    } else if (c->person) {
      reg_hit_ = nullptr;
      const ActorEntry& e = *c->person;
      m.code = e.code; m.country = e.country; m.sector = e.sector; m.name = e.name;
      m.rule = "lexicon:person";
      // Every office the lexicon knows for this person ended before the article's date: a former
      // office-holder, CAMEO's elite (ELI), not the office ("Boris Johnson" in 2024). Every office
      // begins more than three months after the date (a nominee or president-elect is named for
      // the office to come): not yet its holder, also ELI. In both cases an organisation the text
      // gives the person ("AU envoy Olusegun Obasanjo", "White House spokesman Josh Earnest")
      // says what they are now; before office, so does a title ("Army Secretary Mark Esper"
      // before he led the Pentagon).
      bool after = date_.valid() && e.to.valid() && date_ > e.to;
      // Days after the office ended, a title the text gives for it is the office still: the news
      // of the end itself ("Russian Ambassador Andrey Karlov" the week he was killed).
      if (after && c->title && c->sector == e.sector && c->country == e.country &&
          date_.ToDays() - e.to.ToDays() <= 31) {
        after = false;
      }
      bool before = date_.valid() && e.from.valid() && date_.ToDays() + 90 < e.from.ToDays();
      // Out of office on the article's date, in office on the sentence's earlier date: as of then
      // (below); the article's view is what later sentences inherit.
      const ActorEntry* then_office = (after || before) && then_.valid() ? OfficeThen(*c) : nullptr;
      // "then-Senator Barack Obama", "then Defense Secretary Jim Mattis": the title names the
      // office the person held at the time the text speaks of.
      if (ThenBefore(c->begin) && !c->sector.empty() && !m.country.empty()) {
        // Later mentions keep the article's view: the office held on its date, or ELI.
        registered_view = m;
        if ((after || before) && IsOfficeSector(m.sector)) {
          registered_view.sector = "ELI";
          registered_view.code = m.country + "ELI";
        }
        use_view = true;
        m.sector = c->sector;
        m.code = m.country + m.sector;
        m.rule += "+then-title";
        after = before = false;
        then_office = nullptr;
      }
      if ((after || before) && !m.country.empty() && IsOfficeSector(m.sector)) {
        if (c->org != nullptr && !c->org->sector.empty()) {
          m.code = c->org->code;
          m.country = c->org->country;
          m.sector = c->org->sector;
        } else if (reg_org != nullptr && !reg_org->sector.empty()) {
          m.code = reg_org->code;
          m.country = reg_org->country;
          m.sector = reg_org->sector;
        } else {
          m.sector = before && !c->sector.empty() ? c->sector : "ELI";
          m.code = m.country + m.sector;
        }
        m.rule += after ? "+out-of-office" : "+before-office";
      }
      if (then_office != nullptr) {
        registered_view = m;
        use_view = true;
        m.code = then_office->code;
        m.country = then_office->country;
        m.sector = then_office->sector;
        m.name = then_office->name;
        m.rule = "lexicon:person+as-of-sentence-date";
      }
    } else if (!c->person_name.empty() && c->org) {
      const ActorEntry& e = *c->org;
      m.code = e.code; m.country = e.country; m.sector = e.sector; m.name = c->person_name;
      m.rule = "org+title+name";
    } else if (!c->person_name.empty()) {
      m.country = c->country; m.sector = c->sector; m.code = c->country + c->sector;
      m.name = c->person_name;
      m.rule = "title+name";
    } else if (c->org && !c->country.empty() && c->org->country != c->country &&
               !c->org->sector.empty() &&
               (c->possessive || (c->adjective && !c->org->country.empty()))) {
      // "Chile's Defense Department", "the Thai FDA": the country named before another country's
      // institution has one of its own, with that role.
      m.country = c->country; m.sector = c->org->sector; m.code = m.country + m.sector;
      m.name = std::string(doc_->Text(m.span));
      m.rule = "country+institution";
    } else if (c->org) {
      const ActorEntry& e = *c->org;
      m.code = e.code; m.country = e.country; m.sector = e.sector; m.name = e.name;
      m.rule = e.kind == ActorKind::kOrg ? "lexicon:org" : "lexicon:metonym";
      // "European Union legislators", "NATO troops", "UN police": a branch of an international
      // organisation, coded as CAMEO codes the UN's bodies (IGOEURLEG, IGONATMIL).
      const std::string& b = c->org_agent_sector;
      if (e.sector == "IGO" && e.code.size() == 6 &&
          (b == "LEG" || b == "MIL" || b == "COP" || b == "JUD")) {
        m.sector = b;
        m.code = e.code + b;
        m.rule += "+branch";
      }
    } else if (!c->country.empty()) {
      m.country = c->country;
      m.sector = c->capital && !c->has_agent ? "GOV" : c->people ? "CVL" : c->sector;
      // "the Washington-based National Iranian American Council": where something no dictionary
      // knows is based, a country named as a modifier, not its government.
      bool based_only = c->based && !c->has_agent;
      if (based_only) m.sector.clear();
      // "Igbo leaders", "Chechen forces": a people's leaders are not the state's government, nor
      // its fighters the state's army.
      if (c->ethnic && m.sector == "GOV") m.sector = "CVL";
      if (c->ethnic && m.sector == "MIL") m.sector = "UAF";
      m.code = m.country + m.sector;
      const ActorEntry* ce = lex_.Country(m.country);
      m.name = ce ? ce->name : m.country;
      if (c->has_agent) m.name = std::string(doc_->Text(m.span));
      m.rule = c->has_agent                                                 ? "country+agent"
               : (c->adjective || based_only || IsCompoundModifier(c->end)) ? "adjective"
               : c->capital                                                 ? "capital"
                                                                            : "country";
      if (c->ethnic) m.rule += "+ethnic";
    } else if (c->has_agent) {
      m.sector = c->sector;
      m.name = std::string(doc_->Text(m.span));
      m.rule = "agent";
      m.code = m.sector;  // a role without a country ("the rebels"): CAMEO's bare sector code
      if (!ResolveLeaderTitle(&m)) ResolveDescription(&m);
    } else {
      return;  // an honorific with nothing after it
    }
    if (c->leader_body && !m.country.empty()) {
      m.sector = c->sector;
      m.code = m.country + m.sector;
      m.name = std::string(doc_->Text(m.span));
      m.plural = false;
      m.rule += "+government";
      reg_hit_ = nullptr;
      doc_->actors.push_back(std::move(m));  // not registered: "Biden" alone stays the person
      return;
    }
    if (m.code.empty() && m.sector.empty()) return;
    m.place = c->place && c->has_agent && m.rule.find("agent") != std::string::npos;
    CounterpartSector(&m);
    MarkFormer(&m);
    NoteLeader(*c, m);
    Register(*c, use_view ? registered_view : m);
    doc_->actors.push_back(std::move(m));
  }

  // A leader's title as the key of leaders_ ("Acting President" -> "president"), or "".
  static std::string LeaderKey(std::string_view title) {
    std::string_view k = LeaderTitleWord(title);
    if (k.empty()) return "";
    // "Vice President", "deputy prime minister", "former president": another office.
    std::string_view before = title.substr(0, title.size() - k.size());
    for (std::string_view w : {"vice", "deputy", "former", "ex", "then", "crown"}) {
      if (EndsWithWords(before.substr(0, before.empty() ? 0 : before.size() - 1), w)) return "";
    }
    return std::string(k);
  }

  // Remembers a person in a leader's office: the lexicon's office on the date, or the title the
  // text gives ("President Ashraf Ghani", "Prime Minister Imran Khan").
  void NoteLeader(const Chunk& c, const ActorMention& m) {
    if (m.country.empty() || m.plural || (m.sector != "GOV" && m.sector != "ELI")) return;
    if (m.rule == "definite-description") return;  // "the president" counts for no one
    std::string key;
    if (m.rule == "lexicon:person" && c.person != nullptr &&
        lexicon::IsLeaderRole(c.person->role)) {
      key = LeaderKey(JoinLowerWord(c.person->role));
    } else if (m.rule.rfind("title+name", 0) == 0 && c.name_begin > c.begin) {
      key = LeaderKey(JoinLower(*doc_, c.begin, c.name_begin));
    }
    // Later mentions of a leader already seen ("Trump"; "he" is not counted) add to the count.
    std::string who = m.name + '\t' + m.country;
    auto seen = leaders_by_name_.find(who);
    if (seen != leaders_by_name_.end()) {
      ++leaders_[seen->second].count;
      return;
    }
    if (m.sector == "ELI" || key.empty()) return;
    leaders_by_name_.emplace(std::move(who), leaders_.size());
    leaders_by_title_[key].push_back(leaders_.size());
    leaders_.push_back(LeaderSeen{m, 1});
  }

  // "the president", "the prime minister": the last person the article named with that title.
  bool ResolveLeaderTitle(ActorMention* m) {
    if (m->plural || m->token_begin == 0 || doc_->tokens[m->token_begin - 1].lower != "the") {
      return false;
    }
    // "the president of the company", "the president of Kenya": another president.
    if (m->token_end < doc_->tokens.size() && doc_->tokens[m->token_end].lower == "of")
      return false;
    std::string text = JoinLower(*doc_, m->token_begin, m->token_end);
    std::string key = LeaderKey(text);
    if (key.empty() || key != text) return false;
    auto it = leaders_by_title_.find(key);
    if (it == leaders_by_title_.end()) return false;
    // The leader the article is most about: "the president" in a report of a US president's
    // meeting with Xi and Putin is the US president. A tie names no one.
    const LeaderSeen* best = nullptr;
    bool tie = false;
    for (size_t k : it->second) {
      const LeaderSeen& l = leaders_[k];
      if (best == nullptr || l.count > best->count) {
        best = &l;
        tie = false;
      } else if (l.count == best->count) {
        tie = true;
      }
    }
    if (tie) return false;
    m->code = best->mention.code;
    m->country = best->mention.country;
    m->sector = best->mention.sector;
    m->name = best->mention.name;
    m->rule = "definite-description";
    return true;
  }

  // "former President X", "a former White House official", "the retired general": out of office,
  // CAMEO's elite (ELI).
  void MarkFormer(ActorMention* m) const {
    uint32_t b = m->token_begin;
    bool former = false;
    for (uint32_t k = b, n = 0; k > 0 && n < 2; --k, ++n) {
      const std::string& w = doc_->tokens[k - 1].lower;
      if (w == "former" || w == "ex" || w == "retired") { former = true; break; }
      if (w != "a" && w != "the" && w != "-") break;
    }
    if (!former || m->sector.empty() || m->sector == "ELI" || !IsOfficeSector(m->sector)) return;
    m->sector = "ELI";
    m->code = m->country + "ELI";
    m->rule += "+former";
  }

  // "US-led", "Iran-backed": a name that only modifies what follows.
  bool IsCompoundModifier(uint32_t end) const {
    if (end + 1 >= doc_->tokens.size() || doc_->tokens[end].lower != "-") return false;
    const Token& n = doc_->tokens[end + 1];
    return !n.Is(kTokCapitalized) && !n.Is(kTokDigit);
  }

  // "the insurgents", "the assailants": a definite description of an armed non-state group
  // refers to the last such group the article named (the Taliban, JNIM).
  void ResolveDescription(ActorMention* m) {
    if (!IsArmedNonState(m->sector) || m->token_begin == 0) return;
    const std::string& det = doc_->tokens[m->token_begin - 1].lower;
    if (det != "the" && det != "these" && det != "those") return;
    for (auto it = doc_->actors.rbegin(); it != doc_->actors.rend(); ++it) {
      if (IsArmedNonState(it->sector) && it->code != it->sector && !it->code.empty()) {
        m->code = it->code; m->country = it->country; m->sector = it->sector; m->name = it->name;
        m->rule = "definite-description";
        return;
      }
    }
  }

  // Whether the mention is the subject of its clause ("hospitals said they ...").
  bool IsSubject(const ActorMention& m) const {
    int32_t head = syntax::PhraseHead(*doc_, m.token_begin, m.token_end);
    return head >= 0 && doc_->tokens[head].deprel.rfind("nsubj", 0) == 0;
  }

  bool Pronoun(uint32_t i, const dyad::Sentence& s) {
    const std::string& w = doc_->tokens[i].lower;
    bool plural = w == "they" || w == "them" || w == "their";
    bool singular = w == "he" || w == "him" || w == "she" || w == "her";
    if (w == "it" && ItAfterSpeech(i, s)) return true;
    if (!plural && !singular) return false;
    if (doc_->tokens[i].Is(kTokInQuote)) return false;
    auto idx = &s - doc_->sentences.data();
    uint32_t min_token = doc_->sentences[idx >= 2 ? idx - 2 : 0].token_begin;
    for (auto it = doc_->actors.rbegin(); it != doc_->actors.rend(); ++it) {
      if (it->token_begin < min_token) break;
      if (it->code.empty() || doc_->tokens[it->token_begin].Is(kTokInQuote)) continue;
      if (it->place && !IsSubject(*it)) continue;  // "they" is not "the villages" they attacked
      bool person = it->rule == "lexicon:person" || it->rule == "title+name" ||
                    (it->rule == "coreference" && !it->plural && it->sector != "");
      if ((plural && it->plural) || (singular && person && !it->plural)) {
        AddPronoun(*it, i);
        return true;
      }
    }
    return false;
  }

  // A mention of `antecedent` at the pronoun token i. Copies first: push_back may reallocate.
  void AddPronoun(ActorMention antecedent, uint32_t i) {
    antecedent.token_begin = i;
    antecedent.token_end = i + 1;
    antecedent.span = doc_->tokens[i].span;
    antecedent.group = -1;
    antecedent.rule = "pronoun";
    doc_->actors.push_back(std::move(antecedent));
  }

  // "Hungary has said it will support ...": "it" right after a speech verb (and "that") is the
  // speaker, when the speaker is a country or an organisation.
  bool ItAfterSpeech(uint32_t i, const dyad::Sentence& s) {
    uint32_t k = i;
    // Skip "that" and a time phrase: "said on Monday it", "said today that it".
    for (uint32_t n = 0; k > s.token_begin && n < 4; ++n) {
      const Token& p = doc_->tokens[k - 1];
      static const char* kSkip[] = {"that", "on", "today", "yesterday", "tonight", "monday", "tuesday",
                                    "wednesday", "thursday", "friday", "saturday", "sunday", ","};
      bool skip = false;
      for (const char* w : kSkip) skip = skip || p.lower == w;
      if (!skip) break;
      --k;
    }
    if (k == s.token_begin) return false;
    const Token& v = doc_->tokens[k - 1];
    if (v.lemma != "say" && v.lemma != "announce" && v.lemma != "state" && v.lemma != "declare") return false;
    for (auto it = doc_->actors.rbegin(); it != doc_->actors.rend(); ++it) {
      if (it->token_begin < s.token_begin) break;
      if (it->token_end > k - 1) continue;
      bool institution = it->rule == "country" || it->rule.rfind("lexicon:org", 0) == 0 ||
                         it->rule == "capital" || it->rule == "lexicon:metonym";
      if (!institution) return false;
      AddPronoun(*it, i);
      return true;
    }
    return false;
  }

  void Register(const Chunk& c, const ActorMention& m) {
    if (m.code.empty()) return;
    bool person = c.person != nullptr || !c.person_name.empty();
    Prototype p{m.code, m.country, m.sector, m.name, m.plural, person, c.person};
    for (const std::string& a : c.acronyms) Remember(JoinLowerWord(a), p);
    if (c.name_end > c.name_begin && (c.person || !c.person_name.empty())) {
      Remember(JoinLower(*doc_, c.name_begin, c.name_end), p);
      Remember(doc_->tokens[c.name_end - 1].lower, p);  // surname
      // The forms the lexicon says are used alone ("Rodriguez" of "Bruno Rodriguez Parrilla").
      if (c.person) {
        for (const std::string& s : c.person->surnames) Remember(s, p);
      }
    }
  }

  void Remember(const std::string& key, const Prototype& p) {
    registry_[key] = p;
    registry_first_.insert(key.substr(0, key.find(' ')));
  }

  static std::string JoinLowerWord(const std::string& s) {
    std::string out = s;
    for (char& ch : out) if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    return out;
  }

  // The lexicon's matches at token i (the matcher's first-word filter answers most tokens).
  void Matches(uint32_t i, uint32_t end, std::vector<ActorMatch>* out) const {
    lex_.MatchesAt(*doc_, i, end, date_, out);
  }

  const lexicon::ActorLexicon& lex_;
  Date date_;
  Date then_;             // the middle of the current sentence's earlier range, or unset
  DateRange then_range_;  // that range ("In 1969": the whole year)
  Document* doc_;
  std::unordered_map<std::string, Prototype> registry_;
  std::unordered_set<std::string> registry_first_;  // first words of registry_'s keys
  mutable std::unordered_set<std::string> named_countries_;
  mutable bool named_countries_ready_ = false;
  const Prototype* reg_hit_ = nullptr;
  const dyad::Sentence* sentence_ = nullptr;
  // The people the article named with each leader's title ("president" -> Donald Trump, Xi
  // Jinping), with how often each was mentioned so far.
  struct LeaderSeen {
    ActorMention mention;
    int count = 0;
  };
  std::vector<LeaderSeen> leaders_;
  std::unordered_map<std::string, std::vector<size_t>> leaders_by_title_;  // into leaders_
  std::unordered_map<std::string, size_t> leaders_by_name_;  // name + '\t' + country -> leaders_
};

// "foreign forces", "international troops", "US-led coalition forces": not the article's country.
bool IsForeignModified(const Document& doc, const ActorMention& m) {
  for (uint32_t k = m.token_begin, n = 0; k > 0 && n < 3; --k, ++n) {
    const std::string& w = doc.tokens[k - 1].lower;
    if (w == "foreign" || w == "international" || w == "coalition" || w == "western" ||
        w == "allied" || w == "multinational" || w == "led" || w == "backed" || w == "overseas") {
      return true;
    }
  }
  const std::string& first = doc.tokens[m.token_begin].lower;
  return first == "foreign" || first == "international" || first == "coalition" ||
         first == "western" || first == "multinational";
}

}  // namespace

namespace {

// Sectors an organisation noun can refer back to: "the bloc" (the EU), "the group" (JNIM).
const char* const* OrgNounSectors(std::string_view noun) {
  static const char* const kBloc[] = {"IGO", nullptr};
  static const char* const kAlliance[] = {"IGO", "REB", "INS", "PTY", nullptr};
  static const char* const kGroup[] = {"INS", "REB", "UAF", "IMG", "SEP", "PTY", "NGO", nullptr};
  static const char* const kMilitia[] = {"INS", "REB", "UAF", nullptr};
  static const char* const kOrganisation[] = {"IGO", "NGO", nullptr};
  static const char* const kMovement[] = {"INS", "REB", "PTY", "OPP", "SEP", nullptr};
  if (noun == "bloc") return kBloc;
  if (noun == "alliance" || noun == "coalition") return kAlliance;
  if (noun == "group") return kGroup;
  if (noun == "militia") return kMilitia;
  if (noun == "organisation" || noun == "organization") return kOrganisation;
  if (noun == "movement") return kMovement;
  return nullptr;
}

}  // namespace

namespace {

// Adds mentions found after the recognizer's pass, keeping doc->actors in text order.
void AddInTextOrder(Document* doc, std::vector<ActorMention>* added) {
  if (added->empty()) return;
  doc->actors.insert(doc->actors.end(), added->begin(), added->end());
  std::stable_sort(
      doc->actors.begin(), doc->actors.end(),
      [](const ActorMention& a, const ActorMention& b) { return a.token_begin < b.token_begin; });
}

// Tokens inside an actor mention.
std::vector<bool> CoveredTokens(const Document& doc) {
  std::vector<bool> covered(doc.tokens.size(), false);
  for (const ActorMention& m : doc.actors) {
    for (uint32_t t = m.token_begin; t < m.token_end; ++t) covered[t] = true;
  }
  return covered;
}

}  // namespace

void ResolveOrganisationNouns(Document* doc) {
  std::vector<int32_t> covered(doc->tokens.size(), -1);
  for (size_t a = 0; a < doc->actors.size(); ++a) {
    for (uint32_t t = doc->actors[a].token_begin; t < doc->actors[a].token_end; ++t) covered[t] = a;
  }
  std::vector<ActorMention> added;
  for (uint32_t i = 1; i + 1 < doc->tokens.size(); ++i) {
    const char* const* sectors = OrgNounSectors(doc->tokens[i].lower);
    if (sectors == nullptr || covered[i] >= 0 || doc->tokens[i - 1].lower != "the") continue;
    if (doc->tokens[i + 1].lower == "of") continue;  // "the group of experts"
    const ActorMention* ante = nullptr;
    for (const ActorMention& m : doc->actors) {
      if (m.token_end > i) break;
      bool org = m.rule.rfind("lexicon:org", 0) == 0 || m.rule.rfind("coreference", 0) == 0;
      for (const char* const* s = sectors; *s && org; ++s) {
        if (m.sector == *s) ante = &m;
      }
    }
    if (ante == nullptr) continue;
    ActorMention m = *ante;
    m.span = doc->tokens[i].span;
    m.token_begin = i;
    m.token_end = i + 1;
    m.group = -1;
    m.rule = "definite-description";
    added.push_back(std::move(m));
  }
  AddInTextOrder(doc, &added);
}

// True when the name starting at `name` follows the role ending at `role_end` as "in X",
// "from X", "of X", "in the X", "from the X" or "of the X" ("residents of Kabul").
bool InOrFromAfter(const Document& doc, uint32_t role_end, uint32_t name) {
  if (name < role_end + 1 || name > role_end + 2) return false;
  const std::string& prep = doc.tokens[role_end].lower;
  if (prep != "in" && prep != "from" && prep != "of") return false;
  if (prep == "of" && role_end > 0 && IsRelationalRole(doc.tokens[role_end - 1].lower))
    return false;
  return name == role_end + 1 || doc.tokens[role_end + 1].lower == "the";
}

// The capitalised words just before the role at token `begin` that no actor covers, up to four
// ("Madras" in "Madras High Court"): [first, begin), empty when there are none.
uint32_t NameRunBefore(const Document& doc, const std::vector<bool>& covered, uint32_t begin) {
  uint32_t first = begin;
  while (first > 0 && begin - first < 4) {
    const Token& t = doc.tokens[first - 1];
    if (covered[first - 1] || !t.Is(kTokCapitalized)) break;
    const std::string& tag = t.tag;  // "The police", "In Kabul": function words name no place
    if (tag == "DT" || tag == "IN" || tag == "CC" || tag == "PRP" || tag == "PRP$" || tag == "CD" ||
        tag == "WDT" || tag == "WP" || tag == "MD" || tag == "TO")
      break;
    --first;
    if (t.Is(kTokSentStart)) break;
  }
  return first;
}

// The country of a place named by some words of [first, end): names of at most four words whose
// words all pass `usable` (when given), longest first, then leftmost. Linear in the run's length.
std::string RunCountry(const Document& doc, uint32_t first, uint32_t end, const PlaceCountryFn& fn,
                       bool (*usable)(const Token&) = nullptr) {
  for (uint32_t len = std::min<uint32_t>(end - first, 4); len >= 1; --len) {
    for (uint32_t a = first; a + len <= end; ++a) {
      bool ok = true;
      for (uint32_t t = a; t < a + len && ok && usable; ++t) ok = usable(doc.tokens[t]);
      if (!ok) continue;
      std::string c =
          fn(doc.Text(Span{doc.tokens[a].span.begin, doc.tokens[a + len - 1].span.end}));
      if (!c.empty()) return c;
    }
  }
  return "";
}

// "Shanghai authorities", "Kano State government" (a place just before a role), "police in Kabul",
// "journalists from France", "rebels in the Ivory Coast" (a place or a country named after
// in/from): the role takes that country. The place must be capitalised and resolved (the geo
// stage has weighed its context), or a dominant gazetteer name ("Madras High Court").
void PlaceModifiedRoles(Document* doc, const PlaceCountryFn& place_country) {
  std::vector<bool> covered;
  if (place_country) covered = CoveredTokens(*doc);
  for (size_t a = 0; a < doc->actors.size(); ++a) {
    ActorMention& m = doc->actors[a];
    if (!m.country.empty() || m.sector.empty() || m.code != m.sector) continue;
    if (m.sector == "IGO" || m.sector == "NGO" || m.sector == "IMG") continue;
    std::string country, rule;
    for (const PlaceMention& p : doc->places) {
      if (p.country.empty() || !doc->tokens[p.token_begin].Is(kTokCapitalized)) continue;
      if (p.token_end == m.token_begin) country = p.country, rule = "+place-modifier";
      else if (InOrFromAfter(*doc, m.token_end, p.token_begin)) country = p.country, rule = "+place-of-role";
      if (!country.empty()) break;
    }
    if (country.empty() && a + 1 < doc->actors.size()) {
      const ActorMention& n = doc->actors[a + 1];
      if (n.rule == "country" && InOrFromAfter(*doc, m.token_end, n.token_begin)) {
        country = n.country, rule = "+place-of-role";
      }
    }
    if (country.empty() && place_country) {
      uint32_t first = NameRunBefore(*doc, covered, m.token_begin);
      if (first < m.token_begin) {
        country = RunCountry(*doc, first, m.token_begin, place_country);
        rule = "+place-in-name";
      }
    }
    if (country.empty()) continue;
    m.country = country;
    m.code = country + m.sector;
    m.rule += rule;
  }
}

bool IsOrganisationHead(std::string_view w) {
  static const char* const kHeads[] = {
      "alliance", "association",   "society",     "league",       "union",        "federation",
      "council",  "committee",     "foundation",  "institute",    "front",        "movement",
      "party",    "coalition",     "network",     "organisation", "organization", "services",
      "agency",   "authority",     "corporation", "board",        "trust",        "forum",
      "congress", "confederation", "syndicate",   "brotherhood",  "assembly",     "chamber",
      "centre",   "center"};
  for (const char* h : kHeads) {
    if (w == h) return true;
  }
  return false;
}

// A word of an organisation's name that may belong to a place in it: capitalised, not the head.
bool IsPlaceWordOfName(const Token& t) {
  return t.Is(kTokCapitalized) && !IsOrganisationHead(t.lower);
}

// "the Aboriginal Medical Services Alliance Northern Territory", "the Kisumu Traders Association":
// a capitalised name with an organisation's head noun that no dictionary knows, and a place inside
// it that gives the organisation's country (a resolved place, or a dominant gazetteer name). The
// organisation gets that country and no sector (a party: PTY). Names that contain a known actor
// were read by the recognizer already.
void UnknownOrganisations(Document* doc, const PlaceCountryFn& place_country) {
  if (!place_country) return;
  std::vector<bool> covered = CoveredTokens(*doc);
  std::vector<ActorMention> added;
  for (const dyad::Sentence& s : doc->sentences) {
    uint32_t i = s.token_begin;
    while (i < s.token_end) {
      auto cap = [&](uint32_t t) {
        return doc->tokens[t].Is(kTokCapitalized) || doc->tokens[t].Is(kTokAllCaps);
      };
      if (!cap(i)) {
        ++i;
        continue;
      }
      uint32_t e = i + 1;
      while (e < s.token_end) {
        if (cap(e)) {
          ++e;
          continue;
        }
        const std::string& w = doc->tokens[e].lower;  // "Council for the Safeguard of the Homeland"
        bool joiner = w == "of" || w == "for" || w == "the" || w == "and" || w == "&";
        uint32_t k = e;
        while (k < s.token_end && k < e + 2 && !cap(k)) {
          const std::string& v = doc->tokens[k].lower;
          if (v != "of" && v != "for" && v != "the" && v != "and" && v != "&") break;
          ++k;
        }
        if (!joiner || k >= s.token_end || !cap(k)) break;
        e = k;
      }
      uint32_t b = i;
      i = e;
      while (b < e && (doc->tokens[b].lower == "the" || doc->tokens[b].lower == "a")) ++b;
      if (e - b < 3) continue;
      bool has_head = false, known = false;
      for (uint32_t t = b; t < e; ++t) {
        has_head = has_head ||
                   (doc->tokens[t].Is(kTokCapitalized) && IsOrganisationHead(doc->tokens[t].lower));
        known = known || covered[t];
      }
      if (!has_head || known) continue;
      std::string country;
      for (const PlaceMention& p : doc->places) {
        if (p.token_begin >= b && p.token_end <= e && !p.country.empty()) {
          country = p.country;
          break;
        }
      }
      if (country.empty()) country = RunCountry(*doc, b, e, place_country, IsPlaceWordOfName);
      if (country.empty()) continue;
      ActorMention m;
      m.token_begin = b;
      m.token_end = e;
      m.span = Span{doc->tokens[b].span.begin, doc->tokens[e - 1].span.end};
      m.country = country;
      m.sector = doc->tokens[e - 1].lower == "party" ? "PTY" : "";
      m.code = country + m.sector;
      m.name = std::string(doc->Text(m.span));
      m.rule = "organisation-name+place";
      added.push_back(std::move(m));
    }
  }
  AddInTextOrder(doc, &added);
}

void InferArticleCountry(Document* doc, const PlaceCountryFn& place_country) {
  UnknownOrganisations(doc, place_country);
  PlaceModifiedRoles(doc, place_country);
  // Countries named in the article: actor mentions with a country, and resolved places.
  std::map<std::string, int> count;
  int total = 0;
  for (const ActorMention& m : doc->actors) {
    if (m.country.empty() || m.rule == "article-country" || m.rule == "pronoun") continue;
    ++count[m.country];
    ++total;
  }
  for (const PlaceMention& p : doc->places) {
    if (p.country.empty()) continue;
    ++count[p.country];
    ++total;
  }
  std::string best;
  int best_n = 0;
  for (const auto& [c, n] : count) {
    if (n > best_n) { best = c; best_n = n; }
  }
  if (best.empty() || best_n < 2 || 2 * best_n < total) return;  // no country dominates
  for (ActorMention& m : doc->actors) {
    if (!m.country.empty() || m.sector.empty() || m.code != m.sector) continue;
    if (m.sector == "IGO" || m.sector == "NGO" || m.sector == "IMG") continue;
    if (IsForeignModified(*doc, m)) continue;
    m.country = best;
    m.code = best + m.sector;
    m.rule += "+article-country";
  }
}

namespace {

// A compound's id is the index of its first member (ActorMention::group); after mentions were
// added, the ids are made so again.
void RenumberGroups(Document* doc) {
  std::map<int32_t, int32_t> first;
  for (size_t a = 0; a < doc->actors.size(); ++a) {
    int32_t g = doc->actors[a].group;
    if (g >= 0 && !first.count(g)) first[g] = static_cast<int32_t>(a);
  }
  for (ActorMention& m : doc->actors) {
    if (m.group >= 0) m.group = first[m.group];
  }
}

bool IsPairNoun(std::string_view w) {
  static const char* const kNouns[] = {"sides",       "countries",   "nations",    "leaders",
                                       "governments", "delegations", "neighbours", "neighbors",
                                       "rivals",      "allies",      "presidents", "ministers",
                                       "armies",      "militaries",  "states"};
  for (const char* n : kNouns) {
    if (w == n) return true;
  }
  return false;
}

}  // namespace

// "The two sides agreed", "both countries": the last two parties named together (a compound, up to
// four sentences back), or else the last two actors of different codes in this sentence or the one
// before. The phrase becomes a compound of the two.
void ResolveBothSides(Document* doc) {
  std::vector<bool> covered = CoveredTokens(*doc);
  std::vector<ActorMention> added;
  int32_t next_group = -2;  // temporary ids, below every real one's range; renumbered at the end
  for (uint32_t i = 0; i + 1 < doc->tokens.size(); ++i) {
    const std::string& w = doc->tokens[i].lower;
    uint32_t noun = 0;
    if (w == "both" && IsPairNoun(doc->tokens[i + 1].lower)) noun = i + 1;
    if (w == "the" && i + 2 < doc->tokens.size() && doc->tokens[i + 1].lower == "two" &&
        IsPairNoun(doc->tokens[i + 2].lower)) {
      noun = i + 2;
    }
    if (noun == 0 || covered[i]) continue;
    // "the two leaders": a bare role noun ("leaders", GOV without a country) gives way.
    int32_t bare = -1;
    if (covered[noun]) {
      for (size_t a = 0; a < doc->actors.size(); ++a) {
        const ActorMention& m = doc->actors[a];
        if (m.token_begin == noun && m.token_end == noun + 1 && m.code == m.sector && m.group < 0) {
          bare = static_cast<int32_t>(a);
        }
      }
      if (bare < 0) continue;
    }
    size_t sent = SentenceOf(*doc, i);
    uint32_t min_token = doc->sentences[sent >= 4 ? sent - 4 : 0].token_begin;
    const ActorMention* pair[2] = {nullptr, nullptr};
    // "the US-Pakistan relationship": countries that only modify a noun are no parties.
    auto party = [](const ActorMention& m) {
      return !m.code.empty() && m.rule != "adjective" && m.rule != "(replaced)";
    };
    // The latest compound of two parties of different codes, up to four sentences back.
    for (size_t a = doc->actors.size(); a-- > 0 && pair[0] == nullptr;) {
      const ActorMention& m = doc->actors[a];
      if (m.token_end > i || m.token_begin < min_token || m.group < 0 || !party(m)) continue;
      for (size_t b = 0; b < doc->actors.size(); ++b) {
        const ActorMention& o = doc->actors[b];
        if (b != a && o.group == m.group && party(o) && o.code != m.code) {
          pair[0] = b < a ? &o : &m;
          pair[1] = b < a ? &m : &o;
          break;
        }
      }
    }
    if (pair[0] ==
        nullptr) {  // the last two actors of different codes, in this sentence or the one before
      uint32_t near = doc->sentences[sent >= 1 ? sent - 1 : 0].token_begin;
      for (size_t a = doc->actors.size(); a-- > 0;) {
        const ActorMention& m = doc->actors[a];
        if (m.token_end > i || !party(m) || m.country.empty() || m.rule == "pronoun") continue;
        if (m.token_begin < near) break;
        if (pair[1] == nullptr) {
          pair[1] = &m;
          continue;
        }
        if (m.code != pair[1]->code) {
          pair[0] = &m;
          break;
        }
      }
    }
    if (pair[0] == nullptr || pair[1] == nullptr) continue;
    if (bare >= 0) doc->actors[bare].rule = "(replaced)";  // erased below
    for (const ActorMention* p : pair) {
      ActorMention m = *p;
      m.token_begin = i;
      m.token_end = noun + 1;
      m.span = Span{doc->tokens[i].span.begin, doc->tokens[noun].span.end};
      m.group = next_group;
      m.plural = true;
      m.rule = "both-sides";
      added.push_back(std::move(m));
    }
    --next_group;
    for (uint32_t t = i; t <= noun; ++t) covered[t] = true;
  }
  if (added.empty()) return;
  doc->actors.erase(std::remove_if(doc->actors.begin(), doc->actors.end(),
                                   [](const ActorMention& m) { return m.rule == "(replaced)"; }),
                    doc->actors.end());
  // Temporary ids are negative; give them ids no real group has before renumbering.
  int32_t base = static_cast<int32_t>(doc->actors.size() + added.size());
  for (ActorMention& m : added) m.group = base + (-m.group);
  AddInTextOrder(doc, &added);
  RenumberGroups(doc);
}

namespace {

// Per sentence, the range its own date expressions put it in when that ends more than a year
// before the article's date ("In 2012": the year). Unset elsewhere, and without an article date.
// Needs the date stage's mentions (doc->dates).
std::vector<DateRange> EarlierSentenceRanges(const Date& article, const Document& doc) {
  std::vector<DateRange> out(doc.sentences.size());
  if (!article.valid()) return out;
  for (const DateMention& d : doc.dates) {
    const DateRange& r = d.range;
    if (!r.from.valid() || !r.to.valid() || r.to.ToDays() + 365 >= article.ToDays()) continue;
    size_t k = SentenceOf(doc, d.token_begin);
    if (k >= out.size() || out[k].from.valid()) continue;
    out[k] = r;
  }
  return out;
}

}  // namespace

void ActorRecognizer::Recognize(const Date& date, Document* doc) const {
  doc->actors.clear();
  Run run(lexicon_, date, doc);
  std::vector<DateRange> earlier = EarlierSentenceRanges(date, *doc);
  for (size_t k = 0; k < doc->sentences.size(); ++k) {
    const Sentence& s = doc->sentences[k];
    // A dateline names where the report was filed, not an actor ("KABUL, Aug 10 (Reuters) -").
    if (s.segment < doc->segments.size() && doc->segments[s.segment].is_dateline) continue;
    run.Sentence(s, earlier[k]);
  }
  ResolveOrganisationNouns(doc);
  run.LinkCompounds();
  ResolveBothSides(doc);
}

}  // namespace dyad::actors
