// JSON Lines reading (see jsonl_reader.h): a small non-recursive parser for
// one flat object per line, with full string unescaping.
#include "load/jsonl_reader.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/utf8.h"
#include "load/reader_util.h"

namespace annals::load {
namespace {

size_t SkipSpace(std::string_view s, size_t i) {
  while (i < s.size() &&
         (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) {
    ++i;
  }
  return i;
}

// The run of letters, digits and "._+-" from s[i], to quote a bad token.
std::string_view TokenAt(std::string_view s, size_t i) {
  size_t end = i;
  while (end < s.size() && (absl::ascii_isalnum(s[end]) || s[end] == '.' ||
                            s[end] == '_' || s[end] == '+' || s[end] == '-')) {
    ++end;
  }
  return s.substr(i, std::max<size_t>(end - i, 1));
}

bool ParseHex4(std::string_view s, size_t i, uint32_t* value) {
  if (s.size() < i + 4) return false;
  uint32_t v = 0;
  for (size_t k = i; k < i + 4; ++k) {
    const char c = s[k];
    int digit;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    } else {
      return false;
    }
    v = v * 16 + static_cast<uint32_t>(digit);
  }
  *value = v;
  return true;
}

}  // namespace

absl::StatusOr<std::unique_ptr<JsonlReader>> JsonlReader::Open(
    const std::string& path, const ReaderOptions& options) {
  auto source = LineSource::Open(path, options.max_line_bytes,
                                 options.chunk_bytes, options.part);
  if (!source.ok()) return source.status();
  return std::unique_ptr<JsonlReader>(
      new JsonlReader(std::move(*source), options.renames));
}

JsonlReader::JsonlReader(std::unique_ptr<LineSource> source,
                         ColumnRenames renames)
    : source_(std::move(source)), renames_(std::move(renames)) {}

bool JsonlReader::Next(RawRow* row) {
  std::string_view line;
  if (!source_->ReadLine(&line, &status_)) return false;
  *row = RawRow();
  row->line = source_->line_number();
  status_ = ParseLine(line, row);
  return status_.ok();
}

absl::Status JsonlReader::ParseLine(std::string_view line, RawRow* row) {
  if (const size_t bad = FindInvalidUtf8(line); bad < line.size()) {
    return ErrorAt(bad, absl::StrFormat("invalid UTF-8 at byte 0x%02X",
                                        static_cast<unsigned char>(line[bad])));
  }
  if (scratch_.size() < line.size()) {
    scratch_.resize(std::max(line.size(), 2 * scratch_.size()));
  }
  out_ = scratch_.data();
  const size_t n = line.size();
  size_t i = SkipSpace(line, 0);
  if (i >= n || line[i] != '{') {
    return ErrorAt(i, absl::StrCat("expected '{' (each line must be one JSON "
                                   "object), found ",
                                   DescribeByteAt(line, i)));
  }
  i = SkipSpace(line, i + 1);
  if (i < n && line[i] == '}') {
    ++i;
  } else {
    for (;;) {
      if (i >= n || line[i] != '"') {
        return ErrorAt(i, absl::StrCat("expected '\"' to start a key, found ",
                                       DescribeByteAt(line, i)));
      }
      const size_t key_at = i;
      std::string_view key;
      if (absl::Status s = ParseString(line, &i, &key); !s.ok()) return s;
      const int index = ColumnFromName(key, renames_, nullptr);
      if (index < 0)
        return ErrorAt(key_at, UnknownFileColumnMessage("key", key));
      RawField& field = row->fields[index];
      if (field.json != JsonKind::kNone) {
        std::string message =
            absl::StrCat("duplicate key '", AbslView(key), "'");
        if (!renames_.empty()) {
          absl::StrAppend(&message, ": ",
                          AbslView(ColumnName(static_cast<Column>(index))),
                          " is given twice (with the column mapping)");
        }
        return ErrorAt(key_at, message);
      }
      i = SkipSpace(line, i);
      if (i >= n || line[i] != ':') {
        return ErrorAt(i, absl::StrCat("expected ':' after a key, found ",
                                       DescribeByteAt(line, i)));
      }
      i = SkipSpace(line, i + 1);
      if (absl::Status s = ParseValue(line, &i, index, &field); !s.ok()) {
        return s;
      }
      i = SkipSpace(line, i);
      if (i < n && line[i] == ',') {
        i = SkipSpace(line, i + 1);
        continue;
      }
      if (i < n && line[i] == '}') {
        ++i;
        break;
      }
      return ErrorAt(i,
                     absl::StrCat("expected ',' or '}' after a value, found ",
                                  DescribeByteAt(line, i)));
    }
  }
  i = SkipSpace(line, i);
  if (i < n) {
    return ErrorAt(i, absl::StrCat("expected end of line after the JSON "
                                   "object, found ",
                                   DescribeByteAt(line, i)));
  }
  for (Column required :
       {Column::kSubject, Column::kPredicate, Column::kObject}) {
    const RawField& field = (*row)[required];
    if (field.json == JsonKind::kNone) {
      return ErrorAt(0, absl::StrCat("missing required key '",
                                     AbslView(ColumnName(required)), "'"));
    }
    if (field.json == JsonKind::kNull) {
      return ErrorAt(
          field.column - 1,
          absl::StrCat("required key '", AbslView(ColumnName(required)),
                       "' must not be null"));
    }
  }
  return absl::OkStatus();
}

absl::Status JsonlReader::ParseValue(std::string_view line, size_t* pos,
                                     int index, RawField* field) {
  const size_t n = line.size();
  const size_t i = *pos;
  field->column = static_cast<int32_t>(i + 1);
  if (i >= n) {
    return ErrorAt(i, "expected a value, found end of line");
  }
  const char c = line[i];
  if (c == '"') {
    field->json = JsonKind::kString;
    field->present = true;
    return ParseString(line, pos, &field->text);
  }
  if (c == '-' || (c >= '0' && c <= '9')) {
    size_t j = i;
    auto digits = [&]() {
      const size_t from = j;
      while (j < n && line[j] >= '0' && line[j] <= '9') ++j;
      return j > from;
    };
    if (line[j] == '-') ++j;
    bool ok = true;
    if (j < n && line[j] == '0') {
      ++j;
    } else {
      ok = digits();
    }
    if (ok && j < n && line[j] == '.') {
      ++j;
      ok = digits();
    }
    if (ok && j < n && (line[j] == 'e' || line[j] == 'E')) {
      ++j;
      if (j < n && (line[j] == '+' || line[j] == '-')) ++j;
      ok = digits();
    }
    // A number must end here: "01", "1.2.3" and "12ab" are not numbers.
    ok = ok && TokenAt(line, i).size() == j - i;
    if (!ok) {
      return ErrorAt(
          i, absl::StrCat("invalid number '", AbslView(TokenAt(line, i)), "'"));
    }
    field->json = JsonKind::kNumber;
    field->present = true;
    field->text = line.substr(i, j - i);
    *pos = j;
    return absl::OkStatus();
  }
  if (c == '[' || c == '{') {
    return ErrorAt(
        i, absl::StrCat("field '",
                        AbslView(ColumnName(static_cast<Column>(index))),
                        "' must be a string, number or boolean"));
  }
  const std::string_view token = TokenAt(line, i);
  if (token == "true" || token == "false") {
    field->json = JsonKind::kBool;
    field->present = true;
    field->text = token;
  } else if (token == "null") {
    field->json = JsonKind::kNull;
  } else if (absl::ascii_isalpha(c)) {
    return ErrorAt(i, absl::StrCat("invalid value '", AbslView(token),
                                   "'; expected a string, number, true, "
                                   "false or null"));
  } else {
    return ErrorAt(
        i, absl::StrCat("expected a value, found ", DescribeByteAt(line, i)));
  }
  *pos = i + token.size();
  return absl::OkStatus();
}

absl::Status JsonlReader::ParseString(std::string_view line, size_t* pos,
                                      std::string_view* text) {
  const char* p = line.data();
  const size_t n = line.size();
  const size_t open = *pos;
  size_t i = open + 1;
  size_t segment = i;         // start of text not yet copied to out_
  char* unescaped = nullptr;  // start of this string in scratch_, once used
  for (;;) {
    while (i < n && p[i] != '"' && p[i] != '\\' &&
           static_cast<unsigned char>(p[i]) >= 0x20) {
      ++i;
    }
    if (i >= n) return ErrorAt(open, "unterminated string");
    const unsigned char c = static_cast<unsigned char>(p[i]);
    if (c < 0x20) {
      return ErrorAt(
          i, absl::StrFormat("control character 0x%02X in a string must be "
                             "escaped",
                             c));
    }
    if (unescaped == nullptr && c == '"') {  // no escapes: view the line
      *text = line.substr(open + 1, i - open - 1);
      *pos = i + 1;
      return absl::OkStatus();
    }
    if (unescaped == nullptr) unescaped = out_;
    std::memcpy(out_, p + segment, i - segment);
    out_ += i - segment;
    if (c == '"') {
      *text =
          std::string_view(unescaped, static_cast<size_t>(out_ - unescaped));
      *pos = i + 1;
      return absl::OkStatus();
    }
    // A backslash escape.
    if (i + 1 >= n) return ErrorAt(open, "unterminated string");
    size_t length = 2;
    switch (p[i + 1]) {
      case '"':
      case '\\':
      case '/':
        *out_++ = p[i + 1];
        break;
      case 'b':
        *out_++ = '\b';
        break;
      case 'f':
        *out_++ = '\f';
        break;
      case 'n':
        *out_++ = '\n';
        break;
      case 'r':
        *out_++ = '\r';
        break;
      case 't':
        *out_++ = '\t';
        break;
      case 'u': {
        uint32_t cp;
        if (!ParseHex4(line, i + 2, &cp)) {
          return ErrorAt(i, "invalid \\u escape: expected 4 hex digits");
        }
        length = 6;
        if (cp >= 0xD800 && cp <= 0xDFFF) {
          uint32_t low;
          if (cp <= 0xDBFF && i + 7 < n && p[i + 6] == '\\' &&
              p[i + 7] == 'u' && ParseHex4(line, i + 8, &low) &&
              low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            length = 12;
          } else {
            return ErrorAt(i,
                           absl::StrFormat("unpaired surrogate \\u%04X", cp));
          }
        }
        out_ = EncodeUtf8(cp, out_);
        break;
      }
      default:
        return ErrorAt(i, absl::StrCat("invalid escape: '\\' followed by ",
                                       DescribeByteAt(line, i + 1)));
    }
    i += length;
    segment = i;
  }
}

absl::Status JsonlReader::ErrorAt(size_t offset,
                                  std::string_view message) const {
  return source_->Error(source_->line_number(),
                        static_cast<int64_t>(offset) + 1, message);
}

}  // namespace annals::load
