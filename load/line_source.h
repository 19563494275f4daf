// Splits a file into lines for the row readers: reads it in large chunks with
// read(2), finds line ends with memchr and hands out string_views into its
// buffer, growing it for long lines up to a limit and skipping longer ones.
#ifndef ANNALS_LOAD_LINE_SOURCE_H_
#define ANNALS_LOAD_LINE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace annals::load {

// A part of a file: the bytes [begin, end) (end -1: to the end of the file),
// where `begin` starts line number `first_line`. Parts start at line starts.
struct LineRange {
  int64_t begin = 0;
  int64_t end = -1;
  int64_t first_line = 1;
};

class LineSource {
 public:
  enum class Result { kLine, kEnd, kTooLong, kIoError };

  // Opens `path` (or the part `range` of it) for reading. Fails like "cannot
  // open 'x.tsv': No such file or directory" (NotFound, PermissionDenied,
  // ...).
  static absl::StatusOr<std::unique_ptr<LineSource>> Open(
      const std::string& path, int64_t max_line_bytes, int64_t chunk_bytes,
      const LineRange& range = LineRange());

  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;
  ~LineSource();

  // Next non-blank line (blank: "" or "\r"), without its "\n" or "\r\n"; a
  // UTF-8 byte-order mark opening the file is dropped. The view is valid until
  // the next call. kTooLong: the line has more than max_line_bytes bytes; it
  // is skipped without being held in memory, and the next call resumes after
  // it. kIoError is final (see io_status()).
  Result NextLine(std::string_view* line);
  // NextLine() as the readers use it: true with *line set, or false with
  // *status OK at the end, the "line longer than ..." error (resumable) or
  // the I/O error (final).
  bool ReadLine(std::string_view* line, absl::Status* status);

  // Appends the following physical line to the current record (for CSV quoted
  // fields that span lines): *record becomes the whole record from the start
  // of its first line, inner line ends kept, the last "\n" or "\r\n" dropped.
  // The view may move: earlier views into the record are invalidated. kEnd
  // when there is no following line, kTooLong when the record would exceed
  // max_line_bytes; on either, the record is abandoned and the next
  // NextLine() resumes at the line after the record's first line.
  Result ExtendLine(std::string_view* record);

  // 1-based number of the line where the current record starts.
  int64_t line_number() const { return line_number_; }
  const std::string& path() const { return path_; }
  int64_t max_line_bytes() const { return max_line_bytes_; }
  const absl::Status& io_status() const { return io_status_; }
  // Bytes of the part consumed so far, and its size.
  int64_t bytes_read() const;
  int64_t bytes_total() const { return bytes_total_; }

  // InvalidArgument("path:line:column: message").
  absl::Status Error(int64_t line, int64_t column,
                     std::string_view message) const;

 private:
  LineSource(std::string path, int fd, int64_t max_line_bytes,
             int64_t chunk_bytes, const LineRange& range, int64_t bytes_total);

  // Searches for '\n' from *scan, keeping the bytes from *keep on in memory
  // and reading more as needed (which may move them: both offsets are
  // updated). kLine with *newline at the '\n', or at end_ for a last line
  // without one; kEnd when *scan is at the end of the file; kTooLong when more
  // than max_line_bytes_ bytes from *keep hold no '\n'.
  Result FindNewline(size_t* keep, size_t* scan, size_t* newline);
  // Moves the bytes from `keep` on to the buffer start, grows the buffer when
  // it is nearly full, and appends what read(2) returns. False on I/O error.
  bool Fill(size_t keep);
  // Discards input up to and past the next '\n' (after a too-long line).
  Result SkipRestOfLine();
  // Drops a final '\r' and makes the view [begin, end).
  std::string_view View(size_t begin, size_t end) const;

  const std::string path_;
  const int fd_;
  const int64_t max_line_bytes_;
  const size_t chunk_bytes_;
  const int64_t begin_;       // file offset of the part
  const int64_t end_offset_;  // -1: to the end of the file
  const int64_t bytes_total_;
  absl::Status io_status_;

  std::unique_ptr<char[]> buf_;
  size_t capacity_ = 0;
  size_t end_ = 0;               // buf_[0, end_) holds file data
  int64_t buf_file_offset_ = 0;  // file offset of buf_[0]
  bool eof_ = false;             // read(2) returned 0
  bool skipping_ = false;        // inside a too-long line being discarded
  bool at_file_start_ = true;    // no line handed out yet (for the BOM)

  size_t next_ = 0;               // where the next line starts
  size_t record_begin_ = 0;       // first byte of the current record
  size_t record_second_ = 0;      // start of its second physical line
  int64_t line_number_ = 0;       // line of the current record's start
  int64_t next_line_number_ = 1;  // line number of next_
};

}  // namespace annals::load

#endif  // ANNALS_LOAD_LINE_SOURCE_H_
