#include "events/frames.h"

#include <algorithm>
#include <array>

#include "syntax/lemmatizer.h"
#include "syntax/tagger.h"
#include "syntax/tree.h"

namespace dyad::events {
namespace {

template <size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view w) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

constexpr std::array<std::string_view, 12> kBe = {"be", "is", "are", "was", "were", "been",
                                                  "being", "am", "'s", "’s", "get", "got"};

// Prepositions whose object is not the subject or direct object of a verb.
constexpr std::array<std::string_view, 22> kNonArgPreps = {
    "of", "by", "with", "to", "in", "from", "against", "for", "on", "at", "about", "amid",
    "near", "across", "over", "during", "within", "into", "between", "among", "like", "than"};

// Prepositions whose object is neither the target nor the place of the act ("fought alongside
// the army": an ally).
constexpr std::array<std::string_view, 15> kLocativePreps = {
    "in", "at", "near", "from", "across", "over", "about", "amid", "during", "within",
    "into", "among", "like", "outside", "alongside"};

bool WordMatches(const Token& t, const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (t.lemma == w || t.lower == w) return true;
  }
  return false;
}

bool IsFinite(const Token& t) { return t.tag == "VBD" || t.tag == "VBZ" || t.tag == "VBP" || t.tag == "MD"; }
bool IsNominal(const Token& t) {
  return t.tag == "NN" || t.tag == "NNS" || t.tag == "PRP" || t.tag == "EX" || t.tag == "WDT" ||
         t.tag == "WP";
}

// "their convoy was ambushed": the noun before the verb belongs to an actor (a possessive
// pronoun or name resolved as a mention), who then stands for it.
bool PossessedByActor(const Document& doc, const MentionIndex& idx, const Clause& clause, uint32_t noun) {
  for (uint32_t k = noun, n = 0; k > clause.begin && n < 3; --k, ++n) {
    if (idx.actor[k - 1] >= 0) {
      const std::string& w = doc.tokens[k - 1].lower;
      return w == "their" || w == "its" || w == "'s" || w == "’s" ||
             doc.actors[idx.actor[k - 1]].token_end == k;
    }
    const std::string& t = doc.tokens[k - 1].tag;
    if (t != "JJ" && t != "NN" && t != "NNS" && t != "DT") return false;
  }
  return false;
}

// For the comma at `close`, the comma that opens the inserted phrase it closes (a relative
// clause ", who ... ," or an apposition ", a former president ,"), or `close` itself.
uint32_t InsertionStart(const Document& doc, const MentionIndex& idx, const Clause& clause, uint32_t close) {
  for (uint32_t k = close, n = 0; k > clause.begin + 1 && n < 20; --k, ++n) {
    if (doc.tokens[k - 1].lower != ",") continue;
    uint32_t open = k - 1;
    const std::string& first = doc.tokens[open + 1].lower;
    bool relative = first == "who" || first == "which" || first == "whose" || first == "whom";
    bool apposition = (first == "a" || first == "an" || first == "the" || first == "former") &&
                      open > clause.begin && idx.actor[open - 1] >= 0;
    return relative || apposition ? open : close;
  }
  return close;
}

// Tokens that open another clause: an object search stops there.
bool OpensClause(const Token& t) {
  static constexpr std::array<std::string_view, 14> kWords = {
      "which", "who", "whom", "that", "after", "before", "while", "as", "because", "when",
      "since", "until", "whereas", "although"};
  return IsFinite(t) || In(kWords, t.lower);
}

// The mention is the object of a preposition ("on a village", "in the capital", "with its
// neighbours"): the words before it, past determiners, numbers and adjectives, start with one.
bool InPrepPhrase(const Document& doc, const Clause& clause, const ActorMention& m) {
  // "up to 100 protesters", "about 200 soldiers", "over 50 people": a number's modifier
  static constexpr std::array<std::string_view, 6> kOfNumber = {"to",   "about", "over",
                                                                "than", "at",    "around"};
  bool number = false;
  for (uint32_t k = m.token_begin, n = 0; k > clause.begin && n < 4; --k, ++n) {
    const Token& p = doc.tokens[k - 1];
    if (In(kNonArgPreps, p.lower)) return !(number && In(kOfNumber, p.lower));
    if (p.tag == "CD") number = true;
    if (p.tag != "DT" && p.tag != "CD" && p.tag != "PRP$" && p.tag.rfind("JJ", 0) != 0)
      return false;
  }
  return false;
}

