// The syntax tree of the query language (../shared/DESIGN.md §3), as the
// parser builds it and the binder reads it. Plain structs: a kind enum and the
// fields of each kind, copyable, compared in tests through their printed form
// (ast_printer.h). Every node keeps the position of its first token, so that
// later stages can point at it.
//
// The parser checks syntax only. It does not know which names exist, what
// type a predicate has or whether a variable is bound; those are the
// binder's. Two things the parser cannot decide are left open in the tree:
// - Quoted text (`"Power of Siberia 2"`) is a name or a string by context: a
//   Term of kind kName with `quoted` set. A bare identifier is always a name.
// - A bare year is an integer token. Where only a time makes sense (AT,
//   DURING, AS OF, BETWEEN, FROM, TO) the parser makes it a year-precision
//   date; elsewhere (a pattern's object, FILTER) it stays an integer, and the
//   binder reads it as a year when it meets a time (`from(?c) < 2025`).
#ifndef ANNALS_QUERY_AST_H_
#define ANNALS_QUERY_AST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "annals/value.h"
#include "query/token.h"

namespace annals::query {

// One term where the grammar takes a name, variable, literal or parameter.
struct Term {
  enum class Kind : uint8_t {
    kName,       // an entity or predicate name (or, quoted, maybe a string)
    kVariable,   // `?x`; name is `x`
    kParameter,  // `$p`; name is `p`: bound when a prepared query runs
    kValue,      // a literal or claim id: value (integer, decimal, boolean,
                 // date, quantity or claim; never entity or string)
    kNow,        // NOW: the time at which the statement runs
  };
  Kind kind = Kind::kName;
  std::string name;
  bool quoted = false;  // kName written in double quotes
  // kName written `prefix:local`: expanded with the store's RDF prefixes
  // before it is bound (ExpandPrefixedNames).
  bool prefixed = false;
  Value value;
  SourcePos pos;
};

// The valid-time part of a temporal clause.
struct ValidTime {
  enum class Kind : uint8_t {
    kAt,      // AT time: what holds at (any instant of) its span
    kDuring,  // DURING from TO to: [start of from, start of to)
  };
  Kind kind = Kind::kAt;
  Term from;  // kAt: the time
  Term to;    // kDuring only
  // POSSIBLY: also what possibly holds; the default is what certainly holds.
  bool possibly = false;
  SourcePos pos;  // of AT or DURING
};

// Valid and transaction time of a read; either may be absent. With neither,
// a statement sees what holds now, as currently recorded.
struct TemporalClause {
  std::optional<ValidTime> valid;
  std::optional<Term> as_of;  // AS OF t: as recorded by the end of t
  bool empty() const { return !valid && !as_of; }
};

struct TriplePattern {
  std::string claim_variable;  // `c` of `?c: s p o`; empty when not bound
  Term subject;                // name, variable, claim id or parameter
  Term predicate;              // name, variable or parameter
  Term object;                 // any term but NOW
  TemporalClause time;         // this pattern's; overrides the query's
  SourcePos pos;
};

enum class Function : uint8_t {
  // Aggregates.
  kCount,
  kSum,
  kMin,
  kMax,
  kAvg,
  // Claim metadata, of a claim variable (`from(?c)`) or claim id.
  kFrom,
  kTo,
  kRecorded,
  kSource,
  kBy,
  kConfidence,
  // Whether the claim certainly holds in its pattern's valid-time window
  // ("certain") or only possibly (with POSSIBLY: "possible").
  kCertainty,
};
// Lower case, as written: "count", "from".
std::string_view FunctionName(Function function);
// The function named `name` (any case), if any.
std::optional<Function> FindFunction(std::string_view name);
bool IsAggregate(Function function);
// Every function name, for suggestions.
std::vector<std::string_view> FunctionNames();

enum class CompareOp : uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };
std::string_view CompareOpText(CompareOp op);  // "=", "!=", ...

// Comparisons between periods (claims' valid times, time spans, `a TO b`),
// after Allen and SQL:2011; see README.md for their meaning.
enum class PeriodOp : uint8_t {
  kOverlaps,
  kContains,
  kDuring,
  kPrecedes,
  kSucceeds,
  kMeets,
  kStarts,
  kFinishes,
  kEquals,
};
Keyword PeriodOpKeyword(PeriodOp op);
std::optional<PeriodOp> PeriodOpOf(Keyword keyword);

