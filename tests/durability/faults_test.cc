// Faults a user can meet, each injected with its exact outcome asserted: the
// disk filling up during a load, during writes, during a sort's runs and
// during a compaction (a small tmpfs in a private mount namespace); damaged
// files (a flipped block in each family's SST, an SST cut short or gone, a
// garbled MANIFEST, a garbled claim record or index entry), found by Check, by
// `annals check` and by the reads that touch them as DataLoss naming the store,
// never a crash or a wrong answer; a store another process holds for writing;
// and writes to a store opened read-only.
//
// The disk-full cases run in a fresh process of this binary: a forked child
// unshares a mount namespace (and, when not root, a user namespace), mounts
// the tmpfs and re-executes itself to run one FaultsChild.DISABLED_* case
// there (a fresh process, so RocksDB's threads are its own; ctest lists these
// as disabled). They skip when no mount namespace can be had.
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "annals/database.h"
#include "engine/key_codec.h"
#include "engine/rocks.h"
#include "engine/run_sorter.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "tests/support/claim_input.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"
#include "tests/test_rng.h"

extern char** environ;

namespace annals {
namespace {

namespace fs = std::filesystem;

constexpr char kRootVariable[] = "ANNALS_FAULTS_ROOT";

using test::ReadFile;
using test::WriteFile;

// What a claim says, to compare reads with what was written.
using Said = std::tuple<ClaimId, std::string, std::string, std::string>;
Said SaidOf(const Claim& c) {
  return {c.id, c.subject.ToString(), c.predicate, c.object.ToString()};
}
std::vector<Said> SaidOf(const std::vector<Claim>& claims) {
  std::vector<Said> out;
  for (const Claim& c : claims) out.push_back(SaidOf(c));
  std::sort(out.begin(), out.end());
  return out;
}

absl::StatusOr<std::vector<Said>> Everything(const Database& db) {
  auto found = db.Find(ClaimPattern(), TimeView::AllTime());
  if (!found.ok()) return found.status();
  return SaidOf(*found);
}

// The store holds exactly `expected`, and Check finds nothing wrong.
void ExpectIntact(const Database& db, const std::vector<Said>& expected) {
  auto all = Everything(db);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(*all, expected);
  auto check = db.Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok()) << absl::StrJoin(check->problems, "\n");
}

// A status that reports a damaged store: DataLoss, naming the store.
::testing::AssertionResult IsDataLossNaming(const absl::Status& s,
                                            const std::string& store) {
  if (absl::IsDataLoss(s) && absl::StrContains(s.message(), store)) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "expected DataLoss naming '" << store << "', got " << s;
}

// A TSV of `rows` claims whose objects are entities with random
// (incompressible) names.
std::string TsvRows(int first, int rows, int object_bytes, uint64_t seed) {
  test::Rng rng(seed);
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string out = "subject\tpredicate\tobject\tvalid_from\tvalid_to\n";
  for (int i = first; i < first + rows; ++i) {
    absl::StrAppend(&out, "e", i % 997, "\tp", i % 7, "\to");
    for (int b = 0; b < object_bytes; ++b) out += kAlphabet[rng.Next() % 62];
    absl::StrAppend(&out, i, "\t", 1900 + i % 120, "\t\n");
  }
  return out;
}

using RunResult = test::CliResult;
using test::RunCli;

std::string Describe(const RunResult& r) {
  return absl::StrCat("exit ", r.exit_code, "\nstdout:\n", r.out, "\nstderr:\n",
                      r.err);
}

// ---------------------------------------------------------------------------
// Disk full

constexpr int kNoMountNamespace = 77;

// Makes this (single-threaded, just forked) process's mounts private and
// mounts a tmpfs of `bytes` on `dir`; as a non-root user inside a new user
// namespace. On failure, says why on stderr and exits kNoMountNamespace.
void MountSmallFs(const std::string& dir, int64_t bytes) {
  auto fail = [](const char* what) {
    std::fprintf(stderr, "%s: %s\n", what, std::strerror(errno));
    _exit(kNoMountNamespace);
  };
  if (geteuid() == 0) {
    if (unshare(CLONE_NEWNS) != 0) fail("unshare(CLONE_NEWNS)");
  } else {
    uid_t uid = geteuid();
    gid_t gid = getegid();
    if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
      fail("unshare(CLONE_NEWUSER | CLONE_NEWNS)");
    }
    auto write = [&](const char* path, const std::string& text) {
      int fd = open(path, O_WRONLY);
      if (fd < 0 || ::write(fd, text.data(), text.size()) !=
                        static_cast<ssize_t>(text.size())) {
        fail(path);
      }
      close(fd);
    };
    write("/proc/self/setgroups", "deny");
    write("/proc/self/uid_map", absl::StrCat("0 ", uid, " 1"));
    write("/proc/self/gid_map", absl::StrCat("0 ", gid, " 1"));
  }
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
    fail("making mounts private");
  }
  std::string options = absl::StrCat("size=", bytes);
  if (mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) != 0) {
    fail("mount -t tmpfs");
  }
}

struct ChildOutcome {
  bool skipped = false;
  int exit_code = -1;
  std::string output;
};

// The command that runs FaultsChild.DISABLED_`name` in a new process of this
// binary, with ANNALS_FAULTS_ROOT=`root`.
class ChildCommand {
 public:
  ChildCommand(const std::string& name, const std::string& root) {
    argv_s_ = {"/proc/self/exe",
               absl::StrCat("--gtest_filter=FaultsChild.DISABLED_", name),
               "--gtest_also_run_disabled_tests", "--gtest_color=no"};
    for (char** e = environ; *e != nullptr; ++e) {
      if (!absl::StartsWith(*e, "GTEST_") &&
          !absl::StartsWith(*e, absl::StrCat(kRootVariable, "="))) {
        env_s_.push_back(*e);
      }
    }
    env_s_.push_back(absl::StrCat(kRootVariable, "=", root));
    for (std::string& a : argv_s_) argv_.push_back(a.data());
    argv_.push_back(nullptr);
    for (std::string& e : env_s_) envp_.push_back(e.data());
    envp_.push_back(nullptr);
  }
  const std::vector<std::string>& argv() const { return argv_s_; }
  const std::vector<std::string>& env() const { return env_s_; }
  // In the forked child: becomes the test.
  [[noreturn]] void Exec() {
    execve(argv_[0], argv_.data(), envp_.data());
    _exit(127);
  }

