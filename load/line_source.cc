// Chunked line splitting for the row readers (see line_source.h).
#include "load/line_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "load/reader_util.h"

namespace annals::load {
namespace {

constexpr size_t kNoNewline = static_cast<size_t>(-1);

}  // namespace

absl::StatusOr<std::unique_ptr<LineSource>> LineSource::Open(
    const std::string& path, int64_t max_line_bytes, int64_t chunk_bytes,
    const LineRange& range) {
  // Columns are int32_t, so lines must stay below 2 GiB.
  if (max_line_bytes <= 0 || max_line_bytes >= (int64_t{1} << 31) ||
      chunk_bytes <= 0 || chunk_bytes >= (int64_t{1} << 31)) {
    return absl::InvalidArgumentError(
        "max_line_bytes and chunk_bytes must be between 1 byte and 2 GiB");
  }
  int fd;
  do {
    fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    return absl::ErrnoToStatus(errno, absl::StrCat("cannot open '", path, "'"));
  }
  struct stat st;
  int64_t total = 0;
  if (fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      close(fd);
      return absl::ErrnoToStatus(EISDIR,
                                 absl::StrCat("cannot open '", path, "'"));
    }
    if (S_ISREG(st.st_mode)) total = st.st_size;
  }
  posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  if (range.begin > 0 && lseek(fd, range.begin, SEEK_SET) != range.begin) {
    int err = errno;
    close(fd);
    return absl::ErrnoToStatus(err,
                               absl::StrCat("cannot seek in '", path, "'"));
  }
  int64_t end = range.end >= 0 ? std::min(range.end, total) : total;
  return std::unique_ptr<LineSource>(new LineSource(
      path, fd, max_line_bytes, chunk_bytes, range, end - range.begin));
}

LineSource::LineSource(std::string path, int fd, int64_t max_line_bytes,
                       int64_t chunk_bytes, const LineRange& range,
                       int64_t bytes_total)
    : path_(std::move(path)),
      fd_(fd),
      max_line_bytes_(max_line_bytes),
      chunk_bytes_(static_cast<size_t>(chunk_bytes)),
      begin_(range.begin),
      end_offset_(range.end),
      bytes_total_(bytes_total),
      buf_file_offset_(range.begin),
      at_file_start_(range.begin == 0),
      next_line_number_(range.first_line) {}

LineSource::~LineSource() { close(fd_); }

int64_t LineSource::bytes_read() const {
  return buf_file_offset_ + static_cast<int64_t>(next_) - begin_;
}

absl::Status LineSource::Error(int64_t line, int64_t column,
                               std::string_view message) const {
  return absl::InvalidArgumentError(
      absl::StrCat(path_, ":", line, ":", column, ": ", AbslView(message)));
}

bool LineSource::Fill(size_t keep) {
  if (keep > 0) {
    const size_t kept = end_ - keep;
    if (kept > 0) std::memmove(buf_.get(), buf_.get() + keep, kept);
    buf_file_offset_ += static_cast<int64_t>(keep);
    for (size_t* offset : {&next_, &record_begin_, &record_second_}) {
      *offset = *offset >= keep ? *offset - keep : 0;
    }
    end_ = kept;
  }
  if (capacity_ - end_ <= chunk_bytes_ / 2) {
    const size_t capacity = std::max(capacity_ * 2, end_ + chunk_bytes_);
    std::unique_ptr<char[]> grown(new char[capacity]);
    if (end_ > 0) std::memcpy(grown.get(), buf_.get(), end_);
    buf_ = std::move(grown);
    capacity_ = capacity;
  }
  size_t want = capacity_ - end_;
  if (end_offset_ >= 0) {  // a part: stop at its end
    int64_t left = end_offset_ - buf_file_offset_ - static_cast<int64_t>(end_);
    want = static_cast<size_t>(std::max<int64_t>(
        0, std::min<int64_t>(left, static_cast<int64_t>(want))));
  }
  ssize_t n = 0;
  while (want > 0 && (n = read(fd_, buf_.get() + end_, want)) < 0 &&
         errno == EINTR) {
  }
  if (n < 0) {
    io_status_ =
        absl::ErrnoToStatus(errno, absl::StrCat("cannot read '", path_, "'"));
    return false;
  }
  if (n == 0) eof_ = true;
  end_ += static_cast<size_t>(n);
  return true;
}

