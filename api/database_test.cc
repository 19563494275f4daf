// Tests of the public C++ API (include/annals/database.h) against its
// contracts: opening and reopening, Assert and its validation, Retract, Find
// with every combination of bound positions on both time axes (checked
// against a brute-force filter over a random dataset), Get, snapshots, Stats,
// Check, format-version checks, read-only handles and the writer lock.
#include "annals/database.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "annals/claim.h"
#include "annals/options.h"
#include "annals/time.h"
#include "annals/value.h"
#include "engine/key_codec.h"
#include "engine/rocks.h"
#include "gtest/gtest.h"
#include "tests/support/claim_input.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

constexpr int64_t kDay = 86400;

TimePoint DayPoint(int64_t y, int m, int d) {
  return TimePoint::FromCivil(y, m, d, 0, 0, 0, Precision::kDay);
}
// Seconds of 2000-01-01 plus `n` days.
int64_t DaySeconds(int64_t n) {
  return DayPoint(2000, 1, 1).seconds + n * kDay;
}
TimePoint DayN(int64_t n) { return TimePoint{DaySeconds(n), Precision::kDay}; }

std::vector<ClaimId> Ids(const std::vector<Claim>& claims) {
  std::vector<ClaimId> ids;
  for (const Claim& c : claims) ids.push_back(c.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

using test::Input;

Options FastOptions() {
  Options o;
  o.sync_writes = false;
  o.block_cache_bytes = 8 << 20;
  return o;
}

class DatabaseTest : public ::testing::Test {
 protected:
  absl::StatusOr<Database> Open(Options o = FastOptions()) {
    return Database::Open(dir_, o);
  }

  // Writes meta entry `key` = `value` straight into the (closed) store.
  void TamperMeta(std::string_view key, std::string_view value) {
    annals::Options ro;
    ro.create_if_missing = false;
    auto rocks = engine::Rocks::Open(dir_, ro);
    ASSERT_TRUE(rocks.ok()) << rocks.status();
    engine::RocksBatch batch;
    batch.Put(engine::Family::kMeta, key, value);
    ASSERT_TRUE((*rocks)->Write(&batch).ok());
  }

  // A fresh directory; the store goes in "<dir>/db".
  test::TempDir temp_{"annals_api"};
  std::string root_ = temp_.path();
  std::string dir_ = temp_.Join("db");
};

TEST_F(DatabaseTest, OpenCreatesStoreAndReopenSeesData) {
  ClaimId id;
  {
    auto db = Open();
    ASSERT_TRUE(db.ok()) << db.status();
    EXPECT_EQ(db->dir(), dir_);
    EXPECT_TRUE(std::filesystem::exists(dir_ + "/CURRENT"));
    ClaimInput in = Input("Gazprom", "signed", "PoS2 memorandum");
    in.valid.from = DayPoint(2025, 9, 2);
    in.source = "seed-article";
    in.by = "Alexey Miller";
    auto added = db->Assert(in);
    ASSERT_TRUE(added.ok()) << added.status();
    id = *added;
  }
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status();
  auto got = db->Get(id);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->subject, Value::Entity("Gazprom"));
  EXPECT_EQ(got->predicate, "signed");
  EXPECT_EQ(got->object, Value::Entity("PoS2 memorandum"));
  EXPECT_EQ(got->valid.from, DayPoint(2025, 9, 2));
  EXPECT_FALSE(got->valid.to.has_value());
  EXPECT_EQ(got->source, "seed-article");
  EXPECT_EQ(got->by, "Alexey Miller");
  auto found = db->Find({Value::Entity("Gazprom"), std::nullopt, std::nullopt},
                        TimeView::AllTime());
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(Ids(*found), std::vector<ClaimId>{id});
  // Ids go on increasing after a reopen.
  auto next = db->Assert(Input("Gazprom", "signed", "another"));
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_GT(*next, id);
  auto check = db->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok()) << check->problems.front();
}

TEST_F(DatabaseTest, OpenWithoutCreateIfMissingFails) {
  Options o = FastOptions();
  o.create_if_missing = false;
  auto db = Open(o);
  EXPECT_TRUE(absl::IsNotFound(db.status())) << db.status();
  EXPECT_FALSE(std::filesystem::exists(dir_));
}

TEST_F(DatabaseTest, AssertReturnsIncreasingIds) {
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status();
  ClaimId last = 0;
  for (int i = 0; i < 20; ++i) {
    auto id =
        db->Assert(Input(absl::StrCat("E", i % 3), "p", absl::StrCat("o", i)));
    ASSERT_TRUE(id.ok()) << id.status();
    EXPECT_GT(*id, last);
    last = *id;
  }
}

