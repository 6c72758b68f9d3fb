// Writes coded Documents into an EventStore on a background thread, in batched transactions, so
// that coding (the caller's thread) and SQLite writing overlap: `dyad ingest` then runs at the
// speed of `dyad code`.
//
//   IngestWriter w(store.get(), ctx, {.batch_articles = 256});
//   for (...) { coder.Code(&doc); if (!w.Push(std::move(doc), ContentHash(doc.article))) break; }
//   Status st = w.Finish();   // commits the last batch
//
// A batch is one transaction: a killed process loses at most the open batch, and a re-run
// (idempotent by article id + content hash) redoes exactly that batch.
#ifndef DYAD_STORE_INGEST_WRITER_H_
#define DYAD_STORE_INGEST_WRITER_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "dyad/document.h"
#include "dyad/status.h"
#include "store/sqlite_store.h"

namespace dyad::store {

struct IngestWriterOptions {
  size_t batch_articles = 256;  // articles per transaction
  double max_batch_seconds = 2;  // a slow input (a pipe) still commits this often
  size_t queue_articles = 64;    // coded documents waiting; Push blocks beyond this
};

struct IngestCounts {
  int64_t added = 0, unchanged = 0, replaced = 0, mentions = 0, batches = 0;
  double writer_cpu_seconds = 0;  // CPU time of the writer thread (SQLite work)
};

class IngestWriter {
 public:
  // `store` must outlive the writer and is used only by the writer thread until Finish returns.
  IngestWriter(EventStore* store, IngestContext ctx, IngestWriterOptions options);
  ~IngestWriter();
  IngestWriter(const IngestWriter&) = delete;
  IngestWriter& operator=(const IngestWriter&) = delete;

  // Queues one coded document. False when the writer has failed (see Finish for the reason).
  bool Push(Document doc, std::string content_hash);
  // Commits the open batch, stops the thread and returns the first error. Idempotent.
  Status Finish();
  // Valid after Finish.
  const IngestCounts& counts() const { return counts_; }

 private:
  struct Item {
    Document doc;
    std::string hash;
  };
  void Run();
  Status Write(Item& item, bool* in_transaction, size_t* in_batch);

  EventStore* store_;
  IngestContext ctx_;
  IngestWriterOptions options_;
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Item> queue_;
  bool done_ = false;     // guarded by mu_: no more pushes
  Status error_;          // guarded by mu_
  bool finished_ = false;
  IngestCounts counts_;   // writer thread only until joined
  std::thread thread_;
};

}  // namespace dyad::store

#endif  // DYAD_STORE_INGEST_WRITER_H_
