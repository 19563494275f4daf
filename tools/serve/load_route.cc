// POST /api/load: the body (TSV or CSV with a header, or JSON Lines) loaded
// all or nothing, as `annals load` loads a file. Database::Load reads files,
// so the body goes to a temporary file inside the store's own directory
// (the server writes nowhere else), removed when the load ends. Errors name
// the body's line and column: {"error": {"message", "line", "column"}}.
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "tools/serve/auth.h"
#include "tools/serve/http_errors.h"
#include "tools/serve/routes.h"

namespace annals::serve {
namespace {

// ?format=tsv|csv|jsonl, else the Content-Type (text/csv,
// text/tab-separated-values, application/x-ndjson or application/jsonl),
// else TSV.
absl::StatusOr<LoadFormat> Format(const ApiRequest& req) {
  const std::string format = absl::AsciiStrToLower(req.Param("format"));
  if (format == "tsv") return LoadFormat::kTsv;
  if (format == "csv") return LoadFormat::kCsv;
  if (format == "jsonl" || format == "ndjson") return LoadFormat::kJsonl;
  if (!format.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "parameter 'format' is tsv, csv or jsonl, not '", format, "'"));
  }
  const std::string type = absl::AsciiStrToLower(req.content_type);
  if (absl::StrContains(type, "csv")) return LoadFormat::kCsv;
  if (absl::StrContains(type, "ndjson") || absl::StrContains(type, "jsonl") ||
      absl::StrContains(type, "json")) {
    return LoadFormat::kJsonl;
  }
  return LoadFormat::kTsv;
}

// A file in `dir` holding `body`, removed when this goes.
class TempBody {
 public:
  TempBody(const std::string& dir, const std::string& body) {
    std::string pattern = dir + "/serve-load-XXXXXX";
    int fd = mkstemp(pattern.data());
    if (fd < 0) {
      status_ = absl::InternalError(
          absl::StrCat("cannot write the body into the store's directory: ",
                       std::strerror(errno)));
      return;
    }
    path_ = pattern;
    size_t done = 0;
    while (done < body.size()) {
      ssize_t n = write(fd, body.data() + done, body.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        status_ = errno == ENOSPC
                      ? absl::ResourceExhaustedError(
                            "disk full writing the body into the store's "
                            "directory")
                      : absl::InternalError(absl::StrCat(
                            "cannot write the body: ", std::strerror(errno)));
        break;
      }
      done += static_cast<size_t>(n);
    }
    close(fd);
  }
  ~TempBody() {
    if (!path_.empty()) unlink(path_.c_str());
  }
  TempBody(const TempBody&) = delete;
  TempBody& operator=(const TempBody&) = delete;

  const std::string& path() const { return path_; }
  const absl::Status& status() const { return status_; }

 private:
  std::string path_;
  absl::Status status_;
};

// The load's error about the temporary file, about the body instead:
// "PATH:3:7: reason" -> "line 3, column 7: reason".
absl::Status AboutBody(const absl::Status& s, const std::string& path) {
  std::string message(s.message());
  const std::string prefix = path + ":";
  if (absl::StartsWith(message, prefix)) {
    std::string rest = message.substr(prefix.size());
    size_t a = rest.find(':');
    size_t b = a == std::string::npos ? a : rest.find(':', a + 1);
    if (b != std::string::npos && rest.compare(b, 2, ": ") == 0) {
      message =
          absl::StrCat("line ", rest.substr(0, a), ", column ",
                       rest.substr(a + 1, b - a - 1), ": ", rest.substr(b + 2));
    } else {
      message = "body:" + rest;
    }
  }
  return absl::Status(s.code(),
                      absl::StrReplaceAll(message, {{path, "the body"}}));
}

}  // namespace

ApiResponse PostLoad(const ServeContext& ctx, const ApiRequest& req) {
  absl::Status allowed =
      CheckWrite(req.authorization, ctx.options->token, ctx.options->read_only);
  if (!allowed.ok()) return ErrorResponse(allowed);
  auto format = Format(req);
  if (!format.ok()) return ErrorResponse(format.status());
  if (req.body.empty()) {
    return ErrorResponse(absl::InvalidArgumentError(
        "the body is empty: send the rows to load (TSV or CSV with a header "
        "line, or JSON Lines)"));
  }
  LoadOptions options;
  options.format = *format;
  options.cancel = ctx.stopping;
  const std::string dry = req.Param("dry_run");
  options.dry_run = dry == "1" || dry == "true";
  const std::string strict = req.Param("strict");
  options.strict = strict == "1" || strict == "true";
  TempBody file(ctx.db->dir(), req.body);
  if (!file.status().ok()) return ErrorResponse(file.status());
  auto result = ctx.db->Load({file.path()}, options);
  if (!result.ok())
    return ErrorResponse(AboutBody(result.status(), file.path()));
  Json batches = Json::array();
  for (uint64_t b : result->batches) batches.push_back(b);
  return JsonResponse(
      Json{{"rows", result->rows},
           {"claims_added", result->claims_added},
           {"duplicates", result->duplicates},
           {"replaced_rows", result->replaced_rows},
           {"superseded", result->superseded},
           {"terms_added", result->terms_added},
           {"new_entities", result->new_entities},
           {"new_entity_count", result->new_entity_count},
           {"new_predicates", result->new_predicates},
           {"new_predicate_count", result->new_predicate_count},
           {"notices", result->notices},
           {"first_claim", result->claims_added > 0
                               ? ValueJson(Value::Claim(result->first_claim))
                               : Json(nullptr)},
           {"batches", batches},
           {"dry_run", options.dry_run},
           {"seconds", result->seconds}});
}

}  // namespace annals::serve
