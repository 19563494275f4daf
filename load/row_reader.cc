// Format selection for load files (see row_reader.h).
#include "load/row_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "load/delimited_reader.h"
#include "load/jsonl_reader.h"
#include "load/rdf_row_reader.h"
#include "load/reader_util.h"
#include "load/wikidata_reader.h"

namespace annals::load {

LoadFormat FormatFromExtension(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  const size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return LoadFormat::kAuto;
  }
  const std::string ext = absl::AsciiStrToLower(path.substr(dot + 1));
  if (ext == "tsv" || ext == "txt") return LoadFormat::kTsv;
  if (ext == "csv") return LoadFormat::kCsv;
  if (ext == "jsonl" || ext == "ndjson" || ext == "json")
    return LoadFormat::kJsonl;
  if (ext == "nt") return LoadFormat::kNTriples;
  if (ext == "nq") return LoadFormat::kNQuads;
  if (ext == "ttl") return LoadFormat::kTurtle;
  if (ext == "trig") return LoadFormat::kTriG;
  return LoadFormat::kAuto;
}

absl::StatusOr<std::unique_ptr<RowReader>> OpenRowReader(
    const std::string& path, LoadFormat format, const ReaderOptions& options) {
  if (format == LoadFormat::kAuto) {
    format = FormatFromExtension(path);
    if (format == LoadFormat::kAuto) {
      return absl::InvalidArgumentError(absl::StrCat(
          "cannot tell the format of '", path,
          "' from its extension; use .tsv or .txt (TSV), .csv (CSV), "
          ".jsonl, .ndjson or .json (JSON Lines), .nt, .nq, .ttl or .trig "
          "(RDF), or give the format"));
    }
  }
  switch (format) {
    case LoadFormat::kTsv:
    case LoadFormat::kCsv: {
      auto reader = DelimitedReader::Open(path,
                                          format == LoadFormat::kTsv
                                              ? DelimitedReader::Dialect::kTsv
                                              : DelimitedReader::Dialect::kCsv,
                                          options);
      if (!reader.ok()) return reader.status();
      return std::unique_ptr<RowReader>(std::move(*reader));
    }
    case LoadFormat::kJsonl: {
      auto reader = JsonlReader::Open(path, options);
      if (!reader.ok()) return reader.status();
      return std::unique_ptr<RowReader>(std::move(*reader));
    }
    case LoadFormat::kNTriples:
    case LoadFormat::kNQuads:
    case LoadFormat::kTurtle:
    case LoadFormat::kTriG: {
      RdfSyntax syntax = format == LoadFormat::kNTriples ? RdfSyntax::kNTriples
                         : format == LoadFormat::kNQuads ? RdfSyntax::kNQuads
                         : format == LoadFormat::kTurtle ? RdfSyntax::kTurtle
                                                         : RdfSyntax::kTriG;
      RdfReaderOptions rdf;
      rdf.base_iri = options.base_iri;
      rdf.max_line_bytes = options.max_line_bytes;
      auto reader = RdfReader::Open(path, syntax, rdf);
      if (!reader.ok()) return reader.status();
      if (options.wikidata) {
        return std::unique_ptr<RowReader>(std::make_unique<WikidataRowReader>(
            std::move(*reader), path, options.language, options.blank_scope));
      }
      return std::unique_ptr<RowReader>(std::make_unique<RdfRowReader>(
          std::move(*reader), options.blank_scope));
    }
    case LoadFormat::kAuto:
      break;
  }
  return absl::InternalError("unreachable");
}

namespace {

constexpr int64_t kMinPartBytes = int64_t{4} << 20;

// Offset just past the first '\n' at or after `from`, or -1.
int64_t NextLineStart(int fd, int64_t from, int64_t size) {
  char buf[64 << 10];
  for (int64_t at = from; at < size;) {
    ssize_t n = pread(fd, buf, sizeof(buf), at);
    if (n <= 0) return -1;
    if (const void* nl = std::memchr(buf, '\n', static_cast<size_t>(n))) {
      return at + (static_cast<const char*>(nl) - buf) + 1;
    }
    at += n;
  }
  return -1;
}

// Number of '\n' in [from, to).
int64_t CountLines(int fd, int64_t from, int64_t to) {
  char buf[1 << 20];
  int64_t lines = 0;
  for (int64_t at = from; at < to;) {
    ssize_t n =
        pread(fd, buf,
              static_cast<size_t>(std::min<int64_t>(sizeof(buf), to - at)), at);
    if (n <= 0) break;
    lines += std::count(buf, buf + n, '\n');
    at += n;
  }
  return lines;
}

}  // namespace

absl::StatusOr<std::vector<std::unique_ptr<RowReader>>> OpenRowReaders(
    const std::string& path, LoadFormat format, const ReaderOptions& options,
    int parts) {
  if (format == LoadFormat::kAuto) format = FormatFromExtension(path);
  std::vector<std::unique_ptr<RowReader>> readers;
  // Part boundaries: line starts near equal shares of the file.
  std::vector<LineRange> ranges;
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && parts > 1 &&
      (format == LoadFormat::kTsv || format == LoadFormat::kJsonl) &&
      st.st_size >= kMinPartBytes) {
    int64_t size = st.st_size;
    int64_t header_end = NextLineStart(fd, 0, size);
    int64_t begin = 0, line = 1;
    for (int k = 1; k < parts && header_end > 0; ++k) {
      int64_t split =
          NextLineStart(fd, std::max(size * k / parts, header_end), size);
      if (split <= begin || split >= size) break;
      ranges.push_back({begin, split, line});
      line += CountLines(fd, begin, split);
      begin = split;
    }
    if (!ranges.empty()) ranges.push_back({begin, -1, line});
  }
  if (fd >= 0) close(fd);
  if (ranges.empty()) {
    auto reader = OpenRowReader(path, format, options);
    if (!reader.ok()) return reader.status();
    readers.push_back(std::move(*reader));
    return readers;
  }
  ReaderOptions part_options = options;
  for (const LineRange& range : ranges) {
    part_options.part = range;
    auto reader = OpenRowReader(path, format, part_options);
    if (!reader.ok()) return reader.status();
    if (format == LoadFormat::kTsv && readers.empty()) {
      auto* first = static_cast<DelimitedReader*>(reader->get());
      part_options.columns = first->columns();
      part_options.tsv_escapes = first->escapes();
      if (part_options.columns.empty()) {  // no header: an empty file
        readers.push_back(std::move(*reader));
        return readers;
      }
    }
    readers.push_back(std::move(*reader));
  }
  return readers;
}

}  // namespace annals::load
