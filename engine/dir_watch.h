// Whether the files of a directory may have changed since the last look, in
// one system call: an inotify watch on the directory, read without blocking.
// A read-only handle asks before every statement whether its writer wrote
// (Rocks::CatchUp); a read that finds no event replaces statting the
// writer's log and MANIFEST. Where inotify cannot watch or cannot see every
// writer (no instances left; a file system other than ext4, xfs, btrfs,
// tmpfs, f2fs, zfs or overlayfs, such as NFS, whose remote writers it would
// miss), and in a child forked after the watch began, every look answers
// "maybe".
#ifndef ANNALS_ENGINE_DIR_WATCH_H_
#define ANNALS_ENGINE_DIR_WATCH_H_

#include <string>

namespace annals::engine {

class DirectoryWatch {
 public:
  // Watches `dir` for files made, written, renamed or removed. Events are
  // queued by the kernel as the writing process makes them, so a change
  // finished before a look is seen by that look.
  explicit DirectoryWatch(const std::string& dir);
  ~DirectoryWatch();
  DirectoryWatch(const DirectoryWatch&) = delete;
  DirectoryWatch& operator=(const DirectoryWatch&) = delete;

  // Whether the watch works (when not, MaybeChanged is always true).
  bool watching() const { return fd_ >= 0; }

  // Takes the events queued since the last call: true when there were any,
  // or when the watch cannot tell (not watching, its queue overflowed, a
  // read failed).
  bool MaybeChanged();

 private:
  int fd_ = -1;
  int forks_seen_ = 0;  // forks of this process before the watch began
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_DIR_WATCH_H_