struct Expr {
  enum class Kind : uint8_t {
    kTerm,     // term
    kCall,     // function(args[0]), count(*) (star), count(DISTINCT ?x)
    kCompare,  // args[0] compare args[1]
    kPeriod,   // args[0] period args[1]
    kRange,    // args[0] TO args[1]: a period; only an operand of kPeriod
    kAnd,      // args[0] AND args[1] AND ... (two or more)
    kOr,       // args[0] OR args[1] OR ... (two or more)
    kNot,      // NOT args[0]
  };
  Kind kind = Kind::kTerm;
  Term term;
  Function function = Function::kCount;
  bool star = false;
  bool distinct = false;
  CompareOp compare = CompareOp::kEq;
  PeriodOp period = PeriodOp::kOverlaps;
  bool possibly = false;  // kPeriod: `x OVERLAPS y POSSIBLY`
  std::vector<Expr> args;
  SourcePos pos;
};

// One element of a WHERE list or of a { ... } group.
struct WhereElement {
  enum class Kind : uint8_t {
    kPattern,   // pattern
    kFilter,    // FILTER filter
    kNot,       // NOT { group }: no solution of the group may match
    kOptional,  // OPTIONAL { group }: its variables are bound when it matches
  };
  Kind kind = Kind::kPattern;
  TriplePattern pattern;
  Expr filter;
  std::vector<WhereElement> group;
  SourcePos pos;
};

struct OrderKey {
  Expr expr;
  bool descending = false;
};

// FIND [DISTINCT] items WHERE elements [time] [GROUP BY] [ORDER BY] [LIMIT]
// [OFFSET].
struct FindStatement {
  bool distinct = false;
  bool all_variables = false;    // FIND *
  std::vector<Expr> projection;  // variables and function calls, in order
  std::vector<WhereElement> where;
  TemporalClause time;  // the query's, for every pattern without its own
  std::vector<Expr> group_by;
  std::vector<OrderKey> order_by;
  std::optional<Term> limit;   // integer >= 0 or parameter
  std::optional<Term> offset;  // integer >= 0 or parameter
  SourcePos pos;
};

// HISTORY s [p] [DURING a TO b] [AS OF t]: the timeline of s (and p).
struct HistoryStatement {
  Term subject;
  std::optional<Term> predicate;
  TemporalClause time;  // never AT
  SourcePos pos;
};

// CHANGES [s [p]] BETWEEN a AND b [AS OF t]: what began, ended or was
// retracted from the start of a to the end of b (both spans included).
struct ChangesStatement {
  std::optional<Term> subject;
  std::optional<Term> predicate;
  Term from;
  Term to;
  TemporalClause time;  // AS OF only
  SourcePos pos;
};

// DIFF [s [p]] AS OF a AND b: what was recorded or retracted between the end
// of a and the end of b.
struct DiffStatement {
  std::optional<Term> subject;
  std::optional<Term> predicate;
  Term before;
  Term after;
  SourcePos pos;
};

// DISPUTES s [p] [time]: claims on s (and p) that contradict each other.
struct DisputesStatement {
  Term subject;
  std::optional<Term> predicate;
  TemporalClause time;
  SourcePos pos;
};

// PATH a TO b [VIA p, ...] [MAX n] [time] [IN ORDER]: the shortest path.
struct PathStatement {
  Term from;
  Term to;
  std::vector<Term> via;         // predicates a hop may use; empty: any
  std::optional<Term> max_hops;  // integer >= 1 or parameter
  TemporalClause time;           // every hop holds then (AT) or within (DURING)
  bool in_order = false;         // IN ORDER: hop times follow each other
  SourcePos pos;
};

// ASSERT s p o [FROM t] [TO t] [SOURCE x] [BY x] [CONFIDENCE x].
struct AssertStatement {
  Term subject;
  Term predicate;
  Term object;
  std::optional<Term> valid_from;  // a time, NOW or parameter
  std::optional<Term> valid_to;
  std::optional<Term> source;      // quoted text, name or parameter
  std::optional<Term> by;          // name or parameter
  std::optional<Term> confidence;  // a number in [0, 1] or parameter
  SourcePos pos;
};

// RETRACT #c42 [, #c43 ...].
struct RetractStatement {
  std::vector<Term> claims;  // claim ids or parameters
  SourcePos pos;
};

enum class ExplainMode : uint8_t {
  kNone,
  kPlan,     // EXPLAIN: the plan, not run
  kAnalyze,  // EXPLAIN ANALYZE: run, with actual rows per operator
};

struct Statement {
  ExplainMode explain = ExplainMode::kNone;
  std::variant<FindStatement, HistoryStatement, ChangesStatement, DiffStatement,
               DisputesStatement, PathStatement, AssertStatement,
               RetractStatement>
      node;
  SourcePos pos;  // of EXPLAIN, or of the statement's keyword
};

// Statements separated by `;`.
struct Script {
  std::vector<Statement> statements;
};

}  // namespace annals::query

#endif  // ANNALS_QUERY_AST_H_
