// The HTTP server of `annals serve`: binds, then serves the API's routes
// (routes.h) on a pool of threads until stopped. The only user of the HTTP
// library (cpp-httplib) besides the tests and the load benchmark.
//
//   auto server = serve::Server::Start(&db, options, &std::cerr);
//   ... (*server)->port() ...
//   (*server)->Stop();
//
// Thread safety: Stop() may be called from any thread, once or more.
#ifndef ANNALS_TOOLS_SERVE_SERVER_H_
#define ANNALS_TOOLS_SERVE_SERVER_H_

#include <memory>
#include <ostream>

#include "absl/status/statusor.h"
#include "annals/database.h"
#include "tools/serve/serve_options.h"

namespace annals::serve {

class Server {
 public:
  // Binds options.host:options.port (any free port when 0) and serves on a
  // thread of its own. `db` and `log` (the request log, one line a
  // request; may be null) must outlive the Server. Ignores SIGPIPE in this
  // process (a client that hangs up must not end the server).
  // Unavailable when the address cannot be bound (naming it).
  static absl::StatusOr<std::unique_ptr<Server>> Start(
      Database* db, const ServeOptions& options, std::ostream* log);
  ~Server();  // stops

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;
  // Stops taking requests, cancels the statements and loads running (they
  // answer 503), and returns when the serving thread has ended.
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace annals::serve

#endif  // ANNALS_TOOLS_SERVE_SERVER_H_