TEST_F(DatabaseTest, AssertValidatesInput) {
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status();
  auto expect_invalid = [&](const ClaimInput& in, const std::string& what) {
    auto id = db->Assert(in);
    EXPECT_TRUE(absl::IsInvalidArgument(id.status()))
        << what << ": " << id.status();
  };
  expect_invalid(Input("", "p", "o"), "empty subject");
  expect_invalid(Input("s", "", "o"), "empty predicate");
  ClaimInput in = Input("s", "p", "o");
  in.confidence = 1.5;
  expect_invalid(in, "confidence 1.5");
  in.confidence = -0.1;
  expect_invalid(in, "confidence -0.1");
  in.confidence = std::nan("");
  expect_invalid(in, "confidence NaN");
  in = Input("s", "p", "o");
  in.valid.from = DayPoint(2025, 9, 3);
  in.valid.to = DayPoint(2025, 9, 2);
  expect_invalid(in, "valid_to before valid_from");
  in.valid.from = TimePoint::FromCivil(2025, 9, 2, 10, 0, 0);
  in.valid.to = in.valid.from;
  expect_invalid(in, "equal second-precision ends");
  in = Input("s", "p", "o");
  in.subject = Value::String("a string");
  expect_invalid(in, "a string literal as subject");

  // The bounds themselves are fine, and so is "some time in 2025".
  in = Input("s", "p", "o");
  in.confidence = 0;
  EXPECT_TRUE(db->Assert(in).ok());
  in.confidence = 1;
  in.valid.from = TimePoint{DayPoint(2025, 1, 1).seconds, Precision::kYear};
  in.valid.to = in.valid.from;
  EXPECT_TRUE(db->Assert(in).ok());

  // Nothing of the refused asserts was written.
  auto stats = db->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->claims, 2);
  auto check = db->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok());
}

TEST_F(DatabaseTest, RetractEndsTransactionTime) {
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status();
  auto id = db->Assert(Input("Gazprom", "ceo", "Miller"));
  ASSERT_TRUE(id.ok()) << id.status();
  int64_t before = TimePoint::Now().seconds;
  ASSERT_TRUE(db->Retract(*id).ok());
  int64_t after = TimePoint::Now().seconds;
  auto got = db->Get(*id);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_TRUE(got->retracted.has_value());
  EXPECT_GE(got->retracted->seconds, before);
  EXPECT_LE(got->retracted->seconds, after);

  absl::Status again = db->Retract(*id);
  EXPECT_TRUE(absl::IsFailedPrecondition(again)) << again;
  absl::Status unknown = db->Retract(*id + 1000);
  EXPECT_TRUE(absl::IsNotFound(unknown)) << unknown;
  absl::Status zero = db->Retract(0);
  EXPECT_TRUE(absl::IsNotFound(zero)) << zero;

  ClaimPattern all;
  auto hidden = db->Find(all, TimeView::AllTime());
  ASSERT_TRUE(hidden.ok());
  EXPECT_TRUE(hidden->empty());
  TimeView audit;
  audit.include_retracted = true;
  auto shown = db->Find(all, audit);
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(Ids(*shown), std::vector<ClaimId>{*id});
  ASSERT_TRUE((*shown)[0].retracted.has_value());
  auto check = db->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok());
}

// ---- Find against a brute-force filter ----

// What the test asserted, in day numbers (days since 2000-01-01).
struct Expected {
  Claim claim;
  std::optional<int64_t> from, to;  // day numbers, nullopt = open
};

// The visibility rules of include/annals/time.h and claim.h, restated for
// day-precision intervals.
struct Oracle {
  // Valid-time window of whole days [b, e) (b < e), certain or possible.
  static bool Window(const Expected& x, int64_t b, int64_t e, bool certain) {
    bool start_ok = !x.from || *x.from < e;
    if (!certain) return start_ok && (!x.to || *x.to >= b);
    // Certain: every reading of the ends overlaps. A claim whose ends are on
    // the same day holds within that day.
    bool end_ok =
        !x.to || *x.to > b || (x.from && *x.from == *x.to && *x.from >= b);
    return start_ok && end_ok;
  }
  // The instant at noon of day d.
  static bool Noon(const Expected& x, int64_t d, bool certain) {
    if (certain) return (!x.from || *x.from < d) && (!x.to || *x.to > d);
    return (!x.from || *x.from <= d) && (!x.to || *x.to >= d);
  }
  // Transaction time.
  static bool Tx(const Expected& x, const TimeView& v) {
    const Claim& c = x.claim;
    if (v.as_of) {
      if (c.recorded.seconds > *v.as_of) return false;
      if (!v.include_retracted && c.retracted &&
          c.retracted->seconds <= *v.as_of)
        return false;
      return true;
    }
    return v.include_retracted || !c.retracted;
  }
};

struct NamedView {
  std::string name;
  TimeView view;
  std::function<bool(const Expected&)> valid;  // the valid-time part
};

