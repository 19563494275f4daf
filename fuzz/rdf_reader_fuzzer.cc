// Fuzzes the RDF reader (load/rdf_reader.h, Serd underneath), the rows it
// makes (load/rdf_row_reader.h, --claims annotations included) and the
// RowDecoder behind them: the first byte picks the syntax (N-Triples,
// N-Quads, Turtle, TriG) and whether rows are checked against datasets/tiny's
// schema; the rest is the document, read to its end with bad statements
// skipped (N-Triples and N-Quads go on past them) and every row decoded as a
// load would.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz/fuzz_support.h"
#include "load/rdf_reader.h"
#include "load/rdf_row_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  const annals::load::RdfSyntax syntax =
      static_cast<annals::load::RdfSyntax>(mode & 3);
  annals::load::RdfReaderOptions options;
  options.base_iri = "http://example.org/base/doc";
  options.max_line_bytes = (mode & 8) ? 64 : 1 << 16;
  auto reader = annals::load::RdfReader::FromString(std::move(text), "in",
                                                    syntax, options);
  annals::load::RdfRowReader rows(std::move(reader), "L1.0.");
  annals::fuzz::DrainRows(rows, "in", annals::DateFormat::kIso,
                          /*events=*/false, (mode & 4) != 0,
                          /*max_rows=*/10000, /*one_row_a_line=*/false);
  return 0;
}