// "thousands of protesters", "dozens of soldiers", "one of the lawmakers": the actor after a
// quantity's "of" is what the phrase is about (its subject when the phrase is), when it is the
// whole phrase after "of" ("one of Congress' most hawkish members" is not Congress).
bool AfterQuantityOf(const Document& doc, const ActorMention& m) {
  uint32_t begin = m.token_begin;
  if (begin < 2 || doc.tokens[begin - 1].lower != "of") return false;
  if (m.token_end < doc.tokens.size()) {
    const Token& n = doc.tokens[m.token_end];
    if (n.tag == "POS" || syntax::IsNounTag(n.tag)) return false;
  }
  const Token& q = doc.tokens[begin - 2];
  static constexpr std::array<std::string_view, 16> kQuantities = {
      "thousands", "hundreds", "dozens", "millions", "scores", "tens", "many",   "some",
      "most",      "several",  "group",  "crowd",    "number", "band", "groups", "all"};
  if (q.tag != "CD" && !In(kQuantities, q.lower)) return false;
  // The quantity phrase itself must not be the object of a preposition or participle ("facing
  // tens of thousands of protesters", "backed by dozens of tanks"): walk back over its words.
  for (uint32_t k = begin - 2, n = 0; k > 0 && n < 6; --k, ++n) {
    const Token& p = doc.tokens[k - 1];
    if (p.lower == "of" || p.tag == "CD" || p.tag == "DT" || p.tag == "JJ" || p.tag == "RB" ||
        In(kQuantities, p.lower)) {
      continue;  // "tens of thousands of", "up to a few hundred"
    }
    if (p.tag == "IN" || p.tag == "TO" || p.tag == "VBG" || p.tag == "VBN" || p.lower == ",") {
      return p.lower == "to" && k >= 2 && doc.tokens[k - 2].lower == "up";  // "up to 100 of"
    }
    break;
  }
  return true;
}

// "as", "while", "because", "which": a word that starts an adverbial or relative clause (not
// "that", whose complement clause a pattern may reach into) when a finite verb follows before a
// comma ("after", "as" and "until" are also prepositions: "agreed after weeks of talks to").
bool StartsSubordinateClause(const Document& doc, uint32_t i) {
  static constexpr std::array<std::string_view, 12> kWords = {
      "which", "who",     "whom", "after", "before",  "while",
      "as",    "because", "when", "until", "whereas", "although"};
  if (!In(kWords, doc.tokens[i].lower)) return false;
  for (uint32_t k = i + 1; k < doc.tokens.size() && k <= i + 6; ++k) {
    if (doc.tokens[k].lower == "," || doc.tokens[k].lower == ".") return false;
    if (IsFinite(doc.tokens[k])) return true;
  }
  return false;
}

// "agreed on Monday that": the "on" of a date is not a pattern's preposition.
bool InDateMention(const Document& doc, uint32_t j) {
  for (const DateMention& d : doc.dates) {
    if (d.token_begin <= j && j < d.token_end) return true;
  }
  return false;
}

// A role noun with no name ("drones", "troops"): a pattern word may still use it ("fired drones").
bool IsBareRole(const ActorMention& m) {
  return m.rule.rfind("agent", 0) == 0 && m.token_end - m.token_begin == 1;
}

// Words that can stand inside a noun phrase or a prepositional phrase.
bool PhraseInternal(const Token& t) {
  const std::string& g = t.tag;
  return g == "DT" || g == "JJ" || g == "CD" || g == "NN" || g == "NNS" || g == "NNP" ||
         g == "IN" || g == "RB" || g == "PRP$" || g == "POS" || t.lower == "," || t.lower == "-";
}

