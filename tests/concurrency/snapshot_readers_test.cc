// Readers on snapshots while a writer writes: every read made on one
// Snapshot sees the same instant (counts agree however they are summed and
// whenever they are read), counts of insert-only subjects never go down from
// one snapshot to the next, and a bulk load is seen by a snapshot either
// entirely or not at all.
//
// Also meant to run under ThreadSanitizer (see tsan.supp beside this file).
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
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

using Clock = std::chrono::steady_clock;

constexpr int kReaders = 4;

using test::Rng;

class SnapshotReadersTest : public test::SharedStoreTest {
 protected:
  // How many claims match, read on `snap`; -1 (and a test failure) on error.
  int64_t Count(const ClaimPattern& pattern, const Snapshot& snap,
                bool with_retracted = false) {
    TimeView view = TimeView::AllTime();
    view.include_retracted = with_retracted;
    int64_t n = 0;
    absl::Status s = db_->Scan(
        pattern, view,
        [&](const Claim&) {
          ++n;
          return true;
        },
        snap);
    if (!s.ok()) {
      ADD_FAILURE() << "Scan failed: " << s;
      return -1;
    }
    return n;
  }

  static ClaimPattern Subject(const std::string& name) {
    ClaimPattern p;
    p.subject = Value::Entity(name);
    return p;
  }
  static ClaimPattern Predicate(const std::string& name) {
    ClaimPattern p;
    p.predicate = name;
    return p;
  }
  static ClaimPattern SubjectPredicate(const std::string& s,
                                       const std::string& p) {
    ClaimPattern pattern;
    pattern.subject = Value::Entity(s);
    pattern.predicate = p;
    return pattern;
  }
};

