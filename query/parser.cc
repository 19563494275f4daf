// The parser's entry points, token cursor, errors, and the statement rule
// (see parser.h and parser_internal.h).
#include "query/parser.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "common/utf8.h"
#include "query/diagnostic.h"
#include "query/lexer.h"
#include "query/parser_internal.h"
#include "query/suggest.h"

namespace annals::query {
namespace internal {
namespace {

const std::vector<Keyword> kStatementKeywords = {
    Keyword::kFind,   Keyword::kHistory,  Keyword::kChanges,
    Keyword::kDiff,   Keyword::kDisputes, Keyword::kPath,
    Keyword::kAssert, Keyword::kRetract,  Keyword::kExplain};

constexpr size_t kDescribeBytes = 40;

}  // namespace

std::string Describe(const Token& token) {
  if (token.kind == TokenKind::kEnd) return "end of input";
  std::string_view s = token.source;
  if (s.size() <= kDescribeBytes) return absl::StrCat("'", AbslView(s), "'");
  const size_t cut = Utf8CutPoint(s, kDescribeBytes - 3);
  return absl::StrCat("'", AbslView(s.substr(0, cut)), "...'");
}

Parser::Parser(std::string_view text, std::vector<Token> tokens)
    : text_(text), tokens_(std::move(tokens)) {}

absl::Status Parser::Nesting::Check() const {
  if (parser_->depth_ <= kMaxNesting) return absl::OkStatus();
  return parser_->ErrorAt(parser_->Peek().pos,
                          absl::StrCat("nesting deeper than ", kMaxNesting));
}

// The cursor.

const Token& Parser::Peek(size_t ahead) const {
  size_t i = next_ + ahead;
  return i < tokens_.size() ? tokens_[i] : tokens_.back();
}

const Token& Parser::Advance() {
  const Token& token = Peek();
  if (next_ + 1 < tokens_.size()) ++next_;
  return token;
}

bool Parser::AtKeyword(Keyword keyword) const {
  const Token& token = Peek();
  if (IsReserved(keyword)) {
    return token.kind == TokenKind::kKeyword && token.keyword == keyword;
  }
  return token.kind == TokenKind::kIdentifier &&
         absl::EqualsIgnoreCase(token.text, AbslView(KeywordName(keyword)));
}

bool Parser::Accept(TokenKind kind) {
  if (!At(kind)) return false;
  Advance();
  return true;
}

bool Parser::AcceptKeyword(Keyword keyword) {
  if (!AtKeyword(keyword)) return false;
  Advance();
  return true;
}

absl::Status Parser::ExpectKeyword(Keyword keyword) {
  if (AcceptKeyword(keyword)) return absl::OkStatus();
  return Expected(KeywordName(keyword), {keyword});
}

// Errors.

absl::Status Parser::ErrorAt(const SourcePos& pos,
                             std::string_view message) const {
  return SyntaxError(text_, pos, message);
}

absl::Status Parser::Expected(std::string_view what,
                              const std::vector<Keyword>& candidates) const {
  std::vector<std::string_view> names;
  for (Keyword k : candidates) names.push_back(KeywordName(k));
  return ExpectedNear(what, names);
}

absl::Status Parser::ExpectedNear(
    std::string_view what,
    const std::vector<std::string_view>& candidates) const {
  const Token& found = Peek();
  std::string message =
      absl::StrCat("expected ", AbslView(what), ", found ", Describe(found));
  if (found.kind == TokenKind::kIdentifier) {
    if (std::optional<std::string> near = NearestName(found.text, candidates)) {
      absl::StrAppend(&message, "; did you mean `", *near, "`?");
    }
  }
  return ErrorAt(found.pos, message);
}

absl::Status Parser::GivenTwice(const Token& keyword) const {
  std::string_view rest =
      keyword.keyword == Keyword::kIn ? " ORDER"
      : keyword.keyword == Keyword::kGroup || keyword.keyword == Keyword::kOrder
          ? " BY"
          : "";
  return ErrorAt(keyword.pos,
                 absl::StrCat(AbslView(KeywordName(keyword.keyword)),
                              AbslView(rest), " given twice"));
}

// Scripts and statements.

absl::StatusOr<Script> Parser::ParseScript() {
  Script script;
  while (true) {
    while (Accept(TokenKind::kSemicolon)) {
    }
    if (At(TokenKind::kEnd)) break;
    ANNALS_ASSIGN_OR_RETURN(Statement statement, ParseStatement());
    script.statements.push_back(std::move(statement));
  }
  if (script.statements.empty()) {
    return absl::InvalidArgumentError("empty query");
  }
  return script;
}

absl::StatusOr<Statement> Parser::ParseSingleStatement() {
  while (Accept(TokenKind::kSemicolon)) {
  }
  if (At(TokenKind::kEnd)) return absl::InvalidArgumentError("empty query");
  ANNALS_ASSIGN_OR_RETURN(Statement statement, ParseStatement());
  while (Accept(TokenKind::kSemicolon)) {
  }
  if (!At(TokenKind::kEnd)) {
    return Expected("the end of the query after its one statement");
  }
  return statement;
}

// statement = [EXPLAIN [ANALYZE]] (find | history | changes | diff
//             | disputes | path | assert | retract)
absl::StatusOr<Statement> Parser::ParseStatement() {
  Statement statement;
  statement.pos = Peek().pos;
  if (AcceptKeyword(Keyword::kExplain)) {
    statement.explain = AcceptKeyword(Keyword::kAnalyze) ? ExplainMode::kAnalyze
                                                         : ExplainMode::kPlan;
  }
  switch (At(TokenKind::kKeyword) ? Peek().keyword : Keyword::kNone) {
    case Keyword::kFind: {
      ANNALS_ASSIGN_OR_RETURN(statement.node, ParseFind());
      return statement;
    }
    case Keyword::kHistory: {
      ANNALS_ASSIGN_OR_RETURN(statement.node, ParseHistory());
      return statement;
    }
    case Keyword::kChanges: {
      ANNALS_ASSIGN_OR_RETURN(statement.node, ParseChanges());
      return statement;
    }
    case Keyword::kDiff: {
      ANNALS_ASSIGN_OR_RETURN(statement.node, ParseDiff());
      return statement;
    }
    case Keyword::kDisputes: {
      ANNALS_ASSIGN_OR_RETURN(statement.node, ParseDisputes());
      return statement;
    }
    case Keyword::kPath: {
      ANNALS_ASSIGN_OR_RETURN(statement.node, ParsePath());
      return statement;
    }
    case Keyword::kAssert: {
      ANNALS_ASSIGN_OR_RETURN(statement.node, ParseAssert());
      return statement;
    }
    case Keyword::kRetract: {
      ANNALS_ASSIGN_OR_RETURN(statement.node, ParseRetract());
      return statement;
    }
    default:
      break;
  }
  if (statement.explain != ExplainMode::kNone) {
    std::vector<Keyword> candidates = kStatementKeywords;
    candidates.pop_back();  // EXPLAIN EXPLAIN is no statement
    return Expected(
        "a statement to explain (FIND, HISTORY, CHANGES, DIFF, DISPUTES, "
        "PATH, ASSERT or RETRACT)",
        candidates);
  }
  return Expected(
      "a statement (FIND, HISTORY, CHANGES, DIFF, DISPUTES, PATH, ASSERT, "
      "RETRACT or EXPLAIN)",
      kStatementKeywords);
}

absl::Status Parser::ExpectStatementEnd(
    std::string_view what, const std::vector<Keyword>& clauses) const {
  if (At(TokenKind::kSemicolon) || At(TokenKind::kEnd)) {
    return absl::OkStatus();
  }
  return Expected(what, clauses);
}

}  // namespace internal

namespace {

absl::Status CheckLength(std::string_view text) {
  if (text.size() <= kMaxQueryBytes) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("the query is ", text.size(), " bytes long; at most ",
                   kMaxQueryBytes, " bytes (1 MiB) are read"));
}

}  // namespace

absl::StatusOr<Script> Parse(std::string_view text) {
  ANNALS_RETURN_IF_ERROR(CheckLength(text));
  ANNALS_ASSIGN_OR_RETURN(std::vector<Token> tokens, Tokenize(text));
  internal::Parser parser(text, std::move(tokens));
  return parser.ParseScript();
}

absl::StatusOr<Statement> ParseStatement(std::string_view text) {
  ANNALS_RETURN_IF_ERROR(CheckLength(text));
  ANNALS_ASSIGN_OR_RETURN(std::vector<Token> tokens, Tokenize(text));
  internal::Parser parser(text, std::move(tokens));
  return parser.ParseSingleStatement();
}

}  // namespace annals::query
