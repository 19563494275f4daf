// Errors as HTTP answers (docs/http.md, "Errors"): the status code for each
// absl::Status code, and the body
//   {"error": {"message": "unknown name `Rusia`; did you mean `Russia`?",
//              "line": 1, "column": 15, "code": "INVALID_ARGUMENT",
//              "detail": "<the whole message, with the line and a caret>"}}
// with "line" and "column" only when the message gives a place, and
// "limit" ("timeout_ms", "max_rows", "max_path_nodes", "max_body") when a
// limit was reached.
#ifndef ANNALS_TOOLS_SERVE_HTTP_ERRORS_H_
#define ANNALS_TOOLS_SERVE_HTTP_ERRORS_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "tools/serve/api_types.h"
#include "tools/serve/json_values.h"

namespace annals::serve {

// 400 InvalidArgument (a bad statement, parameter or load row), 401
// Unauthenticated, 403 PermissionDenied, 404 NotFound, 409
// FailedPrecondition and AlreadyExists (e.g. RETRACT of a retracted claim),
// 413 a body over --max-body, 422 a row or PATH limit, 504 the time limit,
// 503 Cancelled (the server is stopping), 507 a full disk, 500 any other
// store problem.
int HttpStatusFor(const absl::Status& status);

// The error body of `status` (see above).
Json ErrorJson(const absl::Status& status);

// A JSON error response for `status`, or with an explicit HTTP code.
ApiResponse ErrorResponse(const absl::Status& status);
ApiResponse ErrorResponse(int http_status, const absl::Status& status);

// A JSON response with `body` (serialised) and `http_status`.
ApiResponse JsonResponse(const Json& body, int http_status = 200);

// "line 3, column 7: message" -> 3, 7 and "message" (the rest of the first
// line); false when `text` does not start with a place.
bool SplitLocation(std::string_view text, int* line, int* column,
                   std::string* message);

}  // namespace annals::serve

#endif  // ANNALS_TOOLS_SERVE_HTTP_ERRORS_H_
