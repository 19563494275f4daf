// PATH's two searches on a store loaded with datasets/journeys (and, for the
// time limit, a long generated chain): the hops and the instants a journey
// takes them at, a node expanded again when a later level reaches it
// earlier, what each search reports for EXPLAIN ANALYZE, and the limits of
// QueryOptions. Also: without a ClaimWriter the pipeline writes nothing.
#include "query/path_search.h"

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/store.h"
#include "gtest/gtest.h"
#include "load/file_loader.h"
#include "query/parser.h"
#include "query/pipeline.h"
#include "tests/support/temp_dir.h"

namespace annals::query {
namespace {

class PathSearchTest : public testing::Test {
 protected:
  void SetUp() override {
    auto store = engine::Store::Open(root_ + "/store", annals::Options());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    Load(std::string(ANNALS_SOURCE_DIR) + "/datasets/journeys/claims.tsv");
  }

  void Load(const std::string& file) {
    auto loaded = load::LoadFiles(store_.get(), {file}, LoadOptions());
    ASSERT_TRUE(loaded.ok()) << loaded.status();
  }

  uint64_t Id(const std::string& name) {
    auto id = store_->dictionary().Find(Value::Entity(name), nullptr);
    EXPECT_TRUE(id.ok()) << name << ": " << id.status();
    return id.value_or(0);
  }

  // From `from` to `to` over all valid time (IN ORDER without AT/DURING).
  PathSpec Spec(const std::string& from, const std::string& to) {
    PathSpec spec;
    spec.from = Id(from);
    spec.to = Id(to);
    spec.view = TimeView::AllTime();
    return spec;
  }

  static int64_t Seconds(const char* time) {
    return TimePoint::Parse(time).value().seconds;
  }

