// Runs the real `annals` binary on a pseudo-terminal (forkpty) of a given
// size, with TERM=xterm and its own history file, and reads its output
// until an expected text appears or a timeout passes (never a blind sleep).
#ifndef ANNALS_TESTS_SHELL_PTY_SESSION_H_
#define ANNALS_TESTS_SHELL_PTY_SESSION_H_

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "tests/support/run_cli.h"

namespace annals::shell_test {

// `text` without ANSI escape sequences and carriage returns, backspaces
// applied.
inline std::string StripTerminal(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') continue;
    if (c == '\x1b' && i + 1 < text.size()) {
      if (text[i + 1] == '[') {  // CSI: parameters, then a final letter
        i += 2;
        while (i < text.size() && !(text[i] >= 0x40 && text[i] <= 0x7e)) ++i;
        continue;
      }
      if (text[i + 1] == ']') {  // OSC: up to BEL
        while (i < text.size() && text[i] != '\a') ++i;
        continue;
      }
      ++i;  // a two-character escape
      continue;
    }
    if (c == '\a') continue;
    if (c == '\b') {  // the cursor goes back one character: drop it
      while (!out.empty() && IsUtf8Continuation(out.back())) out.pop_back();
      if (!out.empty() && out.back() != '\n') out.pop_back();
      continue;
    }
    out += c;
  }
  return out;
}

class PtySession {
 public:
  PtySession(const std::vector<std::string>& args, const std::string& dir,
             const std::string& history, int columns, int rows = 40) {
    winsize ws{};
    ws.ws_col = static_cast<unsigned short>(columns);
    ws.ws_row = static_cast<unsigned short>(rows);
    std::vector<std::string> argv_s = test::CliArgv(args);
    pid_ = forkpty(&master_, nullptr, nullptr, &ws);
    if (pid_ == 0) {
      std::vector<char*> argv;
      for (std::string& a : argv_s) argv.push_back(a.data());
      argv.push_back(nullptr);
      setenv("TERM", "xterm", 1);
      setenv("ANNALS_HISTORY", history.c_str(), 1);
      setenv("INPUTRC", "/dev/null", 1);
      unsetenv("NO_COLOR");
      if (chdir(dir.c_str()) != 0) _exit(126);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  ~PtySession() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) close(master_);
  }
  bool started() const { return pid_ > 0 && master_ >= 0; }

  void Send(const std::string& keys) {
    size_t done = 0;
    while (done < keys.size()) {
      ssize_t n = write(master_, keys.data() + done, keys.size() - done);
      if (n <= 0) return;
      done += static_cast<size_t>(n);
    }
  }

  // Reads until `text` appears in the (stripped) output after what earlier
  // waits consumed; true if it did within `timeout_ms`.
  bool WaitFor(const std::string& text, int timeout_ms = 10000) {
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(timeout_ms);
    while (true) {
      const std::string stripped = StripTerminal(raw_);
      size_t at = stripped.find(text, consumed_);
      if (at != std::string::npos) {
        consumed_ = at + text.size();
        return true;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                            deadline - std::chrono::steady_clock::now())
                            .count();
      if (left <= 0 || !ReadSome(static_cast<int>(left))) return false;
    }
  }

  // Waits for the process to end; its exit code (-1 on a timeout or a
  // signal). Reads what it still writes.
  int WaitExit(int timeout_ms = 10000) {
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exited_ = true;
        while (ReadSome(50)) {
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      ReadSome(50);
    }
    return -1;
  }

  // Everything read so far, escapes stripped.
  std::string output() const { return StripTerminal(raw_); }
  const std::string& raw() const { return raw_; }

 private:
  // Reads what is there within `timeout_ms`; false when nothing came.
  bool ReadSome(int timeout_ms) {
    pollfd p{master_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return false;
    char buf[4096];
    ssize_t n = read(master_, buf, sizeof buf);
    if (n <= 0) return false;
    raw_.append(buf, static_cast<size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int master_ = -1;
  bool exited_ = false;
  std::string raw_;
  size_t consumed_ = 0;
};

}  // namespace annals::shell_test

#endif  // ANNALS_TESTS_SHELL_PTY_SESSION_H_
