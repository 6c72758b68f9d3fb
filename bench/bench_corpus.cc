#include "bench_corpus.h"

#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "common/paths.h"

namespace dyad::bench {
namespace {

// Reads whole lines (of any length) from a gzip file.
bool GzLine(gzFile f, std::string* line) {
  line->clear();
  char buf[1 << 16];
  while (gzgets(f, buf, sizeof buf) != nullptr) {
    line->append(buf);
    if (!line->empty() && line->back() == '\n') {
      line->pop_back();
      return true;
    }
  }
  return !line->empty();
}

std::string Field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool ReadCorpus(const std::string& path, size_t n, std::vector<Article>* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  std::string line;
  while (out->size() < n && GzLine(f, &line)) {
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) continue;
    Article a;
    a.id = Field(j, "id");
    a.date = Field(j, "date");
    a.title = Field(j, "title");
    a.text = Field(j, "text");
    a.publisher = Field(j, "source");
    a.url = Field(j, "url");
    if (!a.text.empty()) out->push_back(std::move(a));
  }
  gzclose(f);
  return !out->empty();
}

// A small deterministic generator (no <random>: the sequence must not depend on the library).
struct Lcg {
  uint64_t state = 0x2545F4914F6CDD1DULL;
  uint32_t Next(uint32_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>((state >> 33) % bound);
  }
  template <size_t N>
  const char* Pick(const char* const (&items)[N]) { return items[Next(N)]; }
};

constexpr const char* kSubjects[] = {
    "Pakistani Prime Minister Imran Khan", "The Taliban", "US Secretary of State Antony Blinken",
    "Afghan President Ashraf Ghani", "The Indian government", "Russian President Vladimir Putin",
    "Chinese Foreign Minister Wang Yi", "Iranian officials", "The United Nations",
    "German Chancellor Angela Merkel", "Police", "Rebels", "The European Union",
    "Turkish President Recep Tayyip Erdogan", "Israeli troops", "French President Emmanuel Macron"};
constexpr const char* kObjects[] = {
    "Pakistan", "the Afghan government", "India", "Russia", "China", "Iran", "the United States",
    "Germany", "protesters", "the opposition", "NATO", "Turkey", "Israel", "Palestinian militants",
    "the Kremlin", "French diplomats"};
constexpr const char* kPredicates[] = {
    "met", "criticized", "accused", "praised", "threatened", "urged", "warned",
    "signed an agreement with", "held talks with", "condemned", "attacked", "called for talks with",
    "expressed support for", "imposed sanctions on", "rejected a proposal from", "visited"};
constexpr const char* kPlaces[] = {
    "in Kabul", "in Islamabad", "in Moscow", "in Beijing", "in Washington", "in Tehran",
    "in Berlin", "in Paris", "in Ankara", "in Jerusalem", "in Geneva", "in New Delhi", "", ""};
constexpr const char* kDates[] = {
    "on Tuesday", "on Friday", "last week", "on March 3", "yesterday", "earlier this month",
    "on Sunday", "", "", ""};
constexpr const char* kTails[] = {
    "", ", officials said", ", according to a statement", ", the ministry said",
    " over the border dispute", " after weeks of tension", " amid rising violence"};
constexpr const char* kFillers[] = {
    "The talks lasted for more than three hours and covered trade, security and refugees.",
    "Analysts said the move could further strain relations between the two countries.",
    "\"We will not accept any interference in our internal affairs,\" a spokesman said.",
    "Thousands of people gathered in the capital to protest against rising prices.",
    "The statement did not give further details."};

std::string SyntheticSentence(Lcg* rng) {
  if (rng->Next(5) == 0) return rng->Pick(kFillers);
  std::string s = rng->Pick(kSubjects);
  s += ' ';
  s += rng->Pick(kPredicates);
  s += ' ';
  s += rng->Pick(kObjects);
  for (const char* part : {rng->Pick(kPlaces), rng->Pick(kDates)}) {
    if (*part) (s += ' ') += part;
  }
  s += rng->Pick(kTails);
  s += '.';
  return s;
}

}  // namespace

std::string CorpusPath() {
  if (const char* env = std::getenv("DYAD_BENCH_CORPUS"); env && *env) return env;
  return (std::filesystem::path(DYAD_SOURCE_DIR) / ".." / "shared" / "corpora" / "world-politics" /
          "articles.jsonl.gz").lexically_normal().string();
}

std::vector<Article> SyntheticArticles(size_t n) {
  Lcg rng;
  std::vector<Article> out(n);
  for (size_t i = 0; i < n; ++i) {
    Article& a = out[i];
    a.id = "synthetic-" + std::to_string(i);
    a.date = "2021-08-" + std::to_string(10 + i % 20);
    a.title = SyntheticSentence(&rng);
    for (int para = 0; para < 5; ++para) {
      for (int s = 0; s < 3; ++s) {
        if (s > 0) a.text += ' ';
        a.text += SyntheticSentence(&rng);
      }
      a.text += "\n\n";
    }
  }
  return out;
}

BenchCorpus LoadBenchCorpus(size_t n) {
  BenchCorpus c;
  std::string path = CorpusPath();
  if (ReadCorpus(path, n, &c.articles)) {
    c.label = "world-politics corpus, first " + std::to_string(c.articles.size()) + " articles (" +
              path + ")";
    return c;
  }
  c.synthetic = true;
  c.articles = SyntheticArticles(n);
  c.label = "SYNTHETIC text (" + std::to_string(n) + " generated articles): " + path +
            " is absent; figures are not comparable with the corpus figures";
  return c;
}

std::string BenchGazetteerPath() {
  if (const char* env = std::getenv("DYAD_GAZETTEER"); env && *env) return env;
  std::error_code ec;
  auto p = paths::BinaryDir() / ".." / "data" / "gazetteer.bin";
  if (std::filesystem::exists(p, ec)) return p.lexically_normal().string();
  return paths::FindGazetteer();
}

}  // namespace dyad::bench