LineSource::Result LineSource::FindNewline(size_t* keep, size_t* line_start,
                                           size_t* newline) {
  const size_t max_line = static_cast<size_t>(max_line_bytes_);
  // Content length from *keep to a line end at `nl`, not counting a '\r'.
  auto too_long = [&](size_t nl) {
    size_t length = nl - *keep;
    if (length > 0 && buf_[nl - 1] == '\r') --length;
    return length > max_line;
  };
  size_t scan = *line_start;
  for (;;) {
    if (scan < end_) {
      const void* hit = std::memchr(buf_.get() + scan, '\n', end_ - scan);
      if (hit != nullptr) {
        *newline =
            static_cast<size_t>(static_cast<const char*>(hit) - buf_.get());
        return too_long(*newline) ? Result::kTooLong : Result::kLine;
      }
      scan = end_;
    }
    if (eof_) {
      if (*line_start >= end_) return Result::kEnd;
      *newline = end_;
      return too_long(end_) ? Result::kTooLong : Result::kLine;
    }
    if (end_ - *keep > max_line + 1) {  // +1: room for a '\r'
      *newline = kNoNewline;
      return Result::kTooLong;
    }
    const size_t shift = *keep;
    if (!Fill(shift)) return Result::kIoError;
    *keep -= shift;
    *line_start -= shift;
    scan -= shift;
  }
}

LineSource::Result LineSource::SkipRestOfLine() {
  for (;;) {
    if (next_ < end_) {
      const void* hit = std::memchr(buf_.get() + next_, '\n', end_ - next_);
      if (hit != nullptr) {
        next_ =
            static_cast<size_t>(static_cast<const char*>(hit) - buf_.get()) + 1;
        skipping_ = false;
        return Result::kLine;
      }
      next_ = end_;
    }
    if (eof_) {
      skipping_ = false;
      return Result::kEnd;
    }
    if (!Fill(next_)) return Result::kIoError;
  }
}

std::string_view LineSource::View(size_t begin, size_t end) const {
  if (end > begin && buf_[end - 1] == '\r') --end;
  return std::string_view(buf_.get() + begin, end - begin);
}

LineSource::Result LineSource::NextLine(std::string_view* line) {
  if (!io_status_.ok()) return Result::kIoError;
  if (skipping_) {
    const Result r = SkipRestOfLine();
    if (r != Result::kLine) return r;
  }
  for (;;) {
    size_t keep = next_, start = next_, newline = 0;
    const Result r = FindNewline(&keep, &start, &newline);
    if (r == Result::kEnd || r == Result::kIoError) return r;
    line_number_ = next_line_number_++;
    const bool file_start = at_file_start_;
    at_file_start_ = false;
    if (r == Result::kTooLong) {
      if (newline == kNoNewline) {
        skipping_ = true;  // drop the buffered part, skip the rest later
        next_ = end_;
      } else {
        next_ = newline < end_ ? newline + 1 : end_;
      }
      return Result::kTooLong;
    }
    size_t begin = start;
    if (file_start && newline - begin >= 3 &&
        std::memcmp(buf_.get() + begin, "\xEF\xBB\xBF", 3) == 0) {
      begin += 3;  // UTF-8 byte-order mark
    }
    next_ = newline < end_ ? newline + 1 : end_;
    const std::string_view view = View(begin, newline);
    if (view.empty()) continue;  // blank line
    record_begin_ = begin;
    record_second_ = next_;
    *line = view;
    return Result::kLine;
  }
}

LineSource::Result LineSource::ExtendLine(std::string_view* record) {
  if (!io_status_.ok()) return Result::kIoError;
  size_t keep = record_begin_, start = next_, newline = 0;
  const Result r = FindNewline(&keep, &start, &newline);
  if (r == Result::kIoError) return r;
  if (r != Result::kLine) {  // abandon: resume after the record's first line
    next_ = record_second_;
    next_line_number_ = line_number_ + 1;
    return r;
  }
  ++next_line_number_;
  record_begin_ = keep;
  next_ = newline < end_ ? newline + 1 : end_;
  *record = View(record_begin_, newline);
  return Result::kLine;
}

bool LineSource::ReadLine(std::string_view* line, absl::Status* status) {
  *status = io_status_;
  if (!status->ok()) return false;
  switch (NextLine(line)) {
    case Result::kLine:
      return true;
    case Result::kEnd:
      return false;
    case Result::kTooLong:
      *status = Error(
          line_number(), 1,
          absl::StrCat("line longer than ", FormatByteSize(max_line_bytes())));
      return false;
    case Result::kIoError:
      *status = io_status_;
      return false;
  }
  return false;
}

}  // namespace annals::load
