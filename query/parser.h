// The parser: query text -> syntax tree (ast.h), by recursive descent with
// one function per grammar rule. README.md gives the grammar.
//
// Errors are InvalidArgument and point at the offending token:
//
//   line 1, column 26: expected an object, found 'WHERE'
//     FIND ?x WHERE Gazprom ?p WHERE
//                              ^
//
// with "; did you mean `WHERE`?" when an identifier is a near miss of a
// keyword or function name that fits there. A query never crashes the
// parser: nesting (parentheses, braces, NOT, function calls) deeper than
// kMaxNesting, integers beyond 64 bits, invalid UTF-8 and unterminated
// strings are errors like any other.
#ifndef ANNALS_QUERY_PARSER_H_
#define ANNALS_QUERY_PARSER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "query/ast.h"

namespace annals::query {

inline constexpr int kMaxNesting = 64;
// Longer query texts are refused before they are read (a literal of tens of
// megabytes would otherwise be copied into tokens, terms and values).
inline constexpr size_t kMaxQueryBytes = size_t{1} << 20;

// Statements separated by `;`; empty statements are skipped, so a trailing
// `;` is fine. "empty query" when there is no statement at all.
absl::StatusOr<Script> Parse(std::string_view text);

// Exactly one statement, optionally followed by `;`.
absl::StatusOr<Statement> ParseStatement(std::string_view text);

}  // namespace annals::query

#endif  // ANNALS_QUERY_PARSER_H_
