// ResultSet; implements include/annals/result.h over the query layer's
// QueryResult (api/result_set_impl.h).
#include "annals/result.h"

#include <utility>

#include "api/result_set_impl.h"

namespace annals {

ResultSet::ResultSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ResultSet::ResultSet(ResultSet&&) noexcept = default;
ResultSet& ResultSet::operator=(ResultSet&&) noexcept = default;
ResultSet::~ResultSet() = default;

const std::vector<std::string>& ResultSet::columns() const {
  return impl_->result.columns;
}
const std::string& ResultSet::view() const { return impl_->result.view; }
const std::vector<std::string>& ResultSet::notices() const {
  return impl_->result.notices;
}
const Row& ResultSet::row() const { return impl_->row; }
absl::Status ResultSet::status() const { return impl_->status; }

bool ResultSet::Next() {
  Impl& r = *impl_;
  if (!r.status.ok() || r.result.rows == nullptr) return false;
  return r.result.rows->Next(&r.row, &r.status);
}

absl::Status ResultSet::ReadAll(std::vector<Row>* rows) {
  // Moved, not copied: the next row is built anew either way.
  while (Next()) rows->push_back(std::move(impl_->row));
  return impl_->status;
}

void ResultSet::DeferTerms() {
  if (impl_->result.rows != nullptr) impl_->result.rows->DeferTerms();
}

absl::Status ResultSet::TermValue(uint64_t id, Value* out) {
  if (impl_->result.rows == nullptr) {
    return absl::InternalError("this result reads no terms");
  }
  return impl_->result.rows->Term(id, out);
}

}  // namespace annals