std::vector<NamedView> Views() {
  std::vector<NamedView> views;
  auto add_tx_variants = [&](const std::string& name, TimeView base,
                             std::function<bool(const Expected&)> valid) {
    views.push_back({name, base, valid});
    TimeView audit = base;
    audit.include_retracted = true;
    views.push_back({name + "+retracted", audit, valid});
    for (int64_t as_of_day : {1000, 2500, 4000}) {
      TimeView v = base;
      v.as_of = DaySeconds(as_of_day);
      views.push_back({absl::StrCat(name, " as_of day ", as_of_day), v, valid});
    }
  };
  add_tx_variants("all time", TimeView::AllTime(),
                  [](const Expected&) { return true; });
  for (int64_t d : {0, 3650, 5000, 9000, 12000}) {
    for (bool certain : {true, false}) {
      std::string mode = certain ? "certain" : "possible";
      TimeView v;
      v.certain = certain;
      v.valid = Window::Of(DayN(d));
      add_tx_variants(absl::StrCat("day ", d, " ", mode), v,
                      [=](const Expected& x) {
                        return Oracle::Window(x, d, d + 1, certain);
                      });
      v.valid = Window::At(DaySeconds(d) + kDay / 2);
      add_tx_variants(
          absl::StrCat("noon of day ", d, " ", mode), v,
          [=](const Expected& x) { return Oracle::Noon(x, d, certain); });
    }
  }
  for (auto [b, e] : std::vector<std::pair<int64_t, int64_t>>{
           {3000, 3365}, {5000, 5001}, {0, 20000}, {9500, 9800}}) {
    for (bool certain : {true, false}) {
      TimeView v;
      v.certain = certain;
      v.valid = Window{DaySeconds(b), DaySeconds(e)};
      add_tx_variants(absl::StrCat("window ", b, "..", e,
                                   certain ? " certain" : " possible"),
                      v, [=](const Expected& x) {
                        return Oracle::Window(x, b, e, certain);
                      });
    }
  }
  return views;
}

TEST_F(DatabaseTest, FindMatchesBruteForceForEveryBoundCombination) {
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status();
  std::mt19937 rng(20250902);
  auto uniform = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  std::vector<Value> entities;
  for (int i = 0; i < 20; ++i)
    entities.push_back(Value::Entity(absl::StrCat("E", i)));
  const std::vector<std::string> predicates = {"signed", "supplies", "ceo_of",
                                               "located_in", "flow_bcm"};
  const std::vector<double> confidences = {1.0, 0.5, 0.25, 0.75};

  std::vector<Expected> expected;
  for (int i = 0; i < 300; ++i) {
    Expected x;
    ClaimInput in;
    in.subject = entities[uniform(0, 19)];
    in.predicate = predicates[uniform(0, 4)];
    int kind = uniform(0, 9);
    if (kind < 7) {
      in.object = entities[uniform(0, 19)];
    } else if (kind < 9) {
      in.object = Value::Integer(uniform(0, 3));
    } else {
      in.object = Value::String(absl::StrCat("text ", uniform(0, 2)));
    }
    if (uniform(0, 4) > 0) x.from = uniform(0, 11000);
    if (uniform(0, 4) > 0) {
      int64_t base = x.from.value_or(uniform(0, 11000));
      // Sometimes the same day ("some time that day").
      x.to = base + (uniform(0, 9) == 0 ? 0 : uniform(1, 3000));
    }
    if (x.from) in.valid.from = DayN(*x.from);
    if (x.to) in.valid.to = DayN(*x.to);
    in.recorded = DayN(uniform(0, 5000));
    in.source = uniform(0, 2) == 0 ? "" : absl::StrCat("doc", uniform(0, 3));
    in.by = uniform(0, 2) == 0 ? "" : absl::StrCat("Analyst", uniform(0, 2));
    in.confidence = confidences[uniform(0, 3)];
    auto id = db->Assert(in);
    ASSERT_TRUE(id.ok()) << id.status();
    x.claim.id = *id;
    x.claim.subject = in.subject;
    x.claim.predicate = in.predicate;
    x.claim.object = in.object;
    x.claim.valid = in.valid;
    x.claim.recorded = *in.recorded;
    x.claim.source = in.source;
    x.claim.by = in.by;
    x.claim.confidence = in.confidence;
    expected.push_back(x);
  }
  // Retract about one in ten (now: after every as_of used below).
  for (Expected& x : expected) {
    if (uniform(0, 9) != 0) continue;
    ASSERT_TRUE(db->Retract(x.claim.id).ok());
    auto got = db->Get(x.claim.id);
    ASSERT_TRUE(got.ok());
    ASSERT_TRUE(got->retracted.has_value());
    x.claim.retracted = got->retracted;
  }
  std::map<ClaimId, const Expected*> by_id;
  for (const Expected& x : expected) by_id[x.claim.id] = &x;

  // Patterns: for each of the 8 combinations, several taken from stored
  // claims (so that they match something) and one that matches nothing.
  std::vector<ClaimPattern> patterns;
  for (int mask = 0; mask < 8; ++mask) {
    for (int k = 0; k < 4; ++k) {
      const Claim& c = expected[uniform(0, 299)].claim;
      ClaimPattern p;
      if (mask & 1) p.subject = c.subject;
      if (mask & 2) p.predicate = c.predicate;
      if (mask & 4) p.object = c.object;
      patterns.push_back(p);
      if (mask == 0) break;
    }
    if (mask != 0) {
      // Every position names something stored, but not together.
      ClaimPattern p;
      if (mask & 1) p.subject = Value::Entity("E3");
      if (mask & 2) p.predicate = "flow_bcm";
      if (mask & 4) p.object = Value::Integer(3);
      patterns.push_back(p);
    }
  }
  auto matches = [](const ClaimPattern& p, const Claim& c) {
    return (!p.subject || *p.subject == c.subject) &&
           (!p.predicate || *p.predicate == c.predicate) &&
           (!p.object || *p.object == c.object);
  };

  const std::vector<NamedView> views = Views();
  int64_t nonempty = 0, compared = 0;
  for (const ClaimPattern& p : patterns) {
    std::string pname =
        absl::StrCat("pattern (", p.subject ? p.subject->ToString() : "?", ", ",
                     p.predicate ? *p.predicate : "?", ", ",
                     p.object ? p.object->ToString() : "?", ")");
    for (const NamedView& nv : views) {
      std::vector<ClaimId> want;
      for (const Expected& x : expected) {
        if (matches(p, x.claim) && Oracle::Tx(x, nv.view) && nv.valid(x)) {
          want.push_back(x.claim.id);
        }
      }
      auto found = db->Find(p, nv.view);
      ASSERT_TRUE(found.ok()) << found.status();
      std::vector<ClaimId> got = Ids(*found);
      ASSERT_EQ(got, want) << pname << ", view " << nv.name;
      EXPECT_EQ(std::set<ClaimId>(got.begin(), got.end()).size(), got.size());
      ++compared;
      if (!got.empty()) ++nonempty;
      // Every returned claim carries what was asserted.
      for (const Claim& c : *found) {
        const Claim& w = by_id.at(c.id)->claim;
        ASSERT_EQ(c.subject, w.subject);
        ASSERT_EQ(c.predicate, w.predicate);
        ASSERT_EQ(c.object, w.object);
        ASSERT_TRUE(c.valid == w.valid)
            << c.valid.ToString() << " vs " << w.valid.ToString();
        ASSERT_EQ(c.recorded, w.recorded);
        ASSERT_EQ(c.retracted.has_value(), w.retracted.has_value());
        ASSERT_EQ(c.source, w.source);
        ASSERT_EQ(c.by, w.by);
        ASSERT_DOUBLE_EQ(c.confidence, w.confidence);
      }
    }
  }
  // The dataset exercises the filters: many lookups find something, and
  // not all of them do.
  EXPECT_GT(nonempty, compared / 4);
  EXPECT_LT(nonempty, compared);

  // Scan stops when told to.
  int seen = 0;
  ASSERT_TRUE(db->Scan(ClaimPattern(), TimeView::AllTime(), [&](const Claim&) {
                  return ++seen < 5;
                }).ok());
  EXPECT_EQ(seen, 5);
}

