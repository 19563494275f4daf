// Tokens of the query language (../shared/DESIGN.md §3): what the lexer makes
// of the query text and the parser reads.
//
// Keywords are matched case-insensitively. Most are *reserved*: the lexer
// gives them as kKeyword tokens, so a name spelled like one must be quoted
// (`"order"`). A few are *contextual*: the lexer gives them as identifiers and
// the parser recognises them only where they mean something (the period
// comparisons after an operand in FILTER), so they stay usable as names
// (`?x contains ?y`). kKeywordTable is the one list of both; README.md shows
// it as a table.
#ifndef ANNALS_QUERY_TOKEN_H_
#define ANNALS_QUERY_TOKEN_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "annals/time.h"

namespace annals::query {

// Where a token or node starts in the query text: 1-based line and byte
// column, and 0-based byte offset.
struct SourcePos {
  int64_t line = 1;
  int64_t column = 1;
  int64_t offset = 0;

  friend bool operator==(const SourcePos& a, const SourcePos& b) {
    return a.offset == b.offset && a.line == b.line && a.column == b.column;
  }
};

enum class Keyword : uint8_t {
  kNone,
  // Statements.
  kFind,
  kHistory,
  kChanges,
  kDiff,
  kDisputes,
  kPath,
  kAssert,
  kRetract,
  kExplain,
  kAnalyze,
  // FIND's clauses.
  kWhere,
  kFilter,
  kNot,
  kOptional,
  kDistinct,
  kGroup,
  kOrder,
  kBy,
  kAsc,
  kDesc,
  kLimit,
  kOffset,
  kAnd,
  kOr,
  // Time.
  kAt,
  kDuring,
  kTo,
  kAs,
  kOf,
  kPossibly,
  kBetween,
  kNow,
  // PATH.
  kVia,
  kMax,
  kIn,
  // ASSERT.
  kFrom,
  kSource,
  kConfidence,
  // Literals.
  kTrue,
  kFalse,
  // Contextual: period comparisons (DURING above is one too, but reserved).
  kOverlaps,
  kContains,
  kPrecedes,
  kSucceeds,
  kMeets,
  kStarts,
  kFinishes,
  kEquals,
};

struct KeywordInfo {
  Keyword keyword;
  std::string_view name;  // upper case, as printed
  bool reserved;          // false: contextual, lexed as an identifier
};

// Every keyword, in the order of the enum (kNone excluded).
extern const KeywordInfo kKeywordTable[];
extern const size_t kKeywordCount;

// The keyword spelled `word` (any case), or nullptr.
const KeywordInfo* FindKeyword(std::string_view word);
// Upper-case spelling: "WHERE". Empty for kNone.
std::string_view KeywordName(Keyword keyword);
bool IsReserved(Keyword keyword);

enum class TokenKind : uint8_t {
  kEnd,         // end of the text
  kIdentifier,  // Gazprom, gas_flow_bcm, and contextual keywords
  kKeyword,     // a reserved keyword: see `keyword`
  kQuoted,      // "Power of Siberia 2": text holds it unescaped
  kVariable,    // ?x: text holds `x`
  kParameter,   // $name: text holds `name`
  kClaimId,     // #c42: integer holds 42
  kInteger,     // 56, -3: integer holds the value
  kDecimal,     // 0.5, -1.25
  kTime,        // 2025-09, 2025-09-02, 2025-09-02T10:00:00Z: time holds it
  kLParen,
  kRParen,
  kLBrace,
  kRBrace,
  kComma,
  kDot,
  kSemicolon,
  kColon,
  kStar,
  kSlash,
  kEq,
  kNe,  // != or <>
  kLt,
  kLe,
  kGt,
  kGe,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  Keyword keyword = Keyword::kNone;  // kKeyword only
  // The token as written: a view of the query text, which must outlive it.
  std::string_view source;
  // kIdentifier: the name; kQuoted: the unescaped text; kVariable and
  // kParameter: the name without `?` / `$`; numbers and times: as written.
  std::string text;
  int64_t integer = 0;  // kInteger, kClaimId
  TimePoint time;       // kTime
  SourcePos pos;
};

}  // namespace annals::query

#endif  // ANNALS_QUERY_TOKEN_H_
