// Writing claims in a form `annals load` reads back to the same claims:
// subject, predicate, object with its kind, valid time with each end's
// precision, recorded_at, source, by and confidence (docs/exporting.md). Claim
// ids, load batches and retraction times are not exported: a load gives new ids
// and loads live claims.
//
// Uses only the public API (annals::Database). Not thread-safe: one export
// at a time per output.
#ifndef ANNALS_TOOLS_EXPORT_EXPORT_WRITER_H_
#define ANNALS_TOOLS_EXPORT_EXPORT_WRITER_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "annals/claim.h"
#include "annals/database.h"
#include "annals/time.h"

namespace annals::exporter {

enum class ExportFormat { kTsv, kCsv, kJsonl, kGraphml };

// True for the formats `annals load` reads back (tsv, csv, jsonl).
bool IsClaimsFileFormat(ExportFormat format);

// "tsv", "csv", "jsonl" or "graphml" (any case); InvalidArgument otherwise.
absl::StatusOr<ExportFormat> ParseExportFormat(std::string_view name);

// The format of a file named `path`, by its extension, as `annals load`
// tells it: .tsv and .txt TSV, .csv CSV, .jsonl, .ndjson and .json JSON
// Lines, .graphml GraphML (any case). InvalidArgument for another extension
// or none.
absl::StatusOr<ExportFormat> ExportFormatOfPath(std::string_view path);

// The usual extension of `format`: ".tsv", ".csv", ".jsonl" or ".graphml".
std::string_view ExportExtension(ExportFormat format);

struct ExportOptions {
  ExportFormat format = ExportFormat::kTsv;
  // The store as recorded by the end of this time (claims recorded later
  // left out, claims retracted later included). nullopt: as recorded now.
  std::optional<TimePoint> as_of;
  // Valid time: the claims that certainly hold at some instant of this
  // point's span (as a query's AT). Unset: with `all`, or for the formats
  // `annals load` reads back, every valid time; for GraphML, what holds now.
  std::optional<TimePoint> at;
  bool all = false;  // every valid time (not with `at`)
  // Without `at` or `all`: what holds now, whatever the format (RDF's
  // default).
  bool now = false;
  // Retracted claims too, with their retraction time (RDF --claims); with
  // as_of, those retracted by then, and the others as live then (their
  // `retracted` cleared).
  bool retracted = false;
  // A statement of the query language; when set, the claims its rows name
  // in claim cells (`FIND ?c WHERE ?c: Russia ?p ?o`) instead of every live
  // claim. The statement says its own view (AS OF), so as_of must be unset.
  std::string query;
};

struct ExportResult {
  int64_t claims = 0;
  // Claims whose subject or object is another claim (#c42): written with
  // the ids of this store, which a load accepts only where they exist.
  int64_t claim_references = 0;
  // Claims equal to an earlier exported one but for recorded_at and
  // confidence: a load counts them as duplicates and keeps the first.
  int64_t duplicates = 0;
  // Claims with a field that is not valid UTF-8 (the API accepts such
  // bytes, a load refuses them), and the first of them.
  int64_t invalid_utf8 = 0;
  ClaimId first_invalid_utf8 = 0;
  bool escaped = false;  // TSV: the file starts with #escapes=backslash
  // GraphML: the nodes written, and the claims with text XML cannot carry
  // (control characters, invalid UTF-8: written as U+FFFD) and the first.
  int64_t nodes = 0;
  int64_t xml_replaced = 0;
  ClaimId first_xml_replaced = 0;
};

// The claims `options` selects, in claim id order (the order a load gives
// ids in, so that exporting a store loaded from an export gives the same
// bytes). InvalidArgument for a bad query, a query whose rows name no claim,
// a query with as_of, at or all, or at with all.
absl::StatusOr<std::vector<Claim>> SelectClaims(Database& db,
                                                const ExportOptions& options);

// Writes `claims` to *out in options.format: TSV with a header line (and,
// when a field holds a tab, line feed, carriage return, the first line
// `#escapes=backslash` and backslash escapes), CSV (RFC 4180: a header
// record, CRLF line ends, fields quoted where needed), or JSON Lines with the
// same keys, empty fields left out; or GraphML (graphml_writer.h).
ExportResult WriteClaims(const std::vector<Claim>& claims, ExportFormat format,
                         std::ostream* out);

// SelectClaims, then WriteClaims. Unavailable when writing *out failed.
absl::StatusOr<ExportResult> Export(Database& db, const ExportOptions& options,
                                    std::ostream* out);

}  // namespace annals::exporter

#endif  // ANNALS_TOOLS_EXPORT_EXPORT_WRITER_H_
