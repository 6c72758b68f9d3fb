// Golden tests: the example articles in examples/news.jsonl against the events written by hand
// in tests/golden/<id>.test before the coder ran on them.
//
// A .test file holds one expected event per line: `SOURCE ROOT TARGET DATE PLACE` (TARGET, DATE
// and PLACE may be "-"; "-" for PLACE means no town-level place: a province or country location
// counts as "-"). Two markers record what the
// coder is known to get wrong, so a known miss stays in the file instead of being rewritten:
//   `~ SOURCE ROOT ...`  an expected event the coder misses today;
//   `+ SOURCE ROOT ...`  an event the coder produces that a human coder would not.
// The test fails on any unmarked miss or unmarked extra, and reports markers that no longer apply.
// With DYAD_GOLDEN_UPDATE=1 it writes tests/golden/<id>.actual with the coder's output so a
// change shows as a diff; it never rewrites the expectations.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/strings.h"
#include "geo/gazetteer.h"
#include "test_support.h"

namespace dyad {
namespace {

struct Line {
  std::string source, root, target, date, place;
  char marker = ' ';  // ' ', '~' (known miss) or '+' (known extra)
  std::string text;
};

std::string Fold(std::string_view s) { return geo::Gazetteer::NormalizeName(s); }

bool ParseLine(const std::string& raw, Line* out) {
  std::string s = raw;
  if (!s.empty() && (s[0] == '~' || s[0] == '+')) {
    out->marker = s[0];
    s = s.substr(1);
  }
  std::istringstream in(s);
  if (!(in >> out->source >> out->root >> out->target >> out->date >> out->place)) return false;
  std::string rest;
  std::getline(in, rest);
  out->place += rest;  // multi-word place names
  while (!out->place.empty() && out->place.back() == ' ') out->place.pop_back();
  out->text = raw;
  return true;
}

Line FromEvent(const Document& doc, const Event& e) {
  Line l;
  l.source = e.source.code;
  l.root = e.cameo.substr(0, 2);
  l.target = e.has_target ? e.target.code : "-";
  l.date = e.date.valid() ? e.date.from.ToString() : "-";
  l.place = "-";
  if (e.place >= 0 && doc.places[e.place].precision == "city") l.place = doc.places[e.place].name;
  l.text = l.source + " " + l.root + " " + l.target + " " + l.date + " " + l.place;
  return l;
}

bool Same(const Line& want, const Line& got) {
  if (want.source != got.source || want.root != got.root || want.target != got.target) return false;
  if (want.date != "-" && want.date != got.date) return false;
  if (want.place == "-") return got.place == "-";
  return Fold(want.place) == Fold(got.place);
}

std::map<std::string, Article> LoadExamples() {
  std::map<std::string, Article> out;
  std::ifstream in(std::string(DYAD_TEST_DIR) + "/../examples/news.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    Article a;
    a.id = j.value("id", "");
    a.date = j.value("date", "");
    a.title = j.value("title", "");
    a.text = j.value("text", "");
    out[a.id] = a;
  }
  return out;
}

TEST(GoldenTest, ExampleArticles) {
  std::map<std::string, Article> articles = LoadExamples();
  ASSERT_FALSE(articles.empty()) << "examples/news.jsonl missing";
  int expected_total = 0, found_total = 0, extras_total = 0, known_miss = 0, known_extra = 0;
  std::vector<std::string> files;
  for (const auto& f : std::filesystem::directory_iterator(std::string(DYAD_TEST_DIR) + "/golden")) {
    if (f.path().extension() == ".test") files.push_back(f.path().string());
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  for (const std::string& file : files) {
    std::ifstream in(file);
    std::string raw, id;
    std::vector<Line> want;
    while (std::getline(in, raw)) {
      if (raw.rfind("# article:", 0) == 0) id = std::string(Trim(raw.substr(10)));
      if (raw.empty() || raw[0] == '#') continue;
      Line l;
      ASSERT_TRUE(ParseLine(raw, &l)) << file << ": bad line: " << raw;
      want.push_back(l);
    }
    ASSERT_TRUE(articles.count(id)) << file << ": no article " << id << " in examples/news.jsonl";
    Document doc;
    doc.article = articles[id];
    ASSERT_TRUE(testing::SharedCoder().Code(&doc).ok());
    std::vector<Line> got;
    for (const Event& e : doc.events) got.push_back(FromEvent(doc, e));
    std::vector<bool> used(got.size(), false);
    std::string actual;
    for (const Line& g : got) actual += g.text + "\n";
    for (const Line& w : want) {
      if (w.marker == '+') continue;
      ++expected_total;
      bool hit = false;
      for (size_t k = 0; k < got.size() && !hit; ++k) {
        if (!used[k] && Same(w, got[k])) hit = used[k] = true;
      }
      if (hit) ++found_total;
      if (w.marker == '~') {
        ++known_miss;
        if (hit) std::printf("%s: known miss now found, remove '~': %s\n", id.c_str(), w.text.c_str());
      } else {
        EXPECT_TRUE(hit) << id << ": expected event not produced: " << w.text << "\nproduced:\n" << actual;
      }
    }
    for (size_t k = 0; k < got.size(); ++k) {
      if (used[k]) continue;
      bool listed = false;
      for (const Line& w : want) {
        if (w.marker == '+' && Same(w, got[k])) listed = true;
      }
      ++extras_total;
      if (listed) ++known_extra;
      EXPECT_TRUE(listed) << id << ": unexpected event: " << got[k].text << "\nproduced:\n" << actual;
    }
    if (const char* u = std::getenv("DYAD_GOLDEN_UPDATE"); u && std::string(u) == "1") {
      std::ofstream(file.substr(0, file.size() - 5) + ".actual") << actual;
    }
  }
  std::printf("golden: %d of %d expected events found (%d marked as known misses); %d extra events "
              "(%d marked as known false positives)\n",
              found_total, expected_total, known_miss, extras_total, known_extra);
}

}  // namespace
}  // namespace dyad
