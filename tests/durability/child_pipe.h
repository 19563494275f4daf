// The parent's end of a pipe from a forked child that writes fixed-size
// messages (acknowledgements) until it is killed: reading them as they come,
// then SIGKILL at a chosen moment, reaping, and reading what is left.
#ifndef ANNALS_TESTS_DURABILITY_CHILD_PIPE_H_
#define ANNALS_TESTS_DURABILITY_CHILD_PIPE_H_

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <vector>

namespace annals::test {

// Writes of at most PIPE_BUF bytes are atomic, so a read returns whole
// messages when each is written with one write().
template <typename Message>
class ChildPipe {
 public:
  explicit ChildPipe(int read_fd) : fd_(read_fd) {}
  ChildPipe(const ChildPipe&) = delete;
  ChildPipe& operator=(const ChildPipe&) = delete;
  ~ChildPipe() { close(fd_); }

  // Appends what arrives within `timeout_ms`; false on a timeout or at the
  // end of the pipe (the child is gone).
  bool ReadSome(int timeout_ms) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return false;
    Message buf[64];
    ssize_t n = read(fd_, buf, sizeof buf);
    if (n <= 0) return false;
    messages_.insert(messages_.end(), buf, buf + n / sizeof(Message));
    return true;
  }

  // Reads on for `delay_ms`, kills `pid` with SIGKILL, reaps it and reads
  // the rest. Returns its wait status (killed: WIFSIGNALED with SIGKILL).
  int KillAfter(pid_t pid, int delay_ms, int poll_ms) {
    auto kill_at =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(delay_ms);
    while (std::chrono::steady_clock::now() < kill_at) ReadSome(poll_ms);
    kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    while (ReadSome(0)) {
    }
    return status;
  }

  const std::vector<Message>& messages() const { return messages_; }

 private:
  int fd_;
  std::vector<Message> messages_;
};

inline bool KilledBySigkill(int status) {
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

}  // namespace annals::test

#endif  // ANNALS_TESTS_DURABILITY_CHILD_PIPE_H_
