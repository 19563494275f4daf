// engine/interrupt.h: an Interrupt trips on its cancellation at the next tick
// and on its deadline within kClockEvery ticks; InterruptibleSort sorts when
// nothing trips and stops with the status when something does; a ClaimScan
// ticks on every entry it reads, so that a scan matching nothing stops too;
// RunSorter's sorts stop as well.
#include "engine/interrupt.h"

#include <algorithm>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "engine/run_sorter.h"
#include "engine/scan.h"
#include "engine/write_txn.h"
#include "gtest/gtest.h"
#include "tests/support/claim_rows.h"
#include "tests/support/engine_store_test.h"

namespace annals::engine {
namespace {

TEST(InterruptTest, ANewInterruptNeverTrips) {
  Interrupt interrupt;
  for (int i = 0; i < 10000; ++i) ASSERT_TRUE(interrupt.Tick().ok());
  EXPECT_TRUE(interrupt.Check().ok());
}

TEST(InterruptTest, ACancelTripsTheNextTickWithItsMessage) {
  Cancellation cancel;
  Interrupt interrupt(cancel, "statement cancelled");
  EXPECT_TRUE(interrupt.Tick().ok());
  Cancellation copy = cancel;
  copy.Cancel();
  absl::Status s = interrupt.Tick();
  EXPECT_TRUE(absl::IsCancelled(s)) << s;
  EXPECT_EQ(s.message(), "statement cancelled");
  EXPECT_TRUE(absl::IsCancelled(interrupt.Check()));
  // A copy of the interrupt (another thread's) sees it too.
  Interrupt other = interrupt;
  EXPECT_TRUE(absl::IsCancelled(other.Tick()));
  cancel.Reset();
  EXPECT_TRUE(interrupt.Tick().ok());
}

TEST(InterruptTest, ADeadlineTripsWithinClockEveryTicks) {
  Interrupt interrupt(Cancellation(), "cancelled",
                      absl::Now() - absl::Milliseconds(1), "too late");
  absl::Status s;
  uint32_t ticks = 0;
  while (s.ok() && ticks <= Interrupt::kClockEvery) {
    s = interrupt.Tick();
    ++ticks;
  }
  EXPECT_TRUE(absl::IsDeadlineExceeded(s)) << s;
  EXPECT_EQ(s.message(), "too late");
  EXPECT_LE(ticks, Interrupt::kClockEvery);
  // A cancel wins over the deadline.
  Cancellation cancel;
  cancel.Cancel();
  Interrupt both(cancel, "cancelled", absl::Now() - absl::Seconds(1), "late");
  EXPECT_TRUE(absl::IsCancelled(both.Check()));
}

std::vector<int> Shuffled(int n) {
  std::vector<int> v(n);
  for (int i = 0; i < n; ++i) v[i] = i;
  std::shuffle(v.begin(), v.end(), std::mt19937(5));
  return v;
}

TEST(InterruptibleSortTest, SortsWhenNothingTrips) {
  for (bool stable : {false, true}) {
    std::vector<int> v = Shuffled(100000);
    Interrupt interrupt(Cancellation(), "cancelled");
    ASSERT_TRUE(InterruptibleSort(v.begin(), v.end(), std::less<int>(),
                                  &interrupt, stable)
                    .ok());
    EXPECT_TRUE(std::is_sorted(v.begin(), v.end())) << stable;
  }
}

TEST(InterruptibleSortTest, StopsWithTheStatusOnceCancelled) {
  for (bool stable : {false, true}) {
    std::vector<int> v = Shuffled(200000);
    Cancellation cancel;
    Interrupt interrupt(cancel, "cancelled");
    int64_t compared = 0, after_cancel = 0;
    auto less = [&](int a, int b) {
      // Cancelled part way: the comparisons made after it are few.
      if (++compared == 50000) cancel.Cancel();
      if (cancel.cancelled()) ++after_cancel;
      return a < b;
    };
    absl::Status s =
        InterruptibleSort(v.begin(), v.end(), less, &interrupt, stable);
    EXPECT_TRUE(absl::IsCancelled(s)) << s;
    EXPECT_LE(after_cancel, 1024) << stable;
    // Every element is still there, in some order.
    std::sort(v.begin(), v.end());
    std::vector<int> all = Shuffled(200000);
    std::sort(all.begin(), all.end());
    EXPECT_EQ(v, all);
  }
}

TEST(RunSorterInterruptTest, SortsOfRunsStop) {
  test::TempDir dir("annals_run_sorter_interrupt");
  Cancellation cancel;
  Interrupt interrupt(cancel, "cancelled");
  RunSorter<int, std::less<int>> sorter(dir.path(), "r", 100000,
                                        std::less<int>());
  sorter.set_interrupt(&interrupt);
  for (int x : Shuffled(150000)) {
    if (x == 7) cancel.Cancel();  // before the first run is full
    absl::Status s = sorter.Add(x);
    if (!s.ok()) {
      EXPECT_TRUE(absl::IsCancelled(s)) << s;
      return;
    }
  }
  FAIL() << "the first run's sort did not stop";
}

class ScanInterruptTest : public test::EngineStoreTest {};

TEST_F(ScanInterruptTest, AScanThatMatchesNothingStillTicksOnEveryEntry) {
  {
    WriteTxn txn(store_.get());
    for (int i = 0; i < 3000; ++i) {
      ASSERT_TRUE(test::AssertRow(txn, {"s", "p", Value::Integer(i),
                                        test::DaySeconds(2020, 1, 1),
                                        std::nullopt, 1700000000})
                      .ok());
    }
    ASSERT_TRUE(txn.Commit().ok());
  }
  // As of before anything was recorded: every entry is read, none matches.
  TimeView before = TimeView::AllTime();
  before.as_of = 1000;
  Cancellation cancel;
  Interrupt interrupt(cancel, "statement cancelled");
  ClaimScan all(store_.get(), IdPattern{}, before, store_->GetSnapshot(),
                std::nullopt, &interrupt);
  ClaimRecord row;
  EXPECT_FALSE(all.Next(&row));
  EXPECT_TRUE(all.status().ok());
  EXPECT_EQ(all.entries_read(), 3000);
  cancel.Cancel();
  IdPattern predicate;
  predicate.p = Id("p");
  for (const IdPattern& pattern : {IdPattern{}, predicate}) {
    ClaimScan scan(store_.get(), pattern, before, store_->GetSnapshot(),
                   std::nullopt, &interrupt);
    EXPECT_FALSE(scan.Next(&row));
    EXPECT_TRUE(absl::IsCancelled(scan.status())) << scan.status();
    EXPECT_EQ(scan.entries_read(), 1);
    EXPECT_FALSE(scan.Next(&row));  // and stays ended
  }
  // The time index (a window with the subject bound) too.
  IdPattern subject;
  subject.s = Id("s");
  TimeView window = before;
  window.valid =
      Window{test::DaySeconds(2019, 1, 1), test::DaySeconds(2030, 1, 1)};
  ClaimScan by_time(store_.get(), subject, window, store_->GetSnapshot(),
                    std::nullopt, &interrupt);
  EXPECT_FALSE(by_time.Next(&row));
  EXPECT_TRUE(absl::IsCancelled(by_time.status())) << by_time.status();
}

}  // namespace
}  // namespace annals::engine