TEST_F(DatabaseTest, PrecisionCertainAndPossible) {
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status();
  // "Some time in 2025" and "from September 2015 to 2017".
  ClaimInput in2025 = Input("Gazprom", "signed", "memorandum");
  TimePoint y2025{DayPoint(2025, 1, 1).seconds, Precision::kYear};
  in2025.valid.from = y2025;
  in2025.valid.to = y2025;
  auto c2025 = db->Assert(in2025);
  ASSERT_TRUE(c2025.ok()) << c2025.status();
  ClaimInput longer = Input("Gazprom", "supplies", "China");
  longer.valid.from =
      TimePoint{DayPoint(2015, 9, 1).seconds, Precision::kMonth};
  const TimePoint y2017{DayPoint(2017, 1, 1).seconds, Precision::kYear};
  longer.valid.to = y2017;
  auto cl = db->Assert(longer);
  ASSERT_TRUE(cl.ok()) << cl.status();

  auto find = [&](const Window& w, bool certain) {
    TimeView v;
    v.valid = w;
    v.certain = certain;
    auto r = db->Find(ClaimPattern(), v);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? Ids(*r) : std::vector<ClaimId>{};
  };
  using V = std::vector<ClaimId>;
  const Window day = Window::Of(DayPoint(2025, 9, 2));
  EXPECT_EQ(find(day, true), V{});  // not certainly that day
  EXPECT_EQ(find(day, false), V{*c2025});
  EXPECT_EQ(find(Window::Of(y2025), true), V{*c2025});
  // Within the month it starts: possibly; after that month: certainly.
  EXPECT_EQ(find(Window::Of(DayPoint(2015, 9, 15)), true), V{});
  EXPECT_EQ(find(Window::Of(DayPoint(2015, 9, 15)), false), V{*cl});
  EXPECT_EQ(find(Window::Of(DayPoint(2015, 10, 1)), true), V{*cl});
  EXPECT_EQ(find(Window::At(DayPoint(2016, 3, 1).seconds), true), V{*cl});
  // 2017 is where it may end: possibly, not certainly.
  EXPECT_EQ(find(Window::Of(y2017), true), V{});
  EXPECT_EQ(find(Window::Of(y2017), false), V{*cl});
  EXPECT_EQ(find(Window::Of(DayPoint(2018, 1, 1)), false), V{});
  EXPECT_EQ(find(Window::Of(DayPoint(2015, 8, 31)), false), V{});
  // A window holding all of one and only part of the other's year.
  const Window mid{DayPoint(2015, 1, 1).seconds, DayPoint(2025, 6, 1).seconds};
  EXPECT_EQ(find(mid, true), V{*cl});
  EXPECT_EQ(find(mid, false), (V{*c2025, *cl}));
  // An empty window matches nothing.
  EXPECT_EQ(
      find(Window{DayPoint(2016, 3, 1).seconds, DayPoint(2016, 3, 1).seconds},
           false),
      V{});
  // The default view, "holds now", certainly: neither.
  auto now = db->Find(ClaimPattern(), TimeView::Now());
  ASSERT_TRUE(now.ok());
  EXPECT_TRUE(now->empty());
}

