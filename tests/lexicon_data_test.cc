// The shipped dictionaries (data/lexicon): every line loads, every named entry says where its fact
// comes from, date ranges are ordered, and no name means two different actors on the same day
// (the matcher could then pick either).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/paths.h"
#include "dyad/date.h"
#include "lexicon/actor_lexicon.h"
#include "lexicon/event_lexicon.h"
#include "lexicon/lexicon_file.h"

namespace dyad {
namespace {

std::string LexiconDir() { return paths::FindDataDir() + "/lexicon"; }

std::vector<std::string> Files(const std::string& dir, const std::string& ext) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ext) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(LexiconDataTest, ShippedDictionariesLoadWithoutDiagnostics) {
  std::vector<lexicon::Diagnostic> diags;
  auto actors = lexicon::ActorLexicon::Load({LexiconDir() + "/actors"}, &diags);
  ASSERT_TRUE(actors.ok()) << actors.status().ToString();
  auto events = lexicon::EventLexicon::Load({LexiconDir() + "/events"}, &diags);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  for (const auto& d : diags) ADD_FAILURE() << d.ToString();
  std::printf("lexicon: %zu actor entries, %zu diagnostics\n", (*actors)->entries().size(), diags.size());
}

struct NamedSpan {
  std::string code, where;
  Date from, to;
};

// Office-holder lists end one term on the day the next begins: that shared day is no conflict.
bool Overlap(const NamedSpan& a, const NamedSpan& b) {
  bool a_before_b = a.to.valid() && b.from.valid() && !(b.from < a.to);
  bool b_before_a = b.to.valid() && a.from.valid() && !(a.from < b.to);
  return !a_before_b && !b_before_a;
}

TEST(LexiconDataTest, PersonsAndOrganisationsHaveSourcesAndConsistentDates) {
  std::map<std::string, std::vector<NamedSpan>> by_name;  // lower-case person name -> entries
  int persons = 0;
  for (const std::string& f : Files(LexiconDir() + "/actors", ".actors")) {
    std::vector<lexicon::Diagnostic> diags;
    std::string version;
    auto st = lexicon::ReadLexiconFile(
        f, 3,
        [&](const lexicon::LexiconLine& l) -> std::string {
          std::string where = std::string(l.file) + ":" + std::to_string(l.line);
          std::string kind(l.fields[0]);
          if (kind != "person" && kind != "org" && kind != "metonym") return "";
          auto src = l.attributes.find("source");
          EXPECT_TRUE(src != l.attributes.end() && !src->second.empty()) << where << ": no source=";
          if (kind != "person") return "";
          ++persons;
          NamedSpan s{std::string(l.fields[1]), where, {}, {}};
          if (auto it = l.attributes.find("from"); it != l.attributes.end()) s.from = Date::Parse(it->second).value_or(Date{});
          if (auto it = l.attributes.find("to"); it != l.attributes.end()) s.to = Date::Parse(it->second).value_or(Date{});
          EXPECT_FALSE(s.from.valid() && s.to.valid() && s.to < s.from) << where << ": to= before from=";
          for (const std::string& n : lexicon::SplitAlternatives(l.fields[2])) {
            std::string key = n;
            std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
            by_name[key].push_back(s);
          }
          return "";
        },
        &version, &diags);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  // The same name for two different codes on one day: an ambiguity the data must not contain.
  int conflicts = 0;
  for (const auto& [name, spans] : by_name) {
    for (size_t i = 0; i < spans.size(); ++i) {
      for (size_t j = i + 1; j < spans.size(); ++j) {
        if (spans[i].code != spans[j].code && Overlap(spans[i], spans[j])) {
          ++conflicts;
          ADD_FAILURE() << "'" << name << "' is " << spans[i].code << " (" << spans[i].where << ") and "
                        << spans[j].code << " (" << spans[j].where << ") on the same dates";
        }
      }
    }
  }
  std::printf("lexicon: %d person entries, %zu names, %d conflicts\n", persons, by_name.size(), conflicts);
  EXPECT_GT(persons, 500);
}

}  // namespace
}  // namespace dyad
