// Tests of the parser: every statement form with its tree, the canonical
// printer and round trips, and every error with its exact position, source
// line, caret and suggestion.
#include "query/parser.h"

#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "gtest/gtest.h"
#include "query/ast_printer.h"

namespace annals::query {
namespace {

Statement P(std::string_view text) {
  absl::StatusOr<Statement> s = ParseStatement(text);
  EXPECT_TRUE(s.ok()) << text << "\n" << s.status().message();
  return s.ok() ? *std::move(s) : Statement();
}

template <typename T>
T As(std::string_view text) {
  Statement s = P(text);
  EXPECT_TRUE(std::holds_alternative<T>(s.node)) << text;
  return std::holds_alternative<T>(s.node) ? std::get<T>(s.node) : T();
}

// The error message of parsing `text` as a script ("OK" if it parses).
std::string Err(std::string_view text) {
  absl::StatusOr<Script> s = Parse(text);
  if (s.ok()) return "OK";
  EXPECT_EQ(s.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(s.status().message());
}

std::string FirstLine(const std::string& message) {
  return message.substr(0, message.find('\n'));
}

// A term with its kind: "name:Gazprom", "quoted:Power of Siberia 2",
// "var:x", "param:p", "now", "int:56", "dec:0.5", "qty:56 bcm/yr",
// "date:2025(year)", "bool:true", "claim:42".
std::string T(const Term& t) {
  switch (t.kind) {
    case Term::Kind::kName:
      return absl::StrCat(t.quoted ? "quoted:" : "name:", t.name);
    case Term::Kind::kVariable:
      return absl::StrCat("var:", t.name);
    case Term::Kind::kParameter:
      return absl::StrCat("param:", t.name);
    case Term::Kind::kNow:
      return "now";
    case Term::Kind::kValue:
      break;
  }
  const Value& v = t.value;
  switch (v.kind()) {
    case ValueKind::kInteger:
      return absl::StrCat("int:", v.integer());
    case ValueKind::kDecimal:
      return absl::StrCat("dec:", v.text());
    case ValueKind::kQuantity:
      return absl::StrCat("qty:", v.ToString());
    case ValueKind::kDate:
      return absl::StrCat("date:", v.ToString(), "(",
                          AbslView(PrecisionName(v.date().precision)), ")");
    case ValueKind::kBoolean:
      return absl::StrCat("bool:", v.ToString());
    case ValueKind::kClaim:
      return absl::StrCat("claim:", v.claim_id());
    default:
      return absl::StrCat("other:", v.ToString());
  }
}

std::string T(const std::optional<Term>& t) { return t ? T(*t) : "none"; }

std::string Pattern(const TriplePattern& p) {
  std::string out =
      p.claim_variable.empty() ? "" : absl::StrCat("?", p.claim_variable, ": ");
  absl::StrAppend(&out, T(p.subject), " ", T(p.predicate), " ", T(p.object));
  if (!p.time.empty()) absl::StrAppend(&out, " | ", ToString(p.time));
  return out;
}

// Every term of a statement with its kind, in order: with the printed text,
// a tree up to positions.
void CollectTerms(const Expr& e, std::vector<std::string>* out) {
  if (e.kind == Expr::Kind::kTerm) out->push_back(T(e.term));
  for (const Expr& a : e.args) CollectTerms(a, out);
}
void CollectTerms(const TemporalClause& c, std::vector<std::string>* out) {
  if (c.valid) {
    out->push_back(T(c.valid->from));
    if (c.valid->kind == ValidTime::Kind::kDuring) {
      out->push_back(T(c.valid->to));
    }
  }
  out->push_back(T(c.as_of));
}
void CollectTerms(const std::vector<WhereElement>& elements,
                  std::vector<std::string>* out) {
  for (const WhereElement& e : elements) {
    CollectTerms(e.filter, out);
    CollectTerms(e.group, out);
    if (e.kind == WhereElement::Kind::kPattern) {
      out->push_back(Pattern(e.pattern));
      CollectTerms(e.pattern.time, out);
    }
  }
}
std::vector<std::string> Terms(const Statement& s) {
  std::vector<std::string> out;
  if (const auto* f = std::get_if<FindStatement>(&s.node)) {
    for (const Expr& e : f->projection) CollectTerms(e, &out);
    CollectTerms(f->where, &out);
    CollectTerms(f->time, &out);
    for (const Expr& e : f->group_by) CollectTerms(e, &out);
    for (const OrderKey& k : f->order_by) CollectTerms(k.expr, &out);
    out.push_back(T(f->limit));
    out.push_back(T(f->offset));
  } else if (const auto* h = std::get_if<HistoryStatement>(&s.node)) {
    out = {T(h->subject), T(h->predicate)};
    CollectTerms(h->time, &out);
  } else if (const auto* c = std::get_if<ChangesStatement>(&s.node)) {
    out = {T(c->subject), T(c->predicate), T(c->from), T(c->to)};
    CollectTerms(c->time, &out);
  } else if (const auto* d = std::get_if<DiffStatement>(&s.node)) {
    out = {T(d->subject), T(d->predicate), T(d->before), T(d->after)};
  } else if (const auto* d = std::get_if<DisputesStatement>(&s.node)) {
    out = {T(d->subject), T(d->predicate)};
    CollectTerms(d->time, &out);
  } else if (const auto* p = std::get_if<PathStatement>(&s.node)) {
    out = {T(p->from), T(p->to), T(p->max_hops)};
    for (const Term& v : p->via) out.push_back(T(v));
    CollectTerms(p->time, &out);
  } else if (const auto* a = std::get_if<AssertStatement>(&s.node)) {
    out = {T(a->subject),  T(a->predicate), T(a->object), T(a->valid_from),
           T(a->valid_to), T(a->source),    T(a->by),     T(a->confidence)};
  } else if (const auto* r = std::get_if<RetractStatement>(&s.node)) {
    for (const Term& c : r->claims) out.push_back(T(c));
  }
  return out;
}

// ---------------------------------------------------------------------------
// FIND

TEST(ParserTest, FindWithQueryTime) {
  Statement s = P("FIND ?who ?what WHERE ?who signed ?what AT 2025-09-02");
  EXPECT_EQ(s.explain, ExplainMode::kNone);
  EXPECT_EQ(s.pos, (SourcePos{1, 1, 0}));
  const FindStatement& f = std::get<FindStatement>(s.node);
  EXPECT_FALSE(f.distinct);
  ASSERT_EQ(f.projection.size(), 2u);
  EXPECT_EQ(T(f.projection[0].term), "var:who");
  EXPECT_EQ(T(f.projection[1].term), "var:what");
  EXPECT_EQ(f.projection[1].pos, (SourcePos{1, 11, 10}));
  ASSERT_EQ(f.where.size(), 1u);
  EXPECT_EQ(f.where[0].kind, WhereElement::Kind::kPattern);
  EXPECT_EQ(Pattern(f.where[0].pattern), "var:who name:signed var:what");
  EXPECT_EQ(f.where[0].pattern.pos, (SourcePos{1, 23, 22}));
  EXPECT_EQ(f.where[0].pattern.predicate.pos, (SourcePos{1, 28, 27}));
  // After the last pattern, the temporal clause is the query's.
  ASSERT_TRUE(f.time.valid);
  EXPECT_EQ(f.time.valid->kind, ValidTime::Kind::kAt);
  EXPECT_EQ(T(f.time.valid->from), "date:2025-09-02(day)");
  EXPECT_FALSE(f.time.valid->possibly);
  EXPECT_EQ(f.time.valid->pos, (SourcePos{1, 41, 40}));
  EXPECT_FALSE(f.time.as_of);
  EXPECT_TRUE(f.group_by.empty());
  EXPECT_FALSE(f.limit);
}

TEST(ParserTest, FindJoinDuringYears) {
  auto f = As<FindStatement>(
      "FIND ?x WHERE Gazprom ?p ?x, ?x located_in Mongolia DURING 2024 TO "
      "2026");
  ASSERT_EQ(f.where.size(), 2u);
  EXPECT_EQ(Pattern(f.where[0].pattern), "name:Gazprom var:p var:x");
  EXPECT_EQ(Pattern(f.where[1].pattern), "var:x name:located_in name:Mongolia");
  ASSERT_TRUE(f.time.valid);
  EXPECT_EQ(f.time.valid->kind, ValidTime::Kind::kDuring);
  EXPECT_EQ(T(f.time.valid->from), "date:2024(year)");
  EXPECT_EQ(T(f.time.valid->to), "date:2026(year)");
}

TEST(ParserTest, ClaimBindingAndClaimFunctions) {
  auto f = As<FindStatement>(
      "FIND ?c source(?c) by(?c) from(?c) to(?c) recorded(?c) "
      "confidence(?c) WHERE ?c: \"Power of Siberia 2\" status binding");
  ASSERT_EQ(f.projection.size(), 7u);
  const Function expected[] = {Function::kSource,   Function::kBy,
                               Function::kFrom,     Function::kTo,
                               Function::kRecorded, Function::kConfidence};
  for (int i = 0; i < 6; ++i) {
    const Expr& call = f.projection[i + 1];
    EXPECT_EQ(call.kind, Expr::Kind::kCall);
    EXPECT_EQ(call.function, expected[i]);
    ASSERT_EQ(call.args.size(), 1u);
    EXPECT_EQ(T(call.args[0].term), "var:c");
  }
  EXPECT_EQ(f.projection[1].pos, (SourcePos{1, 9, 8}));
  EXPECT_EQ(Pattern(f.where[0].pattern),
            "?c: quoted:Power of Siberia 2 name:status name:binding");
  EXPECT_EQ(f.where[0].pattern.pos, (SourcePos{1, 77, 76}));
  EXPECT_EQ(f.where[0].pattern.subject.pos, (SourcePos{1, 81, 80}));
}

TEST(ParserTest, AggregatesGroupOrderLimit) {
  auto f = As<FindStatement>(
      "FIND ?p count(*) WHERE ?s ?p ?o GROUP BY ?p ORDER BY count(*) DESC, ?p "
      "LIMIT 10 OFFSET 20");
  ASSERT_EQ(f.projection.size(), 2u);
  EXPECT_EQ(f.projection[1].kind, Expr::Kind::kCall);
  EXPECT_EQ(f.projection[1].function, Function::kCount);
  EXPECT_TRUE(f.projection[1].star);
  ASSERT_EQ(f.group_by.size(), 1u);
  EXPECT_EQ(T(f.group_by[0].term), "var:p");
  ASSERT_EQ(f.order_by.size(), 2u);
  EXPECT_TRUE(f.order_by[0].expr.star);
  EXPECT_TRUE(f.order_by[0].descending);
  EXPECT_EQ(T(f.order_by[1].expr.term), "var:p");
  EXPECT_FALSE(f.order_by[1].descending);
  EXPECT_EQ(T(f.limit), "int:10");
  EXPECT_EQ(T(f.offset), "int:20");

  auto g = As<FindStatement>(
      "FIND DISTINCT ?x sum(?v) min(?v) max(?v) avg(?v) count(DISTINCT ?y) "
      "WHERE ?x p ?v, ?x q ?y GROUP BY ?x, source(?c) ORDER BY ?x ASC "
      "OFFSET 5 LIMIT 1");
  EXPECT_TRUE(g.distinct);
  const Function aggregates[] = {Function::kSum, Function::kMin, Function::kMax,
                                 Function::kAvg, Function::kCount};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(g.projection[i + 1].function, aggregates[i]);
    EXPECT_FALSE(g.projection[i + 1].star);
  }
  EXPECT_TRUE(g.projection[5].distinct);
  EXPECT_EQ(g.group_by.size(), 2u);
  EXPECT_EQ(g.group_by[1].function, Function::kSource);
  EXPECT_EQ(T(g.limit), "int:1");
  EXPECT_EQ(T(g.offset), "int:5");

  auto star = As<FindStatement>("FIND * WHERE ?s ?p ?o");
  EXPECT_TRUE(star.all_variables);
  EXPECT_TRUE(star.projection.empty());
}

TEST(ParserTest, AsOfAndPossibly) {
  auto f = As<FindStatement>(
      "FIND ?x WHERE Russia supplies_gas_to ?x AS OF 2025-09-01 -- then");
  EXPECT_FALSE(f.time.valid);
  EXPECT_EQ(T(f.time.as_of), "date:2025-09-01(day)");
  EXPECT_TRUE(f.where[0].pattern.time.empty());

  auto g =
      As<FindStatement>("FIND ?x WHERE ?x p ?y AT 2025 POSSIBLY AS OF NOW");
  EXPECT_TRUE(g.time.valid->possibly);
  EXPECT_EQ(T(g.time.valid->from), "date:2025(year)");
  EXPECT_EQ(T(g.time.as_of), "now");
  // Either order; DURING may be POSSIBLY too.
  auto h = As<FindStatement>(
      "FIND ?x WHERE ?x p ?y AS OF 2024 DURING 2020-01 TO 2021-06 POSSIBLY");
  EXPECT_EQ(T(h.time.as_of), "date:2024(year)");
  EXPECT_EQ(h.time.valid->kind, ValidTime::Kind::kDuring);
  EXPECT_TRUE(h.time.valid->possibly);
}

TEST(ParserTest, PerPatternTemporalQualifiers) {
  auto f = As<FindStatement>(
      "FIND ?x WHERE ?x member_of SCO AT 2020, ?x signed ?y AS OF 2025-01-01 "
      "DURING 2024 TO 2025 POSSIBLY, ?y about ?z");
  ASSERT_EQ(f.where.size(), 3u);
  EXPECT_EQ(Pattern(f.where[0].pattern),
            "var:x name:member_of name:SCO | AT 2020");
  EXPECT_EQ(Pattern(f.where[1].pattern),
            "var:x name:signed var:y | DURING 2024 TO 2025 POSSIBLY AS OF "
            "2025-01-01");
  EXPECT_EQ(Pattern(f.where[2].pattern), "var:y name:about var:z");
  EXPECT_TRUE(f.time.empty());
  // NOT and OPTIONAL after it keep the clause with its pattern...
  auto g = As<FindStatement>(
      "FIND ?x WHERE ?x p ?y AT 2020 NOT { ?y q ?z }, FILTER ?y > 3");
  EXPECT_EQ(Pattern(g.where[0].pattern), "var:x name:p var:y | AT 2020");
  EXPECT_TRUE(g.time.empty());
  // ... FILTERs do not: the clause after the last pattern is the query's.
  auto h = As<FindStatement>(
      "FIND ?x WHERE ?x p ?y AT 2020 FILTER ?y > 3, FILTER ?y < 9 AS OF 2021");
  EXPECT_EQ(Pattern(h.where[0].pattern), "var:x name:p var:y");
  EXPECT_EQ(ToString(h.time), "AT 2020 AS OF 2021");
}

TEST(ParserTest, BracesKeepALastPatternsClause) {
  auto f = As<FindStatement>(
      "FIND ?x WHERE ?a p ?x, { ?x q ?y AT 2020 } AS OF 2021");
  ASSERT_EQ(f.where.size(), 2u);  // the group is folded into the list
  EXPECT_EQ(Pattern(f.where[1].pattern), "var:x name:q var:y | AT 2020");
  EXPECT_FALSE(f.time.valid);
  EXPECT_EQ(T(f.time.as_of), "date:2021(year)");
  // A time clause may also come last, after the other clauses, and merge.
  auto g =
      As<FindStatement>("FIND ?x WHERE ?x p ?y AT 2020 LIMIT 3 AS OF 2021");
  EXPECT_EQ(T(g.time.valid->from), "date:2020(year)");
  EXPECT_EQ(T(g.time.as_of), "date:2021(year)");
  EXPECT_TRUE(g.where[0].pattern.time.empty());
}

TEST(ParserTest, SeparatorsAndKeywordCase) {
  auto f = As<FindStatement>(
      "find ?x, ?y where ?x p ?y . ?y q ?z filter ?z = 1 optional { ?x r ?w } "
      "limit 3");
  EXPECT_EQ(f.projection.size(), 2u);
  ASSERT_EQ(f.where.size(), 4u);
  EXPECT_EQ(f.where[2].kind, WhereElement::Kind::kFilter);
  EXPECT_EQ(f.where[3].kind, WhereElement::Kind::kOptional);
  EXPECT_EQ(T(f.limit), "int:3");
}

TEST(ParserTest, NotAndOptionalGroups) {
  auto f = As<FindStatement>(
      "FIND ?x ?y WHERE ?x member_of SCO, NOT { ?x member_of NATO }, "
      "OPTIONAL { ?x ceo ?y AT 2025, FILTER ?y != Miller, NOT { ?y p ?z } }");
  ASSERT_EQ(f.where.size(), 3u);
  EXPECT_EQ(f.where[1].kind, WhereElement::Kind::kNot);
  EXPECT_EQ(f.where[1].pos, (SourcePos{1, 36, 35}));
  ASSERT_EQ(f.where[1].group.size(), 1u);
  EXPECT_EQ(Pattern(f.where[1].group[0].pattern),
            "var:x name:member_of name:NATO");
  const WhereElement& optional = f.where[2];
  EXPECT_EQ(optional.kind, WhereElement::Kind::kOptional);
  ASSERT_EQ(optional.group.size(), 3u);
  EXPECT_EQ(Pattern(optional.group[0].pattern),
            "var:x name:ceo var:y | AT 2025");
  EXPECT_EQ(optional.group[1].kind, WhereElement::Kind::kFilter);
  EXPECT_EQ(optional.group[2].kind, WhereElement::Kind::kNot);
  // Inside braces a last pattern keeps its clause.
  auto g = As<FindStatement>("FIND ?x WHERE ?x p ?y, NOT { ?y q ?z AT 2020 }");
  EXPECT_EQ(Pattern(g.where[1].group[0].pattern),
            "var:y name:q var:z | AT 2020");
  EXPECT_TRUE(g.time.empty());
}

TEST(ParserTest, FilterPrecedenceAndParentheses) {
  auto f = As<FindStatement>(
      "FIND ?x WHERE ?x flow ?v FILTER ?v > 50 bcm/yr AND (from(?c) < 2025 OR "
      "NOT ?x = \"a\") OR ?v <= -1.5");
  const Expr& e = f.where[1].filter;
  ASSERT_EQ(e.kind, Expr::Kind::kOr);
  ASSERT_EQ(e.args.size(), 2u);
  const Expr& all = e.args[0];
  ASSERT_EQ(all.kind, Expr::Kind::kAnd);
  ASSERT_EQ(all.args.size(), 2u);
  EXPECT_EQ(all.args[0].kind, Expr::Kind::kCompare);
  EXPECT_EQ(all.args[0].compare, CompareOp::kGt);
  EXPECT_EQ(T(all.args[0].args[1].term), "qty:50 bcm/yr");
  const Expr& any = all.args[1];
  ASSERT_EQ(any.kind, Expr::Kind::kOr);
  EXPECT_EQ(any.args[0].compare, CompareOp::kLt);
  EXPECT_EQ(any.args[0].args[0].function, Function::kFrom);
  EXPECT_EQ(T(any.args[0].args[1].term), "int:2025");  // a year, to the binder
  EXPECT_EQ(any.args[1].kind, Expr::Kind::kNot);
  EXPECT_EQ(T(any.args[1].args[0].args[1].term), "quoted:a");
  EXPECT_EQ(e.args[1].compare, CompareOp::kLe);
  EXPECT_EQ(T(e.args[1].args[1].term), "dec:-1.5");
  EXPECT_EQ(f.where[1].pos, (SourcePos{1, 26, 25}));
  EXPECT_EQ(e.pos, (SourcePos{1, 33, 32}));
  // AND and OR chains are flat; NOT binds tighter than AND.
  auto g = As<FindStatement>(
      "FIND ?x WHERE ?x p ?y FILTER NOT ?a AND ?b AND ?c OR ?d OR ?e");
  const Expr& h = g.where[1].filter;
  EXPECT_EQ(h.kind, Expr::Kind::kOr);
  EXPECT_EQ(h.args.size(), 3u);
  EXPECT_EQ(h.args[0].kind, Expr::Kind::kAnd);
  EXPECT_EQ(h.args[0].args.size(), 3u);
  EXPECT_EQ(h.args[0].args[0].kind, Expr::Kind::kNot);
  // Every comparison operator.
  const std::pair<const char*, CompareOp> ops[] = {
      {"=", CompareOp::kEq}, {"!=", CompareOp::kNe}, {"<>", CompareOp::kNe},
      {"<", CompareOp::kLt}, {"<=", CompareOp::kLe}, {">", CompareOp::kGt},
      {">=", CompareOp::kGe}};
  for (const auto& [text, op] : ops) {
    auto q = As<FindStatement>(
        absl::StrCat("FIND ?x WHERE ?x p ?y FILTER ?y ", text, " 3"));
    EXPECT_EQ(q.where[1].filter.compare, op) << text;
  }
}

TEST(ParserTest, FilterOperands) {
  auto f = As<FindStatement>(
      "FIND ?x WHERE ?x p ?y FILTER ?y = TRUE OR ?y = FALSE OR ?y = NOW OR "
      "?y = 2025-09 OR ?y = #c4 OR ?y = $p OR ?y = Gazprom OR ?y = \"\" OR "
      "confidence(?c) >= 0.5");
  std::vector<std::string> terms;
  CollectTerms(f.where[1].filter, &terms);
  EXPECT_EQ(terms, (std::vector<std::string>{
                       "var:y", "bool:true", "var:y", "bool:false", "var:y",
                       "now", "var:y", "date:2025-09(month)", "var:y",
                       "claim:4", "var:y", "param:p", "var:y", "name:Gazprom",
                       "var:y", "quoted:", "var:c", "dec:0.5"}));
}

TEST(ParserTest, PeriodComparisons) {
  const std::pair<const char*, PeriodOp> ops[] = {
      {"OVERLAPS", PeriodOp::kOverlaps}, {"contains", PeriodOp::kContains},
      {"During", PeriodOp::kDuring},     {"PRECEDES", PeriodOp::kPrecedes},
      {"SUCCEEDS", PeriodOp::kSucceeds}, {"MEETS", PeriodOp::kMeets},
      {"STARTS", PeriodOp::kStarts},     {"FINISHES", PeriodOp::kFinishes},
      {"EQUALS", PeriodOp::kEquals}};
  for (const auto& [text, op] : ops) {
    auto f = As<FindStatement>(absl::StrCat(
        "FIND ?x WHERE ?c1: ?x p ?y, ?c2: ?y q ?z FILTER ?c1 ", text, " ?c2"));
    const Expr& e = f.where[2].filter;
    EXPECT_EQ(e.kind, Expr::Kind::kPeriod) << text;
    EXPECT_EQ(e.period, op) << text;
  }
  auto f = As<FindStatement>(
      "FIND ?x WHERE ?c: ?x p ?y FILTER ?c DURING 2024 TO 2026 AND 2024-01 TO "
      "2024-06 CONTAINS ?c AND from(?c) TO to(?c) OVERLAPS 2025");
  const Expr& e = f.where[1].filter;
  ASSERT_EQ(e.args.size(), 3u);
  EXPECT_EQ(e.args[0].args[1].kind, Expr::Kind::kRange);
  EXPECT_EQ(T(e.args[0].args[1].args[0].term), "int:2024");
  EXPECT_EQ(e.args[1].args[0].kind, Expr::Kind::kRange);
  EXPECT_EQ(e.args[1].period, PeriodOp::kContains);
  EXPECT_EQ(e.args[2].args[0].args[1].function, Function::kTo);
  EXPECT_FALSE(e.args[0].possibly);
  // POSSIBLY after a period comparison widens it, before AND and after AT.
  auto p = As<FindStatement>(
      "FIND ?x WHERE ?c: ?x p ?y FILTER ?c OVERLAPS 2025 POSSIBLY AND ?c "
      "MEETS ?c AT 2025 POSSIBLY");
  const Expr& widened = p.where[1].filter;
  ASSERT_EQ(widened.args.size(), 2u);
  EXPECT_TRUE(widened.args[0].possibly);
  EXPECT_FALSE(widened.args[1].possibly);
  ASSERT_TRUE(p.time.valid.has_value());
  EXPECT_TRUE(p.time.valid->possibly);
  // Period words stay names elsewhere.
  auto g = As<FindStatement>("FIND ?x WHERE ?x contains ?y, ?y meets Overlaps");
  EXPECT_EQ(Pattern(g.where[0].pattern), "var:x name:contains var:y");
  EXPECT_EQ(Pattern(g.where[1].pattern), "var:y name:meets name:Overlaps");
  // A number before a period word has no unit.
  auto h =
      As<FindStatement>("FIND ?x WHERE ?c: ?x p ?y FILTER 2025 overlaps ?c");
  EXPECT_EQ(T(h.where[1].filter.args[0].term), "int:2025");
}

TEST(ParserTest, ObjectsOfEveryKind) {
  const std::pair<const char*, const char*> cases[] = {
      {"56", "int:56"},
      {"-3", "int:-3"},
      {"2001", "int:2001"},  // a year only where a time must be
      {"0.50", "dec:0.5"},
      {"56 bcm/yr", "qty:56 bcm/yr"},
      {"1.5 km", "qty:1.5 km"},
      {"2025-09-02", "date:2025-09-02(day)"},
      {"2025-09-02T10:00:00Z", "date:2025-09-02T10:00:00Z(second)"},
      {"TRUE", "bool:true"},
      {"false", "bool:false"},
      {"#c42", "claim:42"},
      {"$o", "param:o"},
      {"?o", "var:o"},
      {"China", "name:China"},
      {"\"Power of Siberia 2\"", "quoted:Power of Siberia 2"},
      {"\"where\"", "quoted:where"},
      {"Москва", "name:Москва"},
  };
  for (const auto& [object, expected] : cases) {
    auto f = As<FindStatement>(absl::StrCat("FIND ?x WHERE ?x p ", object));
    ASSERT_EQ(f.where.size(), 1u) << object;
    EXPECT_EQ(T(f.where[0].pattern.object), expected) << object;
  }
  auto f = As<FindStatement>("FIND ?x WHERE #c42 confirmed_by ?x, $s $p ?x");
  EXPECT_EQ(Pattern(f.where[0].pattern), "claim:42 name:confirmed_by var:x");
  EXPECT_EQ(Pattern(f.where[1].pattern), "param:s param:p var:x");
}

TEST(ParserTest, ParametersWhereLiteralsGo) {
  auto f = As<FindStatement>(
      "FIND ?x WHERE $s $p ?x AT $t FILTER ?x != $other LIMIT $n OFFSET $o");
  ASSERT_TRUE(f.time.valid);
  EXPECT_EQ(T(f.time.valid->from), "param:t");
  EXPECT_EQ(T(f.limit), "param:n");
  EXPECT_EQ(T(f.offset), "param:o");
  auto a = As<AssertStatement>(
      "ASSERT $s $p $o FROM $f TO $t SOURCE $src BY $by CONFIDENCE $c");
  EXPECT_EQ(T(a.subject), "param:s");
  EXPECT_EQ(T(a.valid_from), "param:f");
  EXPECT_EQ(T(a.source), "param:src");
  EXPECT_EQ(T(a.confidence), "param:c");
  auto p = As<PathStatement>("PATH $a TO $b VIA $p MAX $n AT $t");
  EXPECT_EQ(T(p.max_hops), "param:n");
  EXPECT_EQ(T(p.via[0]), "param:p");
  auto r = As<RetractStatement>("RETRACT $id");
  EXPECT_EQ(T(r.claims[0]), "param:id");
}

// ---------------------------------------------------------------------------
// The other statements

TEST(ParserTest, History) {
  auto h = As<HistoryStatement>("HISTORY Russia gas_flow_to_china_bcm");
  EXPECT_EQ(T(h.subject), "name:Russia");
  EXPECT_EQ(T(h.predicate), "name:gas_flow_to_china_bcm");
  EXPECT_TRUE(h.time.empty());
  EXPECT_EQ(h.pos, (SourcePos{1, 1, 0}));
  auto all = As<HistoryStatement>("history \"Power of Siberia 2\"");
  EXPECT_EQ(T(all.subject), "quoted:Power of Siberia 2");
  EXPECT_FALSE(all.predicate);
  auto window =
      As<HistoryStatement>("HISTORY #c42 DURING 2020 TO 2025 AS OF 2025-09-01");
  EXPECT_EQ(T(window.subject), "claim:42");
  EXPECT_EQ(window.time.valid->kind, ValidTime::Kind::kDuring);
  EXPECT_EQ(T(window.time.as_of), "date:2025-09-01(day)");
}

TEST(ParserTest, Changes) {
  auto c =
      As<ChangesStatement>("CHANGES Russia BETWEEN 2025-01-01 AND 2025-12-31");
  EXPECT_EQ(T(c.subject), "name:Russia");
  EXPECT_FALSE(c.predicate);
  EXPECT_EQ(T(c.from), "date:2025-01-01(day)");
  EXPECT_EQ(T(c.to), "date:2025-12-31(day)");
  auto all = As<ChangesStatement>("CHANGES BETWEEN 2025 AND NOW AS OF 2025-06");
  EXPECT_FALSE(all.subject);
  EXPECT_EQ(T(all.from), "date:2025(year)");
  EXPECT_EQ(T(all.to), "now");
  EXPECT_EQ(T(all.time.as_of), "date:2025-06(month)");
  auto p = As<ChangesStatement>("CHANGES Russia ceo BETWEEN $a AND $b");
  EXPECT_EQ(T(p.predicate), "name:ceo");
  EXPECT_EQ(T(p.from), "param:a");
}

TEST(ParserTest, Diff) {
  auto d = As<DiffStatement>("DIFF AS OF 2025-09-01 AND 2025-09-03");
  EXPECT_FALSE(d.subject);
  EXPECT_EQ(T(d.before), "date:2025-09-01(day)");
  EXPECT_EQ(T(d.after), "date:2025-09-03(day)");
  auto s = As<DiffStatement>("DIFF Russia gas_flow AS OF 2024 AND NOW");
  EXPECT_EQ(T(s.subject), "name:Russia");
  EXPECT_EQ(T(s.predicate), "name:gas_flow");
  EXPECT_EQ(T(s.after), "now");
}

TEST(ParserTest, Disputes) {
  auto d = As<DisputesStatement>("DISPUTES \"Power of Siberia 2\"");
  EXPECT_EQ(T(d.subject), "quoted:Power of Siberia 2");
  EXPECT_FALSE(d.predicate);
  auto p = As<DisputesStatement>(
      "DISPUTES Russia gas_flow AT 2025 POSSIBLY AS OF 2025-09-03");
  EXPECT_EQ(T(p.predicate), "name:gas_flow");
  EXPECT_TRUE(p.time.valid->possibly);
  EXPECT_EQ(T(p.time.as_of), "date:2025-09-03(day)");
}

TEST(ParserTest, Path) {
  auto p = As<PathStatement>("PATH Rosatom TO China MAX 3 AT 2025-09-02");
  EXPECT_EQ(T(p.from), "name:Rosatom");
  EXPECT_EQ(T(p.to), "name:China");
  EXPECT_EQ(T(p.max_hops), "int:3");
  EXPECT_EQ(T(p.time.valid->from), "date:2025-09-02(day)");
  EXPECT_TRUE(p.via.empty());
  EXPECT_FALSE(p.in_order);
  // Clauses in any order.
  auto q = As<PathStatement>(
      "PATH a TO \"b c\" IN ORDER DURING 2020 TO 2025 VIA supplies, "
      "\"owned by\" MAX 4 AS OF 2025");
  ASSERT_EQ(q.via.size(), 2u);
  EXPECT_EQ(T(q.via[0]), "name:supplies");
  EXPECT_EQ(T(q.via[1]), "quoted:owned by");
  EXPECT_TRUE(q.in_order);
  EXPECT_EQ(q.time.valid->kind, ValidTime::Kind::kDuring);
  EXPECT_EQ(T(q.time.as_of), "date:2025(year)");
  EXPECT_EQ(T(q.max_hops), "int:4");
}

TEST(ParserTest, Assert) {
  auto a = As<AssertStatement>(
      "ASSERT Gazprom signed \"PoS2 memorandum\" FROM 2025-09-02 SOURCE "
      "\"seed-article\" BY \"Alexey Miller\"");
  EXPECT_EQ(T(a.subject), "name:Gazprom");
  EXPECT_EQ(T(a.predicate), "name:signed");
  EXPECT_EQ(T(a.object), "quoted:PoS2 memorandum");
  EXPECT_EQ(T(a.valid_from), "date:2025-09-02(day)");
  EXPECT_FALSE(a.valid_to);
  EXPECT_EQ(T(a.source), "quoted:seed-article");
  EXPECT_EQ(T(a.by), "quoted:Alexey Miller");
  EXPECT_FALSE(a.confidence);
  auto b = As<AssertStatement>(
      "ASSERT Russia gas_flow_to_china_bcm 56 bcm/yr CONFIDENCE 0.9 TO NOW "
      "FROM 2025 BY Miller SOURCE article");
  EXPECT_EQ(T(b.object), "qty:56 bcm/yr");
  EXPECT_EQ(T(b.confidence), "dec:0.9");
  EXPECT_EQ(T(b.valid_to), "now");
  EXPECT_EQ(T(b.valid_from), "date:2025(year)");
  EXPECT_EQ(T(b.source), "name:article");
  auto c = As<AssertStatement>("ASSERT #c42 confirmed_by China CONFIDENCE 1");
  EXPECT_EQ(T(c.subject), "claim:42");
  EXPECT_EQ(T(c.confidence), "int:1");
}

TEST(ParserTest, Retract) {
  auto r = As<RetractStatement>("RETRACT #c42");
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_EQ(T(r.claims[0]), "claim:42");
  EXPECT_EQ(r.claims[0].pos, (SourcePos{1, 9, 8}));
  auto m = As<RetractStatement>("RETRACT #c1, #c2, $id");
  EXPECT_EQ(m.claims.size(), 3u);
}

TEST(ParserTest, Explain) {
  Statement s = P("EXPLAIN FIND ?x WHERE ?x p ?y");
  EXPECT_EQ(s.explain, ExplainMode::kPlan);
  EXPECT_EQ(s.pos, (SourcePos{1, 1, 0}));
  EXPECT_EQ(std::get<FindStatement>(s.node).pos, (SourcePos{1, 9, 8}));
  Statement a = P("explain analyze PATH a TO b");
  EXPECT_EQ(a.explain, ExplainMode::kAnalyze);
  EXPECT_TRUE(std::holds_alternative<PathStatement>(a.node));
}

TEST(ParserTest, Scripts) {
  absl::StatusOr<Script> script = Parse(
      ";; FIND ?x WHERE ?x p ?y;\n"
      "ASSERT a p b;\n"
      "  RETRACT #c1 ;;\n");
  ASSERT_TRUE(script.ok()) << script.status();
  ASSERT_EQ(script->statements.size(), 3u);
  EXPECT_EQ(script->statements[0].pos, (SourcePos{1, 4, 3}));
  EXPECT_EQ(script->statements[1].pos, (SourcePos{2, 1, 26}));
  EXPECT_EQ(script->statements[2].pos, (SourcePos{3, 3, 42}));
  EXPECT_TRUE(
      std::holds_alternative<RetractStatement>(script->statements[2].node));
  EXPECT_TRUE(ParseStatement("FIND ?x WHERE ?x p ?y;").ok());
}

TEST(ParserTest, EveryExampleOfTheDesign) {
  const char* examples[] = {
      "FIND ?who ?what WHERE ?who signed ?what AT 2025-09-02",
      "FIND ?x WHERE Gazprom ?p ?x, ?x located_in Mongolia DURING 2024 TO 2026",
      "FIND ?c source(?c) by(?c) WHERE ?c: \"Power of Siberia 2\" status "
      "binding",
      "FIND ?p count(*) WHERE ?s ?p ?o GROUP BY ?p ORDER BY count(*) DESC "
      "LIMIT 10",
      "FIND ?x WHERE Russia supplies_gas_to ?x AS OF 2025-09-01        -- what "
      "we knew then",
      "HISTORY Russia gas_flow_to_china_bcm                             -- "
      "timeline of a claim",
      "CHANGES Russia BETWEEN 2025-01-01 AND 2025-12-31                 -- "
      "what "
      "began, ended, was retracted",
      "DIFF AS OF 2025-09-01 AND 2025-09-03                              -- "
      "what we learned in between",
      "DISPUTES \"Power of Siberia 2\"                                      -- "
      "claims that contradict, with sources",
      "PATH Rosatom TO China MAX 3 AT 2025-09-02                        -- "
      "walk relationships, every hop valid then",
      "ASSERT Gazprom signed \"PoS2 memorandum\" FROM 2025-09-02 SOURCE "
      "\"seed-article\" BY \"Alexey Miller\"",
      "RETRACT #c42",
      "EXPLAIN FIND ?x WHERE ?x p ?y",
  };
  for (const char* example : examples) {
    EXPECT_TRUE(Parse(example).ok()) << example << "\n"
                                     << Parse(example).status().message();
  }
}

// ---------------------------------------------------------------------------
// The printer and round trips

// Parses, prints, parses the print: same text, same terms of the same kinds.
void ExpectRoundTrip(std::string_view text) {
  SCOPED_TRACE(text);
  Statement first = P(text);
  std::string printed = ToString(first);
  Statement second = P(printed);
  EXPECT_EQ(ToString(second), printed);
  EXPECT_EQ(Terms(second), Terms(first));
  EXPECT_EQ(second.explain, first.explain);
}

TEST(ParserRoundTripTest, CanonicalText) {
  const std::pair<const char*, const char*> cases[] = {
      {"find ?who ?what where ?who signed ?what at 2025-09-02",
       "FIND ?who ?what WHERE ?who signed ?what AT 2025-09-02"},
      {"FIND ?x,?y WHERE ?x p ?y . ?y q ?z",
       "FIND ?x ?y WHERE ?x p ?y, ?y q ?z"},
      {"FIND ?x WHERE ?x p ?y AT 2020, ?y q 56 bcm/yr AS OF 2021",
       "FIND ?x WHERE ?x p ?y AT 2020, ?y q 56 bcm/yr AS OF 2021"},
      {"FIND ?x WHERE ?a p ?x, { ?x q ?y AT 2020 }",
       "FIND ?x WHERE ?a p ?x, { ?x q ?y AT 2020 }"},
      {"FIND ?x WHERE ?x p ?y FILTER ?y > 0.50 DURING 2020 TO 2021",
       "FIND ?x WHERE ?x p ?y, { FILTER ?y > 0.5 } DURING 2020 TO 2021"},
      {"FIND ?x WHERE ?x p ?y FILTER (?a OR ?b) AND NOT (?c AND ?d) OR (?e)",
       "FIND ?x WHERE ?x p ?y, FILTER (?a OR ?b) AND NOT (?c AND ?d) OR ?e"},
      {"FIND ?x WHERE ?x p ?y FILTER ((?a AND ?b) AND ?c) OR ((?d OR ?e))",
       "FIND ?x WHERE ?x p ?y, FILTER (?a AND ?b) AND ?c OR (?d OR ?e)"},
      {"FIND ?x WHERE \"Power of Siberia 2\" \"status\" \"where\"",
       "FIND ?x WHERE \"Power of Siberia 2\" \"status\" \"where\""},
      {"FIND ?x WHERE ?x p \"a\\\"b\\\\c\\n\\t\\r\\u00e9\"",
       "FIND ?x WHERE ?x p \"a\\\"b\\\\c\\n\\t\\ré\""},
      {"FIND DISTINCT ?p count(DISTINCT ?o) WHERE ?s ?p ?o GROUP BY ?p ORDER "
       "BY count(DISTINCT ?o) DESC, ?p ASC OFFSET 5 LIMIT 10",
       "FIND DISTINCT ?p count(DISTINCT ?o) WHERE ?s ?p ?o GROUP BY ?p ORDER "
       "BY count(DISTINCT ?o) DESC, ?p LIMIT 10 OFFSET 5"},
      {"history russia gas during 2020 to 2021 possibly as of 2025",
       "HISTORY russia gas DURING 2020 TO 2021 POSSIBLY AS OF 2025"},
      {"PATH a TO b IN ORDER MAX 3 VIA p,q AT 2025",
       "PATH a TO b VIA p, q MAX 3 AT 2025 IN ORDER"},
      {"ASSERT a p b CONFIDENCE 0.90 BY x SOURCE \"s\" TO 2026 FROM 2025",
       "ASSERT a p b FROM 2025 TO 2026 SOURCE \"s\" BY x CONFIDENCE 0.9"},
      {"explain analyze RETRACT #c1,#c2", "EXPLAIN ANALYZE RETRACT #c1, #c2"},
      {"FIND ?x WHERE ?c: ?x p ?y FILTER ?c during 2024 to 2026 and 2024 "
       "overlaps ?c",
       "FIND ?x WHERE ?c: ?x p ?y, FILTER ?c DURING 2024 TO 2026 AND 2024 "
       "OVERLAPS ?c"},
      {"FIND ?x WHERE ?x p ?y AT +476", "FIND ?x WHERE ?x p ?y AT 0476"},
      {"FIND ?x WHERE ?x p ?y AT 2020 FILTER ?y > 3",
       "FIND ?x WHERE ?x p ?y, FILTER ?y > 3 AT 2020"},
      {"FIND ?x WHERE { ?x p ?y AT 2020 } FILTER ?y > 3 AS OF 2021",
       "FIND ?x WHERE { ?x p ?y AT 2020 }, FILTER ?y > 3 AS OF 2021"},
      {"FIND ?x WHERE { ?x p ?y AT 2020 } FILTER ?y DURING 2020 TO 2021",
       "FIND ?x WHERE { ?x p ?y AT 2020 }, FILTER ?y DURING 2020 TO 2021"},
      {"FIND ?x WHERE { ?x p ?y AT 2020 }, { FILTER ?y } DURING 2020 TO 2021",
       "FIND ?x WHERE { ?x p ?y AT 2020 }, { FILTER ?y } DURING 2020 TO "
       "2021"},
  };
  for (const auto& [text, canonical] : cases) {
    EXPECT_EQ(ToString(P(text)), canonical) << text;
    ExpectRoundTrip(text);
  }
}

TEST(ParserRoundTripTest, EveryForm) {
  const char* queries[] = {
      "FIND ?who ?what WHERE ?who signed ?what AT 2025-09-02",
      "FIND ?x WHERE Gazprom ?p ?x, ?x located_in Mongolia DURING 2024 TO 2026",
      "FIND ?c source(?c) by(?c) WHERE ?c: \"Power of Siberia 2\" status "
      "binding",
      "FIND ?p count(*) WHERE ?s ?p ?o GROUP BY ?p ORDER BY count(*) DESC "
      "LIMIT 10",
      "FIND * WHERE ?s ?p ?o AS OF 2025-09-01",
      "FIND ?x WHERE ?x p 2001, ?x q 2001-02, ?x r -0431, ?x s TRUE, ?x t #c9",
      "FIND ?x WHERE ?x p ?y AT 2020 POSSIBLY, ?y q ?z AS OF NOW",
      "FIND ?x WHERE ?x p ?y, { ?y q ?z DURING 2020 TO 2021 } AT 2022 "
      "POSSIBLY",
      "FIND ?x WHERE ?x p ?y, NOT { ?y q ?z AT 2020 }, OPTIONAL { ?x r ?w, "
      "FILTER ?w >= 3 km/h, OPTIONAL { ?w s ?v } }",
      "FIND ?x WHERE ?x p ?y FILTER from(?c) < 2025 AND to(?c) >= "
      "2025-09-02T10:00:00Z OR recorded(?c) = NOW",
      "FIND ?x WHERE ?x p ?y FILTER NOT NOT (?y = $p) AND source(?c) != "
      "\"\"",
      "FIND ?x WHERE ?c1: ?x p ?y, ?c2: ?y p ?z FILTER ?c1 MEETS ?c2 OR ?c1 "
      "STARTS ?c2 OR 2020 TO 2021 EQUALS ?c2",
      "FIND ?x max(from(?c)) WHERE ?c: ?x p ?y GROUP BY ?x ORDER BY "
      "max(from(?c))",
      "FIND ?x WHERE ?x contains ?y, ?y \"order\" Müller",
      "HISTORY Russia gas_flow_to_china_bcm",
      "HISTORY #c42 DURING 2020 TO 2025 AS OF 2025-09-01",
      "CHANGES Russia BETWEEN 2025-01-01 AND 2025-12-31",
      "CHANGES BETWEEN 2025 AND NOW AS OF $t",
      "DIFF AS OF 2025-09-01 AND 2025-09-03",
      "DIFF Russia gas AS OF 2024 AND 2025",
      "DISPUTES \"Power of Siberia 2\" status AT 2025 POSSIBLY",
      "PATH Rosatom TO China VIA supplies, \"owned by\" MAX 3 AT 2025-09-02 "
      "IN ORDER",
      "ASSERT Russia flow 56 bcm/yr FROM 2025-09-02 TO NOW SOURCE "
      "\"seed-article\" BY \"Alexey Miller\" CONFIDENCE 0.75",
      "ASSERT #c42 confirmed_by China",
      "RETRACT #c42, $id",
      "EXPLAIN FIND ?x WHERE ?x p ?y LIMIT $n OFFSET 0",
      "EXPLAIN ANALYZE PATH a TO b",
  };
  for (const char* query : queries) ExpectRoundTrip(query);
}

TEST(ParserRoundTripTest, Scripts) {
  absl::StatusOr<Script> script =
      Parse("FIND ?x WHERE ?x p ?y; RETRACT #c1;; HISTORY a");
  ASSERT_TRUE(script.ok());
  EXPECT_EQ(ToString(*script),
            "FIND ?x WHERE ?x p ?y;\nRETRACT #c1;\nHISTORY a");
  absl::StatusOr<Script> again = Parse(ToString(*script));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(ToString(*again), ToString(*script));
}

TEST(ParserRoundTripTest, NamesAreQuotedWhenTheyMustBe) {
  EXPECT_EQ(FormatName("Gazprom"), "Gazprom");
  EXPECT_EQ(FormatName("contains"), "contains");
  EXPECT_EQ(FormatName("Where"), "\"Where\"");
  EXPECT_EQ(FormatName("Power of Siberia 2"), "\"Power of Siberia 2\"");
  EXPECT_EQ(FormatName("3M"), "\"3M\"");
  EXPECT_EQ(FormatName("a\x01"
                       "b"),
            "\"a\\u0001b\"");
  // A name built by a program, not the parser, prints so that it parses.
  Term t;
  t.name = "Power of Siberia 2";
  EXPECT_EQ(ToString(t), "\"Power of Siberia 2\"");
}

// ---------------------------------------------------------------------------
// Errors

TEST(ParserErrorTest, ExpectedAndFoundWithCaret) {
  EXPECT_EQ(Err("FIND ?x WHERE Gazprom ?p WHERE"),
            "line 1, column 26: expected an object, found 'WHERE'\n"
            "  FIND ?x WHERE Gazprom ?p WHERE\n"
            "                           ^");
  EXPECT_EQ(Err("FIND ?x WHERE Gazprom WHERE ?x"),
            "line 1, column 23: expected a predicate, found 'WHERE'\n"
            "  FIND ?x WHERE Gazprom WHERE ?x\n"
            "                        ^");
  EXPECT_EQ(Err("FIND ?x WHERE ?x order ?y"),
            "line 1, column 18: expected a predicate, found 'order'\n"
            "  FIND ?x WHERE ?x order ?y\n"
            "                   ^");
  EXPECT_EQ(Err("FIND ?x"),
            "line 1, column 8: expected WHERE, found end of input\n"
            "  FIND ?x\n"
            "         ^");
  EXPECT_EQ(Err("FIND ?x WHERE ?x p ?y ?y q ?z"),
            "line 1, column 23: expected ',' or the end of the statement, "
            "found '?y'\n"
            "  FIND ?x WHERE ?x p ?y ?y q ?z\n"
            "                        ^");
  EXPECT_EQ(Err("FIND ?x WHERE ?x p ?y LIMIT 3 ?z"),
            "line 1, column 31: expected the end of the statement, found "
            "'?z'\n"
            "  FIND ?x WHERE ?x p ?y LIMIT 3 ?z\n"
            "                                ^");
}

TEST(ParserErrorTest, ErrorsOnLaterLines) {
  EXPECT_EQ(Err("FIND ?x\n"
                "WHERE ?x member_of SCO,\n"
                "\t?x signed\n"
                "-- a comment\n"),
            "line 3, column 11: expected an object, found end of input\n"
            "  \t?x signed\n"
            "  \t         ^");
  EXPECT_EQ(Err("FIND ?x WHERE ?x p ?y;\nHISTORY\n"),
            "line 2, column 8: expected a subject after HISTORY, found end of "
            "input\n"
            "  HISTORY\n"
            "         ^");
}

TEST(ParserErrorTest, SuggestsNearKeywords) {
  EXPECT_EQ(Err("FIND ?x WHRE ?x p ?y"),
            "line 1, column 9: expected WHERE, found 'WHRE'; did you mean "
            "`WHERE`?\n"
            "  FIND ?x WHRE ?x p ?y\n"
            "          ^");
  EXPECT_EQ(Err("FINF ?x WHERE ?x p ?y"),
            "line 1, column 1: expected a statement (FIND, HISTORY, CHANGES, "
            "DIFF, DISPUTES, PATH, ASSERT, RETRACT or EXPLAIN), found 'FINF'; "
            "did you mean `FIND`?\n"
            "  FINF ?x WHERE ?x p ?y\n"
            "  ^");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y LIMT 10")),
            "line 1, column 23: expected ',' or the end of the statement, "
            "found 'LIMT'; did you mean `LIMIT`?");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y ORDER BY ?x DESK")),
            "line 1, column 35: expected the end of the statement, found "
            "'DESK'; did you mean `DESC`?");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y filtr ?y > 3")),
            "line 1, column 23: expected ',' or the end of the statement, "
            "found 'filtr'; did you mean `FILTER`?");
  EXPECT_EQ(FirstLine(Err("PATH a TO b MAXX 3")),
            "line 1, column 13: expected the end of the statement, found "
            "'MAXX'; did you mean `MAX`?");
  EXPECT_EQ(FirstLine(Err("CHANGES Russia ceo BETWEN 2020 AND 2021")),
            "line 1, column 20: expected BETWEEN, found 'BETWEN'; did you mean "
            "`BETWEEN`?");
  EXPECT_EQ(FirstLine(Err("EXPLAIN ANALYSE FIND ?x WHERE ?x p ?y")),
            "line 1, column 9: expected a statement to explain (FIND, HISTORY, "
            "CHANGES, DIFF, DISPUTES, PATH, ASSERT or RETRACT), found "
            "'ANALYSE'");
  // Not close enough: no suggestion.
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y z")),
            "line 1, column 23: expected ',' or the end of the statement, "
            "found 'z'");
}

