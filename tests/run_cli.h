// Runs the real `annals` binary (ANNALS_CLI) from a test: in a directory,
// with the given standard input, capturing its exit code, stdout, stderr and
// peak resident memory.
#ifndef ANNALS_TESTS_RUN_CLI_H_
#define ANNALS_TESTS_RUN_CLI_H_

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gtest/gtest.h"

namespace annals::test {

struct CliResult {
  int exit_code = -1;  // -1: killed by a signal
  std::string out;
  std::string err;
  int64_t max_rss_mb = 0;  // peak resident memory of the process
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

// Runs `annals args...` in `dir` with `input` on stdin. The streams pass
// through files in `dir` (stdin.txt, stdout.txt, stderr.txt).
inline CliResult RunCli(const std::string& dir,
                        const std::vector<std::string>& args,
                        const std::string& input = "") {
  const std::string in_path = dir + "/stdin.txt";
  const std::string out_path = dir + "/stdout.txt";
  const std::string err_path = dir + "/stderr.txt";
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
    if (in < 0 || out < 0 || err < 0 || chdir(dir.c_str()) != 0) _exit(126);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  CliResult r;
  EXPECT_GT(pid, 0);
  int status = 0;
  rusage usage{};
  EXPECT_EQ(wait4(pid, &status, 0, &usage), pid);
  r.max_rss_mb = usage.ru_maxrss / 1024;
  EXPECT_TRUE(WIFEXITED(status)) << "annals " << absl::StrJoin(args, " ");
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  r.out = ReadFile(out_path);
  r.err = ReadFile(err_path);
  return r;
}

}  // namespace annals::test

#endif  // ANNALS_TESTS_RUN_CLI_H_
