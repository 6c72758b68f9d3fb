#include "events/coder.h"

#include <algorithm>
#include <array>
#include <set>
#include <tuple>

#include "common/utf8.h"
#include "events/frames.h"
#include "syntax/tagger.h"

namespace dyad::events {
namespace {

std::string Root(const std::string& code) { return code.substr(0, 2); }

// Cooperation is mutual: a compound subject with no object consults, agrees or cooperates with
// each other ("A and B discussed ...").
bool IsCooperativeRoot(const std::string& r) { return r == "03" || r == "04" || r == "05" || r == "06"; }

// "The army and the RSF clashed", "the two sides fought", "traded accusations", "exchanged fire",
// "swapped prisoners": verbs whose plural subject acts on itself.
bool IsMutualVerb(std::string_view lemma) {
  return lemma == "clash" || lemma == "fight" || lemma == "battle" || lemma == "skirmish" ||
         lemma == "trade" || lemma == "exchange" || lemma == "swap";
}

// CAMEO codes an announced future act as the intent to act ("will provide aid" is 033, "will
// attack" 138): cooperative roots map to 03x, violent ones to 13x. An announced sanction or ban
// (16, 17) is itself the act and keeps its code.
std::string IntentCodeFor(const std::string& code) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"04", "036"}, {"05", "032"}, {"06", "031"}, {"07", "033"}, {"08", "035"},
      {"18", "1383"}, {"19", "138"}, {"20", "138"}};
  if (code.rfind("045", 0) == 0) return "039";
  if (code.rfind("046", 0) == 0) return "036";
  for (const auto& [root, intent] : kMap) {
    if (code.compare(0, 2, root) == 0) return intent;
  }
  return code;
}

// Civilians and protesters who storm, seize or fight are rioting in CAMEO's terms (145), not
// coercing (17) or using military force (19).
std::string CivilianViolence(const std::string& code, const ActorMention& source) {
  if (source.sector != "CVL") return code;
  std::string r = code.substr(0, 2);
  if (r != "17" && r != "19") return code;
  // Rioting is what a crowd does; settlers who burn offices or villagers who kill keep the act.
  std::string_view name = source.name;
  size_t space = name.find_last_of(' ');
  std::string last =
      utf8::NormalizeLower(space == std::string_view::npos ? name : name.substr(space + 1));
  static constexpr std::array<std::string_view, 20> kCrowd = {
      "protesters",   "protestors", "protester", "protestor", "demonstrators",
      "demonstrator", "rioters",    "rioter",    "crowd",     "crowds",
      "mob",          "mobs",       "marchers",  "youths",    "students",
      "supporters",   "activists",  "fans",      "people",    "residents"};
  return std::find(kCrowd.begin(), kCrowd.end(), last) != kCrowd.end() ? "145" : code;
}

// CAMEO's 19 is fighting between forces; killing named people or attacking civilians is
// unconventional violence (18): a person as target -> 186 (assassinate), civilians or refugees
// attacked by a non-state group -> 180.
std::string UnconventionalViolence(const std::string& code, const ActorMention& source,
                                   const ActorMention& target) {
  if (code != "190" && code != "193") return code;
  bool person = target.rule == "lexicon:person" || target.rule.rfind("title+name", 0) == 0 ||
                target.rule == "coreference";
  if (person && (source.sector == "INS" || source.sector == "REB" || source.sector == "UAF" ||
                 source.sector == "IMG" || source.sector == "CRM" || source.sector == "SEP")) {
    return "186";
  }
  bool civilians = target.sector == "CVL" || target.sector == "REF";
  bool nonstate = source.sector == "INS" || source.sector == "REB" || source.sector == "UAF" ||
                  source.sector == "IMG" || source.sector == "CRM" || source.sector == "SEP";
  return civilians && nonstate ? "180" : code;
}

// 2-digit root < "040"-style unspecified code < "041" < "0411".
int Specificity(const std::string& code) {
  if (code.size() <= 2) return 0;
  if (code.size() == 3) return code[2] == '0' ? 1 : 2;
  return 3;
}

bool IsVerbalRoot(const std::string& r) {
  return r <= "05" || (r >= "10" && r <= "14");
}

bool IsVenueNoun(std::string_view lemma) {
  return lemma == "talk" || lemma == "talks" || lemma == "meeting" || lemma == "summit" ||
         lemma == "conference" || lemma == "negotiation" || lemma == "session" || lemma == "visit" ||
         lemma == "ceremony" || lemma == "forum" || lemma == "rally" || lemma == "news" ||
         lemma == "briefing" || lemma == "interview" || lemma == "speech" || lemma == "round";
}

bool SupportsWord(std::string_view w) {
  return w == "support" || w == "help" || w == "aid" || w == "assist" || w == "back" ||
         w == "for" || w == "protect" || w == "defend" || w == "reinforce";
}

// "must" and "have to" insist: a demand (10) for what the act is, where "should" appeals (02).
std::string DemandCodeFor(const std::string& code) {
  std::string root = code.substr(0, 2);
  if (root == "04") return "108";
  if (root == "05") return "102";
  if (root == "07") return "103";
  if (code.rfind("0871", 0) == 0 || code.rfind("0356", 0) == 0) return "107";
  if (code.rfind("087", 0) == 0) return "106";
  return "100";
}

// Appeal code for an obligation of this root ("needed to work more closely" -> 02x).
std::string AppealCodeFor(const std::string& root) {
  if (root == "04") return "026";
  if (root == "05") return "022";
  if (root == "06") return "021";
  if (root == "07") return "023";
  return "020";
}

class SentenceCoder {
 public:
  SentenceCoder(const lexicon::EventLexicon& lex, const CoderOptions& opts,
                const std::vector<SentenceTime>& times, const CountryPlaceFn& country_place,
                Document* doc, std::vector<TraceLine>* trace)
      : lex_(lex), opts_(opts), times_(times), country_place_(country_place), doc_(doc),
        idx_(MentionIndex::Build(*doc)), trace_(trace) {}

