// Threads kept for the parallel parts of queries (FindExecutor's gathering).
// They start when first needed and stay for the life of the process, so a
// query pays no thread start and finds their per-thread caches (the
// dictionary's terms, malloc's arenas) warm. A child made by fork() gets a
// pool of its own.
//
// Run never waits for a busy pool: work that no pool thread has taken up
// when the caller's own share is done is withdrawn, and the caller's loop
// (which takes its units of work from a shared counter) has done it. So a
// query gathering inside a pool thread, or many queries at once, cannot
// deadlock; they only share fewer threads.
#ifndef ANNALS_QUERY_WORKER_POOL_H_
#define ANNALS_QUERY_WORKER_POOL_H_

#include <sys/types.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

namespace annals::query {

class WorkerPool {
 public:
  // The process's pool.
  static WorkerPool& Shared();

  // Calls `work` on the calling thread and on up to `helpers` pool threads
  // at once, and returns when every call that started has returned. `work`
  // must share its units out itself (each call takes units until none is
  // left), since the pool may run it fewer times than asked.
  void Run(int helpers, const std::function<void()>& work);

 private:
  struct Task;
  WorkerPool() = default;
  void Serve();

  std::mutex mu_;  // guards the three below
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Task>> queue_;
  int threads_ = 0;
};

}  // namespace annals::query

#endif  // ANNALS_QUERY_WORKER_POOL_H_
