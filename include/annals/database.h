// annals::Database: an Annals store opened in one directory.
//
//   auto db = annals::Database::Open("/data/sco.annals");
//   if (!db.ok()) { ... db.status() ... }
//   annals::ClaimInput c;
//   c.subject = annals::Value::Entity("Gazprom");
//   c.predicate = "signed";
//   c.object = annals::Value::Entity("PoS2 memorandum");
//   c.valid.from = *annals::TimePoint::Parse("2025-09-02");
//   absl::StatusOr<annals::ClaimId> id = db->Assert(c);
//   annals::ClaimPattern gazprom;
//   gazprom.subject = annals::Value::Entity("Gazprom");
//   auto claims = db->Find(gazprom, annals::TimeView::Now());
//
// Errors are absl::Status, never exceptions: InvalidArgument for bad input
// (with file:line:column for loads), NotFound for an unknown claim,
// FailedPrecondition for a read-only store or a store another process holds,
// DataLoss for corruption (naming the store), ResourceExhausted when the disk
// is full (naming the store).
//
// Close every Database before main returns (not in a static object):
// RocksDB's own statics are gone by then, and closing aborts.
//
// Thread safety: a Database may be shared by any number of threads. Reads run
// concurrently, each on one consistent snapshot; writes (Assert, Retract,
// Load) are serialised. Only one process may open a store for writing; others
// may open it read-only, and then follow it (Options::read_only).
#ifndef ANNALS_DATABASE_H_
#define ANNALS_DATABASE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "annals/claim.h"
#include "annals/load.h"
#include "annals/options.h"
#include "annals/result.h"
#include "annals/stats.h"
#include "annals/time.h"
#include "annals/value.h"

namespace annals {

// A consistent view of the store at one moment. Pass it to several reads to
// see them all as of the same instant, while writers go on. Cheap to copy;
// the underlying snapshot is released when the last copy goes.
class Snapshot {
 public:
  Snapshot() = default;  // "no snapshot": each read takes its own

 private:
  friend class Database;
  std::shared_ptr<const void> handle_;
};

// One version of a store's schema (docs/schemas.md).
struct SchemaVersion {
  int64_t version = 0;  // 1, 2, ...; 0: the store never had a schema
  TimePoint recorded;   // when it was set (transaction time)
  std::string text;     // as given; empty: no schema
};

class Database;

// A statement parsed once, to run many times with different values for its
// parameters (`$name`). Must not outlive its Database. Not thread-safe: one
// PreparedQuery per thread (each may be prepared from one shared Database).
class PreparedQuery {
 public:
  PreparedQuery(PreparedQuery&&) noexcept;
  PreparedQuery& operator=(PreparedQuery&&) noexcept;
  ~PreparedQuery();

  // Sets `$name` for the following runs: an entity value stands for a name
  // (`Value::Entity("Gazprom")`), any other for a literal (a time, a number,
  // a claim id).
  void Bind(std::string name, Value value);
  // Runs the statement with the bound values, as Database::Query does.
  // InvalidArgument pointing at a parameter that has no value.
  absl::StatusOr<ResultSet> Execute(
      const QueryOptions& options = QueryOptions());

