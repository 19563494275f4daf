// The readline glue; see line_reader.h.
#include "tools/shell/line_reader.h"

// clang-format off
#include <cstdio>  // readline.h needs FILE
#include <readline/readline.h>
#include <readline/history.h>
// clang-format on

#include <sys/stat.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

namespace annals::shell {
namespace {

constexpr int kHistoryEntries = 1000;

std::function<const CompletionWords&()>* g_words = nullptr;
std::vector<std::string>* g_matches = nullptr;

char* NextMatch(const char* /*text*/, int state) {
  static size_t next = 0;
  if (state == 0) next = 0;
  if (g_matches == nullptr || next >= g_matches->size()) return nullptr;
  return strdup((*g_matches)[next++].c_str());
}

char** Complete(const char* text, int start, int /*end*/) {
  rl_attempted_completion_over = 1;  // no file names
  if (g_words == nullptr) return nullptr;
  const bool in_quotes = rl_completion_quote_character == '"';
  bool at_line_start = true;
  for (int i = 0; i < start; ++i) {
    if (rl_line_buffer[i] != ' ' && rl_line_buffer[i] != '\t') {
      at_line_start = false;
    }
  }
  static std::vector<std::string> matches;
  matches = CompletionCandidates(text, in_quotes, at_line_start, (*g_words)());
  g_matches = &matches;
  return rl_completion_matches(text, NextMatch);
}

}  // namespace

std::string HistoryPath() {
  if (const char* p = std::getenv("ANNALS_HISTORY"); p && *p) return p;
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state) {
    std::error_code ec;
    std::filesystem::create_directories(std::string(state) + "/annals", ec);
    return std::string(state) + "/annals/history";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.annals_history";
  }
  return "";
}

LineReader::LineReader(std::string history_file,
                       std::function<const CompletionWords&()> words)
    : history_file_(std::move(history_file)) {
  g_words = new std::function<const CompletionWords&()>(std::move(words));
  rl_readline_name = "annals";
  rl_attempted_completion_function = Complete;
  static char kBreaks[] = " \t\n(),;=<>!{}";
  static char kQuotes[] = "\"";
  rl_completer_word_break_characters = kBreaks;
  rl_completer_quote_characters = kQuotes;
  using_history();
  stifle_history(kHistoryEntries);
  if (!history_file_.empty()) read_history(history_file_.c_str());
  if (history_length > 0) {
    if (HIST_ENTRY* last = history_get(history_base + history_length - 1)) {
      last_entry_ = last->line;
    }
  }
}

LineReader::~LineReader() {
  if (!history_file_.empty()) {
    history_truncate_file(history_file_.c_str(), kHistoryEntries);
  }
  delete g_words;
  g_words = nullptr;
  g_matches = nullptr;
}

std::optional<std::string> LineReader::ReadLine(const std::string& prompt) {
  char* line = readline(prompt.c_str());
  if (line == nullptr) return std::nullopt;
  std::string text(line);
  free(line);
  return text;
}

void LineReader::AddHistory(const std::string& entry) {
  if (entry.empty() || entry == last_entry_) return;  // no repeats
  last_entry_ = entry;
  add_history(entry.c_str());
  if (history_file_.empty()) return;
  struct stat st;
  if (stat(history_file_.c_str(), &st) != 0) {
    write_history(history_file_.c_str());  // creates it
  } else {
    append_history(1, history_file_.c_str());
  }
}

}  // namespace annals::shell
