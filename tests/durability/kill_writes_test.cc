// Crash safety under many kills: a forked child opens the store and runs a
// seeded mix of Assert, Retract and small loads, telling the parent through
// a pipe what it is about to do and what each write returned; the parent
// kills it with SIGKILL at a seeded moment (some while it is still opening
// the store, most a few milliseconds into its writes), reopens the store and
// checks it against the pipe: every acknowledged write is there, a load the
// child began is all there or not at all, an unacknowledged assert is there
// or not (never twice), and Check() passes. 200 kills per run (fewer under
// the sanitizers); ANNALS_KILL_WRITES_SEED=<n> replays another run, and the
// seed is printed with every failure.
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
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
using test::Rng;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int kKills = 50;
#else
constexpr int kKills = 200;
#endif
constexpr int kLoadRows = 40;

// What the child tells the parent, 24 bytes a message (atomic on a pipe).
struct Message {
  enum Kind : uint64_t {
    kAsserting,   // a: the claim's number in the round
    kAsserted,    // a: its number, b: its id
    kRetracting,  // a: the id
    kRetracted,   // a: the id
    kLoading,     // a: the load's number in the round
    kLoaded,      // a: its number, b: claims added
  };
  uint64_t kind, a, b;
};

std::string ClaimSubject(int round, uint64_t n) {
  return absl::StrCat("K", round, "_", n);
}
std::string LoadSubject(int round, uint64_t n) {
  return absl::StrCat("L", round, "_", n);
}

void Send(int fd, Message m) {
  if (write(fd, &m, sizeof m) != sizeof m) _exit(3);
}

// The child: writes until killed. Never returns.
[[noreturn]] void WriteUntilKilled(const std::string& dir, int round,
                                   uint64_t seed, int fd) {
  auto db = Database::Open(dir);
  if (!db.ok()) _exit(2);
  Rng rng(seed);
  std::vector<ClaimId> mine;
  for (uint64_t n = 0;; ++n) {
    const int64_t what = rng.Below(10);
    if (what == 0) {  // a small load of kLoadRows claims
      std::string path = absl::StrCat(dir, "/../load_", round, "_", n, ".tsv");
      {
        std::ofstream out(path);
        out << "subject\tpredicate\tobject\tvalid_from\n";
        for (int r = 0; r < kLoadRows; ++r) {
          out << LoadSubject(round, n) << "\tloaded\tO" << r << "\t2020\n";
        }
      }
      Send(fd, {Message::kLoading, n, 0});
      auto loaded = db->Load({path});
      if (!loaded.ok()) _exit(4);
      Send(fd,
           {Message::kLoaded, n, static_cast<uint64_t>(loaded->claims_added)});
    } else if (what <= 2 && !mine.empty()) {
      ClaimId id = mine[rng.Below(static_cast<int64_t>(mine.size()))];
      Send(fd, {Message::kRetracting, id, 0});
      absl::Status s = db->Retract(id);
      if (s.ok()) Send(fd, {Message::kRetracted, id, 0});
    } else {
      ClaimInput in;
      in.subject = Value::Entity(ClaimSubject(round, n));
      in.predicate = "said";
      in.object = Value::Integer(static_cast<int64_t>(n));
      in.source = "kill-test";
      Send(fd, {Message::kAsserting, n, 0});
      auto id = db->Assert(in);
      if (!id.ok()) _exit(5);
      mine.push_back(*id);
      Send(fd, {Message::kAsserted, n, *id});
    }
  }
}

class KillWritesTest : public testing::Test {
 protected:
  int64_t Count(Database& db, const std::string& subject) {
    auto found = db.Find({Value::Entity(subject), std::nullopt, std::nullopt},
                         TimeView::AllTime());
    EXPECT_TRUE(found.ok()) << found.status();
    return found.ok() ? static_cast<int64_t>(found->size()) : -1;
  }

  test::TempDir temp_{"annals_kill_writes", test::TempDir::Keep::kOnFailure};
  std::string root_ = temp_.path();
  std::string dir_ = temp_.Join("store.annals");
};

