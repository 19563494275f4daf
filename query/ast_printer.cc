// Canonical query text of syntax trees (see ast_printer.h).
#include "query/ast_printer.h"

#include <variant>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/escape.h"
#include "query/lexer.h"

namespace annals::query {
namespace {

template <typename T, typename F>
std::string Join(const std::vector<T>& items, std::string_view separator,
                 F print) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) absl::StrAppend(&out, AbslView(separator));
    absl::StrAppend(&out, print(items[i]));
  }
  return out;
}

// Binding strength, loosest first.
int Precedence(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::kOr:
      return 1;
    case Expr::Kind::kAnd:
      return 2;
    case Expr::Kind::kNot:
      return 3;
    case Expr::Kind::kCompare:
    case Expr::Kind::kPeriod:
    case Expr::Kind::kRange:
      return 4;
    case Expr::Kind::kTerm:
    case Expr::Kind::kCall:
      return 5;
  }
  return 5;
}

// `e`, in parentheses unless it binds at least as tightly as `min`.
std::string Child(const Expr& e, int min) {
  std::string text = ToString(e);
  return Precedence(e) >= min ? text : absl::StrCat("(", text, ")");
}

// An operand of a comparison: a term, a call, or an expression in
// parentheses; for a period comparison also `a TO b`.
std::string Operand(const Expr& e, bool period) {
  if (period && e.kind == Expr::Kind::kRange) {
    return absl::StrCat(Child(e.args[0], 5), " TO ", Child(e.args[1], 5));
  }
  return Child(e, 5);
}

std::string Elements(const std::vector<WhereElement>& elements, bool top_level,
                     const TemporalClause* query_time);

std::string Element(const WhereElement& e) {
  switch (e.kind) {
    case WhereElement::Kind::kPattern:
      return ToString(e.pattern);
    case WhereElement::Kind::kFilter:
      return absl::StrCat("FILTER ", ToString(e.filter));
    case WhereElement::Kind::kNot:
      return absl::StrCat("NOT { ", Elements(e.group, false, nullptr), " }");
    case WhereElement::Kind::kOptional:
      return absl::StrCat("OPTIONAL { ", Elements(e.group, false, nullptr),
                          " }");
  }
  return "";
}

// At the top level, an element goes in braces when what follows would
// otherwise be misread: a last pattern's own temporal clause (which would
// become the query's), or the query's DURING after a last FILTER (which would
// become a period comparison).
std::string Elements(const std::vector<WhereElement>& elements, bool top_level,
                     const TemporalClause* query_time) {
  size_t last_pattern = elements.size();  // followed by FILTERs only
  for (size_t i = elements.size(); i-- > 0;) {
    if (elements[i].kind == WhereElement::Kind::kFilter) continue;
    if (elements[i].kind == WhereElement::Kind::kPattern) last_pattern = i;
    break;
  }
  bool during = query_time != nullptr && query_time->valid &&
                query_time->valid->kind == ValidTime::Kind::kDuring;
  std::string out;
  for (size_t i = 0; i < elements.size(); ++i) {
    const WhereElement& e = elements[i];
    std::string text = Element(e);
    bool brace =
        top_level && ((i == last_pattern && !e.pattern.time.empty()) ||
                      (i + 1 == elements.size() &&
                       e.kind == WhereElement::Kind::kFilter && during));
    if (brace) text = absl::StrCat("{ ", text, " }");
    absl::StrAppend(&out, i > 0 ? ", " : "", text);
  }
  return out;
}

std::string Optional(std::string_view before, const std::optional<Term>& t) {
  return t ? absl::StrCat(AbslView(before), ToString(*t)) : "";
}

