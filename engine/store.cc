// Store: open, format check, counters and the two write paths; see store.h.
#include "engine/store.h"

#include <filesystem>
#include <mutex>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "engine/key_codec.h"
#include "engine/schema_store.h"
#include "schema/schema_parser.h"

namespace annals::engine {
namespace {

absl::StatusOr<int64_t> ReadNumber(Rocks& rocks, std::string_view key,
                                   int64_t absent) {
  auto v = rocks.Get(Family::kMeta, key, nullptr);
  if (absl::IsNotFound(v.status())) return absent;
  if (!v.ok()) return v.status();
  int64_t n;
  if (!absl::SimpleAtoi(*v, &n)) {
    return absl::DataLossError(absl::StrCat("store '", rocks.dir(),
                                            "': unreadable meta entry '",
                                            AbslView(key), "': '", *v, "'"));
  }
  return n;
}

// Load batches write their SST files here; leftovers of a killed load are
// removed when the store is next opened for writing.
void RemoveLoadLeftovers(const std::string& dir) {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (absl::StartsWith(e.path().filename().string(), "load-tmp-")) {
      std::filesystem::remove_all(e.path(), ec);
    }
  }
}

}  // namespace

void Counters::WriteChanges(
    const Counters& before,
    std::vector<std::pair<std::string, std::string>>* out) const {
  auto put = [&](std::string_view key, int64_t now, int64_t was) {
    if (now != was) out->emplace_back(std::string(key), absl::StrCat(now));
  };
  put(kMetaNextClaim, next_claim, before.next_claim);
  put(kMetaNextTerm, next_term, before.next_term);
  put(kMetaNextBatch, next_batch, before.next_batch);
  put(kMetaClaimCount, claim_count, before.claim_count);
  for (const auto& [pid, count] : predicate_counts) {
    auto it = before.predicate_counts.find(pid);
    int64_t was = it == before.predicate_counts.end() ? -1 : it->second;
    std::string key(kMetaPredicateCountPrefix);
    PutId(&key, pid);
    put(key, count, was);
  }
}

Store::Store(std::unique_ptr<Rocks> rocks)
    : rocks_(std::move(rocks)),
      dictionary_(rocks_.get()),
      name_suggestions_(rocks_.get()),
      row_bases_(rocks_.get()) {}

absl::StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& dir,
                                                   const Options& opts) {
  ANNALS_ASSIGN_OR_RETURN(auto rocks, Rocks::Open(dir, opts));
  std::unique_ptr<Store> store(new Store(std::move(rocks)));
  ANNALS_RETURN_IF_ERROR(store->InitOrCheckFormat());
  ANNALS_RETURN_IF_ERROR(store->LoadCounters());
  ANNALS_RETURN_IF_ERROR(store->LoadSchema());
  if (!opts.read_only) RemoveLoadLeftovers(dir);
  return store;
}

absl::Status Store::InitOrCheckFormat() {
  auto v = rocks_->Get(Family::kMeta, kMetaFormatVersion, nullptr);
  if (absl::IsNotFound(v.status())) {
    auto any = rocks_->NewIterator(Family::kClaims, "", "", nullptr);
    any->SeekToFirst();
    if (any->Valid()) {
      return absl::DataLossError(absl::StrCat(
          "store '", dir(), "' has claims but no format version in meta"));
    }
    if (read_only()) {
      return absl::FailedPreconditionError(
          absl::StrCat("store '", dir(),
                       "' was never initialised; open it for writing once"));
    }
    RocksBatch batch;
    batch.Put(Family::kMeta, kMetaFormatVersion, absl::StrCat(kFormatVersion));
    return rocks_->Write(&batch);
  }
  if (!v.ok()) return v.status();
  int version;
  if (!absl::SimpleAtoi(*v, &version) || version < 1) {
    return absl::DataLossError(absl::StrCat(
        "store '", dir(), "' has an unknown format version '", *v, "'"));
  }
  if (version > kFormatVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("store '", dir(), "' has format version ", version,
                     ", newer than this build of Annals reads (",
                     kFormatVersion, "); open it with a newer Annals"));
  }
  if (version == 2) {
    return absl::FailedPreconditionError(absl::StrCat(
        "store '", dir(),
        "' has format version 2, which this build of Annals (3) reads only "
        "to convert it: run `annals upgrade ",
        dir(), "` (it keeps the store as it is until the new one is whole)"));
  }
  if (version != kFormatVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        "store '", dir(), "' has format version ", version,
        ", which this build of Annals (", kFormatVersion, ") cannot read"));
  }
  return absl::OkStatus();
}

