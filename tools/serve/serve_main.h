// `annals serve STORE`: opens the store, serves it over HTTP (server.h),
// prints the URL, and stops cleanly (closing the store) on SIGINT or
// SIGTERM. Returns the exit code: 0 after a clean stop, 1 when the store
// cannot be opened or the address bound, 2 for a usage error.
#ifndef ANNALS_TOOLS_SERVE_SERVE_MAIN_H_
#define ANNALS_TOOLS_SERVE_SERVE_MAIN_H_

#include <string>
#include <utility>
#include <vector>

#include "tools/serve/serve_options.h"

namespace annals::serve {

int ServeMain(const std::vector<std::string>& positional,
              const std::vector<std::pair<std::string, std::string>>& flags);

}  // namespace annals::serve

#endif  // ANNALS_TOOLS_SERVE_SERVE_MAIN_H_
