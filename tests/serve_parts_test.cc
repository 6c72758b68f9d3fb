// The server's parts on their own: row sets against a naive set union, the answer cache's
// eviction order, and the gate's arrival order.
#include <gtest/gtest.h>

#include <atomic>
#include <random>
#include <set>
#include <thread>

#include "serve/answer_cache.h"
#include "serve/fifo_gate.h"
#include "serve/row_sets.h"

namespace dyad::serve {
namespace {

TEST(RowSetsTest, UnionOfPrefixRunsEqualsNaiveScan) {
  std::mt19937 rng(3);
  for (int round = 0; round < 200; ++round) {
    uint32_t rows = 1 + rng() % 500, ids = 1 + rng() % 40;
    std::vector<uint32_t> a(rows), b(rows);
    for (uint32_t i = 0; i < rows; ++i) {
      a[i] = rng() % ids;
      b[i] = rng() % ids;
    }
    Postings pa = Postings::Build(ids, rows, [&](uint32_t pos) { return a[pos]; });
    Postings pb = Postings::Build(ids, rows, [&](uint32_t pos) { return b[pos]; });
    uint32_t lo = rng() % ids, hi = lo + rng() % (ids - lo + 1);
    uint32_t begin = rng() % rows, end = begin + rng() % (rows - begin + 1);
    RowRuns runs;
    pa.Collect(lo, hi, begin, end, &runs);
    pb.Collect(lo, hi, begin, end, &runs);
    std::vector<uint32_t> want, got;
    for (uint32_t pos = begin; pos < end; ++pos) {
      if ((a[pos] >= lo && a[pos] < hi) || (b[pos] >= lo && b[pos] < hi)) want.push_back(pos);
    }
    ForEachInUnion(runs, begin, end, [&](uint32_t pos) {
      got.push_back(pos);
      return true;
    });
    ASSERT_EQ(got, want) << "round " << round;
    // Stopping early stops.
    got.clear();
    ForEachInUnion(runs, begin, end, [&](uint32_t pos) {
      got.push_back(pos);
      return got.size() < 3;
    });
    EXPECT_EQ(got.size(), std::min<size_t>(3, want.size()));
  }
}

TEST(AnswerCacheTest, DropsLeastRecentlyUsedAndOtherSnapshots) {
  std::shared_ptr<const void> one = std::make_shared<int>(1), two = std::make_shared<int>(2);
  AnswerCache cache(30, 12);  // bytes count bodies and targets
  cache.Keep(one, "/a", "aaaaaaa");  // 9 bytes
  cache.Keep(one, "/b", "bbbbbbb");  // 18
  cache.Keep(one, "/c", "ccccccc");  // 27
  ASSERT_NE(cache.Find(one, "/a"), nullptr);  // /a is now the most recent: /b goes first
  cache.Keep(one, "/d", "ddddddd");
  EXPECT_EQ(cache.Find(one, "/b"), nullptr);
  EXPECT_EQ(*cache.Find(one, "/a"), "aaaaaaa");
  EXPECT_NE(cache.Find(one, "/c"), nullptr);
  EXPECT_NE(cache.Find(one, "/d"), nullptr);
  EXPECT_EQ(cache.bytes(), 27u);
  cache.Keep(one, "/e", "a body longer than twelve");  // not kept
  EXPECT_EQ(cache.Find(one, "/e"), nullptr);
  EXPECT_EQ(cache.Find(two, "/a"), nullptr);  // another snapshot sees nothing
  cache.Keep(two, "/x", "x");
  EXPECT_EQ(cache.Find(one, "/a"), nullptr);  // and replaces the old one's answers
  EXPECT_EQ(cache.bytes(), 3u);
}

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
