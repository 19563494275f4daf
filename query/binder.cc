// Binding a parsed statement to a store; see binder.h.
#include "query/binder.h"

#include <memory>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "engine/dictionary.h"
#include "engine/name_notices.h"
#include "query/diagnostic.h"
#include "query/suggest.h"

namespace annals::query {
namespace {

class Binder {
 public:
  Binder(engine::Store* store, std::string_view text,
         std::vector<std::string>* notices, const engine::Store::ReadView* view)
      : store_(store),
        text_(text),
        schema_(view != nullptr ? view->schema.schema : store->schema().schema),
        notices_(notices) {}

  absl::StatusOr<uint64_t> BindConstant(const Term& t, bool predicate) {
    if (t.kind == Term::Kind::kVariable) {
      return Error(t.pos, "expected a name, not a variable");
    }
    ANNALS_ASSIGN_OR_RETURN(Slot slot, BindPosition(t, predicate));
    return matches_nothing_ ? kNoTerm : *slot.id;
  }

  absl::StatusOr<BoundFind> Bind(const FindStatement& find) {
    BoundFind out;
    ANNALS_ASSIGN_OR_RETURN(TimeView query_view,
                            BindView(text_, find.time, &out.view));
    out.groups.emplace_back();  // WHERE
    ANNALS_RETURN_IF_ERROR(BindElements(find.where, query_view, 0, &out));
    if (out.groups[0].patterns.empty()) {
      return Error(find.pos, "FIND needs at least one pattern in WHERE");
    }
    for (int p : out.groups[0].patterns) {
      out.matches_nothing |= out.patterns[p].matches_nothing;
    }
    if (find.all_variables) {
      for (size_t v = 0; v < vars_.size(); ++v) {
        Projection proj;
        proj.name = "?" + vars_[v];
        proj.expr.operand.kind = Operand::Kind::kVar;
        proj.expr.operand.var = static_cast<int>(v);
        out.projection.push_back(std::move(proj));
      }
    }
    for (const Expr& item : find.projection) {
      ANNALS_ASSIGN_OR_RETURN(Projection proj, BindProjection(item));
      out.projection.push_back(std::move(proj));
    }
    for (const Expr& g : find.group_by) {
      if (g.kind != Expr::Kind::kTerm || g.term.kind != Term::Kind::kVariable) {
        return Error(g.pos, "GROUP BY takes variables");
      }
      ANNALS_ASSIGN_OR_RETURN(int v, UseVar(g.term));
      out.group_by.push_back(v);
    }
    for (const OrderKey& key : find.order_by) {
      BoundFind::Order order;
      order.descending = key.descending;
      const Expr& e = key.expr;
      if (e.kind == Expr::Kind::kCall && IsAggregate(e.function)) {
        ANNALS_ASSIGN_OR_RETURN(Projection p, BindProjection(e));
        for (size_t i = 0; i < out.projection.size(); ++i) {
          if (out.projection[i].name == p.name)
            order.column = static_cast<int>(i);
        }
        if (order.column < 0) {
          return Error(e.pos, absl::StrCat("ORDER BY ", p.name,
                                           " needs it in the FIND list"));
        }
      } else {
        ANNALS_ASSIGN_OR_RETURN(order.expr, BindExpr(e));
      }
      out.order_by.push_back(std::move(order));
    }
    if (find.limit) {
      ANNALS_ASSIGN_OR_RETURN(out.limit, Count(*find.limit, "LIMIT"));
    }
    if (find.offset) {
      ANNALS_ASSIGN_OR_RETURN(out.offset, Count(*find.offset, "OFFSET"));
    }
    out.distinct = find.distinct;
    out.vars = vars_;
    out.claim_vars = claim_vars_;
    return out;
  }

