// Implements include/annals/database.h on the engine (Store, WriteTxn,
// ClaimScan, CheckStore) and the loader (LoadFiles): names in, names out;
// ids stay inside.
#include "annals/database.h"

#include <array>

#include "absl/functional/function_ref.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "engine/check.h"
#include "engine/scan.h"
#include "engine/schema_store.h"
#include "engine/stats.h"
#include "engine/store.h"
#include "engine/write_txn.h"
#include "load/file_loader.h"
#include "query/default_view.h"
#include "query/diagnostic.h"
#include "query/explain.h"
#include "query/parameters.h"
#include "query/parser.h"
#include "query/session.h"
#include "schema/validator.h"

namespace annals {

using engine::ClaimRecord;

struct Database::Impl {
  std::unique_ptr<engine::Store> store;

  // The caller's snapshot, or none: a single RocksDB iterator or read is
  // consistent on its own.
  std::shared_ptr<const engine::Snapshot> SnapshotOf(
      const annals::Snapshot& s) const {
    return std::static_pointer_cast<const engine::Snapshot>(s.handle_);
  }

  absl::Status Scan(const ClaimPattern& pattern, const TimeView& view,
                    const annals::Snapshot& snapshot,
                    absl::FunctionRef<bool(Claim&&)> fn);
  absl::StatusOr<ClaimId> Assert(const ClaimInput& input);
  absl::Status Retract(ClaimId id);
  // Puts the claim of `input` into `txn`, uncommitted, superseding (for a
  // `one` predicate) what it supersedes: its row (id 0 when it duplicates
  // a live claim) and what it superseded.
  struct Staged {
    ClaimRecord row;
    engine::WriteTxn::Superseded superseded;
    ClaimId id() const {
      return row.id != 0 ? row.id : superseded.duplicate_of;
    }
  };
  absl::StatusOr<Staged> StageAssert(engine::WriteTxn* txn,
                                     const ClaimInput& input);
  absl::StatusOr<Staged> AssertStaged(const ClaimInput& input);
  // Whether `rules` accept `input`'s object (an entity object with its
  // types in the store, an alias as the entity it stands for).
  absl::Status Validate(const schema::Schema& rules, const ClaimInput& input) {
    Value object = rules.Canonical(input.object);
    if (!object.is_entity() ||
        !schema::NeedsObjectTypes(rules, input.predicate)) {
      return schema::ValidateClaim(rules, input.predicate, object);
    }
    ANNALS_ASSIGN_OR_RETURN(
        std::vector<std::string> types,
        engine::EntityTypes(store.get(), nullptr, object.text()));
    return schema::ValidateClaim(rules, input.predicate, object, &types);
  }
  // An ASSERT whose claim the schema refuses, refused at its object.
  absl::Status CheckSchema(std::string_view text,
                           const query::AssertStatement& a,
                           const ClaimInput& input) {
    absl::Status s = Validate(*store->schema().schema, input);
    return s.ok() || !absl::IsInvalidArgument(s)
               ? s
               : query::ErrorAt(text, a.object.pos, s);
  }
  // ASSERT and RETRACT statements, run or (EXPLAIN) staged and described.
  absl::StatusOr<ResultSet> RunWrite(std::string_view text,
                                     const query::Statement& statement);
  absl::StatusOr<ResultSet> ExplainWrite(std::string_view text,
                                         const query::Statement& statement);
  absl::StatusOr<std::vector<std::string>> ExplainAssert(
      std::string_view text, const query::AssertStatement& a);
  absl::StatusOr<std::vector<std::string>> ExplainRetract(
      std::string_view text, const query::RetractStatement& r);
  // Runs a parsed statement whose parameters are substituted.
  absl::StatusOr<ResultSet> Run(std::string_view text,
                                const query::Statement& statement,
                                const QueryOptions& options);

