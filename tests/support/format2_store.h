// Stores of on-disk format 2 for the tests of `annals upgrade`
// (engine/upgrade_test.cc, tests/durability/kill_upgrade_test.cc), written
// entry by entry with Rocks as engine/FORMAT.md lays format 2 out, so that
// they exist whatever format the build writes. Only what the upgrade reads
// is written: the claim records, the dictionary and meta (format_version
// "2", the counters, the batch records); not format 2's index entries.
// Also the listing of every entry of a store, to compare it before and
// after.
#ifndef ANNALS_TESTS_SUPPORT_FORMAT2_STORE_H_
#define ANNALS_TESTS_SUPPORT_FORMAT2_STORE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "annals/value.h"
#include "engine/batch_meta.h"
#include "engine/claim_record.h"
#include "engine/rocks.h"

namespace annals::test {

class Format2Writer {
 public:
  // A new store in `dir` (missing or empty).
  static absl::StatusOr<std::unique_ptr<Format2Writer>> Create(
      const std::string& dir);
  ~Format2Writer();

  // The term id of `v`, added to the dictionary the first time.
  uint64_t Term(const Value& v);
  // A new load batch of the file `file` loaded at `load_time`; the claims
  // added with it are counted in its record.
  uint64_t NewBatch(std::string_view file, int64_t load_time);
  // Adds `row` as the next claim (its id is assigned here; its batch is 0
  // or one of NewBatch's) and returns it with its id.
  const engine::ClaimRecord& Add(engine::ClaimRecord row);
  // Writes the batch records, the counters and the format version, and
  // closes the store.
  absl::Status Finish();

 private:
  explicit Format2Writer(std::unique_ptr<engine::Rocks> rocks);
  absl::Status Put(engine::Family f, std::string_view key,
                   std::string_view value);

  std::unique_ptr<engine::Rocks> rocks_;
  std::unique_ptr<engine::RocksBatch> batch_;
  absl::Status status_;  // the first failed write
  absl::flat_hash_map<std::string, uint64_t> terms_;
  uint64_t next_term_ = 1;                  // the next sequence
  std::vector<engine::BatchMeta> batches_;  // batch id - 1
  std::map<uint64_t, int64_t> predicate_claims_;
  engine::ClaimRecord last_;
};

// Every entry of every family of the store in `dir`, by family name (the
// store is opened for writing and closed again).
using StoreEntries =
    std::map<std::string, std::vector<std::pair<std::string, std::string>>>;
absl::StatusOr<StoreEntries> ReadStoreEntries(const std::string& dir);

}  // namespace annals::test

#endif  // ANNALS_TESTS_SUPPORT_FORMAT2_STORE_H_
