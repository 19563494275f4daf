// Syntax trees back to query text, in one canonical form: keywords in upper
// case, single spaces, clauses in the grammar's order, the query's temporal
// clause right after the WHERE list, names bare when they can be (quoted when
// they were). Parse(ToString(x)) gives x back, positions aside, so tests
// compare trees through this text; the shell and EXPLAIN can show it too.
#ifndef ANNALS_QUERY_AST_PRINTER_H_
#define ANNALS_QUERY_AST_PRINTER_H_

#include <string>

#include "query/ast.h"

namespace annals::query {

std::string ToString(const Script& script);  // statements joined by ";\n"
std::string ToString(const Statement& statement);
std::string ToString(const TriplePattern& pattern);
std::string ToString(const TemporalClause& clause);
std::string ToString(const Expr& expr);
std::string ToString(const Term& term);

// `name` as written in a query: bare if it can be, else quoted and escaped
// (QueryQuoted, common/escape.h).
std::string FormatName(const std::string& name);

}  // namespace annals::query

#endif  // ANNALS_QUERY_AST_PRINTER_H_