  absl::StatusOr<Claim> ToClaim(const ClaimRecord& row,
                                const engine::Snapshot* snap) {
    engine::Dictionary& dict = store->dictionary();
    Claim c;
    c.id = row.id;
    ANNALS_ASSIGN_OR_RETURN(c.subject, dict.Lookup(row.s, snap));
    ANNALS_ASSIGN_OR_RETURN(Value predicate, dict.Lookup(row.p, snap));
    c.predicate = predicate.text();
    ANNALS_ASSIGN_OR_RETURN(c.object, dict.Lookup(row.o, snap));
    c.valid = row.valid();
    c.recorded = {row.recorded, static_cast<Precision>(row.recorded_precision)};
    if (row.is_retracted())
      c.retracted = TimePoint{row.retracted, Precision::kSecond};
    if (row.source) {
      ANNALS_ASSIGN_OR_RETURN(Value source, dict.Lookup(row.source, snap));
      c.source = source.text();
    }
    if (row.by) {
      ANNALS_ASSIGN_OR_RETURN(Value by, dict.Lookup(row.by, snap));
      c.by = by.text();
    }
    c.confidence = row.confidence;
    c.batch = row.batch;
    c.row = row.row;
    return c;
  }
};

// Snapshot handles share ownership of the engine's snapshot.
Snapshot Database::GetSnapshot() const {
  Snapshot s;
  s.handle_ = impl_->store->GetSnapshot();
  return s;
}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

const std::string& Database::dir() const { return impl_->store->dir(); }

absl::StatusOr<Database> Database::Open(const std::string& dir,
                                        const Options& options) {
  auto impl = std::make_unique<Impl>();
  ANNALS_ASSIGN_OR_RETURN(impl->store, engine::Store::Open(dir, options));
  return Database(std::move(impl));
}

namespace {

absl::Status ValidateInput(const ClaimInput& in) {
  if (in.subject.kind() != ValueKind::kEntity &&
      in.subject.kind() != ValueKind::kClaim) {
    return absl::InvalidArgumentError(
        absl::StrCat("the subject must be an entity or a claim, not a ",
                     AbslView(ValueKindName(in.subject.kind()))));
  }
  if (in.subject.is_entity() && in.subject.text().empty()) {
    return absl::InvalidArgumentError("empty subject");
  }
  if (in.predicate.empty())
    return absl::InvalidArgumentError("empty predicate");
  if (in.object.is_entity() && in.object.text().empty()) {
    return absl::InvalidArgumentError("empty object");
  }
  if (!(in.confidence >= 0 && in.confidence <= 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("confidence ", in.confidence, " is not within [0, 1]"));
  }
  return in.valid.Validate();
}

}  // namespace

absl::StatusOr<ClaimId> Database::Assert(const ClaimInput& input) {
  return impl_->Assert(input);
}

absl::Status Database::Retract(ClaimId id) { return impl_->Retract(id); }

absl::StatusOr<Database::Impl::Staged> Database::Impl::StageAssert(
    engine::WriteTxn* txn, const ClaimInput& input) {
  ANNALS_RETURN_IF_ERROR(ValidateInput(input));
  std::shared_ptr<const schema::Schema> rules = store->schema().schema;
  ANNALS_RETURN_IF_ERROR(Validate(*rules, input));
  // Aliases are stored as the entity they stand for.
  ClaimRecord row;
  ANNALS_ASSIGN_OR_RETURN(row.s, txn->TermId(rules->Canonical(input.subject)));
  ANNALS_ASSIGN_OR_RETURN(row.p, txn->TermId(Value::Entity(input.predicate)));
  ANNALS_ASSIGN_OR_RETURN(row.o, txn->TermId(rules->Canonical(input.object)));
  if (!input.source.empty()) {
    ANNALS_ASSIGN_OR_RETURN(row.source,
                            txn->TermId(Value::String(input.source)));
  }
  if (!input.by.empty()) {
    ANNALS_ASSIGN_OR_RETURN(
        row.by, txn->TermId(rules->Canonical(Value::Entity(input.by))));
  }
  row.set_valid(input.valid);
  TimePoint recorded = input.recorded.value_or(TimePoint::Now());
  row.recorded = recorded.seconds;
  row.recorded_precision = static_cast<uint8_t>(recorded.precision);
  row.confidence = input.confidence;
  Staged staged;
  const schema::PredicateDef* def = rules->FindPredicate(input.predicate);
  ANNALS_ASSIGN_OR_RETURN(staged.superseded,
                          txn->AssertNew(&row, def != nullptr && def->one));
  staged.row = row;
  return staged;
}

absl::StatusOr<Database::Impl::Staged> Database::Impl::AssertStaged(
    const ClaimInput& input) {
  engine::WriteTxn txn(store.get());
  ANNALS_ASSIGN_OR_RETURN(Staged staged, StageAssert(&txn, input));
  ANNALS_RETURN_IF_ERROR(txn.Commit());
  return staged;
}

absl::StatusOr<ClaimId> Database::Impl::Assert(const ClaimInput& input) {
  ANNALS_ASSIGN_OR_RETURN(Staged staged, AssertStaged(input));
  return staged.id();
}

namespace {

// ASSERT's rows: the claim, then each claim it superseded and each closed
// copy, with what happened to it.
std::vector<Row> AssertRows(const ClaimRecord& added,
                            const engine::WriteTxn::Superseded& s) {
  auto row = [](ClaimId id, std::string change) {
    return Row{Cell::Of(Value::Claim(id)), Cell::Of(Value::String(change))};
  };
  if (added.id == 0) {
    return {row(s.duplicate_of, "already stored: nothing added")};
  }
  std::string first = "asserted";
  if (s.ends_where_starts != 0) {
    absl::StrAppend(&first, ", ending at ", added.valid().to->ToString(),
                    " where #c", s.ends_where_starts, " starts");
  }
  std::vector<Row> rows{row(added.id, first)};
  for (ClaimId id : s.replaced) {
    rows.push_back(row(id, absl::StrCat("retracted: replaced by #c", added.id,
                                        " (same start)")));
  }
  for (const auto& [id, copy] : s.closed) {
    rows.push_back(
        row(id, absl::StrCat("retracted: superseded by #c", added.id)));
    rows.push_back(row(copy, absl::StrCat("asserted: #c", id, " closed at ",
                                          added.valid().from->ToString())));
  }
  return rows;
}

}  // namespace

absl::Status Database::Impl::Retract(ClaimId id) {
  engine::WriteTxn txn(store.get());
  ANNALS_RETURN_IF_ERROR(txn.Retract(id, TimePoint::Now().seconds));
  return txn.Commit();
}

absl::Status Database::Impl::Scan(const ClaimPattern& pattern,
                                  const TimeView& view,
                                  const annals::Snapshot& snapshot,
                                  absl::FunctionRef<bool(Claim&&)> fn) {
  std::shared_ptr<const engine::Snapshot> snap = SnapshotOf(snapshot);
  engine::Dictionary& dict = store->dictionary();
  engine::IdPattern ids;
  // An unknown name matches nothing.
  auto resolve = [&](const Value& v, std::optional<uint64_t>* out) {
    auto id = dict.Find(v, snap.get());
    if (id.ok()) *out = *id;
    return id.status();
  };
  // An alias names the entity it stands for.
  std::shared_ptr<const schema::Schema> rules = store->schema().schema;
  absl::Status s = absl::OkStatus();
  if (pattern.subject) {
    s.Update(resolve(rules->Canonical(*pattern.subject), &ids.s));
  }
  if (pattern.predicate && s.ok()) {
    s.Update(resolve(Value::Entity(*pattern.predicate), &ids.p));
  }
  if (pattern.object && s.ok()) {
    s.Update(resolve(rules->Canonical(*pattern.object), &ids.o));
  }
  if (absl::IsNotFound(s)) return absl::OkStatus();
  ANNALS_RETURN_IF_ERROR(s);
  engine::ClaimScan scan(store.get(), ids, view, snap);
  ClaimRecord row;
  while (scan.Next(&row)) {
    ANNALS_ASSIGN_OR_RETURN(Claim claim, ToClaim(row, snap.get()));
    if (!fn(std::move(claim))) return absl::OkStatus();
  }
  return scan.status();
}

absl::Status Database::Scan(const ClaimPattern& pattern, const TimeView& view,
                            const std::function<bool(const Claim&)>& fn,
                            const Snapshot& snapshot) const {
  return impl_->Scan(pattern, view, snapshot,
                     [&](Claim&& claim) { return fn(claim); });
}

absl::StatusOr<std::vector<Claim>> Database::Find(
    const ClaimPattern& pattern, const TimeView& view,
    const Snapshot& snapshot) const {
  std::vector<Claim> out;
  ANNALS_RETURN_IF_ERROR(
      impl_->Scan(pattern, view, snapshot, [&](Claim&& claim) {
        out.push_back(std::move(claim));
        return true;
      }));
  return out;
}

absl::StatusOr<ResultSet> Database::Query(std::string_view text,
                                          const QueryOptions& options) {
  ANNALS_ASSIGN_OR_RETURN(PreparedQuery prepared, Prepare(text));
  return prepared.Execute(options);
}

absl::StatusOr<ResultSet> Database::Impl::Run(std::string_view text,
                                              const query::Statement& statement,
                                              const QueryOptions& options) {
  bool writes =
      std::holds_alternative<query::AssertStatement>(statement.node) ||
      std::holds_alternative<query::RetractStatement>(statement.node);
  if (!writes) {
    if (options.default_at || options.default_as_of) {
      query::Statement with_view = statement;
      query::ApplyDefaultView(options, &with_view);
      return query::RunRead(store.get(), text, with_view, options);
    }
    return query::RunRead(store.get(), text, statement, options);
  }
  if (statement.explain == query::ExplainMode::kNone) {
    return RunWrite(text, statement);
  }
  return ExplainWrite(text, statement);
}

absl::StatusOr<ResultSet> Database::Impl::RunWrite(
    std::string_view text, const query::Statement& statement) {
  if (const auto* a = std::get_if<query::AssertStatement>(&statement.node)) {
    ANNALS_ASSIGN_OR_RETURN(ClaimInput input,
                            query::BindAssert(store.get(), text, *a));
    ANNALS_RETURN_IF_ERROR(CheckSchema(text, *a, input));
    ANNALS_ASSIGN_OR_RETURN(Staged staged, AssertStaged(input));
    return query::FixedResult({"claim", "change"}, "asserted",
                              AssertRows(staged.row, staged.superseded));
  }
  const auto& r = std::get<query::RetractStatement>(statement.node);
  ANNALS_ASSIGN_OR_RETURN(std::vector<ClaimId> ids,
                          query::BindRetract(text, r));
  std::vector<Row> rows;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (absl::Status s = Retract(ids[i]); !s.ok()) {
      return query::ErrorAt(text, r.claims[i].pos, s);
    }
    rows.push_back({Cell::Of(Value::Claim(ids[i]))});
  }
  return query::FixedResult({"retracted"}, "retracted", std::move(rows));
}

