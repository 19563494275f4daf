// The kill -9 upgrade test: `annals upgrade` leaves the store either the
// untouched format-2 store or the complete format-3 store, even when the
// process dies at an arbitrary moment.
//
// Once per run the suite writes a format-2 store of 50,000 generated claims
// (tests/support/format2_store.h: two loads, ordinary writes, retractions,
// subjects with more and fewer than 64 claims). One timed run of the real
// CLI (`annals upgrade STORE`) on a copy measures the upgrade time T and
// gives the format-3 store. Then, for a seeded set of delays spread over
// [0, 1.05 T], another copy gets the same upgrade, killed with SIGKILL
// after the delay (a third of the delays fall near the end, where the new
// store is synced and swapped in). Every family of the store must then hold
// exactly the entries of one of the two; upgrading again completes it and
// leaves nothing beside it.
//
// ANNALS_KILL_SEED=<n> in the environment replays another set of delays; the
// seed in use is printed with every failure.
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/claim_record.h"
#include "gtest/gtest.h"
#include "tests/support/format2_store.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"
#include "tests/test_rng.h"

namespace annals {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using test::Rng;
using test::StoreEntries;

// Sanitizer builds run the CLI several times slower: a smaller store keeps
// the kills spread over the whole upgrade in a fraction of the time.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int kClaims = 10000;
#else
constexpr int kClaims = 50000;
#endif
constexpr int kKills = 12;
constexpr uint64_t kDefaultSeed = 20261207;

// Writes a format-2 store of `claims` claims: Zipf-skewed subjects (some
// with hundreds of claims, most with a few), one-day events with entity
// objects and open-ended measurements with integer objects; two loads with
// ordinary writes before, between and after them, one claim in 50
// retracted.
void WriteStore(const std::string& dir, int claims) {
  static const char* const kPredicates[] = {"signed", "met_with", "visited",
                                            "hosted", "supplied", "owns"};
  auto w = test::Format2Writer::Create(dir);
  ASSERT_TRUE(w.ok()) << w.status();
  test::Format2Writer& f = **w;
  Rng rng(7);
  const int entities = std::max(500, claims / 20);
  std::vector<double> cumulative(entities);
  double total = 0;
  for (int i = 0; i < entities; ++i) {
    total += 1.0 / std::pow(i + 1.0, 0.9);
    cumulative[i] = total;
  }
  auto entity = [&] {
    double x = rng.Unit() * total;
    auto it = std::lower_bound(cumulative.begin(), cumulative.end(), x);
    return f.Term(Value::Entity(absl::StrCat("E", it - cumulative.begin())));
  };
  const int64_t epoch = TimePoint::FromCivil(1990).seconds;
  constexpr uint8_t kDay = static_cast<uint8_t>(Precision::kDay);
  uint64_t batch = 0;
  int64_t row = 0;
  for (int i = 0; i < claims; ++i) {
    if (i == claims / 10 || i == claims / 2) {  // a load starts
      batch = f.NewBatch(absl::StrCat("load", i, ".tsv"), 1795876800 + i);
      row = 2;
    } else if (i == claims * 4 / 10 || i == claims * 9 / 10) {
      batch = 0;  // ordinary writes
    }
    engine::ClaimRecord r;
    r.s = entity();
    const int64_t day = rng.Below(36 * 365);
    r.from = {epoch + day * 86400, kDay};
    if (rng.Unit() < 0.8) {
      r.p = f.Term(Value::Entity(kPredicates[rng.Below(5)]));
      r.o = entity();
      r.to = {r.from.seconds + 86400, kDay};
    } else {
      r.p = f.Term(Value::Entity(kPredicates[5]));
      r.o = f.Term(Value::Integer(rng.Range(10, 100)));
    }
    r.recorded = r.from.seconds + rng.Below(400) * 86400;
    r.recorded_precision = kDay;
    if (rng.Below(50) == 0) r.retracted = 1795876800 + i;
    r.batch = batch;
    r.row = batch == 0 ? 0 : row++;
    if (batch != 0 && rng.Below(100) == 0) ++row;  // a skipped row
    f.Add(r);
  }
  ASSERT_TRUE(f.Finish().ok());
}

// `annals upgrade store`, in the store's parent directory.
test::RunOptions UpgradeOptions(const std::string& store) {
  test::RunOptions options;
  options.dir = fs::path(store).parent_path().string();
  return options;
}

pid_t StartUpgrade(const std::string& store) {
  return test::StartProgram(test::CliArgv({"upgrade", store}),
                            UpgradeOptions(store));
}

// Waits for a started upgrade; returns the wait status.
int WaitUpgrade(const std::string& store, pid_t pid) {
  return test::WaitProgram(pid, UpgradeOptions(store)).wait_status;
}

int RunUpgrade(const std::string& store) {
  pid_t pid = StartUpgrade(store);
  if (pid < 0) return -1;
  return WaitUpgrade(store, pid);
}

// What an upgrade of `store` writes beside it.
std::vector<std::string> Leftovers(const std::string& store) {
  std::vector<std::string> found;
  const fs::path p(store);
  for (const auto& e : fs::directory_iterator(p.parent_path())) {
    std::string name = e.path().filename().string();
    if (absl::StartsWith(name, p.filename().string() + ".upgrade-")) {
      found.push_back(name);
    }
  }
  return found;
}

// The families in which `a` and `b` differ, for messages.
std::string Differences(const StoreEntries& a, const StoreEntries& b) {
  std::string out;
  for (const auto& [family, entries] : a) {
    auto it = b.find(family);
    if (it == b.end() || it->second != entries) {
      absl::StrAppend(&out, family, " (", entries.size(), " against ",
                      it == b.end() ? 0 : it->second.size(), " entries) ");
    }
  }
  return out;
}

class KillUpgradeTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir("annals_kill_upgrade");
    base_ = new std::string(dir_->Join("base.annals"));
    WriteStore(*base_, kClaims);
    auto entries = test::ReadStoreEntries(*base_);
    ASSERT_TRUE(entries.ok()) << entries.status();
    before_ = new StoreEntries(std::move(*entries));
  }

  static void TearDownTestSuite() {
    if (keep_files_ && dir_ != nullptr) {
      dir_->set_keep(test::TempDir::Keep::kAlways);
    }
    delete dir_;
    delete base_;
    delete before_;
    dir_ = nullptr;
    base_ = nullptr;
    before_ = nullptr;
  }

  void TearDown() override {
    if (HasFailure()) keep_files_ = true;
  }

  // A fresh copy of the base store at `dir`.
  static void CopyBase(const std::string& dir) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::copy(*base_, dir, fs::copy_options::recursive);
  }

  static test::TempDir* dir_;
  static std::string* base_;
  static StoreEntries* before_;
  static bool keep_files_;
};

