// Shared EXPLAIN pieces; see explain.h.
#include "query/explain.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "query/ast_printer.h"
#include "query/query_result.h"

namespace annals::query {

std::string ScanLine(const engine::IdPattern& ids, const TimeView& view,
                     std::string_view s, std::string_view p,
                     std::string_view o) {
  return absl::StrCat("scan ", engine::ChooseIndex(ids, view).ToString(),
                      " for ", AbslView(s), " ", AbslView(p), " ", AbslView(o));
}

std::string TermText(const std::optional<Term>& term,
                     std::string_view variable) {
  return term ? ToString(*term) : absl::StrCat("?", AbslView(variable));
}

std::string AllValidTime(std::string_view description, bool retracted) {
  size_t comma = description.find(',');
  std::string_view recorded =
      comma == std::string_view::npos ? "" : description.substr(comma);
  return absl::StrCat("all valid time", retracted ? ", retracted included" : "",
                      AbslView(recorded));
}

}  // namespace annals::query