absl::Status Store::LoadCounters() {
  Counters c;
  ANNALS_ASSIGN_OR_RETURN(int64_t next_claim,
                          ReadNumber(*rocks_, kMetaNextClaim, 1));
  ANNALS_ASSIGN_OR_RETURN(int64_t next_term,
                          ReadNumber(*rocks_, kMetaNextTerm, 1));
  ANNALS_ASSIGN_OR_RETURN(int64_t next_batch,
                          ReadNumber(*rocks_, kMetaNextBatch, 1));
  ANNALS_ASSIGN_OR_RETURN(c.claim_count,
                          ReadNumber(*rocks_, kMetaClaimCount, 0));
  c.next_claim = next_claim;
  c.next_term = next_term;
  c.next_batch = next_batch;
  std::string prefix(kMetaPredicateCountPrefix);
  auto it =
      rocks_->NewIterator(Family::kMeta, prefix, PrefixEnd(prefix), nullptr);
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    std::string_view key = it->key().substr(prefix.size());
    uint64_t pid;
    int64_t count;
    if (!GetId(&key, &pid) || !key.empty() ||
        !absl::SimpleAtoi(AbslView(it->value()), &count)) {
      return absl::DataLossError(
          absl::StrCat("store '", dir(), "': unreadable predicate count"));
    }
    c.predicate_counts[pid] = count;
  }
  ANNALS_RETURN_IF_ERROR(it->status());
  std::lock_guard<std::mutex> lock(mu_);
  counters_ = std::move(c);
  return absl::OkStatus();
}

absl::Status Store::LoadSchema() {
  ANNALS_ASSIGN_OR_RETURN(std::vector<StoredSchema> versions,
                          ReadSchemaVersions(*rocks_, nullptr));
  CurrentSchema current;
  current.schema = std::make_shared<const schema::Schema>();
  if (!versions.empty()) {
    const StoredSchema& last = versions.back();
    absl::StatusOr<schema::Schema> parsed = schema::ParseSchema(
        last.text, absl::StrCat("schema version ", last.version));
    if (!parsed.ok()) {
      return absl::DataLossError(
          absl::StrCat("store '", dir(),
                       "': unreadable schema: ", parsed.status().message()));
    }
    current.version = last.version;
    current.schema = std::make_shared<const schema::Schema>(*std::move(parsed));
  }
  std::lock_guard<std::mutex> lock(mu_);
  schema_ = std::move(current);
  return absl::OkStatus();
}

absl::Status Store::CatchUp() {
  ANNALS_ASSIGN_OR_RETURN(bool changed, rocks_->CatchUp());
  if (!changed) return absl::OkStatus();
  ANNALS_RETURN_IF_ERROR(LoadCounters());
  return LoadSchema();
}

Store::CurrentSchema Store::schema() const {
  std::lock_guard<std::mutex> lock(mu_);
  return schema_;
}

absl::StatusOr<Store::CurrentSchema> Store::SchemaAt(
    const Snapshot* snap) const {
  if (snap == nullptr) return schema();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (schema_changes_pending_ == 0 &&
        schema_.sequence <= Rocks::SnapshotSequence(*snap)) {
      return schema_;
    }
  }
  // A change committed after the snapshot, or one in progress: the
  // snapshot's own latest version.
  ANNALS_ASSIGN_OR_RETURN(std::vector<StoredSchema> versions,
                          ReadSchemaVersions(*rocks_, snap));
  CurrentSchema at;
  at.schema = std::make_shared<const schema::Schema>();
  if (versions.empty()) return at;
  const StoredSchema& last = versions.back();
  if (CurrentSchema now = schema(); now.version == last.version) return now;
  absl::StatusOr<schema::Schema> parsed = schema::ParseSchema(
      last.text, absl::StrCat("schema version ", last.version));
  if (!parsed.ok()) {
    return absl::DataLossError(absl::StrCat(
        "store '", dir(), "': unreadable schema: ", parsed.status().message()));
  }
  at.version = last.version;
  at.schema = std::make_shared<const schema::Schema>(*std::move(parsed));
  return at;
}

void Store::SchemaChangeBegins() {
  std::lock_guard<std::mutex> lock(mu_);
  ++schema_changes_pending_;
}

void Store::SchemaChangeFailed() {
  std::lock_guard<std::mutex> lock(mu_);
  --schema_changes_pending_;
}

int Store::schema_changes_in_flight() const {
  std::lock_guard<std::mutex> lock(mu_);
  return schema_changes_pending_;
}

void Store::PublishSchema(CurrentSchema current) {
  // At or after the commit's own sequence number: the writer lock is held.
  current.sequence = rocks_->LatestSequence();
  std::lock_guard<std::mutex> lock(mu_);
  schema_ = std::move(current);
  --schema_changes_pending_;
}

