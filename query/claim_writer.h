// The write path ASSERT and RETRACT statements go through. The Database
// implements it with the one write path it also serves Database::Assert and
// Database::Retract by (validation, the schema, supersession, one atomic
// WriteBatch each), so the query layer writes without knowing the facade.
#ifndef ANNALS_QUERY_CLAIM_WRITER_H_
#define ANNALS_QUERY_CLAIM_WRITER_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "annals/claim.h"
#include "engine/claim_record.h"
#include "engine/write_txn.h"

namespace annals::query {

// Write now, or stage the write as it would run and drop it (EXPLAIN).
enum class WriteMode { kCommit, kDryRun };

// What an assert did (or, dry, would do).
struct AssertEffect {
  engine::ClaimRecord added;  // id 0: it duplicates superseded.duplicate_of
  engine::WriteTxn::Superseded superseded;
  std::vector<std::string> entries;  // dry run: engine::DescribeEntries
  ClaimId id() const {
    return added.id != 0 ? added.id : superseded.duplicate_of;
  }
};

class ClaimWriter {
 public:
  virtual ~ClaimWriter() = default;
  // OK when the store's schema accepts `input`'s claim; InvalidArgument
  // naming the predicate, the expected and the found type otherwise.
  virtual absl::Status CheckSchema(const ClaimInput& input) = 0;
  // Records `input`'s claim as Database::Assert does.
  virtual absl::StatusOr<AssertEffect> Assert(const ClaimInput& input,
                                              WriteMode mode) = 0;
  // Retracts `ids` in order, one atomic write each; a dry run stages them
  // all in one transaction (naming a claim twice fails as it would) and
  // fills `entries` with each claim's lines. On an error, `*done` says how
  // many were retracted (or staged) before the one that failed.
  virtual absl::Status Retract(
      const std::vector<ClaimId>& ids, WriteMode mode, size_t* done,
      std::vector<std::vector<std::string>>* entries) = 0;
};

}  // namespace annals::query

#endif  // ANNALS_QUERY_CLAIM_WRITER_H_