TEST(ParserErrorTest, EnormousQueriesAreRefusedBeforeReading) {
  std::string text =
      "FIND ?x WHERE ?x p \"" + std::string(kMaxQueryBytes, 'a') + "\"";
  absl::StatusOr<Statement> s = ParseStatement(text);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(absl::IsInvalidArgument(s.status()));
  EXPECT_EQ(
      s.status().message(),
      absl::StrCat("the query is ", text.size(),
                   " bytes long; at most 1048576 bytes (1 MiB) are read"));
  EXPECT_FALSE(Parse(text).ok());
  // Just under the limit it is read (and fails for its own reasons only).
  std::string fits =
      "FIND ?x WHERE ?x p \"" + std::string(kMaxQueryBytes - 30, 'a') + "\"";
  EXPECT_TRUE(ParseStatement(fits).ok()) << ParseStatement(fits).status();
}

TEST(ParserErrorTest, UnknownFunctions) {
  EXPECT_EQ(Err("FIND cnt(*) WHERE ?s ?p ?o"),
            "line 1, column 6: unknown function 'cnt'; did you mean `count`?\n"
            "  FIND cnt(*) WHERE ?s ?p ?o\n"
            "       ^");
  EXPECT_EQ(
      FirstLine(Err("FIND xyzzy(?x) WHERE ?s ?p ?x")),
      "line 1, column 6: unknown function 'xyzzy' (functions: count, sum, "
      "min, max, avg, from, to, recorded, source, by, confidence, certainty)");
  EXPECT_EQ(FirstLine(Err("FIND sum(*) WHERE ?s ?p ?o")),
            "line 1, column 10: only count takes '*'");
  EXPECT_EQ(FirstLine(Err("FIND source(DISTINCT ?c) WHERE ?c: ?s ?p ?o")),
            "line 1, column 13: DISTINCT goes with count, sum, min, max and "
            "avg, not source");
  EXPECT_EQ(FirstLine(Err("FIND count(?x, ?y) WHERE ?x ?p ?y")),
            "line 1, column 14: expected ')', found ','");
}

