// What each statement runs against: the statement's text (errors point into
// it), the store it reads, the write path it writes through, its limits and
// whether it is run or explained.
#ifndef ANNALS_QUERY_STATEMENT_CONTEXT_H_
#define ANNALS_QUERY_STATEMENT_CONTEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "annals/result.h"
#include "engine/store.h"
#include "query/ast.h"
#include "query/claim_writer.h"

namespace annals::query {

struct StatementContext {
  std::string_view text;
  engine::Store* store;
  ClaimWriter* writer;
  const QueryOptions& options;
  ExplainMode explain = ExplainMode::kNone;
  SourcePos pos;  // of EXPLAIN, or of the statement's keyword
  // What the answer should say besides its rows ("unknown name 'Germny';
  // did you mean 'Germany'?"); the pipeline hands them to the result.
  std::vector<std::string>* notices;
  // The statement's snapshot and the schema as of it (aliases, units,
  // one-ness), taken once when it starts: a schema committed later is not
  // seen by this statement, only by the next.
  const engine::Store::ReadView* view = nullptr;
};

}  // namespace annals::query

#endif  // ANNALS_QUERY_STATEMENT_CONTEXT_H_
