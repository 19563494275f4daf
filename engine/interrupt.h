// Interrupt: stopping long work early, between units of work, when the
// caller's Cancellation (annals/cancel.h) is cancelled or a deadline passes.
// Loops call Tick() once per unit of work done (an index entry read, a PATH
// node expanded, a file row read, a load row sorted or written): it looks at
// the cancellation flag every time (one atomic load) and at the clock every
// kClockEvery ticks, so that a cancel is seen within one unit of work and a
// deadline within a few hundred. The check is on work done, not on results
// made: a scan that reads many entries and matches none still ticks.
//
// One Interrupt per thread (the tick count is its own); copies share the
// cancellation, so a parallel loop gives each thread a copy.
#ifndef ANNALS_ENGINE_INTERRUPT_H_
#define ANNALS_ENGINE_INTERRUPT_H_

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "annals/cancel.h"

namespace annals::engine {

class Interrupt {
 public:
  static constexpr uint32_t kClockEvery = 256;

  Interrupt() = default;  // never trips
  // Trips with CancelledError(`cancelled_message`) once `cancel` is
  // cancelled, and with DeadlineExceededError(`expired_message`) after
  // `deadline` (absl::InfiniteFuture(): none).
  Interrupt(Cancellation cancel, std::string cancelled_message,
            absl::Time deadline = absl::InfiniteFuture(),
            std::string expired_message = "");

  // One unit of work done: OK, or why to stop.
  absl::Status Tick() {
    if (cancel_ && cancel_->cancelled()) return Cancelled();
    if ((++ticks_ & (kClockEvery - 1)) != 0) return absl::OkStatus();
    return Check();
  }
  // Why to stop now (the cancellation, then the deadline), or OK.
  absl::Status Check() const;

 private:
  absl::Status Cancelled() const;

  std::optional<Cancellation> cancel_;
  std::string cancelled_message_;
  absl::Time deadline_ = absl::InfiniteFuture();
  std::string expired_message_;
  uint32_t ticks_ = 0;
};

// Sorts [first, last) by `less` (stably when `stable`), ticking `interrupt`
// every 1024 comparisons. Once it trips, every comparison says "not less",
// which ends the sort quickly (the algorithms' loops all stop on a false),
// and its status is returned: the range is then in no useful order.
template <class It, class Less>
absl::Status InterruptibleSort(It first, It last, Less less,
                               Interrupt* interrupt, bool stable = false) {
  absl::Status status;
  uint32_t compared = 0;
  auto checked = [&](const auto& a, const auto& b) {
    if (!status.ok()) return false;
    if ((++compared & 1023) == 0) {
      status = interrupt->Tick();
      if (!status.ok()) return false;
    }
    return less(a, b);
  };
  if (stable) {
    std::stable_sort(first, last, checked);
  } else {
    std::sort(first, last, checked);
  }
  return status;
}

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_INTERRUPT_H_