 private:
  std::vector<std::string> argv_s_, env_s_;
  std::vector<char*> argv_, envp_;
};

// Runs FaultsChild.DISABLED_`name` in a new process of this binary, with a
// tmpfs of `bytes` mounted on `small_dir` that only it sees.
ChildOutcome RunOnSmallFs(const std::string& name, const std::string& root,
                          const std::string& small_dir, int64_t bytes) {
  ChildCommand command(name, small_dir);
  test::RunOptions options;
  // Its streams go to a directory of their own: the child runs `annals` in
  // `root` (test::RunCli), whose streams pass through files there.
  options.dir = root + "/child";
  fs::create_directory(options.dir);
  options.merge_stderr = true;
  options.env = command.env();
  options.timeout_ms = 60000;  // a hang is a failure, not a stuck test run
  options.before_exec = [&] { MountSmallFs(small_dir, bytes); };
  test::CliResult run = test::RunProgram(command.argv(), options);
  if (run.timed_out) {
    ADD_FAILURE() << "the child running " << name << " hung; killed";
  }
  ChildOutcome outcome;
  outcome.output = run.out;
  outcome.exit_code = run.exit_code;
  outcome.skipped = outcome.exit_code == kNoMountNamespace;
  return outcome;
}

class DiskFullTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(fs::create_directory(small_)); }

  void Run(const std::string& name, int64_t bytes) {
    ChildOutcome c = RunOnSmallFs(name, root_, small_, bytes);
    if (c.skipped) {
      GTEST_SKIP() << "cannot mount a small filesystem: " << c.output;
    }
    // The child's report: its lines starting "fault:" say what it saw.
    for (absl::string_view line : absl::StrSplit(c.output, '\n')) {
      if (absl::StartsWith(line, "fault:")) std::cout << line << "\n";
    }
    EXPECT_EQ(c.exit_code, 0) << c.output;
    EXPECT_TRUE(absl::StrContains(c.output, "[  PASSED  ] 1 test")) << c.output;
  }

  test::TempDir dir_{"annals_faults"};
  std::string root_ = dir_.path();
  std::string small_ = dir_.Join("small");  // the tmpfs, in the child
};

TEST_F(DiskFullTest, DuringLoad) { Run("DiskFullDuringLoad", 8 << 20); }
TEST_F(DiskFullTest, DuringWrites) { Run("DiskFullDuringWrites", 4 << 20); }
TEST_F(DiskFullTest, DuringSortRuns) { Run("DiskFullDuringSortRuns", 1 << 20); }
TEST_F(DiskFullTest, DuringCompact) { Run("DiskFullDuringCompact", 8 << 20); }

// The children: each finds its small filesystem in ANNALS_FAULTS_ROOT; the
// files too big for it go beside it, on the ordinary disk.
std::string ChildRoot() {
  std::cout << std::unitbuf;  // what it saw, even if it then crashes
  const char* root = std::getenv(kRootVariable);
  return root == nullptr ? "" : root;
}

std::vector<std::string> LoadLeftovers(const std::string& store) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(store, ec)) {
    std::string name = e.path().filename().string();
    if (absl::StartsWith(name, "load-tmp-")) out.push_back(name);
  }
  return out;
}

TEST(FaultsChild, DISABLED_DiskFullDuringLoad) {
  const std::string small = ChildRoot();
  if (small.empty()) GTEST_SKIP() << "run by DiskFullTest.DuringLoad";
  const std::string store = small + "/store";
  const std::string outside = fs::path(small).parent_path().string();
  const std::string first = outside + "/first.tsv";
  const std::string big = outside + "/big.tsv";
  const std::string last = outside + "/last.tsv";
  WriteFile(first, TsvRows(0, 200, 20, 1));
  // About 5 MB of random text, 15 MB or so once in the claims, the three
  // index orderings and the dictionary: far more than the 8 MB disk.
  WriteFile(big, TsvRows(1000, 40000, 100, 2));
  WriteFile(last, TsvRows(100000, 50, 20, 3));

  std::vector<Said> before;
  {
    auto db = Database::Open(store);
    ASSERT_TRUE(db.ok()) << db.status();
    auto loaded = db->Load({first});
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    ASSERT_EQ(loaded->claims_added, 200);
    auto all = Everything(*db);
    ASSERT_TRUE(all.ok()) << all.status();
    before = *all;

    auto failed = db->Load({big});
    ASSERT_FALSE(failed.ok());
    std::cout << "fault: load into a full disk: " << failed.status() << "\n";
    EXPECT_TRUE(absl::IsResourceExhausted(failed.status())) << failed.status();
    EXPECT_TRUE(absl::StrContains(failed.status().message(),
                                  absl::StrCat("disk full while loading into "
                                               "store '",
                                               store, "'")))
        << failed.status();
    EXPECT_TRUE(absl::StrContains(failed.status().message(), "nothing was"))
        << failed.status();
    // Its temporary files are gone, so the space is free again.
    EXPECT_EQ(LoadLeftovers(store), std::vector<std::string>{});

    // The same handle reads what it held before and can load again.
    ExpectIntact(*db, before);
    auto stats = db->Stats();
    ASSERT_TRUE(stats.ok()) << stats.status();
    EXPECT_EQ(stats->claims, 200);
    EXPECT_EQ(stats->batches, 1);
  }
  {
    auto db = Database::Open(store);
    ASSERT_TRUE(db.ok()) << db.status();
    ExpectIntact(*db, before);
    auto loaded = db->Load({last});
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    EXPECT_EQ(loaded->claims_added, 50);
    EXPECT_EQ(loaded->first_claim, 201u);
  }
  // `annals load` says the same and exits 1.
  RunResult r = RunCli(outside, {"load", store, big});
  std::cout << "fault: annals load into a full disk: exit " << r.exit_code
            << ", " << r.err;
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StartsWith(
      r.err,
      absl::StrCat("annals: disk full while loading into store '", store, "'")))
      << Describe(r);
  auto db = Database::Open(store);
  ASSERT_TRUE(db.ok()) << db.status();
  auto stats = db->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->claims, 250);
  auto check = db->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok()) << absl::StrJoin(check->problems, "\n");
}

