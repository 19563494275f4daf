// The shell's dot commands: settings (.mode, .keys, .timer, .echo, .explain,
// .strict, .at, .asof, .maxrows, .timeout, .output), the store (.schema,
// .stats, .load), scripts (.read), .help and .quit.
#include <fstream>
#include <iostream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "tools/cli/count.h"
#include "tools/cli/store_flags.h"
#include "tools/shell/shell.h"

namespace annals::shell {
namespace {

constexpr char kHelp[] =
    R"(Statements end with `;` or a blank line; they may span lines.
Tab completes keywords, predicates and entity names ("quoted" as needed).

  .mode table|csv|tsv|json|line   how results print (table: fitted to the
                                  terminal, long values cut with …; line:
                                  one `column = value` per line, whole)
  .keys plain|query               column names in csv, tsv and json: x, or
                                  ?x as the statement writes it (default)
  .timer on|off                   print each statement's run time (wall
                                  clock, user and system CPU seconds)
  .echo on|off                    print each statement of a script before
                                  its answer
  .explain [on|off]               run statements under EXPLAIN (toggles)
  .explain STATEMENT              the plan of one statement
  .strict on|off                  refuse writes that add a predicate the
                                  schema does not declare (also --strict)
  .at TIME | .at                  default valid time of statements without
                                  AT or DURING (.at alone: now)
  .asof TIME | .asof              default transaction time of statements
                                  without AS OF (.asof alone: currently)
  .maxrows N | .maxrows           rows a result may hold (0: no limit;
                                  alone: the current limit)
  .timeout DURATION | .timeout    how long a statement may run: 1500 (ms),
                                  30s, 2m (0: no limit; alone: the current)
  .schema                         the store's schema
  .stats                          claims, terms, time range, predicates
  .load FILE...                   load TSV, CSV or JSON Lines files
  .read FILE                      run the statements and commands of FILE
  .output FILE | .output          write results to FILE, or back to the
                                  terminal
  .help                           this text
  .quit, .exit                    leave (also Ctrl-D)

Examples:
  FIND ?x WHERE Russia gas_flow_to_china_bcm ?x;
  HISTORY Russia gas_flow_to_china_bcm;
  CHANGES Russia BETWEEN 2025-01-01 AND 2025-12-31;
  .at 2024-06-01
  FIND ?org WHERE Russia member_of ?org;
  .mode csv
  .explain FIND ?who WHERE ?who signed ?what
)";

}  // namespace

void Shell::PrintHelp() { out() << kHelp; }

Outcome Shell::SetTime(absl::string_view what, absl::string_view arg) {
  std::optional<TimePoint>* target = what == ".at" ? &at_ : &as_of_;
  if (arg.empty() || absl::EqualsIgnoreCase(arg, "now")) {
    target->reset();
    return Outcome::kOk;
  }
  absl::StatusOr<TimePoint> t = TimePoint::Parse(std::string(arg));
  if (!t.ok()) {
    Error(absl::StrCat(what, ": ", t.status().message()));
    return Outcome::kError;
  }
  *target = *t;
  return Outcome::kOk;
}

Outcome Shell::Load(const std::vector<std::string>& files) {
  if (files.empty()) {
    Error(".load needs at least one FILE");
    return Outcome::kError;
  }
  LoadOptions options;
  options.cancel = cancel_;
  absl::StatusOr<LoadResult> r = db_.Load(files, options);
  if (!r.ok()) return Failed(r.status(), "", nullptr, 0);
  words_loaded_ = false;
  out() << "Loaded " << cli::Count(r->rows, "row") << ": "
        << cli::Count(r->claims_added, "claim") << " added, "
        << cli::Count(r->duplicates, "duplicate") << " skipped, "
        << cli::Count(r->terms_added, "new term") << "\n";
  return Outcome::kOk;
}

Outcome Shell::Read(const std::string& file) {
  constexpr int kMaxDepth = 16;
  if (read_depth_ >= kMaxDepth) {
    Error(absl::StrCat(".read ", file, ": scripts nested too deep"));
    return Outcome::kError;
  }
  std::ifstream in(file);
  if (!in) {
    Error(absl::StrCat(".read: cannot open '", file, "'"));
    return Outcome::kError;
  }
  ++read_depth_;
  Outcome o = RunScript(in, file);
  --read_depth_;
  return o;
}

