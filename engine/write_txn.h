// WriteTxn: one atomic write to the store. It holds the writer lock from
// construction to destruction, gathers asserts (new claims and dictionary
// terms) and retracts (a claim's record and time entries rewritten with a
// retraction time: nothing is ever deleted), and commits them in one
// WriteBatch through Store::Commit, with every entry of each claim it
// touched (index_entries.h). A subject whose claims this transaction takes
// past kSmallSubjectClaims gets its stored claims' time entries too.
//
// Not thread-safe; one WriteTxn per thread, and they serialise on the lock.
#ifndef ANNALS_ENGINE_WRITE_TXN_H_
#define ANNALS_ENGINE_WRITE_TXN_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "annals/value.h"
#include "engine/index_entries.h"
#include "engine/store.h"

namespace annals::engine {

// EXPLAIN of a staged write: a line for each family it puts entries in
// (WriteTxn::PendingEntries), "put 3 in spo: the index entry", the new terms
// named on the line of `terms`.
std::vector<std::string> DescribeEntries(
    const std::array<int, kFamilyCount>& entries,
    const std::vector<Value>& new_terms);

class WriteTxn {
 public:
  explicit WriteTxn(Store* store);
  ~WriteTxn();
  WriteTxn(const WriteTxn&) = delete;
  WriteTxn& operator=(const WriteTxn&) = delete;

  // The id of `v`, creating the dictionary entry if the store lacks it. For
  // a claim, NotFound unless the claim exists.
  absl::StatusOr<uint64_t> TermId(const Value& v);
  // Adds a claim; fills row->id with the new claim id.
  absl::Status Assert(ClaimRecord* row);
  // What asserting a claim of a `one` predicate did besides adding it.
  struct Superseded {
    uint64_t duplicate_of = 0;       // an equal live claim: nothing added
    uint64_t ends_where_starts = 0;  // the later claim it was closed by
    std::vector<uint64_t> replaced;  // retracted: same start, another value
    // Retracted, and the id of its copy closed where the new claim starts.
    std::vector<std::pair<uint64_t, uint64_t>> closed;
  };
  // Assert() unless a live claim (this transaction's included) equals it:
  // then row->id is 0 and Superseded::duplicate_of names that claim. For a
  // predicate the schema declares `one` (`one_value`) it first applies
  // supersession (supersession.h) against the live claims of its subject,
  // predicate, source and by; `row` may come back closed.
  absl::StatusOr<Superseded> AssertNew(ClaimRecord* row, bool one_value);
  // Ends the claim's transaction time at `when`. NotFound for an unknown
  // claim, FailedPrecondition when it is already retracted.
  absl::Status Retract(uint64_t claim_id, int64_t when);
  // Records `text` as the store's schema from `when` (unix seconds) on, as
  // the next schema version. InvalidArgument (with `file`:line:column) when
  // it does not parse. A second call in one transaction replaces the first.
  absl::Status SetSchema(std::string_view text, std::string_view file,
                         int64_t when);
  // Applies everything atomically. The transaction is spent afterwards.
  absl::Status Commit();

  // What Commit would write, by family (indexed by Family), the counters
  // that change in meta included. Writes nothing: EXPLAIN of ASSERT and
  // RETRACT stages a transaction, describes it and drops it.
  absl::StatusOr<std::array<int, kFamilyCount>> PendingEntries() const;
  // The dictionary terms this transaction adds, in the order of their ids.
  absl::StatusOr<std::vector<Value>> NewTerms() const;

 private:
  // Every entry of the claims this transaction touched, and the time
  // entries by subject of stored claims whose subject it takes past
  // kSmallSubjectClaims.
  absl::Status ClaimEntries(std::vector<IndexEntry>* out) const;

  Store* store_;
  Counters counters_;
  uint64_t first_new_claim_;  // claims from this id on are this txn's
  RocksBatch batch_;          // terms and schema; claims are added by Commit
  absl::flat_hash_map<std::string, uint64_t> new_terms_;
  absl::flat_hash_map<uint64_t, ClaimRecord> touched_;  // claims of this txn
  std::optional<Store::CurrentSchema> new_schema_;      // published on commit
  bool committed_ = false;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_WRITE_TXN_H_
