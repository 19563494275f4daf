// query/worker_pool.h: Run shares units of work between the caller and the
// pool's threads and returns when all are done (also when the caller's
// call throws), never waits on a busy pool (a Run inside a pool thread, many
// Runs at once), and works in a child made by fork().
#include "query/worker_pool.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace annals::query {
namespace {

// Runs `units` units on the caller and up to `helpers` pool threads; each
// unit is done once. Returns how many threads did some.
int ShareOut(int helpers, int units, std::vector<int>* done) {
  std::atomic<int> next{0};
  std::mutex mu;
  std::set<std::thread::id> workers;
  done->assign(units, 0);
  WorkerPool::Shared().Run(helpers, [&] {
    for (int i = next++; i < units; i = next++) {
      ++(*done)[i];
      std::lock_guard<std::mutex> lock(mu);
      workers.insert(std::this_thread::get_id());
    }
  });
  return static_cast<int>(workers.size());
}

TEST(WorkerPoolTest, EveryUnitIsDoneOnceBeforeRunReturns) {
  for (int helpers : {0, 1, 3}) {
    std::vector<int> done;
    int threads = ShareOut(helpers, 5000, &done);
    EXPECT_EQ(done, std::vector<int>(5000, 1)) << helpers << " helpers";
    EXPECT_GE(threads, 1);
    EXPECT_LE(threads, helpers + 1);
  }
}

TEST(WorkerPoolTest, PoolThreadsJoinInWhenTheWorkTakesTime) {
  std::atomic<int> next{0};
  std::mutex mu;
  std::set<std::thread::id> workers;
  WorkerPool::Shared().Run(2, [&] {
    for (int i = next++; i < 60; i = next++) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      std::lock_guard<std::mutex> lock(mu);
      workers.insert(std::this_thread::get_id());
    }
  });
  EXPECT_GE(workers.size(), 2u);
}

TEST(WorkerPoolTest, RunInsidePoolThreadsAndManyRunsAtOnceFinish) {
  std::vector<std::thread> callers;
  std::atomic<int> total{0};
  for (int c = 0; c < 6; ++c) {
    callers.emplace_back([&] {
      std::atomic<int> next{0};
      WorkerPool::Shared().Run(3, [&] {
        for (int i = next++; i < 8; i = next++) {
          std::vector<int> done;  // a Run inside whichever thread this is
          ShareOut(3, 50, &done);
          for (int d : done) total += d;
        }
      });
    });
  }
  for (std::thread& t : callers) t.join();
  EXPECT_EQ(total.load(), 6 * 8 * 50);
}

TEST(WorkerPoolTest, RunWaitsForStartedCallsWhenTheCallersThrows) {
  const std::thread::id caller = std::this_thread::get_id();
  std::atomic<int> started{0}, finished{0};
  EXPECT_THROW(
      WorkerPool::Shared().Run(
          2,
          [&] {
            if (std::this_thread::get_id() != caller) {
              ++started;
              std::this_thread::sleep_for(std::chrono::milliseconds(30));
              ++finished;
              return;
            }
            for (int i = 0; i < 2000 && !started; ++i) {
              std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            throw std::runtime_error("stop");
          }),
      std::runtime_error);
  EXPECT_GE(started.load(), 1);
  EXPECT_EQ(finished.load(), started.load());  // none still running
}

TEST(WorkerPoolTest, AChildMadeByForkHasAPoolOfItsOwn) {
  std::vector<int> done;
  ShareOut(2, 100, &done);  // the parent's pool has threads now
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::vector<int> in_child;
    ShareOut(2, 1000, &in_child);
    _exit(in_child == std::vector<int>(1000, 1) ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace annals::query
