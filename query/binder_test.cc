// query/binder.h over datasets/tiny: names become dictionary ids (aliases
// and inverse predicates included), unknown names match nothing with a
// notice naming the nearest known one, unknown variables are errors at their
// line and column with the nearest known one as a hint, variables
// become slots, literals no claim mentions match nothing, temporal clauses
// become views (the pattern's over the query's over "now"), and OPTIONAL and
// NOT groups become a tree.
#include "query/binder.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "annals/time.h"
#include "gtest/gtest.h"
#include "tests/support/engine_store_test.h"

namespace annals::query {
namespace {

using BinderTest = test::TinyQueryTest;

int64_t Day(int y, int m, int d) {
  return TimePoint::FromCivil(y, m, d, 0, 0, 0, Precision::kDay).seconds;
}

::testing::AssertionResult FailsWith(const absl::StatusOr<BoundFind>& bound,
                                     const std::string& message) {
  if (bound.ok()) return ::testing::AssertionFailure() << "bound";
  if (!absl::IsInvalidArgument(bound.status()) ||
      !absl::StrContains(bound.status().message(), message)) {
    return ::testing::AssertionFailure() << bound.status();
  }
  return ::testing::AssertionSuccess();
}

TEST_F(BinderTest, NamesBecomeIdsAndVariablesSlots) {
  auto bound = Bind("FIND ?flow WHERE Russia gas_flow_to_china_bcm ?flow");
  ASSERT_TRUE(bound.ok()) << bound.status();
  ASSERT_EQ(bound->patterns.size(), 1u);
  const BoundPattern& p = bound->patterns[0];
  EXPECT_EQ(p.s.id, Id("Russia"));
  EXPECT_EQ(p.p.id, Id("gas_flow_to_china_bcm"));
  EXPECT_FALSE(p.o.bound_constant());
  EXPECT_EQ(p.o.var, 0);
  EXPECT_EQ(p.claim_var, -1);
  EXPECT_FALSE(p.matches_nothing);
  EXPECT_EQ(bound->vars, (std::vector<std::string>{"flow"}));
  ASSERT_EQ(bound->projection.size(), 1u);
  EXPECT_EQ(bound->projection[0].name, "?flow");
}

TEST_F(BinderTest, ASharedVariableIsOneSlotAndClaimVariablesAreMarked) {
  auto bound = Bind(
      "FIND ?leader ?org WHERE ?c: ?leader president_of ?country, "
      "?country member_of ?org");
  ASSERT_TRUE(bound.ok()) << bound.status();
  ASSERT_EQ(bound->patterns.size(), 2u);
  const int country = bound->patterns[0].o.var;
  EXPECT_GE(country, 0);
  EXPECT_EQ(bound->patterns[1].s.var, country);
  EXPECT_EQ(bound->vars[country], "country");
  const int c = bound->patterns[0].claim_var;
  ASSERT_GE(c, 0);
  EXPECT_EQ(bound->vars[c], "c");
  EXPECT_TRUE(bound->claim_vars[c]);
  EXPECT_FALSE(bound->claim_vars[country]);
  EXPECT_EQ(bound->vars.size(), 4u);  // leader, country, org, c
}

TEST_F(BinderTest, AliasesAndInversePredicatesResolve) {
  // `PoS2` is an alias of "Power of Siberia 2".
  auto alias = Bind("FIND ?x WHERE PoS2 crosses ?x");
  ASSERT_TRUE(alias.ok()) << alias.status();
  EXPECT_EQ(alias->patterns[0].s.id, Id("Power of Siberia 2"));
  // `has_member` is the inverse of member_of: the positions swap.
  auto inverse =
      Bind("FIND ?c WHERE \"Shanghai Cooperation Organisation\" has_member ?c");
  ASSERT_TRUE(inverse.ok()) << inverse.status();
  const BoundPattern& p = inverse->patterns[0];
  EXPECT_EQ(p.p.id, Id("member_of"));
  EXPECT_EQ(p.o.id, Id("Shanghai Cooperation Organisation"));
  EXPECT_EQ(p.s.var, 0);
}

TEST_F(BinderTest, UnknownNamesMatchNothingWithANotice) {
  auto bound = Bind("FIND ?x WHERE Gazprom signd ?x");
  ASSERT_TRUE(bound.ok()) << bound.status();
  EXPECT_TRUE(bound->matches_nothing);
  EXPECT_TRUE(bound->patterns[0].matches_nothing);
  EXPECT_EQ(notices_, std::vector<std::string>{
                          "unknown predicate 'signd'; did you mean 'signed'?"});
  bound = Bind("FIND ?x WHERE Gazprm signed ?x");
  ASSERT_TRUE(bound.ok()) << bound.status();
  EXPECT_TRUE(bound->matches_nothing);
  EXPECT_EQ(notices_, std::vector<std::string>{
                          "unknown name 'Gazprm'; did you mean 'Gazprom'?"});
  // Nothing near: no question. The same name twice: one notice.
  bound =
      Bind("FIND ?x WHERE Zzzzzzzzzzzzzzzz signed ?x, Zzzzzzzzzzzzzzzz ?p ?x");
  ASSERT_TRUE(bound.ok()) << bound.status();
  EXPECT_EQ(notices_,
            std::vector<std::string>{"unknown name 'Zzzzzzzzzzzzzzzz'"});
  // An alias is suggested like a name; case alone is a suggestion too.
  bound = Bind("FIND ?x WHERE PoS3 crosses ?x, russia member_of ?x");
  ASSERT_TRUE(bound.ok()) << bound.status();
  EXPECT_EQ(notices_, (std::vector<std::string>{
                          "unknown name 'PoS3'; did you mean 'PoS2'?",
                          "unknown name 'russia'; did you mean 'Russia'?"}));
}

TEST_F(BinderTest, AnUnknownNameInNotOrOptionalMatchesNothingThere) {
  // In NOT or OPTIONAL, only the group matches nothing: NOT of it holds,
  // OPTIONAL of it leaves its variables unbound.
  auto bound = Bind(
      "FIND ?c WHERE ?c member_of ?o NOT { ?c member_of Atlantis } "
      "OPTIONAL { ?c membr_of ?x }");
  ASSERT_TRUE(bound.ok()) << bound.status();
  EXPECT_FALSE(bound->matches_nothing);
  ASSERT_EQ(bound->patterns.size(), 3u);
  EXPECT_FALSE(bound->patterns[0].matches_nothing);
  EXPECT_TRUE(bound->patterns[1].matches_nothing);
  EXPECT_TRUE(bound->patterns[2].matches_nothing);
  EXPECT_EQ(notices_.size(), 2u);
}

TEST_F(BinderTest, UnboundVariablesAreErrorsWithTheNearestVariable) {
  EXPECT_TRUE(FailsWith(
      Bind("FIND ?flw WHERE Russia gas_flow_to_china_bcm ?flow"),
      "variable ?flw is not bound by any pattern; did you mean ?flow?"));
}

TEST_F(BinderTest, ALiteralNoClaimMentionsMatchesNothing) {
  auto bound = Bind("FIND ?s WHERE ?s supply_term_years 31");
  ASSERT_TRUE(bound.ok()) << bound.status();
  EXPECT_TRUE(bound->patterns[0].matches_nothing);
  EXPECT_TRUE(bound->matches_nothing);
  auto known = Bind("FIND ?s WHERE ?s supply_term_years 30");
  ASSERT_TRUE(known.ok()) << known.status();
  EXPECT_FALSE(known->matches_nothing);
  EXPECT_TRUE(known->patterns[0].o.bound_constant());
}

TEST_F(BinderTest, WithoutAClauseThePatternsHoldNow) {
  auto bound = Bind("FIND ?x WHERE Russia member_of ?x");
  ASSERT_TRUE(bound.ok()) << bound.status();
  const TimeView& view = bound->patterns[0].view;
  ASSERT_TRUE(view.valid.has_value());
  const int64_t now = TimePoint::Now().seconds;
  EXPECT_LE(view.valid->begin, now);
  EXPECT_GT(view.valid->end, now - 60);
  EXPECT_FALSE(view.as_of.has_value());
  EXPECT_TRUE(view.certain);
  EXPECT_EQ(bound->view, "valid now, as currently recorded");
}

TEST_F(BinderTest, TheQuerysClauseAndEachPatternsOwn) {
  auto bound = Bind(
      "FIND ?x ?y WHERE Russia member_of ?x AT 2020, ?x has_member ?y "
      "AT 2025-09-02 AS OF 2025-09-03");
  ASSERT_TRUE(bound.ok()) << bound.status();
  ASSERT_EQ(bound->patterns.size(), 2u);
  const TimeView& query = bound->patterns[1].view;
  ASSERT_TRUE(query.valid.has_value());
  EXPECT_EQ(query.valid->begin, Day(2025, 9, 2));
  EXPECT_EQ(query.valid->end, Day(2025, 9, 3));
  ASSERT_TRUE(query.as_of.has_value());
  EXPECT_GE(*query.as_of, Day(2025, 9, 3));
  EXPECT_LT(*query.as_of, Day(2025, 9, 4));
  // The first pattern's own AT 2020 replaces the query's.
  const TimeView& own = bound->patterns[0].view;
  ASSERT_TRUE(own.valid.has_value());
  EXPECT_EQ(own.valid->begin, Day(2020, 1, 1));
  EXPECT_EQ(own.valid->end, Day(2021, 1, 1));
}

TEST_F(BinderTest, BindViewDescribesTheView) {
  std::string description;
  auto now = BindView("", TemporalClause(), &description);
  ASSERT_TRUE(now.ok()) << now.status();
  EXPECT_TRUE(now->valid.has_value());
  EXPECT_EQ(description, "valid now, as currently recorded");
}

TEST_F(BinderTest, OptionalAndNotGroupsBecomeATree) {
  auto bound = Bind(
      "FIND ?country ?leader WHERE ?country member_of ?org, "
      "OPTIONAL { ?leader president_of ?country, "
      "NOT { ?leader held_talks_with ?other } }, "
      "NOT { ?country relations_with_russia ?r }");
  ASSERT_TRUE(bound.ok()) << bound.status();
  const std::vector<BoundGroup>& g = bound->groups;
  ASSERT_EQ(g.size(), 4u);
  EXPECT_EQ(g[0].kind, BoundGroup::Kind::kWhere);
  EXPECT_EQ(g[0].parent, -1);
  ASSERT_EQ(g[0].children.size(), 2u);
  const BoundGroup& optional = g[g[0].children[0]];
  const BoundGroup& outer_not = g[g[0].children[1]];
  EXPECT_EQ(optional.kind, BoundGroup::Kind::kOptional);
  EXPECT_EQ(outer_not.kind, BoundGroup::Kind::kNot);
  ASSERT_EQ(optional.children.size(), 1u);
  const BoundGroup& inner_not = g[optional.children[0]];
  EXPECT_EQ(inner_not.kind, BoundGroup::Kind::kNot);
  EXPECT_EQ(inner_not.parent, g[0].children[0]);
  // Each pattern is in the group written around it.
  EXPECT_EQ(g[0].patterns, (std::vector<int>{0}));
  EXPECT_EQ(optional.patterns, (std::vector<int>{1}));
  EXPECT_EQ(inner_not.patterns, (std::vector<int>{2}));
  EXPECT_EQ(outer_not.patterns, (std::vector<int>{3}));
  for (int i = 0; i < 4; ++i) {
    const int group = bound->patterns[i].group;
    EXPECT_NE(std::find(g[group].patterns.begin(), g[group].patterns.end(), i),
              g[group].patterns.end());
  }
}

TEST_F(BinderTest, AnOptionalGroupNeedsAPatternOfItsOwn) {
  auto bound = Bind(
      "FIND ?x WHERE Russia member_of ?x, OPTIONAL { FILTER ?x != Russia }");
  EXPECT_FALSE(bound.ok());
}

}  // namespace
}  // namespace annals::query
