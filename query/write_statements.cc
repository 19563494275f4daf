// ASSERT and RETRACT; see write_statements.h.
#include "query/write_statements.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "engine/name_notices.h"
#include "query/binder.h"
#include "query/diagnostic.h"

namespace annals::query {
namespace {

// The claim an ASSERT describes, as written.
absl::StatusOr<ClaimInput> AssertInput(std::string_view text,
                                       const AssertStatement& a) {
  ClaimInput in;
  auto name_or_value = [&](const Term& t) -> absl::StatusOr<Value> {
    switch (t.kind) {
      case Term::Kind::kName:  // quoted or not, a name is an entity
        return Value::Entity(t.name);
      case Term::Kind::kValue:
        return t.value;
      default:
        return SyntaxError(text, t.pos, "ASSERT takes names and literals");
    }
  };
  ANNALS_ASSIGN_OR_RETURN(in.subject, name_or_value(a.subject));
  if (a.predicate.kind != Term::Kind::kName) {
    return SyntaxError(text, a.predicate.pos, "expected a predicate name");
  }
  in.predicate = a.predicate.name;
  ANNALS_ASSIGN_OR_RETURN(in.object, name_or_value(a.object));
  if (a.valid_from) {
    ANNALS_ASSIGN_OR_RETURN(in.valid.from, BindTime(text, *a.valid_from));
  }
  if (a.valid_to) {
    ANNALS_ASSIGN_OR_RETURN(in.valid.to, BindTime(text, *a.valid_to));
  }
  if (a.source) {
    in.source = a.source->kind == Term::Kind::kValue
                    ? a.source->value.ToString()
                    : a.source->name;
  }
  if (a.by) in.by = a.by->name;
  if (a.confidence) {
    const Term& c = *a.confidence;
    if (c.kind != Term::Kind::kValue ||
        (c.value.kind() != ValueKind::kInteger &&
         c.value.kind() != ValueKind::kDecimal)) {
      return SyntaxError(text, c.pos, "expected a number in [0, 1]");
    }
    in.confidence = c.value.number();
  }
  return in;
}

// What Database::Assert would refuse in an ASSERT's terms, pointing at the
// term. The parser refuses most of it; a parameter's value can be anything.
absl::Status CheckAssertTerms(std::string_view text, const AssertStatement& a,
                              const ClaimInput& in) {
  if (in.subject.kind() != ValueKind::kEntity &&
      in.subject.kind() != ValueKind::kClaim) {
    return SyntaxError(
        text, a.subject.pos,
        absl::StrCat("the subject must be an entity or a claim; found ",
                     in.subject.ToString()));
  }
  for (auto [term, empty] :
       {std::pair{&a.subject,
                  in.subject.is_entity() && in.subject.text().empty()},
        std::pair{&a.predicate, in.predicate.empty()},
        std::pair{&a.object,
                  in.object.is_entity() && in.object.text().empty()}}) {
    if (empty) return SyntaxError(text, term->pos, "a name cannot be empty");
  }
  if (!(in.confidence >= 0 && in.confidence <= 1)) {
    return SyntaxError(text, a.confidence->pos,
                       absl::StrCat("CONFIDENCE must be between 0 and 1, "
                                    "found '",
                                    a.confidence->value.ToString(), "'"));
  }
  return absl::OkStatus();
}

// NotFound, pointing at `term`, when `value` names a claim the store lacks.
absl::Status CheckClaimExists(engine::Store* store, std::string_view text,
                              const Term& term, const Value& value) {
  if (value.kind() != ValueKind::kClaim) return absl::OkStatus();
  absl::Status s = store->GetClaim(value.claim_id(), nullptr).status();
  return s.ok() ? s : ErrorAt(text, term.pos, s);
}

// The claim an ASSERT statement describes, checked as Database::Assert
// would (InvalidArgument, or NotFound for a claim the store lacks), with
// the error pointing at the offending term.
absl::StatusOr<ClaimInput> BindAssert(engine::Store* store,
                                      std::string_view text,
                                      const AssertStatement& a) {
  ANNALS_ASSIGN_OR_RETURN(ClaimInput in, AssertInput(text, a));
  ANNALS_RETURN_IF_ERROR(CheckAssertTerms(text, a, in));
  if (absl::Status s = in.valid.Validate(); !s.ok()) {
    return ErrorAt(text, a.valid_to ? a.valid_to->pos : a.pos, s);
  }
  ANNALS_RETURN_IF_ERROR(CheckClaimExists(store, text, a.subject, in.subject));
  ANNALS_RETURN_IF_ERROR(CheckClaimExists(store, text, a.object, in.object));
  return in;
}

// The claim ids a RETRACT statement names.
absl::StatusOr<std::vector<ClaimId>> BindRetract(std::string_view text,
                                                 const RetractStatement& r) {
  std::vector<ClaimId> ids;
  for (const Term& t : r.claims) {
    if (t.kind != Term::Kind::kValue || t.value.kind() != ValueKind::kClaim) {
      return SyntaxError(text, t.pos, "expected a claim id (#c42)");
    }
    ids.push_back(t.value.claim_id());
  }
  return ids;
}

// The names `in` adds to the store, a notice each ("new entity 'Rusia';
// did you mean 'Russia'?"), in the order written. With options.strict, a
// new predicate the schema does not declare is refused (InvalidArgument at
// the predicate), before anything is written.
absl::Status NoteNewNames(const StatementContext& ctx, const AssertStatement& a,
                          const ClaimInput& in) {
  engine::Store* store = ctx.store;
  std::shared_ptr<const schema::Schema> rules = store->schema().schema;
  std::vector<std::string> seen;
  auto entity = [&](const std::string& name) {
    std::string canonical(rules->Canonical(name));
    if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) return;
    seen.push_back(canonical);
    if (!absl::IsNotFound(store->dictionary()
                              .Find(Value::Entity(canonical), nullptr)
                              .status())) {
      return;
    }
    ctx.notices->push_back(
        engine::NewNameNotice(store, canonical, false, nullptr));
  };
  if (in.subject.is_entity()) entity(in.subject.text());
  if (!engine::PredicateInUse(store, in.predicate)) {
    if (ctx.options.strict && rules->FindPredicate(in.predicate) == nullptr) {
      return SyntaxError(ctx.text, a.predicate.pos,
                         engine::StrictRefusal(store, in.predicate));
    }
    ctx.notices->push_back(
        engine::NewNameNotice(store, in.predicate, true, nullptr));
  }
  if (in.object.is_entity()) entity(in.object.text());
  if (!in.by.empty()) entity(in.by);
  return absl::OkStatus();
}

// ASSERT's rows: the claim, then each claim it superseded and each closed
// copy, with what happened to it.
std::vector<Row> AssertRows(const AssertEffect& effect) {
  auto row = [](ClaimId id, std::string change) {
    return Row{Cell::Of(Value::Claim(id)), Cell::Of(Value::String(change))};
  };
  const engine::ClaimRecord& added = effect.added;
  const engine::WriteTxn::Superseded& s = effect.superseded;
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

// EXPLAIN of a write: what it does, then the entries it would put.
void AppendWritePlan(std::string_view what,
                     const std::vector<std::string>& entries,
                     std::vector<std::string>* lines) {
  lines->push_back(absl::StrCat(AbslView(what), "; EXPLAIN writes nothing"));
  lines->insert(lines->end(), entries.begin(), entries.end());
}

// The view of a write's plan.
constexpr std::string_view kWritePlanView = "plan of a write, not written";

// Without a writer (a read-only caller of the pipeline) nothing is written.
absl::Status NoWriter(std::string_view statement) {
  return absl::InvalidArgumentError(
      absl::StrCat(AbslView(statement),
                   " writes; run it with Database::Query, not as a read"));
}

absl::Status RefuseAnalyze(const StatementContext& ctx,
                           std::string_view statement) {
  return SyntaxError(
      ctx.text, ctx.pos,
      absl::StrCat("EXPLAIN ANALYZE would run ", AbslView(statement),
                   " and write; EXPLAIN shows its plan without writing"));
}

}  // namespace

absl::StatusOr<QueryResult> RunAssert(const StatementContext& ctx,
                                      const AssertStatement& a) {
  if (ctx.writer == nullptr) return NoWriter("ASSERT");
  if (ctx.explain == ExplainMode::kAnalyze) return RefuseAnalyze(ctx, "ASSERT");
  ANNALS_ASSIGN_OR_RETURN(ClaimInput input, BindAssert(ctx.store, ctx.text, a));
  // The schema's refusal points at the object.
  if (absl::Status s = ctx.writer->CheckSchema(input); !s.ok()) {
    return absl::IsInvalidArgument(s) ? ErrorAt(ctx.text, a.object.pos, s) : s;
  }
  ANNALS_RETURN_IF_ERROR(NoteNewNames(ctx, a, input));
  if (ctx.explain == ExplainMode::kNone) {
    ANNALS_ASSIGN_OR_RETURN(AssertEffect effect,
                            ctx.writer->Assert(input, WriteMode::kCommit));
    return FixedResult({"claim", "change"}, "asserted", AssertRows(effect));
  }
  ANNALS_ASSIGN_OR_RETURN(AssertEffect effect,
                          ctx.writer->Assert(input, WriteMode::kDryRun));
  std::vector<std::string> lines;
  AppendWritePlan(absl::StrCat("ASSERT claim #c", effect.id(),
                               ": one WriteBatch, applied atomically"),
                  effect.entries, &lines);
  return PlanResult(lines, std::string(kWritePlanView));
}

absl::StatusOr<QueryResult> RunRetract(const StatementContext& ctx,
                                       const RetractStatement& r) {
  if (ctx.writer == nullptr) return NoWriter("RETRACT");
  if (ctx.explain == ExplainMode::kAnalyze) {
    return RefuseAnalyze(ctx, "RETRACT");
  }
  ANNALS_ASSIGN_OR_RETURN(std::vector<ClaimId> ids, BindRetract(ctx.text, r));
  const WriteMode mode = ctx.explain == ExplainMode::kNone ? WriteMode::kCommit
                                                           : WriteMode::kDryRun;
  size_t done = 0;
  std::vector<std::vector<std::string>> entries;
  if (absl::Status s = ctx.writer->Retract(ids, mode, &done, &entries);
      !s.ok()) {
    return ErrorAt(ctx.text, r.claims[done].pos, s);
  }
  if (mode == WriteMode::kCommit) {
    std::vector<Row> rows;
    for (ClaimId id : ids) rows.push_back({Cell::Of(Value::Claim(id))});
    return FixedResult({"retracted"}, "retracted", std::move(rows));
  }
  std::vector<std::string> lines;
  for (size_t i = 0; i < ids.size(); ++i) {
    AppendWritePlan(
        absl::StrCat("RETRACT claim #c", ids[i],
                     ": one WriteBatch, applied atomically, rewriting its "
                     "record and index values with the retraction time "
                     "(nothing is deleted)"),
        entries[i], &lines);
  }
  return PlanResult(lines, std::string(kWritePlanView));
}

}  // namespace annals::query
