// Batch records and the row-base cache; see batch_meta.h.
#include "engine/batch_meta.h"

#include <mutex>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "engine/key_codec.h"

namespace annals::engine {
namespace {

// Takes the text up to the next tab from `*in`, and the tab; false when
// there is no tab.
bool TakeField(std::string_view* in, std::string_view* field) {
  size_t tab = in->find('\t');
  if (tab == std::string_view::npos) return false;
  *field = in->substr(0, tab);
  in->remove_prefix(tab + 1);
  return true;
}

template <typename Int>
bool TakeNumber(std::string_view* in, Int* out) {
  std::string_view field;
  return TakeField(in, &field) && absl::SimpleAtoi(AbslView(field), out);
}

}  // namespace

std::string BatchMetaKey(uint64_t batch) {
  std::string key(kMetaBatchPrefix);
  PutId(&key, batch);
  return key;
}

std::string EncodeBatchMeta(const BatchMeta& meta, int format) {
  if (format < 3) {
    return absl::StrCat(meta.load_time, "\t", meta.claims_added, "\t",
                        meta.file);
  }
  return absl::StrCat(meta.load_time, "\t", meta.claims_added, "\t",
                      meta.base.first_claim, "\t", meta.base.first_row, "\t",
                      meta.file);
}

std::optional<BatchMeta> DecodeBatchMeta(std::string_view value, int format) {
  BatchMeta meta;
  if (!TakeNumber(&value, &meta.load_time) ||
      !TakeNumber(&value, &meta.claims_added)) {
    return std::nullopt;
  }
  if (format >= 3 && (!TakeNumber(&value, &meta.base.first_claim) ||
                      !TakeNumber(&value, &meta.base.first_row))) {
    return std::nullopt;
  }
  meta.file = std::string(value);
  return meta;
}

absl::StatusOr<RowBase> RowBases::Get(uint64_t batch, const Snapshot* snap) {
  {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = bases_.find(batch);
    if (it != bases_.end()) return it->second;
  }
  auto missing = [&](std::string_view what) {
    return absl::DataLossError(absl::StrCat("store '", rocks_->dir(),
                                            "': the record of load batch ",
                                            batch, " is ", AbslView(what)));
  };
  absl::StatusOr<std::string> value =
      rocks_->Get(Family::kMeta, BatchMetaKey(batch), snap);
  if (absl::IsNotFound(value.status())) return missing("missing");
  if (!value.ok()) return value.status();
  std::optional<BatchMeta> meta = DecodeBatchMeta(*value, 3);
  if (!meta.has_value()) return missing("unreadable");
  std::lock_guard<std::shared_mutex> lock(mu_);
  if (bases_.size() >= kMaxCached) bases_.clear();
  bases_.emplace(batch, meta->base);
  return meta->base;
}

}  // namespace annals::engine
