// How values travel as JSON (docs/http.md, "Values"): integers, decimals
// and booleans as JSON numbers and booleans, strings as JSON strings, and
// every other value as an object with its `type`, its `text` (as the shell
// prints it) and its parts:
//   {"type": "entity", "text": "Gazprom"}
//   {"type": "time", "text": "2025-09", "precision": "month",
//    "start": 1756684800, "end": 1759276800}        (unix seconds, [start,
//    end))
//   {"type": "quantity", "text": "56 bcm/yr", "value": 56, "unit": "bcm/yr"}
//   {"type": "claim", "text": "#c42", "id": 42}
//   {"type": "interval", "text": "[2025-09-02, ...)", "from": time, "to": null}
// and back: query parameters given as JSON become Values (ParamValue).
#ifndef ANNALS_TOOLS_SERVE_JSON_VALUES_H_
#define ANNALS_TOOLS_SERVE_JSON_VALUES_H_

#include <optional>

#include "absl/status/statusor.h"
#include "annals/claim.h"
#include "annals/result.h"
#include "annals/time.h"
#include "annals/value.h"
#include "nlohmann/json.hpp"

namespace annals::serve {

using Json = nlohmann::json;

Json TimeJson(const TimePoint& t);
Json TimeJson(const std::optional<TimePoint>& t);  // null when absent
Json IntervalJson(const Interval& i);
Json ValueJson(const Value& v);
Json CellJson(const Cell& c);
Json RowJson(const Row& row);
// A stored claim with its times and provenance: id, subject, predicate,
// object, valid, recorded, retracted, source, by, confidence, batch, row.
Json ClaimJson(const Claim& c);

// A parameter's value from JSON: a number (integer or decimal), a boolean,
// a string (a date if it reads as one with a `-` or `T` in it, like
// `2025-09-02`; otherwise as a load file's field: `56 bcm/yr`, `#c42`, or a
// name), or an object {"type": KIND, "text": TEXT} with a kind of
// ValueKindName ("entity", "string", "date" or "time", ...).
// InvalidArgument naming the parameter otherwise.
absl::StatusOr<Value> ParamValue(const std::string& name, const Json& json);

// A time given in a request (?at=2025-06-01): TimePoint::Parse, with the
// parameter named in the error.
absl::StatusOr<TimePoint> ParseTimeParam(const std::string& name,
                                         const std::string& text);

}  // namespace annals::serve

#endif  // ANNALS_TOOLS_SERVE_JSON_VALUES_H_
