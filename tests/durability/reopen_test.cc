// Durability across close/reopen and across kill -9 of a writing process:
// everything acknowledged (Assert/Retract returned OK with sync_writes) is in
// the store after reopening, the counters (next claim id, next batch) go on
// without reusing an id, and Check() stays clean.
//
// The kill test forks a child that opens the store and asserts (and now and
// then retracts) in a loop, writing each acknowledged id to a pipe; the parent
// kills it with SIGKILL after a seeded delay and verifies the store against
// what the pipe says. ANNALS_REOPEN_SEED=<n> replays other delays; the seed is
// printed with every failure.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/durability/child_pipe.h"
#include "tests/support/temp_dir.h"
#include "tests/test_rng.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

constexpr uint64_t kDefaultSeed = 77;

using test::Rng;

using test::SeedFromEnv;

class ReopenTest : public testing::Test {
 protected:
  Database OpenOrDie() {
    auto db = Database::Open(dir_);
    EXPECT_TRUE(db.ok()) << db.status();
    if (!db.ok()) std::abort();
    return std::move(db).value();
  }

  void ExpectCheckOk(Database& db) {
    auto check = db.Check();
    ASSERT_TRUE(check.ok()) << check.status();
    EXPECT_TRUE(check->ok())
        << check->problems.size() << " problems, the first: "
        << (check->problems.empty() ? "" : check->problems[0]);
  }

  test::TempDir temp_{"annals_reopen", test::TempDir::Keep::kOnFailure};
  std::string root_ = temp_.path();
  std::string dir_ = temp_.Join("store.annals");
};

// One asserted claim as the test remembers it.
struct Expected {
  ClaimInput input;
  bool retracted = false;
};

ClaimInput RandomClaim(Rng& rng, const std::map<ClaimId, Expected>& model,
                       int i) {
  ClaimInput in;
  if (!model.empty() && rng.Below(10) == 0) {
    // A claim about a claim.
    auto it = model.begin();
    std::advance(it, rng.Below(static_cast<int64_t>(model.size())));
    in.subject = Value::Claim(it->first);
    in.predicate = "confirmed_by";
  } else {
    in.subject = Value::Entity(absl::StrCat("Subject", rng.Below(10)));
    in.predicate = absl::StrCat("pred", rng.Below(5));
  }
  switch (rng.Below(5)) {
    case 0:
      in.object = Value::Entity(absl::StrCat("Object", rng.Below(50)));
      break;
    case 1:
      in.object = Value::Integer(rng.Below(1000) - 500);
      break;
    case 2:
      in.object = Value::String(absl::StrCat("text \t with tab ", i));
      break;
    case 3:
      in.object = Value::Date(TimePoint::FromCivil(
          1990 + rng.Below(40), 1 + rng.Below(12), 1 + rng.Below(28)));
      break;
    default:
      in.object = *Value::Quantity(absl::StrCat(rng.Below(100), ".5"), "bcm");
      break;
  }
  if (rng.Below(2) == 0) {
    int64_t year = 1990 + rng.Below(30);
    in.valid.from = TimePoint::FromCivil(year, 1 + rng.Below(12));
    if (rng.Below(2) == 0)
      in.valid.to = TimePoint::FromCivil(year + 1 + rng.Below(5));
  }
  if (rng.Below(2) == 0) in.source = absl::StrCat("doc", rng.Below(20));
  if (rng.Below(3) == 0) in.by = absl::StrCat("Analyst", rng.Below(3));
  in.confidence = static_cast<double>(rng.Below(101)) / 100;
  return in;
}

