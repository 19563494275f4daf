// Join order, index choice and filter pushdown; see planner.h.
#include "query/planner.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "schema/sv.h"

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

// distinct_pushdown: in a DISTINCT query without aggregates, a step that
// binds variables nothing after it reads keeps one row per combination of
// the variables that something after it (or the output) reads: other rows
// would only repeat the answers of the first.
void PushDistinct(const BoundFind& find, Plan* plan) {
  for (const Projection& p : find.projection) {
    if (p.aggregate) return;
  }
  const size_t n = plan->steps.size();
  for (size_t i = 0; i + 1 < n && plan->steps[i].optional_group < 0; ++i) {
    std::vector<int> read;
    auto read_pattern = [&](int pattern) {
      const BoundPattern& p = find.patterns[pattern];
      read.insert(read.end(), {p.s.var, p.p.var, p.o.var, p.claim_var});
    };
    for (const Projection& p : find.projection) Vars(p.expr, &read);
    for (const BoundFind::Order& o : find.order_by) Vars(o.expr, &read);
    for (size_t j = i + 1; j < n; ++j) {
      read_pattern(plan->steps[j].pattern);
      for (int f : plan->steps[j].filters) Vars(find.filters[f], &read);
    }
    for (const NotGroup& g : plan->not_groups) {
      for (int p : g.patterns) read_pattern(p);
      for (int f : g.filters) Vars(find.filters[f], &read);
    }
    for (int f : plan->final_filters) Vars(find.filters[f], &read);
    std::vector<bool> bound(find.vars.size(), false), needed = bound;
    for (int v : read) {
      if (v >= 0) needed[v] = true;
    }
    for (size_t j = 0; j <= i; ++j) {
      Bind(find.patterns[plan->steps[j].pattern], &bound);
    }
    std::vector<int> live;
    bool dropped = false;
    for (size_t v = 0; v < bound.size(); ++v) {
      if (bound[v] && needed[v]) live.push_back(static_cast<int>(v));
      dropped |= bound[v] && !needed[v];
    }
    if (dropped) {
      plan->steps[i].dedupe = true;
      plan->steps[i].distinct_vars = std::move(live);
    }
  }
}

std::string SlotText(const BoundFind& find, const Slot& slot) {
  return slot.var >= 0 ? "?" + find.vars[slot.var] : "const";
}

}  // namespace

