#include "pipeline/code_run.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "ingest/dedup.h"

namespace dyad::pipeline {
namespace {

// One input item and, after coding, what it writes.
struct Slot {
  std::vector<InputError> read_errors;
  bool has_article = false;
  Document doc;
  Status status;
  std::string output;
};

class Progress {
 public:
  explicit Progress(bool on) : on_(on), start_(std::chrono::steady_clock::now()) {}
  // `done_bytes` of `total_bytes` of input read (-1 when unknown) gives the ETA.
  void Update(const Summary& s, bool final, int64_t done_bytes = -1, int64_t total_bytes = -1) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    if (secs <= 0) secs = 1e-9;
    char eta[48] = "";
    if (!final && done_bytes > 0 && total_bytes > done_bytes) {
      std::snprintf(eta, sizeof eta, " | ETA %.0f s", secs * (total_bytes - done_bytes) / done_bytes);
    }
    std::fprintf(stderr, "\r%lld articles, %lld sentences, %lld events | %.0f articles/s, %.0f sentences/s%s%s",
                 static_cast<long long>(s.articles), static_cast<long long>(s.sentences),
                 static_cast<long long>(s.events), s.articles / secs, s.sentences / secs, eta,
                 final ? "\n" : "   ");
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point start_, last_;
};

void CodeBatch(const Coder& coder, bool tsv, int threads, std::vector<Slot>* batch) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < batch->size(); i = next++) {
      Slot& s = (*batch)[i];
      if (!s.has_article) continue;
      s.status = coder.Code(&s.doc);
      if (!s.status.ok()) continue;
      if (tsv) coder.AppendTsv(s.doc, &s.output);
      else coder.AppendJsonl(s.doc, &s.output);
    }
  };
  std::vector<std::thread> pool;
  int extra = std::min<int>(threads, static_cast<int>(batch->size())) - 1;
  for (int t = 0; t < extra; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

}  // namespace

int CodeInputs(const Coder& coder, const std::vector<std::string>& inputs, const ReaderOptions& ropts,
               const CodeRunOptions& options, std::FILE* out, std::FILE* errors, Summary* summary) {
  Progress progress(options.progress);
  if (options.tsv) {
    std::string header = Coder::TsvHeader();
    std::fwrite(header.data(), 1, header.size(), out);
  }
  int threads = std::max(1, options.threads);
  // Input size for the ETA: known when every input is a regular file.
  int64_t total_bytes = 0, done_before = 0;
  for (const std::string& path : inputs) {
    std::error_code ec;
    if (path == "-" || !std::filesystem::is_regular_file(path, ec)) { total_bytes = -1; break; }
    total_bytes += static_cast<int64_t>(std::filesystem::file_size(path, ec));
  }
  ingest::DuplicateIndex duplicates;  // near-copies of earlier articles are marked, in input order
  for (const std::string& path : inputs) {
    auto reader = ArticleReader::Open(path, ropts);
    if (!reader.ok()) {
      std::fprintf(stderr, "dyad: %s\n", reader.status().ToString().c_str());
      return 1;
    }
    bool more = true;
    while (more) {
      std::vector<Slot> batch;
      ReadItem item;
      while (batch.size() < options.batch && (more = (*reader)->Next(&item))) {
        Slot s;
        s.read_errors = std::move(item.errors);
        if (item.article) {
          s.has_article = true;
          s.doc.article = std::move(*item.article);
          duplicates.Mark(&s.doc.article);
        }
        batch.push_back(std::move(s));
      }
      CodeBatch(coder, options.tsv, threads, &batch);
      for (Slot& s : batch) {
        bool stop = false;
        for (const InputError& e : s.read_errors) {
          std::fprintf(errors, "%s\n", FormatInputError(e).c_str());
          ++summary->errors;
          stop = stop || (options.strict && !e.warning);
        }
        if (s.has_article && !s.status.ok()) {
          InputError e{(*reader)->display_name(), 0, -1, s.status.message(), s.doc.article.id, false};
          std::fprintf(errors, "%s\n", FormatInputError(e).c_str());
          ++summary->errors;
          stop = stop || options.strict;
        } else if (s.has_article) {
          summary->Add(s.doc);
          std::fwrite(s.output.data(), 1, s.output.size(), out);
        }
        if (stop) {
          progress.Update(*summary, true);
          return 2;
        }
      }
      int64_t pos = (*reader)->position();
      progress.Update(*summary, false, pos < 0 || total_bytes < 0 ? -1 : done_before + pos, total_bytes);
    }
    std::error_code ec;
    if (total_bytes >= 0) done_before += static_cast<int64_t>(std::filesystem::file_size(path, ec));
    if (!(*reader)->status().ok()) {
      std::fprintf(stderr, "dyad: %s\n", (*reader)->status().ToString().c_str());
      return 1;
    }
  }
  progress.Update(*summary, true);
  return 0;
}

}  // namespace dyad::pipeline