void ExpectMatches(const Claim& c, const Expected& e) {
  SCOPED_TRACE(absl::StrCat("claim #c", c.id));
  EXPECT_EQ(c.subject, e.input.subject) << c.subject.ToString();
  EXPECT_EQ(c.predicate, e.input.predicate);
  EXPECT_EQ(c.object, e.input.object) << c.object.ToString();
  EXPECT_EQ(c.valid.from.has_value(), e.input.valid.from.has_value());
  if (c.valid.from && e.input.valid.from) {
    EXPECT_EQ(c.valid.from->seconds, e.input.valid.from->seconds);
  }
  EXPECT_EQ(c.valid.to.has_value(), e.input.valid.to.has_value());
  if (c.valid.to && e.input.valid.to) {
    EXPECT_EQ(c.valid.to->seconds, e.input.valid.to->seconds);
  }
  EXPECT_EQ(c.source, e.input.source);
  EXPECT_EQ(c.by, e.input.by);
  EXPECT_NEAR(c.confidence, e.input.confidence, 1e-6);
  EXPECT_EQ(c.retracted.has_value(), e.retracted);
}

TEST_F(ReopenTest, AcknowledgedAssertsAndRetractsSurviveReopen) {
  const uint64_t seed = SeedFromEnv("ANNALS_REOPEN_SEED", kDefaultSeed);
  SCOPED_TRACE(absl::StrCat("ANNALS_REOPEN_SEED=", seed));
  Rng rng(seed);
  std::map<ClaimId, Expected> model;
  ClaimId max_id = 0;
  // Three sessions of writes, each closed and reopened.
  for (int session = 0; session < 3; ++session) {
    SCOPED_TRACE(absl::StrCat("session ", session));
    {
      Database db = OpenOrDie();
      for (int i = 0; i < 150; ++i) {
        if (!model.empty() && rng.Below(5) == 0) {
          auto it = model.begin();
          std::advance(it, rng.Below(static_cast<int64_t>(model.size())));
          absl::Status s = db.Retract(it->first);
          if (it->second.retracted) {
            EXPECT_TRUE(absl::IsFailedPrecondition(s)) << s;
          } else {
            ASSERT_TRUE(s.ok()) << s;
            it->second.retracted = true;
          }
          continue;
        }
        ClaimInput in = RandomClaim(rng, model, i);
        auto id = db.Assert(in);
        ASSERT_TRUE(id.ok()) << id.status();
        ASSERT_GT(*id, max_id) << "claim id reused or not increasing";
        max_id = *id;
        model[*id] = Expected{in, false};
      }
    }  // closed here

    Database db = OpenOrDie();
    int64_t live = 0;
    for (const auto& [id, e] : model) {
      auto c = db.Get(id);
      ASSERT_TRUE(c.ok()) << "#c" << id << ": " << c.status();
      ExpectMatches(*c, e);
      if (!e.retracted) ++live;
    }
    auto all = db.Find({}, TimeView::AllTime());
    ASSERT_TRUE(all.ok()) << all.status();
    EXPECT_EQ(static_cast<int64_t>(all->size()), live);
    TimeView history = TimeView::AllTime();
    history.include_retracted = true;
    auto everything = db.Find({}, history);
    ASSERT_TRUE(everything.ok()) << everything.status();
    EXPECT_EQ(everything->size(), model.size());
    auto stats = db.Stats();
    ASSERT_TRUE(stats.ok()) << stats.status();
    EXPECT_EQ(stats->claims, static_cast<int64_t>(model.size()));
    ExpectCheckOk(db);
    EXPECT_TRUE(absl::IsNotFound(db.Retract(max_id + 1000)));
  }
}

