// DirectoryWatch: an inotify instance with one watch on the directory.
#include "engine/dir_watch.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>

namespace annals::engine {

DirectoryWatch::DirectoryWatch(const std::string& dir) {
  int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) return;
  constexpr uint32_t kChanges = IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE |
                                IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;
  if (::inotify_add_watch(fd, dir.c_str(), kChanges) < 0) {
    ::close(fd);
    return;
  }
  fd_ = fd;
}

DirectoryWatch::~DirectoryWatch() {
  if (fd_ >= 0) ::close(fd_);
}

bool DirectoryWatch::MaybeChanged() {
  if (fd_ < 0) return true;
  alignas(struct inotify_event) char buffer[4096];
  bool changed = false;
  for (;;) {
    ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return changed;
    if (n <= 0) return true;  // a read that fails otherwise tells nothing
    changed = true;
    for (ssize_t at = 0; at < n;) {
      const auto* event =
          reinterpret_cast<const struct inotify_event*>(buffer + at);
      // The directory itself went away: the watch is gone with it, and
      // from now on every look answers "maybe".
      if (event->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)) {
        ::close(fd_);
        fd_ = -1;
        return true;
      }
      at += sizeof(struct inotify_event) + event->len;
    }
  }
}

}  // namespace annals::engine
