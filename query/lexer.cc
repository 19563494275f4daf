// The lexer (see lexer.h).
#include "query/lexer.h"

#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "common/utf8.h"
#include "query/diagnostic.h"

namespace annals::query {
namespace {

bool IsDigit(uint32_t c) { return c >= '0' && c <= '9'; }
bool IsAsciiNameChar(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) ||
         c == '_';
}

// Non-ASCII characters that are not letters: Latin-1 punctuation and
// symbols, general punctuation and the symbol blocks up to U+2BFF, CJK and
// fullwidth punctuation, surrogates, private use, specials, emoji, tags.
bool IsNonAsciiLetter(uint32_t cp) {
  struct Range {
    uint32_t lo, hi;
  };
  static constexpr Range kNotLetters[] = {
      {0x80, 0xA9},     {0xAB, 0xB4},       {0xB6, 0xB9},
      {0xBB, 0xBF},     {0xD7, 0xD7},       {0xF7, 0xF7},
      {0x2000, 0x2BFF}, {0x2E00, 0x2E7F},   {0x3000, 0x3004},
      {0x3008, 0x303F}, {0xD800, 0xF8FF},   {0xFE10, 0xFE1F},
      {0xFE30, 0xFE6F}, {0xFEFF, 0xFEFF},   {0xFF00, 0xFF0F},
      {0xFF1A, 0xFF20}, {0xFF3B, 0xFF40},   {0xFF5B, 0xFF65},
      {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF}, {0xE0000, 0x10FFFF}};
  if (cp < 0x80) return false;
  for (const Range& r : kNotLetters) {
    if (cp >= r.lo && cp <= r.hi) return false;
  }
  return true;
}

bool IsUnicodeSpace(uint32_t cp) {
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

bool IsQuoteLike(uint32_t cp) {
  return cp == 0xAB || cp == 0xBB || (cp >= 0x2018 && cp <= 0x201F) ||
         cp == 0x2032 || cp == 0x2033;
}

}  // namespace

Lexer::Lexer(std::string_view text) : text_(text) {}

SourcePos Lexer::Pos() const {
  return {line_, static_cast<int64_t>(offset_ - line_start_) + 1,
          static_cast<int64_t>(offset_)};
}

void Lexer::Advance(size_t bytes) {
  for (size_t end = offset_ + bytes; offset_ < end; ++offset_) {
    if (text_[offset_] == '\n') {
      ++line_;
      line_start_ = offset_ + 1;
    }
  }
}

absl::Status Lexer::Error(const SourcePos& pos,
                          std::string_view message) const {
  return SyntaxError(text_, pos, message);
}

absl::Status Lexer::InvalidUtf8() const {
  return Error(Pos(), absl::StrFormat("invalid UTF-8 (byte 0x%02X)",
                                      static_cast<unsigned char>(Peek())));
}

// Length of the name character (letter, digit or `_`) at `offset`, or 0.
size_t Lexer::NameCharAt(size_t offset) const {
  if (offset >= text_.size()) return 0;
  auto c = static_cast<unsigned char>(text_[offset]);
  if (c < 0x80) return IsAsciiNameChar(c) ? 1 : 0;
  uint32_t cp = 0;
  size_t len = DecodeUtf8(text_, offset, &cp);
  return len > 0 && IsNonAsciiLetter(cp) ? len : 0;
}

absl::Status Lexer::SkipSpace() {
  while (offset_ < text_.size()) {
    char c = Peek();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
        c == '\v') {
      Advance(1);
    } else if (c == '-' && Peek(1) == '-') {
      while (offset_ < text_.size() && Peek() != '\n') {
        uint32_t cp = 0;
        size_t len = DecodeUtf8(text_, offset_, &cp);
        if (len == 0) return InvalidUtf8();
        Advance(len);
      }
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      uint32_t cp = 0;
      size_t len = DecodeUtf8(text_, offset_, &cp);
      if (len == 0) return InvalidUtf8();
      if (!IsUnicodeSpace(cp) && !(cp == 0xFEFF && offset_ == 0)) break;
      Advance(len);
    } else {
      break;
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<Token> Lexer::Next() {
  ANNALS_RETURN_IF_ERROR(SkipSpace());
  Token token;
  token.pos = Pos();
  if (offset_ >= text_.size()) return token;  // kEnd
  size_t start = offset_;
  char c = Peek();
  absl::Status status;
  if (NameCharAt(offset_) > 0 && !IsDigit(c)) {
    status = LexWord(&token);
  } else if (IsDigit(c) || ((c == '-' || c == '+') && IsDigit(Peek(1)))) {
    status = LexNumber(&token);
  } else if (c == '"') {
    status = LexQuoted(&token);
  } else if (c == '?' || c == '$') {
    status = LexSigil(&token);
  } else if (c == '#') {
    status = LexClaimId(&token);
  } else if (c == '<' && IriAhead()) {
    status = LexIri(&token);
  } else {
    status = LexPunctuation(&token);
  }
  ANNALS_RETURN_IF_ERROR(status);
  token.source = text_.substr(start, offset_ - start);
  return token;
}

absl::Status Lexer::LexWord(Token* token) {
  size_t start = offset_;
  while (size_t len = NameCharAt(offset_)) Advance(len);
  // `wd:Q7747`: a prefixed name (RDF), expanded with the store's prefixes
  // when the statement runs (query/parameters.h).
  if (Peek() == ':' && (NameCharAt(offset_ + 1) > 0 || IsDigit(Peek(1)))) {
    Advance(1);
    while (true) {
      if (size_t len = NameCharAt(offset_)) {
        Advance(len);
      } else if (IsDigit(Peek()) ||
                 ((Peek() == '-' || Peek() == '.') &&
                  (NameCharAt(offset_ + 1) > 0 || IsDigit(Peek(1))))) {
        Advance(1);
      } else {
        break;
      }
    }
    token->kind = TokenKind::kIdentifier;
    token->text = std::string(text_.substr(start, offset_ - start));
    return absl::OkStatus();
  }
  std::string_view word = text_.substr(start, offset_ - start);
  const KeywordInfo* keyword = FindKeyword(word);
  if (keyword != nullptr && keyword->reserved) {
    token->kind = TokenKind::kKeyword;
    token->keyword = keyword->keyword;
  } else {
    token->kind = TokenKind::kIdentifier;
  }
  token->text = std::string(word);
  return absl::OkStatus();
}

bool Lexer::IriAhead() const {
  char first = Peek(1);
  if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z'))) {
    return false;
  }
  bool colon = false;
  for (size_t i = offset_ + 1; i < text_.size(); ++i) {
    auto c = static_cast<unsigned char>(text_[i]);
    if (c == '>') return colon;
    if (c <= 0x20 || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\') {
      return false;
    }
    colon = colon || c == ':';
  }
  return false;
}

absl::Status Lexer::LexIri(Token* token) {
  size_t end = text_.find('>', offset_);
  token->kind = TokenKind::kIdentifier;
  token->text = std::string(text_.substr(offset_ + 1, end - offset_ - 1));
  if (!IsValidUtf8(token->text)) return InvalidUtf8();
  Advance(end + 1 - offset_);
  return absl::OkStatus();
}

absl::Status Lexer::LexQuoted(Token* token) {
  const SourcePos open = Pos();
  Advance(1);
  std::string text;
  while (true) {
    if (offset_ >= text_.size()) return Error(open, "unterminated string");
    char c = Peek();
    if (c == '\n' || c == '\r') {
      return Error(open,
                   "unterminated string (quoted text ends on the line it "
                   "starts; write \\n for a line break)");
    }
    if (c == '"') {
      Advance(1);
      break;
    }
    if (c == '\\') {
      if (offset_ + 1 >= text_.size())
        return Error(open, "unterminated string");
      ANNALS_RETURN_IF_ERROR(LexEscape(&text));
      continue;
    }
    uint32_t cp = 0;
    size_t len = DecodeUtf8(text_, offset_, &cp);
    if (len == 0) return InvalidUtf8();
    if ((cp < 0x20 && cp != '\t') || cp == 0x7F) {
      return Error(Pos(), absl::StrFormat("control character U+%04X in quoted "
                                          "text; write it as \\u%04X",
                                          cp, cp));
    }
    text.append(text_.substr(offset_, len));
    Advance(len);
  }
  token->kind = TokenKind::kQuoted;
  token->text = std::move(text);
  return absl::OkStatus();
}

absl::Status Lexer::LexEscape(std::string* out) {
  const SourcePos at = Pos();
  auto hex4 = [&](size_t from, uint32_t* cp) {
    *cp = 0;
    for (size_t i = from; i < from + 4; ++i) {
      char h = i < text_.size() ? text_[i] : '\0';
      int v = IsDigit(h)               ? h - '0'
              : (h >= 'a' && h <= 'f') ? h - 'a' + 10
              : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                       : -1;
      if (v < 0) return false;
      *cp = *cp * 16 + static_cast<uint32_t>(v);
    }
    return true;
  };
  switch (Peek(1)) {
    case '"':
      out->push_back('"');
      break;
    case '\\':
      out->push_back('\\');
      break;
    case 'n':
      out->push_back('\n');
      break;
    case 't':
      out->push_back('\t');
      break;
    case 'r':
      out->push_back('\r');
      break;
    case 'u': {
      uint32_t cp = 0;
      if (!hex4(offset_ + 2, &cp)) {
        return Error(at, "\\u must be followed by four hex digits");
      }
      if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return Error(at, absl::StrFormat("\\u%04X is the second half of a "
                                         "surrogate pair without the first",
                                         cp));
      }
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        uint32_t low = 0;
        if (Peek(6) != '\\' || Peek(7) != 'u' || !hex4(offset_ + 8, &low) ||
            low < 0xDC00 || low > 0xDFFF) {
          return Error(at, absl::StrFormat("\\u%04X must be followed by the "
                                           "second half of its surrogate pair "
                                           "(\\uDC00 to \\uDFFF)",
                                           cp));
        }
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        Advance(6);
      }
      if (cp == 0) return Error(at, "\\u0000 is not allowed");
      AppendUtf8(cp, out);
      Advance(6);
      return absl::OkStatus();
    }
    default: {
      char c = Peek(1);
      std::string shown = static_cast<unsigned char>(c) >= 0x20 &&
                                  static_cast<unsigned char>(c) < 0x7F
                              ? absl::StrCat("'\\", std::string(1, c), "'")
                              : "after '\\'";
      return Error(at, absl::StrCat("unknown escape ", shown,
                                    " (use \\\", \\\\, \\n, \\t, \\r or "
                                    "\\uXXXX)"));
    }
  }
  Advance(2);
  return absl::OkStatus();
}

