// A write-ahead log damaged at its end is reported, never dropped silently:
// claims are asserted with the log on (each Assert one synced log record),
// the store is closed without flushing its memtables, the log's last bytes
// are cut off or garbled, and the store is reopened. Opening fails with
// DataLoss naming the log and `annals check --repair`, and changes nothing;
// with Options::drop_damaged_wal_tail (what --repair uses) it opens with
// every write before the damage, keeping a copy of the damaged log. A
// follower beside a live writer reads the log up to a half-written record.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

constexpr int kClaims = 20;

enum class Damage { kCutShort, kGarbled };

class WalTailTest : public testing::TestWithParam<Damage> {
 protected:
  // Asserts kClaims claims (E0..E19 knows O0..O19) and closes the store.
  void WriteClaims() {
    auto db = Database::Open(store_);
    ASSERT_TRUE(db.ok()) << db.status();
    for (int i = 0; i < kClaims; ++i) {
      ClaimInput in;
      in.subject = Value::Entity(absl::StrCat("E", i));
      in.predicate = "knows";
      in.object = Value::Entity(absl::StrCat("O", i));
      auto id = db->Assert(in);
      ASSERT_TRUE(id.ok()) << id.status();
    }
  }

  // The newest log, which holds the asserts.
  std::string LogPath() {
    std::string newest;
    for (const auto& e : fs::directory_iterator(store_)) {
      std::string name = e.path().filename().string();
      if (absl::EndsWith(name, ".log") && name > newest) newest = name;
    }
    return newest.empty() ? "" : store_ + "/" + newest;
  }

  void DamageLog() {
    log_ = LogPath();
    ASSERT_FALSE(log_.empty()) << "no write-ahead log in " << store_;
    std::string bytes = test::ReadFile(log_);
    ASSERT_GT(bytes.size(), 100u);
    if (GetParam() == Damage::kCutShort) {
      bytes.resize(bytes.size() - 7);
    } else {
      bytes[bytes.size() - 5] ^= 0x5a;  // inside the last record's payload
    }
    ASSERT_TRUE(test::WriteFile(log_, bytes));
    damaged_ = bytes;
  }

  int CountClaims(Database& db) {
    ClaimPattern knows;
    knows.predicate = "knows";
    auto rows = db.Find(knows, TimeView());
    EXPECT_TRUE(rows.ok()) << rows.status();
    return rows.ok() ? static_cast<int>(rows->size()) : -1;
  }

  test::TempDir temp_{"annals_wal", test::TempDir::Keep::kOnFailure};
  std::string store_ = temp_.Join("store.annals");
  std::string log_;
  std::string damaged_;
};

TEST_P(WalTailTest, OpenReportsTheLogAndChangesNothing) {
  WriteClaims();
  DamageLog();
  for (bool read_only : {false, true}) {
    SCOPED_TRACE(read_only ? "read-only" : "writable");
    Options options;
    options.read_only = read_only;
    auto db = Database::Open(store_, options);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.status().code(), absl::StatusCode::kDataLoss) << db.status();
    const std::string message(db.status().message());
    EXPECT_TRUE(absl::StrContains(message, "write-ahead log")) << message;
    EXPECT_TRUE(absl::StrContains(message, fs::path(log_).filename().string()))
        << message;
    EXPECT_TRUE(absl::StrContains(message, "annals check --repair " + store_))
        << message;
    // Nothing changed: the damaged log is still there as it was.
    EXPECT_EQ(test::ReadFile(log_), damaged_);
  }
}

TEST_P(WalTailTest, OptingInKeepsEveryWriteBeforeTheDamage) {
  WriteClaims();
  DamageLog();
  Options options;
  options.drop_damaged_wal_tail = true;
  {
    auto db = Database::Open(store_, options);
    ASSERT_TRUE(db.ok()) << db.status();
    // The last assert was the damaged record; the 19 before it are there.
    EXPECT_EQ(CountClaims(*db), kClaims - 1);
    auto check = db->Check();
    ASSERT_TRUE(check.ok()) << check.status();
    EXPECT_TRUE(check->ok()) << check->problems.front();
  }
  // The damaged log is kept, as it was.
  std::vector<std::string> copies;
  for (const auto& e : fs::directory_iterator(store_)) {
    if (absl::StartsWith(e.path().filename().string(), "damaged-wal-")) {
      copies.push_back(e.path().string());
    }
  }
  ASSERT_EQ(copies.size(), 1u);
  EXPECT_EQ(
      test::ReadFile(copies[0] + "/" + fs::path(log_).filename().string()),
      damaged_);
  // Repaired for good: a plain open works, and new writes go on.
  auto db = Database::Open(store_);
  ASSERT_TRUE(db.ok()) << db.status();
  EXPECT_EQ(CountClaims(*db), kClaims - 1);
  ClaimInput in;
  in.subject = Value::Entity("E99");
  in.predicate = "knows";
  in.object = Value::Entity("O99");
  EXPECT_TRUE(db->Assert(in).ok());
  EXPECT_EQ(CountClaims(*db), kClaims);
}