TEST(ParserErrorTest, EmptyQueries) {
  EXPECT_EQ(Err(""), "empty query");
  EXPECT_EQ(Err("   \n\t "), "empty query");
  EXPECT_EQ(Err("-- nothing but a comment\n ; ;"), "empty query");
  EXPECT_EQ(ParseStatement("").status().message(), "empty query");
  EXPECT_EQ(ParseStatement(";").status().message(), "empty query");
}

TEST(ParserErrorTest, DeepNestingIsAnErrorNotACrash) {
  std::string deep = "FIND ?x WHERE ?x p ?y FILTER " + std::string(10000, '(');
  std::string error = Err(deep);
  EXPECT_EQ(FirstLine(error), "line 1, column 94: nesting deeper than 64");
  EXPECT_NE(error.find("^"), std::string::npos);
  // 64 levels are fine; 65 are not.
  auto nested = [](int n) {
    return "FIND ?x WHERE ?x p ?y FILTER " + std::string(n, '(') + "?y = 1" +
           std::string(n, ')');
  };
  EXPECT_EQ(Err(nested(64)), "OK");
  EXPECT_EQ(FirstLine(Err(nested(65))),
            "line 1, column 94: nesting deeper than 64");
  // Braces, NOT and function calls count too.
  std::string braces = "FIND ?x WHERE ?x p ?y, ";
  for (int i = 0; i < 10000; ++i) braces += "NOT { ";
  EXPECT_EQ(FirstLine(Err(braces)),
            "line 1, column 412: nesting deeper than 64");
  std::string nots = "FIND ?x WHERE ?x p ?y FILTER";
  for (int i = 0; i < 10000; ++i) nots += " NOT";
  EXPECT_EQ(FirstLine(Err(nots + " ?y")),
            "line 1, column 286: nesting deeper than 64");
  std::string calls = "FIND ";
  for (int i = 0; i < 10000; ++i) calls += "max(";
  EXPECT_EQ(FirstLine(Err(calls)),
            "line 1, column 262: nesting deeper than 64");
}

