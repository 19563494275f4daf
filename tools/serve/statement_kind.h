// Whether a statement only reads, judged from its first keyword before it
// runs, so that a write can be refused without a token. Default deny: only
// a statement that starts (after blanks and `--` comments) with FIND,
// HISTORY, CHANGES, DIFF, DISPUTES, PATH or EXPLAIN is a read (EXPLAIN of a
// write writes nothing); anything else, ASSERT and RETRACT among it, is
// treated as a write.
#ifndef ANNALS_TOOLS_SERVE_STATEMENT_KIND_H_
#define ANNALS_TOOLS_SERVE_STATEMENT_KIND_H_

#include <string_view>

namespace annals::serve {

bool IsReadStatement(std::string_view text);

}  // namespace annals::serve

#endif  // ANNALS_TOOLS_SERVE_STATEMENT_KIND_H_
