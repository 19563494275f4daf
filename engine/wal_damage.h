// A store whose write-ahead log is damaged at its end (RocksDB's *.log files:
// the writes since the memtables were last flushed). The store opens the log
// strictly (every record must read); when that fails only because of the
// log, these say so, and, when the user opts in
// (Options::drop_damaged_wal_tail), keep a copy of the damaged log before
// RocksDB replays it up to the damage and drops the rest.
#ifndef ANNALS_ENGINE_WAL_DAMAGE_H_
#define ANNALS_ENGINE_WAL_DAMAGE_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace annals::engine {

// The write-ahead logs in `dir` (file names such as `000012.log`), in name
// order, which is their order.
std::vector<std::string> WalFiles(const std::string& dir);

// The error for a store whose log is damaged: DataLoss naming the store, its
// logs and RocksDB's `reason`, and saying what to do.
absl::Status DamagedWalError(const std::string& dir, const std::string& reason);

// Whether another process holds the store's writer lock (`dir/LOCK`,
// RocksDB's fcntl lock): its log's last record may be half-written at this
// moment, which is not damage.
bool AnotherProcessWrites(const std::string& dir);

// Copies the logs of `dir` into a new directory `dir/damaged-wal-<unix
// seconds>[-N]/` and syncs them; returns its path.
absl::StatusOr<std::string> KeepDamagedWal(const std::string& dir);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_WAL_DAMAGE_H_