 private:
  // Binds WHERE elements written directly in group `group`.
  absl::Status BindElements(const std::vector<WhereElement>& elements,
                            const TimeView& view, int group, BoundFind* out) {
    for (const WhereElement& e : elements) {
      switch (e.kind) {
        case WhereElement::Kind::kPattern: {
          ANNALS_ASSIGN_OR_RETURN(BoundPattern p, BindPattern(e.pattern, view));
          p.group = group;
          out->groups[group].patterns.push_back(
              static_cast<int>(out->patterns.size()));
          out->patterns.push_back(std::move(p));
          break;
        }
        case WhereElement::Kind::kFilter: {
          ANNALS_ASSIGN_OR_RETURN(BoundExpr f, BindExpr(e.filter));
          out->groups[group].filters.push_back(
              static_cast<int>(out->filters.size()));
          out->filters.push_back(std::move(f));
          break;
        }
        case WhereElement::Kind::kNot:
        case WhereElement::Kind::kOptional:
          ANNALS_RETURN_IF_ERROR(BindGroup(e, view, group, out));
          break;
      }
    }
    return absl::OkStatus();
  }

  // Binds a NOT { } or OPTIONAL { } group written in group `parent`.
  absl::Status BindGroup(const WhereElement& e, const TimeView& view,
                         int parent, BoundFind* out) {
    int g = static_cast<int>(out->groups.size());
    BoundGroup group;
    group.kind = e.kind == WhereElement::Kind::kOptional
                     ? BoundGroup::Kind::kOptional
                     : BoundGroup::Kind::kNot;
    group.parent = parent;
    group.pos = e.pos;
    out->groups.push_back(std::move(group));
    out->groups[parent].children.push_back(g);
    ANNALS_RETURN_IF_ERROR(BindElements(e.group, view, g, out));
    // An OPTIONAL group without a pattern of its own would always match,
    // and its first pattern is where its unmatched pass starts.
    if (out->groups[g].kind == BoundGroup::Kind::kOptional &&
        out->groups[g].patterns.empty()) {
      return Error(e.pos, "OPTIONAL { } needs a pattern of its own");
    }
    return absl::OkStatus();
  }

  absl::Status Error(const SourcePos& pos, std::string_view message) {
    return SyntaxError(text_, pos, message);
  }

  int Var(const std::string& name) {
    auto it = var_slots_.find(name);
    if (it != var_slots_.end()) return it->second;
    int slot = static_cast<int>(vars_.size());
    vars_.push_back(name);
    claim_vars_.push_back(false);
    var_slots_.emplace(name, slot);
    return slot;
  }

  // A variable that must already appear in a pattern.
  absl::StatusOr<int> UseVar(const Term& t) {
    auto it = var_slots_.find(t.name);
    if (it == var_slots_.end()) {
      std::vector<std::string_view> names(vars_.begin(), vars_.end());
      auto hint = NearestName(t.name, names);
      return Error(
          t.pos, absl::StrCat(
                     "variable ?", t.name, " is not bound by any pattern",
                     hint ? absl::StrCat("; did you mean ?", *hint, "?") : ""));
    }
    return it->second;
  }

  absl::StatusOr<Slot> BindPosition(const Term& t, bool predicate) {
    Slot slot;
    switch (t.kind) {
      case Term::Kind::kVariable:
        slot.var = Var(t.name);
        return slot;
      case Term::Kind::kParameter:
        return Error(t.pos,
                     absl::StrCat("parameter $", t.name, " has no value"));
      case Term::Kind::kNow:
        return Error(t.pos, "NOW is a time, not a term of a pattern");
      case Term::Kind::kValue: {
        auto id = store_->dictionary().Find(t.value, nullptr);
        if (absl::IsNotFound(id.status())) {
          matches_nothing_ = true;  // a literal nobody has claimed
          Notice(absl::StrCat("no claim mentions ", t.value.ToString()));
          slot.id = kNoTerm;
          return slot;
        }
        if (!id.ok()) return id.status();
        slot.id = *id;
        return slot;
      }
      case Term::Kind::kName:
        break;
    }
    auto id = store_->dictionary().Find(
        Value::Entity(std::string(predicate ? std::string_view(t.name)
                                            : schema_->Canonical(t.name))),
        nullptr);
    if (id.ok()) {
      slot.id = *id;
      return slot;
    }
    if (!absl::IsNotFound(id.status())) return id.status();
    if (t.quoted && !predicate) {  // maybe a string
      auto sid = store_->dictionary().Find(Value::String(t.name), nullptr);
      if (sid.ok()) {
        slot.id = *sid;
        return slot;
      }
    }
    // A name the store does not have: the pattern matches nothing, and the
    // answer says so (a predicate the schema declares is no surprise).
    matches_nothing_ = true;
    slot.id = kNoTerm;
    if (!(predicate && schema_->FindPredicate(t.name) != nullptr)) {
      Notice(engine::UnknownNameNotice(store_, t.name, predicate));
    }
    return slot;
  }

