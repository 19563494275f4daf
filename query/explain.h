// Pieces the EXPLAIN output of HISTORY, CHANGES, DIFF, DISPUTES, PATH,
// ASSERT and RETRACT share with FIND's (planner.h ExplainPlan): a plan is
// lines of text, one row of a `plan` column each; a scan line names the index
// ChooseIndex picks and the positions it reads, as written, with `?x` for
// what it leaves open.
#ifndef ANNALS_QUERY_EXPLAIN_H_
#define ANNALS_QUERY_EXPLAIN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/claim.h"
#include "engine/scan.h"
#include "query/ast.h"

namespace annals::query {

// "scan spo prefix 1 for Russia ?p ?o": the index a scan of `ids` in `view`
// reads and the three positions.
std::string ScanLine(const engine::IdPattern& ids, const TimeView& view,
                     std::string_view s, std::string_view p,
                     std::string_view o);

// A term as written (`Russia`, `"Power of Siberia 2"`), or `?variable` when
// absent.
std::string TermText(const std::optional<Term>& term,
                     std::string_view variable);

// The view of a scan over all valid time, from a view description of
// BindView ("valid now, as recorded by the end of 2025"): "all valid time,
// as recorded by the end of 2025", with ", retracted included" when it reads
// retracted claims too.
std::string AllValidTime(std::string_view description, bool retracted);

}  // namespace annals::query

#endif  // ANNALS_QUERY_EXPLAIN_H_
