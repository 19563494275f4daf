// The kill -9 load test: `annals load` is all or nothing even when the
// process dies at an arbitrary moment.
//
// Once per run the suite writes a TSV of 200,000 generated facts (the shape of
// /work/shared/bench/gen_facts.py) and a store that already holds a small first
// load plus a few asserts and a retraction. One timed run of the real CLI
// (`annals load --quiet STORE FILE`) measures the load time T and the number N
// of claims it adds. Then, for a seeded set of delays spread over [0, 1.05 T],
// a copy of the store gets the same load, killed with SIGKILL after the delay
// (a third of the delays fall near the end, where the load is ingested).
// Reopened, the store must hold exactly the claims it held before or exactly
// before + N (with the same per-predicate counts as one of those two states),
// pass Check(), and have no load-tmp-* directory left; loading again then
// completes it.
//
// ANNALS_KILL_SEED=<n> in the environment replays another set of delays; the
// seed in use is printed with every failure.
#include <signal.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"
#include "tests/test_rng.h"

namespace annals {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Sanitizer builds run the CLI several times slower: a smaller load keeps
// the test's kills spread over the whole load in a fraction of the time.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int kLoadRows = 20000;
#else
constexpr int kLoadRows = 200000;
#endif
constexpr int kBaseRows = 3000;
constexpr int kKills = 12;
constexpr uint64_t kDefaultSeed = 20250902;

using test::Rng;

// Writes `rows` facts shaped like gen_facts.py: Zipf-skewed entities, one-day
// events, chains of changing states and numeric measurements, some recorded
// later than they became true.
void WriteFacts(const std::string& path, int rows, uint64_t seed) {
  static const char* const kEvents[] = {
      "signed",     "met_with",        "criticized",      "visited",
      "sanctioned", "announced",       "cooperated_with", "accused",
      "praised",    "negotiated_with", "hosted",          "threatened",
      "supplied",   "invested_in",     "condemned",       "appealed_to"};
  static const char* const kStates[] = {"leader_of",   "member_of",  "ceo_of",
                                        "allied_with", "located_in", "owns"};
  static const char* const kMeasures[] = {"gas_export_bcm", "tariff_percent",
                                          "capacity_bcm", "price_usd"};
  constexpr int64_t kSpanDays = 36 * 365;
  const absl::CivilDay epoch(1990, 1, 1);
  auto day = [&](int64_t offset) {
    return absl::FormatCivilTime(epoch + offset);
  };

  Rng rng(seed);
  const int entities = std::max(1000, rows / 20);
  std::vector<double> cumulative(entities);
  double total = 0;
  for (int i = 0; i < entities; ++i) {
    total += 1.0 / std::pow(i + 1.0, 0.9);
    cumulative[i] = total;
  }
  auto entity = [&] {
    double x = rng.Unit() * total;
    auto it = std::lower_bound(cumulative.begin(), cumulative.end(), x);
    return absl::StrCat("E", it - cumulative.begin());
  };

  std::string out =
      "subject\tpredicate\tobject\tvalid_from\tvalid_to\trecorded_at\tsource\n";
  int written = 0;
  while (written < rows) {
    double kind = rng.Unit();
    std::string src = absl::StrCat("src", rng.Below(200));
    if (kind < 0.70) {  // an event, valid for one day
      std::string s = entity(), o = entity();
      const char* p = kEvents[rng.Below(16)];
      int64_t t = rng.Below(kSpanDays);
      int64_t lag = rng.Unit() < 0.8 ? 0 : rng.Range(1, 400);
      absl::StrAppend(&out, s, "\t", p, "\t", o, "\t", day(t), "\t", day(t + 1),
                      "\t", day(t + lag), "\t", src, "\n");
      ++written;
      continue;
    }
    // A chain of states or measurements of one (subject, predicate).
    std::string s = entity();
    bool measure = kind >= 0.88;
    const char* p = measure ? kMeasures[rng.Below(4)] : kStates[rng.Below(6)];
    int64_t t = rng.Below(kSpanDays - 3000);
    int64_t steps = rng.Range(2, 8);
    int64_t value = rng.Range(10, 100);
    for (int64_t i = 0; i < steps && written < rows; ++i) {
      int64_t next = t + rng.Range(30, 900);
      bool last = i == steps - 1;
      std::string object;
      if (measure) {
        value = std::max<int64_t>(1, value + rng.Range(-15, 16));
        object = absl::StrCat(value);
      } else {
        object = entity();
      }
      int64_t lag = rng.Unit() < 0.7 ? 0 : rng.Range(1, 200);
      absl::StrAppend(&out, s, "\t", p, "\t", object, "\t", day(t), "\t",
                      last ? "" : day(next), "\t", day(t + lag), "\t", src,
                      "\n");
      ++written;
      t = next;
    }
  }
  FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr) << path;
  ASSERT_EQ(std::fwrite(out.data(), 1, out.size(), f), out.size());
  ASSERT_EQ(std::fclose(f), 0);
}