TEST_F(DatabaseTest, AsOfSeesWhatWasRecordedThen) {
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status();
  ClaimInput early = Input("Russia", "supplies_gas_to", "China");
  early.recorded = DayPoint(2020, 1, 1);
  ClaimInput late = Input("Russia", "supplies_gas_to", "Mongolia");
  late.recorded = TimePoint::FromCivil(2022, 6, 1, 12, 0, 0);
  auto e = db->Assert(early);
  auto l = db->Assert(late);
  ASSERT_TRUE(e.ok() && l.ok());

  auto find = [&](std::optional<int64_t> as_of, bool include_retracted) {
    TimeView v;
    v.as_of = as_of;
    v.include_retracted = include_retracted;
    auto r = db->Find({Value::Entity("Russia"), std::nullopt, std::nullopt}, v);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? Ids(*r) : std::vector<ClaimId>{};
  };
  using V = std::vector<ClaimId>;
  const int64_t t2020 = DayPoint(2020, 1, 1).seconds;
  const int64_t t2022 = late.recorded->seconds;
  EXPECT_EQ(find(t2020 - 1, false), V{});
  EXPECT_EQ(find(t2020, false), V{*e});  // recorded at or before
  EXPECT_EQ(find(t2022 - 1, false), V{*e});
  EXPECT_EQ(find(t2022, false), (V{*e, *l}));
  EXPECT_EQ(find(std::nullopt, false), (V{*e, *l}));
  auto got = db->Get(*e);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->recorded, DayPoint(2020, 1, 1));  // precision kept

  // Retracted now: still seen as of before, hidden after and by default.
  ASSERT_TRUE(db->Retract(*e).ok());
  const int64_t later = TimePoint::Now().seconds + 10;
  EXPECT_EQ(find(t2022, false), (V{*e, *l}));
  EXPECT_EQ(find(later, false), V{*l});
  EXPECT_EQ(find(std::nullopt, false), V{*l});
  EXPECT_EQ(find(std::nullopt, true), (V{*e, *l}));
  EXPECT_EQ(find(later, true), (V{*e, *l}));
  // include_retracted does not show what was not yet recorded.
  EXPECT_EQ(find(t2022 - 1, true), V{*e});
  // Get sees it whatever its times.
  got = db->Get(*e);
  ASSERT_TRUE(got.ok());
  EXPECT_TRUE(got->retracted.has_value());
}

TEST_F(DatabaseTest, GetReturnsFullProvenance) {
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status();
  ClaimInput in;
  in.subject = Value::Entity("Power of Siberia 2");
  in.predicate = "capacity";
  auto q = Value::Quantity("50", "bcm/yr");
  ASSERT_TRUE(q.ok());
  in.object = *q;
  in.valid.from = TimePoint{DayPoint(2030, 1, 1).seconds, Precision::kYear};
  in.source = "https://example.org/article";
  in.by = "Alexey Miller";
  in.confidence = 0.7;
  in.recorded = DayPoint(2025, 9, 2);
  auto id = db->Assert(in);
  ASSERT_TRUE(id.ok()) << id.status();
  auto c = db->Get(*id);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->id, *id);
  EXPECT_EQ(c->subject, in.subject);
  EXPECT_EQ(c->predicate, "capacity");
  EXPECT_EQ(c->object, *q);
  EXPECT_EQ(c->object.ToString(), "50 bcm/yr");
  EXPECT_TRUE(c->valid == in.valid);
  EXPECT_EQ(c->recorded, *in.recorded);
  EXPECT_FALSE(c->retracted.has_value());
  EXPECT_EQ(c->source, in.source);
  EXPECT_EQ(c->by, in.by);
  EXPECT_EQ(c->confidence, 0.7);  // kept exactly (millionths)
  EXPECT_EQ(c->batch, 0u);        // not loaded
  EXPECT_EQ(c->row, 0);

  // Assert without recorded: now.
  int64_t before = TimePoint::Now().seconds;
  auto now_id = db->Assert(Input("a", "b", "c"));
  ASSERT_TRUE(now_id.ok());
  auto now_claim = db->Get(*now_id);
  ASSERT_TRUE(now_claim.ok());
  EXPECT_GE(now_claim->recorded.seconds, before);
  EXPECT_LE(now_claim->recorded.seconds, TimePoint::Now().seconds);
  EXPECT_EQ(now_claim->source, "");
  EXPECT_EQ(now_claim->by, "");
  EXPECT_EQ(now_claim->confidence, 1.0);

  EXPECT_TRUE(absl::IsNotFound(db->Get(*now_id + 1).status()));
  EXPECT_TRUE(absl::IsNotFound(db->Get(0).status()));

  // A loaded claim: its batch and its line.
  std::string file = root_ + "/facts.tsv";
  {
    FILE* f = std::fopen(file.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(
        "subject\tpredicate\tobject\tsource\n"
        "Gazprom\tsigned\tmemo\tart1\n"
        "\n"
        "Rosatom\tbuilds\tplant\tart2\n",
        f);
    std::fclose(f);
  }
  auto loaded = db->Load({file});
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ASSERT_EQ(loaded->claims_added, 2);
  ASSERT_EQ(loaded->batches.size(), 1u);
  auto first = db->Get(loaded->first_claim);
  auto second = db->Get(loaded->first_claim + 1);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->batch, loaded->batches[0]);
  EXPECT_NE(first->batch, 0u);
  EXPECT_EQ(first->row, 2);
  EXPECT_EQ(first->source, "art1");
  EXPECT_EQ(second->batch, loaded->batches[0]);
  EXPECT_EQ(second->row, 4);
  EXPECT_EQ(second->subject, Value::Entity("Rosatom"));
}

