// Executes a planned FIND as a stream: nested index scans over one snapshot,
// one per plan step, each probed with the variables the steps before it
// bound (index nested-loop join, depth first), FILTERs where the planner put
// them, then projection. An OPTIONAL group whose first scan ends without a
// match makes one pass on past its steps with its variables unbound; a
// group's checks (its remaining FILTERs, no match of its NOT groups) run
// when the walk gets past its last step; a NOT group's check walks its own
// chain until the first match. Without ORDER BY, DISTINCT or aggregates the
// first row comes back as soon as it is found; with them the solutions are
// gathered first (within QueryOptions::max_rows). Without aggregates, that
// gathering runs on several threads (QueryOptions::threads) when the first
// step passes on enough rows: the calling thread reads the first step once
// and hands its rows out in blocks, in order, as it reads them; each thread
// finds a block's solutions with a copy of the executor; the blocks' rows
// are joined in block order as they are done, so the result is the one a
// single thread gives (find_gather.cc).
#ifndef ANNALS_QUERY_FIND_EXECUTOR_H_
#define ANNALS_QUERY_FIND_EXECUTOR_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "annals/result.h"
#include "engine/scan.h"
#include "engine/store.h"
#include "query/binder.h"
#include "query/limits.h"
#include "query/planner.h"
#include "query/query_result.h"

namespace annals::query {

class FindExecutor : public RowSource {
 public:
  // `text` is the statement, for errors that point into it.
  // `view`: the statement's snapshot and schema (StatementContext::view);
  // nullptr: a snapshot of its own and the current schema.
  FindExecutor(engine::Store* store, std::string_view text, BoundFind find,
               Plan plan, const QueryOptions& options,
               const engine::Store::ReadView* view = nullptr);

  bool Next(Row* row, absl::Status* status) override;
  // Streamed rows defer their terms; gathered ones (ORDER BY, DISTINCT,
  // aggregates) have their values already, to sort and group by.
  void DeferTerms() override { defer_terms_ = true; }
  absl::Status Term(uint64_t id, Value* out) override;
  // Rows each plan step passed on so far, by chain and step (for EXPLAIN
  // ANALYZE; a NOT group's over all its checks).
  const ActualRows& actual_rows() const { return actual_; }
  // How the rows were gathered on several threads (threads 1: they were
  // not), for EXPLAIN ANALYZE.
  struct Gathering {
    int threads = 1;  // asked for; fewer join in when the pool is busy
    size_t parts = 1;
    size_t first_rows = 0;  // the rows of the first step the parts shared
  };
  const Gathering& gathering() const { return gathering_; }

 private:
  struct Level {
    std::unique_ptr<engine::ClaimScan>
        scan;  // null: the pattern matches nothing (or `replay` is used)
    // The WHERE chain's first level in a part of a parallel gathering: the
    // rows [replay, replay_end) that step already passed on, read again.
    const engine::ClaimRecord* replay = nullptr;
    const engine::ClaimRecord* replay_end = nullptr;
    std::vector<int> newly_bound;
    int parent = -1;         // the level to go back to when this one is done
    bool null_pass = false;  // an OPTIONAL group's unmatched pass was made
    // With PlanStep::dedupe: the distinct_vars' ids passed on so far, over
    // the whole query (not reset when the level reopens).
    absl::flat_hash_set<std::string> passed;
  };
  // A depth-first walk over one chain's steps: the WHERE list's for the
  // whole query, a NOT group's anew for each existence check.
  struct Walk {
    int chain = 0;
    std::vector<Level> levels;  // by step
    int depth = -1;             // the level being scanned; -1: done
    bool started = false;
  };

