// Tab completion for the shell: keywords, dot commands, predicates and
// entity names of the store, names quoted ("...") where the query language
// needs it. Pure functions; the readline glue is in line_reader.cc.
#ifndef ANNALS_TOOLS_SHELL_COMPLETION_H_
#define ANNALS_TOOLS_SHELL_COMPLETION_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace annals::shell {

struct CompletionWords {
  std::vector<std::string> predicates;
  std::vector<std::string> entities;
};

// The language's keywords, upper case.
const std::vector<std::string>& Keywords();
// The dot commands: ".mode", ".timer", ...
const std::vector<std::string>& DotCommands();

// A name as it is written in a statement: bare when it is a plain
// identifier (letters, digits, `_`, not starting with a digit) and not a
// keyword, else quoted text (QueryQuoted, common/escape.h).
std::string QuoteName(absl::string_view name);

// What may replace `word` (the text being completed), sorted, no
// duplicates. `in_quotes`: the word follows an opening `"`, so names come
// back raw (the caller closes the quote). Otherwise keywords match in any
// case and come back upper case, and names come back quoted as needed;
// `at_line_start` also offers dot commands.
std::vector<std::string> CompletionCandidates(absl::string_view word,
                                              bool in_quotes,
                                              bool at_line_start,
                                              const CompletionWords& words);

}  // namespace annals::shell

#endif  // ANNALS_TOOLS_SHELL_COMPLETION_H_
