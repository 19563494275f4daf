// The engine-level claim writers of claim_rows.h.
#include "tests/support/claim_rows.h"

#include <string>

#include "annals/time.h"
#include "common/status_macros.h"

namespace annals::test {

int64_t DaySeconds(int y, int m, int d) {
  return TimePoint::FromCivil(y, m, d, 0, 0, 0, Precision::kDay).seconds;
}

absl::StatusOr<engine::ClaimRecord> MakeRow(engine::WriteTxn& txn,
                                            const RowSpec& spec) {
  engine::ClaimRecord row;
  ANNALS_ASSIGN_OR_RETURN(row.s,
                          txn.TermId(Value::Entity(std::string(spec.s))));
  ANNALS_ASSIGN_OR_RETURN(row.p,
                          txn.TermId(Value::Entity(std::string(spec.p))));
  ANNALS_ASSIGN_OR_RETURN(row.o, txn.TermId(spec.o));
  const auto day = static_cast<uint8_t>(Precision::kDay);
  if (spec.from) row.from = {*spec.from, day};
  if (spec.to) row.to = {*spec.to, day};
  row.recorded = spec.recorded;
  return row;
}

absl::StatusOr<engine::ClaimRecord> AssertRow(engine::WriteTxn& txn,
                                              const RowSpec& spec) {
  ANNALS_ASSIGN_OR_RETURN(engine::ClaimRecord row, MakeRow(txn, spec));
  ANNALS_RETURN_IF_ERROR(txn.Assert(&row));
  return row;
}

}  // namespace annals::test
