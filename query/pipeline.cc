// The pipeline; see pipeline.h.
#include "query/pipeline.h"

#include <utility>
#include <variant>

#include "common/status_macros.h"
#include "engine/prefixes.h"
#include "query/find_statement.h"
#include "query/history_statement.h"
#include "query/parser.h"
#include "query/path_statement.h"
#include "query/statement_context.h"
#include "query/timeline_statements.h"
#include "query/write_statements.h"

namespace annals::query {
namespace {

// The one place a statement's kind is dispatched on.
struct RunKind {
  const StatementContext& ctx;
  auto operator()(FindStatement& s) { return RunFind(ctx, std::move(s)); }
  auto operator()(HistoryStatement& s) { return RunHistory(ctx, std::move(s)); }
  auto operator()(ChangesStatement& s) { return RunChanges(ctx, std::move(s)); }
  auto operator()(DiffStatement& s) { return RunDiff(ctx, s); }
  auto operator()(DisputesStatement& s) {
    return RunDisputes(ctx, std::move(s));
  }
  auto operator()(PathStatement& s) { return RunPath(ctx, std::move(s)); }
  auto operator()(AssertStatement& s) { return RunAssert(ctx, s); }
  auto operator()(RetractStatement& s) { return RunRetract(ctx, s); }
};

}  // namespace

absl::StatusOr<PreparedStatement> Prepare(std::string_view text) {
  PreparedStatement prepared;
  prepared.text = std::string(text);
  ANNALS_ASSIGN_OR_RETURN(prepared.statement, ParseStatement(prepared.text));
  return prepared;
}

absl::StatusOr<QueryResult> Execute(const PreparedStatement& prepared,
                                    const Parameters& parameters,
                                    engine::Store* store, ClaimWriter* writer,
                                    const QueryOptions& options) {
  // Cancelled before it starts: not even a write.
  if (options.cancel.cancelled()) {
    return absl::CancelledError("statement cancelled");
  }
  Statement statement = prepared.statement;
  ANNALS_RETURN_IF_ERROR(
      SubstituteParameters(prepared.text, parameters, &statement));
  ANNALS_RETURN_IF_ERROR(ExpandPrefixedNames(
      prepared.text,
      [&]() -> absl::StatusOr<PrefixMap> {
        ANNALS_ASSIGN_OR_RETURN(auto list,
                                engine::ReadPrefixes(store->rocks(), nullptr));
        return PrefixMap(list.begin(), list.end());
      },
      [&](std::string_view name) {
        return store->dictionary()
            .Find(Value::Entity(std::string(name)), nullptr)
            .ok();
      },
      &statement));
  std::vector<std::string> notices;
  ANNALS_ASSIGN_OR_RETURN(const engine::Store::ReadView view,
                          store->GetReadView());
  const StatementContext ctx{
      prepared.text,     store,         writer,   options,
      statement.explain, statement.pos, &notices, &view};
  ANNALS_ASSIGN_OR_RETURN(QueryResult result,
                          std::visit(RunKind{ctx}, statement.node));
  result.notices.insert(result.notices.begin(), notices.begin(), notices.end());
  return result;
}

}  // namespace annals::query