std::string Find(const FindStatement& s) {
  std::string out = "FIND";
  if (s.distinct) absl::StrAppend(&out, " DISTINCT");
  if (s.all_variables) {
    absl::StrAppend(&out, " *");
  } else {
    absl::StrAppend(&out, " ", Join(s.projection, " ", [](const Expr& e) {
      return ToString(e);
    }));
  }
  absl::StrAppend(&out, " WHERE ",
                  Elements(s.where, /*top_level=*/true, &s.time));
  if (!s.time.empty()) absl::StrAppend(&out, " ", ToString(s.time));
  if (!s.group_by.empty()) {
    absl::StrAppend(
        &out, " GROUP BY ",
        Join(s.group_by, ", ", [](const Expr& e) { return ToString(e); }));
  }
  if (!s.order_by.empty()) {
    absl::StrAppend(
        &out, " ORDER BY ", Join(s.order_by, ", ", [](const OrderKey& k) {
          return absl::StrCat(ToString(k.expr), k.descending ? " DESC" : "");
        }));
  }
  absl::StrAppend(&out, Optional(" LIMIT ", s.limit),
                  Optional(" OFFSET ", s.offset));
  return out;
}

std::string Clause(const TemporalClause& time) {
  return time.empty() ? "" : absl::StrCat(" ", ToString(time));
}

std::string SubjectAndPredicate(const std::optional<Term>& subject,
                                const std::optional<Term>& predicate) {
  return absl::StrCat(Optional(" ", subject), Optional(" ", predicate));
}

struct StatementPrinter {
  std::string operator()(const FindStatement& s) const { return Find(s); }
  std::string operator()(const HistoryStatement& s) const {
    return absl::StrCat("HISTORY ", ToString(s.subject),
                        Optional(" ", s.predicate), Clause(s.time));
  }
  std::string operator()(const ChangesStatement& s) const {
    return absl::StrCat("CHANGES", SubjectAndPredicate(s.subject, s.predicate),
                        " BETWEEN ", ToString(s.from), " AND ", ToString(s.to),
                        Clause(s.time));
  }
  std::string operator()(const DiffStatement& s) const {
    return absl::StrCat("DIFF", SubjectAndPredicate(s.subject, s.predicate),
                        " AS OF ", ToString(s.before), " AND ",
                        ToString(s.after));
  }
  std::string operator()(const DisputesStatement& s) const {
    return absl::StrCat("DISPUTES ", ToString(s.subject),
                        Optional(" ", s.predicate), Clause(s.time));
  }
  std::string operator()(const PathStatement& s) const {
    std::string out =
        absl::StrCat("PATH ", ToString(s.from), " TO ", ToString(s.to));
    if (!s.via.empty()) {
      absl::StrAppend(&out, " VIA ", Join(s.via, ", ", [](const Term& t) {
        return ToString(t);
      }));
    }
    absl::StrAppend(&out, Optional(" MAX ", s.max_hops), Clause(s.time),
                    s.in_order ? " IN ORDER" : "");
    return out;
  }
  std::string operator()(const AssertStatement& s) const {
    return absl::StrCat(
        "ASSERT ", ToString(s.subject), " ", ToString(s.predicate), " ",
        ToString(s.object), Optional(" FROM ", s.valid_from),
        Optional(" TO ", s.valid_to), Optional(" SOURCE ", s.source),
        Optional(" BY ", s.by), Optional(" CONFIDENCE ", s.confidence));
  }
  std::string operator()(const RetractStatement& s) const {
    return absl::StrCat("RETRACT ", Join(s.claims, ", ", [](const Term& t) {
                          return ToString(t);
                        }));
  }
};

}  // namespace

std::string FormatName(const std::string& name) {
  return IsBareName(name) ? name : QueryQuoted(name);
}

// A name the lexer reads back from `<name>`: an IRI (lexer.h).
bool LooksLikeIri(const std::string& name) {
  if (name.empty() ||
      !absl::ascii_isalpha(static_cast<unsigned char>(name[0])) ||
      name.find(':') == std::string::npos) {
    return false;
  }
  for (unsigned char c : name) {
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' ||
        c == '|' || c == '^' || c == '`' || c == '\\') {
      return false;
    }
  }
  return true;
}

