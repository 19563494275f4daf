// WikidataRowReader: an RDF file in the shape of Wikidata's dumps read as
// Wikidata's statement model (docs/wikidata.md), one load row per claim.
// Each statement node (`wd:Q p:P wds:S`, `wds:S ps:P value`) is one claim
// `wd:Q wdt:P value`: qualifiers P580/P582 give its valid interval, P585 a
// point in time; precisions come from the full value nodes (`psv:`/`pqv:` ->
// `wikibase:timePrecision`); deprecated statements are not loaded; the first
// reference with a reference URL (`pr:P854`), else a `stated in` (`pr:P248`),
// is the source. Truthy triples (`wdt:`) that a loaded statement gives are
// not loaded again, the others as plain claims. Labels (`rdfs:label`,
// `skos:prefLabel`, `schema:name`) and `skos:altLabel` in the load's
// language are not claims: labels() hands them to the load as aliases.
// Every other triple is not loaded.
//
// Triples arrive in any order, so the first Next() reads the whole file,
// keeping only what the claims need (statements, time value nodes,
// reference URLs, truthy triples, labels): memory grows with the
// statements, not with the file. Not thread-safe.
#ifndef ANNALS_LOAD_WIKIDATA_READER_H_
#define ANNALS_LOAD_WIKIDATA_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "load/raw_row.h"
#include "load/rdf_reader.h"

namespace annals::load {

// One label of an entity in the load's language.
struct WikidataLabel {
  std::string label;   // the text, without its language tag
  std::string entity;  // the entity's name (its IRI)
  bool alt = false;    // skos:altLabel
  int64_t line = 0;
};

class WikidataRowReader : public RowReader {
 public:
  // `path` names the file in errors; `language` is the labels' language tag
  // (compared ignoring case); `blank_scope` as for RdfRowReader.
  WikidataRowReader(std::unique_ptr<RdfReader> reader, std::string path,
                    std::string language, std::string blank_scope);
  ~WikidataRowReader() override;

  bool Next(RawRow* row) override;
  absl::Status status() const override { return status_; }
  int64_t bytes_read() const override;
  int64_t bytes_total() const override;
  std::vector<std::pair<std::string, std::string>> prefixes() const override;
  // The labels read (complete once Next() has returned false at the end).
  const std::vector<WikidataLabel>& labels() const;

  struct Model;  // what the file says, as the claims need it

 private:
  // Reads the whole file into model_ and makes rows_.
  void ReadAll();

  std::unique_ptr<RdfReader> reader_;
  std::string path_;
  std::string language_;
  std::string scope_;
  std::unique_ptr<Model> model_;
  bool read_ = false;
  size_t next_ = 0;  // the next of model_'s rows
  absl::Status status_;
};

// Wikidata's time value `lexical` (`2012-05-07T00:00:00Z`, `+1952-00-00...`,
// `-0431-01-01T00:00:00Z`) at Wikidata precision `precision` (9 year, 10
// month, 11 day, 12..14 hour to second: a second) as a TimePoint's text
// (`2012`, `2012-05`, `2012-05-07`, `2012-05-07T10:00:00Z`).
// InvalidArgument for a precision coarser than a year (0..8: billion years
// to decade; a TimePoint cannot keep them), a year out of range, or text
// that is no such time.
absl::StatusOr<std::string> WikidataTime(std::string_view lexical,
                                         int precision);

}  // namespace annals::load

#endif  // ANNALS_LOAD_WIKIDATA_READER_H_