TEST_F(DatabaseTest, ClaimAsSubject) {
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status();
  auto base = db->Assert(Input("Gazprom", "signed", "memo"));
  ASSERT_TRUE(base.ok());
  ClaimInput about = Input("", "confirmed_by", "China");
  about.subject = Value::Claim(*base);
  auto meta = db->Assert(about);
  ASSERT_TRUE(meta.ok()) << meta.status();
  auto got = db->Get(*meta);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->subject, Value::Claim(*base));
  EXPECT_EQ(got->subject.ToString(), absl::StrCat("#c", *base));
  auto found = db->Find({Value::Claim(*base), std::nullopt, std::nullopt},
                        TimeView::AllTime());
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(Ids(*found), std::vector<ClaimId>{*meta});
  // A claim as object too.
  ClaimInput refers = Input("Reuters", "disputes", "");
  refers.object = Value::Claim(*base);
  auto r = db->Assert(refers);
  ASSERT_TRUE(r.ok()) << r.status();
  found = db->Find({std::nullopt, std::nullopt, Value::Claim(*base)},
                   TimeView::AllTime());
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(Ids(*found), std::vector<ClaimId>{*r});

  // Unknown claims are refused, and leave nothing behind.
  about.subject = Value::Claim(*r + 100);
  EXPECT_TRUE(absl::IsNotFound(db->Assert(about).status()));
  refers.object = Value::Claim(*r + 100);
  EXPECT_TRUE(absl::IsNotFound(db->Assert(refers).status()));
  // An unknown claim in a pattern matches nothing.
  found = db->Find({Value::Claim(*r + 100), std::nullopt, std::nullopt},
                   TimeView::AllTime());
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_TRUE(found->empty());
  auto stats = db->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->claims, 3);
  auto check = db->Check();
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->ok());
}

TEST_F(DatabaseTest, SnapshotIsolatesReads) {
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status();
  auto first = db->Assert(Input("Gazprom", "signed", "memo"));
  ASSERT_TRUE(first.ok());
  Snapshot snap = db->GetSnapshot();
  auto second = db->Assert(Input("Gazprom", "signed", "contract"));
  ASSERT_TRUE(second.ok());
  ASSERT_TRUE(db->Retract(*first).ok());
  ClaimPattern gazprom{Value::Entity("Gazprom"), std::nullopt, std::nullopt};

  auto old_view = db->Find(gazprom, TimeView::AllTime(), snap);
  ASSERT_TRUE(old_view.ok());
  EXPECT_EQ(Ids(*old_view), std::vector<ClaimId>{*first});
  // A term created after the snapshot is unknown to it.
  auto by_object =
      db->Find({std::nullopt, std::nullopt, Value::Entity("contract")},
               TimeView::AllTime(), snap);
  ASSERT_TRUE(by_object.ok());
  EXPECT_TRUE(by_object->empty());
  EXPECT_TRUE(absl::IsNotFound(db->Get(*second, snap).status()));
  auto first_then = db->Get(*first, snap);
  ASSERT_TRUE(first_then.ok());
  EXPECT_FALSE(first_then->retracted.has_value());

  auto new_view = db->Find(gazprom, TimeView::AllTime());
  ASSERT_TRUE(new_view.ok());
  EXPECT_EQ(Ids(*new_view), std::vector<ClaimId>{*second});
  // A copy of the snapshot is the same view.
  Snapshot copy = snap;
  snap = Snapshot();
  auto via_copy = db->Find(gazprom, TimeView::AllTime(), copy);
  ASSERT_TRUE(via_copy.ok());
  EXPECT_EQ(Ids(*via_copy), std::vector<ClaimId>{*first});
}