TEST(ParserErrorTest, HugeNumbersInvalidUtf8UnterminatedStrings) {
  EXPECT_EQ(Err("FIND ?x WHERE ?x p 99999999999999999999"),
            "line 1, column 20: integer out of range: '99999999999999999999' "
            "(integers are 64-bit: at most 9223372036854775807)\n"
            "  FIND ?x WHERE ?x p 99999999999999999999\n"
            "                     ^");
  EXPECT_EQ(FirstLine(Err("PATH a TO b MAX 99999999999999999999")),
            "line 1, column 17: integer out of range: '99999999999999999999' "
            "(integers are 64-bit: at most 9223372036854775807)");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y AT 9999999")),
            "line 1, column 26: invalid time '9999999': year out of range "
            "(expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)");
  EXPECT_EQ(Err("FIND ?x WHERE ?x p \"caf\xC3\""),
            "line 1, column 24: invalid UTF-8 (byte 0xC3)\n"
            "  FIND ?x WHERE ?x p \"caf?\"\n"
            "                         ^");
  EXPECT_EQ(Err("FIND ?x WHERE ?x p \"Power of Siberia"),
            "line 1, column 20: unterminated string\n"
            "  FIND ?x WHERE ?x p \"Power of Siberia\n"
            "                     ^");
}

