// The lexer: query text -> tokens with line, column and byte offset.
//
// - Space: ASCII white space, the Unicode spaces U+00A0, U+2000..U+200A,
//   U+202F, U+205F, U+3000, a byte-order mark at the very start, and
//   comments from `--` to the end of the line.
// - Identifiers: a letter or `_`, then letters, digits and `_`. Letters are
//   ASCII letters and non-ASCII characters outside the punctuation, symbol,
//   space, emoji and private-use blocks (an approximation of Unicode's letter
//   classes that needs no tables). A reserved keyword (token.h) becomes a
//   kKeyword token; contextual keywords stay identifiers.
// - Quoted text: `"..."` on one line, with the escapes \" \\ \n \t \r and
//   \uXXXX (a surrogate pair for characters above U+FFFF). Raw control
//   characters other than tab, and \u0000, are refused.
// - `?x` variables, `$name` parameters, `#c42` claim ids.
// - RDF names: `<http://example.org/x>` (an IRI: a letter, then no space,
//   quote or `<` up to `>`, with a `:`) and `wd:Q7747` (an identifier, `:`
//   and a local part of name characters, digits, `-` and inner `.`): both
//   kIdentifier tokens, the text the IRI or the prefixed name as written.
// - Numbers: `56`, `-3` (a `-` right before a digit), `0.5`. Integers must fit
//   in 64 bits. A number may not run into a letter (`56bcm`): a quantity is a
//   number, a space and a unit, and the parser puts them together.
// - Times: `2025-09`, `2025-09-02`, `2025-09-02T10:00:00Z` (or `+02:00`),
//   checked by TimePoint::Parse. A bare year `2025` is an integer token: the
//   parser reads it as a year where a time is expected.
// - Punctuation: ( ) { } , . ; : * / = != <> < <= > >=
//
// Errors are InvalidArgument with the position, the source line and a caret
// (diagnostic.h): invalid UTF-8, unterminated strings, bad escapes, integers
// out of range, invalid times, unexpected characters.
#ifndef ANNALS_QUERY_LEXER_H_
#define ANNALS_QUERY_LEXER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "query/token.h"

namespace annals::query {

class Lexer {
 public:
  // `text` must outlive the lexer and its tokens.
  explicit Lexer(std::string_view text);

  // The next token; kEnd at the end of the text, and again on every later
  // call.
  absl::StatusOr<Token> Next();

 private:
  absl::Status SkipSpace();
  absl::Status LexWord(Token* token);
  absl::Status LexQuoted(Token* token);
  // `<http://...>`: an IRI, a name (an absolute IRI, no space, ends at `>`).
  bool IriAhead() const;
  absl::Status LexIri(Token* token);
  absl::Status LexEscape(std::string* out);
  absl::Status LexSigil(Token* token);  // ?x and $name
  absl::Status LexClaimId(Token* token);
  absl::Status LexNumber(Token* token);
  // At `.` after a number's digits: whether a second `.` and digits follow
  // (02.09.2025, a date).
  bool LooksDotted() const;
  absl::Status LexPunctuation(Token* token);
  absl::Status UnexpectedCharacter();

  // The byte at offset_ + ahead, or '\0' past the end.
  char Peek(size_t ahead = 0) const {
    return offset_ + ahead < text_.size() ? text_[offset_ + ahead] : '\0';
  }
  void Advance(size_t bytes);
  size_t NameCharAt(size_t offset) const;
  SourcePos Pos() const;
  absl::Status Error(const SourcePos& pos, std::string_view message) const;
  absl::Status InvalidUtf8() const;

  std::string_view text_;
  size_t offset_ = 0;
  int64_t line_ = 1;
  size_t line_start_ = 0;
};

// Every token of `text`, ending with kEnd. The kEnd token is placed right
// after the last real token, where "found end of input" should point.
absl::StatusOr<std::vector<Token>> Tokenize(std::string_view text);

// True when `name` can be written without quotes: an identifier that is not
// a reserved keyword.
bool IsBareName(std::string_view name);

}  // namespace annals::query

#endif  // ANNALS_QUERY_LEXER_H_
