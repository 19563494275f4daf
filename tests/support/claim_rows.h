// Claims written straight through engine::WriteTxn, with the valid and
// recorded times a test chooses, for the unit tests of the engine and query
// layers (the public API records every claim "now").
#ifndef ANNALS_TESTS_SUPPORT_CLAIM_ROWS_H_
#define ANNALS_TESTS_SUPPORT_CLAIM_ROWS_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "annals/value.h"
#include "engine/claim_record.h"
#include "engine/write_txn.h"

namespace annals::test {

// Unix seconds of the first instant of a day.
int64_t DaySeconds(int y, int m, int d);

struct RowSpec {
  std::string_view s, p;  // entities
  Value o;
  std::optional<int64_t> from, to;  // day-precision seconds; nullopt: open
  int64_t recorded = 0;             // unix seconds
};

// The row of `spec`, its terms made in `txn` (not yet asserted).
absl::StatusOr<engine::ClaimRecord> MakeRow(engine::WriteTxn& txn,
                                            const RowSpec& spec);
// MakeRow, then Assert; the row with its new id.
absl::StatusOr<engine::ClaimRecord> AssertRow(engine::WriteTxn& txn,
                                              const RowSpec& spec);

}  // namespace annals::test

#endif  // ANNALS_TESTS_SUPPORT_CLAIM_ROWS_H_