TEST_F(SnapshotReadersTest, ReadsOnOneSnapshotAgreeWhileAWriterWrites) {
  // Ins*: only ever asserted; Mix*: asserted and some retracted.
  const std::vector<std::string> subjects = {"Ins0", "Ins1", "Mix0", "Mix1"};
  const std::vector<std::string> predicates = {"p0", "p1", "p2", "p3"};
  // Every name exists before the readers start.
  for (const auto& s : subjects) {
    for (const auto& p : predicates) {
      ClaimInput in;
      in.subject = Value::Entity(s);
      in.predicate = p;
      in.object = Value::Integer(-1);
      ASSERT_TRUE(db_->Assert(in).ok());
    }
  }

  std::atomic<bool> done{false};
  std::atomic<int64_t> writes{0};
  std::thread writer([&] {
    Rng rng(1);
    std::vector<ClaimId> live_mixed;
    const auto end = Clock::now() + std::chrono::milliseconds(2500);
    for (int64_t i = 0; i < 6000 && Clock::now() < end; ++i) {
      if (!live_mixed.empty() && rng.Below(4) == 0) {
        size_t k = static_cast<size_t>(rng.Below(live_mixed.size()));
        absl::Status s = db_->Retract(live_mixed[k]);
        EXPECT_TRUE(s.ok()) << s;
        live_mixed[k] = live_mixed.back();
        live_mixed.pop_back();
      } else {
        const std::string& s = subjects[rng.Below(subjects.size())];
        ClaimInput in;
        in.subject = Value::Entity(s);
        in.predicate = predicates[rng.Below(predicates.size())];
        in.object = Value::Integer(i);
        auto id = db_->Assert(in);
        EXPECT_TRUE(id.ok()) << id.status();
        if (id.ok() && s[0] == 'M') live_mixed.push_back(*id);
      }
      writes.fetch_add(1, std::memory_order_relaxed);
      if (i % 64 == 0)
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    done = true;
  });

  std::atomic<int64_t> snapshots{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&, r] {
      std::vector<int64_t> last_insert_only(2, 0);
      std::vector<int64_t> last_history(subjects.size(), 0);
      bool last_round = false;
      while (!last_round) {
        last_round = done.load();
        Snapshot snap = db_->GetSnapshot();
        const int64_t all = Count({}, snap);
        const int64_t all_history = Count({}, snap, true);
        int64_t by_subject = 0, by_subject_history = 0;
        for (size_t i = 0; i < subjects.size(); ++i) {
          const int64_t n = Count(Subject(subjects[i]), snap);
          const int64_t h = Count(Subject(subjects[i]), snap, true);
          int64_t by_predicate = 0;
          for (const auto& p : predicates) {
            by_predicate += Count(SubjectPredicate(subjects[i], p), snap);
          }
          EXPECT_EQ(by_predicate, n) << "reader " << r << ", " << subjects[i];
          by_subject += n;
          by_subject_history += h;
          // Nothing ever leaves the history; insert-only subjects never
          // lose a claim.
          EXPECT_GE(h, last_history[i])
              << "reader " << r << ", " << subjects[i];
          last_history[i] = h;
          if (i < 2) {
            EXPECT_EQ(h, n) << subjects[i] << " has retracted claims";
            EXPECT_GE(n, last_insert_only[i])
                << "reader " << r << ", " << subjects[i];
            last_insert_only[i] = n;
          }
        }
        int64_t by_predicate = 0;
        for (const auto& p : predicates)
          by_predicate += Count(Predicate(p), snap);
        EXPECT_EQ(by_subject, all) << "reader " << r;
        EXPECT_EQ(by_predicate, all) << "reader " << r;
        EXPECT_EQ(by_subject_history, all_history) << "reader " << r;

        // The same reads again on the same snapshot, while the writer writes.
        EXPECT_EQ(Count({}, snap), all) << "reader " << r;
        EXPECT_EQ(Count({}, snap, true), all_history) << "reader " << r;
        auto ins0 = db_->Find(Subject("Ins0"), TimeView::AllTime(), snap);
        ASSERT_TRUE(ins0.ok()) << ins0.status();
        EXPECT_EQ(static_cast<int64_t>(ins0->size()), last_insert_only[0]);

        // Get on the snapshot agrees with Find on it, even for claims the
        // writer retracts meanwhile.
        auto mixed = db_->Find(Subject("Mix0"), TimeView::AllTime(), snap);
        ASSERT_TRUE(mixed.ok()) << mixed.status();
        for (size_t k = 0; k < mixed->size(); k += 7) {
          const Claim& c = (*mixed)[k];
          auto got = db_->Get(c.id, snap);
          ASSERT_TRUE(got.ok()) << got.status();
          EXPECT_FALSE(got->retracted.has_value())
              << "#c" << c.id << " live in Find but retracted in Get";
          EXPECT_EQ(got->object, c.object);
        }
        // A read without a snapshot takes its own; it must simply work.
        auto latest = db_->Find(Subject("Ins1"), TimeView::Now());
        ASSERT_TRUE(latest.ok()) << latest.status();
        EXPECT_GE(static_cast<int64_t>(latest->size()), last_insert_only[1]);
        snapshots.fetch_add(1, std::memory_order_relaxed);
        if (testing::Test::HasFailure()) break;  // one report is enough
      }
    });
  }
  writer.join();
  for (auto& t : readers) t.join();
  std::printf("[ readers  ] %lld writes, %lld snapshots read\n",
              static_cast<long long>(writes.load()),
              static_cast<long long>(snapshots.load()));
  EXPECT_GT(snapshots.load(), kReaders);

  auto check = db_->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok()) << check->problems.front();
}

// Check() reads one snapshot: a writer going on meanwhile must not make it
// report problems (its counters must be those of the same instant).
TEST_F(SnapshotReadersTest, CheckWhileAWriterWritesFindsNoProblems) {
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    // Bounded, so that a slow Check (under TSan) cannot fall ever further
    // behind a growing store.
    for (int64_t i = 0; i < 5000 && !stop.load(); ++i) {
      ClaimInput in;
      in.subject = Value::Entity(absl::StrCat("W", i % 13));
      in.predicate = absl::StrCat("w", i % 5);
      in.object = Value::Integer(i);
      auto id = db_->Assert(in);
      EXPECT_TRUE(id.ok()) << id.status();
      if (!id.ok()) break;
    }
  });
  int checks = 0, inconsistent = 0;
  std::string first_problem;
  const auto end = Clock::now() + std::chrono::milliseconds(1000);
  while (Clock::now() < end || checks < 5) {
    auto check = db_->Check();
    ASSERT_TRUE(check.ok()) << check.status();
    ++checks;
    if (!check->ok()) {
      if (inconsistent++ == 0) first_problem = check->problems.front();
    }
  }
  stop = true;
  writer.join();
  EXPECT_EQ(inconsistent, 0) << inconsistent << " of " << checks
                             << " checks during writes reported problems, "
                                "the first: "
                             << first_problem;
  auto check = db_->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok()) << check->problems.front();
}

