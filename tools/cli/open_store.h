// How the commands of `annals` open their store, so that only `init`, `load`
// and `schema FILE` ever create one: the others refuse a path that holds no
// store, suggesting a store beside it with a near name ("no Annals store at
// 'sco.anals'; did you mean 'sco.annals'?"), and write nothing there.
#ifndef ANNALS_TOOLS_CLI_OPEN_STORE_H_
#define ANNALS_TOOLS_CLI_OPEN_STORE_H_

#include <iosfwd>
#include <string>

#include "absl/status/statusor.h"
#include "annals/database.h"

namespace annals::cli {

enum class Access {
  kCreate,       // load, schema FILE: for writing, created when missing
  kWrite,        // compact: an existing store, for writing
  kRead,         // an existing store, read-only (following its writer)
  kWriteOrRead,  // query, shell: for writing, or read-only when another
                 // process holds it
};

// Opens `path` as `access` says. Notices go to `notices` (stderr), each on
// a line of its own starting "annals: ": "created new store 'X'" when
// kCreate created it; that the store is held by another process and opened
// read-only, for kWriteOrRead. The errors are Database::Open's, NotFound
// with a suggestion added when a store beside `path` has a near name.
absl::StatusOr<Database> OpenStore(const std::string& path, Access access,
                                   std::ostream& notices);

// "; did you mean 'dir/sco.annals'?" when an Annals store beside `path`
// (in its parent directory) has a name within a few edits of its name;
// else empty.
std::string SuggestStore(const std::string& path);

}  // namespace annals::cli

#endif  // ANNALS_TOOLS_CLI_OPEN_STORE_H_
