// Results computed up front; see query_result.h.
#include "query/query_result.h"

#include <utility>

namespace annals::query {
namespace {

class FixedSource : public RowSource {
 public:
  explicit FixedSource(std::vector<Row> rows) : rows_(std::move(rows)) {}
  bool Next(Row* row, absl::Status* status) override {
    *status = absl::OkStatus();
    if (next_ >= rows_.size()) return false;
    *row = std::move(rows_[next_++]);
    return true;
  }

 private:
  std::vector<Row> rows_;
  size_t next_ = 0;
};

}  // namespace

QueryResult FixedResult(std::vector<std::string> columns, std::string view,
                        std::vector<Row> rows) {
  return {std::move(columns),
          std::move(view),
          std::make_unique<FixedSource>(std::move(rows)),
          {}};
}

QueryResult PlanResult(const std::vector<std::string>& lines,
                       std::string view) {
  std::vector<Row> rows;
  for (const std::string& line : lines) {
    rows.push_back({Cell::Of(Value::String(line))});
  }
  return FixedResult({"plan"}, std::move(view), std::move(rows));
}

}  // namespace annals::query
