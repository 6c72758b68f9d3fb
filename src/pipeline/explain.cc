#include "pipeline/explain.h"

#include <cstdio>

namespace dyad::pipeline {
namespace {

std::string SpanText(const Document& doc, Span s) {
  return "\"" + std::string(doc.Text(s)) + "\" [" + std::to_string(s.begin) + "," +
         std::to_string(s.end) + ")";
}

void Sentences(const Document& doc, std::vector<std::string>* out) {
  out->push_back("== sentences and tokens (word/TAG/lemma)");
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    std::string line = "[" + std::to_string(s) + "] ";
    for (uint32_t i = sent.token_begin; i < sent.token_end; ++i) {
      const Token& t = doc.tokens[i];
      line += std::string(doc.TokenText(i)) + "/" + t.tag;
      if (!t.lemma.empty() && t.lemma != t.lower) line += "/" + t.lemma;
      line += " ";
    }
    out->push_back(line);
  }
}

void Actors(const Document& doc, std::vector<std::string>* out) {
  out->push_back("== actors");
  for (size_t a = 0; a < doc.actors.size(); ++a) {
    const ActorMention& m = doc.actors[a];
    std::string line = "  " + SpanText(doc, m.span) + " -> " + (m.code.empty() ? "?" : m.code) +
                       " (" + m.name + ") by " + m.rule;
    if (m.group >= 0) line += ", compound #" + std::to_string(m.group);
    out->push_back(line);
  }
}

void Places(const Document& doc, const geo::PlaceResolver* places, std::vector<std::string>* out) {
  out->push_back("== places");
  if (places == nullptr) {
    out->push_back("  (no gazetteer loaded)");
    return;
  }
  for (const geo::PlaceExplanation& p : places->Explain(doc)) {
    char buf[160];
    std::string line = "  " + SpanText(doc, p.span) + (p.accepted ? " accepted" : " rejected") +
                       " evidence " + p.evidence_why;
    if (!p.choices.empty()) {
      const geo::PlaceChoice& c = p.choices[0];
      std::snprintf(buf, sizeof buf, " -> %s, %s (%.2f, %.2f) score %.2f",
                    std::string(c.place.name).c_str(), std::string(c.place.country).c_str(),
                    c.place.lat, c.place.lon, c.score);
      line += buf;
    }
    out->push_back(line);
  }
}

void Dates(const Document& doc, std::vector<std::string>* out) {
  out->push_back("== dates");
  for (const DateMention& d : doc.dates) {
    std::string r = d.range.from.ToString();
    if (d.range.to != d.range.from) r += ".." + d.range.to.ToString();
    out->push_back("  " + SpanText(doc, d.span) + " -> " + r + " by " + d.rule);
  }
}

void Candidates(const Document& doc, const std::vector<events::TraceLine>& trace,
                std::vector<std::string>* out) {
  out->push_back("== candidate events");
  for (const events::TraceLine& t : trace) {
    out->push_back("  [" + std::to_string(t.sentence) + "] " + SpanText(doc, t.trigger) + " " +
                   t.rule + ": " + t.outcome);
  }
}

void Events(const Document& doc, std::vector<std::string>* out) {
  out->push_back("== events");
  for (const Event& e : doc.events) {
    std::string line = "  [" + std::to_string(e.sentence) + "] " + e.source.code + " " + e.cameo + " " +
                       (e.has_target ? e.target.code : "-") + " " + e.date.from.ToString() + " (" +
                       e.date_basis + ")";
    if (e.place >= 0) line += " at " + doc.places[e.place].name;
    line += "  trigger " + SpanText(doc, e.trigger) + "  source " + SpanText(doc, e.source.span);
    if (e.has_target) line += "  target " + SpanText(doc, e.target.span);
    line += "  rule " + e.rule + "  " + e.modality;
    out->push_back(line);
  }
}

}  // namespace

void DescribeDocument(const Document& doc, const std::vector<events::TraceLine>& trace,
                      const geo::PlaceResolver* places, std::vector<std::string>* lines) {
  Sentences(doc, lines);
  Actors(doc, lines);
  Places(doc, places, lines);
  Dates(doc, lines);
  Candidates(doc, trace, lines);
  Events(doc, lines);
}

}  // namespace dyad::pipeline
