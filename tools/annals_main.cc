// The `annals` command line: init, load, find, query, stats, check, compact,
// schema and export (tools/export/); shell comes from tools/shell/. A thin
// front end over the public API only. Only init, load and schema FILE create
// a store (tools/cli/open_store.h).
//
// Exit codes: 0 success; 1 the operation failed (bad input, I/O, refused);
// 2 usage error; 3 `annals check` found inconsistencies or schema violations;
// 130 `load` or `query` stopped by Ctrl-C (SIGINT).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "annals/database.h"
#include "annals/upgrade.h"
#include "tools/cli/count.h"
#include "tools/cli/open_store.h"
#include "tools/cli/store_flags.h"
#include "tools/cli/suggest.h"
#include "tools/export/export_command.h"
#include "tools/output/printers.h"
#include "tools/serve/serve_main.h"
#include "tools/serve/serve_options.h"
#include "tools/shell/error_location.h"
#include "tools/shell/repl.h"
#include "tools/shell/shell.h"
#include "tools/shell/sigint.h"
#include "tools/shell/statement_splitter.h"

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInconsistent = 3;

constexpr char kMainHelp[] =
    R"(annals - an embedded temporal knowledge-graph store

Usage: annals COMMAND [OPTIONS] STORE [ARGS]

Commands:
  init    create a new, empty store
  load    bulk-load TSV, CSV or JSON Lines files, all or nothing (creates
          the store if missing)
  find    claims by subject, predicate and/or object, at a time, as of a time
  query   run a statement of the query language (FIND, HISTORY, ASSERT, ...)
  shell   an interactive shell (or a script runner, from a pipe)
  stats   claims per predicate, time range, terms, bytes on disk
  check   verify that every index agrees with the claim records, and list
          the claims that break the schema
  compact rewrite the store's files compactly (after a big load)
  upgrade convert a store of on-disk format 2 to format 3
  schema  set the store's schema from a file, or print it (and its history)
  export  write the claims as TSV or JSON Lines that `annals load` reads back
  serve   serve the store over HTTP: a JSON API (docs/http.md)
  version print the version of annals (also --version)

Run `annals COMMAND --help` for a command's options and more examples.
Only init, load and schema FILE create a store; the other commands refuse
a path that holds none (naming a store beside it with a near name) and
write nothing there.

The examples run from the repository's root on a store of datasets/sco2025;
`cmake --install build` puts `annals` on PATH (else run build/tools/annals).

Examples:
  annals init events.annals
  annals load sco.annals datasets/sco2025/claims.tsv
  annals find sco.annals --subject=Russia --at=2024-06-01
  annals query sco.annals "FIND ?x WHERE Russia pipeline_gas_to_china ?x"
  annals shell sco.annals
  annals stats sco.annals
  annals check sco.annals
  annals compact sco.annals
  annals upgrade old.annals
  annals schema sco.annals datasets/sco2025/sco2025.schema
  annals export --output=sco.tsv sco.annals

Options are written --name=value or --name value. Unknown commands and
options are usage errors that name the nearest known one.

Exit codes:
  0  success
  1  the operation failed (bad input, I/O error, refused)
  2  usage error (unknown command or option, missing argument)
  3  `annals check` found inconsistencies or claims that break the schema
  130  `load` or `query` stopped by Ctrl-C (nothing loaded or written)
)";

constexpr char kLoadHelp[] = R"(Usage: annals load [OPTIONS] STORE FILE...

Loads every FILE into STORE in one atomic step: a bad row aborts the whole
load with file:line:column and the store is unchanged. A missing STORE (or
an empty directory) becomes a new store, and stderr says "created new
store" (a failed load or --dry-run leaves none); a directory of other files
or a plain file is refused.
Rows equal to a claim already stored are skipped, so loading twice is safe.
Ctrl-C stops the load within a fraction of a second: nothing is loaded, the
store is unchanged, exit code 130.

Columns (header line, any order): subject, predicate, object (required);
valid_from, valid_to, recorded_at, source, by, confidence, object_type.
Times: 2025, 2025-09, 2025-09-02, 2025-09-02T10:00:00Z; empty is open.
RDF files give one claim per statement: IRIs and blank nodes (the load's
own) are entities, literals keep their type, a named graph is the source;
a syntax error in Turtle or TriG ends the load even with --skip-bad, whose
reject file for RDF holds each statement with a # comment naming its error.
With --wikidata, RDF in the shape of Wikidata's dumps is read as Wikidata's
statements (docs/wikidata.md): each statement one claim wd:Q wdt:P value,
start/end time and point in time qualifiers its valid time, the reference
URL its source; deprecated statements are left out, truthy triples that a
statement gives are not loaded twice; labels and alt labels in --lang become
schema aliases ("Vladimir Putin" names wd:Q7747), not claims.
TSV fields are literal; a TSV file whose first line is #escapes=backslash
(as `annals export` writes one) has backslash escapes: \t, \n, \r, \\.
An empty object needs its object_type (an empty string: object_type string).

