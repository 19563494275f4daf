// DirectoryWatch: an inotify instance with one watch on the directory.
#include "engine/dir_watch.h"

#include <pthread.h>
#include <sys/inotify.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <mutex>

namespace annals::engine {
namespace {

// inotify reports only the changes made through this machine's kernel: on a
// network or user-space file system (NFS, CIFS, 9p, FUSE) a writer on
// another machine would go unseen. Only these file systems, local to the
// kernel, are watched.
bool KernelSeesEveryWrite(const std::string& dir) {
  struct statfs fs;
  if (::statfs(dir.c_str(), &fs) != 0) return false;
  switch (static_cast<unsigned long>(fs.f_type)) {
    case 0xEF53:      // ext2, ext3, ext4
    case 0x58465342:  // xfs
    case 0x9123683E:  // btrfs
    case 0x01021994:  // tmpfs
    case 0xF2F52010:  // f2fs
    case 0x2FC12FC1:  // zfs
    case 0x794C7630:  // overlayfs
      return true;
    default:
      return false;
  }
}

// A forked child shares its parent's inotify queues: what one takes the
// other would miss. Each fork counts here, and a watch made before the
// latest fork answers "maybe" from then on.
std::atomic<int> forks{0};

void CountForksOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    ::pthread_atfork(nullptr, nullptr, [] { forks.fetch_add(1); });
  });
}

}  // namespace

DirectoryWatch::DirectoryWatch(const std::string& dir) {
  CountForksOnce();
  forks_seen_ = forks.load();
  if (!KernelSeesEveryWrite(dir)) return;
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
  if (fd_ >= 0 && forks.load(std::memory_order_relaxed) != forks_seen_) {
    ::close(fd_);  // this process's copy; the parent's watch goes on
    fd_ = -1;
  }
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
