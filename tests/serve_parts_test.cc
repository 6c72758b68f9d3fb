// The server's parts on their own: the gate's arrival order.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "serve/fifo_gate.h"

namespace dyad::serve {
namespace {

TEST(FifoGateTest, AdmitsInArrivalOrder) {
  FifoGate gate(1);
  std::vector<int> order;
  std::mutex order_mu;
  std::vector<std::thread> threads;
  {
    FifoGate::Pass held(gate);
    for (int i = 0; i < 8; ++i) {
      threads.emplace_back([&, i] {
        FifoGate::Pass pass(gate);
        std::lock_guard<std::mutex> lock(order_mu);
        order.push_back(i);
      });
      while (gate.waiting() != static_cast<size_t>(i + 1)) std::this_thread::yield();  // i is queued
    }
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(gate.waiting(), 0u);
}

TEST(FifoGateTest, NeverMoreThanSlotsInside) {
  FifoGate gate(3);
  std::atomic<int> inside{0}, most{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 200; ++k) {
        FifoGate::Pass pass(gate);
        int now = ++inside;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        --inside;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_LE(most.load(), 3);
}

}  // namespace
}  // namespace dyad::serve
