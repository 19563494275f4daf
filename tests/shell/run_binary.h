// Helpers for tests that drive the real `annals` binary (ANNALS_CLI): a
// temporary directory with datasets/tiny loaded into a store, and running
// the binary there (tests/run_cli.h).
#ifndef ANNALS_TESTS_SHELL_RUN_BINARY_H_
#define ANNALS_TESTS_SHELL_RUN_BINARY_H_

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/run_cli.h"

namespace annals::shell_test {

using RunResult = test::CliResult;
using test::ReadFile;
using test::WriteFile;

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
    return test::RunCli(root_, args, input);
  }

  std::string root_;
  std::string store_;
};

}  // namespace annals::shell_test

#endif  // ANNALS_TESTS_SHELL_RUN_BINARY_H_
