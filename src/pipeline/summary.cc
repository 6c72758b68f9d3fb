#include "pipeline/summary.h"

#include <algorithm>
#include <vector>

namespace dyad::pipeline {

void Summary::Add(const Document& doc) {
  ++articles;
  sentences += static_cast<int64_t>(doc.sentences.size());
  for (const Event& e : doc.events) {
    ++events;
    ++by_root[e.cameo.substr(0, 2)];
    ++dyads[e.source.code + " -> " + (e.has_target ? e.target.code : "-")];
  }
}

std::string Summary::Format(size_t top_dyads) const {
  std::string s = "articles " + std::to_string(articles) + ", sentences " + std::to_string(sentences) +
                  ", events " + std::to_string(events) + ", input errors " + std::to_string(errors) + "\n";
  s += "events by CAMEO root:";
  for (const auto& [root, n] : by_root) s += " " + root + ":" + std::to_string(n);
  s += "\ntop dyads:\n";
  std::vector<std::pair<std::string, int64_t>> d(dyads.begin(), dyads.end());
  std::stable_sort(d.begin(), d.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  for (size_t i = 0; i < d.size() && i < top_dyads; ++i) {
    s += "  " + std::to_string(d[i].second) + "  " + d[i].first + "\n";
  }
  return s;
}

}  // namespace dyad::pipeline
