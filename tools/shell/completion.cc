// Completion candidates; see completion.h.
#include "tools/shell/completion.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "common/absl_view.h"
#include "common/escape.h"

namespace annals::shell {

const std::vector<std::string>& Keywords() {
  static const auto* const kKeywords = new std::vector<std::string>{
      "FIND",     "HISTORY",    "CHANGES",  "DIFF",    "DISPUTES", "PATH",
      "ASSERT",   "RETRACT",    "EXPLAIN",  "ANALYZE", "WHERE",    "FILTER",
      "NOT",      "OPTIONAL",   "DISTINCT", "GROUP",   "ORDER",    "BY",
      "ASC",      "DESC",       "LIMIT",    "OFFSET",  "AND",      "OR",
      "AT",       "DURING",     "TO",       "AS",      "OF",       "POSSIBLY",
      "BETWEEN",  "NOW",        "VIA",      "MAX",     "IN",       "FROM",
      "SOURCE",   "CONFIDENCE", "TRUE",     "FALSE",   "OVERLAPS", "CONTAINS",
      "PRECEDES", "SUCCEEDS",   "MEETS",    "STARTS",  "FINISHES", "EQUALS"};
  return *kKeywords;
}

const std::vector<std::string>& DotCommands() {
  static const auto* const kDot = new std::vector<std::string>{
      ".asof", ".at",     ".exit", ".explain", ".help",   ".keys",  ".load",
      ".mode", ".output", ".quit", ".read",    ".schema", ".stats", ".timer"};
  return *kDot;
}

namespace {
bool IsKeyword(absl::string_view word) {
  for (const auto& k : Keywords()) {
    if (absl::EqualsIgnoreCase(k, word)) return true;
  }
  return false;
}
}  // namespace

std::string QuoteName(absl::string_view name) {
  bool plain = !name.empty() &&
               !absl::ascii_isdigit(static_cast<unsigned char>(name[0]));
  for (char c : name) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_') {
      plain = false;
    }
  }
  if (plain && !IsKeyword(name)) return std::string(name);
  return QueryQuoted(StdView(name));
}

std::vector<std::string> CompletionCandidates(absl::string_view word,
                                              bool in_quotes,
                                              bool at_line_start,
                                              const CompletionWords& words) {
  std::vector<std::string> out;
  auto names = [&](const std::vector<std::string>& list) {
    for (const auto& name : list) {
      if (!absl::StartsWith(name, word)) continue;
      out.push_back(in_quotes ? name : QuoteName(name));
    }
  };
  if (!in_quotes) {
    if (at_line_start && absl::StartsWith(word, ".")) {
      for (const auto& d : DotCommands()) {
        if (absl::StartsWith(d, word)) out.push_back(d);
      }
      return out;
    }
    if (!word.empty()) {
      for (const auto& k : Keywords()) {
        if (absl::StartsWithIgnoreCase(k, word)) out.push_back(k);
      }
    }
  }
  names(words.predicates);
  names(words.entities);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace annals::shell