Options:
  --format=tsv|csv|jsonl|nt|nq|ttl|trig
                          file format (default: by extension: .tsv .txt
                          .csv .jsonl .ndjson .json, and RDF: .nt N-Triples,
                          .nq N-Quads, .ttl Turtle, .trig TriG; docs/rdf.md)
  --base=IRI              RDF: the base IRI relative IRIs resolve against
                          (default: each file's file: IRI)
  --wikidata              RDF files are Wikidata dumps (.ttl or .nt): read
                          statements, qualifiers, ranks, references, labels
  --lang=TAG              --wikidata: the language of the labels that become
                          aliases (default: en)
  --columns=NAME:COLUMN,...
                          load the files' column NAME (header name or JSON
                          key) as COLUMN, e.g. start:valid_from,end:valid_to
  --dates=iso|unknown-digits
                          iso (default): times as above, anything else is a
                          bad row; unknown-digits: also # for unknown digits,
                          as YAGO and Wikidata exports write dates:
                          1962-##-## is the year 1962, 1962-05-## May 1962,
                          ####-##-## unknown and loaded as an open end
  --events                rows are events: an empty valid_to is valid_from
                          (some time within that day, month or year), not an
                          open end; for ICEWS-style files with one date
  --skip-bad              go on past bad rows; write them to the reject file
  --reject-file=PATH      where rejected rows go (default: the first FILE's
                          path with .rejects added)
  --dry-run               validate everything, write nothing
  --strict                a row whose predicate is new to the store and not
                          declared by the schema is a bad row
  --quiet                 no progress, no summary
  --verbose               also say where the time went

Examples:
  annals load sco.annals datasets/sco2025/claims.tsv
  annals load --skip-bad --reject-file=bad.txt events.annals events.csv
  annals load --dry-run events.annals events.jsonl
  annals load kb.annals dump.nt more.ttl
  annals load --wikidata --lang=en wd.annals wikidata-sample.ttl
  annals load --columns=start:valid_from,end:valid_to --dates=unknown-digits \
      --skip-bad --reject-file=yago.rejects yago.annals yago11k/train_named.tsv
  annals load --columns=date:valid_from --events icews.annals \
      icews14/train_named.tsv
)";

constexpr char kInitHelp[] = R"(Usage: annals init STORE

Creates a new, empty store in STORE, a new or empty directory, and says
"created new store 'STORE'". Refuses a store that exists already, a
directory that holds other files, and a plain file (exit code 1).

Example:
  annals init notes.annals
)";

constexpr char kVersionHelp[] = R"(Usage: annals version

Prints the version of annals ("annals 0.1.0"); `annals --version` too.
)";

constexpr char kFindHelp[] = R"(Usage: annals find [OPTIONS] STORE

Prints the claims matching the bound positions, one per line, with their
valid time, transaction time and provenance. Without --at or --all-time it
shows what holds now; without --as-of, what is currently recorded.

Options:
  --subject=NAME      bound subject (an entity name, or #c42 for a claim)
  --predicate=NAME    bound predicate
  --object=VALUE      bound object (56, 0.5, 56 bcm/yr, #c42 or an entity name)
  --at=TIME           holds at some moment of TIME (2025, 2025-09, 2025-09-02)
  --possibly          with --at: possibly holding is enough
  --all-time          every valid time (the whole history)
  --as-of=TIME        as recorded by the end of TIME; retracted claims that
                      were still live then are shown
  --retracted         include retracted claims

Examples:
  annals find sco.annals --subject=Russia
  annals find sco.annals --subject=Russia --predicate=pipeline_gas_to_china --all-time
  annals find sco.annals --subject=Russia --at=2024-06-01
  annals find sco.annals --subject=Russia --as-of=2025-09-01
)";

constexpr char kQueryHelp[] =
    R"(Usage: annals query [--format=table|csv|tsv|json] [--plain-keys] [--param=NAME=VALUE]... [--keep-going] [--read-only] [--max-rows=N] [--timeout=DURATION] [--strict] STORE [QUERY]

Runs a statement of the query language and prints its rows. Without QUERY
the statement is read from standard input (use --file=PATH for a file).
A FIND with no temporal clause sees what holds now, as currently recorded;
the header says which view a result is. Several statements (each ending with
`;` or a blank line) run as a script, as `annals shell STORE < FILE` runs
one: it stops at the first error, exit code 1, naming the script's line and
column (FILE:LINE:COLUMN, or stdin:...). When another process holds the
store for writing, the store is opened read-only (stderr says so): reads
see what that process has committed, ASSERT and RETRACT are refused.
Ctrl-C stops the statement (and the script) within a fraction of a second:
"statement cancelled" on stderr, exit code 130.

Options:
  --format=F         table (default), csv, tsv or json
  --plain-keys       csv, tsv and json name columns x, not ?x (pandas,
                     jq and spreadsheets take them as they are)
  --file=PATH        read the statement (or script) from PATH
  --keep-going       run the rest of a script after an error (exit code 1)
  --param=NAME=VALUE a value for $NAME (repeatable): 2025-09-02 is a date,
                     56 a number, 56 bcm/yr a quantity, anything else a name
  --read-only        open the store without the writer lock: writes are
                     refused, and reads follow whoever writes it
  --max-rows=N       a result may hold N rows (default 1000000; 0: no
                     limit)
  --timeout=DURATION a statement may run that long: 1500 (milliseconds),
                     30s, 2m (default 30s; 0: no limit)
  --strict           refuse an ASSERT that adds a predicate the schema does
                     not declare (nothing written)

A name the store lacks is no error: its pattern matches nothing and stderr
says so ("-- unknown name 'Rusia'; did you mean 'Russia'?"), exit code 0.
An ASSERT that adds a name says so on stderr too ("-- new entity 'Rusia';
did you mean 'Russia'?").

Examples:
  annals query sco.annals "FIND ?x WHERE Russia pipeline_gas_to_china ?x"
  annals query sco.annals "FIND ?who ?what WHERE ?who signed ?what AT 2025-09-02"
  annals query sco.annals "HISTORY Russia pipeline_gas_to_china"
  annals query --format=csv sco.annals "FIND ?p count(*) WHERE ?s ?p ?o GROUP BY ?p"
  annals query --format=json --plain-keys sco.annals "FIND ?x WHERE Russia ?p ?x"
  annals query --timeout=2m --max-rows=0 sco.annals "FIND ?s ?p ?o WHERE ?s ?p ?o"
  annals query --param=s=Russia --param=t=2024-06-01 sco.annals \
      'FIND ?x WHERE $s pipeline_gas_to_china ?x AT $t'
)";

constexpr char kStatsHelp[] = R"(Usage: annals stats STORE

Prints the number of claims (per predicate), terms, load batches, the time
range of valid times, and the bytes on disk.

Example:
  annals stats sco.annals
)";