TEST_F(KillWritesTest, EveryAcknowledgedWriteSurvivesAndNothingIsHalfThere) {
  const uint64_t seed = test::SeedFromEnv("ANNALS_KILL_WRITES_SEED", 2026);
  SCOPED_TRACE(absl::StrCat("ANNALS_KILL_WRITES_SEED=", seed));
  Rng rng(seed);
  {
    auto db = Database::Open(dir_);  // created by the parent
    ASSERT_TRUE(db.ok()) << db.status();
  }
  std::map<ClaimId, std::string> acked;  // id -> subject
  std::set<ClaimId> retracted;
  int kills_while_opening = 0, writes_acknowledged = 0;
  for (int round = 0; round < kKills; ++round) {
    // One kill in ten while the child may still be opening (recovering) the
    // store; the others 0 to 25 ms after its first acknowledged write.
    const bool early = rng.Below(10) == 0;
    const int delay_ms = static_cast<int>(rng.Below(early ? 15 : 26));
    const uint64_t child_seed = rng.Below(int64_t{1} << 40);
    SCOPED_TRACE(absl::StrFormat("kill %d (%s, %d ms)", round,
                                 early ? "early" : "after a write", delay_ms));
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      WriteUntilKilled(dir_, round, child_seed, fds[1]);
    }
    close(fds[1]);
    test::ChildPipe<Message> pipe_end(fds[0]);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    if (!early) {
      while (pipe_end.messages().size() < 2 &&
             std::chrono::steady_clock::now() < deadline) {
        pipe_end.ReadSome(50);
      }
    }
    const int status = pipe_end.KillAfter(pid, delay_ms, 2);
    ASSERT_TRUE(test::KilledBySigkill(status))
        << "the child ended on its own, wait status " << status;
    const std::vector<Message>& messages = pipe_end.messages();
    if (messages.empty()) ++kills_while_opening;

    // What the child acknowledged, and what it was doing when it died.
    std::map<uint64_t, int> loads;  // load number -> 1 began, 2 acknowledged
    std::set<uint64_t> asserting;
    for (const Message& m : messages) {
      switch (m.kind) {
        case Message::kAsserting:
          asserting.insert(m.a);
          break;
        case Message::kAsserted:
          asserting.erase(m.a);
          acked[m.b] = ClaimSubject(round, m.a);
          ++writes_acknowledged;
          break;
        case Message::kRetracted:
          retracted.insert(m.a);
          ++writes_acknowledged;
          break;
        case Message::kLoading:
          loads[m.a] = 1;
          break;
        case Message::kLoaded:
          ASSERT_EQ(m.b, static_cast<uint64_t>(kLoadRows));
          loads[m.a] = 2;
          ++writes_acknowledged;
          break;
        default:
          break;
      }
    }

    auto db = Database::Open(dir_);
    ASSERT_TRUE(db.ok()) << "reopening after the kill: " << db.status();
    for (const auto& [id, subject] : acked) {
      auto c = db->Get(id);
      ASSERT_TRUE(c.ok()) << "acknowledged #c" << id << " lost: " << c.status();
      ASSERT_EQ(c->subject, Value::Entity(subject)) << "#c" << id;
      if (retracted.count(id) > 0) {
        ASSERT_TRUE(c->retracted.has_value())
            << "acknowledged retraction of #c" << id << " lost";
      }
    }
    for (const auto& [n, state] : loads) {
      const int64_t there = Count(*db, LoadSubject(round, n));
      if (state == 2) {
        ASSERT_EQ(there, kLoadRows) << "acknowledged load " << n;
      } else {
        ASSERT_TRUE(there == 0 || there == kLoadRows)
            << "load " << n << " is half there: " << there << " claims";
      }
    }
    for (uint64_t n : asserting) {  // died during this Assert
      ASSERT_LE(Count(*db, ClaimSubject(round, n)), 1);
    }
    auto check = db->Check();
    ASSERT_TRUE(check.ok()) << check.status();
    ASSERT_TRUE(check->ok()) << check->problems.front();
  }
  std::printf(
      "[ kills    ] %d kills (%d before any write), %d writes "
      "acknowledged, seed %llu\n",
      kKills, kills_while_opening, writes_acknowledged,
      static_cast<unsigned long long>(seed));
}

}  // namespace
}  // namespace annals
