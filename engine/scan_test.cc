// engine/scan.h: ChooseIndex for every set of bound positions with and
// without a valid-time window; ClaimScan returning exactly the claims visible
// in a view (valid time, AS OF, retracted) whatever index it reads; the
// subject probe that answers a small subject from spo and a large one from
// the time index; the window's end ending an spo scan early (entries_read).
#include "engine/scan.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/index_entries.h"
#include "engine/term_id.h"
#include "engine/write_txn.h"
#include "gtest/gtest.h"
#include "tests/support/claim_rows.h"
#include "tests/support/engine_store_test.h"

namespace annals::engine {
namespace {

using test::DaySeconds;

TimeView At(int64_t seconds) {
  TimeView v;
  v.valid = Window::At(seconds);
  return v;
}

TimeView During(int64_t begin, int64_t end) {
  TimeView v;
  v.valid = Window{begin, end};
  return v;
}

// Which positions are bound, for the tables below.
IdPattern Bound(bool s, bool p, bool o) {
  IdPattern pattern;
  if (s) pattern.s = 11;
  if (p) pattern.p = 22;
  if (o) pattern.o = 33;
  return pattern;
}

// 11, 22 and 33 are entity ids (kind 1 in the low bits).
TEST(ChooseIndexTest, WithoutAWindowEachSetOfBoundPositionsHasItsIndex) {
  struct Case {
    bool s, p, o;
    const char* index;
  };
  for (const Case& c : std::vector<Case>{
           {false, false, false, "spo prefix 0"},
           {true, false, false, "spo prefix 1"},
           {true, true, false, "spo prefix 2"},
           {false, true, false, "time by predicate"},
           {false, true, true, "time by object"},
           {false, false, true, "time by object"},
           {true, false, true, "spo prefix 1"},
           {true, true, true, "spo prefix 2"},
       }) {
    TimeView as_of;
    as_of.as_of = 1700000000;  // AS OF alone is no window
    for (const TimeView& view : {TimeView::AllTime(), as_of}) {
      EXPECT_EQ(ChooseIndex(Bound(c.s, c.p, c.o), view).ToString(), c.index)
          << c.s << c.p << c.o;
    }
  }
}

TEST(ChooseIndexTest, ANumberObjectIsFoundThroughItsPredicateOrSpo) {
  IdPattern pattern;
  pattern.o = MakeTermId(7, ValueKind::kInteger);
  EXPECT_EQ(ChooseIndex(pattern, TimeView::AllTime()).ToString(),
            "spo prefix 0");
  pattern.p = 22;
  EXPECT_EQ(ChooseIndex(pattern, TimeView::AllTime()).ToString(),
            "time by predicate");
}

TEST(ChooseIndexTest, AWindowWithOnlyTheSubjectReadsTimeBySubject) {
  const TimeView window = At(DaySeconds(2020, 1, 1));
  IndexChoice by_subject = ChooseIndex(Bound(true, false, false), window);
  EXPECT_EQ(by_subject.family, Family::kTime);
  EXPECT_EQ(by_subject.time_position, TimePosition::kSubject);
  EXPECT_EQ(by_subject.ToString(), "time by subject");
  IndexChoice by_predicate = ChooseIndex(Bound(false, true, false), window);
  EXPECT_EQ(by_predicate.family, Family::kTime);
  EXPECT_EQ(by_predicate.time_position, TimePosition::kPredicate);
  EXPECT_EQ(by_predicate.ToString(), "time by predicate");
  // Any other set of bound positions reads what it reads without a window.
  EXPECT_EQ(ChooseIndex(Bound(false, false, false), window).ToString(),
            "spo prefix 0");
  EXPECT_EQ(ChooseIndex(Bound(true, true, false), window).ToString(),
            "spo prefix 2");
  EXPECT_EQ(ChooseIndex(Bound(false, true, true), window).ToString(),
            "time by object");
  EXPECT_EQ(ChooseIndex(Bound(true, false, true), window).ToString(),
            "spo prefix 1");
  EXPECT_EQ(ChooseIndex(Bound(false, false, true), window).ToString(),
            "time by object");
}

class ClaimScanTest : public test::EngineStoreTest {
 protected:
  // Asserts the claims in one transaction and remembers them.
  void Write(const std::vector<test::RowSpec>& specs) {
    WriteTxn txn(store_.get());
    for (const test::RowSpec& spec : specs) {
      auto row = test::AssertRow(txn, spec);
      ASSERT_TRUE(row.ok()) << row.status();
      rows_.push_back(*row);
    }
    ASSERT_TRUE(txn.Commit().ok());
  }