constexpr char kCheckHelp[] = R"(Usage: annals check [--repair] STORE

Reads the whole store and verifies that each index ordering (spo, pos, osp)
holds exactly the claim records' entries, that the dictionary maps both
ways, and that the counters agree; then lists every live claim that breaks
the store's current schema. Exit code 3 and a list of what is wrong when
either finds something.

A store whose write-ahead log (its latest writes) is damaged at its end is
not opened, by this or any command: the error names the log.
  --repair   opens such a store keeping every write before the damage and
             dropping the rest; a copy of the damaged log is kept in the
             store's damaged-wal-<time> directory. Then checks it.

Example:
  annals check sco.annals
)";

constexpr char kCompactHelp[] = R"(Usage: annals compact STORE

Rewrites the store's files compactly: one sorted run per column family,
compressed with ZSTD. A store built by many small writes (flushed in LZ4)
shrinks; `annals load` already writes sorted files as a compaction would,
which it leaves about the same size (about 5 seconds per million claims on
two cores). Prints the bytes on disk before and after. Queries and writes
may go on meanwhile; a full disk leaves the store as it was.

Example:
  annals compact sco.annals
)";

constexpr char kUpgradeHelp[] = R"(Usage: annals upgrade STORE

Converts a store written in on-disk format 2 (by Annals before format 3)
to format 3, which this build reads. The new store is written beside the
old one (STORE.upgrade-PID, about as much free space as the store takes),
then the two directories are swapped in one atomic step and the old copy
is removed: killed at any moment, STORE is either the old store, untouched,
or the new one, complete (run the upgrade again to finish). The store must
not be open elsewhere meanwhile. A store in format 3 already is left as it
is. Prints the claims converted and the bytes on disk before and after.

Example:
  annals upgrade old.annals
)";

constexpr char kSchemaHelp[] =
    R"(Usage: annals schema [--history | --version=N] STORE [FILE]

With FILE, makes its text the store's schema from now on (a new version,
recorded now; earlier versions stay readable); a missing STORE becomes a
new store, and stderr says "created new store" (a FILE that does not parse
leaves none). Syntax errors give
FILE:line:column and the line with a caret, and nothing is stored. Claims
already in the store are not refused: those that break the new schema are
listed (as `annals check` lists them). From then on ASSERT and `annals load`
refuse claims that break it. An empty file removes the schema.

Without FILE, prints the current schema (a `# schema version N, recorded T`
line, then its text as given).

Options:
  --history     print every version, oldest first
  --version=N   print version N
  --as-of=TIME  print the version in force at the end of TIME (2026-11-01)

Examples:
  annals schema sco.annals datasets/sco2025/sco2025.schema
  annals schema sco.annals
  annals schema --history sco.annals
  annals schema --as-of=2026-11-01 sco.annals
)";

// The shell's own usage text (tools/shell/repl.cc).
const char* const kShellHelp = annals::shell::kShellUsage;

struct Args {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> flags;  // name, value
  bool help = false;
};

// `--name=value`, or `--name value` for a flag that `help` (the command's
// help text) writes `--name=...`.
Args ParseArgs(int argc, char** argv, int first, std::string_view help) {
  Args a;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      a.help = true;
    } else if (arg.rfind("--", 0) == 0 && arg.size() > 2) {
      size_t eq = arg.find('=');
      if (eq == std::string::npos) {
        std::string name = arg.substr(2);
        const bool value_next =
            i + 1 < argc && annals::cli::FlagTakesValue(name, help);
        a.flags.emplace_back(std::move(name), value_next ? argv[++i] : "");
      } else {
        a.flags.emplace_back(arg.substr(2, eq - 2), arg.substr(eq + 1));
      }
    } else {
      a.positional.push_back(arg);
    }
  }
  return a;
}

int Usage(const std::string& message, const char* help) {
  std::cerr << "annals: " << message << "\n\n" << help;
  return kExitUsage;
}

// "unknown option --as_of; did you mean --as-of?", then the command's help.
int UnknownOption(const std::string& name, const char* help) {
  return Usage(annals::cli::UnknownOptionMessage(name, help), help);
}

int Fail(const absl::Status& s) {
  std::cerr << "annals: " << s.message() << "\n";
  return absl::IsCancelled(s) ? annals::shell::kExitInterrupted : kExitFailure;
}

std::string Rate(double per_second) {
  if (per_second >= 1e6) return absl::StrFormat("%.2fM", per_second / 1e6);
  if (per_second >= 1e3) return absl::StrFormat("%.0fk", per_second / 1e3);
  return absl::StrFormat("%.0f", per_second);
}

// "New names: 2 entities (Rusia, Kazakstan), 1 predicate (membr_of)", the
// listed ones and how many more.
void PrintNewNames(const annals::LoadResult& r) {
  auto part = [](int64_t count, const std::vector<std::string>& names,
                 const char* one, const char* many) {
    std::string text = absl::StrCat(count, " ", count == 1 ? one : many, " (",
                                    absl::StrJoin(names, ", "));
    if (count > static_cast<int64_t>(names.size())) {
      absl::StrAppend(&text, ", ... ", count - names.size(), " more");
    }
    return text + ")";
  };
  std::vector<std::string> parts;
  if (r.new_entity_count > 0) {
    parts.push_back(
        part(r.new_entity_count, r.new_entities, "entity", "entities"));
  }
  if (r.new_predicate_count > 0) {
    parts.push_back(part(r.new_predicate_count, r.new_predicates, "predicate",
                         "predicates"));
  }
  if (!parts.empty()) {
    std::cout << "New names: " << absl::StrJoin(parts, ", ") << "\n";
  }
}

