// Whole-corpus throughput: codes the first N articles of the world-politics corpus (or generated
// text when it is absent; the output says so) through one shared dyad::Coder, and reports
// articles/s, sentences/s, MB/s, events, peak RSS and the Coder's load time.
//
//   corpus_bench [--articles N] [--threads T]     (defaults: 400 articles, 1 thread)
//
// With T > 1 each thread codes its own slice (every T-th article) with the same Coder, and the
// output of every article is then compared with a single-threaded run (untimed), as a check of
// the Coder's documented thread-safety.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "bench_corpus.h"
#include "dyad/coder.h"

namespace dyad::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// User + system CPU seconds of the whole process so far.
double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  auto sec = [](const timeval& tv) { return tv.tv_sec + tv.tv_usec / 1e6; };
  return sec(ru.ru_utime) + sec(ru.ru_stime);
}

double PeakRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;  // ru_maxrss is in KiB on Linux
}

struct Totals {
  int64_t articles = 0, errors = 0, sentences = 0, tokens = 0, events = 0, bytes = 0;
  void Add(const Totals& o) {
    articles += o.articles, errors += o.errors, sentences += o.sentences;
    tokens += o.tokens, events += o.events, bytes += o.bytes;
  }
};

// Codes articles[first], articles[first + stride], ...; keeps each article's JSONL in `jsonl`.
Totals CodeSlice(const Coder& coder, const std::vector<Article>& articles, size_t first, size_t stride,
                 std::vector<std::string>* jsonl) {
  Totals t;
  for (size_t i = first; i < articles.size(); i += stride) {
    Document doc;
    doc.article = articles[i];
    Status st = coder.Code(&doc);
    ++t.articles;
    t.bytes += static_cast<int64_t>(doc.article.text.size());
    if (!st.ok()) {
      ++t.errors;
      continue;
    }
    t.sentences += static_cast<int64_t>(doc.sentences.size());
    t.tokens += static_cast<int64_t>(doc.tokens.size());
    t.events += static_cast<int64_t>(doc.events.size());
    if (jsonl) coder.AppendJsonl(doc, &(*jsonl)[i]);
  }
  return t;
}

int Usage() {
  std::fprintf(stderr, "usage: corpus_bench [--articles N] [--threads T]\n");
  return 2;
}

int Run(int argc, char** argv) {
  size_t n = 400, threads = 1;
  for (int i = 1; i < argc; ++i) {
    if (i + 1 < argc && std::strcmp(argv[i], "--articles") == 0) n = std::strtoul(argv[++i], nullptr, 10);
    else if (i + 1 < argc && std::strcmp(argv[i], "--threads") == 0) threads = std::strtoul(argv[++i], nullptr, 10);
    else return Usage();
  }
  if (n == 0 || threads == 0) return Usage();

  BenchCorpus corpus = LoadBenchCorpus(n);
  std::printf("input: %s\n", corpus.label.c_str());

  CoderConfig config;
  config.gazetteer_path = BenchGazetteerPath();
  auto t0 = Clock::now();
  auto created = Coder::Create(config);
  auto t1 = Clock::now();
  if (!created.ok()) {
    std::fprintf(stderr, "Coder::Create: %s\n", created.status().ToString().c_str());
    return 1;
  }
  const Coder& coder = **created;
  for (const std::string& w : coder.warnings()) std::printf("coder warning: %s\n", w.c_str());
  double rss_after_load = PeakRssMb();
  std::printf("gazetteer: %s\n", config.gazetteer_path.empty() ? "(none)" : config.gazetteer_path.c_str());
  std::printf("coder load (Coder::Create): %.1f ms, peak RSS after load %.1f MB\n",
              Seconds(t0, t1) * 1e3, rss_after_load);
  // The first Code call also builds what is initialised lazily (the WordNet lemmatizer tables);
  // time it on one short sentence so that the corpus figures below are steady-state.
  Document warm;
  warm.article.id = "warm-up";
  warm.article.date = "2021-08-11";
  warm.article.text = "The Taliban captured Kunduz on Sunday.";
  auto t2 = Clock::now();
  (void)coder.Code(&warm);
  std::printf("first Code call (lazy initialisation): %.1f ms; load total %.1f ms\n",
              Seconds(t2, Clock::now()) * 1e3, Seconds(t0, Clock::now()) * 1e3);

  const std::vector<Article>& articles = corpus.articles;
  std::vector<std::string> jsonl(threads > 1 ? articles.size() : 0);
  std::vector<Totals> per_thread(threads);
  double cpu_start = CpuSeconds();
  auto start = Clock::now();
  if (threads == 1) {
    per_thread[0] = CodeSlice(coder, articles, 0, 1, nullptr);
  } else {
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t) {
      pool.emplace_back([&, t] { per_thread[t] = CodeSlice(coder, articles, t, threads, &jsonl); });
    }
    for (auto& th : pool) th.join();
  }
  double wall = Seconds(start, Clock::now());
  double cpu = CpuSeconds() - cpu_start;
  Totals total;
  for (const Totals& t : per_thread) total.Add(t);

  double mb = total.bytes / 1e6;
  std::printf("threads:            %zu\n", threads);
  std::printf("articles:           %lld (%lld coding errors)\n", static_cast<long long>(total.articles),
              static_cast<long long>(total.errors));
  std::printf("sentences:          %lld\n", static_cast<long long>(total.sentences));
  std::printf("tokens/sentence:    %.1f\n", total.sentences ? double(total.tokens) / total.sentences : 0.0);
  std::printf("text:               %.2f MB\n", mb);
  std::printf("wall time:          %.3f s\n", wall);
  std::printf("CPU time:           %.3f s (user+sys; below wall x threads when the machine is busy)\n", cpu);
  std::printf("articles/s:         %.1f\n", total.articles / wall);
  std::printf("sentences/s:        %.0f (%.0f per thread)\n", total.sentences / wall,
              total.sentences / wall / threads);
  std::printf("sentences/CPU-s:    %.0f (per core, independent of other load)\n", total.sentences / cpu);
  std::printf("MB/s:               %.3f\n", mb / wall);
  std::printf("events:             %lld\n", static_cast<long long>(total.events));
  std::printf("peak RSS:           %.1f MB\n", PeakRssMb());

  if (threads > 1) {  // the same output as one thread, article by article?
    std::vector<std::string> single(articles.size());
    CodeSlice(coder, articles, 0, 1, &single);
    size_t differ = 0;
    for (size_t i = 0; i < articles.size(); ++i) differ += jsonl[i] != single[i];
    std::printf("thread check:       %s (%zu of %zu articles differ from a single-threaded run)\n",
                differ == 0 ? "OK" : "MISMATCH", differ, articles.size());
    if (differ != 0) return 1;
  }
  return 0;
}

}  // namespace
}  // namespace dyad::bench

int main(int argc, char** argv) { return dyad::bench::Run(argc, argv); }
