// `annals export STORE [QUERY]`; see export_command.h.
#include "tools/export/export_command.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>

#include "annals/database.h"
#include "tools/cli/count.h"
#include "tools/cli/open_store.h"
#include "tools/cli/suggest.h"
#include "tools/export/export_writer.h"
#include "tools/export/rdf_writer.h"

namespace annals::cli {

const char kExportHelp[] =
    R"(Usage: annals export [--format=tsv|csv|jsonl|graphml|nt|nq|ttl|trig]
                     [--claims [--rdf12]] [--at=TIME|--all] [--output=FILE]
                     [--as-of=TIME] STORE [QUERY]

Writes every live claim of STORE (or the claims QUERY names) as a file that
`annals load` reads back to the same claims: subject, predicate, object with
its type (entity, string, integer, decimal, boolean, date, quantity with its
unit), valid_from and valid_to with their precision and open ends,
recorded_at, source, by and confidence; a string loaded from RDF with a
language or datatype as its RDF literal, "chat"@fr, with the object_type
literal. Claims come in claim id order, so
exporting the store that loaded an export gives the same bytes again. Not
kept: claim ids (a load gives new ones), load batches and retractions (only
claims live in the exported view are written; RDF --claims keeps
retractions).

TSV fields are written as they are; when one holds a tab or a line break the
file starts with the line `#escapes=backslash` and fields escape them as \t,
\n, \r and a backslash as \\ (`annals load` reads such files as they are).
CSV follows RFC 4180: a header record, lines ending in CRLF, a field with a
comma, double quote or line break in double quotes (a quote doubled); it
reads back with `annals load`, Python's csv module, pandas and spreadsheets.
JSON Lines: one object per claim, keys as the column names, empty fields
left out, confidence a number.

GraphML (for networkx, Gephi, yEd) is a graph of a view, not a file to load
back: entities are nodes (and so is each distinct value that is an object,
and each claim a claim is about), claims are edges with their predicate,
value, valid_from, valid_to, recorded_at, source, by and confidence. It holds
what is valid now unless --at or --all says otherwise.

RDF (docs/rdf.md): nt and ttl write one triple per claim of the view, nq and
trig one quad, in the graph its source names (none: the default graph);
ttl and trig with the store's prefixes. The view is what holds now, as
currently recorded, unless --at, --all or --as-of say otherwise. --claims
(nq or trig) writes every claim instead, retracted ones too (all valid
time, unless --at), with everything Annals knows of it, each in a graph of
its own annotated with annals:validFrom, validTo, recordedAt, retractedAt,
source, by, confidence: loading that file into an empty store gives back
the same claims and their history. --claims --rdf12 (nt or ttl) writes
each claim as an RDF 1.2 reifier of its triple (`_:c7 rdf:reifies
<<( s p o )>>`, Turtle `<< s p o ~ _:c7 >>`) with the same notes; `annals
load` reads the N-Triples form back, not the Turtle one.

Options:
  --format=tsv|csv|jsonl|graphml|nt|nq|ttl|trig
                      the file format; without it, taken from --output's
                      extension as `annals load` does (.tsv or .txt: tsv,
                      .csv: csv, .jsonl, .ndjson or .json: jsonl, .graphml:
                      graphml, .nt, .nq, .ttl, .trig; any other is a usage
                      error), and tsv on standard output
  --claims            RDF nq or trig: every claim with all it knows (above)
  --rdf12             with --claims, nt or ttl: RDF 1.2 reifications instead
                      of named graphs
  --at=TIME           only the claims that certainly hold at some instant of
                      TIME (as a query's AT)
  --all               every valid time: the default of tsv, csv and jsonl;
                      graphml and RDF default to what holds now
  --output=FILE       write to FILE instead of standard output
  --as-of=TIME        the store as recorded by the end of TIME: claims
                      recorded later are left out, claims retracted later
                      are written
  --read-only         accepted, as for query and shell: export always opens
                      the store read-only (beside a writer, too)
  QUERY               a statement whose rows name the claims to export in
                      claim columns: bind them with ?c: and return ?c
                      (write AS OF and AT in the query, not --as-of,
                      --at or --all)

Examples:
  annals export sco.annals > sco.tsv
  annals export --output=sco.csv sco.annals
  annals export --format=jsonl --output=sco.jsonl sco.annals
  annals export --as-of=2025-09-01 --output=then.tsv sco.annals
  annals export --output=sco.graphml sco.annals
  annals export --all --output=history.graphml sco.annals
  annals export sco.annals "FIND ?c WHERE ?c: Russia ?p ?o"
  annals export --format=ttl --at=2025-09-02 sco.annals
  annals export --format=nq --claims --output=sco.nq sco.annals
  annals export --format=nt --claims --rdf12 --output=sco.nt sco.annals
  annals export sco.annals > sco.tsv && annals load copy.annals sco.tsv
)";

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

int Usage(const std::string& message) {
  std::cerr << "annals: " << message << "\n\n" << kExportHelp;
  return kExitUsage;
}

int Fail(const std::string& message) {
  std::cerr << "annals: " << message << "\n";
  return kExitFailure;
}

// Writes to standard output, or to FILE through FILE.partial.
int WriteOutput(const std::string& output,
                const std::function<absl::Status(std::ostream*)>& write) {
  if (output.empty()) {
    absl::Status s = write(&std::cout);
    std::cout.flush();
    if (!s.ok()) return Fail(std::string(s.message()));
    if (!std::cout) return Fail("writing to standard output failed");
    return 0;
  }
  const std::string partial = output + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return Fail("cannot create '" + partial + "'");
    absl::Status s = write(&out);
    out.close();
    if (!s.ok() || !out) {
      std::remove(partial.c_str());
      return Fail(s.ok() ? "writing '" + partial + "' failed"
                         : std::string(s.message()));
    }
  }
  if (std::rename(partial.c_str(), output.c_str()) != 0) {
    std::remove(partial.c_str());
    return Fail("cannot rename '" + partial + "' to '" + output + "'");
  }
  return 0;
}