Outcome Shell::RunDotCommand(absl::string_view line, const std::string& source,
                             int line_no) {
  line = absl::StripAsciiWhitespace(line);
  const size_t space = line.find_first_of(" \t");
  const absl::string_view command = line.substr(0, space);
  const absl::string_view rest =
      space == absl::string_view::npos
          ? absl::string_view()
          : absl::StripAsciiWhitespace(line.substr(space));
  std::vector<std::string> args =
      absl::StrSplit(rest, absl::ByAnyChar(" \t"), absl::SkipEmpty());
  auto fail = [&](absl::string_view message) {
    Error(source.empty() ? std::string(message)
                         : absl::StrCat(source, ":", line_no, ": ", message));
    return Outcome::kError;
  };
  if (command == ".quit" || command == ".exit") return Outcome::kQuit;
  if (command == ".help") return PrintHelp(), Outcome::kOk;
  if (command == ".mode") {
    if (args.empty()) {
      out() << output::OutputModeName(mode_) << "\n";
      return Outcome::kOk;
    }
    auto mode = output::ParseOutputMode(args[0]);
    if (!mode || args.size() > 1) {
      return fail(".mode takes table, csv, tsv, json or line");
    }
    mode_ = *mode;
    return Outcome::kOk;
  }
  if (command == ".keys") {
    if (args.empty()) {
      out() << (plain_keys_ ? "plain" : "query") << "\n";
      return Outcome::kOk;
    }
    if (args.size() != 1 || (args[0] != "plain" && args[0] != "query")) {
      return fail(".keys takes plain or query");
    }
    plain_keys_ = args[0] == "plain";
    return Outcome::kOk;
  }
  if (command == ".timer") {
    if (args.size() != 1 || (args[0] != "on" && args[0] != "off")) {
      return fail(".timer takes on or off");
    }
    timer_ = args[0] == "on";
    return Outcome::kOk;
  }
  if (command == ".strict") {
    if (args.size() != 1 || (args[0] != "on" && args[0] != "off")) {
      return fail(".strict takes on or off");
    }
    config_.strict = args[0] == "on";
    return Outcome::kOk;
  }
  if (command == ".echo") {
    if (args.size() != 1 || (args[0] != "on" && args[0] != "off")) {
      return fail(".echo takes on or off");
    }
    echo_ = args[0] == "on";
    return Outcome::kOk;
  }
  if (command == ".maxrows" || command == ".timeout") {
    const bool rows = command == ".maxrows";
    int64_t& limit = rows ? config_.limits.max_rows : config_.limits.timeout_ms;
    if (args.empty()) {
      out() << (rows ? cli::MaxRowsText(limit) : cli::TimeoutText(limit))
            << "\n";
      return Outcome::kOk;
    }
    if (args.size() > 1) return fail(absl::StrCat(command, " takes one value"));
    absl::StatusOr<int64_t> value =
        rows ? cli::ParseMaxRows(args[0]) : cli::ParseTimeout(args[0]);
    if (!value.ok()) {
      return fail(absl::StrCat(command, ": ", value.status().message()));
    }
    limit = *value;
    return Outcome::kOk;
  }
  if (command == ".explain") {
    if (args.empty()) {
      explain_ = !explain_;
    } else if (args.size() == 1 && (args[0] == "on" || args[0] == "off")) {
      explain_ = args[0] == "on";
    } else {
      StatementText s;
      s.text = "EXPLAIN " + std::string(rest);
      s.line = line_no;
      // Columns in errors count from `rest`, not from the added EXPLAIN.
      s.column = static_cast<int>(rest.data() - line.data()) + 1 - 8;
      const bool was = explain_;
      explain_ = false;
      Outcome o = RunStatement(s, source);
      explain_ = was;
      return o;
    }
    out() << "explain " << (explain_ ? "on" : "off") << "\n";
    return Outcome::kOk;
  }
  if (command == ".at" || command == ".asof") {
    if (args.size() > 1) return fail(absl::StrCat(command, " takes one TIME"));
    Outcome o = SetTime(command, args.empty() ? "" : args[0]);
    return o;
  }
  if (command == ".output") {
    if (args.size() > 1) return fail(".output takes at most one FILE");
    file_.reset();
    file_name_.clear();
    if (args.empty()) return Outcome::kOk;
    auto file = std::make_unique<std::ofstream>(args[0], std::ios::trunc);
    if (!*file) return fail(absl::StrCat("cannot write '", args[0], "'"));
    file_ = std::move(file);
    file_name_ = args[0];
    return Outcome::kOk;
  }
  if (command == ".schema") {
    absl::StatusOr<SchemaVersion> v = db_.GetSchema();
    if (!v.ok()) return fail(v.status().message());
    if (v->version == 0) {
      out() << "# no schema\n";
    } else {
      out() << "# schema version " << v->version << ", recorded "
            << v->recorded.ToString() << "\n"
            << v->text;
      if (!v->text.empty() && v->text.back() != '\n') out() << "\n";
    }
    return Outcome::kOk;
  }
  if (command == ".stats") {
    absl::StatusOr<StoreStats> s = db_.Stats();
    if (!s.ok()) return fail(s.status().message());
    out() << absl::StrFormat(
        "claims      %d\nterms       %d\nvalid time  %s .. %s\n", s->claims,
        s->terms, s->earliest ? s->earliest->ToString() : "-",
        s->latest ? s->latest->ToString() : "-");
    out() << "claims per predicate:\n";
    for (const auto& [p, n] : s->claims_per_predicate) {
      out() << absl::StrFormat("  %-40s %d\n", p, n);
    }
    return Outcome::kOk;
  }
  if (command == ".load") return Load(args);
  if (command == ".read") {
    if (args.size() != 1) return fail(".read takes one FILE");
    return Read(args[0]);
  }
  return fail(
      absl::StrCat("unknown command ", command, " (.help lists the commands)"));
}

}  // namespace annals::shell
