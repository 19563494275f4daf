// RdfRowReader: an RDF file as load rows. Each statement becomes a row
// (subject, predicate, object typed by annals/rdf.h, the graph as the
// source); statements `G annals:validFrom ...` right after a statement in
// graph G (as `annals export --claims` writes them, docs/rdf.md) give that
// row its valid time, recorded_at, retraction, source, by and confidence
// instead.
#ifndef ANNALS_LOAD_RDF_ROW_READER_H_
#define ANNALS_LOAD_RDF_ROW_READER_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "load/raw_row.h"
#include "load/rdf_reader.h"

namespace annals::load {

// The entity name of an IRI or blank node term of a load whose blank
// nodes are scoped by `blank_scope` (NameOfIri, NameOfBlank).
std::string NameOfTerm(std::string_view blank_scope, const RdfTerm& t);

class RdfRowReader : public RowReader {
 public:
  // `blank_scope` is put before every blank node label (NameOfBlank).
  RdfRowReader(std::unique_ptr<RdfReader> reader, std::string blank_scope);

  bool Next(RawRow* row) override;
  absl::Status status() const override { return status_; }
  int64_t bytes_read() const override { return reader_->bytes_read(); }
  int64_t bytes_total() const override { return reader_->bytes_total(); }
  std::vector<std::pair<std::string, std::string>> prefixes() const override {
    return reader_->prefixes();
  }
  // The statement of the last row, in N-Triples/N-Quads (for rejects).
  std::string StatementText() const override;

 private:
  std::string Name(const RdfTerm& t) const;
  // Applies an annotation statement to the held row; false if it is none.
  bool Annotate(const RdfStatement& st);
  void Fill(RawRow* row);

  std::unique_ptr<RdfReader> reader_;
  std::string scope_;
  absl::Status status_;
  bool held_ = false;  // statement_ is read but not yet returned
  RdfStatement statement_, next_;
  bool have_next_ = false;
  bool next_error_ = false;  // reading next_ failed: report after this row
  absl::Status next_status_;
  // Field texts of the returned row.
  std::string subject_, predicate_, object_, object_type_, source_, by_, from_,
      to_, recorded_, confidence_, retracted_;
  bool annotated_ = false;
  std::string text_;  // StatementText
};

}  // namespace annals::load

#endif  // ANNALS_LOAD_RDF_ROW_READER_H_