// Particles and prepositions of phrasal verbs ("take over", "pull out", "warn against") stand
// next to the verb or its short object, never across a long phrase.
bool IsParticleElement(const lexicon::PatternElement& el) {
  static constexpr std::array<std::string_view, 17> kParticles = {
      "over", "out",  "up", "off",     "down", "back", "away", "in", "on",
      "upon", "with", "at", "against", "for",  "from", "into", "by"};
  for (const std::string& w : el.words) {
    if (!In(kParticles, w)) return false;
  }
  return !el.words.empty();
}

// The last word of a role mention ("expelled two Russian diplomats": "diplomats" is both the
// pattern's word and, with its country, the target).
bool IsRoleHead(const Document& doc, const MentionIndex& idx, uint32_t j) {
  const ActorMention& m = doc.actors[idx.actor[j]];
  if (m.token_end == j + 1 && m.rule.find("agent") != std::string::npos) return true;
  // "summoned Niger's ambassador Brah Mohamane": the title before a person's name
  return m.rule.find("title+name") != std::string::npos && j + 1 < m.token_end &&
         j > m.token_begin && !doc.tokens[j].Is(kTokAllCaps);
}

bool ReadingFits(const lexicon::EventEntry& e, const Document& doc, uint32_t i, uint32_t begin) {
  const Token& t = doc.tokens[i];
  if (!e.noun) {
    // "the largest clashes", "amid clashes", "to quell deadly clashes": a plural noun the tagger
    // read as a verb (VBZ) where no finite verb can stand: after a determiner, an adjective, a
    // preposition or another verb's base form (an adverb between).
    if (t.tag == "VBZ" && i > begin) {
      const std::string& p = doc.tokens[i - 1].tag;
      const std::string& pw = doc.tokens[i - 1].lower;  // not "this threatens", "each accuses"
      bool det = p == "DT" && (pw == "the" || pw == "a" || pw == "an" || pw == "these" ||
                               pw == "those" || pw == "some" || pw == "several" || pw == "no");
      if (det || p == "PRP$" || p == "IN" || p == "TO" || p.rfind("JJ", 0) == 0) return false;
      if (p == "RB" && i - 1 > begin) {
        const std::string& b = doc.tokens[i - 2].tag;
        if (b == "VB" || b == "TO" || b == "IN") return false;
      }
    }
    return syntax::IsVerbTag(t.tag);
  }
  if (syntax::IsNounTag(t.tag)) return true;
  // A tagger may read a rare plural as a verb ("US airstrikes" -> VBZ); a word that cannot be
  // a verb form is a noun.
  return syntax::IsVerbTag(t.tag) && syntax::Lemmatizer::Get().Verb(t.lower).empty();
}

}  // namespace

MentionIndex MentionIndex::Build(const Document& doc) {
  MentionIndex m;
  m.actor.assign(doc.tokens.size(), -1);
  m.place.assign(doc.tokens.size(), -1);
  for (size_t a = 0; a < doc.actors.size(); ++a) {
    for (uint32_t t = doc.actors[a].token_begin; t < doc.actors[a].token_end; ++t) {
      m.actor[t] = static_cast<int32_t>(a);
    }
  }
  for (size_t p = 0; p < doc.places.size(); ++p) {
    for (uint32_t t = doc.places[p].token_begin; t < doc.places[p].token_end; ++t) {
      if (t < m.place.size()) m.place[t] = static_cast<int32_t>(p);
    }
  }
  return m;
}

Clause ClauseAround(const Document& doc, const Sentence& s, uint32_t i) {
  Clause c{s.token_begin, s.token_end};
  for (uint32_t k = i; k > s.token_begin; --k) {
    const std::string& w = doc.tokens[k - 1].lower;
    if (w == ";" || w == ":") { c.begin = k; break; }
  }
  for (uint32_t k = i + 1; k < s.token_end; ++k) {
    const std::string& w = doc.tokens[k].lower;
    if (w == ";" || w == ":") { c.end = k; break; }
  }
  return c;
}