TEST(FaultsChild, DISABLED_DiskFullDuringWrites) {
  const std::string small = ChildRoot();
  if (small.empty()) GTEST_SKIP() << "run by DiskFullTest.DuringWrites";
  const std::string store = small + "/store";
  // Space to give back once the disk is full.
  const std::string filler = small + "/filler";
  WriteFile(filler, std::string(1 << 20, 'x'));
  // Each claim some 600 bytes, compressible once flushed.
  auto claim = [](int i) {
    return test::Input(Value::Entity(absl::StrCat("e", i % 50)),
                       absl::StrCat("p", i % 5),
                       Value::String(absl::StrCat(std::string(600, 'o'), i)));
  };
  std::map<ClaimId, Said> acknowledged;
  absl::Status failure;
  int attempted = 0;
  {
    auto db = Database::Open(store);
    ASSERT_TRUE(db.ok()) << db.status();
    for (int i = 0; i < 20000; ++i) {
      ++attempted;
      auto id = db->Assert(claim(i));
      if (!id.ok()) {
        failure = id.status();
        break;
      }
      const ClaimInput in = claim(i);
      acknowledged[*id] =
          Said{*id, in.subject.ToString(), in.predicate, in.object.ToString()};
    }
    ASSERT_FALSE(failure.ok()) << "the disk never filled";
    ASSERT_GT(acknowledged.size(), 100u);
    std::cout << "fault: Assert number " << attempted
              << " on a full disk: " << failure << std::endl;
    EXPECT_TRUE(absl::IsResourceExhausted(failure)) << failure;
    EXPECT_TRUE(absl::StrContains(
        failure.message(),
        absl::StrCat("disk full while writing to store '", store, "'")))
        << failure;
    EXPECT_TRUE(absl::StrContains(failure.message(), "reopen")) << failure;

    // This handle writes no more: it says to reopen.
    auto again = db->Assert(claim(attempted));
    std::cout << "fault: the next Assert: " << again.status() << "\n";
    EXPECT_TRUE(absl::IsFailedPrecondition(again.status())) << again.status();
    EXPECT_TRUE(absl::StrContains(again.status().message(), "reopen it"))
        << again.status();
    EXPECT_TRUE(absl::StrContains(again.status().message(), store))
        << again.status();
    // Reads still work, and see every acknowledged write.
    auto all = Everything(*db);
    ASSERT_TRUE(all.ok()) << all.status();
    EXPECT_EQ(all->size(), acknowledged.size());
  }
  std::vector<Said> expected;
  for (const auto& [id, said] : acknowledged) expected.push_back(said);
  // Reopened while the disk is still full: recovering the log needs room,
  // so the open fails, saying so, and harms nothing.
  {
    auto db = Database::Open(store);
    std::cout << "fault: Open on the full disk: " << db.status() << "\n";
    EXPECT_TRUE(absl::IsResourceExhausted(db.status())) << db.status();
    EXPECT_TRUE(absl::StartsWith(
        db.status().message(),
        absl::StrCat("disk full: cannot open store '", store, "'")))
        << db.status();
  }
  // Reopened once there is room: every acknowledged Assert is there, the
  // failed one is not.
  fs::remove(filler);
  {
    auto db = Database::Open(store);
    ASSERT_TRUE(db.ok()) << db.status();
    ExpectIntact(*db, expected);
    // And it takes writes again.
    auto id = db->Assert(test::Input(Value::Entity("after"), "p",
                                     Value::String("the disk was full")));
    ASSERT_TRUE(id.ok()) << id.status();
    EXPECT_EQ(*id, acknowledged.rbegin()->first + 1);
  }
  auto db = Database::Open(store);
  ASSERT_TRUE(db.ok()) << db.status();
  auto stats = db->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->claims, static_cast<int64_t>(acknowledged.size()) + 1);
  auto check = db->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok()) << absl::StrJoin(check->problems, "\n");
}

TEST(FaultsChild, DISABLED_DiskFullDuringSortRuns) {
  const std::string small = ChildRoot();
  if (small.empty()) GTEST_SKIP() << "run by DiskFullTest.DuringSortRuns";
  // Runs of 80 KB; 4 MB of records on a 1 MB disk.
  absl::Status s;
  {
    engine::RunSorter<uint64_t, std::less<uint64_t>> sorter(small, "keys",
                                                            10000, {});
    for (uint64_t i = 0; i < 500000 && s.ok(); ++i) s = sorter.Add(i * 7919);
    if (s.ok()) s = sorter.Finish();
  }
  std::cout << "fault: sort runs on a full disk: " << s << "\n";
  EXPECT_TRUE(absl::IsResourceExhausted(s)) << s;
  EXPECT_TRUE(absl::StartsWith(s.message(), "disk full: cannot write sort run"))
      << s;
  EXPECT_TRUE(absl::StrContains(s.message(), small)) << s;
  // The runs written before are removed with the sorter.
  EXPECT_TRUE(fs::is_empty(small));
}

