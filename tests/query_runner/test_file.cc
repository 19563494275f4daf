// Reading the query test format; see test_file.h and tests/queries/README.md.
#include "tests/query_runner/test_file.h"

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/absl_view.h"

namespace annals::test {
namespace {

constexpr std::string_view kSeparator = "----";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  return s;
}

class Parser {
 public:
  Parser(std::string_view path, std::string_view text) : path_(path) {
    for (absl::string_view line : absl::StrSplit(AbslView(text), '\n')) {
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines_.emplace_back(line.data(), line.size());
    }
    if (!lines_.empty() && lines_.back().empty()) lines_.pop_back();
  }

  absl::StatusOr<TestFile> Parse() {
    TestFile file;
    file.path = std::string(path_);
    while (SkipBlankAndComments()) {
      const int line = next_ + 1;
      std::string_view directive = Trim(lines_[next_++]);
      if (StartsWith(directive, "dataset")) {
        if (!file.steps.empty() || !file.dataset.empty()) {
          return Error(line, "`dataset` must come once, before any block");
        }
        file.dataset = std::string(Trim(directive.substr(7)));
        if (file.dataset.empty()) return Error(line, "`dataset` needs a name");
        continue;
      }
      TestStep step;
      step.line = line;
      step.directive = std::string(directive);
      absl::Status status = ParseBlock(directive, &step);
      if (!status.ok()) return status;
      file.steps.push_back(std::move(step));
    }
    return file;
  }

 private:
  absl::Status Error(int line, std::string_view message) const {
    return absl::InvalidArgumentError(
        absl::StrCat(AbslView(path_), ":", line, ": ", AbslView(message)));
  }

  bool AtBlank() const {
    return next_ >= lines_.size() || Trim(lines_[next_]).empty();
  }

  // Moves to the next directive; false at the end of the file.
  bool SkipBlankAndComments() {
    while (next_ < lines_.size()) {
      std::string_view line = Trim(lines_[next_]);
      if (!line.empty() && line[0] != '#') return true;
      ++next_;
    }
    return false;
  }

  absl::Status ParseBlock(std::string_view directive, TestStep* step) {
    bool needs_rows = false;
    if (directive == "restart") {
      step->kind = TestStep::Kind::kRestart;
      if (!AtBlank()) {
        return Error(step->line + 1, "`restart` stands alone in its block");
      }
      return absl::OkStatus();
    } else if (directive == "schema" || directive == "load") {
      step->kind = directive == "schema" ? TestStep::Kind::kSchema
                                         : TestStep::Kind::kLoad;
      std::vector<std::string> text;
      while (!AtBlank()) text.push_back(lines_[next_++]);
      if (text.empty()) {
        return Error(step->line, absl::StrCat("`", AbslView(directive),
                                              "` needs its lines"));
      }
      step->statement = absl::StrJoin(text, "\n") + "\n";
      return absl::OkStatus();
    } else if (directive == "statement ok") {
      step->kind = TestStep::Kind::kStatementOk;
    } else if (StartsWith(directive, "statement error")) {
      step->kind = TestStep::Kind::kStatementError;
      std::string_view fragment = Trim(directive.substr(15));
      if (!fragment.empty()) step->error_fragments.emplace_back(fragment);
    } else if (directive == "query" || directive == "query ordered") {
      step->kind = TestStep::Kind::kQuery;
      step->ordered = directive == "query ordered";
      needs_rows = true;
      absl::Status s = ParseQueryOptions(step);
      if (!s.ok()) return s;
    } else if (directive == "explain") {
      step->kind = TestStep::Kind::kExplain;
      needs_rows = true;
    } else {
      return Error(step->line,
                   absl::StrCat("unknown directive `", AbslView(directive),
                                "`; expected dataset, statement ok, statement "
                                "error, query, query ordered, explain, "
                                "restart, schema or load"));
    }
    // The statement: up to `----` or a blank line.
    std::vector<std::string> statement;
    while (!AtBlank() && Trim(lines_[next_]) != kSeparator) {
      statement.push_back(lines_[next_++]);
    }
    if (statement.empty()) {
      return Error(step->line, "the block has no statement");
    }
    step->statement = absl::StrJoin(statement, "\n");
    bool separated = !AtBlank();
    if (separated) ++next_;  // `----`
    if (step->kind == TestStep::Kind::kStatementOk && separated) {
      return Error(step->line,
                   "`statement ok` takes no `----`; use `query` to check rows");
    }
    if (needs_rows && !separated) {
      return Error(step->line,
                   "expected `----` and the expected rows after the statement");
    }
    std::vector<std::string> rows;
    while (separated && !AtBlank()) rows.push_back(lines_[next_++]);
    if (step->kind == TestStep::Kind::kStatementError) {
      if (!rows.empty())
        step->error_fragments.push_back(absl::StrJoin(rows, "\n"));
      if (step->error_fragments.empty()) {
        return Error(step->line,
                     "`statement error` needs the expected message, on its "
                     "line or after `----`");
      }
    } else {
      step->expected = std::move(rows);
    }
    return absl::OkStatus();
  }

  // `view <text>`, `columns <names>` and `notice <text>` lines right after
  // `query`.
  absl::Status ParseQueryOptions(TestStep* step) {
    while (next_ < lines_.size()) {
      std::string_view line = lines_[next_];
      if (StartsWith(line, "view ")) {
        if (step->view) return Error(next_ + 1, "a second `view` line");
        step->view = std::string(Trim(line.substr(5)));
      } else if (StartsWith(line, "notice ")) {
        step->notices.emplace_back(Trim(line.substr(7)));
      } else if (StartsWith(line, "columns ")) {
        if (step->columns) return Error(next_ + 1, "a second `columns` line");
        step->columns.emplace();
        for (absl::string_view c :
             absl::StrSplit(AbslView(line.substr(8)), '\t')) {
          step->columns->emplace_back(c.data(), c.size());
        }
      } else {
        break;
      }
      ++next_;
    }
    return absl::OkStatus();
  }

  std::string_view path_;
  std::vector<std::string> lines_;
  size_t next_ = 0;
};

}  // namespace

absl::StatusOr<TestFile> ParseTestFile(std::string_view path,
                                       std::string_view text) {
  return Parser(path, text).Parse();
}

absl::StatusOr<TestFile> ReadTestFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot read ", path));
  }
  std::stringstream text;
  text << in.rdbuf();
  return ParseTestFile(path, text.str());
}

}  // namespace annals::test
