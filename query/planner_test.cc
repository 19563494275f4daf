// query/planner.h over datasets/tiny: join_order puts the pattern with the
// fewest estimated rows first, index_choice gives each step the index its
// bound positions (and window) call for, filter_pushdown puts a FILTER after
// the step that binds its variables, distinct_pushdown dedupes, OPTIONAL and
// NOT groups get their steps and chains; each pass can be switched off.
#include "query/planner.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/support/engine_store_test.h"

namespace annals::query {
namespace {

class PlannerTest : public test::TinyQueryTest {
 protected:
  // The plan of `text` with `disabled` passes off.
  Plan PlanOf(const std::string& text,
              const std::set<std::string>& disabled = {}) {
    auto bound = Bind(text);
    EXPECT_TRUE(bound.ok()) << bound.status();
    if (!bound.ok()) return Plan();
    find_ = *std::move(bound);
    PlannerOptions options;
    options.disabled_passes = disabled;
    return PlanFind(find_, store_->counters(), options);
  }

  static std::vector<int> Patterns(const Chain& chain) {
    std::vector<int> out;
    for (const PlanStep& step : chain.steps) out.push_back(step.pattern);
    return out;
  }
  static std::vector<std::string> Indexes(const Chain& chain) {
    std::vector<std::string> out;
    for (const PlanStep& step : chain.steps) {
      out.push_back(step.index.ToString());
    }
    return out;
  }