test::TempDir* KillUpgradeTest::dir_ = nullptr;
std::string* KillUpgradeTest::base_ = nullptr;
StoreEntries* KillUpgradeTest::before_ = nullptr;
bool KillUpgradeTest::keep_files_ = false;

TEST_F(KillUpgradeTest, UpgradeIsAllOrNothingUnderSigkill) {
  ASSERT_NE(before_, nullptr);
  ASSERT_EQ(before_->at("claims").size(), static_cast<size_t>(kClaims));
  const uint64_t seed = test::SeedFromEnv("ANNALS_KILL_SEED", kDefaultSeed);
  SCOPED_TRACE(absl::StrCat("ANNALS_KILL_SEED=", seed));

  // One timed, complete run: the upgrade time T and the state "after".
  const std::string timed = dir_->Join("timed.annals");
  CopyBase(timed);
  auto start = Clock::now();
  int status = RunUpgrade(timed);
  const double seconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << "annals upgrade failed, wait status " << status;
  auto upgraded = test::ReadStoreEntries(timed);
  ASSERT_TRUE(upgraded.ok()) << upgraded.status();
  const StoreEntries after = std::move(*upgraded);
  ASSERT_NE(after, *before_);
  ASSERT_EQ(after.at("claims").size(), static_cast<size_t>(kClaims));
  // ...a store this build opens and finds whole.
  test::CliResult checked = test::RunCli(dir_->path(), {"check", timed});
  ASSERT_EQ(checked.exit_code, 0) << checked.out << checked.err;
  std::printf("[ timing   ] an upgrade of %d claims takes %.2fs\n", kClaims,
              seconds);

  // Delays stratified over [0, T], plus a third of them over
  // [0.75 T, 1.05 T], where the new store is compacted, synced and swapped
  // in, and the old copy removed.
  Rng rng(seed);
  std::vector<double> delays;
  constexpr int kSpread = kKills * 2 / 3;
  for (int i = 0; i < kSpread; ++i) {
    delays.push_back(seconds * (i + rng.Unit()) / kSpread);
  }
  for (int i = 0; i < kKills - kSpread; ++i) {
    delays.push_back(seconds *
                     (0.75 + 0.3 * (i + rng.Unit()) / (kKills - kSpread)));
  }

  int old_store = 0, new_store = 0, with_leftovers = 0;
  const std::string store = dir_->Join("killed.annals");
  for (int i = 0; i < kKills; ++i) {
    SCOPED_TRACE(absl::StrFormat("kill %d after %.3fs", i, delays[i]));
    CopyBase(store);
    pid_t pid = StartUpgrade(store);
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::duration<double>(delays[i]));
    kill(pid, SIGKILL);
    int wait_status = WaitUpgrade(store, pid);
    if (WIFEXITED(wait_status)) {
      // Finished before the kill: it must have succeeded.
      ASSERT_EQ(WEXITSTATUS(wait_status), 0) << "annals upgrade failed";
    } else {
      ASSERT_TRUE(WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGKILL)
          << "wait status " << wait_status;
    }
    if (!Leftovers(store).empty()) ++with_leftovers;

    auto now = test::ReadStoreEntries(store);
    ASSERT_TRUE(now.ok()) << now.status();
    if (*now == *before_) {
      ++old_store;
    } else {
      ASSERT_TRUE(*now == after)
          << "neither the format-2 store nor the format-3 one; differs from "
             "the format-2 store in "
          << Differences(*now, *before_) << "and from the format-3 one in "
          << Differences(*now, after);
      ++new_store;
    }

    // Upgrading again completes the store, whatever the kill left.
    int again = RunUpgrade(store);
    ASSERT_TRUE(WIFEXITED(again) && WEXITSTATUS(again) == 0)
        << "the upgrade after the kill failed, wait status " << again;
    auto completed = test::ReadStoreEntries(store);
    ASSERT_TRUE(completed.ok()) << completed.status();
    EXPECT_TRUE(*completed == after) << Differences(*completed, after);
    std::vector<std::string> left = Leftovers(store);
    EXPECT_TRUE(left.empty()) << "left beside the store: " << left[0];
  }
  std::printf(
      "[ kills    ] seed %llu: %d left the format-2 store, %d the format-3 "
      "one, %d left a copy beside it\n",
      static_cast<unsigned long long>(seed), old_store, new_store,
      with_leftovers);
  EXPECT_GT(old_store, 0) << "no kill landed during the upgrade";
}

}  // namespace
}  // namespace annals
