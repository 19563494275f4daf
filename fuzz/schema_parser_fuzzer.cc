// Fuzzes the schema parser (schema/schema_parser.h): any text must give a
// Schema or an InvalidArgument, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "schema/schema_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto schema = annals::schema::ParseSchema(text, "fuzz.schema");
  if (!schema.ok() &&
      schema.status().code() != absl::StatusCode::kInvalidArgument) {
    std::abort();  // errors are documented as InvalidArgument
  }
  return 0;
}
