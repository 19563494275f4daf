// Helpers for tests that drive the real `annals` binary (ANNALS_CLI): a
// temporary directory with datasets/tiny loaded into a store, and running
// the binary with stdin from a file and stdout/stderr captured.
#ifndef ANNALS_TESTS_SHELL_RUN_BINARY_H_
#define ANNALS_TESTS_SHELL_RUN_BINARY_H_

#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace annals::shell_test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

// A temporary directory holding `store`, datasets/tiny loaded.
class TinyStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir();
    if (pattern.empty() || pattern.back() != '/') pattern += '/';
    pattern += "annals_shell_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    store_ = root_ + "/store";
    RunResult load =
        Run({"load", "--quiet", store_,
             std::string(ANNALS_SOURCE_DIR) + "/datasets/tiny/claims.tsv"},
            "");
    ASSERT_EQ(load.exit_code, 0) << load.err;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }

  // Runs `annals args...` in root_ with `input` as its standard input.
  RunResult Run(const std::vector<std::string>& args,
                const std::string& input) {
    const std::string in_path = root_ + "/stdin.txt";
    const std::string out_path = root_ + "/stdout.txt";
    const std::string err_path = root_ + "/stderr.txt";
    WriteFile(in_path, input);
    std::vector<std::string> argv_s = {ANNALS_CLI};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = fork();
    if (pid == 0) {
      int in = open(in_path.c_str(), O_RDONLY);
      int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (in < 0 || out < 0 || err < 0 || chdir(root_.c_str()) != 0) {
        _exit(126);
      }
      dup2(in, 0);
      dup2(out, 1);
      dup2(err, 2);
      execv(argv[0], argv.data());
      _exit(127);
    }
    RunResult r;
    int status = 0;
    EXPECT_EQ(waitpid(pid, &status, 0), pid);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = ReadFile(out_path);
    r.err = ReadFile(err_path);
    return r;
  }

  std::string root_;
  std::string store_;
};

}  // namespace annals::shell_test

#endif  // ANNALS_TESTS_SHELL_RUN_BINARY_H_
