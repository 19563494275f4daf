// Interrupt; see interrupt.h.
#include "engine/interrupt.h"

#include <utility>

#include "absl/time/clock.h"

namespace annals::engine {

Interrupt::Interrupt(Cancellation cancel, std::string cancelled_message,
                     absl::Time deadline, std::string expired_message)
    : cancel_(std::move(cancel)),
      cancelled_message_(std::move(cancelled_message)),
      deadline_(deadline),
      expired_message_(std::move(expired_message)) {}

absl::Status Interrupt::Cancelled() const {
  return absl::CancelledError(cancelled_message_);
}

absl::Status Interrupt::Check() const {
  if (cancel_ && cancel_->cancelled()) return Cancelled();
  if (deadline_ != absl::InfiniteFuture() && absl::Now() > deadline_) {
    return absl::DeadlineExceededError(expired_message_);
  }
  return absl::OkStatus();
}

}  // namespace annals::engine