TEST(FaultsChild, DISABLED_DiskFullDuringCompact) {
  const std::string small = ChildRoot();
  if (small.empty()) GTEST_SKIP() << "run by DiskFullTest.DuringCompact";
  const std::string outside = fs::path(small).parent_path().string();
  const std::string built = outside + "/built";
  const std::string store = small + "/store";
  const std::string filler = small + "/filler";
  // A loaded store of about 3 MB, built on the ordinary disk and
  // copied onto the small one, which a filler file then fills up.
  WriteFile(outside + "/facts.tsv", TsvRows(0, 8000, 60, 4));
  {
    auto db = Database::Open(built);
    ASSERT_TRUE(db.ok()) << db.status();
    auto loaded = db->Load({outside + "/facts.tsv"});
    ASSERT_TRUE(loaded.ok()) << loaded.status();
  }
  fs::copy(built, store, fs::copy_options::recursive);
  int64_t free_bytes = static_cast<int64_t>(fs::space(small).available);
  WriteFile(filler,
            std::string(std::max<int64_t>(free_bytes - 64 * 1024, 0), 'x'));
  std::vector<Said> before;
  int64_t loaded_bytes = 0;
  {
    auto db = Database::Open(store);
    ASSERT_TRUE(db.ok()) << db.status();
    auto all = Everything(*db);
    ASSERT_TRUE(all.ok()) << all.status();
    before = *all;
    ASSERT_EQ(before.size(), 8000u);
    auto stats = db->Stats();
    ASSERT_TRUE(stats.ok()) << stats.status();
    loaded_bytes = stats->bytes_on_disk;

    absl::Status s = db->Compact();
    std::cout << "fault: compact on a full disk: " << s << "\n";
    EXPECT_TRUE(absl::IsResourceExhausted(s)) << s;
    EXPECT_TRUE(absl::StartsWith(
        s.message(), absl::StrCat("disk full while compacting store '", store,
                                  "': its files are as they were")))
        << s;
    // Everything reads as before, from the files as they were, and the same
    // handle still takes writes.
    ExpectIntact(*db, before);
    auto added = db->Assert(test::Input(Value::Entity("after"), "p",
                                        Value::String("a failed compaction")));
    ASSERT_TRUE(added.ok()) << added.status();
    all = Everything(*db);
    ASSERT_TRUE(all.ok()) << all.status();
    before = *all;

    // With room again the same handle compacts once RocksDB has seen the
    // space (it looks every few seconds; until then, ResourceExhausted).
    fs::remove(filler);
    for (int tries = 0; tries < 30; ++tries) {
      s = db->Compact();
      if (s.ok()) break;
      std::cout << "fault: compact right after freeing space: " << s << "\n";
      ASSERT_TRUE(absl::IsResourceExhausted(s)) << s;
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    ASSERT_TRUE(s.ok()) << s;
    stats = db->Stats();
    ASSERT_TRUE(stats.ok()) << stats.status();
    // Loads write their files as compactions do: about the same size.
    EXPECT_LT(stats->bytes_on_disk, loaded_bytes + loaded_bytes / 20);
    ExpectIntact(*db, before);
  }
  // Reopened: the same claims, and writes.
  auto db = Database::Open(store);
  ASSERT_TRUE(db.ok()) << db.status();
  ExpectIntact(*db, before);
  EXPECT_TRUE(db->Assert(test::Input(Value::Entity("after"), "p",
                                     Value::String("reopening")))
                  .ok());
}

// ---------------------------------------------------------------------------
// Damaged files

constexpr int kRows = 3000;
constexpr int kSubjects = 997;  // as TsvRows names them
constexpr int kPredicates = 7;

// Every read a user might make of the store, each with its answer or its
// error: point reads of every claim, Find by nothing, by each subject and
// predicate (whole history and at one year), and FIND statements.
using Answers =
    std::vector<std::pair<std::string, absl::StatusOr<std::string>>>;

std::string Show(const std::vector<Claim>& claims) {
  std::string out;
  for (const Claim& c : claims) {
    absl::StrAppend(&out, "#c", c.id, " ", c.subject.ToString(), " ",
                    c.predicate, " ", c.object.ToString(), " ",
                    c.valid.ToString(), "\n");
  }
  return out;
}

// The objects of TsvRows(0, kRows, ...), one per row.
std::vector<std::string> ObjectsOf(const std::string& tsv) {
  std::vector<std::string> out;
  for (absl::string_view line : absl::StrSplit(tsv, '\n')) {
    std::vector<std::string> fields = absl::StrSplit(line, '\t');
    if (fields.size() > 2 && fields[2] != "object") out.push_back(fields[2]);
  }
  return out;
}

Answers ReadEverything(Database& db, const std::vector<std::string>& objects) {
  Answers out;
  for (ClaimId id = 1; id <= kRows; ++id) {
    auto c = db.Get(id);
    out.emplace_back(absl::StrCat("Get #c", id),
                     c.ok() ? absl::StatusOr<std::string>(Show({*c}))
                            : absl::StatusOr<std::string>(c.status()));
  }
  auto find = [&](const std::string& name, const ClaimPattern& pattern,
                  const TimeView& view) {
    auto found = db.Find(pattern, view);
    out.emplace_back(name, found.ok()
                               ? absl::StatusOr<std::string>(Show(*found))
                               : absl::StatusOr<std::string>(found.status()));
  };
  TimeView in_1990;
  in_1990.valid = Window::Of(*TimePoint::Parse("1990"));
  find("Find everything", ClaimPattern(), TimeView::AllTime());
  for (int k = 0; k < kSubjects; ++k) {
    ClaimPattern pattern;
    pattern.subject = Value::Entity(absl::StrCat("e", k));
    find(absl::StrCat("Find e", k), pattern, TimeView::AllTime());
    find(absl::StrCat("Find e", k, " in 1990"), pattern, in_1990);
  }
  for (int j = 0; j < kPredicates; ++j) {
    ClaimPattern pattern;
    pattern.predicate = absl::StrCat("p", j);
    find(absl::StrCat("Find p", j), pattern, TimeView::AllTime());
    find(absl::StrCat("Find p", j, " in 1990"), pattern, in_1990);
  }
  for (const std::string& object : objects) {
    ClaimPattern pattern;
    pattern.object = Value::Entity(object);
    find(absl::StrCat("Find object ", object), pattern, TimeView::AllTime());
  }
  for (const std::string& text :
       {std::string("FIND ?s ?p ?o WHERE ?s ?p ?o DURING 1800 TO 2100"),
        std::string("FIND ?s ?o WHERE ?s p3 ?o AT 1990"),
        std::string("FIND ?o WHERE e5 p5 ?o DURING 1800 TO 2100"),
        absl::StrCat("FIND ?s ?p WHERE ?s ?p ", objects[kRows / 2],
                     " DURING 1800 TO 2100")}) {
    absl::StatusOr<std::string> answer;
    auto result = db.Query(text);
    if (!result.ok()) {
      answer = result.status();
    } else {
      std::vector<Row> rows;
      absl::Status s = result->ReadAll(&rows);
      if (!s.ok()) {
        answer = s;
      } else {
        std::vector<std::string> lines;
        for (const Row& row : rows) {
          std::vector<std::string> cells;
          for (const Cell& cell : row) cells.push_back(cell.ToString());
          lines.push_back(absl::StrJoin(cells, "\t"));
        }
        std::sort(lines.begin(), lines.end());
        answer = absl::StrJoin(lines, "\n");
      }
    }
    out.emplace_back(text, std::move(answer));
  }
  return out;
}

class CorruptionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string rows = TsvRows(0, kRows, 40, 7);
    objects_ = ObjectsOf(rows);
    ASSERT_EQ(objects_.size(), static_cast<size_t>(kRows));
    WriteFile(root_ + "/rows.tsv", rows);
    auto db = Database::Open(store_);
    ASSERT_TRUE(db.ok()) << db.status();
    auto loaded = db->Load({root_ + "/rows.tsv"});
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    ASSERT_EQ(loaded->claims_added, kRows);
    intact_ = ReadEverything(*db, objects_);
    for (const auto& [name, answer] : intact_) {
      ASSERT_TRUE(answer.ok()) << name << ": " << answer.status();
    }
  }

  // The SST files of `family`: one per family from a load, two for the
  // time index (by subject and by predicate).
  std::vector<std::string> FamilyFiles(engine::Family family) {
    // Asked of RocksDB itself: the engine has no use for file names.
    std::vector<std::string> names;
    EXPECT_TRUE(
        rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), store_, &names)
            .ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const std::string& name : names) {
      descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
    }
    rocksdb::DB* db = nullptr;
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::Status opened = rocksdb::DB::OpenForReadOnly(
        rocksdb::DBOptions(), store_, descriptors, &handles, &db);
    EXPECT_TRUE(opened.ok()) << opened.ToString();
    if (!opened.ok()) return {};
    std::vector<rocksdb::LiveFileMetaData> live;
    db->GetLiveFilesMetaData(&live);
    for (rocksdb::ColumnFamilyHandle* h : handles)
      db->DestroyColumnFamilyHandle(h);
    delete db;
    std::vector<std::string> files;
    for (const rocksdb::LiveFileMetaData& file : live) {
      if (file.column_family_name == engine::FamilyName(family)) {
        files.push_back(
            absl::StrCat(file.directory, "/", file.relative_filename));
      }
    }
    if (family != engine::Family::kMeta) {  // meta: also flushed on open
      EXPECT_EQ(files.size(), family == engine::Family::kTime ? 2u : 1u)
          << absl::StrJoin(files, ", ");
    }
    return files;
  }

  // Each read either gives the intact store's answer or DataLoss naming the
  // store; returns how many gave DataLoss.
  int ExpectRightOrDataLoss(Database& db) {
    Answers now = ReadEverything(db, objects_);
    EXPECT_EQ(now.size(), intact_.size());
    int data_loss = 0;
    for (size_t i = 0; i < now.size() && i < intact_.size(); ++i) {
      const auto& [name, answer] = now[i];
      if (answer.ok()) {
        EXPECT_EQ(*answer, *intact_[i].second) << name << ": a wrong answer";
        continue;
      }
      EXPECT_TRUE(IsDataLossNaming(answer.status(), store_)) << name;
      if (data_loss == 0) {
        std::cout << "fault: " << name << ": " << answer.status() << "\n";
      }
      ++data_loss;
    }
    return data_loss;
  }

  test::TempDir dir_{"annals_corrupt"};
  std::string root_ = dir_.path();
  std::string store_ = dir_.Join("store");
  std::vector<std::string> objects_;
  Answers intact_;
};