// A load's streams pass through files in the directory of its store.
test::RunOptions LoadOptions(const std::string& store) {
  test::RunOptions options;
  options.dir = fs::path(store).parent_path().string();
  return options;
}

// Starts `annals load --quiet store file`; returns the child's pid.
pid_t StartLoad(const std::string& store, const std::string& file) {
  return test::StartProgram(test::CliArgv({"load", "--quiet", store, file}),
                            LoadOptions(store));
}

// Waits for a started load; returns the wait status.
int WaitLoad(const std::string& store, pid_t pid) {
  return test::WaitProgram(pid, LoadOptions(store)).wait_status;
}

// Runs a load to completion; returns the wait status.
int RunLoad(const std::string& store, const std::string& file) {
  pid_t pid = StartLoad(store, file);
  if (pid < 0) return -1;
  return WaitLoad(store, pid);
}

std::vector<std::string> LoadLeftovers(const std::string& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.rfind("load-tmp-", 0) == 0) found.push_back(name);
  }
  return found;
}

// What a store holds, as far as this test cares.
struct Contents {
  int64_t claims = 0;          // Stats: the counters in meta
  int64_t checked_claims = 0;  // Check: the claim records
  std::map<std::string, int64_t> per_predicate;
};

Contents ReadContents(Database& db) {
  Contents c;
  auto stats = db.Stats();
  EXPECT_TRUE(stats.ok()) << stats.status();
  if (stats.ok()) {
    c.claims = stats->claims;
    c.per_predicate = stats->claims_per_predicate;
  }
  auto check = db.Check();
  EXPECT_TRUE(check.ok()) << check.status();
  if (check.ok()) {
    c.checked_claims = check->claims;
    EXPECT_TRUE(check->ok())
        << "Check() found " << check->problems.size()
        << " problems, the first: "
        << (check->problems.empty() ? "" : check->problems[0]);
  }
  return c;
}

std::string Describe(const std::map<std::string, int64_t>& m) {
  std::string out;
  for (const auto& [p, n] : m) absl::StrAppend(&out, p, "=", n, " ");
  return out;
}

class KillLoadTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir("annals_kill_load");
    root_ = new std::string(dir_->path());
    base_ = new std::string(*root_ + "/base.annals");
    file_ = new std::string(*root_ + "/facts.tsv");
    const std::string base_file = *root_ + "/first.tsv";
    WriteFacts(base_file, kBaseRows, 1);
    WriteFacts(*file_, kLoadRows, 2);

    // The store "as before": a small first load, a few asserts, a retraction.
    auto db = Database::Open(*base_);
    ASSERT_TRUE(db.ok()) << db.status();
    auto first = db->Load({base_file});
    ASSERT_TRUE(first.ok()) << first.status();
    ASSERT_GT(first->claims_added, kBaseRows * 9 / 10);
    ClaimId last = 0;
    for (int i = 0; i < 20; ++i) {
      ClaimInput in;
      in.subject = Value::Entity(absl::StrCat("E", i));
      in.predicate = "asserted_by_hand";
      in.object = Value::Integer(i);
      auto id = db->Assert(in);
      ASSERT_TRUE(id.ok()) << id.status();
      last = *id;
    }
    ASSERT_TRUE(db->Retract(last).ok());
    before_ = new Contents(ReadContents(*db));
    ASSERT_EQ(before_->claims, before_->checked_claims);
  }

  static void TearDownTestSuite() {
    if (keep_files_ && dir_ != nullptr) {
      dir_->set_keep(test::TempDir::Keep::kAlways);
    }
    delete dir_;
    dir_ = nullptr;
    delete root_;
    delete base_;
    delete file_;
    delete before_;
    root_ = base_ = file_ = nullptr;
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
  static std::string* root_;
  static std::string* base_;
  static std::string* file_;
  static Contents* before_;
  static bool keep_files_;
};

test::TempDir* KillLoadTest::dir_ = nullptr;
std::string* KillLoadTest::root_ = nullptr;
std::string* KillLoadTest::base_ = nullptr;
std::string* KillLoadTest::file_ = nullptr;
Contents* KillLoadTest::before_ = nullptr;
bool KillLoadTest::keep_files_ = false;

