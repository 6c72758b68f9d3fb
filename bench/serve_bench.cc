// The API's answers from the in-memory snapshot, without HTTP: one random query per iteration,
// drawn as bench/wrk/events.lua draws them (actors, countries, date windows, boxes, roots, words,
// pages), over the store that bench/wrk/run.sh grows ($DYAD_BENCH_DB, default
// build/bench/serve_events.sqlite). Items are answers, bytes their JSON. Nothing is cached
// here, unlike in the server: every answer is computed.
//
//   DYAD_BENCH_DB=build/bench/serve_events.sqlite build-bench/bench/serve_bench
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "serve/api.h"
#include "serve/days.h"
#include "serve/event_index.h"
#include "store/sqlite_db.h"

namespace dyad::serve {
namespace {

const std::vector<std::string> kActors = {"USA", "RUS", "CHN", "UKR", "ISR", "PSE", "IRN", "AFG", "PAK",
                                          "IND", "GBR", "FRA", "DEU", "TUR", "SYR", "IRQ", "SAU", "YEM",
                                          "PRK", "KOR", "JPN", "BRA", "MEX", "NGA", "ETH", "SDN", "USAGOV",
                                          "RUSGOV", "ISRMIL", "UKRMIL", "IGO", "CHNGOV", "USAMIL"};
const std::vector<std::string> kCountries = {"USA", "RUS", "CHN", "UKR", "ISR", "IRN",
                                             "AFG", "PAK", "IND", "GBR", "FRA", "SYR"};
const std::vector<std::string> kRoots = {"01", "02", "03", "04", "05", "11", "12", "13", "14", "17", "18", "19", "20"};
const std::vector<std::string> kWords = {"election", "minister", "ceasefire", "sanctions", "talks",
                                         "protest",  "attack",   "president", "troops",    "border",
                                         "agreement", "missile", "aid",       "summit"};

struct Fixture {
  std::unique_ptr<store::Database> db;
  std::shared_ptr<const EventIndex> index;
  int32_t first_day = 0, span_days = 0;  // the 5th to 95th percentile of event dates, as run.sh
  std::string error;

  Fixture() {
    const char* env = std::getenv("DYAD_BENCH_DB");
    std::string path = env ? env : "build/bench/serve_events.sqlite";
    auto opened = store::Database::Open(path, store::Database::kReadOnly);
    if (!opened.ok()) {
      error = path + ": " + opened.status().message() + " (make one with bench/wrk/run.sh)";
      return;
    }
    db = std::move(*opened);
    auto loaded = EventIndex::Load(*db);
    if (!loaded.ok()) {
      error = loaded.status().message();
      return;
    }
    index = *loaded;
    store::Statement st(*db,
                        "WITH d AS (SELECT date FROM events WHERE date != '' ORDER BY date) "
                        "SELECT (SELECT date FROM d LIMIT 1 OFFSET (SELECT count(*) / 20 FROM d)), "
                        "(SELECT date FROM d LIMIT 1 OFFSET (SELECT count(*) * 19 / 20 FROM d))");
    if (st.Step()) {
      first_day = serve::DayOf(st.Text(0));
      span_days = serve::DayOf(st.Text(1)) - first_day;
    }
  }
};

Fixture& Shared();

class Draw {
 public:
  explicit Draw(const Fixture& f) : f_(f) {}
  double Unit() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  int Between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  const std::string& Pick(const std::vector<std::string>& v) { return v[rng_() % v.size()]; }

  void Window(std::string* from, std::string* to) {
    int len = Between(7, 120);
    int day = f_.first_day + Between(0, std::max(0, f_.span_days - len));
    *from = serve::DateOf(day);
    *to = serve::DateOf(day + len);
  }

  EventsQuery Events(bool page) {
    EventsQuery q;
    double r = Unit();
    if (r < 0.35) q.actor = Pick(kActors);
    if (r >= 0.35 && r < 0.5) q.country = Pick(kCountries);
    if (Unit() < 0.5) Window(&q.from, &q.to);
    if (Unit() < 0.25) {
      double lat = Between(-50, 60), lon = Between(-170, 160);
      q.box = BoundingBox{lat, lon, std::min(90.0, lat + Between(5, 30)), std::min(180.0, lon + Between(5, 40))};
    }
    if (Unit() < 0.15) q.root = Pick(kRoots);
    if (Unit() < 0.05) q.text = Pick(kWords);
    if (page) {
      static const int kLimits[] = {20, 50, 100, 100, 500};
      q.limit = kLimits[rng_() % 5];
      q.offset = q.limit * Between(0, 5);
    }
    return q;
  }

  store::RelationsQuery Relations() {
    store::RelationsQuery q;
    q.a = Pick(kActors);
    q.b = Pick(kActors);
    q.by = static_cast<store::Period>(rng_() % 3);
    if (Unit() < 0.5) Window(&q.from, &q.to);
    return q;
  }

  TopQuery Top() {
    TopQuery q;
    q.by = static_cast<store::TopBy>(rng_() % 4);
    q.limit = Between(5, 50);
    if (Unit() < 0.5) Window(&q.from, &q.to);
    return q;
  }

 private:
  const Fixture& f_;
  std::mt19937_64 rng_{42};
};

// The server keeps the JSON of events it has shown (EventIndex::EventJson); a run of the server
// shows most of them in its first seconds. Timed pages start from that state.
Fixture& Shared() {
  static Fixture* f = [] {
    auto* fixture = new Fixture();
    if (fixture->error.empty()) {
      Draw draw(*fixture);
      for (int i = 0; i < 20000; ++i) (void)EventsJson(*fixture->db, draw.Events(true), fixture->index.get());
    }
    return fixture;
  }();
  return *f;
}

template <typename Answer>
void Run(benchmark::State& state, Answer answer) {
  Fixture& f = Shared();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  Draw draw(f);
  int64_t bytes = 0;
  for (auto _ : state) {
    Result<std::string> json = answer(f, draw);
    if (!json.ok()) {
      state.SkipWithError(json.status().message().c_str());
      return;
    }
    bytes += static_cast<int64_t>(json->size());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}

void BM_Events(benchmark::State& state) {
  Run(state, [](Fixture& f, Draw& d) { return EventsJson(*f.db, d.Events(true), f.index.get()); });
}
void BM_Timeline(benchmark::State& state) {
  Run(state, [](Fixture& f, Draw& d) { return TimelineJson(*f.db, d.Events(false), f.index.get()); });
}
void BM_Relations(benchmark::State& state) {
  Run(state, [](Fixture& f, Draw& d) { return RelationsJson(*f.db, d.Relations(), f.index.get()); });
}
void BM_Top(benchmark::State& state) {
  Run(state, [](Fixture& f, Draw& d) { return TopJson(*f.db, d.Top(), f.index.get()); });
}
BENCHMARK(BM_Events);
BENCHMARK(BM_Timeline);
BENCHMARK(BM_Relations);
BENCHMARK(BM_Top);

}  // namespace
}  // namespace dyad::serve

BENCHMARK_MAIN();
