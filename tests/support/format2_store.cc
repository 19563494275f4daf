// Format-2 stores for the upgrade's tests; see format2_store.h.
#include "tests/support/format2_store.h"

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "engine/dictionary.h"
#include "engine/key_codec.h"
#include "engine/term_id.h"

namespace annals::test {
namespace {

constexpr int kOpsPerWrite = 10000;

}  // namespace

using engine::Family;

absl::StatusOr<std::unique_ptr<Format2Writer>> Format2Writer::Create(
    const std::string& dir) {
  Options options;
  options.sync_writes = false;
  ANNALS_ASSIGN_OR_RETURN(auto rocks, engine::Rocks::Open(dir, options));
  return std::unique_ptr<Format2Writer>(new Format2Writer(std::move(rocks)));
}

Format2Writer::Format2Writer(std::unique_ptr<engine::Rocks> rocks)
    : rocks_(std::move(rocks)),
      batch_(std::make_unique<engine::RocksBatch>()) {}
Format2Writer::~Format2Writer() = default;

absl::Status Format2Writer::Put(Family f, std::string_view key,
                                std::string_view value) {
  batch_->Put(f, key, value);
  if (batch_->count() >= kOpsPerWrite) {
    absl::Status s = rocks_->Write(batch_.get());
    if (status_.ok()) status_ = s;
    batch_ = std::make_unique<engine::RocksBatch>();
  }
  return status_;
}

uint64_t Format2Writer::Term(const Value& v) {
  std::string bytes;
  engine::EncodeTerm(v, &bytes);
  auto [it, added] = terms_.try_emplace(bytes, 0);
  if (added) {
    it->second = engine::MakeTermId(next_term_++, v.kind());
    std::string id;
    engine::PutId(&id, it->second);
    Put(Family::kTerms, id, bytes).IgnoreError();  // in Finish's status
    Put(Family::kTermIds, bytes, id).IgnoreError();
  }
  return it->second;
}

uint64_t Format2Writer::NewBatch(std::string_view file, int64_t load_time) {
  engine::BatchMeta& meta = batches_.emplace_back();
  meta.load_time = load_time;
  meta.file = std::string(file);
  return batches_.size();
}

const engine::ClaimRecord& Format2Writer::Add(engine::ClaimRecord row) {
  row.id = last_.id + 1;
  if (row.batch != 0) ++batches_.at(row.batch - 1).claims_added;
  ++predicate_claims_[row.p];
  Put(Family::kClaims, engine::IdKey(row.id), engine::EncodeClaimRecord(row))
      .IgnoreError();  // in Finish's status
  last_ = row;
  return last_;
}

absl::Status Format2Writer::Finish() {
  for (size_t i = 0; i < batches_.size(); ++i) {
    ANNALS_RETURN_IF_ERROR(Put(Family::kMeta, engine::BatchMetaKey(i + 1),
                               engine::EncodeBatchMeta(batches_[i], 2)));
  }
  for (const auto& [p, n] : predicate_claims_) {
    std::string key(engine::kMetaPredicateCountPrefix);
    engine::PutId(&key, p);
    ANNALS_RETURN_IF_ERROR(Put(Family::kMeta, key, absl::StrCat(n)));
  }
  const std::pair<std::string_view, uint64_t> counters[] = {
      {engine::kMetaFormatVersion, 2},
      {engine::kMetaNextClaim, last_.id + 1},
      {engine::kMetaNextTerm, next_term_},
      {engine::kMetaNextBatch, batches_.size() + 1},
      {engine::kMetaClaimCount, last_.id}};
  for (const auto& [key, value] : counters) {
    ANNALS_RETURN_IF_ERROR(Put(Family::kMeta, key, absl::StrCat(value)));
  }
  ANNALS_RETURN_IF_ERROR(rocks_->Write(batch_.get()));
  rocks_.reset();
  return absl::OkStatus();
}

absl::StatusOr<StoreEntries> ReadStoreEntries(const std::string& dir) {
  Options options;
  options.create_if_missing = false;
  ANNALS_ASSIGN_OR_RETURN(auto rocks, engine::Rocks::Open(dir, options));
  StoreEntries entries;
  for (int i = 0; i < engine::kFamilyCount; ++i) {
    const auto f = static_cast<Family>(i);
    auto& list = entries[engine::FamilyName(f)];
    auto it = rocks->NewIterator(f, "", "", nullptr);
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      list.emplace_back(std::string(it->key()), std::string(it->value()));
    }
    ANNALS_RETURN_IF_ERROR(it->status());
  }
  return entries;
}

}  // namespace annals::test