TEST_F(DatabaseTest, UnknownNamesMatchNothing) {
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status();
  ASSERT_TRUE(db->Assert(Input("Gazprom", "signed", "memo")).ok());
  for (const ClaimPattern& p :
       {ClaimPattern{Value::Entity("Nobody"), std::nullopt, std::nullopt},
        ClaimPattern{std::nullopt, std::string("no_such_predicate"),
                     std::nullopt},
        ClaimPattern{std::nullopt, std::nullopt, Value::Entity("Nothing")},
        ClaimPattern{std::nullopt, std::nullopt, Value::Integer(42)},
        ClaimPattern{Value::Entity("Gazprom"), std::string("signed"),
                     Value::Entity("Nothing")},
        ClaimPattern{Value::Entity("Nobody"), std::string("signed"),
                     Value::Entity("memo")}}) {
    auto found = db->Find(p, TimeView::AllTime());
    ASSERT_TRUE(found.ok()) << found.status();
    EXPECT_TRUE(found->empty());
  }
  // On an empty store too.
  auto empty = Database::Open(root_ + "/empty", FastOptions());
  ASSERT_TRUE(empty.ok());
  auto found = empty->Find(
      {Value::Entity("Gazprom"), std::nullopt, std::nullopt}, TimeView::Now());
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_TRUE(found->empty());
  found = empty->Find(ClaimPattern(), TimeView::AllTime());
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_TRUE(found->empty());
}

TEST_F(DatabaseTest, StatsCountsPerPredicate) {
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status();
  auto stats = db->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->claims, 0);
  EXPECT_EQ(stats->terms, 0);
  EXPECT_TRUE(stats->claims_per_predicate.empty());
  EXPECT_FALSE(stats->earliest.has_value());
  EXPECT_FALSE(stats->latest.has_value());

  ClaimInput a = Input("Gazprom", "signed", "memo");
  a.valid.from = DayPoint(2025, 9, 2);
  a.source = "art";
  a.by = "Miller";
  ClaimInput b = Input("Gazprom", "signed", "contract");
  b.valid.from = TimePoint{DayPoint(2019, 1, 1).seconds, Precision::kYear};
  b.valid.to = DayPoint(2030, 5, 1);
  ClaimInput c = Input("Rosatom", "builds", "plant");
  ASSERT_TRUE(db->Assert(a).ok());
  ASSERT_TRUE(db->Assert(b).ok());
  auto cid = db->Assert(c);
  ASSERT_TRUE(cid.ok());
  ASSERT_TRUE(db->Retract(*cid).ok());

  stats = db->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status();
  // Nothing is deleted: the retracted claim is still stored.
  EXPECT_EQ(stats->claims, 3);
  EXPECT_EQ(stats->claims_per_predicate,
            (std::map<std::string, int64_t>{{"signed", 2}, {"builds", 1}}));
  // Gazprom signed memo "art" Miller contract Rosatom builds plant.
  EXPECT_EQ(stats->terms, 9);
  ASSERT_TRUE(stats->earliest.has_value());
  EXPECT_EQ(*stats->earliest, *b.valid.from);
  ASSERT_TRUE(stats->latest.has_value());
  EXPECT_EQ(*stats->latest, *b.valid.to);
  EXPECT_EQ(stats->batches, 0);
  EXPECT_GT(stats->bytes_on_disk, 0);
}

TEST_F(DatabaseTest, CheckIsOkOnHealthyStore) {
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status();
  auto check = db->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok());
  EXPECT_EQ(check->claims, 0);
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(db->Assert(Input(absl::StrCat("E", i), "p", "o")).ok());
  }
  ASSERT_TRUE(db->Retract(3).ok());
  check = db->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok()) << check->problems.front();
  EXPECT_EQ(check->claims, 10);
  // Each: its record in spo, its pointer in claims, time by predicate and by
  // object (E0..E9 are small: not by subject).
  EXPECT_EQ(check->index_entries, 40);
  EXPECT_EQ(check->terms, 12);
}

TEST_F(DatabaseTest, CompactKeepsEveryClaimOfManySmallWritesInFewerBytes) {
  auto db = Open();
  ASSERT_TRUE(db.ok()) << db.status();
  std::string file = root_ + "/facts.tsv";
  {
    FILE* f = std::fopen(file.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("subject\tpredicate\tobject\tvalid_from\tsource\n", f);
    for (int i = 0; i < 20000; ++i) {
      std::fprintf(f, "E%d\tp%d\tE%d\t%d-%02d-01\tsrc%d\n", i % 700, i % 9,
                   i % 1300, 1950 + i % 70, 1 + i % 12, i % 5);
    }
    std::fclose(f);
  }
  auto loaded = db->Load({file});
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ASSERT_EQ(loaded->claims_added, 20000);
  ASSERT_TRUE(db->Assert(Input("Gazprom", "signed", "memo")).ok());
  // And many small writes, which RocksDB keeps in its log and flushes in LZ4.
  for (int i = 0; i < 3000; ++i) {
    ASSERT_TRUE(db->Assert(Input(absl::StrCat("W", i % 50), "wrote",
                                 absl::StrCat("thing ", i)))
                    .ok());
  }
  const std::string query = "FIND ?c ?p ?o WHERE ?c: E42 ?p ?o AT 2000-06-01";
  auto Answers = [&] {
    std::vector<std::string> rows;
    auto result = db->Query(query);
    EXPECT_TRUE(result.ok()) << result.status();
    while (result.ok() && result->Next()) {
      std::string row;
      for (const Cell& cell : result->row()) row += cell.value.ToString() + " ";
      rows.push_back(row);
    }
    return rows;
  };
  std::vector<std::string> before = Answers();
  ASSERT_FALSE(before.empty());
  auto stats_before = db->Stats();
  ASSERT_TRUE(stats_before.ok()) << stats_before.status();

  ASSERT_TRUE(db->Compact().ok());
  auto stats_after = db->Stats();
  ASSERT_TRUE(stats_after.ok()) << stats_after.status();
  // The small writes are rewritten in sorted files at ZSTD's level 3 (the
  // load wrote its files as compactions do).
  EXPECT_LT(stats_after->bytes_on_disk, stats_before->bytes_on_disk);
  EXPECT_EQ(stats_after->claims, 23001);
  EXPECT_EQ(Answers(), before);
  auto check = db->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok()) << check->problems.front();
  // Writes go on, and a second compaction changes nothing.
  ASSERT_TRUE(db->Assert(Input("Gazprom", "signed", "memo 2")).ok());
  ASSERT_TRUE(db->Compact().ok());
  EXPECT_EQ(Answers(), before);
  auto stats = db->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->claims, 23002);
}

