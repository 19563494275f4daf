// LoadFiles: `annals load` and Database::Load. Reads every file with its
// RowReader, decodes rows into the BulkLoader, handles bad rows (abort, or
// with skip_bad write them to the reject file), reports progress, and
// commits the load atomically at the end. LoadOptions::cancel stops it at
// any point before the final ingest (CancelledError; nothing loaded).
#ifndef ANNALS_LOAD_FILE_LOADER_H_
#define ANNALS_LOAD_FILE_LOADER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "annals/load.h"
#include "engine/store.h"

namespace annals::load {

absl::StatusOr<LoadResult> LoadFiles(engine::Store* store,
                                     const std::vector<std::string>& files,
                                     const LoadOptions& options);

}  // namespace annals::load

#endif  // ANNALS_LOAD_FILE_LOADER_H_
