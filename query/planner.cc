// Chains of steps, join order, index choice, filter and distinct pushdown,
// and EXPLAIN's text; see planner.h.
#include "query/planner.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/absl_view.h"

namespace annals::query {
namespace {

bool IsBound(const Slot& slot, const std::vector<bool>& bound) {
  return slot.bound_constant() || (slot.var >= 0 && bound[slot.var]);
}

// Rows one probe of `p` is expected to return, from its bound positions and
// the claim counts the store keeps per predicate.
double Estimate(const BoundPattern& p, const std::vector<bool>& bound,
                const engine::Counters& counters) {
  bool s = IsBound(p.s, bound), pr = IsBound(p.p, bound),
       o = IsBound(p.o, bound);
  double total = std::max<int64_t>(counters.claim_count, 1);
  double per_predicate = total;
  if (p.p.bound_constant()) {
    auto it = counters.predicate_counts.find(*p.p.id);
    per_predicate = it == counters.predicate_counts.end() ? 0 : it->second;
  } else if (!counters.predicate_counts.empty()) {
    per_predicate = total / counters.predicate_counts.size();
  }
  if (s && pr && o) return 1;
  if (s && o) return 2;
  if (s && pr) return std::min(per_predicate, 5.0);
  if (s) return 20;
  if (pr && o)
    return std::min(per_predicate, std::max(1.0, per_predicate / 100));
  if (o) return 20;
  if (pr) return per_predicate;
  return total;
}

void Bind(const BoundPattern& p, std::vector<bool>* bound) {
  for (const Slot* slot : {&p.s, &p.p, &p.o}) {
    if (slot->var >= 0) (*bound)[slot->var] = true;
  }
  if (p.claim_var >= 0) (*bound)[p.claim_var] = true;
}

void Vars(const BoundExpr& e, std::vector<int>* out) {
  if (e.operand.var >= 0) out->push_back(e.operand.var);
  for (const BoundExpr& a : e.args) Vars(a, out);
}

void PatternVars(const BoundPattern& p, std::vector<int>* out) {
  out->insert(out->end(), {p.s.var, p.p.var, p.o.var, p.claim_var});
}

class Planner {
 public:
  Planner(const BoundFind& find, const engine::Counters& counters,
          const PlannerOptions& options)
      : find_(find), counters_(counters), options_(options) {}

  Plan Run() && {
    plan_.groups.resize(find_.groups.size());
    std::vector<bool> none(find_.vars.size(), false);
    PlanChain(0, none, none);
    if (find_.distinct && Enabled("distinct_pushdown")) PushDistinct();
    return std::move(plan_);
  }

 private:
  bool Enabled(const char* pass) const {
    return options_.disabled_passes.count(pass) == 0;
  }

  // A chain for group `g` (the WHERE list or a NOT group), given the
  // variables certainly and maybe bound where it runs.
  void PlanChain(int g, const std::vector<bool>& certain,
                 std::vector<bool> bound) {
    int c = static_cast<int>(plan_.chains.size());
    plan_.chains.emplace_back();
    plan_.chains[c].group = g;
    std::vector<std::pair<int, int>> completions;  // (end, group), inner first
    PlanGroup(g, c, certain, &bound, &completions);
    Chain& chain = plan_.chains[c];
    chain.completes_at.resize(chain.steps.size() + 1);
    for (auto [end, group] : completions) {
      chain.completes_at[end].push_back(group);
    }
  }

  // Appends group `g`'s steps to chain `c`: its own patterns, then its
  // OPTIONAL groups'; plans its NOT groups as chains of their own.
  // `certain`: the variables bound for certain before it; `bound`: also
  // those an OPTIONAL group before it may have bound.
  void PlanGroup(int g, int c, std::vector<bool> certain,
                 std::vector<bool>* bound,
                 std::vector<std::pair<int, int>>* completions) {
    GroupPlan& gp = plan_.groups[g];
    gp.chain = c;
    gp.first = StepCount(c);
    std::vector<bool> before = certain;
    PlanOwnPatterns(g, c, &certain, bound);
    gp.own_end = StepCount(c);
    PlaceFilters(g, before);
    for (int child : find_.groups[g].children) {
      if (find_.groups[child].kind == BoundGroup::Kind::kOptional) {
        PlanGroup(child, c, certain, bound, completions);
      }
    }
    gp.end = StepCount(c);
    for (int child : find_.groups[g].children) {
      if (find_.groups[child].kind == BoundGroup::Kind::kNot) {
        gp.not_groups.push_back(child);
        PlanChain(child, certain, *bound);
      }
    }
    completions->emplace_back(gp.end, g);
  }

