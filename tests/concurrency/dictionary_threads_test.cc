// The dictionary (engine/dictionary.h) under concurrent interning: threads
// intern overlapping sets of new terms through write transactions (which
// serialise) while others resolve them by name and by id, with and without
// a snapshot. Every term gets exactly one id, different terms different ids,
// and every thread, the per-thread caches included, agrees on both
// directions; a reader never sees an id for a term before it is committed.
//
// Also built into concurrency_tests, which tools/check runs under
// ThreadSanitizer (see tsan.supp beside this file).
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "annals/value.h"
#include "engine/dictionary.h"
#include "engine/store.h"
#include "engine/write_txn.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"
#include "tests/test_rng.h"

namespace annals::engine {
namespace {

constexpr int kWriters = 3;
constexpr int kReaders = 3;
constexpr int kTerms = 600;
constexpr int kPerTxn = 10;

Value Term(int i) {
  // Entities and strings of the same text are different terms.
  return i % 3 == 2 ? Value::String(absl::StrCat("term", i / 3))
                    : Value::Entity(absl::StrCat("term", i));
}

TEST(DictionaryThreadsTest, ConcurrentInterningGivesOneIdPerTerm) {
  test::TempDir dir("annals_dict", test::TempDir::Keep::kOnFailure);
  const std::string root = dir.path();
  Options options;
  options.sync_writes = false;
  auto opened = Store::Open(root + "/store", options);
  ASSERT_TRUE(opened.ok()) << opened.status();
  std::unique_ptr<Store> store = std::move(opened).value();
  Dictionary& dict = store->dictionary();

  // Each writer interns every term, in its own order, a few per
  // transaction, so that most terms are raced for by several writers.
  std::vector<absl::flat_hash_map<int, uint64_t>> written(kWriters);
  std::atomic<int> writers_done{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      test::Rng rng(100 + w);
      std::vector<int> order(kTerms);
      for (int i = 0; i < kTerms; ++i) order[i] = i;
      for (int i = kTerms - 1; i > 0; --i) {
        std::swap(order[i], order[rng.Below(i + 1)]);
      }
      for (int start = 0; start < kTerms; start += kPerTxn) {
        WriteTxn txn(store.get());
        for (int k = start; k < start + kPerTxn && k < kTerms; ++k) {
          auto id = txn.TermId(Term(order[k]));
          ASSERT_TRUE(id.ok()) << id.status();
          written[w][order[k]] = *id;
        }
        absl::Status s = txn.Commit();
        ASSERT_TRUE(s.ok()) << s;
      }
      writers_done.fetch_add(1);
    });
  }
  // Readers resolve terms by name (NotFound until committed), then by id,
  // on a snapshot or on the latest state.
  std::vector<absl::flat_hash_map<int, uint64_t>> read(kReaders);
  for (int r = 0; r < kReaders; ++r) {
    threads.emplace_back([&, r] {
      test::Rng rng(200 + r);
      std::vector<std::pair<int, uint64_t>> known;
      bool last_round = false;
      while (!last_round) {
        last_round = writers_done.load() == kWriters;
        std::shared_ptr<const Snapshot> snap =
            r % 2 == 0 ? store->GetSnapshot() : nullptr;
        for (int k = 0; k < 50; ++k) {
          const int i = static_cast<int>(rng.Below(kTerms));
          const Value term = Term(i);
          auto id = dict.Find(term, snap.get());
          if (absl::IsNotFound(id.status())) {
            EXPECT_FALSE(read[r].contains(i))
                << term.ToString() << " found, then not found";
            continue;
          }
          ASSERT_TRUE(id.ok()) << id.status();
          auto [it, inserted] = read[r].emplace(i, *id);
          EXPECT_EQ(it->second, *id) << term.ToString() << " changed id";
          // (Find may answer from the shared cache a term newer than the
          // snapshot; only ids the snapshot has are looked up on it.)
          auto back = dict.Lookup(*id, nullptr);
          ASSERT_TRUE(back.ok()) << back.status();
          EXPECT_EQ(*back, term);
        }
        // Ids found in earlier rounds were committed before this snapshot.
        for (const auto& [i, id] : known) {
          auto back = dict.Lookup(id, snap.get());
          ASSERT_TRUE(back.ok()) << back.status();
          EXPECT_EQ(*back, Term(i));
        }
        known.assign(read[r].begin(), read[r].end());
        if (testing::Test::HasFailure()) break;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  ASSERT_FALSE(testing::Test::HasFailure());

  // One id per term, the same for every thread; different terms differ.
  std::map<uint64_t, int> term_of;
  for (int i = 0; i < kTerms; ++i) {
    const uint64_t id = written[0].at(i);
    for (int w = 1; w < kWriters; ++w) {
      EXPECT_EQ(written[w].at(i), id) << Term(i).ToString();
    }
    for (int r = 0; r < kReaders; ++r) {
      if (read[r].contains(i)) {
        EXPECT_EQ(read[r].at(i), id);
      }
    }
    auto [it, inserted] = term_of.emplace(id, i);
    EXPECT_TRUE(inserted) << "id " << id << " is both "
                          << Term(it->second).ToString() << " and "
                          << Term(i).ToString();
  }
  EXPECT_EQ(store->counters().next_term, uint64_t{kTerms} + 1);

  // A fresh store object (no caches) reads the same.
  store.reset();
  opened = Store::Open(root + "/store", options);
  ASSERT_TRUE(opened.ok()) << opened.status();
  store = std::move(opened).value();
  for (const auto& [id, i] : term_of) {
    auto found = store->dictionary().Find(Term(i), nullptr);
    ASSERT_TRUE(found.ok()) << found.status();
    EXPECT_EQ(*found, id);
    auto value = store->dictionary().Lookup(id, nullptr);
    ASSERT_TRUE(value.ok()) << value.status();
    EXPECT_EQ(*value, Term(i));
  }
  store.reset();
}

}  // namespace
}  // namespace annals::engine
