// HISTORY as a one-pattern FIND; see history_statement.h.
#include "query/history_statement.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/status_macros.h"
#include "query/ast_printer.h"
#include "query/binder.h"
#include "query/default_view.h"
#include "query/explain.h"
#include "query/find_executor.h"
#include "query/find_statement.h"
#include "query/planner.h"

namespace annals::query {
namespace {

FindStatement HistoryAsFind(const HistoryStatement& history) {
  FindStatement find;
  find.pos = history.pos;
  TriplePattern pattern;
  pattern.claim_variable = "claim";
  pattern.subject = history.subject;
  if (history.predicate) {
    pattern.predicate = *history.predicate;
  } else {
    pattern.predicate.kind = Term::Kind::kVariable;
    pattern.predicate.name = "predicate";
  }
  pattern.object.kind = Term::Kind::kVariable;
  pattern.object.name = "value";
  pattern.pos = history.pos;
  WhereElement element;
  element.pattern = pattern;
  find.where.push_back(element);
  find.time = history.time;
  return find;
}

int VarSlot(const BoundFind& bound, const char* name) {
  for (size_t v = 0; v < bound.vars.size(); ++v) {
    if (bound.vars[v] == name) return static_cast<int>(v);
  }
  return -1;
}

void AddColumn(BoundFind* bound, std::string name, Operand::Kind kind, int var,
               Function fn) {
  Projection p;
  p.name = std::move(name);
  p.expr.operand.kind = kind;
  p.expr.operand.var = var;
  p.expr.operand.fn = fn;
  bound->projection.push_back(std::move(p));
}

// The bound FIND, its view widened to all valid time unless DURING narrows
// it, projecting claim, [predicate,] value, from, to, recorded, source, by.
absl::StatusOr<BoundFind> BindHistory(engine::Store* store,
                                      std::string_view text,
                                      const HistoryStatement& history,
                                      std::vector<std::string>* notices,
                                      const engine::Store::ReadView* view) {
  ANNALS_ASSIGN_OR_RETURN(
      BoundFind bound,
      BindFind(store, text, HistoryAsFind(history), notices, view));
  if (!history.time.valid) {
    bound.patterns[0].view.valid.reset();
    bound.view = AllValidTime(bound.view, false);
  }
  int claim = VarSlot(bound, "claim");
  using Kind = Operand::Kind;
  AddColumn(&bound, "claim", Kind::kVar, claim, Function::kFrom);
  if (!history.predicate) {
    AddColumn(&bound, "predicate", Kind::kVar, VarSlot(bound, "predicate"),
              Function::kFrom);
  }
  AddColumn(&bound, "value", Kind::kVar, VarSlot(bound, "value"),
            Function::kFrom);
  AddColumn(&bound, "from", Kind::kClaimFn, claim, Function::kFrom);
  AddColumn(&bound, "to", Kind::kClaimFn, claim, Function::kTo);
  AddColumn(&bound, "recorded", Kind::kClaimFn, claim, Function::kRecorded);
  AddColumn(&bound, "source", Kind::kClaimFn, claim, Function::kSource);
  AddColumn(&bound, "by", Kind::kClaimFn, claim, Function::kBy);
  return bound;
}

// Rows the scan passed on, when run (EXPLAIN ANALYZE).
absl::StatusOr<int64_t> ScanRows(engine::Store* store, std::string_view text,
                                 const BoundFind& bound, const Plan& plan,
                                 const QueryOptions& options,
                                 const engine::Store::ReadView* view) {
  FindExecutor executor(store, text, bound, plan, options, view);
  Row row;
  absl::Status status;
  while (executor.Next(&row, &status)) {
  }
  ANNALS_RETURN_IF_ERROR(status);
  return executor.actual_rows().front().front();
}

}  // namespace

absl::StatusOr<QueryResult> RunHistory(const StatementContext& ctx,
                                       HistoryStatement history) {
  ApplyDefaultView(ctx.options, DefaultView::kAsOfOnly, history.pos,
                   &history.time);
  ANNALS_ASSIGN_OR_RETURN(
      BoundFind bound,
      BindHistory(ctx.store, ctx.text, history, ctx.notices, ctx.view));
  Plan plan = PlanFind(bound, ctx.store->counters());
  if (ctx.explain == ExplainMode::kNone) {
    return StreamFind(ctx, std::move(bound), std::move(plan));
  }
  const PlanStep& step = plan.chains.front().steps.front();
  std::string line = absl::StrCat(
      "scan ", step.index.ToString(), " for ", ToString(history.subject), " ",
      TermText(history.predicate, "predicate"), " ?value (", bound.view,
      absl::StrFormat(", estimate %g rows", step.estimate));
  if (ctx.explain == ExplainMode::kAnalyze) {
    ANNALS_ASSIGN_OR_RETURN(
        int64_t actual,
        ScanRows(ctx.store, ctx.text, bound, plan, ctx.options, ctx.view));
    absl::StrAppend(&line, ", actual ", actual);
  }
  absl::StrAppend(&line, ")");
  return PlanResult({line}, bound.view);
}

}  // namespace annals::query
