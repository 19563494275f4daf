// Reads of claims by pattern and by id, names in and names out: an alias
// reads as the entity it stands for, and an unknown name matches nothing.
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "annals/database.h"
#include "api/database_impl.h"
#include "common/status_macros.h"
#include "engine/name_notices.h"
#include "engine/scan.h"

namespace annals {

using engine::ClaimRecord;

absl::StatusOr<Claim> Database::Impl::ToClaim(const engine::ClaimRecord& row,
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
  // An alias names the entity it stands for, in the snapshot's schema.
  ANNALS_ASSIGN_OR_RETURN(engine::Store::CurrentSchema at,
                          store->SchemaAt(snap.get()));
  const std::shared_ptr<const schema::Schema>& rules = at.schema;
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
  ANNALS_RETURN_IF_ERROR(impl_->store->CatchUp());
  return impl_->Scan(pattern, view, snapshot,
                     [&](Claim&& claim) { return fn(claim); });
}

absl::StatusOr<std::vector<Claim>> Database::Find(
    const ClaimPattern& pattern, const TimeView& view,
    const Snapshot& snapshot) const {
  ANNALS_RETURN_IF_ERROR(impl_->store->CatchUp());
  std::vector<Claim> out;
  ANNALS_RETURN_IF_ERROR(
      impl_->Scan(pattern, view, snapshot, [&](Claim&& claim) {
        out.push_back(std::move(claim));
        return true;
      }));
  return out;
}

std::vector<std::string> Database::UnknownNames(
    const ClaimPattern& pattern) const {
  engine::Store* store = impl_->store.get();
  std::shared_ptr<const schema::Schema> rules = store->schema().schema;
  std::vector<std::string> notices;
  auto check = [&](const Value& v, bool predicate) {
    if (v.kind() == ValueKind::kClaim) return;
    Value term = predicate ? v : rules->Canonical(v);
    if (!absl::IsNotFound(store->dictionary().Find(term, nullptr).status())) {
      return;
    }
    if (predicate && rules->FindPredicate(v.text()) != nullptr) return;
    notices.push_back(
        v.is_entity() ? engine::UnknownNameNotice(store, v.text(), predicate)
                      : "no claim mentions " + v.ToString());
  };
  if (pattern.subject) check(*pattern.subject, false);
  if (pattern.predicate) check(Value::Entity(*pattern.predicate), true);
  if (pattern.object) check(*pattern.object, false);
  return notices;
}

absl::StatusOr<Claim> Database::Get(ClaimId id,
                                    const Snapshot& snapshot) const {
  ANNALS_RETURN_IF_ERROR(impl_->store->CatchUp());
  std::shared_ptr<const engine::Snapshot> snap = impl_->SnapshotOf(snapshot);
  ANNALS_ASSIGN_OR_RETURN(ClaimRecord row,
                          impl_->store->GetClaim(id, snap.get()));
  return impl_->ToClaim(row, snap.get());
}

}  // namespace annals
