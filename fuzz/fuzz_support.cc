#include "fuzz/fuzz_support.h"

#include <stdlib.h>  // mkdtemp

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "annals/time.h"
#include "engine/bulk_loader.h"
#include "engine/term_table.h"
#include "load/row_decoder.h"
#include "schema/schema_parser.h"

namespace annals::fuzz {
namespace {

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "fuzz support: %s\n", message.c_str());
  std::abort();
}

void RemoveTempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(TempDir(), ignored);
}

}  // namespace

const std::string& TempDir() {
  static const std::string* const dir = [] {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = base != nullptr && *base != '\0' ? base : "/tmp";
    pattern += "/annals_fuzz_XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) Die("mkdtemp " + pattern);
    auto* d = new std::string(pattern + "/");
    std::atexit(RemoveTempDir);
    return d;
  }();
  return *dir;
}

std::string WriteTempFile(const std::string& name, std::string_view bytes) {
  const std::string path = TempDir() + name;
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) Die("cannot write " + path);
  if (std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) {
    Die("cannot write " + path);
  }
  std::fclose(f);
  return path;
}

std::string ReadSourceFile(const std::string& relative_path) {
  const std::string path = std::string(ANNALS_SOURCE_DIR) + "/" + relative_path;
  std::ifstream in(path, std::ios::binary);
  if (!in) Die("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const schema::Schema& TinySchema() {
  static const schema::Schema* const schema = [] {
    auto parsed = schema::ParseSchema(
        ReadSourceFile("datasets/tiny/tiny.schema"), "tiny.schema");
    if (!parsed.ok()) Die(std::string(parsed.status().message()));
    return new schema::Schema(*std::move(parsed));
  }();
  return *schema;
}

void DrainRows(load::RowReader& reader, std::string_view path, DateFormat dates,
               bool events, bool with_schema, int max_rows,
               bool one_row_a_line) {
  engine::TermTable terms;
  load::RowDecoder decoder(&terms, *TimePoint::Parse("2025-09-03"),
                           /*next_claim=*/10, dates,
                           with_schema ? &TinySchema() : nullptr);
  decoder.set_events(events);
  load::RawRow row;
  int64_t last_line = 0;
  for (int i = 0; i < max_rows; ++i) {
    if (!reader.Next(&row)) {
      const absl::Status status = reader.status();
      if (status.code() == absl::StatusCode::kInvalidArgument) continue;
      return;  // the end, or a final I/O error
    }
    if (one_row_a_line && row.line <= last_line) {
      Die("row line numbers went backwards");
    }
    last_line = row.line;
    engine::ClaimRecord claim;
    decoder.Decode(row, path, /*file_index=*/0, &claim).IgnoreError();
  }
}

}  // namespace annals::fuzz