  void Notice(std::string notice) {
    for (const std::string& n : *notices_) {
      if (n == notice) return;
    }
    notices_->push_back(std::move(notice));
  }

  absl::StatusOr<BoundPattern> BindPattern(const TriplePattern& tp,
                                           const TimeView& query_view) {
    BoundPattern p;
    p.pos = tp.pos;
    const bool before = std::exchange(matches_nothing_, false);
    const schema::PredicateDef* inverse_of =
        tp.predicate.kind == Term::Kind::kName
            ? schema_->FindInverse(tp.predicate.name)
            : nullptr;
    if (inverse_of != nullptr) {
      // An inverse name: `s has_member o` reads the claims `o member_of s`.
      Term predicate = tp.predicate;
      predicate.name = inverse_of->name;
      ANNALS_ASSIGN_OR_RETURN(p.s, BindPosition(tp.object, false));
      ANNALS_ASSIGN_OR_RETURN(p.p, BindPosition(predicate, true));
      ANNALS_ASSIGN_OR_RETURN(p.o, BindPosition(tp.subject, false));
    } else {
      ANNALS_ASSIGN_OR_RETURN(p.s, BindPosition(tp.subject, false));
      ANNALS_ASSIGN_OR_RETURN(p.p, BindPosition(tp.predicate, true));
      ANNALS_ASSIGN_OR_RETURN(p.o, BindPosition(tp.object, false));
    }
    p.matches_nothing = matches_nothing_;
    matches_nothing_ |= before;
    if (!tp.claim_variable.empty()) {
      p.claim_var = Var(tp.claim_variable);
      claim_vars_[p.claim_var] = true;
    }
    p.view = query_view;
    if (!tp.time.empty()) {
      std::string ignored;
      ANNALS_ASSIGN_OR_RETURN(p.view, BindView(text_, tp.time, &ignored));
    }
    return p;
  }

  absl::StatusOr<Operand> BindOperand(const Term& t) {
    Operand op;
    switch (t.kind) {
      case Term::Kind::kVariable: {
        op.kind = Operand::Kind::kVar;
        ANNALS_ASSIGN_OR_RETURN(op.var, UseVar(t));
        return op;
      }
      case Term::Kind::kValue:
        op.value = t.value;
        return op;
      case Term::Kind::kName:
        op.value = t.quoted
                       ? Value::String(t.name)
                       : Value::Entity(std::string(schema_->Canonical(t.name)));
        return op;
      case Term::Kind::kNow:
        op.value = Value::Date(TimePoint::Now());
        return op;
      case Term::Kind::kParameter:
        break;
    }
    return Error(t.pos, absl::StrCat("parameter $", t.name, " has no value"));
  }

