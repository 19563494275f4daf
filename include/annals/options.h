// Options for opening a store and for bulk loads. Plain structs with defaults
// that suit an analyst's workstation.
#ifndef ANNALS_OPTIONS_H_
#define ANNALS_OPTIONS_H_

#include <cstdint>
#include <functional>
#include <string>

namespace annals {

struct Options {
  // Create the store when `dir` holds none. Ignored when read_only.
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

// Progress of a running load, reported about every 100,000 rows.
struct LoadProgress {
  int64_t rows = 0;
  int64_t bytes_read = 0;   // of all files so far
  int64_t bytes_total = 0;  // of all files, 0 if unknown
  double seconds = 0;       // since the load started
};

enum class LoadFormat { kAuto, kTsv, kCsv, kJsonl };

struct LoadOptions {
  // kAuto picks by extension: .tsv/.txt, .csv, .jsonl/.ndjson/.json.
  LoadFormat format = LoadFormat::kAuto;
  // Validate everything, write nothing.
  bool dry_run = false;
  // Go on past bad rows; they are written to `reject_file` (path:line:col,
  // reason, and the row's fields) and counted in the result.
  bool skip_bad = false;
  std::string reject_file;  // default with skip_bad: <first file>.rejects
  // Lines longer than this are bad rows.
  int64_t max_line_bytes = int64_t{64} << 20;
  // Called from a loading thread (never two at once); may be empty.
  std::function<void(const LoadProgress&)> progress;
};

}  // namespace annals

#endif  // ANNALS_OPTIONS_H_