 private:
  friend class Database;
  struct Impl;
  explicit PreparedQuery(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

class Database {
 public:
  // Opens the store in `dir`, creating it if allowed (Options) when `dir`
  // is missing or an empty directory; nothing is created or written in any
  // other directory. NotFound "no Annals store at 'dir'" when there is none
  // and none may be created (create_if_missing false, or read_only).
  // FailedPrecondition, naming `dir`, when it is a file, a directory of other
  // files, or a RocksDB database that is not an Annals store; when the store
  // has a newer format version than this build; or when another process
  // holds it for writing (the message says which: open it read_only to
  // follow that writer). DataLoss for an unreadable format version or a
  // damaged, missing or truncated file of the store; ResourceExhausted when
  // its disk is too full to recover the latest writes.
  static absl::StatusOr<Database> Open(const std::string& dir,
                                       const Options& options = Options());

  // Whether `dir` holds an Annals store (for tools that must not create
  // one by mistake). Reads a little, writes nothing.
  static bool Exists(const std::string& dir);

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  // Records a claim, valid as given, recorded now (or at input.recorded).
  // Returns its new id. For a predicate the schema declares `one`, applies
  // supersession first (docs/schemas.md, "One value at a time"): the live
  // claims of the subject and predicate by the same source and author it
  // supersedes are retracted (those it closes get a copy ending where it
  // starts), it may itself be stored ending where a later claim starts, all in
  // one atomic write. When it equals a live claim (same subject, predicate,
  // object, valid time, source and by), nothing is added and that claim's id is
  // returned, as a load skips such rows. InvalidArgument for an empty subject
  // or predicate, a confidence outside [0, 1], an interval that ends before it
  // starts, or an object the schema refuses (naming the predicate, the expected
  // and the found type); NotFound when the subject or object names a claim that
  // does not exist. Durable on return when Options::sync_writes.
  // ResourceExhausted when the disk is full: this claim is not stored, the
  // earlier ones are, and every later write through this Database is refused
  // (FailedPrecondition) until the store is reopened; the same after any
  // failed write.
  absl::StatusOr<ClaimId> Assert(const ClaimInput& input);

  // Runs one statement of the query language (docs/query-language.md): FIND
  // (with NOT and OPTIONAL groups, nested to any depth), HISTORY, CHANGES,
  // DIFF, DISPUTES, PATH (and PATH ... IN ORDER), ASSERT, RETRACT, EXPLAIN of
  // any of them (a write's plan writes nothing) and EXPLAIN ANALYZE of the
  // reads. Rows stream as ResultSet::Next() asks for them, from one snapshot.
  // InvalidArgument for a bad query (also for EXPLAIN ANALYZE of a write) and,
  // for an unknown name, the nearest known one; NotFound or FailedPrecondition
  // for an ASSERT or RETRACT of a claim that is missing or already retracted.
  // Each of these points at its place: line, column, the line and a caret, also
  // when it is found while the statement runs (units that differ, a period
  // comparison of something else). ResourceExhausted or DeadlineExceeded when a
  // limit of `options` is reached; CancelledError "statement cancelled" once
  // options.cancel is cancelled (annals/cancel.h), also later, from
  // ResultSet::Next. Parameters (`$name`) need Prepare.
  absl::StatusOr<ResultSet> Query(std::string_view text,
                                  const QueryOptions& options = QueryOptions());
  // Parses `text` once for PreparedQuery::Execute (InvalidArgument for a
  // syntax error; names are resolved when it runs). The database keeps the
  // statements of the last texts it parsed (up to 256), so Query and Prepare
  // of a text seen before skip the parse.
  absl::StatusOr<PreparedQuery> Prepare(std::string_view text);

  // Ends the claim's transaction time now. Nothing is deleted: reads with
  // TimeView::as_of before now still see it. NotFound for an unknown id,
  // FailedPrecondition when it is already retracted.
  absl::Status Retract(ClaimId id);

  // Claims matching `pattern` and visible in `view` (batch and row are left
  // 0: Get() has them). An alias names the entity it stands for; an unknown
  // name simply matches nothing. The order is unspecified: it is the order
  // of whichever index the lookup reads (see ClaimPattern), which may differ
  // between patterns, views and versions. Sort the claims when the order
  // matters, or ask the query language (HISTORY gives one subject's claims
  // by predicate, then valid_from; FIND ... ORDER BY any order).
  absl::StatusOr<std::vector<Claim>> Find(const ClaimPattern& pattern,
                                          const TimeView& view,
                                          const Snapshot& snapshot = {}) const;
  // The same as a stream, in the same unspecified order: calls `fn` for each
  // claim until it returns false.
  absl::Status Scan(const ClaimPattern& pattern, const TimeView& view,
                    const std::function<bool(const Claim&)>& fn,
                    const Snapshot& snapshot = {}) const;

  // What a query would say of the names in `pattern` the store lacks, one
  // notice each ("unknown name 'Germny'; did you mean 'Germany'?", as
  // ResultSet::notices()); empty when the store knows them all. Find and
  // Scan of such a pattern match nothing.
  std::vector<std::string> UnknownNames(const ClaimPattern& pattern) const;

  // One claim with its full provenance (batch and row included), whatever
  // its times. NotFound for an unknown id.
  absl::StatusOr<Claim> Get(ClaimId id, const Snapshot& snapshot = {}) const;

  // A consistent view for several reads.
  Snapshot GetSnapshot() const;

  // The RDF prefixes loaded files declared (name, namespace IRI), in name
  // order; queries read `name:local` with them (docs/rdf.md).
  absl::StatusOr<std::vector<std::pair<std::string, std::string>>> RdfPrefixes()
      const;

  // Bulk-loads files (TSV/CSV with a header, or JSON Lines; see
  // docs/loading.md for the columns). A `#c42` subject or object must name a
  // claim already in the store. All or nothing: any bad row (also one whose
  // object the schema refuses) aborts the load with InvalidArgument
  // "file:line:column: reason" and the store unchanged, unless
  // options.skip_bad. Rows equal to a live stored claim are skipped
  // (LoadResult::duplicates), so loading a file twice adds nothing.
  // ResourceExhausted when the disk fills up (sort runs and SST files are
  // written in a directory of the store's): nothing is loaded, the temporary
  // files are removed, and the Database may load again. The same, with
  // CancelledError "load cancelled: nothing was loaded, the store is
  // unchanged", once options.cancel is cancelled (annals/cancel.h) before
  // the final ingest begins.
  absl::StatusOr<LoadResult> Load(const std::vector<std::string>& files,
                                  const LoadOptions& options = LoadOptions());

  // Makes `text` (the format of docs/schemas.md) the store's schema
  // from now on: a new version, recorded now, written in one atomic
  // WriteBatch; earlier versions stay readable (SchemaHistory). From then on
  // Assert, ASSERT and Load refuse claims that break it. An empty text (or
  // only comments) means no schema. InvalidArgument "FILE:line:column: what
  // was expected", the line and a caret, when it does not parse (`file`
  // names the text in the message). Claims already stored are not checked
  // here: Check() lists those that break it (`annals schema` does both).
  absl::StatusOr<SchemaVersion> SetSchema(std::string_view text,
                                          std::string_view file = "schema");
  // The current schema: version 0 and an empty text when there never was one.
  absl::StatusOr<SchemaVersion> GetSchema(const Snapshot& snapshot = {}) const;
  // Every version, oldest first (empty when there never was a schema).
  absl::StatusOr<std::vector<SchemaVersion>> SchemaHistory(
      const Snapshot& snapshot = {}) const;
  // The live claims that break the current schema, as
  // CheckResult::schema_violations (reads only the declared predicates).
  absl::StatusOr<std::vector<std::string>> SchemaViolations() const;

  // Rewrites the store's files compactly: one sorted run per column family,
  // compressed with ZSTD. Loads write ZSTD at a quicker level, a few percent
  // larger; small writes are flushed in LZ4 and compacted as they go, so a
  // store built by many of them shrinks most. Takes about 6 seconds per
  // million claims on two cores; reads and writes may go on meanwhile.
  // FailedPrecondition on a read-only store; ResourceExhausted when the disk
  // has no room for the new files (the old ones stay: nothing is lost, and
  // reads and writes go on); then free space and compact again (this handle
  // refuses compactions until it has seen the space, within seconds).
  absl::Status Compact();

  // Counts, sizes and the time range, all of one instant (waits for a write
  // being committed).
  absl::StatusOr<StoreStats> Stats() const;
  // Checks that every index agrees with the claim records and that the
  // dictionary and counters are consistent (slow: reads everything). A
  // non-OK status only when the check could not run.
  absl::StatusOr<CheckResult> Check() const;

  const std::string& dir() const;
  // True when opened read_only (writes refused; reads follow the writer).
  bool read_only() const;

 private:
  friend class PreparedQuery;
  struct Impl;
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace annals

#endif  // ANNALS_DATABASE_H_