TEST(ParserErrorTest, TemporalClauses) {
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y AT 2025 AT 2026")),
            "line 1, column 31: valid time given twice: AT already says when");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y AT 2025 DURING 2020 TO 2021")),
            "line 1, column 31: valid time given twice: AT already says when");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y AS OF 2025 LIMIT 1 AS OF "
                          "2026")),
            "line 1, column 42: AS OF given twice");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y AS 2025")),
            "line 1, column 26: expected OF, found '2025'");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y DURING 2024 2026")),
            "line 1, column 35: expected TO, found '2026'");
  EXPECT_EQ(Err("FIND ?x WHERE ?x p ?y AT"),
            "line 1, column 25: expected a time after AT, found end of input\n"
            "  FIND ?x WHERE ?x p ?y AT\n"
            "                          ^");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y AT 2025.5")),
            "line 1, column 26: expected a time after AT, found '2025.5'");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y AT Monday")),
            "line 1, column 26: expected a time after AT, found 'Monday'");
  EXPECT_EQ(FirstLine(Err("HISTORY Russia gas AT 2025")),
            "line 1, column 20: HISTORY shows a timeline: give it DURING a TO "
            "b, not AT");
  EXPECT_EQ(FirstLine(Err("CHANGES Russia BETWEEN 2020 AND 2021 AT 2020")),
            "line 1, column 38: CHANGES takes its window from BETWEEN, not "
            "from AT or DURING");
  EXPECT_EQ(FirstLine(Err("DIFF AS OF 2020 2021")),
            "line 1, column 17: expected AND, found '2021'");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y POSSIBLY")),
            "line 1, column 23: expected ',' or the end of the statement, "
            "found 'POSSIBLY'");
}

