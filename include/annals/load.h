// Bulk loads: the options of Database::Load (and `annals load`), its
// progress, and what a load did.
#ifndef ANNALS_LOAD_H_
#define ANNALS_LOAD_H_

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "annals/cancel.h"
#include "annals/claim.h"

namespace annals {

// Progress of a running load, reported about every 100,000 rows.
struct LoadProgress {
  int64_t rows = 0;
  int64_t bytes_read = 0;   // of all files so far
  int64_t bytes_total = 0;  // of all files, 0 if unknown
  double seconds = 0;       // since the load started
};

// kNTriples .. kTriG are RDF (docs/rdf.md).
enum class LoadFormat {
  kAuto,
  kTsv,
  kCsv,
  kJsonl,
  kNTriples,
  kNQuads,
  kTurtle,
  kTriG
};

// How the times of a load file (valid_from, valid_to, recorded_at) are
// written.
enum class DateFormat {
  // As TimePoint::Parse reads them: `2025`, `2025-09`, `2025-09-02`,
  // `2025-09-02T10:00:00Z`; anything else is a bad row.
  kIso,
  // Also with `#` for unknown digits (ParseWithUnknownDigits): `1962-##-##`
  // is the year 1962, `1962-05-##` May 1962, and `####-##-##` is unknown,
  // loaded as an empty field (an open end; for recorded_at, the load time).
  kUnknownDigits,
};

struct LoadOptions {
  // kAuto picks by extension: .tsv/.txt, .csv, .jsonl/.ndjson/.json, and
  // RDF: .nt, .nq, .ttl, .trig.
  LoadFormat format = LoadFormat::kAuto;
  // RDF: the base IRI relative IRIs resolve against; "" for each file's
  // file: IRI.
  std::string base_iri;
  // RDF read as Wikidata's statement model (docs/wikidata.md): statements
  // with qualifiers, ranks and references as claims, labels and alt labels
  // in `language` as schema aliases. Only with RDF files (.nt, .ttl, ...).
  bool wikidata = false;
  std::string language = "en";
  // Validate everything, write nothing.
  bool dry_run = false;
  // Go on past bad rows; they are written to `reject_file` (path:line:col,
  // reason, and the row's fields) and counted in the result.
  bool skip_bad = false;
  std::string reject_file;  // default with skip_bad: <first file>.rejects
  DateFormat dates = DateFormat::kIso;
  // Rows are events: an empty valid_to is valid_from (the claim holds some
  // time within valid_from's span, as ICEWS's one-day events do) instead of
  // an open end.
  bool events = false;
  // Columns under other names: pairs of (name in the file's header or JSON
  // keys, case-insensitive; Annals column), e.g. {{"start", "valid_from"},
  // {"end", "valid_to"}}. A mapped name replaces the column's own name in
  // that file. InvalidArgument when a pair names an unknown Annals column,
  // maps two names to one column, or names a header name that a TSV or CSV
  // file does not have.
  std::vector<std::pair<std::string, std::string>> columns;
  // Strict: a row whose predicate no stored claim uses and the schema does
  // not declare is a bad row (the load's error, or with skip_bad a reject).
  bool strict = false;
  // Lines longer than this are bad rows.
  int64_t max_line_bytes = int64_t{64} << 20;
  // Called from a loading thread (never two at once); may be empty.
  std::function<void(const LoadProgress&)> progress;
  // Stops the load from another thread or a signal handler
  // (annals/cancel.h): Load then fails with CancelledError "load cancelled:
  // nothing was loaded, the store is unchanged", its temporary files
  // removed. Keep a copy to cancel with.
  Cancellation cancel;
};

struct LoadResult {
  int64_t rows = 0;          // data rows read
  int64_t claims_added = 0;  // new claims
  int64_t duplicates = 0;    // rows equal to a claim already there
  // `one` predicates (docs/schemas.md, "One value at a time"): rows replaced by
  // a later row of the load, and stored claims the load closed or replaced
  // (retracted; the closed ones live on as closed copies, which count in
  // claims_added).
  int64_t replaced_rows = 0;
  int64_t superseded = 0;
  int64_t rejected = 0;  // bad rows skipped (skip_bad)
  int64_t terms_added = 0;
  // The names the load adds: entity names the store did not have, and
  // predicates no stored claim used, the first kListedNewNames of each in
  // the order the files first name them, and how many in all.
  static constexpr size_t kListedNewNames = 20;
  std::vector<std::string> new_entities, new_predicates;
  int64_t new_entity_count = 0, new_predicate_count = 0;
  // A new name near a name or alias the store already had, a sentence each
  // ("new entity 'Rusia'; did you mean 'Russia'?"; looked for among the
  // first kCheckedNewNames new names).
  static constexpr size_t kCheckedNewNames = 2000;
  std::vector<std::string> notices;
  ClaimId first_claim = 0;  // new claims have ids first_claim, first_claim+1...
  std::vector<uint64_t> batches;  // one load batch per file
  std::string reject_file;        // where rejected rows went, if any
  double seconds = 0;
  // Where the time went: "read and decode", then the commit's steps.
  std::vector<std::pair<std::string, double>> steps;
};

}  // namespace annals

#endif  // ANNALS_LOAD_H_
