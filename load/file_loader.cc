// Reading, decoding and committing a load; see file_loader.h.
#include "load/file_loader.h"

#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "annals/status_macros.h"
#include "engine/bulk_loader.h"
#include "load/row_decoder.h"
#include "load/row_reader.h"
#include "schema/sv.h"

namespace annals::load {
namespace {

constexpr int64_t kProgressEvery = 100000;

// The reject file, opened on the first rejected row.
class Rejects {
 public:
  explicit Rejects(std::string path) : path_(std::move(path)) {}
  absl::Status Add(std::string_view reason, const RawRow* row) {
    if (!out_.is_open()) {
      out_.open(path_, std::ios::trunc);
      if (!out_) {
        return absl::InternalError(
            absl::StrCat("cannot write reject file '", path_, "'"));
      }
      out_ << "# rejected rows: file:line:column: reason, then the row's "
              "fields\n";
    }
    out_ << reason << "\n";
    if (row != nullptr) {
      out_ << "\t";
      bool first = true;
      for (int c = 0; c < kColumnCount; ++c) {
        const RawField& f = row->fields[c];
        if (!f.present) continue;
        out_ << (first ? "" : " | ") << ColumnName(static_cast<Column>(c))
             << "=" << f.text;
        first = false;
      }
      out_ << "\n";
    }
    ++count_;
    return out_ ? absl::OkStatus()
                : absl::InternalError(
                      absl::StrCat("cannot write reject file '", path_, "'"));
  }
  int64_t count() const { return count_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::ofstream out_;
  int64_t count_ = 0;
};

Format ToFormat(LoadFormat f) {
  switch (f) {
    case LoadFormat::kTsv:
      return Format::kTsv;
    case LoadFormat::kCsv:
      return Format::kCsv;
    case LoadFormat::kJsonl:
      return Format::kJsonl;
    case LoadFormat::kAuto:
      break;
  }
  return Format::kAuto;
}

}  // namespace

absl::StatusOr<LoadResult> LoadFiles(engine::Store* store,
                                     const std::vector<std::string>& files,
                                     const LoadOptions& options) {
  if (files.empty()) return absl::InvalidArgumentError("no files to load");
  if (!options.dry_run) RETURN_IF_ERROR(store->Writable());
  absl::Time start = absl::Now();
  TimePoint load_time = TimePoint::Now();
  engine::BulkLoader loader(store, files, load_time.seconds);
  RowDecoder decoder(&loader, load_time, store->counters().next_claim);
  // Default: beside the first file (options.h), not in the working directory.
  std::string reject_path = options.reject_file.empty()
                                ? absl::StrCat(files[0], ".rejects")
                                : options.reject_file;
  Rejects rejects(reject_path);
  ReaderOptions reader_options;
  reader_options.max_line_bytes = options.max_line_bytes;

  LoadResult result;
  LoadProgress progress;
  std::error_code ec;
  for (const auto& f : files) {
    auto size = std::filesystem::file_size(f, ec);
    if (!ec) progress.bytes_total += static_cast<int64_t>(size);
  }
  int64_t bytes_done = 0;
  auto bad_row = [&](const absl::Status& s, const RawRow* row) -> absl::Status {
    if (!options.skip_bad) return s;
    return rejects.Add(Sv(s.message()), row);
  };
  for (uint32_t i = 0; i < files.size(); ++i) {
    ASSIGN_OR_RETURN(
        auto reader,
        OpenRowReader(files[i], ToFormat(options.format), reader_options));
    RawRow raw;
    engine::ClaimRow row;
    while (true) {
      if (!reader->Next(&raw)) {
        absl::Status s = reader->status();
        if (s.ok()) break;
        if (!absl::IsInvalidArgument(s)) return s;  // I/O: not resumable
        ++result.rows;
        RETURN_IF_ERROR(bad_row(s, nullptr));
        continue;
      }
      ++result.rows;
      absl::Status s = decoder.Decode(raw, files[i], i, &row);
      if (s.ok()) {
        loader.Add(row);
      } else {
        RETURN_IF_ERROR(bad_row(s, &raw));
      }
      if (options.progress && result.rows % kProgressEvery == 0) {
        progress.rows = result.rows;
        progress.bytes_read = bytes_done + reader->bytes_read();
        progress.seconds = absl::ToDoubleSeconds(absl::Now() - start);
        options.progress(progress);
      }
    }
    bytes_done += reader->bytes_read();
  }
  double read_seconds = absl::ToDoubleSeconds(absl::Now() - start);
  ASSIGN_OR_RETURN(engine::BulkLoadSummary summary,
                   loader.Commit(options.dry_run));
  result.steps.emplace_back("read and decode", read_seconds);
  result.steps.insert(result.steps.end(), summary.steps.begin(),
                      summary.steps.end());
  result.claims_added = summary.claims_added;
  result.duplicates = summary.duplicates;
  result.terms_added = summary.terms_added;
  result.first_claim = summary.first_claim;
  result.batches = summary.batches;
  result.rejected = rejects.count();
  if (rejects.count() > 0) result.reject_file = rejects.path();
  result.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  return result;
}

}  // namespace annals::load
