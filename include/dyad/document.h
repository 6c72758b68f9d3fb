// The Document: one article as it flows through the pipeline (spaCy's Doc, UDPipe's sentence).
//
// ingest fills `article` and `segments`; text adds `tokens` and `sentences`; syntax fills lemma,
// tag and head fields; actors/geo/time add mentions, places and dates; events adds `events`.
// Every span is a half-open byte range [begin, end) into `article.text`, the text exactly as the
// input gave it (after JSON unescaping), so an analyst can always see which words produced what.
#ifndef DYAD_DOCUMENT_H_
#define DYAD_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/date.h"

namespace dyad {

struct Span {
  uint32_t begin = 0;  // byte offset, inclusive
  uint32_t end = 0;    // byte offset, exclusive
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool operator==(const Span&) const = default;
};

struct Article {
  std::string id;
  std::string date;  // publication date, YYYY-MM-DD, may be empty
  std::string title;
  std::string text;
  std::string publisher;
  std::string url;
  // The id of an earlier article in the same run that this one nearly copies (a republished wire
  // story; ingest/dedup.h), or "": its events are mentions, not independent reports.
  std::string duplicate_of;
};

// A stretch of `article.text` that survived cleaning (one paragraph or line).
struct Segment {
  Span span;
  bool is_title = false;     // the headline (kept for context, not coded)
  bool is_dateline = false;  // "KABUL, Aug 10 (Reuters) -": place and date of the report
};

// Coarse token shape flags, set by the tokenizer.
enum TokenFlag : uint8_t {
  kTokCapitalized = 1,  // first letter is upper case
  kTokAllCaps = 2,      // >= 2 letters, all upper case
  kTokDigit = 4,        // contains a digit
  kTokPunct = 8,        // punctuation only
  kTokSentStart = 16,   // first token of its sentence
  kTokInQuote = 32,     // inside a quotation
  kTokKnownName = 64,   // capitalised word of a name in the actor lexicon (tagged as a proper noun)
};

struct Token {
  Span span;
  std::string lower;   // lower-cased form, quotes and dashes normalised (’ -> ', – -> -)
  std::string lemma;   // filled by syntax (lower-case)
  std::string tag;     // Penn-style tag filled by syntax ("VBD", "NNP", ...)
  int32_t head = -1;   // index of the head token within the document, -1 = root or none
  std::string deprel;  // UD relation, filled by a parser when there is one
  uint8_t flags = 0;
  bool Is(TokenFlag f) const { return (flags & f) != 0; }
};

struct Sentence {
  Span span;
  uint32_t token_begin = 0;  // index into Document::tokens
  uint32_t token_end = 0;    // exclusive
  uint32_t segment = 0;      // index into Document::segments (the paragraph)
};

// Who: an actor mention, resolved to CAMEO-style codes.
struct ActorMention {
  Span span;
  uint32_t token_begin = 0, token_end = 0;
  std::string code;     // e.g. "USAGOV", "AFGINS", "PAKMIL"
  std::string country;  // ISO 3166-1 alpha-3, or "" when unknown
  std::string sector;   // CAMEO sector code ("GOV", "MIL", ...), or ""
  std::string name;     // canonical name ("Lloyd Austin", "Taliban", "Pakistan")
  std::string rule;     // how it was resolved ("lexicon", "title+name", "pronoun", ...)
  bool plural = false;
  bool place = false;   // a place standing for its people ("the villages"), never "they"
  int32_t group = -1;   // index of the first member of a coordination ("A and B") or -1
};

// Where: a place mention resolved against the gazetteer.
struct PlaceMention {
  Span span;
  uint32_t token_begin = 0, token_end = 0;
  std::string name;     // gazetteer name
  std::string country;  // ISO alpha-3
  std::string admin1;   // province name
  double lat = 0, lon = 0;
  int64_t geonames_id = 0;
  std::string precision;  // "city", "admin1", "country"
};

// When: a resolved date expression.
struct DateMention {
  Span span;
  uint32_t token_begin = 0, token_end = 0;
  DateRange range;
  std::string rule;
};

struct EventActor {
  int32_t mention = -1;  // index into Document::actors, or -1
  std::string code, country, sector, name;
  Span span;
};

struct Event {
  uint32_t sentence = 0;
  EventActor source;
  EventActor target;  // target.code empty: no target
  bool has_target = false;
  std::string cameo;  // "041"
  Span trigger;
  int32_t place = -1;  // index into Document::places, or -1
  DateRange date;
  std::string date_basis;  // "text" or "publication"
  std::string rule;        // the lexicon entry or rule that fired, for `dyad explain`
  std::string modality = "asserted";
};

struct Document {
  Article article;
  std::vector<Segment> segments;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<ActorMention> actors;
  std::vector<PlaceMention> places;
  std::vector<DateMention> dates;
  std::vector<Event> events;

  std::string_view Text(Span s) const {
    return std::string_view(article.text).substr(s.begin, s.end - s.begin);
  }
  std::string_view TokenText(uint32_t i) const { return Text(tokens[i].span); }
};

}  // namespace dyad

#endif  // DYAD_DOCUMENT_H_