int Load(const Args& args) {
  if (args.help) return std::cout << kLoadHelp, 0;
  annals::LoadOptions options;
  bool quiet = false, verbose = false, lang = false;
  for (const auto& [name, value] : args.flags) {
    if (name == "format") {
      if (value == "tsv") {
        options.format = annals::LoadFormat::kTsv;
      } else if (value == "csv") {
        options.format = annals::LoadFormat::kCsv;
      } else if (value == "jsonl") {
        options.format = annals::LoadFormat::kJsonl;
      } else if (value == "nt") {
        options.format = annals::LoadFormat::kNTriples;
      } else if (value == "nq") {
        options.format = annals::LoadFormat::kNQuads;
      } else if (value == "ttl") {
        options.format = annals::LoadFormat::kTurtle;
      } else if (value == "trig") {
        options.format = annals::LoadFormat::kTriG;
      } else {
        return Usage("--format must be tsv, csv, jsonl, nt, nq, ttl or trig",
                     kLoadHelp);
      }
    } else if (name == "base") {
      options.base_iri = value;
    } else if (name == "wikidata") {
      if (!value.empty()) return Usage("--wikidata takes no value", kLoadHelp);
      options.wikidata = true;
    } else if (name == "lang") {
      if (value.empty()) {
        return Usage("--lang takes a language tag: --lang=en", kLoadHelp);
      }
      options.language = value;
      lang = true;
    } else if (name == "events") {
      options.events = true;
    } else if (name == "dates") {
      if (value == "iso") {
        options.dates = annals::DateFormat::kIso;
      } else if (value == "unknown-digits") {
        options.dates = annals::DateFormat::kUnknownDigits;
      } else {
        return Usage("--dates must be iso or unknown-digits", kLoadHelp);
      }
    } else if (name == "columns") {
      for (absl::string_view pair : absl::StrSplit(value, ',')) {
        const size_t colon = pair.find(':');
        if (colon == absl::string_view::npos) {
          return Usage(absl::StrCat("--columns wants NAME:COLUMN pairs "
                                    "separated by commas, not '",
                                    pair, "'"),
                       kLoadHelp);
        }
        options.columns.emplace_back(std::string(pair.substr(0, colon)),
                                     std::string(pair.substr(colon + 1)));
      }
    } else if (name == "skip-bad") {
      options.skip_bad = true;
    } else if (name == "reject-file") {
      options.reject_file = value;
    } else if (name == "dry-run") {
      options.dry_run = true;
    } else if (name == "strict") {
      options.strict = true;
    } else if (name == "quiet") {
      quiet = true;
    } else if (name == "verbose") {
      verbose = true;
    } else {
      return UnknownOption(name, kLoadHelp);
    }
  }
  if (lang && !options.wikidata) {
    return Usage("--lang is for --wikidata loads", kLoadHelp);
  }
  if (args.positional.size() < 2) {
    return Usage("load needs a STORE and at least one FILE", kLoadHelp);
  }
  std::vector<std::string> files(args.positional.begin() + 1,
                                 args.positional.end());
  if (!quiet && isatty(STDERR_FILENO)) {
    options.progress = [](const annals::LoadProgress& p) {
      double rate = p.seconds > 0 ? p.rows / p.seconds : 0;
      std::string eta;
      if (p.bytes_total > 0 && p.bytes_read > 0 && p.seconds > 0) {
        double left = p.seconds * (p.bytes_total - p.bytes_read) / p.bytes_read;
        eta = absl::StrFormat("  ETA %.0fs", left);
      }
      std::cerr << absl::StrFormat("\r  %lld rows  %s rows/s%s   ",
                                   static_cast<long long>(p.rows), Rate(rate),
                                   eta)
                << std::flush;
    };
  }
  // Ctrl-C cancels the load: nothing is loaded, exit code 130.
  annals::shell::SigintScope sigint(options.cancel);
  const std::string& store = args.positional[0];
  annals::cli::Creation creation;
  auto db = annals::cli::OpenStore(store, annals::cli::Access::kCreate,
                                   std::cerr, &creation);
  if (!db.ok()) return Fail(db.status());
  auto result = db->Load(files, options);
  if (options.progress) std::cerr << "\r" << std::string(60, ' ') << "\r";
  if (!result.ok() || options.dry_run) {
    // A store made for a load that failed, or for a dry run, goes again.
    db = absl::CancelledError("closed");
    annals::cli::UndoCreation(store, creation);
  }
  if (!result.ok()) return Fail(result.status());
  if (!quiet && !options.dry_run) {
    annals::cli::SayCreated(store, creation, std::cerr);
  }
  // A new name near a known one: said even with --quiet.
  for (const std::string& notice : result->notices) {
    std::cerr << "-- " << notice << "\n";
  }
  if (!quiet) {
    using annals::cli::Count;
    std::cout << absl::StrFormat(
        "%s %s in %.2fs (%s rows/s): %s added, %s skipped, %lld rejected, "
        "%s%s\n",
        options.dry_run ? "Checked" : "Loaded", Count(result->rows, "row"),
        result->seconds,
        Rate(result->seconds > 0 ? result->rows / result->seconds : 0),
        Count(result->claims_added, "claim"),
        Count(result->duplicates, "duplicate"),
        static_cast<long long>(result->rejected),
        Count(result->terms_added, "new term"),
        result->reject_file.empty()
            ? ""
            : absl::StrCat("; rejected rows in ", result->reject_file));
    // Into a store that had claims (a first load's names are all new).
    if (result->first_claim > 1) PrintNewNames(*result);
    if (result->replaced_rows > 0 || result->superseded > 0) {
      std::cout << "One value at a time: "
                << Count(result->replaced_rows, "row") << " replaced by a "
                << "later row, " << Count(result->superseded, "stored claim")
                << " superseded\n";
    }
  }
  if (verbose) {
    for (const auto& [step, seconds] : result->steps) {
      std::cout << absl::StrFormat("  %-36s %7.3fs\n", step, seconds);
    }
  }
  return 0;
}

