// Reading, decoding and committing a load; see file_loader.h.
#include "load/file_loader.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "engine/bulk_loader.h"
#include "engine/dictionary.h"
#include "engine/interrupt.h"
#include "engine/prefixes.h"
#include "engine/schema_store.h"
#include "load/rdf_row_reader.h"
#include "load/row_decoder.h"
#include "load/row_reader.h"
#include "load/wikidata_aliases.h"
#include "load/wikidata_reader.h"
#include "schema/schema_parser.h"
#include "schema/validator.h"

namespace annals::load {
namespace {

constexpr int64_t kProgressEvery = 100000;
constexpr int kParseThreads = 2;

constexpr char kCancelled[] =
    "load cancelled: nothing was loaded, the store is unchanged";

// The reject file, opened on the first rejected row.
class Rejects {
 public:
  explicit Rejects(std::string path) : path_(std::move(path)) {}
  // An RDF row (`rdf`) is written as a comment naming the error, then its
  // statement (N-Triples/N-Quads), so the reject file loads as RDF.
  absl::Status Add(std::string_view reason, std::string_view fields,
                   bool rdf = false) {
    if (!out_.is_open()) {
      out_.open(path_, std::ios::trunc);
      if (!out_) {
        return absl::InternalError(
            absl::StrCat("cannot write reject file '", path_, "'"));
      }
      out_ << "# rejected rows: file:line:column: reason, then the row's "
              "fields\n";
    }
    if (rdf) {
      out_ << "# " << reason << "\n";
      if (!fields.empty()) out_ << fields << "\n";
    } else {
      out_ << reason << "\n";
      if (!fields.empty()) out_ << "\t" << fields << "\n";
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

// The fields of a rejected row, for the reject file.
std::string FieldsText(const RawRow& row) {
  std::string text;
  for (int c = 0; c < kColumnCount; ++c) {
    const RawField& f = row.fields[c];
    if (!f.present) continue;
    absl::StrAppend(&text, text.empty() ? "" : " | ",
                    AbslView(ColumnName(static_cast<Column>(c))), "=",
                    AbslView(f.text));
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
    std::lock_guard<std::mutex> lock(mu_);
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
  std::mutex mu_;  // guards report_ (not absl::Mutex: see engine/store.h)
  LoadProgress report_;
};

// A rejected row: `ordinal` is its place among the part's rows.
struct Reject {
  int64_t ordinal = 0;
  std::string reason;
  std::string fields;
  bool rdf = false;  // fields is the RDF statement
};

// What the reject file shows of a row: its fields, or for RDF its statement.
std::string RowText(const RowReader& reader, const RawRow& row) {
  std::string statement = reader.StatementText();
  return statement.empty() ? FieldsText(row) : statement;
}

// A decoded row whose object must be an entity of a declared type: checked
// once the whole load is read, as the load's own `type` claims count.
struct TypedRow {
  size_t row = 0;  // in Part::rows
  int64_t ordinal = 0;
  int32_t object_column = 0;
  std::string fields;
  bool rdf = false;  // fields is the RDF statement
};

// What one parsing thread makes of one part of a file.
struct Part {
  std::unique_ptr<RowReader> reader;
  engine::TermTable terms;
  engine::ClaimBuffer rows;
  std::vector<Reject> rejects;
  std::vector<TypedRow> typed;
  int64_t seen = 0;    // rows read, good or bad
  absl::Status error;  // a bad row without skip_bad, or an I/O error
};

// Strict loads: a predicate no stored claim uses must be one the schema
// declares.
absl::Status CheckStrict(const std::string& path, const RawRow& raw,
                         std::string_view predicate_term,
                         const schema::Schema& schema,
                         const absl::flat_hash_set<std::string>& known) {
  std::optional<std::string_view> p = engine::EntityOfTerm(predicate_term);
  if (!p || schema.FindPredicate(*p) != nullptr ||
      known.contains(std::string(*p))) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      path, ":", raw.line, ":", raw[Column::kPredicate].column,
      ": new predicate '", AbslView(*p),
      "' is not in the schema (strict: a load adds no predicate the schema "
      "does not declare)"));
}

// The predicates stored claims use (for strict loads).
absl::flat_hash_set<std::string> PredicatesInUse(engine::Store* store) {
  absl::flat_hash_set<std::string> names;
  for (const auto& [pid, count] : store->counters().predicate_counts) {
    absl::StatusOr<Value> name = store->dictionary().Lookup(pid, nullptr);
    if (name.ok()) names.insert(name->text());
  }
  return names;
}

void ParsePart(const std::string& path, uint32_t file_index,
               const LoadOptions& options, TimePoint load_time,
               uint64_t next_claim, const schema::Schema* schema,
               const absl::flat_hash_set<std::string>* strict_known,
               Progress* progress, engine::Interrupt interrupt, Part* part) {
  RowDecoder decoder(&part->terms, load_time, next_claim, options.dates,
                     schema);
  decoder.set_events(options.events);
  RawRow raw;
  engine::ClaimRecord row;
  int64_t bytes = 0;
  const bool rdf =
      dynamic_cast<const RdfRowReader*>(part->reader.get()) != nullptr;
  auto bad_row = [&](const absl::Status& s, std::string fields) {
    if (!options.skip_bad) {
      part->error = s;
      return false;
    }
    part->rejects.push_back(
        {part->seen - 1, std::string(s.message()), std::move(fields), rdf});
    return true;
  };
  auto count_row = [&] {
    int64_t now = part->reader->bytes_read();
    progress->Row(now - bytes);
    bytes = now;
  };
  while (true) {
    if (absl::Status s = interrupt.Tick(); !s.ok()) {
      part->error = s;
      return;
    }
    if (!part->reader->Next(&raw)) {
      absl::Status s = part->reader->status();
      if (s.ok()) return;
      if (!absl::IsInvalidArgument(s)) {  // I/O: not resumable
        part->error = s;
        return;
      }
      count_row();
      ++part->seen;
      if (!bad_row(s, "")) return;
      continue;
    }
    count_row();
    ++part->seen;
    absl::Status s = decoder.Decode(raw, path, file_index, &row);
    if (s.ok() && strict_known != nullptr) {
      s = CheckStrict(path, raw, part->terms.term(row.p), *schema,
                      *strict_known);
    }
    if (s.ok()) {
      part->rows.push_back(row);
      if (schema != nullptr &&
          schema::NeedsObjectTypes(*schema, raw[Column::kPredicate].text) &&
          engine::EntityOfTerm(part->terms.term(row.o))) {
        part->typed.push_back({part->rows.size() - 1, part->seen - 1,
                               raw[Column::kObject].column,
                               RowText(*part->reader, raw), rdf});
      }
    } else if (!bad_row(s, RowText(*part->reader, raw))) {
      return;
    }
  }
}

// Checks the rows whose object must be an entity of a declared type against
// the object's types: its `type` claims in the store and in this load. A
// bad row is the load's error, or with skip_bad a reject of its part.
absl::Status CheckEntityTypes(engine::Store* store,
                              const schema::Schema& schema,
                              const std::vector<std::string>& files,
                              const LoadOptions& options,
                              engine::Interrupt* interrupt,
                              std::vector<std::vector<Part>>* files_parts) {
  bool any = false;
  for (const std::vector<Part>& parts : *files_parts) {
    for (const Part& part : parts) any = any || !part.typed.empty();
  }
  if (!any) return absl::OkStatus();
  std::string type_term;
  engine::EncodeTextTerm(ValueKind::kEntity, schema::kTypePredicate,
                         &type_term);
  auto entity = [](std::string_view term) -> std::optional<std::string> {
    std::optional<std::string_view> name = engine::EntityOfTerm(term);
    if (!name) return std::nullopt;
    return std::string(*name);
  };
  absl::flat_hash_map<std::string, std::vector<std::string>> types;
  for (std::vector<Part>& parts : *files_parts) {
    for (Part& part : parts) {
      for (size_t i = 0; i < part.rows.size(); ++i) {
        const engine::ClaimRecord& row = part.rows[i];
        if (part.terms.term(row.p) != type_term) continue;
        std::optional<std::string> s = entity(part.terms.term(row.s));
        std::optional<std::string> o = entity(part.terms.term(row.o));
        if (s && o) types[*s].push_back(*o);
      }
    }
  }
  absl::flat_hash_set<std::string> with_store_types;
  std::shared_ptr<const engine::Snapshot> snap = store->GetSnapshot();
  for (std::vector<Part>& parts : *files_parts) {
    for (Part& part : parts) {
      std::vector<bool> drop(part.rows.size(), false);
      for (const TypedRow& t : part.typed) {
        ANNALS_RETURN_IF_ERROR(interrupt->Tick());
        const engine::ClaimRecord& row = part.rows[t.row];
        std::string object = part.terms.term(row.o).substr(1);
        std::vector<std::string>& known = types[object];
        if (with_store_types.insert(object).second) {
          ANNALS_ASSIGN_OR_RETURN(
              std::vector<std::string> stored,
              engine::EntityTypes(store, snap.get(), object));
          known.insert(known.end(), stored.begin(), stored.end());
          std::sort(known.begin(), known.end());
          known.erase(std::unique(known.begin(), known.end()), known.end());
        }
        absl::Status s = schema::ValidateClaim(
            schema, std::string_view(part.terms.term(row.p)).substr(1),
            Value::Entity(object), &known);
        if (s.ok()) continue;
        std::string message = absl::StrCat(files[row.batch], ":", row.row, ":",
                                           t.object_column, ": ", s.message());
        if (!options.skip_bad) return absl::InvalidArgumentError(message);
        part.rejects.push_back(
            {t.ordinal, std::move(message), t.fields, t.rdf});
        drop[t.row] = true;
      }
      if (std::find(drop.begin(), drop.end(), true) == drop.end()) continue;
      size_t kept = 0;
      for (size_t i = 0; i < part.rows.size(); ++i) {
        if (!drop[i]) part.rows[kept++] = part.rows[i];
      }
      part.rows.truncate(kept);
      std::stable_sort(part.rejects.begin(), part.rejects.end(),
                       [](const Reject& a, const Reject& b) {
                         return a.ordinal < b.ordinal;
                       });
    }
  }
  return absl::OkStatus();
}

}  // namespace

// Gives `loader` the schema with `labels` as aliases (wikidata_aliases.h),
// recorded with the load. Returns the notice for the load's summary.
absl::StatusOr<std::string> AddLabelAliases(
    engine::Store* store, const engine::Store::CurrentSchema& current,
    const std::vector<std::string>& files,
    const std::vector<WikidataLabel>& labels, engine::BulkLoader* loader) {
  std::string text;
  if (current.version > 0) {
    ANNALS_ASSIGN_OR_RETURN(
        std::vector<engine::StoredSchema> versions,
        engine::ReadSchemaVersions(store->rocks(), nullptr));
    if (!versions.empty()) text = versions.back().text;
  }
  auto known = [&](std::string_view name) {
    return store->dictionary()
        .Find(Value::Entity(std::string(name)), nullptr)
        .ok();
  };
  LabelAliases aliases = AliasesOfLabels(text, *current.schema, labels,
                                         absl::StrJoin(files, ", "), known);
  std::string notice;
  if (aliases.added > 0) {
    ANNALS_ASSIGN_OR_RETURN(
        schema::Schema parsed,
        schema::ParseSchema(aliases.text, "schema with Wikidata labels"));
    loader->SetSchema(aliases.text, std::make_shared<const schema::Schema>(
                                        std::move(parsed)));
    notice = absl::StrCat(aliases.added, " Wikidata label",
                          aliases.added == 1 ? "" : "s",
                          " added to the schema as aliases");
  }
  if (aliases.left_out > 0) {
    absl::StrAppend(&notice, notice.empty() ? "" : "; ", aliases.left_out,
                    " label", aliases.left_out == 1 ? "" : "s",
                    " left out, e.g. ", aliases.example);
  }
  return notice;
}

absl::StatusOr<LoadResult> LoadFiles(engine::Store* store,
                                     const std::vector<std::string>& files,
                                     const LoadOptions& options) {
  if (files.empty()) return absl::InvalidArgumentError("no files to load");
  if (options.wikidata) {
    for (const std::string& f : files) {
      const LoadFormat format = options.format == LoadFormat::kAuto
                                    ? FormatFromExtension(f)
                                    : options.format;
      if (format == LoadFormat::kAuto || format == LoadFormat::kTsv ||
          format == LoadFormat::kCsv || format == LoadFormat::kJsonl) {
        return absl::InvalidArgumentError(
            absl::StrCat("--wikidata reads RDF (Wikidata's dumps are Turtle or "
                         "N-Triples): name '",
                         f, "' .ttl or .nt, or give --format=ttl|nt"));
      }
    }
  }
  if (!options.dry_run) ANNALS_RETURN_IF_ERROR(store->Writable());
  engine::Interrupt interrupt(options.cancel, kCancelled);
  ANNALS_RETURN_IF_ERROR(interrupt.Check());
  absl::Time start = absl::Now();
  TimePoint load_time = TimePoint::Now();
  uint64_t next_claim = store->counters().next_claim;
  engine::BulkLoader loader(store, files, load_time.seconds);
  loader.set_interrupt(interrupt);
  // Default: beside the first file (options.h), not in the working directory.
  std::string reject_path = options.reject_file.empty()
                                ? absl::StrCat(files[0], ".rejects")
                                : options.reject_file;
  Rejects rejects(reject_path);
  ReaderOptions reader_options;
  reader_options.max_line_bytes = options.max_line_bytes;
  ANNALS_ASSIGN_OR_RETURN(reader_options.renames,
                          ResolveColumnRenames(options.columns));
  int64_t bytes_total = 0;
  std::error_code ec;
  for (const auto& f : files) {
    auto size = std::filesystem::file_size(f, ec);
    if (!ec) bytes_total += static_cast<int64_t>(size);
  }
  Progress progress(options, start, bytes_total);
  // Rows follow the schema current when the load starts; the commit checks
  // it is still current.
  engine::Store::CurrentSchema current = store->schema();
  std::shared_ptr<const schema::Schema> schema = current.schema;
  loader.CheckedAgainstSchema(current.version);
  absl::flat_hash_set<std::string> in_use;
  if (options.strict) in_use = PredicatesInUse(store);

  // Each file in up to two parts parsed at once; the parts are then taken in
  // file order, so ids, errors and rejects come out as from one thread.
  std::vector<std::vector<Part>> files_parts(files.size());
  reader_options.base_iri = options.base_iri;
  reader_options.wikidata = options.wikidata;
  reader_options.language = options.language;
  std::vector<WikidataLabel> labels;  // of every file, in file order
  for (uint32_t i = 0; i < files.size(); ++i) {
    // RDF blank nodes are the file's own: `_:b1` of file 0 of a load whose
    // claims start at id 57 is the entity `_:L57.0.b1` (docs/rdf.md).
    reader_options.blank_scope = absl::StrCat("L", next_claim, ".", i, ".");
    ANNALS_ASSIGN_OR_RETURN(
        auto readers, OpenRowReaders(files[i], options.format, reader_options,
                                     kParseThreads));
    std::vector<Part> parts(readers.size());
    std::vector<std::thread> threads;
    for (size_t k = 0; k < parts.size(); ++k) {
      parts[k].reader = std::move(readers[k]);
      auto parse = [&, k] {
        ParsePart(files[i], i, options, load_time, next_claim, schema.get(),
                  options.strict ? &in_use : nullptr, &progress, interrupt,
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
      ANNALS_RETURN_IF_ERROR(part.error);
      for (auto& [name, iri] : part.reader->prefixes()) {
        loader.AddMeta(engine::PrefixKey(name), iri);
      }
      if (const auto* wikidata =
              dynamic_cast<const WikidataRowReader*>(part.reader.get())) {
        labels.insert(labels.end(), wikidata->labels().begin(),
                      wikidata->labels().end());
      }
      part.reader.reset();  // read to the end
    }
    files_parts[i] = std::move(parts);
  }
  ANNALS_RETURN_IF_ERROR(CheckEntityTypes(store, *schema, files, options,
                                          &interrupt, &files_parts));
  std::vector<std::string> notices;
  if (!labels.empty()) {
    ANNALS_ASSIGN_OR_RETURN(
        std::string notice,
        AddLabelAliases(store, current, files, labels, &loader));
    if (!notice.empty()) notices.push_back(std::move(notice));
  }
  for (std::vector<Part>& parts : files_parts) {
    for (Part& part : parts) {
      for (const Reject& r : part.rejects) {
        ANNALS_RETURN_IF_ERROR(rejects.Add(r.reason, r.fields, r.rdf));
      }
      ANNALS_RETURN_IF_ERROR(loader.Append(part.terms, &part.rows));
    }
  }
  double read_seconds = absl::ToDoubleSeconds(absl::Now() - start);
  ANNALS_ASSIGN_OR_RETURN(LoadResult result, loader.Commit(options.dry_run));
  result.rows = progress.rows();
  result.notices.insert(result.notices.end(), notices.begin(), notices.end());
  result.steps.insert(result.steps.begin(), {"read and decode", read_seconds});
  result.rejected = rejects.count();
  if (rejects.count() > 0) result.reject_file = rejects.path();
  result.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  return result;
}

}  // namespace annals::load
