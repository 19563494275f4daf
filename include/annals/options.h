// Options for opening a store and for bulk loads. Plain structs with defaults
// that suit an analyst's workstation.
#ifndef ANNALS_OPTIONS_H_
#define ANNALS_OPTIONS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

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

// Progress of a running load, reported about every 100,000 rows.
struct LoadProgress {
  int64_t rows = 0;
  int64_t bytes_read = 0;   // of all files so far
  int64_t bytes_total = 0;  // of all files, 0 if unknown
  double seconds = 0;       // since the load started
};

enum class LoadFormat { kAuto, kTsv, kCsv, kJsonl };

// How the times of a load file (valid_from, valid_to, recorded_at) are
// written.
enum class DateFormat {
  // As TimePoint::Parse reads them: `2025`, `2025-09`, `2025-09-02`,
  // `2025-09-02T10:00:00Z`; anything else is a bad row.
  kIso,
  // Also with `#` for unknown digits (ParseWithUnknownDigits): `1962-##-##`
  // is the year 1962, `1962-05-##` May 1962, and `####-##-##` is unknown,
  // loaded as an empty field (an open end; for recorded_at, the load time).
  kUnknownDigits,
};

struct LoadOptions {
  // kAuto picks by extension: .tsv/.txt, .csv, .jsonl/.ndjson/.json.
  LoadFormat format = LoadFormat::kAuto;
  // Validate everything, write nothing.
  bool dry_run = false;
  // Go on past bad rows; they are written to `reject_file` (path:line:col,
  // reason, and the row's fields) and counted in the result.
  bool skip_bad = false;
  std::string reject_file;  // default with skip_bad: <first file>.rejects
  DateFormat dates = DateFormat::kIso;
  // Rows are events: an empty valid_to is valid_from (the claim holds some
  // time within valid_from's span, as ICEWS's one-day events do) instead of
  // an open end.
  bool events = false;
  // Columns under other names: pairs of (name in the file's header or JSON
  // keys, case-insensitive; Annals column), e.g. {{"start", "valid_from"},
  // {"end", "valid_to"}}. A mapped name replaces the column's own name in
  // that file. InvalidArgument when a pair names an unknown Annals column,
  // maps two names to one column, or names a header name that a TSV or CSV
  // file does not have.
  std::vector<std::pair<std::string, std::string>> columns;
  // Lines longer than this are bad rows.
  int64_t max_line_bytes = int64_t{64} << 20;
  // Called from a loading thread (never two at once); may be empty.
  std::function<void(const LoadProgress&)> progress;
};

}  // namespace annals

#endif  // ANNALS_OPTIONS_H_