std::vector<FrameMatch> MatchesAt(const Document& doc, const MentionIndex& idx,
                                  const lexicon::EventLexicon& lex, const Clause& clause, uint32_t i) {
  std::vector<FrameMatch> out;
  const Token& t = doc.tokens[i];
  // The tagger's lemma, the word itself, and its noun lemma when the tag reads a noun as a verb
  // (the word itself is already asked for).
  std::string noun = syntax::IsVerbTag(t.tag) ? syntax::Lemmatizer::Get().OtherNoun(t.lower) : "";
  const std::vector<const lexicon::EventEntry*>* lists[3] = {
      lex.ByTrigger(t.lemma), t.lemma == t.lower ? nullptr : lex.ByTrigger(t.lower),
      noun.empty() || noun == t.lemma ? nullptr : lex.ByTrigger(noun)};
  constexpr uint32_t kGap = 3;  // an element may stand up to 2 tokens after the previous one
  constexpr uint32_t kLongGap = 8;
  // Word-filter bits of the clause's tokens after the trigger, computed once on first use: most
  // pattern words differ from most tokens, and the bits say so without comparing strings.
  if (lists[0] == nullptr && lists[1] == nullptr && lists[2] == nullptr) return out;
  thread_local std::vector<uint64_t> token_bits;
  token_bits.assign(clause.end > i ? clause.end - i : 0, 0);
  auto bits = [&](uint32_t j) {
    uint64_t& b = token_bits[j - i];
    if (b == 0) b = lexicon::WordBit(doc.tokens[j].lemma) | lexicon::WordBit(doc.tokens[j].lower);
    return b;
  };
  for (const auto* list : lists) {
    if (list == nullptr) continue;
    for (const lexicon::EventEntry* e : *list) {
      if (!ReadingFits(*e, doc, i, clause.begin)) continue;
      FrameMatch m;
      m.entry = e;
      m.trigger = i;
      uint32_t pos = i;
      bool ok = true;
      for (const lexicon::PatternElement& el : e->rest) {
        bool found = false;
        for (uint32_t j = pos + 1; j < clause.end && !found; ++j) {
          // Up to kGap - 1 words may stand between two elements; more (up to kLongGap) only
          // inside a noun or prepositional phrase: "provide nearly 25,000 tons of food aid",
          // "agreed in principle on Saturday to".
          if (j > pos + kGap && (j > pos + kLongGap || !PhraseInternal(doc.tokens[j - 1]) ||
                                 idx.actor[j - 1] >= 0 || IsParticleElement(el))) {
            break;
          }
          // Nor across a word that starts an adverbial or relative clause: "agreed to cut tariffs
          // as talks continued" is no agreement to talk ("warned that X ..." may reach X).
          if (j > pos + 1 && StartsSubordinateClause(doc, j - 1)) break;
          if (el.is_target) {
            if (idx.actor[j] >= 0) {
              m.target_actor = idx.actor[j];
              pos = doc.actors[idx.actor[j]].token_end - 1;
              found = true;
            } else if (idx.place[j] >= 0) {
              m.target_place = idx.place[j];
              pos = doc.places[idx.place[j]].token_end - 1;
              found = true;
            }
          } else if ((el.mask & bits(j)) != 0 && WordMatches(doc.tokens[j], el.words) &&
                     (idx.actor[j] < 0 || IsBareRole(doc.actors[idx.actor[j]]) ||
                      IsRoleHead(doc, idx, j)) &&
                     !InDateMention(doc, j)) {
            m.literal_tokens.push_back(j);
            pos = j;
            found = true;
          }
        }
        if (!found) { ok = false; break; }
      }
      if (!ok) continue;
      m.last = pos;
      out.push_back(std::move(m));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const FrameMatch& a, const FrameMatch& b) {
    if (a.entry->rest.size() != b.entry->rest.size()) return a.entry->rest.size() > b.entry->rest.size();
    return a.entry->object_place && !b.entry->object_place;
  });
  return out;
}

