// Cancellation through the public API (annals/cancel.h): a long statement of
// each kind (a join, a cross product counted, a PATH search of both kinds,
// DISPUTES, HISTORY streamed) and a large load, each cancelled from another
// thread while it runs, come back quickly with CancelledError; a cancelled
// load leaves the store exactly as it was; the Database works afterwards.
// Bounds are generous: these are correctness tests, not benchmarks
// (bench/cancel_bench.cc measures the latency).

#include "annals/cancel.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kNodes = 30000;      // per graph component
constexpr int kHubClaims = 40000;  // claims of one subject and predicate
constexpr auto kQuick = std::chrono::seconds(2);

// Two random graphs of kNodes nodes (a*, b*; no link between them) with
// three links out of each node, and a hub with kHubClaims values of one
// predicate, all from one source but the last, which disputes them all.
void WriteGraph(const std::string& path) {
  std::ofstream out(path);
  out << "subject\tpredicate\tobject\tsource\n";
  std::mt19937 rng(17);
  std::uniform_int_distribution<int> node(0, kNodes - 1);
  for (const char* side : {"a", "b"}) {
    for (int i = 0; i < kNodes; ++i) {
      for (int k = 0; k < 3; ++k) {
        out << side << i << "\tlink\t" << side << node(rng) << "\tgen\n";
      }
    }
  }
  for (int i = 0; i < kHubClaims; ++i) {
    out << "hub\tvalue\tv" << i << "\t"
        << (i + 1 == kHubClaims ? "other" : "gen") << "\n";
  }
}

// Writes `rows` rows of distinct claims for a load.
void WriteLoadFile(const std::string& path, int rows) {
  std::ofstream out(path);
  out << "subject\tpredicate\tobject\tvalid_from\tsource\n";
  for (int i = 0; i < rows; ++i) {
    out << "s" << i % 5000 << "\tp" << i % 7 << "\to" << i << "\t"
        << 1900 + i % 200 << "-01-01\tload-test\n";
  }
}

// Cancels `cancel` once `go` is set (at once if it never is), after `delay`;
// says when.
class Canceller {
 public:
  Canceller(Cancellation cancel, std::chrono::milliseconds delay,
            const std::atomic<bool>* go = nullptr)
      : thread_([this, cancel, delay, go] {
          while (go != nullptr && !go->load() && !stop_.load()) {
            std::this_thread::sleep_for(std::chrono::microseconds(200));
          }
          std::this_thread::sleep_for(delay);
          at_ = Clock::now();
          cancel.Cancel();
        }) {}
  ~Canceller() { Join(); }
  void Join() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  // How long after the cancel `end` is (call after Join()).
  Clock::duration Since(Clock::time_point end) const { return end - at_; }

 private:
  std::atomic<bool> stop_{false};
  Clock::time_point at_;
  std::thread thread_;
};

class CancelTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir("annals_cancel");
    auto db = Database::Open(dir_->Join("store"));
    ASSERT_TRUE(db.ok()) << db.status();
    const std::string graph = dir_->Join("graph.tsv");
    WriteGraph(graph);
    auto loaded = db->Load({graph});
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    db_ = new Database(*std::move(db));
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }

  // Runs `text` to its end with `options` (no row limit), cancelled after
  // `delay` from another thread (after the first row, when `after_first_row`);
  // expects CancelledError within kQuick of the cancel.
  static void ExpectCancelled(const std::string& text, QueryOptions options,
                              std::chrono::milliseconds delay,
                              bool after_first_row = false) {
    options.max_rows = int64_t{1} << 40;
    options.max_path_nodes = int64_t{1} << 40;
    options.timeout_ms = 0;
    std::atomic<bool> first_row{false};
    Canceller canceller(options.cancel, delay,
                        after_first_row ? &first_row : nullptr);
    absl::StatusOr<ResultSet> result = db_->Query(text, options);
    absl::Status status = result.status();
    int64_t rows = 0;
    if (result.ok()) {
      while (result->Next()) {
        ++rows;
        first_row = true;
      }
      status = result->status();
    }
    const Clock::time_point end = Clock::now();
    canceller.Join();
    EXPECT_TRUE(absl::IsCancelled(status)) << text << ": " << status;
    EXPECT_EQ(status.message(), "statement cancelled") << text;
    EXPECT_LT(canceller.Since(end), kQuick) << text;
    if (after_first_row) {
      EXPECT_GT(rows, 0) << text;
    }
  }

  static test::TempDir* dir_;
  static Database* db_;
};

