// A load's record of each file it read (a batch): the `meta` entry
// `batch/<id>`, and in format 3 where the batch's rows start, which a
// clustered claim record (clustered_record.h) counts its row from.
//
// Format 2 writes `<load time>\t<claims added>\t<file path>`; format 3 adds
// the batch's first claim id and that claim's row before the path:
// `<load time>\t<claims added>\t<first claim>\t<first row>\t<file path>`.
// The path comes last in both, as it may hold tabs.
#ifndef ANNALS_ENGINE_BATCH_META_H_
#define ANNALS_ENGINE_BATCH_META_H_

#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "engine/clustered_record.h"
#include "engine/rocks.h"

namespace annals::engine {

struct BatchMeta {
  int64_t load_time = 0;  // unix seconds
  int64_t claims_added = 0;
  RowBase base;  // format 3 only; {0, 0} in format 2
  std::string file;
};

// The `meta` key of batch `batch`.
std::string BatchMetaKey(uint64_t batch);
// The value in `format` (2 or 3).
std::string EncodeBatchMeta(const BatchMeta& meta, int format);
// nullopt when `value` is not a batch record of `format`.
std::optional<BatchMeta> DecodeBatchMeta(std::string_view value, int format);

// The row bases of a format-3 store's batches, read from `meta` once each
// and kept: a batch's record is written by the load that makes the batch
// and never changes. Thread-safe.
class RowBases {
 public:
  explicit RowBases(const Rocks* rocks) : rocks_(rocks) {}

  // DataLoss naming the batch when its record is missing or unreadable.
  absl::StatusOr<RowBase> Get(uint64_t batch, const Snapshot* snap);

 private:
  static constexpr size_t kMaxCached = 1 << 16;
  const Rocks* rocks_;
  std::shared_mutex mu_;  // guards bases_
  absl::flat_hash_map<uint64_t, RowBase> bases_;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_BATCH_META_H_
