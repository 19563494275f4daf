// The supersession rule on its own: a table of groups and new claims, and a
// property check that any arrival order of one source's claims ends in the
// same step function.
#include "engine/supersession.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace annals::engine {
namespace {

Endpoint At(std::string_view text) {
  if (text.empty()) return {};
  TimePoint t = *TimePoint::Parse(text);
  return {t.seconds, static_cast<uint8_t>(t.precision)};
}

ClaimRecord Claim(uint64_t id, uint64_t value, std::string_view from,
                  std::string_view to = "") {
  ClaimRecord r;
  r.id = id;
  r.s = 1;
  r.p = 2;
  r.o = value;
  r.from = At(from);
  r.to = At(to);
  return r;
}

std::string End(const ClaimRecord& r) {
  return r.to.open() ? "open" : FromEndpoint(r.to)->ToString();
}

struct Case {
  const char* name;
  std::vector<ClaimRecord> group;
  ClaimRecord added;
  std::string added_end;  // after Supersede
  std::vector<size_t> replaced, closed;
  std::optional<size_t> duplicate, closed_by;
};

TEST(SupersedeTest, Table) {
  std::vector<Case> cases = {
      {"in order: closes the open claim",
       {Claim(1, 10, "2010")},
       Claim(0, 11, "2020"),
       "open",
       {},
       {0},
       {},
       {}},
      {"later claim first: the new one ends where it starts",
       {Claim(1, 10, "2020")},
       Claim(0, 11, "2010"),
       "2020",
       {},
       {},
       {},
       0},
      {"an explicit end past a later start is cut too",
       {Claim(1, 10, "2020")},
       Claim(0, 11, "2010", "2025"),
       "2020",
       {},
       {},
       {},
       0},
      {"an explicit end before the later start stays",
       {Claim(1, 10, "2020")},
       Claim(0, 11, "2010", "2015"),
       "2015",
       {},
       {},
       {},
       {}},
      {"same start: replaced",
       {Claim(1, 10, "2020-03-01")},
       Claim(0, 11, "2020-03-01"),
       "open",
       {0},
       {},
       {},
       {}},
      {"same first instant, other precision: replaced",
       {Claim(1, 10, "2020")},
       Claim(0, 11, "2020-01-01"),
       "open",
       {0},
       {},
       {},
       {}},
      {"a day inside a year-precision start closes it",
       {Claim(1, 10, "2019")},
       Claim(0, 11, "2019-06-01"),
       "open",
       {},
       {0},
       {},
       {}},
      {"same value: nothing happens",
       {Claim(1, 10, "2010")},
       Claim(0, 10, "2015"),
       "open",
       {},
       {},
       {},
       {}},
      {"an equal claim is a duplicate",
       {Claim(1, 10, "2010", "2020")},
       Claim(0, 10, "2010", "2020"),
       "2020",
       {},
       {},
       0,
       {}},
      {"a closed claim containing the start is closed again",
       {Claim(1, 10, "2010", "2020"), Claim(2, 12, "2020")},
       Claim(0, 11, "2015"),
       "2020",
       {},
       {0},
       {},
       1},
      {"a claim ending at the start is untouched",
       {Claim(1, 10, "2010", "2020")},
       Claim(0, 11, "2020"),
       "open",
       {},
       {},
       {},
       {}},
      {"an open start is before every start",
       {Claim(1, 10, "")},
       Claim(0, 11, "1990"),
       "open",
       {},
       {0},
       {},
       {}},
      {"two open starts are the same start",
       {Claim(1, 10, "")},
       Claim(0, 11, ""),
       "open",
       {0},
       {},
       {},
       {}},
      {"negative years order as years",
       {Claim(1, 10, "-500")},
       Claim(0, 11, "-431"),
       "open",
       {},
       {0},
       {},
       {}},
  };
  for (Case& c : cases) {
    SCOPED_TRACE(c.name);
    SupersedeEffects e = Supersede(c.group, &c.added);
    EXPECT_EQ(End(c.added), c.added_end);
    EXPECT_EQ(e.replaced, c.replaced);
    EXPECT_EQ(e.closed, c.closed);
    EXPECT_EQ(e.duplicate, c.duplicate);
    EXPECT_EQ(e.closed_by, c.closed_by);
  }
}

TEST(SupersedeTest, ClosedCopyEndsAtTheCloserStartAsWritten) {
  ClaimRecord old = Claim(7, 10, "2019");
  old.confidence = 0.5;
  old.source = 3;
  old.retracted = 99;
  ClaimRecord copy = ClosedCopy(old, Claim(8, 11, "2019-06"), 1234);
  EXPECT_EQ(copy.id, 0u);
  EXPECT_EQ(copy.valid().ToString(), "[2019, 2019-06)");
  EXPECT_EQ(copy.recorded, 1234);
  EXPECT_FALSE(copy.is_retracted());
  EXPECT_EQ(copy.source, 3u);
  EXPECT_EQ(copy.confidence, 0.5);
}

// Applies Supersede as a store would: the group is the live claims; closed
// members are replaced by closed copies, replaced members dropped.
void Arrive(std::vector<ClaimRecord>* live, ClaimRecord added) {
  SupersedeEffects e = Supersede(*live, &added);
  if (e.duplicate) return;
  for (size_t m : e.closed) (*live)[m].to = added.from;
  std::vector<ClaimRecord> next;
  for (size_t m = 0; m < live->size(); ++m) {
    if (std::find(e.replaced.begin(), e.replaced.end(), m) == e.replaced.end())
      next.push_back((*live)[m]);
  }
  next.push_back(added);
  *live = std::move(next);
}

std::vector<std::string> Steps(std::vector<ClaimRecord> live) {
  std::sort(live.begin(), live.end(),
            [](const ClaimRecord& a, const ClaimRecord& b) {
              return a.from_key() < b.from_key();
            });
  std::vector<std::string> steps;
  for (const ClaimRecord& r : live) {
    steps.push_back(absl::StrCat(r.o, " ", r.valid().ToString()));
  }
  return steps;
}

// Open claims with distinct starts and neighbouring values distinct: every
// arrival order gives the same steps, each ending where the next starts.
TEST(SupersedeTest, EveryArrivalOrderGivesTheSameSteps) {
  std::mt19937 rng(42);
  for (int trial = 0; trial < 200; ++trial) {
    int n = 2 + static_cast<int>(rng() % 6);
    std::vector<ClaimRecord> claims;
    for (int i = 0; i < n; ++i) {
      claims.push_back(Claim(0, 100 + i, std::to_string(2000 + 3 * i)));
    }
    std::vector<std::string> expected;
    for (int i = 0; i < n; ++i) {
      expected.push_back(absl::StrCat(
          100 + i, " [", 2000 + 3 * i, ", ",
          i + 1 < n ? std::to_string(2000 + 3 * (i + 1)) : "...", ")"));
    }
    std::shuffle(claims.begin(), claims.end(), rng);
    std::vector<ClaimRecord> live;
    for (const ClaimRecord& c : claims) Arrive(&live, c);
    ASSERT_EQ(Steps(live), expected) << "trial " << trial;
    // Arriving again changes nothing.
    for (const ClaimRecord& c : claims) Arrive(&live, c);
    // The re-arrived open claims are closed like the stored ones, so they
    // are duplicates: the steps stay.
    ASSERT_EQ(Steps(live), expected) << "trial " << trial << " (again)";
  }
}

}  // namespace
}  // namespace annals::engine