  int StepCount(int c) const {
    return static_cast<int>(plan_.chains[c].steps.size());
  }

  // join_order and index_choice over the group's own patterns.
  void PlanOwnPatterns(int g, int c, std::vector<bool>* certain,
                       std::vector<bool>* bound) {
    std::vector<int> left = find_.groups[g].patterns;
    bool first = true;
    while (!left.empty()) {
      size_t best = 0;
      double best_estimate =
          Estimate(find_.patterns[left[0]], *bound, counters_);
      for (size_t i = 1; i < left.size() && Enabled("join_order"); ++i) {
        double e = Estimate(find_.patterns[left[i]], *bound, counters_);
        if (e < best_estimate) {
          best = i;
          best_estimate = e;
        }
      }
      const BoundPattern& p = find_.patterns[left[best]];
      engine::IdPattern ids;
      // A constant's id (its kind decides whether time by object holds
      // it); 0 for a variable bound by an earlier step.
      if (IsBound(p.s, *bound)) ids.s = p.s.id.value_or(0);
      if (IsBound(p.p, *bound)) ids.p = p.p.id.value_or(0);
      if (IsBound(p.o, *bound)) ids.o = p.o.id.value_or(0);
      PlanStep step;
      step.pattern = left[best];
      step.estimate = best_estimate;
      // Without index_choice every scan is by subject (spo) or a full scan.
      step.index =
          Enabled("index_choice")
              ? engine::ChooseIndex(ids, p.view)
              : engine::IndexChoice{engine::Family::kSpo, ids.s ? 1 : 0};
      if (first && find_.groups[g].kind == BoundGroup::Kind::kOptional) {
        step.optional_start = g;
      }
      first = false;
      plan_.chains[c].steps.push_back(std::move(step));
      Bind(p, certain);
      Bind(p, bound);
      left.erase(left.begin() + static_cast<std::ptrdiff_t>(best));
    }
  }

  // filter_pushdown: a FILTER of group `g` goes right after the group's own
  // step that binds its last variable for certain (`before`: what is
  // certain before the group); otherwise, or without the pass, it is
  // checked once the group's solution is complete.
  void PlaceFilters(int g, std::vector<bool> before) {
    GroupPlan& gp = plan_.groups[g];
    Chain& chain = plan_.chains[gp.chain];
    std::vector<int> left = find_.groups[g].filters;
    if (Enabled("filter_pushdown")) {
      for (int s = gp.first; s < gp.own_end; ++s) {
        Bind(find_.patterns[chain.steps[s].pattern], &before);
        std::vector<int> still;
        for (int f : left) {
          std::vector<int> vars;
          Vars(find_.filters[f], &vars);
          if (std::all_of(vars.begin(), vars.end(),
                          [&](int v) { return before[v]; })) {
            chain.steps[s].filters.push_back(f);
          } else {
            still.push_back(f);
          }
        }
        left = std::move(still);
      }
    }
    gp.filters = std::move(left);
  }

  // distinct_pushdown: in a DISTINCT query without aggregates, a step of
  // the WHERE list's own patterns that binds variables nothing after it
  // reads keeps one row per combination of the variables that something
  // after it (or the output) reads: other rows would only repeat the
  // answers of the first. Steps inside OPTIONAL groups keep every row: a
  // row dropped there could leave its group unmatched for another parent
  // row.
  void PushDistinct() {
    for (const Projection& p : find_.projection) {
      if (p.aggregate) return;
    }
    Chain& main = plan_.chains[0];
    const int n = static_cast<int>(main.steps.size());
    for (int i = 0; i + 1 < n && i < plan_.groups[0].own_end; ++i) {
      std::vector<bool> needed = ReadAfter(i);
      std::vector<bool> bound(find_.vars.size(), false);
      for (int j = 0; j <= i; ++j) {
        Bind(find_.patterns[main.steps[j].pattern], &bound);
      }
      std::vector<int> live;
      bool dropped = false;
      for (size_t v = 0; v < bound.size(); ++v) {
        if (bound[v] && needed[v]) live.push_back(static_cast<int>(v));
        dropped |= bound[v] && !needed[v];
      }
      if (dropped) {
        main.steps[i].dedupe = true;
        main.steps[i].distinct_vars = std::move(live);
      }
    }
  }

