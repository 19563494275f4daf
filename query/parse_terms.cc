// Terms, literals and temporal clauses (see parser_internal.h).
//
//   subject   = variable | name | claim_id | parameter
//   predicate = variable | name | parameter
//   object    = variable | name | claim_id | parameter | literal
//   literal   = number [unit] | time | TRUE | FALSE
//   unit      = identifier {"/" identifier}
//   time      = time_literal | integer (a year) | NOW | parameter
//   temporal  = {AT time [POSSIBLY] | DURING time TO time [POSSIBLY]
//               | AS OF time}          (valid time and AS OF once each)
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "query/parser_internal.h"

namespace annals::query::internal {
namespace {

Term Simple(Term::Kind kind, const Token& token) {
  Term term;
  term.kind = kind;
  term.name = token.text;
  term.pos = token.pos;
  return term;
}

Term ValueTerm(Value value, const SourcePos& pos) {
  Term term;
  term.kind = Term::Kind::kValue;
  term.value = std::move(value);
  term.pos = pos;
  return term;
}

}  // namespace

bool Parser::AtName() const {
  return At(TokenKind::kIdentifier) || At(TokenKind::kQuoted);
}

absl::StatusOr<Term> Parser::NameTerm(const Token& token) const {
  if (token.text.empty()) return ErrorAt(token.pos, "a name cannot be empty");
  Term term = Simple(Term::Kind::kName, token);
  term.quoted = token.kind == TokenKind::kQuoted;
  term.prefixed = token.kind == TokenKind::kIdentifier &&
                  !token.source.empty() && token.source[0] != '<' &&
                  token.text.find(':') != std::string::npos;
  return term;
}

absl::StatusOr<Term> Parser::ParseSubject(bool allow_variable) {
  const Token& token = Peek();
  switch (token.kind) {
    case TokenKind::kVariable:
      if (!allow_variable) break;
      return Simple(Term::Kind::kVariable, Advance());
    case TokenKind::kIdentifier:
    case TokenKind::kQuoted:
      return NameTerm(Advance());
    case TokenKind::kClaimId:
      Advance();
      return ValueTerm(Value::Claim(static_cast<uint64_t>(token.integer)),
                       token.pos);
    case TokenKind::kParameter:
      return Simple(Term::Kind::kParameter, Advance());
    default:
      break;
  }
  return Expected(allow_variable || token.kind != TokenKind::kVariable
                      ? "a subject"
                      : "a subject (ASSERT takes no variables)");
}

absl::StatusOr<Term> Parser::ParsePredicate(bool allow_variable) {
  const Token& token = Peek();
  switch (token.kind) {
    case TokenKind::kVariable:
      if (!allow_variable) break;
      return Simple(Term::Kind::kVariable, Advance());
    case TokenKind::kIdentifier:
    case TokenKind::kQuoted:
      return NameTerm(Advance());
    case TokenKind::kParameter:
      return Simple(Term::Kind::kParameter, Advance());
    default:
      break;
  }
  return Expected(allow_variable || token.kind != TokenKind::kVariable
                      ? "a predicate"
                      : "a predicate (ASSERT takes no variables)");
}

absl::StatusOr<Term> Parser::ParseObject(bool allow_variable) {
  const Token& token = Peek();
  switch (token.kind) {
    case TokenKind::kInteger:
    case TokenKind::kDecimal:
      return ParseNumber(/*allow_unit=*/true);
    case TokenKind::kTime:
      Advance();
      return ValueTerm(Value::Date(token.time), token.pos);
    case TokenKind::kKeyword:
      if (token.keyword == Keyword::kTrue || token.keyword == Keyword::kFalse) {
        Advance();
        return ValueTerm(Value::Boolean(token.keyword == Keyword::kTrue),
                         token.pos);
      }
      break;
    case TokenKind::kVariable:
      if (!allow_variable) break;
      return ParseSubject(allow_variable);
    case TokenKind::kIdentifier:
    case TokenKind::kQuoted:
    case TokenKind::kClaimId:
    case TokenKind::kParameter:
      return ParseSubject(allow_variable);
    default:
      break;
  }
  return Expected(allow_variable || token.kind != TokenKind::kVariable
                      ? "an object"
                      : "an object (ASSERT takes no variables)");
}

absl::StatusOr<Term> Parser::ParseEntity(std::string_view what) {
  switch (Peek().kind) {
    case TokenKind::kIdentifier:
    case TokenKind::kQuoted:
    case TokenKind::kClaimId:
    case TokenKind::kParameter:
      return ParseSubject(/*allow_variable=*/false);
    default:
      return Expected(what);
  }
}

absl::StatusOr<Term> Parser::ParseName(std::string_view what) {
  if (AtName()) return NameTerm(Advance());
  if (At(TokenKind::kParameter)) {
    return Simple(Term::Kind::kParameter, Advance());
  }
  return Expected(what);
}

absl::StatusOr<Term> Parser::ParseNumber(bool allow_unit) {
  const Token& number = Advance();
  Term term = ValueTerm(Value(), number.pos);
  if (allow_unit && At(TokenKind::kIdentifier) && !AtPeriodOp()) {
    std::string unit = Advance().text;
    while (Accept(TokenKind::kSlash)) {
      if (!At(TokenKind::kIdentifier)) return Expected("a unit after '/'");
      absl::StrAppend(&unit, "/", Advance().text);
    }
    absl::StatusOr<Value> quantity = Value::Quantity(number.text, unit);
    if (!quantity.ok()) {
      return ErrorAt(number.pos, StdView(quantity.status().message()));
    }
    term.value = *std::move(quantity);
    return term;
  }
  if (number.kind == TokenKind::kInteger) {
    term.value = Value::Integer(number.integer);
    return term;
  }
  absl::StatusOr<Value> decimal = Value::Decimal(number.text);
  if (!decimal.ok())
    return ErrorAt(number.pos, StdView(decimal.status().message()));
  term.value = *std::move(decimal);
  return term;
}

absl::StatusOr<Term> Parser::ParseTime(std::string_view what) {
  const Token& token = Peek();
  switch (token.kind) {
    case TokenKind::kTime:
      Advance();
      return ValueTerm(Value::Date(token.time), token.pos);
    case TokenKind::kInteger: {  // a year
      if (token.text.size() < 4 && absl::ascii_isdigit(token.text[0])) {
        // 225: likelier a slip than the year 225, written 0225 or +225.
        return ErrorAt(
            token.pos,
            absl::StrCat("a year is written with four digits (",
                         std::string(4 - token.text.size(), '0'), token.text,
                         "), or signed (+", token.text, ")"));
      }
      absl::StatusOr<TimePoint> year = TimePoint::Parse(token.text);
      if (!year.ok())
        return ErrorAt(token.pos, StdView(year.status().message()));
      Advance();
      return ValueTerm(Value::Date(*year), token.pos);
    }
    case TokenKind::kParameter:
      return Simple(Term::Kind::kParameter, Advance());
    case TokenKind::kKeyword:
      if (token.keyword == Keyword::kNow) {
        Term now;
        now.kind = Term::Kind::kNow;
        now.pos = Advance().pos;
        return now;
      }
      break;
    default:
      break;
  }
  return Expected(what);
}

absl::StatusOr<Term> Parser::ParseCount(Keyword keyword, int64_t min) {
  const Token& token = Peek();
  if (token.kind == TokenKind::kParameter) {
    return Simple(Term::Kind::kParameter, Advance());
  }
  if (token.kind != TokenKind::kInteger) {
    return Expected(
        absl::StrCat("a number after ", AbslView(KeywordName(keyword))));
  }
  if (token.integer < min) {
    return ErrorAt(
        token.pos,
        absl::StrCat(AbslView(KeywordName(keyword)), " must be at least ", min,
                     ", found '", AbslView(token.source), "'"));
  }
  Advance();
  return ValueTerm(Value::Integer(token.integer), token.pos);
}

absl::StatusOr<Term> Parser::ParseConfidence() {
  const Token& token = Peek();
  if (token.kind == TokenKind::kParameter) {
    return Simple(Term::Kind::kParameter, Advance());
  }
  if (token.kind != TokenKind::kInteger && token.kind != TokenKind::kDecimal) {
    return Expected("a number between 0 and 1 after CONFIDENCE");
  }
  ANNALS_ASSIGN_OR_RETURN(Term term, ParseNumber(/*allow_unit=*/false));
  double v = term.value.number();
  if (!(v >= 0 && v <= 1)) {
    return ErrorAt(token.pos,
                   absl::StrCat("CONFIDENCE must be between 0 and 1, found '",
                                AbslView(token.source), "'"));
  }
  return term;
}

bool Parser::AtTemporal() const {
  return AtKeyword(Keyword::kAt) || AtKeyword(Keyword::kDuring) ||
         AtKeyword(Keyword::kAs);
}

absl::Status Parser::ParseTemporalItem(TemporalClause* clause) {
  const Token& start = Peek();
  if (AcceptKeyword(Keyword::kAs)) {
    ANNALS_RETURN_IF_ERROR(ExpectKeyword(Keyword::kOf));
    if (clause->as_of) return ErrorAt(start.pos, "AS OF given twice");
    ANNALS_ASSIGN_OR_RETURN(clause->as_of, ParseTime("a time after AS OF"));
    return absl::OkStatus();
  }
  if (clause->valid) {
    return ErrorAt(
        start.pos,
        absl::StrCat(
            "valid time given twice: ",
            clause->valid->kind == ValidTime::Kind::kAt ? "AT" : "DURING",
            " already says when"));
  }
  ValidTime valid;
  valid.pos = start.pos;
  if (AcceptKeyword(Keyword::kAt)) {
    valid.kind = ValidTime::Kind::kAt;
    ANNALS_ASSIGN_OR_RETURN(valid.from, ParseTime("a time after AT"));
  } else {
    ANNALS_RETURN_IF_ERROR(ExpectKeyword(Keyword::kDuring));
    valid.kind = ValidTime::Kind::kDuring;
    ANNALS_ASSIGN_OR_RETURN(valid.from, ParseTime("a time after DURING"));
    ANNALS_RETURN_IF_ERROR(ExpectKeyword(Keyword::kTo));
    ANNALS_ASSIGN_OR_RETURN(valid.to, ParseTime("a time after TO"));
  }
  valid.possibly = AcceptKeyword(Keyword::kPossibly);
  clause->valid = std::move(valid);
  return absl::OkStatus();
}

absl::StatusOr<TemporalClause> Parser::ParseTemporalClause() {
  TemporalClause clause;
  while (AtTemporal()) ANNALS_RETURN_IF_ERROR(ParseTemporalItem(&clause));
  return clause;
}

}  // namespace annals::query::internal
