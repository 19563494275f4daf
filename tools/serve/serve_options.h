// What `annals serve` is told: the store, where to listen, who may write,
// the limits of each request. Parsed from the command line in one place
// (ParseServeOptions), used by the command (serve_main.cc) and the server.
#ifndef ANNALS_TOOLS_SERVE_SERVE_OPTIONS_H_
#define ANNALS_TOOLS_SERVE_SERVE_OPTIONS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace annals::serve {

extern const char kServeHelp[];

struct ServeOptions {
  std::string store;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (the URL printed says which)
  bool read_only = false;
  // Bearer token that writes must carry; empty: writes are refused.
  std::string token;
  // The Access-Control-Allow-Origin to send; empty: no CORS headers.
  std::string cors_origin;
  // Ceilings of every request; a request may ask for less (?timeout_ms=,
  // ?max_rows=), never more. 0 timeout: none.
  int64_t timeout_ms = 30000;
  int64_t max_rows = 100000;
  int64_t max_body_bytes = int64_t{64} << 20;  // request bodies
  int threads = 16;                            // requests served at once
  bool quiet = false;                          // no request log on stderr

  // Whether `host` is this machine only (127.0.0.0/8, ::1, localhost).
  bool Loopback() const;
  // "http://127.0.0.1:8080" (IPv6 hosts in brackets) for the port bound.
  std::string Url(int bound_port) const;
};

// The options of `annals serve` from its positional arguments and its
// --name=value flags (names without dashes). InvalidArgument with the
// message for the user on a bad or unknown flag (naming the nearest known
// one), a missing STORE, both --token and --token-file, or a token file
// that cannot be read or is empty.
absl::StatusOr<ServeOptions> ParseServeOptions(
    const std::vector<std::string>& positional,
    const std::vector<std::pair<std::string, std::string>>& flags);

// "64M" -> 67108864: bytes, with an optional k, M or G (powers of 1024).
absl::StatusOr<int64_t> ParseBytes(const std::string& text);

}  // namespace annals::serve

#endif  // ANNALS_TOOLS_SERVE_SERVE_OPTIONS_H_
