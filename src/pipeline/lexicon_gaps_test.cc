// `dyad lexicon gaps`: unresolved person and organisation names from a small hand-written corpus
// (fictional names, so that no lexicon entry can resolve them). The role comes before the name
// ("the army spokesman, Zorvan Telik,"), a form the recognizer does not resolve yet; if it learns
// to, these names stop being gaps and the expectations here change.
#include "pipeline/lexicon_gaps.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dyad::pipeline {
namespace {

const Coder& TestCoder() {
  static std::unique_ptr<Coder> coder = [] {
    auto c = Coder::Create(CoderConfig{});
    if (!c.ok()) std::abort();
    return std::move(*c);
  }();
  return *coder;
}

const char* const kCorpus[] = {
    "The Sudanese army spokesman, Zorvan Telik, said the rebels had withdrawn from the town.",
    "The army spokesman, Zorvan Telik, told reporters the offensive would continue. Telik said "
    "more troops were on the way.",
    "Fighters of the Marwen Liberation Front attacked a convoy near the border on Monday.",
    "Kessa Dunmore said the talks in Geneva had failed.",
    "The weather was fine on Tuesday and Geneva was quiet.",
    // Page furniture with a speech verb after it: its words are common words in this corpus.
    "Viewers replay more videos than ever, and they replay more videos at night.",
    "On the page, Replay More Videos said the service was free.",
};

GapCollector Collect() {
  GapCollector gaps;
  for (const char* text : kCorpus) {
    Document doc;
    doc.article.id = "t";
    doc.article.date = "2021-08-11";
    doc.article.text = text;
    EXPECT_TRUE(TestCoder().Code(&doc).ok());
    gaps.Add(doc);
  }
  return gaps;
}

const GapRow* Find(const std::vector<GapRow>& rows, const std::string& name) {
  for (const GapRow& r : rows) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

TEST(LexiconGapsTest, RanksUnresolvedNamesWithRoleAndCountry) {
  std::vector<GapRow> rows = Collect().Ranked();
  ASSERT_FALSE(rows.empty());
  const GapRow* telik = Find(rows, "Zorvan Telik");
  ASSERT_NE(telik, nullptr) << GapCollector::FormatTsv(rows);
  EXPECT_EQ(rows[0].name, "Zorvan Telik");  // three mentions, the surname counted with the full name
  EXPECT_EQ(telik->count, 3);
  EXPECT_EQ(telik->kind, "person");
  EXPECT_EQ(telik->BestSector(), "MIL");
  EXPECT_EQ(telik->BestCountry(), "SDN");
  EXPECT_GE(telik->cues.at("appos"), 2);
  const GapRow* front = Find(rows, "Marwen Liberation Front");
  ASSERT_NE(front, nullptr) << GapCollector::FormatTsv(rows);
  EXPECT_EQ(front->kind, "org");
  const GapRow* dunmore = Find(rows, "Kessa Dunmore");
  ASSERT_NE(dunmore, nullptr);
  EXPECT_EQ(dunmore->cues.at("said"), 1);
  EXPECT_EQ(Find(rows, "Geneva"), nullptr);   // a place, not a gap
  EXPECT_EQ(Find(rows, "Tuesday"), nullptr);  // a date
  EXPECT_EQ(Find(rows, "Replay More Videos"), nullptr) << GapCollector::FormatTsv(rows);
}

TEST(LexiconGapsTest, CommandWritesTsv) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("dyad_gaps_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream in(dir / "c.jsonl");
    int id = 0;
    for (const char* text : kCorpus) {
      in << "{\"id\": \"a" << id++ << "\", \"date\": \"2021-08-11\", \"text\": \"" << text << "\"}\n";
    }
  }
  std::string in_path = (dir / "c.jsonl").string(), out_path = (dir / "gaps.tsv").string();
  const char* argv[] = {"dyad", "lexicon", "gaps", in_path.c_str(), "--min-count", "2", "-o", out_path.c_str()};
  EXPECT_EQ(RunLexiconGaps(TestCoder(), 8, const_cast<char**>(argv)), 0);
  std::ifstream out(out_path);
  std::stringstream ss;
  ss << out.rdbuf();
  std::string tsv = ss.str();
  EXPECT_EQ(tsv.rfind("name\tkind\tcount\tarticles\tsector\tcountry\tcues\texample\n", 0), 0u) << tsv;
  EXPECT_NE(tsv.find("Zorvan Telik\tperson\t3\t2\tMIL\tSDN\t"), std::string::npos) << tsv;
  EXPECT_EQ(tsv.find("Kessa Dunmore"), std::string::npos);  // below --min-count 2
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad::pipeline
