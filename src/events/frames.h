// Trigger matching and argument finding over one sentence: the word-order rules the event coder
// uses until the dependency parser (syntax issue) supplies grammatical relations. Each function
// is pure over a const Document and an index of which token belongs to which mention.
#ifndef DYAD_EVENTS_FRAMES_H_
#define DYAD_EVENTS_FRAMES_H_

#include <initializer_list>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "lexicon/event_lexicon.h"

namespace dyad::events {

// Token -> mention lookups for one document.
struct MentionIndex {
  std::vector<int32_t> actor;  // per token: index into doc.actors or -1
  std::vector<int32_t> place;  // per token: index into doc.places or -1
  static MentionIndex Build(const Document& doc);
};

// A pattern that matched at a trigger.
struct FrameMatch {
  const lexicon::EventEntry* entry = nullptr;
  uint32_t trigger = 0;         // token index
  uint32_t last = 0;            // last token the pattern used
  int32_t target_actor = -1;    // from a $T slot
  int32_t target_place = -1;    // from a $T slot that named a place
  std::vector<uint32_t> literal_tokens;
};

struct Clause {
  uint32_t begin = 0, end = 0;  // token range
};

// The clause around token i: bounded by ';', ':' and the sentence.
Clause ClauseAround(const Document& doc, const Sentence& s, uint32_t i);

// Every entry of `lexicon` that matches with its trigger at token i, longest pattern first.
// Respects noun/verb readings of the trigger.
std::vector<FrameMatch> MatchesAt(const Document& doc, const MentionIndex& idx,
                                  const lexicon::EventLexicon& lex, const Clause& clause, uint32_t i);

// Voice and modality of a verb trigger.
bool IsPassive(const Document& doc, const Clause& clause, uint32_t trigger);
// "asserted", "negated", "hypothetical", "future" and, for obligations ("needed to", "must",
// "should"), "obligation".
std::string Modality(const Document& doc, const Clause& clause, uint32_t trigger);

// The actor a dependency of `head` with one of `relations` points at ("nsubj", "obj"): the
// dependent itself or, one level down, a word attached to it ("the spokesman of the Taliban").
// -1 when the document has no parse or no such dependent is an actor.
int32_t DependentActor(const Document& doc, const MentionIndex& idx, uint32_t head,
                       std::initializer_list<std::string_view> relations);

// The place the parse attaches to `trigger`: an oblique with a locative preposition ("attacked
// in Kunduz", "met at Camp David"); for material acts also its object ("shelled Kharkiv") or a
// nominal modifier of its object ("attacked the port of Izmail"), following appositions and
// conjuncts ("Zaranj, the capital of Nimroz"). Country-level places are skipped. -1 when the
// document has no parse or no place is attached.
int32_t AttachedPlace(const Document& doc, const MentionIndex& idx, const Clause& clause, uint32_t trigger,
                      bool material);

// True when the parse attaches the actor mention as a place phrase ("the situation in
// Afghanistan", "talks in Geneva"): its head is an oblique or nominal modifier with a locative
// case. False without a parse.
bool IsLocativePhrase(const Document& doc, const ActorMention& m);

// An actor in a phrase about a topic, attached to a noun: "talks on Ukraine", "information on
// missing people", "a report about Iran" (the parse's nmod with case about/regarding/concerning,
// or "on" after a noun of talk or agreement). The coder asks this only of cooperative and mutual
// acts, whose other party is never their topic.
bool IsTopicPhrase(const Document& doc, const ActorMention& m);

// The subject actor of a trigger: the nearest actor to its left in the clause that is not the
// object of a preposition; -1 when none.
int32_t SubjectOf(const Document& doc, const MentionIndex& idx, const Clause& clause, uint32_t trigger);
// The agent of a passive ("by X" after the trigger), or -1.
int32_t PassiveAgent(const Document& doc, const MentionIndex& idx, const Clause& clause, uint32_t after);
// An actor directly before a noun trigger ("US airstrikes", "Israel's offensive"), or -1.
int32_t NounModifier(const Document& doc, const MentionIndex& idx, uint32_t trigger);
// First actor after `after` in the clause that can be an object: not after a locative or topic
// preposition. `skip` tells which candidates to pass over.
int32_t ObjectAfter(const Document& doc, const MentionIndex& idx, const Clause& clause,
                    uint32_t after, uint32_t window, const std::vector<bool>& skip);
// The verb whose object a noun trigger is, when that verb is one that performs the act
// ("launched airstrikes", "held talks", "imposed sanctions"); -1 otherwise. A noun event's source
// is its modifier or the subject of this verb, never a subject reached across a preposition
// ("agreed to a ceasefire after days of fighting").
int32_t LightVerbOf(const Document& doc, const Clause& clause, uint32_t noun);
// Is this noun trigger the predicate of a copula ("was a threat", "remains a danger")? Then it
// describes, it does not report an act.
bool IsPredicateNoun(const Document& doc, const Clause& clause, uint32_t trigger);
// Noun events: the actor after on/against/with/at/toward following the noun.
int32_t PrepObjectAfter(const Document& doc, const MentionIndex& idx, const Clause& clause, uint32_t after);

// Is the lemma a word for a settlement or territory ("capital", "town", "district", ...)?
bool IsPlaceNoun(std::string_view lemma);
// Speech verbs that introduce reported content ("say", "tell", "add", ...).
bool IsSpeechVerb(std::string_view lemma);

}  // namespace dyad::events

#endif  // DYAD_EVENTS_FRAMES_H_