// Bytes flipped in the middle of one family's SST file: inside a data block.
class DamagedSstTest : public CorruptionTest,
                       public ::testing::WithParamInterface<engine::Family> {};

TEST_P(DamagedSstTest, CheckQueriesAndCliReportDataLoss) {
  const std::vector<std::string> files = FamilyFiles(GetParam());
  ASSERT_FALSE(files.empty());
  std::vector<std::string> file_names;
  for (const std::string& file : files) {
    int64_t size = static_cast<int64_t>(fs::file_size(file));
    ASSERT_GT(size, 16 << 10) << "want several data blocks";
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(size / 3);
    char bytes[32];
    f.read(bytes, sizeof(bytes));
    for (char& b : bytes) b = static_cast<char>(b ^ 0x5A);
    f.seekp(size / 3);
    f.write(bytes, sizeof(bytes));
    ASSERT_TRUE(f.good());
    file_names.push_back(fs::path(file).filename().string());
  }
  auto names_a_file = [&](absl::string_view text) {
    for (const std::string& name : file_names) {
      if (absl::StrContains(text, name)) return true;
    }
    return false;
  };

  auto db = Database::Open(store_);
  ASSERT_TRUE(db.ok()) << db.status();
  auto check = db->Check();
  ASSERT_FALSE(check.ok()) << "Check passed a damaged "
                           << engine::FamilyName(GetParam());
  std::cout << "fault: Check of a damaged " << engine::FamilyName(GetParam())
            << " SST: " << check.status() << "\n";
  EXPECT_TRUE(IsDataLossNaming(check.status(), store_));
  EXPECT_TRUE(names_a_file(check.status().message())) << check.status();
  EXPECT_GT(ExpectRightOrDataLoss(*db), 0)
      << "no read noticed the damage in " << engine::FamilyName(GetParam());
  db = absl::InternalError("closed");  // the CLI opens it alone

  RunResult r = RunCli(root_, {"check", store_});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StartsWith(r.err, "annals: store '" + store_ + "'"))
      << Describe(r);
  EXPECT_TRUE(names_a_file(r.err)) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "Corruption")) << Describe(r);
}

