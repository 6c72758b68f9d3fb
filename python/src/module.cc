// _dyad: the pybind11 shim between Python and dyad::Coder. The public API is the Python package
// (python/dyad/__init__.py, python/dyad/dask.py); this file only moves bytes across the boundary.
//
// Every entry point goes through the same path as `dyad code`: JSONL lines are parsed by
// ingest::ParseJsonlLine (so ids, dates, size limits and error messages are the CLI's), near-copies
// of earlier articles are marked by an ingest::DuplicateIndex fed in input order, articles are
// coded by Coder::Code and written by Coder::AppendJsonl, and error records are FormatInputError's.
// The Python side json.loads the records, so a dict from Python equals a parsed line of the CLI.
//
//   coder = _dyad.Coder(data_dir="", gazetteer="", include_modal=False, ...)
//   coder.code_lines(['{"id":"a","text":"..."}'], "<python>", "python", 1, 4, index)
//     -> [(events_jsonl, [error_record_json, ...], article_ok), ...]   (one tuple per line)
//   coder.code_range("news.jsonl", 0, -1, 1, 1) -> (events_jsonl_bytes, errors_jsonl_bytes, summary, [])
//   coder.code_range(..., fingerprints=True) -> the same, unmarked, with every article's
//       (id, simhash, words, events_begin, events_end), for index.check and with_duplicate_of (Dask)
//   coder.code_file("feed.warc.gz") -> as code_range, through pipeline::CodeInputs itself
//
// The GIL is released while coding; one Coder (immutable after Create) serves every thread.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "common/strings.h"
#include "dyad/coder.h"
#include "ingest/dedup.h"
#include "ingest/jsonl_line.h"
#include "ingest/line_reader.h"
#include "ingest/reader.h"
#include "pipeline/code_run.h"
#include "pipeline/summary.h"
#include "store/event_sink.h"

namespace py = pybind11;