  BoundFind find_;
};

// president_of has 3 claims; Xi Jinping held talks once.
constexpr char kTalks[] =
    "FIND ?p ?c WHERE ?p president_of ?c, \"Xi Jinping\" held_talks_with ?p";

TEST_F(PlannerTest, JoinOrderPutsTheSmallestEstimateFirst) {
  Plan plan = PlanOf(kTalks);
  ASSERT_EQ(plan.chains.size(), 1u);
  const Chain& chain = plan.chains[0];
  EXPECT_EQ(Patterns(chain), (std::vector<int>{1, 0}));
  ASSERT_EQ(chain.steps.size(), 2u);
  EXPECT_EQ(chain.steps[0].estimate, 1);  // subject and predicate: 1 claim
  EXPECT_EQ(chain.steps[1].estimate, 3);  // ?p bound: at most president_of's
  // Each step probes with what the step before bound: subject and
  // predicate, so spo.
  EXPECT_EQ(Indexes(chain),
            (std::vector<std::string>{"spo prefix 2", "spo prefix 2"}));
}

TEST_F(PlannerTest, WithoutJoinOrderTheQueryOrder) {
  Plan plan = PlanOf(kTalks, {"join_order"});
  const Chain& chain = plan.chains[0];
  EXPECT_EQ(Patterns(chain), (std::vector<int>{0, 1}));
  ASSERT_EQ(chain.steps.size(), 2u);
  EXPECT_EQ(chain.steps[0].estimate, 3);
  EXPECT_EQ(chain.steps[1].estimate, 1);
  // Only the predicate bound, in a window ("now"): the time index; then all
  // three positions bound: the subject's history of the predicate.
  EXPECT_EQ(Indexes(chain),
            (std::vector<std::string>{"time by predicate", "spo prefix 2"}));
}

TEST_F(PlannerTest, IndexChoiceForEachSetOfBoundPositions) {
  struct Case {
    const char* query;
    const char* index;
  };
  for (const Case& c : std::vector<Case>{
           {"FIND ?p ?o WHERE Russia ?p ?o", "time by subject"},
           {"FIND ?o WHERE Russia member_of ?o", "spo prefix 2"},
           {"FIND ?s WHERE ?s member_of \"Shanghai Cooperation "
            "Organisation\"",
            "time by object"},
           {"FIND ?s ?p WHERE ?s ?p China", "time by object"},
           {"FIND ?s WHERE ?s supply_term_years 30", "time by predicate"},
           {"FIND ?p WHERE Russia ?p \"Shanghai Cooperation Organisation\"",
            "spo prefix 1"},
           {"FIND ?s ?p ?o WHERE ?s ?p ?o", "spo prefix 0"},
       }) {
    Plan plan = PlanOf(c.query);
    ASSERT_EQ(plan.chains[0].steps.size(), 1u) << c.query;
    EXPECT_EQ(plan.chains[0].steps[0].index.ToString(), c.index) << c.query;
  }
}

TEST_F(PlannerTest, WithoutIndexChoiceEveryScanIsBySubjectOrFull) {
  Plan plan = PlanOf(kTalks, {"index_choice"});
  EXPECT_EQ(Indexes(plan.chains[0]),
            (std::vector<std::string>{"spo prefix 1", "spo prefix 1"}));
  Plan full = PlanOf("FIND ?s WHERE ?s member_of ?o", {"index_choice"});
  EXPECT_EQ(Indexes(full.chains[0]),
            (std::vector<std::string>{"spo prefix 0"}));
}

constexpr char kFiltered[] =
    "FIND ?p ?c ?o WHERE ?p president_of ?c, ?c member_of ?o "
    "FILTER ?p != \"Vladimir Putin\"";

TEST_F(PlannerTest, FilterPushdownPlacesTheFilterAfterItsVariablesStep) {
  Plan plan = PlanOf(kFiltered, {"join_order"});
  const Chain& chain = plan.chains[0];
  ASSERT_EQ(chain.steps.size(), 2u);
  EXPECT_EQ(chain.steps[0].filters, (std::vector<int>{0}));  // binds ?p
  EXPECT_TRUE(chain.steps[1].filters.empty());
  EXPECT_TRUE(plan.groups[0].filters.empty());
}

TEST_F(PlannerTest, WithoutFilterPushdownTheGroupChecksTheFilter) {
  Plan plan = PlanOf(kFiltered, {"join_order", "filter_pushdown"});
  for (const PlanStep& step : plan.chains[0].steps) {
    EXPECT_TRUE(step.filters.empty());
  }
  EXPECT_EQ(plan.groups[0].filters, (std::vector<int>{0}));
}

TEST_F(PlannerTest, DistinctPushdownDedupesAStepWhoseNewVariablesAreUnread) {
  // The first step binds ?p and ?e; only ?p is read after it.
  const char* query =
      "FIND DISTINCT ?c WHERE ?p attended ?e, ?p president_of ?c";
  Plan plan = PlanOf(query, {"join_order"});
  const std::vector<PlanStep>& steps = plan.chains[0].steps;
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_TRUE(steps[0].dedupe);
  EXPECT_EQ(steps[0].distinct_vars,
            (std::vector<int>{find_.patterns[0].s.var}));
  EXPECT_FALSE(steps[1].dedupe);  // the last step's rows are the answers
  Plan off = PlanOf(query, {"join_order", "distinct_pushdown"});
  for (const PlanStep& step : off.chains[0].steps) {
    EXPECT_FALSE(step.dedupe);
  }
}

TEST_F(PlannerTest, OptionalStepsFollowTheirParentAndNotGroupsGetAChain) {
  Plan plan = PlanOf(
      "FIND ?c ?l WHERE ?c member_of ?o, "
      "OPTIONAL { ?l president_of ?c }, NOT { ?c relations_with_russia ?r }");
  ASSERT_EQ(plan.chains.size(), 2u);
  const Chain& where = plan.chains[0];
  EXPECT_EQ(Patterns(where), (std::vector<int>{0, 1}));
  const int optional = find_.groups[0].children[0];
  const int not_group = find_.groups[0].children[1];
  EXPECT_EQ(where.steps[1].optional_start, optional);
  EXPECT_EQ(where.steps[0].optional_start, -1);
  EXPECT_EQ(plan.chains[1].group, not_group);
  EXPECT_EQ(Patterns(plan.chains[1]), (std::vector<int>{2}));
  EXPECT_EQ(plan.groups[0].not_groups, (std::vector<int>{not_group}));
  EXPECT_EQ(plan.groups[optional].first, 1);
  EXPECT_EQ(plan.groups[optional].end, 2);
}

TEST_F(PlannerTest, ExplainPlanShowsEachStepsIndexAndEstimate) {
  Plan plan = PlanOf(kTalks);
  const std::string text = ExplainPlan(find_, plan);
  EXPECT_TRUE(absl::StrContains(text, "spo prefix 2")) << text;
  EXPECT_TRUE(absl::StrContains(text, "estimate 1 rows")) << text;
  EXPECT_TRUE(absl::StrContains(text, "join scan spo prefix 2")) << text;
  ActualRows actual = {{1, 1}};
  const std::string analyzed = ExplainPlan(find_, plan, &actual);
  EXPECT_NE(analyzed, text);
}

}  // namespace
}  // namespace annals::query
