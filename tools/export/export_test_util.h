// Test helpers for `annals export` (tests only), on tests/support/: exporting
// to a string, loading text into a fresh store, and the claims of
// a store in the form the round-trip promise compares.
#ifndef ANNALS_TOOLS_EXPORT_EXPORT_TEST_UTIL_H_
#define ANNALS_TOOLS_EXPORT_EXPORT_TEST_UTIL_H_

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"
#include "tools/export/export_writer.h"

namespace annals::exporter::test_util {

using test::ReadFile;
using test::TempDir;  // tests/support/temp_dir.h
using test::WriteFile;

inline std::string ExportText(Database& db, const ExportOptions& options) {
  std::ostringstream out;
  auto result = Export(db, options, &out);
  EXPECT_TRUE(result.ok()) << result.status();
  return out.str();
}

inline std::string ExportText(Database& db, ExportFormat format) {
  ExportOptions options;
  options.format = format;
  return ExportText(db, options);
}

// What "the same claim" means for an export: everything but the claim id,
// its load batch and row, and its retraction.
inline std::string Describe(const Claim& c) {
  return absl::StrCat(
      std::string(ValueKindName(c.subject.kind())), ":", c.subject.ToString(),
      " | ", c.predicate, " | ", std::string(ValueKindName(c.object.kind())),
      ":", c.object.ToString(),
      c.object.kind() == ValueKind::kQuantity
          ? absl::StrCat(" unit ", c.object.unit())
          : "",
      " | ", c.valid.from ? c.valid.from->ToString() : "open", " .. ",
      c.valid.to ? c.valid.to->ToString() : "open", " | recorded ",
      c.recorded.ToString(), " | source ", c.source, " | by ", c.by,
      " | confidence ", absl::StrFormat("%.17g", c.confidence));
}

// The claims a view of `db` holds, in id order, as Describe() gives them.
inline std::vector<std::string> ClaimsOf(Database& db,
                                         TimeView view = TimeView::AllTime()) {
  auto claims = db.Find(ClaimPattern(), view);
  EXPECT_TRUE(claims.ok()) << claims.status();
  std::vector<Claim> sorted = claims.ok() ? *claims : std::vector<Claim>();
  std::sort(sorted.begin(), sorted.end(),
            [](const Claim& a, const Claim& b) { return a.id < b.id; });
  std::vector<std::string> out;
  for (const Claim& c : sorted) out.push_back(Describe(c));
  return out;
}

}  // namespace annals::exporter::test_util

#endif  // ANNALS_TOOLS_EXPORT_EXPORT_TEST_UTIL_H_