// EXPLAIN ASSERT / RETRACT: the write is staged in a WriteTxn exactly as it
// would run, described, and dropped uncommitted: nothing is written.
absl::StatusOr<ResultSet> Database::Impl::ExplainWrite(
    std::string_view text, const query::Statement& statement) {
  const auto* a = std::get_if<query::AssertStatement>(&statement.node);
  if (statement.explain == query::ExplainMode::kAnalyze) {
    return query::SyntaxError(
        text, statement.pos,
        absl::StrCat("EXPLAIN ANALYZE would run ", a ? "ASSERT" : "RETRACT",
                     " and write; EXPLAIN shows its plan without writing"));
  }
  std::vector<std::string> plan;
  if (a != nullptr) {
    ANNALS_ASSIGN_OR_RETURN(plan, ExplainAssert(text, *a));
  } else {
    ANNALS_ASSIGN_OR_RETURN(
        plan, ExplainRetract(
                  text, std::get<query::RetractStatement>(statement.node)));
  }
  return query::PlanResult(plan, std::string(query::kWritePlanView));
}

absl::StatusOr<std::vector<std::string>> Database::Impl::ExplainAssert(
    std::string_view text, const query::AssertStatement& a) {
  ANNALS_ASSIGN_OR_RETURN(ClaimInput input,
                          query::BindAssert(store.get(), text, a));
  ANNALS_RETURN_IF_ERROR(CheckSchema(text, a, input));
  engine::WriteTxn txn(store.get());
  ANNALS_ASSIGN_OR_RETURN(Staged staged, StageAssert(&txn, input));
  ANNALS_ASSIGN_OR_RETURN(std::vector<Value> new_terms, txn.NewTerms());
  return query::WritePlan(absl::StrCat("ASSERT claim #c", staged.id(),
                                       ": one WriteBatch, applied atomically"),
                          txn.PendingEntries(), new_terms);
}

