// The one write path of claims: Database::Assert and Retract, and ASSERT
// and RETRACT statements through query::ClaimWriter. Validates, applies the
// schema (aliases to the entities they stand for, object types) and
// supersession, and writes each claim in one atomic WriteBatch; a dry run
// (EXPLAIN) stages the same batch and describes it.
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "annals/database.h"
#include "api/database_impl.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "engine/schema_store.h"
#include "engine/write_txn.h"
#include "schema/validator.h"

namespace annals {
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
  ANNALS_ASSIGN_OR_RETURN(query::AssertEffect effect,
                          impl_->Assert(input, query::WriteMode::kCommit));
  return effect.id();
}

absl::Status Database::Retract(ClaimId id) {
  size_t done = 0;
  return impl_->Retract({id}, query::WriteMode::kCommit, &done, nullptr);
}

absl::Status Database::Impl::Validate(const schema::Schema& rules,
                                      const ClaimInput& input) {
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

absl::Status Database::Impl::CheckSchema(const ClaimInput& input) {
  return Validate(*store->schema().schema, input);
}

absl::StatusOr<query::AssertEffect> Database::Impl::StageAssert(
    engine::WriteTxn* txn, const ClaimInput& input) {
  ANNALS_RETURN_IF_ERROR(ValidateInput(input));
  std::shared_ptr<const schema::Schema> rules = store->schema().schema;
  ANNALS_RETURN_IF_ERROR(Validate(*rules, input));
  // Aliases are stored as the entity they stand for.
  engine::ClaimRecord row;
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
  query::AssertEffect staged;
  const schema::PredicateDef* def = rules->FindPredicate(input.predicate);
  ANNALS_ASSIGN_OR_RETURN(staged.superseded,
                          txn->AssertNew(&row, def != nullptr && def->one));
  staged.added = row;
  return staged;
}

absl::StatusOr<query::AssertEffect> Database::Impl::Assert(
    const ClaimInput& input, query::WriteMode mode) {
  engine::WriteTxn txn(store.get());
  ANNALS_ASSIGN_OR_RETURN(query::AssertEffect effect, StageAssert(&txn, input));
  if (mode == query::WriteMode::kCommit) {
    ANNALS_RETURN_IF_ERROR(txn.Commit());
    return effect;
  }
  ANNALS_ASSIGN_OR_RETURN(std::vector<Value> new_terms, txn.NewTerms());
  ANNALS_ASSIGN_OR_RETURN(auto pending, txn.PendingEntries());
  effect.entries = engine::DescribeEntries(pending, new_terms);
  return effect;
}

// A dry run stages every claim in one transaction, so that naming a claim
// twice fails as it would, and describes each claim's share of it.
absl::Status Database::Impl::Retract(
    const std::vector<ClaimId>& ids, query::WriteMode mode, size_t* done,
    std::vector<std::vector<std::string>>* entries) {
  const int64_t now = TimePoint::Now().seconds;
  if (mode == query::WriteMode::kCommit) {
    for (*done = 0; *done < ids.size(); ++*done) {
      engine::WriteTxn txn(store.get());
      ANNALS_RETURN_IF_ERROR(txn.Retract(ids[*done], now));
      ANNALS_RETURN_IF_ERROR(txn.Commit());
    }
    return absl::OkStatus();
  }
  engine::WriteTxn txn(store.get());
  for (*done = 0; *done < ids.size(); ++*done) {
    ANNALS_ASSIGN_OR_RETURN(auto before, txn.PendingEntries());
    ANNALS_RETURN_IF_ERROR(txn.Retract(ids[*done], now));
    ANNALS_ASSIGN_OR_RETURN(auto added, txn.PendingEntries());
    for (int f = 0; f < engine::kFamilyCount; ++f) added[f] -= before[f];
    entries->push_back(engine::DescribeEntries(added, {}));
  }
  return absl::OkStatus();
}

}  // namespace annals