int RunRdfExport(const std::string& store,
                 const exporter::ExportOptions& options,
                 const std::string& output, exporter::RdfFormat format,
                 bool claims_mode, bool rdf12, bool all,
                 std::optional<TimePoint> at) {
  if (all && at) return Usage("--all and --at: give one");
  if (rdf12 && !claims_mode) {
    return Usage("--rdf12 is a way to write --claims: give both");
  }
  if (rdf12 && exporter::HasGraphs(format)) {
    return Usage(
        "--rdf12 writes RDF 1.2 reifications, not graphs: use --format=nt "
        "or --format=ttl");
  }
  if (claims_mode && !rdf12 && !exporter::HasGraphs(format)) {
    return Usage(
        "--claims writes each claim in a graph of its own: use "
        "--format=nq or --format=trig (or nt or ttl with --rdf12)");
  }
  if (!options.query.empty() && (all || at)) {
    return Usage("--all or --at and a QUERY: write AT in the query instead");
  }
  exporter::ExportOptions select = options;
  select.at = at;
  select.all = all || (claims_mode && !at && options.query.empty());
  select.now = true;
  select.retracted = claims_mode;
  auto db = OpenStore(store, Access::kRead, std::cerr);
  if (!db.ok()) return Fail(std::string(db.status().message()));
  auto claims = exporter::SelectClaims(*db, select);
  if (!claims.ok()) return Fail(std::string(claims.status().message()));
  exporter::RdfWriteOptions rdf;
  rdf.format = format;
  rdf.claims = claims_mode;
  rdf.rdf12 = rdf12;
  auto prefixes = db->RdfPrefixes();
  if (!prefixes.ok()) return Fail(std::string(prefixes.status().message()));
  rdf.prefixes = *std::move(prefixes);
  exporter::RdfWriteResult result;
  int code = WriteOutput(output, [&](std::ostream* out) -> absl::Status {
    auto r = exporter::WriteRdf(*claims, rdf, out);
    if (!r.ok()) return r.status();
    result = *r;
    return absl::OkStatus();
  });
  if (code != 0) return code;
  if (!output.empty()) {
    std::cerr << "Exported " << Count(result.claims, "claim") << " to "
              << output << "\n";
  }
  return 0;
}

}  // namespace

