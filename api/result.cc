// ResultSet and Cell; implements include/annals/result.h.
#include "annals/result.h"

namespace annals {

std::string Cell::ToString() const {
  switch (kind) {
    case Kind::kNull:
      return "";
    case Kind::kValue:
      return value.ToString();
    case Kind::kInterval:
      return interval.ToString();
  }
  return "";
}

ResultSet::ResultSet(std::vector<std::string> columns, std::string view,
                     std::unique_ptr<Source> source)
    : columns_(std::move(columns)),
      view_(std::move(view)),
      source_(std::move(source)) {}
ResultSet::ResultSet(ResultSet&&) noexcept = default;
ResultSet& ResultSet::operator=(ResultSet&&) noexcept = default;
ResultSet::~ResultSet() = default;

bool ResultSet::Next() {
  if (!status_.ok() || source_ == nullptr) return false;
  return source_->Next(&row_, &status_);
}

absl::Status ResultSet::ReadAll(std::vector<Row>* rows) {
  while (Next()) rows->push_back(row_);
  return status_;
}

}  // namespace annals
