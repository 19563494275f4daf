// Names of the load-file columns: ColumnName() for messages and
// ColumnFromName() to map a header name or JSON key (case-insensitive,
// surrounding whitespace ignored, renames of LoadOptions::columns first) to
// its Column.
#include "load/raw_row.h"

#include <array>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "load/reader_util.h"

namespace annals::load {
namespace {

constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "subject",     "predicate", "object", "valid_from", "valid_to",
    "recorded_at", "source",    "by",     "confidence", "object_type"};

// `name` without surrounding whitespace.
std::string_view Trim(std::string_view name) {
  size_t b = 0, e = name.size();
  while (b < e && absl::ascii_isspace(name[b])) ++b;
  while (e > b && absl::ascii_isspace(name[e - 1])) --e;
  return name.substr(b, e - b);
}

}  // namespace

std::string_view ColumnName(Column c) {
  const int i = static_cast<int>(c);
  if (i < 0 || i >= kColumnCount) return "?";
  return kColumnNames[i];
}

int ColumnFromName(std::string_view header_name) {
  const std::string_view name = Trim(header_name);
  for (int i = 0; i < kColumnCount; ++i) {
    const std::string_view known = kColumnNames[i];
    if (known.size() != name.size()) continue;
    bool equal = true;
    for (size_t k = 0; k < name.size() && equal; ++k) {
      equal = absl::ascii_tolower(name[k]) == known[k];
    }
    if (equal) return i;
  }
  return -1;
}

absl::StatusOr<ColumnRenames> ResolveColumnRenames(
    const std::vector<std::pair<std::string, std::string>>& columns) {
  ColumnRenames renames;
  for (const auto& [from, to] : columns) {
    const std::string where =
        absl::StrCat("column mapping ", from, ":", to, ": ");
    const std::string_view name = Trim(from);
    if (name.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(where, "no name to map"));
    }
    const int index = ColumnFromName(to);
    if (index < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, UnknownColumnMessage("column", Trim(to))));
    }
    for (const ColumnRename& r : renames) {
      if (absl::EqualsIgnoreCase(r.name, AbslView(name))) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, "'", AbslView(name), "' is mapped twice"));
      }
      if (static_cast<int>(r.column) == index) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, "'", r.name, "' is mapped to ",
                         AbslView(ColumnName(r.column)), " already"));
      }
    }
    renames.push_back({std::string(name), static_cast<Column>(index)});
  }
  return renames;
}

int ColumnFromName(std::string_view header_name, const ColumnRenames& renames,
                   int* rename) {
  if (rename != nullptr) *rename = -1;
  if (!renames.empty()) {
    const std::string_view name = Trim(header_name);
    for (size_t i = 0; i < renames.size(); ++i) {
      if (absl::EqualsIgnoreCase(renames[i].name, AbslView(name))) {
        if (rename != nullptr) *rename = static_cast<int>(i);
        return static_cast<int>(renames[i].column);
      }
    }
  }
  return ColumnFromName(header_name);
}

}  // namespace annals::load
