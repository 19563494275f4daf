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
  // join_order: the cheapest next pattern; without it, query order.
  for (size_t n = 0; n < find.patterns.size(); ++n) {
    int best = -1;
    double best_estimate = 0;
    for (size_t i = 0; i < find.patterns.size(); ++i) {
      if (used[i]) continue;
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
                     ? engine::ChooseIndex(ids)
                     : engine::IndexChoice{engine::Family::kSpo, ids.s ? 1 : 0};
    plan.steps.push_back(step);
    Bind(p, &bound);
  }
  // filter_pushdown: after the step binding a filter's last variable.
  for (size_t f = 0; f < find.filters.size(); ++f) {
    size_t at = plan.steps.size() - 1;
    if (enabled("filter_pushdown")) {
      std::vector<int> vars;
      Vars(find.filters[f], &vars);
      std::vector<bool> seen(find.vars.size(), false);
      for (size_t s = 0; s < plan.steps.size(); ++s) {
        Bind(find.patterns[plan.steps[s].pattern], &seen);
        if (std::all_of(vars.begin(), vars.end(),
                        [&](int v) { return seen[v]; })) {
          at = s;
          break;
        }
      }
    }
    plan.steps[at].filters.push_back(static_cast<int>(f));
  }
  return plan;
}

std::string ExplainPlan(const BoundFind& find, const Plan& plan,
                        const std::vector<int64_t>* actual_rows) {
  std::string out;
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep& step = plan.steps[i];
    const BoundPattern& p = find.patterns[step.pattern];
    absl::StrAppend(&out, i == 0 ? "scan " : "join scan ",
                    engine::FamilyName(step.index.family), " prefix ",
                    step.index.bound_prefix, " for ", SlotText(find, p.s), " ",
                    SlotText(find, p.p), " ", SlotText(find, p.o),
                    absl::StrFormat(" (pattern %d, estimate %g rows",
                                    step.pattern + 1, step.estimate));
    if (actual_rows != nullptr) {
      absl::StrAppend(&out, ", actual ", (*actual_rows)[i]);
    }
    absl::StrAppend(&out, ")");
    for (int f : step.filters) absl::StrAppend(&out, " + filter ", f + 1);
    absl::StrAppend(&out, "\n");
  }
  return out;
}

}  // namespace annals::query