test::TempDir* CancelTest::dir_ = nullptr;
Database* CancelTest::db_ = nullptr;

TEST_F(CancelTest, AJoinStreamingRows) {
  ExpectCancelled("FIND ?a ?b WHERE ?a link ?x, ?b link ?y", QueryOptions(),
                  std::chrono::milliseconds(50), /*after_first_row=*/true);
}

TEST_F(CancelTest, ACrossProductCounted) {
  // count(*) over 180,000^2 solutions: no row until the end.
  ExpectCancelled("FIND count(*) WHERE ?a ?p ?x, ?b ?q ?y", QueryOptions(),
                  std::chrono::milliseconds(50));
}

TEST_F(CancelTest, AnAggregateGroupedAndOrdered) {
  ExpectCancelled(
      "FIND ?a count(*) WHERE ?a link ?x, ?x link ?y, ?y link ?z GROUP BY ?a "
      "ORDER BY count(*) DESC",
      QueryOptions(), std::chrono::milliseconds(50));
}

TEST_F(CancelTest, APathSearchThatFindsNoPath) {
  // a* and b* are not linked: both sides grow through their whole graph.
  ExpectCancelled("PATH a0 TO b0 MAX 60", QueryOptions(),
                  std::chrono::milliseconds(20));
}

TEST_F(CancelTest, APathInOrderThatFindsNoPath) {
  ExpectCancelled("PATH a0 TO b0 MAX 60 IN ORDER", QueryOptions(),
                  std::chrono::milliseconds(20));
}

TEST_F(CancelTest, DisputesOfManyClaims) {
  // kHubClaims^2 / 2 pairs to compare.
  ExpectCancelled("DISPUTES hub", QueryOptions(),
                  std::chrono::milliseconds(50));
}

TEST_F(CancelTest, HistoryStreamingRows) {
  ExpectCancelled("HISTORY hub", QueryOptions(), std::chrono::milliseconds(2),
                  /*after_first_row=*/true);
}

// The number FIND count(*) WHERE `where` gives.
std::string Count(Database* db, const std::string& where) {
  auto result = db->Query("FIND count(*) WHERE " + where);
  if (!result.ok() || !result->Next()) return "error";
  return result->row()[0].ToString();
}

TEST_F(CancelTest, EveryKindOfStatementStopsAtOnceWhenAlreadyCancelled) {
  const std::string links = Count(db_, "?a link ?b");
  QueryOptions options;
  options.cancel.Cancel();
  for (const char* text :
       {"FIND ?x WHERE a0 link ?x", "HISTORY a0",
        "CHANGES a0 BETWEEN 2000 AND 2030", "DIFF AS OF 2000 AND 2030",
        "DISPUTES hub", "PATH a0 TO a1", "PATH a0 TO a1 IN ORDER",
        "EXPLAIN ANALYZE FIND ?x WHERE a0 link ?x", "ASSERT a0 link a1"}) {
    auto result = db_->Query(text, options);
    EXPECT_TRUE(absl::IsCancelled(result.status())) << text << result.status();
  }
  EXPECT_EQ(Count(db_, "?a link ?b"), links);  // nothing was asserted
}

TEST_F(CancelTest, ResetLetsTheNextStatementRun) {
  QueryOptions options;
  options.cancel.Cancel();
  EXPECT_TRUE(absl::IsCancelled(db_->Query("HISTORY a0", options).status()));
  options.cancel.Reset();
  auto result = db_->Query("FIND ?x WHERE a0 link ?x", options);
  ASSERT_TRUE(result.ok()) << result.status();
  std::vector<Row> rows;
  EXPECT_TRUE(result->ReadAll(&rows).ok());
  EXPECT_FALSE(rows.empty());
}

TEST_F(CancelTest, CopiesShareTheFlagAndOptionsCarryIt) {
  Cancellation a;
  Cancellation b = a;
  EXPECT_TRUE(a.SameAs(b));
  EXPECT_FALSE(a.SameAs(Cancellation()));
  b.Cancel();
  EXPECT_TRUE(a.cancelled());
  a.Reset();
  EXPECT_FALSE(b.cancelled());
  QueryOptions options;
  QueryOptions copy = options;
  EXPECT_TRUE(copy.cancel.SameAs(options.cancel));
  QueryOptions moved = std::move(copy);
  EXPECT_TRUE(moved.cancel.SameAs(options.cancel));
  EXPECT_FALSE(QueryOptions().cancel.SameAs(options.cancel));
}