absl::StatusOr<Store::ReadView> Store::GetReadView() {
  ReadView view;
  view.snapshot = GetSnapshot();
  ANNALS_ASSIGN_OR_RETURN(view.schema, SchemaAt(view.snapshot.get()));
  return view;
}

Store::ConsistentView Store::GetConsistentView() {
  std::lock_guard<std::mutex> writer(writer_mu_);
  ConsistentView view;
  view.snapshot = GetSnapshot();
  view.counters = counters();
  view.schema = schema();
  return view;
}

Counters Store::counters() const {
  std::lock_guard<std::mutex> lock(mu_);
  return counters_;
}

absl::Status Store::Writable() const {
  if (read_only()) {
    return absl::FailedPreconditionError(
        absl::StrCat("store '", dir(), "' is open read-only; writes refused"));
  }
  std::lock_guard<std::mutex> lock(mu_);
  return write_error_;
}

absl::Status Store::Commit(RocksBatch* batch, const Counters& after) {
  ANNALS_RETURN_IF_ERROR(Writable());
  std::vector<std::pair<std::string, std::string>> meta;
  after.WriteChanges(counters(), &meta);
  for (const auto& [k, v] : meta) batch->Put(Family::kMeta, k, v);
  absl::Status s = rocks_->Write(batch);
  std::lock_guard<std::mutex> lock(mu_);
  if (!s.ok()) {
    write_error_ = absl::FailedPreconditionError(absl::StrCat(
        "store '", dir(), "' refuses writes after a failed commit (",
        s.message(), "); reopen it"));
    if (absl::IsResourceExhausted(s)) {
      // RocksDB stops writing after a failed log write, so freeing space is
      // not enough: the store must be reopened (earlier writes are safe).
      return absl::ResourceExhaustedError(absl::StrCat(
          "disk full while writing to store '", dir(),
          "': this write was not made; free space on its disk and reopen the "
          "store to write again (",
          s.message(), ")"));
    }
    return s;
  }
  counters_ = after;
  return absl::OkStatus();
}

absl::Status Store::Ingest(const std::vector<Rocks::Ingest>& files,
                           const Counters& after) {
  ANNALS_RETURN_IF_ERROR(Writable());
  absl::Status s = rocks_->IngestAtomically(files);
  if (!s.ok()) return s;  // nothing ingested: the store is as before
  std::lock_guard<std::mutex> lock(mu_);
  counters_ = after;
  return absl::OkStatus();
}

absl::Status Store::ForEachInSpo(
    const uint64_t* ids, int n, const Snapshot* snap,
    const std::function<bool(const ClaimRecord&)>& each) {
  std::string prefix = IndexPrefix(Family::kSpo, ids, n);
  auto it = rocks_->NewIterator(Family::kSpo, prefix, PrefixEnd(prefix), snap);
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    ClaimRecord row;
    int64_t row_distance;
    if (!DecodeSpoEntry(it->key(), it->value(), &row, &row_distance)) {
      return absl::DataLossError(
          absl::StrCat("store '", dir(), "': unreadable entry in index spo"));
    }
    if (!each(row)) break;
  }
  return it->status();
}

absl::StatusOr<ClaimRecord> Store::GetClaim(uint64_t claim_id,
                                            const Snapshot* snap) {
  auto bytes = rocks_->Get(Family::kClaims, IdKey(claim_id), snap);
  if (absl::IsNotFound(bytes.status())) {
    return absl::NotFoundError(absl::StrCat("no claim #c", claim_id));
  }
  if (!bytes.ok()) return bytes.status();
  auto damaged = [&](std::string_view what) {
    return absl::DataLossError(absl::StrCat("store '", dir(), "': claim #c",
                                            claim_id, ": ", AbslView(what)));
  };
  ClaimPointer ptr;
  if (!DecodeClaimPointer(*bytes, &ptr)) return damaged("unreadable pointer");
  // The record is the spo entry under the pointer's prefix with this id.
  std::string prefix = SpoPrefix(ptr);
  auto it = rocks_->NewIterator(Family::kSpo, prefix, PrefixEnd(prefix), snap);
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    ClaimRecord row;
    int64_t distance;
    if (!DecodeSpoEntry(it->key(), it->value(), &row, &distance)) {
      return damaged("unreadable record in spo");
    }
    if (row.id != claim_id) continue;
    if (row.batch != 0) {
      ANNALS_ASSIGN_OR_RETURN(RowBase base, row_bases_.Get(row.batch, snap));
      row.row = RowFromDistance(base, claim_id, distance);
    }
    return row;
  }
  if (!it->status().ok()) return it->status();
  return damaged("its pointer leads to no record in spo");
}

}  // namespace annals::engine
