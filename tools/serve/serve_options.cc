// Parses the command line of `annals serve` (serve_options.h) and holds its
// help text.
#include "tools/serve/serve_options.h"

#include <cctype>
#include <fstream>
#include <iterator>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "tools/cli/store_flags.h"
#include "tools/cli/suggest.h"

namespace annals::serve {

const char kServeHelp[] =
    R"(Usage: annals serve [OPTIONS] STORE

Serves STORE over HTTP: a JSON API over the query language (docs/http.md),
and a web explorer at its URL: queries, timelines, graphs (docs/explorer.md).
Listens on 127.0.0.1 (this machine only) unless --host says otherwise,
prints its URL, and stops cleanly on Ctrl-C (SIGINT) or SIGTERM. Every
request reads its own snapshot; requests run concurrently.

Reads need nothing. Writes (ASSERT, RETRACT, POST /api/load) need the
header `Authorization: Bearer TOKEN` with the token given here; without a
token, or with --read-only, they are refused (403).

Options:
  --host=ADDRESS     address to listen on (default 127.0.0.1; 0.0.0.0 for
                     every interface: a warning unless a token is set)
  --port=N           port (default 8080; 0 picks a free one)
  --read-only        open the store read-only and refuse every write
  --token=T          the bearer token writes must carry
  --token-file=F     read the token from file F (its first line), so that
                     it stays out of the process list
  --cors=ORIGIN      let pages of ORIGIN (e.g. http://localhost:3000, or *)
                     call the API from a browser; default: no CORS headers
  --timeout=DURATION time limit of a request: 1500 (milliseconds), 30s, 2m
                     (default 30s; 0: none); a request may ask for less with
                     ?timeout_ms=
  --max-rows=N       rows a result may hold (default 100000; 0: no limit); a
                     request may ask for fewer with ?max_rows=
  --max-body=BYTES   largest request body (default 64M; k, M, G suffixes)
  --threads=N        requests served at once (default 16)
  --quiet            no request log on stderr

Examples:
  annals serve sco.annals
  annals serve --port=0 --read-only sco.annals
  annals serve --host=0.0.0.0 --token-file=token.txt --cors=* sco.annals
  curl -s localhost:8080/api/query -d '{"statement": "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x"}'
)";

namespace {

absl::StatusOr<int64_t> NonNegative(const std::string& name,
                                    const std::string& value, int64_t max) {
  int64_t n = 0;
  if (!absl::SimpleAtoi(value, &n) || n < 0 || n > max) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", name, " takes a whole number from 0 to ", max,
                     ", not '", value, "'"));
  }
  return n;
}

absl::StatusOr<std::string> ReadToken(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return absl::InvalidArgumentError(
        absl::StrCat("--token-file: cannot read '", file, "'"));
  }
  std::string text(std::istreambuf_iterator<char>(in), {});
  std::string line = text.substr(0, text.find('\n'));
  absl::StripAsciiWhitespace(&line);
  if (line.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--token-file: '", file, "' holds no token"));
  }
  return line;
}

}  // namespace

bool ServeOptions::Loopback() const {
  return host == "localhost" || host == "::1" || absl::StartsWith(host, "127.");
}

std::string ServeOptions::Url(int bound_port) const {
  const bool v6 = host.find(':') != std::string::npos;
  return absl::StrCat("http://", v6 ? "[" : "", host, v6 ? "]" : "", ":",
                      bound_port);
}

absl::StatusOr<int64_t> ParseBytes(const std::string& text) {
  std::string digits = text;
  int64_t scale = 1;
  if (!digits.empty()) {
    switch (std::tolower(static_cast<unsigned char>(digits.back()))) {
      case 'k':
        scale = int64_t{1} << 10;
        break;
      case 'm':
        scale = int64_t{1} << 20;
        break;
      case 'g':
        scale = int64_t{1} << 30;
        break;
      default:
        break;
    }
    if (scale != 1) digits.pop_back();
  }
  int64_t n = 0;
  if (!absl::SimpleAtoi(digits, &n) || n <= 0 ||
      n > (int64_t{1} << 40) / scale) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--max-body takes a size in bytes (e.g. 1048576, 512k, 64M), not '",
        text, "'"));
  }
  return n * scale;
}

absl::StatusOr<ServeOptions> ParseServeOptions(
    const std::vector<std::string>& positional,
    const std::vector<std::pair<std::string, std::string>>& flags) {
  ServeOptions o;
  std::string token_file;
  bool token_given = false;
  // --read-only, --timeout and --max-rows as every command takes them.
  cli::StoreFlags store;
  store.limits.timeout_ms = o.timeout_ms;
  store.limits.max_rows = o.max_rows;
  for (const auto& [name, value] : flags) {
    auto taken = cli::ParseStoreFlag(name, value, /*limits=*/true, &store);
    if (!taken.ok()) return taken.status();
    if (*taken) continue;
    if (name == "host") {
      if (value.empty()) {
        return absl::InvalidArgumentError("--host takes an address");
      }
      o.host = value;
    } else if (name == "port") {
      auto n = NonNegative(name, value, 65535);
      if (!n.ok()) return n.status();
      o.port = static_cast<int>(*n);
    } else if (name == "token") {
      if (value.empty()) {
        return absl::InvalidArgumentError("--token takes a non-empty token");
      }
      o.token = value;
      token_given = true;
    } else if (name == "token-file") {
      token_file = value;
    } else if (name == "cors") {
      if (value.empty()) {
        return absl::InvalidArgumentError(
            "--cors takes an origin (http://host:port, or *)");
      }
      o.cors_origin = value;
    } else if (name == "max-body") {
      auto n = ParseBytes(value);
      if (!n.ok()) return n.status();
      o.max_body_bytes = *n;
    } else if (name == "threads") {
      auto n = NonNegative(name, value, 1024);
      if (!n.ok()) return n.status();
      if (*n == 0) {
        return absl::InvalidArgumentError("--threads must be at least 1");
      }
      o.threads = static_cast<int>(*n);
    } else if (name == "quiet") {
      o.quiet = true;
    } else {
      return absl::InvalidArgumentError(
          cli::UnknownOptionMessage(name, kServeHelp));
    }
  }
  if (!token_file.empty()) {
    if (token_given) {
      return absl::InvalidArgumentError(
          "give --token or --token-file, not both");
    }
    auto token = ReadToken(token_file);
    if (!token.ok()) return token.status();
    o.token = *token;
  }
  if (positional.size() != 1) {
    return absl::InvalidArgumentError("serve takes one STORE");
  }
  o.read_only = store.read_only;
  o.timeout_ms = store.limits.timeout_ms;
  o.max_rows = store.limits.max_rows;
  o.store = positional[0];
  return o;
}

}  // namespace annals::serve
