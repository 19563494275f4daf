// The keyword table and token names (see token.h).
#include "query/token.h"

#include "absl/strings/match.h"
#include "common/absl_view.h"

namespace annals::query {

// Keep in the order of the Keyword enum, and in step with README.md.
const KeywordInfo kKeywordTable[] = {
    {Keyword::kFind, "FIND", true},
    {Keyword::kHistory, "HISTORY", true},
    {Keyword::kChanges, "CHANGES", true},
    {Keyword::kDiff, "DIFF", true},
    {Keyword::kDisputes, "DISPUTES", true},
    {Keyword::kPath, "PATH", true},
    {Keyword::kAssert, "ASSERT", true},
    {Keyword::kRetract, "RETRACT", true},
    {Keyword::kExplain, "EXPLAIN", true},
    {Keyword::kAnalyze, "ANALYZE", true},
    {Keyword::kWhere, "WHERE", true},
    {Keyword::kFilter, "FILTER", true},
    {Keyword::kNot, "NOT", true},
    {Keyword::kOptional, "OPTIONAL", true},
    {Keyword::kDistinct, "DISTINCT", true},
    {Keyword::kGroup, "GROUP", true},
    {Keyword::kOrder, "ORDER", true},
    {Keyword::kBy, "BY", true},
    {Keyword::kAsc, "ASC", true},
    {Keyword::kDesc, "DESC", true},
    {Keyword::kLimit, "LIMIT", true},
    {Keyword::kOffset, "OFFSET", true},
    {Keyword::kAnd, "AND", true},
    {Keyword::kOr, "OR", true},
    {Keyword::kAt, "AT", true},
    {Keyword::kDuring, "DURING", true},
    {Keyword::kTo, "TO", true},
    {Keyword::kAs, "AS", true},
    {Keyword::kOf, "OF", true},
    {Keyword::kPossibly, "POSSIBLY", true},
    {Keyword::kBetween, "BETWEEN", true},
    {Keyword::kNow, "NOW", true},
    {Keyword::kVia, "VIA", true},
    {Keyword::kMax, "MAX", true},
    {Keyword::kIn, "IN", true},
    {Keyword::kFrom, "FROM", true},
    {Keyword::kSource, "SOURCE", true},
    {Keyword::kConfidence, "CONFIDENCE", true},
    {Keyword::kTrue, "TRUE", true},
    {Keyword::kFalse, "FALSE", true},
    {Keyword::kOverlaps, "OVERLAPS", false},
    {Keyword::kContains, "CONTAINS", false},
    {Keyword::kPrecedes, "PRECEDES", false},
    {Keyword::kSucceeds, "SUCCEEDS", false},
    {Keyword::kMeets, "MEETS", false},
    {Keyword::kStarts, "STARTS", false},
    {Keyword::kFinishes, "FINISHES", false},
    {Keyword::kEquals, "EQUALS", false},
};
const size_t kKeywordCount = sizeof(kKeywordTable) / sizeof(kKeywordTable[0]);

const KeywordInfo* FindKeyword(std::string_view word) {
  // Keywords are 2 to 10 ASCII letters: most identifiers fail the length test.
  if (word.size() < 2 || word.size() > 10) return nullptr;
  for (size_t i = 0; i < kKeywordCount; ++i) {
    if (absl::EqualsIgnoreCase(AbslView(word),
                               AbslView(kKeywordTable[i].name))) {
      return &kKeywordTable[i];
    }
  }
  return nullptr;
}

std::string_view KeywordName(Keyword keyword) {
  if (keyword == Keyword::kNone) return "";
  return kKeywordTable[static_cast<size_t>(keyword) - 1].name;
}

bool IsReserved(Keyword keyword) {
  return keyword != Keyword::kNone &&
         kKeywordTable[static_cast<size_t>(keyword) - 1].reserved;
}

}  // namespace annals::query