void PrintClaim(const annals::Claim& c) {
  std::cout << "#c" << c.id << "\t" << c.subject.ToString() << "\t"
            << c.predicate << "\t" << c.object.ToString() << "\t"
            << c.valid.ToString() << "\trecorded " << c.recorded.ToString();
  if (c.retracted) std::cout << "\tretracted " << c.retracted->ToString();
  if (!c.source.empty()) std::cout << "\tsource " << c.source;
  if (!c.by.empty()) std::cout << "\tby " << c.by;
  if (c.confidence != 1) std::cout << "\tconfidence " << c.confidence;
  std::cout << "\n";
}

// An existing store, read-only (following its writer, if any).
absl::StatusOr<annals::Database> OpenToRead(const std::string& store) {
  return annals::cli::OpenStore(store, annals::cli::Access::kRead, std::cerr);
}

int Find(const Args& args) {
  if (args.help) return std::cout << kFindHelp, 0;
  annals::ClaimPattern pattern;
  annals::TimeView view = annals::TimeView::Now();
  bool possibly = false;
  std::string valid_desc = "holding now", tx_desc = "as currently recorded";
  auto time = [](const std::string& text) {
    return annals::TimePoint::Parse(text);
  };
  for (const auto& [name, value] : args.flags) {
    if (name == "subject") {
      pattern.subject = annals::Value::Infer(value);
    } else if (name == "predicate") {
      pattern.predicate = value;
    } else if (name == "object") {
      pattern.object = annals::Value::Infer(value);
    } else if (name == "at" || name == "as-of") {
      auto t = time(value);
      if (!t.ok()) return Usage(std::string(t.status().message()), kFindHelp);
      if (name == "at") {
        view.valid = annals::Window::Of(*t);
        valid_desc = "holding at " + value;
      } else {
        view.as_of = t->SpanEnd() - 1;
        tx_desc = "as recorded by the end of " + value;
      }
    } else if (name == "possibly") {
      possibly = true;
    } else if (name == "all-time") {
      view.valid.reset();
      valid_desc = "all valid time";
    } else if (name == "retracted") {
      view.include_retracted = true;
    } else {
      return UnknownOption(name, kFindHelp);
    }
  }
  view.certain = !possibly;
  if (args.positional.size() != 1) {
    return Usage("find takes one STORE", kFindHelp);
  }
  auto db = OpenToRead(args.positional[0]);
  if (!db.ok()) return Fail(db.status());
  // A name the store lacks matches nothing: say which, and what is near.
  for (const std::string& notice : db->UnknownNames(pattern)) {
    std::cerr << "-- " << notice << "\n";
  }
  int64_t n = 0;
  absl::Status s = db->Scan(pattern, view, [&](const annals::Claim& c) {
    PrintClaim(c);
    ++n;
    return true;
  });
  if (!s.ok()) return Fail(s);
  std::cout << "(" << n << (n == 1 ? " claim; " : " claims; ") << valid_desc
            << (possibly && view.valid ? ", possibly" : "") << "; " << tx_desc
            << ")\n";
  return 0;
}

// Prints a result in one of the output formats (tools/output/printers.h);
// an error while its rows are made goes to `fail`.
template <typename FailFn>
int PrintResult(annals::ResultSet& result, const std::string& format,
                bool plain_keys, const FailFn& fail) {
  // Notices (an unknown name, a new one) go to stderr: the rows stay clean.
  for (const std::string& notice : result.notices()) {
    std::cerr << "-- " << notice << "\n";
  }
  annals::output::PrintOptions options;
  options.mode = *annals::output::ParseOutputMode(format);
  options.plain_keys = plain_keys;
  absl::Status s = annals::output::PrintResult(result, options, std::cout);
  return s.ok() ? 0 : fail(s);
}

// Statements in `text`, as the shell splits them (`;` or a blank line).
int CountStatements(const std::string& text) {
  annals::shell::StatementSplitter splitter;
  int count = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    count += static_cast<int>(splitter.AddLine(line).size());
  }
  return count + (splitter.Finish() ? 1 : 0);
}

