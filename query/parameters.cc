// Substituting parameters into a statement; see parameters.h.
#include "query/parameters.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "query/diagnostic.h"

namespace annals::query {
namespace {

// Calls `visit` on every term of a statement.
class TermWalker {
 public:
  explicit TermWalker(std::function<void(Term&)> visit)
      : visit_(std::move(visit)) {}
  void operator()(Term& t) { visit_(t); }
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
  std::function<void(Term&)> visit_;
};

}  // namespace

absl::Status SubstituteParameters(std::string_view text,
                                  const Parameters& parameters,
                                  Statement* statement) {
  absl::Status status;
  TermWalker walker([&](Term& t) {
    if (t.kind != Term::Kind::kParameter || !status.ok()) return;
    auto it = parameters.find(t.name);
    if (it == parameters.end()) {
      status = SyntaxError(text, t.pos,
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
      t.prefixed = false;
    } else {
      t.kind = Term::Kind::kValue;
      t.value = v;
    }
  });
  std::visit(walker, statement->node);
  return status;
}

absl::Status ExpandPrefixedNames(
    std::string_view text,
    const std::function<absl::StatusOr<PrefixMap>()>& prefixes,
    const std::function<bool(std::string_view)>& is_name,
    Statement* statement) {
  absl::Status status;
  std::optional<PrefixMap> map;
  TermWalker walker([&](Term& t) {
    if (t.kind != Term::Kind::kName || !t.prefixed || !status.ok()) return;
    if (!map) {
      absl::StatusOr<PrefixMap> read = prefixes();
      if (!read.ok()) {
        status = read.status();
        return;
      }
      map = *std::move(read);
    }
    size_t colon = t.name.find(':');
    std::string prefix = t.name.substr(0, colon);
    auto it = map->find(prefix);
    if (it != map->end()) {
      t.name = absl::StrCat(it->second, t.name.substr(colon + 1));
      t.prefixed = false;
      return;
    }
    if (is_name(t.name)) return;  // a name with a colon in it
    std::vector<std::string> known;
    for (const auto& [name, iri] : *map) known.push_back(name);
    std::sort(known.begin(), known.end());
    status = SyntaxError(
        text, t.pos,
        absl::StrCat("unknown prefix '", prefix, "' in '", t.name, "' (",
                     known.empty()
                         ? std::string("the store has no prefixes: they come "
                                       "from loaded Turtle and TriG files")
                         : absl::StrCat("the store's prefixes: ",
                                        absl::StrJoin(known, ", ")),
                     "; write <IRI> for a full IRI)"));
  });
  std::visit(walker, statement->node);
  return status;
}

}  // namespace annals::query