TEST_F(KillLoadTest, LoadIsAllOrNothingUnderSigkill) {
  ASSERT_NE(before_, nullptr);
  uint64_t seed = kDefaultSeed;
  if (const char* env = std::getenv("ANNALS_KILL_SEED")) {
    seed = std::strtoull(env, nullptr, 10);
  }
  SCOPED_TRACE(absl::StrCat("ANNALS_KILL_SEED=", seed));

  // One timed, complete run: the load time T and the state "after".
  const std::string timed = *root_ + "/timed.annals";
  CopyBase(timed);
  auto start = Clock::now();
  int status = RunLoad(timed, *file_);
  double load_seconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << "annals load failed, wait status " << status;
  Contents after;
  {
    auto db = Database::Open(timed);
    ASSERT_TRUE(db.ok()) << db.status();
    after = ReadContents(*db);
  }
  const int64_t added = after.claims - before_->claims;
  ASSERT_EQ(after.claims, after.checked_claims);
  ASSERT_GT(added, kLoadRows * 9 / 10);
  ASSERT_NE(after.per_predicate, before_->per_predicate);
  std::printf(
      "[ timing   ] a load of %d rows (%lld claims added) takes %.2fs\n",
      kLoadRows, static_cast<long long>(added), load_seconds);

  // Delays stratified over [0, T] (one at random within each stratum, so that
  // every phase of the load is likely to be hit: start-up, reading, sorting,
  // writing SST files), plus a third of them over [0.75 T, 1.05 T], where the
  // SST files are finished and ingested and the process exits.
  Rng rng(seed);
  std::vector<double> delays;
  constexpr int kSpread = kKills * 2 / 3;
  for (int i = 0; i < kSpread; ++i) {
    delays.push_back(load_seconds * (i + rng.Unit()) / kSpread);
  }
  for (int i = 0; i < kKills - kSpread; ++i) {
    delays.push_back(load_seconds *
                     (0.75 + 0.3 * (i + rng.Unit()) / (kKills - kSpread)));
  }

  int lost = 0, complete = 0, with_leftovers = 0;
  const std::string store = *root_ + "/killed.annals";
  for (int i = 0; i < kKills; ++i) {
    SCOPED_TRACE(absl::StrFormat("kill %d after %.3fs", i, delays[i]));
    CopyBase(store);
    pid_t pid = StartLoad(store, *file_);
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::duration<double>(delays[i]));
    kill(pid, SIGKILL);
    int wait_status = WaitLoad(store, pid);
    if (WIFEXITED(wait_status)) {
      // Finished before the kill: it must have succeeded.
      ASSERT_EQ(WEXITSTATUS(wait_status), 0) << "annals load failed";
    } else {
      ASSERT_TRUE(WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGKILL)
          << "wait status " << wait_status;
    }
    if (!LoadLeftovers(store).empty()) ++with_leftovers;

    {
      auto db = Database::Open(store);
      ASSERT_TRUE(db.ok()) << db.status();
      std::vector<std::string> left = LoadLeftovers(store);
      EXPECT_TRUE(left.empty()) << "left after reopen: " << left[0];
      Contents now = ReadContents(*db);
      ASSERT_EQ(now.claims, now.checked_claims)
          << "meta counters and claim records disagree";
      if (now.claims == before_->claims) {
        ++lost;
        EXPECT_EQ(now.per_predicate, before_->per_predicate)
            << Describe(now.per_predicate);
      } else {
        ASSERT_EQ(now.claims, after.claims)
            << "a partial load: " << now.claims - before_->claims << " of "
            << added << " claims";
        ++complete;
        EXPECT_EQ(now.per_predicate, after.per_predicate)
            << Describe(now.per_predicate);
      }
    }

    // Loading again completes the store, whatever the kill left.
    int again = RunLoad(store, *file_);
    ASSERT_TRUE(WIFEXITED(again) && WEXITSTATUS(again) == 0)
        << "the load after the kill failed, wait status " << again;
    auto db = Database::Open(store);
    ASSERT_TRUE(db.ok()) << db.status();
    Contents now = ReadContents(*db);
    EXPECT_EQ(now.claims, after.claims);
    EXPECT_EQ(now.checked_claims, after.claims);
    EXPECT_EQ(now.per_predicate, after.per_predicate);
  }
  std::printf(
      "[ kills    ] seed %llu: %d loads lost, %d complete, %d kills left "
      "load-tmp files behind\n",
      static_cast<unsigned long long>(seed), lost, complete, with_leftovers);
  EXPECT_GT(lost, 0) << "no kill landed during the load";
}

}  // namespace
}  // namespace annals
