// `annals query` and `annals load` stopped by SIGINT (as Ctrl-C sends it):
// the statement or load is cancelled within a fraction of a second, stderr
// says so, the exit code is 130 and the store is unchanged (a query's
// script stops there; a load adds nothing and leaves no temporary files).
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/support/run_cli.h"
#include "tests/support/store.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

using Clock = std::chrono::steady_clock;

class CliInterruptTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::CliResult r = test::RunCli(
        root_,
        {"load", "--quiet", store_, test::SourcePath(test::kTinyClaims)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // Starts `annals args...`, sends SIGINT after `delay`; the result, and
  // how long it ran on after the signal. A signal that comes before the
  // program has installed its handler (a slow start: a sanitizer build on
  // busy cores) kills it, having done nothing; then it is tried again,
  // waiting longer.
  test::CliResult Interrupt(const std::vector<std::string>& args,
                            std::chrono::milliseconds delay,
                            Clock::duration* after_signal,
                            const std::string& input = "") {
    test::RunOptions options;
    options.dir = root_;
    options.input = input;
    options.timeout_ms = 60000;
    test::CliResult r;
    for (int attempt = 0; attempt < 4; ++attempt, delay *= 3) {
      pid_t pid = test::StartProgram(test::CliArgv(args), options);
      EXPECT_GT(pid, 0);
      std::this_thread::sleep_for(delay);
      const Clock::time_point sent = Clock::now();
      kill(pid, SIGINT);
      r = test::WaitProgram(pid, options);
      *after_signal = Clock::now() - sent;
      const bool killed_before_its_handler =
          WIFSIGNALED(r.wait_status) && WTERMSIG(r.wait_status) == SIGINT;
      if (!killed_before_its_handler) break;
    }
    return r;
  }

  // Claims and terms, as `annals stats` counts them.
  std::string Counts() {
    test::CliResult r = test::RunCli(root_, {"stats", store_});
    std::string counts;
    for (const char* what : {"claims ", "terms "}) {
      size_t at = r.out.find(what);
      if (at != std::string::npos) {
        counts += r.out.substr(at, r.out.find('\n', at) - at) + "\n";
      }
    }
    return counts;
  }

  test::TempDir dir_{"annals_cli_interrupt"};
  std::string root_ = dir_.path();
  std::string store_ = dir_.Join("store");
};

constexpr char kLongStatement[] =
    "FIND count(*) WHERE ?a ?p ?b, ?c ?q ?d, ?e ?r ?f, ?g ?s ?h, ?i ?t ?j, "
    "?k ?u ?l";

TEST_F(CliInterruptTest, QueryExits130) {
  Clock::duration after;
  test::CliResult r = Interrupt({"query", store_, kLongStatement},
                                std::chrono::milliseconds(300), &after);
  EXPECT_EQ(r.exit_code, 130) << r.out << r.err;
  EXPECT_EQ(r.err, "annals: statement cancelled\n");
  EXPECT_EQ(r.out, "");
  EXPECT_LT(after, std::chrono::seconds(2));
}

TEST_F(CliInterruptTest, AQueryScriptStopsAtTheCancelledStatement) {
  const std::string before = Counts();
  Clock::duration after;
  test::CliResult r = Interrupt(
      {"query", "--keep-going", store_}, std::chrono::milliseconds(300), &after,
      absl::StrCat(kLongStatement, ";\nASSERT Gazprom signed \"after\";\n"));
  EXPECT_EQ(r.exit_code, 130) << r.out << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "statement cancelled")) << r.err;
  EXPECT_FALSE(absl::StrContains(r.out, "claim")) << r.out;  // no ASSERT
  EXPECT_LT(after, std::chrono::seconds(2));
  EXPECT_EQ(Counts(), before);
}

TEST_F(CliInterruptTest, LoadExits130AndLoadsNothing) {
  const std::string big = dir_.Join("big.tsv");
  {
    std::ofstream out(big);
    out << "subject\tpredicate\tobject\tvalid_from\n";
    for (int i = 0; i < 400000; ++i) {
      out << "s" << i % 3000 << "\tp" << i % 5 << "\to" << i << "\t"
          << 1950 + i % 70 << "\n";
    }
  }
  const std::string before = Counts();
  // The process has started and opened the store by then; reading takes
  // seconds on two busy cores, then writing.
  for (int delay_ms : {400, 1500}) {
    Clock::duration after;
    test::CliResult r = Interrupt({"load", store_, big},
                                  std::chrono::milliseconds(delay_ms), &after);
    if (r.exit_code == 0) break;  // a fast machine: loaded before the signal
    EXPECT_EQ(r.exit_code, 130) << r.out << r.err;
    EXPECT_TRUE(absl::StrContains(
        r.err, "load cancelled: nothing was loaded, the store is unchanged"))
        << r.err;
    EXPECT_LT(after, std::chrono::seconds(2));
    EXPECT_EQ(Counts(), before);
    for (const auto& e : std::filesystem::directory_iterator(store_)) {
      EXPECT_FALSE(absl::StartsWith(e.path().filename().string(), "load-tmp"))
          << e.path();
    }
  }
  test::CliResult check = test::RunCli(root_, {"check", store_});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

}  // namespace
}  // namespace annals
