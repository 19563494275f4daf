// "Did you mean": the nearest of a few known words (commands, flags) to a
// mistyped one, by edit distance, for usage errors of the command line; and
// the flags a command's help text names.
#ifndef ANNALS_TOOLS_CLI_SUGGEST_H_
#define ANNALS_TOOLS_CLI_SUGGEST_H_

#include <string>
#include <string_view>
#include <vector>

namespace annals::cli {

// Levenshtein distance (insert, delete, substitute; bytes), with a swap of
// two neighbours counting as one edit: `qeury` is 1 from `query`.
int EditDistance(std::string_view a, std::string_view b);

// The candidate nearest to `word` if it is close enough (at most 2 edits,
// and fewer than half of the longer word; `-` and `_` count as equal), else
// empty. Ties go to the first candidate.
std::string Nearest(std::string_view word,
                    const std::vector<std::string>& candidates);

// Every `--flag` named in `help` (a command's help text), without the
// dashes, in order of first mention.
std::vector<std::string> FlagsInHelp(std::string_view help);

// True when `help` writes the flag with a value (`--as-of=TIME`), so that
// `--as-of 2025` may give it as the next argument.
bool FlagTakesValue(std::string_view flag, std::string_view help);

// "unknown option --as_of; did you mean --as-of?" (or without the
// suggestion when no flag of `help` is close).
std::string UnknownOptionMessage(std::string_view flag, std::string_view help);

}  // namespace annals::cli

#endif  // ANNALS_TOOLS_CLI_SUGGEST_H_