  void Retract(uint64_t id, int64_t when) {
    WriteTxn txn(store_.get());
    ASSERT_TRUE(txn.Retract(id, when).ok());
    ASSERT_TRUE(txn.Commit().ok());
    for (ClaimRecord& row : rows_) {
      if (row.id == id) row.retracted = when;
    }
  }

  uint64_t TermId(const Value& v) {
    auto id = store_->dictionary().Find(v, nullptr);
    EXPECT_TRUE(id.ok()) << v.ToString() << ": " << id.status();
    return id.value_or(0);
  }

  // The claim ids the scan returns, sorted; the scan's own checks on the
  // way: every row is whole and the scan completes.
  std::vector<uint64_t> Scan(const IdPattern& pattern, const TimeView& view,
                             int64_t* entries_read = nullptr,
                             std::optional<IndexChoice> choice = std::nullopt,
                             IndexChoice* ran = nullptr) {
    ClaimScan scan(store_.get(), pattern, view, store_->GetSnapshot(), choice);
    if (ran != nullptr) *ran = scan.choice();
    std::vector<uint64_t> ids;
    ClaimRecord row;
    while (scan.Next(&row)) {
      ids.push_back(row.id);
      auto record = store_->GetClaim(row.id, nullptr);
      EXPECT_TRUE(record.ok()) << record.status();
      if (record.ok()) {
        EXPECT_EQ(row.s, record->s);
        EXPECT_EQ(row.p, record->p);
        EXPECT_EQ(row.o, record->o);
        EXPECT_EQ(row.from, record->from);
        EXPECT_EQ(row.to, record->to);
        EXPECT_EQ(row.recorded, record->recorded);
        EXPECT_EQ(row.retracted, record->retracted);
      }
    }
    EXPECT_FALSE(scan.Next(&row));  // and on every later call
    EXPECT_TRUE(scan.status().ok()) << scan.status();
    if (entries_read != nullptr) *entries_read = scan.entries_read();
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  // What the scan must return: the written claims matching the pattern and
  // visible in the view.
  std::vector<uint64_t> Expected(const IdPattern& pattern,
                                 const TimeView& view) const {
    std::vector<uint64_t> ids;
    for (const ClaimRecord& row : rows_) {
      if ((pattern.s && *pattern.s != row.s) ||
          (pattern.p && *pattern.p != row.p) ||
          (pattern.o && *pattern.o != row.o) || !Visible(row, view)) {
        continue;
      }
      ids.push_back(row.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  std::vector<ClaimRecord> rows_;
};

constexpr int64_t kRecorded = 1700000000;  // 2023-11-14

// A small graph: A and D point at B and C through p and q over the years.
std::vector<test::RowSpec> SmallGraph() {
  const Value b = Value::Entity("B"), c = Value::Entity("C");
  return {
      {"A", "p", b, DaySeconds(2000, 1, 1), DaySeconds(2010, 1, 1), kRecorded},
      {"A", "p", c, DaySeconds(2010, 1, 1), std::nullopt, kRecorded},
      {"A", "q", b, std::nullopt, std::nullopt, kRecorded},
      {"D", "p", b, DaySeconds(2005, 1, 1), DaySeconds(2006, 1, 1), kRecorded},
      {"D", "q", Value::String("B"), DaySeconds(1990, 1, 1), std::nullopt,
       kRecorded},
  };
}

TEST_F(ClaimScanTest, EveryPatternAndViewGivesExactlyTheVisibleClaims) {
  Write(SmallGraph());
  const uint64_t a = Id("A"), p = Id("p"), b = Id("B");
  std::vector<TimeView> views = {
      TimeView::AllTime(),
      At(DaySeconds(2005, 6, 1)),
      At(DaySeconds(2015, 1, 1)),
      During(DaySeconds(2009, 6, 1), DaySeconds(2010, 6, 1)),
      At(DaySeconds(1980, 1, 1)),
  };
  for (int mask = 0; mask < 8; ++mask) {
    IdPattern pattern;
    if (mask & 1) pattern.s = a;
    if (mask & 2) pattern.p = p;
    if (mask & 4) pattern.o = b;
    for (size_t v = 0; v < views.size(); ++v) {
      SCOPED_TRACE(absl::StrCat("bound mask ", mask, ", view ", v, ", ",
                                ChooseIndex(pattern, views[v]).ToString()));
      EXPECT_EQ(Scan(pattern, views[v]), Expected(pattern, views[v]));
    }
  }
}

// The planner's choice is the index that runs (EXPLAIN shows what runs),
// and any choice gives exactly the matching claims: positions the index key
// does not hold are matched by the scan itself, and a choice made for a
// position that is unbound when the scan runs reads the same family with
// the prefix of the bound positions.
TEST_F(ClaimScanTest, TheChosenIndexRunsAndAnyChoiceGivesTheSameClaims) {
  Write(SmallGraph());
  const uint64_t a = Id("A"), p = Id("p"), b = Id("B");
  const std::vector<IndexChoice> choices = {
      {Family::kSpo, 0},
      {Family::kSpo, 1},
      {Family::kSpo, 2},
      {Family::kTime, 1, TimePosition::kSubject},
      {Family::kTime, 1, TimePosition::kPredicate},
      {Family::kTime, 1, TimePosition::kObject}};
  const std::vector<TimeView> views = {TimeView::AllTime(),
                                       At(DaySeconds(2005, 6, 1))};
  for (int mask = 0; mask < 8; ++mask) {
    IdPattern pattern;
    if (mask & 1) pattern.s = a;
    if (mask & 2) pattern.p = p;
    if (mask & 4) pattern.o = b;
    for (const TimeView& view : views) {
      for (const IndexChoice& choice : choices) {
        SCOPED_TRACE(absl::StrCat("bound mask ", mask, ", ", choice.ToString(),
                                  view.valid ? ", at 2005-06-01" : ""));
        IndexChoice ran;
        EXPECT_EQ(Scan(pattern, view, nullptr, choice, &ran),
                  Expected(pattern, view));
        if (choice.family != Family::kTime) {
          EXPECT_EQ(ran.family, choice.family);
          EXPECT_LE(ran.bound_prefix, choice.bound_prefix);
        }
      }
    }
  }
  // A choice whose positions are bound runs as it is.
  IdPattern subject;
  subject.s = a;
  IndexChoice ran;
  Scan(subject, TimeView::AllTime(), nullptr, IndexChoice{Family::kSpo, 0},
       &ran);
  EXPECT_EQ(ran.ToString(), "spo prefix 0");
  Scan(subject, At(DaySeconds(2005, 6, 1)), nullptr,
       IndexChoice{Family::kTime, 1, TimePosition::kSubject}, &ran);
  EXPECT_EQ(ran.ToString(), "time by subject");
  // One whose leading position is unbound reads the family from its start.
  IdPattern predicate;
  predicate.p = p;
  Scan(predicate, TimeView::AllTime(), nullptr, IndexChoice{Family::kSpo, 2},
       &ran);
  EXPECT_EQ(ran.ToString(), "spo prefix 0");
}

TEST_F(ClaimScanTest, HandPickedAnswers) {
  Write(SmallGraph());
  IdPattern a;
  a.s = Id("A");
  EXPECT_EQ(Scan(a, TimeView::AllTime()), (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_EQ(Scan(a, At(DaySeconds(2005, 6, 1))), (std::vector<uint64_t>{1, 3}));
  EXPECT_EQ(Scan(a, At(DaySeconds(2015, 1, 1))), (std::vector<uint64_t>{2, 3}));
  IdPattern to_b;
  to_b.o = Id("B");
  EXPECT_EQ(Scan(to_b, TimeView::AllTime()), (std::vector<uint64_t>{1, 3, 4}));
  // The string "B" is another term than the entity B.
  IdPattern string_b;
  string_b.o = TermId(Value::String("B"));
  EXPECT_EQ(Scan(string_b, TimeView::AllTime()), (std::vector<uint64_t>{5}));
  IdPattern q;
  q.p = Id("q");
  EXPECT_EQ(Scan(q, At(DaySeconds(1995, 1, 1))), (std::vector<uint64_t>{3, 5}));
}

TEST_F(ClaimScanTest, AsOfAndRetractedClaims) {
  Write(SmallGraph());
  const int64_t retracted_at = kRecorded + 1000;
  Retract(1, retracted_at);
  IdPattern a;
  a.s = Id("A");
  // As currently recorded, the retracted claim is gone...
  EXPECT_EQ(Scan(a, TimeView::AllTime()), (std::vector<uint64_t>{2, 3}));
  // ...unless asked for.
  TimeView audit;
  audit.include_retracted = true;
  EXPECT_EQ(Scan(a, audit), (std::vector<uint64_t>{1, 2, 3}));
  // AS OF sees what was recorded by then and not yet retracted.
  TimeView before_recorded;
  before_recorded.as_of = kRecorded - 1;
  EXPECT_TRUE(Scan(a, before_recorded).empty());
  TimeView between;
  between.as_of = kRecorded;
  EXPECT_EQ(Scan(a, between), (std::vector<uint64_t>{1, 2, 3}));
  TimeView after;
  after.as_of = retracted_at;
  EXPECT_EQ(Scan(a, after), (std::vector<uint64_t>{2, 3}));
  // With a valid-time window too, on the time index.
  TimeView old_belief = At(DaySeconds(2005, 6, 1));
  old_belief.as_of = kRecorded;
  EXPECT_EQ(ChooseIndex(a, old_belief).family, Family::kTime);
  EXPECT_EQ(Scan(a, old_belief), (std::vector<uint64_t>{1, 3}));
  old_belief.as_of = retracted_at;
  EXPECT_EQ(Scan(a, old_belief), (std::vector<uint64_t>{3}));
}

TEST_F(ClaimScanTest, SubjectProbeAnswersSmallAndLargeSubjectsAlike) {
  // `small` has 10 claims, `big` 80 (more than kSmallSubjectClaims, so in
  // time by subject): one a year from 1950, each lasting two years.
  std::vector<test::RowSpec> specs;
  for (int i = 0; i < 80; ++i) {
    for (const char* s : {"small", "big"}) {
      if (std::string(s) == "small" && i >= 10) continue;
      specs.push_back({s, i % 2 ? "p" : "q", Value::Integer(i),
                       DaySeconds(1950 + i, 1, 1), DaySeconds(1952 + i, 1, 1),
                       kRecorded});
    }
  }
  Write(specs);
  for (const char* s : {"small", "big"}) {
    IdPattern pattern;
    pattern.s = Id(s);
    for (int year : {1940, 1951, 1955, 1990, 2009, 2030}) {
      SCOPED_TRACE(absl::StrCat(s, " at ", year));
      const TimeView view = At(DaySeconds(year, 6, 1));
      int64_t read = 0;
      EXPECT_EQ(Scan(pattern, view, &read), Expected(pattern, view));
      if (std::string(s) == "small") {
        EXPECT_EQ(read, 10);  // all of them in spo, and nothing else
      } else {
        // The probe's spo entries, then time by subject: the answers and a
        // few that ended shortly before.
        EXPECT_LE(
            read,
            48 + static_cast<int64_t>(Expected(pattern, view).size()) + 3);
      }
    }
    EXPECT_EQ(
        Scan(pattern, During(DaySeconds(1900, 1, 1), DaySeconds(2100, 1, 1))),
        Expected(pattern, TimeView::AllTime()));
  }
}

// Time by subject holds a subject's claims only once it has more than
// kSmallSubjectClaims: a transaction that takes it past puts the entries of
// the claims stored before it too.
TEST_F(ClaimScanTest, ASubjectWrittenPastSmallIsReadWhole) {
  auto specs = [](int from, int to) {
    std::vector<test::RowSpec> out;
    for (int i = from; i < to; ++i) {
      out.push_back({"grows", "p", Value::Integer(i),
                     DaySeconds(1900 + i, 1, 1), DaySeconds(1903 + i, 1, 1),
                     kRecorded});
    }
    return out;
  };
  Write(specs(0, kSmallSubjectClaims - 4));
  Write(specs(kSmallSubjectClaims - 4, kSmallSubjectClaims));
  IdPattern pattern;
  pattern.s = Id("grows");
  const TimeView view = At(DaySeconds(1930, 6, 1));
  int64_t read = 0;
  EXPECT_EQ(Scan(pattern, view, &read), Expected(pattern, view));
  EXPECT_EQ(read, kSmallSubjectClaims);  // exactly small: the probe answers
  Write(specs(kSmallSubjectClaims, kSmallSubjectClaims + 3));
  for (int year : {1930, 1950, 1966, 1970}) {
    SCOPED_TRACE(year);
    const TimeView at = At(DaySeconds(year, 6, 1));
    read = 0;
    EXPECT_EQ(Scan(pattern, at, &read), Expected(pattern, at));
    EXPECT_EQ(Expected(pattern, at).size(), year == 1970 ? 0u : 3u);
    EXPECT_LE(read, 48 + 6);  // the probe, then the answers and a few more
  }
}

// A subject past the probe whose entries in time by subject all lie before
// the window's first class range (class 0: claims within one day): a second
// seek finds it there, so the rest of its spo entries is not read.
TEST_F(ClaimScanTest, ABigSubjectWithNothingInTheWindowsRangesIsNotReadWhole) {
  {
    WriteTxn txn(store_.get());
    for (int i = 0; i < 80; ++i) {  // an hour each, a year apart
      auto row = test::MakeRow(
          txn, {"brief", "p", Value::Integer(i), DaySeconds(1950 + i, 1, 1),
                DaySeconds(1950 + i, 1, 1) + 3600, kRecorded});
      ASSERT_TRUE(row.ok()) << row.status();
      row->from.precision = row->to.precision =
          static_cast<uint8_t>(Precision::kSecond);
      ASSERT_TRUE(txn.Assert(&*row).ok());
      rows_.push_back(*row);
    }
    ASSERT_TRUE(txn.Commit().ok());
  }
  IdPattern pattern;
  pattern.s = Id("brief");
  for (int year : {1940, 1960, 2040}) {
    SCOPED_TRACE(year);
    const TimeView view = At(DaySeconds(year, 6, 1));
    int64_t read = 0;
    EXPECT_EQ(Scan(pattern, view, &read), Expected(pattern, view));
    EXPECT_TRUE(Expected(pattern, view).empty());
    EXPECT_LE(read, 48 + 3);
  }
  const TimeView hour =
      During(DaySeconds(1960, 1, 1) + 600, DaySeconds(1960, 1, 1) + 700);
  EXPECT_EQ(Scan(pattern, hour), Expected(pattern, hour));
  EXPECT_EQ(Expected(pattern, hour).size(), 1u);
}

// A subject a scan found in time by subject is remembered (the store's
// IndexedSubjects), and the next scan of it skips the spo probe. The hint is
// only a hint: a snapshot from before the subject grew still reads spo.
TEST_F(ClaimScanTest, ASubjectFoundInTimeBySubjectIsReadWithoutTheProbe) {
  auto specs = [](int from, int to) {
    std::vector<test::RowSpec> out;
    for (int i = from; i < to; ++i) {
      out.push_back({"hub", "p", Value::Integer(i), DaySeconds(1900 + i, 1, 1),
                     DaySeconds(1903 + i, 1, 1), kRecorded});
    }
    return out;
  };
  Write(specs(0, 60));
  std::shared_ptr<const Snapshot> before = store_->GetSnapshot();
  const std::vector<ClaimRecord> rows_before = rows_;
  Write(specs(60, 100));
  IdPattern pattern;
  pattern.s = Id("hub");
  const TimeView view = At(DaySeconds(1980, 6, 1));
  EXPECT_FALSE(store_->indexed_subjects().Contains(*pattern.s));
  int64_t read = 0;
  EXPECT_EQ(Scan(pattern, view, &read), Expected(pattern, view));
  EXPECT_GT(read, 48);  // the probe, then time by subject
  EXPECT_TRUE(store_->indexed_subjects().Contains(*pattern.s));
  EXPECT_EQ(Scan(pattern, view, &read), Expected(pattern, view));
  EXPECT_LE(read, 6);  // the 3 answers and a few that ended before

  // The snapshot from before the subject had more than kSmallSubjectClaims.
  rows_ = rows_before;
  for (int year : {1930, 1958, 1980}) {
    SCOPED_TRACE(year);
    const TimeView at = At(DaySeconds(year, 6, 1));
    ClaimScan scan(store_.get(), pattern, at, before);
    std::vector<uint64_t> ids;
    ClaimRecord row;
    while (scan.Next(&row)) ids.push_back(row.id);
    EXPECT_TRUE(scan.status().ok()) << scan.status();
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, Expected(pattern, at));
    EXPECT_EQ(scan.entries_read(), 60);  // all of spo, as of the snapshot
  }
}

// ReadOpenClaimsFirst (for PATH, which stops when its sides meet) changes
// only the order: claims that never end come first, then the others, and
// the set is the same, by subject (probed, hinted) and by object.
TEST_F(ClaimScanTest, OpenClaimsFirstGivesTheSameClaimsOpenOnesFirst) {
  std::vector<test::RowSpec> specs;
  for (int i = 0; i < 90; ++i) {
    std::optional<int64_t> to;
    if (i % 3 != 0) to = DaySeconds(1950 + i, 1, 1) + 86400 * (1 + i * 37);
    specs.push_back({"hub", "p", Value::Entity(absl::StrCat("n", i % 7)),
                     DaySeconds(1950 + i, 1, 1), to, kRecorded});
  }
  Write(specs);
  std::vector<IdPattern> patterns(2);
  patterns[0].s = Id("hub");
  patterns[1].o = Id("n3");
  for (int round = 0; round < 2; ++round) {  // the second: hub is hinted
    for (const IdPattern& pattern : patterns) {
      for (int year : {1960, 2000, 2030}) {
        SCOPED_TRACE(absl::StrCat(round, pattern.s ? " hub " : " n3 ", year));
        const TimeView view = At(DaySeconds(year, 6, 1));
        ClaimScan scan(store_.get(), pattern, view, store_->GetSnapshot());
        scan.ReadOpenClaimsFirst();
        std::vector<uint64_t> ids;
        bool closed_seen = false, open_after_closed = false;
        ClaimRecord row;
        while (scan.Next(&row)) {
          ids.push_back(row.id);
          closed_seen |= !row.to.open();
          open_after_closed |= closed_seen && row.to.open();
        }
        EXPECT_TRUE(scan.status().ok()) << scan.status();
        EXPECT_FALSE(open_after_closed);
        std::sort(ids.begin(), ids.end());
        EXPECT_EQ(ids, Expected(pattern, view));
        EXPECT_FALSE(ids.empty());
      }
    }
  }
}

TEST_F(ClaimScanTest, TheWindowsEndEndsAnSpoScanEarly) {
  std::vector<test::RowSpec> specs;
  for (int i = 0; i < 50; ++i) {
    specs.push_back({"A", "p", Value::Integer(i), DaySeconds(1950 + i, 1, 1),
                     DaySeconds(1951 + i, 1, 1), kRecorded});
  }
  Write(specs);
  IdPattern pattern;
  pattern.s = Id("A");
  pattern.p = Id("p");
  int64_t all = 0;
  EXPECT_EQ(Scan(pattern, TimeView::AllTime(), &all).size(), 50u);
  EXPECT_EQ(all, 50);
  const TimeView early = At(DaySeconds(1955, 6, 1));
  int64_t read = 0;
  EXPECT_EQ(Scan(pattern, early, &read), Expected(pattern, early));
  EXPECT_EQ(Expected(pattern, early).size(), 1u);
  EXPECT_LE(read, 6);  // the claims starting up to 1955, no later
}

TEST_F(ClaimScanTest, AnEmptyStoreAndAnUnknownIdGiveNothing) {
  IdPattern none;
  EXPECT_TRUE(Scan(none, TimeView::AllTime()).empty());
  Write(SmallGraph());
  IdPattern unknown;
  unknown.s = 987654321;
  EXPECT_TRUE(Scan(unknown, TimeView::AllTime()).empty());
  EXPECT_TRUE(Scan(unknown, At(DaySeconds(2005, 1, 1))).empty());
  unknown.s.reset();
  unknown.p = 987654321;
  EXPECT_TRUE(Scan(unknown, At(DaySeconds(2005, 1, 1))).empty());
}

}  // namespace
}  // namespace annals::engine