TEST_F(SnapshotReadersTest, ASnapshotSeesAllOrNothingOfABulkLoad) {
  constexpr int kFiles = 3;
  constexpr int kRows = 4000;
  constexpr int kSubjects = 40;
  // Claims there before the loads.
  for (int i = 0; i < 100; ++i) {
    ClaimInput in;
    in.subject = Value::Entity(absl::StrCat("Old", i % 10));
    in.predicate = "old";
    in.object = Value::Integer(i);
    ASSERT_TRUE(db_->Assert(in).ok());
  }
  const int64_t base = 100;
  std::vector<std::string> files;
  for (int f = 0; f < kFiles; ++f) {
    files.push_back(absl::StrCat(root_, "/bulk", f, ".tsv"));
    FILE* out = std::fopen(files.back().c_str(), "w");
    ASSERT_NE(out, nullptr);
    std::fputs("subject\tpredicate\tobject\tvalid_from\tsource\n", out);
    for (int i = 0; i < kRows; ++i) {
      std::fprintf(out, "B%d_%d\tbulk%d\tO%d\t%d-%02d-%02d\tfile%d\n", f,
                   i % kSubjects, f, i, 1990 + i % 30, 1 + i % 12, 1 + i % 28,
                   f);
    }
    std::fclose(out);
  }

  std::atomic<int> loads_done{0};
  std::atomic<bool> stop{false};
  std::atomic<int64_t> snapshots{0};
  // seen[f][0]: snapshots without load f; seen[f][1]: with it.
  std::atomic<int64_t> seen[kFiles][2] = {};
  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&, r] {
      std::vector<bool> had(kFiles, false);
      bool last_round = false;
      while (!last_round) {
        last_round = stop.load();
        const int done_before = loads_done.load();
        Snapshot snap = db_->GetSnapshot();
        int64_t expected_all = base;
        for (int f = 0; f < kFiles; ++f) {
          const std::string p = absl::StrCat("bulk", f);
          const int64_t n = Count(Predicate(p), snap);
          EXPECT_TRUE(n == 0 || n == kRows)
              << "reader " << r << " saw " << n << " of " << kRows
              << " claims of load " << f;
          const bool has = n == kRows;
          if (f < done_before) {
            EXPECT_TRUE(has) << "load " << f << " returned but is not seen";
          }
          if (had[f]) {
            EXPECT_TRUE(has) << "load " << f << " went away";
          }
          had[f] = has;
          seen[f][has ? 1 : 0].fetch_add(1, std::memory_order_relaxed);
          // The same load counted another way on the same snapshot.
          int64_t by_subject = 0;
          for (int s = 0; s < kSubjects; s += 3) {
            by_subject += Count(Subject(absl::StrCat("B", f, "_", s)), snap);
          }
          const int64_t per_subject = kRows / kSubjects;
          const int64_t subjects_read = (kSubjects + 2) / 3;
          EXPECT_EQ(by_subject, has ? per_subject * subjects_read : 0)
              << "reader " << r << ", load " << f;
          expected_all += n;
        }
        EXPECT_EQ(Count({}, snap), expected_all) << "reader " << r;
        snapshots.fetch_add(1, std::memory_order_relaxed);
        if (testing::Test::HasFailure()) break;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  for (int f = 0; f < kFiles; ++f) {
    auto result = db_->Load({files[f]});
    if (!result.ok()) {
      ADD_FAILURE() << "load " << f << ": " << result.status();
      break;
    }
    EXPECT_EQ(result->claims_added, kRows);
    loads_done.fetch_add(1);
    // Let the readers see each state for a while.
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  stop = true;
  for (auto& t : readers) t.join();
  std::printf("[ readers  ] %lld snapshots read during %d loads;",
              static_cast<long long>(snapshots.load()), kFiles);
  for (int f = 0; f < kFiles; ++f) {
    std::printf(" load %d: %lld without, %lld with;", f,
                static_cast<long long>(seen[f][0].load()),
                static_cast<long long>(seen[f][1].load()));
  }
  std::printf("\n");
  auto check = db_->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok()) << check->problems.front();
  EXPECT_EQ(check->claims, base + kFiles * kRows);
}

}  // namespace
}  // namespace annals