TEST(ParserErrorTest, FindStructure) {
  EXPECT_EQ(FirstLine(Err("FIND WHERE ?x p ?y")),
            "line 1, column 6: expected what to find: variables or functions "
            "such as ?x or count(*), found 'WHERE'");
  EXPECT_EQ(FirstLine(Err("FIND ?x, WHERE ?x p ?y")),
            "line 1, column 10: expected a variable or function after ',', "
            "found 'WHERE'");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE")),
            "line 1, column 14: expected a pattern (subject predicate object), "
            "FILTER, NOT or OPTIONAL, found end of input");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y,")),
            "line 1, column 23: expected a pattern (subject predicate object), "
            "FILTER, NOT or OPTIONAL, found end of input");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y, NOT { }")),
            "line 1, column 30: expected a pattern (subject predicate object), "
            "FILTER, NOT or OPTIONAL, found '}'");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y, NOT ?y q ?z")),
            "line 1, column 28: expected '{' after NOT, found '?y'");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE OPTIONAL { ?x p ?y")),
            "line 1, column 33: expected ',' or '}', found end of input");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y FILTER (?y = 1")),
            "line 1, column 37: expected ')', found end of input");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y FILTER")),
            "line 1, column 29: expected an expression, found end of input");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y FILTER ?a < ?b < ?c")),
            "line 1, column 38: expected ',' or the end of the statement, "
            "found '<'");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y FILTER 2024 TO 2025")),
            "line 1, column 42: expected a period comparison after 'a TO b' "
            "(OVERLAPS, CONTAINS, DURING, PRECEDES, SUCCEEDS, MEETS, STARTS, "
            "FINISHES or EQUALS), found end of input");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y FILTER 2024 TO 2025 = ?y")),
            "line 1, column 43: expected a period comparison after 'a TO b' "
            "(OVERLAPS, CONTAINS, DURING, PRECEDES, SUCCEEDS, MEETS, STARTS, "
            "FINISHES or EQUALS), found '='");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE \"\" p ?x")),
            "line 1, column 15: a name cannot be empty");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p 56 bcm/")),
            "line 1, column 27: expected a unit after '/', found end of input");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE 56 p ?x")),
            "line 1, column 15: expected a pattern (subject predicate object), "
            "FILTER, NOT or OPTIONAL, found '56'");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x 56 ?y")),
            "line 1, column 18: expected a predicate, found '56'");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p NOW")),
            "line 1, column 20: expected an object, found 'NOW'");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y GROUP BY")),
            "line 1, column 31: expected a variable or function to group by, "
            "found end of input");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y GROUP ?x")),
            "line 1, column 29: expected BY, found '?x'");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y ORDER BY Gazprom")),
            "line 1, column 32: expected a variable or function to order by, "
            "found 'Gazprom'");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y GROUP BY ?x GROUP BY ?y")),
            "line 1, column 35: GROUP BY given twice");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y LIMIT 5 LIMIT 6")),
            "line 1, column 31: LIMIT given twice");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y LIMIT -1")),
            "line 1, column 29: LIMIT must be at least 0, found '-1'");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y OFFSET ten")),
            "line 1, column 30: expected a number after OFFSET, found 'ten'");
}

