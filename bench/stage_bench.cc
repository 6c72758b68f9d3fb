// Per-stage Google Benchmarks over real news text: the first N articles of the world-politics
// corpus ($DYAD_BENCH_ARTICLES, default 100), or generated text when the corpus is absent (the
// output says so). Each stage runs on copies of Documents that already carry the annotations of
// the earlier stages; the copy is made with the timer paused, and BM_CopyDocuments shows what a
// copy costs. Bytes are article text bytes, items are sentences.
//
//   build-bench/bench/stage_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "actors/recognizer.h"
#include "bench_corpus.h"
#include "dyad/coder.h"
#include "events/coder.h"
#include "geo/gazetteer.h"
#include "geo/resolver.h"
#include "ingest/clean.h"
#include "lexicon/actor_lexicon.h"
#include "lexicon/event_lexicon.h"
#include "common/paths.h"
#include "syntax/model.h"
#include "syntax/tagger.h"
#include "text/tokenizer.h"
#include "time/dates.h"

namespace dyad::bench {
namespace {

// Everything the stages need, loaded once, and the corpus prepared up to each stage.
struct Fixture {
  BenchCorpus corpus;
  std::shared_ptr<const lexicon::ActorLexicon> actors;
  std::shared_ptr<const lexicon::EventLexicon> events;
  std::unique_ptr<geo::Gazetteer> gazetteer;
  std::unique_ptr<geo::PlaceResolver> places;
  std::unique_ptr<actors::ActorRecognizer> recognizer;
  std::unique_ptr<events::EventCoder> event_coder;
  time::DateResolver dates;
  std::unique_ptr<Coder> coder;
  std::shared_ptr<const syntax::Model> model;  // the trained tagger and parser, as dyad code uses
  events::CountryPlaceFn country_place;
  actors::PlaceCountryFn place_country;  // as the coder passes it to InferArticleCountry

  // prepared[k] = the corpus after stage k (0 = article only, 1 = cleaned, 2 = tokenized, ...).
  enum Stage { kRaw, kCleaned, kTokenized, kTagged, kActors, kPlaces, kDated, kEvents };
  std::vector<Document> prepared[kEvents];  // no prepared corpus after the last stage
  std::vector<std::vector<events::SentenceTime>> times;  // per document, from the date stage
  int64_t bytes = 0, sentences = 0, tokens = 0;
  std::string error;  // set when loading failed: every benchmark skips with it

