// Benchmark input: the first N articles of the shared world-politics corpus, or, when that file
// is absent, a synthetic corpus generated here (deterministic, English news-like sentences built
// from a few dozen actors, verbs, places and dates). Shared by stage_bench and corpus_bench.
//
//   BenchCorpus corpus = LoadBenchCorpus(400);
//   std::printf("input: %s\n", corpus.label.c_str());   // says "SYNTHETIC" when it fell back
#ifndef DYAD_BENCH_BENCH_CORPUS_H_
#define DYAD_BENCH_BENCH_CORPUS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "dyad/document.h"

namespace dyad::bench {

struct BenchCorpus {
  std::vector<Article> articles;
  bool synthetic = false;
  std::string label;  // where the articles came from, for the output header
};

// Path of the world-politics corpus: $DYAD_BENCH_CORPUS, else <source>/../shared/corpora/
// world-politics/articles.jsonl.gz. The file may not exist.
std::string CorpusPath();

// The first `n` articles with non-empty text; synthetic ones when the corpus cannot be read.
BenchCorpus LoadBenchCorpus(size_t n);

// `n` synthetic articles (about 2 KB each), the same on every run.
std::vector<Article> SyntheticArticles(size_t n);

// The gazetteer to use: $DYAD_GAZETTEER, <binary dir>/../data/gazetteer.bin (the build dir of
// a bench binary), else the Coder's own search (pipeline::FindGazetteer). "" when none exists.
std::string BenchGazetteerPath();

}  // namespace dyad::bench

#endif  // DYAD_BENCH_BENCH_CORPUS_H_
