#include "pipeline/eval_plover.h"

#include <cstdio>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

namespace dyad::pipeline {
namespace {

// CAMEO's actor codes that differ from ISO 3166 alpha-3.
std::string Normalize(const std::string& code) {
  std::string c = code.substr(0, 3);
  if (c == "JAP") return "JPN";
  if (c == "ITL") return "ITA";
  if (c == "ROM") return "ROU";
  if (c == "GMY") return "DEU";
  return c;
}

std::set<std::string> GoldCountries(const nlohmann::json& list) {
  std::set<std::string> out;
  if (!list.is_array()) return out;
  for (const auto& a : list) {
    if (a.is_object() && a.contains("code") && a["code"].is_string()) {
      out.insert(Normalize(a["code"].get<std::string>()));
    }
  }
  return out;
}

std::string ActorKey(const EventActor& a) {
  return a.country.empty() ? a.code.substr(0, 3) : a.country;
}

}  // namespace

std::string PloverCategory(const std::string& cameo) {
  static const std::map<std::string, std::string> kRoots = {
      {"03", "AGREE"},       {"04", "CONSULT"},    {"05", "SUPPORT"},  {"06", "COOPERATE"},
      {"07", "AID"},         {"09", "INVESTIGATE"}, {"10", "DEMAND"},  {"11", "DISAPPROVE"},
      {"12", "REJECT"},      {"13", "THREATEN"},   {"14", "PROTEST"},  {"15", "MOBILIZE"},
      {"16", "SANCTION"},    {"17", "COERCE"},     {"18", "ASSAULT"},  {"19", "FIGHT"},
      {"20", "FIGHT"}};
  std::string root = cameo.substr(0, 2);
  if (root == "08") return cameo.size() >= 3 && cameo[2] >= '4' ? "RETREAT" : "CONCEDE";
  auto it = kRoots.find(root);
  return it == kRoots.end() ? "" : it->second;
}

Result<PloverScores> EvaluatePlover(const Coder& coder, const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read " + path);
  PloverScores s;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json g = nlohmann::json::parse(line, nullptr, false);
    if (g.is_discarded() || !g.is_object() || !g.contains("text") || !g["text"].is_string() ||
        !g.contains("event") || !g["event"].is_string()) {
      ++s.bad_lines;
      continue;
    }
    std::string gold = g["event"].get<std::string>();
    std::set<std::string> gsrc = GoldCountries(g.value("source", nlohmann::json()));
    std::set<std::string> gtgt = GoldCountries(g.value("target", nlohmann::json()));
    Document doc;
    doc.article.id = g.value("id", std::string("gold"));
    doc.article.date = g.contains("date") && g["date"].is_string() ? g["date"].get<std::string>() : "";
    doc.article.text = g["text"].get<std::string>();
    if (!coder.Code(&doc).ok()) { ++s.bad_lines; continue; }
    ++s.sentences;
    auto& cat = s.by_category[gold];
    ++cat.gold;
    bool hit = false, src = false, both = false;
    std::string coded;
    for (const Event& e : doc.events) {
      std::string c = PloverCategory(e.cameo);
      coded += " " + e.source.code + ":" + e.cameo + ":" + (e.has_target ? e.target.code : "-");
      if (c.empty()) { ++s.events_01_02; continue; }
      ++s.events;
      ++s.by_category[c].events;
      if (c != gold) continue;
      ++s.events_right;
      ++s.by_category[c].events_right;
      hit = true;
      bool sm = gsrc.count(ActorKey(e.source)) != 0;
      bool tm = gtgt.empty() ? true : (e.has_target && gtgt.count(ActorKey(e.target)) != 0);
      src = src || sm;
      both = both || (sm && tm);
    }
    if (!doc.events.empty()) ++s.coded;
    if (hit) { ++s.category_hit; ++cat.found; }
    if (src) ++s.source_match;
    if (both) ++s.source_target_match;
    s.details.push_back((hit ? "HIT  " : "MISS ") + gold + " |" + coded + " | " + doc.article.text);
  }
  return s;
}

std::string PloverScores::Format() const {
  char buf[256];
  std::string out;
  std::snprintf(buf, sizeof buf,
                "sentences %d  coded %.1f%%  category recall %.1f%%  precision %.1f%% (%d/%d events)\n"
                "source country %.1f%%  source+target %.1f%%  statements/appeals (01/02): %d events\n",
                sentences, Pct(coded, sentences), Pct(category_hit, sentences),
                Pct(events_right, events), events_right, events, Pct(source_match, sentences),
                Pct(source_target_match, sentences), events_01_02);
  out += buf;
  out += "category      gold  recall  events  precision\n";
  for (const auto& [name, c] : by_category) {
    std::snprintf(buf, sizeof buf, "%-12s %5d  %5.1f%%  %6d  %8.1f%%\n", name.c_str(), c.gold,
                  Pct(c.found, c.gold), c.events, Pct(c.events_right, c.events));
    out += buf;
  }
  if (bad_lines > 0) out += "unreadable gold lines: " + std::to_string(bad_lines) + "\n";
  return out;
}

}  // namespace dyad::pipeline