Plan PlanFind(const BoundFind& find, const engine::Counters& counters,
              const PlannerOptions& options) {
  auto enabled = [&](const char* pass) {
    return options.disabled_passes.count(pass) == 0;
  };
  Plan plan;
  std::vector<bool> bound(find.vars.size(), false);
  std::vector<bool> used(find.patterns.size(), false);
  size_t main_patterns = 0;
  for (const BoundPattern& p : find.patterns) main_patterns += p.group < 0;
  // join_order: the cheapest next pattern; without it, query order.
  for (size_t n = 0; n < main_patterns; ++n) {
    int best = -1;
    double best_estimate = 0;
    for (size_t i = 0; i < find.patterns.size(); ++i) {
      if (used[i] || find.patterns[i].group >= 0) continue;
      double e = Estimate(find.patterns[i], bound, counters);
      if (best < 0 || (enabled("join_order") && e < best_estimate)) {
        best = static_cast<int>(i);
        best_estimate = e;
      }
    }
    used[best] = true;
    const BoundPattern& p = find.patterns[best];
    // index_choice: the ordering whose key starts with what is bound; without
    // it every scan is by subject (spo) or a full scan.
    engine::IdPattern ids;
    if (IsBound(p.s, bound)) ids.s = 0;
    if (IsBound(p.p, bound)) ids.p = 0;
    if (IsBound(p.o, bound)) ids.o = 0;
    PlanStep step;
    step.pattern = best;
    step.estimate = best_estimate;
    step.index = enabled("index_choice")
                     ? engine::ChooseIndex(ids, p.view)
                     : engine::IndexChoice{engine::Family::kSpo, ids.s ? 1 : 0};
    plan.steps.push_back(step);
    Bind(p, &bound);
  }
  // OPTIONAL groups, each in query order; NOT groups are checked at the end.
  for (size_t g = 0; g < find.groups.size(); ++g) {
    std::vector<int> members;
    for (size_t i = 0; i < find.patterns.size(); ++i) {
      if (find.patterns[i].group == static_cast<int>(g)) {
        members.push_back(static_cast<int>(i));
      }
    }
    if (!find.groups[g].optional) {
      NotGroup not_group;
      not_group.patterns = members;
      for (size_t f = 0; f < find.filters.size(); ++f) {
        if (find.filter_group[f] == static_cast<int>(g)) {
          not_group.filters.push_back(static_cast<int>(f));
        }
      }
      plan.not_groups.push_back(std::move(not_group));
      continue;
    }
    for (size_t k = 0; k < members.size(); ++k) {
      const BoundPattern& p = find.patterns[members[k]];
      engine::IdPattern ids;
      if (IsBound(p.s, bound)) ids.s = 0;
      if (IsBound(p.p, bound)) ids.p = 0;
      if (IsBound(p.o, bound)) ids.o = 0;
      PlanStep step;
      step.pattern = members[k];
      step.estimate = Estimate(p, bound, counters);
      step.index = engine::ChooseIndex(ids, p.view);
      step.optional_group = static_cast<int>(g);
      step.group_first = k == 0;
      step.group_last = k + 1 == members.size();
      plan.steps.push_back(step);
      Bind(p, &bound);
    }
    // The group's own filters decide whether it matched.
    for (size_t f = 0; f < find.filters.size(); ++f) {
      if (find.filter_group[f] == static_cast<int>(g) && !plan.steps.empty()) {
        plan.steps.back().filters.push_back(static_cast<int>(f));
      }
    }
  }
  // filter_pushdown: after the main step binding a filter's last variable;
  // otherwise (or reading OPTIONAL variables) once a solution is complete.
  for (size_t f = 0; f < find.filters.size(); ++f) {
    if (find.filter_group[f] >= 0) continue;  // placed with their group
    int at = -1;
    if (enabled("filter_pushdown")) {
      std::vector<int> vars;
      Vars(find.filters[f], &vars);
      std::vector<bool> seen(find.vars.size(), false);
      for (size_t s = 0; s < main_patterns; ++s) {
        Bind(find.patterns[plan.steps[s].pattern], &seen);
        if (std::all_of(vars.begin(), vars.end(),
                        [&](int v) { return seen[v]; })) {
          at = static_cast<int>(s);
          break;
        }
      }
    }
    if (at >= 0) {
      plan.steps[at].filters.push_back(static_cast<int>(f));
    } else {
      plan.final_filters.push_back(static_cast<int>(f));
    }
  }
  if (find.distinct && enabled("distinct_pushdown")) PushDistinct(find, &plan);
  return plan;
}

std::string ExplainPlan(const BoundFind& find, const Plan& plan,
                        const std::vector<int64_t>* actual_rows) {
  std::string out;
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep& step = plan.steps[i];
    const BoundPattern& p = find.patterns[step.pattern];
    absl::StrAppend(&out, i == 0 ? "scan " : "join scan ",
                    step.index.ToString(), " for ", SlotText(find, p.s), " ",
                    SlotText(find, p.p), " ", SlotText(find, p.o),
                    absl::StrFormat(" (pattern %d, estimate %g rows",
                                    step.pattern + 1, step.estimate));
    if (actual_rows != nullptr) {
      absl::StrAppend(&out, ", actual ", (*actual_rows)[i]);
    }
    absl::StrAppend(&out, ")");
    for (int f : step.filters) absl::StrAppend(&out, " + filter ", f + 1);
    if (step.dedupe) {
      absl::StrAppend(&out, " + distinct");
      for (int v : step.distinct_vars)
        absl::StrAppend(&out, " ?", find.vars[v]);
    }
    if (step.optional_group >= 0) absl::StrAppend(&out, " [optional]");
    absl::StrAppend(&out, "\n");
  }
  for (const NotGroup& g : plan.not_groups) {
    absl::StrAppend(&out, "then no match of NOT { patterns");
    for (int p : g.patterns) absl::StrAppend(&out, " ", p + 1);
    absl::StrAppend(&out, " }\n");
  }
  for (int f : plan.final_filters) {
    absl::StrAppend(&out, "then filter ", f + 1, "\n");
  }
  return out;
}

}  // namespace annals::query
