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
  kRepair,       // check --repair: for writing, dropping a damaged
                 // write-ahead log's tail (Options::drop_damaged_wal_tail)
  kRead,         // an existing store, read-only (following its writer)
  kWriteOrRead,  // query, shell: for writing, or read-only when another
                 // process holds it
};

// What kCreate did: made a new store in `path`, in a directory it made too
// or in one that was empty.
struct Creation {
  bool created = false;
  bool made_dir = false;
};

// Opens `path` as `access` says. For kWriteOrRead, when another process
// holds the store, says so on `notices` (stderr: "annals: store 'X' is open
// for writing by another process; opened read-only: ..."). The errors are
// Database::Open's, NotFound with a suggestion added when a store beside
// `path` has a near name. `creation` (kCreate) says whether it made a new
// store: the caller says "created new store" once its work succeeded, or
// undoes it (UndoCreation).
absl::StatusOr<Database> OpenStore(const std::string& path, Access access,
                                   std::ostream& notices,
                                   Creation* creation = nullptr);

// After a command that created its store failed (or was a dry run), with
// the store closed: removes what the store wrote, and the directory if
// OpenStore made it, so that nothing is left of it.
void UndoCreation(const std::string& path, const Creation& creation);

// "annals: created new store 'X'" on `notices` when `creation` says so.
void SayCreated(const std::string& path, const Creation& creation,
                std::ostream& notices);

// The newest copy of a damaged write-ahead log that opening `path` with
// kRepair kept (its `damaged-wal-*` directory), "" when there is none.
std::string LatestDamagedWalCopy(const std::string& path);

// "; did you mean 'dir/sco.annals'?" when an Annals store beside `path`
// (in its parent directory) has a name within a few edits of its name;
// else empty.
std::string SuggestStore(const std::string& path);

}  // namespace annals::cli

#endif  // ANNALS_TOOLS_CLI_OPEN_STORE_H_
