// Selecting the claims to export and writing them; see export_writer.h.
#include "tools/export/export_writer.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/utf8.h"
#include "tools/export/export_fields.h"
#include "tools/export/export_format.h"
#include "tools/export/graphml_writer.h"

namespace annals::exporter {
namespace {

// The claim ids named in claim cells of the rows of `text`.
absl::StatusOr<std::vector<ClaimId>> ClaimsOfQuery(Database& db,
                                                   std::string_view text) {
  QueryOptions unlimited;  // an export reads what it is asked for
  unlimited.timeout_ms = 0;
  unlimited.max_rows = std::numeric_limits<int64_t>::max();
  absl::StatusOr<ResultSet> result = db.Query(text, unlimited);
  if (!result.ok()) return result.status();
  absl::flat_hash_set<ClaimId> seen;
  std::vector<ClaimId> ids;
  int64_t rows = 0;
  while (result->Next()) {
    ++rows;
    for (const Cell& cell : result->row()) {
      if (cell.kind == Cell::Kind::kValue &&
          cell.value.kind() == ValueKind::kClaim &&
          seen.insert(cell.value.claim_id()).second) {
        ids.push_back(cell.value.claim_id());
      }
    }
  }
  if (!result->status().ok()) return result->status();
  if (rows > 0 && ids.empty()) {
    return absl::InvalidArgumentError(
        "the query's rows name no claims: bind the claims to export with "
        "?c: and return ?c, e.g. FIND ?c WHERE ?c: Russia ?p ?o");
  }
  return ids;
}

}  // namespace

bool IsClaimsFileFormat(ExportFormat format) {
  return format != ExportFormat::kGraphml;
}

absl::StatusOr<ExportFormat> ParseExportFormat(std::string_view name) {
  const std::string lower = absl::AsciiStrToLower(std::string(name));
  if (lower == "tsv") return ExportFormat::kTsv;
  if (lower == "csv") return ExportFormat::kCsv;
  if (lower == "jsonl") return ExportFormat::kJsonl;
  if (lower == "graphml") return ExportFormat::kGraphml;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown export format '", std::string(name),
                   "' (tsv, csv, jsonl or graphml)"));
}

absl::StatusOr<ExportFormat> ExportFormatOfPath(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const size_t dot = path.find_last_of('.');
  const bool has_extension =
      dot != std::string_view::npos &&
      (slash == std::string_view::npos || dot > slash + 1);
  if (has_extension) {
    const std::string ext =
        absl::AsciiStrToLower(std::string(path.substr(dot + 1)));
    if (ext == "tsv" || ext == "txt") return ExportFormat::kTsv;
    if (ext == "csv") return ExportFormat::kCsv;
    if (ext == "jsonl" || ext == "ndjson" || ext == "json") {
      return ExportFormat::kJsonl;
    }
    if (ext == "graphml") return ExportFormat::kGraphml;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("cannot tell the export format from '", std::string(path),
                   "': name it .tsv, .csv, .jsonl or .graphml, or give "
                   "--format=tsv|csv|jsonl|graphml"));
}

std::string_view ExportExtension(ExportFormat format) {
  switch (format) {
    case ExportFormat::kTsv:
      return ".tsv";
    case ExportFormat::kCsv:
      return ".csv";
    case ExportFormat::kJsonl:
      return ".jsonl";
    case ExportFormat::kGraphml:
      return ".graphml";
  }
  return ".tsv";
}

