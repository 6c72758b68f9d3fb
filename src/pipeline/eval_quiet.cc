#include "pipeline/eval_quiet.h"

#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

namespace dyad::pipeline {

Result<QuietScores> EvaluateQuiet(const Coder& coder, const std::string& path,
                                  const std::set<std::string>& categories) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read " + path);
  QuietScores s;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) {
      ++s.bad_lines;
      continue;
    }
    std::string category = j.contains("category") && j["category"].is_string() ? j["category"].get<std::string>() : "";
    if (!categories.empty() && categories.count(category) == 0) continue;
    Document doc;
    doc.article.id = j.contains("id") && j["id"].is_string() ? j["id"].get<std::string>() : "";
    doc.article.date = j.contains("date") && j["date"].is_string() ? j["date"].get<std::string>() : "";
    doc.article.text = j["text"].get<std::string>();
    if (!coder.Code(&doc).ok()) { ++s.bad_lines; continue; }
    ++s.articles;
    s.sentences += static_cast<int64_t>(doc.sentences.size());
    for (const Event& e : doc.events) {
      ++s.events;
      s.listing.push_back(doc.article.id + "\t" + e.cameo + "\t" + e.source.code + " -> " +
                          (e.has_target ? e.target.code : "-") + "\t" +
                          std::string(doc.Text(doc.sentences[e.sentence].span)));
    }
  }
  return s;
}

std::string QuietScores::Format() const {
  char buf[200];
  std::snprintf(buf, sizeof buf, "articles %d  sentences %lld  events %lld  = %.1f events per 1,000 sentences\n",
                articles, static_cast<long long>(sentences), static_cast<long long>(events), PerThousand());
  std::string out = buf;
  if (bad_lines > 0) out += "unreadable lines: " + std::to_string(bad_lines) + "\n";
  return out;
}

}  // namespace dyad::pipeline