bool IsPassive(const Document& doc, const Clause& clause, uint32_t trigger) {
  const Token& t = doc.tokens[trigger];
  if (t.tag != "VBD" && t.tag != "VBN") return false;
  for (uint32_t k = trigger, n = 0; k > clause.begin && n < 3; --k, ++n) {
    const Token& p = doc.tokens[k - 1];
    if (In(kBe, p.lower)) return true;
    if (p.tag != "RB") return false;
  }
  return false;
}

// Is there a speech verb ("said", "announced") before `k` in the clause, with no "if" between?
bool AfterSpeechVerb(const Document& doc, const Clause& clause, uint32_t k) {
  for (uint32_t j = k; j > clause.begin; --j) {
    const Token& t = doc.tokens[j - 1];
    if (t.lower == "if" || t.lower == "unless") return false;
    if (IsSpeechVerb(t.lemma) && syntax::IsVerbTag(t.tag)) return true;
  }
  return false;
}

std::string Modality(const Document& doc, const Clause& clause, uint32_t trigger) {
  std::string result = "asserted";
  for (uint32_t k = trigger, n = 0; k > clause.begin && n < 4; --k, ++n) {
    const std::string& w = doc.tokens[k - 1].lower;
    if (w == "not" || w == "n't" || w == "n’t" || w == "never" || w == "no") return "negated";
    if (w == "would" && AfterSpeechVerb(doc, clause, k - 1)) return "future";  // "said they would meet"
    if (w == "would" || w == "could" || w == "might" || w == "may" || w == "if" || w == "unless") {
      return "hypothetical";
    }
    if (w == "must" || w == "should" || w == "ought") return "obligation";
    if (w == "to" && k >= 2) {
      const Token& v = doc.tokens[k - 2];
      if (v.lemma == "need" || v.lemma == "have" || v.lemma == "ought") return "obligation";
    }
    if (w == "will" || w == "shall" || w == "'ll") result = "future";
    if (w == "," || w == "and" || w == "that") break;
  }
  return result;
}

int32_t DependentActor(const Document& doc, const MentionIndex& idx, uint32_t head,
                       std::initializer_list<std::string_view> relations) {
  const Sentence* sent = nullptr;
  for (const Sentence& s : doc.sentences) {
    if (head >= s.token_begin && head < s.token_end) { sent = &s; break; }
  }
  if (sent == nullptr) return -1;
  for (uint32_t k = sent->token_begin; k < sent->token_end; ++k) {
    const Token& t = doc.tokens[k];
    if (t.head != static_cast<int32_t>(head)) continue;
    bool wanted = false;
    for (std::string_view r : relations) wanted = wanted || t.deprel == r;
    if (!wanted) continue;
    if (idx.actor[k] >= 0 && !doc.actors[idx.actor[k]].code.empty()) return idx.actor[k];
    for (uint32_t j = sent->token_begin; j < sent->token_end; ++j) {  // one level down
      if (doc.tokens[j].head == static_cast<int32_t>(k) && idx.actor[j] >= 0 &&
          !doc.actors[idx.actor[j]].code.empty() && doc.tokens[j].deprel != "acl:relcl") {
        return idx.actor[j];
      }
    }
    return -1;
  }
  return -1;
}

