// Tests of `annals serve` as a program (the real binary, ANNALS_CLI): it
// starts, prints its URL with the real port, answers, and stops with exit
// code 0 on SIGTERM and on SIGINT; its usage errors; the warning for a
// public address without a token.
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

class ServeCliTest : public test::TinyStoreTest {
 protected:
  // Starts `annals serve args... STORE` and waits for its URL's port.
  pid_t Serve(const std::vector<std::string>& args, int* port) {
    std::vector<std::string> argv = test::CliArgv({"serve"});
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back(store_);
    run_.dir = root_;
    run_.timeout_ms = 20000;
    pid_t pid = test::StartProgram(argv, run_);
    const std::regex url(R"(at http://127\.0\.0\.1:(\d+)/)");
    for (int i = 0; i < 1000 && pid > 0; ++i) {
      std::smatch m;
      const std::string out = test::ReadFile(root_ + "/stdout.txt");
      if (std::regex_search(out, m, url)) {
        *port = std::stoi(m[1]);
        return pid;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "no URL printed: "
                  << test::ReadFile(root_ + "/stderr.txt");
    return pid;
  }

  test::RunOptions run_;
};

void ExpectAnswers(int port) {
  httplib::Client c("127.0.0.1", port);
  auto r = c.Post(
      "/api/query",
      R"({"statement": "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x"})",
      "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_TRUE(absl::StrContains(r->body, "56 bcm/yr")) << r->body;
}

TEST_F(ServeCliTest, StopsCleanlyOnSigterm) {
  int port = 0;
  pid_t pid = Serve({"--port=0"}, &port);
  ASSERT_GT(port, 0);
  ExpectAnswers(port);
  kill(pid, SIGTERM);
  test::CliResult r = test::WaitProgram(pid, run_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "serving")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "writes refused: no token")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.err, "stopped (SIGTERM)")) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "\"POST /api/query\" 200")) << r.err;
  // The store is closed: another process may open it for writing.
  test::CliResult q = Run({"query", store_, "ASSERT a b c"}, "");
  EXPECT_EQ(q.exit_code, 0) << q.err;
}

TEST_F(ServeCliTest, StopsCleanlyOnSigint) {
  int port = 0;
  pid_t pid = Serve({"--port=0", "--read-only", "--quiet"}, &port);
  ASSERT_GT(port, 0);
  ExpectAnswers(port);
  kill(pid, SIGINT);
  test::CliResult r = test::WaitProgram(pid, run_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "(read-only)")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.err, "stopped (SIGINT)")) << r.err;
  EXPECT_FALSE(absl::StrContains(r.err, "POST")) << r.err;  // --quiet
}

TEST_F(ServeCliTest, TokenFileAllowsWrites) {
  const std::string token_file = test::WriteFileIn(root_, "token", "t0k3n\n");
  int port = 0;
  pid_t pid = Serve({"--port=0", "--token-file=" + token_file}, &port);
  ASSERT_GT(port, 0);
  httplib::Client c("127.0.0.1", port);
  auto r = c.Post("/api/query", {{"Authorization", "Bearer t0k3n"}},
                  R"({"statement": "ASSERT Gazprom supplies Serbia"})",
                  "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  kill(pid, SIGTERM);
  EXPECT_EQ(test::WaitProgram(pid, run_).exit_code, 0);
}

TEST_F(ServeCliTest, WarnsOnAPublicAddressWithoutAToken) {
  run_.dir = root_;
  run_.timeout_ms = 20000;
  pid_t pid = test::StartProgram(
      test::CliArgv({"serve", "--host=0.0.0.0", "--port=0", store_}), run_);
  for (int i = 0; i < 1000; ++i) {
    if (absl::StrContains(test::ReadFile(root_ + "/stdout.txt"), "serving")) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid, SIGTERM);
  test::CliResult r = test::WaitProgram(pid, run_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err,
                                "warning: listening on 0.0.0.0 "
                                "without a token"))
      << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "http://0.0.0.0:")) << r.out;
}

TEST_F(ServeCliTest, UsageErrors) {
  test::CliResult r = Run({"serve"}, "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "serve takes one STORE")) << r.err;
  r = Run({"serve", "--prot=1", store_}, "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "did you mean --port?")) << r.err;
  r = Run({"serve", "--port=70000", store_}, "");
  EXPECT_EQ(r.exit_code, 2);
  r = Run({"serve", "--token=a", "--token-file=b", store_}, "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "not both")) << r.err;
  r = Run({"serve", "--token-file=/nonexistent/token", store_}, "");
  EXPECT_EQ(r.exit_code, 2);
  r = Run({"serve", "--help"}, "");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(absl::StrContains(r.out, "Usage: annals serve")) << r.out;
  // No store there: refused, and none is made.
  const std::string missing = root_ + "/no-store";
  r = Run({"serve", "--port=0", missing}, "");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(std::filesystem::exists(missing));
}

}  // namespace
}  // namespace annals
