// The `annals serve` command (serve_main.h). SIGINT and SIGTERM are blocked
// in every thread before any starts (RocksDB's and the server's included)
// and taken by sigwait in the main thread, which then stops the server and
// closes the store in order.
#include "tools/serve/serve_main.h"

#include <signal.h>

#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "annals/database.h"
#include "tools/cli/open_store.h"
#include "tools/serve/server.h"

namespace annals::serve {

int ServeMain(const std::vector<std::string>& positional,
              const std::vector<std::pair<std::string, std::string>>& flags) {
  auto options = ParseServeOptions(positional, flags);
  if (!options.ok()) {
    std::cerr << "annals: " << options.status().message() << "\n\n"
              << kServeHelp;
    return 2;
  }
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  // An existing store only; read-only when asked, or when another process
  // holds it for writing (then each request sees what that writer has
  // committed, and writes are refused).
  std::ostringstream held;
  auto opened = cli::OpenStore(
      options->store,
      options->read_only ? cli::Access::kRead : cli::Access::kWriteOrRead,
      held);
  if (!opened.ok()) {
    std::cerr << "annals: " << opened.status().message() << "\n";
    return 1;
  }
  if (!held.str().empty()) {
    std::cerr << held.str();
    options->read_only = true;
  }
  std::optional<Database> db(*std::move(opened));
  if (!options->Loopback() && options->token.empty()) {
    std::cerr << "annals: warning: listening on " << options->host
              << " without a token: anyone who can reach this address can "
                 "read the store (writes stay refused; --token-file allows "
                 "them)\n";
  }
  int signal_number = 0;
  {
    auto server = Server::Start(&*db, *options, &std::cerr);
    if (!server.ok()) {
      std::cerr << "annals: " << server.status().message() << "\n";
      return 1;
    }
    std::cout << "serving " << db->dir() << " at "
              << options->Url((*server)->port()) << "/"
              << (options->read_only       ? " (read-only)"
                  : options->token.empty() ? " (writes refused: no token)"
                                           : " (writes need the token)")
              << "\n"
              << std::flush;
    sigwait(&stop_signals, &signal_number);
    (*server)->Stop();
  }
  db.reset();  // closes the store
  std::cerr << "annals: stopped ("
            << (signal_number == SIGINT ? "SIGINT" : "SIGTERM")
            << "); store closed\n";
  return 0;
}

}  // namespace annals::serve
