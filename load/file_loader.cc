// Reading, decoding and committing a load; see file_loader.h.
#include "load/file_loader.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "annals/status_macros.h"
#include "engine/bulk_loader.h"
#include "load/row_decoder.h"
#include "load/row_reader.h"
#include "schema/sv.h"

namespace annals::load {
namespace {

constexpr int64_t kProgressEvery = 100000;
constexpr int kParseThreads = 2;

// The reject file, opened on the first rejected row.
class Rejects {
 public:
  explicit Rejects(std::string path) : path_(std::move(path)) {}
  absl::Status Add(std::string_view reason, std::string_view fields) {
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
    if (!fields.empty()) out_ << "\t" << fields << "\n";
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

// The fields of a rejected row, for the reject file.
std::string FieldsText(const RawRow& row) {
  std::string text;
  for (int c = 0; c < kColumnCount; ++c) {
    const RawField& f = row.fields[c];
    if (!f.present) continue;
    absl::StrAppend(&text, text.empty() ? "" : " | ",
                    Sv(ColumnName(static_cast<Column>(c))), "=", Sv(f.text));
  }
  return text;
}

// Progress shared by the parsing threads; the callback runs under a lock.
class Progress {
 public:
  Progress(const LoadOptions& options, absl::Time start, int64_t bytes_total)
      : options_(options), start_(start) {
    report_.bytes_total = bytes_total;
  }
  void Row(int64_t bytes_read_delta) {
    int64_t rows = ++rows_;
    bytes_ += bytes_read_delta;
    if (!options_.progress || rows % kProgressEvery != 0) return;
    absl::MutexLock lock(&mu_);
    report_.rows = rows;
    report_.bytes_read = bytes_;
    report_.seconds = absl::ToDoubleSeconds(absl::Now() - start_);
    options_.progress(report_);
  }
  int64_t rows() const { return rows_; }

 private:
  const LoadOptions& options_;
  const absl::Time start_;
  std::atomic<int64_t> rows_{0}, bytes_{0};
  absl::Mutex mu_;
  LoadProgress report_ ABSL_GUARDED_BY(mu_);
};

// What one parsing thread makes of one part of a file.
struct Part {
  std::unique_ptr<RowReader> reader;
  engine::TermTable terms;
  std::vector<engine::ClaimRow> rows;
  std::vector<std::pair<std::string, std::string>> rejects;  // reason, fields
  absl::Status error;  // a bad row without skip_bad, or an I/O error
};

void ParsePart(const std::string& path, uint32_t file_index,
               const LoadOptions& options, TimePoint load_time,
               uint64_t next_claim, Progress* progress, Part* part) {
  RowDecoder decoder(&part->terms, load_time, next_claim, options.dates);
  RawRow raw;
  engine::ClaimRow row;
  int64_t bytes = 0;
  auto bad_row = [&](const absl::Status& s, std::string fields) {
    if (!options.skip_bad) {
      part->error = s;
      return false;
    }
    part->rejects.emplace_back(std::string(s.message()), std::move(fields));
    return true;
  };
  auto count_row = [&] {
    int64_t now = part->reader->bytes_read();
    progress->Row(now - bytes);
    bytes = now;
  };
  while (true) {
    if (!part->reader->Next(&raw)) {
      absl::Status s = part->reader->status();
      if (s.ok()) return;
      if (!absl::IsInvalidArgument(s)) {  // I/O: not resumable
        part->error = s;
        return;
      }
      count_row();
      if (!bad_row(s, "")) return;
      continue;
    }
    count_row();
    absl::Status s = decoder.Decode(raw, path, file_index, &row);
    if (s.ok()) {
      part->rows.push_back(row);
    } else if (!bad_row(s, FieldsText(raw))) {
      return;
    }
  }
}

}  // namespace

absl::StatusOr<LoadResult> LoadFiles(engine::Store* store,
                                     const std::vector<std::string>& files,
                                     const LoadOptions& options) {
  if (files.empty()) return absl::InvalidArgumentError("no files to load");
  if (!options.dry_run) RETURN_IF_ERROR(store->Writable());
  absl::Time start = absl::Now();
  TimePoint load_time = TimePoint::Now();
  uint64_t next_claim = store->counters().next_claim;
  engine::BulkLoader loader(store, files, load_time.seconds);
  // Default: beside the first file (options.h), not in the working directory.
  std::string reject_path = options.reject_file.empty()
                                ? absl::StrCat(files[0], ".rejects")
                                : options.reject_file;
  Rejects rejects(reject_path);
  ReaderOptions reader_options;
  reader_options.max_line_bytes = options.max_line_bytes;
  ASSIGN_OR_RETURN(reader_options.renames,
                   ResolveColumnRenames(options.columns));
  int64_t bytes_total = 0;
  std::error_code ec;
  for (const auto& f : files) {
    auto size = std::filesystem::file_size(f, ec);
    if (!ec) bytes_total += static_cast<int64_t>(size);
  }
  Progress progress(options, start, bytes_total);

  // Each file in up to two parts parsed at once; the parts are then taken in
  // file order, so ids, errors and rejects come out as from one thread.
  for (uint32_t i = 0; i < files.size(); ++i) {
    ASSIGN_OR_RETURN(auto readers,
                     OpenRowReaders(files[i], ToFormat(options.format),
                                    reader_options, kParseThreads));
    std::vector<Part> parts(readers.size());
    std::vector<std::thread> threads;
    for (size_t k = 0; k < parts.size(); ++k) {
      parts[k].reader = std::move(readers[k]);
      auto parse = [&, k] {
        ParsePart(files[i], i, options, load_time, next_claim, &progress,
                  &parts[k]);
      };
      if (k + 1 < parts.size()) {
        threads.emplace_back(parse);
      } else {
        parse();
      }
    }
    for (std::thread& t : threads) t.join();
    for (Part& part : parts) {
      RETURN_IF_ERROR(part.error);
      for (const auto& [reason, fields] : part.rejects) {
        RETURN_IF_ERROR(rejects.Add(reason, fields));
      }
      loader.Append(part.terms, std::move(part.rows));
    }
  }
  LoadResult result;
  result.rows = progress.rows();
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
