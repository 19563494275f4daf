// Database::Impl: the store and the write path the API and the query
// language share. Internal to api/: database.cc opens stores and runs
// statements, claim_writes.cc writes claims, claim_reads.cc reads them.
#ifndef ANNALS_API_DATABASE_IMPL_H_
#define ANNALS_API_DATABASE_IMPL_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "annals/database.h"
#include "engine/claim_record.h"
#include "engine/store.h"
#include "engine/write_txn.h"
#include "query/claim_writer.h"
#include "query/parse_cache.h"
#include "schema/schema.h"

namespace annals {

struct Database::Impl : public query::ClaimWriter {
  std::unique_ptr<engine::Store> store;
  query::ParseCache parsed;  // Prepare's

  // The caller's snapshot, or none: a single RocksDB iterator or read is
  // consistent on its own.
  static std::shared_ptr<const engine::Snapshot> SnapshotOf(
      const annals::Snapshot& s) {
    return std::static_pointer_cast<const engine::Snapshot>(s.handle_);
  }

  // Reads (claim_reads.cc): the claims matching `pattern`, in index order,
  // and one claim with its names.
  absl::Status Scan(const ClaimPattern& pattern, const TimeView& view,
                    const annals::Snapshot& snapshot,
                    absl::FunctionRef<bool(Claim&&)> fn);
  absl::StatusOr<Claim> ToClaim(const engine::ClaimRecord& row,
                                const engine::Snapshot* snap);

  // The write path (claim_writes.cc), for Database::Assert and Retract and,
  // as a query::ClaimWriter, for ASSERT and RETRACT statements.
  absl::Status CheckSchema(const ClaimInput& input) override;
  absl::StatusOr<query::AssertEffect> Assert(const ClaimInput& input,
                                             query::WriteMode mode) override;
  absl::Status Retract(const std::vector<ClaimId>& ids, query::WriteMode mode,
                       size_t* done,
                       std::vector<std::vector<std::string>>* entries) override;

 private:
  // Whether `rules` accept `input`'s object (an entity object with its
  // types in the store, an alias as the entity it stands for).
  absl::Status Validate(const schema::Schema& rules, const ClaimInput& input);
  // Puts the claim of `input` into `txn`, uncommitted, superseding (for a
  // `one` predicate) what it supersedes.
  absl::StatusOr<query::AssertEffect> StageAssert(engine::WriteTxn* txn,
                                                  const ClaimInput& input);
};

}  // namespace annals

#endif  // ANNALS_API_DATABASE_IMPL_H_
