// TSV and CSV reading (see delimited_reader.h): split each line (CSV: each
// record, which quoted line breaks may extend) into fields, check their count
// and UTF-8, and map them to columns by the header.
#include "load/delimited_reader.h"

#include <array>
#include <cstring>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/utf8.h"
#include "load/reader_util.h"

namespace annals::load {
namespace {

constexpr size_t kNoScratch = static_cast<size_t>(-1);

}  // namespace

absl::StatusOr<std::unique_ptr<DelimitedReader>> DelimitedReader::Open(
    const std::string& path, Dialect dialect, const ReaderOptions& options) {
  auto source = LineSource::Open(path, options.max_line_bytes,
                                 options.chunk_bytes, options.part);
  if (!source.ok()) return source.status();
  std::unique_ptr<DelimitedReader> reader(
      new DelimitedReader(std::move(*source), dialect));
  if (options.columns.empty()) {
    if (absl::Status s = reader->ReadHeader(options.renames); !s.ok()) {
      return s;
    }
  } else {  // a later part of the file: the header is known
    reader->columns_ = options.columns;
    reader->escapes_ = options.tsv_escapes;
    for (Column c : options.columns) {
      reader->empty_row_.fields[static_cast<int>(c)].present = true;
    }
  }
  return reader;
}

DelimitedReader::DelimitedReader(std::unique_ptr<LineSource> source,
                                 Dialect dialect)
    : source_(std::move(source)), dialect_(dialect) {
  spans_.reserve(kColumnCount + 1);
}

absl::Status DelimitedReader::ReadHeader(const ColumnRenames& renames) {
  std::string_view record;
  for (;;) {
    switch (source_->NextLine(&record)) {
      case LineSource::Result::kLine:
        break;
      case LineSource::Result::kEnd:
        return absl::OkStatus();  // empty file: no columns, no rows
      case LineSource::Result::kTooLong:
        return source_->Error(
            source_->line_number(), 1,
            absl::StrCat("header line longer than ",
                         FormatByteSize(source_->max_line_bytes())));
      case LineSource::Result::kIoError:
        return source_->io_status();
    }
    if (dialect_ != Dialect::kTsv || escapes_ || record != kTsvEscapesLine) {
      break;
    }
    escapes_ = true;  // the header is on the next line
  }
  if (absl::Status s = Split(&record); !s.ok()) return s;
  if (const size_t bad = FindInvalidUtf8(record); bad < record.size()) {
    return ErrorAt(record, bad,
                   absl::StrFormat("invalid UTF-8 at byte 0x%02X in the header",
                                   static_cast<unsigned char>(record[bad])));
  }
  std::array<bool, kColumnCount> seen{};
  std::array<std::string_view, kColumnCount> seen_as{};  // the header's name
  std::vector<bool> renamed(renames.size());
  for (const Span& span : spans_) {
    std::string_view name = SpanText(record, span);
    // Errors point at the name; for an unescaped field, past any blanks.
    size_t offset = span.in_scratch ? span.raw_begin : span.begin;
    while (!name.empty() && absl::ascii_isspace(name.front())) {
      name.remove_prefix(1);
      if (!span.in_scratch) ++offset;
    }
    while (!name.empty() && absl::ascii_isspace(name.back())) {
      name.remove_suffix(1);
    }
    if (name.empty()) {
      return ErrorAt(record, offset, "empty column name in the header");
    }
    int rename = -1;
    const int index = ColumnFromName(name, renames, &rename);
    if (index < 0) {
      return ErrorAt(record, offset, UnknownFileColumnMessage("column", name));
    }
    if (rename >= 0) renamed[rename] = true;
    if (seen[index]) {
      std::string message =
          absl::StrCat("duplicate column '", AbslView(name), "'");
      if (!absl::EqualsIgnoreCase(AbslView(name), AbslView(seen_as[index]))) {
        absl::StrAppend(&message, ": '", AbslView(seen_as[index]), "' and '",
                        AbslView(name), "' both stand for ",
                        AbslView(ColumnName(static_cast<Column>(index))),
                        " (see the column mapping)");
      }
      return ErrorAt(record, offset, message);
    }
    seen[index] = true;
    seen_as[index] = name;
    columns_.push_back(static_cast<Column>(index));
    empty_row_.fields[index].present = true;
  }
  for (size_t i = 0; i < renames.size(); ++i) {
    if (!renamed[i]) {
      return ErrorAt(
          record, 0,
          absl::StrCat("column mapping ", renames[i].name, ":",
                       AbslView(ColumnName(renames[i].column)),
                       ": the header has no column '", renames[i].name, "'"));
    }
  }
  for (Column required :
       {Column::kSubject, Column::kPredicate, Column::kObject}) {
    if (!seen[static_cast<int>(required)]) {
      return ErrorAt(
          record, 0,
          absl::StrCat("missing required column '",
                       AbslView(ColumnName(required)),
                       "' (the header must name subject, predicate and "
                       "object)"));
    }
  }
  return absl::OkStatus();
}

bool DelimitedReader::Next(RawRow* row) {
  std::string_view record;
  if (columns_.empty()) {  // empty file
    status_ = source_->io_status();
    return false;
  }
  if (!source_->ReadLine(&record, &status_)) return false;
  status_ = Split(&record);
  if (status_.ok()) status_ = CheckRecord(record);
  if (!status_.ok()) return false;

  *row = empty_row_;
  row->line = source_->line_number();
  size_t scanned = 0, line_begin = 0;  // for fields after a quoted newline
  for (size_t i = 0; i < spans_.size(); ++i) {
    const Span& span = spans_[i];
    RawField& field = row->fields[static_cast<int>(columns_[i])];
    field.text = SpanText(record, span);
    if (multiline_) {
      while (const void* nl = std::memchr(record.data() + scanned, '\n',
                                          span.raw_begin - scanned)) {
        scanned =
            static_cast<size_t>(static_cast<const char*>(nl) - record.data()) +
            1;
        line_begin = scanned;
      }
      scanned = span.raw_begin;
    }
    field.column = static_cast<int32_t>(span.raw_begin - line_begin + 1);
  }
  return true;
}

absl::Status DelimitedReader::Split(std::string_view* record) {
  spans_.clear();
  multiline_ = false;
  if (dialect_ == Dialect::kCsv) return SplitCsv(record);
  scratch_.clear();
  const char* p = record->data();
  const size_t n = record->size();
  size_t pos = 0;
  for (;;) {
    const void* tab = std::memchr(p + pos, '\t', n - pos);
    const size_t end =
        tab != nullptr ? static_cast<size_t>(static_cast<const char*>(tab) - p)
                       : n;
    spans_.push_back({pos, end - pos, pos, false});
    if (escapes_ && std::memchr(p + pos, '\\', end - pos) != nullptr) {
      if (absl::Status s = UnescapeTsv(*record); !s.ok()) return s;
    }
    if (tab == nullptr) return absl::OkStatus();
    pos = end + 1;
  }
}

absl::Status DelimitedReader::UnescapeTsv(std::string_view record) {
  Span& span = spans_.back();
  const size_t begin = scratch_.size();
  const size_t end = span.begin + span.size;
  for (size_t i = span.begin; i < end; ++i) {
    if (record[i] != '\\') {
      scratch_.push_back(record[i]);
      continue;
    }
    const char next = i + 1 < end ? record[i + 1] : '\0';
    switch (next) {
      case 't':
        scratch_.push_back('\t');
        break;
      case 'n':
        scratch_.push_back('\n');
        break;
      case 'r':
        scratch_.push_back('\r');
        break;
      case '\\':
        scratch_.push_back('\\');
        break;
      default:
        return ErrorAt(
            record, i,
            absl::StrCat("unknown escape: a backslash before ",
                         i + 1 < end ? DescribeByteAt(record, i + 1)
                                     : std::string("the end of the field"),
                         " (this file starts with ", AbslView(kTsvEscapesLine),
                         ": write \\t, \\n, \\r or \\\\)"));
    }
    ++i;
  }
  span = {begin, scratch_.size() - begin, span.raw_begin, true};
  return absl::OkStatus();
}

absl::Status DelimitedReader::SplitCsv(std::string_view* record) {
  scratch_.clear();
  size_t pos = 0;
  for (;;) {
    const size_t start = pos;
    if (pos < record->size() && (*record)[pos] == '"') {
      size_t scan = pos + 1;    // where to look for the next quote
      size_t copied = pos + 1;  // text before this is in scratch_ (if used)
      size_t scratch_begin = kNoScratch;
      std::pair<int64_t, int64_t> quote_at(0, 0);  // for an error, once known
      for (;;) {
        const char* p = record->data();
        const size_t n = record->size();
        const void* hit = std::memchr(p + scan, '"', n - scan);
        if (hit == nullptr) {  // the field goes on in the next line
          if (quote_at.first == 0) quote_at = Locate(*record, start);
          const LineSource::Result r = source_->ExtendLine(record);
          if (r == LineSource::Result::kLine) {
            multiline_ = true;
            scan = n;
            continue;
          }
          if (r == LineSource::Result::kIoError) return source_->io_status();
          return source_->Error(
              quote_at.first, quote_at.second,
              r == LineSource::Result::kEnd
                  ? "unterminated quoted field: no closing quote before the "
                    "end of the file"
                  : absl::StrCat(
                        "unterminated quoted field: no closing quote within ",
                        FormatByteSize(source_->max_line_bytes())));
        }
        const size_t q = static_cast<size_t>(static_cast<const char*>(hit) - p);
        if (q + 1 < n && p[q + 1] == '"') {  // "" stands for one quote
          if (scratch_begin == kNoScratch) scratch_begin = scratch_.size();
          scratch_.append(p + copied, q + 1 - copied);
          scan = copied = q + 2;
          continue;
        }
        if (scratch_begin == kNoScratch) {
          spans_.push_back({start + 1, q - start - 1, start, false});
        } else {
          scratch_.append(p + copied, q - copied);
          spans_.push_back(
              {scratch_begin, scratch_.size() - scratch_begin, start, true});
        }
        pos = q + 1;
        break;
      }
      if (pos == record->size()) return absl::OkStatus();
      if ((*record)[pos] != ',') {
        return ErrorAt(*record, pos,
                       absl::StrCat("expected ',' or end of line after a "
                                    "closing quote, found ",
                                    DescribeByteAt(*record, pos)));
      }
      ++pos;
      continue;
    }
    const char* p = record->data();
    const size_t n = record->size();
    const void* comma = std::memchr(p + pos, ',', n - pos);
    const size_t end =
        comma != nullptr
            ? static_cast<size_t>(static_cast<const char*>(comma) - p)
            : n;
    spans_.push_back({pos, end - pos, pos, false});
    if (comma == nullptr) return absl::OkStatus();
    pos = end + 1;
  }
}

absl::Status DelimitedReader::CheckRecord(std::string_view record) const {
  if (spans_.size() != columns_.size()) {
    std::string message =
        absl::StrCat("expected ", columns_.size(), " fields (");
    for (size_t i = 0; i < columns_.size(); ++i) {
      absl::StrAppend(&message, i == 0 ? "" : ", ",
                      AbslView(ColumnName(columns_[i])));
    }
    absl::StrAppend(&message, "), found ", spans_.size());
    const size_t offset = spans_.size() > columns_.size()
                              ? spans_[columns_.size()].raw_begin
                              : record.size();
    return ErrorAt(record, offset, message);
  }
  if (const size_t bad = FindInvalidUtf8(record); bad < record.size()) {
    size_t field = 0;
    while (field + 1 < spans_.size() && spans_[field + 1].raw_begin <= bad) {
      ++field;
    }
    return ErrorAt(record, bad,
                   absl::StrFormat("invalid UTF-8 at byte 0x%02X in field '%s'",
                                   static_cast<unsigned char>(record[bad]),
                                   AbslView(ColumnName(columns_[field]))));
  }
  return absl::OkStatus();
}

std::pair<int64_t, int64_t> DelimitedReader::Locate(std::string_view record,
                                                    size_t offset) const {
  int64_t line = source_->line_number();
  size_t line_begin = 0;
  if (multiline_) {
    for (size_t i = 0; i < offset && i < record.size(); ++i) {
      if (record[i] == '\n') {
        ++line;
        line_begin = i + 1;
      }
    }
  }
  return {line, static_cast<int64_t>(offset - line_begin) + 1};
}

absl::Status DelimitedReader::ErrorAt(std::string_view record, size_t offset,
                                      std::string_view message) const {
  const auto [line, column] = Locate(record, offset);
  return source_->Error(line, column, message);
}

std::string_view DelimitedReader::SpanText(std::string_view record,
                                           const Span& span) const {
  const char* base = span.in_scratch ? scratch_.data() : record.data();
  return std::string_view(base + span.begin, span.size);
}

}  // namespace annals::load
