// Fuzzes the query lexer and parser (query/lexer.h, query/parser.h): any text
// must give tokens and a syntax tree, or an InvalidArgument, never a crash.
// A script that parses must also print (query/ast_printer.h) to text that
// parses again to the same printed text: Parse(ToString(x)) gives x back.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "query/ast_printer.h"
#include "query/lexer.h"
#include "query/parser.h"

namespace {

void CheckError(const absl::Status& status) {
  if (status.code() != absl::StatusCode::kInvalidArgument) {
    std::fprintf(stderr, "not InvalidArgument: %s\n",
                 status.ToString().c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto tokens = annals::query::Tokenize(text);
  if (!tokens.ok()) CheckError(tokens.status());
  auto script = annals::query::Parse(text);
  if (!script.ok()) {
    CheckError(script.status());
    return 0;
  }
  const std::string printed = annals::query::ToString(*script);
  auto again = annals::query::Parse(printed);
  if (!again.ok()) {
    std::fprintf(stderr, "printed script does not parse:\n%s\n%s\n",
                 printed.c_str(), again.status().ToString().c_str());
    std::abort();
  }
  const std::string reprinted = annals::query::ToString(*again);
  if (reprinted != printed) {
    std::fprintf(stderr, "printing is not stable:\n%s\n---\n%s\n",
                 printed.c_str(), reprinted.c_str());
    std::abort();
  }
  return 0;
}
