// Cancelling a running statement or load from another thread, or from a
// signal handler.
//
//   annals::QueryOptions options;
//   annals::Cancellation cancel = options.cancel;  // shares its flag
//   std::thread stopper([cancel] {
//     std::this_thread::sleep_for(std::chrono::seconds(2));
//     cancel.Cancel();
//   });
//   auto result = db.Query("FIND ?a ?b WHERE ?a ?p ?b", options);
//   // CancelledError "statement cancelled", once cancelled (else the rows)
//
// A Cancellation is a handle on one shared flag: copies (the one in
// QueryOptions or LoadOptions, the one you keep) all see the same flag, and
// the flag lives as long as any copy. Database::Query, PreparedQuery::Execute,
// ResultSet::Next (as rows stream) and Database::Load look at it between
// units of work (index entries read, PATH nodes visited, rows sorted or
// grouped, file rows read, load rows sorted and written), so a cancel takes
// effect within milliseconds; they then return absl::CancelledError:
// "statement cancelled" for a statement, and for a load "load cancelled:
// nothing was loaded, the store is unchanged" (its temporary files removed).
// A load cancelled once its final atomic step has begun completes: the
// cancel came too late, and Load returns its result.
//
// The flag stays set until Reset(): every statement or load given a
// cancelled Cancellation stops at once. Reset before reusing one, e.g. in a
// shell that cancels on Ctrl-C and runs the next statement.
//
// Thread safety and signals: Cancel(), cancelled() and Reset() may be called
// from any thread at any time. Cancel() is a single lock-free atomic store:
// it neither allocates nor locks, so it is async-signal-safe, and a SIGINT
// handler may call it on a Cancellation that no thread assigns to meanwhile
// (a global one made before the handler is installed, say). Copying or
// assigning a Cancellation is not async-signal-safe (it counts references).
#ifndef ANNALS_CANCEL_H_
#define ANNALS_CANCEL_H_

#include <atomic>
#include <memory>

namespace annals {

class Cancellation {
 public:
  // A new flag, not set.
  Cancellation() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  // Copies share the flag. (No move: a moved Cancellation is copied, so
  // that none is ever left without a flag.)
  Cancellation(const Cancellation&) = default;
  Cancellation& operator=(const Cancellation&) = default;

  // Sets the flag: the statements and loads that carry it stop.
  void Cancel() const noexcept {
    flag_->store(true, std::memory_order_release);
  }
  // Whether the flag is set.
  bool cancelled() const noexcept {
    return flag_->load(std::memory_order_acquire);
  }
  // Clears the flag, for the next statement or load.
  void Reset() const noexcept {
    flag_->store(false, std::memory_order_release);
  }

  // Whether two handles share one flag.
  bool SameAs(const Cancellation& other) const { return flag_ == other.flag_; }

 private:
  static_assert(std::atomic<bool>::is_always_lock_free,
                "Cancel() must be async-signal-safe");
  std::shared_ptr<std::atomic<bool>> flag_;
};

}  // namespace annals

#endif  // ANNALS_CANCEL_H_