  absl::StatusOr<BoundExpr> BindExpr(const Expr& e) {
    BoundExpr b;
    b.kind = e.kind;
    b.pos = e.pos;
    b.compare = e.compare;
    b.period = e.period;
    b.possibly = e.possibly;
    switch (e.kind) {
      case Expr::Kind::kTerm: {
        ANNALS_ASSIGN_OR_RETURN(b.operand, BindOperand(e.term));
        return b;
      }
      case Expr::Kind::kCall: {
        if (IsAggregate(e.function)) {
          return Error(e.pos, "aggregates belong in FIND, not in FILTER");
        }
        if (e.args.size() != 1 || e.args[0].kind != Expr::Kind::kTerm ||
            e.args[0].term.kind != Term::Kind::kVariable) {
          return Error(e.pos, absl::StrCat(AbslView(FunctionName(e.function)),
                                           "() takes a claim variable"));
        }
        ANNALS_ASSIGN_OR_RETURN(int v, UseVar(e.args[0].term));
        if (!claim_vars_[v]) {
          return Error(e.args[0].pos,
                       absl::StrCat("?", e.args[0].term.name,
                                    " is not a claim variable; bind one with "
                                    "`?c: subject predicate object`"));
        }
        b.operand.kind = Operand::Kind::kClaimFn;
        b.operand.var = v;
        b.operand.fn = e.function;
        return b;
      }
      case Expr::Kind::kRange: {
        ANNALS_ASSIGN_OR_RETURN(TimePoint from,
                                BindTime(text_, e.args[0].term));
        ANNALS_ASSIGN_OR_RETURN(TimePoint to, BindTime(text_, e.args[1].term));
        b.operand.kind = Operand::Kind::kInterval;
        b.operand.interval = {from, to};
        return b;
      }
      default:
        for (const Expr& arg : e.args) {
          ANNALS_ASSIGN_OR_RETURN(BoundExpr a, BindExpr(arg));
          if (e.kind == Expr::Kind::kPeriod) {
            ANNALS_RETURN_IF_ERROR(YearAsTime(&a));
          }
          b.args.push_back(std::move(a));
        }
        return b;
    }
  }

  // A bare year where a period comparison expects a time: `?c OVERLAPS
  // 2025` is the year 2025.
  absl::Status YearAsTime(BoundExpr* arg) {
    Operand& op = arg->operand;
    if (arg->kind != Expr::Kind::kTerm || op.kind != Operand::Kind::kConst ||
        op.value.kind() != ValueKind::kInteger) {
      return absl::OkStatus();
    }
    absl::StatusOr<TimePoint> year =
        TimePoint::Parse(absl::StrCat(op.value.integer()));
    if (!year.ok()) return Error(arg->pos, StdView(year.status().message()));
    op.value = Value::Date(*year);
    return absl::OkStatus();
  }

  absl::StatusOr<Projection> BindProjection(const Expr& e) {
    Projection proj;
    proj.pos = e.pos;
    if (e.kind == Expr::Kind::kCall && IsAggregate(e.function)) {
      proj.aggregate = true;
      proj.fn = e.function;
      proj.star = e.star;
      proj.name = absl::StrCat(AbslView(FunctionName(e.function)), "(",
                               e.star ? "*" : "", ")");
      if (!e.star) {
        if (e.args.size() != 1) {
          return Error(e.pos, "an aggregate takes one argument");
        }
        ANNALS_ASSIGN_OR_RETURN(proj.expr, BindExpr(e.args[0]));
        proj.distinct = e.distinct;
        proj.name = absl::StrCat(AbslView(FunctionName(e.function)), "(",
                                 e.distinct ? "DISTINCT " : "",
                                 ExprName(e.args[0]), ")");
      }
      return proj;
    }
    if (e.kind != Expr::Kind::kTerm && e.kind != Expr::Kind::kCall) {
      return Error(e.pos,
                   "FIND lists variables, claim functions and aggregates");
    }
    ANNALS_ASSIGN_OR_RETURN(proj.expr, BindExpr(e));
    proj.name = ExprName(e);
    return proj;
  }

  static std::string ExprName(const Expr& e) {
    if (e.kind == Expr::Kind::kTerm && e.term.kind == Term::Kind::kVariable) {
      return "?" + e.term.name;
    }
    if (e.kind == Expr::Kind::kCall && e.args.size() == 1) {
      return absl::StrCat(AbslView(FunctionName(e.function)), "(",
                          ExprName(e.args[0]), ")");
    }
    return "expr";
  }

