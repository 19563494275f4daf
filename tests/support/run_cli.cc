// The program runner of run_cli.h.
#include "tests/support/run_cli.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <thread>

#include "absl/strings/str_join.h"

#ifndef ANNALS_CLI
#error "ANNALS_CLI must name the annals command line binary"
#endif

namespace annals::test {
namespace {

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

pid_t StartProgram(const std::vector<std::string>& argv,
                   const RunOptions& options) {
  const std::string in_path = options.dir + "/stdin.txt";
  const std::string out_path = options.dir + "/stdout.txt";
  const std::string err_path = options.dir + "/stderr.txt";
  WriteFile(in_path, options.input);
  // Built before the fork: the child only calls async-signal-safe functions
  // (and before_exec).
  std::vector<std::string> argv_s = argv;
  std::vector<char*> argv_p = Pointers(argv_s);
  std::vector<std::string> env_s =
      options.env.value_or(std::vector<std::string>());
  std::vector<char*> env_p = Pointers(env_s);
  pid_t pid = fork();
  if (pid != 0) return pid;
  int in = open(in_path.c_str(), O_RDONLY);
  int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int err = options.merge_stderr
                ? out
                : open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (in < 0 || out < 0 || err < 0 || chdir(options.dir.c_str()) != 0) {
    _exit(126);
  }
  dup2(in, 0);
  dup2(out, 1);
  dup2(err, 2);
  if (options.before_exec) options.before_exec();
  if (options.env) {
    execve(argv_p[0], argv_p.data(), env_p.data());
  } else {
    execv(argv_p[0], argv_p.data());
  }
  _exit(127);
}

CliResult WaitProgram(pid_t pid, const RunOptions& options) {
  CliResult r;
  if (pid <= 0) return r;
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(options.timeout_ms);
  int status = 0;
  rusage usage{};
  pid_t done = 0;
  while ((done = wait4(pid, &status, options.timeout_ms > 0 ? WNOHANG : 0,
                       &usage)) == 0 ||
         (done < 0 && errno == EINTR)) {
    if (done == 0 && std::chrono::steady_clock::now() >= deadline) {
      kill(pid, SIGKILL);
      r.timed_out = true;
      while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
      }
      break;
    }
    if (done == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (done != pid && !r.timed_out)
    status = -1;  // lost: neither exited nor
                  // signalled
  r.wait_status = status;
  r.max_rss_mb = usage.ru_maxrss / 1024;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  r.out = ReadFile(options.dir + "/stdout.txt");
  if (!options.merge_stderr) r.err = ReadFile(options.dir + "/stderr.txt");
  return r;
}

CliResult RunProgram(const std::vector<std::string>& argv,
                     const RunOptions& options) {
  return WaitProgram(StartProgram(argv, options), options);
}

std::vector<std::string> CliArgv(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {ANNALS_CLI};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

CliResult RunCli(const std::string& dir, const std::vector<std::string>& args,
                 const std::string& input) {
  RunOptions options;
  options.dir = dir;
  options.input = input;
  pid_t pid = StartProgram(CliArgv(args), options);
  EXPECT_GT(pid, 0);
  CliResult r = WaitProgram(pid, options);
  EXPECT_TRUE(WIFEXITED(r.wait_status))
      << "annals " << absl::StrJoin(args, " ");
  return r;
}

std::vector<std::string> ShellWords(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (char c : line) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

void TinyStoreTest::SetUp() {
  CliResult load =
      Run({"load", "--quiet", store_,
           std::string(ANNALS_SOURCE_DIR) + "/datasets/tiny/claims.tsv"},
          "");
  ASSERT_EQ(load.exit_code, 0) << load.err;
}

CliResult TinyStoreTest::Run(const std::vector<std::string>& args,
                             const std::string& input) {
  return RunCli(root_, args, input);
}

}  // namespace annals::test
