// One Database shared by several threads, as database.h allows: many threads
// writing at once (writes serialise, no write is lost, every claim id is
// unique and ids stay dense), Query and a PreparedQuery per thread while a
// writer writes (the answers about unchanged claims never vary), and Stats,
// GetSchema, SchemaHistory and SchemaViolations while SetSchema and Assert
// go on (each read of one instant, every call succeeds).
//
// Also built into concurrency_tests, which tools/check runs under
// ThreadSanitizer (see tsan.supp beside this file).
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/concurrency/shared_store_test.h"
#include "tests/test_rng.h"

namespace annals {
namespace {


constexpr int kThreads = 4;

class DatabaseThreadsTest : public test::SharedStoreTest {
 protected:
  // The first column of every row, sorted; a test failure on error.
  static std::vector<std::string> SortedColumn(
      absl::StatusOr<ResultSet> result) {
    std::vector<std::string> out;
    EXPECT_TRUE(result.ok()) << result.status();
    if (!result.ok()) return out;
    while (result->Next()) out.push_back(result->row()[0].ToString());
    EXPECT_TRUE(result->status().ok()) << result->status();
    std::sort(out.begin(), out.end());
    return out;
  }

  void ExpectCheckPasses() {
    auto check = db_->Check();
    ASSERT_TRUE(check.ok()) << check.status();
    EXPECT_TRUE(check->ok()) << check->problems.front();
  }
};

// Threads assert at once, half through Assert and half through the query
// language's ASSERT, sharing predicates, sources and authors that none of
// them has created yet.
TEST_F(DatabaseThreadsTest, ManyWritersLoseNothingAndIdsAreUnique) {
  constexpr int kPerThread = 120;
  constexpr int kSubjectsPerThread = 6;
  std::vector<std::vector<ClaimId>> ids(kThreads);
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        const std::string subject =
            absl::StrCat("T", t, "_", i % kSubjectsPerThread);
        const std::string predicate = absl::StrCat("shared", i % 3);
        const int64_t object = t * 100000 + i;  // makes every claim distinct
        const std::string by = absl::StrCat("Agent", i % 5);
        if (i % 2 == 0) {
          ClaimInput in;
          in.subject = Value::Entity(subject);
          in.predicate = predicate;
          in.object = Value::Integer(object);
          in.source = absl::StrCat("src", i % 4);
          in.by = by;
          auto id = db_->Assert(in);
          ASSERT_TRUE(id.ok()) << id.status();
          ids[t].push_back(*id);
        } else {
          auto r = db_->Query(absl::StrCat("ASSERT ", subject, " ", predicate,
                                           " ", object, " SOURCE \"src", i % 4,
                                           "\" BY ", by));
          ASSERT_TRUE(r.ok()) << r.status();
          ASSERT_TRUE(r->Next()) << r->status();
          const Cell& cell = r->row()[0];
          ASSERT_EQ(cell.value.kind(), ValueKind::kClaim) << cell.ToString();
          ids[t].push_back(cell.value.claim_id());
        }
      }
    });
  }
  for (std::thread& w : writers) w.join();
  ASSERT_FALSE(HasFailure());

  std::vector<ClaimId> all;
  for (const auto& v : ids) all.insert(all.end(), v.begin(), v.end());
  ASSERT_EQ(all.size(), size_t{kThreads * kPerThread});
  std::sort(all.begin(), all.end());
  EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end())
      << "a claim id was given twice";
  // Ids are dense: none skipped.
  EXPECT_EQ(all.back() - all.front() + 1, all.size());

  // Every claim is there, as its writer wrote it.
  for (int t = 0; t < kThreads; ++t) {
    for (size_t i = 0; i < ids[t].size(); ++i) {
      auto c = db_->Get(ids[t][i]);
      ASSERT_TRUE(c.ok()) << c.status();
      EXPECT_EQ(c->subject, Value::Entity(absl::StrCat(
                                "T", t, "_", i % kSubjectsPerThread)));
      EXPECT_EQ(c->predicate, absl::StrCat("shared", i % 3));
      EXPECT_EQ(c->object, Value::Integer(t * 100000 + static_cast<int>(i)));
      EXPECT_EQ(c->by, absl::StrCat("Agent", i % 5));
      EXPECT_EQ(c->source, absl::StrCat("src", i % 4));
    }
  }
  auto found = db_->Find({}, TimeView::AllTime());
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(found->size(), all.size());
  auto stats = db_->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->claims, kThreads * kPerThread);
  for (int p = 0; p < 3; ++p) {
    EXPECT_EQ(stats->claims_per_predicate[absl::StrCat("shared", p)],
              kThreads * kPerThread / 3);
  }
  ExpectCheckPasses();
}