int Query(const Args& args) {
  if (args.help) return std::cout << kQueryHelp, 0;
  std::string format = "table", file;
  bool keep_going = false, strict = false, plain_keys = false;
  annals::cli::StoreFlags store_flags;
  std::vector<std::pair<std::string, annals::Value>> params;
  for (const auto& [name, value] : args.flags) {
    absl::StatusOr<bool> taken =
        annals::cli::ParseStoreFlag(name, value, true, &store_flags);
    if (!taken.ok()) {
      return Usage(std::string(taken.status().message()), kQueryHelp);
    }
    if (*taken) continue;
    if (name == "keep-going") {
      keep_going = true;
    } else if (name == "strict") {
      strict = true;
    } else if (name == "plain-keys") {
      plain_keys = true;
    } else if (name == "format") {
      if (value != "table" && value != "csv" && value != "tsv" &&
          value != "json") {
        return Usage("--format must be table, csv, tsv or json", kQueryHelp);
      }
      format = value;
    } else if (name == "file") {
      file = value;
    } else if (name == "param") {
      size_t eq = value.find('=');
      if (eq == std::string::npos || eq == 0) {
        return Usage("--param takes NAME=VALUE", kQueryHelp);
      }
      std::string text = value.substr(eq + 1);
      auto time = annals::TimePoint::Parse(text);
      bool looks_like_date = text.find_first_of("-T", 1) != std::string::npos;
      params.emplace_back(value.substr(0, eq),
                          time.ok() && looks_like_date
                              ? annals::Value::Date(*time)
                              : annals::Value::Infer(text));
    } else {
      return UnknownOption(name, kQueryHelp);
    }
  }
  if (args.positional.empty() || args.positional.size() > 2) {
    return Usage("query takes a STORE and at most one QUERY", kQueryHelp);
  }
  std::string text;
  if (args.positional.size() == 2) {
    text = args.positional[1];
  } else {
    std::ifstream in_file;
    if (!file.empty()) {
      in_file.open(file);
      if (!in_file)
        return Fail(absl::NotFoundError("cannot open '" + file + "'"));
    }
    std::istream& in = file.empty() ? std::cin : in_file;
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  // Held by another process: opened read-only, as the shell does.
  auto db = annals::cli::OpenStore(args.positional[0],
                                   store_flags.read_only
                                       ? annals::cli::Access::kRead
                                       : annals::cli::Access::kWriteOrRead,
                                   std::cerr);
  if (!db.ok()) return Fail(db.status());
  if (CountStatements(text) > 1) {
    // A script: run as `annals shell` runs one from a pipe.
    if (!params.empty()) {
      return Usage("--param takes a single statement", kQueryHelp);
    }
    annals::shell::ShellConfig config;
    config.keep_going = keep_going;
    config.strict = strict;
    config.read_only = db->read_only();
    config.limits = store_flags.limits;
    config.limit_flags = true;
    annals::shell::Shell shell(std::move(*db), config);
    shell.RunDotCommand(".mode " + format, "", 0);
    if (plain_keys) shell.RunDotCommand(".keys plain", "", 0);
    std::istringstream in(text);
    annals::shell::SigintScope sigint(shell.cancellation());
    switch (shell.RunScript(in, file.empty() ? "stdin" : file)) {
      case annals::shell::Outcome::kError:
        return kExitFailure;
      case annals::shell::Outcome::kCancelled:
        return annals::shell::kExitInterrupted;
      default:
        return 0;
    }
  }
  // Errors of a --file name it: FILE:LINE:COLUMN.
  auto fail = [&](const absl::Status& status) {
    absl::Status s(status.code(),
                   annals::cli::NameLimitFlags(status.message(), false));
    if (file.empty()) return Fail(s);
    return Fail(absl::Status(
        s.code(), annals::shell::LocateError(s.message(), file, 1, 1)));
  };
  auto prepared = db->Prepare(text);
  if (!prepared.ok()) return fail(prepared.status());
  for (auto& [name, value] : params) prepared->Bind(name, std::move(value));
  // Ctrl-C cancels the statement, also while its rows are printed: exit
  // code 130.
  annals::QueryOptions query_options = store_flags.limits;
  query_options.strict = strict;
  query_options.cancel = annals::Cancellation();  // this statement's own
  annals::shell::SigintScope sigint(query_options.cancel);
  auto result = prepared->Execute(query_options);
  if (!result.ok()) return fail(result.status());
  return PrintResult(*result, format, plain_keys, fail);
}

int Stats(const Args& args) {
  if (args.help) return std::cout << kStatsHelp, 0;
  if (!args.flags.empty()) {
    return Usage(absl::StrCat("unknown option --", args.flags[0].first,
                              ": stats takes one STORE and no options"),
                 kStatsHelp);
  }
  if (args.positional.size() != 1) {
    return Usage("stats takes one STORE and no options", kStatsHelp);
  }
  auto db = OpenToRead(args.positional[0]);
  if (!db.ok()) return Fail(db.status());
  auto stats = db->Stats();
  if (!stats.ok()) return Fail(stats.status());
  std::cout << absl::StrFormat(
      "store        %s\nclaims       %lld\nterms        %lld\nload batches "
      "%lld\nvalid time   %s .. %s\non disk      %lld bytes (%.1f per claim)\n",
      db->dir(), static_cast<long long>(stats->claims),
      static_cast<long long>(stats->terms),
      static_cast<long long>(stats->batches),
      stats->earliest ? stats->earliest->ToString() : "-",
      stats->latest ? stats->latest->ToString() : "-",
      static_cast<long long>(stats->bytes_on_disk),
      stats->claims ? static_cast<double>(stats->bytes_on_disk) / stats->claims
                    : 0.0);
  std::cout << "bytes per column family:\n";
  for (const auto& [family, bytes] : stats->bytes_per_family) {
    std::cout << absl::StrFormat("  %-28s %lld\n", family,
                                 static_cast<long long>(bytes));
  }
  std::cout << "claims per predicate:\n";
  for (const auto& [p, n] : stats->claims_per_predicate) {
    std::cout << absl::StrFormat("  %-28s %lld\n", p,
                                 static_cast<long long>(n));
  }
  return 0;
}

int Compact(const Args& args) {
  if (args.help) return std::cout << kCompactHelp, 0;
  if (!args.flags.empty()) {
    return Usage(absl::StrCat("unknown option --", args.flags[0].first,
                              ": compact takes one STORE and no options"),
                 kCompactHelp);
  }
  if (args.positional.size() != 1) {
    return Usage("compact takes one STORE and no options", kCompactHelp);
  }
  auto db = annals::cli::OpenStore(args.positional[0],
                                   annals::cli::Access::kWrite, std::cerr);
  if (!db.ok()) return Fail(db.status());
  auto before = db->Stats();
  if (!before.ok()) return Fail(before.status());
  absl::Time start = absl::Now();
  if (absl::Status s = db->Compact(); !s.ok()) return Fail(s);
  auto after = db->Stats();
  if (!after.ok()) return Fail(after.status());
  std::cout << absl::StrFormat(
      "compacted %s in %.1fs: %lld bytes on disk, %lld before\n", db->dir(),
      absl::ToDoubleSeconds(absl::Now() - start),
      static_cast<long long>(after->bytes_on_disk),
      static_cast<long long>(before->bytes_on_disk));
  return 0;
}

int Upgrade(const Args& args) {
  if (args.help) return std::cout << kUpgradeHelp, 0;
  if (!args.flags.empty()) {
    return Usage(absl::StrCat("unknown option --", args.flags[0].first,
                              ": upgrade takes one STORE and no options"),
                 kUpgradeHelp);
  }
  if (args.positional.size() != 1) {
    return Usage("upgrade takes one STORE and no options", kUpgradeHelp);
  }
  const std::string& store = args.positional[0];
  absl::StatusOr<annals::UpgradeResult> result = annals::UpgradeStore(store);
  if (absl::IsNotFound(result.status())) {
    return Fail(absl::NotFoundError(absl::StrCat(
        result.status().message(), annals::cli::SuggestStore(store))));
  }
  if (!result.ok()) return Fail(result.status());
  if (!result->upgraded) {
    std::cout << store << " is in format 3 already; nothing to do\n";
    return 0;
  }
  std::cout << absl::StrFormat(
      "upgraded %s from format 2 to format 3 in %.1fs: %lld claims, %lld "
      "bytes on disk, %lld before\n",
      store, result->seconds, static_cast<long long>(result->claims),
      static_cast<long long>(result->bytes_after),
      static_cast<long long>(result->bytes_before));
  return 0;
}

int Check(const Args& args) {
  if (args.help) return std::cout << kCheckHelp, 0;
  bool repair = false;
  for (const auto& [name, value] : args.flags) {
    if (name != "repair" || !value.empty()) {
      return Usage(absl::StrCat("unknown option --", name,
                                ": check takes --repair and one STORE"),
                   kCheckHelp);
    }
    repair = true;
  }
  if (args.positional.size() != 1) {
    return Usage("check takes --repair and one STORE", kCheckHelp);
  }
  const std::string& store = args.positional[0];
  const std::string copy_before =
      repair ? annals::cli::LatestDamagedWalCopy(store) : "";
  auto db = repair ? annals::cli::OpenStore(store, annals::cli::Access::kRepair,
                                            std::cerr)
                   : OpenToRead(store);
  if (!db.ok()) return Fail(db.status());
  if (repair) {
    const std::string copy = annals::cli::LatestDamagedWalCopy(store);
    if (copy != copy_before) {
      std::cout << "repaired: the write-ahead log of " << db->dir()
                << " was damaged at its end; every write before the damage "
                   "is kept, the rest dropped; the damaged log is kept in "
                << copy << "\n";
    } else {
      std::cout << "nothing to repair: the write-ahead log of " << db->dir()
                << " reads whole\n";
    }
  }
  auto result = db->Check();
  if (!result.ok()) return Fail(result.status());
  if (!result->ok()) {
    std::cout << "store " << db->dir() << " is INCONSISTENT:\n";
    for (const auto& p : result->problems) std::cout << "  " << p << "\n";
    return kExitInconsistent;
  }
  std::cout << absl::StrFormat(
      "ok: %lld claims, %lld index entries, %lld terms agree\n",
      static_cast<long long>(result->claims),
      static_cast<long long>(result->index_entries),
      static_cast<long long>(result->terms));
  if (!result->schema_violations.empty()) {
    std::cout << annals::cli::Count(
                     static_cast<int64_t>(result->schema_violations.size()),
                     "claim")
              << (result->schema_violations.size() == 1 ? " breaks" : " break")
              << " the schema:\n";
    for (const auto& v : result->schema_violations) {
      std::cout << "  " << v << "\n";
    }
    return kExitInconsistent;
  }
  return 0;
}

void PrintSchemaVersion(const annals::SchemaVersion& v) {
  std::cout << "# schema version " << v.version << ", recorded "
            << v.recorded.ToString() << "\n"
            << v.text;
  if (!v.text.empty() && v.text.back() != '\n') std::cout << "\n";
}

int Schema(const Args& args) {
  if (args.help) return std::cout << kSchemaHelp, 0;
  bool history = false;
  int64_t version = 0;
  std::optional<int64_t> as_of;  // unix seconds
  for (const auto& [name, value] : args.flags) {
    if (name == "history" && value.empty()) {
      history = true;
    } else if (name == "as-of") {
      auto t = annals::TimePoint::Parse(value);
      if (!t.ok()) return Usage(std::string(t.status().message()), kSchemaHelp);
      as_of = t->SpanEnd() - 1;
    } else if (name == "version") {
      if (!absl::SimpleAtoi(value, &version) || version < 1) {
        return Usage("--version takes a version number (1, 2, ...)",
                     kSchemaHelp);
      }
    } else {
      return UnknownOption(name, kSchemaHelp);
    }
  }
  if (args.positional.empty() || args.positional.size() > 2) {
    return Usage("schema takes a STORE and at most one FILE", kSchemaHelp);
  }
  if (args.positional.size() == 2) {
    if (history || version != 0 || as_of) {
      return Usage("--history, --version and --as-of print; they take no FILE",
                   kSchemaHelp);
    }
    const std::string& file = args.positional[1];
    std::ifstream in(file, std::ios::binary);
    if (!in) return Fail(absl::NotFoundError("cannot open '" + file + "'"));
    std::string text(std::istreambuf_iterator<char>(in), {});
    const std::string& store = args.positional[0];
    annals::cli::Creation creation;
    auto db = annals::cli::OpenStore(store, annals::cli::Access::kCreate,
                                     std::cerr, &creation);
    if (!db.ok()) return Fail(db.status());
    auto set = db->SetSchema(text, file);
    if (!set.ok()) {
      db = absl::CancelledError("closed");
      annals::cli::UndoCreation(store, creation);
      return Fail(set.status());
    }
    annals::cli::SayCreated(store, creation, std::cerr);
    std::cout << "schema version " << set->version << " recorded at "
              << set->recorded.ToString() << "\n";
    auto violations = db->SchemaViolations();
    if (!violations.ok()) return Fail(violations.status());
    if (!violations->empty()) {
      std::cout << annals::cli::Count(static_cast<int64_t>(violations->size()),
                                      "stored claim")
                << (violations->size() == 1 ? " breaks" : " break")
                << " it (`annals check` lists them):\n";
      for (const auto& v : *violations) std::cout << "  " << v << "\n";
    }
    return 0;
  }
  auto db = OpenToRead(args.positional[0]);
  if (!db.ok()) return Fail(db.status());
  auto versions = db->SchemaHistory();
  if (!versions.ok()) return Fail(versions.status());
  if (as_of) {
    // The versions recorded by then; the last of them was in force.
    while (!versions->empty() && versions->back().recorded.seconds > *as_of) {
      versions->pop_back();
    }
  }
  if (versions->empty()) {
    std::cout << "# no schema\n";
    return 0;
  }
  if (history) {
    for (const auto& v : *versions) PrintSchemaVersion(v);
    return 0;
  }
  if (version != 0) {
    if (version > static_cast<int64_t>(versions->size())) {
      return Fail(absl::NotFoundError(
          absl::StrCat("store has no schema version ", version,
                       " (latest: ", versions->size(), ")")));
    }
    PrintSchemaVersion((*versions)[version - 1]);
    return 0;
  }
  PrintSchemaVersion(versions->back());
  return 0;
}

int Export(const Args& args) {
  if (args.help) return std::cout << annals::cli::kExportHelp, 0;
  return annals::cli::RunExport(args.positional, args.flags);
}

int Serve(const Args& args) {
  if (args.help) return std::cout << annals::serve::kServeHelp, 0;
  return annals::serve::ServeMain(args.positional, args.flags);
}

// `annals shell`: its options and the STORE, on to tools/shell/.
int Shell(const Args& args) {
  if (args.help) return std::cout << kShellHelp, 0;
  std::vector<std::string> shell_args;
  for (const auto& [name, value] : args.flags) {
    shell_args.push_back(value.empty() ? "--" + name
                                       : absl::StrCat("--", name, "=", value));
  }
  shell_args.insert(shell_args.end(), args.positional.begin(),
                    args.positional.end());
  return annals::shell::ShellMain(shell_args);
}

int Init(const Args& args) {
  if (args.help) return std::cout << kInitHelp, 0;
  if (!args.flags.empty()) return UnknownOption(args.flags[0].first, kInitHelp);
  if (args.positional.size() != 1) {
    return Usage("init takes one STORE", kInitHelp);
  }
  const std::string& store = args.positional[0];
  if (annals::Database::Exists(store)) {
    return Fail(absl::AlreadyExistsError(
        absl::StrCat("store '", store, "' exists already")));
  }
  auto db =
      annals::cli::OpenStore(store, annals::cli::Access::kCreate, std::cerr);
  if (!db.ok()) return Fail(db.status());
  std::cout << "created new store '" << store << "'\n";
  return 0;
}

int Version(const Args& args) {
  if (args.help) return std::cout << kVersionHelp, 0;
  if (!args.flags.empty() || !args.positional.empty()) {
    return Usage("version takes no arguments", kVersionHelp);
  }
  std::cout << "annals " << ANNALS_VERSION << "\n";
  return 0;
}

struct Command {
  const char* name;
  int (*run)(const Args&);
  const char* help;
};

const Command kCommands[] = {
    {"init", Init, kInitHelp},
    {"load", Load, kLoadHelp},
    {"find", Find, kFindHelp},
    {"query", Query, kQueryHelp},
    {"shell", Shell, kShellHelp},
    {"stats", Stats, kStatsHelp},
    {"check", Check, kCheckHelp},
    {"compact", Compact, kCompactHelp},
    {"upgrade", Upgrade, kUpgradeHelp},
    {"schema", Schema, kSchemaHelp},
    {"export", Export, annals::cli::kExportHelp},
    {"serve", Serve, annals::serve::kServeHelp},
    {"version", Version, kVersionHelp},
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage("no command given", kMainHelp);
  std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kMainHelp;
    return 0;
  }
  if (command == "--version") return Version(ParseArgs(argc, argv, 2, ""));
  std::vector<std::string> names;
  for (const Command& c : kCommands) {
    if (command == c.name) return c.run(ParseArgs(argc, argv, 2, c.help));
    names.push_back(c.name);
  }
  std::string message = absl::StrCat("unknown command '", command, "'");
  if (std::string near = annals::cli::Nearest(command, names); !near.empty()) {
    absl::StrAppend(&message, "; did you mean `", near, "`?");
  }
  return Usage(message, kMainHelp);
}
