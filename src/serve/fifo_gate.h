// A counting gate that admits at most `slots` holders at a time, in arrival order. The server
// keeps one thread per keep-alive connection (cpp-httplib), so under load 64 threads may want to
// compute an answer at once; the operating system would then share 2 cores among all of them and
// stretch every long answer by the number of its neighbours (the p99 grows with the longest
// answers). Behind the gate answers are computed about as many at a time as there are cores,
// first come first served, so a request waits its turn and then runs at full speed.
//
//   FifoGate gate(std::thread::hardware_concurrency());
//   { FifoGate::Pass pass(gate); /* compute */ }
//
// Thread-safe. A waiter sleeps on its own condition variable, so a release wakes one thread.
#ifndef DYAD_SERVE_FIFO_GATE_H_
#define DYAD_SERVE_FIFO_GATE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace dyad::serve {

class FifoGate {
 public:
  explicit FifoGate(size_t slots) : slots_(slots > 0 ? slots : 1) {}
  FifoGate(const FifoGate&) = delete;
  FifoGate& operator=(const FifoGate&) = delete;

  // Holds a slot for its lifetime.
  class Pass {
   public:
    explicit Pass(FifoGate& gate) : gate_(gate) { gate_.Enter(); }
    ~Pass() { gate_.Leave(); }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    FifoGate& gate_;
  };

  void Enter() {
    std::unique_lock<std::mutex> lock(mu_);
    if (inside_ < slots_ && waiting_.empty()) {
      ++inside_;
      return;
    }
    Waiter me;
    waiting_.push_back(&me);
    me.cv.wait(lock, [&me] { return me.admitted; });
  }

  // Hands the slot to the longest waiter, if any.
  void Leave() {
    std::lock_guard<std::mutex> lock(mu_);
    if (waiting_.empty()) {
      --inside_;
      return;
    }
    Waiter* next = waiting_.front();
    waiting_.pop_front();
    next->admitted = true;
    next->cv.notify_one();  // under the lock: `next` lives until it sees `admitted`
  }

  size_t slots() const { return slots_; }
  size_t waiting() const {
    std::lock_guard<std::mutex> lock(mu_);
    return waiting_.size();
  }

 private:
  struct Waiter {
    std::condition_variable cv;
    bool admitted = false;  // guarded by mu_
  };
  const size_t slots_;
  mutable std::mutex mu_;
  size_t inside_ = 0;             // guarded by mu_
  std::deque<Waiter*> waiting_;   // guarded by mu_; oldest first
};

}  // namespace dyad::serve

#endif  // DYAD_SERVE_FIFO_GATE_H_