namespace {

// One input line and, after coding, what it writes (as in pipeline/code_run.cc).
struct Slot {
  std::string line;
  int64_t number = 0;   // 1-based line number, for generated ids and error records
  int64_t offset = -1;  // byte offset in the file, or -1 (not from a file: omitted from records)
  bool truncated = false;
  int64_t length = 0;   // full length when truncated
  dyad::ReadItem item;
  dyad::Status status;
  std::string output;
  dyad::pipeline::Summary counts;  // this article's sentences and events, for the run summary
  dyad::ingest::TextFingerprint fingerprint;  // of ingest::DedupText(article), for the index
};

struct LineSource {
  std::string file;  // name in error records
  std::string stem;  // prefix of generated ids ("<stem>:<line>")
  size_t max_text_bytes = 1 << 20;
  size_t max_line_bytes = 8 << 20;
};

[[noreturn]] void Raise(PyObject* type, const std::string& message) {
  PyErr_SetString(type, message.c_str());
  throw py::error_already_set();
}

// A Status (Coder::Create, opening an input) as the Python exception a caller would expect.
[[noreturn]] void RaiseStatus(const dyad::Status& status) {
  switch (status.code()) {
    case dyad::StatusCode::kNotFound: Raise(PyExc_FileNotFoundError, status.ToString());
    case dyad::StatusCode::kIoError: Raise(PyExc_OSError, status.ToString());
    case dyad::StatusCode::kInvalidArgument:
    case dyad::StatusCode::kParseError:
    case dyad::StatusCode::kLimitExceeded: Raise(PyExc_ValueError, status.ToString());
    default: Raise(PyExc_RuntimeError, status.ToString());
  }
}

// Parses one slot's line into an article or error records. Thread-safe (pure).
void ParseSlot(const LineSource& source, Slot* s) {
  if (s->truncated) {
    dyad::InputError e{source.file, s->number, s->offset,
                       "line is " + std::to_string(s->length) + " bytes, over the limit of " +
                           std::to_string(source.max_line_bytes),
                       "", false};
    s->item.errors.push_back(std::move(e));
    return;
  }
  dyad::ingest::JsonlContext context{source.file, source.stem, s->number, s->offset, source.max_text_bytes};
  dyad::ingest::ParseJsonlLine(s->line, context, &s->item);
  std::string().swap(s->line);
}

// Codes one parsed slot; with `fingerprint`, also sets s->fingerprint. Thread-safe: reads only
// the immutable coder.
void CodeSlot(const dyad::Coder& coder, bool fingerprint, Slot* s) {
  if (!s->item.article) return;
  dyad::Document doc;
  doc.article = std::move(*s->item.article);
  s->status = coder.Code(&doc);
  if (s->status.ok()) {
    coder.AppendJsonl(doc, &s->output);
    s->counts.Add(doc);
  }
  if (fingerprint) {  // a coded Document holds its cleaned segments: no second cleaning
    s->fingerprint = dyad::ingest::Fingerprint(s->status.ok() ? dyad::ingest::StoryText(doc.article.text, doc.segments)
                                                              : dyad::ingest::DedupText(doc.article));
  }
  s->item.article = std::move(doc.article);  // kept for the id of an error record
  s->item.article->text.clear();
}

// Runs fn(i) for every i < n on up to `threads` threads.
template <typename Fn>
void ParallelFor(size_t n, int threads, Fn fn) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  int extra = std::min<int>(std::max(1, threads), static_cast<int>(n)) - 1;
  for (int t = 0; t < extra; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

// Parses and codes `slots` in parallel, each taking its fingerprint from its coding (a coded
// Document holds its cleaned segments: no second cleaning). With `index` (a DuplicateIndex fed
// in input order, perhaps across calls), then marks near-copies in input order as
// DuplicateIndex::Mark does, adding duplicate_of to their records; without one, `fingerprint`
// leaves the fingerprints for the caller to look up.
void ProcessSlots(const dyad::Coder& coder, const LineSource& source, int threads,
                  dyad::ingest::DuplicateIndex* index, bool fingerprint, std::vector<Slot>* slots) {
  ParallelFor(slots->size(), threads, [&](size_t i) {
    Slot& s = (*slots)[i];
    ParseSlot(source, &s);
    CodeSlot(coder, fingerprint || index != nullptr, &s);
  });
  if (index == nullptr) return;
  for (Slot& s : *slots) {
    if (!s.item.article) continue;
    std::string dup = index->Check(s.item.article->id, s.fingerprint);
    if (dup.empty()) continue;
    s.item.article->duplicate_of = dup;
    if (auto marked = dyad::store::WithDuplicateOf(s.output, dup); marked.ok())
      s.output = std::move(*marked);
  }
}

// The error records of one coded slot, in the CLI's order: read errors and warnings, then the
// coding error (line 0, as `dyad code` writes it).
std::vector<std::string> ErrorRecords(const LineSource& source, const Slot& s) {
  std::vector<std::string> out;
  for (const dyad::InputError& e : s.item.errors) out.push_back(dyad::FormatInputError(e));
  if (s.item.article && !s.status.ok()) {
    dyad::InputError e{source.file, 0, -1, s.status.message(), s.item.article->id, false};
    out.push_back(dyad::FormatInputError(e));
  }
  return out;
}

bool Coded(const Slot& s) { return s.item.article.has_value() && s.status.ok(); }

py::dict SummaryDict(const dyad::pipeline::Summary& s) {
  py::dict d;
  d["articles"] = s.articles;
  d["sentences"] = s.sentences;
  d["events"] = s.events;
  d["errors"] = s.errors;
  d["by_root"] = s.by_root;
  d["dyads"] = s.dyads;
  return d;
}

// A run's near-duplicate index (ingest/dedup.h), held by Python between calls. The mutex makes
// concurrent use safe; marks still depend on the order the calls feed it.
struct PyDuplicateIndex {
  std::mutex mutex;
  dyad::ingest::DuplicateIndex index;

  // DuplicateIndex::Check of a fingerprint from CodeRange(fingerprints=True).
  std::string Check(const std::string& id, uint64_t simhash, size_t words) {
    std::lock_guard<std::mutex> lock(mutex);
    return index.Check(id, dyad::ingest::TextFingerprint{simhash, words});
  }
};

// One article of a range, for marking it after it was coded (CodeRange with fingerprints).
struct ArticleFingerprint {
  std::string id;
  dyad::ingest::TextFingerprint fingerprint;
  size_t events_begin = 0, events_end = 0;  // its events' bytes in the range's events JSONL
};

py::bytes WithDuplicateOf(const std::string& records, const std::string& duplicate_of) {
  dyad::Result<std::string> marked = dyad::store::WithDuplicateOf(records, duplicate_of);
  if (!marked.ok()) RaiseStatus(marked.status());
  return py::bytes(*marked);
}

class PyCoder {
 public:
  PyCoder(const std::string& data_dir, const std::string& gazetteer, bool include_modal, bool topic_gate,
          const std::vector<std::string>& actors, bool only_actors, size_t max_article_bytes,
          uint32_t max_sentence_tokens) {
    dyad::CoderConfig config;
    config.data_dir = data_dir;
    config.gazetteer_path = gazetteer;
    config.include_modal = include_modal;
    config.topic_gate = topic_gate;
    config.actor_paths = actors;
    config.replace_actors = only_actors;
    config.max_article_bytes = max_article_bytes;
    config.max_sentence_tokens = max_sentence_tokens;
    source_.max_text_bytes = max_article_bytes;
    dyad::Result<std::unique_ptr<dyad::Coder>> coder = [&] {
      py::gil_scoped_release release;
      return dyad::Coder::Create(config);
    }();
    if (!coder.ok()) RaiseStatus(coder.status());
    coder_ = std::shared_ptr<const dyad::Coder>(std::move(*coder));
  }

  // One tuple per line: (events as JSONL, error records as JSON strings, whether it was coded).
  // `index` (or None) marks near-duplicates across calls, as one `dyad code` run does.
  std::vector<py::tuple> CodeLines(const std::vector<std::string>& lines, const std::string& file,
                                   const std::string& stem, int64_t first_line, int threads,
                                   PyDuplicateIndex* index) const {
    LineSource source = source_;
    source.file = file;
    source.stem = stem;
    std::vector<Slot> slots(lines.size());
    for (size_t i = 0; i < lines.size(); ++i) {
      slots[i].line = lines[i];
      slots[i].number = first_line + static_cast<int64_t>(i);
    }
    {
      py::gil_scoped_release release;
      std::unique_lock<std::mutex> lock;
      if (index != nullptr) lock = std::unique_lock<std::mutex>(index->mutex);
      ProcessSlots(*coder_, source, threads, index != nullptr ? &index->index : nullptr, false, &slots);
    }
    std::vector<py::tuple> out;
    out.reserve(slots.size());
    for (const Slot& s : slots) {
      out.push_back(py::make_tuple(py::str(s.output), ErrorRecords(source, s), Coded(s)));
    }
    return out;
  }

  // The lines of JSONL file `path` that start in [begin, end) bytes (end < 0: to the end of the
  // file), the first of them numbered `first_line`, coded as `dyad code path` codes them. `begin`
  // must be the start of a line. Returns (events JSONL, error records JSONL, summary dict,
  // fingerprints). Near-copies are marked within the range, and fingerprints is empty; with
  // `fingerprints`, nothing is marked, and fingerprints lists every article (coded or not) as
  // (id, simhash, words, events_begin, events_end): fed to one DuplicateIndex in input order over
  // all ranges of a run, they give the marks of one `dyad code` run, and with_duplicate_of adds
  // a mark to the article's events (bytes [events_begin, events_end) of the events JSONL).
  py::tuple CodeRange(const std::string& path, int64_t begin, int64_t end, int64_t first_line, int threads,
                      size_t batch, bool fingerprints) const {
    LineSource source = FileSource(path);
    std::string events, errors;
    dyad::pipeline::Summary summary;
    std::vector<ArticleFingerprint> articles;
    RangeStatus st;
    {
      py::gil_scoped_release release;
      dyad::ingest::DuplicateIndex local;
      size_t per_batch = std::max<size_t>(1, batch) * static_cast<size_t>(std::max(1, threads));
      st = ReadRange(source, path, begin, end, first_line, per_batch, [&](std::vector<Slot>* slots) {
        ProcessSlots(*coder_, source, threads, fingerprints ? nullptr : &local, fingerprints, slots);
        for (const Slot& s : *slots) {
          for (const std::string& r : ErrorRecords(source, s)) errors += r + "\n";
          summary.errors += static_cast<int64_t>(s.item.errors.size()) + (s.item.article && !s.status.ok());
          if (fingerprints && s.item.article) {
            size_t size = Coded(s) ? s.output.size() : 0;
            articles.push_back({s.item.article->id, s.fingerprint, events.size(), events.size() + size});
          }
          if (!Coded(s)) continue;
          events += s.output;
          AddToSummary(s, &summary);
        }
      });
    }
    st.RaiseIfFailed(path);
    py::list listed;
    for (const ArticleFingerprint& a : articles) {
      listed.append(py::make_tuple(py::str(a.id), a.fingerprint.simhash, a.fingerprint.words, a.events_begin,
                                   a.events_end));
    }
    return py::make_tuple(py::bytes(events), py::bytes(errors), SummaryDict(summary), listed);
  }

  // Any input `dyad code` reads (txt, html, rss, warc, a directory, JSONL), whole, through the
  // CLI's own run loop. Returns (events JSONL, error records JSONL, summary dict).
  py::tuple CodeFile(const std::string& path, const std::string& input_format, const std::string& date,
                     int threads) const {
    dyad::ReaderOptions ropts;
    ropts.date = date;
    ropts.max_text_bytes = source_.max_text_bytes;
    if (!input_format.empty()) {
      auto format = dyad::ParseInputFormat(input_format);
      if (!format) Raise(PyExc_ValueError, "unknown input format " + input_format);
      ropts.format = *format;
    }
    // Opened once here for the reader's own message (CodeInputs would print it to stderr).
    if (auto reader = dyad::ArticleReader::Open(path, ropts); !reader.ok()) RaiseStatus(reader.status());
    dyad::pipeline::CodeRunOptions options;
    options.threads = std::max(1, threads);
    dyad::pipeline::Summary summary;
    char *events = nullptr, *errors = nullptr;
    size_t events_size = 0, errors_size = 0;
    int rc;
    {
      py::gil_scoped_release release;
      std::FILE* out = open_memstream(&events, &events_size);
      std::FILE* err = open_memstream(&errors, &errors_size);
      rc = dyad::pipeline::CodeInputs(*coder_, {path}, ropts, options, out, err, &summary);
      std::fclose(out);
      std::fclose(err);
    }
    py::tuple result = py::make_tuple(py::bytes(events, events_size), py::bytes(errors, errors_size),
                                      SummaryDict(summary));
    std::free(events);
    std::free(errors);
    if (rc == 1) Raise(PyExc_OSError, "read error in '" + path + "'");
    return result;
  }

  const std::vector<std::string>& warnings() const { return coder_->warnings(); }
  const std::string& lexicon_version() const { return coder_->lexicon_version(); }

 private:
  struct RangeStatus {
    int open_errno = 0;
    bool read_failed = false;
    void RaiseIfFailed(const std::string& path) const {
      if (open_errno != 0) {  // the reader's message, and the matching OSError subclass
        Raise(open_errno == ENOENT ? PyExc_FileNotFoundError : PyExc_OSError,
              "cannot open '" + path + "': " + std::strerror(open_errno));
      }
      if (read_failed) Raise(PyExc_OSError, "read error in '" + path + "'");
    }
  };

  // Reads the non-blank lines starting in [begin, end) of `path` (as ArticleReader reads JSONL)
  // and hands them to `fn` in batches of `per_batch` slots. Call without the GIL.
  template <typename Fn>
  static RangeStatus ReadRange(const LineSource& source, const std::string& path, int64_t begin, int64_t end,
                               int64_t first_line, size_t per_batch, Fn fn) {
    RangeStatus st;
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
      st.open_errno = errno;
      return st;
    }
    if (begin > 0 && std::fseek(file, begin, SEEK_SET) != 0) {
      st.read_failed = true;
      std::fclose(file);
      return st;
    }
    dyad::ingest::LineReader reader(file, source.max_line_bytes);
    dyad::ingest::RawLine line;
    bool more = true;
    while (more) {
      std::vector<Slot> slots;
      while (slots.size() < per_batch && (more = reader.Next(&line))) {
        if (end >= 0 && begin + line.offset >= end) {
          more = false;
          break;
        }
        if (!line.truncated && dyad::Trim(line.text).empty()) continue;  // as the reader does
        Slot s;
        s.line = std::move(line.text);
        s.number = first_line + line.number - 1;
        s.offset = begin + line.offset;
        s.truncated = line.truncated;
        s.length = line.length;
        slots.push_back(std::move(s));
      }
      fn(&slots);
    }
    st.read_failed = reader.failed();
    std::fclose(file);
    return st;
  }

  LineSource FileSource(const std::string& path) const {
    LineSource source = source_;
    source.file = path;
    source.stem = FileStem(path);
    return source;
  }

  // As the reader names generated ids: "dir/x.news.jsonl" -> "x.news".
  static std::string FileStem(const std::string& path) {
    size_t slash = path.find_last_of('/');
    std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    size_t dot = base.find_last_of('.');
    if (dot != std::string::npos && dot > 0) base = base.substr(0, dot);
    return base;
  }

  static void AddToSummary(const Slot& s, dyad::pipeline::Summary* summary) {
    summary->articles += s.counts.articles;
    summary->sentences += s.counts.sentences;
    summary->events += s.counts.events;
    for (const auto& [root, n] : s.counts.by_root) summary->by_root[root] += n;
    for (const auto& [dyad, n] : s.counts.dyads) summary->dyads[dyad] += n;
  }

  LineSource source_;
  std::shared_ptr<const dyad::Coder> coder_;
};

}  // namespace

