// The server's memory of recent API answers, by request target ("/api/top?by=dyad"), for one
// snapshot of the store (any object: the server's EventIndex): up to `max_bytes` of answers, the
// least recently used dropped first; an answer for another snapshot empties it. The snapshot is
// watched, not held (a weak pointer: an old snapshot is freed as soon as the server drops it, and
// its control block, kept alive by the watch, stops a later one at the same address from being
// mistaken for it).
//
//   AnswerCache cache(64 << 20, 1 << 20);
//   if (auto hit = cache.Find(snapshot, target)) return *hit;
//   cache.Keep(snapshot, target, body);
//
// Thread-safe (one mutex; a lookup is a hash and a list splice).
#ifndef DYAD_SERVE_ANSWER_CACHE_H_
#define DYAD_SERVE_ANSWER_CACHE_H_

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dyad::serve {

class AnswerCache {
 public:
  // Answers longer than `max_entry_bytes` are not kept.
  AnswerCache(size_t max_bytes, size_t max_entry_bytes) : max_bytes_(max_bytes), max_entry_bytes_(max_entry_bytes) {}

  // The answer kept for `target` under `snapshot`, or null.
  std::shared_ptr<const std::string> Find(const std::shared_ptr<const void>& snapshot, const std::string& target);
  void Keep(const std::shared_ptr<const void>& snapshot, const std::string& target, std::string body);

  size_t bytes() const {
    std::lock_guard<std::mutex> lock(mu_);
    return bytes_;
  }

 private:
  struct Entry {
    std::string target;
    std::shared_ptr<const std::string> body;
  };
  void Clear();  // needs mu_

  const size_t max_bytes_, max_entry_bytes_;
  mutable std::mutex mu_;
  std::weak_ptr<const void> snapshot_;                               // guarded by mu_
  bool Current(const std::shared_ptr<const void>& snapshot) const {  // needs mu_
    return !snapshot_.owner_before(snapshot) && !snapshot.owner_before(snapshot_);
  }
  std::list<Entry> lru_;                        // guarded by mu_; most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_target_;  // guarded by mu_
  size_t bytes_ = 0;  // guarded by mu_: bodies and targets
};

}  // namespace dyad::serve

#endif  // DYAD_SERVE_ANSWER_CACHE_H_
