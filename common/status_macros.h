// ANNALS_RETURN_IF_ERROR and ANNALS_ASSIGN_OR_RETURN with the meaning of
// Abseil's newer absl/status/status_macros.h, which Debian 12's Abseil
// (20220623) lacks.
#ifndef ANNALS_STATUS_MACROS_H_
#define ANNALS_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Evaluates `expr` (an absl::Status) and returns it from the enclosing
// function when it is not OK.
#define ANNALS_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::absl::Status annals_status_ = (expr);          \
    if (!annals_status_.ok()) return annals_status_; \
  } while (false)

#define ANNALS_CONCAT_INNER_(a, b) a##b
#define ANNALS_CONCAT_(a, b) ANNALS_CONCAT_INNER_(a, b)

// ANNALS_ASSIGN_OR_RETURN(lhs, expr): evaluates `expr` (an absl::StatusOr<T>);
// on error returns its status, otherwise moves the value into `lhs`, which may
// be a declaration (`auto x`) or an existing variable. It expands to several
// statements: give it braces of its own under an `if` or a `case`.
#define ANNALS_ASSIGN_OR_RETURN(lhs, expr)                                  \
  ANNALS_ASSIGN_OR_RETURN_IMPL_(ANNALS_CONCAT_(annals_statusor_, __LINE__), \
                                lhs, expr)
#define ANNALS_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                  \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = std::move(statusor).value()

#endif  // ANNALS_STATUS_MACROS_H_
