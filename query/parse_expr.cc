// FILTER expressions and function calls (see parser_internal.h).
//
//   expr       = and {OR and}
//   and        = not {AND not}
//   not        = NOT not | comparison
//   comparison = operand [compare_op operand]
//              | period [period_op period]    (a bare `a TO b` is an error)
//   period     = operand [TO operand]
//   operand    = "(" expr ")" | call | variable | parameter | name
//              | claim_id | literal | NOW
//   call       = function "(" ("*" | [DISTINCT] operand) ")"
//   compare_op = "=" | "!=" | "<>" | "<" | "<=" | ">" | ">="
//   period_op  = OVERLAPS | CONTAINS | DURING | PRECEDES | SUCCEEDS | MEETS
//              | STARTS | FINISHES | EQUALS
//
// Comparisons do not chain (`a < b < c` is an error). In an expression, quoted
// text is a name or a string (the binder decides) and a bare year an integer.
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "query/parser_internal.h"
#include "query/suggest.h"

namespace annals::query::internal {
namespace {

Expr Binary(Expr::Kind kind, Expr left, Expr right) {
  Expr e;
  e.kind = kind;
  e.pos = left.pos;
  e.args.push_back(std::move(left));
  e.args.push_back(std::move(right));
  return e;
}

}  // namespace

absl::StatusOr<Expr> Parser::ParseExpr() {
  ANNALS_ASSIGN_OR_RETURN(Expr first, ParseAnd());
  if (!AtKeyword(Keyword::kOr)) return first;
  Expr any;
  any.kind = Expr::Kind::kOr;
  any.pos = first.pos;
  any.args.push_back(std::move(first));
  while (AcceptKeyword(Keyword::kOr)) {
    ANNALS_ASSIGN_OR_RETURN(Expr next, ParseAnd());
    any.args.push_back(std::move(next));
  }
  return any;
}

absl::StatusOr<Expr> Parser::ParseAnd() {
  ANNALS_ASSIGN_OR_RETURN(Expr first, ParseNot());
  if (!AtKeyword(Keyword::kAnd)) return first;
  Expr all;
  all.kind = Expr::Kind::kAnd;
  all.pos = first.pos;
  all.args.push_back(std::move(first));
  while (AcceptKeyword(Keyword::kAnd)) {
    ANNALS_ASSIGN_OR_RETURN(Expr next, ParseNot());
    all.args.push_back(std::move(next));
  }
  return all;
}

absl::StatusOr<Expr> Parser::ParseNot() {
  if (!AtKeyword(Keyword::kNot)) return ParseComparison();
  Nesting nesting(this);
  ANNALS_RETURN_IF_ERROR(nesting.Check());
  Expr negation;
  negation.kind = Expr::Kind::kNot;
  negation.pos = Advance().pos;
  ANNALS_ASSIGN_OR_RETURN(Expr operand, ParseNot());
  negation.args.push_back(std::move(operand));
  return negation;
}

absl::StatusOr<Expr> Parser::ParseComparison() {
  ANNALS_ASSIGN_OR_RETURN(Expr left, ParsePeriodOperand());
  bool is_range = left.kind == Expr::Kind::kRange;
  if (std::optional<CompareOp> op = AtCompareOp(); op && !is_range) {
    Advance();
    ANNALS_ASSIGN_OR_RETURN(Expr right, ParseOperand());
    Expr e = Binary(Expr::Kind::kCompare, std::move(left), std::move(right));
    e.compare = *op;
    return e;
  }
  if (std::optional<PeriodOp> op = AtPeriodOp()) {
    Advance();
    ANNALS_ASSIGN_OR_RETURN(Expr right, ParsePeriodOperand());
    Expr e = Binary(Expr::Kind::kPeriod, std::move(left), std::move(right));
    e.period = *op;
    e.possibly = AcceptKeyword(Keyword::kPossibly);
    return e;
  }
  if (is_range) {
    return Expected(
        "a period comparison after 'a TO b' (OVERLAPS, CONTAINS, DURING, "
        "PRECEDES, SUCCEEDS, MEETS, STARTS, FINISHES or EQUALS)",
        {Keyword::kOverlaps, Keyword::kContains, Keyword::kDuring,
         Keyword::kPrecedes, Keyword::kSucceeds, Keyword::kMeets,
         Keyword::kStarts, Keyword::kFinishes, Keyword::kEquals});
  }
  return left;
}

absl::StatusOr<Expr> Parser::ParsePeriodOperand() {
  ANNALS_ASSIGN_OR_RETURN(Expr begin, ParseOperand());
  if (!AcceptKeyword(Keyword::kTo)) return begin;
  ANNALS_ASSIGN_OR_RETURN(Expr end, ParseOperand());
  return Binary(Expr::Kind::kRange, std::move(begin), std::move(end));
}

absl::StatusOr<Expr> Parser::ParseOperand() {
  if (At(TokenKind::kLParen)) {
    Nesting nesting(this);
    ANNALS_RETURN_IF_ERROR(nesting.Check());
    Advance();
    ANNALS_ASSIGN_OR_RETURN(Expr inner, ParseExpr());
    if (!Accept(TokenKind::kRParen)) return Expected("')'");
    return inner;
  }
  if (AtCall()) return ParseCall();
  Expr e;
  e.pos = Peek().pos;
  ANNALS_ASSIGN_OR_RETURN(e.term, ParseOperandTerm());
  return e;
}

absl::StatusOr<Term> Parser::ParseOperandTerm() {
  const Token& token = Peek();
  switch (token.kind) {
    case TokenKind::kVariable:
    case TokenKind::kParameter:
    case TokenKind::kIdentifier:
    case TokenKind::kClaimId:
      return ParseSubject(/*allow_variable=*/true);
    case TokenKind::kQuoted: {  // may be empty: a string to compare with
      Term term;
      term.name = token.text;
      term.quoted = true;
      term.pos = Advance().pos;
      return term;
    }
    case TokenKind::kInteger:
    case TokenKind::kDecimal:
      return ParseNumber(/*allow_unit=*/true);
    case TokenKind::kTime:
      return ParseObject(/*allow_variable=*/true);
    case TokenKind::kKeyword:
      if (token.keyword == Keyword::kTrue || token.keyword == Keyword::kFalse) {
        return ParseObject(/*allow_variable=*/true);
      }
      if (token.keyword == Keyword::kNow) return ParseTime("");
      break;
    default:
      break;
  }
  return Expected("an expression");
}

bool Parser::AtCall() const {
  if (Peek(1).kind != TokenKind::kLParen) return false;
  const Token& token = Peek();
  if (token.kind == TokenKind::kIdentifier) return true;
  if (token.kind != TokenKind::kKeyword) return false;
  switch (token.keyword) {  // keywords that also name functions
    case Keyword::kFrom:
    case Keyword::kTo:
    case Keyword::kBy:
    case Keyword::kSource:
    case Keyword::kConfidence:
    case Keyword::kMax:
      return true;
    default:
      return false;
  }
}

absl::StatusOr<Expr> Parser::ParseCall() {
  const Token& name = Peek();
  std::optional<Function> function = FindFunction(name.text);
  if (!function) {
    std::vector<std::string_view> names = FunctionNames();
    std::string message = absl::StrCat("unknown function '", name.text, "'");
    if (std::optional<std::string> near = NearestName(name.text, names)) {
      absl::StrAppend(&message, "; did you mean `", *near, "`?");
    } else {
      absl::StrAppend(&message, " (functions:");
      for (std::string_view n : names) {
        absl::StrAppend(&message, n == names.front() ? " " : ", ", AbslView(n));
      }
      absl::StrAppend(&message, ")");
    }
    return ErrorAt(name.pos, message);
  }
  Nesting nesting(this);
  ANNALS_RETURN_IF_ERROR(nesting.Check());
  Advance();  // the name
  Advance();  // (
  Expr call;
  call.kind = Expr::Kind::kCall;
  call.function = *function;
  call.pos = name.pos;
  const Token& start = Peek();
  if (Accept(TokenKind::kStar)) {
    if (*function != Function::kCount) {
      return ErrorAt(start.pos, "only count takes '*'");
    }
    call.star = true;
  } else {
    if (AcceptKeyword(Keyword::kDistinct)) {
      if (!IsAggregate(*function)) {
        return ErrorAt(start.pos,
                       absl::StrCat("DISTINCT goes with count, sum, min, max "
                                    "and avg, not ",
                                    AbslView(FunctionName(*function))));
      }
      call.distinct = true;
    }
    ANNALS_ASSIGN_OR_RETURN(Expr arg, ParseOperand());
    call.args.push_back(std::move(arg));
  }
  if (!Accept(TokenKind::kRParen)) return Expected("')'");
  return call;
}

absl::StatusOr<Expr> Parser::ParseKey(std::string_view what) {
  if (AtCall()) return ParseCall();
  if (!At(TokenKind::kVariable)) return Expected(what);
  Expr e;
  e.pos = Peek().pos;
  ANNALS_ASSIGN_OR_RETURN(e.term, ParseSubject(/*allow_variable=*/true));
  return e;
}

std::optional<CompareOp> Parser::AtCompareOp() const {
  switch (Peek().kind) {
    case TokenKind::kEq:
      return CompareOp::kEq;
    case TokenKind::kNe:
      return CompareOp::kNe;
    case TokenKind::kLt:
      return CompareOp::kLt;
    case TokenKind::kLe:
      return CompareOp::kLe;
    case TokenKind::kGt:
      return CompareOp::kGt;
    case TokenKind::kGe:
      return CompareOp::kGe;
    default:
      return std::nullopt;
  }
}

std::optional<PeriodOp> Parser::AtPeriodOp() const {
  const Token& token = Peek();
  if (token.kind == TokenKind::kKeyword) return PeriodOpOf(token.keyword);
  if (token.kind != TokenKind::kIdentifier) return std::nullopt;
  const KeywordInfo* keyword = FindKeyword(token.text);
  if (keyword == nullptr) return std::nullopt;
  return PeriodOpOf(keyword->keyword);
}

}  // namespace annals::query::internal