  absl::StatusOr<int64_t> Count(const Term& t, std::string_view what) {
    if (t.kind != Term::Kind::kValue || t.value.kind() != ValueKind::kInteger ||
        t.value.integer() < 0) {
      return Error(t.pos, absl::StrCat(AbslView(what), " takes a number >= 0"));
    }
    return t.value.integer();
  }

  engine::Store* store_;
  std::string_view text_;
  // For aliases: a name the schema declares an alias stands for its entity.
  std::shared_ptr<const schema::Schema> schema_;
  std::vector<std::string>* notices_;
  std::vector<std::string> vars_;
  std::vector<bool> claim_vars_;
  absl::flat_hash_map<std::string, int> var_slots_;
  bool matches_nothing_ = false;
};

}  // namespace

absl::StatusOr<TimePoint> BindTime(std::string_view text, const Term& term) {
  if (term.kind == Term::Kind::kNow) return TimePoint::Now();
  if (term.kind == Term::Kind::kValue) {
    if (term.value.kind() == ValueKind::kDate) return term.value.date();
    if (term.value.kind() == ValueKind::kInteger) {  // a bare year
      return TimePoint::FromCivil(term.value.integer(), 1, 1, 0, 0, 0,
                                  Precision::kYear);
    }
  }
  return SyntaxError(text, term.pos,
                     "expected a time (2025, 2025-09, 2025-09-02, "
                     "2025-09-02T10:00:00Z or NOW)");
}

absl::StatusOr<TimeView> BindView(std::string_view text,
                                  const TemporalClause& clause,
                                  std::string* description) {
  TimeView view;
  std::string valid = "valid now";
  int64_t now = TimePoint::Now().seconds;
  if (clause.valid) {
    const ValidTime& vt = *clause.valid;
    ANNALS_ASSIGN_OR_RETURN(TimePoint from, BindTime(text, vt.from));
    bool from_now = vt.from.kind == Term::Kind::kNow;
    if (vt.kind == ValidTime::Kind::kAt) {
      view.valid = from_now ? Window::At(now) : Window::Of(from);
      valid = absl::StrCat("valid at ", from_now ? "now" : from.ToString());
    } else {
      ANNALS_ASSIGN_OR_RETURN(TimePoint to, BindTime(text, vt.to));
      view.valid = Window{from.seconds,
                          vt.to.kind == Term::Kind::kNow ? now : to.seconds};
      valid =
          absl::StrCat("valid during ", from.ToString(), " to ", to.ToString());
    }
    view.certain = !vt.possibly;
    if (vt.possibly) absl::StrAppend(&valid, " (possibly)");
  } else {
    view.valid = Window::At(now);
  }
  std::string recorded = "as currently recorded";
  if (clause.as_of) {
    ANNALS_ASSIGN_OR_RETURN(TimePoint t, BindTime(text, *clause.as_of));
    bool is_now = clause.as_of->kind == Term::Kind::kNow;
    view.as_of = is_now ? now : t.SpanEnd() - 1;
    recorded = absl::StrCat("as recorded by the end of ",
                            is_now ? "now" : t.ToString());
  }
  *description = absl::StrCat(valid, ", ", recorded);
  return view;
}

absl::StatusOr<uint64_t> BindTermId(engine::Store* store, std::string_view text,
                                    const Term& term, bool predicate,
                                    std::vector<std::string>* notices,
                                    const engine::Store::ReadView* view) {
  return Binder(store, text, notices, view).BindConstant(term, predicate);
}

absl::StatusOr<BoundFind> BindFind(engine::Store* store, std::string_view text,
                                   const FindStatement& find,
                                   std::vector<std::string>* notices,
                                   const engine::Store::ReadView* view) {
  return Binder(store, text, notices, view).Bind(find);
}

}  // namespace annals::query