std::string ToString(const Term& term) {
  switch (term.kind) {
    case Term::Kind::kName:
      if (term.quoted) return QueryQuoted(term.name);
      if (term.prefixed) return term.name;  // wd:Q7747
      if (!IsBareName(term.name) && LooksLikeIri(term.name)) {
        return absl::StrCat("<", term.name, ">");
      }
      return FormatName(term.name);
    case Term::Kind::kVariable:
      return absl::StrCat("?", term.name);
    case Term::Kind::kParameter:
      return absl::StrCat("$", term.name);
    case Term::Kind::kNow:
      return "NOW";
    case Term::Kind::kValue:
      break;
  }
  switch (term.value.kind()) {
    case ValueKind::kBoolean:
      return term.value.boolean() ? "TRUE" : "FALSE";
    case ValueKind::kString:
      return QueryQuoted(term.value.text());
    case ValueKind::kEntity:
      return FormatName(term.value.text());
    default:
      return term.value.ToString();
  }
}

std::string ToString(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::kTerm:
      return ToString(e.term);
    case Expr::Kind::kCall: {
      std::string arg = e.star ? "*"
                        : e.args.empty()
                            ? ""
                            : absl::StrCat(e.distinct ? "DISTINCT " : "",
                                           Child(e.args[0], 5));
      return absl::StrCat(AbslView(FunctionName(e.function)), "(", arg, ")");
    }
    case Expr::Kind::kCompare:
      return absl::StrCat(Operand(e.args[0], false), " ",
                          AbslView(CompareOpText(e.compare)), " ",
                          Operand(e.args[1], false));
    case Expr::Kind::kPeriod:
      return absl::StrCat(Operand(e.args[0], true), " ",
                          AbslView(KeywordName(PeriodOpKeyword(e.period))), " ",
                          Operand(e.args[1], true),
                          e.possibly ? " POSSIBLY" : "");
    case Expr::Kind::kRange:
      return Operand(e, true);
    case Expr::Kind::kAnd:
      return Join(e.args, " AND ", [](const Expr& a) { return Child(a, 3); });
    case Expr::Kind::kOr:
      return Join(e.args, " OR ", [](const Expr& a) { return Child(a, 2); });
    case Expr::Kind::kNot:
      return absl::StrCat("NOT ", Child(e.args[0], 3));
  }
  return "";
}

std::string ToString(const TemporalClause& clause) {
  std::string out;
  if (clause.valid) {
    const ValidTime& v = *clause.valid;
    if (v.kind == ValidTime::Kind::kAt) {
      out = absl::StrCat("AT ", ToString(v.from));
    } else {
      out = absl::StrCat("DURING ", ToString(v.from), " TO ", ToString(v.to));
    }
    if (v.possibly) absl::StrAppend(&out, " POSSIBLY");
  }
  if (clause.as_of) {
    absl::StrAppend(&out, out.empty() ? "" : " ", "AS OF ",
                    ToString(*clause.as_of));
  }
  return out;
}

std::string ToString(const TriplePattern& p) {
  std::string out;
  if (!p.claim_variable.empty()) {
    absl::StrAppend(&out, "?", p.claim_variable, ": ");
  }
  absl::StrAppend(&out, ToString(p.subject), " ", ToString(p.predicate), " ",
                  ToString(p.object), Clause(p.time));
  return out;
}

std::string ToString(const Statement& statement) {
  std::string prefix = statement.explain == ExplainMode::kPlan ? "EXPLAIN "
                       : statement.explain == ExplainMode::kAnalyze
                           ? "EXPLAIN ANALYZE "
                           : "";
  return absl::StrCat(prefix, std::visit(StatementPrinter(), statement.node));
}

std::string ToString(const Script& script) {
  return Join(script.statements, ";\n",
              [](const Statement& s) { return ToString(s); });
}

}  // namespace annals::query
