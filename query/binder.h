// The binder: a parsed FIND (or HISTORY) against one store. Names become
// dictionary ids (a predicate or entity the store lacks matches nothing, with
// a notice naming it and the nearest known name: "unknown name 'Germny'; did
// you mean 'Germany'?"), variables become numbered slots,
// time literals become windows with their precision, and every pattern gets
// the view it reads: its own temporal clause, else the query's, else "holds
// now, as currently recorded". WHERE's OPTIONAL and NOT groups, nested to
// any depth, become a tree of BoundGroups.
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
  int group = 0;  // the group written around it (BoundFind::groups)
  bool matches_nothing = false;  // names a term the store lacks
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
  bool possibly = false;  // kPeriod: possibly holding is enough
  std::vector<BoundExpr> args;
  SourcePos pos;
};

struct Projection {
  std::string name;  // column name: `?x`, `from(?c)`, `count(*)`
  BoundExpr expr;    // an operand or an aggregate call
  SourcePos pos;     // of the item in the FIND list
  bool aggregate = false;
  Function fn = Function::kCount;  // the aggregate
  bool star = false;               // count(*)
  bool distinct = false;           // count(DISTINCT ?x): each value once
};

// A group of WHERE: the list itself, or an OPTIONAL { } or NOT { } group
// written in another group, with what is written directly in it. Plain
// braces are not groups: the parser folds them into the list around them.
struct BoundGroup {
  enum class Kind : uint8_t {
    kWhere,     // the WHERE list: BoundFind::groups[0]
    kOptional,  // its variables are bound when it matches, else left unbound
    kNot,       // no match of it may exist
  };
  Kind kind = Kind::kWhere;
  int parent = -1;            // the group it is written in; -1 for WHERE
  std::vector<int> patterns;  // its own (BoundFind::patterns), query order
  std::vector<int> filters;   // its own FILTERs (BoundFind::filters)
  std::vector<int> children;  // OPTIONAL and NOT groups in it, query order
  SourcePos pos;              // of OPTIONAL or NOT
};

struct BoundFind {
  std::vector<std::string> vars;       // slot -> name (without `?`)
  std::vector<bool> claim_vars;        // slot -> bound by `?c:`
  std::vector<BoundPattern> patterns;  // WHERE patterns, in query order
  std::vector<BoundExpr> filters;      // FILTER expressions, in query order
  std::vector<BoundGroup> groups;      // groups[0] is WHERE; a tree
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
  // A pattern of the WHERE list's own matches nothing: neither does FIND.
  bool matches_nothing = false;
  std::string view;  // "valid now, as currently recorded", ...
};

// No term has this id: a name or literal the store lacks binds to it, and a
// scan of it finds nothing.
inline constexpr uint64_t kNoTerm = 0;

// `text` is the query source, for error messages; unknown names and literals
// add a notice each to `notices`.
// `view` (the statement's, StatementContext::view) gives the schema whose
// aliases and units apply; nullptr: the store's current schema.
absl::StatusOr<BoundFind> BindFind(
    engine::Store* store, std::string_view text, const FindStatement& find,
    std::vector<std::string>* notices,
    const engine::Store::ReadView* view = nullptr);

// The dictionary id of a subject or predicate term given as a name or claim
// id; kNoTerm, with a notice as in FIND, for one the store lacks.
absl::StatusOr<uint64_t> BindTermId(
    engine::Store* store, std::string_view text, const Term& term,
    bool predicate, std::vector<std::string>* notices,
    const engine::Store::ReadView* view = nullptr);

// Resolves a time term (a date literal, year integer or NOW).
absl::StatusOr<TimePoint> BindTime(std::string_view text, const Term& term);

// The view of a temporal clause ("holds now, as currently recorded" when
// empty), and its description for result headers.
absl::StatusOr<TimeView> BindView(std::string_view text,
                                  const TemporalClause& clause,
                                  std::string* description);

}  // namespace annals::query

#endif  // ANNALS_QUERY_BINDER_H_
