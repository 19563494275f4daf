// A bulk load's writer of one position of the time index; see time_writer.h.
#include "engine/time_writer.h"

#include <cstring>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "engine/time_classes.h"

namespace annals::engine {

bool ClassKeyLess::operator()(const ClassSortKey& x,
                              const ClassSortKey& y) const {
  if (x.term != y.term) return x.term < y.term;
  if (x.length_class != y.length_class) return x.length_class < y.length_class;
  if (x.lo != y.lo) return x.lo < y.lo;
  return x.claim < y.claim;
}

TimeWriter::TimeWriter(const Rocks& rocks, TimePosition position,
                       std::string path, const std::string& sort_dir,
                       size_t run_records, Interrupt* interrupt)
    : rocks_(rocks),
      position_(position),
      path_(std::move(path)),
      sorter_(sort_dir,
              absl::StrCat("time", std::string(1, static_cast<char>(position))),
              run_records, ClassKeyLess{}),
      interrupt_(interrupt) {
  sorter_.set_interrupt(interrupt);
}

absl::Status TimeWriter::Open() {
  ANNALS_ASSIGN_OR_RETURN(writer_,
                          SstWriter::Create(rocks_, Family::kTime, path_));
  return absl::OkStatus();
}

absl::Status TimeWriter::Add(const ClaimRecord& claim,
                             std::string_view index_value) {
  TreeExtent extent = ExtentOf(claim);
  ClassSortKey k{};
  k.term = ClassTerm(position_, claim);
  k.claim = claim.id;
  k.lo = extent.lo;
  k.length_class = LengthClass(extent);
  value_.clear();
  EncodeClassValue(position_, claim, index_value, &value_);
  if (value_.size() < sizeof(k.value)) {
    k.value_size = static_cast<uint8_t>(value_.size());
    std::memcpy(k.value, value_.data(), value_.size());
  } else {
    k.value_size = kLongValue;
    const auto index = static_cast<uint32_t>(long_values_.size());
    std::memcpy(k.value, &index, sizeof(index));
    long_values_.push_back(value_);
  }
  return sorter_.Add(k);
}

absl::Status TimeWriter::Flush(bool keep) {
  if (sorter_.count() == 0) return absl::OkStatus();
  if (keep) {
    ANNALS_RETURN_IF_ERROR(sorter_.Finish());
    for (ClassSortKey k{}; sorter_.Next(&k);) {
      ANNALS_RETURN_IF_ERROR(interrupt_->Tick());
      key_.clear();
      EncodeClassKey({position_, k.term, k.length_class, k.lo, k.claim}, &key_);
      if (k.value_size == kLongValue) {
        uint32_t index;
        std::memcpy(&index, k.value, sizeof(index));
        ANNALS_RETURN_IF_ERROR(writer_->Put(key_, long_values_[index]));
      } else {
        ANNALS_RETURN_IF_ERROR(
            writer_->Put(key_, std::string_view(k.value, k.value_size)));
      }
    }
    ANNALS_RETURN_IF_ERROR(sorter_.status());
  }
  sorter_.Reset();
  long_values_.clear();
  return absl::OkStatus();
}

absl::Status TimeWriter::Finish(std::vector<Rocks::Ingest>* files) {
  ANNALS_RETURN_IF_ERROR(Flush(true));
  ANNALS_RETURN_IF_ERROR(writer_->Finish());
  if (!writer_->empty()) files->push_back({Family::kTime, path_});
  return absl::OkStatus();
}

}  // namespace annals::engine
