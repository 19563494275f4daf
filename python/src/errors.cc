// The Status -> exception mapping of errors.h.
#include "errors.h"

#include <regex>

#include "absl/strings/match.h"

namespace py = pybind11;

namespace annals::python {
namespace {

// annals._types, set by InitErrors and kept for the process's life.
py::object* types = nullptr;

py::object ErrorClass(const char* name) { return types->attr(name); }

bool PointsAtQuery(const std::string& message) {
  static const std::regex* where =
      new std::regex(R"(line \d+, column \d+:)", std::regex::optimize);
  return std::regex_search(message, *where);
}

const char* ClassFor(const absl::Status& status, Doing doing) {
  const std::string message(status.message());
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kCancelled:  // Connection.interrupt()
      switch (doing) {
        case Doing::kQuery:
          return "QueryError";
        case Doing::kLoad:
          return "LoadError";
        case Doing::kSchema:
          return "SchemaError";
        case Doing::kOpen:
          return "StoreError";  // NotFound: no store there (create=False)
        case Doing::kOther:
          return "Error";
      }
      return "Error";
    case absl::StatusCode::kDeadlineExceeded:
      return doing == Doing::kQuery ? "QueryError" : "StoreError";
    case absl::StatusCode::kResourceExhausted:
      // A query's own limits name their QueryOptions field; a full disk
      // names the store.
      if (doing == Doing::kQuery &&
          absl::StrContains(message, "QueryOptions::")) {
        return "QueryError";
      }
      return "StoreError";
    case absl::StatusCode::kFailedPrecondition:
      // A RETRACT of a claim already retracted points at the statement; a
      // read-only store or a lost writer lock does not (a RETRACT on a
      // read-only store points at its claim, but the store refused).
      if (doing == Doing::kQuery && PointsAtQuery(message) &&
          !absl::StrContains(message, "open read-only")) {
        return "QueryError";
      }
      return "StoreError";
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kInternal:
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kAborted:
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kUnknown:
    case absl::StatusCode::kUnimplemented:
    case absl::StatusCode::kUnauthenticated:
      return "StoreError";
    default:
      return "Error";
  }
}

}  // namespace

void InitErrors() {
  types = new py::object(py::module_::import("annals._types"));
}

void SetErrorUnmade(const char* message) {
  py::object type = ErrorClass("Error");
  PyErr_SetString(type.ptr(), message);
}

void RaiseError(const std::string& message, const char* cls) {
  py::object type = ErrorClass(cls);
  py::object error = type(message);
  PyErr_SetObject(type.ptr(), error.ptr());
  throw py::error_already_set();
}

void Raise(const absl::Status& status, Doing doing) {
  py::object type = ErrorClass(ClassFor(status, doing));
  py::object error = type(std::string(status.message()),
                          absl::StatusCodeToString(status.code()));
  PyErr_SetObject(type.ptr(), error.ptr());
  throw py::error_already_set();
}

}  // namespace annals::python
