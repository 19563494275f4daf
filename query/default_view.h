// The default view of QueryOptions (default_at, default_as_of) applied to a
// statement that gives no temporal clause of its own.
#ifndef ANNALS_QUERY_DEFAULT_VIEW_H_
#define ANNALS_QUERY_DEFAULT_VIEW_H_

#include "annals/result.h"
#include "query/ast.h"

namespace annals::query {

// Gives FIND, DISPUTES and PATH without AT or DURING the valid time
// `AT options.default_at`, and every read without AS OF (DIFF has its own
// two) `AS OF options.default_as_of`, each when set. HISTORY and CHANGES
// take only the AS OF (they span valid time themselves). Writes are left
// alone.
void ApplyDefaultView(const QueryOptions& options, Statement* statement);

}  // namespace annals::query

#endif  // ANNALS_QUERY_DEFAULT_VIEW_H_
