// Helpers shared by the fuzz targets (fuzz/*_fuzzer.cc), not by Annals: a
// temporary directory per process, files written from fuzz input, and
// draining a row reader through a RowDecoder as a load does.
#ifndef ANNALS_FUZZ_FUZZ_SUPPORT_H_
#define ANNALS_FUZZ_FUZZ_SUPPORT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "annals/load.h"
#include "load/raw_row.h"
#include "schema/schema.h"

namespace annals::fuzz {

// A directory made once per process under $TMPDIR (or /tmp) and removed at
// exit, ending in '/'.
const std::string& TempDir();

// Writes `bytes` to TempDir() + name, replacing it; aborts on failure.
std::string WriteTempFile(const std::string& name, std::string_view bytes);

// The file under the source tree (ANNALS_SOURCE_DIR), e.g.
// "datasets/tiny/tiny.schema"; aborts when it cannot be read.
std::string ReadSourceFile(const std::string& relative_path);

// The schema of datasets/tiny, parsed once.
const schema::Schema& TinySchema();

// Reads `reader` to its end as a load with skip_bad does: each row is decoded
// by a RowDecoder (with `dates` and `events`, against TinySchema() when
// `with_schema`); bad rows are skipped, at most `max_rows` rows are read.
// Aborts when the reader breaks its contract (a non-InvalidArgument error
// that is not final, or, with `one_row_a_line`, a row line number that does
// not grow: RDF gives several statements a line, a nested one first).
void DrainRows(load::RowReader& reader, std::string_view path, DateFormat dates,
               bool events, bool with_schema, int max_rows,
               bool one_row_a_line = true);

}  // namespace annals::fuzz

#endif  // ANNALS_FUZZ_FUZZ_SUPPORT_H_