absl::Status Lexer::LexSigil(Token* token) {
  const SourcePos at = Pos();
  const char sigil = Peek();
  Advance(1);
  size_t start = offset_;
  while (size_t len = NameCharAt(offset_)) Advance(len);
  if (offset_ == start) {
    return Error(at, sigil == '?' ? "expected a variable name after '?'"
                                  : "expected a parameter name after '$'");
  }
  token->kind = sigil == '?' ? TokenKind::kVariable : TokenKind::kParameter;
  token->text = std::string(text_.substr(start, offset_ - start));
  return absl::OkStatus();
}

absl::Status Lexer::LexClaimId(Token* token) {
  const SourcePos at = Pos();
  if ((Peek(1) != 'c' && Peek(1) != 'C') || !IsDigit(Peek(2))) {
    return Error(at, "expected a claim id such as #c42");
  }
  Advance(2);
  size_t start = offset_;
  while (IsDigit(Peek())) Advance(1);
  std::string_view digits = text_.substr(start, offset_ - start);
  if (NameCharAt(offset_) > 0) {
    while (size_t len = NameCharAt(offset_)) Advance(len);
    return Error(
        at, absl::StrCat("invalid claim id '",
                         AbslView(text_.substr(at.offset, offset_ - at.offset)),
                         "'"));
  }
  if (!absl::SimpleAtoi(AbslView(digits), &token->integer)) {
    return Error(
        at, absl::StrCat("claim id out of range: '#c", AbslView(digits), "'"));
  }
  token->kind = TokenKind::kClaimId;
  token->text = std::string(digits);
  return absl::OkStatus();
}

