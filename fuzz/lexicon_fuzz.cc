// lexicon_fuzz: arbitrary dictionary text through lexicon::ActorLexicon::FromText and
// lexicon::EventLexicon::FromText, then matching on a small document.
//
// Input layout: the bytes before the first NUL are the dictionary text (parsed as an actor
// dictionary and as an event dictionary); the bytes after it, when there is a NUL, are the
// document to match on, else a fixed sentence. Every token is tried as a match start (actors),
// as a surname (persons) and, by lower-case form and lemma, as an event trigger.
//
// Checks: malformed lines become diagnostics, never crashes; every actor match lies inside the
// document and points at an entry of the lexicon.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/date.h"
#include "dyad/document.h"
#include "lexicon/actor_lexicon.h"
#include "lexicon/event_lexicon.h"
#include "syntax/tagger.h"
#include "text/tokenizer.h"

namespace {

constexpr std::string_view kDocument =
    "The United States and Pakistan's army met Taliban fighters in Kabul on Tuesday. "
    "US Secretary of Defence Lloyd Austin called Gen. Bajwa, who didn't attend the talks.";

void MatchActors(const dyad::lexicon::ActorLexicon& lex, const dyad::Document& doc) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  std::vector<dyad::lexicon::ActorMatch> matches;
  std::vector<const dyad::lexicon::ActorEntry*> persons;
  for (const dyad::Date& date : {dyad::Date{2021, 8, 11}, dyad::Date{}}) {
    for (uint32_t i = 0; i < n; ++i) {
      matches.clear();
      lex.MatchesAt(doc, i, n, date, &matches);
      for (const auto& m : matches) {
        if (m.length == 0 || i + m.length > n || m.entry == nullptr) __builtin_trap();
        if (m.entry < lex.entries().data() ||
            m.entry >= lex.entries().data() + lex.entries().size()) {
          __builtin_trap();
        }
      }
      persons.clear();
      lex.PersonsBySurname(doc.tokens[i].lower, date, &persons);
    }
  }
  lex.Country("USA");
  lex.Country("");
}

void MatchEvents(const dyad::lexicon::EventLexicon& lex, const dyad::Document& doc) {
  for (const auto& t : doc.tokens) {
    for (const std::string& key : {t.lower, t.lemma}) {
      const auto* entries = lex.ByTrigger(key);
      if (entries == nullptr) continue;
      for (const auto* e : *entries) {
        std::string rule = e->RuleName();
        (void)e->has_target_slot();
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string_view dict = bytes;
  std::string_view text = kDocument;
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    dict = bytes.substr(0, nul);
    text = bytes.substr(nul + 1);
  }

  dyad::Document doc = dyad::text::MakeDocument(text, "2021-08-11");
  dyad::syntax::TagAndLemmatize(&doc);

  std::vector<dyad::lexicon::Diagnostic> diagnostics;
  auto actors = dyad::lexicon::ActorLexicon::FromText(dict, &diagnostics);
  if (actors) MatchActors(*actors, doc);
  auto events = dyad::lexicon::EventLexicon::FromText(dict, &diagnostics);
  if (events) MatchEvents(*events, doc);
  for (const auto& d : diagnostics) {
    std::string line = d.ToString();
  }
  return 0;
}
