// The only door to RocksDB: opening the column families, snapshots, point
// reads, bounded iterators, atomic write batches, SST files and their atomic
// ingestion. Nothing else in Annals includes <rocksdb/...>; everything here
// speaks absl::Status and string_view.
//
// Rocks is thread-safe (RocksDB's guarantees); RocksBatch, RocksIterator and
// SstWriter are for one thread at a time.
#ifndef ANNALS_ENGINE_ROCKS_H_
#define ANNALS_ENGINE_ROCKS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "annals/options.h"

namespace annals::engine {

// Column families; see FORMAT.md. The names are on disk, the numbers are not.
enum class Family : int {
  kMeta = 0,
  kTerms,    // term id -> term
  kTermIds,  // term -> term id
  kClaims,   // claim id -> claim record
  kSpo,      // index orderings, keys end in (valid_from, claim id)
  kPos,
  kOsp,
  kTime,  // valid-time interval tree by subject and by predicate
};
inline constexpr int kFamilyCount = 8;
const char* FamilyName(Family f);

class Snapshot;  // opaque; released when its shared_ptr dies
class RocksIterator;
class RocksBatch;

class Rocks {
 public:
  // Opens (or creates) the store in `dir` with every family; read_only opens
  // a follower: RocksDB's secondary instance, which writes nothing into the
  // store (its log goes to a private temporary directory, removed on close)
  // and sees the writer's new writes when it catches up (CatchUp). Nothing
  // is created or written in `dir` unless it is a store, missing, or an
  // empty directory. Errors: NotFound "no Annals store at 'dir'" when there
  // is none and none may be created; FailedPrecondition when `dir` is a
  // file, a directory of other files, a RocksDB database that is not an
  // Annals store, or when another process holds the store for writing (the
  // message says which); DataLoss when a file of the store is damaged,
  // missing or cut short, ResourceExhausted when the disk is too full to
  // recover the latest writes, Internal otherwise.
  static absl::StatusOr<std::unique_ptr<Rocks>> Open(const std::string& dir,
                                                     const Options& opts);
  ~Rocks();
  // Whether `dir` holds an Annals store (RocksDB's CURRENT file and Annals'
  // column families). Reads a little, writes nothing.
  static bool IsStore(const std::string& dir);

  const std::string& dir() const { return dir_; }
  bool read_only() const { return read_only_; }
  // True for a read-only handle: it follows the store's writer.
  bool follower() const;

  // A consistent point-in-time view. Reads given nullptr see the latest data
  // (of a follower: as of its last catch-up).
  std::shared_ptr<const Snapshot> GetSnapshot();
  // A follower reads what the writer has committed since it last looked
  // (TryCatchUpWithPrimary), unless one of its snapshots is alive (then its
  // view must not move; it catches up next time). True when it caught up
  // with files the writer changed; false, doing nothing, for a writer.
  absl::StatusOr<bool> CatchUp();
  // The sequence number of the latest write, and the one a snapshot sees
  // up to (a follower's view: the largest number, as its data moves only
  // when no view is alive).
  uint64_t LatestSequence() const;
  static uint64_t SnapshotSequence(const Snapshot& snap);

  // NotFound when absent.
  absl::StatusOr<std::string> Get(Family f, std::string_view key,
                                  const Snapshot* snap) const;
  // Iterates keys in [lower, upper) (upper empty: to the end).
  std::unique_ptr<RocksIterator> NewIterator(Family f, std::string lower,
                                             std::string upper,
                                             const Snapshot* snap) const;

  // Applies the batch atomically (and durably when sync_writes).
  absl::Status Write(RocksBatch* batch);

  // Ingests SST files (made by SstWriter) into their families in one atomic
  // step: either every file is in the store afterwards or none is. The files
  // are moved, not copied.
  struct Ingest {
    Family family;
    std::string path;
  };
  absl::Status IngestAtomically(const std::vector<Ingest>& files);

  // Rewrites each family's files into one sorted run at the bottommost
  // level, compressed with ZSTD at its level 3 (bulk loads write level 1:
  // quicker to write, a few percent larger; small writes are flushed in LZ4).
  // Reads and writes may go on meanwhile; a full
  // disk (ResourceExhausted) leaves the old files in place, and compactions
  // stay refused (ResourceExhausted) until RocksDB sees free space again.
  absl::Status CompactAll();

  // Bytes of live SST and WAL files.
  int64_t DiskBytes() const;
  // Bytes of one family's SST files.
  int64_t FamilyBytes(Family f) const;

 private:
  struct Impl;
  explicit Rocks(std::unique_ptr<Impl> impl, std::string dir, bool read_only);
  std::unique_ptr<Impl> impl_;
  std::string dir_;
  bool read_only_;
  friend class SstWriter;
};

class RocksIterator {
 public:
  virtual ~RocksIterator() = default;
  virtual void Seek(std::string_view key) = 0;
  virtual void SeekToFirst() = 0;
  virtual bool Valid() const = 0;
  virtual void Next() = 0;
  virtual std::string_view key() const = 0;
  virtual std::string_view value() const = 0;
  // Non-OK when iteration stopped because of an error (DataLoss on
  // corruption).
  virtual absl::Status status() const = 0;
};

class RocksBatch {
 public:
  RocksBatch();
  ~RocksBatch();
  void Put(Family f, std::string_view key, std::string_view value);
  void Delete(Family f, std::string_view key);
  int count() const;
  // Puts and deletes in family `f` (for EXPLAIN of writes).
  int count(Family f) const;

 private:
  friend class Rocks;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Writes one SST file for one family; keys must be added in increasing order.
class SstWriter {
 public:
  static absl::StatusOr<std::unique_ptr<SstWriter>> Create(
      const Rocks& rocks, Family family, const std::string& path);
  ~SstWriter();
  absl::Status Put(std::string_view key, std::string_view value);
  // Finishes and syncs the file. An SST with no keys is not created: then
  // `empty()` is true and the file must not be ingested.
  absl::Status Finish();
  bool empty() const { return entries_ == 0; }
  const std::string& path() const { return path_; }
  Family family() const { return family_; }

 private:
  struct Impl;
  SstWriter(std::unique_ptr<Impl> impl, Family family, std::string path);
  std::unique_ptr<Impl> impl_;
  Family family_;
  std::string path_;
  int64_t entries_ = 0;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_ROCKS_H_
