// The default view of QueryOptions (default_at, default_as_of) applied to a
// statement that gives no temporal clause of its own. Each read applies it
// to its own clause, before it is bound, so the view a result reports says
// so: FIND, DISPUTES and PATH take both, HISTORY and CHANGES only the AS OF
// (they span valid time themselves); DIFF names its own times, and writes
// have none.
#ifndef ANNALS_QUERY_DEFAULT_VIEW_H_
#define ANNALS_QUERY_DEFAULT_VIEW_H_

#include "annals/result.h"
#include "query/ast.h"

namespace annals::query {

enum class DefaultView { kAtAndAsOf, kAsOfOnly };

// Gives `time` (of the statement at `pos`) `AT options.default_at` when it
// has no AT or DURING (kAtAndAsOf only) and `AS OF options.default_as_of`
// when it has no AS OF, each when set.
void ApplyDefaultView(const QueryOptions& options, DefaultView which,
                      const SourcePos& pos, TemporalClause* time);

}  // namespace annals::query

#endif  // ANNALS_QUERY_DEFAULT_VIEW_H_