absl::StatusOr<std::vector<Claim>> SelectClaims(Database& db,
                                                const ExportOptions& options) {
  std::vector<Claim> claims;
  if (options.at && options.all) {
    return absl::InvalidArgumentError("--at and --all: give one of them");
  }
  if (!options.query.empty()) {
    if (options.as_of || options.at || options.all) {
      return absl::InvalidArgumentError(
          "--as-of, --at or --all and a query: write AS OF and AT in the "
          "query instead");
    }
    absl::StatusOr<std::vector<ClaimId>> ids = ClaimsOfQuery(db, options.query);
    if (!ids.ok()) return ids.status();
    const Snapshot snapshot = db.GetSnapshot();
    claims.reserve(ids->size());
    for (ClaimId id : *ids) {
      absl::StatusOr<Claim> claim = db.Get(id, snapshot);
      if (!claim.ok()) return claim.status();
      claims.push_back(*std::move(claim));
    }
  } else {
    TimeView view = TimeView::AllTime();  // every valid time
    if (options.at) {
      view.valid = Window::Of(*options.at);
    } else if (!options.all &&
               (options.now || !IsClaimsFileFormat(options.format))) {
      view.valid = TimeView::Now().valid;
    }
    if (options.as_of) view.as_of = options.as_of->SpanEnd() - 1;
    view.include_retracted = options.retracted;
    absl::Status s = db.Scan(ClaimPattern(), view, [&](const Claim& c) {
      claims.push_back(c);
      // Retracted after the view's time: live as then recorded.
      if (view.as_of && claims.back().retracted &&
          claims.back().retracted->seconds > *view.as_of) {
        claims.back().retracted.reset();
      }
      return true;
    });
    if (!s.ok()) return s;
  }
  std::sort(claims.begin(), claims.end(),
            [](const Claim& a, const Claim& b) { return a.id < b.id; });
  return claims;
}

ExportResult WriteClaims(const std::vector<Claim>& claims, ExportFormat format,
                         std::ostream* out) {
  if (format == ExportFormat::kGraphml) return WriteGraphml(claims, out);
  // Two passes, each making one row's fields at a time: the first finds
  // whether the TSV needs escapes (said before the header) and counts what
  // the warnings report, the second writes.
  ExportResult result;
  result.claims = static_cast<int64_t>(claims.size());
  // What makes two claims the same for a load (docs/loading.md,
  // "Loading twice adds nothing"): all but recorded_at and confidence. Hashed:
  // at worst a collision overstates a warning's count.
  absl::flat_hash_set<size_t> identities;
  identities.reserve(claims.size());
  for (const Claim& c : claims) {
    const ExportFields fields = FieldsOf(c);
    std::string identity;
    for (int i = 0; i < kFieldCount; ++i) {
      if (i == kRecordedAtField || i == kConfidenceField) continue;
      absl::StrAppend(&identity, fields[i].size(), ":", fields[i]);
    }
    if (!identities.insert(absl::Hash<std::string>()(identity)).second) {
      ++result.duplicates;
    }
    for (const std::string& field : fields) {
      if (!IsValidUtf8(field)) {
        if (result.invalid_utf8++ == 0) result.first_invalid_utf8 = c.id;
        break;
      }
    }
    if (c.subject.kind() == ValueKind::kClaim ||
        c.object.kind() == ValueKind::kClaim) {
      ++result.claim_references;
    }
    if (format == ExportFormat::kTsv && !result.escaped) {
      for (const std::string& field : fields) {
        if (NeedsTsvEscapes(field)) result.escaped = true;
      }
    }
  }
  if (format == ExportFormat::kJsonl) {
    for (const Claim& c : claims) *out << JsonLine(FieldsOf(c));
    return result;
  }
  if (format == ExportFormat::kCsv) {
    *out << CsvHeader();
    for (const Claim& c : claims) *out << CsvLine(FieldsOf(c));
    return result;
  }
  if (result.escaped) *out << "#escapes=backslash\n";
  *out << TsvHeader();
  for (const Claim& c : claims) *out << TsvLine(FieldsOf(c), result.escaped);
  return result;
}

absl::StatusOr<ExportResult> Export(Database& db, const ExportOptions& options,
                                    std::ostream* out) {
  absl::StatusOr<std::vector<Claim>> claims = SelectClaims(db, options);
  if (!claims.ok()) return claims.status();
  ExportResult result = WriteClaims(*claims, options.format, out);
  out->flush();
  if (!*out) return absl::UnavailableError("writing the export failed");
  return result;
}

}  // namespace annals::exporter