TEST_F(CancelTest, TheDatabaseAnswersAfterCancelledStatements) {
  ExpectCancelled("FIND count(*) WHERE ?a ?p ?x, ?b ?q ?y", QueryOptions(),
                  std::chrono::milliseconds(10));
  auto result = db_->Query("FIND count(*) WHERE hub value ?v");
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_TRUE(result->Next());
  EXPECT_EQ(result->row()[0].ToString(), absl::StrCat(kHubClaims));
}

// A load cancelled at any moment: either it stopped (CancelledError, the
// store exactly as before, no temporary files) or the cancel came after its
// final step began and it completed; the store passes its check, and the
// same Database loads again.
class CancelLoadTest : public testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.Join("store"));
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::make_unique<Database>(*std::move(db));
    auto first = db_->Query("ASSERT before load_test 1");
    ASSERT_TRUE(first.ok()) << first.status();
    file_ = dir_.Join("big.tsv");
    WriteLoadFile(file_, kRows);
  }

  // Files and folders the store's directory holds, but RocksDB's log and
  // info files.
  std::vector<std::string> LoadTemporaries() const {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(db_->dir())) {
      std::string name = e.path().filename().string();
      if (name.rfind("load-tmp-", 0) == 0) out.push_back(name);
    }
    return out;
  }

  static constexpr int kRows = 250000;
  test::TempDir dir_{"annals_cancel_load"};
  std::unique_ptr<Database> db_;
  std::string file_;
};

TEST_F(CancelLoadTest, CancelledAtAnyMomentTheStoreIsUnchangedOrLoaded) {
  auto before = db_->Stats();
  ASSERT_TRUE(before.ok()) << before.status();
  // Reading this file takes about 0.6 s on two busy cores, writing its
  // index files 1 s: the delays fall in every step.
  int cancelled = 0;
  bool loaded = false;
  for (int delay_ms : {0, 20, 300, 700, 1100, 1500}) {
    LoadOptions options;
    Canceller canceller(options.cancel, std::chrono::milliseconds(delay_ms));
    absl::StatusOr<LoadResult> result = db_->Load({file_}, options);
    const Clock::time_point end = Clock::now();
    canceller.Join();
    EXPECT_TRUE(LoadTemporaries().empty()) << delay_ms;
    auto check = db_->Check();
    ASSERT_TRUE(check.ok()) << check.status();
    EXPECT_TRUE(check->problems.empty()) << delay_ms;
    if (result.ok()) {  // the cancel came too late: loaded
      loaded = true;
      EXPECT_EQ(result->claims_added, kRows);
      break;
    }
    ++cancelled;
    EXPECT_TRUE(absl::IsCancelled(result.status())) << result.status();
    EXPECT_EQ(result.status().message(),
              "load cancelled: nothing was loaded, the store is unchanged");
    EXPECT_LT(canceller.Since(end), kQuick) << delay_ms;
    std::cerr << "cancelled after " << delay_ms << " ms: returned "
              << std::chrono::duration<double, std::milli>(canceller.Since(end))
                     .count()
              << " ms after the cancel\n";
    auto after = db_->Stats();
    ASSERT_TRUE(after.ok()) << after.status();
    EXPECT_EQ(after->claims, before->claims) << delay_ms;
    EXPECT_EQ(after->terms, before->terms) << delay_ms;
    EXPECT_EQ(after->batches, before->batches) << delay_ms;
    EXPECT_EQ(after->claims_per_predicate, before->claims_per_predicate);
  }
  EXPECT_GE(cancelled, 2);
  // The same Database loads the file in full.
  if (!loaded) {
    auto result = db_->Load({file_});
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_EQ(result->claims_added, kRows);
  }
  auto after = db_->Stats();
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_EQ(after->claims, before->claims + kRows);
  auto check = db_->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->problems.empty());
}

TEST_F(CancelLoadTest, AlreadyCancelledLoadsNothing) {
  LoadOptions options;
  options.cancel.Cancel();
  auto result = db_->Load({file_}, options);
  EXPECT_TRUE(absl::IsCancelled(result.status())) << result.status();
  options.dry_run = true;
  result = db_->Load({file_}, options);
  EXPECT_TRUE(absl::IsCancelled(result.status())) << result.status();
  auto stats = db_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->claims, 1);
}

}  // namespace
}  // namespace annals