TEST_P(WalTailTest, CliCheckSaysWhatToDoAndRepairDoesIt) {
  WriteClaims();
  DamageLog();
  test::CliResult plain = test::RunCli(temp_.path(), {"check", store_});
  EXPECT_NE(plain.exit_code, 0);
  EXPECT_TRUE(absl::StrContains(plain.err, "write-ahead log")) << plain.err;
  EXPECT_TRUE(absl::StrContains(plain.err, "--repair")) << plain.err;

  test::CliResult repaired =
      test::RunCli(temp_.path(), {"check", "--repair", store_});
  EXPECT_EQ(repaired.exit_code, 0) << repaired.err;
  EXPECT_TRUE(absl::StrContains(repaired.out, "repaired:")) << repaired.out;
  EXPECT_TRUE(absl::StrContains(repaired.out, "damaged-wal-")) << repaired.out;
  EXPECT_TRUE(absl::StrContains(repaired.out,
                                absl::StrCat("ok: ", kClaims - 1, " claims")))
      << repaired.out;

  // Nothing left to repair: --repair says so and checks.
  test::CliResult again =
      test::RunCli(temp_.path(), {"check", "--repair", store_});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(absl::StrContains(again.out, "nothing to repair")) << again.out;
}

// A follower opened while another process writes may find the log's last
// record half-written: that is the writer's work in progress, not damage
// (a record whose checksum fails still is).
// (Here a child process holds the writer's lock over a log cut short.)
TEST_P(WalTailTest, AFollowerBesideALiveWriterReadsUpToItsLastRecord) {
  WriteClaims();
  DamageLog();
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  pid_t holder = fork();
  ASSERT_GE(holder, 0);
  if (holder == 0) {
    int fd = open((store_ + "/LOCK").c_str(), O_RDWR);
    struct flock lock = {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    char ok = (fd >= 0 && fcntl(fd, F_SETLK, &lock) == 0) ? 'y' : 'n';
    (void)!write(ready[1], &ok, 1);
    pause();
    _exit(0);
  }
  struct Reaper {  // the child goes, whatever the test asserts
    pid_t pid;
    void Reap() {
      if (pid > 0) kill(pid, SIGKILL), waitpid(pid, nullptr, 0);
      pid = -1;
    }
    ~Reaper() { Reap(); }
  } reaper{holder};
  char ok = 0;
  ASSERT_EQ(read(ready[0], &ok, 1), 1);
  close(ready[0]);
  close(ready[1]);
  EXPECT_EQ(ok, 'y');
  {
    Options options;
    options.read_only = true;
    auto db = Database::Open(store_, options);
    if (GetParam() == Damage::kCutShort) {
      ASSERT_TRUE(db.ok()) << db.status();
      EXPECT_EQ(CountClaims(*db), kClaims - 1);
    } else {
      // A record whose checksum fails was written whole: that is damage.
      ASSERT_FALSE(db.ok());
      EXPECT_EQ(db.status().code(), absl::StatusCode::kDataLoss);
    }
  }
  reaper.Reap();
  EXPECT_EQ(test::ReadFile(log_), damaged_);
  // The writer gone, the same log is damage again.
  Options options;
  options.read_only = true;
  auto db = Database::Open(store_, options);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), absl::StatusCode::kDataLoss) << db.status();
}

// A store closed normally opens as before: the strict reading of the log
// refuses nothing that is whole.
TEST(WalTailIntactTest, AWholeLogOpens) {
  test::TempDir temp{"annals_wal"};
  const std::string store = temp.Join("store.annals");
  for (int round = 0; round < 3; ++round) {
    auto db = Database::Open(store);
    ASSERT_TRUE(db.ok()) << db.status();
    ClaimInput in;
    in.subject = Value::Entity(absl::StrCat("E", round));
    in.predicate = "knows";
    in.object = Value::Entity("O");
    ASSERT_TRUE(db->Assert(in).ok());
  }
  auto db = Database::Open(store);
  ASSERT_TRUE(db.ok()) << db.status();
  ClaimPattern knows;
  knows.predicate = "knows";
  auto rows = db->Find(knows, TimeView());
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Damages, WalTailTest,
                         testing::Values(Damage::kCutShort, Damage::kGarbled),
                         [](const testing::TestParamInfo<Damage>& info) {
                           return info.param == Damage::kCutShort
                                      ? std::string("CutShort")
                                      : std::string("Garbled");
                         });

}  // namespace
}  // namespace annals
