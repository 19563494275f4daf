// Status codes and error bodies of the HTTP API (http_errors.h).
#include "tools/serve/http_errors.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"

namespace annals::serve {
namespace {

// The QueryOptions field a limit error names, as a request parameter.
std::string LimitOf(const absl::Status& s) {
  if (s.code() == absl::StatusCode::kDeadlineExceeded) return "timeout_ms";
  if (s.code() != absl::StatusCode::kResourceExhausted) return "";
  if (absl::StrContains(s.message(), "QueryOptions::max_rows")) {
    return "max_rows";
  }
  if (absl::StrContains(s.message(), "QueryOptions::max_path_nodes")) {
    return "max_path_nodes";
  }
  if (absl::StrContains(s.message(), "--max-body")) return "max_body";
  if (absl::StrContains(s.message(), "(max_dispute_claims)")) {
    return "max_dispute_claims";
  }
  return "";
}

bool TakeNumber(absl::string_view* text, int* n) {
  size_t digits = 0;
  while (digits < text->size() && absl::ascii_isdigit((*text)[digits])) {
    ++digits;
  }
  if (digits == 0 || !absl::SimpleAtoi(text->substr(0, digits), n)) {
    return false;
  }
  text->remove_prefix(digits);
  return true;
}

}  // namespace

bool SplitLocation(std::string_view whole, int* line, int* column,
                   std::string* message) {
  absl::string_view text(whole.data(), whole.size());
  if (!absl::ConsumePrefix(&text, "line ") || !TakeNumber(&text, line) ||
      !absl::ConsumePrefix(&text, ", column ") || !TakeNumber(&text, column) ||
      !absl::ConsumePrefix(&text, ": ")) {
    return false;
  }
  *message = std::string(text.substr(0, text.find('\n')));
  return true;
}

int HttpStatusFor(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
      return 200;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kOutOfRange:
      return 400;
    case absl::StatusCode::kUnauthenticated:
      return 401;
    case absl::StatusCode::kPermissionDenied:
      return 403;
    case absl::StatusCode::kNotFound:
      return 404;
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kAborted:
      return 409;
    case absl::StatusCode::kDeadlineExceeded:
      return 504;
    case absl::StatusCode::kCancelled:
      return 503;
    case absl::StatusCode::kUnimplemented:
      return 501;
    case absl::StatusCode::kResourceExhausted: {
      const std::string limit = LimitOf(status);
      if (limit == "max_body") return 413;
      return limit.empty() ? 507 : 422;
    }
    default:
      return 500;
  }
}

Json ErrorJson(const absl::Status& status) {
  // The API's names of the limits are the request's parameters here.
  const std::string text = absl::StrReplaceAll(
      status.message(), {{"QueryOptions::max_rows", "max_rows"},
                         {"QueryOptions::timeout_ms", "timeout_ms"},
                         {"QueryOptions::max_path_nodes", "max_path_nodes"}});
  Json error = Json::object();
  int line = 0, column = 0;
  std::string message;
  if (SplitLocation(text, &line, &column, &message)) {
    error["message"] = message;
    error["line"] = line;
    error["column"] = column;
  } else {
    error["message"] = text.substr(0, text.find('\n'));
  }
  error["code"] = absl::StatusCodeToString(status.code());
  error["detail"] = text;
  if (std::string limit = LimitOf(status); !limit.empty()) {
    error["limit"] = limit;
  }
  return Json{{"error", error}};
}

ApiResponse JsonResponse(const Json& body, int http_status) {
  ApiResponse r;
  r.status = http_status;
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  r.body += "\n";
  return r;
}

ApiResponse ErrorResponse(int http_status, const absl::Status& status) {
  return JsonResponse(ErrorJson(status), http_status);
}

ApiResponse ErrorResponse(const absl::Status& status) {
  return ErrorResponse(HttpStatusFor(status), status);
}

}  // namespace annals::serve