TEST_F(ReopenTest, CountersContinueWithoutReuseAfterReopen) {
  ClaimId last = 0;
  uint64_t last_batch = 0;
  {
    Database db = OpenOrDie();
    for (int i = 0; i < 5; ++i) {
      ClaimInput in;
      in.subject = Value::Entity("A");
      in.predicate = "p";
      in.object = Value::Integer(i);
      auto id = db.Assert(in);
      ASSERT_TRUE(id.ok()) << id.status();
      last = *id;
    }
    // Retracting the newest claim must not free its id.
    ASSERT_TRUE(db.Retract(last).ok());
  }
  const std::string tsv = root_ + "/small.tsv";
  {
    FILE* f = std::fopen(tsv.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("subject\tpredicate\tobject\tvalid_from\n", f);
    for (int i = 0; i < 50; ++i) {
      std::fprintf(f, "B%d\tloaded\tC%d\t2020-01-%02d\n", i % 7, i, 1 + i % 28);
    }
    std::fclose(f);
  }
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE(absl::StrCat("round ", round));
    {
      Database db = OpenOrDie();
      ClaimInput in;
      in.subject = Value::Entity("A");
      in.predicate = "p";
      in.object = Value::Integer(100 + round);
      auto id = db.Assert(in);
      ASSERT_TRUE(id.ok()) << id.status();
      EXPECT_EQ(*id, last + 1) << "ids go on from the last one ever used";
      last = *id;
    }
    {
      Database db = OpenOrDie();
      // A new file each round so that the load adds claims.
      const std::string file = absl::StrCat(root_, "/round", round, ".tsv");
      fs::copy_file(tsv, file, fs::copy_options::overwrite_existing);
      {
        FILE* f = std::fopen(file.c_str(), "a");
        ASSERT_NE(f, nullptr);
        std::fprintf(f, "R%d\tloaded\tX\t2021\n", round);
        std::fclose(f);
      }
      auto result = db.Load({file});
      ASSERT_TRUE(result.ok()) << result.status();
      ASSERT_GT(result->claims_added, 0);
      EXPECT_EQ(result->first_claim, last + 1);
      ASSERT_EQ(result->batches.size(), 1u);
      EXPECT_GT(result->batches[0], last_batch) << "batch id reused";
      last_batch = result->batches[0];
      last = result->first_claim + result->claims_added - 1;
      auto got = db.Get(last);
      ASSERT_TRUE(got.ok()) << got.status();
      EXPECT_EQ(got->batch, last_batch);
    }
    Database db = OpenOrDie();
    auto got = db.Get(last);
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_TRUE(absl::IsNotFound(db.Get(last + 1).status()));
    ExpectCheckOk(db);
  }
}

// The child: opens the store and asserts until killed, retracting every
// fifth claim it asserted; after each acknowledged write it sends the id on
// `fd` (retractions with the top bit set). Never returns. Runs in a forked
// child without exec: the parent must hold no store open when forking, and
// RocksDB's background pool threads of the parent do not exist here, which
// is fine for these few small writes (no flush or compaction is needed).
[[noreturn]] void AssertUntilKilled(const std::string& dir, int round, int fd) {
  auto db = Database::Open(dir);
  if (!db.ok()) {
    std::fprintf(stderr, "child: %s\n", db.status().ToString().c_str());
    _exit(3);
  }
  std::vector<ClaimId> mine;
  for (int64_t i = 0;; ++i) {
    uint64_t message;
    if (i % 5 == 4 && !mine.empty()) {
      ClaimId target = mine[static_cast<size_t>(i) % mine.size()];
      absl::Status s = db->Retract(target);
      if (absl::IsFailedPrecondition(s)) continue;  // retracted already
      if (!s.ok()) _exit(4);
      message = target | (uint64_t{1} << 63);
    } else {
      ClaimInput in;
      in.subject = Value::Entity(absl::StrCat("K", round, "-", i % 7));
      in.predicate = absl::StrCat("killed_p", i % 3);
      in.object = Value::Integer(i);
      in.source = "kill test";
      auto id = db->Assert(in);
      if (!id.ok()) _exit(5);
      mine.push_back(*id);
      message = *id;
    }
    if (write(fd, &message, sizeof message) != sizeof message) _exit(6);
  }
}

