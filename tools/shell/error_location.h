// Errors of statements run from a script, located in the script: the
// engine's "line L, column C: ..." (relative to the statement's text)
// becomes "SOURCE:LINE:COLUMN: ..." in the script's lines.
#ifndef ANNALS_TOOLS_SHELL_ERROR_LOCATION_H_
#define ANNALS_TOOLS_SHELL_ERROR_LOCATION_H_

#include <string>

#include "absl/strings/string_view.h"

namespace annals::shell {

// `message` of a statement that starts at `line`:`column` of `source` (a
// file name, or "stdin"). `shift` columns were put before the statement's
// own text on its first line (`EXPLAIN ` of `.explain`), and are taken off.
// A message without a place gets the statement's line.
std::string LocateError(absl::string_view message, absl::string_view source,
                        int line, int column, int shift = 0);

}  // namespace annals::shell

#endif  // ANNALS_TOOLS_SHELL_ERROR_LOCATION_H_
