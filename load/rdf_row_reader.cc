// RDF statements as load rows; see rdf_row_reader.h.
#include "load/rdf_row_reader.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "annals/rdf.h"
#include "common/absl_view.h"

namespace annals::load {
namespace {

bool SameTerm(const RdfTerm& a, const RdfTerm& b) {
  return a.kind == b.kind && a.value == b.value && a.datatype == b.datatype &&
         a.language == b.language;
}

}  // namespace

RdfRowReader::RdfRowReader(std::unique_ptr<RdfReader> reader,
                           std::string blank_scope)
    : reader_(std::move(reader)), scope_(std::move(blank_scope)) {}

std::string NameOfTerm(std::string_view blank_scope, const RdfTerm& t) {
  if (t.kind == RdfTerm::Kind::kBlank) return NameOfBlank(blank_scope, t.value);
  return NameOfIri(t.value);
}

std::string RdfRowReader::Name(const RdfTerm& t) const {
  return NameOfTerm(scope_, t);
}

bool RdfRowReader::Annotate(const RdfStatement& st) {
  if (!statement_.has_graph || !SameTerm(st.subject, statement_.graph) ||
      st.predicate.kind != RdfTerm::Kind::kIri ||
      st.predicate.value.compare(0, kAnnalsNs.size(), kAnnalsNs) != 0) {
    return false;
  }
  std::string_view local =
      std::string_view(st.predicate.value).substr(kAnnalsNs.size());
  const RdfTerm& o = st.object;
  std::string text = o.kind == RdfTerm::Kind::kLiteral ? o.value : Name(o);
  if (!annotated_) {
    annotated_ = true;
    source_.clear();
  }
  if (local == "validFrom") {
    from_ = text;
  } else if (local == "validTo") {
    to_ = text;
  } else if (local == "recordedAt") {
    recorded_ = text;
  } else if (local == "source") {
    source_ = text;
  } else if (local == "by") {
    by_ = text;
  } else if (local == "confidence") {
    confidence_ = text;
  } else if (local == "retractedAt") {
    retracted_ = text;
  }
  // Others (batch) are for the reader of the file.
  return true;
}

bool RdfRowReader::Next(RawRow* row) {
  if (next_error_) {
    next_error_ = false;
    status_ = next_status_;
    return false;
  }
  status_ = absl::OkStatus();
  if (have_next_) {
    statement_ = std::move(next_);
    have_next_ = false;
  } else if (!reader_->Next(&statement_)) {
    status_ = reader_->status();
    return false;
  }
  annotated_ = false;
  subject_ = Name(statement_.subject);
  predicate_ = Name(statement_.predicate);
  const RdfTerm& o = statement_.object;
  if (o.kind == RdfTerm::Kind::kLiteral) {
    Value v = ValueOfLiteral(o.value, o.datatype, o.language);
    object_type_ = std::string(ValueKindName(v.kind()));
    object_ = v.kind() == ValueKind::kString ? v.text() : v.ToString();
  } else {
    object_type_ = "entity";
    object_ = Name(o);
  }
  source_ = statement_.has_graph ? Name(statement_.graph) : "";
  by_.clear();
  from_.clear();
  to_.clear();
  recorded_.clear();
  confidence_.clear();
  retracted_.clear();
  // Annotations of this statement's graph follow it directly.
  while (statement_.has_graph) {
    if (!reader_->Next(&next_)) {
      if (!reader_->status().ok()) {
        next_error_ = true;
        next_status_ = reader_->status();
      }
      break;
    }
    if (!Annotate(next_)) {
      have_next_ = true;
      break;
    }
  }
  Fill(row);
  return true;
}

void RdfRowReader::Fill(RawRow* row) {
  *row = RawRow();
  row->line = statement_.line;
  auto set = [&](Column c, const std::string& text, bool always) {
    RawField& f = (*row)[c];
    f.present = always || !text.empty();
    f.text = text;
    f.column = statement_.column;
  };
  set(Column::kSubject, subject_, true);
  set(Column::kPredicate, predicate_, true);
  set(Column::kObject, object_, true);
  set(Column::kObjectType, object_type_, true);
  set(Column::kSource, source_, false);
  set(Column::kBy, by_, false);
  set(Column::kValidFrom, from_, false);
  set(Column::kValidTo, to_, false);
  set(Column::kRecordedAt, recorded_, false);
  set(Column::kConfidence, confidence_, false);
  row->retracted_at.present = !retracted_.empty();
  row->retracted_at.text = retracted_;
  row->retracted_at.column = statement_.column;
}

std::string RdfRowReader::StatementText() const {
  std::string text;
  AppendNTriplesTerm(statement_.subject, &text);
  text += ' ';
  AppendNTriplesTerm(statement_.predicate, &text);
  text += ' ';
  AppendNTriplesTerm(statement_.object, &text);
  if (statement_.has_graph) {
    text += ' ';
    AppendNTriplesTerm(statement_.graph, &text);
  }
  text += " .";
  return text;
}

}  // namespace annals::load