TEST_F(ReopenTest, KillDuringAssertsKeepsEveryAcknowledgedWrite) {
  const uint64_t seed = SeedFromEnv("ANNALS_REOPEN_SEED", kDefaultSeed);
  SCOPED_TRACE(absl::StrCat("ANNALS_REOPEN_SEED=", seed));
  Rng rng(seed);
  constexpr int kKills = 10;

  int64_t claims = 0;
  std::set<ClaimId> acked_asserts, acked_retracts;
  ClaimId max_acked = 0;
  {
    Database db = OpenOrDie();  // created here, in the parent
    for (int i = 0; i < 10; ++i) {
      ClaimInput in;
      in.subject = Value::Entity("Before");
      in.predicate = "p";
      in.object = Value::Integer(i);
      auto id = db.Assert(in);
      ASSERT_TRUE(id.ok());
      acked_asserts.insert(*id);
      max_acked = *id;
      ++claims;
    }
  }

  for (int round = 0; round < kKills; ++round) {
    // The child runs 20 to 250 ms after its first acknowledged write.
    const int delay_ms = 20 + static_cast<int>(rng.Below(231));
    SCOPED_TRACE(absl::StrFormat("kill %d, %d ms after the first write", round,
                                 delay_ms));
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      AssertUntilKilled(dir_, round, fds[1]);
    }
    close(fds[1]);

    test::ChildPipe<uint64_t> pipe_end(fds[0]);
    // Wait (at most 20 s) for the child to acknowledge its first write.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (pipe_end.messages().empty() &&
           std::chrono::steady_clock::now() < deadline) {
      if (!pipe_end.ReadSome(100)) {
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid) {
          FAIL() << "the child died before writing, wait status " << status;
        }
      }
    }
    if (pipe_end.messages().empty()) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
      FAIL() << "the child wrote nothing in 20 s";
    }
    const int status = pipe_end.KillAfter(pid, delay_ms, 5);
    ASSERT_TRUE(test::KilledBySigkill(status))
        << "the child ended on its own, wait status " << status;
    const std::vector<uint64_t>& messages = pipe_end.messages();

    int64_t asserted = 0;
    for (uint64_t m : messages) {
      if (m >> 63) {
        acked_retracts.insert(m & ~(uint64_t{1} << 63));
      } else {
        ASSERT_GT(m, max_acked) << "a claim id was reused";
        max_acked = m;
        acked_asserts.insert(m);
        ++asserted;
      }
    }
    ASSERT_GT(asserted, 0);

    Database db = OpenOrDie();
    std::vector<ClaimId> unacked_retracts;
    for (ClaimId id : acked_asserts) {
      auto c = db.Get(id);
      ASSERT_TRUE(c.ok()) << "acknowledged claim #c" << id
                          << " lost: " << c.status();
      if (acked_retracts.count(id) > 0) {
        EXPECT_TRUE(c->retracted.has_value())
            << "acknowledged retraction of #c" << id << " lost";
      } else if (c->retracted.has_value()) {
        unacked_retracts.push_back(id);
      }
    }
    // At most one write (an assert or a retract) was done but not yet
    // acknowledged when the child died.
    auto stats = db.Stats();
    ASSERT_TRUE(stats.ok()) << stats.status();
    claims += asserted;
    EXPECT_GE(stats->claims, claims);
    EXPECT_LE(
        stats->claims - claims + static_cast<int64_t>(unacked_retracts.size()),
        1)
        << "more writes than acknowledged, plus one in flight";
    acked_retracts.insert(unacked_retracts.begin(), unacked_retracts.end());
    claims = stats->claims;
    ExpectCheckOk(db);

    // The parent's next claim gets a fresh id.
    ClaimInput in;
    in.subject = Value::Entity("Parent");
    in.predicate = "p";
    in.object = Value::Integer(round);
    auto id = db.Assert(in);
    ASSERT_TRUE(id.ok()) << id.status();
    EXPECT_GT(*id, max_acked);
    EXPECT_EQ(static_cast<int64_t>(*id), claims + 1)
        << "ids are dense: every claim ever asserted is still there";
    max_acked = *id;
    ++claims;
    std::printf("[ kill %2d  ] %zu writes acknowledged before the kill\n",
                round, messages.size());
  }
}

}  // namespace
}  // namespace annals
