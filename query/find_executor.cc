// Streaming execution of a planned FIND; see find_executor.h.
#include "query/find_executor.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "engine/term_id.h"
#include "query/diagnostic.h"
#include "query/eval.h"
#include "query/periods.h"
#include "schema/units.h"

namespace annals::query {
namespace {

// A cell as a string that tells values of different kinds apart.
std::string CellKey(const Cell& cell) {
  return absl::StrCat(static_cast<int>(cell.kind), ":",
                      static_cast<int>(cell.value.kind()), ":", cell.ToString(),
                      "\x1f");
}

// A row's cells as one string, for DISTINCT and grouping.
std::string RowKey(const Row& row, size_t n) {
  std::string key;
  for (size_t i = 0; i < n; ++i) absl::StrAppend(&key, CellKey(row[i]));
  return key;
}

int OrderCells(const Cell& a, const Cell& b, const schema::Schema& schema) {
  if (a.kind != b.kind) return a.kind < b.kind ? -1 : 1;
  if (a.kind != Cell::Kind::kValue) return 0;
  return OrderValues(a.value, b.value, schema);
}

// Aggregates and nothing else, without GROUP BY: one group of every row.
bool OnlyAggregates(const BoundFind& find) {
  if (!find.group_by.empty() || find.projection.empty()) return false;
  return std::all_of(find.projection.begin(), find.projection.end(),
                     [](const Projection& p) { return p.aggregate; });
}

// One aggregate's running state.
struct Accumulator {
  int64_t count = 0;
  double sum = 0;   // in `unit` while every quantity is in it
  double base = 0;  // the same sum in the dimension's base unit
  bool all_integer = true;
  std::optional<Value> min, max;
  std::string unit;    // the first quantity's unit
  bool mixed = false;  // quantities in more than one unit (of one dimension)
  absl::flat_hash_set<std::string> seen;  // values met, for DISTINCT
};

}  // namespace

FindExecutor::FindExecutor(engine::Store* store, std::string_view text,
                           BoundFind find, Plan plan,
                           const QueryOptions& options,
                           const engine::Store::ReadView* view)
    : store_(store),
      text_(text),
      find_(std::move(find)),
      plan_(std::move(plan)),
      options_(options),
      snapshot_(view != nullptr ? view->snapshot : store->GetSnapshot()),
      schema_(view != nullptr ? view->schema.schema : store->schema().schema),
      interrupt_(StatementInterrupt(options)) {
  Init();
  bool aggregate = false;
  for (const Projection& p : find_.projection) aggregate |= p.aggregate;
  materialize_ = aggregate || find_.distinct || !find_.order_by.empty();
  // A pattern names a term the store lacks: no solutions, though aggregates
  // alone still give their one row.
  done_ = find_.matches_nothing && !OnlyAggregates(find_);
}

FindExecutor::FindExecutor(const FindExecutor& parent,
                           const engine::Interrupt& interrupt)
    : store_(parent.store_),
      text_(parent.text_),
      find_(parent.find_),
      plan_(parent.plan_),
      options_(parent.options_),
      snapshot_(parent.snapshot_),
      schema_(parent.schema_),
      interrupt_(interrupt) {
  Init();
}

void FindExecutor::Init() {
  walks_.resize(plan_.chains.size());
  ids_.assign(find_.vars.size(), 0);
  bound_.assign(find_.vars.size(), false);
  claims_.resize(find_.vars.size());
  actual_.resize(plan_.chains.size());
  group_matched_.assign(find_.groups.size(), false);
  for (size_t c = 0; c < plan_.chains.size(); ++c) {
    walks_[c].chain = static_cast<int>(c);
    walks_[c].levels.resize(plan_.chains[c].steps.size());
    actual_[c].assign(plan_.chains[c].steps.size(), 0);
  }
}

absl::Status FindExecutor::CheckLimits() { return interrupt_.Tick(); }

absl::Status FindExecutor::TooManyRows() const {
  return absl::ResourceExhaustedError(absl::StrCat(
      "the result has more than ", options_.max_rows,
      " rows (QueryOptions::max_rows); add LIMIT or raise the limit"));
}

void FindExecutor::OpenLevel(Walk* walk, int step_index, int parent) {
  const PlanStep& step = plan_.chains[walk->chain].steps[step_index];
  const BoundPattern& p = find_.patterns[step.pattern];
  engine::IdPattern ids;
  auto value_of = [&](const Slot& slot) -> std::optional<uint64_t> {
    if (slot.bound_constant()) return slot.id;
    if (slot.var >= 0 && bound_[slot.var]) return ids_[slot.var];
    return std::nullopt;
  };
  ids.s = value_of(p.s);
  ids.p = value_of(p.p);
  ids.o = value_of(p.o);
  Level& level = walk->levels[step_index];
  const bool replayed = replaying_ && walk == &walks_[0] && step_index == 0;
  level.replay = replayed ? replay_ : nullptr;
  level.replay_end = replayed ? replay_end_ : nullptr;
  level.scan =
      p.matches_nothing || replayed
          ? nullptr
          : std::make_unique<engine::ClaimScan>(store_, ids, p.view, snapshot_,
                                                step.index, &interrupt_);
  level.newly_bound.clear();
  level.parent = parent;
  level.null_pass = false;
  if (step.optional_start >= 0) group_matched_[step.optional_start] = false;
}

void FindExecutor::Unbind(Level* level) {
  for (int v : level->newly_bound) bound_[v] = false;
  level->newly_bound.clear();
}

bool FindExecutor::Match(const BoundPattern& p, const engine::ClaimRecord& row,
                         std::vector<int>* newly_bound) {
  auto bind = [&](int var, uint64_t id) {
    if (var < 0) return true;
    if (bound_[var]) return ids_[var] == id;
    bound_[var] = true;
    ids_[var] = id;
    newly_bound->push_back(var);
    return true;
  };
  if (!bind(p.s.var, row.s) || !bind(p.p.var, row.p) || !bind(p.o.var, row.o)) {
    return false;
  }
  if (p.claim_var >= 0) {
    if (!bind(p.claim_var, engine::MakeTermId(row.id, ValueKind::kClaim))) {
      return false;
    }
    claims_[p.claim_var] = row;
  }
  return true;
}

std::string FindExecutor::IdsKey(const std::vector<int>& vars) const {
  std::string key;
  for (int v : vars) {
    uint64_t id = bound_[v] ? ids_[v] + 1 : 0;  // 0: unbound
    key.append(reinterpret_cast<const char*>(&id), sizeof(id));
  }
  return key;
}

bool FindExecutor::NextSolution(Walk* walk, absl::Status* status) {
  absl::StatusOr<bool> solution = false;
  if (!walk->started) {
    walk->started = true;
    walk->depth = -1;
    solution = Advance(walk, 0, -1, -1);
  }
  while (solution.ok() && !*solution && walk->depth >= 0) {
    solution = StepOnce(walk);
  }
  if (!solution.ok()) {
    *status = solution.status();
    return false;
  }
  return *solution;
}

absl::StatusOr<bool> FindExecutor::StepOnce(Walk* walk) {
  const int depth = walk->depth;
  Level& level = walk->levels[depth];
  const PlanStep& step = plan_.chains[walk->chain].steps[depth];
  Unbind(&level);
  engine::ClaimRecord row;
  bool read = false;
  if (level.replay != nullptr) {
    read = level.replay != level.replay_end;
    if (read) row = *level.replay++;
  } else if (level.scan != nullptr) {
    read = level.scan->Next(&row);
  }
  if (!read) {
    if (level.scan != nullptr) ANNALS_RETURN_IF_ERROR(level.scan->status());
    const int group = step.optional_start;
    if (group >= 0 && !group_matched_[group] && !level.null_pass) {
      // The OPTIONAL group matched nothing: go on past it once, with its
      // variables unbound.
      level.null_pass = true;
      return Advance(walk, plan_.groups[group].end, depth, group);
    }
    walk->depth = level.parent;
    return false;
  }
  ANNALS_RETURN_IF_ERROR(CheckLimits());
  if (!Match(find_.patterns[step.pattern], row, &level.newly_bound)) {
    return false;
  }
  for (int f : step.filters) {
    ANNALS_ASSIGN_OR_RETURN(bool ok, Test(find_.filters[f]));
    if (!ok) return false;
  }
  if (step.dedupe && !level.passed.insert(IdsKey(step.distinct_vars)).second) {
    return false;
  }
  if (level.replay == nullptr) ++actual_[walk->chain][depth];  // once a row
  if (collect_ != nullptr && depth == 0 && walk == &walks_[0]) {
    // CollectFirstRows: the row is kept, the next steps wait, and the walk
    // stops here as at a solution, to go on at the next call.
    collect_->push_back(row);
    return true;
  }
  return Advance(walk, depth + 1, depth, -1);
}

absl::StatusOr<bool> FindExecutor::Advance(Walk* walk, int next, int from,
                                           int skipped) {
  const Chain& chain = plan_.chains[walk->chain];
  for (int group : chain.completes_at[next]) {  // innermost first
    if (skipped >= 0) {
      if (group == skipped) skipped = -1;  // the groups around it complete
      continue;
    }
    ANNALS_ASSIGN_OR_RETURN(bool ok, Complete(group));
    if (!ok) return false;
    if (find_.groups[group].kind == BoundGroup::Kind::kOptional) {
      group_matched_[group] = true;
    }
  }
  if (next < static_cast<int>(chain.steps.size())) {
    OpenLevel(walk, next, from);
    walk->depth = next;
    return false;
  }
  return true;  // the depth stays at `from`, where the search goes on
}

absl::StatusOr<bool> FindExecutor::Complete(int group) {
  const GroupPlan& gp = plan_.groups[group];
  for (int f : gp.filters) {
    ANNALS_ASSIGN_OR_RETURN(bool ok, Test(find_.filters[f]));
    if (!ok) return false;
  }
  for (int not_group : gp.not_groups) {
    ANNALS_ASSIGN_OR_RETURN(bool exists, Exists(not_group));
    if (exists) return false;
  }
  return true;
}

absl::StatusOr<bool> FindExecutor::Exists(int group) {
  Walk& walk = walks_[plan_.groups[group].chain];
  walk.started = false;
  absl::Status status;
  bool found = NextSolution(&walk, &status);
  for (Level& level : walk.levels) Unbind(&level);
  ANNALS_RETURN_IF_ERROR(status);
  return found;
}

absl::StatusOr<Cell> FindExecutor::Evaluate(const Operand& op) {
  Cell c;
  ANNALS_RETURN_IF_ERROR(EvaluateInto(op, &c));
  return c;
}

absl::Status FindExecutor::Term(uint64_t id, Value* out) {
  return store_->dictionary().LookupInto(id, snapshot_.get(), out);
}

absl::Status FindExecutor::EvaluateInto(const Operand& op, Cell* out,
                                        bool defer_terms) {
  // Values are assigned into `out`, reusing its strings' storage.
  auto value = [&]() -> Value& {
    out->kind = Cell::Kind::kValue;
    out->interval = Interval();
    out->term = 0;
    return out->value;
  };
  // The value of term `id`: a cell reused from the last row that holds it
  // already is left as it is (a row of deferred terms is never read
  // otherwise: DeferTerms lasts to the result's end).
  auto term = [&](uint64_t id) {
    if (out->kind == Cell::Kind::kValue && out->term == id) {
      return absl::OkStatus();
    }
    const ValueKind kind = engine::TermKind(id);
    if (defer_terms &&
        (kind == ValueKind::kEntity || kind == ValueKind::kString)) {
      value() = Value();
      out->term = id;
      return absl::OkStatus();
    }
    absl::Status status = Term(id, &value());
    out->term = status.ok() ? id : 0;
    return status;
  };
  auto null = [&] {
    *out = Cell();
    return absl::OkStatus();
  };
  switch (op.kind) {
    case Operand::Kind::kConst:
      value() = op.value;
      return absl::OkStatus();
    case Operand::Kind::kInterval:
      *out = Cell::Of(op.interval);
      return absl::OkStatus();
    case Operand::Kind::kVar:
      if (!bound_[op.var]) return null();
      return term(ids_[op.var]);
    case Operand::Kind::kClaimFn:
      break;
  }
  if (!bound_[op.var]) return null();
  const engine::ClaimRecord& claim = claims_[op.var];
  auto time = [&](const engine::Endpoint& e) {
    if (e.open()) return null();
    value() = Value::Date(*engine::FromEndpoint(e));
    return absl::OkStatus();
  };
  switch (op.fn) {
    case Function::kFrom:
      return time(claim.from);
    case Function::kTo:
      return time(claim.to);
    case Function::kRecorded:
      value() = Value::Date(
          {claim.recorded, static_cast<Precision>(claim.recorded_precision)});
      return absl::OkStatus();
    case Function::kSource:
    case Function::kBy: {
      uint64_t id = op.fn == Function::kSource ? claim.source : claim.by;
      if (id == 0) return null();
      return term(id);
    }
    case Function::kConfidence: {
      auto d = Value::Decimal(absl::StrCat(claim.confidence));
      value() = d.ok() ? *std::move(d) : Value::Integer(1);
      return absl::OkStatus();
    }
    case Function::kCertainty: {
      // Against the valid-time window of the pattern that bound the claim.
      const std::optional<Window>* window = nullptr;
      for (const BoundPattern& p : find_.patterns) {
        if (p.claim_var == op.var) window = &p.view.valid;
      }
      bool certain = window == nullptr || !window->has_value() ||
                     claim.valid().CertainlyOverlaps(**window);
      value() = Value::String(certain ? "certain" : "possible");
      return absl::OkStatus();
    }
    default:
      return absl::InternalError("aggregate evaluated as a claim function");
  }
}

absl::StatusOr<bool> FindExecutor::Test(const BoundExpr& e) {
  switch (e.kind) {
    case Expr::Kind::kAnd:
      for (const BoundExpr& a : e.args) {
        ANNALS_ASSIGN_OR_RETURN(bool ok, Test(a));
        if (!ok) return false;
      }
      return true;
    case Expr::Kind::kOr:
      for (const BoundExpr& a : e.args) {
        ANNALS_ASSIGN_OR_RETURN(bool ok, Test(a));
        if (ok) return true;
      }
      return false;
    case Expr::Kind::kNot: {
      ANNALS_ASSIGN_OR_RETURN(bool ok, Test(e.args[0]));
      return !ok;
    }
    case Expr::Kind::kCompare: {
      ANNALS_ASSIGN_OR_RETURN(Cell a, Evaluate(e.args[0].operand));
      ANNALS_ASSIGN_OR_RETURN(Cell b, Evaluate(e.args[1].operand));
      if (a.kind != Cell::Kind::kValue || b.kind != Cell::Kind::kValue) {
        return false;
      }
      absl::StatusOr<bool> result =
          CompareValues(a.value, e.compare, b.value, *schema_);
      if (!result.ok()) return ErrorAt(text_, e.pos, result.status());
      return *result;
    }
    case Expr::Kind::kPeriod:
      return TestPeriod(e);
    default: {
      ANNALS_ASSIGN_OR_RETURN(Cell c, Evaluate(e.operand));
      return c.kind == Cell::Kind::kValue &&
             c.value.kind() == ValueKind::kBoolean && c.value.boolean();
    }
  }
}

absl::StatusOr<bool> FindExecutor::TestPeriod(const BoundExpr& e) {
  Period p[2];
  for (int i = 0; i < 2; ++i) {
    const Operand& op = e.args[i].operand;
    if (op.kind == Operand::Kind::kInterval) {
      p[i] = RangePeriod(*op.interval.from, *op.interval.to);
      continue;
    }
    bool var =
        op.kind == Operand::Kind::kVar || op.kind == Operand::Kind::kClaimFn;
    if (var && !bound_[op.var]) return false;  // unbound: no period
    if (op.kind == Operand::Kind::kVar && find_.claim_vars[op.var]) {
      p[i] = ClaimPeriod(claims_[op.var].valid());
      continue;
    }
    ANNALS_ASSIGN_OR_RETURN(Cell c, Evaluate(op));
    if (c.kind != Cell::Kind::kValue) return false;  // an open end: no time
    if (c.value.kind() != ValueKind::kDate) {
      return SyntaxError(
          text_, e.args[i].pos,
          absl::StrCat("a period comparison takes claims, dates or `a TO b` "
                       "periods; found ",
                       c.value.ToString()));
    }
    p[i] = SpanPeriod(c.value.date());
  }
  Certainty holds = ComparePeriods(p[0], e.period, p[1]);
  return e.possibly ? holds != Certainty::kNo : holds == Certainty::kCertain;
}

absl::Status FindExecutor::Project(Row* row, bool defer_terms) {
  // Cells are overwritten in place: a row reused from the last call keeps
  // its strings' storage.
  row->resize(find_.projection.size());
  for (size_t i = 0; i < find_.projection.size(); ++i) {
    const Projection& p = find_.projection[i];
    if (p.star) {  // count(*): filled in by Materialize
      (*row)[i] = Cell();
    } else {
      ANNALS_RETURN_IF_ERROR(
          EvaluateInto(p.expr.operand, &(*row)[i], defer_terms));
    }
  }
  return absl::OkStatus();
}

absl::Status FindExecutor::Materialize() {
  const size_t width = find_.projection.size();
  // An aggregate meets quantity `v`: its units so far and `v`'s must convert.
  auto same_dimension = [&](const Projection& p, Accumulator* acc,
                            const Value& v) -> absl::Status {
    if (acc->unit.empty()) {
      acc->unit = v.unit();
      return absl::OkStatus();
    }
    if (acc->unit == v.unit()) return absl::OkStatus();
    std::string why = schema::UnitMismatch(*schema_, acc->unit, v.unit());
    if (!why.empty()) {
      return SyntaxError(
          text_, p.pos,
          absl::StrCat(p.name, " over units ", acc->unit, " and ", v.unit(),
                       ", which differ (", why, ")"));
    }
    acc->mixed = true;
    return absl::OkStatus();
  };
  bool aggregate = false;
  for (const Projection& p : find_.projection) aggregate |= p.aggregate;
  if (!aggregate) {
    ANNALS_RETURN_IF_ERROR(GatherRows());
    return SortRows();
  }
  absl::Status status;
  Row row;
  // Group rows by their non-aggregate cells; each group keeps one row and an
  // accumulator per aggregate column.
  std::map<std::string, std::pair<Row, std::vector<Accumulator>>> groups;
  // count(*) and nothing else: solutions are counted, not projected.
  bool count_only = OnlyAggregates(find_) && find_.order_by.empty();
  for (const Projection& p : find_.projection)
    count_only &= p.star && !p.distinct;
  int64_t solutions = 0;
  while (NextSolution(&walks_[0], &status)) {
    if (count_only) {
      ++solutions;
      continue;
    }
    ANNALS_RETURN_IF_ERROR(Project(&row));
    for (const BoundFind::Order& o : find_.order_by) {  // sort keys, at the end
      if (o.column >= 0) continue;
      ANNALS_ASSIGN_OR_RETURN(Cell key, Evaluate(o.expr.operand));
      row.push_back(std::move(key));
    }
    // The GROUP BY variables, or else every column that is not an
    // aggregate.
    std::string key;
    for (int v : find_.group_by) {
      absl::StrAppend(&key, bound_[v] ? ids_[v] : 0, "\x1f");
    }
    for (size_t i = 0; i < width && find_.group_by.empty(); ++i) {
      if (!find_.projection[i].aggregate) {
        absl::StrAppend(&key, row[i].ToString(), "\x1f");
      }
    }
    auto [it, added] = groups.try_emplace(key);
    if (added) it->second = {row, std::vector<Accumulator>(width)};
    for (size_t i = 0; i < width; ++i) {
      const Projection& p = find_.projection[i];
      if (!p.aggregate) continue;
      Accumulator& acc = it->second.second[i];
      if (p.star) {
        ++acc.count;
        continue;
      }
      if (row[i].kind != Cell::Kind::kValue) continue;  // nulls don't count
      if (p.distinct && !acc.seen.insert(CellKey(row[i])).second) continue;
      const Value& v = row[i].value;
      ++acc.count;
      if (p.fn == Function::kSum || p.fn == Function::kAvg) {
        if (v.kind() != ValueKind::kInteger &&
            v.kind() != ValueKind::kDecimal &&
            v.kind() != ValueKind::kQuantity) {
          return SyntaxError(
              text_, p.pos,
              absl::StrCat(p.name, " needs numbers; found ", v.ToString()));
        }
        double base = v.number();
        if (v.kind() == ValueKind::kQuantity) {
          ANNALS_RETURN_IF_ERROR(same_dimension(p, &acc, v));
          if (const schema::UnitDef* u = schema_->FindUnit(v.unit())) {
            base *= u->factor;
          }
        }
        acc.sum += v.number();
        acc.base += base;
        acc.all_integer &= v.kind() == ValueKind::kInteger;
      } else if ((p.fn == Function::kMin || p.fn == Function::kMax) &&
                 v.kind() == ValueKind::kQuantity) {
        ANNALS_RETURN_IF_ERROR(same_dimension(p, &acc, v));
      }
      if (!acc.min || OrderValues(v, *acc.min, *schema_) < 0) acc.min = v;
      if (!acc.max || OrderValues(v, *acc.max, *schema_) > 0) acc.max = v;
    }
  }
  ANNALS_RETURN_IF_ERROR(status);
  if (count_only) {
    rows_.emplace_back(width, Cell::Of(Value::Integer(solutions)));
    return absl::OkStatus();
  }
  if (OnlyAggregates(find_) && groups.empty()) {
    // Without GROUP BY there is one group, even of no rows: count(*) is 0,
    // the other aggregates are null.
    groups.try_emplace("", Row(width), std::vector<Accumulator>(width));
  }
  for (auto& [key, group] : groups) {
    Row out = group.first;
    for (size_t i = 0; i < width; ++i) {
      const Projection& p = find_.projection[i];
      if (!p.aggregate) continue;
      const Accumulator& acc = group.second[i];
      // Quantities of one unit add up in it; of several (one dimension), in
      // the dimension's base unit.
      std::string unit = acc.unit;
      if (acc.mixed) {
        const schema::UnitDef* u = schema_->FindUnit(acc.unit);
        const std::string* base =
            u == nullptr ? nullptr : schema_->DimensionBase(u->dimension);
        if (base != nullptr) unit = *base;
      }
      auto number = [&](double x) {
        std::string text = schema::DecimalText(x);
        auto d =
            unit.empty() ? Value::Decimal(text) : Value::Quantity(text, unit);
        return d.ok() ? Cell::Of(*d) : Cell();
      };
      double sum = acc.mixed ? acc.base : acc.sum;
      switch (p.fn) {
        case Function::kCount:
          out[i] = Cell::Of(Value::Integer(acc.count));
          break;
        case Function::kSum:
          out[i] = acc.count == 0 ? Cell()
                   : acc.all_integer && acc.unit.empty()
                       ? Cell::Of(Value::Integer(static_cast<int64_t>(acc.sum)))
                       : number(sum);
          break;
        case Function::kAvg:
          out[i] = acc.count ? number(sum / acc.count) : Cell();
          break;
        case Function::kMin:
          out[i] = acc.min ? Cell::Of(*acc.min) : Cell();
          break;
        case Function::kMax:
          out[i] = acc.max ? Cell::Of(*acc.max) : Cell();
          break;
        default:
          break;
      }
    }
    rows_.push_back(std::move(out));
  }
  return SortRows();
}

absl::Status FindExecutor::SortRows() {
  const size_t width = find_.projection.size();
  if (!find_.order_by.empty()) {
    ANNALS_RETURN_IF_ERROR(engine::InterruptibleSort(
        rows_.begin(), rows_.end(),
        [&](const Row& a, const Row& b) {
          size_t extra = width;
          for (const BoundFind::Order& o : find_.order_by) {
            size_t col =
                o.column >= 0 ? static_cast<size_t>(o.column) : extra++;
            if (col >= a.size() || col >= b.size()) continue;
            int c = OrderCells(a[col], b[col], *schema_);
            if (c != 0) return o.descending ? c > 0 : c < 0;
          }
          return false;
        },
        &interrupt_, /*stable=*/true));
  }
  for (Row& r : rows_) r.resize(width);  // drop the sort keys
  return absl::OkStatus();
}

FindExecutor::Part FindExecutor::GatherPart(
    const std::vector<engine::ClaimRecord>* firsts, size_t begin, size_t end) {
  Part part;
  if (firsts != nullptr) {
    replaying_ = true;
    replay_ = firsts->data() + begin;
    replay_end_ = firsts->data() + end;
  }
  const size_t width = find_.projection.size();
  // DISTINCT over plain variables compares their ids before any value is
  // looked up (duplicates cost a hash probe, not a projection).
  bool by_ids = find_.distinct;
  std::vector<int> projected;
  for (const Projection& p : find_.projection) {
    by_ids &= p.expr.operand.kind == Operand::Kind::kVar;
    projected.push_back(p.expr.operand.var);
  }
  // A row this executor gave in an earlier part is left out: joined in
  // part order, that part's comes first anyway.
  absl::flat_hash_set<std::string>& seen = gathered_keys_;
  Row row;
  walks_[0].started = false;
  while (NextSolution(&walks_[0], &part.status)) {
    std::string key;
    if (by_ids) {
      key = IdsKey(projected);
      if (!seen.insert(key).second) continue;
    }
    part.status = Project(&row);
    for (const BoundFind::Order& o : find_.order_by) {  // sort keys, at the end
      if (!part.status.ok() || o.column >= 0) continue;
      absl::StatusOr<Cell> cell = Evaluate(o.expr.operand);
      part.status = cell.status();
      if (cell.ok()) row.push_back(*std::move(cell));
    }
    if (!part.status.ok()) break;
    if (find_.distinct && !by_ids) {
      key = RowKey(row, width);
      if (!seen.insert(key).second) continue;
    }
    if (static_cast<int64_t>(part.rows.size()) >= options_.max_rows) {
      part.status = TooManyRows();
      break;
    }
    part.rows.emplace_back(std::move(key), std::move(row));
  }
  replaying_ = false;
  replay_ = replay_end_ = nullptr;
  return part;
}

bool FindExecutor::Next(Row* row, absl::Status* status) {
  *status = absl::OkStatus();
  if (done_) return false;
  while (true) {
    if (find_.limit >= 0 && emitted_ >= find_.limit) return false;
    *status = interrupt_.Tick();  // also while gathered rows are handed out
    if (!status->ok()) return false;
    if (materialize_) {
      if (!materialized_) {
        materialized_ = true;
        *status = Materialize();
        if (!status->ok()) return false;
      }
      if (next_row_ >= rows_.size()) return false;
      *row = std::move(rows_[next_row_++]);
    } else {
      if (!NextSolution(&walks_[0], status)) return false;
      *status = Project(row, defer_terms_);
      if (!status->ok()) return false;
    }
    if (skipped_ < find_.offset) {
      ++skipped_;
      continue;
    }
    if (++emitted_ > options_.max_rows) {
      *status = TooManyRows();
      return false;
    }
    return true;
  }
}

}  // namespace annals::query