// RETRACT of several claims runs one WriteBatch per claim; EXPLAIN stages
// them in one transaction (so that naming a claim twice fails as it would)
// and describes each claim's share.
absl::StatusOr<std::vector<std::string>> Database::Impl::ExplainRetract(
    std::string_view text, const query::RetractStatement& r) {
  ANNALS_ASSIGN_OR_RETURN(std::vector<ClaimId> ids,
                          query::BindRetract(text, r));
  engine::WriteTxn txn(store.get());
  int64_t now = TimePoint::Now().seconds;
  std::vector<std::string> lines;
  for (size_t i = 0; i < ids.size(); ++i) {
    ClaimId id = ids[i];
    std::array<int, engine::kFamilyCount> before = txn.PendingEntries();
    if (absl::Status s = txn.Retract(id, now); !s.ok()) {
      return query::ErrorAt(text, r.claims[i].pos, s);
    }
    std::array<int, engine::kFamilyCount> entries = txn.PendingEntries();
    for (int f = 0; f < engine::kFamilyCount; ++f) entries[f] -= before[f];
    std::vector<std::string> plan = query::WritePlan(
        absl::StrCat("RETRACT claim #c", id,
                     ": one WriteBatch, applied atomically, rewriting its "
                     "record and index values with the retraction time "
                     "(nothing is deleted)"),
        entries, {});
    lines.insert(lines.end(), plan.begin(), plan.end());
  }
  return lines;
}

