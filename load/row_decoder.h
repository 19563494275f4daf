// RowDecoder: one RawRow -> one claim record for the bulk loader. It types
// every field (object inference or the object_type column, time literals,
// confidence), checks it (empty subject, valid_to before valid_from, ...)
// and the schema's value types)
// and reports the first problem as "file:line:column: reason". Terms are
// interned into the term table only once the whole row is valid, so a
// rejected row leaves no trace. One decoder per parsing thread.
#ifndef ANNALS_LOAD_ROW_DECODER_H_
#define ANNALS_LOAD_ROW_DECODER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "annals/options.h"
#include "annals/time.h"
#include "engine/bulk_loader.h"
#include "engine/term_table.h"
#include "load/raw_row.h"
#include "schema/schema.h"

namespace annals::load {

class RowDecoder {
 public:
  // `recorded_default` is the transaction time of rows without recorded_at;
  // `next_claim` the store's next claim id (references must be below it);
  // `dates` how the times are written; `schema` what rows must follow
  // (nullptr or an empty schema: anything).
  RowDecoder(engine::TermTable* terms, TimePoint recorded_default,
             uint64_t next_claim, DateFormat dates = DateFormat::kIso,
             const schema::Schema* schema = nullptr)
      : terms_(terms),
        recorded_default_(recorded_default),
        next_claim_(next_claim),
        dates_(dates),
        schema_(schema) {}

  // Rows are events: an empty valid_to is valid_from (LoadOptions::events).
  void set_events(bool events) { events_ = events; }

  // Decodes `row` of file number `file_index` (path `path`) into `out`.
  absl::Status Decode(const RawRow& row, std::string_view path,
                      uint32_t file_index, engine::ClaimRecord* out);

 private:
  engine::TermTable* terms_;
  TimePoint recorded_default_;
  uint64_t next_claim_;
  DateFormat dates_;
  const schema::Schema* schema_;
  bool events_ = false;
  // Term bytes of the row being decoded, interned once it is valid.
  std::string subject_, predicate_, object_, source_, by_;
};

}  // namespace annals::load

#endif  // ANNALS_LOAD_ROW_DECODER_H_
