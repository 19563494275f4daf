// Runs a program from a test, above all the real `annals` binary
// (ANNALS_CLI): in a directory, with a given standard input and optionally
// environment, capturing its exit code (or the signal that ended it), stdout,
// stderr and peak resident memory, within an optional timeout. Also
// TinyStoreTest, a fixture with datasets/tiny loaded by the binary.
#ifndef ANNALS_TESTS_SUPPORT_RUN_CLI_H_
#define ANNALS_TESTS_SUPPORT_RUN_CLI_H_

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace annals::test {

struct RunOptions {
  // The working directory; the streams pass through files in it (stdin.txt,
  // stdout.txt, stderr.txt).
  std::string dir;
  std::string input;          // standard input
  bool merge_stderr = false;  // stderr goes to `out` too
  // The whole environment, "NAME=value" each; nullopt: this process's.
  std::optional<std::vector<std::string>> env;
  // 0: wait for as long as it runs; else SIGKILL after this long.
  int timeout_ms = 0;
  // Runs in the child after the redirections, before exec.
  std::function<void()> before_exec;
};

struct CliResult {
  int exit_code = -1;  // -1: killed by a signal
  int wait_status = 0;
  bool timed_out = false;
  std::string out;
  std::string err;
  int64_t max_rss_mb = 0;  // peak resident memory of the process
};

// Starts argv[0] with `argv`; -1 when fork fails.
pid_t StartProgram(const std::vector<std::string>& argv,
                   const RunOptions& options);
// Waits for a started program (within options.timeout_ms) and collects it.
CliResult WaitProgram(pid_t pid, const RunOptions& options);
CliResult RunProgram(const std::vector<std::string>& argv,
                     const RunOptions& options);

// {ANNALS_CLI, args...}
std::vector<std::string> CliArgv(const std::vector<std::string>& args);
// Runs `annals args...` in `dir` with `input` on stdin; a failure when it
// does not exit normally.
CliResult RunCli(const std::string& dir, const std::vector<std::string>& args,
                 const std::string& input = "");
// The words of a command line as a shell splits it, with '...' and "..."
// quoting: `load s 'my file'` -> {"load", "s", "my file"}.
std::vector<std::string> ShellWords(std::string_view line);

// A temporary directory holding `store`, datasets/tiny loaded by
// `annals load`.
class TinyStoreTest : public ::testing::Test {
 protected:
  void SetUp() override;
  // Runs `annals args...` in root_ with `input` as its standard input.
  CliResult Run(const std::vector<std::string>& args, const std::string& input);

  TempDir dir_{"annals_shell"};
  std::string root_ = dir_.path();
  std::string store_ = dir_.Join("store");
};

}  // namespace annals::test

#endif  // ANNALS_TESTS_SUPPORT_RUN_CLI_H_
