// The recursive-descent parser behind parser.h, shared by its files:
//   parser.cc          the token cursor, errors, scripts and statements
//   parse_terms.cc     terms, literals and temporal clauses
//   parse_find.cc      FIND: projection, WHERE, patterns, GROUP/ORDER/LIMIT
//   parse_expr.cc      FILTER expressions and function calls
//   parse_commands.cc  HISTORY, CHANGES, DIFF, DISPUTES, PATH, ASSERT, RETRACT
// One method per grammar rule (README.md); each starts at its first token
// and leaves the cursor on the first token after it.
#ifndef ANNALS_QUERY_PARSER_INTERNAL_H_
#define ANNALS_QUERY_PARSER_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "query/ast.h"
#include "query/token.h"

namespace annals::query::internal {

class Parser {
 public:
  // `tokens` end with kEnd (Tokenize); `text` is what they were read from.
  Parser(std::string_view text, std::vector<Token> tokens);

  absl::StatusOr<Script> ParseScript();
  absl::StatusOr<Statement> ParseSingleStatement();

 private:
  // Counts one level of nesting while alive.
  class Nesting {
   public:
    explicit Nesting(Parser* parser) : parser_(parser) { ++parser_->depth_; }
    ~Nesting() { --parser_->depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
    // "nesting deeper than 64" at the current token, or OK.
    absl::Status Check() const;

   private:
    Parser* parser_;
  };

  // Statements (parser.cc, parse_find.cc, parse_commands.cc).
  absl::StatusOr<Statement> ParseStatement();
  absl::StatusOr<FindStatement> ParseFind();
  absl::StatusOr<HistoryStatement> ParseHistory();
  absl::StatusOr<ChangesStatement> ParseChanges();
  absl::StatusOr<DiffStatement> ParseDiff();
  absl::StatusOr<DisputesStatement> ParseDisputes();
  absl::StatusOr<PathStatement> ParsePath();
  absl::StatusOr<AssertStatement> ParseAssert();
  absl::StatusOr<RetractStatement> ParseRetract();
  // OK at `;` or the end; otherwise "expected <what>, found ..." with a
  // suggestion among `clauses`.
  absl::Status ExpectStatementEnd(std::string_view what,
                                  const std::vector<Keyword>& clauses) const;

  // FIND (parse_find.cc).
  absl::Status ParseProjection(FindStatement* find);
  absl::Status ParseFindClauses(FindStatement* find, bool* where_last);
  // Elements separated by `,` or `.` (optional before FILTER, NOT, OPTIONAL
  // and `{`). At the top level (`query_time` set), a temporal clause after
  // the last pattern, with only FILTERs after it, is the query's.
  absl::StatusOr<std::vector<WhereElement>> ParseGroupBody(
      TemporalClause* query_time);
  absl::StatusOr<WhereElement> ParseElement();
  absl::StatusOr<std::vector<WhereElement>> ParseBraces(std::string_view after);
  absl::StatusOr<TriplePattern> ParsePattern();
  absl::StatusOr<std::vector<Expr>> ParseGroupBy();
  absl::StatusOr<std::vector<OrderKey>> ParseOrderBy();

  // Expressions (parse_expr.cc).
  absl::StatusOr<Expr> ParseExpr();  // OR, the loosest
  absl::StatusOr<Expr> ParseAnd();
  absl::StatusOr<Expr> ParseNot();
  absl::StatusOr<Expr> ParseComparison();
  absl::StatusOr<Expr> ParsePeriodOperand();  // operand [TO operand]
  absl::StatusOr<Expr> ParseOperand();
  absl::StatusOr<Term> ParseOperandTerm();
  absl::StatusOr<Expr> ParseCall();
  // A variable or function call: projection items, GROUP BY, ORDER BY.
  absl::StatusOr<Expr> ParseKey(std::string_view what);
  bool AtCall() const;
  std::optional<CompareOp> AtCompareOp() const;
  std::optional<PeriodOp> AtPeriodOp() const;

  // Terms and time (parse_terms.cc).
  absl::StatusOr<Term> ParseSubject(bool allow_variable);
  absl::StatusOr<Term> ParsePredicate(bool allow_variable);
  absl::StatusOr<Term> ParseObject(bool allow_variable);
  // A name, claim id or parameter (HISTORY's subject, PATH's ends, ...).
  absl::StatusOr<Term> ParseEntity(std::string_view what);
  // A name or parameter.
  absl::StatusOr<Term> ParseName(std::string_view what);
  // A number at the cursor, with its unit if one follows and `allow_unit`.
  absl::StatusOr<Term> ParseNumber(bool allow_unit);
  // A time literal, a year, NOW or a parameter.
  absl::StatusOr<Term> ParseTime(std::string_view what);
  // An integer >= `min` or a parameter, after `keyword`.
  absl::StatusOr<Term> ParseCount(Keyword keyword, int64_t min);
  absl::StatusOr<Term> ParseConfidence();
  absl::StatusOr<Term> NameTerm(const Token& token) const;
  bool AtName() const;
  bool AtTemporal() const;
  absl::Status ParseTemporalItem(TemporalClause* clause);
  absl::StatusOr<TemporalClause> ParseTemporalClause();

  // The cursor (parser.cc).
  const Token& Peek(size_t ahead = 0) const;
  const Token& Advance();
  bool At(TokenKind kind) const { return Peek().kind == kind; }
  // A reserved keyword token, or an identifier spelling a contextual one.
  bool AtKeyword(Keyword keyword) const;
  bool Accept(TokenKind kind);
  bool AcceptKeyword(Keyword keyword);
  absl::Status ExpectKeyword(Keyword keyword);

  // Errors (parser.cc).
  absl::Status ErrorAt(const SourcePos& pos, std::string_view message) const;
  // "expected <what>, found <current token>", with "; did you mean `X`?"
  // when the current token is an identifier near one of `candidates`.
  absl::Status Expected(std::string_view what,
                        const std::vector<Keyword>& candidates = {}) const;
  // "VIA given twice" at the clause's keyword.
  absl::Status GivenTwice(const Token& keyword) const;
  absl::Status ExpectedNear(
      std::string_view what,
      const std::vector<std::string_view>& candidates) const;

  std::string_view text_;
  std::vector<Token> tokens_;
  size_t next_ = 0;
  int depth_ = 0;
};

// 'WHERE', '"Power of Siberia 2"' (cut after 40 bytes), or "end of input".
std::string Describe(const Token& token);

}  // namespace annals::query::internal

#endif  // ANNALS_QUERY_PARSER_INTERNAL_H_