  void RunStage(Stage stage, size_t i, Document* doc) const;
  bool Load(size_t n);
};

Date PublicationDate(const Document& doc) { return Date::Parse(doc.article.date).value_or(Date{}); }

// Runs stage `stage` (the one that produces prepared[stage]) on document `i` of the corpus,
// the same calls in the same order as src/pipeline/coder_impl.cc.
void Fixture::RunStage(Stage stage, size_t i, Document* doc) const {
  switch (stage) {
    case kCleaned: (void)Clean(doc); break;
    case kTokenized: text::Tokenize(doc, text::TokenizerOptions{}); break;
    case kTagged:
      actors->MarkKnownNames(doc);
      if (model) syntax::TagAndParse(*model, doc); else syntax::TagAndLemmatize(doc);
      break;
    case kActors: recognizer->Recognize(PublicationDate(*doc), doc); break;
    case kPlaces: if (places) places->Resolve(doc); break;
    case kDated: {
      time::DateTimeline tl = dates.Resolve(time::DateContext{PublicationDate(*doc), Date{}}, doc);
      benchmark::DoNotOptimize(tl);
      break;
    }
    case kEvents: event_coder->Code(times[i], country_place, doc); break;
    case kRaw: break;
  }
}

bool Fixture::Load(size_t n) {
  corpus = LoadBenchCorpus(n);
  std::string data = paths::FindDataDir();
  if (data.empty()) return error = "dyad's data directory not found (set DYAD_DATA)", false;
  std::vector<lexicon::Diagnostic> diags;
  auto a = lexicon::ActorLexicon::Load({data + "/lexicon/actors"}, &diags);
  if (!a.ok()) return error = "actor lexicon: " + a.status().ToString(), false;
  actors = *a;
  auto e = lexicon::EventLexicon::Load({data + "/lexicon/events"}, &diags);
  if (!e.ok()) return error = "event lexicon: " + e.status().ToString(), false;
  events = *e;
  if (std::string path = syntax::FindModelPath(); !path.empty()) {
    auto m = syntax::Model::Load(path);
    if (m.ok()) model = *m;
  }
  if (!model) std::fprintf(stderr, "warning: no syntax model: the rule tagger stands in for tag + parse\n");
  std::string gaz = BenchGazetteerPath();
  if (!gaz.empty()) {
    auto g = geo::Gazetteer::Open(gaz);
    if (g.ok()) gazetteer = std::move(*g);
  }
  if (gazetteer) places = std::make_unique<geo::PlaceResolver>(*gazetteer);
  else std::fprintf(stderr, "warning: no gazetteer (set DYAD_GAZETTEER): the geo stage is skipped\n");
  recognizer = std::make_unique<actors::ActorRecognizer>(*actors);
  event_coder = std::make_unique<events::EventCoder>(*events, events::CoderOptions{});
  country_place = [this](const std::string& iso3) -> std::optional<PlaceMention> {
    return gazetteer ? geo::CountryPlace(*gazetteer, iso3) : std::nullopt;
  };
  if (gazetteer) {
    place_country = [this](std::string_view name) {
      return geo::DominantPlaceCountry(*gazetteer, name);
    };
  }
  CoderConfig config;
  config.gazetteer_path = gaz;
  auto c = Coder::Create(config);
  if (!c.ok()) return error = "Coder::Create: " + c.status().ToString(), false;
  coder = std::move(*c);

  for (const Article& art : corpus.articles) {
    Document d;
    d.article = art;
    prepared[kRaw].push_back(std::move(d));
    bytes += static_cast<int64_t>(art.text.size());
  }
  for (int s = kCleaned; s < kDated; ++s) {
    prepared[s] = prepared[s - 1];
    for (size_t i = 0; i < prepared[s].size(); ++i) RunStage(static_cast<Stage>(s), i, &prepared[s][i]);
  }
  // The date stage also gives the per-sentence reference dates, as Coder::Code builds them.
  prepared[kDated] = prepared[kPlaces];
  for (Document& d : prepared[kDated]) {
    time::DateTimeline tl = dates.Resolve(time::DateContext{PublicationDate(d), Date{}}, &d);
    times.push_back(events::SentenceTimes(tl, d.sentences.size()));
    sentences += static_cast<int64_t>(d.sentences.size());
    tokens += static_cast<int64_t>(d.tokens.size());
  }
  return true;
}

Fixture* g_fixture = nullptr;

void SetRates(benchmark::State& state) {
  const Fixture& f = *g_fixture;
  state.SetBytesProcessed(state.iterations() * f.bytes);
  state.SetItemsProcessed(state.iterations() * f.sentences);  // items = sentences
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(f.prepared[0].size()),
                                                    benchmark::Counter::kIsIterationInvariantRate);
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(f.tokens),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

// One stage over the whole corpus per iteration; the input copy is made outside the timer.
void BM_Stage(benchmark::State& state, Fixture::Stage stage) {
  const Fixture& f = *g_fixture;
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  if (stage == Fixture::kPlaces && !f.places) return state.SkipWithError("no gazetteer");
  const std::vector<Document>& input = f.prepared[stage - 1];
  std::vector<Document> docs;
  for (auto _ : state) {
    state.PauseTiming();
    docs = input;
    state.ResumeTiming();
    for (size_t i = 0; i < docs.size(); ++i) f.RunStage(stage, i, &docs[i]);
    benchmark::ClobberMemory();
  }
  SetRates(state);
}

void BM_Clean(benchmark::State& s) { BM_Stage(s, Fixture::kCleaned); }
void BM_TokenizeSplit(benchmark::State& s) { BM_Stage(s, Fixture::kTokenized); }
void BM_TagParse(benchmark::State& s) { BM_Stage(s, Fixture::kTagged); }
void BM_Actors(benchmark::State& s) { BM_Stage(s, Fixture::kActors); }
void BM_Geo(benchmark::State& s) { BM_Stage(s, Fixture::kPlaces); }
void BM_Dates(benchmark::State& s) { BM_Stage(s, Fixture::kDated); }
void BM_Events(benchmark::State& s) { BM_Stage(s, Fixture::kEvents); }

// Everything after the parse, as Coder::Code runs it: actors, places, the article-country rule,
// dates and event coding (not the second date pass Coder::Code makes for an article with a
// dateline, nor the topic gate). The budget: at most 20% of BM_TagParse.
void BM_AfterParse(benchmark::State& state) {
  const Fixture& f = *g_fixture;
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  const std::vector<Document>& input = f.prepared[Fixture::kTagged];
  std::vector<Document> docs;
  for (auto _ : state) {
    state.PauseTiming();
    docs = input;
    state.ResumeTiming();
    for (Document& d : docs) {
      Date date = PublicationDate(d);
      f.recognizer->Recognize(date, &d);
      if (f.places) f.places->Resolve(&d);
      actors::InferArticleCountry(&d, f.place_country);
      time::DateTimeline tl = f.dates.Resolve(time::DateContext{date, Date{}}, &d);
      f.event_coder->Code(events::SentenceTimes(tl, d.sentences.size()), f.country_place, &d);
    }
    benchmark::ClobberMemory();
  }
  SetRates(state);
}

// Actor-lexicon matching alone: every lexicon match at every token of the tokenized corpus (what
// the recognizer asks of the compiled lexicon), in MB of article text per second. Issue #4's
// target: at least 50 MB/s on one core.
void BM_ActorMatching(benchmark::State& state) {
  const Fixture& f = *g_fixture;
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  const std::vector<Document>& docs = f.prepared[Fixture::kTokenized];
  std::vector<lexicon::ActorMatch> matches;
  int64_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const Document& d : docs) {
      Date date = PublicationDate(d);
      for (const Sentence& s : d.sentences) {
        for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
          matches.clear();
          f.actors->MatchesAt(d, i, s.token_end, date, &matches);
          found += static_cast<int64_t>(matches.size());
        }
      }
    }
    benchmark::DoNotOptimize(found);
  }
  SetRates(state);
  state.counters["matches"] = static_cast<double>(found);
}

