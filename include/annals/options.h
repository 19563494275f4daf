// Options for opening a store: a plain struct with defaults that suit an
// analyst's workstation (load options are in load.h).
#ifndef ANNALS_OPTIONS_H_
#define ANNALS_OPTIONS_H_

#include <cstdint>

namespace annals {

struct Options {
  // Create the store when `dir` holds none (else NotFound, and nothing is
  // created). Ignored when read_only.
  bool create_if_missing = true;
  // Open without taking the writer lock: any number of read-only processes
  // may read a store while one process writes it; writes are refused with
  // FailedPrecondition. A read-only handle sees the store as it was when
  // opened.
  bool read_only = false;
  // Make every Assert/Retract durable (fsync) before it returns. Loads are
  // always durable when they return.
  bool sync_writes = true;
  // Memory for cached data blocks.
  int64_t block_cache_bytes = int64_t{256} << 20;
};

}  // namespace annals

#endif  // ANNALS_OPTIONS_H_
