// The store and limit options of the command line; see store_flags.h.
#include "tools/cli/store_flags.h"

#include <limits>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"

namespace annals::cli {

absl::StatusOr<int64_t> ParseTimeout(absl::string_view text) {
  const std::string t(absl::StripAsciiWhitespace(text));
  auto bad = [&] {
    return absl::InvalidArgumentError(absl::StrCat(
        "a timeout is milliseconds (1500) or a duration (30s, 500ms, 2m), "
        "0 for none; not '",
        t, "'"));
  };
  int64_t ms = 0;
  if (absl::SimpleAtoi(t, &ms)) {
    if (ms < 0) return bad();
    return ms;
  }
  absl::Duration d;
  if (t.empty() || !absl::ascii_isdigit(t[0]) || !absl::ParseDuration(t, &d) ||
      d < absl::ZeroDuration() || d == absl::InfiniteDuration()) {
    return bad();
  }
  ms = absl::ToInt64Milliseconds(d);
  if (ms == 0 && d > absl::ZeroDuration()) ms = 1;  // 0.1ms: not "none"
  return ms;
}

absl::StatusOr<int64_t> ParseMaxRows(absl::string_view text) {
  const std::string t(absl::StripAsciiWhitespace(text));
  int64_t rows = 0;
  if (t.empty() || !absl::ascii_isdigit(t[0]) || !absl::SimpleAtoi(t, &rows)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "a row limit is a number of rows (5000), 0 for none; not '", t, "'"));
  }
  return rows == 0 ? std::numeric_limits<int64_t>::max() : rows;
}

std::string TimeoutText(int64_t timeout_ms) {
  if (timeout_ms <= 0) return "none";
  if (timeout_ms % 1000 == 0) return absl::StrCat(timeout_ms / 1000, "s");
  return absl::StrCat(timeout_ms, "ms");
}

std::string MaxRowsText(int64_t max_rows) {
  if (max_rows == std::numeric_limits<int64_t>::max()) return "none";
  return absl::StrCat(max_rows);
}

absl::StatusOr<bool> ParseStoreFlag(absl::string_view name,
                                    absl::string_view value, bool limits,
                                    StoreFlags* flags) {
  if (name == "read-only") {
    if (!value.empty()) {
      return absl::InvalidArgumentError("--read-only takes no value");
    }
    flags->read_only = true;
    return true;
  }
  if (!limits) return false;
  if (name == "max-rows") {
    absl::StatusOr<int64_t> rows = ParseMaxRows(value);
    if (!rows.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--max-rows: ", rows.status().message()));
    }
    flags->limits.max_rows = *rows;
    return true;
  }
  if (name == "timeout") {
    absl::StatusOr<int64_t> ms = ParseTimeout(value);
    if (!ms.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--timeout: ", ms.status().message()));
    }
    flags->limits.timeout_ms = *ms;
    return true;
  }
  return false;
}

std::string NameLimitFlags(absl::string_view message, bool shell) {
  return absl::StrReplaceAll(
      message,
      {{"QueryOptions::max_rows", shell ? ".maxrows" : "--max-rows"},
       {"QueryOptions::timeout_ms", shell ? ".timeout" : "--timeout"}});
}

}  // namespace annals::cli
