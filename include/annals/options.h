// Options for opening a store: a plain struct with defaults that suit an
// analyst's workstation (load options are in load.h).
#ifndef ANNALS_OPTIONS_H_
#define ANNALS_OPTIONS_H_

#include <cstdint>

namespace annals {

struct Options {
  // Create the store when `dir` is missing or an empty directory (else
  // NotFound, and nothing is created). Never in a directory that holds
  // other files, nor in a file: those are FailedPrecondition either way.
  // Ignored when read_only.
  bool create_if_missing = true;
  // Open without taking the writer lock: any number of read-only handles
  // (in this process or others) may read a store while one process writes
  // it; writes are refused with FailedPrecondition. A read-only handle
  // follows the writer: each read (a statement, Find, Scan, Get, Stats,
  // GetSnapshot, ...) first catches up with what has been committed, unless
  // a Snapshot or a ResultSet of this handle is still alive (its view does
  // not move; the next read after it is gone catches up). Nothing is written
  // into the store: RocksDB's secondary instance keeps its log in a private
  // temporary directory, removed on close.
  bool read_only = false;
  // Make every Assert/Retract durable (fsync) before it returns. Loads are
  // always durable when they return.
  bool sync_writes = true;
  // Open a store whose write-ahead log (the writes since its data were last
  // written to table files) is damaged at its end: first copy the log into
  // a new directory `dir/damaged-wal-<unix seconds>/`, then replay it up to
  // the damage and drop the rest. Off (the default), such a store is not
  // opened: DataLoss naming the log and saying what to do (docs/storage.md,
  // "A damaged write-ahead log"). Ignored when read_only (a read-only handle
  // changes nothing, so it always reports the damage).
  bool drop_damaged_wal_tail = false;
  // Memory for cached data blocks.
  int64_t block_cache_bytes = int64_t{256} << 20;
};

}  // namespace annals

#endif  // ANNALS_OPTIONS_H_
