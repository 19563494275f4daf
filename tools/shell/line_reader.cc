// The readline glue; see line_reader.h.
#include "tools/shell/line_reader.h"

// clang-format off
#include <cstdio>  // readline.h needs FILE
#include <readline/readline.h>
#include <readline/history.h>
// clang-format on

#include <sys/select.h>
#include <sys/stat.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "tools/shell/sigint.h"

namespace annals::shell {
namespace {

constexpr int kHistoryEntries = 1000;

std::function<const CompletionWords&()>* g_words = nullptr;
std::vector<std::string>* g_matches = nullptr;

// The line readline's callback interface hands over.
bool g_line_done = false;
bool g_line_end = false;  // end of input instead of a line
std::string g_line;

void OnLine(char* line) {
  g_line_done = true;
  g_line_end = line == nullptr;
  if (line != nullptr) {
    g_line = line;
    free(line);
  }
  rl_callback_handler_remove();
}

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
  // SIGINT is the shell's (sigint.h): readline installs no handlers of its
  // own, and lines are read through its callback interface (ReadLine), so
  // that a Ctrl-C can end a read readline would otherwise resume.
  rl_catch_signals = 0;
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

LineReader::Read LineReader::ReadLine(const std::string& prompt,
                                      std::string* line) {
  g_line_done = false;
  rl_callback_handler_install(prompt.c_str(), OnLine);
  const int fd = fileno(rl_instream != nullptr ? rl_instream : stdin);
  // SIGINT is blocked but while pselect waits: one that comes before the
  // wait is seen by TakeInterrupt, not lost until the next key.
  sigset_t sigint, unblocked;
  sigemptyset(&sigint);
  sigaddset(&sigint, SIGINT);
  while (!g_line_done) {
    sigprocmask(SIG_BLOCK, &sigint, &unblocked);
    if (SigintScope::TakeInterrupt()) {
      sigprocmask(SIG_SETMASK, &unblocked, nullptr);
      // Drop what was typed, restore the terminal, go to a fresh line.
      rl_free_line_state();
      rl_callback_sigcleanup();
      rl_callback_handler_remove();
      std::fputs("^C\n", rl_outstream != nullptr ? rl_outstream : stdout);
      std::fflush(rl_outstream != nullptr ? rl_outstream : stdout);
      return Read::kInterrupted;
    }
    fd_set in;
    FD_ZERO(&in);
    FD_SET(fd, &in);
    int ready = pselect(fd + 1, &in, nullptr, nullptr, nullptr, &unblocked);
    int error = errno;
    sigprocmask(SIG_SETMASK, &unblocked, nullptr);
    if (ready > 0) {
      rl_callback_read_char();
    } else if (ready < 0 && error != EINTR) {
      rl_callback_handler_remove();
      return Read::kEnd;
    }
  }
  if (g_line_end) return Read::kEnd;
  line->swap(g_line);
  g_line.clear();
  return Read::kLine;
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