bool Lexer::LooksDotted() const {
  // At `.` after digits: digits, `.`, digits again (02.09.2025).
  size_t i = offset_ + 1;
  while (i < text_.size() && IsDigit(text_[i])) ++i;
  return i < text_.size() && text_[i] == '.' && i + 1 < text_.size() &&
         IsDigit(text_[i + 1]);
}

absl::Status Lexer::LexNumber(Token* token) {
  const SourcePos at = Pos();
  const size_t start = offset_;
  auto digits = [&] {
    while (IsDigit(Peek())) Advance(1);
  };
  const bool signed_number = Peek() == '-' || Peek() == '+';
  if (signed_number) Advance(1);
  digits();
  const size_t leading_digits = offset_ - start - (signed_number ? 1 : 0);
  // 09/02/2025 or 02.09.2025: a date as other tools write it.
  if ((Peek() == '/' && IsDigit(Peek(1))) ||
      (Peek() == '.' && IsDigit(Peek(1)) && LooksDotted())) {
    while (IsDigit(Peek()) || Peek() == '/' || Peek() == '.') Advance(1);
    return Error(at,
                 absl::StrCat("dates are written YYYY-MM-DD (2025-09-02); "
                              "'",
                              AbslView(text_.substr(start, offset_ - start)),
                              "' is not a date"));
  }
  if (Peek() == '-' && IsDigit(Peek(1))) {
    token->kind = TokenKind::kTime;
    while (Peek() == '-' && IsDigit(Peek(1))) {
      Advance(1);
      digits();
    }
    if (Peek() == 'T' && IsDigit(Peek(1))) {
      Advance(1);
      while (IsDigit(Peek()) || Peek() == ':') Advance(1);
      if (Peek() == 'Z') {
        Advance(1);
      } else if ((Peek() == '+' || Peek() == '-') && IsDigit(Peek(1))) {
        Advance(1);
        while (IsDigit(Peek()) || Peek() == ':') Advance(1);
      }
    }
  } else if (Peek() == '.' && IsDigit(Peek(1))) {
    token->kind = TokenKind::kDecimal;
    Advance(1);
    digits();
  } else {
    token->kind = TokenKind::kInteger;
  }
  if (NameCharAt(offset_) > 0) {
    while (size_t len = NameCharAt(offset_)) Advance(len);
    std::string_view bad = text_.substr(start, offset_ - start);
    return Error(at, absl::StrCat("invalid number '", AbslView(bad),
                                  "': put a space between a number and its "
                                  "unit, and quote names that start with a "
                                  "digit"));
  }
  std::string_view text = text_.substr(start, offset_ - start);
  token->text = std::string(text);
  if (token->kind == TokenKind::kTime && !signed_number && leading_digits < 4) {
    // 225-09-02: a year of fewer than four digits is likelier a slip than
    // the year 225, which is written 0225-09-02 or, signed, +225-09-02.
    std::string padded =
        std::string(4 - leading_digits, '0') + std::string(text);
    return Error(at,
                 absl::StrCat("a year is written with four digits (", padded,
                              "), or signed (+", AbslView(text), ")"));
  }
  if (token->kind == TokenKind::kTime) {
    absl::StatusOr<TimePoint> time = TimePoint::Parse(text);
    if (!time.ok()) return Error(at, StdView(time.status().message()));
    token->time = *time;
  } else if (token->kind == TokenKind::kInteger &&
             !absl::SimpleAtoi(AbslView(text), &token->integer)) {
    return Error(at, absl::StrCat("integer out of range: '", AbslView(text),
                                  "' (integers are 64-bit: at most "
                                  "9223372036854775807)"));
  }
  return absl::OkStatus();
}