// Readers run Query and a PreparedQuery of their own on the shared Database
// while a writer asserts and retracts other claims: the answers about the
// claims nobody changes are always the same.
TEST_F(DatabaseThreadsTest, QueriesAndPreparedQueriesPerThreadWhileWriting) {
  constexpr int kSubjects = 6;
  constexpr int kObjects = 8;
  std::vector<std::vector<std::string>> expected(kSubjects);
  for (int s = 0; s < kSubjects; ++s) {
    for (int k = 0; k < kObjects; ++k) {
      ClaimInput in;
      in.subject = Value::Entity(absl::StrCat("Stable", s));
      in.predicate = "rel";
      in.object = Value::Integer(s * 100 + k);
      ASSERT_TRUE(db_->Assert(in).ok());
      expected[s].push_back(absl::StrCat(s * 100 + k));
    }
    std::sort(expected[s].begin(), expected[s].end());
  }

  std::atomic<bool> stop{false};
  std::atomic<int64_t> writes{0};
  std::thread writer([&] {
    test::Rng rng(7);
    std::vector<ClaimId> live;
    for (int64_t i = 0; i < 3000 && !stop.load(); ++i) {
      if (!live.empty() && rng.Below(3) == 0) {
        size_t k = static_cast<size_t>(rng.Below(live.size()));
        absl::Status s = db_->Retract(live[k]);
        EXPECT_TRUE(s.ok()) << s;
        live[k] = live.back();
        live.pop_back();
      } else {
        // New subjects and objects, and the predicate `rel` too: the
        // dictionary grows while the readers resolve names.
        ClaimInput in;
        in.subject = Value::Entity(absl::StrCat("Fresh", i));
        in.predicate = i % 2 == 0 ? "rel" : absl::StrCat("fresh", i % 11);
        in.object = Value::Entity(absl::StrCat("Obj", i));
        auto id = db_->Assert(in);
        EXPECT_TRUE(id.ok()) << id.status();
        if (id.ok()) live.push_back(*id);
      }
      writes.fetch_add(1, std::memory_order_relaxed);
    }
  });

  constexpr int kRounds = 30;
  std::vector<std::thread> readers;
  for (int r = 0; r < kThreads; ++r) {
    readers.emplace_back([&, r] {
      auto prepared = db_->Prepare("FIND ?o WHERE $s rel ?o");
      ASSERT_TRUE(prepared.ok()) << prepared.status();
      auto count = db_->Prepare("FIND ?s ?o WHERE ?s rel ?o");
      ASSERT_TRUE(count.ok()) << count.status();
      int64_t last_count = 0;
      for (int i = 0; i < kRounds; ++i) {
        const int s = (r + i) % kSubjects;
        EXPECT_EQ(SortedColumn(db_->Query(
                      absl::StrCat("FIND ?o WHERE Stable", s, " rel ?o"))),
                  expected[s])
            << "reader " << r << ", Query";
        prepared->Bind("s", Value::Entity(absl::StrCat("Stable", s)));
        EXPECT_EQ(SortedColumn(prepared->Execute()), expected[s])
            << "reader " << r << ", PreparedQuery";
        // Everything `rel` relates now: at least the stable claims.
        const int64_t n =
            static_cast<int64_t>(SortedColumn(count->Execute()).size());
        EXPECT_GE(n, kSubjects * kObjects) << "reader " << r;
        last_count = n;
        // A name the writer has not created yet, or just created.
        auto unknown = db_->Query(
            absl::StrCat("FIND ?o WHERE Fresh", writes.load() + 1, " rel ?o"));
        EXPECT_TRUE(unknown.ok() || absl::IsInvalidArgument(unknown.status()))
            << unknown.status();
        if (testing::Test::HasFailure()) break;
      }
      EXPECT_GE(last_count, kSubjects * kObjects);
    });
  }
  for (std::thread& t : readers) t.join();
  stop = true;
  writer.join();
  std::printf("[ threads  ] %lld writes during %d x %d query rounds\n",
              static_cast<long long>(writes.load()), kThreads, kRounds);
  ExpectCheckPasses();
}

