// Error messages that point into the query text, in one shape for the lexer,
// the parser, the binder and the errors found while a statement runs:
//
//   line 1, column 26: expected an object, found 'WHERE'
//     FIND ?x WHERE Gazprom ?p WHERE
//                              ^
//
// The source line is shown with invalid UTF-8 and control characters as `?`;
// a line longer than 100 characters is cut to a window around the column,
// with `...` where it was cut.
#ifndef ANNALS_QUERY_DIAGNOSTIC_H_
#define ANNALS_QUERY_DIAGNOSTIC_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "query/token.h"

namespace annals::query {

// "line L, column C: <message>", the source line and a caret under column C.
std::string FormatDiagnostic(std::string_view text, const SourcePos& pos,
                             std::string_view message);

// InvalidArgument with FormatDiagnostic's text.
absl::Status SyntaxError(std::string_view text, const SourcePos& pos,
                         std::string_view message);

// `status` (an error) with its code kept and its message pointing at `pos`,
// for errors found after parsing: while running, or by the store.
absl::Status ErrorAt(std::string_view text, const SourcePos& pos,
                     const absl::Status& status);

}  // namespace annals::query

#endif  // ANNALS_QUERY_DIAGNOSTIC_H_
