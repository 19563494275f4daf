// Store: one Annals store on disk. Opens RocksDB, checks the format version,
// keeps the counters (next ids, claim counts per predicate), and owns the two
// ways data gets in: Commit() for ordinary writes (one atomic WriteBatch, see
// write_txn.h) and Ingest() for bulk loads (SST files ingested atomically, see
// bulk_loader.h). One writer at a time, enforced by a mutex; any number of
// readers, each on a snapshot.
//
// Thread-safe.
#ifndef ANNALS_ENGINE_STORE_H_
#define ANNALS_ENGINE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/container/btree_map.h"
#include "absl/status/statusor.h"
#include "engine/batch_meta.h"
#include "engine/claim_record.h"
#include "engine/dictionary.h"
#include "engine/indexed_subjects.h"
#include "engine/name_suggestions.h"
#include "engine/rocks.h"
#include "schema/schema.h"

namespace annals::engine {

// Counters persisted in `meta`. Changed only under the writer lock.
struct Counters {
  uint64_t next_claim = 1;
  uint64_t next_term = 1;  // sequence part of term ids
  uint64_t next_batch = 1;
  int64_t claim_count = 0;
  absl::btree_map<uint64_t, int64_t>
      predicate_counts;  // predicate id -> claims

  // Meta entries for every counter that differs from `before`.
  void WriteChanges(
      const Counters& before,
      std::vector<std::pair<std::string, std::string>>* out) const;
};

class Store {
 public:
  // Opens or creates the store (see Rocks::Open). FailedPrecondition for a
  // store of a newer format version, for a path that is not an Annals store,
  // or when another process holds it; DataLoss for an unreadable format
  // version.
  static absl::StatusOr<std::unique_ptr<Store>> Open(const std::string& dir,
                                                     const Options& opts);

  const std::string& dir() const { return rocks_->dir(); }
  bool read_only() const { return rocks_->read_only(); }
  // A read-only store follows its writer: before each read the API calls
  // CatchUp, which brings in what the writer committed since (and the
  // counters and schema with it). Does nothing for a writer, or while a
  // snapshot of this store is alive (see Rocks::CatchUp).
  absl::Status CatchUp();
  Rocks& rocks() { return *rocks_; }
  Dictionary& dictionary() { return dictionary_; }
  // "Did you mean" over the store's entity names and the schema's aliases.
  NameSuggestions& name_suggestions() { return name_suggestions_; }
  std::shared_ptr<const Snapshot> GetSnapshot() {
    return rocks_->GetSnapshot();
  }

  // The full record of a claim; NotFound when there is no such claim. Reads
  // its pointer in `claims`, then its record in `spo` (FORMAT.md).
  absl::StatusOr<ClaimRecord> GetClaim(uint64_t claim_id, const Snapshot* snap);
  // Calls `each` with the claims whose spo keys start with `ids[0..n)` (the
  // subject; the subject and predicate), in spo order, every field but
  // `row`, until it returns false. DataLoss naming the store for an
  // unreadable entry.
  absl::Status ForEachInSpo(
      const uint64_t* ids, int n, const Snapshot* snap,
      const std::function<bool(const ClaimRecord&)>& each);
  // Where each load batch's rows start: a claim's row is stored as its
  // distance from the row its batch and claim id predict.
  RowBases& row_bases() { return row_bases_; }
  // Subjects a scan found in time by subject (a hint; indexed_subjects.h).
  IndexedSubjects& indexed_subjects() { return indexed_subjects_; }

  // A copy of the counters as of the last commit or load.
  Counters counters() const;

  // The writer lock: held by WriteTxn and BulkLoader for their whole work.
  std::mutex& writer_mutex() { return writer_mu_; }
  // The single write path: applies `batch` (with the meta changes from
  // `before` to `after`) atomically, then publishes `after`. After a failed
  // commit every later write is refused, as the in-memory state may be ahead
  // of the disk. REQUIRES: writer_mutex() held.
  absl::Status Commit(RocksBatch* batch, const Counters& after);
  // The bulk path: ingests the SST files atomically, then publishes `after`
  // (whose meta entries the caller put in an SST of its own).
  // REQUIRES: writer_mutex() held.
  absl::Status Ingest(const std::vector<Rocks::Ingest>& files,
                      const Counters& after);
  // OK, or why writes are refused (read-only store, earlier failed commit).
  absl::Status Writable() const;

  // The current schema (never null: an empty Schema when the store has none)
  // and its version in meta (0: never set). See schema_store.h.
  struct CurrentSchema {
    uint64_t version = 0;
    std::shared_ptr<const schema::Schema> schema;
    // In every snapshot whose sequence number is at least this (Rocks).
    uint64_t sequence = 0;
  };
  CurrentSchema schema() const;
  // The schema as of `snap` (nullptr: the current one): what a read on that
  // snapshot must use for aliases, units and one-ness, even when a newer
  // schema was committed since. Reads meta only when a schema change was
  // committed after the snapshot or is being committed. DataLoss when the
  // version it reads does not parse.
  absl::StatusOr<CurrentSchema> SchemaAt(const Snapshot* snap) const;
  // A schema change is about to be committed (then PublishSchema, or
  // SchemaChangeFailed). REQUIRES: writer_mutex() held.
  void SchemaChangeBegins();
  void SchemaChangeFailed();
  // How many schema changes are being committed now: 0 between writes.
  int schema_changes_in_flight() const;
  // Makes a committed schema change current. REQUIRES: writer_mutex() held.
  void PublishSchema(CurrentSchema current);

  // A snapshot and the schema as of it, for one statement; unlike
  // GetConsistentView it does not wait for a load in progress.
  struct ReadView {
    std::shared_ptr<const Snapshot> snapshot;
    CurrentSchema schema;
  };
  absl::StatusOr<ReadView> GetReadView();

  // A snapshot with the counters and schema of the same instant. Writers
  // publish counters and schema after their write, so the three are taken
  // together under the writer lock (waits for a write in progress).
  struct ConsistentView {
    std::shared_ptr<const Snapshot> snapshot;
    Counters counters;
    CurrentSchema schema;
  };
  ConsistentView GetConsistentView();

 private:
  Store(std::unique_ptr<Rocks> rocks);
  absl::Status InitOrCheckFormat();
  absl::Status LoadCounters();
  absl::Status LoadSchema();

  std::unique_ptr<Rocks> rocks_;
  Dictionary dictionary_;
  NameSuggestions name_suggestions_;
  RowBases row_bases_;
  IndexedSubjects indexed_subjects_;
  // std::mutex rather than absl::Mutex: Debian's Abseil is not built with
  // ThreadSanitizer, which then cannot see absl::Mutex (tools/check runs the
  // concurrency tests under it).
  std::mutex writer_mu_;
  mutable std::mutex mu_;  // guards the three below
  Counters counters_;
  absl::Status write_error_;
  CurrentSchema schema_;
  int schema_changes_pending_ = 0;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_STORE_H_
