// FindExecutor's gathering of the rows of a FIND without aggregates (see
// find_executor.h): on the calling thread, or, when the first step passes
// on at least kParallelRows rows, on the pool's threads too. Then the
// calling thread reads the first step and hands its rows out in blocks of
// kBlockRows as it goes; every thread (the caller too, once it has read
// them all) takes the next block left and finds its solutions; the caller
// joins the blocks' rows in block order as they are done.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "common/status_macros.h"
#include "query/find_executor.h"
#include "query/worker_pool.h"

namespace annals::query {

// A block of the first step's rows, and the solutions found from them.
struct FindExecutor::Block {
  std::vector<engine::ClaimRecord> firsts;
  Part part;
  std::atomic<bool> done{false};  // `part` is complete
};

absl::Status FindExecutor::GatherRows() {
  const Chain& chain = plan_.chains[0];
  const int threads =
      options_.threads > 0
          ? std::min(options_.threads, kMaxAskedThreads)
          : static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u,
                                        kMaxThreads));
  const bool split = threads > 1 && chain.steps.size() >= 2 &&
                     chain.steps[0].optional_start < 0;
  if (!split) {
    Part all = GatherPart(nullptr, 0, 0);
    return Keep(&all, nullptr);
  }
  std::vector<engine::ClaimRecord> firsts;
  walks_[0].started = false;
  absl::StatusOr<bool> more = CollectFirstRows(kParallelRows, &firsts);
  if (more.ok() && *more) return GatherOnThreads(threads, std::move(firsts));
  // A walk on one thread meets the rows read before an error first.
  walks_[0].levels[0].passed.clear();  // its rows are passed on again
  Part all = GatherPart(&firsts, 0, firsts.size());
  ANNALS_RETURN_IF_ERROR(Keep(&all, nullptr));
  return more.status();
}

absl::StatusOr<bool> FindExecutor::CollectFirstRows(
    size_t limit, std::vector<engine::ClaimRecord>* rows) {
  collect_ = rows;
  absl::Status status;
  bool more = true;
  while (more && rows->size() < limit) {
    more = NextSolution(&walks_[0], &status);
  }
  collect_ = nullptr;
  ANNALS_RETURN_IF_ERROR(status);
  return more;
}

absl::Status FindExecutor::GatherOnThreads(
    int threads, std::vector<engine::ClaimRecord> firsts) {
  std::mutex mu;  // guards the four below
  std::condition_variable ready;
  // Appended by the calling thread only (under mu), read by it without.
  std::vector<std::unique_ptr<Block>> blocks;
  size_t taken = 0;       // blocks a thread has taken
  bool all_read = false;  // the first step is read, its rows in blocks
  size_t first_rows = 0;
  // A block failed or the rows passed max_rows: no more blocks are taken
  // (nor rows read); written under mu, read without it too.
  std::atomic<bool> failed{false};
  auto fail = [&] {
    std::lock_guard<std::mutex> lock(mu);
    failed = true;
    ready.notify_all();
  };
  // Hands out `firsts` in whole blocks; with `last`, the rest as well.
  auto hand_out = [&](bool last) {
    std::lock_guard<std::mutex> lock(mu);
    size_t begin = 0;
    while (firsts.size() - begin >= kBlockRows ||
           (last && begin < firsts.size())) {
      const size_t end = std::min(firsts.size(), begin + kBlockRows);
      auto block = std::make_unique<Block>();
      block->firsts.assign(firsts.begin() + begin, firsts.begin() + end);
      blocks.push_back(std::move(block));
      first_rows += end - begin;
      begin = end;
    }
    firsts.erase(firsts.begin(), firsts.begin() + begin);
    all_read |= last;
    ready.notify_all();
  };
  // The next block to find the solutions of, or null when none is left.
  auto take = [&]() -> Block* {
    std::unique_lock<std::mutex> lock(mu);
    ready.wait(lock,
               [&] { return taken < blocks.size() || all_read || failed; });
    if (failed || taken == blocks.size()) return nullptr;
    return blocks[taken++].get();
  };
  auto solve = [&](FindExecutor* executor, Block* block) {
    block->part = executor->GatherPart(&block->firsts, 0, block->firsts.size());
    if (!block->part.status.ok()) fail();
    block->done.store(true, std::memory_order_release);
  };
  // The calling thread joins the blocks done, in order.
  absl::flat_hash_set<std::string> seen;
  size_t joined = 0;
  absl::Status join_status, read_status;
  auto join_done = [&] {
    while (join_status.ok() && joined < blocks.size() &&
           blocks[joined]->done.load(std::memory_order_acquire)) {
      join_status = Keep(&blocks[joined]->part, &seen);
      blocks[joined]->part = Part();
      ++joined;
    }
    if (!join_status.ok()) fail();
  };

  std::mutex copies_mu;  // guards `copies`
  std::vector<std::unique_ptr<FindExecutor>> copies;
  const std::thread::id caller = std::this_thread::get_id();
  // Copied before this thread ticks it again (a copy shares the
  // cancellation and the deadline).
  const engine::Interrupt interrupt = interrupt_;
  WorkerPool::Shared().Run(threads - 1, [&] {
    if (std::this_thread::get_id() == caller) {
      hand_out(false);
      // Joining as it reads keeps max_rows a bound on what is held. A read
      // error stops the reading only: the rows read before it are solved
      // first, as on one thread.
      while (!failed) {
        absl::StatusOr<bool> more = CollectFirstRows(kBlockRows, &firsts);
        read_status = more.status();
        if (!more.ok() || !*more) break;
        hand_out(false);
        join_done();
      }
      walks_[0].levels[0].passed.clear();  // its rows are passed on again
      hand_out(true);
      while (Block* block = take()) {
        solve(this, block);
        join_done();
      }
      return;
    }
    Block* block = take();
    if (block == nullptr) return;
    std::unique_ptr<FindExecutor> copy(new FindExecutor(*this, interrupt));
    for (; block != nullptr; block = take()) solve(copy.get(), block);
    std::lock_guard<std::mutex> lock(copies_mu);
    copies.push_back(std::move(copy));
  });
  join_done();  // every block taken is done now
  gathering_ = {threads, blocks.size(), first_rows};
  for (const auto& copy : copies) {
    for (size_t c = 0; c < actual_.size(); ++c) {
      for (size_t d = 0; d < actual_[c].size(); ++d) {
        actual_[c][d] += copy->actual_[c][d];
      }
    }
  }
  // The first error in walk order: a block's (every block before it is
  // done, taken before it) or max_rows, then the reading's.
  ANNALS_RETURN_IF_ERROR(join_status);
  for (const auto& block : blocks) {
    if (block->done) ANNALS_RETURN_IF_ERROR(block->part.status);
  }
  return read_status;
}

absl::Status FindExecutor::Keep(Part* part,
                                absl::flat_hash_set<std::string>* seen) {
  ANNALS_RETURN_IF_ERROR(part->status);
  for (auto& [key, row] : part->rows) {
    // A row DISTINCT drops here is one an earlier part gave.
    if (seen != nullptr && find_.distinct &&
        !seen->insert(std::move(key)).second) {
      continue;
    }
    if (static_cast<int64_t>(rows_.size()) >= options_.max_rows) {
      return TooManyRows();
    }
    rows_.push_back(std::move(row));
  }
  return absl::OkStatus();
}

}  // namespace annals::query
