// Wikidata's statement model as load rows; see wikidata_reader.h.
#include "load/wikidata_reader.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "annals/rdf.h"
#include "annals/time.h"
#include "annals/value.h"
#include "common/absl_view.h"
#include "load/rdf_row_reader.h"

namespace annals::load {
namespace {

constexpr std::string_view kProp = "http://www.wikidata.org/prop/";
constexpr std::string_view kDirect = "http://www.wikidata.org/prop/direct/";
constexpr std::string_view kStatement =
    "http://www.wikidata.org/prop/statement/";
constexpr std::string_view kStatementValue =
    "http://www.wikidata.org/prop/statement/value/";
constexpr std::string_view kQualifier =
    "http://www.wikidata.org/prop/qualifier/";
constexpr std::string_view kQualifierValue =
    "http://www.wikidata.org/prop/qualifier/value/";
constexpr std::string_view kReference =
    "http://www.wikidata.org/prop/reference/";
constexpr std::string_view kWikibase = "http://wikiba.se/ontology#";
constexpr std::string_view kDerivedFrom =
    "http://www.w3.org/ns/prov#wasDerivedFrom";
constexpr std::string_view kRdfsLabel =
    "http://www.w3.org/2000/01/rdf-schema#label";
constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
constexpr std::string_view kSchemaName = "http://schema.org/name";

// The rest of `iri` after `prefix`, when it starts with it and the rest is
// a property id (P and digits); "" otherwise.
std::string_view PropertyAfter(std::string_view iri, std::string_view prefix) {
  if (iri.size() <= prefix.size() + 1 || iri.substr(0, prefix.size()) != prefix)
    return {};
  std::string_view rest = iri.substr(prefix.size());
  if (rest[0] != 'P') return {};
  for (char c : rest.substr(1)) {
    if (c < '0' || c > '9') return {};
  }
  return rest;
}

enum class Qualifier { kStart, kEnd, kPoint, kNone };

Qualifier QualifierOf(std::string_view property) {
  if (property == "P580") return Qualifier::kStart;
  if (property == "P582") return Qualifier::kEnd;
  if (property == "P585") return Qualifier::kPoint;
  return Qualifier::kNone;
}

std::string_view PrecisionWord(int p) {
  static constexpr std::string_view kWords[] = {"billion years",
                                                "hundred million years",
                                                "ten million years",
                                                "million years",
                                                "hundred thousand years",
                                                "ten thousand years",
                                                "millennium",
                                                "century",
                                                "decade"};
  return p >= 0 && p <= 8 ? kWords[p] : "unknown";
}

struct Position {
  int64_t line = 0;
  int32_t column = 1;
  bool operator<(const Position& o) const {
    return line != o.line ? line < o.line : column < o.column;
  }
};

// A time given by a qualifier or value: the literal, or the full value node
// that has the literal and the precision.
struct TimeRef {
  std::optional<RdfTerm> literal;
  std::string node;  // pqv:/psv: object, "" when none
};

struct StatementNode {
  std::string subject;   // the entity's name (p: triple), "" until seen
  std::string property;  // P39
  Position at;           // the p: triple, else the first triple seen
  bool linked = false;
  std::optional<RdfTerm> value;  // ps:
  std::string value_node;        // psv:
  TimeRef start, end, point;
  bool deprecated = false;
  std::vector<std::string> references;  // prov:wasDerivedFrom, in order
  std::string error;                    // the first inconsistency found
};

struct TimeNode {
  std::string lexical;
  int precision = -1;  // -1: not given
};

struct Reference {
  std::string url;        // pr:P854
  std::string stated_in;  // pr:P248
};

struct Truthy {
  std::string subject, property;
  RdfTerm object;
  Position at;
};

std::string TermKey(const RdfTerm& t) {
  return absl::StrCat(static_cast<int>(t.kind), "\x1f", t.value, "\x1f",
                      t.datatype, "\x1f", t.language);
}

}  // namespace

struct WikidataRowReader::Model {
  absl::flat_hash_map<std::string, StatementNode> statements;
  absl::flat_hash_map<std::string, TimeNode> times;
  absl::flat_hash_map<std::string, Reference> references;
  std::vector<Truthy> truthy;
  std::vector<WikidataLabel> labels;

