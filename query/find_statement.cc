// FIND, run or explained; see find_statement.h.
#include "query/find_statement.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/status_macros.h"
#include "query/binder.h"
#include "query/default_view.h"
#include "query/diagnostic.h"
#include "query/find_executor.h"
#include "query/planner.h"

namespace annals::query {

QueryResult StreamFind(const StatementContext& ctx, BoundFind find, Plan plan) {
  std::vector<std::string> columns;
  for (const Projection& p : find.projection) columns.push_back(p.name);
  std::string view = find.view;
  return QueryResult{
      std::move(columns),
      std::move(view),
      std::make_unique<FindExecutor>(ctx.store, ctx.text, std::move(find),
                                     std::move(plan), ctx.options, ctx.view),
      {}};
}

absl::StatusOr<QueryResult> RunFind(const StatementContext& ctx,
                                    FindStatement statement) {
  ApplyDefaultView(ctx.options, DefaultView::kAtAndAsOf, statement.pos,
                   &statement.time);
  ANNALS_ASSIGN_OR_RETURN(
      BoundFind find,
      BindFind(ctx.store, ctx.text, statement, ctx.notices, ctx.view));
  if (find.projection.empty()) {
    return SyntaxError(ctx.text, statement.pos, "FIND lists nothing to return");
  }
  Plan plan = PlanFind(find, ctx.store->counters());
  if (ctx.explain == ExplainMode::kNone) {
    return StreamFind(ctx, std::move(find), std::move(plan));
  }
  std::string view = find.view;
  ActualRows actual;
  FindExecutor::Gathering gathering;
  if (ctx.explain == ExplainMode::kAnalyze) {
    FindExecutor executor(ctx.store, ctx.text, find, plan, ctx.options,
                          ctx.view);
    Row row;
    absl::Status status;
    while (executor.Next(&row, &status)) {
    }
    ANNALS_RETURN_IF_ERROR(status);
    actual = executor.actual_rows();
    gathering = executor.gathering();
  }
  std::string text_plan = ExplainPlan(
      find, plan, ctx.explain == ExplainMode::kAnalyze ? &actual : nullptr);
  std::vector<std::string> lines =
      absl::StrSplit(text_plan, '\n', absl::SkipEmpty());
  if (gathering.threads > 1) {
    lines.push_back(absl::StrCat(
        "gathered on up to ", gathering.threads, " threads: the first step's ",
        gathering.first_rows, " rows in ", gathering.parts, " parts"));
  }
  return PlanResult(lines, std::move(view));
}

}  // namespace annals::query
