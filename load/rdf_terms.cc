// RDF terms <-> Annals values; see include/annals/rdf.h.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "annals/rdf.h"
#include "common/absl_view.h"

namespace annals {
namespace {

bool Unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
         c == '~' || c >= 0x80;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Blank node labels Annals writes as they are: ASCII letters, digits, `_`,
// `-`, `.` (not first or last) and non-ASCII bytes.
bool IsBlankLabel(std::string_view label) {
  if (label.empty() || label.front() == '-' || label.front() == '.' ||
      label.back() == '.') {
    return false;
  }
  for (unsigned char c : label) {
    if (!Unreserved(c) || c == '~') return false;
  }
  return true;
}

std::string Xsd(std::string_view local) {
  return absl::StrCat(AbslView(kXsdNs), AbslView(local));
}

// The date of `lexical` at `precision` when Annals writes it back the same.
bool CanonicalDate(std::string_view lexical, Precision precision, Value* out) {
  absl::StatusOr<TimePoint> t = TimePoint::Parse(lexical);
  if (!t.ok() || t->precision != precision || t->ToString() != lexical) {
    return false;
  }
  *out = Value::Date(*t);
  return true;
}

}  // namespace

std::string NameOfIri(std::string_view iri) {
  if (iri.substr(0, kNameIriPrefix.size()) != kNameIriPrefix) {
    return std::string(iri);
  }
  std::string_view encoded = iri.substr(kNameIriPrefix.size());
  std::string name;
  for (size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] == '%' && i + 2 < encoded.size() &&
        HexDigit(encoded[i + 1]) >= 0 && HexDigit(encoded[i + 2]) >= 0) {
      name += static_cast<char>(HexDigit(encoded[i + 1]) * 16 +
                                HexDigit(encoded[i + 2]));
      i += 2;
    } else {
      name += encoded[i];
    }
  }
  return name.empty() ? std::string(iri) : name;
}

std::string NameOfBlank(std::string_view scope, std::string_view label) {
  return absl::StrCat("_:", AbslView(scope), AbslView(label));
}

bool IsAbsoluteIri(std::string_view name) {
  size_t colon = name.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = name[i];
    bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (i == 0 ? !alpha
               : !(alpha || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
                   c == '.')) {
      return false;
    }
  }
  for (unsigned char c : name) {
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' ||
        c == '|' || c == '^' || c == '`' || c == '\\' || c == 0x7f) {
      return false;
    }
  }
  return name.substr(0, kNameIriPrefix.size()) != kNameIriPrefix;
}

RdfTerm NodeOfName(std::string_view name, bool predicate) {
  RdfTerm t;
  if (!predicate && name.substr(0, 2) == "_:" && IsBlankLabel(name.substr(2))) {
    t.kind = RdfTerm::Kind::kBlank;
    t.value = std::string(name.substr(2));
    return t;
  }
  t.kind = RdfTerm::Kind::kIri;
  if (IsAbsoluteIri(name)) {
    t.value = std::string(name);
    return t;
  }
  t.value = std::string(kNameIriPrefix);
  for (unsigned char c : name) {
    if (Unreserved(c)) {
      t.value += static_cast<char>(c);
    } else {
      absl::StrAppendFormat(&t.value, "%%%02X", c);
    }
  }
  return t;
}

Value ValueOfLiteral(std::string_view lexical, std::string_view datatype,
                     std::string_view language) {
  if (!language.empty()) return Value::TaggedString(lexical, language, "");
  if (datatype.empty() || datatype == Xsd("string")) {
    return Value::String(std::string(lexical));
  }
  Value v;
  if (datatype.substr(0, kXsdNs.size()) == kXsdNs) {
    std::string_view local = datatype.substr(kXsdNs.size());
    if (local == "integer") {
      absl::StatusOr<Value> i = Value::Parse(lexical, ValueKind::kInteger);
      if (i.ok() && i->ToString() == lexical) return *i;
    } else if (local == "decimal") {
      absl::StatusOr<Value> d = Value::Decimal(lexical);
      if (d.ok() && d->text() == lexical) return *d;
    } else if (local == "boolean") {
      if (lexical == "true" || lexical == "false") {
        return Value::Boolean(lexical == "true");
      }
    } else if (local == "date") {
      if (CanonicalDate(lexical, Precision::kDay, &v)) return v;
    } else if (local == "dateTime") {
      if (CanonicalDate(lexical, Precision::kSecond, &v)) return v;
    } else if (local == "gYear") {
      if (CanonicalDate(lexical, Precision::kYear, &v)) return v;
    } else if (local == "gYearMonth") {
      if (CanonicalDate(lexical, Precision::kMonth, &v)) return v;
    }
  } else if (datatype == absl::StrCat(AbslView(kAnnalsNs), "quantity")) {
    absl::StatusOr<Value> q = Value::Parse(lexical, ValueKind::kQuantity);
    if (q.ok() && q->ToString() == lexical) return *q;
  }
  return Value::TaggedString(lexical, "", datatype);
}

RdfTerm LiteralOfValue(const Value& value) {
  RdfTerm t;
  t.kind = RdfTerm::Kind::kLiteral;
  switch (value.kind()) {
    case ValueKind::kString:
      t.value = std::string(value.lexical());
      t.language = std::string(value.language());
      t.datatype = std::string(value.datatype());
      return t;
    case ValueKind::kInteger:
      t.datatype = Xsd("integer");
      break;
    case ValueKind::kDecimal:
      t.datatype = Xsd("decimal");
      break;
    case ValueKind::kBoolean:
      t.datatype = Xsd("boolean");
      break;
    case ValueKind::kDate:
      switch (value.date().precision) {
        case Precision::kYear:
          t.datatype = Xsd("gYear");
          break;
        case Precision::kMonth:
          t.datatype = Xsd("gYearMonth");
          break;
        case Precision::kDay:
          t.datatype = Xsd("date");
          break;
        case Precision::kSecond:
          t.datatype = Xsd("dateTime");
          break;
      }
      break;
    case ValueKind::kQuantity:
      t.datatype = absl::StrCat(AbslView(kAnnalsNs), "quantity");
      break;
    case ValueKind::kEntity:
    case ValueKind::kClaim:
      break;
  }
  t.value = value.ToString();
  return t;
}

}  // namespace annals
