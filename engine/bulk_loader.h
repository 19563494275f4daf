// BulkLoader: the all-or-nothing load path. Rows are gathered in memory with
// loader-local term numbers; Commit() then, under the writer lock, resolves
// terms against the dictionary (new ones get ids in order of first
// appearance), drops duplicates (within the load and of live claims already
// stored), assigns claim ids in file order, writes one sorted SST file per
// column family (meta included: counters and batch records) and ingests them
// all in one atomic step. A load killed at any point leaves the store as it
// was; its temporary files are removed on the next open.
//
// "The same claim": equal subject, predicate, object, valid_from and valid_to
// (with their precisions), source and by. A row equal to an earlier row of
// the load, or to a stored claim that is not retracted, is not added again;
// recorded_at and confidence do not count. A row may come already retracted
// (ClaimRecord::retracted set: `annals export --claims` files keep history):
// it is stored as it is, a duplicate only of a claim retracted at the same
// time and recorded at the same time, and supersedes nothing.
//
// One value at a time (supersession.h): the rows of predicates the schema
// declares `one` act as if asserted one by one in file order, all recorded
// at the load's time, except that a row closed or replaced by a later row of
// the same load is stored closed, or not at all. Stored claims they close or
// replace are retracted by the same atomic step (their closed copies are
// new claims of the load), and a row equal to a live claim once closed is
// not added again.
//
// Memory: the rows (in chunks, see claim_rows.h) and the load's terms; the
// sorts for deduplication and for each SST file run in bounded buffers
// merged from files in the load's temporary directory (run_sorter.h). Time
// by subject is written beside spo (which orders by subject first), one
// subject's entries sorted at a time; time by predicate and by object each
// sort once (time_writer.h).
//
// Not thread-safe: one loader per thread.
#ifndef ANNALS_ENGINE_BULK_LOADER_H_
#define ANNALS_ENGINE_BULK_LOADER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "annals/load.h"
#include "engine/claim_buffer.h"
#include "engine/claim_record.h"
#include "engine/clustered_record.h"
#include "engine/interrupt.h"
#include "engine/store.h"
#include "engine/term_table.h"

namespace annals::engine {

class BulkLoader {
 public:
  // `files` are the files of this load, in order; each becomes one batch
  // (recorded in meta with its path and `load_time`).
  BulkLoader(Store* store, std::vector<std::string> files, int64_t load_time);

  // Adds rows parsed in file order, in the order of the file's parts: their
  // s, p, o, source and by hold numbers of `terms` (term bytes, see
  // dictionary.h; source and by: kNone for none), `batch` holds the file's
  // index in `files` and `row` its line; everything else as stored
  // (`retracted` too: kNotRetracted for a live row). A claim
  // reference (kind kClaim) must name a stored claim. `rows` is left empty,
  // unless the interrupt (set_interrupt) trips: then its status.
  static constexpr uint64_t kNone = UINT64_MAX;
  absl::Status Append(const TermTable& terms, ClaimBuffer* rows);
  int64_t rows() const { return static_cast<int64_t>(rows_.size()); }

  // The schema version the rows were checked against: Commit refuses the
  // load (Aborted) if the store's schema changed since.
  void CheckedAgainstSchema(uint64_t version) { schema_version_ = version; }

  // Records per sort run (1 Mi records of 64 bytes: 64 MiB per sort, two
  // sorts at once). Tests make it small so that a small load goes through
  // runs on disk and their merge.
  void set_sort_run_records(size_t n) { run_records_ = n; }

  // Commit ticks `interrupt` (a copy per thread) as it resolves, sorts and
  // writes, and stops with its status when it trips, up to the final ingest:
  // the store is then unchanged and the temporary files removed. Once the
  // ingest has begun the load completes.
  void set_interrupt(Interrupt interrupt) { interrupt_ = std::move(interrupt); }
  // A meta entry the commit writes too (RDF prefixes: engine/prefixes.h);
  // the last one given for a key wins.
  void AddMeta(std::string key, std::string value) {
    extra_meta_.emplace_back(std::move(key), std::move(value));
  }
  // A new schema version the commit records too, and then makes current
  // (Wikidata labels as aliases): `text` parsed as `schema`, recorded at the
  // load's time, as the version after the one CheckedAgainstSchema names.
  void SetSchema(std::string text,
                 std::shared_ptr<const schema::Schema> schema) {
    new_schema_text_ = std::move(text);
    new_schema_ = std::move(schema);
  }

  // Loads everything atomically, or nothing when `dry_run` (the summary then
  // says what a load would do). Errors leave the store unchanged.
  absl::StatusOr<LoadResult> Commit(bool dry_run);

 private:
  std::vector<std::pair<std::string, std::string>> extra_meta_;
  std::string new_schema_text_;
  std::shared_ptr<const schema::Schema> new_schema_;  // null: none
  absl::Status ResolveTerms(const Counters& counters, Counters* after,
                            LoadResult* summary);
  // Fills the summary's new names and notices. REQUIRES: terms resolved,
  // rows still in local numbers.
  void NoteNewNames(const Counters& counters, bool store_has_terms,
                    LoadResult* summary);
  absl::Status ApplySupersession(const Counters& counters, LoadResult* summary);
  absl::Status MarkDuplicates(const Counters& counters, LoadResult* summary);
  // MarkDuplicates' two ways, for the rows not in `skip`: within the load
  // only (an empty store), or also against the stored claims.
  absl::Status MarkDuplicatesInLoad(const std::vector<bool>& skip);
  absl::Status MarkDuplicatesSorted(const std::vector<bool>& skip);
  absl::Status WriteAndIngest(
      const std::string& tmp_dir, const Counters& before, const Counters& after,
      const std::function<void(std::string)>& step_done,
      std::vector<std::pair<std::string, double>>* cpu_steps);

  // Where batch `batch`'s rows start ({} for none, or batch 0).
  RowBase BaseOf(uint64_t batch) const;
  // Up to kSmallSubjectClaims + 1 of subject `s`'s stored claims.
  absl::StatusOr<std::vector<ClaimRecord>> StoredClaims(uint64_t s) const;

  Store* store_;
  std::vector<std::string> files_;
  int64_t load_time_;
  uint64_t schema_version_ = 0;
  TermTable terms_;                   // the load's terms, by local number
  std::vector<uint64_t> global_ids_;  // by local number, after ResolveTerms
  std::vector<bool> new_term_;        // by local number
  ClaimBuffer rows_;
  // The load's temporary directory (sort runs, SST files); empty in a dry
  // run, whose sorts then stay in memory.
  std::string tmp_dir_;
  size_t run_records_ = size_t{1} << 20;
  std::vector<bool> duplicate_;  // by row: not stored
  std::vector<bool> one_value_;  // by row: deduplicated by supersession
  // Stored claims the load retracts (supersession), full records; written
  // after the load's own rows under their own ids.
  std::vector<ClaimRecord> retracted_;
  absl::flat_hash_set<uint64_t> rewritten_;  // their ids
  // Where each batch of the written claims starts (the load's and those of
  // the claims it retracts), by batch id.
  absl::flat_hash_map<uint64_t, RowBase> bases_;
  Interrupt interrupt_;  // this thread's; workers take copies
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_BULK_LOADER_H_