INSTANTIATE_TEST_SUITE_P(
    Families, DamagedSstTest,
    ::testing::Values(engine::Family::kClaims, engine::Family::kSpo,
                      engine::Family::kTime, engine::Family::kTerms,
                      engine::Family::kTermIds),
    [](const ::testing::TestParamInfo<engine::Family>& info) {
      std::string name = engine::FamilyName(info.param);
      name.erase(std::remove(name.begin(), name.end(), '_'), name.end());
      return name;
    });

// A valid SST whose claim pointers (where each claim's record is in spo)
// hold the wrong bytes: one garbage, one another claim's.
TEST_F(CorruptionTest, DamagedClaimPointer) {
  constexpr ClaimId kGarbled = 1234, kMisfiled = 2345;
  {
    annals::Options ro;
    ro.create_if_missing = false;
    auto rocks = engine::Rocks::Open(store_, ro);
    ASSERT_TRUE(rocks.ok()) << rocks.status();
    auto other = (*rocks)->Get(engine::Family::kClaims,
                               engine::IdKey(kMisfiled + 1), nullptr);
    ASSERT_TRUE(other.ok()) << other.status();
    engine::RocksBatch batch;
    batch.Put(engine::Family::kClaims, engine::IdKey(kGarbled),
              "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff");
    // A readable pointer, under the wrong id.
    batch.Put(engine::Family::kClaims, engine::IdKey(kMisfiled), *other);
    ASSERT_TRUE((*rocks)->Write(&batch).ok());
  }
  auto db = Database::Open(store_);
  ASSERT_TRUE(db.ok()) << db.status();
  auto check = db->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  std::cout << "fault: Check of damaged claim pointers: "
            << absl::StrJoin(check->problems, "; ") << "\n";
  EXPECT_FALSE(check->ok());
  // The records are whole: every claim counts, and the two are named.
  EXPECT_EQ(check->claims, kRows);
  EXPECT_EQ(check->problems,
            (std::vector<std::string>{
                "index claims: unreadable entry",
                absl::StrCat("index claims disagrees with the claim records: ",
                             kRows, " entries where ", kRows, " are due"),
                absl::StrCat("claim #c", kGarbled,
                             ": claims holds different subject, predicate or "
                             "valid_from"),
                absl::StrCat("claim #c", kMisfiled,
                             ": claims holds different subject, predicate or "
                             "valid_from")}));

  // Reads of those claims by id: DataLoss naming the store and the claim.
  for (ClaimId id : {kGarbled, kMisfiled}) {
    auto got = db->Get(id);
    std::cout << "fault: Get #c" << id << ": " << got.status() << "\n";
    EXPECT_TRUE(IsDataLossNaming(got.status(), store_));
    EXPECT_TRUE(
        absl::StrContains(got.status().message(), absl::StrCat("#c", id)))
        << got.status();
    auto retract = db->Query(absl::StrCat("RETRACT #c", id));
    std::cout << "fault: RETRACT #c" << id << ": " << retract.status() << "\n";
    EXPECT_TRUE(IsDataLossNaming(retract.status(), store_));
    EXPECT_TRUE(
        absl::StrContains(retract.status().message(), absl::StrCat("#c", id)))
        << retract.status();
  }
  // The records and the time index are intact: everything else reads as
  // before, those two claims included where a pattern finds them.
  int data_loss = ExpectRightOrDataLoss(*db);
  EXPECT_EQ(data_loss, 2);  // the two Gets
  db = absl::InternalError("closed");

  RunResult r = RunCli(root_, {"check", store_});
  EXPECT_EQ(r.exit_code, 3) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "INCONSISTENT")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      r.out, absl::StrCat("claim #c", kGarbled, ": claims holds different")))
      << Describe(r);
}

// An SST file cut short, or gone: the store does not open, DataLoss naming
// it; `annals check` says the same.
class MissingSstTest : public CorruptionTest,
                       public ::testing::WithParamInterface<bool> {};

TEST_P(MissingSstTest, OpenIsDataLoss) {
  const bool truncate = GetParam();
  const std::vector<std::string> files = FamilyFiles(engine::Family::kSpo);
  ASSERT_EQ(files.size(), 1u);
  const std::string& file = files[0];
  if (truncate) {
    fs::resize_file(file, fs::file_size(file) / 2);
  } else {
    fs::remove(file);
  }
  // RocksDB names a missing 000028.sst by its other possible name too,
  // 000028.ldb: the number is what names it.
  const std::string file_number = fs::path(file).stem().string();
  for (bool read_only : {false, true}) {
    Options o;
    o.read_only = read_only;
    auto db = Database::Open(store_, o);
    ASSERT_FALSE(db.ok());
    std::cout << "fault: " << (read_only ? "read-only " : "") << "Open with "
              << (truncate ? "a truncated" : "a missing")
              << " SST: " << db.status() << "\n";
    EXPECT_TRUE(IsDataLossNaming(db.status(), store_));
    EXPECT_TRUE(absl::StartsWith(
        db.status().message(),
        absl::StrCat("store '", store_, "' is damaged and cannot be opened",
                     truncate ? " (" : ": a file it needs is missing")))
        << db.status();
    EXPECT_TRUE(absl::StrContains(db.status().message(), file_number))
        << db.status();
  }
  RunResult r = RunCli(root_, {"check", store_});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StartsWith(r.err, "annals: store '" + store_ + "'"))
      << Describe(r);
}

