// Typing and checking of one load row; see row_decoder.h.
#include "load/row_decoder.h"

#include <optional>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "engine/dictionary.h"
#include "load/literal_field.h"
#include "schema/validator.h"

namespace annals::load {
namespace {

absl::Status Error(std::string_view path, int64_t line, const RawField& f,
                   absl::string_view reason) {
  return absl::InvalidArgumentError(
      absl::StrCat(AbslView(path), ":", line, ":", f.column, ": ", reason));
}

// Absent, empty or only spaces.
bool Empty(const RawField& f) {
  return !f.present ||
         f.text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Term bytes of a subject: a claim reference (#c42) or an entity.
void SubjectTerm(std::string_view text, std::string* out) {
  out->clear();
  if (text.size() > 2 && text[0] == '#' && text[1] == 'c') {
    auto claim = Value::Parse(text, ValueKind::kClaim);
    if (claim.ok()) {
      engine::EncodeClaimTerm(claim->claim_id(), out);
      return;
    }
  }
  engine::EncodeTextTerm(ValueKind::kEntity, text, out);
}

// Term bytes of an object field: typed by object_type, by its JSON kind, or
// inferred (Value::Infer). The common case, an entity name, builds no Value.
absl::Status ObjectTerm(const RawRow& row, std::string* out) {
  out->clear();
  const RawField& object = row[Column::kObject];
  const RawField& type = row[Column::kObjectType];
  std::string_view text = object.text;
  Value v;
  if (!Empty(type) && IsLiteralType(type.text)) {
    auto parsed = ParseLiteralField(text);
    if (!parsed.ok()) return parsed.status();
    v = *std::move(parsed);
  } else if (!Empty(type)) {
    auto kind = ParseValueKind(type.text);
    if (!kind.ok()) return kind.status();
    auto parsed = Value::Parse(text, *kind);
    if (!parsed.ok()) return parsed.status();
    v = *std::move(parsed);
  } else if (object.json == JsonKind::kBool) {
    v = Value::Boolean(text == "true");
  } else {
    char c = text[0];
    bool maybe_literal = (c >= '0' && c <= '9') || c == '-' || c == '#';
    if (!maybe_literal) {
      engine::EncodeTextTerm(ValueKind::kEntity, text, out);
      return absl::OkStatus();
    }
    v = Value::Infer(text);
    if (object.json == JsonKind::kNumber && v.is_entity()) {
      // A JSON number Annals cannot keep exactly (1e5): take it as a decimal.
      double d;
      if (!absl::SimpleAtod(AbslView(text), &d))
        return absl::InvalidArgumentError("bad number");
      auto dec = Value::Decimal(absl::StrCat(d));
      v = dec.ok() ? *dec : Value::String(std::string(text));
    }
  }
  engine::EncodeTerm(v, out);
  return absl::OkStatus();
}

// An empty field, and with DateFormat::kUnknownDigits a wholly unknown date
// (`####-##-##`), is an open end.
absl::Status ParseTime(const RawField& f, DateFormat dates,
                       engine::Endpoint* out) {
  *out = {};
  if (Empty(f)) return absl::OkStatus();
  if (dates == DateFormat::kUnknownDigits) {
    auto t = ParseWithUnknownDigits(f.text);
    if (!t.ok()) return t.status();
    if (t->has_value()) {
      *out = {(*t)->seconds, static_cast<uint8_t>((*t)->precision)};
    }
    return absl::OkStatus();
  }
  auto t = TimePoint::Parse(f.text);
  if (!t.ok()) {
    if (f.text.find('#') == std::string_view::npos) return t.status();
    return absl::InvalidArgumentError(
        absl::StrCat(t.status().message(),
                     "; dates with # for unknown digits load with "
                     "--dates=unknown-digits"));
  }
  *out = {t->seconds, static_cast<uint8_t>(t->precision)};
  return absl::OkStatus();
}

}  // namespace

absl::Status RowDecoder::Decode(const RawRow& row, std::string_view path,
                                uint32_t file_index, engine::ClaimRecord* out) {
  auto fail = [&](Column c, absl::string_view reason) {
    return Error(path, row.line, row[c], reason);
  };
  if (Empty(row[Column::kSubject]))
    return fail(Column::kSubject, "empty subject");
  if (Empty(row[Column::kPredicate])) {
    return fail(Column::kPredicate, "empty predicate");
  }
  // With an object_type the object need only be there: `""` is the empty
  // string (and `"  "` blanks), as `annals export` writes them.
  if (Empty(row[Column::kObject]) &&
      (!row[Column::kObject].present || Empty(row[Column::kObjectType]))) {
    return fail(Column::kObject, "empty object");
  }
  // An alias is loaded as the entity it stands for.
  SubjectTerm(schema_ != nullptr
                  ? schema_->Canonical(row[Column::kSubject].text)
                  : row[Column::kSubject].text,
              &subject_);
  predicate_.clear();
  engine::EncodeTextTerm(ValueKind::kEntity, row[Column::kPredicate].text,
                         &predicate_);
  if (absl::Status s = ObjectTerm(row, &object_); !s.ok()) {
    return fail(!Empty(row[Column::kObjectType]) &&
                        !IsLiteralType(row[Column::kObjectType].text) &&
                        !ParseValueKind(row[Column::kObjectType].text).ok()
                    ? Column::kObjectType
                    : Column::kObject,
                s.message());
  }
  if (schema_ != nullptr && !schema_->aliases().empty()) {
    if (std::optional<std::string_view> entity =
            engine::EntityOfTerm(object_)) {
      std::string name(schema_->Canonical(*entity));
      object_.clear();
      engine::EncodeTextTerm(ValueKind::kEntity, name, &object_);
    }
  }
  // Claims are never deleted and ids are dense: every id below next_claim
  // exists. A load cannot refer to the claims it creates itself.
  for (auto [term, column] : {std::pair{&subject_, Column::kSubject},
                              std::pair{&object_, Column::kObject}}) {
    std::optional<uint64_t> claim = engine::ClaimOfTerm(*term);
    if (claim && (*claim == 0 || *claim >= next_claim_)) {
      return fail(column,
                  absl::StrCat("claim #c", *claim, " is not in the store"));
    }
  }

  if (schema_ != nullptr &&
      schema_->FindPredicate(row[Column::kPredicate].text) != nullptr) {
    Value object;
    if (std::optional<uint64_t> claim = engine::ClaimOfTerm(object_)) {
      object = Value::Claim(*claim);
    } else {
      absl::StatusOr<Value> decoded = engine::DecodeTerm(object_);
      if (!decoded.ok())
        return fail(Column::kObject, decoded.status().message());
      object = *std::move(decoded);
    }
    if (absl::Status s = schema::ValidateClaim(
            *schema_, row[Column::kPredicate].text, object);
        !s.ok()) {
      return fail(Column::kObject, s.message());
    }
  }

  *out = engine::ClaimRecord();
  if (absl::Status s = ParseTime(row[Column::kValidFrom], dates_, &out->from);
      !s.ok()) {
    return fail(Column::kValidFrom, absl::StrCat("valid_from: ", s.message()));
  }
  if (absl::Status s = ParseTime(row[Column::kValidTo], dates_, &out->to);
      !s.ok()) {
    return fail(Column::kValidTo, absl::StrCat("valid_to: ", s.message()));
  }
  if (events_ && out->to.open() && !out->from.open()) out->to = out->from;
  if (absl::Status s = out->valid().Validate(); !s.ok()) {
    return fail(Column::kValidTo, s.message());
  }
  engine::Endpoint recorded;
  if (absl::Status s = ParseTime(row[Column::kRecordedAt], dates_, &recorded);
      !s.ok()) {
    return fail(Column::kRecordedAt,
                absl::StrCat("recorded_at: ", s.message()));
  }
  if (recorded.open()) {
    recorded = {recorded_default_.seconds,
                static_cast<uint8_t>(recorded_default_.precision)};
  }
  out->recorded = recorded.seconds;
  out->recorded_precision = recorded.precision;
  if (!Empty(row.retracted_at)) {
    engine::Endpoint retracted;
    if (absl::Status s = ParseTime(row.retracted_at, dates_, &retracted);
        !s.ok()) {
      return Error(path, row.line, row.retracted_at,
                   absl::StrCat("retractedAt: ", s.message()));
    }
    if (retracted.seconds < recorded.seconds) {
      return Error(path, row.line, row.retracted_at,
                   "retractedAt is before recordedAt");
    }
    out->retracted = retracted.seconds;
  }

  const RawField& confidence = row[Column::kConfidence];
  if (!Empty(confidence)) {
    double c;
    if (!absl::SimpleAtod(AbslView(confidence.text), &c) ||
        !(c >= 0 && c <= 1)) {
      return fail(Column::kConfidence,
                  absl::StrCat("confidence '", AbslView(confidence.text),
                               "' is not a number within [0, 1]"));
    }
    out->confidence = c;
  }
  const RawField& source = row[Column::kSource];
  const RawField& by = row[Column::kBy];
  source_.clear();
  by_.clear();
  if (!Empty(source)) {
    engine::EncodeTextTerm(ValueKind::kString, source.text, &source_);
  }
  if (!Empty(by)) {
    engine::EncodeTextTerm(
        ValueKind::kEntity,
        schema_ != nullptr ? schema_->Canonical(by.text) : by.text, &by_);
  }

  // The row is valid: intern its terms.
  terms_->Prefetch(subject_);
  terms_->Prefetch(object_);
  out->s = terms_->Intern(subject_);
  out->p = terms_->Intern(predicate_);
  out->o = terms_->Intern(object_);
  out->source =
      source_.empty() ? engine::BulkLoader::kNone : terms_->Intern(source_);
  out->by = by_.empty() ? engine::BulkLoader::kNone : terms_->Intern(by_);
  out->batch = file_index;
  out->row = row.line;
  return absl::OkStatus();
}

}  // namespace annals::load