PYBIND11_MODULE(_dyad, m) {
  m.doc() = "dyad's C++ coder (use the dyad package, not this module)";
  m.attr("__version__") = dyad::Version();
  m.attr("_build_dir") = DYAD_PY_BUILD_DIR;
  py::class_<PyDuplicateIndex>(m, "DuplicateIndex")
      .def(py::init<>())
      .def("check", &PyDuplicateIndex::Check, py::arg("id"), py::arg("simhash"), py::arg("words"),
           py::call_guard<py::gil_scoped_release>());
  m.def("with_duplicate_of", &WithDuplicateOf, py::arg("records"), py::arg("duplicate_of"),
        "The event records of one article (bytes) with duplicate_of set, as dyad code writes them.");
  py::class_<PyCoder>(m, "Coder")
      .def(py::init<const std::string&, const std::string&, bool, bool, const std::vector<std::string>&, bool,
                    size_t, uint32_t>(),
           py::arg("data_dir") = "", py::arg("gazetteer") = "", py::arg("include_modal") = false,
           py::arg("topic_gate") = true, py::arg("actors") = std::vector<std::string>{},
           py::arg("only_actors") = false, py::arg("max_article_bytes") = size_t{1} << 20,
           py::arg("max_sentence_tokens") = 200)
      .def("code_lines", &PyCoder::CodeLines, py::arg("lines"), py::arg("file"), py::arg("stem"),
           py::arg("first_line"), py::arg("threads"), py::arg("index") = nullptr)
      .def("code_range", &PyCoder::CodeRange, py::arg("path"), py::arg("begin") = 0, py::arg("end") = -1,
           py::arg("first_line") = 1, py::arg("threads") = 1, py::arg("batch") = 64, py::arg("fingerprints") = false)
      .def("code_file", &PyCoder::CodeFile, py::arg("path"), py::arg("input_format") = "",
           py::arg("date") = "", py::arg("threads") = 1)
      .def_property_readonly("warnings", &PyCoder::warnings)
      .def_property_readonly("lexicon_version", &PyCoder::lexicon_version);
}