  test::TempDir dir_{"annals_path"};
  std::string root_ = dir_.path();
  std::unique_ptr<engine::Store> store_;
};

// Alden reaches Kell in one hop from 2024 and in two (by Lorn) from
// 2019-06; only the second arrival catches Kell's rail to Marrow (2020), so
// Kell is expanded at level 2 and again at level 3.
TEST_F(PathSearchTest, JourneyExpandsANodeAgainWhenReachedEarlier) {
  SearchStats stats;
  auto hops =
      Journey(store_.get(), Spec("Alden", "Marrow"), QueryOptions(), &stats);
  ASSERT_TRUE(hops.ok()) << hops.status();
  ASSERT_EQ(hops->size(), 3u);
  EXPECT_EQ((*hops)[0].claim.id, 11u);
  EXPECT_EQ((*hops)[1].claim.id, 12u);
  EXPECT_EQ((*hops)[2].claim.id, 13u);
  // Certainly taken: by the last second of each day-precision start.
  EXPECT_EQ((*hops)[0].taken, Seconds("2019-01-01T23:59:59Z"));
  EXPECT_EQ((*hops)[1].taken, Seconds("2019-06-01T23:59:59Z"));
  EXPECT_EQ((*hops)[2].taken, Seconds("2020-01-01T23:59:59Z"));
  EXPECT_EQ((*hops)[2].taken_as->ToString(), "2020-01-01");
  // Levels: Alden's 3 hops; Brill's, Kell's (too late) and Lorn's; Corran's
  // and Kell's again. Nodes: Alden, Brill, Kell, Lorn, Corran, Dunmere,
  // Marrow.
  EXPECT_EQ(stats.levels, 3);
  EXPECT_EQ(stats.claims, 8);
  EXPECT_EQ(stats.nodes, 7);
}

// With POSSIBLY the earliest possible instants: Nesh's rail from the first
// second of 2025, Pell's ferry the first second of 2025-07-01.
TEST_F(PathSearchTest, JourneyTakesPossibleStartsWhenNotCertain) {
  PathSpec spec = Spec("Nesh", "Quarry");
  SearchStats stats;
  auto certain = Journey(store_.get(), spec, QueryOptions(), &stats);
  ASSERT_TRUE(certain.ok()) << certain.status();
  EXPECT_TRUE(certain->empty());
  spec.view.valid = Window{Seconds("2000-01-01"), Seconds("2100-01-01")};
  spec.view.certain = false;
  auto possible = Journey(store_.get(), spec, QueryOptions(), &stats);
  ASSERT_TRUE(possible.ok()) << possible.status();
  ASSERT_EQ(possible->size(), 3u);
  EXPECT_EQ((*possible)[0].taken, Seconds("2025-01-01"));
  EXPECT_EQ((*possible)[1].taken, Seconds("2025-01-01"));
  EXPECT_EQ((*possible)[2].taken, Seconds("2025-07-01"));
}

TEST_F(PathSearchTest, ShortestPathReportsWhatItDid) {
  SearchStats stats;
  auto hops = ShortestPath(store_.get(), Spec("Alden", "Marrow"),
                           QueryOptions(), &stats);
  ASSERT_TRUE(hops.ok()) << hops.status();
  ASSERT_EQ(hops->size(), 2u);  // by Kell, not in order
  EXPECT_EQ((*hops)[0].id, 10u);
  EXPECT_EQ((*hops)[1].id, 13u);
  // Forward from Alden (Brill, Kell, Lorn), then backward from Marrow,
  // meeting at Kell.
  EXPECT_EQ(stats.levels, 2);
  EXPECT_EQ(stats.claims, 4);
}

TEST_F(PathSearchTest, BothSearchesStopAtMaxPathNodes) {
  QueryOptions options;
  options.max_path_nodes = 3;  // Alden's first level reaches 4 with Alden
  SearchStats stats;
  const std::string message =
      "PATH visited more than 3 nodes (QueryOptions::max_path_nodes) without "
      "reaching the target; narrow it with VIA, MAX or a time";
  auto journey =
      Journey(store_.get(), Spec("Alden", "Marrow"), options, &stats);
  EXPECT_EQ(journey.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(journey.status().message(), message);
  auto path =
      ShortestPath(store_.get(), Spec("Alden", "Marrow"), options, &stats);
  EXPECT_EQ(path.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(path.status().message(), message);
  // Exactly as many as they visit is within the limit: the journey's 7
  // nodes; the two sides' 4 and 2 (Kell on both).
  options.max_path_nodes = 7;
  EXPECT_TRUE(
      Journey(store_.get(), Spec("Alden", "Marrow"), options, &stats).ok());
  options.max_path_nodes = 6;
  EXPECT_TRUE(
      ShortestPath(store_.get(), Spec("Alden", "Marrow"), options, &stats)
          .ok());
}

// 20,000 hops in a row take far longer than a millisecond to walk.
TEST_F(PathSearchTest, BothSearchesStopAtTheTimeLimit) {
  constexpr int kHops = 20000;
  std::string chain = root_ + "/chain.tsv";
  {
    std::ofstream out(chain);
    out << "subject\tpredicate\tobject\n";
    for (int i = 0; i < kHops; ++i) {
      out << "n" << i << "\tnext\tn" << i + 1 << "\n";
    }
  }
  Load(chain);
  PathSpec spec = Spec("n0", absl::StrCat("n", kHops));
  spec.max_hops = kHops;
  QueryOptions options;
  options.timeout_ms = 1;
  const std::string message =
      "query ran longer than its time limit (1 ms; QueryOptions::timeout_ms)";
  SearchStats stats;
  auto journey = Journey(store_.get(), spec, options, &stats);
  EXPECT_EQ(journey.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(journey.status().message(), message);
  auto path = ShortestPath(store_.get(), spec, options, &stats);
  EXPECT_EQ(path.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(path.status().message(), message);
}

TEST_F(PathSearchTest, WithoutAWriterWritesAreRefused) {
  struct Case {
    std::string text, message;
  };
  for (const Case& c : {
           Case{"ASSERT Alden ferry_to Zed",
                "ASSERT writes; run it with Database::Query, not as a read"},
           Case{"RETRACT #c1",
                "RETRACT writes; run it with Database::Query, not as a read"},
       }) {
    auto prepared = Prepare(c.text);
    ASSERT_TRUE(prepared.ok()) << prepared.status();
    auto result = Execute(*prepared, {}, store_.get(), /*writer=*/nullptr,
                          QueryOptions());
    EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(result.status().message(), c.message);
  }
}

}  // namespace
}  // namespace annals::query
