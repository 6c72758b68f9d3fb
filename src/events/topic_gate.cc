#include "events/topic_gate.h"

#include <map>

namespace dyad::events {

std::string TopicScore::Describe() const {
  return "topic words: politics " + std::to_string(politics) + ", other " + std::to_string(other) +
         (dominant.empty() ? "" : " (mostly " + dominant + ")") +
         (gated ? ": not political news, no events" : ": coded");
}

std::string TopicGate::AddLine(const lexicon::LexiconLine& line) {
  std::string topic(line.fields[0]);
  if (topic.empty()) return "empty topic";
  for (const std::string& w : lexicon::SplitAlternatives(line.fields[1])) {
    // A word listed under politics and elsewhere counts for politics.
    auto it = topic_of_.find(w);
    if (it == topic_of_.end() || topic == "politics") topic_of_[w] = topic;
  }
  return "";
}

Result<std::shared_ptr<const TopicGate>> TopicGate::Load(const std::string& path,
                                                         std::vector<lexicon::Diagnostic>* diagnostics) {
  auto gate = std::make_shared<TopicGate>();
  DYAD_RETURN_IF_ERROR(lexicon::ReadLexiconFile(
      path, 2, [&](const lexicon::LexiconLine& l) { return gate->AddLine(l); }, &gate->version_,
      diagnostics));
  return std::shared_ptr<const TopicGate>(std::move(gate));
}

std::shared_ptr<const TopicGate> TopicGate::FromText(std::string_view text,
                                                     std::vector<lexicon::Diagnostic>* diagnostics) {
  auto gate = std::make_shared<TopicGate>();
  lexicon::ParseLexiconText(text, "<text>", 2,
                            [&](const lexicon::LexiconLine& l) { return gate->AddLine(l); },
                            &gate->version_, diagnostics);
  return gate;
}

TopicScore TopicGate::Score(const Document& doc) const {
  std::map<std::string, int> counts;
  for (const Token& t : doc.tokens) {
    auto it = topic_of_.find(t.lemma.empty() ? t.lower : t.lemma);
    if (it == topic_of_.end() && !t.lemma.empty()) it = topic_of_.find(t.lower);
    if (it != topic_of_.end()) ++counts[it->second];
  }
  TopicScore s;
  int best = 0;
  for (const auto& [topic, n] : counts) {
    if (topic == "politics") { s.politics = n; continue; }
    s.other += n;
    if (n > best) { best = n; s.dominant = topic; }
  }
  s.gated = s.other >= kMinOther && s.other > kRatio * s.politics;
  return s;
}

}  // namespace dyad::events
