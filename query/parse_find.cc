// FIND (see parser_internal.h).
//
//   find       = FIND [DISTINCT] ("*" | item {[","] item}) WHERE group_body
//                {find_clause}
//   item       = variable | call
//   group_body = element {("," | ".") element | element_kw}
//   element    = pattern | FILTER expr | NOT braces | OPTIONAL braces
//              | braces
//   braces     = "{" group_body "}"
//   pattern    = [variable ":"] subject predicate object temporal
//   find_clause = GROUP BY key {[","] key} | ORDER BY key [ASC | DESC]
//                {[","] key [ASC | DESC]} | LIMIT count | OFFSET count
//                | temporal
//
// A temporal clause after the last pattern of the top-level WHERE list, with
// nothing but FILTERs after it, is the query's (for every pattern without
// its own); anywhere else, and inside braces, it belongs to the pattern it
// follows. A plain { ... } group is folded into the list around it: it only
// keeps a last pattern's clause with that pattern.
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "query/parser_internal.h"

namespace annals::query::internal {
namespace {

const std::vector<Keyword> kFindClauses = {
    Keyword::kFilter,  Keyword::kNot, Keyword::kOptional, Keyword::kGroup,
    Keyword::kOrder,   Keyword::kAsc, Keyword::kDesc,     Keyword::kLimit,
    Keyword::kOffset,  Keyword::kAt,  Keyword::kDuring,   Keyword::kAs,
    Keyword::kPossibly};

}  // namespace

absl::StatusOr<FindStatement> Parser::ParseFind() {
  FindStatement find;
  find.pos = Advance().pos;
  ANNALS_RETURN_IF_ERROR(ParseProjection(&find));
  ANNALS_RETURN_IF_ERROR(ExpectKeyword(Keyword::kWhere));
  ANNALS_ASSIGN_OR_RETURN(find.where, ParseGroupBody(&find.time));
  bool where_last = true;
  ANNALS_RETURN_IF_ERROR(ParseFindClauses(&find, &where_last));
  ANNALS_RETURN_IF_ERROR(
      ExpectStatementEnd(where_last ? "',' or the end of the statement"
                                    : "the end of the statement",
                         kFindClauses));
  return find;
}

absl::Status Parser::ParseProjection(FindStatement* find) {
  find->distinct = AcceptKeyword(Keyword::kDistinct);
  if (Accept(TokenKind::kStar)) {
    find->all_variables = true;
    return absl::OkStatus();
  }
  while (At(TokenKind::kVariable) || AtCall()) {
    ANNALS_ASSIGN_OR_RETURN(Expr item, ParseKey(""));
    find->projection.push_back(std::move(item));
    if (Accept(TokenKind::kComma) && !At(TokenKind::kVariable) && !AtCall()) {
      return Expected("a variable or function after ','");
    }
  }
  if (find->projection.empty()) {
    return Expected(
        "what to find: variables or functions such as ?x or count(*)");
  }
  return absl::OkStatus();
}

absl::Status Parser::ParseFindClauses(FindStatement* find, bool* where_last) {
  while (true) {
    const Token& start = Peek();
    if (AcceptKeyword(Keyword::kGroup)) {
      if (!find->group_by.empty()) return GivenTwice(start);
      ANNALS_RETURN_IF_ERROR(ExpectKeyword(Keyword::kBy));
      ANNALS_ASSIGN_OR_RETURN(find->group_by, ParseGroupBy());
    } else if (AcceptKeyword(Keyword::kOrder)) {
      if (!find->order_by.empty()) return GivenTwice(start);
      ANNALS_RETURN_IF_ERROR(ExpectKeyword(Keyword::kBy));
      ANNALS_ASSIGN_OR_RETURN(find->order_by, ParseOrderBy());
    } else if (AcceptKeyword(Keyword::kLimit)) {
      if (find->limit) return GivenTwice(start);
      ANNALS_ASSIGN_OR_RETURN(find->limit, ParseCount(Keyword::kLimit, 0));
    } else if (AcceptKeyword(Keyword::kOffset)) {
      if (find->offset) return GivenTwice(start);
      ANNALS_ASSIGN_OR_RETURN(find->offset, ParseCount(Keyword::kOffset, 0));
    } else if (AtTemporal()) {
      ANNALS_RETURN_IF_ERROR(ParseTemporalItem(&find->time));
    } else {
      return absl::OkStatus();
    }
    *where_last = false;
  }
}

absl::StatusOr<std::vector<WhereElement>> Parser::ParseGroupBody(
    TemporalClause* query_time) {
  std::vector<WhereElement> elements;
  // The last pattern written directly in this list, if only FILTERs follow
  // (kNoPattern when there is none).
  constexpr size_t kNoPattern = static_cast<size_t>(-1);
  size_t last_pattern = kNoPattern;
  while (true) {
    if (At(TokenKind::kLBrace)) {
      ANNALS_ASSIGN_OR_RETURN(std::vector<WhereElement> group, ParseBraces(""));
      for (WhereElement& e : group) elements.push_back(std::move(e));
      last_pattern = kNoPattern;
    } else {
      ANNALS_ASSIGN_OR_RETURN(WhereElement element, ParseElement());
      if (element.kind == WhereElement::Kind::kPattern) {
        last_pattern = elements.size();
      } else if (element.kind != WhereElement::Kind::kFilter) {
        last_pattern = kNoPattern;
      }
      elements.push_back(std::move(element));
    }
    if (Accept(TokenKind::kComma) || Accept(TokenKind::kDot)) continue;
    if (AtKeyword(Keyword::kFilter) || AtKeyword(Keyword::kNot) ||
        AtKeyword(Keyword::kOptional) || At(TokenKind::kLBrace)) {
      continue;
    }
    if (query_time != nullptr && last_pattern != kNoPattern) {
      TemporalClause& time = elements[last_pattern].pattern.time;
      *query_time = std::move(time);
      time = TemporalClause();
    }
    return elements;
  }
}

absl::StatusOr<WhereElement> Parser::ParseElement() {
  WhereElement element;
  element.pos = Peek().pos;
  if (AcceptKeyword(Keyword::kFilter)) {
    element.kind = WhereElement::Kind::kFilter;
    ANNALS_ASSIGN_OR_RETURN(element.filter, ParseExpr());
  } else if (AcceptKeyword(Keyword::kNot)) {
    element.kind = WhereElement::Kind::kNot;
    ANNALS_ASSIGN_OR_RETURN(element.group, ParseBraces("NOT"));
  } else if (AcceptKeyword(Keyword::kOptional)) {
    element.kind = WhereElement::Kind::kOptional;
    ANNALS_ASSIGN_OR_RETURN(element.group, ParseBraces("OPTIONAL"));
  } else if (AtName() || At(TokenKind::kVariable) || At(TokenKind::kClaimId) ||
             At(TokenKind::kParameter)) {
    element.kind = WhereElement::Kind::kPattern;
    ANNALS_ASSIGN_OR_RETURN(element.pattern, ParsePattern());
  } else {
    return Expected(
        "a pattern (subject predicate object), FILTER, NOT or "
        "OPTIONAL",
        {Keyword::kFilter, Keyword::kNot, Keyword::kOptional});
  }
  return element;
}

absl::StatusOr<std::vector<WhereElement>> Parser::ParseBraces(
    std::string_view after) {
  if (!At(TokenKind::kLBrace)) {
    return Expected(absl::StrCat("'{' after ", AbslView(after)));
  }
  Nesting nesting(this);
  ANNALS_RETURN_IF_ERROR(nesting.Check());
  Advance();
  ANNALS_ASSIGN_OR_RETURN(std::vector<WhereElement> body,
                          ParseGroupBody(nullptr));
  if (!Accept(TokenKind::kRBrace)) return Expected("',' or '}'");
  return body;
}

absl::StatusOr<TriplePattern> Parser::ParsePattern() {
  TriplePattern pattern;
  pattern.pos = Peek().pos;
  if (At(TokenKind::kVariable) && Peek(1).kind == TokenKind::kColon) {
    pattern.claim_variable = Advance().text;
    Advance();
  }
  ANNALS_ASSIGN_OR_RETURN(pattern.subject,
                          ParseSubject(/*allow_variable=*/true));
  ANNALS_ASSIGN_OR_RETURN(pattern.predicate,
                          ParsePredicate(/*allow_variable=*/true));
  ANNALS_ASSIGN_OR_RETURN(pattern.object, ParseObject(/*allow_variable=*/true));
  ANNALS_ASSIGN_OR_RETURN(pattern.time, ParseTemporalClause());
  return pattern;
}

absl::StatusOr<std::vector<Expr>> Parser::ParseGroupBy() {
  std::vector<Expr> keys;
  do {
    ANNALS_ASSIGN_OR_RETURN(Expr key,
                            ParseKey("a variable or function to group by"));
    keys.push_back(std::move(key));
  } while (Accept(TokenKind::kComma) || At(TokenKind::kVariable) || AtCall());
  return keys;
}

absl::StatusOr<std::vector<OrderKey>> Parser::ParseOrderBy() {
  std::vector<OrderKey> keys;
  do {
    OrderKey key;
    ANNALS_ASSIGN_OR_RETURN(key.expr,
                            ParseKey("a variable or function to order by"));
    if (AcceptKeyword(Keyword::kDesc)) {
      key.descending = true;
    } else {
      AcceptKeyword(Keyword::kAsc);
    }
    keys.push_back(std::move(key));
  } while (Accept(TokenKind::kComma) || At(TokenKind::kVariable) || AtCall());
  return keys;
}

}  // namespace annals::query::internal
