// Stores for tests: the path of a file of the source tree (the datasets),
// an annals::Database opened in a directory with datasets loaded, and the
// same store as the engine sees it (engine::Store) for the unit tests of
// the engine and the query layers.
#ifndef ANNALS_TESTS_SUPPORT_STORE_H_
#define ANNALS_TESTS_SUPPORT_STORE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "annals/database.h"
#include "annals/options.h"
#include "engine/store.h"

namespace annals::test {

inline constexpr char kTinyClaims[] = "datasets/tiny/claims.tsv";
inline constexpr char kTinySchema[] = "datasets/tiny/tiny.schema";

// `relative` in the source tree: SourcePath(kTinyClaims).
std::string SourcePath(std::string_view relative);

// Opens (creating) the store at `dir`, then, in order, sets each `.schema`
// file of `files` (paths in the source tree) as its schema and loads the
// others, every row of which must be good.
absl::StatusOr<std::unique_ptr<Database>> OpenDatabase(
    const std::string& dir, const std::vector<std::string>& files = {},
    const Options& options = Options());

// The store at `dir` as the engine sees it, after OpenDatabase(dir, files)
// has set it up. Writes are not synced.
absl::StatusOr<std::unique_ptr<engine::Store>> OpenEngineStore(
    const std::string& dir, const std::vector<std::string>& files = {});

}  // namespace annals::test

#endif  // ANNALS_TESTS_SUPPORT_STORE_H_