  void Run(uint32_t s_index) {
    const Sentence& s = doc_->sentences[s_index];
    sentence_ = s_index;
    // Literal tokens already used by an event of this sentence (sentence-local index).
    used_.assign(s.token_end - s.token_begin, false);
    size_t first_event = doc_->events.size();
    // Clauses are the stretches between ';' and ':' (ClauseAround), found in one pass.
    Clause clause{s.token_begin, s.token_begin};
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const std::string& prev = i > s.token_begin ? doc_->tokens[i - 1].lower : doc_->tokens[i].lower;
      if (i >= clause.end || (i > s.token_begin && (prev == ";" || prev == ":"))) {
        clause = ClauseAround(*doc_, s, i);
      }
      if (used_[i - s.token_begin] || idx_.actor[i] >= 0) continue;
      // The longest pattern that codes; an obj=place entry whose object is not a place gives
      // way to the next ("captured the commander" is not a capture of territory).
      for (const FrameMatch& m : MatchesAt(*doc_, idx_, lex_, clause, i)) {
        if (Candidate(m, clause)) {
          for (uint32_t t : m.literal_tokens) {
            if (t >= s.token_begin && t < s.token_end) used_[t - s.token_begin] = true;
          }
          break;
        }
      }
    }
    ReportedCriticism(s);
    KeepMostSpecific(first_event);
  }

 private:
  // "... Afghan soil is being used against Pakistan, which is a serious concern," the NSA said;
  // "Iran's programme is a threat to the region, the minister said": a speaker who calls what
  // another party does a threat, a danger or (when it is done against the speaker's country) a
  // concern criticises that party (111). The party is the first actor before the predicate noun
  // that is not the speaker, not one of the speaker's country, and not in a place phrase.
  void ReportedCriticism(const dyad::Sentence& s) {
    for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
      const Token& t = doc_->tokens[k];
      bool threat = t.lemma == "threat" || t.lemma == "danger" || t.lemma == "menace";
      if ((!threat && t.lemma != "concern") || !syntax::IsNounTag(t.tag)) continue;
      Clause clause = ClauseAround(*doc_, s, k);
      if (!IsPredicateNoun(*doc_, clause, k)) continue;
      int32_t speaker = Speaker(s, k);
      if (speaker < 0) continue;
      const ActorMention& sp = doc_->actors[speaker];
      if (sp.country.empty()) continue;
      if (!threat && !DoneAgainst(s.token_begin, k, sp.country)) continue;
      if (Modality(*doc_, clause, k) != "asserted") continue;  // "no longer posed a threat"
      // Who is called the threat: the subject of the predicate noun in the parse, or an actor
      // inside it ("Iran's programme"); for a relative "which", what the sentence said before.
      // "became a threat", "posed a threat", "was responsible ... and remained a threat": the
      // subject of the verb or of the first conjunct.
      int32_t subject = -1;
      for (int32_t h = static_cast<int32_t>(k), hops = 0; h >= 0 && subject < 0 && hops < 3; ++hops) {
        subject = NominalSubject(s, static_cast<uint32_t>(h));
        const std::string& rel = doc_->tokens[h].deprel;
        if (rel != "xcomp" && rel != "obj" && rel != "conj") break;
        h = doc_->tokens[h].head;
      }
      if (subject < 0) continue;
      const std::string& sw = doc_->tokens[subject].lower;
      bool relative = sw == "which" || sw == "that" || sw == "who";
      auto fits = [&](int32_t a) {
        if (a < 0 || a == speaker) return false;
        const ActorMention& am = doc_->actors[a];
        if (am.code.empty() || am.country.empty() || am.country == sp.country || am.code == sp.code) return false;
        return am.rule != "pronoun" && !IsLocativePhrase(*doc_, am) && !AfterAgainst(am);
      };
      int32_t party = -1;
      for (uint32_t j = s.token_begin; j < static_cast<uint32_t>(subject) + 1 && party < 0; ++j) {
        int32_t a = idx_.actor[j];
        if (a < 0) continue;
        uint32_t end = doc_->actors[a].token_end;
        bool inside = relative || Governs(static_cast<uint32_t>(subject), j, s);
        if (inside && fits(a)) party = a;
        j = end - 1;
      }
      if (party < 0) continue;
      FrameMatch m;
      m.trigger = k;
      m.last = k;
      size_t before = doc_->events.size();
      Emit(m, ToActor(speaker), ToActor(party), true, "111", -1, "asserted",
           std::string("reported criticism: predicate ") + t.lemma);
      if (doc_->events.size() > before) EarlierRemarksDate(s, speaker, &doc_->events.back());
      if (trace_ != nullptr) {
        trace_->push_back(TraceLine{sentence_, t.span, "reported criticism (111)", "coded"});
      }
    }
  }

  // The actor who says the sentence: the subject of a speech verb in it ("the NSA had said",
  // "he said"), or -1.
  int32_t Speaker(const dyad::Sentence& s, uint32_t noun) const {
    for (uint32_t v = s.token_begin; v < s.token_end; ++v) {
      const Token& t = doc_->tokens[v];
      if (v == noun || !IsSpeechVerb(t.lemma) || !syntax::IsVerbTag(t.tag)) continue;
      Clause c = ClauseAround(*doc_, s, v);
      int32_t who = SubjectOf(*doc_, idx_, c, v);
      if (who < 0) who = DependentActor(*doc_, idx_, v, {"nsubj"});
      if (who >= 0 && !doc_->actors[who].code.empty()) return who;
    }
    return -1;
  }

  // "On Aug 1, Yusuf said ... . '...,' the NSA had said": remarks reported in the pluperfect,
  // with no date of their own, continue the same speaker's remarks dated earlier in the article.
  void EarlierRemarksDate(const dyad::Sentence& s, int32_t speaker, Event* e) const {
    if (e->date_basis == "text") return;
    bool pluperfect = false;
    for (uint32_t v = s.token_begin; v + 1 < s.token_end && !pluperfect; ++v) {
      pluperfect = doc_->tokens[v].lemma == "have" && doc_->tokens[v].tag == "VBD" &&
                   IsSpeechVerb(doc_->tokens[v + 1].lemma) && doc_->tokens[v + 1].tag == "VBN";
    }
    if (!pluperfect) return;
    const std::string& who = doc_->actors[speaker].name;
    for (auto it = doc_->events.rbegin(); it != doc_->events.rend(); ++it) {
      if (&*it == e || it->sentence >= e->sentence) continue;
      if (it->source.name == who && it->date_basis == "text") {
        e->date = it->date;
        e->date_basis = "text";
        return;
      }
    }
  }

  int32_t NominalSubject(const dyad::Sentence& s, uint32_t head) const {
    for (uint32_t j = s.token_begin; j < head; ++j) {
      const Token& d = doc_->tokens[j];
      if (d.head == static_cast<int32_t>(head) && (d.deprel == "nsubj" || d.deprel == "nsubj:pass")) {
        return static_cast<int32_t>(j);
      }
    }
    return -1;
  }

  // True when token `j` is `head` or lies in its subtree (within the sentence).
  bool Governs(uint32_t head, uint32_t j, const dyad::Sentence& s) const {
    for (int hops = 0; hops < 8; ++hops) {
      if (j == head) return true;
      int32_t up = doc_->tokens[j].head;
      if (up < static_cast<int32_t>(s.token_begin) || up >= static_cast<int32_t>(s.token_end)) return false;
      j = static_cast<uint32_t>(up);
    }
    return false;
  }

  // "used against Pakistan" before the noun: something done against the speaker's country.
  bool DoneAgainst(uint32_t begin, uint32_t noun, const std::string& country) const {
    for (uint32_t j = begin; j + 1 < noun; ++j) {
      if (doc_->tokens[j].lower != "against") continue;
      int32_t a = idx_.actor[j + 1];
      if (a >= 0 && doc_->actors[a].country == country) return true;
    }
    return false;
  }

  bool AfterAgainst(const ActorMention& m) const {
    return m.token_begin > 0 && doc_->tokens[m.token_begin - 1].lower == "against";
  }

  // Records the outcome for `dyad explain`; returns `final` so callers can `return Trace(...)`.
  bool Trace(const FrameMatch& m, const std::string& outcome, bool final = true) {
    if (trace_ != nullptr) {
      trace_->push_back(TraceLine{sentence_, doc_->tokens[m.trigger].span, m.entry->RuleName(), outcome});
    }
    return final;
  }

  std::vector<int32_t> Members(int32_t mention) const {
    std::vector<int32_t> out;
    if (mention < 0) return out;
    int32_t g = doc_->actors[mention].group;
    if (g < 0) return {mention};
    for (size_t a = 0; a < doc_->actors.size(); ++a) {
      if (doc_->actors[a].group == g) out.push_back(static_cast<int32_t>(a));
    }
    return out;
  }

  EventActor ToActor(int32_t mention) const {
    const ActorMention& m = doc_->actors[mention];
    EventActor a;
    a.mention = mention;
    a.code = m.code; a.country = m.country; a.sector = m.sector; a.name = m.name;
    a.span = m.span;
    return a;
  }

  bool Candidate(const FrameMatch& m, const Clause& clause) {
    const lexicon::EventEntry& e = *m.entry;
    uint32_t trig = m.trigger;
    if (e.noun && IsPredicateNoun(*doc_, clause, trig)) return Trace(m, "dropped: predicate noun");
    // "Thousands demonstrated in Kirkuk", not "demonstrated its resolve".
    if (e.object_none && HasDirectObject(trig, clause)) {
      return Trace(m, "has a direct object: trying other entries", false);
    }
    std::string modality = e.noun ? "asserted" : Modality(*doc_, clause, trig);
    if (modality == "asserted" && IsAlleged(trig, clause)) modality = "hypothetical";
    if (!e.noun && modality == "asserted") {
      if (int64_t to = InfinitiveMarker(trig, clause); to >= 0) {
        modality = ContinuativeBefore(static_cast<uint32_t>(to) + 1) ? "asserted" : "hypothetical";
      }
    }
    // Source.
    int32_t source = -1, target = m.target_actor;
    uint32_t noun_end = m.last;  // a noun trigger's phrase: its pattern, and a "by" agent after it
    bool passive = !e.noun && e.passive_ok && IsPassive(*doc_, clause, trig);
    if (passive) {
      source = PassiveAgent(*doc_, idx_, clause, m.last);
      if (source < 0) source = DependentActor(*doc_, idx_, trig, {"obl:agent"});
      target = SubjectOf(*doc_, idx_, clause, trig);
    } else if (e.noun) {
      source = NounModifier(*doc_, idx_, trig);
      // "an attack by Boko Haram", "airstrikes by the coalition": the agent after "by" is the
      // doer, whoever the sentence's subject is ("Kenya condemned the attack by al-Shabaab").
      if (source < 0 && (source = ByAgentAfter(m)) >= 0)
        noun_end = doc_->actors[source].token_end - 1;
      int32_t verb = LightVerbOf(*doc_, clause, trig);
      if (verb >= 0 && source < 0) source = SubjectOf(*doc_, idx_, clause, static_cast<uint32_t>(verb));
      // "did not carry out the bombing": the act has the modality of the verb that performs it.
      if (verb >= 0) modality = Modality(*doc_, clause, static_cast<uint32_t>(verb));
    } else {
      // Word order first; the parse ("nsubj" of the trigger) when word order finds no subject
      // or finds a place phrase ("Rebels in the Ivory Coast dismissed": the rebels).
      source = SubjectOf(*doc_, idx_, clause, trig);
      if (source >= 0 && IsLocativePhrase(*doc_, doc_->actors[source])) {
        int32_t parsed = DependentActor(*doc_, idx_, trig, {"nsubj"});
        if (parsed >= 0 && parsed != source) source = parsed;
      }
      if (source < 0) source = DependentActor(*doc_, idx_, trig, {"nsubj"});
      if (source >= 0 && doc_->actors[source].rule == "adjective") source = -1;
    }
    if (source < 0) return Trace(m, "dropped: no source actor");
    if (Event* act = ConsequenceOfViolence(m, source)) {
      // The participle's object ("killing at least five people") completes the act if it had none.
      if (!act->has_target) {
        std::vector<bool> skip(doc_->actors.size(), false);
        SkipSameActor(source, &skip);
        int32_t t = ObjectAfter(*doc_, idx_, clause, m.last, 8, skip);
        if (t >= 0) { act->target = ToActor(t); act->has_target = true; }
      }
      return Trace(m, "merged: consequence of an act already coded");
    }
    if (!e.noun && IsReducedRelative(m.trigger, clause)) return Trace(m, "dropped: participle modifying a noun");
    if (modality == "obligation") return Appeal(m, clause, source);
    if ((modality == "negated" || modality == "hypothetical") && !opts_.include_modal) {
      return Trace(m, "dropped: " + modality);
    }
    std::vector<int32_t> sources = Members(source);
    // Acts done with, or to, each other: the other party is never a place or topic, and a plural
    // subject with no other party does the act both ways.
    bool mutual = IsCooperativeRoot(Root(e.code)) || MutualAct(m, clause);
    if (e.object_place) return PlaceEvents(m, clause, sources, modality);
    std::string code = modality == "future" ? IntentCodeFor(e.code) : e.code;
    code = CivilianViolence(code, doc_->actors[source]);
    // Target.
    if (target < 0 && !e.target_none && !passive && !e.has_target_slot()) {
      std::vector<bool> skip(doc_->actors.size(), false);
      for (int32_t a : sources) SkipSameActor(a, &skip);
      for (uint32_t t : m.literal_tokens) {  // "fired drones at ...": the pattern's own words
        if (idx_.actor[t] >= 0 && doc_->actors[idx_.actor[t]].country.empty()) skip[idx_.actor[t]] = true;
      }
      target = e.noun
                   ? PrepObjectAfter(*doc_, idx_, clause, noun_end)
                   : ObjectAfter(*doc_, idx_, clause, m.trigger, 12 + (m.last - m.trigger), skip);
      if (target < 0 && !e.noun) {  // the parse's direct object when word order finds none
        int32_t obj = DependentActor(*doc_, idx_, trig, {"obj", "iobj"});
        if (obj >= 0 && !skip[obj]) target = obj;
      }
      // "discussed the situation in Afghanistan", "talks in the West Bank with Abbas": a country
      // in a place phrase is the topic or venue of a consultation or agreement, not its other
      // party; the next candidate may be.
      for (int tries = 0; tries < 2 && target >= 0 && mutual &&
                          (IsLocativePhrase(*doc_, doc_->actors[target]) ||
                           IsTopicPhrase(*doc_, doc_->actors[target]));
           ++tries) {
        skip[target] = true;
        target = e.noun ? PrepObjectAfter(*doc_, idx_, clause, doc_->actors[target].token_end - 1)
                        : ObjectAfter(*doc_, idx_, clause, m.trigger, 12 + (m.last - m.trigger), skip);
      }
      if (target >= 0 && skip[target]) target = -1;
    }
    std::string rule = e.RuleName() + (passive ? " +passive" : "");
    if (target < 0 && (e.code == "042" || e.code == "043")) {
      if (int32_t host = HostCountry(m, clause); host >= 0) target = host;
    }
    // Unconventional violence (killing a named person, a non-state group attacking civilians)
    // depends on the target, which word order or the parse may have found only now.
    if (target >= 0)
      code = UnconventionalViolence(code, doc_->actors[source], doc_->actors[target]);
    int32_t place = LocationFor(m, clause);
    if (target < 0 && sources.size() >= 2 && mutual) {
      for (int32_t a : sources)
        for (int32_t b : sources)
          if (a != b) Emit(m, ToActor(a), ToActor(b), true, code, place, modality, rule + " +reciprocal");
      return Trace(m, "coded: reciprocal");
    }
    std::string extra;
    bool violent = Root(e.code) == "18" || Root(e.code) == "19" || Root(e.code) == "20";
    // "shelled Kharkiv", "a missile attack on Kyiv": an attack on a named place is an attack on its
    // country, and the place is where it happened.
    EventActor place_target;
    bool has_place_target = false;
    if (target < 0 && violent && !e.target_none && !passive) {
      if (int32_t p = ObjectPlace(m, clause, e.noun); p >= 0) {
        place_target = CountryActor(doc_->places[p].country);
        has_place_target = true;
        place = p;
        extra = " +place-target";
      }
    }
    if (target < 0 && !has_place_target && e.noun && !e.target_none && violent) {
      target = InferOpponent(source);
      if (target >= 0) extra = " +inferred-target";
    }
    std::vector<int32_t> targets = Members(target);
    for (int32_t a : sources) {
      if (targets.empty())
        Emit(m, ToActor(a), place_target, has_place_target, code, place, modality, rule + extra);
      for (int32_t b : targets) Emit(m, ToActor(a), ToActor(b), true, code, place, modality, rule + extra);
    }
    return Trace(m, "coded");
  }

  // "The army and the RSF clashed", "the opposition and Assad continue to fight", "Johnson and
  // Corbyn clashed over the NHS" (a dispute, 11), "traded accusations", "exchanged prisoners" (08):
  // a plural subject that does this with no object of its own does it to itself ("fought that
  // war", "fight protectionism" and "fight back" name another opponent).
  bool MutualAct(const FrameMatch& m, const Clause& clause) const {
    uint32_t trig = m.trigger;
    const std::string root = Root(m.entry->code);
    if ((root != "19" && root != "11" && root != "08") || !IsMutualVerb(doc_->tokens[trig].lemma)) {
      return false;
    }
    if (trig + 1 < clause.end) {
      const std::string& next = doc_->tokens[trig + 1].lower;
      if (next == "back" || next == "off" || next == "on") return false;
    }
    // "US and British troops fought together", "alongside", "side by side", "against X"
    for (uint32_t k = trig + 1; k < clause.end && k <= trig + 6; ++k) {
      const std::string& w = doc_->tokens[k].lower;
      if (w == "together" || w == "alongside" || w == "jointly" || w == "side" || w == "against") {
        return false;
      }
    }
    for (uint32_t k = clause.begin; k < clause.end; ++k) {
      if (doc_->tokens[k].head != static_cast<int32_t>(trig) || doc_->tokens[k].deprel != "obj")
        continue;
      // the pattern's own object ("traded accusations", "exchanged fire") names no other party
      if (std::find(m.literal_tokens.begin(), m.literal_tokens.end(), k) ==
          m.literal_tokens.end()) {
        return false;
      }
    }
    return true;
  }

  // The actor right after "by" (and "the") following a noun trigger or its pattern, or -1. Not
  // when the noun is what a verb of judgment or report is about ("condemned the ambush by JNIM",
  // "claimed responsibility for the attack by"): that names an act told of before, not a new one.
  int32_t ByAgentAfter(const FrameMatch& m) const {
    uint32_t k = m.last + 1;
    if (k + 1 >= doc_->tokens.size() || doc_->tokens[k].lower != "by") return -1;
    for (uint32_t j = m.trigger, n = 0; j > 0 && n < 4; --j, ++n) {
      const Token& p = doc_->tokens[j - 1];
      if (p.tag == "DT" || p.tag == "PRP$" || p.tag.rfind("JJ", 0) == 0 || p.tag == "CD" ||
          p.tag == "NN")
        continue;
      static constexpr std::array<std::string_view, 18> kAbout = {
          "condemn", "denounce", "deplore",     "criticize", "criticise", "slam",
          "blame",   "claim",    "investigate", "probe",     "welcome",   "praise",
          "mourn",   "report",   "confirm",     "deny",      "for",       "after"};
      if (std::find(kAbout.begin(), kAbout.end(), p.lemma) != kAbout.end() ||
          std::find(kAbout.begin(), kAbout.end(), p.lower) != kAbout.end()) {
        return -1;
      }
      break;
    }
    ++k;
    if (doc_->tokens[k].lower == "the" && k + 1 < doc_->tokens.size()) ++k;
    int32_t a = idx_.actor[k];
    if (a < 0 || doc_->actors[a].token_begin != k || doc_->actors[a].code.empty()) return -1;
    return a;
  }

  // Whether the verb at `trig` has an object: the parse's "obj" or a clause ("ccomp", "xcomp"), or
  // a noun phrase or clause right after it ("demonstrated its resolve", "demonstrate that").
  bool HasDirectObject(uint32_t trig, const Clause& clause) const {
    for (uint32_t k = clause.begin; k < clause.end; ++k) {
      const Token& t = doc_->tokens[k];
      if (t.head == static_cast<int32_t>(trig) && (t.deprel == "obj" || t.deprel == "ccomp")) {
        return true;
      }
    }
    if (trig + 1 >= clause.end) return false;
    const std::string& w = doc_->tokens[trig + 1].lower;
    if (w == "that" || w == "how" || w == "what" || w == "why" || w == "whether") return true;
    // "demonstrated to demand lower taxes": a purpose, not an object; "to the world" is one
    if (w == "to") return trig + 2 < clause.end && doc_->tokens[trig + 2].tag != "VB";
    // "demonstrated today", "last week", "overnight": when, not what
    static constexpr std::array<std::string_view, 12> kWhen = {
        "today", "yesterday", "tonight", "overnight", "last",  "this",
        "next",  "again",     "early",   "late",      "daily", "weekly"};
    if (std::find(kWhen.begin(), kWhen.end(), w) != kWhen.end()) return false;
    const std::string& tag = doc_->tokens[trig + 1].tag;  // not NNP: "demonstrated Tuesday"
    return tag == "DT" || tag == "PRP$" || tag == "PRP" || tag == "CD" || tag == "NN" ||
           tag == "NNS" || tag.rfind("JJ", 0) == 0;
  }

  // The "to" of an infinitive before the trigger ("to end", "to permanently end"), or -1.
  int64_t InfinitiveMarker(uint32_t trig, const Clause& clause) const {
    for (uint32_t k = trig, n = 0; k > clause.begin && n < 3; --k, ++n) {
      const Token& t = doc_->tokens[k - 1];
      if (t.lower == "to") return k - 1;
      if (t.tag != "RB" && t.lower != "\"" && t.lower != "'") return -1;  // "to \"blackmail\""
    }
    return -1;
  }

  // "accused Russia of trying to blackmail", "blamed the rebels for attacking": the alleged act
  // is what the accusation says, not something the report asserts.
  bool IsAlleged(uint32_t trig, const Clause& clause) const {
    for (uint32_t k = trig; k > clause.begin; --k) {
      const Token& t = doc_->tokens[k - 1];
      if (t.lemma == "accuse" || t.lemma == "blame" || t.lemma == "charge" || t.lemma == "allege" ||
          t.lemma == "deny" || t.lemma == "claim") {
        return true;
      }
      if (t.tag == "VBD" || t.tag == "VBZ" || t.tag == "VBP") return false;  // another main verb
    }
    return false;
  }

  bool ContinuativeBefore(uint32_t trig) const {
    if (trig < 2) return false;
    const std::string& l = doc_->tokens[trig - 2].lemma;
    if (l == "continue" || l == "begin" || l == "start" || l == "resume" || l == "try" ||
        l == "attempt" || l == "move") {
      return true;
    }
    // "sent 21 inspectors to Bosnia to investigate": the purpose of a dispatch is carried out.
    for (uint32_t k = trig - 1, n = 0; k > 0 && n < 8; --k, ++n) {
      const Token& t = doc_->tokens[k - 1];
      if (t.lemma == "send" || t.lemma == "dispatch" || t.lemma == "despatch") return true;
      if (t.tag == "VBD" || t.tag == "VBZ" || t.tag == "VBP" || t.lower == ",") break;
    }
    return false;
  }

  // "detonated a car bomb ..., killing two officers": a participle after a comma that reports
  // the result of violence the same source already did in this sentence is that act, not another.
  // Returns that act, or nullptr.
  Event* ConsequenceOfViolence(const FrameMatch& m, int32_t source) {
    const Token& t = doc_->tokens[m.trigger];
    if (t.tag != "VBG" || m.trigger == 0 || doc_->tokens[m.trigger - 1].lower != ",") return nullptr;
    for (Event& e : doc_->events) {
      if (e.sentence != sentence_) continue;
      std::string r = Root(e.cameo);
      bool violent = r == "17" || r == "18" || r == "19" || r == "20" || e.cameo == "145";
      if (violent && e.source.code == doc_->actors[source].code) return &e;
    }
    return nullptr;
  }

  // "demonstrators opposed to new taxes stormed parliament": a past participle right after a
  // noun, with the clause's own finite verb still to come, modifies the noun.
  bool IsReducedRelative(uint32_t trig, const Clause& clause) const {
    const Token& t = doc_->tokens[trig];
    if ((t.tag != "VBD" && t.tag != "VBN") || trig == clause.begin) return false;
    const Token& p = doc_->tokens[trig - 1];
    if (p.tag != "NN" && p.tag != "NNS" && p.tag != "NNP" && idx_.actor[trig - 1] < 0) return false;
    // The participle takes a prepositional phrase ("opposed to", "based in", "backed by") and
    // only that phrase stands before the finite verb.
    if (trig + 1 >= clause.end || (doc_->tokens[trig + 1].tag != "IN" && doc_->tokens[trig + 1].tag != "TO")) {
      return false;
    }
    for (uint32_t k = trig + 2; k < clause.end && k <= trig + 8; ++k) {
      const Token& n = doc_->tokens[k];
      if (n.tag == "VBD" || n.tag == "VBZ" || n.tag == "VBP") return true;
      static const char* kPhrase[] = {"IN", "TO", "DT", "JJ", "NN", "NNS", "NNP", "CD", "PRP$", "POS"};
      bool ok = false;
      for (const char* tag : kPhrase) ok = ok || n.tag == tag;
      if (!ok) return false;
    }
    return false;
  }

  // Same actor, or a bare mention of the source's own country ("the US-Pakistan relationship"
  // said by a US official points at Pakistan).
  void SkipSameActor(int32_t a, std::vector<bool>* skip) const {
    const ActorMention& s = doc_->actors[a];
    for (size_t k = 0; k < doc_->actors.size(); ++k) {
      const ActorMention& o = doc_->actors[k];
      if (o.code == s.code || (o.country == s.country && !s.country.empty() && o.sector.empty())) {
        (*skip)[k] = true;
      }
    }
  }

  // "the insurgents took Zaranj, Sar-e-Pul and Taloqan": one event per named settlement.
  bool PlaceEvents(const FrameMatch& m, const Clause& clause, const std::vector<int32_t>& sources,
                   const std::string& modality) {
    const Sentence& s = doc_->sentences[sentence_];
    bool place_noun = false;  // "took three provincial capitals", "seized the town of"
    for (uint32_t k = m.last + 1; k < clause.end && k <= m.last + 6 && idx_.place[k] < 0; ++k) {
      if (IsPlaceNoun(doc_->tokens[k].lemma)) place_noun = true;
    }
    std::vector<int32_t> places;
    for (size_t p = 0; p < doc_->places.size(); ++p) {
      const PlaceMention& pl = doc_->places[p];
      if (pl.token_begin <= m.last || pl.token_end > s.token_end) continue;
      if (!place_noun && pl.token_begin > m.last + 4) continue;
      if (pl.precision != "city" || IsAdministrativeContext(pl)) continue;
      places.push_back(static_cast<int32_t>(p));
      if (!place_noun) break;  // "captured Kunduz": the object only
    }
    std::string rule = m.entry->RuleName();
    for (int32_t p : places) {
      EventActor target = CountryActor(doc_->places[p].country);
      for (int32_t a : sources) Emit(m, ToActor(a), target, true, m.entry->code, p, modality, rule + " +place");
    }
    if (!places.empty()) return Trace(m, "coded: " + std::to_string(places.size()) + " place(s)");
    if (!place_noun) return Trace(m, "not a place object: trying other entries", false);
    // "a sixth provincial Afghan capital": the country from the object phrase.
    for (uint32_t k = m.last + 1; k < clause.end && k <= m.last + 6; ++k) {
      int32_t a = idx_.actor[k];
      if (a < 0 || doc_->actors[a].country.empty()) continue;
      EventActor target = CountryActor(doc_->actors[a].country);
      int32_t place = AddCountryPlace(doc_->actors[a].country, doc_->actors[a].span,
                                      doc_->actors[a].token_begin, doc_->actors[a].token_end);
      for (int32_t src : sources) Emit(m, ToActor(src), target, true, m.entry->code, place, modality, rule + " +country");
      return Trace(m, "coded: country of the object");
    }
    // "captured part of a guerrilla stronghold": a capture with no named place.
    for (int32_t src : sources) Emit(m, ToActor(src), EventActor{}, false, m.entry->code, -1, modality, rule);
    return Trace(m, "coded: place noun without a named place");
  }

  // The named place an act of force is done to: a verb's object ("shelled Kharkiv", "bombed the
  // city of Rafah" has an actor-free phrase before it) or the place after a noun's "on"/"against"
  // ("a missile attack on Kyiv"). -1 when there is none, or it names a region, not a town.
  int32_t ObjectPlace(const FrameMatch& m, const Clause& clause, bool noun) const {
    bool after_prep = false;  // a noun's place follows "on" or "against"
    for (uint32_t k = m.last + 1, n = 0; k < clause.end && n < 4; ++k, ++n) {
      if (idx_.actor[k] >= 0) return -1;
      const Token& t = doc_->tokens[k];
      int32_t p = idx_.place[k];
      if (p >= 0) {
        const PlaceMention& pl = doc_->places[p];
        if (pl.country.empty() || pl.precision == "country" || IsAdministrativeContext(pl))
          return -1;
        return noun && !after_prep ? -1 : p;
      }
      bool modifier = t.tag == "DT" || t.tag == "JJ";
      if (noun && (t.lower == "on" || t.lower == "against")) {
        after_prep = true;
      } else if (!modifier &&
                 (noun || (t.lower != "city" && t.lower != "town" && t.lower != "of"))) {
        return -1;  // a preposition or another word: not the object
      }
    }
    return -1;
  }

  // "a visit to Washington": the host is the country of the place visited. Returns an actor
  // mention index (a country mention is added when the text has none to point at).
  int32_t HostCountry(const FrameMatch& m, const Clause& clause) {
    for (uint32_t k = m.last + 1; k < clause.end && k <= m.last + 3; ++k) {
      const std::string& w = doc_->tokens[k].lower;
      if (w != "to" && w != "in") continue;
      if (k + 1 < clause.end && idx_.place[k + 1] >= 0) {
        const PlaceMention& p = doc_->places[idx_.place[k + 1]];
        if (p.country.empty()) return -1;
        ActorMention a;
        a.span = p.span;
        a.token_begin = p.token_begin;
        a.token_end = p.token_end;
        a.code = a.country = p.country;
        a.name = CountryActor(p.country).name;
        a.rule = "host-country";
        doc_->actors.push_back(a);
        return static_cast<int32_t>(doc_->actors.size() - 1);
      }
    }
    return -1;
  }

  // "the southern province of Nimroz", "Helmand province": context, not the object.
  bool IsAdministrativeContext(const PlaceMention& pl) const {
    const auto& t = doc_->tokens;
    if (pl.token_end < t.size()) {
      const std::string& n = t[pl.token_end].lower;
      if (n == "province" || n == "region" || n == "state" || n == "district") return true;
    }
    for (uint32_t k = pl.token_begin, n = 0; k > 0 && n < 3; --k, ++n) {
      const std::string& w = t[k - 1].lower;
      if (w == "province" || w == "region" || w == "state" || w == "district") return true;
    }
    return false;
  }

  EventActor CountryActor(const std::string& iso3) const {
    EventActor a;
    a.code = iso3;
    a.country = iso3;
    a.name = iso3;
    for (const ActorMention& m : doc_->actors) {
      if (m.country == iso3 && m.sector.empty() && m.rule == "country") { a.name = m.name; break; }
    }
    return a;
  }

  int32_t AddCountryPlace(const std::string& iso3, Span span, uint32_t b, uint32_t e) {
    if (!country_place_) return -1;
    std::optional<PlaceMention> p = country_place_(iso3);
    if (!p) return -1;
    p->span = span;
    p->token_begin = b;
    p->token_end = e;
    doc_->places.push_back(*p);
    return static_cast<int32_t>(doc_->places.size() - 1);
  }

  // Where the act happened. Material acts (fighting, arrests, aid): the first town named after the
  // trigger in its clause ("attacked the port of Izmail", "arrested him in Jamundi"), else a town
  // before it introduced by in/at/near ("In Gao, militants ..."). Verbal acts (statements,
  // consultations, demands, threats) happen at a venue: a town right after the trigger or after
  // a venue noun ("talks in Sochi"); "discussed the situation in Kabul" is not placed in Kabul.
  int32_t LocationFor(const FrameMatch& m, const Clause& clause) {
    bool verbal = IsVerbalRoot(Root(m.entry->code));
    // What the parse attaches to the trigger comes first.
    if (int32_t p = AttachedPlace(*doc_, idx_, clause, m.trigger, !verbal);
        p >= 0 && !IsAdministrativeContext(doc_->places[p])) {
      return p;
    }
    // Then word order. The window counts words outside actor mentions: "ambushed by fighters of the Group for
    // the Support of Islam and Muslims (JNIM) near Gao" is still near the trigger.
    for (uint32_t k = m.last + 1, n = 0; k < clause.end && n <= 16; ++k) {
      if (idx_.actor[k] < 0) ++n;
      int32_t p = idx_.place[k];
      if (p < 0 || doc_->places[p].precision == "country") continue;
      if (IsAdministrativeContext(doc_->places[p])) continue;  // "in the Menaka region"
      const std::string& prev = doc_->tokens[k - 1].lower;
      uint32_t prep = prev == "the" && k >= 2 ? k - 2 : k - 1;
      const std::string& w = doc_->tokens[prep].lower;
      bool locative = w == "in" || w == "at" || w == "near" || w == "outside" || w == "of";
      if (!verbal) {
        if (w == "from" || w == "to" || w == "toward" || w == "towards") continue;
        return p;
      }
      bool venue = prep > 0 && IsVenueNoun(doc_->tokens[prep - 1].lemma);
      if (locative && w != "of" && (OnlyObjectBetween(m.last, prep) || venue)) return p;
    }
    if (int32_t p = WhereClausePlace(m.trigger, clause); p >= 0) return p;
    if (!verbal) {
      for (uint32_t k = m.trigger; k > clause.begin; --k) {
        int32_t p = idx_.place[k - 1];
        if (p < 0 || doc_->places[p].precision == "country") continue;
        uint32_t b = doc_->places[p].token_begin;
        const std::string& w = b > 0 ? doc_->tokens[b - 1].lower : "";
        if (w == "in" || w == "at" || w == "near") return p;
        k = b + 1;
      }
    }
    if (int32_t p = CountryLocation(m, clause, verbal); p >= 0) return p;
    return verbal ? -1 : DatelinePlace();
  }

  // The town of the article's dateline: where the report was filed, the last resort for where a
  // material act took place.
  int32_t DatelinePlace() const {
    for (size_t p = 0; p < doc_->places.size(); ++p) {
      const PlaceMention& pl = doc_->places[p];
      for (const Sentence& s : doc_->sentences) {
        if (pl.token_begin < s.token_begin || pl.token_begin >= s.token_end) continue;
        if (s.segment < doc_->segments.size() && doc_->segments[s.segment].is_dateline &&
            pl.precision == "city") {
          return static_cast<int32_t>(p);
        }
      }
    }
    return -1;
  }

  // "met the delegation in Pretoria": between the trigger and the preposition stand only the
  // object (actor mentions, determiners, "and") and at most two other words.
  bool OnlyObjectBetween(uint32_t last, uint32_t prep) const {
    int others = 0;
    for (uint32_t k = last + 1; k < prep; ++k) {
      const std::string& w = doc_->tokens[k].lower;
      if (idx_.actor[k] >= 0 || w == "the" || w == "and" || w == "a" || w == ",") continue;
      ++others;
    }
    return others <= 2;
  }

  // "He was flown to Bogota, where prosecutors charged him": the place the relative adverb
  // stands for.
  int32_t WhereClausePlace(uint32_t trigger, const Clause& clause) const {
    for (uint32_t k = trigger; k > clause.begin + 1; --k) {
      if (doc_->tokens[k - 1].lower != "where" || doc_->tokens[k - 2].lower != ",") continue;
      int32_t p = k >= 3 ? idx_.place[k - 3] : -1;
      return p >= 0 && doc_->places[p].precision != "country" ? p : -1;
    }
    return -1;
  }

  // "fighting in Afghanistan": a country-level location when no town is named.
  int32_t CountryLocation(const FrameMatch& m, const Clause& clause, bool verbal) {
    if (verbal) return -1;
    for (uint32_t k = m.last + 1; k + 1 < clause.end && k <= m.last + 10; ++k) {
      const std::string& w = doc_->tokens[k].lower;
      if (w != "in" && w != "at" && w != "near" && w != "across") continue;
      uint32_t j = k + 1;
      if (doc_->tokens[j].lower == "the" && j + 1 < clause.end) ++j;
      int32_t a = idx_.actor[j];
      if (a >= 0 && doc_->actors[a].rule == "country") {
        const ActorMention& am = doc_->actors[a];
        return AddCountryPlace(am.country, am.span, am.token_begin, am.token_end);
      }
    }
    return -1;
  }

  // The other side of an attack with no stated target: the first actor of the sentence from
  // another country that the attack is not said to support.
  int32_t InferOpponent(int32_t source) const {
    const Sentence& s = doc_->sentences[sentence_];
    const ActorMention& src = doc_->actors[source];
    for (size_t a = 0; a < doc_->actors.size(); ++a) {
      const ActorMention& m = doc_->actors[a];
      if (m.token_begin < s.token_begin || m.token_end > s.token_end) continue;
      if (static_cast<int32_t>(a) == source || m.code.empty() || m.country == src.country) continue;
      bool supported = false;
      for (uint32_t k = m.token_begin, n = 0; k > s.token_begin && n < 3; --k, ++n) {
        if (SupportsWord(doc_->tokens[k - 1].lemma)) supported = true;
      }
      if (!supported) return static_cast<int32_t>(a);
    }
    return -1;
  }

  // "must" or "have to" before the trigger ("Libya must hand over", "has to withdraw").
  bool InsistsBefore(uint32_t trig, const Clause& clause) const {
    for (uint32_t k = trig, n = 0; k > clause.begin && n < 4; --k, ++n) {
      const Token& t = doc_->tokens[k - 1];
      if (t.lower == "must") return true;
      if (t.lower == "to" && k >= 2 && doc_->tokens[k - 2].lemma == "have") return true;
      if (t.lower == "should" || t.lower == "ought" || t.lower == "," || t.lower == "that")
        return false;
    }
    return false;
  }

  // "X said A and B needed to work more closely": X appeals to the other party.
  bool Appeal(const FrameMatch& m, const Clause& clause, int32_t subject) {
    const Sentence& s = doc_->sentences[sentence_];
    for (uint32_t k = m.trigger; k > s.token_begin; --k) {
      const Token& t = doc_->tokens[k - 1];
      if (!IsSpeechVerb(t.lemma) || !syntax::IsVerbTag(t.tag)) continue;
      Clause sc = ClauseAround(*doc_, s, k - 1);
      int32_t speaker = SubjectOf(*doc_, idx_, sc, k - 1);
      if (speaker < 0) break;
      const ActorMention& sp = doc_->actors[speaker];
      std::vector<int32_t> parties = Members(subject);
      if (m.target_actor >= 0) for (int32_t a : Members(m.target_actor)) parties.push_back(a);
      std::string code = InsistsBefore(m.trigger, clause) ? DemandCodeFor(m.entry->code)
                                                          : AppealCodeFor(Root(m.entry->code));
      int32_t place = LocationFor(m, clause);
      bool any = false;
      for (int32_t p : parties) {
        if (doc_->actors[p].country == sp.country || p == speaker) continue;
        Emit(m, ToActor(speaker), ToActor(p), true, code, place, "asserted",
             m.entry->RuleName() + " +reported-obligation");
        any = true;
      }
      return Trace(m, any ? "coded: appeal by the speaker" : "dropped: obligation with no other party");
    }
    return Trace(m, "dropped: obligation");
  }

  void Emit(const FrameMatch& m, EventActor source, EventActor target, bool has_target,
            const std::string& code, int32_t place, const std::string& modality, const std::string& rule) {
    if (source.code.empty()) return;
    if (has_target && (target.code == source.code || target.code.empty())) return;
    Event e;
    e.sentence = sentence_;
    e.source = std::move(source);
    e.target = std::move(target);
    e.has_target = has_target;
    e.cameo = code;
    e.trigger = doc_->tokens[m.trigger].span;
    e.place = place;
    e.rule = rule;
    e.modality = modality;
    DateEvent(m.trigger, &e);
    for (const Event& o : doc_->events) {
      if (o.sentence == e.sentence && o.cameo == e.cameo && o.source.code == e.source.code &&
          o.target.code == e.target.code && o.place == e.place) {
        return;
      }
    }
    doc_->events.push_back(std::move(e));
  }

  void DateEvent(uint32_t trigger, Event* e) const {
    const Sentence& s = doc_->sentences[sentence_];
    bool quoted = doc_->tokens[trigger].Is(kTokInQuote);
    const DateMention* best = nullptr;
    uint32_t best_dist = UINT32_MAX;
    for (const DateMention& d : doc_->dates) {
      if (d.token_begin < s.token_begin || d.token_end > s.token_end) continue;
      if (doc_->tokens[d.token_begin].Is(kTokInQuote) != quoted) continue;
      if (d.token_begin > 0) {  // "by August 31" is a deadline, not when the act happened
        const std::string& p = doc_->tokens[d.token_begin - 1].lower;
        if (p == "by" || p == "until" || p == "till" || p == "before" || p == "since") continue;
      }
      uint32_t dist = d.token_begin > trigger ? d.token_begin - trigger : trigger - d.token_begin;
      if (dist < best_dist) { best = &d; best_dist = dist; }
    }
    if (best != nullptr) {
      e->date = best->range;
      e->date_basis = "text";
    } else if (sentence_ < times_.size()) {
      e->date = times_[sentence_].reference;
      e->date_basis = times_[sentence_].basis;
    }
  }

  // Within a sentence, one pair of actors keeps only the most specific code of a root
  // ("had a telephone conversation to discuss": 041, not also 040).
  void KeepMostSpecific(size_t first) {
    auto& ev = doc_->events;
    std::vector<bool> drop(ev.size(), false);
    for (size_t a = first; a < ev.size(); ++a) {
      for (size_t b = first; b < ev.size(); ++b) {
        if (a == b || drop[b] || drop[a]) continue;
        Event& x = ev[a];
        Event& y = ev[b];
        if (x.source.code != y.source.code || Root(x.cameo) != Root(y.cameo)) continue;
        // "attacked the village ..., killing nine civilians": one act; the mention without a
        // place gives way to the one with it.
        if (x.place != y.place) {
          if (x.place >= 0 || x.target.code != y.target.code) continue;
          drop[a] = true;
          continue;
        }
        // "will provide food aid to Somalia": the verb's event (with a target) absorbs the noun
        // event inside it (no target), taking the more specific code.
        bool same_target = x.target.code == y.target.code;
        bool x_absorbed = !x.has_target && y.has_target;
        if (!same_target && !x_absorbed) continue;
        if (!x_absorbed && Specificity(y.cameo) <= Specificity(x.cameo)) continue;
        if (Specificity(x.cameo) > Specificity(y.cameo)) y.cameo = x.cameo;
        drop[a] = true;
      }
    }
    size_t w = first;
    for (size_t r = first; r < ev.size(); ++r) {
      if (drop[r]) continue;
      if (w != r) ev[w] = std::move(ev[r]);
      ++w;
    }
    ev.resize(w);
  }

  const lexicon::EventLexicon& lex_;
  const CoderOptions& opts_;
  const std::vector<SentenceTime>& times_;
  const CountryPlaceFn& country_place_;
  Document* doc_;
  MentionIndex idx_;
  std::vector<bool> used_;
  std::vector<TraceLine>* trace_;
  uint32_t sentence_ = 0;
};

}  // namespace

