// The HTTP API's requests and responses as plain data, so that the routes
// (query_routes, read_routes, load_route) know nothing of the HTTP library:
// server.cc, the one file that includes httplib.h, converts to and from
// them. A response is either a whole body or a stream of chunks (NDJSON).
#ifndef ANNALS_TOOLS_SERVE_API_TYPES_H_
#define ANNALS_TOOLS_SERVE_API_TYPES_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace annals::serve {

struct ApiRequest {
  // Path segments after the route's prefix, URL-decoded one by one
  // (`/api/history/Power%20of%20Siberia%202/status` -> {"Power of Siberia 2",
  // "status"}), so that a name may hold `/` (as %2F).
  std::vector<std::string> segments;
  std::map<std::string, std::string> query;  // ?name=value, decoded
  std::string body;
  std::string accept;         // the Accept header
  std::string content_type;   // the Content-Type header
  std::string authorization;  // the Authorization header

  // The query parameter `name`, or "" when absent.
  std::string Param(const std::string& name) const {
    auto it = query.find(name);
    return it == query.end() ? std::string() : it->second;
  }
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // Set for a streamed body: called until it returns false, each call
  // appending the next chunk to `*chunk` (possibly nothing). `body` is
  // ignored then.
  std::function<bool(std::string* chunk)> stream;
  std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace annals::serve

#endif  // ANNALS_TOOLS_SERVE_API_TYPES_H_
