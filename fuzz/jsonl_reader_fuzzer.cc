// Fuzzes the JSON Lines reader (load/jsonl_reader.h) and the RowDecoder
// behind it: the input's first byte picks the options, the rest is written
// to a file (LineSource reads files only), read to its end with bad rows
// skipped, and every row decoded as a load would.
//
// First byte: bit 1 tiny read chunks and line limit; bit 2 dates with `#`
// digits; bit 3 events; bit 4 check rows against datasets/tiny's schema;
// bit 5 the key `start` stands for valid_from (a column rename).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "load/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data + 1),
                              size - 1);
  const std::string path = annals::fuzz::WriteTempFile("input.jsonl", text);
  annals::load::ReaderOptions options;
  options.chunk_bytes = (mode & 2) ? 7 : 4096;
  options.max_line_bytes = (mode & 2) ? 64 : 1 << 16;
  if (mode & 32) {
    options.renames.push_back({"start", annals::load::Column::kValidFrom});
  }
  auto reader = annals::load::JsonlReader::Open(path, options);
  if (!reader.ok()) return 0;
  annals::fuzz::DrainRows(**reader, path,
                          (mode & 4) ? annals::DateFormat::kUnknownDigits
                                     : annals::DateFormat::kIso,
                          (mode & 8) != 0, (mode & 16) != 0,
                          /*max_rows=*/10000);
  return 0;
}