void HarmonizeCodes(Document* doc);

void EventCoder::Code(const std::vector<SentenceTime>& times, const CountryPlaceFn& country_place,
                      Document* doc, std::vector<TraceLine>* trace) const {
  doc->events.clear();
  SentenceCoder coder(lexicon_, options_, times, country_place, doc, trace);
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    const Sentence& sent = doc->sentences[s];
    if (sent.segment < doc->segments.size() && doc->segments[sent.segment].is_dateline) continue;
    coder.Run(s);
  }
  HarmonizeCodes(doc);
}

// Two mentions in one article of the same act between the same actors on the same day ("discussed"
// and, a sentence later, "had a telephone conversation") are one real event: both take the most
// specific code, so they share an event_key.
void HarmonizeCodes(Document* doc) {
  auto& ev = doc->events;
  for (Event& a : ev) {
    for (const Event& b : ev) {
      if (&a == &b || Specificity(b.cameo) <= Specificity(a.cameo) || Root(a.cameo) != Root(b.cameo)) continue;
      if (a.source.code == b.source.code && a.target.code == b.target.code &&
          a.date.from == b.date.from && a.date.to == b.date.to && a.place == b.place) {
        a.rule += " +harmonized:" + a.cameo;
        a.cameo = b.cameo;
      }
    }
  }
}

std::vector<SentenceTime> SentenceTimes(const time::DateTimeline& timeline, size_t sentences) {
  std::vector<SentenceTime> times(sentences);
  for (uint32_t s = 0; s < sentences; ++s) {
    times[s].reference = timeline.RangeFor(s);
    times[s].basis = time::DateBasisName(timeline.ReferenceFor(s).basis);
  }
  return times;
}

}  // namespace dyad::events
