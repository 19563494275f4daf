// Substituting parameters into a statement; see parameters.h.
#include "query/parameters.h"

#include <variant>

#include "absl/strings/str_cat.h"
#include "query/diagnostic.h"

namespace annals::query {
namespace {

class Substituter {
 public:
  Substituter(std::string_view text, const Parameters& parameters)
      : text_(text), parameters_(parameters) {}

  absl::Status status() const { return status_; }

  void operator()(Term& t) {
    if (t.kind != Term::Kind::kParameter || !status_.ok()) return;
    auto it = parameters_.find(t.name);
    if (it == parameters_.end()) {
      status_ = SyntaxError(text_, t.pos,
                            absl::StrCat("parameter $", t.name,
                                         " has no value; bind it with "
                                         "PreparedQuery::Bind"));
      return;
    }
    const Value& v = it->second;
    if (v.is_entity()) {
      t.kind = Term::Kind::kName;
      t.name = v.text();
      t.quoted = true;
    } else {
      t.kind = Term::Kind::kValue;
      t.value = v;
    }
  }
  void operator()(std::optional<Term>& t) {
    if (t) (*this)(*t);
  }
  void operator()(TemporalClause& c) {
    if (c.valid) {
      (*this)(c.valid->from);
      (*this)(c.valid->to);
    }
    (*this)(c.as_of);
  }
  void operator()(Expr& e) {
    (*this)(e.term);
    for (Expr& a : e.args) (*this)(a);
  }
  void operator()(std::vector<WhereElement>& elements) {
    for (WhereElement& e : elements) {
      TriplePattern& p = e.pattern;
      (*this)(p.subject);
      (*this)(p.predicate);
      (*this)(p.object);
      (*this)(p.time);
      (*this)(e.filter);
      (*this)(e.group);
    }
  }
  void operator()(FindStatement& s) {
    for (Expr& e : s.projection) (*this)(e);
    (*this)(s.where);
    (*this)(s.time);
    for (Expr& e : s.group_by) (*this)(e);
    for (OrderKey& k : s.order_by) (*this)(k.expr);
    (*this)(s.limit);
    (*this)(s.offset);
  }
  void operator()(HistoryStatement& s) {
    (*this)(s.subject), (*this)(s.predicate), (*this)(s.time);
  }
  void operator()(ChangesStatement& s) {
    (*this)(s.subject), (*this)(s.predicate), (*this)(s.from), (*this)(s.to);
    (*this)(s.time);
  }
  void operator()(DiffStatement& s) {
    (*this)(s.subject), (*this)(s.predicate), (*this)(s.before);
    (*this)(s.after);
  }
  void operator()(DisputesStatement& s) {
    (*this)(s.subject), (*this)(s.predicate), (*this)(s.time);
  }
  void operator()(PathStatement& s) {
    (*this)(s.from), (*this)(s.to), (*this)(s.max_hops), (*this)(s.time);
    for (Term& t : s.via) (*this)(t);
  }
  void operator()(AssertStatement& s) {
    (*this)(s.subject), (*this)(s.predicate), (*this)(s.object);
    (*this)(s.valid_from), (*this)(s.valid_to), (*this)(s.source);
    (*this)(s.by), (*this)(s.confidence);
  }
  void operator()(RetractStatement& s) {
    for (Term& t : s.claims) (*this)(t);
  }

 private:
  std::string_view text_;
  const Parameters& parameters_;
  absl::Status status_;
};

}  // namespace

absl::Status SubstituteParameters(std::string_view text,
                                  const Parameters& parameters,
                                  Statement* statement) {
  Substituter substituter(text, parameters);
  std::visit(substituter, statement->node);
  return substituter.status();
}

}  // namespace annals::query
