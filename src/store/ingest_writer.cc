#include "store/ingest_writer.h"

#include <time.h>

#include <chrono>

namespace dyad::store {

IngestWriter::IngestWriter(EventStore* store, IngestContext ctx, IngestWriterOptions options)
    : store_(store), ctx_(std::move(ctx)), options_(options) {
  if (options_.batch_articles == 0) options_.batch_articles = 1;
  if (options_.queue_articles == 0) options_.queue_articles = 1;
  thread_ = std::thread([this] { Run(); });
}

IngestWriter::~IngestWriter() { Finish(); }

bool IngestWriter::Push(Document doc, std::string content_hash) {
  std::unique_lock lock(mu_);
  not_full_.wait(lock, [this] { return queue_.size() < options_.queue_articles || !error_.ok(); });
  if (!error_.ok() || done_) return false;
  queue_.push_back(Item{std::move(doc), std::move(content_hash)});
  not_empty_.notify_one();
  return true;
}

Status IngestWriter::Finish() {
  if (!finished_) {
    {
      std::lock_guard lock(mu_);
      done_ = true;
    }
    not_empty_.notify_one();
    thread_.join();
    finished_ = true;
  }
  std::lock_guard lock(mu_);
  return error_;
}

void IngestWriter::Run() {
  using Clock = std::chrono::steady_clock;
  const auto max_age = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(options_.max_batch_seconds));
  bool in_transaction = false;
  size_t in_batch = 0;
  Clock::time_point batch_start;
  Status st;
  for (;;) {
    std::unique_lock lock(mu_);
    bool have = not_empty_.wait_for(lock, max_age, [this] { return !queue_.empty() || done_; });
    if (!have || queue_.empty()) {
      bool finishing = done_;
      lock.unlock();
      // Idle (slow input) or finished: make what is written so far durable.
      if (in_transaction && (finishing || Clock::now() - batch_start >= max_age)) {
        st = store_->Commit();
        in_transaction = false;
        in_batch = 0;
        ++counts_.batches;
        if (!st.ok()) break;
      }
      lock.lock();
      if (done_ && queue_.empty()) break;
      continue;
    }
    Item item = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    lock.unlock();
    if (!in_transaction) batch_start = Clock::now();
    st = Write(item, &in_transaction, &in_batch);
    if (!st.ok()) break;
    if (in_batch >= options_.batch_articles || Clock::now() - batch_start >= max_age) {
      st = store_->Commit();
      in_transaction = false;
      in_batch = 0;
      ++counts_.batches;
      if (!st.ok()) break;
    }
  }
  timespec cpu{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
  counts_.writer_cpu_seconds = static_cast<double>(cpu.tv_sec) + cpu.tv_nsec / 1e9;
  if (!st.ok()) {
    if (in_transaction) store_->Rollback();
    std::lock_guard lock(mu_);
    error_ = st;
    queue_.clear();
    not_full_.notify_all();
  }
}

Status IngestWriter::Write(Item& item, bool* in_transaction, size_t* in_batch) {
  if (!*in_transaction) {
    DYAD_RETURN_IF_ERROR(store_->Begin());
    *in_transaction = true;
  }
  auto outcome = store_->Add(item.doc, item.hash, ctx_);
  if (!outcome.ok()) return outcome.status();
  ++*in_batch;
  switch (*outcome) {
    case AddOutcome::kAdded: ++counts_.added; break;
    case AddOutcome::kUnchanged: ++counts_.unchanged; return Status::Ok();
    case AddOutcome::kReplaced: ++counts_.replaced; break;
  }
  counts_.mentions += static_cast<int64_t>(item.doc.events.size());
  return Status::Ok();
}

}  // namespace dyad::store
