// Fuzzes the TSV and CSV reader (load/delimited_reader.h) and the RowDecoder
// behind it: the input's first byte picks the options, the rest is written
// to a file (LineSource reads files only), read to its end with bad rows
// skipped, and every row decoded as a load would.
//
// First byte: bit 0 CSV (else TSV); bit 1 tiny read chunks and line limit
// (LineSource's buffer growth and too-long lines); bit 2 dates with `#`
// digits; bit 3 events; bit 4 check rows against datasets/tiny's schema.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "load/delimited_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data + 1),
                              size - 1);
  const auto dialect = (mode & 1)
                           ? annals::load::DelimitedReader::Dialect::kCsv
                           : annals::load::DelimitedReader::Dialect::kTsv;
  const std::string path =
      annals::fuzz::WriteTempFile((mode & 1) ? "input.csv" : "input.tsv", text);
  annals::load::ReaderOptions options;
  options.chunk_bytes = (mode & 2) ? 7 : 4096;
  options.max_line_bytes = (mode & 2) ? 64 : 1 << 16;
  auto reader = annals::load::DelimitedReader::Open(path, dialect, options);
  if (!reader.ok()) return 0;
  annals::fuzz::DrainRows(**reader, path,
                          (mode & 4) ? annals::DateFormat::kUnknownDigits
                                     : annals::DateFormat::kIso,
                          (mode & 8) != 0, (mode & 16) != 0,
                          /*max_rows=*/10000);
  return 0;
}