  // What Next() hands out, in file order: a row's fields, or an error.
  struct Out {
    Position at;
    std::string error;  // non-empty: a bad statement
    std::string subject, predicate, object, object_type, from, to, source;
  };
  std::vector<Out> rows;
};

absl::StatusOr<std::string> WikidataTime(std::string_view lexical,
                                         int precision) {
  if (precision >= 0 && precision < 9) {
    return absl::InvalidArgumentError(absl::StrCat(
        "time precision ", precision, " (", AbslView(PrecisionWord(precision)),
        ") is coarser than a year, which Annals cannot keep"));
  }
  if (precision < 0 || precision > 14) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown time precision ", precision));
  }
  std::string_view s = lexical;
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  int64_t year = 0;
  int month = 0, day = 0, hour = 0, minute = 0, second = 0;
  auto number = [&](auto* out, size_t digits_min) {
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, *out);
    if (ec != std::errc() || static_cast<size_t>(p - s.data()) < digits_min) {
      return false;
    }
    s.remove_prefix(p - s.data());
    return true;
  };
  auto expect = [&](char c) {
    if (s.empty() || s[0] != c) return false;
    s.remove_prefix(1);
    return true;
  };
  const bool ok = number(&year, 1) && expect('-') && number(&month, 2) &&
                  expect('-') && number(&day, 2) && expect('T') &&
                  number(&hour, 2) && expect(':') && number(&minute, 2) &&
                  expect(':') && number(&second, 2) && expect('Z') && s.empty();
  if (!ok) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", AbslView(lexical), "' is not a Wikidata time"));
  }
  if (negative) year = -year;
  if (year < -999999 || year > 999999) {
    return absl::InvalidArgumentError(
        absl::StrCat("year ", year, " is out of range (-999999..999999)"));
  }
  Precision p = precision == 9    ? Precision::kYear
                : precision == 10 ? Precision::kMonth
                : precision == 11 ? Precision::kDay
                                  : Precision::kSecond;
  // A year or month precision time may say 00 for what it does not know.
  TimePoint t = TimePoint::FromCivil(year, std::max(month, 1), std::max(day, 1),
                                     p == Precision::kSecond ? hour : 0,
                                     p == Precision::kSecond ? minute : 0,
                                     p == Precision::kSecond ? second : 0, p);
  // What the precision keeps must be a real date and time (FromCivil would
  // carry 2012-13-07 over into 2013).
  const bool valid_month = p == Precision::kYear || (month >= 1 && month <= 12);
  // A day within its month: before the first of the next (FromCivil carries
  // month 13 into the next year).
  const bool valid_day = p == Precision::kYear || p == Precision::kMonth ||
                         (valid_month && day >= 1 &&
                          TimePoint::FromCivil(year, month, day).seconds <
                              TimePoint::FromCivil(year, month + 1, 1).seconds);
  const bool valid_time = hour < 24 && minute < 60 && second < 60;
  if (!valid_month || !valid_day || !valid_time) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", AbslView(lexical), "' is not a valid date"));
  }
  return t.ToString();
}

WikidataRowReader::WikidataRowReader(std::unique_ptr<RdfReader> reader,
                                     std::string path, std::string language,
                                     std::string blank_scope)
    : reader_(std::move(reader)),
      path_(std::move(path)),
      language_(absl::AsciiStrToLower(language)),
      scope_(std::move(blank_scope)),
      model_(std::make_unique<Model>()) {}

WikidataRowReader::~WikidataRowReader() = default;

