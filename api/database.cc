// Implements include/annals/database.h: opens a store, runs statements
// through the query pipeline (query/pipeline.h), loads files (load/), and
// reports on the store (engine/). Claims are written in claim_writes.cc and
// read in claim_reads.cc.
#include "annals/database.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "api/database_impl.h"
#include "api/result_set_impl.h"
#include "common/status_macros.h"
#include "engine/check.h"
#include "engine/prefixes.h"
#include "engine/rocks.h"
#include "engine/schema_store.h"
#include "engine/stats.h"
#include "engine/store.h"
#include "engine/write_txn.h"
#include "load/file_loader.h"
#include "query/pipeline.h"

namespace annals {

// Snapshot handles share ownership of the engine's snapshot.
Snapshot Database::GetSnapshot() const {
  // A follower's snapshot sees what the writer has committed by now.
  impl_->store->CatchUp().IgnoreError();  // a failure shows in the reads
  Snapshot s;
  s.handle_ = impl_->store->GetSnapshot();
  return s;
}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

const std::string& Database::dir() const { return impl_->store->dir(); }
bool Database::read_only() const { return impl_->store->read_only(); }

bool Database::Exists(const std::string& dir) {
  return engine::Rocks::IsStore(dir);
}

absl::StatusOr<Database> Database::Open(const std::string& dir,
                                        const Options& options) {
  auto impl = std::make_unique<Impl>();
  ANNALS_ASSIGN_OR_RETURN(impl->store, engine::Store::Open(dir, options));
  return Database(std::move(impl));
}

struct PreparedQuery::Impl {
  Database::Impl* db;
  std::shared_ptr<const query::PreparedStatement> prepared;
  query::Parameters parameters;
};

absl::StatusOr<ResultSet> Database::Query(std::string_view text,
                                          const QueryOptions& options) {
  ANNALS_ASSIGN_OR_RETURN(PreparedQuery prepared, Prepare(text));
  return prepared.Execute(options);
}

absl::StatusOr<PreparedQuery> Database::Prepare(std::string_view text) {
  auto impl = std::make_unique<PreparedQuery::Impl>();
  impl->db = impl_.get();
  ANNALS_ASSIGN_OR_RETURN(impl->prepared, impl_->parsed.Prepare(text));
  return PreparedQuery(std::move(impl));
}

PreparedQuery::PreparedQuery(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
PreparedQuery::PreparedQuery(PreparedQuery&&) noexcept = default;
PreparedQuery& PreparedQuery::operator=(PreparedQuery&&) noexcept = default;
PreparedQuery::~PreparedQuery() = default;

void PreparedQuery::Bind(std::string name, Value value) {
  impl_->parameters[std::move(name)] = std::move(value);
}

absl::StatusOr<ResultSet> PreparedQuery::Execute(const QueryOptions& options) {
  Database::Impl* db = impl_->db;
  ANNALS_RETURN_IF_ERROR(db->store->CatchUp());
  ANNALS_ASSIGN_OR_RETURN(query::QueryResult result,
                          query::Execute(*impl_->prepared, impl_->parameters,
                                         db->store.get(), db, options));
  return ResultSet(std::make_unique<ResultSet::Impl>(std::move(result)));
}

absl::StatusOr<LoadResult> Database::Load(const std::vector<std::string>& files,
                                          const LoadOptions& options) {
  return load::LoadFiles(impl_->store.get(), files, options);
}

namespace {

SchemaVersion ToSchemaVersion(const engine::StoredSchema& s) {
  SchemaVersion v;
  v.version = static_cast<int64_t>(s.version);
  v.recorded = TimePoint{s.recorded, Precision::kSecond};
  v.text = s.text;
  return v;
}

}  // namespace

absl::StatusOr<SchemaVersion> Database::SetSchema(std::string_view text,
                                                  std::string_view file) {
  engine::WriteTxn txn(impl_->store.get());
  ANNALS_RETURN_IF_ERROR(impl_->store->Writable());
  TimePoint now = TimePoint::Now();
  ANNALS_RETURN_IF_ERROR(txn.SetSchema(text, file, now.seconds));
  ANNALS_RETURN_IF_ERROR(txn.Commit());
  engine::StoredSchema stored;
  stored.version = impl_->store->schema().version;
  stored.recorded = now.seconds;
  stored.text = std::string(text);
  return ToSchemaVersion(stored);
}

absl::StatusOr<std::vector<SchemaVersion>> Database::SchemaHistory(
    const Snapshot& snapshot) const {
  ANNALS_RETURN_IF_ERROR(impl_->store->CatchUp());
  std::shared_ptr<const engine::Snapshot> snap = impl_->SnapshotOf(snapshot);
  ANNALS_ASSIGN_OR_RETURN(
      std::vector<engine::StoredSchema> stored,
      engine::ReadSchemaVersions(impl_->store->rocks(), snap.get()));
  std::vector<SchemaVersion> out;
  for (const engine::StoredSchema& s : stored) {
    out.push_back(ToSchemaVersion(s));
  }
  return out;
}

absl::StatusOr<std::vector<std::string>> Database::SchemaViolations() const {
  engine::Store& store = *impl_->store;
  ANNALS_RETURN_IF_ERROR(store.CatchUp());
  // The snapshot and the schema of one instant.
  engine::Store::ConsistentView view = store.GetConsistentView();
  return engine::SchemaViolations(&store, view.snapshot.get(),
                                  *view.schema.schema);
}

absl::StatusOr<SchemaVersion> Database::GetSchema(
    const Snapshot& snapshot) const {
  ANNALS_ASSIGN_OR_RETURN(std::vector<SchemaVersion> versions,
                          SchemaHistory(snapshot));
  if (versions.empty()) return SchemaVersion();
  return versions.back();
}

absl::Status Database::Compact() {
  engine::Store& store = *impl_->store;
  ANNALS_RETURN_IF_ERROR(store.Writable());
  absl::Status s = store.rocks().CompactAll();
  if (absl::IsResourceExhausted(s)) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "disk full while compacting store '", store.dir(),
        "': its files are as they were; free space on its disk and compact "
        "again (an open store notices the space within seconds) (",
        s.message(), ")"));
  }
  if (!s.ok()) {
    return absl::Status(
        s.code(), absl::StrCat("store '", store.dir(), "', ", s.message()));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::pair<std::string, std::string>>>
Database::RdfPrefixes() const {
  ANNALS_RETURN_IF_ERROR(impl_->store->CatchUp());
  return engine::ReadPrefixes(impl_->store->rocks(), nullptr);
}

absl::StatusOr<StoreStats> Database::Stats() const {
  ANNALS_RETURN_IF_ERROR(impl_->store->CatchUp());
  return engine::ComputeStats(impl_->store.get());
}

absl::StatusOr<CheckResult> Database::Check() const {
  ANNALS_RETURN_IF_ERROR(impl_->store->CatchUp());
  return engine::CheckStore(impl_->store.get());
}

}  // namespace annals