INSTANTIATE_TEST_SUITE_P(Files, MissingSstTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "Truncated" : "Missing";
                         });

// The meta family (format version, counters, load batches) is read when the
// store opens: a damaged block there stops the open, DataLoss naming it.
TEST_F(CorruptionTest, DamagedMetaBlock) {
  const std::vector<std::string> files = FamilyFiles(engine::Family::kMeta);
  ASSERT_FALSE(files.empty());
  for (const std::string& file : files) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(8);  // the first data block
    f.write("\x5A\x5A\x5A\x5A\x5A\x5A\x5A\x5A", 8);
    ASSERT_TRUE(f.good());
  }
  auto names_a_file = [&](absl::string_view text) {
    for (const std::string& file : files) {
      if (absl::StrContains(text, fs::path(file).filename().string())) {
        return true;
      }
    }
    return false;
  };
  for (bool read_only : {false, true}) {
    Options o;
    o.read_only = read_only;
    auto db = Database::Open(store_, o);
    ASSERT_FALSE(db.ok());
    std::cout << "fault: " << (read_only ? "read-only " : "")
              << "Open with a damaged meta block: " << db.status() << "\n";
    EXPECT_TRUE(IsDataLossNaming(db.status(), store_));
    EXPECT_TRUE(names_a_file(db.status().message())) << db.status();
  }
  RunResult r = RunCli(root_, {"check", store_});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StartsWith(r.err, "annals: store '" + store_ + "'"))
      << Describe(r);
}

// The MANIFEST (the list of the store's files) with garbled bytes: the store
// does not open, DataLoss naming it.
TEST_F(CorruptionTest, GarbledManifest) {
  std::string manifest;
  for (const auto& e : fs::directory_iterator(store_)) {
    if (absl::StartsWith(e.path().filename().string(), "MANIFEST-")) {
      ASSERT_TRUE(manifest.empty()) << "two MANIFEST files";
      manifest = e.path().string();
    }
  }
  ASSERT_FALSE(manifest.empty());
  {
    int64_t size = static_cast<int64_t>(fs::file_size(manifest));
    std::fstream f(manifest, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(size / 2);
    f.write("\x5A\x5A\x5A\x5A\x5A\x5A\x5A\x5A", 8);
    ASSERT_TRUE(f.good());
  }
  for (bool read_only : {false, true}) {
    Options o;
    o.read_only = read_only;
    auto db = Database::Open(store_, o);
    ASSERT_FALSE(db.ok());
    std::cout << "fault: " << (read_only ? "read-only " : "")
              << "Open with a garbled MANIFEST: " << db.status() << "\n";
    EXPECT_TRUE(IsDataLossNaming(db.status(), store_));
    EXPECT_TRUE(absl::StartsWith(
        db.status().message(),
        absl::StrCat("store '", store_, "' is damaged and cannot be opened")))
        << db.status();
  }
}

// An index entry whose value is garbage (a valid SST): Check says so, and
// the reads that meet it are DataLoss naming the store, not a wrong answer.
TEST_F(CorruptionTest, GarbledIndexEntry) {
  std::string key;
  {
    annals::Options ro;
    ro.create_if_missing = false;
    auto rocks = engine::Rocks::Open(store_, ro);
    ASSERT_TRUE(rocks.ok()) << rocks.status();
    auto it = (*rocks)->NewIterator(engine::Family::kSpo, "", "", nullptr);
    it->SeekToFirst();
    for (int i = 0; i < kRows / 2 && it->Valid(); ++i) it->Next();
    ASSERT_TRUE(it->Valid());
    key = std::string(it->key());
    engine::RocksBatch batch;
    batch.Put(engine::Family::kSpo, key, "\xFF\xFF\xFF");
    ASSERT_TRUE((*rocks)->Write(&batch).ok());
  }
  auto db = Database::Open(store_);
  ASSERT_TRUE(db.ok()) << db.status();
  auto check = db->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  std::cout << "fault: Check of a garbled spo entry (a claim record): "
            << absl::StrJoin(check->problems, "; ") << "\n";
  EXPECT_FALSE(check->ok());
  ASSERT_FALSE(check->problems.empty());
  // The entry is the claim's record: check names the claim.
  EXPECT_TRUE(absl::EndsWith(check->problems[0], ": unreadable record in spo"))
      << absl::StrJoin(check->problems, "\n");
  EXPECT_TRUE(absl::StartsWith(check->problems[0], "claim #c"))
      << absl::StrJoin(check->problems, "\n");
  EXPECT_GT(ExpectRightOrDataLoss(*db), 0);
}

// ---------------------------------------------------------------------------
// Another process holds the store

class HeldStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(store_);
    ASSERT_TRUE(db.ok()) << db.status();
    ASSERT_TRUE(
        db->Assert(test::Input(Value::Entity("A"), "p", Value::String("B")))
            .ok());
  }
  void TearDown() override {
    if (holder_ > 0) Release();
  }

  // FaultsChild.DISABLED_HoldStore in another process, holding the store
  // for writing until its standard input closes; returns once it has it.
  void Hold() {
    int in[2], out[2];
    ASSERT_EQ(pipe(in), 0);
    ASSERT_EQ(pipe(out), 0);
    ChildCommand command("HoldStore", store_);
    holder_ = fork();
    ASSERT_GE(holder_, 0);
    if (holder_ == 0) {
      dup2(in[0], 0);
      dup2(out[1], 1);
      close(in[1]);
      close(out[0]);
      command.Exec();
    }
    close(in[0]);
    close(out[1]);
    to_holder_ = in[1];
    std::string heard;
    char buf[256];
    struct pollfd p = {out[0], POLLIN, 0};
    while (!absl::StrContains(heard, "holding\n") && poll(&p, 1, 20000) > 0) {
      ssize_t n = read(out[0], buf, sizeof(buf));
      if (n <= 0) break;
      heard.append(buf, n);
    }
    from_holder_ = out[0];  // open until it ends: it writes on its way out
    ASSERT_TRUE(absl::StrContains(heard, "holding\n")) << heard;
  }

  // Closes the holder's input: it ends, and lets the store go.
  void Release() {
    close(to_holder_);
    int status = 0;
    EXPECT_EQ(waitpid(holder_, &status, 0), holder_);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
    close(from_holder_);
    holder_ = 0;
  }

  test::TempDir dir_{"annals_held"};
  std::string root_ = dir_.path();
  std::string store_ = dir_.Join("store");
  pid_t holder_ = 0;
  int to_holder_ = -1;
  int from_holder_ = -1;
};

