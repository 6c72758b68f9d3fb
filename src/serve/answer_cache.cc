#include "serve/answer_cache.h"

namespace dyad::serve {

std::shared_ptr<const std::string> AnswerCache::Find(const std::shared_ptr<const void>& snapshot,
                                                     const std::string& target) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!Current(snapshot)) return nullptr;
  auto it = by_target_.find(target);
  if (it == by_target_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->body;
}

void AnswerCache::Keep(const std::shared_ptr<const void>& snapshot, const std::string& target,
                       std::string body) {
  size_t size = body.size() + target.size();
  if (body.size() > max_entry_bytes_ || size > max_bytes_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (!Current(snapshot)) {
    Clear();
    snapshot_ = snapshot;
  }
  if (by_target_.count(target) != 0) return;  // another thread answered it meanwhile
  while (bytes_ + size > max_bytes_) {
    const Entry& oldest = lru_.back();
    bytes_ -= oldest.body->size() + oldest.target.size();
    by_target_.erase(oldest.target);
    lru_.pop_back();
  }
  lru_.push_front(Entry{target, std::make_shared<const std::string>(std::move(body))});
  by_target_.emplace(target, lru_.begin());
  bytes_ += size;
}

void AnswerCache::Clear() {
  lru_.clear();
  by_target_.clear();
  bytes_ = 0;
}

}  // namespace dyad::serve