// Loading and compiling every shipped actor dictionary (issue #4's target: at most 100 ms).
void BM_ActorLexiconLoad(benchmark::State& state) {
  std::string data = paths::FindDataDir();
  if (data.empty()) return state.SkipWithError("dyad's data directory not found (set DYAD_DATA)");
  size_t entries = 0;
  for (auto _ : state) {
    std::vector<lexicon::Diagnostic> diags;
    auto a = lexicon::ActorLexicon::Load({data + "/lexicon/actors"}, &diags);
    if (!a.ok()) return state.SkipWithError(a.status().ToString().c_str());
    entries = (*a)->entries().size();
  }
  state.counters["entries"] = static_cast<double>(entries);
}

// The whole pipeline as a user calls it; each iteration starts from article-only Documents.
void BM_CoderCode(benchmark::State& state) {
  const Fixture& f = *g_fixture;
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  std::vector<Document> docs;
  int64_t events = 0;
  for (auto _ : state) {
    state.PauseTiming();
    docs = f.prepared[Fixture::kRaw];
    state.ResumeTiming();
    events = 0;
    for (Document& d : docs) {
      benchmark::DoNotOptimize(f.coder->Code(&d));
      events += static_cast<int64_t>(d.events.size());
    }
  }
  SetRates(state);
  state.counters["events"] = static_cast<double>(events);
}

// What the untimed copy of a fully annotated corpus costs (the largest copy the stages make).
void BM_CopyDocuments(benchmark::State& state) {
  const Fixture& f = *g_fixture;
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  std::vector<Document> docs;
  for (auto _ : state) {
    docs = f.prepared[Fixture::kDated];
    benchmark::ClobberMemory();
  }
  SetRates(state);
}

BENCHMARK(BM_Clean)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TokenizeSplit)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagParse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Actors)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Geo)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Dates)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Events)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AfterParse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ActorMatching)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ActorLexiconLoad)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CoderCode)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CopyDocuments)->Unit(benchmark::kMillisecond);

// The console output plus one line at the end: what the stages after the parse cost relative to
// tag + parse (CPU time).
class ShareReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    // With --benchmark_repetitions the medians decide (single repetitions are noisy).
    for (const Run& r : runs) {
      std::string name = r.run_name.function_name;
      bool median = r.run_type == Run::RT_Aggregate && r.aggregate_name == "median";
      bool single = r.run_type == Run::RT_Iteration && !have_median_;
      if (!median && !single) continue;
      if (median) have_median_ = true;
      if (name == "BM_TagParse") parse_ = r.GetAdjustedCPUTime();
      if (name == "BM_AfterParse") after_ = r.GetAdjustedCPUTime();
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    if (parse_ > 0 && after_ > 0) {
      std::printf("after the parse (actors, places, dates, events): %.1f%% of tag + parse CPU time (budget 20%%)\n",
                  100.0 * after_ / parse_);
    }
  }

 private:
  double parse_ = 0, after_ = 0;
  bool have_median_ = false;
};

}  // namespace
}  // namespace dyad::bench

int main(int argc, char** argv) {
  using dyad::bench::Fixture;
  benchmark::Initialize(&argc, argv);
  size_t n = 100;
  if (const char* env = std::getenv("DYAD_BENCH_ARTICLES"); env && *env) n = std::strtoul(env, nullptr, 10);
  static Fixture fixture;
  dyad::bench::g_fixture = &fixture;
  fixture.Load(n);
  std::printf("input: %s\n", fixture.corpus.label.c_str());
  std::printf("corpus: %zu articles, %lld sentences, %lld tokens, %.2f MB\n",
              fixture.prepared[Fixture::kRaw].size(), static_cast<long long>(fixture.sentences),
              static_cast<long long>(fixture.tokens), fixture.bytes / 1e6);
  if (!fixture.error.empty()) std::printf("error: %s\n", fixture.error.c_str());
  benchmark::AddCustomContext("input", fixture.corpus.synthetic ? "SYNTHETIC" : "world-politics");
  dyad::bench::ShareReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