TEST(FaultsChild, DISABLED_HoldStore) {
  const std::string store = ChildRoot();
  if (store.empty()) GTEST_SKIP() << "run by HeldStoreTest";
  auto db = Database::Open(store);
  ASSERT_TRUE(db.ok()) << db.status();
  std::cout << "holding" << std::endl;
  char c;
  while (read(0, &c, 1) > 0) {
  }
}

TEST_F(HeldStoreTest, WritersAreRefusedReadersWelcome) {
  Hold();
  auto db = Database::Open(store_);
  ASSERT_FALSE(db.ok());
  std::cout << "fault: Open of a store another process holds: " << db.status()
            << "\n";
  EXPECT_TRUE(absl::IsFailedPrecondition(db.status())) << db.status();
  EXPECT_TRUE(absl::StrContains(
      db.status().message(),
      absl::StrCat("store '", store_,
                   "' is open for writing by another process")))
      << db.status();

  // A read-only handle beside it works.
  {
    Options o;
    o.read_only = true;
    auto reader = Database::Open(store_, o);
    ASSERT_TRUE(reader.ok()) << reader.status();
    auto all = Everything(*reader);
    ASSERT_TRUE(all.ok()) << all.status();
    EXPECT_EQ(all->size(), 1u);
  }

  // The command line: a load is refused with the message; the shell says so,
  // opens the store read-only, answers reads and refuses writes.
  WriteFile(root_ + "/more.tsv", TsvRows(0, 10, 10, 5));
  RunResult r = RunCli(root_, {"load", store_, root_ + "/more.tsv"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      r.err, absl::StrCat("annals: store '", store_,
                          "' is open for writing by another process")))
      << Describe(r);
  r = RunCli(root_, {"shell", store_},
             "FIND ?o WHERE A p ?o;\nASSERT A p \"C\";\n");
  std::cout << "fault: annals shell beside the holder: " << r.err;
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      r.err, absl::StrCat("annals: store '", store_,
                          "' is open for writing by another process")))
      << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "opened read-only")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "\nB\n(1 row)")) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.err, "is open read-only; writes refused"))
      << Describe(r);
  r = RunCli(root_, {"query", store_, "FIND ?o WHERE A p ?o"});
  std::cout << "fault: annals query beside the holder: exit " << r.exit_code
            << ", " << r.err;
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "\nB\n(1 row)")) << Describe(r);

  // Once the holder is gone the store opens for writing.
  Release();
  db = Database::Open(store_);
  ASSERT_TRUE(db.ok()) << db.status();
  ASSERT_TRUE(
      db->Assert(test::Input(Value::Entity("A"), "p", Value::String("C")))
          .ok());
}

// ---------------------------------------------------------------------------
// Read-only

TEST(ReadOnlyTest, EveryWriteIsRefused) {
  test::TempDir root("annals_read_only");
  const std::string store = root.Join("store");
  ClaimId id;
  {
    auto db = Database::Open(store);
    ASSERT_TRUE(db.ok()) << db.status();
    auto a =
        db->Assert(test::Input(Value::Entity("A"), "p", Value::String("B")));
    ASSERT_TRUE(a.ok()) << a.status();
    id = *a;
  }
  Options o;
  o.read_only = true;
  auto db = Database::Open(store, o);
  ASSERT_TRUE(db.ok()) << db.status();
  const std::string refused =
      absl::StrCat("store '", store, "' is open read-only");
  auto expect_refused = [&](const absl::Status& s, const std::string& what) {
    std::cout << "fault: " << what << " on a read-only store: " << s << "\n";
    EXPECT_TRUE(absl::IsFailedPrecondition(s)) << what << ": " << s;
    EXPECT_TRUE(absl::StrContains(s.message(), refused)) << what << ": " << s;
  };
  expect_refused(db->Query("ASSERT A p \"C\"").status(), "ASSERT");
  expect_refused(db->Query(absl::StrCat("RETRACT #c", id)).status(), "RETRACT");
  auto prepared = db->Prepare("ASSERT A p $o");
  ASSERT_TRUE(prepared.ok()) << prepared.status();
  prepared->Bind("o", Value::String("D"));
  expect_refused(prepared->Execute().status(), "prepared ASSERT");
  expect_refused(db->SetSchema("").status(), "SetSchema");
  // EXPLAIN of a write writes nothing, so it is allowed.
  auto explained = db->Query("EXPLAIN ASSERT A p \"C\"");
  EXPECT_TRUE(explained.ok()) << explained.status();
  auto all = Everything(*db);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->size(), 1u);
  db = absl::InternalError("closed");
}

}  // namespace
}  // namespace annals
