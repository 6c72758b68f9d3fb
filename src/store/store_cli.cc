#include "store/store_cli.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "common/json_writer.h"
#include "common/paths.h"
#include "geo/gazetteer.h"
#include "ingest/reader.h"
#include "lexicon/cameo_table.h"
#include "store/analysis.h"
#include "store/export.h"
#include "store/ingest_writer.h"
#include "store/sqlite_store.h"

namespace dyad::store {

const char kStoreUsage[] =
    "  ingest --db FILE [FILE...|-] [-j N] [--batch-size N] [--summary] [code's input/coder options]\n"
    "                                   code articles and store them (SQLite, idempotent)\n"
    "  relations A B --db FILE [--by day|week|month] [--from D] [--to D] [--directed|--both]\n"
    "       [--format table|csv|json]   A-B events per period by QuadClass, Goldstein, shares\n"
    "  top --by dyad|actor|place|code --db FILE [--limit N] [--from D] [--to D] [--format ...]\n"
    "  search \"TEXT\" --db FILE [--limit N] [--format table|csv|json]   full-text search\n"
    "  export --db FILE --format gdelt|icews|plover|csv [-o OUT]\n";

namespace {

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> values;
  std::set<std::string> switches;
  std::string error;
  std::string Get(const std::string& k, const std::string& def = "") const {
    auto it = values.find(k);
    return it == values.end() ? def : it->second;
  }
  bool On(const std::string& k) const { return switches.count(k) != 0; }
};

// Options every store command knows, with whether they take a value. The coder's own options are
// accepted by ingest (main has already used them to build the Coder).
const std::map<std::string, bool> kCommonFlags = {
    {"--db", true}, {"--format", true}, {"-o", true}, {"--by", true}, {"--from", true},
    {"--to", true}, {"--limit", true}, {"--directed", false}, {"--both", false}};
const std::map<std::string, bool> kIngestFlags = {
    {"--input-format", true}, {"--date", true}, {"--errors", true}, {"--strict", false},
    {"--batch-size", true}, {"--summary", false}, {"-j", true}, {"--data", true}, {"--gazetteer", true},
    {"--actors", true}, {"--events", true}, {"--only-actors", false}, {"--include-modal", false},
    {"--no-topic-gate", false}, {"--max-article-bytes", true}, {"--max-sentence-tokens", true}};

Args ParseArgs(int argc, char** argv, bool ingest) {
  Args a;
  for (int i = 2; i < argc; ++i) {
    std::string s = argv[i];
    if (s.size() < 2 || s[0] != '-') {
      a.positional.push_back(s);
      continue;
    }
    std::optional<bool> valued;
    if (auto it = kCommonFlags.find(s); it != kCommonFlags.end()) valued = it->second;
    if (auto it = kIngestFlags.find(s); ingest && it != kIngestFlags.end()) valued = it->second;
    if (!valued) {
      a.error = "unknown option " + s;
      return a;
    }
    if (!*valued) {
      a.switches.insert(s);
    } else if (i + 1 >= argc) {
      a.error = s + " needs a value";
      return a;
    } else {
      a.values[s] = argv[++i];
    }
  }
  return a;
}

int Fail(const std::string& msg) {
  std::fprintf(stderr, "dyad: %s\n", msg.c_str());
  return 1;
}

// A positive integer option, or `def`; nullopt (after printing why) when malformed.
std::optional<int64_t> PositiveInt(const Args& a, const std::string& key, int64_t def, int64_t max) {
  std::string v = a.Get(key);
  if (v.empty()) return def;
  char* end = nullptr;
  errno = 0;
  long long n = std::strtoll(v.c_str(), &end, 10);
  if (errno != 0 || *end != '\0' || n <= 0 || n > max) {
    Fail(key + " must be a whole number from 1 to " + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

bool ValidDateArg(const Args& a, const std::string& key) {
  std::string v = a.Get(key);
  if (v.empty() || (v.size() == 10 && Date::Parse(v))) return true;
  Fail(key + " must be a date YYYY-MM-DD");
  return false;
}

Result<std::unique_ptr<Database>> OpenForReading(const Args& a) {
  std::string path = a.Get("--db");
  if (path.empty()) return Status::InvalidArgument("--db FILE is required");
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound("no database " + path);
  return Database::Open(path, Database::kReadOnly);
}

std::string FindCameoTable(const Args& a) {
  std::string data = a.Get("--data").empty() ? paths::FindDataDir() : a.Get("--data");
  return data.empty() ? "" : data + "/cameo/cameo_codes.tsv";
}

std::string FindGazetteerFile(const Args& a) {
  return a.Get("--gazetteer").empty() ? paths::FindGazetteer() : a.Get("--gazetteer");
}

std::string UtcStamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &tm);
  return buf;
}

// ---- Output: a terminal table, CSV or JSON from one set of rows. --------------------------------

struct Table {
  std::vector<std::string> header;
  std::vector<bool> numeric;  // per column: JSON number (or null when empty), right-aligned
  std::vector<std::vector<std::string>> rows;
};

std::string Csv(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string o = "\"";
  for (char c : s) {
    if (c == '"') o += '"';
    o += c;
  }
  return o + '"';
}

void PrintTable(const Table& t, const std::string& format) {
  std::string out;
  if (format == "csv") {
    for (size_t i = 0; i < t.header.size(); ++i) out += (i ? "," : "") + Csv(t.header[i]);
    out += '\n';
    for (const auto& r : t.rows) {
      for (size_t i = 0; i < r.size(); ++i) out += (i ? "," : "") + Csv(r[i]);
      out += '\n';
    }
  } else if (format == "json") {
    JsonWriter w(&out);
    w.BeginArray();
    for (const auto& r : t.rows) {
      w.BeginObject();
      for (size_t i = 0; i < r.size(); ++i) {
        w.Key(t.header[i]);
        if (!t.numeric[i]) w.String(r[i]);
        else if (r[i].empty()) w.Null();
        else w.Double(std::strtod(r[i].c_str(), nullptr), r[i].find('.') == std::string::npos ? 0 : 4);
      }
      w.EndObject();
    }
    w.EndArray();
    out += '\n';
  } else {
    std::vector<size_t> width(t.header.size());
    for (size_t i = 0; i < t.header.size(); ++i) width[i] = t.header[i].size();
    for (const auto& r : t.rows) {
      for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], r[i].size());
    }
    auto line = [&](const std::vector<std::string>& r) {
      for (size_t i = 0; i < r.size(); ++i) {
        std::string pad(width[i] - r[i].size(), ' ');
        out += (i ? "  " : "") + (t.numeric[i] ? pad + r[i] : (i + 1 < r.size() ? r[i] + pad : r[i]));
      }
      out += '\n';
    };
    line(t.header);
    for (const auto& r : t.rows) line(r);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

std::string Num(double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

bool ValidOutputFormat(const std::string& f) {
  if (f == "table" || f == "csv" || f == "json") return true;
  Fail("--format must be table, csv or json");
  return false;
}

// ---- ingest -----------------------------------------------------------------------------------

struct IngestRun {
  int64_t read = 0, unchanged_skipped = 0, errors = 0;
};

// An article waiting to be coded, then stored.
struct Pending {
  Document doc;
  std::string hash;
  Status status;
};

constexpr size_t kCodeBatch = 64;  // articles read ahead and coded together

// Codes `docs` on `threads` threads (the Coder is immutable and shared); order is kept.
void CodeBatch(const Coder& coder, int threads, std::vector<Pending>* docs) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < docs->size(); i = next++) (*docs)[i].status = coder.Code(&(*docs)[i].doc);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads && static_cast<size_t>(t) < docs->size(); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

int RunIngest(const Coder& coder, const Args& a) {
  std::string db_path = a.Get("--db");
  if (db_path.empty()) return Fail("--db FILE is required");
  auto batch = PositiveInt(a, "--batch-size", 256, 1000000);
  if (!batch) return 1;
  unsigned hw = std::thread::hardware_concurrency();
  auto jobs = PositiveInt(a, "-j", hw == 0 ? 1 : hw, 256);
  if (!jobs) return 1;
  int threads = static_cast<int>(*jobs);
  ReaderOptions ropts;
  ropts.date = a.Get("--date");
  if (!a.Get("--input-format").empty()) {
    auto fmt = ParseInputFormat(a.Get("--input-format"));
    if (!fmt) return Fail("--input-format must be jsonl or txt");
    ropts.format = *fmt;
  }
  if (!a.Get("--max-article-bytes").empty()) {
    auto n = PositiveInt(a, "--max-article-bytes", 0, int64_t{1} << 40);
    if (!n) return 1;
    ropts.max_text_bytes = static_cast<size_t>(*n);
  }
  std::string cameo_path = FindCameoTable(a);
  auto cameo = lexicon::CameoTable::Load(cameo_path);
  if (!cameo.ok()) return Fail("cannot load the CAMEO table: " + cameo.status().ToString());
  std::unique_ptr<geo::Gazetteer> gazetteer;
  if (std::string gaz = FindGazetteerFile(a); !gaz.empty()) {
    auto g = geo::Gazetteer::Open(gaz);
    if (g.ok()) gazetteer = std::move(*g);
  }
  std::FILE* errs = stderr;
  if (!a.Get("--errors").empty()) {
    errs = std::fopen(a.Get("--errors").c_str(), "wb");
    if (!errs) return Fail("cannot write " + a.Get("--errors"));
  }

  auto store = EventStore::Open(db_path);
  if (!store.ok()) return Fail(store.status().ToString());
  {
    Statement v((*store)->db(), "SELECT value FROM meta WHERE key = 'lexicon_version'");
    if (v.Step() && v.Text(0) != coder.lexicon_version()) {
      std::fprintf(stderr, "dyad: warning: %s was coded with lexicon %s; new articles use %s\n",
                   db_path.c_str(), std::string(v.Text(0)).c_str(), coder.lexicon_version().c_str());
    }
  }
  Status st = (*store)->SetVersions(DYAD_VERSION, coder.lexicon_version());
  if (!st.ok()) return Fail(st.ToString());
  // A second connection sees only committed articles: those are skipped before coding, which is
  // what makes a re-run after a crash cheap. The writer checks again (authoritatively).
  auto reader_db = Database::Open(db_path, Database::kReadOnly);
  if (!reader_db.ok()) return Fail(reader_db.status().ToString());
  Statement known(**reader_db, "SELECT content_hash FROM articles WHERE id = ?1");

  IngestContext ctx{cameo->get(), gazetteer.get(), UtcStamp()};
  IngestWriter writer(store->get(), ctx, IngestWriterOptions{.batch_articles = static_cast<size_t>(*batch)});
  std::vector<std::string> inputs = a.positional;
  if (inputs.empty()) inputs.push_back("-");
  IngestRun run;
  int rc = 0;
  bool stop = false;
  std::vector<Pending> batch_docs;
  auto flush = [&](const std::string& file) {
    CodeBatch(coder, threads, &batch_docs);
    for (Pending& p : batch_docs) {
      if (stop) break;
      if (!p.status.ok()) {
        InputError e{file, 0, -1, p.status.message(), p.doc.article.id, false};
        std::fprintf(errs, "%s\n", FormatInputError(e).c_str());
        ++run.errors;
        if (a.On("--strict")) stop = true;
        continue;
      }
      if (!writer.Push(std::move(p.doc), std::move(p.hash))) stop = true;
    }
    batch_docs.clear();
  };
  for (const std::string& path : inputs) {
    auto reader = ArticleReader::Open(path, ropts);
    if (!reader.ok()) { rc = Fail(reader.status().ToString()); break; }
    ReadItem item;
    while (!stop && (*reader)->Next(&item)) {
      for (const InputError& e : item.errors) {
        std::fprintf(errs, "%s\n", FormatInputError(e).c_str());
        ++run.errors;
        if (a.On("--strict") && !e.warning) stop = true;
      }
      if (stop || !item.article) continue;
      ++run.read;
      Pending p;
      p.doc.article = std::move(*item.article);
      p.hash = ContentHash(p.doc.article);
      known.Bind(1, p.doc.article.id);
      bool same = known.Step() && known.Text(0) == p.hash;
      known.Reset();
      if (same) { ++run.unchanged_skipped; continue; }
      batch_docs.push_back(std::move(p));
      if (batch_docs.size() >= kCodeBatch) flush((*reader)->display_name());
    }
    if (!stop) flush((*reader)->display_name());
    if (!(*reader)->status().ok()) rc = Fail((*reader)->status().ToString());
    if (stop) break;
  }
  st = writer.Finish();
  if (errs != stderr) std::fclose(errs);
  if (!st.ok()) return Fail("storing failed: " + st.ToString());
  const IngestCounts& c = writer.counts();
  if (a.On("--summary")) {
    std::fprintf(stderr,
                 "dyad ingest: %lld articles read, %lld added, %lld replaced, %lld unchanged, "
                 "%lld mentions stored, %lld errors, %lld transactions, writer CPU %.2f s\n",
                 static_cast<long long>(run.read), static_cast<long long>(c.added),
                 static_cast<long long>(c.replaced), static_cast<long long>(c.unchanged + run.unchanged_skipped),
                 static_cast<long long>(c.mentions), static_cast<long long>(run.errors),
                 static_cast<long long>(c.batches), c.writer_cpu_seconds);
  }
  if (stop && a.On("--strict")) return 2;
  return rc;
}

// ---- relations, top, search, export -------------------------------------------------------------

int RunRelations(const Args& a) {
  if (a.positional.size() != 2) return Fail("usage: dyad relations A B --db FILE [--by day|week|month]");
  RelationsQuery q;
  q.a = a.positional[0];
  q.b = a.positional[1];
  if (q.a.empty() || q.b.empty()) return Fail("actor prefixes must not be empty");
  auto by = ParsePeriod(a.Get("--by", "month"));
  if (!by) return Fail("--by must be day, week or month");
  q.by = *by;
  if (a.On("--directed") && a.On("--both")) return Fail("--directed and --both exclude each other");
  q.directed = a.On("--directed");
  if (!ValidDateArg(a, "--from") || !ValidDateArg(a, "--to")) return 1;
  q.from = a.Get("--from");
  q.to = a.Get("--to");
  std::string format = a.Get("--format", "table");
  if (!ValidOutputFormat(format)) return 1;
  auto db = OpenForReading(a);
  if (!db.ok()) return Fail(db.status().ToString());
  auto rows = Relations(**db, q);
  if (!rows.ok()) return Fail(rows.status().ToString());
  Table t;
  t.header = {"period", "events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
              "goldstein_sum", "goldstein_mean", "all_events", "share", "verbal_coop_share",
              "material_coop_share", "verbal_conflict_share", "material_conflict_share"};
  t.numeric.assign(t.header.size(), true);
  t.numeric[0] = false;
  for (const RelationsRow& r : *rows) {
    std::vector<std::string> row = {r.period, std::to_string(r.events)};
    for (int64_t n : r.quad) row.push_back(std::to_string(n));
    row.push_back(Num(r.goldstein_sum, 1));
    row.push_back(r.goldstein_mean ? Num(*r.goldstein_mean, 2) : "");
    row.push_back(std::to_string(r.total));
    row.push_back(Num(r.share, 4));
    for (double s : r.quad_share) row.push_back(Num(s, 4));
    t.rows.push_back(std::move(row));
  }
  PrintTable(t, format);
  return 0;
}

int RunTop(const Args& a) {
  auto by = ParseTopBy(a.Get("--by"));
  if (!by) return Fail("--by must be dyad, actor, place or code");
  auto limit = PositiveInt(a, "--limit", 20, 100000);
  if (!limit) return 1;
  if (!ValidDateArg(a, "--from") || !ValidDateArg(a, "--to")) return 1;
  std::string format = a.Get("--format", "table");
  if (!ValidOutputFormat(format)) return 1;
  auto db = OpenForReading(a);
  if (!db.ok()) return Fail(db.status().ToString());
  auto rows = Top(**db, *by, static_cast<int>(*limit), a.Get("--from"), a.Get("--to"));
  if (!rows.ok()) return Fail(rows.status().ToString());
  Table t;
  t.header = {"rank", "key", "label", "events", "mentions"};
  t.numeric = {true, false, false, true, true};
  int rank = 0;
  for (const TopRow& r : *rows) {
    t.rows.push_back({std::to_string(++rank), r.key, r.label, std::to_string(r.events),
                      std::to_string(r.mentions)});
  }
  PrintTable(t, format);
  return 0;
}

void PrintSearchJson(const std::vector<SearchHit>& hits) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  for (const SearchHit& h : hits) {
    w.BeginObject().Field("article_id", h.article_id).Field("date", h.date).Field("title", h.title)
        .Field("publisher", h.publisher).Field("url", h.url).Field("snippet", h.snippet);
    w.Key("score").Double(h.score, 4).Key("events").BeginArray();
    for (const SearchEvent& e : h.events) {
      w.BeginObject().Field("event_key", e.event_key).Field("code", e.code).Field("source", e.source_code)
          .Field("target", e.target_code).Field("date", e.date).Field("place", e.place)
          .Field("sentence_index", e.sentence_index).EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
  out += '\n';
  std::fwrite(out.data(), 1, out.size(), stdout);
}

int RunSearch(const Args& a) {
  if (a.positional.size() != 1) return Fail("usage: dyad search \"TEXT\" --db FILE");
  auto limit = PositiveInt(a, "--limit", 20, 10000);
  if (!limit) return 1;
  std::string format = a.Get("--format", "table");
  if (!ValidOutputFormat(format)) return 1;
  auto db = OpenForReading(a);
  if (!db.ok()) return Fail(db.status().ToString());
  auto hits = Search(**db, a.positional[0], static_cast<int>(*limit));
  if (!hits.ok()) return Fail(hits.status().ToString());
  if (format == "json") {
    PrintSearchJson(*hits);
    return 0;
  }
  if (format == "csv") {
    Table t;
    t.header = {"article_id", "date", "title", "publisher", "url", "snippet", "events"};
    t.numeric.assign(t.header.size(), false);
    for (const SearchHit& h : *hits) {
      std::string events;
      for (const SearchEvent& e : h.events) {
        events += (events.empty() ? "" : "; ") + e.source_code + " " + e.code + " " + e.target_code;
      }
      t.rows.push_back({h.article_id, h.date, h.title, h.publisher, h.url, h.snippet, events});
    }
    PrintTable(t, "csv");
    return 0;
  }
  for (const SearchHit& h : *hits) {
    std::printf("%s  %s  %s\n    %s\n", h.date.c_str(), h.article_id.c_str(), h.title.c_str(),
                h.snippet.c_str());
    for (const SearchEvent& e : h.events) {
      std::printf("    - %s %s %s %s%s%s (sentence %lld)\n", e.date.c_str(), e.source_code.c_str(),
                  e.code.c_str(), e.target_code.c_str(), e.place.empty() ? "" : " at ", e.place.c_str(),
                  static_cast<long long>(e.sentence_index));
    }
  }
  return 0;
}

int RunExport(const Args& a) {
  auto format = ParseExportFormat(a.Get("--format"));
  if (!format) return Fail("--format must be gdelt, icews, plover or csv");
  auto db = OpenForReading(a);
  if (!db.ok()) return Fail(db.status().ToString());
  std::FILE* out = stdout;
  if (!a.Get("-o").empty()) {
    out = std::fopen(a.Get("-o").c_str(), "wb");
    if (!out) return Fail("cannot write " + a.Get("-o"));
  }
  ExportStats stats;
  Status st = Export(**db, *format, [out](std::string_view s) { std::fwrite(s.data(), 1, s.size(), out); },
                     &stats);
  bool write_failed = std::ferror(out) != 0;
  if (out != stdout) write_failed = std::fclose(out) != 0 || write_failed;
  if (!st.ok()) return Fail(st.ToString());
  if (write_failed) return Fail("writing the export failed");
  if (stats.skipped > 0) {
    std::fprintf(stderr, "dyad: %lld events without a PLOVER category left out\n",
                 static_cast<long long>(stats.skipped));
  }
  return 0;
}

}  // namespace

int RunIngestCommand(const Coder& coder, int argc, char** argv) {
  Args a = ParseArgs(argc, argv, true);
  return a.error.empty() ? RunIngest(coder, a) : Fail(a.error);
}

int RunRelationsCommand(int argc, char** argv) {
  Args a = ParseArgs(argc, argv, false);
  return a.error.empty() ? RunRelations(a) : Fail(a.error);
}

int RunTopCommand(int argc, char** argv) {
  Args a = ParseArgs(argc, argv, false);
  return a.error.empty() ? RunTop(a) : Fail(a.error);
}

int RunSearchCommand(int argc, char** argv) {
  Args a = ParseArgs(argc, argv, false);
  return a.error.empty() ? RunSearch(a) : Fail(a.error);
}

int RunExportCommand(int argc, char** argv) {
  Args a = ParseArgs(argc, argv, false);
  return a.error.empty() ? RunExport(a) : Fail(a.error);
}

}  // namespace dyad::store
