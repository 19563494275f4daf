// The shell's session: statements, scripts, prompt and completion words; the
// dot commands are in dot_commands.cc.
#include "tools/shell/shell.h"

#include <sys/resource.h>
#include <sys/time.h>

#include <chrono>
#include <iostream>
#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tools/cli/store_flags.h"
#include "tools/output/change_markers.h"
#include "tools/output/timeline.h"
#include "tools/shell/error_location.h"

namespace annals::shell {

Shell::Shell(Database db, ShellConfig config)
    : db_(std::move(db)), config_(config) {}

std::ostream& Shell::out() { return file_ ? *file_ : std::cout; }

void Shell::Error(absl::string_view message) {
  out().flush();
  std::cerr << "annals: " << message << "\n";
}

void Shell::PrintNotices(const std::vector<std::string>& notices) {
  if (notices.empty()) return;
  out().flush();
  for (const std::string& notice : notices)
    std::cerr << "-- " << notice << "\n";
}

void Shell::StatementError(absl::string_view message, const std::string& source,
                           const StatementText& statement, int shift) {
  if (source.empty()) return Error(message);
  Error(LocateError(message, source, statement.line, statement.column, shift));
}

namespace {

// The statement's first word, upper case (after EXPLAIN [ANALYZE]).
std::string StatementKind(absl::string_view text) {
  std::string kind;
  for (int i = 0; i < 3; ++i) {
    text = absl::StripLeadingAsciiWhitespace(text);
    size_t end = 0;
    while (end < text.size() && absl::ascii_isalpha(text[end])) ++end;
    kind = absl::AsciiStrToUpper(text.substr(0, end));
    text.remove_prefix(end);
    if (kind != "EXPLAIN" && kind != "ANALYZE") break;
  }
  return kind;
}

}  // namespace

namespace {

// Wall-clock, user and system time since it was made.
class StatementTimer {
 public:
  StatementTimer() : wall_(std::chrono::steady_clock::now()), cpu_(Cpu()) {}
  // "Run Time: real 0.012 user 0.010 sys 0.001", as sqlite3 prints it.
  std::string Text() const {
    const double real =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_)
            .count();
    const auto [user, sys] = Cpu();
    return absl::StrFormat("Run Time: real %.3f user %.3f sys %.3f\n", real,
                           user - cpu_.first, sys - cpu_.second);
  }

 private:
  static std::pair<double, double> Cpu() {
    rusage r{};
    getrusage(RUSAGE_SELF, &r);
    auto seconds = [](const timeval& t) {
      return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6;
    };
    return {seconds(r.ru_utime), seconds(r.ru_stime)};
  }

  std::chrono::steady_clock::time_point wall_;
  std::pair<double, double> cpu_;
};

}  // namespace

Outcome Shell::RunStatement(const StatementText& statement,
                            const std::string& source) {
  const StatementTimer timer;
  // The time of the whole statement, printed after its answer (or error).
  auto timed = [&](Outcome outcome) {
    if (timer_) {
      out() << timer.Text();
      out().flush();
    }
    return outcome;
  };
  std::string text = statement.text;
  int shift = 0;
  if (explain_ && !absl::StartsWithIgnoreCase(
                      absl::StripLeadingAsciiWhitespace(text), "EXPLAIN")) {
    text = "EXPLAIN " + text;
    shift = 8;
  }
  QueryOptions options = config_.limits;
  options.cancel = cancel_;
  options.default_at = at_;
  options.default_as_of = as_of_;
  options.strict = config_.strict;
  bool asked = false;
  if (!ConfirmNewNames(text, options, &asked)) {
    out() << "not committed\n";
    return timed(Outcome::kOk);
  }
  absl::StatusOr<ResultSet> result = db_.Query(text, options);
  std::vector<Row> rows;
  absl::Status status = result.status();
  if (status.ok()) status = result->ReadAll(&rows);
  if (absl::IsCancelled(status))
    return timed(Failed(status, source, nullptr, 0));
  if (!status.ok()) {
    StatementError(cli::NameLimitFlags(status.message(), !config_.limit_flags),
                   source, statement, shift);
    return timed(Outcome::kError);
  }
  const std::string kind = StatementKind(text);
  if (kind == "ASSERT" || kind == "RETRACT") words_loaded_ = false;
  const auto& columns = result->columns();
  std::ostream& o = out();
  if (!asked) PrintNotices(result->notices());
  if (mode_ == output::OutputMode::kTable && output::IsChangeList(columns)) {
    o << "-- " << result->view() << "\n";
    for (const auto& line : output::RenderChanges(columns, rows, colour(),
                                                  file_ ? 0 : config_.width)) {
      o << line << "\n";
    }
    o << "(" << rows.size() << (rows.size() == 1 ? " row" : " rows") << ")\n";
  } else {
    output::PrintOptions print;
    print.mode = mode_;
    print.width = file_ ? 0 : config_.width;
    print.plain_keys = plain_keys_;
    if (print.width > 0) {
      print.cut_hint = absl::StrCat("(values cut to fit ", print.width,
                                    " columns; .mode line shows them whole)");
    }
    output::PrintRows(columns, result->view(), rows, print, o);
  }
  if (mode_ == output::OutputMode::kTable && kind == "HISTORY") {
    const size_t width = config_.width && !file_ ? config_.width : 80;
    auto lines = output::RenderTimeline(output::SpansFromHistory(columns, rows),
                                        width, colour());
    if (!lines.empty()) o << "\n";
    for (const auto& line : lines) o << line << "\n";
  }
  o.flush();
  return timed(Outcome::kOk);
}