TEST_F(DatabaseTest, NewerFormatVersionIsRefused) {
  {
    auto db = Open();
    ASSERT_TRUE(db.ok()) << db.status();
  }
  TamperMeta(engine::kMetaFormatVersion,
             absl::StrCat(engine::kFormatVersion + 1));
  auto db = Open();
  ASSERT_FALSE(db.ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(db.status())) << db.status();
  EXPECT_TRUE(absl::StrContains(db.status().message(), "newer")) << db.status();
  EXPECT_TRUE(absl::StrContains(db.status().message(), dir_)) << db.status();
  Options ro = FastOptions();
  ro.read_only = true;
  EXPECT_TRUE(absl::IsFailedPrecondition(Open(ro).status()));
}

TEST_F(DatabaseTest, UnreadableFormatVersionIsDataLoss) {
  {
    auto db = Open();
    ASSERT_TRUE(db.ok()) << db.status();
  }
  TamperMeta(engine::kMetaFormatVersion, "abc");
  auto db = Open();
  ASSERT_FALSE(db.ok());
  EXPECT_TRUE(absl::IsDataLoss(db.status())) << db.status();
  EXPECT_TRUE(absl::StrContains(db.status().message(), dir_)) << db.status();
}

TEST_F(DatabaseTest, ReadOnlyRefusesWrites) {
  ClaimId id;
  {
    auto db = Open();
    ASSERT_TRUE(db.ok()) << db.status();
    auto a = db->Assert(Input("Gazprom", "signed", "memo"));
    ASSERT_TRUE(a.ok());
    id = *a;
  }
  Options o = FastOptions();
  o.read_only = true;
  auto db = Open(o);
  ASSERT_TRUE(db.ok()) << db.status();
  auto added = db->Assert(Input("Gazprom", "signed", "other"));
  EXPECT_TRUE(absl::IsFailedPrecondition(added.status())) << added.status();
  absl::Status r = db->Retract(id);
  EXPECT_TRUE(absl::IsFailedPrecondition(r)) << r;
  std::string file = root_ + "/facts.tsv";
  FILE* f = std::fopen(file.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fputs("subject\tpredicate\tobject\nA\tp\tB\n", f);
  std::fclose(f);
  auto loaded = db->Load({file});
  EXPECT_TRUE(absl::IsFailedPrecondition(loaded.status())) << loaded.status();
  absl::Status compacted = db->Compact();
  EXPECT_TRUE(absl::IsFailedPrecondition(compacted)) << compacted;
  // Reads work.
  auto got = db->Get(id);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_FALSE(got->retracted.has_value());
  auto found = db->Find(ClaimPattern(), TimeView::AllTime());
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->size(), 1u);
  auto check = db->Check();
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->ok());
}

TEST_F(DatabaseTest, ReadOnlyOfMissingStoreFails) {
  Options o = FastOptions();
  o.read_only = true;
  auto db = Open(o);
  EXPECT_FALSE(db.ok());
  EXPECT_FALSE(std::filesystem::exists(dir_));
}

TEST_F(DatabaseTest, SecondWriterIsRefused) {
  auto first = Open();
  ASSERT_TRUE(first.ok()) << first.status();
  // RocksDB's LOCK file is also held per process: a second writable open in
  // the same process is refused like one from another process.
  auto second = Open();
  ASSERT_FALSE(second.ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(second.status())) << second.status();
  EXPECT_TRUE(absl::StrContains(second.status().message(), "lock") ||
              absl::StrContains(second.status().message(), "another process"))
      << second.status();
  EXPECT_TRUE(absl::StrContains(second.status().message(), dir_))
      << second.status();
  // The first handle is unaffected, and once it is closed the store opens.
  ASSERT_TRUE(first->Assert(Input("A", "p", "B")).ok());
  { Database closing = std::move(*first); }
  auto third = Open();
  ASSERT_TRUE(third.ok()) << third.status();
  auto stats = third->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->claims, 1);
}

}  // namespace
}  // namespace annals