int32_t AttachedPlace(const Document& doc, const MentionIndex& idx, const Clause& clause, uint32_t trigger,
                      bool material) {
  if (doc.tokens[trigger].deprel.empty()) return -1;  // no parse
  auto has_case = [&](uint32_t h, std::initializer_list<std::string_view> words) {
    std::string_view c = syntax::CaseOf(doc, h, h);
    return !c.empty() && std::find(words.begin(), words.end(), c) != words.end();
  };
  const std::initializer_list<std::string_view> kLocative = {"in", "at", "near", "outside", "inside",
                                                             "around", "across", "throughout", "on"};
  for (size_t p = 0; p < doc.places.size(); ++p) {
    const PlaceMention& pl = doc.places[p];
    if (pl.token_begin < clause.begin || pl.token_end > clause.end || pl.precision == "country") continue;
    if (idx.place[pl.token_begin] != static_cast<int32_t>(p)) continue;
    // "Kunduz and Lashkar Gah", "Zaranj, the capital of Nimroz": the first conjunct's attachment.
    int32_t h = syntax::PhraseHead(doc, pl.token_begin, pl.token_end);
    if (h < 0) continue;
    const Token& ht = doc.tokens[h];
    uint32_t hu = static_cast<uint32_t>(h);
    if (ht.head == static_cast<int32_t>(trigger)) {
      if (ht.deprel.rfind("obl", 0) == 0 && ht.deprel != "obl:agent" && has_case(hu, kLocative)) {
        return static_cast<int32_t>(p);
      }
      if (material && ht.deprel == "obj") return static_cast<int32_t>(p);
    }
    // "attacked the port of Izmail", "stormed a village near Gao": a modifier of the object.
    if (material && ht.head >= 0 && ht.deprel.rfind("nmod", 0) == 0 &&
        has_case(hu, {"of", "in", "near", "outside"})) {
      const Token& obj = doc.tokens[ht.head];
      if (obj.head == static_cast<int32_t>(trigger) && (obj.deprel == "obj" || obj.deprel.rfind("obl", 0) == 0)) {
        return static_cast<int32_t>(p);
      }
    }
  }
  return -1;
}

bool IsLocativePhrase(const Document& doc, const ActorMention& m) {
  int32_t h = syntax::SpanHead(doc, m.token_begin, m.token_end);
  if (h < 0) return false;
  const std::string& rel = doc.tokens[h].deprel;
  if ((rel.rfind("obl", 0) != 0 && rel.rfind("nmod", 0) != 0) || rel == "obl:agent" || rel == "nmod:poss") {
    return false;
  }
  std::string_view c = syntax::CaseOf(doc, static_cast<uint32_t>(h), m.token_begin);
  return c == "in" || c == "at" || c == "near" || c == "across" || c == "throughout" || c == "inside";
}

bool IsTopicPhrase(const Document& doc, const ActorMention& m) {
  int32_t h = syntax::SpanHead(doc, m.token_begin, m.token_end);
  if (h < 0 || doc.tokens[h].deprel.rfind("nmod", 0) != 0 || doc.tokens[h].deprel == "nmod:poss") {
    return false;
  }
  std::string_view c = syntax::CaseOf(doc, static_cast<uint32_t>(h), m.token_begin);
  if (c == "about" || c == "regarding" || c == "concerning") return true;
  // "on": only after a noun of talk or agreement ("talks on Somalia", "information on X"); the
  // "on" of "sanctions on North Korea" or "losses on Soviet forces" names who bears them.
  int32_t noun = doc.tokens[h].head;
  if (c != "on" || noun < 0) return false;
  static constexpr std::array<std::string_view, 16> kTalk = {
      "talk",      "negotiation", "discussion", "dialogue", "consultation", "information",
      "agreement", "deal",        "accord",     "meeting",  "summit",       "conference",
      "view",      "cooperation", "position",   "briefing"};
  return In(kTalk, doc.tokens[noun].lemma);
}