  // By variable: read after step `i` of the main chain, by a later step or
  // its filters, by any NOT chain, by a group's checks or by the output.
  std::vector<bool> ReadAfter(int i) const {
    std::vector<int> read;
    for (const Projection& p : find_.projection) Vars(p.expr, &read);
    for (const BoundFind::Order& o : find_.order_by) Vars(o.expr, &read);
    read.insert(read.end(), find_.group_by.begin(), find_.group_by.end());
    for (size_t c = 0; c < plan_.chains.size(); ++c) {
      const std::vector<PlanStep>& steps = plan_.chains[c].steps;
      for (size_t j = c == 0 ? i + 1 : 0; j < steps.size(); ++j) {
        PatternVars(find_.patterns[steps[j].pattern], &read);
        for (int f : steps[j].filters) Vars(find_.filters[f], &read);
      }
    }
    for (const GroupPlan& gp : plan_.groups) {
      for (int f : gp.filters) Vars(find_.filters[f], &read);
    }
    std::vector<bool> needed(find_.vars.size(), false);
    for (int v : read) {
      if (v >= 0) needed[v] = true;
    }
    return needed;
  }

  const BoundFind& find_;
  const engine::Counters& counters_;
  const PlannerOptions& options_;
  Plan plan_;
};

std::string SlotText(const BoundFind& find, const Slot& slot) {
  return slot.var >= 0 ? "?" + find.vars[slot.var] : "const";
}

// EXPLAIN's text, one group at a time, nested groups indented.
class Explainer {
 public:
  Explainer(const BoundFind& find, const Plan& plan, const ActualRows* actual)
      : find_(find), plan_(plan), actual_(actual) {}

  std::string Run() && {
    Group(0, 0);
    return std::move(out_);
  }

 private:
  void Group(int g, int depth) {
    const GroupPlan& gp = plan_.groups[g];
    for (int s = gp.first; s < gp.own_end; ++s) Step(gp.chain, s, depth);
    for (int child : find_.groups[g].children) {
      if (find_.groups[child].kind == BoundGroup::Kind::kOptional) {
        Block(depth, "OPTIONAL {", child);
      }
    }
    for (int f : gp.filters) Line(depth, absl::StrCat("then filter ", f + 1));
    for (int n : gp.not_groups) Block(depth, "then no match of NOT {", n);
  }

  void Block(int depth, std::string_view opening, int g) {
    Line(depth, opening);
    Group(g, depth + 1);
    Line(depth, "}");
  }

  void Step(int c, int s, int depth) {
    const PlanStep& step = plan_.chains[c].steps[s];
    const BoundPattern& p = find_.patterns[step.pattern];
    std::string line =
        absl::StrCat(c == 0 && s == 0 ? "scan " : "join scan ",
                     step.index.ToString(), " for ", SlotText(find_, p.s), " ",
                     SlotText(find_, p.p), " ", SlotText(find_, p.o),
                     absl::StrFormat(" (pattern %d, estimate %g rows",
                                     step.pattern + 1, step.estimate));
    if (actual_ != nullptr) {
      absl::StrAppend(&line, ", actual ", (*actual_)[c][s]);
    }
    absl::StrAppend(&line, ")");
    for (int f : step.filters) absl::StrAppend(&line, " + filter ", f + 1);
    if (step.dedupe) {
      absl::StrAppend(&line, " + distinct");
      for (int v : step.distinct_vars) {
        absl::StrAppend(&line, " ?", find_.vars[v]);
      }
    }
    Line(depth, line);
  }

  void Line(int depth, std::string_view text) {
    absl::StrAppend(&out_, std::string(2 * depth, ' '), AbslView(text), "\n");
  }

  const BoundFind& find_;
  const Plan& plan_;
  const ActualRows* actual_;
  std::string out_;
};

}  // namespace

Plan PlanFind(const BoundFind& find, const engine::Counters& counters,
              const PlannerOptions& options) {
  return Planner(find, counters, options).Run();
}

std::string ExplainPlan(const BoundFind& find, const Plan& plan,
                        const ActualRows* actual_rows) {
  return Explainer(find, plan, actual_rows).Run();
}

}  // namespace annals::query
