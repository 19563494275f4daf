// The query threads' pool; see worker_pool.h.
#include "query/worker_pool.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>

namespace annals::query {

// One Run: the calls of `work` that pool threads started and have not
// finished.
struct WorkerPool::Task {
  const std::function<void()>* work = nullptr;
  std::mutex mu;  // guards `running`
  std::condition_variable done;
  int running = 0;
};

WorkerPool& WorkerPool::Shared() {
  // Never destroyed: its threads wait for work until the process ends. A
  // pool made before a fork() has no threads in the child, which makes a
  // new one (the old one is left as it is).
  struct Owned {
    WorkerPool* pool;
    pid_t pid;
  };
  static std::atomic<Owned*> shared{nullptr};
  const pid_t me = getpid();
  Owned* current = shared.load(std::memory_order_acquire);
  while (current == nullptr || current->pid != me) {
    Owned* fresh = new Owned{new WorkerPool(), me};
    if (shared.compare_exchange_strong(current, fresh,
                                       std::memory_order_acq_rel)) {
      return *fresh->pool;
    }
    delete fresh->pool;  // another thread made one first
    delete fresh;
  }
  return *current->pool;
}

void WorkerPool::Run(int helpers, const std::function<void()>& work) {
  if (helpers <= 0) {
    work();
    return;
  }
  auto task = std::make_shared<Task>();
  task->work = &work;
  {
    std::lock_guard<std::mutex> lock(mu_);
    while (threads_ < helpers) {
      try {
        std::thread(&WorkerPool::Serve, this).detach();
      } catch (const std::system_error&) {
        break;  // no more threads: the caller does more itself
      }
      ++threads_;
    }
    for (int i = 0; i < helpers; ++i) queue_.push_back(task);
  }
  wake_.notify_all();
  // Withdraws what no thread took up (`work` has left nothing for it) and
  // waits for the calls that started, also when `work` throws: they use
  // what the caller's frame holds.
  struct Finish {
    WorkerPool* pool;
    const std::shared_ptr<Task>& task;
    ~Finish() {
      {
        std::lock_guard<std::mutex> lock(pool->mu_);
        pool->queue_.erase(
            std::remove(pool->queue_.begin(), pool->queue_.end(), task),
            pool->queue_.end());
      }
      std::unique_lock<std::mutex> lock(task->mu);
      task->done.wait(lock, [&] { return task->running == 0; });
    }
  } finish{this, task};
  work();
}

void WorkerPool::Serve() {
  while (true) {
    std::shared_ptr<Task> task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait(lock, [&] { return !queue_.empty(); });
      task = std::move(queue_.front());
      queue_.pop_front();
      // Counted before mu_ is let go: Run, withdrawing under mu_, then
      // waits for this call.
      std::lock_guard<std::mutex> running(task->mu);
      ++task->running;
    }
    (*task->work)();
    std::lock_guard<std::mutex> lock(task->mu);
    if (--task->running == 0) task->done.notify_all();
  }
}

}  // namespace annals::query
