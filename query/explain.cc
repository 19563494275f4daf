// Shared EXPLAIN pieces; see explain.h.
#include "query/explain.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "query/ast_printer.h"
#include "query/session.h"

namespace annals::query {

ResultSet PlanResult(const std::vector<std::string>& lines, std::string view) {
  std::vector<Row> rows;
  for (const std::string& line : lines) {
    rows.push_back({Cell::Of(Value::String(line))});
  }
  return FixedResult({"plan"}, std::move(view), std::move(rows));
}

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

namespace {

// The families a write puts entries in, in the order EXPLAIN lists them,
// with what the entries are.
struct FamilyRole {
  engine::Family family;
  std::string_view role;
};
constexpr FamilyRole kWriteRoles[] = {
    {engine::Family::kClaims, "the claim record"},
    {engine::Family::kSpo, "the index entry"},
    {engine::Family::kPos, "the index entry"},
    {engine::Family::kOsp, "the index entry"},
    {engine::Family::kTime,
     "the interval-tree entries, lower and upper, by subject and by "
     "predicate"},
    {engine::Family::kTerms, "the new terms by id"},
    {engine::Family::kTermIds, "the new terms by value"},
    {engine::Family::kMeta, "the counters that change"},
};

}  // namespace

std::vector<std::string> WritePlan(
    std::string_view what, const std::array<int, engine::kFamilyCount>& entries,
    const std::vector<Value>& new_terms) {
  std::vector<std::string> lines = {
      absl::StrCat(AbslView(what), "; EXPLAIN writes nothing")};
  for (const FamilyRole& f : kWriteRoles) {
    int n = entries[static_cast<int>(f.family)];
    if (n == 0) continue;
    std::string line =
        absl::StrCat("put ", n, " in ", engine::FamilyName(f.family), ": ",
                     AbslView(f.role));
    if (f.family == engine::Family::kTerms) {
      for (size_t i = 0; i < new_terms.size(); ++i) {
        absl::StrAppend(&line, i == 0 ? " (" : ", ", new_terms[i].ToString());
      }
      if (!new_terms.empty()) absl::StrAppend(&line, ")");
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace annals::query
