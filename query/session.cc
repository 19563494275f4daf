// The query pipeline; see session.h.
#include "query/session.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "query/binder.h"
#include "query/diagnostic.h"
#include "query/explain.h"
#include "query/find_executor.h"
#include "query/history_statement.h"
#include "query/path_statement.h"
#include "query/planner.h"
#include "query/timeline_statements.h"

namespace annals::query {
namespace {

class FixedSource : public ResultSet::Source {
 public:
  explicit FixedSource(std::vector<Row> rows) : rows_(std::move(rows)) {}
  bool Next(Row* row, absl::Status* status) override {
    *status = absl::OkStatus();
    if (next_ >= rows_.size()) return false;
    *row = std::move(rows_[next_++]);
    return true;
  }

 private:
  std::vector<Row> rows_;
  size_t next_ = 0;
};

std::vector<std::string> ColumnNames(const BoundFind& find) {
  std::vector<std::string> names;
  for (const Projection& p : find.projection) names.push_back(p.name);
  return names;
}

absl::StatusOr<ResultSet> RunFind(engine::Store* store, std::string_view text,
                                  const FindStatement& statement,
                                  ExplainMode explain,
                                  const QueryOptions& options) {
  ANNALS_ASSIGN_OR_RETURN(BoundFind find, BindFind(store, text, statement));
  if (find.projection.empty()) {
    return SyntaxError(text, statement.pos, "FIND lists nothing to return");
  }
  Plan plan = PlanFind(find, store->counters());
  std::string view = find.view;
  if (explain == ExplainMode::kNone) {
    std::vector<std::string> columns = ColumnNames(find);
    return ResultSet(
        std::move(columns), std::move(view),
        std::make_unique<FindExecutor>(store, text, std::move(find),
                                       std::move(plan), options));
  }
  ActualRows actual;
  if (explain == ExplainMode::kAnalyze) {
    FindExecutor executor(store, text, find, plan, options);
    Row row;
    absl::Status status;
    while (executor.Next(&row, &status)) {
    }
    ANNALS_RETURN_IF_ERROR(status);
    actual = executor.actual_rows();
  }
  std::string text_plan = ExplainPlan(
      find, plan, explain == ExplainMode::kAnalyze ? &actual : nullptr);
  std::vector<std::string> lines =
      absl::StrSplit(text_plan, '\n', absl::SkipEmpty());
  return PlanResult(lines, std::move(view));
}

std::string_view StatementName(const Statement& s) {
  static constexpr std::string_view kNames[] = {"FIND",   "HISTORY",  "CHANGES",
                                                "DIFF",   "DISPUTES", "PATH",
                                                "ASSERT", "RETRACT"};
  return kNames[s.node.index()];
}

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

// ASSERT and RETRACT write: the Database runs (and explains) them.
absl::Status NotARead(const Statement& statement) {
  return absl::InvalidArgumentError(
      absl::StrCat(AbslView(StatementName(statement)),
                   " writes; run it with Database::Query, not as a read"));
}

absl::StatusOr<ResultSet> ExplainRead(engine::Store* store,
                                      std::string_view text,
                                      const Statement& statement,
                                      const QueryOptions& options) {
  const ExplainMode mode = statement.explain;
  if (const auto* s = std::get_if<HistoryStatement>(&statement.node)) {
    return ExplainHistory(store, text, *s, mode, options);
  }
  if (const auto* s = std::get_if<ChangesStatement>(&statement.node)) {
    return ExplainChanges(store, text, *s, mode, options);
  }
  if (const auto* s = std::get_if<DiffStatement>(&statement.node)) {
    return ExplainDiff(store, text, *s, mode, options);
  }
  if (const auto* s = std::get_if<DisputesStatement>(&statement.node)) {
    return ExplainDisputes(store, text, *s, mode, options);
  }
  if (const auto* s = std::get_if<PathStatement>(&statement.node)) {
    return ExplainPath(store, text, *s, mode, options);
  }
  return NotARead(statement);
}

}  // namespace

ResultSet FixedResult(std::vector<std::string> columns, std::string view,
                      std::vector<Row> rows) {
  return ResultSet(std::move(columns), std::move(view),
                   std::make_unique<FixedSource>(std::move(rows)));
}

absl::StatusOr<ResultSet> RunRead(engine::Store* store, std::string_view text,
                                  const Statement& statement,
                                  const QueryOptions& options) {
  if (const auto* find = std::get_if<FindStatement>(&statement.node)) {
    return RunFind(store, text, *find, statement.explain, options);
  }
  if (statement.explain != ExplainMode::kNone) {
    return ExplainRead(store, text, statement, options);
  }
  if (const auto* s = std::get_if<HistoryStatement>(&statement.node)) {
    return RunHistory(store, text, *s, options);
  }
  if (const auto* s = std::get_if<ChangesStatement>(&statement.node)) {
    return RunChanges(store, text, *s, options);
  }
  if (const auto* s = std::get_if<DiffStatement>(&statement.node)) {
    return RunDiff(store, text, *s, options);
  }
  if (const auto* s = std::get_if<DisputesStatement>(&statement.node)) {
    return RunDisputes(store, text, *s, options);
  }
  if (const auto* s = std::get_if<PathStatement>(&statement.node)) {
    return RunPath(store, text, *s, options);
  }
  return NotARead(statement);
}

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

}  // namespace annals::query