struct PreparedQuery::Impl {
  Database::Impl* db;
  std::string text;
  query::Statement statement;
  query::Parameters parameters;
};

absl::StatusOr<PreparedQuery> Database::Prepare(std::string_view text) {
  auto impl = std::make_unique<PreparedQuery::Impl>();
  impl->db = impl_.get();
  impl->text = std::string(text);
  ANNALS_ASSIGN_OR_RETURN(impl->statement, query::ParseStatement(impl->text));
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
  query::Statement statement = impl_->statement;
  ANNALS_RETURN_IF_ERROR(
      query::SubstituteParameters(impl_->text, impl_->parameters, &statement));
  return impl_->db->Run(impl_->text, statement, options);
}

absl::StatusOr<Claim> Database::Get(ClaimId id,
                                    const Snapshot& snapshot) const {
  std::shared_ptr<const engine::Snapshot> snap = impl_->SnapshotOf(snapshot);
  ANNALS_ASSIGN_OR_RETURN(ClaimRecord row,
                          impl_->store->GetClaim(id, snap.get()));
  return impl_->ToClaim(row, snap.get());
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

absl::StatusOr<StoreStats> Database::Stats() const {
  return engine::ComputeStats(impl_->store.get());
}

absl::StatusOr<CheckResult> Database::Check() const {
  return engine::CheckStore(impl_->store.get());
}

}  // namespace annals