TEST(ParserErrorTest, OtherStatements) {
  EXPECT_EQ(FirstLine(Err("HISTORY ?x")),
            "line 1, column 9: expected a subject after HISTORY, found '?x'");
  EXPECT_EQ(FirstLine(Err("CHANGES Russia 2020")),
            "line 1, column 16: expected BETWEEN, found '2020'");
  EXPECT_EQ(FirstLine(Err("DISPUTES")),
            "line 1, column 9: expected a subject after DISPUTES, found end of "
            "input");
  EXPECT_EQ(FirstLine(Err("PATH a b")),
            "line 1, column 8: expected TO, found 'b'");
  EXPECT_EQ(FirstLine(Err("PATH a TO b MAX 0")),
            "line 1, column 17: MAX must be at least 1, found '0'");
  EXPECT_EQ(FirstLine(Err("PATH a TO b VIA p VIA q")),
            "line 1, column 19: VIA given twice");
  EXPECT_EQ(FirstLine(Err("PATH a TO b IN ORDER IN ORDER")),
            "line 1, column 22: IN ORDER given twice");
  EXPECT_EQ(FirstLine(Err("PATH a TO b IN order2")),
            "line 1, column 16: expected ORDER, found 'order2'; did you mean "
            "`ORDER`?");
  EXPECT_EQ(FirstLine(Err("PATH a TO b VIA")),
            "line 1, column 16: expected a predicate after VIA, found end of "
            "input");
  EXPECT_EQ(FirstLine(Err("ASSERT ?x p o")),
            "line 1, column 8: expected a subject (ASSERT takes no variables), "
            "found '?x'");
  EXPECT_EQ(FirstLine(Err("ASSERT a p ?o")),
            "line 1, column 12: expected an object (ASSERT takes no "
            "variables), found '?o'");
  EXPECT_EQ(FirstLine(Err("ASSERT a p b CONFIDENCE 1.5")),
            "line 1, column 25: CONFIDENCE must be between 0 and 1, found "
            "'1.5'");
  EXPECT_EQ(FirstLine(Err("ASSERT a p b CONFIDENCE high")),
            "line 1, column 25: expected a number between 0 and 1 after "
            "CONFIDENCE, found 'high'");
  EXPECT_EQ(FirstLine(Err("ASSERT a p b FROM 2025 FROM 2026")),
            "line 1, column 24: FROM given twice");
  EXPECT_EQ(FirstLine(Err("ASSERT a p b SOURCE")),
            "line 1, column 20: expected a source after SOURCE, such as "
            "\"seed-article\", found end of input");
  EXPECT_EQ(FirstLine(Err("RETRACT 42")),
            "line 1, column 9: expected a claim id such as #c42 after RETRACT, "
            "found '42'");
  EXPECT_EQ(FirstLine(Err("RETRACT #c1,")),
            "line 1, column 13: expected a claim id after ',', found end of "
            "input");
  EXPECT_EQ(FirstLine(Err("EXPLAIN")),
            "line 1, column 8: expected a statement to explain (FIND, HISTORY, "
            "CHANGES, DIFF, DISPUTES, PATH, ASSERT or RETRACT), found end of "
            "input");
  EXPECT_EQ(FirstLine(Err("EXPLAIN EXPLAIN FIND ?x WHERE ?x p ?y")),
            "line 1, column 9: expected a statement to explain (FIND, HISTORY, "
            "CHANGES, DIFF, DISPUTES, PATH, ASSERT or RETRACT), found "
            "'EXPLAIN'");
  EXPECT_EQ(FirstLine(std::string(
                ParseStatement("RETRACT #c1; RETRACT #c2").status().message())),
            "line 1, column 14: expected the end of the query after its one "
            "statement, found 'RETRACT'");
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y;\nRETRACT #c1 #c2")),
            "line 2, column 13: expected the end of the statement, found "
            "'#c2'");
}