int RunExport(const std::vector<std::string>& positional,
              const std::vector<std::pair<std::string, std::string>>& flags) {
  exporter::ExportOptions options;
  std::optional<exporter::ExportFormat> format;
  std::string output;
  bool rdf = false, claims_mode = false, rdf12 = false, all = false;
  exporter::RdfFormat rdf_format = exporter::RdfFormat::kNTriples;
  std::optional<TimePoint> at;
  for (const auto& [name, value] : flags) {
    const bool takes_value =
        name == "format" || name == "output" || name == "as-of" || name == "at";
    if (takes_value && value.empty()) {
      return Usage("--" + name + " takes a value: --" + name + "=...");
    }
    if (name == "format" && exporter::ParseRdfFormat(value, &rdf_format)) {
      rdf = true;
    } else if (name == "claims") {
      claims_mode = true;
    } else if (name == "rdf12") {
      rdf12 = true;
    } else if (name == "all") {
      if (!value.empty()) return Usage("--all takes no value");
      all = true;
    } else if (name == "at") {
      auto t = TimePoint::Parse(value);
      if (!t.ok()) return Usage("--at: " + std::string(t.status().message()));
      at = *t;
    } else if (name == "format") {
      auto f = exporter::ParseExportFormat(value);
      if (!f.ok()) return Usage(std::string(f.status().message()));
      format = *f;
    } else if (name == "output") {
      output = value;
    } else if (name == "as-of") {
      auto t = TimePoint::Parse(value);
      if (!t.ok()) {
        return Usage("--as-of: " + std::string(t.status().message()));
      }
      options.as_of = *t;
    } else if (name == "read-only") {
      // Export always opens its store read-only (following its writer).
    } else {
      return Usage(UnknownOptionMessage(name, kExportHelp));
    }
  }
  if (positional.empty() || positional.size() > 2) {
    return Usage("export takes a STORE and at most one QUERY");
  }
  if (positional.size() == 2) options.query = positional[1];
  if (!options.query.empty() && options.as_of) {
    return Usage("--as-of and a QUERY: write AS OF in the query instead");
  }
  if (!format && !rdf && !output.empty()) {
    size_t dot = output.find_last_of('.');
    rdf = dot != std::string::npos &&
          exporter::ParseRdfFormat(output.substr(dot + 1), &rdf_format);
  }
  if (rdf) {
    return RunRdfExport(positional[0], options, output, rdf_format, claims_mode,
                        rdf12, all, at);
  }
  if (claims_mode || rdf12) {
    return Usage(std::string(claims_mode ? "--claims" : "--rdf12") +
                 " is for RDF formats (nq, trig; nt, ttl with --rdf12)");
  }
  if (!options.query.empty() && (at || all)) {
    return Usage(std::string(at ? "--at" : "--all") +
                 " and a QUERY: write AT in the query instead");
  }
  if (at && all) return Usage("--at and --all: give one");
  options.at = at;
  options.all = all;
  if (format) {
    options.format = *format;
  } else if (!output.empty()) {
    auto by_name = exporter::ExportFormatOfPath(output);
    if (!by_name.ok()) return Usage(std::string(by_name.status().message()));
    options.format = *by_name;
  }

  auto db = OpenStore(positional[0], Access::kRead, std::cerr);
  if (!db.ok()) return Fail(std::string(db.status().message()));
  auto claims = exporter::SelectClaims(*db, options);
  if (!claims.ok()) return Fail(std::string(claims.status().message()));

  exporter::ExportResult result;
  int code = WriteOutput(output, [&](std::ostream* out) -> absl::Status {
    result = exporter::WriteClaims(*claims, options.format, out);
    return absl::OkStatus();
  });
  if (code != 0) return code;
  if (!output.empty()) {
    std::cerr << "Exported " << Count(result.claims, "claim");
    if (options.format == exporter::ExportFormat::kGraphml) {
      std::cerr << " (edges between " << Count(result.nodes, "node") << ")";
    }
    std::cerr << " to " << output << "\n";
  }
  if (result.xml_replaced > 0) {
    std::cerr << "annals: warning: " << Count(result.xml_replaced, "claim")
              << " (the first #c" << result.first_xml_replaced << ") "
              << (result.xml_replaced == 1 ? "holds" : "hold")
              << " control characters or invalid UTF-8, which XML cannot "
                 "carry: written as U+FFFD\n";
  }
  if (result.duplicates > 0) {
    std::cerr << "annals: warning: " << Count(result.duplicates, "claim")
              << (result.duplicates == 1 ? " equals" : " equal")
              << " an earlier one but for recorded_at and "
                 "confidence; a load keeps only the first of each\n";
  }
  if (result.invalid_utf8 > 0) {
    std::cerr << "annals: warning: " << Count(result.invalid_utf8, "claim")
              << " (the first #c" << result.first_invalid_utf8 << ") "
              << (result.invalid_utf8 == 1 ? "holds" : "hold")
              << " text that is not valid UTF-8, which a load refuses "
                 "(written as it is)\n";
  }
  if (result.claim_references > 0) {
    std::cerr << "annals: warning: " << Count(result.claim_references, "claim")
              << (result.claim_references == 1 ? " is" : " are")
              << " about claims (#c ids of this store); a load "
                 "accepts them only where those claims exist\n";
  }
  return 0;
}

}  // namespace annals::cli