// Stats and the schema readers while a writer sets new schema versions and
// asserts claims of predicates no one has seen before.
TEST_F(DatabaseThreadsTest, StatsAndSchemaReadsWhileSchemaChanges) {
  constexpr int kVersions = 40;
  auto schema_text = [](int64_t v) {
    return absl::StrCat("# version ", v, "\npredicate declared", v,
                        " : integer\n");
  };
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int v = 1; v <= kVersions; ++v) {
      auto set = db_->SetSchema(schema_text(v));
      EXPECT_TRUE(set.ok()) << set.status();
      if (set.ok()) {
        EXPECT_EQ(set->version, v);
      }
      for (int k = 0; k < 4; ++k) {
        ClaimInput in;
        in.subject = Value::Entity(absl::StrCat("S", k));
        in.predicate = absl::StrCat(k % 2 == 0 ? "declared" : "new", v);
        in.object = Value::Integer(v * 10 + k);
        auto id = db_->Assert(in);
        EXPECT_TRUE(id.ok()) << id.status();
      }
    }
    done = true;
  });

  std::vector<std::thread> readers;
  std::atomic<int64_t> reads{0};
  for (int r = 0; r < kThreads; ++r) {
    readers.emplace_back([&, r] {
      int64_t last_claims = 0, last_version = 0;
      bool last_round = false;
      while (!last_round) {
        last_round = done.load();
        if (r % 2 == 0) {
          // Counters and the per-predicate counts of one instant.
          auto stats = db_->Stats();
          ASSERT_TRUE(stats.ok()) << "reader " << r << ": " << stats.status();
          int64_t sum = 0;
          for (const auto& [p, n] : stats->claims_per_predicate) sum += n;
          EXPECT_EQ(sum, stats->claims) << "reader " << r;
          EXPECT_GE(stats->claims, last_claims) << "reader " << r;
          last_claims = stats->claims;
        } else {
          auto violations = db_->SchemaViolations();
          ASSERT_TRUE(violations.ok()) << violations.status();
          EXPECT_TRUE(violations->empty()) << violations->front();
        }
        // The current schema never goes back, and is the text of its
        // version.
        auto current = db_->GetSchema();
        ASSERT_TRUE(current.ok()) << current.status();
        EXPECT_GE(current->version, last_version) << "reader " << r;
        last_version = current->version;
        if (current->version > 0) {
          EXPECT_EQ(current->text, schema_text(current->version));
        }
        // On one snapshot the history ends with the current version.
        Snapshot snap = db_->GetSnapshot();
        auto history = db_->SchemaHistory(snap);
        auto at_snap = db_->GetSchema(snap);
        ASSERT_TRUE(history.ok()) << history.status();
        ASSERT_TRUE(at_snap.ok()) << at_snap.status();
        EXPECT_EQ(static_cast<int64_t>(history->size()), at_snap->version);
        for (size_t i = 0; i < history->size(); ++i) {
          EXPECT_EQ((*history)[i].version, static_cast<int64_t>(i + 1));
        }
        reads.fetch_add(1, std::memory_order_relaxed);
        if (testing::Test::HasFailure()) break;
      }
    });
  }
  writer.join();
  for (std::thread& t : readers) t.join();
  std::printf("[ threads  ] %lld reads during %d schema versions\n",
              static_cast<long long>(reads.load()), kVersions);
  auto current = db_->GetSchema();
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->version, kVersions);
  auto stats = db_->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->claims, kVersions * 4);
  ExpectCheckPasses();
}

}  // namespace
}  // namespace annals