int64_t WikidataRowReader::bytes_read() const { return reader_->bytes_read(); }
int64_t WikidataRowReader::bytes_total() const {
  return reader_->bytes_total();
}
std::vector<std::pair<std::string, std::string>> WikidataRowReader::prefixes()
    const {
  return reader_->prefixes();
}
const std::vector<WikidataLabel>& WikidataRowReader::labels() const {
  return model_->labels;
}

void WikidataRowReader::ReadAll() {
  Model& m = *model_;
  auto name = [&](const RdfTerm& t) { return NameOfTerm(scope_, t); };
  auto node = [&](const RdfTerm& t) -> StatementNode& {
    return m.statements[name(t)];
  };
  auto touch = [](StatementNode& s, const RdfStatement& st) {
    if (!s.linked && s.at.line == 0) s.at = {st.line, st.column};
  };
  RdfStatement st;
  while (reader_->Next(&st)) {
    if (st.predicate.kind != RdfTerm::Kind::kIri) continue;
    const std::string_view pred = st.predicate.value;
    const RdfTerm& o = st.object;
    std::string_view property;
    if (!(property = PropertyAfter(pred, kDirect)).empty()) {
      m.truthy.push_back(
          {name(st.subject), std::string(property), o, {st.line, st.column}});
    } else if (!(property = PropertyAfter(pred, kStatementValue)).empty()) {
      StatementNode& s = node(st.subject);
      touch(s, st);
      s.value_node = name(o);
    } else if (!(property = PropertyAfter(pred, kStatement)).empty()) {
      StatementNode& s = node(st.subject);
      touch(s, st);
      if (s.value && s.error.empty()) {
        s.error = absl::StrCat(
            "statement has two values (ps:", AbslView(property), ")");
      }
      s.value = o;
      if (!s.property.empty() && s.property != property && s.error.empty()) {
        s.error = absl::StrCat("statement of ", s.property,
                               " has a value ps:", AbslView(property));
      }
      if (s.property.empty()) s.property = std::string(property);
    } else if (const bool full_value =
                   !(property = PropertyAfter(pred, kQualifierValue)).empty();
               full_value ||
               !(property = PropertyAfter(pred, kQualifier)).empty()) {
      // pqv: the full time value node (with its precision), pq: the literal.
      Qualifier q = QualifierOf(property);
      if (q == Qualifier::kNone) continue;
      StatementNode& s = node(st.subject);
      touch(s, st);
      TimeRef& t = q == Qualifier::kStart ? s.start
                   : q == Qualifier::kEnd ? s.end
                                          : s.point;
      if (full_value) {
        t.node = name(o);
      } else if (o.kind == RdfTerm::Kind::kLiteral) {
        t.literal = o;
      }
    } else if (!(property = PropertyAfter(pred, kReference)).empty()) {
      if (property != "P854" && property != "P248") continue;
      Reference& r = m.references[name(st.subject)];
      std::string& field = property == "P854" ? r.url : r.stated_in;
      if (field.empty()) {
        field = o.kind == RdfTerm::Kind::kLiteral ? o.value : name(o);
      }
    } else if (!(property = PropertyAfter(pred, kProp)).empty()) {
      // wd:Q p:P wds:S: the statement's entity and property.
      StatementNode& s = node(o);
      if (s.linked && s.error.empty()) {
        s.error = "statement is linked twice (p:)";
      }
      s.linked = true;
      s.at = {st.line, st.column};
      s.subject = name(st.subject);
      if (!s.property.empty() && s.property != property && s.error.empty()) {
        s.error = absl::StrCat("statement p:", AbslView(property),
                               " has a value ps:", s.property);
      }
      s.property = std::string(property);
    } else if (pred == kDerivedFrom) {
      StatementNode& s = node(st.subject);
      touch(s, st);
      s.references.push_back(name(o));
    } else if (pred.substr(0, kWikibase.size()) == kWikibase) {
      std::string_view local = pred.substr(kWikibase.size());
      if (local == "rank") {
        StatementNode& s = node(st.subject);
        touch(s, st);
        s.deprecated =
            o.value == absl::StrCat(AbslView(kWikibase), "DeprecatedRank");
      } else if (local == "timeValue") {
        m.times[name(st.subject)].lexical = o.value;
      } else if (local == "timePrecision") {
        int p = -1;
        auto [end, ec] =
            std::from_chars(o.value.data(), o.value.data() + o.value.size(), p);
        if (ec != std::errc() || end != o.value.data() + o.value.size()) {
          p = 99;  // refused as unknown
        }
        m.times[name(st.subject)].precision = p;
      }
    } else if (pred == kRdfsLabel || pred == kSchemaName ||
               pred == absl::StrCat(AbslView(kSkos), "prefLabel") ||
               pred == absl::StrCat(AbslView(kSkos), "altLabel")) {
      if (o.kind != RdfTerm::Kind::kLiteral ||
          absl::AsciiStrToLower(o.language) != language_) {
        continue;
      }
      m.labels.push_back({o.value, name(st.subject),
                          pred == absl::StrCat(AbslView(kSkos), "altLabel"),
                          st.line});
    }
  }
  status_ = reader_->status();
  if (!status_.ok()) return;

  // A time qualifier or value: its value node's time and precision, or the
  // literal at day precision.
  auto time_of = [&](const TimeRef& t,
                     std::string_view what) -> absl::StatusOr<std::string> {
    if (!t.node.empty()) {
      auto it = m.times.find(t.node);
      if (it != m.times.end() && !it->second.lexical.empty()) {
        if (it->second.precision < 0) {
          return absl::InvalidArgumentError(
              absl::StrCat(AbslView(what), ": its value node ", t.node,
                           " has no timePrecision"));
        }
        auto text = WikidataTime(it->second.lexical, it->second.precision);
        if (!text.ok()) {
          return absl::InvalidArgumentError(
              absl::StrCat(AbslView(what), ": ", text.status().message()));
        }
        return text;
      }
    }
    if (!t.literal) return std::string();  // an unknown or no value
    auto text = WikidataTime(t.literal->value, 11);
    if (!text.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(AbslView(what), ": ", text.status().message()));
    }
    return text;
  };

  absl::flat_hash_set<std::string> given;  // subject, property, value
  for (auto& entry : m.statements) {
    // (Not a structured binding: clang 14 cannot capture one in a lambda.)
    const auto& id = entry.first;
    auto& s = entry.second;
    Model::Out out;
    out.at = s.at;
    auto fail = [&](std::string message) {
      out.error = absl::StrCat(AbslView(path_), ":", s.at.line, ":",
                               s.at.column, ": statement ", id, ": ", message);
      m.rows.push_back(std::move(out));
    };
    if (!s.error.empty()) {
      fail(s.error);
      continue;
    }
    if (!s.linked) {
      fail("no entity links to it (wd:Q... p:P... statement)");
      continue;
    }
    if (!s.value) {
      fail(absl::StrCat("it has no value (ps:", s.property, ")"));
      continue;
    }
    // Given, whether loaded or not: its truthy triple is not a claim.
    given.insert(
        absl::StrCat(s.subject, "\x1e", s.property, "\x1e", TermKey(*s.value)));
    if (s.deprecated) continue;
    out.subject = s.subject;
    out.predicate = absl::StrCat(AbslView(kDirect), s.property);
    const RdfTerm& v = *s.value;
    auto value_time = m.times.end();
    if (!s.value_node.empty()) value_time = m.times.find(s.value_node);
    if (v.kind != RdfTerm::Kind::kLiteral) {
      out.object = NameOfTerm(scope_, v);
      out.object_type = "entity";
    } else if (value_time != m.times.end() &&
               value_time->second.precision >= 0) {
      auto text = WikidataTime(value_time->second.lexical,
                               value_time->second.precision);
      if (!text.ok()) {
        fail(absl::StrCat("value: ", text.status().message()));
        continue;
      }
      out.object = *std::move(text);
      out.object_type = "date";
    } else {
      Value value = ValueOfLiteral(v.value, v.datatype, v.language);
      out.object_type = std::string(ValueKindName(value.kind()));
      out.object =
          value.kind() == ValueKind::kString ? value.text() : value.ToString();
    }
    absl::StatusOr<std::string> start = time_of(s.start, "start time (P580)");
    absl::StatusOr<std::string> end = time_of(s.end, "end time (P582)");
    absl::StatusOr<std::string> point =
        time_of(s.point, "point in time (P585)");
    const absl::StatusOr<std::string>* bad = nullptr;
    for (const auto* t : {&start, &end, &point}) {
      if (!t->ok() && bad == nullptr) bad = t;
    }
    if (bad != nullptr) {
      fail(std::string(bad->status().message()));
      continue;
    }
    out.from = *start;
    out.to = *end;
    if (out.from.empty() && out.to.empty() && !point->empty()) {
      out.from = *point;  // held at some instant of that span
      out.to = *point;
    }
    for (const std::string& ref : s.references) {
      auto it = m.references.find(ref);
      if (it != m.references.end() && !it->second.url.empty()) {
        out.source = it->second.url;
        break;
      }
    }
    for (const std::string& ref : s.references) {
      if (!out.source.empty()) break;
      auto it = m.references.find(ref);
      if (it != m.references.end()) out.source = it->second.stated_in;
    }
    m.rows.push_back(std::move(out));
  }
  for (Truthy& t : m.truthy) {
    if (given.contains(absl::StrCat(t.subject, "\x1e", t.property, "\x1e",
                                    TermKey(t.object)))) {
      continue;
    }
    Model::Out out;
    out.at = t.at;
    out.subject = std::move(t.subject);
    out.predicate = absl::StrCat(AbslView(kDirect), t.property);
    if (t.object.kind == RdfTerm::Kind::kLiteral) {
      Value value =
          ValueOfLiteral(t.object.value, t.object.datatype, t.object.language);
      out.object_type = std::string(ValueKindName(value.kind()));
      out.object =
          value.kind() == ValueKind::kString ? value.text() : value.ToString();
    } else {
      out.object = NameOfTerm(scope_, t.object);
      out.object_type = "entity";
    }
    m.rows.push_back(std::move(out));
  }
  // Only the rows are needed from here on.
  m.statements = {};
  m.times = {};
  m.references = {};
  m.truthy = {};
  std::stable_sort(
      m.rows.begin(), m.rows.end(),
      [](const Model::Out& a, const Model::Out& b) { return a.at < b.at; });
}