absl::Status Lexer::LexPunctuation(Token* token) {
  auto one = [&](TokenKind kind) {
    token->kind = kind;
    Advance(1);
    return absl::OkStatus();
  };
  auto two = [&](TokenKind kind) {
    token->kind = kind;
    Advance(2);
    return absl::OkStatus();
  };
  switch (Peek()) {
    case '(':
      return one(TokenKind::kLParen);
    case ')':
      return one(TokenKind::kRParen);
    case '{':
      return one(TokenKind::kLBrace);
    case '}':
      return one(TokenKind::kRBrace);
    case ',':
      return one(TokenKind::kComma);
    case '.':
      return one(TokenKind::kDot);
    case ';':
      return one(TokenKind::kSemicolon);
    case ':':
      return one(TokenKind::kColon);
    case '*':
      return one(TokenKind::kStar);
    case '/':
      return one(TokenKind::kSlash);
    case '=':
      return one(TokenKind::kEq);
    case '!':
      if (Peek(1) == '=') return two(TokenKind::kNe);
      break;
    case '<':
      if (Peek(1) == '=') return two(TokenKind::kLe);
      if (Peek(1) == '>') return two(TokenKind::kNe);
      return one(TokenKind::kLt);
    case '>':
      if (Peek(1) == '=') return two(TokenKind::kGe);
      return one(TokenKind::kGt);
    default:
      break;
  }
  return UnexpectedCharacter();
}

