// The statements other than FIND (see parser_internal.h).
//
//   history  = HISTORY entity [name] temporal       (DURING and AS OF only)
//   changes  = CHANGES [entity [name]] BETWEEN time AND time [AS OF time]
//   diff     = DIFF [entity [name]] AS OF time AND time
//   disputes = DISPUTES entity [name] temporal
//   path     = PATH entity TO entity {VIA name {"," name} | MAX count
//              | IN ORDER | temporal}                 (each once)
//   assert   = ASSERT subject predicate object {FROM time | TO time
//              | SOURCE (name | parameter) | BY (name | parameter)
//              | CONFIDENCE (number | parameter)}    (each once)
//   retract  = RETRACT (claim_id | parameter) {"," (claim_id | parameter)}
//   entity   = name | claim_id | parameter
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "query/parser_internal.h"

namespace annals::query::internal {

absl::StatusOr<HistoryStatement> Parser::ParseHistory() {
  HistoryStatement history;
  history.pos = Advance().pos;
  ANNALS_ASSIGN_OR_RETURN(history.subject,
                          ParseEntity("a subject after HISTORY"));
  if (AtName() || At(TokenKind::kParameter)) {
    ANNALS_ASSIGN_OR_RETURN(history.predicate, ParseName("a predicate"));
  }
  ANNALS_ASSIGN_OR_RETURN(history.time, ParseTemporalClause());
  if (history.time.valid && history.time.valid->kind == ValidTime::Kind::kAt) {
    return ErrorAt(history.time.valid->pos,
                   "HISTORY shows a timeline: give it DURING a TO b, not AT");
  }
  ANNALS_RETURN_IF_ERROR(ExpectStatementEnd("the end of the statement",
                                            {Keyword::kDuring, Keyword::kAs}));
  return history;
}

absl::StatusOr<ChangesStatement> Parser::ParseChanges() {
  ChangesStatement changes;
  changes.pos = Advance().pos;
  if (!AtKeyword(Keyword::kBetween)) {
    ANNALS_ASSIGN_OR_RETURN(changes.subject,
                            ParseEntity("a subject or BETWEEN after CHANGES"));
    if (AtName() || At(TokenKind::kParameter)) {
      ANNALS_ASSIGN_OR_RETURN(changes.predicate, ParseName("a predicate"));
    }
  }
  ANNALS_RETURN_IF_ERROR(ExpectKeyword(Keyword::kBetween));
  ANNALS_ASSIGN_OR_RETURN(changes.from, ParseTime("a time after BETWEEN"));
  ANNALS_RETURN_IF_ERROR(ExpectKeyword(Keyword::kAnd));
  ANNALS_ASSIGN_OR_RETURN(changes.to, ParseTime("a time after AND"));
  ANNALS_ASSIGN_OR_RETURN(changes.time, ParseTemporalClause());
  if (changes.time.valid) {
    return ErrorAt(changes.time.valid->pos,
                   "CHANGES takes its window from BETWEEN, not from AT or "
                   "DURING");
  }
  ANNALS_RETURN_IF_ERROR(
      ExpectStatementEnd("the end of the statement", {Keyword::kAs}));
  return changes;
}

absl::StatusOr<DiffStatement> Parser::ParseDiff() {
  DiffStatement diff;
  diff.pos = Advance().pos;
  if (!AtKeyword(Keyword::kAs)) {
    ANNALS_ASSIGN_OR_RETURN(diff.subject,
                            ParseEntity("a subject or AS OF after DIFF"));
    if (AtName() || At(TokenKind::kParameter)) {
      ANNALS_ASSIGN_OR_RETURN(diff.predicate, ParseName("a predicate"));
    }
  }
  ANNALS_RETURN_IF_ERROR(ExpectKeyword(Keyword::kAs));
  ANNALS_RETURN_IF_ERROR(ExpectKeyword(Keyword::kOf));
  ANNALS_ASSIGN_OR_RETURN(diff.before, ParseTime("a time after AS OF"));
  ANNALS_RETURN_IF_ERROR(ExpectKeyword(Keyword::kAnd));
  ANNALS_ASSIGN_OR_RETURN(diff.after, ParseTime("a time after AND"));
  ANNALS_RETURN_IF_ERROR(ExpectStatementEnd("the end of the statement", {}));
  return diff;
}

absl::StatusOr<DisputesStatement> Parser::ParseDisputes() {
  DisputesStatement disputes;
  disputes.pos = Advance().pos;
  ANNALS_ASSIGN_OR_RETURN(disputes.subject,
                          ParseEntity("a subject after DISPUTES"));
  if (AtName() || At(TokenKind::kParameter)) {
    ANNALS_ASSIGN_OR_RETURN(disputes.predicate, ParseName("a predicate"));
  }
  ANNALS_ASSIGN_OR_RETURN(disputes.time, ParseTemporalClause());
  ANNALS_RETURN_IF_ERROR(ExpectStatementEnd(
      "the end of the statement",
      {Keyword::kAt, Keyword::kDuring, Keyword::kAs, Keyword::kPossibly}));
  return disputes;
}

absl::StatusOr<PathStatement> Parser::ParsePath() {
  PathStatement path;
  path.pos = Advance().pos;
  ANNALS_ASSIGN_OR_RETURN(path.from,
                          ParseEntity("where the path starts after PATH"));
  ANNALS_RETURN_IF_ERROR(ExpectKeyword(Keyword::kTo));
  ANNALS_ASSIGN_OR_RETURN(path.to, ParseEntity("where the path ends after TO"));
  while (true) {
    const Token& start = Peek();
    if (AcceptKeyword(Keyword::kVia)) {
      if (!path.via.empty()) return GivenTwice(start);
      do {
        ANNALS_ASSIGN_OR_RETURN(Term predicate,
                                ParseName("a predicate after VIA"));
        path.via.push_back(std::move(predicate));
      } while (Accept(TokenKind::kComma));
    } else if (AcceptKeyword(Keyword::kMax)) {
      if (path.max_hops) return GivenTwice(start);
      ANNALS_ASSIGN_OR_RETURN(path.max_hops, ParseCount(Keyword::kMax, 1));
    } else if (AcceptKeyword(Keyword::kIn)) {
      if (path.in_order) return GivenTwice(start);
      ANNALS_RETURN_IF_ERROR(ExpectKeyword(Keyword::kOrder));
      path.in_order = true;
    } else if (AtTemporal()) {
      ANNALS_RETURN_IF_ERROR(ParseTemporalItem(&path.time));
    } else {
      break;
    }
  }
  ANNALS_RETURN_IF_ERROR(ExpectStatementEnd(
      "the end of the statement",
      {Keyword::kVia, Keyword::kMax, Keyword::kIn, Keyword::kAt,
       Keyword::kDuring, Keyword::kAs, Keyword::kPossibly}));
  return path;
}

absl::StatusOr<AssertStatement> Parser::ParseAssert() {
  AssertStatement claim;
  claim.pos = Advance().pos;
  ANNALS_ASSIGN_OR_RETURN(claim.subject,
                          ParseSubject(/*allow_variable=*/false));
  ANNALS_ASSIGN_OR_RETURN(claim.predicate,
                          ParsePredicate(/*allow_variable=*/false));
  ANNALS_ASSIGN_OR_RETURN(claim.object, ParseObject(/*allow_variable=*/false));
  while (true) {
    const Token& start = Peek();
    std::optional<Term>* slot = nullptr;
    absl::StatusOr<Term> term;
    if (AcceptKeyword(Keyword::kFrom)) {
      slot = &claim.valid_from;
      if (!*slot) term = ParseTime("a time after FROM");
    } else if (AcceptKeyword(Keyword::kTo)) {
      slot = &claim.valid_to;
      if (!*slot) term = ParseTime("a time after TO");
    } else if (AcceptKeyword(Keyword::kSource)) {
      slot = &claim.source;
      if (!*slot) {
        term = ParseName("a source after SOURCE, such as \"seed-article\"");
      }
    } else if (AcceptKeyword(Keyword::kBy)) {
      slot = &claim.by;
      if (!*slot) term = ParseName("who says so after BY");
    } else if (AcceptKeyword(Keyword::kConfidence)) {
      slot = &claim.confidence;
      if (!*slot) term = ParseConfidence();
    } else {
      break;
    }
    if (*slot) return GivenTwice(start);
    if (!term.ok()) return term.status();
    *slot = *std::move(term);
  }
  ANNALS_RETURN_IF_ERROR(
      ExpectStatementEnd("the end of the statement",
                         {Keyword::kFrom, Keyword::kTo, Keyword::kSource,
                          Keyword::kBy, Keyword::kConfidence}));
  return claim;
}

absl::StatusOr<RetractStatement> Parser::ParseRetract() {
  RetractStatement retract;
  retract.pos = Advance().pos;
  do {
    if (!At(TokenKind::kClaimId) && !At(TokenKind::kParameter)) {
      return Expected(retract.claims.empty()
                          ? "a claim id such as #c42 after RETRACT"
                          : "a claim id after ','");
    }
    ANNALS_ASSIGN_OR_RETURN(Term claim, ParseEntity(""));
    retract.claims.push_back(std::move(claim));
  } while (Accept(TokenKind::kComma));
  ANNALS_RETURN_IF_ERROR(ExpectStatementEnd("the end of the statement", {}));
  return retract;
}

}  // namespace annals::query::internal