int32_t SubjectOf(const Document& doc, const MentionIndex& idx, const Clause& clause, uint32_t trigger) {
  // "criticised the EU for listing Chinese companies and warned the bloc": a verb coordinated
  // with an earlier finite verb shares its subject.
  if (trigger > clause.begin && (doc.tokens[trigger - 1].lower == "and" || doc.tokens[trigger - 1].lower == "but") &&
      IsFinite(doc.tokens[trigger])) {
    for (uint32_t k = trigger - 1; k > clause.begin; --k) {
      if (IsFinite(doc.tokens[k - 1]) && idx.actor[k - 1] < 0) return SubjectOf(doc, idx, clause, k - 1);
    }
  }
  // "killing two officers" after a comma: the participle's subject is the main clause's.
  if (doc.tokens[trigger].tag == "VBG" && trigger > clause.begin && doc.tokens[trigger - 1].lower == ",") {
    for (uint32_t k = trigger - 1; k > clause.begin; --k) {
      if (IsFinite(doc.tokens[k - 1]) && idx.actor[k - 1] < 0) return SubjectOf(doc, idx, clause, k - 1);
    }
  }
  for (uint32_t k = trigger; k > clause.begin; --k) {
    // "President Petro, who has sought talks with armed groups, warned": skip the relative
    // clause; "Obasanjo, a former Nigerian president, met": skip the apposition.
    if (doc.tokens[k - 1].lower == ",") {
      if (uint32_t open = InsertionStart(doc, idx, clause, k - 1); open != k - 1) {
        k = open + 1;
        continue;
      }
    }
    int32_t a = idx.actor[k - 1];
    if (a < 0) {
      // "... and there were groups targeting ...": the trigger belongs to a clause whose subject
      // is not an actor.
      if (k - 1 < trigger && IsFinite(doc.tokens[k - 1]) && k >= 2 + clause.begin &&
          idx.actor[k - 2] < 0 && IsNominal(doc.tokens[k - 2]) &&
          !PossessedByActor(doc, idx, clause, k - 2)) {
        return -1;
      }
      continue;
    }
    const ActorMention& m = doc.actors[a];
    k = m.token_begin + 1;  // jump to the mention's start
    if (m.code.empty()) continue;
    if (InPrepPhrase(doc, clause, m) && !AfterQuantityOf(doc, m)) continue;
    if (m.rule == "adjective") continue;  // "Afghan soil": an adjective is not a subject
    return a;
  }
  return -1;
}

int32_t PassiveAgent(const Document& doc, const MentionIndex& idx, const Clause& clause, uint32_t after) {
  for (uint32_t k = after + 1; k < clause.end && k <= after + 4; ++k) {
    if (doc.tokens[k].lower != "by") continue;
    for (uint32_t j = k + 1; j < clause.end && j <= k + 3; ++j) {
      if (idx.actor[j] >= 0) return idx.actor[j];
    }
    return -1;
  }
  return -1;
}

int32_t NounModifier(const Document& doc, const MentionIndex& idx, uint32_t trigger) {
  for (uint32_t k = trigger, n = 0; k > 0 && n < 3; --k, ++n) {
    const Token& p = doc.tokens[k - 1];
    if (idx.actor[k - 1] >= 0) return idx.actor[k - 1];
    if (p.lower == "'s" || p.lower == "’s" || p.tag == "JJ" || p.tag == "NN" || p.tag == "VBN") continue;
    break;
  }
  return -1;
}

// "offered condolences on Twitter", "said on CNN": a medium named right after "on" is where the
// act was done, not whom it was done to.
bool IsMediumAfterOn(const Document& doc, const ActorMention& m) {
  return m.sector == "MED" && m.token_begin > 0 && doc.tokens[m.token_begin - 1].lower == "on";
}

// ", officials said", ", a spokesman told reporters": the speaker of a report's attribution, after
// a comma and before a verb of saying, is not the object of what came before.
bool IsTrailingSpeaker(const Document& doc, const ActorMention& m) {
  uint32_t b = m.token_begin;
  while (b > 0 && (doc.tokens[b - 1].tag == "DT" || doc.tokens[b - 1].tag == "JJ")) --b;
  if (b == 0 || doc.tokens[b - 1].lower != "," || m.token_end >= doc.tokens.size()) return false;
  static constexpr std::array<std::string_view, 9> kSay = {
      "say", "tell", "add", "report", "announce", "state", "confirm", "note", "write"};
  return syntax::IsVerbTag(doc.tokens[m.token_end].tag) && In(kSay, doc.tokens[m.token_end].lemma);
}

int32_t ObjectAfter(const Document& doc, const MentionIndex& idx, const Clause& clause,
                    uint32_t after, uint32_t window, const std::vector<bool>& skip) {
  for (uint32_t k = after + 1; k < clause.end && k <= after + window; ++k) {
    int32_t a = idx.actor[k];
    if (a < 0) {
      if (OpensClause(doc.tokens[k])) return -1;
      continue;
    }
    const ActorMention& m = doc.actors[a];
    if (IsTrailingSpeaker(doc, m)) return -1;
    bool prep = m.token_begin > 0 && In(kLocativePreps, doc.tokens[m.token_begin - 1].lower);
    if (!prep && !m.code.empty() && !skip[a] && !IsMediumAfterOn(doc, m)) return a;
    k = m.token_end - 1;
  }
  return -1;
}