  // Advances `walk` to its chain's next solution; false when there is none
  // left or on an error (in *status).
  bool NextSolution(Walk* walk, absl::Status* status);
  // Takes the next row of the scan at the walk's depth (or, when it ends,
  // makes an OPTIONAL group's unmatched pass or goes back); true when that
  // completes a solution.
  absl::StatusOr<bool> StepOnce(Walk* walk);
  // Goes on from level `from` to step `next`: completes the groups whose
  // steps end there (not `skipped`, an OPTIONAL group being passed over
  // unmatched, nor the groups inside it), then opens step `next`. True when
  // that completes a solution of the chain.
  absl::StatusOr<bool> Advance(Walk* walk, int next, int from, int skipped);
  // The checks of a group whose solution is complete: its filters, then no
  // match of its NOT groups.
  absl::StatusOr<bool> Complete(int group);
  // Whether NOT group `group` has a match under the current bindings.
  absl::StatusOr<bool> Exists(int group);
  void OpenLevel(Walk* walk, int step, int parent);
  void Unbind(Level* level);
  bool Match(const BoundPattern& p, const engine::ClaimRecord& row,
             std::vector<int>* newly_bound);
  absl::StatusOr<bool> Test(const BoundExpr& e);
  absl::StatusOr<bool> TestPeriod(const BoundExpr& e);
  absl::StatusOr<Cell> Evaluate(const Operand& op);
  // `defer_terms`: entity and string variables give only their id
  // (RowSource::DeferTerms).
  absl::Status EvaluateInto(const Operand& op, Cell* out,
                            bool defer_terms = false);
  absl::Status Project(Row* row, bool defer_terms = false);
  // Gathers every solution for ORDER BY, DISTINCT and aggregates.
  absl::Status Materialize();
  // Materialize without aggregates (find_gather.cc): each solution's row
  // (its cells, then the ORDER BY keys that are not columns), distinct when
  // asked, into rows_; on several threads when that pays (see the top of
  // the file).
  absl::Status GatherRows();
  // One part's rows: the solutions of the WHERE chain whose first level
  // passes on `firsts[begin, end)` (all of the chain's solutions when
  // null), each with its DISTINCT key (empty without DISTINCT), none that
  // an earlier part of this executor gave.
  struct Part {
    std::vector<std::pair<std::string, Row>> rows;
    absl::Status status;
  };
  Part GatherPart(const std::vector<engine::ClaimRecord>* firsts, size_t begin,
                  size_t end);
  // Appends the rows the WHERE chain's first step passes on (matched,
  // filtered, deduplicated) to `rows` until it holds `limit`: true when
  // that many were read (more may follow, at the next call), false at the
  // walk's end. A walk not started (walks_[0].started false) starts.
  absl::StatusOr<bool> CollectFirstRows(size_t limit,
                                        std::vector<engine::ClaimRecord>* rows);
  // GatherRows on `threads` threads, `firsts` the first rows read so far.
  struct Block;
  absl::Status GatherOnThreads(int threads,
                               std::vector<engine::ClaimRecord> firsts);
  // Appends a part's rows to rows_ (DISTINCT against `seen`, the keys of
  // earlier parts, when not null), or its error.
  absl::Status Keep(Part* part, absl::flat_hash_set<std::string>* seen);
  // A copy for one thread of a parallel gathering: the same statement,
  // snapshot and schema, `interrupt` (a copy of the parent's made before the
  // threads start), and state of its own.
  FindExecutor(const FindExecutor& parent, const engine::Interrupt& interrupt);
  // One unit of work (a row a scan passed on): the statement's interrupt.
  absl::Status CheckLimits();
  absl::Status TooManyRows() const;  // more than QueryOptions::max_rows
  // Sizes the per-variable, per-chain and per-group state.
  void Init();
  // ORDER BY on rows_ (its keys after the columns), then drops the keys.
  absl::Status SortRows();
  // A parallel gathering needs at least kParallelRows first-level rows; the
  // threads take them kBlockRows at a time; it uses at most kMaxThreads
  // threads when QueryOptions::threads is 0.
  static constexpr size_t kParallelRows = 64;
  static constexpr size_t kBlockRows = 16;
  static constexpr unsigned kMaxThreads = 8;
  static constexpr int kMaxAskedThreads = 64;  // QueryOptions::threads above

  // The ids of `vars` (0 for unbound) as one string, for DISTINCT.
  std::string IdsKey(const std::vector<int>& vars) const;

  engine::Store* store_;
  std::string text_;
  BoundFind find_;
  Plan plan_;
  QueryOptions options_;
  std::shared_ptr<const engine::Snapshot> snapshot_;
  // The store's schema when the query started: unit conversions in FILTER,
  // ORDER BY and aggregates (never null).
  std::shared_ptr<const schema::Schema> schema_;
  // Ticked by every scan's entries and every row: cancellation and the
  // time limit (limits.h).
  engine::Interrupt interrupt_;
  std::vector<Walk> walks_;  // by chain
  bool done_ = false;
  std::vector<uint64_t> ids_;  // by variable: its term id, when bound
  std::vector<bool> bound_;
  std::vector<engine::ClaimRecord> claims_;  // by claim variable
  ActualRows actual_;
  Gathering gathering_;
  std::vector<bool> group_matched_;  // by OPTIONAL group: since it opened
  // Materialized output, for ORDER BY, DISTINCT and aggregates.
  bool materialize_ = false;
  bool defer_terms_ = false;
  bool materialized_ = false;
  std::vector<Row> rows_;
  // GatherPart's DISTINCT keys, over all the parts this executor gathered.
  absl::flat_hash_set<std::string> gathered_keys_;
  // CollectFirstRows' output while it runs; GatherPart's rows to replay
  // (with replaying_, even none).
  std::vector<engine::ClaimRecord>* collect_ = nullptr;
  bool replaying_ = false;
  const engine::ClaimRecord* replay_ = nullptr;
  const engine::ClaimRecord* replay_end_ = nullptr;
  size_t next_row_ = 0;
  int64_t skipped_ = 0, emitted_ = 0;
};

}  // namespace annals::query

#endif  // ANNALS_QUERY_FIND_EXECUTOR_H_