bool WikidataRowReader::Next(RawRow* row) {
  if (!read_) {
    read_ = true;
    ReadAll();
    if (!status_.ok()) return false;
  } else if (!status_.ok() && model_->rows.empty()) {
    // A syntax error: the statements cannot be assembled without the rest.
    status_ = absl::FailedPreconditionError(absl::StrCat(
        "a Wikidata load stops at a syntax error (", status_.message(), ")"));
    return false;
  }
  status_ = absl::OkStatus();
  if (next_ >= model_->rows.size()) return false;
  Model::Out& out = model_->rows[next_++];
  if (!out.error.empty()) {
    status_ = absl::InvalidArgumentError(out.error);
    return false;
  }
  *row = RawRow();
  row->line = out.at.line;
  auto set = [&](Column c, std::string& text, bool always) {
    RawField& f = (*row)[c];
    f.present = always || !text.empty();
    f.text = std::move(text);
    f.column = out.at.column;
  };
  set(Column::kSubject, out.subject, true);
  set(Column::kPredicate, out.predicate, true);
  set(Column::kObject, out.object, true);
  set(Column::kObjectType, out.object_type, true);
  set(Column::kValidFrom, out.from, false);
  set(Column::kValidTo, out.to, false);
  set(Column::kSource, out.source, false);
  return true;
}

}  // namespace annals::load