absl::Status Lexer::UnexpectedCharacter() {
  uint32_t cp = 0;
  size_t len = DecodeUtf8(text_, offset_, &cp);
  if (len == 0) return InvalidUtf8();
  std::string_view ch = text_.substr(offset_, len);
  if (cp == '\'') {
    return Error(Pos(),
                 "unexpected character \"'\": quote names and strings with "
                 "double quotes (\"...\")");
  }
  if (IsQuoteLike(cp)) {
    return Error(Pos(), absl::StrFormat("unexpected character '%s' (U+%04X): "
                                        "quote names and strings with "
                                        "straight double quotes (\"...\")",
                                        AbslView(ch), cp));
  }
  if (cp == '!') {
    return Error(Pos(), "unexpected character '!'; did you mean '!='?");
  }
  if (cp < 0x20 || cp == 0x7F) {
    return Error(Pos(), absl::StrFormat("unexpected character U+%04X", cp));
  }
  if (cp < 0x80) {
    return Error(Pos(),
                 absl::StrCat("unexpected character '", AbslView(ch), "'"));
  }
  return Error(Pos(), absl::StrFormat("unexpected character '%s' (U+%04X)",
                                      AbslView(ch), cp));
}

absl::StatusOr<std::vector<Token>> Tokenize(std::string_view text) {
  Lexer lexer(text);
  std::vector<Token> tokens;
  while (true) {
    ANNALS_ASSIGN_OR_RETURN(Token token, lexer.Next());
    if (token.kind == TokenKind::kEnd) {
      if (!tokens.empty()) {  // just after the last token
        const Token& last = tokens.back();
        int64_t size = static_cast<int64_t>(last.source.size());
        token.pos = {last.pos.line, last.pos.column + size,
                     last.pos.offset + size};
      }
      tokens.push_back(std::move(token));
      return tokens;
    }
    tokens.push_back(std::move(token));
  }
}

bool IsBareName(std::string_view name) {
  if (name.empty() || IsDigit(name[0])) return false;
  for (size_t i = 0; i < name.size();) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (!IsAsciiNameChar(c)) return false;
      ++i;
      continue;
    }
    uint32_t cp = 0;
    size_t len = DecodeUtf8(name, i, &cp);
    if (len == 0 || !IsNonAsciiLetter(cp)) return false;
    i += len;
  }
  const KeywordInfo* keyword = FindKeyword(name);
  return keyword == nullptr || !keyword->reserved;
}

}  // namespace annals::query