int32_t PrepObjectAfter(const Document& doc, const MentionIndex& idx, const Clause& clause, uint32_t after) {
  for (uint32_t k = after + 1; k < clause.end && k <= after + 3; ++k) {
    const std::string& w = doc.tokens[k].lower;
    // "the ambush by JNIM and called on the authorities": another verb's preposition
    if (w == "and" || w == "or" || w == "," || syntax::IsVerbTag(doc.tokens[k].tag)) return -1;
    if (w != "on" && w != "against" && w != "with" && w != "at" && w != "toward" &&
        w != "towards" && w != "of" && w != "upon") {
      continue;
    }
    for (uint32_t j = k + 1; j < clause.end && j <= k + 3; ++j) {
      if (idx.actor[j] < 0 || doc.actors[idx.actor[j]].code.empty()) continue;
      if (IsMediumAfterOn(doc, doc.actors[idx.actor[j]])) return -1;
      return idx.actor[j];
    }
    return -1;
  }
  return -1;
}

int32_t LightVerbOf(const Document& doc, const Clause& clause, uint32_t noun) {
  static constexpr std::array<std::string_view, 54> kLight = {
      "launch", "carry", "conduct", "stage", "hold", "make", "issue", "impose", "have", "mount",
      "intensify", "resume", "continue", "begin", "start", "order", "sign", "reach", "give",
      "offer", "provide", "deliver", "send", "extend", "express", "voice", "lodge", "file",
      "level", "hurl", "renew", "step", "pledge", "promise", "take", "undertake", "perform",
      "unleash", "wage", "open", "announce", "declare", "stage", "escalate", "lead", "host",
      "pay", "organize", "reiterate", "repeat", "authorise", "authorize", "approve", "ordered"};
  for (uint32_t k = noun, n = 0; k > clause.begin && n < 5; --k, ++n) {
    const Token& p = doc.tokens[k - 1];
    if (syntax::IsVerbTag(p.tag) && p.tag != "VBN") return In(kLight, p.lemma) ? static_cast<int32_t>(k - 1) : -1;
    if (p.lower == "up" || p.lower == "out") continue;  // "stepped up", "carried out"
    if (p.tag == "DT" || p.tag == "JJ" || p.tag == "CD" || p.tag == "PRP$" || p.tag == "NN" ||
        p.tag == "NNS" || p.tag == "NNP" || p.tag == "POS" || p.tag == "RB" || p.tag == "VBN" ||
        p.tag == "VBG") {
      continue;
    }
    return -1;
  }
  return -1;
}

bool IsPredicateNoun(const Document& doc, const Clause& clause, uint32_t trigger) {
  for (uint32_t k = trigger, n = 0; k > clause.begin && n < 4; --k, ++n) {
    const Token& p = doc.tokens[k - 1];
    if (p.lemma == "be" || p.lemma == "remain" || p.lemma == "become" || p.lemma == "pose") return true;
    if (p.tag != "DT" && p.tag != "JJ" && p.tag != "RB" && p.tag != "NN" && p.tag != "PRP$") return false;
  }
  return false;
}

bool IsPlaceNoun(std::string_view lemma) {
  static constexpr std::array<std::string_view, 22> kNouns = {
      "capital", "city", "town", "village", "district", "province", "base", "territory",
      "area", "region", "airport", "port", "crossing", "outpost", "headquarters", "stronghold",
      "hometown", "settlement", "county", "state", "enclave", "suburb"};
  return In(kNouns, lemma);
}

bool IsSpeechVerb(std::string_view lemma) {
  static constexpr std::array<std::string_view, 12> kVerbs = {
      "say", "tell", "add", "state", "stress", "insist", "note", "announce", "declare",
      "argue", "emphasize", "emphasise"};
  return In(kVerbs, lemma);
}

}  // namespace dyad::events
