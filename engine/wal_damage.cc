// Damaged write-ahead logs; see wal_damage.h.
#include "engine/wal_damage.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"

namespace annals::engine {

namespace fs = std::filesystem;

std::vector<std::string> WalFiles(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (absl::EndsWith(name, ".log") && e.is_regular_file(ec)) {
      out.push_back(std::move(name));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool AnotherProcessWrites(const std::string& dir) {
  int fd = ::open((dir + "/LOCK").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock query = {};
  query.l_type = F_WRLCK;
  query.l_whence = SEEK_SET;  // l_start 0, l_len 0: the whole file
  bool held = ::fcntl(fd, F_GETLK, &query) == 0 && query.l_type != F_UNLCK;
  ::close(fd);
  return held;
}

absl::Status DamagedWalError(const std::string& dir,
                             const std::string& reason) {
  std::vector<std::string> logs = WalFiles(dir);
  return absl::DataLossError(absl::StrCat(
      "store '", dir, "': its write-ahead log (",
      logs.empty() ? "*.log" : absl::StrJoin(logs, ", "),
      ") is damaged at its end (", reason,
      "): the last writes before the store was closed or crashed cannot all "
      "be read, so it was not opened and nothing was changed. `annals check "
      "--repair ",
      dir,
      "` opens it keeping every write before the damage and dropping the "
      "rest (a copy of the damaged log is kept in the store's "
      "damaged-wal-* directory); or restore the store from a backup"));
}

namespace {

absl::Status SyncPath(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags);
  if (fd < 0 || ::fsync(fd) != 0) {
    std::string err = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return absl::InternalError(absl::StrCat("syncing '", path, "': ", err));
  }
  ::close(fd);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::string> KeepDamagedWal(const std::string& dir) {
  const std::string base =
      absl::StrCat(dir, "/damaged-wal-", absl::ToUnixSeconds(absl::Now()));
  std::string copy = base;
  std::error_code ec;
  for (int n = 2; fs::exists(copy, ec); ++n) copy = absl::StrCat(base, "-", n);
  if (!fs::create_directory(copy, ec)) {
    return absl::InternalError(
        absl::StrCat("cannot make '", copy,
                     "' for a copy of the damaged log: ", ec.message()));
  }
  for (const std::string& name : WalFiles(dir)) {
    const std::string to = absl::StrCat(copy, "/", name);
    if (!fs::copy_file(absl::StrCat(dir, "/", name), to, ec)) {
      return absl::InternalError(absl::StrCat("cannot copy the damaged log '",
                                              name, "' to '", copy,
                                              "': ", ec.message()));
    }
    if (absl::Status s = SyncPath(to, O_RDONLY); !s.ok()) return s;
  }
  if (absl::Status s = SyncPath(copy, O_RDONLY | O_DIRECTORY); !s.ok()) {
    return s;
  }
  return copy;
}

}  // namespace annals::engine
