// What a ResultSet holds: the query layer's result and the row being read.
// Internal to the API (database.cc makes ResultSets, result.cc reads them).
#ifndef ANNALS_API_RESULT_SET_IMPL_H_
#define ANNALS_API_RESULT_SET_IMPL_H_

#include <memory>

#include "annals/result.h"
#include "query/query_result.h"

namespace annals {

struct ResultSet::Impl {
  explicit Impl(query::QueryResult r) : result(std::move(r)) {}
  query::QueryResult result;
  Row row;
  absl::Status status;
};

}  // namespace annals

#endif  // ANNALS_API_RESULT_SET_IMPL_H_
