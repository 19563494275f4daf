// Comparing values and periods, for FILTER and ORDER BY: numbers across
// integer, decimal and quantity (quantities only in the same unit; different
// units are an error naming both), dates by their first instant (a bare
// integer meets a date as a year), text by its bytes.
#ifndef ANNALS_QUERY_EVAL_H_
#define ANNALS_QUERY_EVAL_H_

#include "absl/status/statusor.h"
#include "annals/time.h"
#include "annals/value.h"
#include "query/ast.h"

namespace annals::query {

// Applies `op`. FailedPrecondition-free: InvalidArgument for quantities of
// different units; values of unrelated kinds are unequal and unordered
// (every ordering comparison is false).
absl::StatusOr<bool> CompareValues(const Value& a, CompareOp op,
                                   const Value& b);

// A total order for sorting: by kind, then numerically / chronologically /
// bytewise. Returns <0, 0, >0.
int OrderValues(const Value& a, const Value& b);

// Allen's relations on half-open windows [begin, end).
bool ComparePeriods(const Window& a, PeriodOp op, const Window& b);

// The window a period operand covers: a claim's valid time as written, from
// the first instant of its valid_from span to the first instant of its
// valid_to span; when both ends are the same point ("some time on
// 2025-09-02") the point's whole span.
Window PeriodOf(const Interval& interval);

}  // namespace annals::query

#endif  // ANNALS_QUERY_EVAL_H_