bool Shell::ConfirmNewNames(const std::string& text,
                            const QueryOptions& options, bool* asked) {
  *asked = false;
  if (!config_.confirm || StatementKind(text) != "ASSERT" ||
      absl::StartsWithIgnoreCase(absl::StripLeadingAsciiWhitespace(text),
                                 "EXPLAIN")) {
    return true;
  }
  // EXPLAIN of a write writes nothing; an error shows when it runs.
  absl::StatusOr<ResultSet> dry = db_.Query("EXPLAIN " + text, options);
  if (!dry.ok()) return true;
  bool near = false;
  for (const std::string& n : dry->notices()) {
    near |= absl::StrContains(n, "; did you mean");
  }
  if (!near) return true;
  PrintNotices(dry->notices());
  *asked = true;
  return config_.confirm("commit? [y/N] ");
}

Outcome Shell::Failed(const absl::Status& status, const std::string& source,
                      const StatementText* statement, int shift) {
  if (absl::IsCancelled(status)) {  // not an error of the statement's text
    Error(status.message());
    return Outcome::kCancelled;
  }
  if (statement == nullptr) {
    Error(status.message());
  } else {
    StatementError(status.message(), source, *statement, shift);
  }
  return Outcome::kError;
}

Outcome Shell::RunScript(std::istream& in, const std::string& source) {
  StatementSplitter splitter;
  bool failed = false, cancelled = false;
  std::string line;
  auto run = [&](const StatementText& s) {
    if (echo_) out() << s.text << "\n";
    Outcome o = RunStatement(s, source);
    if (o == Outcome::kError) failed = true;
    if (o == Outcome::kCancelled) cancelled = true;
    return o == Outcome::kOk || (o == Outcome::kError && config_.keep_going);
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!splitter.pending() &&
        absl::StartsWith(absl::StripLeadingAsciiWhitespace(line), ".")) {
      splitter.AddLine("");  // count the line
      if (echo_) out() << line << "\n";
      Outcome o = RunDotCommand(line, source, splitter.lines());
      if (o == Outcome::kQuit) return failed ? Outcome::kError : o;
      if (o == Outcome::kCancelled) return o;
      if (o == Outcome::kError) {
        failed = true;
        if (!config_.keep_going) return Outcome::kError;
      }
      continue;
    }
    for (const StatementText& s : splitter.AddLine(line)) {
      if (!run(s)) return cancelled ? Outcome::kCancelled : Outcome::kError;
    }
  }
  if (auto last = splitter.Finish()) {
    if (!run(*last)) return cancelled ? Outcome::kCancelled : Outcome::kError;
  }
  return failed ? Outcome::kError : Outcome::kOk;
}

std::string Shell::Prompt(bool continuation) const {
  std::string view;
  if (at_) view = "at " + at_->ToString();
  if (as_of_) {
    view +=
        (view.empty() ? "" : ", ") + std::string("as of ") + as_of_->ToString();
  }
  std::string prompt = config_.read_only ? "annals (read-only)" : "annals";
  prompt += view.empty() ? "> " : " [" + view + "]> ";
  if (!continuation) return prompt;
  return std::string(prompt.size() - 5, ' ') + "...> ";
}

const CompletionWords& Shell::Words() {
  if (words_loaded_) return words_;
  words_loaded_ = true;
  std::set<std::string> predicates, entities;
  TimeView all = TimeView::AllTime();
  all.include_retracted = true;
  int64_t seen = 0;
  constexpr int64_t kMaxClaims = 200000;  // enough names, quickly
  absl::Status s = db_.Scan(ClaimPattern(), all, [&](const Claim& c) {
    predicates.insert(c.predicate);
    if (c.subject.kind() == ValueKind::kEntity) {
      entities.insert(c.subject.text());
    }
    if (c.object.kind() == ValueKind::kEntity) entities.insert(c.object.text());
    return ++seen < kMaxClaims;
  });
  (void)s;  // completion is best effort
  words_.predicates.assign(predicates.begin(), predicates.end());
  words_.entities.assign(entities.begin(), entities.end());
  return words_;
}

}  // namespace annals::shell