TEST(ParserErrorTest, LongTokensAreCutInMessages) {
  std::string name(100, 'n');
  EXPECT_EQ(FirstLine(Err("FIND ?x WHERE ?x p ?y " + name)),
            "line 1, column 23: expected ',' or the end of the statement, "
            "found '" +
                std::string(37, 'n') + "...'");
}

// ---------------------------------------------------------------------------
// Robustness: whatever the input, an answer and no crash

// Parse never fails but with InvalidArgument, a positioned message (or
// "empty query"); what parses prints to text that parses to the same.
void ExpectCleanOutcome(const std::string& query) {
  absl::StatusOr<Script> script = Parse(query);
  if (!script.ok()) {
    ASSERT_EQ(script.status().code(), absl::StatusCode::kInvalidArgument)
        << query;
    std::string message(script.status().message());
    if (message != "empty query") {
      ASSERT_EQ(message.rfind("line ", 0), 0u) << query << "\n" << message;
      ASSERT_NE(message.find("\n  "), std::string::npos) << message;
      ASSERT_EQ(message.back(), '^') << message;
    }
    return;
  }
  std::string printed = ToString(*script);
  absl::StatusOr<Script> again = Parse(printed);
  ASSERT_TRUE(again.ok()) << query << "\n-> " << printed << "\n"
                          << again.status().message();
  EXPECT_EQ(ToString(*again), printed) << query;
  ASSERT_EQ(again->statements.size(), script->statements.size());
  for (size_t i = 0; i < script->statements.size(); ++i) {
    EXPECT_EQ(Terms(again->statements[i]), Terms(script->statements[i]))
        << query;
  }
}

TEST(ParserRobustnessTest, RandomTokenSequences) {
  const char* pieces[] = {
      "FIND",    "WHERE",      "?x",       "?c",       ":",        "Gazprom",
      "\"q r\"", "(",          ")",        "{",        "}",        ",",
      ".",       ";",          "FILTER",   "NOT",      "OPTIONAL", "AT",
      "DURING",  "TO",         "AS",       "OF",       "2025",     "2025-09",
      "56",      "bcm",        "/",        "0.5",      "count",    "*",
      "from",    "=",          "<",        "overlaps", "AND",      "OR",
      "GROUP",   "BY",         "ORDER",    "DESC",     "LIMIT",    "OFFSET",
      "HISTORY", "CHANGES",    "BETWEEN",  "DIFF",     "DISPUTES", "PATH",
      "VIA",     "MAX",        "IN",       "ASSERT",   "RETRACT",  "#c1",
      "$p",      "EXPLAIN",    "ANALYZE",  "NOW",      "TRUE",     "POSSIBLY",
      "SOURCE",  "CONFIDENCE", "DISTINCT", "-- c\n",   "\xff",     "\"",
      "@",       "-3",         "\n",       "?y",       "p",        "max"};
  constexpr size_t kPieces = sizeof(pieces) / sizeof(pieces[0]);
  const char* starts[] = {"FIND ?x WHERE ", "FIND ?x WHERE ?x p ", "HISTORY ",
                          "PATH a TO b ",   "ASSERT a p ",         ""};
  std::mt19937 rng(20250902);
  int parsed = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string query = starts[rng() % 6];
    int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) {
      query += pieces[rng() % kPieces];
      if (rng() % 4 != 0) query += " ";
    }
    ExpectCleanOutcome(query);
    if (HasFatalFailure()) return;
    parsed += Parse(query).ok();
  }
  EXPECT_GT(parsed, 100);  // the round trip was exercised
}

TEST(ParserRobustnessTest, EveryPrefixAndRandomBytes) {
  const std::string query =
      "EXPLAIN FIND DISTINCT ?c count(*) source(?c) WHERE ?c: \"Power of "
      "Siberia 2\" status ?s AT 2025 POSSIBLY, NOT { ?s p 56 bcm/yr }, "
      "OPTIONAL { ?s q #c4 } FILTER from(?c) < 2025-09-02T10:00:00Z AND ?c "
      "OVERLAPS 2024 TO 2026 OR NOT (?s = $p) GROUP BY ?c ORDER BY count(*) "
      "DESC LIMIT 10 OFFSET 2 AS OF NOW; PATH a TO b VIA p, q MAX 3 IN ORDER; "
      "ASSERT a p -0.5 FROM 2025 TO NOW SOURCE \"s\" BY x CONFIDENCE 1";
  for (size_t n = 0; n <= query.size(); ++n) {
    ExpectCleanOutcome(query.substr(0, n));
    if (HasFatalFailure()) return;
  }
  std::mt19937 rng(7);
  for (int i = 0; i < 5000; ++i) {
    std::string mutated = query;
    for (int k = 0; k < 3; ++k) {
      mutated[rng() % mutated.size()] = static_cast<char>(rng() % 256);
    }
    ExpectCleanOutcome(mutated);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace annals::query
