// The binder: a parsed FIND (or HISTORY) against one store. Names become
// dictionary ids (an unknown predicate or entity is an error pointing at it,
// with the nearest known name as a hint), variables become numbered slots,
// time literals become windows with their precision, and every pattern gets
// the view it reads: its own temporal clause, else the query's, else "holds
// now, as currently recorded".
#ifndef ANNALS_QUERY_BINDER_H_
#define ANNALS_QUERY_BINDER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "annals/claim.h"
#include "engine/store.h"
#include "query/ast.h"

namespace annals::query {

// One position of a pattern: a constant term id or a variable slot.
struct Slot {
  std::optional<uint64_t> id;  // constant
  int var = -1;                // variable slot, when not constant
  bool bound_constant() const { return id.has_value(); }
};

struct BoundPattern {
  Slot s, p, o;
  int claim_var = -1;  // `?c:` slot, or -1
  TimeView view;
  int group = -1;  // the NOT/OPTIONAL group it is in, or -1
  SourcePos pos;
};

// A value an expression works with.
struct Operand {
  enum class Kind : uint8_t {
    kVar,       // a variable's term
    kConst,     // a literal or name
    kClaimFn,   // from/to/recorded/source/by/confidence of a claim variable
    kInterval,  // a period literal (`2025 TO 2026`) for period comparisons
  };
  Kind kind = Kind::kConst;
  int var = -1;
  Value value;
  Function fn = Function::kFrom;
  Interval interval;
};

struct BoundExpr {
  Expr::Kind kind = Expr::Kind::kTerm;
  Operand operand;  // kTerm, kCall (claim functions)
  CompareOp compare = CompareOp::kEq;
  PeriodOp period = PeriodOp::kOverlaps;
  std::vector<BoundExpr> args;
  SourcePos pos;
};

struct Projection {
  std::string name;  // column name: `?x`, `from(?c)`, `count(*)`
  BoundExpr expr;    // an operand or an aggregate call
  bool aggregate = false;
  Function fn = Function::kCount;  // the aggregate
  bool star = false;               // count(*)
  bool distinct = false;           // count(DISTINCT ?x): each value once
};

struct BoundFind {
  std::vector<std::string> vars;       // slot -> name (without `?`)
  std::vector<bool> claim_vars;        // slot -> bound by `?c:`
  std::vector<BoundPattern> patterns;  // WHERE patterns, in query order
  std::vector<BoundExpr> filters;      // FILTER expressions
  std::vector<int> filter_group;       // by filter: its group, or -1
  struct Group {
    bool optional = false;  // OPTIONAL { }, else NOT { }
    SourcePos pos;
  };
  std::vector<Group> groups;
  std::vector<Projection> projection;
  std::vector<int> group_by;  // variable slots
  struct Order {
    BoundExpr expr;   // evaluated on each solution, or
    int column = -1;  // an aggregate's column of the output
    bool descending = false;
  };
  std::vector<Order> order_by;
  bool distinct = false;
  int64_t limit = -1;
  int64_t offset = 0;
  bool matches_nothing = false;  // a pattern names a term the store lacks
  std::string view;              // "valid now, as currently recorded", ...
};

// `text` is the query source, for error messages.
absl::StatusOr<BoundFind> BindFind(engine::Store* store, std::string_view text,
                                   const FindStatement& find);

// The dictionary id of a subject or predicate term given as a name or claim
// id (errors as in FIND: unknown names with the nearest known one).
absl::StatusOr<uint64_t> BindTermId(engine::Store* store, std::string_view text,
                                    const Term& term, bool predicate);

// Resolves a time term (a date literal, year integer or NOW).
absl::StatusOr<TimePoint> BindTime(std::string_view text, const Term& term);

// The view of a temporal clause ("holds now, as currently recorded" when
// empty), and its description for result headers.
absl::StatusOr<TimeView> BindView(std::string_view text,
                                  const TemporalClause& clause,
                                  std::string* description);

}  // namespace annals::query

#endif  // ANNALS_QUERY_BINDER_H_
