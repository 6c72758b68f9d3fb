#include "lexicon/event_lexicon.h"

#include <algorithm>
#include <filesystem>

#include "common/strings.h"
#include "common/utf8.h"

namespace dyad::lexicon {
namespace {

// "(a|b)" or "a" -> alternatives, lower-cased.
std::vector<std::string> Alternatives(std::string_view w, std::string* err) {
  if (!w.empty() && w.front() == '(') {
    if (w.back() != ')') {
      *err = "unbalanced parentheses in '" + std::string(w) + "'";
      return {};
    }
    w = w.substr(1, w.size() - 2);
  }
  std::vector<std::string> out;
  for (std::string_view p : Split(w, '|')) {
    p = Trim(p);
    if (!p.empty()) out.push_back(utf8::NormalizeLower(p));
  }
  if (out.empty()) *err = "empty element";
  return out;
}

bool IsCode(std::string_view c) {
  if (c.size() < 2 || c.size() > 4) return false;
  return std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

}  // namespace

std::string EventEntry::RuleName() const {
  return std::filesystem::path(file).filename().string() + ":" + std::to_string(line) + " " +
         code + " " + pattern;
}

std::string ParsePattern(std::string_view pattern, EventEntry* e) {
  std::vector<std::string_view> parts;
  for (std::string_view p : Split(pattern, ' ')) {
    if (!Trim(p).empty()) parts.push_back(Trim(p));
  }
  if (parts.empty()) return "empty pattern";
  std::string err;
  std::string_view trig = parts[0];
  if (StartsWith(trig, "N:")) { e->noun = true; trig.remove_prefix(2); }
  else if (StartsWith(trig, "V:")) { trig.remove_prefix(2); }
  if (trig == "$T") return "the pattern must start with its trigger word";
  e->triggers = Alternatives(trig, &err);
  if (!err.empty()) return err;
  int targets = 0;
  for (size_t i = 1; i < parts.size(); ++i) {
    PatternElement el;
    if (parts[i] == "$T") {
      el.is_target = true;
      ++targets;
    } else {
      el.words = Alternatives(parts[i], &err);
      if (!err.empty()) return err;
      for (const std::string& w : el.words) el.mask |= WordBit(w);
    }
    e->rest.push_back(std::move(el));
  }
  if (targets > 1) return "more than one $T";
  return "";
}

std::string EventLexicon::AddLine(const LexiconLine& l) {
  EventEntry e;
  e.code = std::string(l.fields[0]);
  if (!IsCode(e.code)) return "bad CAMEO code '" + e.code + "'";
  e.pattern = std::string(l.fields[1]);
  std::string err = ParsePattern(e.pattern, &e);
  if (!err.empty()) return err;
  auto attr = [&](const char* k) {
    auto it = l.attributes.find(k);
    return it == l.attributes.end() ? std::string() : std::string(it->second);
  };
  e.target_none = attr("target") == "none";
  e.object_place = attr("obj") == "place";
  e.object_none = attr("obj") == "none";
  e.passive_ok = attr("passive") != "no";
  e.appeal = attr("modal") == "appeal";
  e.file = std::string(l.file);
  e.line = l.line;
  entries_.push_back(std::move(e));
  return "";
}

void EventLexicon::Finish() {
  for (const EventEntry& e : entries_) {
    for (const std::string& t : e.triggers) by_trigger_[t].push_back(&e);
  }
  for (auto& [k, list] : by_trigger_) {
    // Longest pattern first; at equal length the obj=place reading is tried first, and the
    // coder falls back to the next entry when the object is not a place.
    std::stable_sort(list.begin(), list.end(), [](const EventEntry* a, const EventEntry* b) {
      if (a->rest.size() != b->rest.size()) return a->rest.size() > b->rest.size();
      return a->object_place && !b->object_place;
    });
  }
  triggers_.Build(by_trigger_);
}

Result<std::shared_ptr<const EventLexicon>> EventLexicon::Load(
    const std::vector<std::string>& paths, std::vector<Diagnostic>* diagnostics) {
  auto lex = std::make_shared<EventLexicon>();
  // Files load in the order of `paths` (a directory's files sorted by name), so that at equal
  // pattern length an entry of an earlier path (dyad's own) is tried before a later one.
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      size_t first = files.size();
      for (const auto& f : std::filesystem::directory_iterator(p, ec)) {
        if (f.path().extension() == ".events") files.push_back(f.path().string());
      }
      std::sort(files.begin() + static_cast<std::ptrdiff_t>(first), files.end());
    } else {
      files.push_back(p);
    }
  }
  if (files.empty()) return Status::NotFound("no .events files in the given paths");
  lex->entries_.reserve(4096);
  for (const std::string& f : files) {
    std::string version;
    DYAD_RETURN_IF_ERROR(ReadLexiconFile(
        f, 2, [&](const LexiconLine& l) { return lex->AddLine(l); }, &version, diagnostics));
    if (!version.empty()) {
      if (!lex->version_.empty()) lex->version_ += ",";
      lex->version_ += std::filesystem::path(f).filename().string() + "=" + version;
    }
  }
  lex->Finish();
  return std::shared_ptr<const EventLexicon>(std::move(lex));
}

std::shared_ptr<const EventLexicon> EventLexicon::FromText(std::string_view text,
                                                           std::vector<Diagnostic>* diagnostics) {
  auto lex = std::make_shared<EventLexicon>();
  ParseLexiconText(text, "<text>", 2, [&](const LexiconLine& l) { return lex->AddLine(l); },
                   &lex->version_, diagnostics);
  lex->Finish();
  return lex;
}

const std::vector<const EventEntry*>* EventLexicon::ByTrigger(std::string_view lemma) const {
  if (!triggers_.MayContain(lemma)) return nullptr;
  auto it = by_trigger_.find(std::string(lemma));
  return it == by_trigger_.end() ? nullptr : &it->second;
}

}  // namespace dyad::lexicon
